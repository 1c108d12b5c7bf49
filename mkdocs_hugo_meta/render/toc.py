"""The inline table of contents (``showToc``, ``TocOpen``, ``UseHugoToc``) and the theme's own TOC.

The box lists the headings of the page's own content, raw HTML headings included; headings
without an ``id`` get one made by the site's ``toc`` slug function. The theme's sidebar TOC
follows a page's explicit ``showToc: false`` unless ``toc.theme_toc`` is ``keep``.
"""

from __future__ import annotations

import functools
import html as htmllib

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext

from ..context import PageContext, SiteContext
from ..source.page import PageData
from ..source.params import PageParams
from . import assets, headings

SCRIPT = "toc.js"


def hides_theme_toc(params: PageParams, site: SiteContext) -> bool:
    """Whether the theme's own TOC is hidden on this page.

    Only an explicit ``showToc: false`` (the page's front matter or the site's ``params``) counts:
    the built-in default is also false, and a site that never mentions ``showToc`` keeps the
    theme's sidebar TOC everywhere.
    """
    if site.options.toc.theme_toc != "follow" or params.flag("showToc"):
        return False
    return params.is_set("showToc") or "showtoc" in params.site


def _is_material(site: SiteContext) -> bool:
    return site.config.theme.name == "material"


def adjust_page_meta(page: Page, data: PageData, site: SiteContext) -> None:
    """On Material, hide the sidebar TOC through its own ``hide: [toc]`` front matter."""
    if not _is_material(site) or not hides_theme_toc(data.params, site):
        return
    hide = page.meta.get("hide")
    entries = [hide] if isinstance(hide, str) else list(hide) if isinstance(hide, list) else []
    if "toc" not in entries:
        entries.append("toc")
    page.meta["hide"] = entries


def adjust_theme_toc(ctx: PageContext, context: TemplateContext) -> None:
    """Hand the theme an empty TOC where the page hides it (Material hides it through
    ``hide: [toc]``), else the box's headings where MkDocs found none.

    Called after the search plugins have indexed the page: they split a page into sections by
    ``page.toc``, and a raw-heading post stays one entry in the index, as MkDocs makes it.
    """
    if hides_theme_toc(ctx.params, ctx.site):
        if not _is_material(ctx.site):
            # Themes read the TOC from `page.toc`; the template context has no TOC of its own.
            ctx.set_theme_toc(TableOfContents([]))
        return
    _fill_empty_theme_toc(ctx.toc_entries, ctx)
    ctx.toc_entries = []


def wants_headings(ctx: PageContext) -> bool:
    """Whether the box lists the content's own headings (so the one scan collects them)."""
    return (
        ctx.options.toc.enabled
        and ctx.params.flag("showToc")
        and not ctx.params.flag("UseHugoToc")
    )


def render(outline: headings.Outline, ctx: PageContext) -> str:
    """The box, or "" for none; ``outline`` is the content's one scan."""
    options = ctx.options.toc
    if not options.enabled or not ctx.params.flag("showToc"):
        return ""
    if ctx.params.flag("UseHugoToc"):
        entries = _from_markdown_toc(outline, ctx)
    else:
        found = outline.headings
        _warn_shared_ids(found, ctx)
        if found and found[0].level == 1 and outline.h1_end:
            # The content's opening <h1> is the page title (see slots.py), not a section.
            found = found[1:]
        levels = set(options.levels)
        entries = [heading for heading in found if heading.level in levels]
        if ctx.page.toc is None or not len(ctx.page.toc):
            ctx.toc_entries = [(heading.level, heading.id, heading.text) for heading in entries]
    if not entries:
        return ""
    return ctx.render(
        "toc.html",
        items=headings.nest(entries),
        open=ctx.params.flag("TocOpen"),
        title=options.title or ctx.labels("toc_title"),
        script=assets.script_url(SCRIPT, ctx.page.url) if _script_shipped() else "",
    )


@functools.cache
def _script_shipped() -> bool:
    return (assets.ASSETS / SCRIPT).exists()


def _fill_empty_theme_toc(entries: list[tuple[int, str, str]], ctx: PageContext) -> None:
    """Give the theme's sidebar the headings MkDocs could not see.

    MkDocs' TOC lists Markdown headings only, so a post written with raw HTML headings (the
    PaperMod archetype) has an empty sidebar; it gets the headings the box lists instead
    (``entries``: level, id and text of each).
    """
    if not entries or (ctx.page.toc is not None and len(ctx.page.toc)):
        return
    links = (AnchorLink(htmllib.escape(text, quote=False), ident, level)
             for level, ident, text in entries)
    ctx.set_theme_toc(TableOfContents(headings.nest_nodes(links)))


def _from_markdown_toc(outline: headings.Outline, ctx: PageContext) -> list[headings.Heading]:
    """MkDocs' own TOC (Markdown headings within ``toc_depth``), like Hugo's .TableOfContents."""
    toc = ctx.page.toc
    entries = headings.flatten(toc.items if toc is not None else [])
    h1_end = outline.h1_end
    title_first = entries and entries[0].level == 1 and h1_end
    if title_first and headings.opening_id(outline.html[:h1_end]) == entries[0].id:
        entries = entries[1:]
    return entries


def _warn_shared_ids(found: list[headings.Heading], ctx: PageContext) -> None:
    """Two headings the author gave the same id: the second one cannot be linked to."""
    seen: set[str] = set()
    for heading in found:
        if heading.id in seen:
            ctx.warn(
                f"two headings have the id '{heading.id}'; links to the second one "
                "land on the first (give one of them another id)"
            )
        seen.add(heading.id)
