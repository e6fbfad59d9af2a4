"""The one slug: file names, anchors, feed ids and suggested topics all use `slugify`."""

from __future__ import annotations

from castdigest.text.slugs import slugify, tag_slug


def test_slugify_is_ascii_and_file_safe() -> None:
    assert slugify("Machine Learning & AI") == "machine-learning-ai"
    assert slugify("Économie — été 2026") == "economie-ete-2026"
    assert slugify("a" * 100) == "a" * 64
    assert slugify("x" * 63 + " yz", max_len=64) == "x" * 63  # no dash left at the cut


def test_names_without_ascii_letters_keep_distinct_slugs() -> None:
    first, second = slugify("播客"), slugify("音乐")
    assert first.startswith("t-") and second.startswith("t-") and first != second
    assert slugify("播客") == first  # the same in every run: a hash of the name, not salted


def test_tag_slug_keeps_every_script() -> None:
    assert tag_slug("#Tech News") == "tech-news"
    assert tag_slug("#播客推荐") == "播客推荐"
    assert tag_slug("Ça_va!") == "ça_va"
