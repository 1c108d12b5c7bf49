"""Word count and reading time, counted the way Hugo counts them.

Hugo strips the tags from the rendered content (``<script>``/``<style>`` contents and comments
go, entities stay as written, ``</p>`` and ``<br>`` become line breaks, other tags vanish without
a space) and counts runs of non-space characters. A CJK page counts each whitespace-separated
field made only of single-byte characters as one word and any other field by its characters.
Unlike Hugo, a page is detected as CJK from its text without any site setting.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any, TypedDict

from ..context import PageContext
from ..markup import text

# Not the author's words: comments, script/style elements, the fallbacks and player templates
# of video embeds (<noscript>, <template>) and the toc extension's permalinks.
_HIDDEN = re.compile(
    r"<!--"
    r"|<(script|style|noscript|template)\b[^>]*>"
    r"""|<a\b[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*\bclass=["']?headerlink\b[^>]*>""",
    re.IGNORECASE,
)
_HIDDEN_END = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "noscript", "template")
}
_ANCHOR_END = re.compile("</a>", re.IGNORECASE)


def _hidden_end(opening: re.Match[str]) -> re.Pattern[str]:
    if opening.group(1):
        return _HIDDEN_END[opening.group(1).lower()]
    return text.COMMENT_END if opening.group(0) == "<!--" else _ANCHOR_END


# Han (with radicals, ideographic marks and the supplementary planes), Hiragana, Katakana
# (with half-width forms) and Hangul (jamo, compatibility jamo and syllables): the scripts Hugo
# checks with \p{Han}|\p{Hangul}|\p{Hiragana}|\p{Katakana}.
_CJK_CLASS = (
    "[\u1100-\u11ff\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096"
    "\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u3131-\u318e\u31f0-\u31ff\u3200-\u321e"
    "\u3260-\u327e\u32d0-\u32fe\u3300-\u3357\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97c"
    "\uac00-\ud7a3\ud7b0-\ud7fb\uf900-\ufaff\uff66-\uff6f\uff71-\uff9d\uffa0-\uffdc"
    "\U0001b000-\U0001b16f\U00020000-\U0003134f]"
)


@functools.cache
def _cjk() -> re.Pattern[str]:
    # Compiled on the first page with text outside ASCII: the class's ranges take longer to
    # compile (~2 ms) than the rest of the module.
    return re.compile(_CJK_CLASS)


def visible(html: str) -> str:
    """``html`` without what is not the author's text: comments, scripts, styles, embed
    fallbacks and heading permalinks."""
    kept: list[str] = []
    pos = 0
    for opening, closing in text.elements(html, _HIDDEN, _hidden_end):
        kept.append(html[pos : opening.start()])
        pos = closing.end()
    if pos:
        kept.append(html[pos:])
        html = "".join(kept)
    return html


def plain_text(html: str) -> str:
    """The page's text as Hugo's word count sees it."""
    html = visible(html)
    # Hugo turns `</p>`, `<br>` and `<br />` (exactly so written) into line breaks before it
    # strips tags; every other tag disappears without leaving a space.
    for breaking in ("</p>", "<br>", "<br />"):
        html = html.replace(breaking, "\n")
    return text.TAG.sub("", html)


def is_cjk(text: str) -> bool:
    """Whether ``text`` has a Han, Hiragana, Katakana or Hangul character."""
    return not text.isascii() and _cjk().search(text) is not None


def count_words(text: str, cjk: bool) -> int:
    """Hugo's word count of plain text, in CJK mode or not."""
    fields = text.split()
    if not cjk:
        return len(fields)
    # A field of single-byte (ASCII) characters is one word; any other counts its characters.
    return sum(1 if field.isascii() else len(field) for field in fields)


def minutes(words: int, per_minute: int) -> int:
    """Whole minutes to read ``words`` at ``per_minute`` (0 words read in 0 minutes)."""
    return math.ceil(words / max(per_minute, 1))


def decide_cjk(setting: str, page_value: Any, text: str) -> bool:
    """The page's ``isCJKLanguage`` wins; else the ``header.cjk`` setting; ``auto`` detects."""
    if isinstance(page_value, bool):
        return page_value
    if setting == "always":
        return True
    if setting == "never":
        return False
    return is_cjk(text)


class Reading(TypedDict):
    """What ``measure`` finds (also exposed in ``page.meta.hugo_meta``)."""

    words: int
    minutes: int
    cjk: bool


def measure(html: str, ctx: PageContext) -> Reading:
    """Words, minutes and CJK mode of the rendered content, also exposed in ``page.meta``."""
    options = ctx.options.header
    text = plain_text(html)
    cjk = decide_cjk(options.cjk, ctx.params.get("isCJKLanguage"), text)
    words = count_words(text, cjk)
    per_minute = options.cjk_words_per_minute if cjk else options.words_per_minute
    figures = Reading(words=words, minutes=minutes(words, per_minute), cjk=cjk)
    ctx.params.extra.update(figures)
    # page.meta["hugo_meta"] was copied from the params before the content was rendered.
    view = ctx.page.meta.get("hugo_meta")
    if isinstance(view, dict):
        view.update(figures)
    return figures
