"""Each reader's email made from the kept rendering of their choice of topics is the email
rendered for them alone, byte for byte; what cannot be made so is rendered anew."""

from __future__ import annotations

from castdigest.render import email as email_module
from castdigest.render.email import _render, render_email
from render_sample import TOPICS, big_digest, settings

READERS: list[tuple[list[str] | None, str | None, str | None]] = [
    (None, None, None),
    (None, "Ada Lovelace", "https://digest.example.org/u/000001?sig=abc"),
    ([TOPICS[0][0]], "Zoë  Ng", "https://digest.example.org/u/000002?sig=def"),
    ([TOPICS[1][0], TOPICS[2][0]], None, "https://digest.example.org/u/000003"),
    ([TOPICS[0][0]], "Tom & Jerry", "https://digest.example.org/u/4?a=1&b=2"),  # escaped
    (None, "<b>Bold</b>", None),
]


def test_each_email_is_what_rendering_it_alone_gives() -> None:
    config = settings()
    digest = big_digest(12)
    for topics, name, url in READERS:
        fast = render_email(digest, config, topics=topics, recipient_name=name, unsubscribe_url=url)
        alone = _render(digest, config, topics, name, url, None)
        assert fast == alone, (topics, name, url)
        if name and "&" not in name and "<" not in name:
            assert f"Hi <bdi>{' '.join(name.split())}</bdi>," in fast.html
            assert f"Hi {' '.join(name.split())}," in fast.text


def test_a_trimmed_digest_is_rendered_for_each_reader() -> None:
    config = settings()
    big = big_digest(60)
    first = render_email(big, config, recipient_name="Ada", unsubscribe_url="https://x.org/u/1")
    alone = _render(big, config, None, "Ada", "https://x.org/u/1", None)
    assert first.trimmed > 0
    assert first == alone


def test_renderings_are_kept_per_digest_and_topics() -> None:
    config = settings()
    email_module._kept.clear()
    digest = big_digest(12)
    for n in range(20):
        render_email(digest, config, recipient_name=f"R{n}", unsubscribe_url=f"https://x.org/{n}")
    render_email(digest, config, topics=[TOPICS[0][0]], recipient_name="R")
    assert len(email_module._kept) == 2


def test_view_parts_made_once_per_digest_give_the_email_made_from_scratch() -> None:
    """Readers' emails rendered anew share the digest's view parts (its intro, its items'
    views in each mode): each is the email of a render with nothing kept, byte for byte."""
    config = settings()
    for digest in (big_digest(12), big_digest(60)):  # the second is trimmed: items in 2 modes
        shared = [_render(digest, config, t, n, u, None) for t, n, u in READERS]
        kept = email_module._parts_kept[(id(digest), id(config))][1]
        assert len(email_module._parts_kept) <= email_module._PARTS
        assert kept.items, "item views are kept"
        for (topics, name, url), email in zip(READERS, shared, strict=True):
            email_module._parts_kept.clear()
            assert email == _render(digest, config, topics, name, url, None), (topics, name)
    big = big_digest(60)
    _render(big, config, None, None, None, None)
    modes = {mode for _, _, mode in email_module._parts_kept[(id(big), id(config))][1].items}
    assert {str(m) for m in modes} == {"full", "title"}  # the trim's attempts share them
