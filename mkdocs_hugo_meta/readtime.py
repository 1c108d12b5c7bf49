"""Word count and reading time (placeholder: implemented with the page header)."""

from __future__ import annotations

from typing import Any

from .context import PageContext


def measure(html: str, ctx: PageContext) -> dict[str, Any]:
    return {}
