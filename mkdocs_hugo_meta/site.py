"""Site-wide effects: drafts, search, aliases, highlight.js (placeholder)."""

from __future__ import annotations

from datetime import datetime, timezone

from mkdocs.structure.files import Files

from .context import PageContext, SiteContext
from .pagedata import PageData
from .params import PageParams


def apply_inclusion(files: Files, pages: dict[str, PageData], site: SiteContext) -> None:
    return None


def finish_page(output: str, ctx: PageContext) -> str:
    return output


def finish_build(
    pages: dict[str, PageData], contexts: dict[str, PageContext], site: SiteContext
) -> None:
    return None


def unpublished_reason(params: PageParams, now: datetime | None = None) -> str | None:
    """Why Hugo would leave this page out of a build: "draft", "future", "expired" or None."""
    now = now or datetime.now(timezone.utc)
    if params.flag("draft"):
        return "draft"
    published = params.date("publishDate") or params.date("date")
    if published is not None and published > now:
        return "future"
    expiry = params.date("expiryDate")
    if expiry is not None and expiry <= now:
        return "expired"
    return None
