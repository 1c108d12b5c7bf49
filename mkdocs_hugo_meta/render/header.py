"""The page header: breadcrumbs, title (with a draft badge), description and the meta line.

The meta line follows PaperMod's order: date · reading time · word count · author, then the
edit link and "Originally published at" after a bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..context import PageContext
from ..site.drafts import unpublished_reason
from ..source import dates
from . import headings


@dataclass
class MetaPart:
    """One span of the meta line: ``kind`` names its ``hm-`` class."""

    kind: str
    text: str
    href: str = ""
    attrs: dict[str, str] | None = None
    after_bar: bool = False
    """PaperMod separates the edit and canonical links with ``|`` instead of ``·``."""


@dataclass
class Crumb:
    title: str
    href: str


def breadcrumbs(ctx: PageContext) -> list[Crumb]:
    """Home, then the page's nav sections from the top; a section links to its index page."""
    page = ctx.page
    if page.is_homepage:
        return []
    crumbs = [Crumb(ctx.labels("breadcrumbs_home"), _home_href(ctx))]
    # Each section's index page is found once per build: a section of many posts would
    # otherwise be scanned again for every one of them.
    indexes = ctx.site.section_indexes
    for section in reversed(list(page.ancestors)):
        key = id(section)
        if key not in indexes:
            indexes[key] = next(
                (
                    child
                    for child in getattr(section, "children", [])
                    if isinstance(child, Page) and child.is_index
                ),
                None,
            )
        index = indexes[key]
        if index is page:
            # A page bundle (`posts/x/index.md`) or a section's own index: the section is the
            # page itself, and breadcrumbs list only what is above the page.
            continue
        href = ""
        if index is not None:
            href = get_relative_url(index.url, page.url) or "./"
        crumbs.append(Crumb(str(section.title or ""), href))
    return crumbs


def _home_href(ctx: PageContext) -> str:
    if not ctx.site.config.use_directory_urls:
        return get_relative_url("index.html", ctx.page.url)
    href = get_relative_url("", ctx.page.url)
    return href if href.endswith("/") else href + "/"


def _edit_part(ctx: PageContext) -> MetaPart | None:
    params = ctx.params
    url = params.text("editPost.URL").strip()
    if not url or params.flag("editPost.disabled"):
        return None
    if params.flag("editPost.appendFilePath"):
        url = url.rstrip("/") + "/" + ctx.page.file.src_uri
    text = params.text("editPost.Text").strip() or ctx.labels("edit")
    return MetaPart("edit", text, href=url, after_bar=True)


def _canonical_part(ctx: PageContext) -> MetaPart | None:
    target = ctx.params.text("canonicalURL").strip()
    if not target or not ctx.params.flag("ShowCanonicalLink"):
        return None
    host = urlsplit(target).netloc or target
    return MetaPart(
        "canonical", ctx.labels("originally_published", host=host), href=target, after_bar=True
    )


def meta_parts(ctx: PageContext) -> list[MetaPart]:
    """The meta line's spans in PaperMod's order; empty when ``hideMeta`` is set.

    Worked out once per page (after the reading time is measured): the header and the
    post's list entry both ask for it. Callers must not change the list.
    """
    if ctx.meta_line is None:
        ctx.meta_line = _meta_parts(ctx)
    return ctx.meta_line


def _meta_parts(ctx: PageContext) -> list[MetaPart]:
    params = ctx.params
    if params.flag("hideMeta"):
        return []
    parts: list[MetaPart] = []
    elsewhere = ctx.elsewhere
    moment = params.date("date")
    if moment is not None and not elsewhere.shows("date"):
        text = dates.format_date(moment, ctx.site.date_format, ctx.labels.months)
        parts.append(MetaPart("date", text, attrs={"datetime": moment.isoformat()}))
    reading = ctx.reading
    if params.flag("ShowReadingTime") and reading is not None and not elsewhere.shows(
        "reading-time"
    ):
        minutes = reading["minutes"]
        parts.append(
            MetaPart(
                "reading-time",
                ctx.labels("reading_time", minutes=minutes),
                attrs={"data-minutes": str(minutes)},
            )
        )
    if params.flag("ShowWordCount") and reading is not None:
        words = reading["words"]
        key = "word_count_one" if words == 1 else "word_count"
        parts.append(
            MetaPart("word-count", ctx.labels(key, words=words), attrs={"data-words": str(words)})
        )
    # Authors the blog plugin shows are left to it; the others stay here.
    authors = [a for a in params.texts("author") if a.strip().casefold() not in elsewhere.authors]
    if authors and not params.flag("hideAuthor"):
        parts.append(MetaPart("author", ", ".join(a.strip() for a in authors)))
    for extra in (_edit_part(ctx), _canonical_part(ctx)):
        if extra is not None:
            parts.append(extra)
    return parts


def title_outline(
    ctx: PageContext, html: str, slug: headings.Slug | None
) -> headings.Outline:
    """The content's outline, its leading ``<h1>`` counted as the page's title only when it is
    the title: no front-matter title, or one it repeats.

    Hugo always shows the front-matter title, and a content ``# heading`` that says something
    else stays a heading of the post (in its table of contents too).
    """
    outline = headings.outline(html, slug)
    if outline.h1_end and not _repeats_title(ctx, outline.html[: outline.h1_end]):
        outline.h1_end = 0
    return outline


def _repeats_title(ctx: PageContext, h1_html: str) -> bool:
    title = ctx.params.text("title").strip()
    if not title or ctx.data.front.format is None:
        return True  # no title of its own: the content's h1 is the page's title
    start = h1_html.find(">", h1_html.lower().find("<h1")) + 1
    end = h1_html.lower().rfind("</h1")
    said = headings.heading_text(h1_html[start:end])
    return " ".join(said.split()).casefold() == " ".join(title.split()).casefold()


def render(ctx: PageContext, *, own_h1: bool) -> str:
    """The ``hm-header`` block, or "" when the header is off or has nothing to show."""
    if not ctx.options.header.enabled:
        return ""
    params = ctx.params
    reason = unpublished_reason(params)
    # A page without Hugo front matter keeps its theme's title handling (Material adds one).
    wants_title = not own_h1 and ctx.data.front.format is not None
    values: dict[str, Any] = {
        "crumbs": breadcrumbs(ctx)
        if params.flag("ShowBreadCrumbs") and not ctx.elsewhere.shows("breadcrumbs")
        else [],
        "title": ctx.title if wants_title else "",
        "draft": reason,
        "description": params.text("description").strip(),
        "parts": meta_parts(ctx),
    }
    if not any(values.values()):
        return ""
    return ctx.render("header.html", **values)
