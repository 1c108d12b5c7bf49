"""Tags added to <head>: present once each, merged with the theme's own, values escaped."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuilder import THEMES, Site, build_site

from mkdocs_hugo_meta.render import head_tags as head

DESCRIPTION = 'Says "hi" <now> & then'
LONG = " ".join(["Sourdough"] + ["starter"] * 60)
PAGES: dict[str, str | bytes] = {
    "posts/images/og.png": b"\x89PNG\r\n\x1a\n",
    "posts/full.md": f"""\
        ---
        title: 'A "quoted" <title> & more'
        description: '{DESCRIPTION}'
        author: [Ann, "B & B"]
        tags: [bread, "salt & yeast"]
        date: 2024-05-03T10:00:00+02:00
        lastmod: 2024-06-01
        cover:
          image: https://img.example/c.jpg?a=1&b=2
        canonicalURL: https://orig.example/post?a=1&b=2
        robotsNoIndex: true
        ---
        Body.
        """,
    "posts/summary.md": f"""\
        ---
        title: Summary
        keywords: [crumb, crust]
        images: [images/og.png]
        ---
        <center><img src="x.png"></center>

        {LONG} with a <b>bold</b> &amp; end.

        Second paragraph.
        """,
    "posts/bare.md": "---\ntitle: Bare\n---\nShort *first* paragraph.\n",
}
ONCE = [
    ("meta", {"name": "description"}),
    ("meta", {"name": "author"}),
    ("meta", {"name": "keywords"}),
    ("link", {"rel": "canonical"}),
    ("meta", {"property": "og:title"}),
    ("meta", {"property": "og:description"}),
    ("meta", {"property": "og:type"}),
    ("meta", {"property": "og:url"}),
    ("meta", {"property": "og:image"}),
    ("meta", {"name": "twitter:card"}),
    ("meta", {"name": "twitter:image"}),
]


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp(f"head-{request.param}")
    extra = {"site_description": "The site's own description", "site_author": "Site Owner"}
    return build_site(root, PAGES, theme=request.param, extra=extra)


def head_of(site: Site, page: str) -> Tag:
    soup = site.html(page)
    assert isinstance(soup.head, Tag)
    return soup.head


def value(head_tag: Tag, name: str, attr: str = "name") -> str | None:
    found = head_tag.find_all("meta", attrs={attr: name})
    assert len(found) <= 1, (name, found)
    return str(found[0]["content"]) if found else None


def values(head_tag: Tag, name: str, attr: str = "property") -> list[str]:
    return [str(t["content"]) for t in head_tag.find_all("meta", attrs={attr: name})]


def canonical(head_tag: Tag) -> str:
    links = head_tag.find_all("link", rel="canonical")
    assert len(links) == 1
    return str(links[0]["href"])


def test_each_tag_once(site: Site) -> None:
    for page in ("posts/full.md", "posts/summary.md"):
        top = head_of(site, page)
        for kind, attrs in ONCE:
            if page == "posts/full.md" or attrs.get("name") != "author":
                assert len(top.find_all(kind, attrs=attrs)) == 1, (page, attrs)
        assert len(top.find_all("meta", attrs={"name": "robots"})) == (page == "posts/full.md")


def test_values_from_front_matter(site: Site) -> None:
    top = head_of(site, "posts/full.md")
    assert value(top, "description") == DESCRIPTION
    assert value(top, "og:description", "property") == DESCRIPTION
    assert value(top, "og:title", "property") == 'A "quoted" <title> & more'
    assert value(top, "keywords") == "bread, salt & yeast"
    assert value(top, "robots") == "noindex, nofollow"
    assert value(top, "og:type", "property") == "article"
    assert value(top, "og:url", "property") == "https://example.org/blog/posts/full/"
    assert values(top, "og:image") == ["https://img.example/c.jpg?a=1&b=2"]
    assert value(top, "twitter:card") == "summary_large_image"
    assert value(top, "twitter:image") == "https://img.example/c.jpg?a=1&b=2"
    assert value(top, "article:published_time", "property") == "2024-05-03T10:00:00+02:00"
    assert value(top, "article:modified_time", "property") == "2024-06-01T00:00:00+00:00"
    assert values(top, "article:tag") == ["bread", "salt & yeast"]
    # The theme's canonical (the page URL) is replaced by the one the front matter asks for.
    assert canonical(top) == "https://orig.example/post?a=1&b=2"
    raw = site.text("posts/full.md").split("</head>", 1)[0]
    assert "c.jpg?a=1&amp;b=2" in raw and "&lt;now&gt; &amp; then" in raw


def test_page_author_once(site: Site) -> None:
    # Material prints its own author tag (the page's list as a Python list): replaced.
    top = head_of(site, "posts/full.md")
    assert values(top, "author", "name") == ["Ann, B & B"]
    # No page author: the theme's (site_author on Material) is kept, never doubled.
    assert len(values(head_of(site, "posts/bare.md"), "author", "name")) <= 1


def test_summary_keywords_and_local_image(site: Site) -> None:
    top = head_of(site, "posts/summary.md")
    text = value(top, "description")
    assert text is not None and len(text) <= 160 and text.endswith("…")
    assert text.startswith("Sourdough starter starter") and "<" not in text
    assert value(top, "keywords") == "crumb, crust"
    assert values(top, "og:image") == ["https://example.org/blog/posts/images/og.png"]
    assert canonical(top) == "https://example.org/blog/posts/summary/"
    assert value(top, "og:description", "property") == text
    bare = head_of(site, "posts/bare.md")
    # Material prints the site description on every page: the page's summary replaces it.
    assert value(bare, "description") == "Short first paragraph."
    assert value(bare, "og:description", "property") == "Short first paragraph."
    assert value(bare, "twitter:card") == "summary"
    assert value(bare, "twitter:image") is None and not values(bare, "og:image")
    assert value(bare, "keywords") is None and value(bare, "robots") is None


def test_no_site_url(tmp_path_factory: pytest.TempPathFactory) -> None:
    pages = {"posts/a.md": "---\ntitle: A\nimages: [images/og.png]\n---\nText.\n",
             "posts/images/og.png": b"\x89PNG\r\n\x1a\n"}
    site = build_site(tmp_path_factory.mktemp("head-nourl"), pages, extra={"site_url": None})
    top = head_of(site, "posts/a.md")
    assert top.find("link", rel="canonical") is None
    assert value(top, "og:url", "property") is None
    # A relative og:image is useless to link previews: left out.
    assert not values(top, "og:image") and value(top, "twitter:card") == "summary"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 160, "short"),
        ("one two three four", 12, "one two…"),
        ("one two three", 13, "one two three"),
        ("abcdefghij", 5, "abcd…"),
        ("one, two, three", 10, "one, two…"),
    ],
)
def test_shorten(text: str, limit: int, expected: str) -> None:
    out = head.shorten(text, limit)
    assert out == expected and len(out) <= limit


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('<header class="hm-header"><p class="hm-description">no</p></header><p>Yes <b>a</b></p>',
         "Yes a"),
        ("<p><img src='x.png'></p>\n<p>Text &amp; more</p>", "Text & more"),
        ("<h2>No paragraphs</h2>", ""),
    ],
)
def test_summary(content: str, expected: str) -> None:
    assert head.summary(content, 160) == expected


def test_existing_tags() -> None:
    page_head = (
        '<meta charset="utf-8"><META NAME="Description" content="a &amp; b">'
        "<link rel='canonical' href=\"https://x/\"><meta property=\"og:title\" content='t>x'>"
    )
    found = head.existing_tags(page_head)
    assert {k: v[2] for k, v in found.items()} == {
        "name:description": "a & b", "rel:canonical": "https://x/", "property:og:title": "t>x"
    }
    start, end, _ = found["rel:canonical"]
    assert page_head[start:end].startswith("<link") and page_head[start:end].endswith(">")


def test_existing_tags_read_once_but_placed_per_page() -> None:
    # A tag is read once per build (the theme repeats it on every page); its span is the page's.
    tag = '<LINK REL="Canonical" HREF="https://x/a/">'
    for prefix in ("", '<meta charset="utf-8">\n<title>A longer title</title>'):
        found = head.existing_tags(prefix + tag)
        assert found == {"rel:canonical": (len(prefix), len(prefix) + len(tag), "https://x/a/")}


def test_theme_tags_seen_only_in_head() -> None:
    soup = BeautifulSoup('<meta name="description" content="x">', "html.parser")
    assert soup.meta is not None
    body_only = "<html><head><title>t</title></head><body>" + str(soup.meta) + "</body></html>"
    assert "name:description" not in head.existing_tags(body_only.split("</head>", 1)[0])
