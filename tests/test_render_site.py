"""Web archive, publish to out/, the `render` command and the preview server."""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from castdigest.archive import Archive
from castdigest.cli import cli
from castdigest.cli.render import build_draft
from castdigest.config import Settings
from castdigest.models import DigestStatus
from castdigest.pipeline.preview import PreviewServer
from castdigest.pipeline.publish import PublishReport, publish, publish_from_archive
from castdigest.render.site import render_digest_page, render_index
from digest_fixtures import sample_episodes, save_all
from render_sample import digest, history, settings

CONFIG = """\
templates_dir = "theme"
[newsletter]
name = "Agents Weekly"
site_url = "https://digest.example.org/"
postal_address = "12 Example Street"
"""


def test_publish_writes_the_out_layout(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = publish(digest(), settings(), out, history())
    expected = {
        "2026-W48/email.html", "2026-W48/email.txt", "2026-W48/email.eml",
        "2026-W48/index.html", "index.html", "feeds.opml",
    } | {f"feeds/{s}.{e}" for s in ("coding-agents", "evals", "voice", "all")
         for e in ("rss", "atom", "json")}  # fmt: skip
    assert set(report.written) == expected
    on_disk = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert on_disk == expected  # no temporary files left behind
    again = publish(digest(), settings(), out, history())
    assert again.written == [] and set(again.unchanged) == expected


def test_index_lists_digests_newest_first_and_every_feed() -> None:
    page = render_index([history()[1], digest(), history()[0]], settings())
    ids = re.findall(r'<a href="(2026-W\d\d)/index.html">', page)
    assert ids == ["2026-W48", "2026-W47", "2026-W46"]
    for slug in ("coding-agents", "evals", "voice", "all"):
        for ext in ("rss", "atom", "json"):
            assert f'href="feeds/{slug}.{ext}"' in page
    assert 'href="feeds.opml"' in page
    assert "16–22 Nov 2026 · 5 episodes" in page


def test_web_version_is_self_contained_with_relative_links() -> None:
    page = render_digest_page(digest(), settings())
    assert '<html lang="en" dir="ltr">' in page
    assert '<a href="../index.html">All issues</a>' in page
    assert 'href="../feeds/evals.rss"' in page
    assert '<article id="ep-ep0004" lang="fr" dir="ltr">' in page
    assert '<h2 id="topic-voice">Voice &amp; audio</h2>' in page
    assert "unsubscribe" not in page.lower()
    assert not re.search(r'(src|href)="(//|https?://)[^"]*\.(css|js|woff2?)"', page)
    assert "<script" not in page


def _archive_with_digests(path: Path) -> None:
    with Archive(path) as archive:
        for d in [*history(), digest()]:
            archive.digests.save(d)


def test_publish_from_archive_renders_the_newest_with_history(tmp_path: Path) -> None:
    _archive_with_digests(tmp_path / "a.db")
    with Archive(tmp_path / "a.db") as archive:
        report = publish_from_archive(archive, settings(), None, tmp_path / "out")
    assert report.digest_id == "2026-W48"
    assert (tmp_path / "out/feeds/all.rss").read_bytes().count(b"<item>") == 15


def _write_config(tmp_path: Path) -> Path:
    config = tmp_path / "castdigest.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def test_render_command(tmp_path: Path) -> None:
    config = _write_config(tmp_path)
    _archive_with_digests(tmp_path / "a.db")
    out = tmp_path / "public"
    args = ["--config", str(config), "render", "2026-W47", "--db", str(tmp_path / "a.db")]
    result = CliRunner().invoke(cli, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[0] == f"2026-W47: 5 item(s) -> {out} (18 written, 0 unchanged)"
    )
    assert re.fullmatch(r"email\.html: \d+\.\d KB of 100 KB", result.output.splitlines()[1])
    assert (out / "2026-W47" / "email.eml").is_file()
    # the feeds of an older digest carry only its own past, not later digests
    assert b"ep0001" not in (out / "feeds/all.rss").read_bytes()
    assert b"ep0201" in (out / "feeds/all.rss").read_bytes()


def test_render_command_errors(tmp_path: Path) -> None:
    config = _write_config(tmp_path)
    db = tmp_path / "empty.db"
    Archive(db).close()
    base = ["--config", str(config), "render", "--db", str(db), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, base)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {db}: the archive holds no digest\n  hint: run `castdigest build`\n"
    )
    _archive_with_digests(db)
    result = CliRunner().invoke(cli, [*base, "2020-W01"])
    assert result.exit_code == 1
    assert "no digest '2020-W01'" in result.output and "known: 2026-W48" in result.output


