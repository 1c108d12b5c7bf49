"""What every renderer gets about the page being built."""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from . import diagnostics
from .alongside.neighbours import NOTHING, Elsewhere, Neighbours

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import TableOfContents

    from .config import HugoMetaConfig
    from .render.cover import Image
    from .render.footer import TagsIndex
    from .render.header import MetaPart
    from .render.labels import Labels
    from .render.readtime import Reading
    from .render.templates import Templates
    from .shortcodes.site_templates import SiteShortcodes
    from .source.page import PageData
    from .source.params import PageParams


@dataclass
class SiteContext:
    """Per-build state shared by all pages (reset in ``on_config``)."""

    config: MkDocsConfig
    options: HugoMetaConfig
    templates: Templates
    labels: Labels
    serving: bool = False
    dirty: bool = False
    """``mkdocs serve --dirty``: a rebuild renders only the pages whose source changed."""
    """True under ``mkdocs serve``: drafts are shown with a badge instead of left out."""
    section_indexes: dict[int, Page | None] = field(default_factory=dict)
    """Each nav section's index page by the section's ``id``, found once per build."""
    tags_index: TagsIndex | None = None
    """Where tags link to, once ``tags_index_known``."""
    tags_index_known: bool = False
    warned: set[str] = field(default_factory=set)
    """Keys of the site-wide problems already reported (each is reported once per build)."""
    pages: dict[str, PageData] = field(default_factory=dict)
    """Every page's data by ``src_uri``, read once in ``on_files``."""
    shortcodes: SiteShortcodes | None = None
    """The site's own shortcode templates."""
    term_urls: dict[str, dict[str, str]] = field(default_factory=dict)
    """Taxonomy (``tags``) → term key (lower-cased) → URL of the term's generated page."""
    params: PageParams | None = None
    """The site-wide ``params`` alone (no page), for site-wide outputs such as list pages."""
    links: dict[str, str] = field(default_factory=dict)
    """Every file of the built site by its site path, for site-absolute links in content."""
    neighbours: Neighbours = field(default_factory=Neighbours)
    """Material's blog and tags plugins and the theme's own breadcrumbs, found in ``on_files``."""

    def warn_config_once(self, key: str, message: str) -> None:
        """Report a problem with the site's configuration (mkdocs.yml) once per build."""
        if key not in self.warned:
            self.warned.add(key)
            diagnostics.warn_site(message)

    @functools.cached_property
    def date_format(self) -> str:
        """The meta line's date layout: `header.date_format` when mkdocs.yml sets it, else
        PaperMod's `DateFormat` site param (keys are case-insensitive, as in Hugo), else the
        option's default."""
        header = self.options.header
        if "date_format" not in header.given:
            for key, value in self.options.params.items():
                if str(key).lower() != "dateformat" or value in ("", None):
                    continue
                if isinstance(value, str):
                    return value
                self.warn_config_once("dateformat", f"plugins.hugo-meta.params: '{key}' should "
                                      "be a date layout such as 2006-01-02; ignored")
        return header.date_format

    @property
    def site_url(self) -> str:
        """``site_url`` with a trailing slash, or "" when the site has none."""
        url = self.config.site_url or ""
        return url if not url or url.endswith("/") else url + "/"


@dataclass
class PageContext:
    """One page on its way through the renderers."""

    site: SiteContext
    page: Page
    data: PageData
    reading: Reading | None = None
    """Words, minutes and CJK mode, measured from the rendered content."""
    cover_image: Image | None = None
    """The page's cover, once ``cover_known``."""
    cover_known: bool = False
    description: tuple[str, bool] | None = None
    """The page description and whether its front matter set it, once worked out."""
    meta_line: list[MetaPart] | None = None
    """The meta line's spans, once worked out: the header and the list entry both show it."""
    top: str = ""
    """Header, banner and table of contents, put in after the search plugins read the page."""
    toc_entries: list[tuple[int, str, str]] = field(default_factory=list)
    """Level, id and text of the headings the box lists, for a theme sidebar MkDocs left empty
    (kept only there, and as plain tuples: every page's context lives until the build ends)."""
    filled: tuple[str, str] | None = None
    """``page.content`` before and after the blocks went in, until the page is written."""
    theme_toc: tuple[TableOfContents | None, TableOfContents] | None = None
    """``page.toc`` before and after the theme's TOC was changed, until the page is written."""

    def take_top(self) -> str:
        """The top blocks, let go of here: every page's context lives until the build ends."""
        top, self.top = self.top, ""
        return top

    def set_theme_toc(self, toc: TableOfContents) -> None:
        """Make ``toc`` the page's TOC for its template."""
        self.theme_toc = (self.page.toc, toc)
        self.page.toc = toc

    def fill(self, content: str) -> None:
        """Make ``content`` (the post with the blocks in) the page's content for its template."""
        self.filled = (self.page.content or "", content)
        self.page.content = content

    def release(self) -> None:
        """Once the page is written, let go of what only its own hooks needed: every page's
        context, and every page's ``page.content``, live until the build ends.

        ``page.content`` goes back to the post without the blocks, and ``page.toc`` to MkDocs'
        own, as the search plugins saw them (only the theme's template needed ours), unless
        another plugin changed them since.
        """
        if self.filled is not None:
            before, after = self.filled
            if self.page.content is after:
                self.page.content = before
            self.filled = None
        if self.theme_toc is not None:
            toc_before, toc_after = self.theme_toc
            if self.page.toc is toc_after and toc_before is not None:
                self.page.toc = toc_before
            self.theme_toc = None
        self.reading = self.cover_image = self.description = self.meta_line = None
        self.cover_known = False

    @property
    def params(self) -> PageParams:
        return self.data.params

    @property
    def options(self) -> HugoMetaConfig:
        return self.site.options

    @functools.cached_property
    def elsewhere(self) -> Elsewhere:
        """What the theme or another plugin already shows on this page (``step_aside``)."""
        if not self.options.step_aside:
            return NOTHING
        return self.site.neighbours.elsewhere(self.data)

    @property
    def labels(self) -> Labels:
        return self.site.labels

    @property
    def title(self) -> str:
        """The front-matter title, else the title MkDocs gives the page (as plain text)."""
        # MkDocs keeps HTML entities in a title taken from the rendered `# heading`.
        return self.params.text("title").strip() or html.unescape(str(self.page.title or ""))

    @functools.cached_property
    def absolute_url(self) -> str | None:
        """The page's absolute URL, or ``None`` when ``site_url`` is not set."""
        # Cached: head tags, share links and canonical URL all ask for it, and the page's URL
        # is settled before the page is rendered.
        base = self.site.site_url
        return urljoin(base, self.page.url) if base else None

    def render(self, template: str, **values: Any) -> str:
        """Render one of the plugin's templates with ``ctx`` (this context) available."""
        return self.site.templates.render(template, ctx=self, labels=self.labels, **values)

    def warn(self, message: str, key: str | None = None, line: int | None = None) -> None:
        self.data.warn(message, key=key, line=line)

