"""Quotes worth reading: the source's own first, else quotable sentences from the transcript.

A source quote keeps its words whole (never cut) and gets its speaker from, in order: the quote
itself, its attribution line ("—Emma on release automation", when that line names a known
person or a name followed by a speech verb), the transcript turn it is found in, or, in an
episode with one guest, that guest when the quote is not a host's (not found in a host's turn,
not a question, not naming the guest, its attribution line naming nobody else). Otherwise no
speaker is better than a wrong one. The offset is the quote's own or its transcript turn's;
when only its chapter is known, the quote says so ("in <chapter>") and never takes the
chapter's start as its time. A quote without content (fillers, fragments, too few words) is
left out, and one in a language not spoken in the episode is marked as a translation
(`quote_checks`).

Without source quotes, transcript sentences qualify when they are 8 to 40 words, first person,
self-contained (not a question, not opening with a word that points back) and opinionated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from castdigest.condense.candidates import Candidate, transcript_pool
from castdigest.condense.clean import match_key
from castdigest.condense.links import deep_link, media_url
from castdigest.condense.quote_checks import has_content, is_translation, quote_language
from castdigest.models import CondensedQuote, Episode, Quote
from castdigest.text.truncate import count_words

T = TypeVar("T")
MIN_WORDS, MAX_WORDS = 8, 40
_QUOTE_MARKS = "\"'“”‘’«»„「」『』 \t"
_SPEECH_VERB = (
    r"says?|said|explains?|explaining|highlights?|argues?|arguing|notes?|describes?|"
    r"describing|recalls?|shares?|warns?|adds?|admits?|jokes?|reflects?|insists?|"
    r"puts? it|dit|explique|souligne|raconte|affirme"
)
_ATTRIBUTED = re.compile(
    rf"^\s*[—–-]*\s*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,2}})"
    rf"(?:\s*,|\s+(?:{_SPEECH_VERB})\b)"
)
# After a known name at the start of an attribution line: it says that person spoke.
_SAYS = rf"(?:\s*[,:(—–-]|\s+(?:on|about|{_SPEECH_VERB})\b|\s*$)"
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|we|we're|we've|we'd|we'll|my|our|me|us|je|j'|nous|mon|ma|mes|"
    r"notre|moi|yo|mi|nosotros|ich|wir|mein|unser|io|noi|eu|nós)\b|我|저는|제가|나는|내가|우리|私|僕",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:think|believe|should|must|need|never|always|best|worst|important|love|hate|wrong|"
    r"key|matters?|future|biggest|hardest|real(?:ly)?|truth|bet|convinced|pense|crois|faut|"
    r"jamais|toujours|essentiel)\b|觉得|认为|应该|必须|一定|最|생각|해야|중요",
    re.IGNORECASE,
)
# A transcriber's label for a voice, not a name: "Speaker 2", "SPEAKER_01", "S1".
_GENERIC_LABEL = re.compile(
    r"^\s*(?:(?:speaker|spk|s|voice|participant|intervenant|locuteur|sprecher|hablante)"
    r"[\s_#-]*\d*|\d+)\s*$",
    re.IGNORECASE,
)
# Labels for a role: the episode's one guest or one host when it has one.
_ROLE_LABELS = {
    "guest": "guests",
    "interviewee": "guests",
    "invité": "guests",
    "invitée": "guests",
    "host": "hosts",
    "interviewer": "hosts",
    "animateur": "hosts",
    "animatrice": "hosts",
}
_POINTS_BACK = re.compile(
    r"^(?:that|this|those|these|which|because|or|then|also|he|she|they|it's that|"
    r"ça|cela|ce|donc|那|这|그게|이게)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Found:
    speaker: str | None
    offset: float | None
    located: bool = False  # found in one turn of the transcript (its speaker may be unknown)


def pick_quotes(
    episode: Episode,
    count: int,
    language: str | None,
    exclude: set[str] | None = None,
    spoken: list[Candidate] | None = None,
) -> list[CondensedQuote]:
    """Up to `count` quotes, spread over the episode, in order of appearance.

    `exclude` holds match keys of takeaways (not repeated as quotes when others qualify);
    `spoken` the transcript's candidates when the caller has them already.
    """
    if count <= 0:
        return []
    url = media_url(episode.urls)
    explicit = _explicit(episode)
    if explicit:
        chosen = _spread(explicit, count, lambda q: _quotability(q.text, language))
        turns = _turn_keys(episode, language)
        return [_from_source(episode, q, language, url, turns) for q in chosen]
    spoken = transcript_pool(episode) if spoken is None else spoken
    quotable = [c for c in spoken if _quotable(c, language)]
    fresh = [c for c in quotable if match_key(c.text, language) not in (exclude or set())]
    pool = fresh if len(fresh) >= count else quotable  # repeat a takeaway rather than go empty
    hosts = {p.name.casefold() for p in episode.hosts}
    chosen_c = _spread(
        pool,
        count,
        lambda c: _quotability(c.text, language) - (1.0 if _is_host(c.speaker, hosts) else 0.0),
    )
    return [
        CondensedQuote(
            text=c.text,
            speaker=_full_name(episode, c.speaker),
            offset=c.offset,
            link=deep_link(url, c.offset) if c.offset is not None else None,
        )
        for c in chosen_c
    ]


def has_quotes(episode: Episode) -> bool:
    """Whether the source gives quotes of its own (else they are picked from the transcript)."""
    return bool(_explicit(episode))


def _explicit(episode: Episode) -> list[Quote]:
    """Episode quotes and chapter quotes (with their chapter), once each, in episode order."""
    out: list[Quote] = []
    seen: set[str] = set()
    chapter_quotes = [
        q if q.chapter is not None else q.model_copy(update={"chapter": i})
        for i, ch in enumerate(episode.chapters)
        for q in ch.quotes
    ]
    for q in [*chapter_quotes, *episode.quotes]:
        text = q.text.strip(_QUOTE_MARKS)
        key = match_key(text, episode.language)
        if has_content(text, q.language or episode.language) and key not in seen:
            seen.add(key)
            out.append(q.model_copy(update={"text": text}))
    if any(q.offset is not None for q in out) and all(
        q.offset is not None or q.chapter is not None for q in out
    ):
        out.sort(key=lambda q: _when(episode, q))
    return out


def _when(episode: Episode, q: Quote) -> float:
    if q.offset is not None:
        return q.offset
    if q.chapter is not None and q.chapter < len(episode.chapters):
        return episode.chapters[q.chapter].start or 0.0
    return 0.0


def _from_source(
    episode: Episode, q: Quote, language: str | None, url: str | None, turns: list[str]
) -> CondensedQuote:
    found = _in_transcript(episode, q.text, language, turns)
    speaker = q.speaker or _attributed(episode, q.context) or found.speaker
    if speaker is None and not found.located:
        speaker = _the_guest(episode, q)
    offset = q.offset if q.offset is not None else found.offset
    chapter = None
    link = deep_link(url, offset) if offset is not None else None
    if offset is None and q.chapter is not None and q.chapter < len(episode.chapters):
        said_in = episode.chapters[q.chapter]  # its time is unknown: the chapter is said
        chapter = said_in.title
        link = deep_link(url, said_in.start) if said_in.start is not None else None
    own = quote_language(q.text, q.language, episode.language)
    return CondensedQuote(
        text=q.text,
        speaker=_full_name(episode, speaker),
        offset=offset,
        link=link,
        language=q.language or (own if _differs(own, episode.language) else None),
        chapter=chapter,
        translated=is_translation(episode, own),
    )


def _differs(a: str | None, b: str | None) -> bool:
    return bool(a and b) and (a or "").split("-")[0].lower() != (b or "").split("-")[0].lower()


def _the_guest(episode: Episode, q: Quote) -> str | None:
    """The episode's one guest, when nothing says the quote is someone else's: it is not a
    question (the host asks), does not name the guest, and its attribution line names no one."""
    guests = {p.name for p in episode.guests if p.name.strip()}
    if len(guests) != 1:
        return None
    guest = next(iter(guests))
    if q.text.rstrip(_QUOTE_MARKS).endswith(("?", "？")):
        return None
    if _names(guest, q.text):
        return None
    if q.context and any(_names(n, q.context) for n in _known_people(episode) if n != guest):
        return None
    return guest


def _names(name: str, text: str) -> bool:
    forms = dict.fromkeys([name, *name.split()] if " " in name else [name])
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms if len(f) > 1)


def _full_name(episode: Episode, speaker: str | None) -> str | None:
    """A speaker known by first name alone ("Theo") under the one full name starting with it,
    one labelled "Guest" or "Host" under the episode's one guest or host; None for a
    transcriber's label that names nobody ("Speaker 2", "SPEAKER_01")."""
    if not speaker or _GENERIC_LABEL.match(speaker):
        return None
    role = _ROLE_LABELS.get(speaker.strip().casefold())
    if role:
        named = {p.name for p in getattr(episode, role) if p.name.strip()}
        return named.pop() if len(named) == 1 else speaker
    if " " in speaker.strip():
        return speaker
    people = {p.name for p in (*episode.hosts, *episode.guests, *episode.people)}
    fitting = {n for n in people if " " in n and n.split()[0] == speaker}
    return fitting.pop() if len(fitting) == 1 else speaker


