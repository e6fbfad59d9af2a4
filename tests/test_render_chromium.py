"""Open the email in headless Chromium at phone and desktop widths; the screenshot is not blank.

Needs Debian's `chromium` (`apt-get install chromium`; .ci/run installs it). The browser runs
with every host name mapped to nothing, so the test never reaches the network.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from castdigest.render.email import render_email
from render_sample import digest, settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and color in (2, 6) and interlace == 0, "unsupported PNG layout"
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[i] for i in range(len(r)) if i % bpp < 3) for r in rows]


def pixels(rows: list[bytes]) -> list[tuple[int, int, int]]:
    return [(r[i], r[i + 1], r[i + 2]) for r in rows[::4] for i in range(0, len(r), 12)]


def screenshot(html: Path, width: int, tmp_path: Path, *extra: str) -> bytes:
    assert CHROMIUM
    png = tmp_path / f"shot-{width}{'-'.join(extra)}.png"
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--disable-background-networking",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--hide-scrollbars",
        f"--window-size={width},1400",
        f"--screenshot={png}",
        *extra,
        html.as_uri(),
    ]
    subprocess.run(args, capture_output=True, timeout=120, check=False)
    assert png.is_file(), "chromium wrote no screenshot"
    return png.read_bytes()


@pytest.fixture(scope="module")
def email_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium): no browser test")
    path = tmp_path_factory.mktemp("email") / "email.html"
    path.write_text(render_email(digest(), settings()).html, encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [375, 640])
def test_email_renders_something_at(width: int, email_file: Path, tmp_path: Path) -> None:
    w, h, rows = decode_png(screenshot(email_file, width, tmp_path))
    assert (w, h) == (width, 1400)
    sample = pixels(rows)
    dark = [p for p in sample if sum(p) < 300]  # text
    assert len(set(sample)) > 20, "the screenshot is (nearly) one colour"
    assert len(dark) > len(sample) * 0.01, "no text drawn"
    # the content column fills the phone width instead of overflowing a fixed 640 px
    right_edge = [row[(w - 40) * 3 : (w - 20) * 3] for row in rows]
    assert any(len(set(seg)) > 1 for seg in right_edge), "nothing drawn near the right edge"


def test_email_follows_dark_mode(email_file: Path, tmp_path: Path) -> None:
    _, _, rows = decode_png(screenshot(email_file, 640, tmp_path, "--force-dark-mode"))
    sample = pixels(rows)
    darkish = sum(1 for p in sample if sum(p) < 150)
    assert darkish > len(sample) * 0.6, "prefers-color-scheme: dark did not darken the email"
