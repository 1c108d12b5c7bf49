"""Every scan over a page stays linear in the page's size, whatever the page holds.

Work is counted, not timed: while a scan runs, every compiled pattern of the package is
replaced by a proxy that adds up how many characters each search examined (from where it
started to where its match ended, or to the end of the text when it found none). A scan that
searches to the end once per unclosed opener counts n² characters for n openers; a linear one
counts about n. Each shape is scanned at n and 4n openers and the counts compared.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from workcount import counted

from mkdocs_hugo_meta.lists import summaries
from mkdocs_hugo_meta.markdown import goldmark
from mkdocs_hugo_meta.markup import text
from mkdocs_hugo_meta.render import head_tags, headings, readtime
from mkdocs_hugo_meta.shortcodes import builtin, scanner, video
from mkdocs_hugo_meta.site import hljs

N = 400
GROWTH = 4
MAX_RATIO = 6.0
"""Linear work grows 4x for 4x the input; quadratic work 16x."""


def _slug(value: str, separator: str) -> str:
    return value.lower().replace(" ", separator)


def _collect(page: str) -> object:
    return headings.collect(page, _slug, "-")


def _scan(page: str) -> object:
    return scanner.scan(page, builtin.PAIRED)


def _goldmark(page: str) -> object:
    return goldmark.normalise(page.split("\n"), lambda fence: "\x02wzxhzdk:0\x03")


def _iframes(page: str) -> object:
    return video.rewrite_iframes(page, lambda embed: "<div></div>")


SHAPES: dict[str, tuple[Callable[[str], object], str]] = {
    "headings: unclosed <template>": (_collect, "<h2>a</h2> <template> text "),
    "headings: unclosed <script>": (_collect, "<h2>a</h2> <script> text "),
    "headings: unclosed <style>": (_collect, "<style> text <h3>b</h3> "),
    "headings: unclosed <h2>": (_collect, "<h2> text "),
    "headings: unclosed comment": (_collect, "<!-- text <h2>x</h2> "),
    "headings: stray quote in a heading tag": (_collect, '<h2 title="x> text '),
    "reading time: unclosed <script>": (readtime.plain_text, "<script> words here "),
    "reading time: unclosed <noscript>": (readtime.plain_text, "<noscript> words here "),
    "reading time: unclosed comment": (readtime.plain_text, "<!-- words here "),
    "iframes: unclosed <iframe>": (_iframes, '<iframe src="https://example.org/p"> text '),
    "iframes: wrapped, unclosed": (_iframes, '<div class="v"><iframe src="x"> text '),
    "shortcodes: unclosed paired": (_scan, '{{< collapse summary="x" >}} text '),
    "shortcodes: malformed tags in one paragraph": (_scan, "{{< figure text "),
    "shortcodes: many tags in one paragraph": (_scan, "{{< x a=1 >}} text "),
    "shortcodes: unclosed <pre>": (_scan, "<pre> text "),
    "shortcodes: many unclosed openers of one name": (_scan, "{{< details >}} text "),
    "shortcodes: unclosed fences": (_scan, "```\ntext\n"),
    "goldmark: unclosed fences": (_goldmark, "```\ntext\n"),
    "goldmark: fences in list items": (_goldmark, "- a\n  ```go {hl_lines=[1]}\n  x\n"),
    "goldmark: nested lists": (_goldmark, "- a\n  - b\n    1. c\n  2) d\n"),
    "goldmark: list after list": (_goldmark, "- a\n\n+ b\n\n    code\n"),
    "goldmark: unclosed comment": (_goldmark, "<!-- x\n- y\n"),
    "goldmark: lazy lines": (_goldmark, "- a\nb\n> c\nd\n"),
    "summary: words and markup": (
        lambda page: summaries.automatic(page, 10**9, False), "<p>a <b>x</b> a=b\n</p> "
    ),
    "summary: CJK words and markup": (
        lambda page: summaries.automatic(page, 10**9, True), "<p>中文 <b>x</b> a=b</p>"
    ),
    "description: unclosed <p>": (lambda page: head_tags.summary(page, 160), "<p> text "),
    "disableHLJS: unclosed <script>": (lambda page: list(hljs.page_edits(page)), "<script> x "),
    "disableHLJS: comments": (lambda page: list(hljs.page_edits(page)), "<!-- x --> <script> "),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_scan_work_is_linear(shape: str) -> None:
    scan, unit = SHAPES[shape]
    counts = []
    for n in (N, N * GROWTH):
        page = "<p>Start.</p>\n" + unit * n + "\n<p>End.</p>"
        with counted() as counter:
            scan(page)
        counts.append(counter.characters)
    low, high = counts
    assert low > 0, "the proxy saw no search: the scan no longer uses the package's patterns"
    assert high / low < MAX_RATIO, f"{shape}: {low} -> {high} characters examined"


def test_the_counter_sees_quadratic_work() -> None:
    # The measure itself: a scan that searches to the end from every opener must fail it.
    closing = re.compile("</x>")

    def quadratic(page: str) -> None:
        for opener in re.finditer("<x>", page):
            # A fresh finder per opener: no cache to help, a search to the end every time.
            text.Finder(page, closing).next(opener.end())

    counts = []
    for n in (N, N * GROWTH):
        with counted() as counter:
            quadratic("<x> text " * n)
        counts.append(counter.characters)
    assert counts[1] / counts[0] > 12


# Inside one search the counter sees no backtracking, so patterns that could backtrack over
# the rest of a page are audited instead: a pattern that lets "." cross lines must be bounded
# or anchored, and say why here.
BOUNDED_DOTALL = {
    "scanner._ESCAPED": "its span is at most 2000 characters",
    "headings._LEADING_H1": "matched once, at the start of the content",
    "headings._NOT_TEXT": "runs over one heading's inner HTML only",
    "text.COMMENT": "an unclosed comment matches to the end (\\Z), so no attempt fails",
    "frontmatter._TOML_TOKEN": "a triple-quoted string unclosed matches to the end (\\Z)",
}


def _package_patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("mkdocs_hugo_meta") and module is not None:
            for attr, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    found[f"{name.rsplit('.', 1)[-1]}.{attr}"] = value
    return found


def test_patterns_that_cross_lines_are_bounded() -> None:
    crossing = {
        name for name, pattern in _package_patterns().items()
        if pattern.flags & re.DOTALL and (".*" in pattern.pattern or ".+" in pattern.pattern
                                          or ".{" in pattern.pattern)
    }
    assert crossing <= set(BOUNDED_DOTALL), sorted(crossing - set(BOUNDED_DOTALL))