def _known_people(episode: Episode) -> list[str]:
    names = [p.name for p in (*episode.hosts, *episode.guests, *episode.people)]
    names += [e.name for e in episode.entities if e.kind.casefold() == "person"]
    if episode.transcript:
        names += [s.speaker for s in episode.transcript.segments if s.speaker]
    return list(dict.fromkeys(n for n in names if n.strip()))


def _attributed(episode: Episode, context: str | None) -> str | None:
    """Who an attribution line says spoke, or None when it does not say so plainly.

    The line must open with the name, followed by a speech verb, a comma or colon, "on" or
    "about", or nothing ("—Emma highlights ...", "Emma on release automation", "— Kyle
    Daigle, GitHub"). A name further in ("Swyx asks Kyle about ...") proves nothing, and two
    people named make it unclear.
    """
    if not context:
        return None
    speakers: list[str] = []
    for name in _known_people(episode):
        for form in dict.fromkeys([name, name.split()[0]]):
            if re.match(rf"^\W*{re.escape(form)}{_SAYS}", context):
                speakers.append(name)
                break
    named = [
        n for n in _known_people(episode) if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", context)
    ]
    if len(speakers) == 1 and set(named) <= set(speakers):
        return speakers[0]
    if speakers or named:
        return None
    # An unknown name counts only when a speech verb follows it ("Emma explains"), so that
    # "—Optimism about rapid progress" names nobody.
    m = _ATTRIBUTED.match(context)
    return m.group("name") if m else None


