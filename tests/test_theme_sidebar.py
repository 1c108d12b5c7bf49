"""The theme's own sidebar TOC gets raw HTML headings MkDocs cannot see, and the plugin's header,
table of contents and footer stay out of the search index (both search plugins)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sitebuilder import Site

RAW = """\
---
title: Raw headings
showToc: true
---

<h2>First part</h2>

Text one.

<h3>Detail</h3>

Text two.

<h2>Second part</h2>

Text three.
"""
MARKDOWN = """\
---
title: Markdown headings
showToc: true
---

## Only this one

Text.
"""

# The readthedocs theme lists only what sits under a page's h1 in its sidebar, so a post with
# h2 sections shows none there, with or without the plugin; it is left out here.
SIDEBAR = {
    "mkdocs": ".bs-sidebar a.nav-link",
    "material": "nav.md-nav--secondary a.md-nav__link",
}
# The mkdocs theme shows two levels (its navigation_depth); Material all of them.
EXPECTED = {
    "mkdocs": ["First part", "Second part"],
    "material": ["First part", "Detail", "Second part"],
}


@pytest.fixture(params=sorted(SIDEBAR))
def sidebar_theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def built(build: Callable[..., Site], sidebar_theme: str) -> Site:
    return build({"posts/raw.md": RAW, "posts/md.md": MARKDOWN}, theme=sidebar_theme)


def sidebar_links(site: Site, page: str, theme: str) -> list[str]:
    # Material prints the page's TOC twice (in the nav drawer and in the right sidebar).
    found = [a.get_text(" ", strip=True) for a in site.html(page).select(SIDEBAR[theme])]
    return list(dict.fromkeys(found))


def test_raw_headings_reach_the_theme_sidebar(built: Site, sidebar_theme: str) -> None:
    links = sidebar_links(built, "posts/raw.md", sidebar_theme)
    assert links == EXPECTED[sidebar_theme]


def test_markdown_toc_is_left_as_mkdocs_made_it(built: Site, sidebar_theme: str) -> None:
    assert sidebar_links(built, "posts/md.md", sidebar_theme) == ["Only this one"]


def test_explicit_show_toc_false_keeps_the_sidebar_empty(
    build: Callable[..., Site],
) -> None:
    site = build({"posts/raw.md": RAW.replace("showToc: true", "showToc: false")})
    assert sidebar_links(site, "posts/raw.md", "mkdocs") == []


def test_search_indexes_the_post_not_the_header_box_and_footer(
    build: Callable[..., Site], theme: str
) -> None:
    params = {"ShowShareButtons": True, "ShowReadingTime": True, "ShowBreadCrumbs": True}
    site = build({"posts/raw.md": RAW}, theme=theme, plugin={"params": params})
    html = site.html("posts/raw.md")
    assert html.select_one("header.hm-header .hm-reading-time")
    assert html.select_one("details.hm-toc") and html.select_one("footer.hm-footer")
    entries = [e for e in site.search_index()["docs"] if e["location"].startswith("posts/raw/")]
    assert entries
    text = " ".join(e["text"] for e in entries)
    assert "Text one." in text
    assert "Table of Contents" not in text
    assert "min" not in text.split()
    if theme != "material":
        # The sidebar gets the raw headings only after MkDocs' search has read `page.toc`: the
        # post stays one entry, as without the plugin (Material splits by the HTML headings).
        assert [e["location"] for e in entries] == ["posts/raw/"]
    assert "share Raw headings on" not in text
