"""Site-wide effects: drafts, search, aliases, highlight.js — routed to their modules.

``drafts`` (draft/future/expired pages), ``search_index`` (``searchHidden``), ``aliases``
(redirect pages) and ``hljs`` (``disableHLJS``).
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from . import aliases, drafts, hljs, search_index
from .context import PageContext, SiteContext
from .drafts import unpublished_reason as unpublished_reason
from .edits import Edit
from .pagedata import PageData

__all__ = ["apply_inclusion", "finish_build", "page_edits", "prune_nav", "unpublished_reason"]


def apply_inclusion(files: Files, pages: dict[str, PageData], site: SiteContext) -> None:
    """Give unpublished pages MkDocs' draft level, unless ``build.*`` includes them."""
    drafts.apply_inclusion(files, pages, site.options.build)


def prune_nav(nav: Navigation, site: SiteContext) -> Navigation:
    """No draft in ``mkdocs build``'s nav, nor as anyone's previous/next page."""
    return drafts.prune_nav(nav, site.serving)


def page_edits(output: str, ctx: PageContext) -> Iterable[Edit]:
    """Edits to the finished page: highlight.js removed when ``disableHLJS`` asks for it."""
    if ctx.params.flag("disableHLJS"):
        return hljs.page_edits(output)
    return ()


def finish_build(
    pages: dict[str, PageData], contexts: dict[str, PageContext], site: SiteContext
) -> None:
    """After the search plugins wrote their index: hide pages from it, write redirect pages."""
    hidden = {ctx.page.url for ctx in contexts.values() if ctx.params.flag("searchHidden")}
    search_index.remove_pages(site.config.site_dir, hidden)
    aliases.write(contexts.values(), site)
