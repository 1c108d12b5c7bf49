"""Hugo's comment, details, instagram and qr, PaperMod's video, audio, inTextImg, ltr and rtl,
and ref's anchor, outputFormat and lang: each alone through Python-Markdown, then all of them
in one post built on every theme."""

from __future__ import annotations

import base64
import io
import logging
import re
import sys
from collections.abc import Callable
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from sitebuilder import THEMES, build_site

from mkdocs_hugo_meta.markdown_ext import makeExtension
from mkdocs_hugo_meta.shortcodes import builtin

HOSTILE = '\\"><script>alert(1)</script>'
"""A parameter value that closes an attribute and opens a script (escaped for a quoted
shortcode parameter)."""
SHALOM, WORLD = "\u05e9\u05dc\u05d5\u05dd", "\u05e2\u05d5\u05dc\u05dd"
"""Right-to-left words, written as escapes (their letters look like Latin ones)."""
URL_ATTRIBUTES = ("href", "src", "poster", "action", "formaction", "data")


def convert(source: str) -> BeautifulSoup:
    md = markdown.Markdown(extensions=["fenced_code", makeExtension(inline_assets=False)])
    return BeautifulSoup(md.convert(source), "html.parser")


def convert_logged(source: str, caplog: pytest.LogCaptureFixture) -> BeautifulSoup:
    with caplog.at_level(logging.WARNING, logger="mkdocs_hugo_meta"):
        return convert(source)


def only(soup: BeautifulSoup, selector: str) -> Tag:
    found = soup.select(selector)
    assert len(found) == 1, (selector, soup)
    return found[0]


def assert_no_script(soup: BeautifulSoup) -> None:
    """No element, event handler or URL attribute that runs code."""
    assert soup.find("script") is None
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), tag
            values = value if isinstance(value, list) else [value]
            if name.lower() in URL_ATTRIBUTES:
                assert not any("javascript:" in str(v).lower() for v in values), tag


