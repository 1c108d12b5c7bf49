"""The click-to-load facade in headless Chromium, with every third-party host blocked."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browserkit import browser_page, serve_directory
from sitebuilder import THEMES, build_site

PAGE = """---
title: Watch this
---
Some text before the video.

{{< youtube id="w7Ft2ymGmfc" start=30 title="Starter care" >}}

And after it.
"""

PLAYER_HOSTS = ("www.youtube-nocookie.com", "www.youtube.com", "youtube.com")
VIDEO_HOSTS = (*PLAYER_HOSTS, "i.ytimg.com", "player.vimeo.com")


def video_requests(blocked: list[str]) -> list[str]:
    """Requests to a video host (the themes' own CDN fonts and scripts are blocked too)."""
    return [u for u in blocked if urlsplit(u).hostname in VIDEO_HOSTS]


def tiny_png() -> bytes:
    """A valid 1x1 PNG, so the locally hosted thumbnail loads without errors."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80\x80\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(
        b"IEND", b""
    )


def is_load_failure(message: str) -> bool:
    # The blocked player itself (aborted by the test's network guard), not a script error.
    return message.startswith("Failed to load resource")


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_player_loads_only_after_the_click(tmp_path: Path, theme: str) -> None:
    site = build_site(
        tmp_path,
        {"posts/watch.md": PAGE, "thumbs/w7Ft2ymGmfc.png": tiny_png()},
        theme=theme,
        # A site hosting its own thumbnails: the page then makes no third-party request at all.
        plugin={"video": {"thumbnail_url": "/thumbs/{id}.png"}},
    )
    with serve_directory(site.site_dir) as base, browser_page() as browser:
        page = browser.page
        page.goto(base + "posts/watch/")
        page.wait_for_load_state("load")
        button = page.get_by_role("button", name="Play video: Starter care")
        assert button.count() == 1
        assert page.locator("iframe").count() == 0
        assert page.locator("div.hm-video img").evaluate("img => img.naturalWidth") == 1
        assert video_requests(browser.blocked) == []
        errors_before = [e for e in browser.console_errors if not is_load_failure(e)]
        assert errors_before == []
        blocked_before = len(browser.blocked)

        button.click()
        iframe = page.locator("div.hm-video > iframe")
        iframe.wait_for(state="attached")
        src = urlsplit(iframe.get_attribute("src") or "")
        assert (src.hostname, src.path) == ("www.youtube-nocookie.com", "/embed/w7Ft2ymGmfc")
        assert parse_qs(src.query) == {"start": ["30"], "autoplay": ["1"]}
        assert iframe.get_attribute("title") == "Starter care"
        assert page.locator("div.hm-video button").count() == 0
        page.wait_for_function("document.activeElement?.tagName === 'IFRAME'")
        # After the click the browser asks the player host, and only it.
        page.wait_for_timeout(300)
        after = browser.blocked[blocked_before:]
        assert video_requests(after), "the player was never requested"
        assert {urlsplit(u).hostname for u in after} <= set(PLAYER_HOSTS)
        assert [e for e in browser.console_errors if not is_load_failure(e)] == []
