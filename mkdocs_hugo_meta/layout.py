"""Where the plugin's blocks go in a page's rendered content.

Top blocks (header, cover, table of contents) go before the content, or right after the
content's own leading ``<h1>`` (MkDocs' ``# Title`` first line) so the title stays first.
Bottom blocks (footer, comments) go after it.

The table of contents and the footer are navigation, not the post: they go in only after the
search plugins have indexed ``page.content`` (``fill_navigation``), so the index holds the
author's text and the search plugins do not parse our markup on every page. A comment marks
where the box goes until then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LEADING_H1 = re.compile(r"\s*<h1\b[^>]*>.*?</h1>", re.DOTALL | re.IGNORECASE)


def leading_h1_end(html: str) -> int:
    """Index just past the content's leading ``<h1>…</h1>``, or 0 when it does not open with one."""
    match = _LEADING_H1.match(html)
    return match.end() if match else 0


TOC_SLOT = "<!-- hugo-meta: table of contents -->"


def fill_navigation(content: str, toc_box: str, bottom: Iterable[str]) -> str:
    """Put the table of contents into its slot and the ``bottom`` blocks after the content."""
    if toc_box:
        if TOC_SLOT in content:
            content = content.replace(TOC_SLOT, toc_box, 1)
        else:  # another plugin rewrote the content and dropped the slot
            content = f"{toc_box}\n{content}"
    tail = "\n".join(block for block in bottom if block)
    return f"{content}\n{tail}" if tail else content


def assemble(html: str, h1_end: int, top: Iterable[str]) -> str:
    """The content with the non-empty ``top`` blocks right after its leading h1."""
    head = "\n".join(block for block in top if block)
    parts = [html[:h1_end], head, html[h1_end:]]
    return "\n".join(part for part in parts if part)
