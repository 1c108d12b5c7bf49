"""Changes to a finished page, applied together in one copy of it.

Every page of a large site carries the whole nav (about 200 KB at 1000 posts), so each copy of
the page costs as much as the rest of the plugin's work on it. The head tags, the
highlight.js removal and the video script each say what to change; ``apply`` makes one copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``page[start:end]`` with ``text`` (``start == end`` inserts)."""

    start: int
    end: int
    text: str


def apply(page: str, edits: Iterable[Edit]) -> str:
    """``page`` with ``edits`` made; an edit overlapping an earlier one is dropped."""
    ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
    if not ordered:
        return page
    pieces: list[str] = []
    pos = 0
    for start, end, text in ordered:
        if start < pos:
            continue
        pieces.append(page[pos:start])
        pieces.append(text)
        pos = end
    pieces.append(page[pos:])
    return "".join(pieces)
