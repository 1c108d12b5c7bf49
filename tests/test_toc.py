"""The inline table of contents: heading scan, ids, nesting, flags and the theme's own TOC."""

from __future__ import annotations

import html
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given
from hypothesis import strategies as st
from markdown.extensions.toc import slugify_unicode, strip_tags
from sitebuilder import THEMES, Site, build_site

from mkdocs_hugo_meta.render import headings
from mkdocs_hugo_meta.render.toc import hides_theme_toc
from mkdocs_hugo_meta.source.params import PageParams

# ---------------------------------------------------------------- pure helpers


def shape(items: list[headings.Heading]) -> list[Any]:
    """Tree as nested lists: ``[id, [children...]]`` per entry, children omitted when none."""
    return [[h.id, shape(h.children)] if h.children else h.id for h in items]


def flat(*levels: int) -> list[headings.Heading]:
    return [headings.Heading(level, f"h{i}", f"H{i}") for i, level in enumerate(levels)]


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ((2, 3, 3, 2), [["h0", ["h1", "h2"]], "h3"]),
        ((2, 4, 2), [["h0", ["h1"]], "h2"]),
        ((3, 2, 3, 4, 2, 1), ["h0", ["h1", [["h2", ["h3"]]]], "h4", "h5"]),
        ((1, 2, 3, 4, 5, 6), [["h0", [["h1", [["h2", [["h3", [["h4", ["h5"]]]]]]]]]]]),
        ((6, 1), ["h0", "h1"]),
        ((), []),
    ],
)
def test_nest(levels: tuple[int, ...], expected: list[Any]) -> None:
    assert shape(headings.nest(flat(*levels))) == expected


@pytest.mark.parametrize(
    ("html", "ids", "texts"),
    [
        # Raw heading gets the default slug; an existing id is kept.
        ('<h2>What &amp; Why?</h2><h3 id="keep">K</h3>', ["what-why", "keep"],
         ["What & Why?", "K"]),
        # Permalink anchor and tags left out of the text.
        (
            '<h2 id="a">A <em>b</em><a class="headerlink" href="#a" title="x">&para;</a></h2>',
            ["a"],
            ["A b"],
        ),
        # Footnote marker left out of text and slug.
        ('<h2>Note<sup id="fnref:1"><a href="#fn:1">1</a></sup></h2>', ["note"], ["Note"]),
        # Same text twice and an id elsewhere in the page: suffixes as the toc extension makes.
        ('<p id="intro"></p><h2>Intro</h2><h2>Intro</h2>', ["intro_1", "intro_2"],
         ["Intro", "Intro"]),
        # Headings in comments and scripts are not headings; attributes may hold ">".
        ('<!-- <h2>no</h2> --><script>"<h2>no</h2>"</script><h4 title="a>b">Yes</h4>', ["yes"],
         ["Yes"]),
        # data-toc-label gives the link text; the id still comes from the heading.
        ('<H2 data-toc-label="Short">A long heading</H2>', ["a-long-heading"], ["Short"]),
        # Uppercase tags and single-quoted ids.
        ("<H3 id='x y'>Q</H3>", ["x y"], ["Q"]),
    ],
)
def test_collect(html: str, ids: list[str], texts: list[str]) -> None:
    out, found = headings.collect(html, headings.default_slugify, "-")
    assert [h.id for h in found] == ids
    assert [h.text for h in found] == texts
    soup = BeautifulSoup(out, "html.parser")
    assert [h["id"] for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] == ids


def test_collect_leaves_pages_without_headings_alone() -> None:
    html = "<p>No <header>headings</header> here; <hr> is not one.</p>"
    assert headings.collect(html, headings.default_slugify, "-") == (html, [])


def test_slug_function_follows_the_toc_extension() -> None:
    slugify, separator = headings.slug_function({})
    assert separator == "-" and slugify("Žlutý kůň, 2 + fast!", "-") == "zluty-kun-2-fast"
    configured = {"toc": {"slugify": slugify_unicode, "separator": "_"}}
    slugify, separator = headings.slug_function(configured)
    assert (slugify, separator) == (slugify_unicode, "_")
    _, found = headings.collect("<h2>Ünïcode heading</h2>", slugify, separator)
    assert found[0].id == "ünïcode_heading"


@given(
    st.one_of(
        st.text(alphabet=st.sampled_from(list("aZ9 _-.,!é€Ωß\t\u00a0ﬁ²")), max_size=30),
        st.text(alphabet=st.sampled_from(list("aZ9 ")), max_size=30),  # words and spaces
    ),
    st.sampled_from(["-", "_", ".", " "]),
)
def test_default_slug_matches_the_toc_extension(text: str, separator: str) -> None:
    slugify, _ = headings.slug_function({"toc": {"separator": separator}})
    assert slugify(text, separator) == headings.default_slugify(text, separator)


