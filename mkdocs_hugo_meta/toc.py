"""Inline table of contents (placeholder)."""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .context import PageContext, SiteContext
from .pagedata import PageData


def adjust_page_meta(page: Page, data: PageData, site: SiteContext) -> None:
    return None


def render(html: str, ctx: PageContext) -> tuple[str, str]:
    return html, ""


def adjust_theme_toc(ctx: PageContext, context: TemplateContext) -> None:
    return None
