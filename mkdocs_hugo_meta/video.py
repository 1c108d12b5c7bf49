"""Video embeds (placeholder)."""

from __future__ import annotations

from .context import PageContext


def finish_page(output: str, ctx: PageContext) -> str:
    return output
