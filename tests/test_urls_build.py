"""Real builds on the three themes: pages are written where Hugo serves them (``url``, ``slug``,
``permalinks``, lower-casing, ``uglyURLs``), the nav, search index and sitemap follow, files of
``staticDir`` are at the site root, site-absolute links in content resolve, and two pages at one
URL give one warning naming both."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from sitebuilder import THEMES, Site, build_config_file, build_site, write_site

from mkdocs_hugo_meta.plugin import HugoMetaPlugin

PAGES: dict[str, str] = {
    "posts/My First Post.md": """
        ---
        title: My First Post
        date: 2024-03-05
        ---

        Read [the second](/2024/03/second-slug/#part) and [about](/About-Us/),
        see ![chart](/images/chart.png) and [the PDF](/files/doc.pdf).
        Under the sub-path too: [about us](/blog/About-Us/). Broken: [gone](/nowhere/).
    """,
    "posts/second.md": """
        ---
        title: Second
        date: 2024-03-09
        slug: Second Slug
        ---

        ## Part

        Back to [the first](My%20First%20Post.md).
    """,
    "pages/about.md": """
        ---
        title: About
        url: /About-Us/
        ---

        About.
    """,
    "Notes/Ünï Name.md": """
        ---
        title: Unicode
        ---

        Text.
    """,
}
PLUGIN: dict[str, Any] = {
    "permalinks": {"posts": "/:year/:month/:slug/"},
    "staticDir": "static",
}


def _build(tmp_path: Path, theme: str, pages: dict[str, str] = PAGES, **kw: Any) -> Site:
    static = tmp_path / "static"
    (static / "images").mkdir(parents=True, exist_ok=True)
    (static / "images" / "chart.png").write_bytes(b"\x89PNG chart")
    (static / "files").mkdir(exist_ok=True)
    (static / "files" / "doc.pdf").write_bytes(b"%PDF")
    (static / "files" / "notes.md").write_text("# Not rendered\n", encoding="utf-8")
    (static / "index.md").write_text("# The docs' own index.md wins\n", encoding="utf-8")
    plugin = {**PLUGIN, **kw.pop("plugin", {})}
    return build_site(tmp_path, pages, theme=theme, plugin=plugin, **kw)


@pytest.mark.parametrize("theme", THEMES)
def test_pages_are_served_at_hugo_urls(tmp_path: Path, theme: str) -> None:
    site = _build(tmp_path, theme)
    out = site.site_dir
    assert (out / "2024/03/my-first-post/index.html").is_file()
    assert (out / "2024/03/second-slug/index.html").is_file()
    assert (out / "About-Us/index.html").is_file()  # `url` keeps its case
    assert (out / "notes/ünï-name/index.html").is_file()
    assert not (out / "posts/my-first-post").exists()
    # Static files at the root; a Markdown file there is copied, not rendered.
    assert (out / "images/chart.png").read_bytes() == b"\x89PNG chart"
    assert (out / "files/notes.md").read_text() == "# Not rendered\n"
    assert not (out / "index.md").exists() and "Welcome" in site.text("index.html")
    first = site.html("2024/03/my-first-post/index.html")
    links = {a.get_text(): a["href"] for a in first.select("a[href]")}
    assert links["the second"] == "../second-slug/#part"
    assert links["about"] == "../../../About-Us/"
    assert links["about us"] == "../../../About-Us/"
    assert links["the PDF"] == "../../../files/doc.pdf"
    assert links["gone"] == "/nowhere/"
    assert first.select_one("img[alt=chart]")["src"] == "../../../images/chart.png"
    second = site.html("2024/03/second-slug/index.html")
    assert second.find("a", string="the first")["href"] == "../my-first-post/"
    # Search, sitemap and the nav use the new URLs.
    if theme != "material" or (out / "search/search_index.json").exists():
        docs = json.loads((out / "search/search_index.json").read_text())["docs"]
        locations = {d["location"] for d in docs}
        assert "2024/03/second-slug/" in locations and "About-Us/" in locations
    sitemap = (out / "sitemap.xml").read_text()
    assert "https://example.org/blog/2024/03/second-slug/" in sitemap
    nav_links = {a["href"] for a in site.html("index.html").select("a[href]")}
    assert any(href.rstrip("/").endswith("2024/03/second-slug") for href in nav_links)
    assert site.warnings == []


@pytest.mark.parametrize("theme", THEMES)
def test_canonical_url_and_unresolved_links_under_validation(tmp_path: Path, theme: str) -> None:
    extra = {"validation": {"links": {"absolute_links": "warn"}}}
    site = _build(tmp_path, theme, extra=extra)
    # Only the link that names nothing is reported, as the site asked.
    assert len(site.warnings) == 1 and "'/nowhere/'" in site.warnings[0]
    canonical = site.html("About-Us/index.html").select_one("link[rel=canonical]")
    assert canonical is not None and canonical["href"] == "https://example.org/blog/About-Us/"


@pytest.mark.parametrize("theme", THEMES)
def test_ugly_urls_and_no_directory_urls(tmp_path: Path, theme: str) -> None:
    pages = {"posts/A Post.md": "---\ntitle: A\n---\n\nA.\n", "posts/b.md": "---\ntitle: B\n---\n"}
    ugly = {"uglyURLs": {"posts": True}, "permalinks": {}}
    site = _build(tmp_path / "ugly", theme, pages, plugin=ugly)
    assert (site.site_dir / "posts/a-post.html").is_file()
    assert (site.site_dir / "posts/b.html").is_file()
    plain = _build(tmp_path / "plain", theme, pages, extra={"use_directory_urls": False},
                   plugin={"permalinks": {}})
    assert (plain.site_dir / "posts/a-post.html").is_file()
    assert site.warnings == plain.warnings == []


@pytest.mark.parametrize("theme", THEMES)
def test_case_kept_when_asked_and_plugin_urls_off(tmp_path: Path, theme: str) -> None:
    keep = _build(tmp_path / "keep", theme, plugin={"disablePathToLower": True})
    assert (keep.site_dir / "Notes/Ünï-Name/index.html").is_file()
    off = _build(tmp_path / "off", theme, plugin={"hugo_urls": False})
    assert (off.site_dir / "Notes/Ünï Name/index.html").is_file()
    assert (off.site_dir / "pages/about/index.html").is_file()
    # Links to static files still resolve without Hugo's page URLs.
    first = off.html("posts/My First Post.md")
    assert first.select_one("img[alt=chart]")["src"] == "../../images/chart.png"


@pytest.mark.parametrize("theme", THEMES)
def test_two_pages_at_one_url(tmp_path: Path, theme: str) -> None:
    pages = {
        "posts/a.md": "---\ntitle: A\nurl: /same/\n---\n\nA.\n",
        "posts/b.md": "---\ntitle: B\nslug: x\nurl: /same/\n---\n\nB.\n",
        "static-clash.md": "---\ntitle: C\nurl: /images/chart.png/\n---\n\nC.\n",
    }
    site = _build(tmp_path, theme, pages)
    assert "A." in site.text("same/index.html")
    assert (site.site_dir / "posts/b/index.html").is_file()  # keeps MkDocs' URL
    clash = site.warnings_about("posts/b.md")
    assert len(clash) == 1 and "posts/a.md" in clash[0]
    assert len(site.warnings_about("static-clash.md")) == 1
    assert (site.site_dir / "images/chart.png").read_bytes() == b"\x89PNG chart"


HOSTILE = {
    "posts/scheme.md": "---\ntitle: S\nurl: javascript:alert(1)\n---\n",
    "posts/climb.md": "---\ntitle: C\nurl: /../../../etc/x/\n---\n",
    "posts/slugclimb.md": "---\ntitle: C\nslug: ../../../../tmp/pwn\n---\n",
    "posts/long.md": f"---\ntitle: L\nslug: {'x' * 5000}\n---\n",
    "posts/longurl.md": f"---\ntitle: L\nurl: /{'y/' * 3000}\n---\n",
    "posts/nul.md": '---\ntitle: N\nurl: "/a\\0b/"\n---\n',
    "posts/query.md": "---\ntitle: Q\nurl: /q/?x=1\n---\n",
    "posts/home.md": "---\ntitle: H\nurl: /\n---\n",
    "posts/mapping.md": "---\ntitle: M\nurl: {a: 1}\nslug: [1, 2]\n---\n",
    "posts/file.md": "---\ntitle: F\nurl: /f.x\n---\n",
    "posts/under-file.md": "---\ntitle: U\nurl: /f.x/y/\n---\n",
}


@pytest.mark.parametrize("theme", THEMES)
def test_hostile_url_and_slug_values(tmp_path: Path, theme: str) -> None:
    site = _build(tmp_path, theme, HOSTILE, plugin={"permalinks": {}})
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.is_relative_to(tmp_path) for p in written)
    assert not (tmp_path.parent / "tmp").exists() and not (tmp_path / "etc").exists()
    for name in ("scheme", "climb", "slugclimb", "long", "longurl", "nul", "query", "home"):
        assert len(site.warnings_about(f"posts/{name}.md")) == 1, name
    assert (site.site_dir / "posts/scheme/index.html").is_file()
    assert (site.site_dir / "posts/slugclimb/index.html").is_file()
    assert (site.site_dir / "f.x").is_file()
    assert len(site.warnings_about("posts/under-file.md")) == 1
    assert (site.site_dir / "posts/under-file/index.html").is_file()


@pytest.mark.parametrize("theme", THEMES)
def test_frontmatter_setting_dates_and_slugs_from_file_names(tmp_path: Path, theme: str) -> None:
    pages = {
        "posts/2023-04-05-spring-notes.md": "---\ntitle: Spring\n---\n\nText.\n",
        "posts/2023-04-06-own.md": "---\ntitle: Own\nslug: kept\n---\n\nText.\n",
        "posts/2023-04-07-dated.md": "---\ntitle: D\ndate: 2020-01-01\n---\n\nText.\n",
    }
    fm = {"date": ["date", ":filename"]}
    site = _build(tmp_path, theme, pages, plugin={"frontmatter": fm, "permalinks": {}})
    spring = site.html("posts/spring-notes/index.html")
    assert spring.select_one(".hm-date")["datetime"].startswith("2023-04-05")
    assert (site.site_dir / "posts/kept/index.html").is_file()
    # The front-matter date won, so the file name is the URL as it is.
    dated = site.html("posts/2023-04-07-dated/index.html")
    assert dated.select_one(".hm-date")["datetime"].startswith("2020-01-01")
    assert site.warnings == []


def test_bad_url_settings_are_reported_once(tmp_path: Path) -> None:
    plugin = {
        "permalinks": {"posts": "/:year/:nosuchtoken/", "page": {"notes": 3}},
        "uglyURLs": {"posts": "yes"},
        "frontmatter": {"date": [":nosuch"], "updated": ["x"]},
        "staticDir": ["missing"],
    }
    pages = {"posts/a.md": "---\ntitle: A\n---\n", "posts/b.md": "---\ntitle: B\n---\n"}
    site = build_site(tmp_path, pages, plugin=plugin)
    for needle in (":nosuchtoken", "permalinks.page.notes", "uglyURLs.posts", ":nosuch'",
                   "frontmatter.updated", "missing"):
        assert len(site.warnings_about(needle)) == 1, needle
    assert (site.site_dir / "posts/a/index.html").is_file()


def test_file_mod_time_token(tmp_path: Path) -> None:
    pages = {"posts/a.md": "---\ntitle: A\n---\n\nText.\n"}
    config_file = write_site(tmp_path, pages, plugin={"frontmatter": {"date": [":fileModTime"]}})
    os.utime(tmp_path / "docs/posts/a.md", (1_600_000_000, 1_600_000_000))  # 2020-09-13
    warnings = build_config_file(config_file, tmp_path / "site")
    html = (tmp_path / "site/posts/a/index.html").read_text()
    assert 'datetime="2020-09-13' in html and warnings == []


def test_serve_watches_static_folders(tmp_path: Path) -> None:
    (tmp_path / "static").mkdir()
    config_file = write_site(tmp_path, {"a.md": "A"}, plugin={"staticDir": "static"})
    cfg = load_config(str(config_file))
    plugin = cfg.plugins["hugo-meta"]
    assert isinstance(plugin, HugoMetaPlugin)
    cfg.plugins.on_config(cfg)
    files = get_files(cfg)
    cfg.plugins.on_files(files, config=cfg)

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=cfg, builder=lambda: None)  # type: ignore[arg-type]
    assert server.watched == [str((tmp_path / "static").resolve())]
