"""Rendering: a stored Digest becomes the email (MJML -> HTML, plain text, .eml), feeds and pages.

Render functions are pure: they take models and settings and return strings or bytes. Writing
to disk happens in `castdigest.pipeline.publish`.
"""
