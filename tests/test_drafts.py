"""Drafts, future and expired pages: out of `mkdocs build` everywhere; switches keep them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from sitebuilder import Site

from mkdocs_hugo_meta.config import BuildConfig
from mkdocs_hugo_meta.site import drafts
from mkdocs_hugo_meta.source.params import PageParams

NOW = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _params(**values: object) -> PageParams:
    return PageParams({k.lower(): v for k, v in values.items()}, {})


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({}, None),
        ({"draft": True}, "draft"),
        ({"draft": False, "date": datetime(2024, 5, 1, tzinfo=timezone.utc)}, None),
        ({"date": datetime(2024, 7, 1, tzinfo=timezone.utc)}, "future"),
        # publishDate wins over date, as in Hugo
        ({"date": datetime(2024, 7, 1, tzinfo=timezone.utc),
          "publishDate": datetime(2024, 5, 1, tzinfo=timezone.utc)}, None),
        ({"publishDate": datetime(2024, 7, 1, tzinfo=timezone.utc)}, "future"),
        ({"expiryDate": datetime(2024, 5, 1, tzinfo=timezone.utc)}, "expired"),
        ({"expiryDate": NOW}, "expired"),
        ({"expiryDate": datetime(2024, 7, 1, tzinfo=timezone.utc)}, None),
        ({"draft": True, "expiryDate": datetime(2024, 5, 1, tzinfo=timezone.utc)}, "draft"),
    ],
)  # fmt: skip
def test_unpublished_reason(values: dict[str, object], reason: str | None) -> None:
    assert drafts.unpublished_reason(_params(**values), NOW) == reason


def test_serve_keeps_each_pages_facts_and_works_out_the_outcome_at_each_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under ``mkdocs serve`` a page's front matter is read for its publication once while the
    page is unchanged; whether it is out still follows the time of each build."""
    from mkdocs.structure.files import File, Files

    from mkdocs_hugo_meta.source import page as page_source

    texts = {
        "soon.md": "---\ntitle: Soon\ndate: 2024-06-02\n---\n",
        "old.md": "---\ntitle: Old\ndate: 2024-01-01\n---\n",
    }
    zone = timezone.utc
    pages = {name: page_source.read(name, text.encode(), {}, zone) for name, text in texts.items()}
    read: list[str] = []
    publication = drafts.publication

    def counting(params: PageParams) -> drafts.Publication:
        read.append(next(name for name, data in pages.items() if data.params is params))
        return publication(params)

    monkeypatch.setattr(drafts, "publication", counting)
    kept = drafts.Kept()

    def build(now: datetime) -> dict[str, str]:
        files = Files([File(name, "docs", "site", use_directory_urls=True) for name in texts])
        return drafts.apply_inclusion(files, pages, BuildConfig(), now, kept)

    assert build(NOW) == {"soon.md": "future"} and sorted(read) == ["old.md", "soon.md"]
    read.clear()
    assert build(datetime(2024, 6, 3, tzinfo=timezone.utc)) == {} and read == []
    # An edited page (read again, so new front matter) is looked at again; only it.
    pages["old.md"] = page_source.read("old.md", b"---\ndraft: true\n---\n", {}, zone)
    assert build(NOW) == {"soon.md": "future", "old.md": "draft"} and read == ["old.md"]


@pytest.mark.parametrize(
    ("config", "env", "expected"),
    [
        ({}, {}, set()),
        ({"drafts": True}, {}, {"draft"}),
        ({"future": True, "expired": True}, {}, {"future", "expired"}),
        ({}, {"HUGO_META_BUILD_DRAFTS": "1"}, {"draft"}),
        ({}, {"HUGO_META_BUILD_FUTURE": "true", "HUGO_META_BUILD_EXPIRED": "TRUE"},
         {"future", "expired"}),
        ({}, {"HUGO_META_BUILD_DRAFTS": "0", "HUGO_META_BUILD_FUTURE": "no"}, set()),
        ({}, {"HUGO_META_BUILD_DRAFTS": ""}, set()),
    ],
)  # fmt: skip
def test_built_reasons(config: dict[str, bool], env: dict[str, str], expected: set[str]) -> None:
    options = BuildConfig()
    options.load_dict(config)
    assert not options.validate()[0]
    assert drafts.built_reasons(options, env) == expected


