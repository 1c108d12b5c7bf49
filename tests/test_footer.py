"""The post footer through real builds on every theme: tags, previous/next, comments."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuilder import THEMES, Site, build_site

# Marks one page as left out of `mkdocs build`, the way drafts are, without relying on how the
# plugin decides what a draft is.
HIDE_HOOK = textwrap.dedent(
    """
    from mkdocs.structure.files import InclusionLevel

    def on_files(files, config):
        files.get_file_from_path("posts/hidden.md").inclusion = InclusionLevel.DRAFT
        return files
    """
)

PAGES = {
    "posts/one.md": """\
        ---
        title: "One & only"
        tags: ["café", "Soup Stock"]
        categories: Kitchen
        comments: true
        ---

        First.
        """,
    "posts/two.md": """\
        ---
        title: Two
        ShowShareButtons: false
        categories: [Kitchen, Bread]
        ---

        Second.
        """,
    "posts/hidden.md": "---\ntitle: Hidden\n---\n\nLeft out of the build.\n",
    "posts/draft.md": "---\ntitle: Draft one\ndraft: true\n---\n\nNot ready.\n",
    "posts/three.md": """\
        ---
        title: Three
        ShowPostNavLinks: false
        ---

        Third.
        """,
    "posts/four.md": "---\nauthor: Ann\n---\n# Four & the heading\n\nNo title in front matter.\n",
    "tags.md": "# Tags\n\n## café\n\n## Soup Stock\n",
}
NAV = [
    {"Home": "index.md"},
    {"Posts": ["posts/one.md", "posts/two.md", "posts/hidden.md", "posts/draft.md",
               "posts/three.md", "posts/four.md"]},
    {"Tag index": "tags.md"},
]  # fmt: skip
PLUGIN = {
    "params": {"ShowPostNavLinks": True, "ShowShareButtons": True},
    "footer": {"tags_index": "tags.md"},
    "comments": {
        "provider": "giscus",
        "attributes": {"repo": "me/blog", "repo-id": "R_1", "category-id": "C_1",
                       "data-mapping": "pathname", "reactions-enabled": True},
    },
}  # fmt: skip


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root: Path = tmp_path_factory.mktemp(f"footer-{request.param}")
    root.mkdir(parents=True, exist_ok=True)
    (root / "hide.py").write_text(HIDE_HOOK, encoding="utf-8")
    extra = {"nav": NAV, "hooks": ["hide.py"]}
    return build_site(root, PAGES, theme=str(request.param), plugin=PLUGIN, extra=extra)


def nav_links(soup: BeautifulSoup) -> dict[str, tuple[str, str]]:
    """``{"prev"|"next": (href, title)}`` of the page's hm-post-nav."""
    found: dict[str, tuple[str, str]] = {}
    for key in ("prev", "next"):
        link = soup.select_one(f".hm-footer .hm-post-nav a.hm-{key}")
        if link is not None:
            title = link.select_one(".hm-post-nav-title")
            assert title is not None
            found[key] = (str(link["href"]), title.get_text())
    return found


def test_tags_link_to_the_index_page_anchors(site: Site) -> None:
    soup = site.html("posts/one.md")
    links = soup.select(".hm-footer .hm-tags .hm-tag-list a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("café", "../../tags/#cafe"),
        ("Soup Stock", "../../tags/#soup-stock"),
    ]
    index = site.html("tags.md")
    for link in links:
        assert index.find(id=str(link["href"]).split("#")[1]) is not None


def test_categories_string_or_list(site: Site) -> None:
    def categories(page: str) -> list[str]:
        soup = site.html(page)
        return [li.get_text() for li in soup.select(".hm-tags .hm-category-list li")]

    assert categories("posts/one.md") == ["Kitchen"]
    assert categories("posts/two.md") == ["Kitchen", "Bread"]
    assert site.html("posts/two.md").select(".hm-tag-list") == []
    assert site.html("posts/four.md").select(".hm-tags") == []


def test_previous_and_next_follow_the_nav(site: Site) -> None:
    assert nav_links(site.html("posts/one.md")) == {
        "prev": ("../..", "Home"),
        "next": ("../two/", "Two"),
    }
    # MkDocs renders posts/four.md before three.md and tags.md: their titles come from their
    # own sources (front matter; the nav's title), not from pages already rendered.
    assert nav_links(site.html("posts/four.md")) == {
        "prev": ("../three/", "Three"),
        "next": ("../../tags/", "Tag index"),
    }
    # A page without Hugo front matter keeps its theme's look: no footer.
    assert nav_links(site.html("tags.md")) == {}


def test_page_left_out_of_the_build_is_skipped(site: Site) -> None:
    assert not site.path("posts/hidden.md").exists()
    links = nav_links(site.html("posts/two.md"))
    assert links["prev"] == ("../one/", "One & only")
    assert "hidden" not in links["next"][0]


