"""Generated list pages and feeds, built on the three themes and read back as HTML and XML."""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuilder import THEMES, Site, build_site, write_site

from mkdocs_hugo_meta.lists import Lists, plan


def post(title: str, date: str, body: str = "Some words here.", **extra: str) -> str:
    lines = [f"title: {title}", f"date: {date}"] + [f"{k}: {v}" for k, v in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


LONG = " ".join(f"word{n}" for n in range(90))
POSTS = {
    # Twelve dated posts: with pagerSize 5 the section list has three pages (5, 5, 2).
    **{
        f"posts/p{n:02d}.md": post(f"Post {n:02d}", f"2024-01-{n:02d}", f"Text of post {n}.")
        for n in range(1, 13)
    },
    "posts/weighted.md": post("Weighted", "2020-01-01", weight="1"),
    "posts/tagged.md": post(
        "Tagged", "2023-05-05", LONG, tags="[Go, go, Hugo Tips, Café, 中文]",
        categories="[Kitchen Notes]",
    ),
    "posts/covered.md": post(
        "Covered", "2023-04-04", "Intro text.", cover="{image: /img/c.png, alt: A cover}"
    ),
    "posts/hidden-cover.md": post(
        "Hidden cover", "2023-04-03", "Intro.",
        cover="{image: /img/c.png, hiddenInList: true}",
    ),
    "posts/manual.md": post(
        "Manual", "2023-03-03", "Before the cut.\n\n<!--more-->\n\nAfter the cut."
    ),
    "posts/front.md": post("Front", "2023-03-02", LONG, summary="'The *front-matter* summary'"),
    "posts/no-summary.md": post("No summary", "2023-03-01", "Secret words.", hideSummary="true"),
    "posts/not-home.md": post("Not home", "2023-02-02", hiddenInHomeList="true"),
    "posts/not-rss.md": post("Not rss", "2023-02-01", hiddenInRss="true"),
    "posts/draft.md": post("Draft post", "2023-01-02", draft="true"),
    "posts/future.md": post("Future post", "2999-01-01"),
    "posts/_index.md": '+++\ntitle = "All the posts"\ndescription = "Everything we wrote."\n+++\n'
    "Intro **text** of the section.\n",
    "notes/n1.md": post("Note one", "2022-06-01"),
    "archives.md": "---\ntitle: Archive\nlayout: archives\n---\n",
    "img/c.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x08"
    + b"\x08\x02\x00\x00\x00",
}
PLUGIN = {"pagination": {"pagerSize": 5}, "mainSections": ["posts"],
          "params": {"ShowRssButtonInSectionTermList": True, "ShowPageNums": True,
                     "homeInfoParams": {"Title": "Hello", "Content": "Welcome *in*."}}}


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp(f"lists-{request.param}")
    return build_site(root, POSTS, theme=request.param, plugin=PLUGIN, home_page=False)


def cards(soup: BeautifulSoup) -> list[Tag]:
    return [a for a in soup.select("article.hm-entry") if isinstance(a, Tag)]


def titles(soup: BeautifulSoup) -> list[str]:
    return [c.select_one(".hm-entry-title").get_text(strip=True) for c in cards(soup)]  # type: ignore[union-attr]


def test_no_warnings(site: Site) -> None:
    assert site.warnings == []


def test_section_list_order_and_pagination(site: Site) -> None:
    first = site.html("posts/index.md")
    # Weight first (0 last), then newest first.
    assert titles(first) == ["Weighted", "Post 12", "Post 11", "Post 10", "Post 09"]
    second = site.html("posts/page/2/index.html")
    assert titles(second) == ["Post 08", "Post 07", "Post 06", "Post 05", "Post 04"]
    pages = [site.html(f"posts/page/{n}/index.html") for n in range(2, 6)]
    every = titles(first) + [t for page in pages for t in titles(page)]
    # Drafts and future posts are left out of a build; everything else is listed once.
    assert "Draft post" not in every and "Future post" not in every
    assert len(every) == len(set(every)) == 21
    assert not (site.site_dir / "posts/page/6").exists()
    pager = second.select_one("nav.hm-pagination")
    assert pager is not None
    assert pager.select_one("a.hm-prev")["href"] in ("../../", "../../index.html")  # type: ignore[index]
    assert pager.select_one("a.hm-next")["href"] in ("../3/", "../3/index.html")  # type: ignore[index]
    assert pager.select_one(".hm-page-number").get_text() == "2/5"  # type: ignore[union-attr]
    last = site.html("posts/page/5/index.html").select_one("nav.hm-pagination")
    assert last is not None and last.select_one("a.hm-next") is None


def test_section_index_gives_title_description_and_content(site: Site) -> None:
    soup = site.html("posts/index.md")
    head = soup.select_one("header.hm-list-header")
    assert head is not None
    assert head.select_one("h1.hm-title").get_text(strip=True) == "All the posts"  # type: ignore[union-attr]
    assert head.select_one(".hm-description").get_text() == "Everything we wrote."  # type: ignore[union-attr]
    intro = soup.select_one(".hm-list-intro")
    assert intro is not None and intro.find("strong") is not None
    # The RSS button, as ShowRssButtonInSectionTermList asks.
    rss = head.select_one("a.hm-rss")
    assert rss is not None and rss["href"] == "index.xml"
    # The later pages keep the title but not the section's own content.
    assert site.html("posts/page/2/index.html").select_one(".hm-list-intro") is None
    assert not (site.site_dir / "posts/_index").exists()


def test_summaries_from_each_source(site: Site) -> None:
    found = {}
    for title, (_, card) in section_cards(site).items():
        summary = card.select_one(".hm-entry-summary")
        found[title] = summary.get_text() if summary else None
    assert found["Manual"] == "Before the cut...."
    assert found["Front"] == "The front-matter summary"
    assert found["No summary"] is None
    tagged = found["Tagged"]
    assert tagged is not None and tagged.startswith("word0 word1")
    # Shorter than summaryLength: the whole text, not truncated.
    assert found["Post 03"] == "Text of post 3."


def section_cards(site: Site) -> dict[str, tuple[str, Tag]]:
    """Every card of the posts list by title, with the folder of the page it is on."""
    found: dict[str, tuple[str, Tag]] = {}
    for n in range(1, 6):
        folder = "posts" if n == 1 else f"posts/page/{n}"
        for card in cards(site.html(f"{folder}/index.html")):
            found[card.select_one(".hm-entry-title").get_text(strip=True)] = (folder, card)  # type: ignore[union-attr]
    return found


def test_covers_on_cards(site: Site) -> None:
    by_title = section_cards(site)
    folder, covered = by_title["Covered"]
    image = covered.select_one("figure.hm-entry-cover img")
    assert image is not None and image["alt"] == "A cover"
    assert (image["width"], image["height"]) == ("16", "8")
    # Resolved from the list page's own URL to the image under the site root.
    target = urlsplit(str(image["src"])).path
    assert (site.site_dir / folder / target).resolve() == (site.site_dir / "img/c.png")
    assert by_title["Hidden cover"][1].select_one("figure") is None


def test_card_links_reach_the_posts(site: Site) -> None:
    for card in cards(site.html("posts/index.md")):
        link = card.select_one("a.hm-entry-link")
        assert link is not None
        href = str(link["href"])
        target = site.site_dir / "posts" / href
        assert (target / "index.html" if href.endswith("/") else target).is_file(), href


def test_home_lists_main_sections_minus_hidden(site: Site) -> None:
    home = site.html("index.md")
    info = home.select_one(".hm-home-info")
    assert info is not None and info.find("em") is not None
    everything = titles(home) + [
        t for n in range(2, 6) if (site.site_dir / f"page/{n}").exists()
        for t in titles(site.html(f"page/{n}/index.html"))
    ]  # fmt: skip
    assert "Not home" not in everything
    assert "Not rss" in everything
    assert "Note one" not in everything  # notes is not a main section
    assert (site.site_dir / "notes/index.html").is_file()


def test_taxonomies_and_terms(site: Site) -> None:
    terms = site.html("tags/index.md").select("ul.hm-terms li a")
    listed = {a.contents[0].strip(): a.find("sup").get_text() for a in terms}  # type: ignore[union-attr]
    # Go and go are one term; its title is the first spelling, title-cased.
    assert listed == {"Café": "1", "Go": "1", "Hugo Tips": "1", "中文": "1"}
    for folder in ("go", "hugo-tips", "café", "中文"):
        page = site.html(f"tags/{folder}/index.html")
        assert titles(page) == ["Tagged"]
    assert titles(site.html("categories/kitchen-notes/index.html")) == ["Tagged"]
    # The post's footer links each tag to its term page.
    footer = site.html("posts/tagged.md").select("li.hm-tag a")
    hrefs = {a.get_text(strip=True): str(a["href"]) for a in footer}
    assert hrefs["Hugo Tips"].removesuffix("index.html").endswith("tags/hugo-tips/")
    assert "%E4%B8%AD%E6%96%87" in hrefs["中文"]


def test_archive_groups_by_year_and_month(site: Site) -> None:
    archive = site.html("archives.md").select_one("div.hm-archive")
    assert archive is not None
    years = [h.get("id") for h in archive.select("h2")]
    assert years == ["2024", "2023", "2020"]
    first = archive.select_one("section.hm-archive-year")
    assert first is not None
    assert first.select_one("h2 sup").get_text() == "12"  # type: ignore[union-attr]
    assert [h.get("id") for h in first.select("h3")] == ["2024-January"]
    entries_2023 = archive.select("section.hm-archive-year")[1].select("li.hm-archive-entry")
    assert "Not home" in " ".join(e.get_text() for e in entries_2023)


def read_feed(site: Site, path: str) -> ET.Element:
    return ET.fromstring((site.site_dir / path).read_bytes())


def test_feeds_are_valid_rss(site: Site) -> None:
    for path in ("index.xml", "posts/index.xml", "tags/go/index.xml", "notes/index.xml"):
        channel = read_feed(site, path).find("channel")
        assert channel is not None
        for item in channel.findall("item"):
            link = item.findtext("link") or ""
            assert link.startswith("https://example.org/blog/"), link
            assert item.findtext("guid") == link
            published = item.findtext("pubDate")
            assert published is None or parsedate_to_datetime(published).tzinfo is not None
    posts = read_feed(site, "posts/index.xml").find("channel")
    assert posts is not None
    assert posts.findtext("title") == "All the posts on Test site"
    items = [i.findtext("title") for i in posts.findall("item")]
    assert "Not rss" not in items and "Draft post" not in items and "Future post" not in items
    assert items[:3] == ["Weighted", "Post 12", "Post 11"]
    # The home feed holds every regular page, the archive page excepted.
    home = [i.findtext("title") for i in read_feed(site, "index.xml").iter("item")]
    assert "Note one" in home and "Archive" not in home
    manual = next(i for i in posts.iter("item") if i.findtext("title") == "Manual")
    assert "Before the cut." in (manual.findtext("description") or "")


def test_feed_link_in_every_head(site: Site) -> None:
    post_link = site.html("posts/p01.md").select_one('head link[type="application/rss+xml"]')
    assert post_link is not None
    assert post_link["href"] in ("../../index.xml",)
    section = site.html("posts/index.md").select_one('head link[type="application/rss+xml"]')
    assert section is not None and section["href"] == "index.xml"


def test_disable_kinds_and_rss_limit(tmp_path: Path) -> None:
    pages = {f"posts/p{n}.md": post(f"P{n}", f"2024-01-0{n}", tags="[a]") for n in range(1, 4)}
    site = build_site(tmp_path, pages, plugin={"disableKinds": ["term", "RSS"], "rssLimit": 2})
    assert site.warnings == []
    assert (site.site_dir / "posts/index.html").is_file()
    assert (site.site_dir / "tags/index.html").is_file()
    assert not (site.site_dir / "tags/a").exists()
    assert not list(site.site_dir.rglob("index.xml"))
    limited = build_site(tmp_path / "limited", pages, plugin={"rssLimit": 2})
    assert len(read_feed(limited, "posts/index.xml").findall("channel/item")) == 2


def test_own_page_at_a_list_url_wins(tmp_path: Path) -> None:
    pages = {
        "posts/a.md": post("A", "2024-01-01", tags="[x]"),
        "posts/index.md": "# My own posts page\n",
        "tags.md": "# My tags\n",
    }
    site = build_site(tmp_path, pages)
    assert site.warnings == []
    assert site.html("posts/index.md").find("h1").get_text() == "My own posts page"  # type: ignore[union-attr]
    assert site.html("tags.md").select_one("ul.hm-terms") is None
    assert not (site.site_dir / "tags/x").exists()  # the site's own tags page owns /tags/


def test_plain_docs_site_gets_no_lists(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"guide/install.md": "# Install\n", "guide/use.md": "# Use\n"})
    assert not (site.site_dir / "guide/index.html").exists()
    assert not (site.site_dir / "tags").exists()
    assert not list(site.site_dir.rglob("index.xml"))
    assert site.html("guide/install.md").select_one('link[type="application/rss+xml"]') is None


