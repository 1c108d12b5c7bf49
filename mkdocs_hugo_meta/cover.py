"""Cover / thumbnail banner (placeholder)."""

from __future__ import annotations

from .context import PageContext


def render(ctx: PageContext, body_html: str) -> str:
    return ""