class _CountingSet(set[str]):
    lookups = 0

    def __contains__(self, item: object) -> bool:
        type(self).lookups += 1
        return super().__contains__(item)


@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0é>;#")), max_size=20))
def test_plain_heading_text_is_read_like_any_other(inner: str) -> None:
    # Text without "<" or "&" skips tag stripping; it must come out the same.
    assert headings.heading_text(inner) == html.unescape(strip_tags(inner))


def test_repeated_headings_get_suffixes_in_linear_work() -> None:
    # "Section" 2000 times: each new suffix must not re-try every earlier one.
    used, counters = _CountingSet(), {}
    ids = [headings.unique("section", used, counters) for _ in range(2000)]
    assert ids[:3] == ["section", "section_1", "section_2"] and len(set(ids)) == 2000
    assert _CountingSet.lookups <= 2 * 2000


@pytest.mark.parametrize(
    ("page", "site", "mode", "hidden"),
    [
        ({}, {}, "follow", False),  # never mentioned: the theme keeps its TOC
        ({"showtoc": False}, {}, "follow", True),
        ({"showtoc": False}, {}, "keep", False),
        ({"showtoc": True}, {}, "follow", False),
        ({}, {"showtoc": False}, "follow", True),  # explicit site-wide false
        ({}, {"showtoc": True}, "follow", False),
        ({"showtoc": False}, {"showtoc": True}, "follow", True),
    ],
)
def test_hides_theme_toc(
    page: dict[str, Any], site: dict[str, Any], mode: str, hidden: bool
) -> None:
    options = SimpleNamespace(options=SimpleNamespace(toc=SimpleNamespace(theme_toc=mode)))
    assert hides_theme_toc(PageParams(page, site), options) is hidden  # type: ignore[arg-type]


# ---------------------------------------------------------------- real builds

SECTIONS = "\n## Alpha section\n\nText.\n\n### Alpha detail\n\nText.\n\n## Beta section\n\nText.\n"

FOLLOW_PAGES = {
    "posts/on.md": "---\ntitle: On\nshowToc: true\nTocOpen: true\n---\n# On page\n" + SECTIONS,
    "posts/closed.md": "---\ntitle: Closed\nshowToc: true\n---\n# Closed page\n" + SECTIONS,
    "posts/off.md": "---\ntitle: Off\nshowToc: false\nhide: [navigation]\n---\n# Off page\n"
    + SECTIONS,
    "posts/default.md": "---\ntitle: Default\n---\n# Default page\n" + SECTIONS,
    "posts/empty.md": "---\ntitle: Empty\nshowToc: true\n---\nNo headings at all.\n",
    "posts/nest-a.md": "---\nshowToc: true\n---\n<h2>One</h2>\n<h3>One A</h3>\n<h3>One B</h3>\n"
    "<h2>Two</h2>\n",
    "posts/nest-b.md": "---\nshowToc: true\n---\n<h2>One</h2>\n<h4>One deep</h4>\n<h2>Two</h2>\n",
    "posts/nest-c.md": "---\nshowToc: true\n---\nIntro.\n\n<h3>Start</h3>\n\n<h2>Two</h2>\n\n"
    "### Two A\n\n<h4>Two A deep</h4>\n\n## Three\n\n# Last\n",
    "posts/dups.md": "---\nshowToc: true\n---\n## Notes\n\n## Notes\n\n<h2>Notes</h2>\n\n"
    '<h3 id="notes_3">Kept</h3>\n\n<h3>Notes</h3>\n',
    "posts/hugo.md": "---\ntitle: Hugo\nshowToc: true\nUseHugoToc: true\n---\n# Hugo\n\n"
    "## Md one\n\n### Md sub\n\n#### Too deep\n\n<h2>Raw one</h2>\n",
}
MARKDOWN = {"markdown_extensions": [{"toc": {"permalink": True, "toc_depth": 3}}]}


@pytest.fixture(scope="module", params=THEMES)
def follow_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    seed = (Path(__file__).parent / "data" / "seed_like_post.md").read_text(encoding="utf-8")
    pages = {**FOLLOW_PAGES, "posts/seed.md": seed}
    root = tmp_path_factory.mktemp(f"toc-follow-{request.param}")
    # The plugin listed before search: search must still index sections of pages whose theme
    # TOC the plugin empties.
    plugins = [{"hugo-meta": {}}, "search"]
    return build_site(root, pages, theme=request.param, extra={**MARKDOWN, "plugins": plugins})