def test_first_page_of_a_list_redirects_to_the_list(site: Site) -> None:
    redirect = site.html("posts/page/1/index.html")
    refresh = redirect.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and str(refresh["content"]).endswith("url=../../")


def test_subsections_are_cards_of_their_parent(tmp_path: Path) -> None:
    pages = {
        "posts/a.md": post("A", "2024-01-01"),
        "posts/2023/_index.md": "---\ntitle: The 2023 posts\n---\n",
        "posts/2023/b.md": post("B", "2023-06-01"),
        "posts/loose/c.md": post("C", "2022-01-01"),  # no _index.md: one of posts' own pages
    }
    site = build_site(tmp_path, pages)
    assert site.warnings == []
    assert titles(site.html("posts/index.md")) == ["A", "The 2023 posts", "C"]
    assert titles(site.html("posts/2023/index.md")) == ["B"]
    # The subsection's card links to its own list page.
    card = cards(site.html("posts/index.md"))[1].select_one("a.hm-entry-link")
    assert card is not None and card["href"] == "2023/"


def test_pages_without_front_matter_in_a_main_section_are_posts(tmp_path: Path) -> None:
    pages = {
        "posts/a.md": post("A", "2024-01-01"),
        "posts/bare.md": "# A bare post\n\nNo front matter at all, " + "word " * 300 + "\n",
        "about.md": "# About\n\nA plain page.\n",
    }
    site = build_site(tmp_path, pages, plugin={"params": {"ShowReadingTime": True}})
    assert site.warnings == []
    bare = site.html("posts/bare.md").select_one(".hm-meta .hm-reading-time")
    assert bare is not None and bare["data-minutes"] == "2"
    assert site.html("about.md").select_one(".hm-meta") is None
    assert "A bare post" in titles(site.html("posts/index.md"))


