"""Hugo posts under Material's blog and tags plugins and mkdocs-rss-plugin.

The fixture blog in ``tests/data/material_blog`` holds the front matter a migrating PaperMod
site brings: a quoted date (Hugo's archetype), an RFC 1123 date, TOML and JSON front matter, a
post dated only by ``published:``, ``<!--more-->`` dividers and a CJK post with a front-matter
``summary``. It is built with both plugin orders, and each post must show each fact once.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuilder import Site, build_config_file, captured_warnings

from mkdocs_hugo_meta.source.page import read

FIXTURE = Path(__file__).parent / "data" / "material_blog"

POSTS = {
    # source → (title, date in its front matter, Material's reading time is ours)
    "quoted": ("Quoted date", datetime(2023, 8, 24, 18, 49, 46, tzinfo=timezone.utc)),
    "rfc": ("RFC 1123 date", datetime(2023, 1, 2, 22, 4, 5, tzinfo=timezone.utc)),
    "toml": ("TOML post", datetime(2023, 7, 1, 10, 0, tzinfo=timezone.utc)),
    "json": ("JSON post", datetime(2023, 6, 1, tzinfo=timezone.utc)),
    "published": ("Published only", datetime(2023, 5, 1, 6, 0, tzinfo=timezone.utc)),
    "cjk": ("中文文章", datetime(2023, 4, 1, tzinfo=timezone.utc)),
}

RSS = {
    "rss": {
        "match_path": "blog/posts/.*",
        "use_git": False,
        "date_from_meta": {"as_creation": "date", "as_update": "date"},
    }
}


def build_blog(
    root: Path,
    *,
    hugo_first: bool,
    options: dict[str, Any] | None = None,
    drop: tuple[str, ...] = (),
) -> Site:
    shutil.copytree(FIXTURE / "docs", root / "docs")
    for name in drop:
        (root / "docs" / name).unlink()
    ours = {"hugo-meta": dict(options or {})}
    others: list[Any] = ["search", "blog", "tags", RSS]
    config = {
        "site_name": "Blog",
        "site_url": "https://example.org/",
        "theme": {"name": "material"},
        "plugins": [ours, *others] if hugo_first else [*others, ours],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    site_dir = root / "site"
    return Site(root, site_dir, build_config_file(root / "mkdocs.yml", site_dir))


@pytest.fixture(scope="module", params=["hugo-meta first", "hugo-meta last"])
def blog(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("blog")
    return build_blog(root, hugo_first=request.param == "hugo-meta first")


def post_pages(site: Site) -> dict[str, BeautifulSoup]:
    """Each post's page by its source name, found by the post's title."""
    found: dict[str, BeautifulSoup] = {}
    for path in (site.site_dir / "blog").rglob("index.html"):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if soup.select_one("article") is None or soup.select_one(".md-post--excerpt"):
            continue
        for name, (title, _) in POSTS.items():
            heading = soup.select_one("article h1")
            if heading is not None and heading.get_text(strip=True) == title:
                found[name] = soup
    return found


def test_builds_cleanly_without_touching_docs(blog: Site) -> None:
    assert blog.warnings == []
    sources = sorted(p.relative_to(blog.root / "docs") for p in (blog.root / "docs").rglob("*"))
    fixture = sorted(p.relative_to(FIXTURE / "docs") for p in (FIXTURE / "docs").rglob("*"))
    assert sources == fixture
    for path in (blog.root / "docs").rglob("*.md"):
        assert path.read_bytes() == (FIXTURE / path.relative_to(blog.root)).read_bytes()


def test_every_post_is_a_blog_post(blog: Site) -> None:
    assert set(post_pages(blog)) == set(POSTS)


def test_each_fact_once_per_post(blog: Site) -> None:
    for name, soup in post_pages(blog).items():
        article = soup.select_one("article")
        assert article is not None
        # Material shows the date, the reading time, the authors and the categories.
        assert soup.select("time"), name
        assert not article.select(".hm-date, .hm-reading-time"), name
        assert not article.select(".hm-category-list"), name
        # Material's tags plugin shows the tags above the content; ours steps aside.
        assert not article.select(".hm-tag-list"), name
        assert len(soup.select("h1")) == 1, name
    quoted = post_pages(blog)["quoted"]
    assert [a.get_text(strip=True) for a in quoted.select(".md-tag")] == ["hugo", "mkdocs"]
    # A defined author goes to Material; one the authors file does not know stays ours.
    assert "Jane Doe" in quoted.select_one(".md-post__authors").get_text()
    assert not quoted.select(".hm-author")
    rfc = post_pages(blog)["rfc"]
    assert rfc.select_one(".md-post__authors") is None
    assert rfc.select_one(".hm-author").get_text(strip=True) == "Someone Else"


def material_minutes(soup: BeautifulSoup) -> int:
    meta = soup.select_one(".md-post__meta")
    assert meta is not None
    found = re.search(r"(\d+) min read", meta.get_text(" ", strip=True))
    assert found is not None
    return int(found.group(1))


def test_reading_time_is_ours(blog: Site) -> None:
    # Hugo counts 500 CJK characters a minute; Material's count (265 words) would say 1.
    minutes = {name: material_minutes(soup) for name, soup in post_pages(blog).items()}
    assert minutes["cjk"] == 3 and minutes["quoted"] == 1


def test_excerpt_cut_at_the_divider(blog: Site) -> None:
    index = blog.html("blog/index.md")
    excerpts = index.select("article.md-post--excerpt")
    assert len(excerpts) == len(POSTS)
    text = " ".join(e.get_text(" ", strip=True) for e in excerpts)
    assert "EXCLUDED-FROM-EXCERPT" not in text
    assert "This paragraph is the summary of the post" in text
    # The front-matter summary of a post without a divider.
    assert "前言摘要" in text and "这是一篇" not in text
    assert len(index.select(".md-post--excerpt .md-post__action a")) == len(POSTS)


def test_feed_items_dated_from_front_matter(blog: Site) -> None:
    feed = ET.parse(blog.site_dir / "feed_rss_created.xml").getroot()
    items = {
        item.findtext("title"): parsedate_to_datetime(item.findtext("pubDate") or "")
        for item in feed.iter("item")
    }
    assert items == {title: when for title, when in POSTS.values()}


def test_page_meta_dates_are_aware_datetimes() -> None:
    raw = (FIXTURE / "docs/blog/posts/published.md").read_bytes()
    meta = read("blog/posts/published.md", raw, {}, timezone.utc).meta
    assert meta["date"] == POSTS["published"][1] and meta["date"].tzinfo is not None
    assert meta["published"] == POSTS["published"][1]
    written = meta["hugo_meta"]["front_matter_dates"]["published"]
    assert written == datetime(2023, 5, 1, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    quoted = read("q.md", (FIXTURE / "docs/blog/posts/quoted.md").read_bytes(), {}, timezone.utc)
    assert quoted.meta["date"] == POSTS["quoted"][1]
    assert quoted.meta["hugo_meta"]["front_matter_dates"] == {"date": "2023-08-24T11:49:46-07:00"}
    toml = read("t.md", (FIXTURE / "docs/blog/posts/toml.md").read_bytes(), {}, timezone.utc)
    assert toml.meta["title"] == "TOML post"


def test_step_aside_off_keeps_our_facts_and_counts_alike(tmp_path: Path) -> None:
    site = build_blog(tmp_path, hugo_first=True, options={"step_aside": False})
    pages = post_pages(site)
    quoted = pages["quoted"]
    assert quoted.select(".hm-date") and quoted.select(".hm-tag-list")
    assert quoted.select(".hm-category-list")
    for name, soup in pages.items():
        ours = soup.select_one(".hm-reading-time")
        assert ours is not None, name
        assert int(str(ours["data-minutes"])) == material_minutes(soup), name


def test_serve_rebuild_reads_the_edited_original(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE / "docs", tmp_path / "docs")
    config = {
        "site_name": "Blog",
        "theme": {"name": "material"},
        "plugins": ["blog", "hugo-meta"],
    }
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config), "utf-8")
    site_dir = tmp_path / "site"
    post = tmp_path / "docs/blog/posts/toml.md"
    first = load_config(str(config_file), site_dir=str(site_dir))
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        titles = []
        for round_ in range(2):
            # Like `mkdocs serve`, each rebuild loads the config again (same plugin instances).
            fresh = load_config(str(config_file), site_dir=str(site_dir))
            with captured_warnings() as warnings:
                build(fresh, serve_url="http://127.0.0.1:8000/")
            assert warnings == []
            plugin = fresh.plugins["hugo-meta"]
            # Once the blog has read its posts, nothing points at the normalised copies.
            assert plugin.handover.originals == [] and plugin.handover.folder is None
            index = BeautifulSoup((site_dir / "blog/index.html").read_text("utf-8"), "html.parser")
            titles.append([h.get_text(strip=True) for h in index.select(".md-post__content h2")])
            if round_ == 0:
                post.write_text(post.read_text("utf-8").replace("TOML post", "Edited"), "utf-8")
    finally:
        first.plugins.on_shutdown()
    assert "TOML post" in titles[0] and "Edited" in titles[1] and "TOML post" not in titles[1]


def test_no_list_page_of_ours_where_the_blog_lists(tmp_path: Path) -> None:
    # Without blog/index.md our section list would stand where Material puts its blog index.
    site = build_blog(tmp_path, hugo_first=True, options={}, drop=("blog/index.md",))
    assert site.warnings == []
    index = site.html("blog/index.md")
    assert len(index.select("article.md-post--excerpt")) == len(POSTS)
    assert index.select(".hm-list") == []
    # Term pages and feeds stay at Hugo's URLs.
    assert (site.site_dir / "tags/toml/index.html").exists()
    assert (site.site_dir / "index.xml").exists()
