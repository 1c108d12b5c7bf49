"""One post with every shortcode a migrated blog uses, in both of Hugo's syntaxes, built on the
three themes: each one renders, and no ``{{<`` or ``{{%`` is left in the page outside code."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuilder import THEMES, build_site

POST = Path(__file__).parent / "data" / "every_shortcode.md"
KBD = "<kbd>{{ get(0) }}</kbd>"


@pytest.fixture(scope="module", params=THEMES)
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    root = tmp_path_factory.mktemp(f"every-{request.param}")
    shortcodes = root / "shortcodes"
    shortcodes.mkdir()
    (shortcodes / "kbd.html").write_text(KBD, encoding="utf-8")
    site = build_site(
        root,
        {"posts/every.md": POST.read_bytes(), "posts/other.md": "# Other\n\n## Part\n\nText.\n"},
        theme=request.param,
        plugin={"shortcodes_dir": "shortcodes"},
    )
    unexpected = [w for w in site.warnings if "every.md" in w and "segno" not in w]
    assert unexpected == [], unexpected
    return site.html("posts/every.md")


def test_no_shortcode_is_left_outside_code(page: BeautifulSoup) -> None:
    copy = BeautifulSoup(str(page), "html.parser")  # the page is shared: leave it whole
    content = copy.find(class_="hm-header").find_parent()
    for code in content.find_all(["code", "pre"]):
        code.decompose()
    text = str(content)
    assert "{{<" not in text and "{{%" not in text
    assert "SENTINEL-every-shortcode survives." in page.get_text()


@pytest.mark.parametrize(
    ("selector", "count"),
    [
        ("div.hm-video[data-provider=youtube]", 3),
        ("div.hm-video[data-provider=vimeo]", 2),
        ("figure.hm-figure", 2),
        ("blockquote.hm-x", 2),
        ("a[href^='https://gist.github.com/spf13/7896402']", 2),
        ("details.hm-collapse", 2),
        ("details.hm-details", 2),
        ("blockquote.hm-instagram", 2),
        (".hm-qr, .hm-qr-text", 2),
        (".hm-video-file video", 1),
        ("audio.hm-audio", 1),
        ("img.hm-intextimg", 2),
        ("div[dir=ltr]", 1),
        ("div[dir=rtl]", 1),
        ("span.raw-one, span.raw-two", 2),
        ("kbd", 2),
    ],
)
def test_each_shortcode_renders(page: BeautifulSoup, selector: str, count: int) -> None:
    content = page.find(class_="hm-header").find_parent()
    assert len(content.select(selector)) == count


def test_comments_stay_private_and_refs_link(page: BeautifulSoup) -> None:
    assert "private note" not in page.get_text()
    hrefs = [a.get("href", "") for a in page.find_all("a")]
    assert any(h.endswith("other/#part") for h in hrefs), hrefs
    assert any(h.endswith("other/") for h in hrefs), hrefs
    assert page.find("code", string="{{< youtube ID >}}") is not None


CROSSING = """---
title: Install
---

-   Install it:

    > {{< collapse summary="Show the command" >}}Run the [installer](other.md).
    {{< /collapse >}}

-   Next step.
"""


def test_a_pair_may_open_in_a_quote_and_close_in_the_list_item(tmp_path: Path) -> None:
    # Hugo puts the whole block where the tag opened: the list goes on around it. (The text
    # between the tags is Markdown on its own, as Hugo's markdownify of .Inner sees it.)
    site = build_site(tmp_path, {"posts/a.md": CROSSING, "posts/other.md": "# Other\n"})
    content = site.html("posts/a.md").find(class_="hm-header").find_parent()
    (bullets,) = content.find_all("ul")
    items = bullets.find_all("li", recursive=False)
    assert [li.find("p").get_text() for li in items] == ["Install it:", "Next step."]
    details = items[0].select_one("blockquote details.hm-collapse")
    assert details is not None and details.summary.get_text() == "Show the command"
    assert details.find("a")["href"] == "../other/"


def _nested(depth: int) -> str:
    openers = "".join(f'{{{{< details summary="level {n}" >}}}}\n' for n in range(depth))
    return f"---\ntitle: Nested\n---\n\n{openers}SENTINEL-core\n" + "{{< /details >}}\n" * depth


def test_pairs_of_one_name_nest_as_in_hugo(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"posts/a.md": _nested(3)})
    assert site.warnings == []
    page = site.html("posts/a.md")
    summaries = [s.get_text() for s in page.select("details.hm-details > summary")]
    assert summaries == ["level 0", "level 1", "level 2"]
    assert page.select_one("details details details").get_text().strip().endswith("SENTINEL-core")


def test_nesting_past_the_cap_is_text_with_one_warning(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"posts/a.md": _nested(40)})
    about = [w for w in site.warnings if "nested more than" in w]
    assert len(about) == 1, site.warnings
    page = site.html("posts/a.md")
    assert "SENTINEL-core" in page.get_text()
    assert 8 <= len(page.select("details.hm-details")) < 40