class DirtyServe:
    """`mkdocs serve --dirty` in slow motion on five tagged posts (two to a list page),
    counting the list plans made and the list pages filled."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        pages = {f"posts/p{n}.md": post(f"P{n}", f"2024-01-0{n}", tags="[a]") for n in range(1, 6)}
        self.root = root
        self.config_file = write_site(root, pages, plugin={"pagination": {"pagerSize": 2}})
        self.filled: list[str] = []
        self.plans = 0
        fill, make = Lists.fill, plan.make

        def counting_fill(lists: Lists, page: object) -> None:
            self.filled.append(page.file.src_uri)  # type: ignore[attr-defined]
            fill(lists, page)  # type: ignore[arg-type]

        def counting_make(*args: Any, **kwargs: Any) -> plan.Plan:
            self.plans += 1
            return make(*args, **kwargs)

        monkeypatch.setattr(Lists, "fill", counting_fill)
        monkeypatch.setattr(plan, "make", counting_make)

    def build(self, *, dirty: bool, command: str = "serve", into: str = "site") -> Path:
        self.filled, self.plans = [], 0
        config = load_config(str(self.config_file), site_dir=str(self.root / into))
        config.plugins.on_startup(command=command, dirty=dirty)  # type: ignore[arg-type]
        build(config, dirty=dirty)
        return self.root / into

    def edit(self, name: str, text: str) -> None:
        edited = self.root / "docs" / name
        edited.write_text(text, encoding="utf-8")
        later = time.time_ns() + 5_000_000_000  # newer than its output, as after an edit
        os.utime(edited, ns=(later, later))


def test_a_dirty_rebuild_after_a_body_edit_works_out_no_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve = DirtyServe(tmp_path, monkeypatch)
    site_dir = serve.build(dirty=False)
    assert serve.plans == 1
    assert len(serve.filled) == 7  # posts (3 pages), tags, tags/a (3 pages); the site has a home
    feeds = {path: (site_dir / path).read_bytes() for path in FEEDS}
    serve.edit("posts/p1.md", post("P1", "2024-01-01", body="Other words.", tags="[a]"))
    serve.build(dirty=True)
    # The body shows on the post; its card in the lists catches up on the next full build.
    assert "Other words." in (site_dir / "posts/p1/index.html").read_text(encoding="utf-8")
    assert (serve.plans, serve.filled) == (0, [])
    assert {path: (site_dir / path).read_bytes() for path in FEEDS} == feeds


FEEDS = ("index.xml", "posts/index.xml", "tags/a/index.xml")


def test_a_dirty_rebuild_writes_the_lists_a_post_edit_changes_as_a_full_build_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve = DirtyServe(tmp_path, monkeypatch)
    site_dir = serve.build(dirty=False)
    # A new title, the newest date and another tag: P1 moves from the last place to the first.
    serve.edit("posts/p1.md", post("P1 edited", "2024-01-09", tags="[b]"))
    serve.build(dirty=True)
    assert serve.plans == 1
    written = {
        "posts/index.md", "posts/page/2/index.md", "posts/page/3/index.md",
        "tags/index.md", "tags/a/index.md", "tags/a/page/2/index.md", "tags/b/index.md",
    }  # fmt: skip
    assert set(serve.filled) == written
    full_dir = serve.build(dirty=False, command="build", into="full")
    for src in sorted(written):
        path = src.replace("index.md", "index.html")
        assert _listed(site_dir / path) == _listed(full_dir / path), path
    for path in (*FEEDS, "tags/b/index.xml"):
        assert (site_dir / path).read_bytes() == (full_dir / path).read_bytes(), path
    first = (site_dir / "posts/index.html").read_text(encoding="utf-8")
    cards = BeautifulSoup(first, "html.parser")
    assert [h.get_text(strip=True) for h in cards.select(".hm-entry h2")][:1] == ["P1 edited"]
    # An edit that changes nothing a list shows keeps the plan and writes no list.
    serve.edit("posts/p3.md", post("P3", "2024-01-03", body="New words.", tags="[a]"))
    serve.build(dirty=True)
    assert (serve.plans, serve.filled) == (0, [])


def test_a_dirty_rebuild_takes_the_list_pages_the_last_build_wrote_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs asks every file twice per ``--dirty`` build whether it changed; a list page the
    last complete build wrote is answered without looking at the output folder."""
    serve = DirtyServe(tmp_path, monkeypatch)
    lists = {"posts", "posts/page/2", "posts/page/3", "tags", "tags/a", "tags/a/page/2",
             "tags/a/page/3", "tags/c"}  # fmt: skip
    looked: list[str] = []
    isfile = os.path.isfile

    def counting_isfile(path: Any) -> bool:
        folder = os.path.relpath(os.path.dirname(path), tmp_path / "site")
        if folder in lists and str(path).endswith("index.html"):
            looked.append(folder)
        return isfile(path)

    monkeypatch.setattr(os.path, "isfile", counting_isfile)
    serve.build(dirty=True)  # the first build of `mkdocs serve --dirty`: nothing is known yet
    assert set(looked) == lists - {"tags/c"}
    looked.clear()
    serve.edit("posts/p1.md", post("P1", "2024-01-01", body="Other words.", tags="[a]"))
    serve.build(dirty=True)
    assert looked == []
    assert (serve.plans, serve.filled) == (0, [])
    # A list page that the plan gains is written (the known ones are still not looked for).
    serve.edit("posts/p2.md", post("P2", "2024-01-02", tags="[a, c]"))
    serve.build(dirty=True)
    assert set(looked) <= {"tags/c"} and "tags/c/index.md" in serve.filled
    assert (tmp_path / "site/tags/c/index.html").is_file()


