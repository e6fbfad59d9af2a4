"""What every item of a real digest carries: who and what, where to listen, an honest date, a
label for its language; and what the issue around the items says.

The digest is built by the CLI from ../shared/seeds plus the bundled samples over two weeks
(16-29 Nov 2026, 17 eligible episodes), then read back from the archive and from out/.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.config import RankConfig, Settings, load_settings
from castdigest.links import deep_link, listen_url
from castdigest.models import Digest, DigestItem, Episode, SourceRef
from castdigest.rank import rank, stated_date
from castdigest.render.email import RenderedEmail, render_email
from castdigest.render.site import render_digest_page
from castdigest.render.view import moment_link
from conftest import SAMPLES
from test_rank import REF, cand

SINCE, UNTIL = "2026-11-16", "2026-11-29"
DIGEST_ID = f"{SINCE}--{UNTIL}"
BUILT_AT = datetime(2026, 11, 24, tzinfo=UTC)  # --as-of 2026-11-24
HARBOR_12 = "https://example.org/harbor-notes/12"  # the feed item's own link


@dataclass(frozen=True)
class Issue:
    digest: Digest
    episodes: dict[str, Episode]
    settings: Settings
    email: RenderedEmail
    page: str
    out: Path
    eligible: int


@pytest.fixture(scope="module")
def issue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issue]:
    shared = SAMPLES.parents[1] / "shared"
    if not (shared / "seeds").is_dir():
        pytest.skip(f"{shared}/seeds is absent")
    home = tmp_path_factory.mktemp("issue")
    shutil.copytree(SAMPLES, home / "samples")
    config = home / "samples" / "castdigest.toml"
    seeds = (shared / "seeds").resolve()
    with config.open("a", encoding="utf-8") as fh:
        fh.write(f'\n[[sources]]\npath = "{seeds}/0*.txt"\n')
    (home / "out").mkdir()
    (home / ".demo").mkdir()
    runner = CliRunner()
    env = {"CASTDIGEST_UNSUBSCRIBE_SECRET": ""}
    base = ["--config", str(config)]
    done = runner.invoke(cli, [*base, "ingest", "--as-of", "2026-11-24"], env=env)
    assert done.exit_code == 0, done.output
    window = ["--since", SINCE, "--until", UNTIL, "--as-of", "2026-11-24"]
    ranked = runner.invoke(cli, [*base, "rank", *window, "--json"], env=env)
    assert ranked.exit_code == 0, ranked.output
    rows = json.loads(ranked.stdout)
    rows = rows["ranked"] if isinstance(rows, dict) else rows
    eligible = sum(r["decision"] not in ("blocked", "already-sent") for r in rows)
    built = runner.invoke(cli, [*base, "build", *window], env=env)
    assert built.exit_code == 0, built.output
    settings = load_settings(config, environ={})
    with Archive(settings.resolve(settings.archive)) as archive:
        digest = archive.digests.get(DIGEST_ID)
        episodes = {i.episode_id: archive.episodes.get(i.episode_id) for i in digest.items()}
    yield Issue(
        digest,
        episodes,
        settings,
        render_email(digest, settings),
        render_digest_page(digest, settings),
        home / "out",
        eligible,
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _badge(lang: str, word: str, doc: str) -> bool:
    """A language badge with its lang attribute (the CSS inliner may reorder attributes)."""
    tag = re.search(rf'<span class="cd-badge"[^>]*\blang="{lang}"[^>]*>([^<]*)</span>', doc)
    return (
        tag is not None
        and f'title="{word}: {lang}"' in tag.group(0)
        and (tag.group(1) == lang.upper())
    )


def _by_title(issue: Issue, start: str) -> DigestItem:
    return next(i for i in issue.digest.items() if i.title.startswith(start))


# ------------------------------------------------------------------------ a full digest


def test_all_twelve_slots_fill_when_twelve_or_more_are_eligible(issue: Issue) -> None:
    assert issue.eligible >= 12
    assert len(issue.digest.items()) == 12
    assert len(issue.email.html.split("<h3")) - 1 == 12


def test_the_subject_names_the_newsletter_and_top_story_without_an_internal_id(
    issue: Issue,
) -> None:
    subject = issue.email.subject
    assert subject.startswith("Agents Weekly: GitHub's Agent Era")
    assert subject.endswith(" more")
    assert DIGEST_ID not in subject and "2026" not in subject
    assert not any(i.episode_id in subject for i in issue.digest.items())
    assert not issue.email.preheader.startswith(subject)


def test_every_items_blurb_is_shown(issue: Issue) -> None:
    text, page = _flat(issue.email.text), _flat(html.unescape(issue.page))
    email = _flat(html.unescape(issue.email.html))
    alone = 0
    for item in issue.digest.items():
        blurb = _flat(item.condensed.blurb)
        assert blurb, item.title
        assert blurb in text
        if blurb in {_flat(t.text) for t in item.condensed.takeaways}:
            # a one-sentence summary that is also a takeaway is shown once, as the takeaway
            assert f"<li><bdi>{blurb}</bdi></li>" in page
            continue
        alone += 1
        assert f"<bdi>{blurb}</bdi>" in email
        assert f"<p><bdi>{blurb}</bdi></p>" in page
    assert alone >= 6


# ------------------------------------------------------------------------ where to listen


def test_every_item_with_a_known_address_links_to_it_and_no_other_gets_a_link(
    issue: Issue,
) -> None:
    email, page = html.unescape(issue.email.html), html.unescape(issue.page)
    linked = []
    for item in issue.digest.items():
        assert item.url == listen_url(issue.episodes[item.episode_id])
        title = re.escape(item.title)
        if item.url:
            linked.append(item.url)
            pattern = rf'<a href="{re.escape(item.url)}"[^>]*><bdi>{title}</bdi></a>'
            assert re.search(pattern, email), item.title
            assert re.search(pattern, page), item.title
        else:
            assert re.search(rf"<h3[^>]*>(?:\S+ )?<bdi>{title}</bdi></h3>", email), item.title
            assert re.search(rf"<h3>(?:\S+ )?<bdi>{title}</bdi></h3>", page), item.title
    # the Harbor Notes feed item's link; the seeds and the other samples give no address
    assert linked == [HARBOR_12]
    assert "Release trains without the panic [" in issue.email.text


def test_feed_items_link_to_the_episode_and_keep_the_issue(issue: Issue) -> None:
    rss = ElementTree.parse(issue.out / "feeds" / "all.rss").getroot()
    items = {i.findtext("title"): i for i in rss.iter("item")}
    assert len(items) == 12
    harbor = items["Release trains without the panic"]
    assert harbor.findtext("link") == HARBOR_12
    content = harbor.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    anchor = f"https://digest.example.org/{DIGEST_ID}/#ep-"
    assert f'<a href="{HARBOR_12}" rel="noopener noreferrer">Listen or watch</a>' in content
    assert f'<a href="{anchor}' in content and f"In Agents Weekly {DIGEST_ID}" in content
    unlinked = items["Why Your Build Cache Lies to You"]
    assert (unlinked.findtext("link") or "").startswith(anchor)  # the issue, not a made-up page
    assert "Listen or watch" not in (
        unlinked.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    )


def test_the_address_is_the_episodes_page_then_a_player_then_the_audio() -> None:
    def ref(location: str) -> SourceRef:
        return SourceRef(location=location, format="html-page", content_hash="0" * 64)

    page, audio = "https://example.net/ep/9", "https://cdn.example.net/ep9.mp3"
    assert listen_url(Episode(title="a", urls=[audio, page])) == page
    player = "https://www.youtube.com/watch?v=abc"
    feed = "https://example.net/feed.xml"
    from_sources = Episode(title="b", urls=[audio], sources=[ref(feed), ref(player)])
    assert listen_url(from_sources) == player  # a feed's own address is no episode's
    assert listen_url(Episode(title="c", urls=[audio], sources=[ref(feed)])) == audio
    assert listen_url(Episode(title="d", sources=[ref("/home/me/page.txt")])) is None
    assert listen_url(Episode(title="e", urls=["javascript:alert(1)"])) is None


def test_times_link_only_where_the_site_takes_them() -> None:
    assert deep_link("https://youtu.be/abc", 75) == "https://youtu.be/abc?t=75"
    assert deep_link("https://www.youtube.com/watch?v=x&t=9s", 75) == (
        "https://www.youtube.com/watch?v=x&t=75"
    )
    assert (
        deep_link("https://cdn.example.net/ep9.mp3", 75) == "https://cdn.example.net/ep9.mp3#t=75"
    )
    assert deep_link("https://player.vimeo.com/video/42", 75) == (
        "https://player.vimeo.com/video/42#t=75s"
    )
    assert deep_link("https://example.net/ep/9", 75) is None  # unknown site: no time
    assert deep_link("https://youtu.be/abc", None) is None
    # the view keeps a link to a moment only where the moment is honoured
    assert moment_link("https://example.net/ep/9#t=75", "https://example.net/ep/9", 75) is None
    assert moment_link(None, "https://youtu.be/abc", 75) == "https://youtu.be/abc?t=75"
    assert moment_link("https://cdn.example.net/a.mp3#t=5", None, 5) == (
        "https://cdn.example.net/a.mp3#t=5"
    )


def test_a_quote_time_links_into_a_video_in_the_email(issue: Issue) -> None:
    digest = issue.digest.model_copy(deep=True)
    item = _by_title(issue, "Why Your Build Cache")
    moved = next(i for i in digest.items() if i.episode_id == item.episode_id)
    moved.url = "https://www.youtube.com/watch?v=cache1"
    for q in moved.condensed.quotes:
        q.offset, q.link = 95.0, None
    email = render_email(digest, issue.settings)
    assert 'href="https://www.youtube.com/watch?v=cache1&amp;t=95"' in email.html
    assert "https://www.youtube.com/watch?v=cache1&t=95" in email.text


# ------------------------------------------------------------------------ honest dates


def test_undated_items_show_no_date_and_their_feed_items_take_the_digests(issue: Issue) -> None:
    undated = [i for i in issue.digest.items() if i.published is None]
    dated = [i for i in issue.digest.items() if i.published is not None]
    assert len(undated) >= 5 and len(dated) >= 5
    for item in undated:  # not the day they were ingested
        episode = issue.episodes[item.episode_id]
        assert episode.published is None and episode.first_seen is not None
    harbor = _by_title(issue, "Release trains")
    assert harbor.published == datetime(2026, 11, 19, 7, tzinfo=UTC)
    text = issue.email.text
    assert "Harbor Notes · with Theo Brandt (Lanternworks) · 42:15 · 19 Nov 2026" in text
    cache = _by_title(issue, "Why Your Build Cache")
    assert f"{cache.title}\n   Pipeline Hour\n" in text  # no date after the show
    assert "24 Nov 2026" not in text  # the ingest day is nobody's date
    assert '<time datetime="2026-11-19">19 Nov 2026</time>' in issue.page
    feed = json.loads((issue.out / "feeds" / "all.json").read_text(encoding="utf-8"))
    dates = {i["title"]: i["date_published"] for i in feed["items"]}
    assert dates[harbor.title] == "2026-11-19T07:00:00+00:00"
    assert issue.digest.built_at == BUILT_AT
    for item in undated:
        assert dates[" ".join(item.title.split())] == BUILT_AT.isoformat()


def test_an_undated_episode_ranks_below_the_same_episode_dated() -> None:
    cfg = RankConfig()
    fresh = rank(
        [cand(1, age_days=0.0), cand(2, age_days=0.0, published=False)], cfg, reference=REF
    )
    assert [r.id for r in fresh] == ["e001", "e002"]
    assert fresh[1].components["recency"] == cfg.undated_recency


def test_a_date_the_reader_kept_only_as_wording_is_read() -> None:
    seen = datetime(2026, 11, 24, 12, tzinfo=UTC)
    worded = Episode(title="t", published_text="il y a 3 jours", first_seen=seen)
    assert stated_date(worded) == datetime(2026, 11, 21, 12, tzinfo=UTC)
    iso = Episode(title="t", published_text="2025-07-15", first_seen=seen)
    assert stated_date(iso) == datetime(2025, 7, 15, tzinfo=UTC)
    assert stated_date(Episode(title="t", first_seen=seen)) is None
    later = Episode(title="t", published_text="2027-01-05", first_seen=seen)
    assert stated_date(later) is None  # after it was read: a misreading, not its date
    year_one = Episode(title="t", published_text="0001-01-01", first_seen=seen)
    assert stated_date(year_one) is None  # outside the years a date may hold


# ------------------------------------------------------------------------ languages


def test_items_keep_their_language_with_a_label_and_the_issue_speaks_its_own(
    issue: Issue,
) -> None:
    french = _by_title(issue, "La Bitter Lesson")
    assert french.language == "fr"
    assert _badge("fr", "Language", issue.email.html)
    assert re.search(r'<h3 lang="fr" dir="ltr"[^>]*>', issue.email.html)
    # a reader of the one section holding only a French episode still gets English around it
    slug = next(s.topic for s in issue.digest.sections if french in s.items)
    one = render_email(issue.digest, issue.settings, topics=[slug])
    assert one.subject == "Agents Weekly: La Bitter Lesson arrive pour les protéines"
    assert one.preheader.startswith("1 episode from 1 show: ")
    assert ">This week</h2>" in one.html and ">In this issue</h2>" in one.html
    assert "Your topics: Science and health" in one.text
    assert "Cette semaine" not in one.html and " et " not in one.subject


def test_a_french_newsletter_says_its_own_words_around_english_items(issue: Issue) -> None:
    news = issue.settings.newsletter.model_copy(update={"language": "fr"})
    french = issue.settings.model_copy(update={"newsletter": news})
    email = render_email(issue.digest, french)
    assert email.subject.startswith("Agents Weekly: GitHub's Agent Era")
    assert email.subject.endswith(" autres")
    assert ">Cette semaine</h2>" in email.html and ">Dans ce numéro</h2>" in email.html
    assert "Lire sur le web" in email.text and "Se désabonner:" in email.text
    assert "16–29 nov. 2026" in email.text
    assert "19 nov. 2026" in email.text  # the item's date in the newsletter's words
    assert _badge("en", "Langue", email.html)
    assert "Read on the web" not in email.text and "Unsubscribe" not in email.text


# ------------------------------------------------------------------------ the feed list


def test_topics_without_items_leave_the_feed_list_but_keep_their_feeds(issue: Issue) -> None:
    with_items = {s.topic for s in issue.digest.sections}
    empty = [t for t in issue.settings.topics if t.slug not in with_items]
    assert empty, "the sample config has topics with no episode in this window"
    footer = _flat(issue.email.text[issue.email.text.index("\n--\n") :])
    for topic in empty:
        assert topic.name not in footer
        assert f"feeds/{topic.slug}.rss" not in issue.email.html
        for ext in ("rss", "atom", "json"):
            assert (issue.out / "feeds" / f"{topic.slug}.{ext}").is_file()
    for section in issue.digest.sections:
        assert section.name in footer
    assert "Everything" in footer


def test_a_takeaways_time_is_shown_and_links_into_a_video(issue: Issue) -> None:
    def with_time(url: str | None) -> Digest:
        digest = issue.digest.model_copy(deep=True)
        item = _by_title(issue, "Why Your Build Cache")
        moved = next(i for i in digest.items() if i.episode_id == item.episode_id)
        moved.url = url
        for k, takeaway in enumerate(moved.condensed.takeaways):
            takeaway.offset = 200.0 if k == 0 else None  # the first one's chapter start
        return digest

    digest = with_time("https://www.youtube.com/watch?v=cache1")
    email = render_email(digest, issue.settings)
    link = "https://www.youtube.com/watch?v=cache1&amp;t=200"
    assert re.search(rf'\(<a href="{re.escape(link)}"[^>]*>3:20</a>\)', email.html)
    assert _flat(email.text).count("(3:20 [") == 1  # the time, and its footnote with the link
    assert "https://www.youtube.com/watch?v=cache1&t=200" in email.text
    assert f'<a href="{link}">3:20</a>' in render_digest_page(digest, issue.settings)
    # without an address that takes a time, the time is shown, unlinked
    plain = render_email(with_time(None), issue.settings)
    assert "Treat every undeclared input as a bug in the build definition. (3:20)" in _flat(
        re.sub(r"<[^>]+>", "", plain.html)
    )
    assert "t=200" not in plain.html
