"""Who said it and where: quote attribution, content, chapters, translations, the blurb's guests
and takeaways that open on someone unnamed. All text is made up for the tests."""

from __future__ import annotations

import pytest

from castdigest.condense import condense_episode
from castdigest.condense.candidates import Candidate
from castdigest.condense.people import introduce, settle, unresolved
from castdigest.condense.quote_checks import has_content, is_translation, spoken_languages
from castdigest.config import CondenseConfig
from castdigest.models import (
    Chapter,
    CondensedQuote,
    Episode,
    Person,
    Provenance,
    Quote,
    Segment,
    Transcript,
)
from castdigest.render.email import render_email
from castdigest.render.site import render_digest_page
from render_sample import digest, settings

CONFIG = CondenseConfig()
TUG = "The tugs run on batteries now, and the harbour is quiet at night."


def _episode(**fields: object) -> Episode:
    data: dict[str, object] = {"id": "harbour", "title": "Harbour night shifts", "language": "en"}
    data.update(fields)
    return Episode.model_validate(data)


# ------------------------------------------------------------------------------ content


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [
        ("Yeah.", "en", False),
        ("Um, right.", "en", False),
        ("Exactly, exactly!", "en", False),
        ("Yes, I think so too.", "en", False),  # no word that says something
        ("one of the best tugs we ever bought.", "en", False),  # a fragment: lower case
        ("…and then the crane came down.", "en", False),  # a fragment: an ellipsis
        ("A crane nobody inspects is an accident waiting for a date.", "en", True),
        ("Ouais, exactement, d'accord.", "fr", False),
        ("Je crois aux ferries électriques.", "fr", True),
        ("对。", "zh", False),
        ("没有评测的改动，就是在猜。", "zh", True),  # ten characters
        ("네, 맞아요.", "ko", False),
        ("에이전트는 첫 번째 리뷰어이지 마지막 리뷰어가 아니다.", "ko", True),
    ],
)
def test_a_quote_says_something(text: str, lang: str, kept: bool) -> None:
    assert has_content(text, lang) is kept


def test_fillers_and_fragments_are_left_out_of_the_quotes() -> None:
    episode = _episode(
        quotes=[
            Quote(text="Yeah, exactly."),
            Quote(text="one of the best tugs we ever bought"),
            Quote(text=TUG),
        ]
    )
    assert [q.text for q in condense_episode(episode, CONFIG).quotes] == [TUG]


# ------------------------------------------------------------------------------ speakers


