"""The shortcode parser, and the Markdown extension on its own (no plugin, no MkDocs)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any
from unittest import mock

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_hugo_meta.markdown_ext import makeExtension
from mkdocs_hugo_meta.shortcodes import builtin as builtin_shortcodes
from mkdocs_hugo_meta.shortcodes import scanner
from mkdocs_hugo_meta.shortcodes.scanner import Malformed, Shortcode, VideoLink, is_literal, scan


def only_tag(text: str) -> Shortcode:
    tags = [n for n in scan(text, builtin_shortcodes.PAIRED) if isinstance(n, Shortcode)]
    assert len(tags) == 1, tags
    return tags[0]


@pytest.mark.parametrize(
    ("source", "name", "positional", "named", "markdown_form"),
    [
        ("{{< youtube w7Ft2ymGmfc >}}", "youtube", ["w7Ft2ymGmfc"], {}, False),
        ('{{< youtube "w7Ft2ymGmfc" >}}', "youtube", ["w7Ft2ymGmfc"], {}, False),
        ("{{% vimeo 146022717 %}}", "vimeo", ["146022717"], {}, True),
        ("{{< youtube id=abc start=30 >}}", "youtube", [], {"id": "abc", "start": "30"}, False),
        ('{{< youtube id="abc" title="A \\"b\\" c" >}}', "youtube", [], {"id": "abc",
         "title": 'A "b" c'}, False),
        ("{{< figure src=`a \"b\".png` >}}", "figure", [], {"src": 'a "b".png'}, False),
        ("{{<youtube abc>}}", "youtube", ["abc"], {}, False),
        ("{{< figure src=/x.png />}}", "figure", [], {"src": "/x.png"}, False),
        ("{{< youtube\n  id=abc\n  start=3\n>}}", "youtube", [], {"id": "abc", "start": "3"},
         False),
        ('{{< gist user 123 "a file.py" >}}', "gist", ["user", "123", "a file.py"], {}, False),
        ("{{< ref path = other.md >}}", "ref", [], {"path": "other.md"}, False),
        ("{{< my/nested-code x >}}", "my/nested-code", ["x"], {}, False),
    ],
)
def test_parameter_forms(
    source: str, name: str, positional: list[str], named: dict[str, str], markdown_form: bool
) -> None:
    tag = only_tag(f"Before {source} after")
    assert (tag.name, tag.positional, tag.named, tag.markdown) == (
        name, positional, named, markdown_form
    )
    assert tag.raw == source


def test_named_lookup_is_case_insensitive_and_falls_back_to_position() -> None:
    tag = only_tag("{{< youtube ID=abc AllowFullScreen=false >}}")
    assert tag.get("id") == "abc"
    assert tag.get("allowfullscreen") == "false"
    assert only_tag("{{< gist u 1 >}}").get("id", 1) == "1"


def test_paired_shortcode_keeps_inner_text_and_closing_tags_are_found() -> None:
    tag = only_tag('{{< highlight go "hl_lines=2" >}}\nfunc main() {}\n{{< /highlight >}}')
    assert tag.inner == "\nfunc main() {}\n"
    assert tag.positional == ["go", "hl_lines=2"]
    # As in Hugo, any tag whose closing tag follows is one of a pair, the spaced forms included.
    for source in ("{{< details >}}x{{< /details >}}", "{{< details >}}x{{</ details >}}",
                   "{{% details %}}x{{% / details %}}"):
        (pair,) = [n for n in scan(source) if isinstance(n, Shortcode)]
        assert (pair.name, pair.inner, pair.closing) == ("details", "x", False)
    nodes = scan("{{< /details >}} and {{< details />}}x")
    assert [(n.name, n.closing, n.self_closed) for n in nodes if isinstance(n, Shortcode)] == [
        ("details", True, False), ("details", False, True)]


@pytest.mark.parametrize(
    ("source", "literal"),
    [
        ("{{</* youtube ID */>}}", "{{< youtube ID >}}"),
        ("{{%/* vimeo 1 */%}}", "{{% vimeo 1 %}}"),
        ("{{< /* figure src=x */ >}}", "{{< figure src=x >}}"),
    ],
)
def test_escaped_form_is_literal_text(source: str, literal: str) -> None:
    nodes = scan(f"a {source} b")
    assert "".join(str(n) for n in nodes) == f"a {literal} b"
    assert any(isinstance(n, str) and is_literal(n) for n in nodes)
    assert not any(isinstance(n, Shortcode) for n in nodes)


@pytest.mark.parametrize(
    "source",
    [
        "```\n{{< youtube abc >}}\n```\n",
        "~~~~ md\n{{< youtube abc >}}\n~~~~\n",
        "- item\n\n    ```\n    {{< youtube abc >}}\n    ```\n",
        "Use `{{< youtube abc >}}` inline.",
        "Use ``a ` {{< youtube abc >}}`` inline.",
    ],
)
def test_code_is_never_parsed(source: str) -> None:
    nodes = scan(source)
    assert all(isinstance(n, str) for n in nodes)
    assert "".join(map(str, nodes)) == source


def test_escapes_inside_code_are_unescaped() -> None:
    nodes = scan("```\n{{</* youtube abc */>}}\n```\nand `{{</* x */>}}`")
    assert "".join(map(str, nodes)) == "```\n{{< youtube abc >}}\n```\nand `{{< x >}}`"


def test_unclosed_fence_and_lone_backtick_do_not_hide_shortcodes() -> None:
    assert any(isinstance(n, Shortcode) for n in scan("```\n{{< youtube abc >}}"))
    assert any(isinstance(n, Shortcode) for n in scan("a ` b {{< youtube abc >}}"))


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{{< youtube abc", "not closed"),
        ('{{< youtube "abc >}}', "quoted parameter is not closed"),
        ("{{< youtube abc start=3 >}}", "mixed"),
        ("{{< youtube id=3 abc >}}", "mixed"),
        ("{{<  >}}", "name is missing"),
        ("{{< youtube abc\n\nstill >}}", "not closed"),
        ("{{< highlight go >}}\ncode without end", "no closing tag"),
        ("{{< /youtube abc >}}", "takes no parameters"),
    ],
)
def test_malformed_input_is_reported_with_its_line(source: str, reason: str) -> None:
    nodes = scan(f"line one\n\n{source}\n", builtin_shortcodes.PAIRED)
    problems = [n for n in nodes if isinstance(n, Malformed)]
    assert len(problems) == 1
    assert reason in problems[0].reason
    assert problems[0].line == 3
    # Nothing is lost: the text put back together is the source.
    assert "".join(n.raw if isinstance(n, Malformed) else str(n) for n in nodes).startswith(
        "line one\n\n{{<"
    )


def test_video_link_and_line_numbers() -> None:
    nodes = scan("a\nb\n![type:video](https://youtu.be/abcdefghijk)\n{{< youtube x1 >}}")
    links = [n for n in nodes if isinstance(n, VideoLink)]
    tags = [n for n in nodes if isinstance(n, Shortcode)]
    assert links[0].url == "https://youtu.be/abcdefghijk" and links[0].line == 3
    assert tags[0].line == 4


# --- the extension alone, as another Python-Markdown host would load it ----------------------


def convert(source: str, **config: object) -> BeautifulSoup:
    md = markdown.Markdown(extensions=["fenced_code", makeExtension(**config)])
    return BeautifulSoup(md.convert(source), "html.parser")


def convert_logged(source: str, caplog: pytest.LogCaptureFixture) -> BeautifulSoup:
    """``convert``, with the plugin's warnings captured in ``caplog``."""
    with caplog.at_level(logging.WARNING, logger="mkdocs_hugo_meta"):
        return convert(source)


