"""List pages in headless Chromium on the three themes: the entry cards show, stay inside the
content column (covers, long titles, long unbroken words and CJK text included), the whole
card is the post's link, and the pagination links lead from page to page.

One served build per theme; each check reads the layout once through the browser.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from browserkit import browser_page, serve_directory
from sitebuilder import THEMES, build_site

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4
LONG_TITLE = "A very long title that keeps going " * 6
CJK = "这是一个很长的中文句子用来测试卡片在页面上是否会溢出内容栏没有任何空格可以断行" * 3


def wide_png(width: int = 1600, height: int = 500) -> bytes:
    """A valid grey PNG larger than any content column."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress((b"\x00" + b"\x80" * width) * height)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def _post(title: str, date: str, body: str, cover: bool = False) -> str:
    image = "cover:\n  image: /media/wide.png\n  alt: A wide cover\n" if cover else ""
    return f'---\ntitle: "{title}"\ndate: {date}\ntags: [Browser]\n{image}---\n\n{body}\n'


PAGES: dict[str, str | bytes] = {
    "media/wide.png": wide_png(),
    "posts/covered.md": _post("With a cover", "2024-06-06", "A post with a wide cover.", True),
    "posts/long-title.md": _post(LONG_TITLE.strip(), "2024-06-05", "Short body."),
    "posts/long-word.md": _post(LONG_WORD[:60], "2024-06-04", f"{LONG_WORD} and more.", True),
    "posts/cjk.md": _post("中文标题" * 8, "2024-06-03", CJK),
    "posts/older.md": _post("Older post", "2024-06-02", "On the second page."),
    "posts/oldest.md": _post("Oldest post", "2024-06-01", "Also on the second page."),
}

# The content column of each theme, which no card may leave.
COLUMN = "document.querySelector('.md-content__inner, [role=\"main\"]')"
LAYOUT = """async () => {
    const main = COLUMN;
    const found = [];
    for (const card of document.querySelectorAll('article.hm-entry')) {
        card.scrollIntoView({block: 'center', behavior: 'instant'});
        const img = card.querySelector('.hm-entry-cover img');
        if (img) await img.decode().catch(() => null);  // a lazy cover loads once in view
        const box = card.getBoundingClientRect();
        const column = main.getBoundingClientRect();
        const link = card.querySelector('a.hm-entry-link');
        // What a click on the title hits (elementFromPoint needs it in the viewport).
        const title = card.querySelector('.hm-entry-title').getBoundingClientRect();
        const hit = document.elementFromPoint(title.left + 5, title.top + title.height / 2);
        const cover = img && img.getBoundingClientRect();
        found.push({
            title: card.querySelector('.hm-entry-title').textContent.trim(),
            visible: box.width > 0 && box.height > 0,
            inColumn: box.left >= column.left - 1 && box.right <= column.right + 1,
            contained: card.scrollWidth <= card.clientWidth + 1,
            image: img && {
                loaded: img.complete && img.naturalWidth > 0,
                inside: cover.left >= box.left - 1 && cover.right <= box.right + 1
                    && cover.top >= box.top - 1 && cover.bottom <= box.bottom + 1,
            },
            linkOnTop: hit === link,
        });
    }
    return found;
}""".replace("COLUMN", COLUMN)


def _cards(page: Any) -> list[dict[str, Any]]:
    cards: list[dict[str, Any]] = page.evaluate(LAYOUT)
    return cards


def _check_layout(page: Any, expected: int, where: str) -> list[dict[str, Any]]:
    cards = _cards(page)
    assert len(cards) == expected, where
    for card in cards:
        label = f"{where}: {card['title'][:30]}"
        assert card["visible"], label
        assert card["inColumn"], label
        assert card["contained"], label
        if card["image"] is not None:
            assert card["image"]["loaded"], f"{label}: cover not loaded"
            assert card["image"]["inside"], f"{label}: cover outside its card"
    # Nothing pushes the page sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth + 1"), where
    return cards


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_cards_fit_link_and_paginate(tmp_path: Path, theme: str) -> None:
    site = build_site(tmp_path, PAGES, theme=theme, plugin={"pagination": {"pagerSize": 4}})
    assert site.warnings == []
    with serve_directory(site.site_dir) as base, browser_page() as browser:
        page = browser.page
        page.goto(base + "posts/")
        page.wait_for_load_state("load")
        cards = _check_layout(page, 4, "wide")
        assert [c["image"] is not None for c in cards] == [True, False, True, False]
        assert [c["linkOnTop"] for c in cards] == [True] * 4

        # A phone-sized window: covers shrink, long words wrap, CJK breaks anywhere.
        page.set_viewport_size({"width": 360, "height": 740})
        _check_layout(page, 4, "narrow")
        page.set_viewport_size({"width": 1280, "height": 900})

        # The card's overlay link takes the reader to the post.
        page.locator("article.hm-entry").nth(1).click()
        page.wait_for_url(base + "posts/long-title/")
        page.go_back()
        page.wait_for_url(base + "posts/")

        # Pagination: next to page 2 (the two oldest posts), previous back to the list.
        page.locator("nav.hm-pagination a.hm-next").click()
        page.wait_for_url(base + "posts/page/2/")
        older = _check_layout(page, 2, "page 2")
        assert [c["title"] for c in older] == ["Older post", "Oldest post"]
        assert page.locator("nav.hm-pagination a.hm-next").count() == 0
        page.locator("nav.hm-pagination a.hm-prev").click()
        page.wait_for_url(base + "posts/")

        # The term page lists the same posts with the same cards.
        page.goto(base + "tags/browser/")
        _check_layout(page, 4, "term")
        # The themes' own CDN scripts are blocked here; nothing of ours fails.
        assert browser.messages_from("hugo-meta") == []