def test_the_one_guest_is_named_when_nothing_says_otherwise() -> None:
    episode = _episode(
        hosts=[Person(name="Bo Kim", role="host")],
        guests=[Person(name="Ada Lund", role="guest")],
        quotes=[Quote(text=TUG)],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.speaker == "Ada Lund"


@pytest.mark.parametrize(
    "quote",
    [
        Quote(text="So what did the batteries cost the harbour in the first year?"),  # asked
        Quote(text="Ada Lund moved every tug in the harbour to batteries in a year."),
        Quote(text=TUG, context="Bo Kim on the quiet nights"),  # the line names the host
    ],
)
def test_the_one_guest_is_not_named_when_the_quote_is_someone_elses(quote: Quote) -> None:
    episode = _episode(
        hosts=[Person(name="Bo Kim", role="host")],
        guests=[Person(name="Ada Lund", role="guest")],
        quotes=[quote],
    )
    (condensed,) = condense_episode(episode, CONFIG).quotes
    assert condensed.speaker in (None, "Bo Kim")


def test_two_guests_name_nobody_without_a_source_saying_who() -> None:
    episode = _episode(
        guests=[Person(name="Ada Lund"), Person(name="Cy Moss")], quotes=[Quote(text=TUG)]
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.speaker is None


def _talk(first: str, second: str) -> Transcript:
    return Transcript(
        text=f"{TUG}\n\nWe bought the first electric tug in the spring of that year.",
        segments=[
            Segment(text=TUG, start=61.0, speaker=first),
            Segment(
                text="We bought the first electric tug in the spring of that year.",
                start=95.0,
                speaker=second,
            ),
        ],
    )


def test_a_transcript_turn_gives_speaker_and_offset() -> None:
    episode = _episode(
        hosts=[Person(name="Bo Kim", role="host")],
        guests=[Person(name="Ada Lund", role="guest")],
        urls=["https://example.org/harbour/7.mp3"],  # an audio file takes a start time
        transcript=_talk("Bo Kim", "Ada"),
        chapters=[Chapter(title="Batteries", start=30.0, quotes=[Quote(text=TUG)])],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    # The host said it: the one-guest rule does not apply to a host's turn.
    assert (quote.speaker, quote.offset, quote.chapter) == ("Bo Kim", 61.0, None)
    assert quote.link == "https://example.org/harbour/7.mp3#t=61"


def test_a_speaker_known_by_first_name_gets_the_full_name() -> None:
    episode = _episode(
        hosts=[Person(name="Bo Kim", role="host")],
        guests=[Person(name="Ada Lund", role="guest")],
        transcript=_talk("Bo", "Ada"),
        quotes=[Quote(text="We bought the first electric tug in the spring of that year.")],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert (quote.speaker, quote.offset) == ("Ada Lund", 95.0)


def test_an_unlabelled_turn_names_nobody() -> None:
    talk = _talk("", "")
    talk = talk.model_copy(
        update={"segments": [s.model_copy(update={"speaker": None}) for s in talk.segments]}
    )
    episode = _episode(
        guests=[Person(name="Ada Lund", role="guest")], transcript=talk, quotes=[Quote(text=TUG)]
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert (quote.speaker, quote.offset) == (None, 61.0)


# ------------------------------------------------------------------------------ chapters


def test_a_quote_known_only_by_its_chapter_says_the_chapter_not_its_start() -> None:
    episode = _episode(
        guests=[Person(name="Ada Lund", role="guest")],
        urls=["https://example.org/harbour/7.mp3"],  # an audio file takes a start time
        chapters=[
            Chapter(title="Cold open", start=0.0),
            Chapter(title="Batteries", start=600.0, quotes=[Quote(text=TUG)]),
        ],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert (quote.offset, quote.chapter) == (None, "Batteries")
    assert quote.link == "https://example.org/harbour/7.mp3#t=600"  # the chapter, linked as such


def test_a_quote_with_its_own_offset_keeps_it() -> None:
    episode = _episode(
        chapters=[Chapter(title="Batteries", start=600.0, quotes=[Quote(text=TUG, offset=642)])]
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert (quote.offset, quote.chapter) == (642.0, None)


# ------------------------------------------------------------------------------ translations


def test_spoken_languages() -> None:
    assert spoken_languages(_episode(language="fr")) == {"fr"}
    assert spoken_languages(_episode(language="fr", caption_languages=["en", "zh-Hans"])) == {
        "en",
        "zh",
    }
    talk = Transcript(text="x", language="en-GB")
    assert spoken_languages(_episode(language="fr", transcript=talk)) == {"en"}
    assert spoken_languages(_episode(language=None)) == set()


def test_is_translation() -> None:
    captioned = _episode(language="fr", caption_languages=["en", "zh"])
    assert is_translation(captioned, "fr")
    assert not is_translation(captioned, "en-US")
    assert not is_translation(_episode(language="fr"), "fr")
    assert not is_translation(_episode(language=None), "fr")  # nothing says: not marked


def test_a_summary_in_another_language_marks_its_quotes_as_translated() -> None:
    episode = _episode(
        language="fr",
        caption_languages=["en"],
        guests=[Person(name="Ada Lund", role="guest")],
        quotes=[
            Quote(text="Les remorqueurs roulent à l'électricité et le port est calme la nuit.")
        ],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.translated and quote.speaker == "Ada Lund"


def test_a_quote_in_the_spoken_language_is_not_marked() -> None:
    episode = _episode(caption_languages=["en", "zh"], quotes=[Quote(text=TUG)])
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert not quote.translated


def test_a_quote_tagged_in_another_language_is_marked() -> None:
    episode = _episode(quotes=[Quote(text=TUG, language="de")])
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.translated and quote.language == "de"


# ------------------------------------------------------------------------------ takeaways


@pytest.mark.parametrize(
    ("text", "lang", "open_"),
    [
        ("He moved every tug to batteries.", "en", True),
        ("They bought the first one in spring.", "en", True),
        ("It shipped in May.", "en", True),
        ("It is hard to run a harbour at night.", "en", False),  # impersonal
        ("It takes a year to train a crane driver.", "en", False),
        ("Elle a choisi les batteries.", "fr", True),
        ("Il faut un an pour former un grutier.", "fr", False),
        ("他把拖船都换成了电池。", "zh", True),
        ("The harbour moved every tug to batteries.", "en", False),
        ("Ada moved every tug to batteries.", "en", True),  # two known Adas
        ("Bo moved every tug to batteries.", "en", False),
    ],
)
def test_unresolved_openings(text: str, lang: str, open_: bool) -> None:
    assert unresolved(text, ["Ada Lund", "Ada Moss", "Bo Kim"], lang) is open_


def _cand(text: str, position: float) -> Candidate:
    return Candidate(text, Provenance.TRANSCRIPT, position, 0, False)


def test_settle_writes_names_out_and_drops_openings_on_someone_unnamed() -> None:
    episode = _episode(guests=[Person(name="Ada Lund", role="guest")])
    written = [_cand("She moved every tug.", 0.1), _cand("They bought one in spring.", 0.5)]
    assert [c.text for c in settle(written, episode, "en")] == ["Ada Lund moved every tug."]
    # Nothing else left: the material is kept as it is rather than emptied.
    assert settle(written[1:], episode, "en") == written[1:]


def test_in_speech_only_first_names_are_written_out() -> None:
    episode = _episode(guests=[Person(name="Ada Lund", role="guest")])
    spoken = [_cand("She moved every tug.", 0.1), _cand("Ada says the port is quiet.", 0.9)]
    assert [c.text for c in settle(spoken, episode, "en", speech=True)] == [
        "She moved every tug.",  # a speaker's "she" is anyone: not taken for the guest
        "Ada Lund says the port is quiet.",
    ]


def test_a_chapter_takeaway_opening_on_they_is_not_chosen() -> None:
    episode = _episode(
        guests=[Person(name="Ada Lund", role="guest"), Person(name="Cy Moss", role="guest")],
        chapters=[
            Chapter(
                title="Batteries",
                summary=(
                    "The harbour moved every tug to batteries within a single year. "
                    "They retrained every crane driver during the long winter months. "
                    "Fuel costs fell by forty percent after the switch to electric tugs. "
                    "Night crews now work in quiet because the engines make no noise."
                ),
            )
        ],
    )
    takeaways = [t.text for t in condense_episode(episode, CONFIG).takeaways]
    assert len(takeaways) == 3 and not any(t.startswith("They") for t in takeaways)


# ------------------------------------------------------------------------------ blurb


def test_the_blurb_names_guests_it_does_not_mention() -> None:
    ada = Person(
        name="Ada Lund",
        role="guest",
        affiliation="Relay",
        description="Founder of Relay; ran the harbour's tug fleet for ten years.",
    )
    episode = _episode(guests=[ada])
    assert introduce(TUG, episode, "en") == f"{TUG} With Ada Lund (Founder of Relay)."
    assert introduce("Lund explains the tugs.", episode, "en") == "Lund explains the tugs."
    fr = _episode(language="fr", guests=[Person(name="Ada Lund", role="productrice")])
    assert (
        introduce("Le port est calme.", fr, "fr")
        == "Le port est calme. Avec Ada Lund (productrice)."
    )
    zh = _episode(language="zh", guests=[Person(name="林晓", affiliation="北辰实验室")])
    assert introduce("港口很安静。", zh, "zh") == "港口很安静。嘉宾：林晓 (北辰实验室)。"
    assert introduce("林晓介绍了港口。", zh, "zh") == "林晓介绍了港口。"
    assert introduce(TUG, _episode(), "en") == TUG  # no guests


def test_the_condensed_blurb_introduces_the_guest() -> None:
    episode = _episode(
        guests=[Person(name="Ada Lund", role="guest", affiliation="Relay")],
        abstract=f"{TUG} Fuel costs fell by forty percent after the switch to electric tugs.",
    )
    assert condense_episode(episode, CONFIG).blurb == f"{TUG} With Ada Lund (Relay)."


# ------------------------------------------------------------------------------ rendering


def _with_quotes(*per_item: list[CondensedQuote]):  # type: ignore[no-untyped-def]
    """The sample digest, its first section's items quoting `per_item` in turn."""
    d = digest()
    section = d.sections[0]
    items = [
        it.model_copy(update={"condensed": it.condensed.model_copy(update={"quotes": quotes})})
        for it, quotes in zip(section.items, per_item, strict=False)
    ]
    items += section.items[len(items) :]
    sections = [section.model_copy(update={"items": items}), *d.sections[1:]]
    return d.model_copy(update={"sections": sections})


def test_the_email_and_the_page_say_who_and_where() -> None:
    d = _with_quotes(
        [
            CondensedQuote(text=TUG, speaker="Ada Lund", offset=754.0),
            CondensedQuote(
                text="We bought one in spring.", speaker="Ada Lund", chapter="Batteries"
            ),
        ],
        [CondensedQuote(text="Le port est calme la nuit.", chapter="Night", translated=True)],
    )
    r = render_email(d, settings())
    assert "— Ada Lund, 12:34" in r.text
    assert "— Ada Lund, in Batteries" in r.text
    assert "— in Night (translated)" in r.text
    assert "at 0:00" not in r.text
    assert "— <bdi>Ada Lund</bdi>, in Batteries</span>" in r.html
    assert "— in Night (translated)</span>" in r.html
    page = render_digest_page(d, settings())
    assert "— <bdi>Ada Lund</bdi>, in Batteries</p>" in page
    french = settings(newsletter={**settings().newsletter.model_dump(), "language": "fr"})
    fr = render_email(d, french)
    assert "— in Night" not in fr.text and "— dans « Night » (traduit)" in fr.text


def test_a_translation_without_speaker_or_place_still_says_so() -> None:
    d = _with_quotes([CondensedQuote(text="Le port est calme la nuit.", translated=True)])
    r = render_email(d, settings())
    assert "“Le port est calme la nuit.”\n    (translated)" in r.text
    assert "— (translated)" not in r.text


@pytest.mark.parametrize("label", ["Speaker 2", "SPEAKER_01", "S1", "3"])
def test_a_transcribers_label_is_not_a_name(label: str) -> None:
    episode = _episode(
        guests=[Person(name="Ada Lund", role="guest")],
        transcript=_talk(label, label),
        quotes=[Quote(text=TUG)],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert (quote.speaker, quote.offset) == (None, 61.0)


def test_a_role_label_is_the_one_person_in_that_role() -> None:
    episode = _episode(
        hosts=[Person(name="Bo Kim", role="host")],
        guests=[Person(name="Ada Lund", role="guest")],
        transcript=_talk("Host", "Guest"),
        quotes=[Quote(text="We bought the first electric tug in the spring of that year.")],
    )
    (quote,) = condense_episode(episode, CONFIG).quotes
    assert quote.speaker == "Ada Lund"
    two = episode.model_copy(update={"guests": [*episode.guests, Person(name="Cy Moss")]})
    (quote,) = condense_episode(two, CONFIG).quotes
    assert quote.speaker == "Guest"  # which guest is not known: the label stays