def test_draft_neighbour_is_skipped(site: Site) -> None:
    # Relies on drafts being excluded from `mkdocs build` (site.apply_inclusion): the draft's
    # file then gets an excluded inclusion level, which previous/next links skip.
    if site.path("posts/draft.md").exists():
        pytest.skip("drafts are not excluded from the build yet (site.apply_inclusion)")
    assert nav_links(site.html("posts/two.md"))["next"] == ("../three/", "Three")


def test_post_nav_flag_and_site_default(site: Site) -> None:
    assert site.html("posts/three.md").select(".hm-post-nav") == []
    assert site.html("posts/two.md").select(".hm-post-nav")
    # Site default ShowShareButtons true; the page's false wins.
    assert site.html("posts/one.md").select(".hm-share a")
    assert site.html("posts/two.md").select(".hm-share") == []


def test_comments_block_with_a_provider(site: Site) -> None:
    soup = site.html("posts/one.md")
    block = soup.select_one(".hm-comments")
    assert block is not None
    footer = soup.select_one(".hm-footer")
    assert footer is not None and footer.find_next(class_="hm-comments") is block
    script = block.find("script")
    assert script is not None
    assert script["src"] == "https://giscus.app/client.js"
    assert script["data-repo"] == "me/blog"
    assert script["data-repo-id"] == "R_1"
    assert script["data-category-id"] == "C_1"
    assert script["data-mapping"] == "pathname"
    assert script["data-reactions-enabled"] == "1"
    assert script["crossorigin"] == "anonymous"
    assert site.html("posts/two.md").select(".hm-comments") == []
    assert site.warnings_about("comments") == []


def test_comments_without_provider_warn_once(tmp_path: Path, theme: str) -> None:
    pages = {f"posts/c{i}.md": f"---\ntitle: C{i}\ncomments: true\n---\n\nBody.\n"
             for i in range(3)}  # fmt: skip
    site = build_site(tmp_path, pages, theme=theme)
    for page in pages:
        soup = site.html(page)
        assert soup.select(".hm-comments") == []
        assert not [s for s in soup.find_all("script") if "giscus" in str(s.get("src", ""))]
    assert len(site.warnings_about("comments.provider")) == 1


def test_utterances_and_disabled_footer(tmp_path: Path) -> None:
    pages = {
        "posts/a.md": "---\ntitle: A\ntags: [x]\ncomments: true\nShowShareButtons: true\n---\n\nA\n"
    }
    plugin = {
        "footer": {"enabled": False},
        "comments": {"provider": "utterances",
                     "attributes": {"repo": "me/blog", "issue-term": "pathname",
                                    "theme": "preferred-color-scheme", "onload": "x"}},
    }  # fmt: skip
    soup = build_site(tmp_path, pages, plugin=plugin).html("posts/a.md")
    assert soup.select(".hm-footer") == []
    script = soup.select_one(".hm-comments script")
    assert script is not None
    assert script["src"] == "https://utteranc.es/client.js"
    assert (script["repo"], script["issue-term"]) == ("me/blog", "pathname")
    assert script["theme"] == "preferred-color-scheme"


def test_material_tags_plugin_listing(tmp_path: Path) -> None:
    pages = {
        "posts/a.md": "---\ntitle: A\ntags: [café, Soup Stock]\n---\n\nA\n",
        "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    }
    # By default Material's tags above the content are the page's only tag list.
    extra = {"plugins": ["search", "tags", {"hugo-meta": {}}]}
    site = build_site(tmp_path / "default", pages, theme="material", extra=extra)
    post = site.html("posts/a.md")
    assert post.select(".hm-tag-list") == []
    assert sorted(a.get_text(strip=True) for a in post.select(".md-tag")) == ["Soup Stock", "café"]
    # With `step_aside: false` ours are kept too, linked to the tags plugin's listing.
    extra = {"plugins": ["search", "tags", {"hugo-meta": {"step_aside": False}}]}
    site = build_site(tmp_path, pages, theme="material", extra=extra)
    links = site.html("posts/a.md").select(".hm-footer .hm-tag-list a")
    assert [a.get_text() for a in links] == ["café", "Soup Stock"]
    index = site.html("tags.md")
    for link in links:
        page, _, anchor = str(link["href"]).partition("#")
        assert page == "../../tags/"
        assert index.find(id=anchor) is not None, anchor


def test_missing_tags_index_warns_once_and_leaves_tags_unlinked(tmp_path: Path) -> None:
    pages = {f"posts/t{i}.md": f"---\ntitle: T{i}\ntags: [soup]\n---\n\nBody.\n" for i in range(2)}
    site = build_site(tmp_path, pages, plugin={"footer": {"tags_index": "nope.md"}})
    for page in pages:
        tags = site.html(page).select(".hm-tags .hm-tag")
        assert [(t.get_text(), t.find("a")) for t in tags] == [("soup", None)]
    assert len(site.warnings_about("nope.md")) == 1
