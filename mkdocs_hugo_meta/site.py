"""Site-wide effects: drafts, search, aliases, highlight.js (placeholder)."""

from __future__ import annotations

from mkdocs.structure.files import Files

from .context import PageContext, SiteContext
from .pagedata import PageData


def apply_inclusion(files: Files, pages: dict[str, PageData], site: SiteContext) -> None:
    return None


def finish_page(output: str, ctx: PageContext) -> str:
    return output


def finish_build(
    pages: dict[str, PageData], contexts: dict[str, PageContext], site: SiteContext
) -> None:
    return None
