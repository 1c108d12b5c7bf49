"""Drafts, future and expired pages: left out of ``mkdocs build``, shown by ``mkdocs serve``.

They get MkDocs' own draft level (``InclusionLevel.DRAFT``), so MkDocs itself keeps them out of
the output folder, the search index, the sitemap and the automatic nav, and still renders them
under ``mkdocs serve``. Only an explicit ``nav:`` that lists a draft needs the plugin's help.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, NamedTuple

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..config import BuildConfig
from ..source import reuse
from ..source.page import PageData
from ..source.params import PageParams, read_bool

ENV_VARS: dict[str, str] = {
    "draft": "HUGO_META_BUILD_DRAFTS",
    "future": "HUGO_META_BUILD_FUTURE",
    "expired": "HUGO_META_BUILD_EXPIRED",
}


class Publication(NamedTuple):
    """What a page's publication depends on, from its front matter."""

    draft: bool
    published: datetime | None
    expiry: datetime | None

    def reason(self, now: datetime) -> str | None:
        """Why Hugo would leave the page out of a build at ``now``."""
        if self.draft:
            return "draft"
        if self.published is not None and self.published > now:
            return "future"
        if self.expiry is not None and self.expiry <= now:
            return "expired"
        return None


def publication(params: PageParams) -> Publication:
    """The page's publication facts (page-only flags: the site's ``params`` never set them)."""
    published = params.date("publishDate") or params.date("date")
    return Publication(params.flag("draft"), published, params.date("expiryDate"))


def unpublished_reason(params: PageParams, now: datetime | None = None) -> str | None:
    """Why Hugo would leave this page out of a build: "draft", "future", "expired" or None."""
    return publication(params).reason(now or datetime.now(timezone.utc))


@dataclass
class Kept:
    """Under ``mkdocs serve``: each page's ``Publication``, kept while its front matter is the
    one it was read from (the ``FrontMatter`` object that ``source.reuse`` keeps while the file
    is unchanged, compared by identity). The outcome is worked out on every build from these
    facts, because it changes with the time of the build."""

    facts: dict[str, tuple[object, Publication]] = field(default_factory=dict)


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
    files: Files,
    pages: Mapping[str, PageData],
    options: BuildConfig,
    now: datetime | None = None,
    kept: Kept | None = None,
) -> dict[str, str]:
    """Mark unpublished pages as MkDocs drafts; return ``{src_uri: reason}`` of those marked.
    ``kept`` carries the pages' facts from one ``mkdocs serve`` build to the next."""
    keep = built_reasons(options)
    now = now or datetime.now(timezone.utc)  # one instant for the whole build
    before = kept.facts if kept is not None else {}
    facts: dict[str, tuple[object, Publication]] = {}
    marked: dict[str, str] = {}
    for src_uri, data in pages.items():
        facts_now = reuse.by_front_matter(before, data, lambda page: publication(page.params))
        facts[src_uri] = (data.front, facts_now)  # pages gone since are left behind
        reason = facts_now.reason(now)
        if reason is None or reason in keep:
            continue
        file = files.get_file_from_path(src_uri)
        if file is not None:
            file.inclusion = InclusionLevel.DRAFT
            marked[src_uri] = reason
    if kept is not None:
        kept.facts = facts
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
