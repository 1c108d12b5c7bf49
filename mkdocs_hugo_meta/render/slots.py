"""Where the plugin's blocks go in a page's rendered content.

Top blocks (header, cover, table of contents) go before the content, or right after the
content's own leading ``<h1>`` (MkDocs' ``# Title`` first line, which ``headings.outline``
finds) so the title stays first.
Bottom blocks (footer, comments) go after it.

None of them is the post: they go in only after the search plugins have indexed
``page.content`` (``fill``), so the index holds the author's text (not "5 min read", breadcrumbs
or "Share on X") and the search plugins do not parse our markup on every page. A comment marks
where the top blocks go until then.
"""

from __future__ import annotations

from collections.abc import Iterable

TOP_SLOT = "<!-- hugo-meta: header -->"


def join(blocks: Iterable[str]) -> str:
    """The non-empty blocks, one per line."""
    return "\n".join(block for block in blocks if block)


def reserve_top(html: str, h1_end: int, top: str) -> str:
    """The content with a slot for ``top`` right after its leading h1 (unchanged for no top)."""
    if not top:
        return html
    return join([html[:h1_end], TOP_SLOT, html[h1_end:]])


def fill(content: str, top: str, bottom: Iterable[str]) -> str:
    """Put ``top`` into its slot and the ``bottom`` blocks after the content."""
    if top and TOP_SLOT in content:
        content = content.replace(TOP_SLOT, top, 1)
    elif top:  # another plugin rewrote the content and dropped the slot
        content = f"{top}\n{content}"
    tail = join(bottom)
    return f"{content}\n{tail}" if tail else content
