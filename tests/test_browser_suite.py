"""The example site in headless Chromium, once per theme: what a reader actually sees.

Each theme's build is served from 127.0.0.1 with every other host blocked. The checks are about
layout, not markup: every part the plugin adds has a real box, sits on top of the theme's own
layout where it is drawn, the TOC opens and closes, the video facade starts its player only on
click, and none of our scripts logs an error. A full-page screenshot per theme is kept in
``test-artifacts/``; ``HM_UPDATE_SCREENSHOTS=1`` also refreshes the README's images in
``docs/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browserkit import Browser, browser_page, require_chromium, serve_directory
from sitebuilder import THEMES, build_example_site

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
README_SHOTS = ROOT / "docs" / "screenshots"

# Header, open TOC, share links, post nav and a raw YouTube iframe the plugin turns into a facade.
POST = "posts/sourdough-starter-smell/"
# A local cover banner with a caption, and tags in the footer.
COVER_POST = "posts/steeping-green-tea/"

PLAYER_HOSTS = ("www.youtube-nocookie.com", "www.youtube.com", "youtube.com")
OUR_ASSETS = "assets/hugo-meta/"

# What the reader must be able to see on POST, by name, and how to find it.
POST_PARTS = {
    "header": "header.hm-header",
    "breadcrumbs": "nav.hm-breadcrumbs",
    "title": "h1.hm-title",
    "meta line": "div.hm-meta",
    "TOC": "details.hm-toc",
    "TOC summary": "details.hm-toc > summary",
    "video facade": "div.hm-video button.hm-video-play",
    "footer": "footer.hm-footer",
    "share link": "div.hm-share a.hm-share-link",
    "post nav link": "nav.hm-post-nav a",
}
COVER_PARTS = {
    "cover image": "figure.hm-cover img",
    "cover caption": "figure.hm-cover figcaption",
    "tag": "footer.hm-footer li.hm-tag",
}

# Scroll the element to the middle of the viewport (clear of sticky theme headers), then ask the
# browser which element is drawn at its centre.
PROBE = """el => {
    el.scrollIntoView({block: "center", inline: "center", behavior: "instant"});
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    const name = n => n ? n.tagName.toLowerCase() + (n.id ? "#" + n.id : "")
        + (n.className && typeof n.className === "string" ? "." + n.className.trim()
            .split(/\\s+/).join(".") : "") : null;
    return {
        width: r.width, height: r.height, x: x, y: y,
        inViewport: x >= 0 && y >= 0 && x < innerWidth && y < innerHeight,
        onTop: !!hit && (hit === el || el.contains(hit)),
        hit: name(hit),
    };
}"""


@dataclass
class Served:
    theme: str
    base: str
    browser: Browser
    build_seconds: float

    @property
    def page(self) -> Any:
        return self.browser.page

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return self.page


@pytest.fixture(scope="module", params=THEMES)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """The example site built for one theme, served, with one browser page reused by the tests."""
    require_chromium()
    theme: str = request.param
    site_dir = tmp_path_factory.mktemp(f"example-{theme}") / "site"
    started = time.perf_counter()
    # The example posts are written to show some warnings; test_example_site checks those.
    build_example_site(theme, site_dir)
    seconds = time.perf_counter() - started
    with serve_directory(site_dir) as base, browser_page(width=1280, height=900) as browser:
        yield Served(theme, base, browser, seconds)
        # Checked once more after every test of the theme ran, whatever they clicked.
        assert_no_script_errors(browser)


# The mkdocs theme calls hljs.highlightAll() inline right after loading highlight.js from
# cdnjs; with that request blocked here the call throws. The theme's doing, and only then.
BLOCKED_CDN_ERRORS = {"hljs is not defined": "cdnjs.cloudflare.com/ajax/libs/highlight.js/"}


def assert_no_script_errors(browser: Browser) -> None:
    # Blocked third-party requests log "Failed to load resource" against their own URL; those
    # are the test's doing. Anything else raised by a script, or logged by ours, is a defect.
    unexplained = [
        error
        for error in browser.page_errors
        if not any(BLOCKED_CDN_ERRORS.get(error, "\0") in url for url in browser.blocked)
    ]
    assert unexplained == []
    assert browser.messages_from(OUR_ASSETS) == []
    assert [url for url in browser.blocked if OUR_ASSETS in url] == []


def probe(locator: Any) -> dict[str, Any]:
    result: dict[str, Any] = locator.evaluate(PROBE)
    return result


def assert_seen(page: Any, parts: dict[str, str]) -> None:
    """Every match of every selector has a box and is drawn on top at its centre."""
    problems = []
    for name, selector in parts.items():
        matches = page.locator(selector)
        count = matches.count()
        if count == 0:
            problems.append(f"{name}: {selector} is not on the page")
        for index in range(count):
            found = probe(matches.nth(index))
            if found["width"] < 1 or found["height"] < 1:
                problems.append(f"{name} #{index}: empty box {found}")
            elif not (found["inViewport"] and found["onTop"]):
                problems.append(f"{name} #{index}: covered by {found['hit']} ({found})")
    assert problems == []


@pytest.mark.browser
def test_post_parts_are_visible_and_not_covered(served: Served) -> None:
    page = served.open(POST)
    parts = dict(POST_PARTS)
    if served.theme == "readthedocs":
        # The theme's own trail stands right above the content; ours steps aside there.
        del parts["breadcrumbs"]
        assert page.locator("nav.hm-breadcrumbs").count() == 0
        parts["theme's breadcrumbs"] = "div[role=navigation] ul.wy-breadcrumbs"
    assert_seen(page, parts)
    # Nine networks are configured by default; all of them must show, not only the first.
    assert page.locator("div.hm-share a.hm-share-link").count() >= 5
    assert page.locator("nav.hm-post-nav a").count() == 2
    assert_no_script_errors(served.browser)


@pytest.mark.browser
def test_cover_banner_is_visible_and_loaded(served: Served) -> None:
    page = served.open(COVER_POST)
    assert_seen(page, COVER_PARTS)
    image = page.locator("figure.hm-cover img")
    assert image.evaluate("img => img.complete && img.naturalWidth") > 0
    # The banner is as wide as the text column, not a thumbnail and not wider than the page.
    column = page.locator("h1.hm-title").evaluate(
        "h => h.parentElement.getBoundingClientRect().width"
    )
    width = image.evaluate("img => img.getBoundingClientRect().width")
    assert 0.5 * column <= width <= 1280
    assert_no_script_errors(served.browser)


@pytest.mark.browser
@pytest.mark.parametrize("path", [POST, COVER_POST])
def test_exactly_one_visible_title(served: Served, path: str) -> None:
    page = served.open(path)
    visible = [h for h in page.locator("h1").all() if h.is_visible()]
    assert len(visible) == 1
    assert visible[0].get_attribute("class") == "hm-title"
    # The theme does not repeat the title as another heading right above ours either.
    title = visible[0].inner_text().strip()
    repeats = page.locator("h2, h3").filter(has_text=title)
    assert [h for h in repeats.all() if h.is_visible() and h.inner_text().strip() == title] == []


@pytest.mark.browser
def test_toc_toggles(served: Served) -> None:
    page = served.open(POST)
    box = page.locator("details.hm-toc")
    summary = box.locator("> summary")
    links = box.locator("nav.hm-toc-links")
    # TocOpen: true in the post's front matter.
    assert box.evaluate("el => el.open")
    assert links.is_visible()
    summary.scroll_into_view_if_needed()
    summary.click()
    assert not box.evaluate("el => el.open")
    assert not links.is_visible()
    summary.click()
    assert box.evaluate("el => el.open")
    assert links.is_visible()
    assert_seen(page, {"TOC entry": "details.hm-toc nav.hm-toc-links a"})
    assert_no_script_errors(served.browser)


@pytest.mark.browser
def test_facade_loads_the_player_only_on_click(served: Served) -> None:
    page = served.open(POST)
    assert page.locator("iframe").count() == 0
    button = page.locator("div.hm-video button.hm-video-play")
    assert button.count() == 1
    # In view, lazy parts have loaded; still no request to the player on any page so far.
    button.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    players = [u for u in served.browser.blocked if urlsplit(u).hostname in PLAYER_HOSTS]
    assert players == []
    blocked_before = len(served.browser.blocked)
    button.click()

    iframe = page.locator("div.hm-video > iframe")
    iframe.wait_for(state="attached")
    assert urlsplit(iframe.get_attribute("src") or "").hostname == "www.youtube-nocookie.com"
    assert page.locator("div.hm-video button.hm-video-play").count() == 0
    box = iframe.evaluate("f => f.getBoundingClientRect().width * f.getBoundingClientRect().height")
    assert box > 0
    # The browser now asks for the player (and the guard blocks it): that is the click's effect.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        after = served.browser.blocked[blocked_before:]
        if any(urlsplit(u).hostname in PLAYER_HOSTS for u in after):
            break
        page.wait_for_timeout(50)
    else:
        pytest.fail("the player was never requested after the click")
    assert_no_script_errors(served.browser)


# Theme rules that still reach into our parts, each with the stylesheet that should stop them.
# Strict: once the CSS is fixed the test passes and the entry has to go.
# (theme, kind) -> why our CSS still loses to that theme's; none known.
KNOWN_LEAKS: dict[tuple[str, str], str] = {}

LIST_ITEMS = (
    "details.hm-toc li",
    "div.hm-share li.hm-share-item",
    "div.hm-tags li.hm-tag",
    "div.hm-tags li.hm-category",
)
IMAGES = {POST: "div.hm-video img.hm-video-thumb", COVER_POST: "figure.hm-cover img"}


def expect_leak(request: pytest.FixtureRequest, theme: str, kind: str) -> None:
    reason = KNOWN_LEAKS.get((theme, kind))
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.browser
def test_our_list_items_draw_no_markers(served: Served, request: pytest.FixtureRequest) -> None:
    expect_leak(request, served.theme, "markers")
    marked = []
    for path in (POST, COVER_POST):
        page = served.open(path)
        for selector in LIST_ITEMS:
            for item in page.locator(selector).all():
                style = item.evaluate(
                    "li => [getComputedStyle(li).display, getComputedStyle(li).listStyleType]"
                )
                if style[0] == "list-item" and style[1] != "none":
                    marked.append((path, selector, item.inner_text(), style[1]))
    assert marked == []


@pytest.mark.browser
def test_our_images_carry_no_theme_frame(served: Served, request: pytest.FixtureRequest) -> None:
    expect_leak(request, served.theme, "frames")
    framed = {}
    for path, selector in IMAGES.items():
        page = served.open(path)
        box = page.locator(selector).evaluate(
            """img => { const c = getComputedStyle(img);
                return [c.paddingTop, c.paddingRight, c.paddingBottom, c.paddingLeft,
                        c.borderTopWidth, c.borderRightWidth, c.borderBottomWidth,
                        c.borderLeftWidth]; }"""
        )
        if any(value != "0px" for value in box):
            framed[selector] = box
    assert framed == {}


@pytest.mark.browser
def test_screenshots(served: Served) -> None:
    page = served.open(POST)
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    full = ARTIFACTS / f"browser-{served.theme}-full.png"
    top = ARTIFACTS / f"browser-{served.theme}-top.png"
    page.screenshot(path=str(full), full_page=True)
    # The README shows the top of the post (header, meta line, open TOC) at reading size, and
    # stops above the post's own first image, whose host is made up.
    page.screenshot(path=str(top), clip={"x": 0, "y": 0, "width": 1280, "height": 800})
    for shot in (full, top):
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert int.from_bytes(data[16:20], "big") == 1280
    assert int.from_bytes(top.read_bytes()[20:24], "big") == 800
    # The whole post, footer included, is in the artefact.
    height = page.evaluate("document.documentElement.scrollHeight")
    assert int.from_bytes(full.read_bytes()[20:24], "big") >= min(height, 16384) > 900
    if os.environ.get("HM_UPDATE_SCREENSHOTS"):
        README_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(top, README_SHOTS / f"{served.theme}.png")


@pytest.mark.browser
def test_home_list_cards_are_visible(served: Served) -> None:
    """The generated home list: its cards, a cover inside its card, and the RSS link."""
    page = served.open("")
    assert_seen(page, {"list header": "header.hm-list-header", "card": "article.hm-entry"})
    # The card's overlay link lies over its cover by design (the whole card is the link), so
    # the cover is checked as loaded and inside its card rather than as on top.
    # Only the site's own images: the example's remote cover names a made-up host.
    covers = page.evaluate("""() => [...document.querySelectorAll('figure.hm-entry-cover img')]
        .filter(img => !img.getAttribute('src').startsWith('http')).map(img => {
            const c = img.closest('article').getBoundingClientRect(),
                r = img.getBoundingClientRect();
            return [img.naturalWidth, r.left >= c.left - 1 && r.right <= c.right + 1]; })""")
    assert covers and all(natural > 0 and inside for natural, inside in covers), covers
    widths = page.evaluate("""() => [...document.querySelectorAll('article.hm-entry')].map(
        a => [a.getBoundingClientRect().width, a.scrollWidth, a.clientWidth])""")
    assert widths and all(scroll <= client + 1 for _, scroll, client in widths), widths
    shot = ARTIFACTS / f"browser-{served.theme}-list.png"
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": 1280, "height": 800})
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    if os.environ.get("HM_UPDATE_SCREENSHOTS"):
        shutil.copyfile(shot, README_SHOTS / f"{served.theme}-list.png")
