"""The optional language-model condenser: an OpenAI-compatible Chat Completions endpoint whose
answers are verified against the transcript, with the extractive condenser as fallback.

`client` speaks the protocol (retries, structured output, JSON extraction), `segments` numbers
the material the model sees, `prompts` holds the versioned prompt files, `verify` checks every
quote and takeaway against the source, and `condense` puts them together per episode.
"""
