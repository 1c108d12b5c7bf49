"""Post footer: tags and categories, share links, previous/next links, then comments."""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import slugify as markdown_slugify
from markupsafe import Markup
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_markdown_title, normalize_url

from ..context import PageContext
from ..source.page import PageData
from . import comments, share


def render(ctx: PageContext) -> str:
    """``<footer class="hm-footer">`` (when it has anything to show), then the comments block."""
    parts: list[str] = []
    if ctx.options.footer.enabled:
        inner = [render_tags(ctx), share.render(ctx), render_post_nav(ctx)]
        if any(inner):
            parts.append(ctx.render("footer.html", parts=[Markup(p) for p in inner if p]))
    parts.append(comments.render(ctx))
    return "\n".join(part for part in parts if part)


# --- tags and categories -------------------------------------------------------------------


@dataclass(frozen=True)
class TagsIndex:
    """Where tags link to: a page (its ``page.url``) and how a tag becomes its anchor there."""

    urls: tuple[str, ...]
    anchor: Callable[[str], str]

    def href(self, page: Page, tag: str) -> str:
        # Like Material, prefer the listing page sharing the longest path with the page.
        target = max(self.urls, key=lambda url: len(_common(url, page.url)))
        return f"{normalize_url(target or '.', page=page)}#{self.anchor(tag)}"


@dataclass(frozen=True)
class TagLink:
    """A tag for ``tags.html``: ``href`` is "" when the site has no tags index."""

    name: str
    href: str


def render_tags(ctx: PageContext) -> str:
    elsewhere = ctx.elsewhere
    tags = [] if elsewhere.shows("tags") else ctx.params.texts("tags")
    categories = [] if elsewhere.shows("categories") else ctx.params.texts("categories")
    if not tags and not categories:
        return ""
    term_urls = ctx.site.term_urls.get("tags")
    if term_urls and not ctx.options.footer.tags_index:
        # The site's generated term pages (`/tags/go/`) come before Material's tags index.
        linked = [TagLink(t, _term_href(ctx.page, term_urls.get(t.strip().lower()))) for t in tags]
    else:
        index = tags_index(ctx)
        linked = [TagLink(t, index.href(ctx.page, t) if index else "") for t in tags]
    return ctx.render("tags.html", tags=linked, categories=categories)


def _term_href(page: Page, url: str | None) -> str:
    return "" if url is None else normalize_url(url or ".", page=page)


def tags_index(ctx: PageContext) -> TagsIndex | None:
    """The site's tags index, worked out once per build."""
    site = ctx.site
    if not site.tags_index_known:
        site.tags_index = _configured_index(ctx) or _material_index(ctx)
        site.tags_index_known = True
    return site.tags_index


def _configured_index(ctx: PageContext) -> TagsIndex | None:
    path = ctx.options.footer.tags_index
    if not path:
        return None
    config = ctx.site.config
    path = path.strip().lstrip("/")
    if not os.path.isfile(os.path.join(config.docs_dir, path)):
        ctx.site.warn_config_once(
            "footer:tags_index",
            f"plugins.hugo-meta.footer.tags_index: "
            f"'{path}' is not a file under docs/; tags are not linked",
        )
        return None
    toc_options: dict[str, Any] = config.mdx_configs.get("toc", {})
    slugify = toc_options.get("slugify", markdown_slugify)
    separator = str(toc_options.get("separator", "-"))
    # The same slug MkDocs gives a `## tag` heading on that page.
    return TagsIndex((_page_url(ctx, path),), lambda tag: str(slugify(tag, separator)))


