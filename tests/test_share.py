"""Share links: URL formats (unit), and real builds on every theme parsed with BeautifulSoup."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sitebuilder import THEMES, Site, build_site

from mkdocs_hugo_meta.render import share

# PaperMod's default networks, in its order (written out, not taken from the code under test).
PAPERMOD_SEVEN = ("x", "linkedin", "reddit", "facebook", "whatsapp", "telegram", "ycombinator")

# --- pure helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ([], ""),
        (["one"], "one"),
        (["Soup Stock", "café\tcrème", "x"], "SoupStock,cafécrème,x"),
        (["  "], ""),
    ],
)
def test_hashtags_drop_whitespace_and_join_with_commas(tags: list[str], expected: str) -> None:
    assert share.hashtags(tags) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("mastodon.social", "mastodon.social"),
        ("https://mastodon.social/", "mastodon.social"),
        ("HTTP://social.example", "social.example"),
        (None, ""),
        ("  ", ""),
    ],
)
def test_instance_host(value: str | None, expected: str) -> None:
    assert share.instance_host(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a b", "a%20b"),
        ("&<>\"'", "%26%3C%3E%22%27"),
        ("https://e.org/a/?q=1#f", "https%3A%2F%2Fe.org%2Fa%2F%3Fq%3D1%23f"),
        ("café,é", "caf%C3%A9%2C%C3%A9"),
    ],
)
def test_encode_leaves_nothing_unescaped(value: str, expected: str) -> None:
    assert share.encode(value) == expected


@pytest.mark.parametrize(
    ("requested", "instance", "names", "problems"),
    [
        ([], "", list(PAPERMOD_SEVEN), []),
        # A Mastodon instance makes the network available, not a default.
        ([], "m.example", list(PAPERMOD_SEVEN), []),
        (["bluesky", "mastodon", "mail"], "m.example", ["bluesky", "mastodon", "email"], []),
        (["telegram", "Twitter", "x", "EMAIL"], "", ["telegram", "x", "email"], []),
        (["linkdin", "reddit"], "", ["reddit"], ["did you mean 'linkedin'?"]),
        (["qqqq"], "", [], ["known networks: x, linkedin"]),
        (["mastodon"], "", [], ["share.mastodon_instance"]),
        (["mastodon"], "m.example", ["mastodon"], []),
    ],
)
def test_choose_restricts_orders_and_reports(
    requested: list[str], instance: str, names: list[str], problems: list[str]
) -> None:
    chosen, found = share.choose(requested, instance)
    assert chosen == names
    assert len(found) == len(problems)
    for (_, message), needle in zip(found, problems):
        assert needle in message


# --- real builds -------------------------------------------------------------------------------

TITLE = 'Fish & <Chips> "café"'
T = "Fish%20%26%20%3CChips%3E%20%22caf%C3%A9%22"
U = "https%3A%2F%2Fexample.org%2Fblog%2Fposts%2Fspecial%2F"
H = "caf%C3%A9cr%C3%A8me%2CSoup"

# Written out by hand from the documented formats, not computed with the code under test.
EXPECTED = {
    "x": f"https://x.com/intent/tweet/?text={T}&url={U}&hashtags={H}",
    "linkedin": f"https://www.linkedin.com/shareArticle?mini=true&url={U}&title={T}"
    f"&summary={T}&source={U}",
    "reddit": f"https://reddit.com/submit?url={U}&title={T}",
    "facebook": f"https://facebook.com/sharer/sharer.php?u={U}",
    "whatsapp": f"https://api.whatsapp.com/send?text={T}%20-%20{U}",
    "telegram": f"https://telegram.me/share/url?text={T}&url={U}",
    "ycombinator": f"https://news.ycombinator.com/submitlink?t={T}&u={U}",
    "email": f"mailto:?subject={T}&body={U}",
    "bluesky": f"https://bsky.app/intent/compose?text={T}%20{U}",
    "mastodon": f"https://social.example/share?text={T}%20{U}",
}
LABELS = {
    "x": "X", "linkedin": "LinkedIn", "reddit": "Reddit", "facebook": "Facebook",
    "whatsapp": "WhatsApp", "telegram": "Telegram", "ycombinator": "Y Combinator",
    "email": "email", "bluesky": "Bluesky", "mastodon": "Mastodon",
}  # fmt: skip

PAGES = {
    # Page-level ShowShareButtons works although the site default is false.
    "posts/special.md": f"""\
        ---
        title: '{TITLE}'
        tags: ["café crème", "Soup"]
        ShowShareButtons: true
        ---

        Body.
        """,
    "posts/plain.md": "---\ntitle: Plain\n---\n\nNo flag: the site default (false) applies.\n",
    "posts/disabled.md": """\
        ---
        title: Disabled
        ShowShareButtons: true
        disableShare: true
        ---

        Body.
        """,
    "posts/ordered.md": """\
        ---
        title: Ordered
        ShowShareButtons: true
        ShareButtons:
          - telegram
          - twitter
          - linkdin
          - email
        ---

        Body.
        """,
    # Every network, the three PaperMod lacks included, named by ShareButtons.
    "posts/every.md": f"""\
        ---
        title: '{TITLE}'
        tags: ["café crème", "Soup"]
        ShowShareButtons: true
        ShareButtons: [{", ".join(EXPECTED)}]
        ---

        Body.
        """,
    # Titled by its heading only: MkDocs keeps "&amp;" in such a title, shared as "&".
    "posts/heading.md": "---\nShowShareButtons: true\n---\n\n# Bread & butter\n\nBody.\n",
}
PLUGIN = {"share": {"mastodon_instance": "https://social.example/"}}


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root: Path = tmp_path_factory.mktemp(f"share-{request.param}")
    return build_site(root, PAGES, theme=str(request.param), plugin=PLUGIN)


def share_links(soup: BeautifulSoup) -> list[Tag]:
    return soup.select(".hm-footer .hm-share a")


def hrefs_of(soup: BeautifulSoup) -> dict[str, str]:
    return {link["class"][-1].removeprefix("hm-share-"): link["href"] for link in share_links(soup)}


def test_every_network_has_the_exact_href(site: Site) -> None:
    hrefs = hrefs_of(site.html("posts/every.md"))
    assert hrefs == {name: href.replace("special", "every") for name, href in EXPECTED.items()}
    assert list(hrefs) == list(EXPECTED)  # in the order ShareButtons names them


def test_default_networks_are_papermods_seven_in_its_order(site: Site) -> None:
    # No ShareButtons: email, Bluesky and Mastodon (although an instance is configured) are
    # left out, as PaperMod has them not.
    hrefs = hrefs_of(site.html("posts/special.md"))
    assert list(hrefs) == list(PAPERMOD_SEVEN)
    assert hrefs == {name: EXPECTED[name] for name in PAPERMOD_SEVEN}


def test_links_open_safely_with_labels_and_inline_icons(site: Site) -> None:
    soup = site.html("posts/every.md")
    footer = soup.select_one(".hm-footer")
    assert footer is not None and footer.find("chips") is None  # "<Chips>" stayed text
    links = share_links(soup)
    for link in links:
        name = link["class"][-1].removeprefix("hm-share-")
        assert link["target"] == "_blank"
        assert set(link["rel"]) == {"noopener", "noreferrer"}
        assert link["aria-label"] == f"share {TITLE} on {LABELS[name]}"
        svg = link.find("svg")
        assert svg is not None and svg["aria-hidden"] == "true"
        assert link.find("img") is None
    share_block = soup.select_one(".hm-share")
    assert share_block is not None and share_block.find("script") is None


@pytest.mark.parametrize(
    ("page", "present"),
    [("posts/special.md", True), ("posts/plain.md", False), ("posts/disabled.md", False)],
)
def test_presence_follows_the_flags(site: Site, page: str, present: bool) -> None:
    assert bool(share_links(site.html(page))) is present


def test_share_buttons_restrict_and_order(site: Site) -> None:
    links = share_links(site.html("posts/ordered.md"))
    assert [a["class"][-1] for a in links] == ["hm-share-telegram", "hm-share-x", "hm-share-email"]


def test_unknown_network_is_reported_with_file_line_and_suggestion(site: Site) -> None:
    found = site.warnings_about("linkdin")
    assert len(found) == 1
    assert "posts/ordered.md:4:" in found[0]  # the line of the ShareButtons key
    assert "did you mean 'linkedin'?" in found[0]


def test_site_without_site_url_warns_once_and_shows_no_buttons(tmp_path: Path, theme: str) -> None:
    pages = {
        f"posts/p{i}.md": f"---\ntitle: P{i}\nShowShareButtons: true\n---\n\nBody.\n"
        for i in range(3)
    }
    site = build_site(tmp_path, pages, theme=theme, extra={"site_url": None})
    for page in pages:
        soup = site.html(page)
        assert soup.select(".hm-share") == []
    assert len(site.warnings_about("site_url")) == 1


def test_site_default_and_page_false(tmp_path: Path) -> None:
    pages = {
        "posts/on.md": "---\ntitle: On\n---\n\nBody.\n",
        "posts/off.md": "---\ntitle: Off\nShowShareButtons: false\n---\n\nBody.\n",
        "posts/few.md": "---\ntitle: Few\n---\n\nBody.\n",
    }
    plugin = {"params": {"ShowShareButtons": True, "ShareButtons": ["reddit", "facebok"]}}
    site = build_site(tmp_path, pages, plugin=plugin)
    assert [a["class"][-1] for a in share_links(site.html("posts/on.md"))] == ["hm-share-reddit"]
    assert share_links(site.html("posts/off.md")) == []
    # A site-wide typo is reported once, against mkdocs.yml, not on every page.
    found = site.warnings_about("facebok")
    assert len(found) == 1 and "mkdocs.yml" in found[0] and "'facebook'" in found[0]


def test_title_from_the_heading_is_shared_as_plain_text(site: Site) -> None:
    link = site.html("posts/heading.md").select_one(".hm-share a.hm-share-reddit")
    assert link is not None
    assert link["href"] == (
        "https://reddit.com/submit?url=https%3A%2F%2Fexample.org%2Fblog%2Fposts%2Fheading%2F"
        "&title=Bread%20%26%20butter"
    )
    assert link["aria-label"] == "share Bread & butter on Reddit"
