"""The page header on real builds: title and h1s, description, meta line, breadcrumbs, badge."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuilder import THEMES, Site, build_site

from mkdocs_hugo_meta.render.labels import Labels
from mkdocs_hugo_meta.source import dates

# 1 + 200 words, 5 in code, 2 in a heading (its permalink anchor not counted), 5 more: 213.
ENGLISH_213 = "extra " + " ".join(f"w{i}" for i in range(200)) + (
    "\n\n```\nprint(1) + two three four\n```\n\n## Heading here\n\nsix seven eight nine ten\n"
)
TITLE = 'Quotes "q" <b> & co'

PAGES = {
    "posts/index.md": "---\ntitle: All posts\n---\nEvery post.\n",
    "posts/full.md": f"---\ntitle: '{TITLE}'\ndescription: 'A <desc> & \"more\"'\n"
    "date: 2024-05-03\nauthor: [Ann, Bob]\nShowWordCount: true\neditPost:\n  Text: Fix this\n"
    "---\n" + ENGLISH_213,
    "posts/own-h1.md": "---\ntitle: Own\n---\n# Own\n\nBody text.\n",
    "posts/other-h1.md": "---\ntitle: Own\nshowToc: true\n---\n# Another heading\n\nBody.\n",
    "posts/sections.md": "---\ntitle: Sectioned\n---\nIntro.\n\n# One\n\nA\n\n# Two\n\nB\n",
    "posts/hidemeta.md": "---\ntitle: Hidden meta\ndate: 2024-01-01\nhideMeta: true\n---\nText.\n",
    "posts/quiet.md": """\
        ---
        title: Quiet
        date: 2023-12-25
        ShowReadingTime: false
        hideAuthor: true
        ShowBreadCrumbs: false
        editPost:
          disabled: true
        ---
        Text.
        """,
    "posts/draft.md": "---\ntitle: Unfinished\ndraft: true\n---\nText.\n",
    "posts/chinese.md": "---\ntitle: 中文\nShowWordCount: true\n---\n我喜欢读书。今天天气很好。\n",
    "posts/mixed.md": "---\ntitle: Mixed\nShowWordCount: true\n---\n我爱 Python 和 MkDocs 123\n",
    "posts/long-cjk.md": "---\ntitle: Long\nShowWordCount: true\n---\n" + "中" * 501 + "\n",
    "posts/not-cjk.md": "---\ntitle: Flag\nisCJKLanguage: false\nShowWordCount: true\n---\n"
    "中文 测试 abc\n",
    "posts/empty.md": "---\ntitle: Empty\nShowWordCount: true\n---\n",
    "posts/canonical.md": "---\ntitle: Moved\ncanonicalURL: https://first.example/p\n"
    "ShowCanonicalLink: true\n---\nText.\n",
    "notes/deep/page.md": "---\ntitle: Leaf page\n---\nText.\n",
    "plain.md": "# Plain page\n\nNo front matter here.\n",
}
SITE_PARAMS = {
    "ShowReadingTime": True,
    "ShowBreadCrumbs": True,
    "author": "Site Author",
    "editPost": {"URL": "https://git.example/edit/main/docs/", "appendFilePath": True},
}
MARKDOWN = {"markdown_extensions": [{"toc": {"permalink": True}}, "fenced_code"]}


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp(f"header-{request.param}")
    plugin = {"params": SITE_PARAMS, "build": {"drafts": True}}
    return build_site(root, PAGES, theme=request.param, plugin=plugin, extra=MARKDOWN)


def header(soup: BeautifulSoup) -> Tag:
    found = soup.find_all("header", class_="hm-header")
    assert len(found) == 1
    assert isinstance(found[0], Tag)
    return found[0]


def meta_kinds(soup: BeautifulSoup) -> list[str]:
    line = header(soup).find(class_="hm-meta")
    if line is None:
        return []
    assert isinstance(line, Tag)
    return [
        cls[3:]
        for child in line.find_all(True, recursive=False)
        for cls in child.get("class", [])
        if cls.startswith("hm-") and cls != "hm-sep"
    ]


def title_h1s(soup: BeautifulSoup, title: str) -> list[Tag]:
    return [h for h in soup.find_all("h1") if h.get_text(" ", strip=True).startswith(title)]


def test_exactly_one_title_h1(site: Site) -> None:
    for page, title in [("posts/full.md", TITLE), ("posts/quiet.md", "Quiet"),
                        ("posts/chinese.md", "中文"), ("plain.md", "Plain page")]:
        soup = site.html(page)
        assert len(soup.find_all("h1")) == 1, page
        assert len(title_h1s(soup, title)) == 1, page
    # Content opening with an h1 that repeats the title: that h1 is the title, shown once,
    # and the header follows it.
    soup = site.html("posts/own-h1.md")
    h1s = soup.find_all("h1")
    assert len(h1s) == 1
    assert h1s[0].get_text(strip=True).startswith("Own")
    assert "hm-title" not in (h1s[0].get("class") or [])
    assert h1s[0].find_next_sibling() is header(soup)
    # One that says something else stays a heading of the post, as in Hugo: the front-matter
    # title is the page's title, and the heading is listed in the table of contents.
    soup = site.html("posts/other-h1.md")
    texts = [h.get_text(" ", strip=True) for h in soup.find_all("h1")]
    assert texts[0] == "Own" and "hm-title" in soup.find("h1").get("class", [])
    assert any(t.startswith("Another heading") for t in texts[1:]), texts
    toc_links = [a.get_text() for a in soup.select("details.hm-toc a")]
    assert toc_links == ["Another heading"]
    # Section h1s further down: the page still gets its title, once, before them.
    soup = site.html("posts/sections.md")
    texts = [h.get_text(" ", strip=True).rstrip("¶ ") for h in soup.find_all("h1")]
    assert texts == ["Sectioned", "One", "Two"]
    assert soup.find("h1", class_="hm-title") is not None


def test_title_and_description_are_escaped(site: Site) -> None:
    soup = site.html("posts/full.md")
    top = header(soup)
    title = top.find("h1", class_="hm-title")
    assert title is not None and title.get_text() == TITLE
    assert title.find("b") is None
    description = top.find(class_="hm-description")
    assert description is not None and description.get_text() == 'A <desc> & "more"'
    assert "&lt;desc&gt; &amp;" in site.text("posts/full.md")


def test_meta_line_order_and_values(site: Site) -> None:
    soup = site.html("posts/full.md")
    assert meta_kinds(soup) == ["date", "reading-time", "word-count", "author", "edit"]
    line = header(soup).find(class_="hm-meta")
    assert isinstance(line, Tag)
    text = line.get_text()
    dot = "\u00a0·\u00a0"
    assert text.startswith(dot.join(["May 3, 2024", "2 min", "213 words", "Ann, Bob"]))
    assert "\u00a0|\u00a0Fix this" in text
    date = line.find(class_="hm-date")
    assert isinstance(date, Tag) and date["datetime"] == "2024-05-03T00:00:00+00:00"
    reading = line.find(class_="hm-reading-time")
    assert isinstance(reading, Tag) and reading["data-minutes"] == "2"
    words = line.find(class_="hm-word-count")
    assert isinstance(words, Tag) and words["data-words"] == "213"
    edit = line.find(class_="hm-edit")
    assert isinstance(edit, Tag)
    assert edit["href"] == "https://git.example/edit/main/docs/posts/full.md"


def test_page_false_beats_site_true(site: Site) -> None:
    soup = site.html("posts/quiet.md")
    # Reading time, author and edit link are on for the site and off on this page.
    assert meta_kinds(soup) == ["date"]
    assert header(soup).find(class_="hm-breadcrumbs") is None
    soup = site.html("posts/hidemeta.md")
    assert header(soup).find(class_="hm-meta") is None
    assert header(soup).find("h1", class_="hm-title") is not None


def test_site_params_fill_in(site: Site) -> None:
    soup = site.html("posts/own-h1.md")
    assert meta_kinds(soup) == ["reading-time", "author", "edit"]
    author = header(soup).find(class_="hm-author")
    assert author is not None and author.get_text() == "Site Author"


@pytest.mark.parametrize(
    ("page", "words", "minutes"),
    [
        ("posts/chinese.md", 13, 1),
        ("posts/mixed.md", 6, 1),
        ("posts/long-cjk.md", 501, 2),
        ("posts/not-cjk.md", 3, 1),
        ("posts/empty.md", 0, 0),
    ],
)
def test_counts_follow_hugo(site: Site, page: str, words: int, minutes: int) -> None:
    top = header(site.html(page))
    count = top.find(class_="hm-word-count")
    reading = top.find(class_="hm-reading-time")
    assert isinstance(count, Tag) and isinstance(reading, Tag)
    assert (count["data-words"], reading["data-minutes"]) == (str(words), str(minutes))
    assert count.get_text() == (f"{words} word" if words == 1 else f"{words} words")


def test_breadcrumbs(site: Site, tmp_path: Path) -> None:
    if "readthedocs" in site.root.name:
        # The theme draws its own trail right above the content: ours steps aside by default.
        soup = site.html("posts/full.md")
        assert soup.select(".hm-breadcrumbs") == []
        assert len(soup.select(".wy-breadcrumbs")) == 1
        plugin = {"params": SITE_PARAMS, "step_aside": False}
        site = build_site(tmp_path, PAGES, theme="readthedocs", plugin=plugin, extra=MARKDOWN)
    nav = header(site.html("posts/full.md")).find("nav", class_="hm-breadcrumbs")
    assert isinstance(nav, Tag) and nav["aria-label"] == "Breadcrumb"
    links = [(a.get_text(), a["href"]) for a in nav.find_all("a")]
    assert links[0] == ("Home", "../../")
    assert len(links) == 2 and links[1][1] == "../"
    assert nav.get_text().startswith("Home \u203a ")
    # A folder without an index page is named, not linked; the page itself is not listed.
    # `notes/` is a Hugo section and gets its generated list page; `deep/` (no `_index.md`)
    # is not a section of its own.
    nav = header(site.html("notes/deep/page.md")).find("nav", class_="hm-breadcrumbs")
    assert isinstance(nav, Tag)
    assert [a.get_text() for a in nav.find_all("a")] == ["Home", "Notes"]
    assert len(nav.find_all("span", class_="hm-breadcrumbs-sep")) == 2
    assert nav.get_text() == "Home \u203a Notes \u203a Deep"


def test_draft_badge_and_canonical_link(site: Site) -> None:
    title = header(site.html("posts/draft.md")).find("h1", class_="hm-title")
    assert isinstance(title, Tag)
    badge = title.find(class_="hm-draft")
    assert isinstance(badge, Tag) and badge.get_text() == "Draft"
    assert header(site.html("posts/full.md")).find(class_="hm-draft") is None
    link = header(site.html("posts/canonical.md")).find(class_="hm-canonical")
    assert isinstance(link, Tag) and link["href"] == "https://first.example/p"
    assert link.get_text() == "Originally published at first.example"


def test_plain_pages_keep_their_theme_title(site: Site) -> None:
    soup = site.html("plain.md")
    assert soup.find("h1", class_="hm-title") is None


def test_defaults_and_header_off(tmp_path_factory: pytest.TempPathFactory) -> None:
    pages = {"posts/a.md": "---\ntitle: A\ndate: 2024-02-29\nauthor: Me\n---\nSome text.\n"}
    site = build_site(tmp_path_factory.mktemp("header-defaults"), pages)
    soup = site.html("posts/a.md")
    # Defaults: date and author only; no reading time, word count, breadcrumbs or edit link.
    assert meta_kinds(soup) == ["date", "author"]
    assert header(soup).find(class_="hm-breadcrumbs") is None
    off = build_site(tmp_path_factory.mktemp("header-off"), pages,
                     plugin={"header": {"enabled": False, "date_format": "2006-01-02"}})
    soup = off.html("posts/a.md")
    assert soup.find(class_="hm-header") is None
    assert len(soup.find_all("h1")) == 0


def test_labels_and_date_format(tmp_path_factory: pytest.TempPathFactory) -> None:
    pages = {"posts/a.md": "---\ntitle: A\ndate: 2024-02-09\nShowReadingTime: true\n"
             "ShowWordCount: true\n---\nword\n"}
    plugin = {
        "header": {"date_format": "%d.%m.%Y"},
        "labels": {"reading_time": "{minutes} min read"},
    }
    site = build_site(tmp_path_factory.mktemp("header-labels"), pages, plugin=plugin)
    line = header(site.html("posts/a.md")).find(class_="hm-meta")
    assert isinstance(line, Tag)
    assert line.get_text() == "09.02.2024\u00a0·\u00a01 min read\u00a0·\u00a01 word"


@pytest.mark.parametrize(
    ("layout", "language", "expected"),
    [
        ("January 2, 2006", "en", "March 7, 2021"),
        ("2 January 2006", "fr", "7 mars 2021"),
        ("Jan 02, 06", "en", "Mar 07, 21"),
        ("2006-01-02", "de", "2021-03-07"),
        ("January 2, 2006", "zh", "3月 7, 2021"),
        ("%Y/%m/%d", "en", "2021/03/07"),
    ],
)
def test_date_format(layout: str, language: str, expected: str) -> None:
    moment = datetime(2021, 3, 7, 15, 4, tzinfo=timezone.utc)
    assert dates.format_date(moment, layout, Labels(language, {}).months) == expected


def meta_text(site: Site, page: str, kind: str) -> str:
    found = header(site.html(page)).find(class_=f"hm-{kind}")
    assert isinstance(found, Tag), f"no hm-{kind} on {page}"
    return found.get_text()


@pytest.mark.parametrize(
    ("plugin", "expected"),
    [
        ({}, "February 9, 2024"),
        # PaperMod's DateFormat pasted into params, under any spelling of the key.
        ({"params": {"DateFormat": "2006-01-02"}}, "2024-02-09"),
        ({"params": {"dateformat": "02 Jan 2006"}}, "09 Feb 2024"),
        ({"params": {"DateFormat": ""}}, "February 9, 2024"),
        # An explicit option wins, even when it repeats the default.
        ({"params": {"DateFormat": "2006-01-02"}, "header": {"date_format": "%d.%m.%Y"}},
         "09.02.2024"),
        ({"params": {"DateFormat": "2006-01-02"}, "header": {"date_format": "January 2, 2006"}},
         "February 9, 2024"),
    ],
)
def test_papermod_date_format_param(
    tmp_path_factory: pytest.TempPathFactory, plugin: dict[str, object], expected: str
) -> None:
    pages = {"posts/a.md": "---\ntitle: A\ndate: 2024-02-09\n---\nword\n"}
    site = build_site(tmp_path_factory.mktemp("dateformat"), pages, plugin=plugin)
    assert meta_text(site, "posts/a.md", "date") == expected
    assert site.warnings == []


def test_date_format_param_that_is_not_text_is_reported_once(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    pages = {f"posts/{n}.md": "---\ntitle: A\ndate: 2024-02-09\n---\nword\n" for n in "ab"}
    site = build_site(tmp_path_factory.mktemp("dateformat-bad"), pages,
                      plugin={"params": {"DateFormat": 2006}})
    assert meta_text(site, "posts/a.md", "date") == "February 9, 2024"
    assert len(site.warnings_about("'DateFormat' should be a date layout")) == 1


@pytest.mark.parametrize("theme", THEMES)
def test_author_mapping_shows_its_name(
    tmp_path_factory: pytest.TempPathFactory, theme: str
) -> None:
    pages = {
        "posts/own.md": "---\ntitle: Own\nauthor:\n  name: Ann Lee\n  email: ann@example.org\n"
        "---\nword\n",
        "posts/many.md": "---\ntitle: Many\nauthor:\n  - {name: Ann, email: a@example.org}\n"
        "  - Bo\n---\nword\n",
        "posts/site.md": "---\ntitle: Site's\n---\nword\n",
    }
    plugin = {"params": {"author": {"name": "Site Owner", "email": "owner@example.org"}}}
    site = build_site(tmp_path_factory.mktemp(f"author-{theme}"), pages, theme=theme,
                      plugin=plugin)
    assert site.warnings == []
    for page, name in (("posts/own.md", "Ann Lee"), ("posts/many.md", "Ann, Bo"),
                       ("posts/site.md", "Site Owner")):
        assert meta_text(site, page, "author") == name
        authors = site.html(page).select('head meta[name="author"]')
        assert [tag["content"] for tag in authors] == [name]
