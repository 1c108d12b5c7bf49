"""Word count and reading time: Hugo's plain text, word rules and rounding, and their speed."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

import pytest

from mkdocs_hugo_meta.config import HeaderConfig
from mkdocs_hugo_meta.render import readtime
from mkdocs_hugo_meta.source.params import PageParams


@pytest.mark.parametrize(
    ("html", "words"),
    [
        ("", 0),
        ("<p>Hello <b>brave</b> new world</p>", 4),
        # Tags vanish without a space, as in Hugo: adjacent cells glue into one word.
        ("<table><tr><td>a</td><td>b</td></tr></table>", 1),
        # ...but `</p>` and `<br>`/`<br />` become line breaks.
        ("<p>one</p><p>two</p>", 2),
        ("one<br>two<br />three", 3),
        # Code counts; script, style and comments do not.
        ('<pre><code class="language-py">x = compute(1, 2)\n</code></pre>', 4),
        ("<script>var a = 1; var b = 2;</script><p>text</p>", 1),
        ("<style>p { color: red }</style>words here", 2),
        ("<!-- three hidden words -->shown", 1),
        # An attribute holding ">" does not end the tag early.
        ('<img alt="a > b" src="x.png"> after', 1),
        # Entities stay as written: "&amp;" is a word of its own.
        ("<p>salt &amp; pepper</p>", 3),
        # The toc extension's permalink is not the author's text.
        ('<h2 id="a">Title here<a class="headerlink" href="#a" title="Permanent link">'
         "&para;</a></h2>", 2),
        # A literal "<" that is not a tag is text.
        ("a < b", 3),
    ],
)
def test_plain_words(html: str, words: int) -> None:
    assert readtime.count_words(readtime.plain_text(html), cjk=False) == words


@pytest.mark.parametrize(
    ("text", "cjk", "words"),
    [
        ("我喜欢读书。今天天气很好。", True, 13),
        ("我爱 Python 和 MkDocs 123", True, 6),
        # A field mixing scripts counts every character, ASCII ones included.
        ("中文abc", True, 5),
        ("日本語のテキスト", True, 8),
        ("한국어 텍스트", True, 6),
        ("plain english words", True, 3),
        ("我喜欢 读书", False, 2),
        ("", True, 0),
        ("   \n\t ", True, 0),
    ],
)
def test_count_words(text: str, cjk: bool, words: int) -> None:
    assert readtime.count_words(text, cjk) == words


@pytest.mark.parametrize(
    ("words", "per_minute", "minutes"),
    [(0, 212, 0), (1, 212, 1), (212, 212, 1), (213, 212, 2), (424, 212, 2), (425, 212, 3),
     (500, 500, 1), (501, 500, 2), (13, 500, 1), (10, 0, 10)],
)
def test_minutes(words: int, per_minute: int, minutes: int) -> None:
    assert readtime.minutes(words, per_minute) == minutes


@pytest.mark.parametrize(
    ("setting", "page", "text", "cjk"),
    [
        ("auto", None, "only latin text", False),
        ("auto", None, "one 漢 character", True),
        ("auto", None, "ひらがな", True),
        ("auto", None, "カタカナ", True),
        ("auto", None, "한글", True),
        ("auto", None, "𠀋 (supplementary plane)", True),
        ("auto", None, "Ελληνικά и кириллица", False),
        ("never", None, "中文", False),
        ("always", None, "latin", True),
        ("never", True, "latin", True),
        ("always", False, "中文", False),
        ("auto", False, "中文", False),
    ],
)
def test_decide_cjk(setting: str, page: Any, text: str, cjk: bool) -> None:
    assert readtime.decide_cjk(setting, page, text) is cjk


def fake_ctx(page: dict[str, Any], **header: Any) -> Any:
    options = HeaderConfig()
    options.load_dict(header)
    assert not options.validate()[0]
    params = PageParams(page, {})
    meta: dict[str, Any] = {"hugo_meta": params.as_dict()}
    return SimpleNamespace(
        options=SimpleNamespace(header=options),
        params=params,
        page=SimpleNamespace(meta=meta),
    )


@pytest.mark.parametrize(
    ("html", "page", "header", "expected"),
    [
        ("<p>" + "word " * 213 + "</p>", {}, {}, {"words": 213, "minutes": 2, "cjk": False}),
        ("<p>" + "中" * 501 + "</p>", {}, {}, {"words": 501, "minutes": 2, "cjk": True}),
        # Forced off: the same text is one word read at 212 a minute.
        ("<p>" + "中" * 501 + "</p>", {}, {"cjk": "never"}, {"words": 1, "minutes": 1,
                                                               "cjk": False}),
        ("<p>" + "中" * 501 + "</p>", {"iscjklanguage": False}, {"cjk": "always"},
         {"words": 1, "minutes": 1, "cjk": False}),
        ("<p>" + "x " * 30 + "</p>", {}, {"words_per_minute": 10},
         {"words": 30, "minutes": 3, "cjk": False}),
        ("", {}, {}, {"words": 0, "minutes": 0, "cjk": False}),
    ],
)
def test_measure_exposes_figures(
    html: str, page: dict[str, Any], header: dict[str, Any], expected: dict[str, Any]
) -> None:
    ctx = fake_ctx(page, **header)
    assert readtime.measure(html, ctx) == expected
    assert {k: ctx.params.as_dict()[k] for k in expected} == expected
    assert {k: ctx.page.meta["hugo_meta"][k] for k in expected} == expected


def test_plain_text_is_linear_and_fast() -> None:
    block = (
        '<h2 id="s">Section <em>title</em></h2>\n<p>Some <a href="x?a=1&amp;b=2">linked</a> '
        "text with <code>code</code> and more words.</p>\n<pre><code>a = 1\nb = 2\n</code>"
        '</pre>\n<script>var x = "<p>";</script>\n<img alt="a > b" src="i.png">\n'
    )

    def timed(copies: int) -> float:
        html = block * copies
        start = time.perf_counter()
        readtime.count_words(readtime.plain_text(html), cjk=readtime.is_cjk(html))
        return time.perf_counter() - start

    small, large = timed(2_000), timed(16_000)
    # About 3 MB in well under a second, and eight times the input costs about eight times.
    assert large < 1.0
    assert large < small * 8 * 3