def _turn_keys(episode: Episode, language: str | None) -> list[str]:
    """Match keys of the transcript's turns, made once for all the quotes looked up in them."""
    transcript = episode.transcript
    return [match_key(s.text, language) for s in transcript.segments] if transcript else []


def _in_transcript(episode: Episode, text: str, language: str | None, turns: list[str]) -> _Found:
    """Speaker and start of the transcript turn holding the quote (its first words suffice);
    `turns` are the turns' match keys."""
    transcript = episode.transcript
    if transcript is None or not transcript.segments:
        return _Found(None, None)
    key = match_key(text, language)
    probe = " ".join(key.split()[:8]) if " " in key else key[:16]
    if len(probe) < 12:
        return _Found(None, None)
    hits = [s for s, k in zip(transcript.segments, turns, strict=True) if probe in k]
    if len(hits) != 1:
        return _Found(None, None)  # not found, or said more than once: do not guess
    return _Found(hits[0].speaker, hits[0].start, located=True)


def _quotable(c: Candidate, language: str | None) -> bool:
    words = count_words(c.text)
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and not c.question
        and not c.fragment
        and c.text[-1:] in ".!。！…"
        and bool(_FIRST_PERSON.search(c.text))
        and not _POINTS_BACK.match(c.text)
        and has_content(c.text, language)
    )


def _quotability(text: str, language: str | None) -> float:
    """Opinion markers and first person, with a preference for 12-30 words."""
    words = count_words(text)
    score = min(3, len(_OPINION.findall(text))) + (1.0 if _FIRST_PERSON.search(text) else 0.0)
    if words < 12 or words > 30:
        score -= 0.5
    if words > MAX_WORDS:
        score -= 2.0
    return score


def _is_host(speaker: str | None, hosts: set[str]) -> bool:
    return bool(speaker) and (speaker or "").casefold() in hosts


def _spread(items: list[T], count: int, rate: Callable[[T], float]) -> list[T]:
    """The best of each of `count` equal parts of `items` (ties: the earliest), in order."""
    if len(items) <= count:
        return list(items)
    chosen: list[int] = []
    for part in range(count):
        lo, hi = part * len(items) // count, (part + 1) * len(items) // count
        best = max(range(lo, hi), key=lambda i: (rate(items[i]), -i))
        chosen.append(best)
    return [items[i] for i in chosen]