def test_standalone_extension_renders_and_carries_its_assets() -> None:
    soup = convert("Hi\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{< vimeo 146022717 >}}\n")
    boxes = soup.select("div.hm-video")
    assert [b["data-provider"] for b in boxes] == ["youtube", "vimeo"]
    assert soup.find("style") is not None and ".hm-video" in soup.find("style").text
    assert "hm-video-play" in soup.find("script").text


def test_standalone_extension_without_video_adds_nothing() -> None:
    html = markdown.markdown("Just text.", extensions=[makeExtension()])
    assert html == "<p>Just text.</p>"


def test_standalone_config_is_plain_keywords() -> None:
    soup = convert("{{< youtube w7Ft2ymGmfc >}}", facade=False, youtube_nocookie=False,
                   inline_assets=False)
    assert soup.find("iframe")["src"] == "https://www.youtube.com/embed/w7Ft2ymGmfc"
    assert soup.find("style") is None and soup.find("script") is None


def test_standalone_warns_through_the_plain_logger(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs_hugo_meta"):
        soup = convert("one\n\ntwo {{< myshortcode a >}}\n")
    assert "line 3: unknown shortcode {{< myshortcode >}}" in caplog.text
    assert "{{< myshortcode a >}}" in soup.text


def test_unknown_shortcode_without_spaces_is_not_swallowed_as_html() -> None:
    assert "{{<mine>}}" in convert("text {{<mine>}} text").text


def test_highlight_becomes_a_fenced_block_with_its_language_and_lines() -> None:
    soup = convert('{{< highlight python "linenos=table,hl_lines=2" >}}\nx = 1\ny = "```"\n'
                   "{{< /highlight >}}\n")
    code = soup.find("code")
    assert code["class"] == ["language-python"]
    assert code.text == 'x = 1\ny = "```"\n'


def test_highlight_without_fenced_code_extension_still_is_code() -> None:
    html = markdown.markdown("{{< highlight sh >}}\necho <hi>\n{{< /highlight >}}",
                             extensions=[makeExtension()])
    code = BeautifulSoup(html, "html.parser").find("code")
    assert code["class"] == ["language-sh"] and code.text.strip() == "echo <hi>"


def test_figure_every_parameter() -> None:
    soup = convert(
        '{{< figure src="a.png" alt="Alt" width=640 height="480" loading=lazy class="wide" '
        'link="https://example.org/" target="_blank" rel="noopener" title="Title" '
        'caption="A *caption*" attr="Photo" attrlink="https://example.org/p" >}}'
    )
    figure = soup.find("figure")
    assert figure["class"] == ["hm-figure", "wide"]
    img = figure.find("img")
    assert (img["src"], img["alt"], img["width"], img["height"], img["loading"]) == (
        "a.png", "Alt", "640", "480", "lazy"
    )
    link = img.parent
    assert (link.name, link["href"], link["target"], link["rel"]) == (
        "a", "https://example.org/", "_blank", ["noopener"]
    )
    caption = figure.find("figcaption")
    assert caption.find("h4").text == "Title"
    assert caption.find("em").text == "caption"
    assert caption.find("a", href="https://example.org/p").text == "Photo"


def test_figure_alt_falls_back_to_caption_text() -> None:
    img = convert('{{< figure src="a.png" caption="A **bold** move" >}}').find("img")
    assert img["alt"] == "A bold move"


def test_x_tweet_and_gist_are_plain_links_without_scripts() -> None:
    soup = convert(
        '{{< x user="SanDiegoZoo" id="1453110110599868418" >}}\n\n'
        "{{< tweet 1453110110599868418 >}}\n\n"
        "{{< gist spf13 7896402 img.html >}}\n",
        inline_assets=False,
    )
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs == [
        "https://x.com/SanDiegoZoo/status/1453110110599868418",
        "https://x.com/i/status/1453110110599868418",
        "https://gist.github.com/spf13/7896402#file-img-html",
    ]
    assert soup.find("script") is None
    assert soup.find("blockquote", class_="hm-x") is not None


def test_bad_parameters_leave_the_shortcode_as_text(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs_hugo_meta"):
        soup = convert(
            "{{< youtube >}}\n\n{{< youtube id=abc autoplay=maybe >}}\n\n{{< figure alt=x >}}\n\n"
            "{{< youtube id=abc colour=red >}}\n"
        )
    assert soup.find(class_="hm-video") is None
    for text in ("the video id is missing", "autoplay must be true or false", "src is missing",
                 "unknown parameter 'colour'"):
        assert text in caplog.text
    assert soup.text.count("{{<") == 4


def test_figure_refuses_script_urls_and_shows_raw_html_in_captions_as_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    soup = convert_logged(
        "{{< figure src=\"javascript:alert(1)\" >}}\n\n"
        '{{< figure src="a.png" link=" JavaScript:alert(1)" >}}\n\n'
        '{{< figure src="data:image/png;base64,AA==" caption="<img src=x onerror=alert(1)>" >}}',
        caplog,
    )
    assert caplog.text.count("unsafe URL") == 2
    figures = soup.find_all("figure")
    assert len(figures) == 1
    assert figures[0].find("figcaption").text.strip() == "<img src=x onerror=alert(1)>"
    assert len(soup.find_all("img")) == 1


@pytest.mark.parametrize(
    ("text", "rendered", "literal"),
    [
        ("Para\n\n    {{< youtube indented >}}\n\nAfter {{< youtube real >}}\n", ["real"],
         "    {{< youtube indented >}}"),
        ("<pre>{{< youtube inpre >}}</pre>\n\n{{< youtube ok >}}", ["ok"],
         "<pre>{{< youtube inpre >}}</pre>"),
        ("x <code>{{</* youtube esc */>}}</code>", [], "<code>{{< youtube esc >}}</code>"),
        # Indented lines after a list item continue the item: not code.
        ("- item\n\n    {{< youtube inlist >}}\n", ["inlist"], "- item"),
    ],
)
def test_indented_and_raw_html_code_stay_literal(
    text: str, rendered: list[str], literal: str
) -> None:
    nodes = scan(text)
    found = [n.positional[0] for n in nodes if isinstance(n, Shortcode)]
    assert found == rendered
    assert literal in "".join(n for n in nodes if isinstance(n, str))


def test_figure_renders_papermod_align_and_ignores_unknown_parameters(
    caplog: pytest.LogCaptureFixture,
) -> None:
    soup = convert_logged(
        '{{< figure src="https://img.example/a.png" caption="A chart" align=center colour=red >}}',
        caplog,
    )
    figure = soup.find("figure", class_="hm-figure")
    assert figure is not None and "align-center" in figure["class"]
    assert figure.find("img")["src"] == "https://img.example/a.png"
    assert "{{<" not in soup.text
    # Hugo never reads an unknown parameter; the warning says which one did nothing.
    assert "unknown parameter 'colour' ignored" in caplog.text


def test_param_prints_the_page_value_else_the_site_value(build: Callable[..., Any]) -> None:
    page = (
        "---\ntitle: P\nauthor: [Ann, Bob]\nSeries: {Name: <Go> notes}\n---\n\n"
        'By {{< param "author" >}} in {{< param "series.name" >}}, '
        'from {{< param "homeCity" >}}. {{< param "nothing" >}}\n'
    )
    site = build({"posts/p.md": page}, plugin={"params": {"homeCity": "Lyon"}})
    text = site.html("posts/p.md").select_one("p:-soup-contains('By ')").get_text()
    assert text.startswith("By Ann, Bob in <Go> notes, from Lyon.")
    assert '{{< param "nothing" >}}' in text
    assert any("posts/p.md:7" in w and "'nothing'" in w for w in site.warnings)


def test_rawhtml_passes_the_authors_markup_through() -> None:
    soup = convert(
        "Before.\n\n{{< rawhtml >}}\n<div class=\"note\"><b>*not* Markdown</b></div>\n"
        "{{< /rawhtml >}}\n\nAfter.\n"
    )
    note = soup.find("div", class_="note")
    assert note is not None and note.find("b").get_text() == "*not* Markdown"
    assert "rawhtml" not in soup.get_text()


def test_collapse_is_a_details_block_around_the_pages_markdown() -> None:
    soup = convert(
        '{{< collapse summary="Show the **answer**" openByDefault=true >}}\n'
        "It is *42*.\n\n- one\n- two\n{{< /collapse >}}\n\nAfter.\n"
    )
    details = soup.find("details", class_="hm-collapse")
    assert details is not None and details.has_attr("open")
    assert details.find("summary").find("strong").get_text() == "answer"
    assert details.find("em").get_text() == "42"
    assert [li.get_text() for li in details.find_all("li")] == ["one", "two"]
    assert "After." not in details.get_text() and "collapse" not in soup.get_text()


# --- the scanner's jumps ---------------------------------------------------------------------

_SCAN_PIECES = ["{{< youtube abc >}}", "{{< details >}}", "{{< /details >}}", "{{% x %}}",
                "{{</* y */>}}", "{{< bad", ">}}", "`", "```", "~~~", "\n", "\n\n", " \n",
                "    ", "\t", "<pre>", "</pre>", "<CODE>", "</code>", "<!--", "-->", "\\",
                "![type:video](https://youtu.be/abcdefghijk)", "text ", "- ", "1. ",
                "\r"]  # fmt: skip
_EVERY_CANDIDATE = re.compile(
    r"[`~\\]|\{\{[<%]|!\[type:video\]\(|<(?i:pre|code)\b|<!--|\n[ \t]*\n"
)
"""The scanner's stops before it learnt to jump over blank lines that no indented code
follows: every place it may act, for comparison."""


@settings(max_examples=3000, deadline=None)
@given(text=st.lists(st.sampled_from(_SCAN_PIECES), max_size=14).map("".join))
def test_the_scanners_jumps_find_what_stopping_everywhere_finds(text: str) -> None:
    with mock.patch.object(scanner, "_INTERESTING", _EVERY_CANDIDATE):
        expected = scan(text, builtin_shortcodes.PAIRED)
    assert scan(text, builtin_shortcodes.PAIRED) == expected


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="ab\n", max_size=40),
    offsets=st.lists(st.integers(min_value=0, max_value=40), max_size=8),
)
def test_line_numbers_counted_forward_and_back(text: str, offsets: list[int]) -> None:
    work = scanner._Scanner(text, ())
    for offset in offsets:
        offset = min(offset, len(text))
        assert work.line_of(offset) == text.count("\n", 0, offset) + 1
