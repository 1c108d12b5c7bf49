"""aliases: redirect pages at old URLs, collisions refused, unsafe aliases skipped."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from sitebuilder import Site

from mkdocs_hugo_meta.site import aliases


@pytest.mark.parametrize(
    ("alias", "page_dir", "path"),
    [
        ("/old/", "posts/", "old/index.html"),
        ("/old", "posts/", "old/index.html"),
        ("/old.html", "posts/", "old.html"),
        ("/a/b/old.htm", "", "a/b/old.htm"),
        ("older", "posts/", "posts/older/index.html"),
        ("older/", "", "older/index.html"),
        ("../elsewhere/", "posts/2020/", "posts/elsewhere/index.html"),
        ("./same.html", "posts/", "posts/same.html"),
        ("/caf%C3%A9/", "", "café/index.html"),
        ("/a/../b/", "", "b/index.html"),
        ("  /trimmed/  ", "", "trimmed/index.html"),
    ],
)
def test_resolve(alias: str, page_dir: str, path: str) -> None:
    assert aliases.resolve(alias, page_dir) == aliases.Resolved(path)


@pytest.mark.parametrize(
    ("alias", "page_dir", "problem", "error"),
    [
        ("../../etc/passwd", "posts/", "points outside the site", False),
        ("/../x/", "", "points outside the site", False),
        ("//evil.example", "", "points outside the site", False),
        ("//evil.example/x/", "posts/", "points outside the site", False),
        ("/a%2F..%2F..%2Fb/", "", "points outside the site", False),
        ("\\\\server\\share", "", "points outside the site", False),
        ("https://example.com/old/", "", "is an absolute URL", True),
        ("HTTP://example.com/", "", "is an absolute URL", True),
        ("/old/?page=2", "", "has a query or fragment", False),
        ("/old/#top", "", "has a query or fragment", False),
        ("/", "", "is the site's home page", False),
        ("..", "posts/", "is the site's home page", False),
        ("", "", "is empty", False),
    ],
)
def test_resolve_refuses(alias: str, page_dir: str, problem: str, error: bool) -> None:
    resolved = aliases.resolve(alias, page_dir)
    assert resolved.path is None
    assert resolved.problem.startswith(problem)
    assert resolved.error is error


@pytest.mark.parametrize(
    ("page_url", "absolute", "alias_path", "url"),
    [
        ("posts/new/", "https://example.org/blog/posts/new/", "old/index.html",
         "https://example.org/blog/posts/new/"),
        ("posts/new/", None, "old/index.html", "../posts/new/"),
        ("posts/new/", None, "old.html", "posts/new/"),
        ("posts/new.html", None, "old/index.html", "../posts/new.html"),
        ("posts/new.html", None, "posts/older/index.html", "../new.html"),
        ("", None, "old/index.html", "../"),
        ("", None, "old.html", "./"),
        ("index.html", None, "a/b/index.html", "../../index.html"),
    ],
)  # fmt: skip
def test_redirect_url(page_url: str, absolute: str | None, alias_path: str, url: str) -> None:
    assert aliases.redirect_url(page_url, absolute, alias_path) == url


NEW = """\
---
title: New home of the kettle post
aliases:
  - /old/
  - /old.html
  - older
  - /old/
  - ../../etc/passwd
  - //evil.example
  - https://example.com/kettle/
  - {taken_page}
  - /shared/
---

Descale with citric acid.
"""
OTHER = """\
---
title: Other post
aliases: [/shared/, /also-other/]
---

Another post.
"""


def _redirect(soup: BeautifulSoup) -> tuple[str, str, str]:
    """(canonical href, meta refresh target, visible link href) of a redirect page."""
    canonical = soup.select_one('link[rel="canonical"]')
    refresh = soup.select_one('meta[http-equiv="refresh"]')
    link = soup.select_one("body a[href]")
    assert canonical is not None and refresh is not None and link is not None
    delay, _, target = str(refresh["content"]).partition(";")
    assert delay == "0" and target.strip().startswith("url=")
    return str(canonical["href"]), target.strip()[len("url=") :], str(link["href"])


def test_aliases_with_directory_urls_and_site_url(build: Callable[..., Site]) -> None:
    site = build({
        "posts/new.md": NEW.format(taken_page="/posts/other/"),
        "posts/other.md": OTHER,
    })  # fmt: skip
    permalink = "https://example.org/blog/posts/new/"
    for written in ("old/index.html", "old.html", "posts/older/index.html", "shared/index.html"):
        soup = site.html(written)
        assert _redirect(soup) == (permalink, permalink, permalink), written
        assert soup.title is not None and soup.title.get_text() == "New home of the kettle post"
        assert soup.select_one('meta[name="robots"]') is not None
    assert _redirect(site.html("also-other/index.html"))[0] == "https://example.org/blog/posts/other/"

    # the real page and the second owner's alias were not overwritten
    assert "Another post." in site.html("posts/other.md").get_text()
    assert not list(site.root.rglob("passwd")) and not (site.site_dir / "evil.example").exists()

    problems = [w.removeprefix("mkdocs_hugo_meta: ") for w in site.warnings if "alias" in w]
    at = "posts/new.md:3:"  # the line of `aliases:`
    assert sorted(problems) == sorted([
        f"{at} alias '../../etc/passwd' points outside the site; skipped",
        f"{at} alias '//evil.example' points outside the site; skipped",
        f"{at} alias 'https://example.com/kettle/' is an absolute URL;"
        " an alias must be a path on this site; skipped",
        f"{at} alias '/posts/other/' would replace the page posts/other.md; not written",
        "posts/other.md:3: alias '/shared/' is also an alias of posts/new.md; not written",
    ]), problems  # fmt: skip


def test_aliases_without_directory_urls_or_site_url(build: Callable[..., Site]) -> None:
    site = build(
        {"posts/new.md": NEW.format(taken_page="/posts/other.html"), "posts/other.md": OTHER},
        extra={"use_directory_urls": False, "site_url": None},
    )
    page = site.site_dir / "posts" / "new.html"
    assert page.exists()
    for written in ("old/index.html", "old.html", "posts/older/index.html", "shared/index.html"):
        canonical, refresh, link = _redirect(site.html(written))
        assert canonical == refresh == link
        # the relative URL, followed from where the alias is served, reaches the page's file
        reached = urljoin(f"http://host/{written}", refresh)
        assert reached == "http://host/posts/new.html", written
    assert "Another post." in site.html("posts/other.html").get_text()
    assert "/posts/other.html' would replace the page posts/other.md" in " ".join(site.warnings)


def test_only_its_own_redirect_pages_count_as_free(build: Callable[..., Site]) -> None:
    """An old redirect page (a `--dirty` rebuild) may be replaced; anyone else's file may not."""
    site = build({"posts/new.md": "---\ntitle: New\naliases: [/keep.html]\n---\n\nText.\n"})
    target = site.site_dir / "keep.html"
    assert aliases.MARKER in target.read_text("utf-8")
    assert aliases._existing(site.site_dir, "keep.html", {}) == ""
    target.write_text("<p>someone else's page</p>", encoding="utf-8")
    clash = aliases._existing(site.site_dir, "keep.html", {})
    assert clash == "the file keep.html in the built site"