PAGES = {
    "posts/first.md": "---\ntitle: First\ndate: 2020-01-01\n---\n\nFirst post.\n",
    "posts/unpub-draft.md": "---\ntitle: Draft post\ndraft: true\n---\n\nNot yet.\n",
    "posts/unpub-future.md": "---\ntitle: Future post\ndate: 2999-01-01\n---\n\nLater.\n",
    "posts/unpub-expired.md": (
        "---\ntitle: Expired post\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\n\nGone.\n"
    ),
    "posts/second.md": "---\ntitle: Second\ndate: 2020-02-01\n---\n\nSecond post.\n",
    "posts/third.md": "---\ntitle: Third\n---\n\nThird post.\n",
}
# An explicit nav that lists two of them (MkDocs keeps those) and leaves one out.
NAV = [
    {"Home": "index.md"},
    {"Posts": [
        "posts/first.md", "posts/unpub-draft.md", "posts/second.md", "posts/unpub-future.md",
    ]},
    {"Later": ["posts/unpub-draft.md", "posts/unpub-future.md"]},
    {"More": ["posts/third.md"]},
]  # fmt: skip
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
UNPUBLISHED = ("unpub-draft", "unpub-future", "unpub-expired")
PUBLISHED = ("index.md", "posts/first.md", "posts/second.md", "posts/third.md")


def _hrefs(soup: BeautifulSoup) -> list[str]:
    return [str(tag.get("href")) for tag in soup.find_all(href=True)]


def _next_href(soup: BeautifulSoup, theme: str) -> str | None:
    """The theme's own "next page" link."""
    selector = {
        "mkdocs": 'a[rel="next"]',
        "readthedocs": "a.btn.float-right",
        "material": "a.md-footer__link--next",
    }[theme]
    links = soup.select(selector)
    hrefs = {str(a["href"]) for a in links if a.get("href")}
    assert len(hrefs) <= 1
    return next(iter(hrefs), None)


def test_unpublished_pages_left_out_of_build(build: Callable[..., Site], theme: str) -> None:
    extra: dict[str, object] = {"nav": NAV}
    if theme == "material":  # Material shows previous/next only with this feature
        extra["theme"] = {"name": "material", "features": ["navigation.footer"]}
    site = build(PAGES, theme=theme, extra=extra)
    for name in UNPUBLISHED:
        assert not (site.site_dir / "posts" / name).exists()
    assert not [w for w in site.warnings if "nav" in w.lower()], site.warnings

    locations = [doc["location"] for doc in site.search_index()["docs"]]
    assert any(loc.startswith("posts/first/") for loc in locations)
    assert not [loc for loc in locations if "unpub-" in loc]

    sitemap = ElementTree.parse(site.site_dir / "sitemap.xml").getroot()
    locs = [str(loc.text).strip() for loc in sitemap.iter(f"{SITEMAP_NS}loc")]
    assert "https://example.org/blog/posts/second/" in locs
    assert not [loc for loc in locs if "unpub-" in loc]

    for page in PUBLISHED:
        soup = site.html(page)
        assert not [h for h in _hrefs(soup) if "unpub-" in h], page
        assert "Draft post" not in soup.get_text()
    # previous/next skip the drafts the nav lists between them
    assert _next_href(site.html("posts/first.md"), theme) == "../second/"
    assert _next_href(site.html("posts/second.md"), theme) == "../third/"
    # the section of drafts only is gone, not left as an empty heading
    assert "Later" not in site.html("index.md").get_text()


def test_build_switches_and_environment(
    build: Callable[..., Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUGO_META_BUILD_FUTURE", "1")
    site = build(PAGES, plugin={"build": {"drafts": True}})
    assert (site.site_dir / "posts/unpub-draft/index.html").exists()
    assert (site.site_dir / "posts/unpub-future/index.html").exists()
    assert not (site.site_dir / "posts/unpub-expired").exists()
    locations = {doc["location"] for doc in site.search_index()["docs"]}
    assert "posts/unpub-draft/" in locations
    # a page built on purpose still says what it is
    badge = site.html("posts/unpub-draft.md").select_one(".hm-draft")
    assert badge is not None and badge.get("data-reason") == "draft"
    assert not site.warnings, site.warnings

