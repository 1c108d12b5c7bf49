"""Page header: title, description, meta line, breadcrumbs (placeholder)."""

from __future__ import annotations

from .context import PageContext


def render(ctx: PageContext, *, own_h1: bool) -> str:
    return ""