def _wait_for(server: PreviewServer, generation: int) -> None:
    deadline = time.monotonic() + 20
    while server.status()["generation"] < generation:
        if time.monotonic() > deadline:
            pytest.fail("the preview did not re-render after a template change")
        time.sleep(0.05)


def test_preview_serves_and_rerenders_on_template_change(tmp_path: Path) -> None:
    theme = tmp_path / "theme" / "email"
    theme.mkdir(parents=True)
    _archive_with_digests(tmp_path / "a.db")
    out = tmp_path / "out"

    def current() -> Settings:
        return settings(templates_dir=str(tmp_path / "theme"))

    def rebuild() -> tuple[PublishReport, Settings]:
        with Archive(tmp_path / "a.db") as archive:
            return publish_from_archive(archive, current(), None, out), current()

    server = PreviewServer(out, rebuild, lambda: [tmp_path / "theme"], port=0, interval=0.05)
    server.start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        page = httpx.get(server.url, timeout=10)
        assert page.status_code == 200
        assert 'src="/2026-W48/email.html"' in page.text
        assert 'iframe class="phone"' in page.text and "Dark mode" in page.text
        assert "Episode 1: notes on building reliable agent loops [3]" in page.text  # text part
        assert "of the 102 KB clip line" in page.text
        assert 'href="/feeds/evals.atom"' in page.text
        email = httpx.get(base + "/2026-W48/email.html", timeout=10)
        assert email.status_code == 200 and "<h1" in email.text
        assert httpx.get(base + "/feeds/all.json", timeout=10).json()["title"] == "Agents Weekly"
        assert httpx.get(base + "/../../etc/passwd", timeout=10).status_code == 404
        generation = int(server.status()["generation"])  # type: ignore[call-overload]
        (theme / "digest.txt.j2").write_text("Themed {{ d.id }}\n", encoding="utf-8")
        _wait_for(server, generation + 1)
        assert httpx.get(base + "/2026-W48/email.txt", timeout=10).text == "Themed 2026-W48\n"
        (theme / "digest.txt.j2").write_text("{% if %}\n", encoding="utf-8")
        _wait_for(server, generation + 2)
        page = httpx.get(server.url, timeout=10)
        assert 'role="alert"' in page.text and "template error" in page.text
        assert httpx.get(base + "/2026-W48/email.txt", timeout=10).text == "Themed 2026-W48\n"
    finally:
        server.stop()


def test_build_also_renders_out(tmp_path: Path) -> None:
    config = _write_config(tmp_path)
    db = tmp_path / "a.db"
    with Archive(db) as archive:
        save_all(archive, sample_episodes())
    args = ["--config", str(config), "build", "--week", "2026-W48", "--db", str(db)]
    result = CliRunner().invoke(cli, [*args, "--as-of", "2026-11-27T12:00:00Z"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "2026-W48\n"
    assert re.search(r"^email\.html: \d+\.\d KB of 100 KB$", result.stderr, re.M)
    out = tmp_path / "out"
    assert (out / "2026-W48" / "email.html").is_file()
    assert (out / "index.html").is_file() and (out / "feeds" / "all.rss").is_file()


def test_preview_build_rebuilds_the_weeks_draft(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as archive:
        save_all(archive, sample_episodes())
        assert build_draft(archive, settings(), "2026-W48") == "2026-W48"
        first = archive.digests.get("2026-W48")
        assert first.items()
        archive.digests.set_status("2026-W48", DigestStatus.SENT)
        assert build_draft(archive, settings(), "2026-W48") == "2026-W48"  # sent: left alone
        assert archive.digests.get("2026-W48").built_at == first.built_at
    config = _write_config(tmp_path)
    result = CliRunner().invoke(cli, ["--config", str(config), "preview", "2026-48", "--build"])
    assert result.exit_code == 2
    assert "DIGEST_ID must be a week with --build" in result.output
