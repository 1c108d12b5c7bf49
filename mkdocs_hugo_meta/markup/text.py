"""Plain text out of HTML, and text made safe for HTML: each rule written once.

``strip_tags`` removes comments and tags in one linear pass (a ``>`` inside a quoted attribute
does not end a tag); ``escape_text`` and ``escape_attr`` escape for an element's text and for an
attribute value; ``show`` quotes user text in a warning with control characters made visible.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
"""An HTML comment; one never closed runs to the end, as in a browser."""
TAG = re.compile(r"""</?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
"""Any start or end tag; an attribute may hold ``>`` inside quotes (unrolled, so it stays fast)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


COMMENT_END = re.compile("-->")


class Finder:
    """Finds the next match of one pattern in one text, for a caller that moves forward.

    The last answer is kept: asked again from any point between where that search began and
    where its match starts (or from anywhere past it, when there was none), the answer is the
    same without a search. A page of many openers whose closing tag is missing, or far away,
    costs one scan per pattern instead of one scan per opener.
    """

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self.text = text
        self.pattern = pattern
        self._searched_from = len(text) + 1
        self._found: re.Match[str] | None = None

    def next(self, pos: int) -> re.Match[str] | None:
        """The first match starting at or after ``pos``."""
        found = self._found
        if self._searched_from <= pos and (found is None or pos <= found.start()):
            return found
        self._searched_from = pos
        self._found = self.pattern.search(self.text, pos)
        return self._found


def elements(
    page: str, opening: re.Pattern[str], closing: Callable[[re.Match[str]], re.Pattern[str]]
) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each element of ``page`` that ``opening`` starts, with the match of ``closing(opening)``
    that ends it, in order; an element found is stepped over whole.

    An opener with no closing after it is stepped over alone, as a regular expression's
    ``<x>.*?</x>`` would be, but in linear work whatever the page holds (see ``Finder``).
    """
    finders: dict[re.Pattern[str], Finder] = {}
    pos = 0
    while True:
        match = opening.search(page, pos)
        if match is None:
            return
        pos = match.end()
        pattern = closing(match)
        finder = finders.get(pattern)
        if finder is None:
            finder = finders[pattern] = Finder(page, pattern)
        close = finder.next(pos)
        if close is None:
            continue
        yield match, close
        pos = close.end()


def strip_tags(fragment: str) -> str:
    """``fragment`` without comments and tags; character references stay as written."""
    if "<" not in fragment:
        return fragment
    if "<!--" in fragment:
        fragment = COMMENT.sub("", fragment)
    return TAG.sub("", fragment)


def text_of(fragment: str) -> str:
    """The text of ``fragment``: no comments or tags, character references decoded."""
    return html.unescape(strip_tags(fragment))


def escape_text(text: str) -> str:
    """``text`` for an element's content (quotes left as they are)."""
    return html.escape(text, quote=False)


def escape_attr(text: str) -> str:
    """``text`` for a double- or single-quoted attribute value."""
    return html.escape(text, quote=True)


def printable(text: str) -> str:
    """``text`` with control characters (line breaks included) written as escapes, so a
    warning stays one line that a page cannot forge or break."""
    return _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], text)


def show(text: str, limit: int = 60) -> str:
    """User text quoted in a warning: control characters escaped, long text cut."""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
