"""A post's summary as Hugo makes it: the ``<!--more-->`` divider, else front-matter
``summary``, else the first ``summaryLength`` words, ended at a paragraph's end.

Hugo counts the automatic summary on the rendered HTML: it walks from one ``</p>`` to the next,
counts the whitespace-separated tokens in between (tokens that look like a tag or an attribute
count nothing, others count once their tags are stripped), and as soon as the running count
reaches the length it cuts after that paragraph, or, when that paragraph sits in a container
(a blockquote, a list, a ``<div>``), after the container's end, so the summary never leaves an
element open (Hugo 0.168). A page with too few words, or no paragraph at all, is its own
summary and is not truncated; a length of 0 or less makes an empty, truncated summary. A CJK
page counts the characters of each token that is not plain ASCII.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markup import text
from ..render.readtime import visible

DIVIDER = "<!--more-->"

_TAG_TOKEN = re.compile(r"</?[A-Za-z]+>?")
_ATTRIBUTE_TOKEN = re.compile(r"[A-Za-z]+=[\"']")
_PARAGRAPH_END = "</p>"
_BREAKS = ("</p>", "<br>", "<br />")


@dataclass(frozen=True)
class Summary:
    html: str
    """The summary as HTML (the divider's cut, the front matter's text, or whole paragraphs)."""
    truncated: bool
    """Whether the post has more than the summary shows."""
    kind: str
    """``manual``, ``frontmatter`` or ``auto``, as Hugo names them."""

    @property
    def plain(self) -> str:
        """The text a list card shows: tags stripped, entities decoded, spaces collapsed.

        As Hugo's ``plainify``, a paragraph's end and a line break leave a space, so words of
        two paragraphs written ``</p><p>`` do not run together.
        """
        html = self.html
        for breaking in _BREAKS:
            html = html.replace(breaking, "\n")
        return " ".join(text.text_of(html).split())


def _token_words(token: str, cjk: bool) -> int:
    token = token.strip()
    if not token or token == ">" or _TAG_TOKEN.fullmatch(token) or _ATTRIBUTE_TOKEN.match(token):
        return 0
    token = text.strip_tags(token)
    if not token:
        return 0
    if not cjk or token.isascii():
        return 1
    return len(token)


def _paragraph_words(segment: str, already: int, cjk: bool) -> int:
    """The running count after ``segment``.

    As in Hugo, tokens end at whitespace, and the segment's last character closes the last
    token without being counted in it. Hugo stops counting once the count reaches the
    length; counting on gives a larger number but the same answer to whether it was reached.
    The tokens are counted at once; only those that may be a tag or an attribute or hold
    tags (``<``, ``>``, ``=``) are looked at one by one.
    """
    body = segment[: max(len(segment) - 1, 0)]
    tokens = body.split()
    if cjk and not body.isascii():
        return already + sum(_token_words(token, cjk) for token in tokens)
    count = already + len(tokens)
    for token in tokens:
        if "<" in token or ">" in token or "=" in token:
            count += _token_words(token, cjk) - 1
    return count


_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip


def _balanced_end(html: str, cut: int) -> int:
    """``cut``, or past it the end of the outermost element still open there (the page's
    end when it never closes).

    One pass over the tags, each ``<`` read up to the next ``>``: linear in the page.
    """
    stack: list[str] = []
    pos = 0
    while True:
        if pos >= cut and not stack:
            return pos
        start = html.find("<", pos)
        if start < 0:
            return len(html) if stack else cut
        if html.startswith("<!--", start):
            close = html.find("-->", start + 4)
            if close < 0:
                return len(html) if stack else cut
            pos = close + 3
            continue
        close = html.find(">", start + 1)
        if close < 0:
            return len(html) if stack else cut
        if start < cut < close + 1:
            pos = cut  # a stray "<" before the cut: restart the scan where the cut is
            continue
        pos = close + 1
        tag = _TAG_NAME.match(html, start)
        if tag is None:
            continue
        name = tag.group(2).lower()
        if tag.group(1):
            if name in stack:
                while stack.pop() != name:
                    pass
        elif name not in _VOID and html[close - 1] != "/":
            stack.append(name)


def automatic(html: str, limit: int, cjk: bool) -> Summary:
    """The first ``limit`` words of ``html``, extended to the end of their paragraph (and of
    any element the paragraph sits in)."""
    html = visible(html)
    if limit <= 0:
        return Summary("", bool(html.strip()), "auto")
    count = 0
    pos = 0
    while True:
        end = html.find(_PARAGRAPH_END, pos)
        if end < 0:
            break
        count = _paragraph_words(html[pos:end], count, cjk)
        cut = end + len(_PARAGRAPH_END)
        if count >= limit:
            cut = _balanced_end(html, cut)
            return Summary(html[:cut].strip(), bool(html[cut:].strip()), "auto")
        pos = cut
    return Summary(html.strip(), False, "auto")


def manual(html: str) -> Summary | None:
    """The HTML before ``<!--more-->``, or ``None`` when the post has no divider."""
    at = html.find(DIVIDER)
    if at < 0:
        return None
    before = visible(html[:at])
    # A divider inside a paragraph ("text <!--more--> text") closes that paragraph, as Hugo does.
    if before.rfind("<p") > before.rfind(_PARAGRAPH_END):
        before += _PARAGRAPH_END
    rest = html[at + len(DIVIDER):].strip()
    return Summary(before.strip(), bool(rest), "manual")


def summarize(html: str, front_matter: str, limit: int, cjk: bool) -> Summary:
    """Hugo's precedence: the divider, then front-matter ``summary`` (rendered inline
    Markdown, not truncated), then the automatic summary."""
    return (
        manual(html)
        or (Summary(front_matter, False, "frontmatter") if front_matter.strip() else None)
        or automatic(html, limit, cjk)
    )
