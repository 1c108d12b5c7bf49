"""The ``hugo-meta`` MkDocs plugin: routes MkDocs events to the feature modules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .alongside import material_blog, neighbours
from .config import HugoMetaConfig
from .context import PageContext, SiteContext
from .diagnostics import failed, guarded
from .lists import Lists, rebuild
from .markdown.preprocessor import uses_goldmark
from .markdown.recommended import report_missing
from .markup import edits
from .render import assets, cover, footer, head_tags, header, headings, readtime, slots, toc
from .render.labels import Labels, theme_locale
from .render.templates import PACKAGE_TEMPLATES, Templates
from .shortcodes import extension, site_templates, video
from .site import aliases, drafts, hljs, placement, search_index, static, template_lookups
from .source import dates, reuse
from .source import page as page_source
from .source.params import PageParams

if TYPE_CHECKING:  # only named in a signature; importing it costs a build ~13 ms
    from mkdocs.livereload import LiveReloadServer

SITE = "mkdocs.yml"
"""What a failing site-wide step is reported against."""


class HugoMetaPlugin(BasePlugin[HugoMetaConfig]):
    """Honour Hugo/PaperMod front matter on any MkDocs theme."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.dirty = False
        # What one `mkdocs serve` build hands the next, reused where its inputs are unchanged.
        self.kept_urls = placement.Kept()
        self.kept_lists = rebuild.Kept()
        self.kept_drafts = drafts.Kept()
        self._reset()

    def _reset(self) -> None:
        # Everything derived from one build; rebuilt from scratch on every `mkdocs serve` reload.
        previous: material_blog.Handover | None = getattr(self, "handover", None)
        if previous is not None:  # a build that stopped before on_nav
            previous.restore()
        self.handover = material_blog.Handover()
        self.site: SiteContext | None = None
        self.pages: dict[str, page_source.PageData] = {}
        self.contexts: dict[str, PageContext] = {}
        self.site_params: dict[str, Any] = {}
        self.markdown_ext: extension.HugoMarkdownExtension | None = None
        self.lists: Lists | None = None
        self.chains = dates.Chains()
        self.static_roots: list[Path] = []

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._reset()
        if not self.config.enabled:
            return None
        tz = dates.zone(self.config.timezone)
        self.site_params = page_source.read_site_params(self.config.params, tz)
        # Lowest precedence, so a template of the same name in the user's custom_dir wins.
        config.theme.dirs.append(str(PACKAGE_TEMPLATES))
        labels = Labels(theme_locale(config.theme), self.config.labels)
        self.site = SiteContext(
            config,
            self.config,
            Templates(config.theme.dirs),
            labels,
            serving=self.serving,
            dirty=self.dirty,
            pages=self.pages,
            shortcodes=site_templates.for_site(
                list(config.theme.dirs),
                Path(config.config_file_path or ".").parent,
                self.config.shortcodes_dir,
                dict(self.config.shortcodes),
            ),
        )
        self.site.params = PageParams({}, self.site_params)
        site = self.site
        self.chains = dates.chains_from(
            self.config.frontmatter,
            lambda message: site.warn_config_once(message, f"plugins.hugo-meta.{message}"),
        )
        assets.register(config)
        self.markdown_ext = extension.HugoMarkdownExtension(
            options=self.config.video, site=self.site
        )
        # MkDocs accepts Extension instances here although the option is typed as names.
        config.markdown_extensions.append(self.markdown_ext)  # type: ignore[arg-type]
        return config

    # Before other plugins (blog, tags, search) so they already see which pages are drafts.
    @event_priority(50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if self.site is None:
            return None
        tz = dates.zone(self.config.timezone)
        for file in files.documentation_pages():
            if file.inclusion.is_excluded():
                continue
            self.pages[file.src_uri] = self._read(file, tz)
        site, options = self.site, self.site.options.build
        kept_drafts = self.kept_drafts if self.serving else None
        guarded(SITE, "drafts",
                lambda: drafts.apply_inclusion(files, self.pages, options, kept=kept_drafts),
                None)  # fmt: skip
        if any(uses_goldmark(self.config, data) for data in self.pages.values()):
            extensions = config.markdown_extensions
            guarded(SITE, "extension report", lambda: report_missing(extensions), None)
        self.static_roots = guarded(SITE, "staticDir", lambda: static.add_for_site(files, site), [])
        kept_urls = self.kept_urls if self.serving else None
        guarded(SITE, "page URLs", lambda: placement.apply(files, self.pages, site, kept_urls),
                None)  # fmt: skip
        site.neighbours = guarded(SITE, "other plugins", lambda: neighbours.find(config),
                                  site.neighbours)  # fmt: skip
        # Material's blog plugin reads its posts in its own on_files, after this one.
        pages, near = self.pages, site.neighbours
        self.handover = guarded(SITE, "Material blog posts",
                                lambda: material_blog.hand_over(files, pages, near),
                                material_blog.Handover())  # fmt: skip
        pages, kept = self.pages, self.kept_lists if self.serving else None
        self.lists = guarded(SITE, "list pages", lambda: Lists.start(site, files, pages, kept),
                             None)  # fmt: skip
        # Last, so links may name list pages and feeds too.
        guarded(SITE, "absolute links", lambda: placement.index_links(files, site), None)
        assets.add_files(files, config)
        return files

    def _read(self, file: File, tz: tzinfo) -> page_source.PageData:
        try:
            # `mkdocs serve` keeps what it read: a rebuild reads only the files that changed.
            return reuse.read(file, self.site_params, tz, self.chains, keep=self.serving)
        except Exception as error:  # the fault barrier: the page builds as a plain page
            failed(file.src_uri, "front matter", error)
            return page_source.unread(file.src_uri, file.content_bytes, self.site_params)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        for root in self.static_roots:  # staticDir files are part of the site
            if root.is_dir():
                server.watch(str(root))
        return server

    # Last, so a draft that another plugin put into the nav is taken out too.
    @event_priority(-50)
    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        # The blog plugin has read its posts: every later reader sees the author's own file.
        self.handover.restore()
        if self.site is None:
            return None
        serving = self.site.serving
        return guarded(SITE, "drafts", lambda: drafts.prune_nav(nav, serving), nav)

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.site is None:
            return None
        guarded(SITE, "template lookups", lambda: template_lookups.speed_up(env), None)
        return env

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.lists is not None and self.lists.is_list(page):
            return self.lists.source_of(page)
        data = self.pages.get(page.file.src_uri)
        return data.source_for_mkdocs if data else None

    # First, so every other plugin's on_page_markdown sees the full page.meta.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.lists is not None and self.lists.is_list(page):
            self._prepare_list(page, files)
            return None
        data = self.pages.get(page.file.src_uri)
        if data is None or self.site is None:
            return None
        # Merged, so MultiMarkdown-style meta that MkDocs found in a plain page is kept.
        page.meta = {**page.meta, **guarded(data.src_uri, "page.meta", lambda: data.meta, {})}
        if data.is_hugo_page:
            site = self.site
            guarded(data.src_uri, "theme TOC", lambda: toc.adjust_page_meta(page, data, site), None)
        if self.markdown_ext is not None:
            self.markdown_ext.begin_page(data, files)
        data.share_body(markdown)
        return None

    def _prepare_list(self, page: Page, files: Files) -> None:
        lists = self.lists
        assert lists is not None
        src = page.file.src_uri
        source = guarded(src, "list page", lambda: lists.prepare(page), None)
        if self.markdown_ext is not None:
            self.markdown_ext.begin_page(source or page_source.unread(src, b"", {}), files)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        data = self.pages.get(page.file.src_uri)
        lists = self.lists
        if data is None or self.site is None or not data.is_hugo_page:
            if lists is not None and not lists.is_list(page):
                src = page.file.src_uri
                guarded(src, "list entry", lambda: lists.take_plain_page(page, html), None)
            return None
        ctx = PageContext(self.site, page, data)
        self.contexts[page.file.src_uri] = ctx
        src = data.src_uri
        # Measured before anything is added, so the figures describe the author's own text.
        ctx.reading = guarded(src, "reading time", lambda: readtime.measure(html, ctx), None)
        if material_blog.is_post(page):
            guarded(src, "Material blog post", lambda: material_blog.after_render(ctx), None)
        outline = guarded(
            src, "headings", lambda: header.title_outline(ctx, html, self._slug(ctx)),
            headings.Outline(html),
        )
        ctx.top = slots.join([
            guarded(src, "header", lambda: header.render(ctx, own_h1=outline.h1_end > 0), ""),
            guarded(src, "cover", lambda: cover.render(ctx, outline.body), ""),
            guarded(src, "table of contents", lambda: toc.render(outline, ctx), ""),
        ])
        if lists is not None:
            reason = drafts.unpublished_reason(data.params)
            guarded(src, "list entry", lambda: lists.take_post(ctx, html, reason), None)
        return slots.reserve_top(outline.html, outline.h1_end, ctx.top)

    def _slug(self, ctx: PageContext) -> headings.Slug | None:
        """The site's heading slug function when the page's TOC box lists its headings."""
        if not toc.wants_headings(ctx):
            return None
        return headings.slug_function(ctx.site.config.mdx_configs)

    # After the search plugins (default priority): they index page.content and sections from
    # page.toc, so our blocks go in, and the theme's TOC may be emptied, only now.
    @event_priority(-50)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> TemplateContext | None:
        if self.site is None:  # the plugin is off
            return None
        ctx = self.contexts.get(page.file.src_uri)
        src = page.file.src_uri
        lists = self.lists
        if lists is not None and lists.is_list(page):
            guarded(src, "list page", lambda: lists.fill(page), None)
        top = bottom = ""
        if ctx is not None:
            top = ctx.take_top()
            if lists is not None and ctx.data.front.data.get("layout") == "archives":
                top += guarded(src, "archive", lambda: lists.archive(ctx), "")
            bottom = guarded(src, "footer", lambda: footer.render(ctx), "")
            guarded(src, "theme TOC", lambda: toc.adjust_theme_toc(ctx, context), None)
        # A plain page (no front matter, no context) may hold a video too.
        script = guarded(src, "video script", lambda: video.script_tag(page), "")
        filled = slots.fill(page.content or "", top, [bottom, script])
        if ctx is None:
            page.content = filled
        else:
            ctx.fill(filled)
        return context

    # Last, so the one </head> splice sees what other plugins wrote into the page.
    @event_priority(-50)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.site is None:
            return None
        ctx = self.contexts.get(page.file.src_uri)
        src = page.file.src_uri
        none: list[edits.Edit] = []
        page_edits: list[edits.Edit] = []
        if ctx is not None:
            page_edits += guarded(src, "head tags", lambda: head_tags.tag_edits(output, ctx), none)
            if ctx.params.flag("disableHLJS"):
                found = guarded(src, "disableHLJS", lambda: list(hljs.page_edits(output)), none)
                page_edits += found
        lists = self.lists
        if lists is not None:
            page_edits += guarded(src, "feed link", lambda: lists.head_edits(output, page), none)
        finished = None
        if page_edits:
            finished = guarded(src, "page edits", lambda: edits.apply(output, page_edits), output)
        if ctx is not None:
            ctx.release()
        elif lists is not None:
            lists.release(page)
        return finished

    # After the search plugins (default priority) have written their index.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        hidden = {ctx.page.url for ctx in self.contexts.values() if ctx.params.flag("searchHidden")}
        guarded(SITE, "searchHidden", lambda: search_index.remove_pages(config.site_dir, hidden), 0)
        site, contexts = self.site, self.contexts.values()
        guarded(SITE, "aliases", lambda: aliases.write(contexts, site), None)
        lists = self.lists
        if lists is not None:
            guarded(SITE, "feeds", lambda: lists.write_feeds(config), None)
            guarded(SITE, "pagination", lambda: lists.write_first_page_redirects(config), None)
            guarded(SITE, "list pages", lists.built, None)