@pytest.fixture
def without_segno(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the optional package were not installed (``import segno`` raises ImportError)."""
    monkeypatch.setitem(sys.modules, "segno", None)


def qr_svg(img: Tag) -> str:
    prefix = "data:image/svg+xml;base64,"
    src = str(img["src"])
    assert src.startswith(prefix)
    return base64.b64decode(src[len(prefix) :]).decode("utf-8")


# --- comment -----------------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_comment_renders_nothing_and_says_nothing(
    form: str, caplog: pytest.LogCaptureFixture
) -> None:
    left, right = form
    source = (
        f"Before {{{{{left} comment {right}}}}}inline secret{{{{{left} /comment {right}}}}} "
        "after.\n\n"
        f"{{{{{left} comment {right}}}}}\nPrivate **note** with {{{{< youtube abc >}}}} and "
        f"{{{{< nosuch >}}}} and {{{{< figure >}}}}\n{{{{{left} /comment {right}}}}}\n\nEnd.\n"
    )
    soup = convert_logged(source, caplog)
    assert " ".join(soup.get_text().split()) == "Before after. End."
    assert "secret" not in str(soup) and "note" not in str(soup)
    assert soup.find(class_="hm-video") is None
    assert caplog.text == ""


# --- details -----------------------------------------------------------------------------------


def test_details_every_parameter_around_the_pages_markdown() -> None:
    soup = convert(
        '{{< details summary="Show the **answer**" open=true name="faq" class="wide note" '
        'title="More" >}}\nIt is *42*.\n\n- one\n- two\n{{< /details >}}\n\nAfter.\n'
    )
    details = only(soup, "details")
    assert details["class"] == ["hm-details", "wide", "note"]
    assert (details["name"], details["title"]) == ("faq", "More")
    assert details.has_attr("open")
    assert details.find("summary").find("strong").get_text() == "answer"
    assert details.find("em").get_text() == "42"
    assert [li.get_text() for li in details.find_all("li")] == ["one", "two"]
    assert "After." not in details.get_text() and "details" not in soup.get_text()


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_details_defaults_in_both_forms(form: str) -> None:
    left, right = form
    soup = convert(
        f"{{{{{left} details {right}}}}}\nBody with {{{{< instagram abc >}}}}\n"
        f"{{{{{left} /details {right}}}}}\n"
    )
    details = only(soup, "details")
    assert details["class"] == ["hm-details"]
    assert not details.has_attr("open") and not details.has_attr("name")
    assert details.find("summary").get_text() == "Details"
    # A shortcode inside is rendered too.
    assert details.find("a")["href"] == "https://www.instagram.com/p/abc/"


def test_details_escapes_every_parameter(caplog: pytest.LogCaptureFixture) -> None:
    soup = convert_logged(
        f'{{{{< details summary="{HOSTILE} [x](javascript:alert(1))" class="{HOSTILE}" '
        f'name="{HOSTILE}" title="{HOSTILE}" open=maybe >}}}}\nbody\n{{{{< /details >}}}}\n',
        caplog,
    )
    details = only(soup, "details")
    assert_no_script(soup)
    assert details["title"] == '"><script>alert(1)</script>'
    assert "<script>alert(1)</script>" in details.find("summary").get_text()
    # A bad flag is ignored with a warning; the block still renders, closed.
    assert not details.has_attr("open")
    assert "open must be true or false" in caplog.text


def test_details_without_closing_tag_stays_text(caplog: pytest.LogCaptureFixture) -> None:
    soup = convert_logged('{{< details summary="x" >}}\nbody\n', caplog)
    assert soup.find("details") is None
    assert "has no closing tag" in caplog.text and "{{< details" in soup.get_text()


# --- instagram ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    ["{{< instagram BWNjjyYFxVx >}}", "{{% instagram BWNjjyYFxVx %}}",
     '{{< instagram "BWNjjyYFxVx" hidecaption >}}', "{{< instagram id=BWNjjyYFxVx >}}"],
)
def test_instagram_is_a_link_to_the_post_without_script(source: str) -> None:
    soup = convert(f"Intro.\n\n{source}\n")
    quote = only(soup, "blockquote.hm-instagram")
    assert quote["data-post-id"] == "BWNjjyYFxVx"
    assert quote.find("a")["href"] == "https://www.instagram.com/p/BWNjjyYFxVx/"
    assert soup.find("script") is None and soup.find("iframe") is None


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{{< instagram >}}", "the post id is missing"),
        ('{{< instagram "a/b" >}}', "is not an Instagram post id"),
        (f'{{{{< instagram "{HOSTILE}" >}}}}', "is not an Instagram post id"),
        ('{{< instagram "javascript:alert(1)" >}}', "is not an Instagram post id"),
        ("{{< instagram a b c >}}", "at most 2 positional"),
    ],
)
def test_instagram_bad_ids_stay_text(
    source: str, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    soup = convert_logged(source, caplog)
    assert soup.find("blockquote") is None and soup.find("a") is None
    assert reason in caplog.text and "left as text" in caplog.text
    assert "{{< instagram" in soup.get_text()
    assert_no_script(soup)


# --- qr ----------------------------------------------------------------------------------------


def test_qr_is_an_inline_svg_image_with_hugos_attributes() -> None:
    segno = pytest.importorskip("segno")
    soup = convert(
        'Scan: {{< qr text="https://gohugo.io" level=high scale=3 alt="Hugo" class="big" '
        'id="code" loading=lazy title="Scan me" targetDir="codes" />}}\n'
    )
    img = only(soup, "p > img.hm-qr")
    assert img["class"] == ["hm-qr", "big"]
    assert (img["alt"], img["id"], img["loading"], img["title"]) == (
        "Hugo", "code", "lazy", "Scan me"
    )
    expected = segno.make_qr("https://gohugo.io", error="h", boost_error=False)
    width, height = expected.symbol_size(scale=3)
    assert (img["width"], img["height"]) == (str(width), str(height))
    svg = BeautifulSoup(qr_svg(img), "html.parser").find("svg")
    assert (svg["width"], svg["height"]) == (str(width), str(height))
    assert svg.find("script") is None


@pytest.mark.parametrize(("level", "letter"), [("low", "l"), ("M", "m"), ("quartile", "q"),
                                               ("h", "h"), ("", "m")])
def test_qr_levels_are_hugos_words_or_letters(level: str, letter: str) -> None:
    segno = pytest.importorskip("segno")
    img = only(convert(f'{{{{< qr text="some text" level="{level}" />}}}}'), "img.hm-qr")
    made = BeautifulSoup(qr_svg(img), "html.parser").find("path", attrs={"stroke": True})
    expected = segno.make_qr("some text", error=letter, boost_error=False)
    width, _ = expected.symbol_size(scale=4)
    assert img["width"] == str(width)
    # The modules drawn are those of the requested level.
    other = "h" if letter != "h" else "l"
    assert made is not None
    assert made["d"] != _path_of(segno.make_qr("some text", error=other, boost_error=False))
    assert made["d"] == _path_of(expected)


def _path_of(code: Any) -> str:
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, xmldecl=False, nl=False)
    svg = BeautifulSoup(out.getvalue().decode(), "html.parser")
    path = svg.find("path", attrs={"stroke": True})
    return str(path["d"])


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_qr_text_between_the_tags(form: str) -> None:
    pytest.importorskip("segno")
    left, right = form
    soup = convert(f"{{{{{left} qr {right}}}}}\n  Hello, world  \n{{{{{left} /qr {right}}}}}\n")
    img = only(soup, "img.hm-qr")
    # Without alt, the text describes the image.
    assert img["alt"] == "Hello, world"
    assert "Hello" not in soup.get_text()


def test_qr_bad_parameters(caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("segno")
    soup = convert_logged(
        '{{< qr text="a" scale=1 />}}\n\n{{< qr text="b" scale="9x" level=extreme />}}\n\n'
        "{{< qr />}}\n\n{{< qr >}}  {{< /qr >}}\n\n"
        f'{{{{< qr text="{"x" * 3000}" />}}}}\n',
        caplog,
    )
    images = soup.select("img.hm-qr")
    assert [img["width"] for img in images] == ["116", "116"]  # version 1 (21 + 2 x 4 modules) x 4
    assert caplog.text.count("scale must be a whole number from 2 to 100") == 2
    assert "level must be l or low or m or medium" in caplog.text
    assert caplog.text.count("the text is missing") == 2
    assert "the text cannot be a QR code" in caplog.text
    assert soup.get_text().count("{{< qr") == 3


def test_qr_escapes_its_parameters() -> None:
    pytest.importorskip("segno")
    soup = convert(
        f'{{{{< qr text="javascript:alert(1)" alt="{HOSTILE}" class="{HOSTILE}" '
        f'id="{HOSTILE}" title="{HOSTILE}" loading="{HOSTILE}" />}}}}'
    )
    img = only(soup, "img.hm-qr")
    assert img["alt"] == '"><script>alert(1)</script>'
    assert_no_script(soup)


def test_qr_with_text_and_a_later_pair_keeps_the_page(
    caplog: pytest.LogCaptureFixture,
) -> None:
    soup = convert_logged(
        '{{< qr text="first" >}}\n\nA *paragraph*.\n\n{{< qr >}}second{{< /qr >}}\n', caplog
    )
    assert soup.find("em").get_text() == "paragraph"
    # Pairs nest as in Hugo: the closing tag ends the nearer opener, so the first tag stands
    # alone and both codes render, with nothing of the page swallowed between them.
    assert len(soup.select(".hm-qr, .hm-qr-text")) == 2
    assert "{{<" not in soup.get_text()


@pytest.mark.usefixtures("without_segno")
def test_qr_without_segno_shows_the_text_and_warns_once_per_page(
    caplog: pytest.LogCaptureFixture,
) -> None:
    soup = convert_logged(
        '{{< qr text="https://example.org/a?b=1&c=2" class="x" id="y" title="t" />}}\n\n'
        '{{% qr %}}WIFI:S:home;T:WPA;P:<secret>;;{{% /qr %}}\n\n'
        '{{< qr text="javascript:alert(1)" />}}\n\n{{< qr text="http://a b" />}}\n',
        caplog,
    )
    assert soup.find("img") is None
    link = only(soup, "a.hm-qr-text")
    assert link["href"] == "https://example.org/a?b=1&c=2" == link.get_text()
    assert (link["class"], link["id"], link["title"]) == (["hm-qr-text", "x"], "y", "t")
    codes = [code.get_text() for code in soup.select("code.hm-qr-text")]
    assert codes == ["WIFI:S:home;T:WPA;P:<secret>;;", "javascript:alert(1)", "http://a b"]
    assert_no_script(soup)
    assert caplog.text.count("needs the optional 'segno' package") == 1
    assert "pip install mkdocs-hugo-meta[qr]" in caplog.text
    # Another page is told again.
    caplog.clear()
    convert_logged('{{< qr text="a" />}}', caplog)
    assert caplog.text.count("needs the optional 'segno' package") == 1


# --- ref and relref ----------------------------------------------------------------------------


def test_ref_keeps_the_anchor_and_reports_what_it_cannot_honour(
    build: Callable[..., Any],
) -> None:
    site = build({
        "posts/other.md": "# Other\n\n## Part\n",
        "posts/a.md": (
            '[one]({{< ref "other#part" >}}) [two]({{< relref path="/posts/other.md#part" '
            'outputFormat="amp" >}}) [three]({{< ref path="other.md" lang="fr" '
            'outputFormat="HTML" >}}) [four]({{% relref "#local" %}})\n'
        ),
    })
    links = {a.get_text(): a["href"] for a in site.html("posts/a.md").select("a")}
    assert links["one"] == "../other/#part" and links["two"] == "../other/#part"
    assert links["three"] == "../other/" and links["four"] == "#local"
    assert site.warnings_about("posts/a.md:1: {{< relref >}}: outputFormat 'amp' does not exist")
    assert site.warnings_about("posts/a.md:1: {{< ref >}}: lang 'fr' ignored")
    # `html` is the one format there is: nothing to say.
    assert len(site.warnings_about("outputFormat")) == 1


# --- PaperMod's video, audio, inTextImg --------------------------------------------------------


@pytest.mark.parametrize("form", ["<>", "%%"])
def test_papermod_video_is_the_browsers_player(form: str) -> None:
    left, right = form
    soup = convert(
        f'{{{{{left} video src="https://example.org/clip.webm" poster="https://example.org/p.jpg" '
        f"loop=true {right}}}}}\n"
    )
    box = only(soup, "div.hm-video.hm-video-file")
    assert box["data-provider"] == "file"
    player = box.find("video")
    assert player.has_attr("controls") and player["preload"] == "metadata"
    assert player.has_attr("loop") and not player.has_attr("autoplay")
    assert not player.has_attr("muted") and player["poster"] == "https://example.org/p.jpg"
    source = player.find("source")
    assert (source["src"], source["type"]) == ("https://example.org/clip.webm", "video/webm")
    assert player.find("a")["href"] == "https://example.org/clip.webm"
    assert soup.find("script") is None


def test_papermod_video_flags_and_type() -> None:
    soup = convert(
        '{{< video src="/media/talk" type="video/mp4" autoplay=true controls=false >}}'
    )
    player = only(soup, "video")
    assert player.has_attr("autoplay") and player.has_attr("muted")
    assert player.has_attr("playsinline") and not player.has_attr("controls")
    assert player.find("source")["type"] == "video/mp4"
    # No type given and none known from the name: the browser finds out.
    assert not only(convert('{{< video src="clip" >}}'), "source").has_attr("type")


def test_audio_is_the_browsers_player() -> None:
    soup = convert('Listen:\n\n{{% audio src="https://example.org/talk.mp3" %}}\n')
    player = only(soup, "audio.hm-audio")
    assert player.has_attr("controls") and player["preload"] == "metadata"
    assert player["src"] == "https://example.org/talk.mp3"


def test_in_text_img_sits_inside_the_line() -> None:
    soup = convert(
        'The {{< inTextImg url="https://example.org/logo.svg" height="20" alt="Hugo" >}} logo '
        "and {{% intextimg url=icon.png %}}.\n"
    )
    first, second = soup.select("p > img.hm-intextimg")
    assert (first["src"], first["alt"], first["style"]) == (
        "https://example.org/logo.svg", "Hugo", "height:20px"
    )
    assert (second["src"], second["alt"], second.has_attr("style")) == ("icon.png", "", False)
    assert soup.find("p").get_text() == "The  logo and ."


def test_in_text_img_refuses_a_height_that_is_not_pixels(
    caplog: pytest.LogCaptureFixture,
) -> None:
    soup = convert_logged(
        f'{{{{< inTextImg url="a.png" height="20;background:url(x)" alt="{HOSTILE}" >}}}}',
        caplog,
    )
    img = only(soup, "img.hm-intextimg")
    assert not img.has_attr("style") and img["alt"] == '"><script>alert(1)</script>'
    assert "height must be a number of pixels" in caplog.text
    assert_no_script(soup)


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ('{{< video src="javascript:alert(1)" >}}', "unsafe URL"),
        ('{{< video src=" JavaScript:alert(1)" >}}', "unsafe URL"),
        ('{{< video src="a.mp4" poster="javascript:alert(1)" >}}', "unsafe URL"),
        ('{{< video src="data:text/html,<script>alert(1)</script>" >}}', "unsafe URL"),
        ("{{< video >}}", "src is missing"),
        ('{{< video src="a.mp4" autoplay=perhaps >}}', None),
        ('{{< audio src="vbscript:msgbox(1)" >}}', "unsafe URL"),
        ("{{< audio >}}", "src is missing"),
        ('{{< inTextImg url="javascript&#58;alert(1)" >}}', "unsafe URL"),
        ("{{< inTextImg height=20 >}}", "url is missing"),
        ('{{< video "a.mp4" >}}', "takes named parameters"),
    ],
)
def test_media_with_bad_sources_stay_text(
    source: str, reason: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    soup = convert_logged(source, caplog)
    assert_no_script(soup)
    if reason is None:  # a bad flag is ignored with a warning
        assert "autoplay must be true or false" in caplog.text
        assert not only(soup, "video").has_attr("autoplay")
        return
    assert soup.find(["video", "audio", "img"]) is None
    assert reason in caplog.text and "left as text" in caplog.text
    assert "{{<" in soup.get_text()


def test_media_parameters_are_escaped() -> None:
    soup = convert(
        f'{{{{< video src="clip.mp4?a=1&b=\\"x" type="{HOSTILE}" >}}}}\n\n'
        f'{{{{< audio src="a.mp3?{HOSTILE}" >}}}}\n'
    )
    assert_no_script(soup)
    assert only(soup, "source")["type"] == '"><script>alert(1)</script>'
    assert only(soup, "audio")["src"] == 'a.mp3?"><script>alert(1)</script>'


# --- ltr and rtl -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "way"),
    [
        (f"{{{{< rtl >}}}}\n{SHALOM} *{WORLD}*\n{{{{< /rtl >}}}}", "rtl"),
        (f"{{{{< rtl md >}}}}\n{SHALOM} *{WORLD}*\n{{{{< /rtl >}}}}", "rtl"),
        (f"{{{{% rtl md=true %}}}}\n{SHALOM} *{WORLD}*\n{{{{% /rtl %}}}}", "rtl"),
        ("{{< ltr true >}}\nHello *world*\n{{< /ltr >}}", "ltr"),
    ],
)
def test_direction_wraps_the_pages_markdown(source: str, way: str) -> None:
    soup = convert(f"Before.\n\n{source}\n\nAfter.\n")
    box = only(soup, "div[dir]")
    assert box["dir"] == way and box["class"] == [f"hm-{way}"]
    assert box.find("em") is not None
    assert "After." not in box.get_text() and "{{" not in soup.get_text()


def test_direction_unknown_parameter_is_ignored(caplog: pytest.LogCaptureFixture) -> None:
    soup = convert_logged(f'{{{{< rtl dir="{HOSTILE}" >}}}}\nx\n{{{{< /rtl >}}}}', caplog)
    assert only(soup, "div.hm-rtl")["dir"] == "rtl"
    assert "unknown parameter 'dir' ignored" in caplog.text
    assert_no_script(soup)


# --- the specs ---------------------------------------------------------------------------------


def test_every_new_shortcode_is_in_the_table() -> None:
    for name in ("comment", "details", "instagram", "qr", "video", "audio", "intextimg",
                 "ltr", "rtl"):
        assert name in builtin.SHORTCODES
    assert {"comment", "details", "ltr", "rtl"} <= builtin.PAIRED
    assert "qr" not in builtin.PAIRED  # its text may be a parameter


# --- a real build on every theme ---------------------------------------------------------------

POST = """\
---
title: Every shortcode
---

Intro {{% comment %}}do not publish this{{% /comment %}}paragraph.

{{< details summary="The *details*" open=true >}}
Inside **details**, with {{< inTextImg url="../media/icon.png" height=16 alt="icon" >}}.
{{< /details >}}

{{< instagram BWNjjyYFxVx >}}

{{< qr text="https://example.org/" alt="Example" />}}

{{% qr %}}plain text{{% /qr %}}

See [the other post]({{< relref "other.md#part" >}}).

{{< video src="../media/clip.mp4" poster="../media/icon.png" >}}

{{< audio src="../media/talk.mp3" >}}

{{< rtl md >}}
SHALOM *WORLD*
{{< /rtl >}}

{{% ltr %}}
Back to *left*.
{{% /ltr %}}

SENTINEL end.
"""


@pytest.mark.parametrize("theme", THEMES)
def test_every_shortcode_in_one_post_on_every_theme(tmp_path: Any, theme: str) -> None:
    site = build_site(
        tmp_path,
        {
            "posts/every.md": POST.replace("SHALOM", SHALOM).replace("WORLD", WORLD),
            "posts/other.md": "# Other\n\n## Part\n",
            "media/icon.png": b"\x89PNG\r\n\x1a\n",
            "media/clip.mp4": b"\x00",
            "media/talk.mp3": b"\x00",
        },
        theme=theme,
    )
    html = site.text("posts/every.md")
    assert "{{<" not in html and "{{%" not in html
    assert "do not publish" not in html and "SENTINEL end." in html
    soup = site.html("posts/every.md")
    details = only(soup, "details.hm-details")
    assert details.has_attr("open") and details.find("summary").find("em") is not None
    icon = only(details, "img.hm-intextimg")
    assert icon["src"] == "../../media/icon.png" and icon["style"] == "height:16px"
    assert only(soup, "blockquote.hm-instagram a")["href"].endswith("/p/BWNjjyYFxVx/")
    assert soup.find("a", string="the other post")["href"] == "../other/#part"
    video = only(soup, "div.hm-video-file video")
    assert video.find("source")["src"] == "../../media/clip.mp4"
    assert video["poster"] == "../../media/icon.png"
    assert only(soup, "audio.hm-audio")["src"] == "../../media/talk.mp3"
    assert only(soup, "div.hm-rtl").find("em").get_text() == WORLD
    assert only(soup, "div.hm-ltr").find("em").get_text() == "left"
    try:
        import segno  # noqa: F401
    except ImportError:
        assert len(soup.select(".hm-qr-text")) == 2
        assert len(site.warnings_about("needs the optional 'segno' package")) == 1
    else:
        assert [img["alt"] for img in soup.select("img.hm-qr")] == ["Example", "plain text"]
    assert not [w for w in site.warnings if "every.md" in w and "segno" not in w], site.warnings
    assert soup.select_one("link[href$='hugo-meta.css']") is not None


@pytest.mark.usefixtures("without_segno")
def test_build_without_segno_warns_once_per_page(tmp_path: Any) -> None:
    page = '{{< qr text="https://example.org/" />}}\n\n{{< qr text="two" />}}\n'
    site = build_site(tmp_path, {"posts/a.md": page, "posts/b.md": page})
    warned = site.warnings_about("needs the optional 'segno' package")
    assert len(warned) == 2 and any("posts/a.md:1" in w for w in warned)
    assert any("posts/b.md:1" in w for w in warned)
    soup = site.html("posts/a.md")
    assert only(soup, "a.hm-qr-text")["href"] == "https://example.org/"
    assert only(soup, "code.hm-qr-text").get_text() == "two"


def test_css_for_the_new_blocks_ships() -> None:
    from mkdocs_hugo_meta.render import assets

    css = assets.stylesheet()
    for selector in ("details.hm-details", "img.hm-qr", "img.hm-intextimg", "audio.hm-audio",
                     "blockquote.hm-instagram"):
        assert selector in css
    assert re.search(r"\.hm-video\.hm-video-file > video", css)
