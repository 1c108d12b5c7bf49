"""Tags added to <head> (placeholder)."""

from __future__ import annotations

from .context import PageContext


def insert_tags(output: str, ctx: PageContext) -> str:
    return output
