"""Drafts, future and expired pages: left out of ``mkdocs build``, shown by ``mkdocs serve``.

They get MkDocs' own draft level (``InclusionLevel.DRAFT``), so MkDocs itself keeps them out of
the output folder, the search index, the sitemap and the automatic nav, and still renders them
under ``mkdocs serve``. Only an explicit ``nav:`` that lists a draft needs the plugin's help.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..config import BuildConfig
from ..source.page import PageData
from ..source.params import PageParams, read_bool

ENV_VARS: dict[str, str] = {
    "draft": "HUGO_META_BUILD_DRAFTS",
    "future": "HUGO_META_BUILD_FUTURE",
    "expired": "HUGO_META_BUILD_EXPIRED",
}


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


def built_reasons(options: BuildConfig, environ: Mapping[str, str] | None = None) -> set[str]:
    """The reasons the build ignores: ``build.*`` in config, or its environment variable."""
    env = os.environ if environ is None else environ
    switches = {"draft": options.drafts, "future": options.future, "expired": options.expired}
    return {
        reason
        for reason, on in switches.items()
        if on or read_bool(env.get(ENV_VARS[reason], "")) is True
    }


def apply_inclusion(
    files: Files, pages: Mapping[str, PageData], options: BuildConfig, now: datetime | None = None
) -> dict[str, str]:
    """Mark unpublished pages as MkDocs drafts; return ``{src_uri: reason}`` of those marked."""
    keep = built_reasons(options)
    now = now or datetime.now(timezone.utc)  # one instant for the whole build
    marked: dict[str, str] = {}
    for src_uri, data in pages.items():
        reason = unpublished_reason(data.params, now)
        if reason is None or reason in keep:
            continue
        file = files.get_file_from_path(src_uri)
        if file is not None:
            file.inclusion = InclusionLevel.DRAFT
            marked[src_uri] = reason
    return marked


def prune_nav(nav: Navigation, serving: bool) -> Navigation:
    """Take pages the build leaves out off an explicit nav, and relink previous/next.

    MkDocs keeps a draft that ``nav:`` lists (with an info message only), so the theme would
    link to a page that is never written. ``mkdocs serve`` renders drafts: nothing to do there.
    """
    if serving:
        return nav
    nav.items = _prune(nav.items)
    nav.pages = [page for page in nav.pages if page.file.inclusion.is_included()]
    bookended: list[Page | None] = [None, *nav.pages, None]
    for before, page, after in zip(bookended, nav.pages, bookended[2:]):
        page.previous_page, page.next_page = before, after
    if nav.homepage is not None and nav.homepage not in nav.pages:
        nav.homepage = None
    return nav


def _prune(items: list[Any]) -> list[Any]:
    kept: list[Any] = []
    for item in items:
        if isinstance(item, Page) and not item.file.inclusion.is_included():
            continue
        if isinstance(item, Section):
            item.children = _prune(item.children)
            if not item.children:  # a section of drafts only would show as an empty heading
                continue
        kept.append(item)
    return kept