def _listed(path: Path) -> str:
    """What a list page lists (MkDocs' own nav is stale in any dirty build: it names the pages
    that build did not read by their file name)."""
    found = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("[role=main]")
    assert found is not None, path
    return str(found)


def test_entries_made_only_where_something_lists_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every list kind disabled the posts' entries (summaries and all) are not worked out,
    unless a page with ``layout: archives`` lists them."""
    from mkdocs_hugo_meta.lists import entries

    made: list[str] = []
    from_post = entries.from_post

    def counting(ctx: Any, *args: Any) -> entries.Entry:
        made.append(ctx.data.src_uri)
        return from_post(ctx, *args)

    monkeypatch.setattr(entries, "from_post", counting)
    pages = {f"posts/p{n}.md": post(f"P{n}", f"2024-01-0{n}", tags="[a]") for n in range(1, 4)}
    every_kind = ["home", "section", "taxonomy", "term", "rss"]
    site = build_site(tmp_path / "none", pages, plugin={"disableKinds": every_kind})
    assert site.warnings == [] and made == []
    assert not list(site.site_dir.rglob("index.xml"))

    pages["archives.md"] = "---\ntitle: Archive\nlayout: archives\n---\n"
    site = build_site(tmp_path / "archive", pages, plugin={"disableKinds": every_kind})
    assert sorted(made) == ["archives.md", "posts/p1.md", "posts/p2.md", "posts/p3.md"]
    archive = site.html("archives.md")
    assert [a.get_text() for a in archive.select(".hm-archive-entry a")] == ["P3", "P2", "P1"]


def test_a_written_list_page_lets_go_of_its_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs keeps every page's content to the end of the build: a list page's cards are
    dropped once it is written (what it held before them, as search indexed it, stays)."""
    filled: list[Any] = []
    fill = Lists.fill

    def keeping_fill(lists: Lists, page: Any) -> None:
        fill(lists, page)
        filled.append((page, page.content))

    monkeypatch.setattr(Lists, "fill", keeping_fill)
    pages = {f"posts/p{n}.md": post(f"P{n}", f"2024-01-0{n}", tags="[a]") for n in range(1, 4)}
    pages["posts/_index.md"] = "---\ntitle: Posts\n---\nAll the posts.\n"
    site = build_site(tmp_path, pages)
    assert site.warnings == [] and len(filled) >= 3
    for page, cards in filled:
        assert "hm-header" in cards and "hm-header" not in (page.content or "")
    assert [page.content for page, _ in filled if page.file.src_uri == "posts/index.md"] == [
        "<p>All the posts.</p>"
    ]
    assert len(site.html("posts/index.md").select(".hm-entry")) == 3


def test_a_term_too_long_for_a_folder_name_is_reported_not_written(tmp_path: Path) -> None:
    """No file system holds a folder name over 255 bytes: such a term gets no page (the build
    would stop at its write), and each post that names it is told so at its line."""
    long = "x" * 300
    pages = {
        "posts/a.md": f"---\ntitle: A\ntags: [{long}, ok]\n---\nText.\n",
        "posts/b.md": f"---\ntitle: B\ndate: 2024-01-01\ncategories: ['{'é' * 200}']\n---\nText.\n",
    }
    site = build_site(tmp_path, pages)
    assert len(site.warnings) == 2
    assert site.warnings[0].startswith("mkdocs_hugo_meta: posts/a.md:3: tags term 'xxx")
    assert site.warnings[1].startswith("mkdocs_hugo_meta: posts/b.md:4: categories term 'ééé")
    assert all("longer than 255 bytes: no page for it" in w for w in site.warnings)
    assert (site.site_dir / "tags/ok/index.html").is_file()
    assert [p.name for p in (site.site_dir / "tags").iterdir() if p.is_dir()] == ["ok"]
    assert site.html("posts/a.md").find(string="Text.") is not None