@pytest.fixture(scope="module", params=THEMES)
def keep_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    pages = {
        "posts/inherit.md": "---\ntitle: Inherit\n---\n# Inherit page\n" + SECTIONS,
        "posts/pageoff.md": "---\ntitle: Page off\nshowToc: false\n---\n# Page off\n" + SECTIONS,
        "posts/closed.md": "---\ntitle: Closed\nTocOpen: false\n---\n# Closed page\n" + SECTIONS,
    }
    plugin = {
        "params": {"showToc": True, "TocOpen": True},
        "toc": {"theme_toc": "keep", "levels": [2], "title": "On this page"},
    }
    root = tmp_path_factory.mktemp(f"toc-keep-{request.param}")
    return build_site(root, pages, theme=request.param, plugin=plugin, extra=MARKDOWN)


def theme_of(site: Site) -> str:
    return next(t for t in THEMES if f"toc-follow-{t}" in str(site.root) or
                f"toc-keep-{t}" in str(site.root))


def box(soup: BeautifulSoup) -> Tag | None:
    found = soup.select("details.hm-toc")
    assert len(found) <= 1
    return found[0] if found else None


def link_ids(soup: BeautifulSoup) -> list[str]:
    toc = box(soup)
    assert toc is not None
    return [str(a["href"])[1:] for a in toc.select("a")]


def tree(ul: Tag) -> list[Any]:
    """The box's nesting as ``[text, [children]]`` entries, checking the list is well formed."""
    out: list[Any] = []
    for li in ul.find_all(recursive=False):
        assert li.name == "li", "only <li> may sit directly in a <ul>"
        parts = li.find_all(recursive=False)
        assert parts and parts[0].name == "a", "every entry starts with its link (no empty bullet)"
        assert [p.name for p in parts[1:]] in ([], ["ul"])
        text = parts[0].get_text()
        out.append([text, tree(parts[1])] if len(parts) == 2 else text)
    return out


def box_tree(soup: BeautifulSoup) -> list[Any]:
    toc = box(soup)
    assert toc is not None
    top = toc.select("nav.hm-toc-links > ul")
    assert len(top) == 1
    return tree(top[0])


def theme_toc_visible(site: Site, soup: BeautifulSoup, target: str) -> bool:
    """Whether the theme's own TOC offers a link to ``#target``."""
    if theme_of(site) == "material":
        sidebar = soup.select_one("div.md-sidebar--secondary")
        assert sidebar is not None
        return not sidebar.has_attr("hidden")
    links = [
        a for a in soup.select(f'a[href="#{target}"]')
        if "headerlink" not in (a.get("class") or []) and not a.find_parent(class_="hm-toc")
    ]
    return bool(links)


def test_box_present_and_open_per_page_flag(follow_site: Site) -> None:
    on = follow_site.html("posts/on.md")
    toc = box(on)
    assert toc is not None and toc.has_attr("open")
    summary = toc.find("summary")
    assert summary is not None and summary.get_text(strip=True) == "Table of Contents"
    closed = box(follow_site.html("posts/closed.md"))
    assert closed is not None and not closed.has_attr("open")
    for page in ("posts/off.md", "posts/default.md", "posts/empty.md"):
        assert box(follow_site.html(page)) is None, page


def test_box_lists_sections_without_the_title_or_permalinks(follow_site: Site) -> None:
    soup = follow_site.html("posts/on.md")
    assert box_tree(soup) == [["Alpha section", ["Alpha detail"]], "Beta section"]
    assert "¶" not in box(soup).get_text()  # type: ignore[union-attr]
    # The box comes before the content's first section.
    text = str(soup)
    assert text.index('class="hm-toc"') < text.index('id="alpha-section"')


def test_seed_post_links_every_raw_heading(follow_site: Site) -> None:
    soup = follow_site.html("posts/seed.md")
    ids = link_ids(soup)
    assert len(ids) == 20
    content = [h for h in soup.find_all(["h2", "h3"]) if h.get("id") in ids]
    assert [h.name for h in content].count("h2") == 4
    assert [h.name for h in content].count("h3") == 16
    for target in ids:
        assert len(soup.find_all(id=target)) == 1, target
    assert ids[0] == "what-makes-a-starter-smell-sharp"
    # Each h3 sits under its h2: 3, 3 and 10 sections, and a conclusion without any.
    counts = [len(entry[1]) if isinstance(entry, list) else 0 for entry in box_tree(soup)]
    assert counts == [3, 3, 10, 0]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("posts/nest-a.md", [["One", ["One A", "One B"]], "Two"]),
        ("posts/nest-b.md", [["One", ["One deep"]], "Two"]),
        ("posts/nest-c.md", ["Start", ["Two", [["Two A", ["Two A deep"]]]], "Three", "Last"]),
    ],
)
def test_nesting_is_valid_for_any_level_sequence(
    follow_site: Site, page: str, expected: list[Any]
) -> None:
    soup = follow_site.html(page)
    assert box_tree(soup) == expected
    for target in link_ids(soup):
        assert soup.find(id=target) is not None


