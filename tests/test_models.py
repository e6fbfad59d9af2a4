"""The model: JSON round trips are lossless, naive datetimes are refused, ids are stable."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from castdigest.dedupe import episode_id, keys
from castdigest.models import (
    Chapter,
    Entity,
    Episode,
    Link,
    Person,
    Quote,
    Segment,
    SourceRef,
    Transcript,
)

# Text a reader may hand the model: no control characters (the model refuses them).
printable = st.characters(exclude_categories=("Cc", "Cs"))
text = st.text(printable, min_size=0, max_size=40)
name = st.text(printable, min_size=1, max_size=20)
offset = st.none() | st.floats(min_value=0, max_value=36_000, allow_nan=False)
aware = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
) | st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.just(timezone(timedelta(hours=9))),
)

people = st.lists(
    st.builds(Person, name=name, role=st.none() | name, affiliation=st.none() | name), max_size=3
)
quotes = st.lists(
    st.builds(
        Quote,
        text=name,
        speaker=st.none() | name,
        offset=offset,
        chapter=st.none() | st.integers(0, 5),
    ),
    max_size=3,
)
episodes = st.builds(
    Episode,
    id=st.text(alphabet="0123456789abcdef", min_size=12, max_size=12),
    title=name,
    kind=st.none() | st.sampled_from(["⚡️", "🔬"]),
    show=st.none() | name,
    hosts=people,
    guests=people,
    urls=st.lists(st.just("https://example.org/e/") | st.just("https://example.org/f"), max_size=2),
    guid=st.none() | name,
    published=st.none() | aware,
    published_text=st.none() | text,
    first_seen=st.none() | aware,
    duration=offset,
    language=st.none() | st.sampled_from(["en", "fr", "zh", "ko", "pt-BR"]),
    caption_languages=st.lists(st.sampled_from(["en", "zh"]), max_size=2),
    abstract=st.none() | text,
    chapters=st.lists(
        st.builds(Chapter, start=offset, title=name, summary=st.none() | text, quotes=quotes),
        max_size=3,
    ),
    quotes=quotes,
    takeaways=st.lists(name, max_size=3),
    entities=st.lists(
        st.builds(Entity, name=name, kind=name, description=st.none() | text), max_size=3
    ),
    tags=st.lists(name, max_size=4),
    transcript=st.none()
    | st.builds(
        Transcript,
        text=text,
        segments=st.lists(
            st.builds(Segment, text=name, start=offset, speaker=st.none() | name), max_size=3
        ),
    ),
    transcript_links=st.lists(
        st.builds(Link, url=st.just("https://example.org/t.vtt"), type=st.none() | name), max_size=1
    ),
    sources=st.lists(
        st.builds(
            SourceRef, location=name, format=name, position=st.integers(0, 100), content_hash=name
        ),
        max_size=2,
    ),
)


@settings(max_examples=150, deadline=None)
@given(episodes)
def test_episode_json_round_trip_is_lossless(ep: Episode) -> None:
    again = Episode.model_validate_json(ep.model_dump_json())
    assert again == ep
    assert again.model_dump_json() == ep.model_dump_json()
    assert again.content_hash() == ep.content_hash()


# Text that looks like the keys the hash cuts out of the JSON (see models._without_provenance).
_KEYISH = st.sampled_from(['x,"first_seen":null,"sources":[]}', '","sources":["', '"]}', ""])


@settings(max_examples=300, deadline=None)
@given(episodes, _KEYISH, _KEYISH)
def test_content_hash_from_the_stored_json_is_the_plain_one(
    ep: Episode, title: str, note: str
) -> None:
    ep = ep.model_copy(update={"title": ep.title + title, "abstract": note or ep.abstract})
    plain = ep.model_dump_json(exclude={"sources", "first_seen"})
    expected = hashlib.sha256(plain.encode()).hexdigest()
    assert ep.content_hash(ep.model_dump_json()) == ep.content_hash() == expected


def test_content_hash_ignores_where_and_when_it_was_seen() -> None:
    ep = Episode(title="Latency budgets", show="Relay", abstract="Where the time goes.")
    seen = ep.model_copy(
        update={
            "first_seen": datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
            "sources": [SourceRef(location="a.txt", format="text", content_hash="00")],
        }
    )
    assert seen.content_hash(seen.model_dump_json()) == ep.content_hash()
    assert ep.content_hash("not an episode's JSON") == ep.content_hash()
    other = ep.model_copy(update={"abstract": "Where the time went."})
    assert other.content_hash(other.model_dump_json()) != ep.content_hash()


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValidationError, match="timezone-aware"):
        Episode(title="x", published=datetime(2026, 11, 24, 12, 0))


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValidationError, match="titel"):
        Episode.model_validate({"title": "x", "titel": "typo"})


def test_id_is_stable_and_follows_the_strongest_key() -> None:
    a = Episode(title="Scaling Laws", show="Show", guid="abc-1")
    b = Episode(title="Another title entirely", show="Other", guid="abc-1")
    assert episode_id(a) == episode_id(b)
    assert len(episode_id(a)) == 12
    c = Episode(title="  Scaling   LAWS!", show="show")
    d = Episode(title="Scaling laws", show="Show")
    assert episode_id(c) == episode_id(d)
    assert keys(d) == ["title:show|scaling laws"]


def test_content_hash_ignores_where_it_came_from() -> None:
    a = Episode(title="x", sources=[SourceRef(location="a.txt", format="text", content_hash="1")])
    b = Episode(title="x", sources=[SourceRef(location="b.txt", format="text", content_hash="2")])
    assert a.content_hash() == b.content_hash()
    assert a.content_hash() != Episode(title="y").content_hash()
