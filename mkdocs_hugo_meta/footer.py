"""Post footer: tags, share links, previous/next, comments (placeholder)."""

from __future__ import annotations

from .context import PageContext


def render(ctx: PageContext) -> str:
    return ""