def _material_index(ctx: PageContext) -> TagsIndex | None:
    plugin = _material_tags_plugin(ctx)
    if plugin is None:
        return None
    options = plugin.config
    if not options.get("tags", True) or not options.get("listings", True):
        return None
    directive = str(options.get("listings_directive") or "material/tags")
    listing_files = _files_with(ctx.site.config.docs_dir, directive)
    legacy = options.get("tags_file")
    if legacy and legacy not in listing_files:
        listing_files.append(str(legacy))
    if not listing_files:
        return None

    def anchor(tag: str) -> str:
        # Mirrors how the plugin names a tag's heading on its listing pages.
        slugify = options["tags_slugify"]
        separator = options["tags_slugify_separator"]
        hierarchy = options["tags_hierarchy_separator"]
        names = tag.split(hierarchy) if options["tags_hierarchy"] else [tag]
        slug = hierarchy.join(slugify(name, separator) for name in names)
        return str(options["tags_slugify_format"].format(slug=slug))

    return TagsIndex(tuple(_page_url(ctx, f) for f in listing_files), anchor)


def _material_tags_plugin(ctx: PageContext) -> Any:
    for plugin in ctx.site.config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.tags") and plugin.config.get(
            "enabled", True
        ):
            return plugin
    return None


def _files_with(docs_dir: str, directive: str) -> list[str]:
    """Markdown files under ``docs_dir`` holding a ``<!-- material/tags -->`` listing."""
    marker = re.compile(r"<!--\s*" + re.escape(directive), re.IGNORECASE)
    found: list[str] = []
    for root, dirs, names in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.endswith((".md", ".markdown")):
                continue
            full = os.path.join(root, name)
            try:
                with open(full, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
            except OSError:
                continue
            if marker.search(text):
                found.append(os.path.relpath(full, docs_dir).replace(os.sep, "/"))
    return found


def _page_url(ctx: PageContext, src_uri: str) -> str:
    config = ctx.site.config
    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).url


def _common(a: str, b: str) -> str:
    try:
        return posixpath.commonpath(["/" + a, "/" + b])
    except ValueError:
        return ""


# --- previous / next -------------------------------------------------------------------------


@dataclass(frozen=True)
class NavLink:
    """A previous or next page for ``post_nav.html``."""

    href: str
    title: str


def render_post_nav(ctx: PageContext) -> str:
    if not ctx.params.flag("ShowPostNavLinks"):
        return ""
    found = {
        "prev": neighbour(ctx.page, -1, ctx.site.serving),
        "next": neighbour(ctx.page, 1, ctx.site.serving),
    }
    links = {
        key: NavLink(
            normalize_url(other.url or ".", page=ctx.page), page_title(other, ctx.site.pages)
        )
        for key, other in found.items()
        if other is not None
    }
    if not links:
        return ""
    return ctx.render("post_nav.html", prev=links.get("prev"), next=links.get("next"))


def neighbour(page: Page, step: int, serving: bool) -> Page | None:
    """The nearest page before (``-1``) or after (``1``) in the nav that the build outputs."""
    other = page.previous_page if step < 0 else page.next_page
    while other is not None and not _built(other, serving):
        other = other.previous_page if step < 0 else other.next_page
    return other


def _built(page: Page, serving: bool) -> bool:
    # A draft stays in the nav but is only rendered by `mkdocs serve`.
    inclusion = page.file.inclusion
    return bool(inclusion.is_in_serve() if serving else inclusion.is_included())


def page_title(page: Page, pages: Mapping[str, PageData]) -> str:
    """A neighbour's title as plain text: a `nav:` title, its front-matter title, else the title
    MkDocs gives it.

    The next page has not been rendered yet, so its title comes from the front matter the
    plugin already read, or from its first Markdown heading.
    """
    explicit = vars(page).get("title")  # a title given in `nav:` wins, as in the theme's nav
    if explicit:
        return str(explicit)
    data = pages.get(page.file.src_uri)
    if data is not None and data.params.text("title").strip():
        return data.params.text("title").strip()
    if page.markdown is not None:
        # MkDocs keeps HTML entities in a title taken from the rendered `# heading`.
        return html.unescape(str(page.title or ""))
    title = get_markdown_title(data.front.body) if data is not None else None
    if title:
        return title
    if page.is_homepage:
        return "Home"
    name = page.file.name.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name