def test_duplicate_headings_get_distinct_ids(follow_site: Site) -> None:
    soup = follow_site.html("posts/dups.md")
    ids = link_ids(soup)
    assert len(ids) == 5
    assert len(set(ids)) == 5
    assert "notes_3" in ids  # the author's own id is kept, and no other heading takes it
    for target in ids:
        assert len(soup.find_all(id=target)) == 1, target


def test_use_hugo_toc_follows_toc_depth(follow_site: Site) -> None:
    soup = follow_site.html("posts/hugo.md")
    assert box_tree(soup) == [["Md one", ["Md sub"]]]


def test_theme_toc_follows_explicit_show_toc_false(follow_site: Site) -> None:
    assert not theme_toc_visible(follow_site, follow_site.html("posts/off.md"), "alpha-section")
    for page in ("posts/default.md", "posts/on.md"):
        assert theme_toc_visible(follow_site, follow_site.html(page), "alpha-section"), page
    if theme_of(follow_site) == "material":
        # The page's own `hide` entries are kept.
        primary = follow_site.html("posts/off.md").select_one("div.md-sidebar--primary")
        assert primary is not None and primary.has_attr("hidden")


def test_search_keeps_sections_of_pages_without_theme_toc(follow_site: Site) -> None:
    locations = [doc["location"] for doc in follow_site.search_index()["docs"]]
    assert "posts/off/#alpha-section" in locations


def test_site_params_levels_title_and_keep(keep_site: Site) -> None:
    inherit = box(keep_site.html("posts/inherit.md"))
    assert inherit is not None and inherit.has_attr("open")
    assert inherit.find("summary").get_text(strip=True) == "On this page"  # type: ignore[union-attr]
    assert link_ids(keep_site.html("posts/inherit.md")) == ["alpha-section", "beta-section"]
    closed = box(keep_site.html("posts/closed.md"))
    assert closed is not None and not closed.has_attr("open")
    off = keep_site.html("posts/pageoff.md")
    assert box(off) is None
    assert theme_toc_visible(keep_site, off, "alpha-section")


def test_translated_title_and_site_wide_false(tmp_path: Path) -> None:
    pages = {
        "posts/yes.md": "---\nshowToc: true\n---\n# Oui\n" + SECTIONS,
        "plain.md": "# Plain\n" + SECTIONS,
        "posts/site-false.md": "---\ntitle: Site false\n---\n# Site false\n" + SECTIONS,
    }
    site = build_site(
        tmp_path, pages, theme="mkdocs", plugin={"params": {"ShowToc": False}},
        extra={"theme": {"name": "mkdocs", "locale": "fr"}},
    )
    toc = box(site.html("posts/yes.md"))
    assert toc is not None
    assert toc.find("summary").get_text(strip=True) == "Table des matières"  # type: ignore[union-attr]
    site_false = site.html("posts/site-false.md")
    assert box(site_false) is None
    assert not any(a for a in site_false.select('a.nav-link[href="#alpha-section"]'))
    # A page without Hugo front matter outside the posts keeps its theme's look, sidebar TOC
    # included (one in a main section is a post: test_lists covers it).
    plain = site.html("plain.md")
    assert box(plain) is None
    assert plain.select('a.nav-link[href="#alpha-section"]')


def test_box_can_be_turned_off_site_wide(tmp_path: Path) -> None:
    pages = {"posts/yes.md": "---\nshowToc: true\nTocOpen: true\n---\n# Yes\n" + SECTIONS}
    site = build_site(tmp_path, pages, plugin={"toc": {"enabled": False}})
    soup = site.html("posts/yes.md")
    assert box(soup) is None
    assert soup.select('a.nav-link[href="#alpha-section"]')  # the theme's TOC stays


def test_authors_duplicate_ids_are_reported(tmp_path: Path) -> None:
    pages = {"posts/d.md": '---\nshowToc: true\n---\n<h2 id="x">A</h2>\n\n<h2 id="x">B</h2>\n'}
    site = build_site(tmp_path, pages)
    assert len(site.warnings_about("two headings have the id 'x'")) == 1
