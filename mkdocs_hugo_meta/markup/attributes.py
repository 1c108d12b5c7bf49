"""The attributes of one HTML start tag, read the way a browser reads them.

A regular expression over the tag alone: an ``html.parser`` instance per tag cost more than the
rest of the page's iframe handling. Names are lower-cased, values have their character
references decoded, a bare attribute (``allowfullscreen``) maps to ``None``, and of an attribute
given twice the first counts, as in browsers.
"""

from __future__ import annotations

import html
import re

_NAME = re.compile(r"<\s*[A-Za-z][^\s/>]*")
_ATTR = re.compile(
    r"""[\s/]*([^\s/>"'=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?"""
)


def parse(tag: str) -> dict[str, str | None]:
    """The attributes of the start tag that opens ``tag`` (e.g. ``<iframe src="…" …>…``)."""
    opening = _NAME.match(tag)
    if opening is None:
        return {}
    found: dict[str, str | None] = {}
    pos, end = opening.end(), len(tag)
    while pos < end:
        match = _ATTR.match(tag, pos)
        if match is None or match.end() == pos:
            break
        pos = match.end()
        name = match.group(1).lower()
        if name in found:
            continue
        value = match.group(2)
        if value is None:
            value = match.group(3)
        if value is None:
            value = match.group(4)
        found[name] = html.unescape(value) if value else value
    return found


_ANY_ID = re.compile(r"""[iI][dD]\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ANY_ID_LOWER = re.compile(r"""id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def ids_in(fragment: str) -> set[str]:
    """Every ``id`` value in ``fragment``, found loosely and fast, for reserving names: a stray
    match (``data-id=``, "valid = x" in text) only reserves one more name."""
    # Searched in a lower-cased copy: a pattern that opens with the literal "id" jumps from one
    # "id" to the next, where one that opens with [iI] tries every "i" of the text (four times
    # slower on a post). Lower-casing keeps every offset, so the values are read from
    # `fragment` itself, unless some character's lower case is longer (U+0130).
    lowered = fragment.lower()
    if len(lowered) != len(fragment):
        return {html.unescape(a or b or c) for a, b, c in _ANY_ID.findall(fragment)}
    found: set[str] = set()
    for match in _ANY_ID_LOWER.finditer(lowered):
        value = match.lastindex or 0  # the one alternative that matched
        found.add(html.unescape(fragment[match.start(value) : match.end(value)]))
    return found
