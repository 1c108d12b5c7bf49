"""Hugo's list pages and feeds: section and home lists, taxonomies, the archive, RSS.

``Lists`` holds one build's state: the plan made in ``on_files``, one ``Entry`` per page taken
in ``on_page_content``, and the list pages' content filled in ``on_page_context``, once every
post has been rendered.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..markup.edits import Edit
from ..markup.text import escape_attr
from ..source.page import EMPTY_META_PREFIX, PageData, title_for_themes
from . import cards, entries, feeds, plan, rebuild
from .entries import Entry
from .structure import Shape, is_branch_index, section_of, top_section

if TYPE_CHECKING:
    from ..context import PageContext, SiteContext


class Lists:
    def __init__(
        self,
        site: SiteContext,
        the_plan: plan.Plan,
        entries: dict[str, Entry] | None = None,
        again: set[str] | None = None,
        *,
        has_archive: bool = True,
        kept: rebuild.Kept | None = None,
    ) -> None:
        self.site = site
        self.kept = kept
        """What this ``mkdocs serve`` build hands the next one."""
        self.plan = the_plan
        self.entries: dict[str, Entry] = {} if entries is None else entries
        """Each page's entry: taken as it is rendered (``--dirty``: the others' carried over)."""
        self.again = again or set()
        """Feeds a ``--dirty`` rebuild writes although they exist (``rebuild.affected``)."""
        self.ordered: dict[str, list[Entry]] = {}
        """Each list's posts in order, sorted once for all its pagination pages."""
        self.unfilled: dict[str, str] = {}
        """A list page's content before its cards went in, until the page is written."""
        # Every post's HTML is kept to the end of the build only when a feed carries it.
        wanted = site.params is not None and site.params.flag("ShowFullTextinRSS")
        self.full_text = wanted and bool(the_plan.feeds)
        self.takes_entries = bool(the_plan.lists or the_plan.feeds or has_archive)
        """Whether any list page, feed or archive reads the posts' entries (summaries and all):
        with every list kind disabled, nothing does, and they are not made."""

    @classmethod
    def start(
        cls,
        site: SiteContext,
        files: Files,
        pages: Mapping[str, PageData],
        kept: rebuild.Kept | None = None,
    ) -> Lists:
        """The lists of this build; ``kept`` carries what one ``mkdocs serve`` build worked
        out to the next."""
        options = site.options
        # Hugo's top-level `mainSections`, else the older `params.mainSections`.
        older = site.params.texts("mainSections") if site.params else []
        main_sections = options.mainSections or older

        def warn(key: str, message: str) -> None:
            site.warn_config_once(key, message)

        def make() -> plan.Plan:
            return plan.make(files, pages, config, options, main_sections, site.serving, warn,
                             site.neighbours.lists_section)  # fmt: skip

        config = site.config
        if kept is None:
            carried = rebuild.Carried(make(), {}, set())
        else:
            settings = (
                dict(options), site.params.site if site.params else None, main_sections,
                site.serving, config.site_name, config.site_url, config.use_directory_urls,
                config.site_dir, config.copyright, site.neighbours, site.labels.texts,
            )  # fmt: skip
            carried = rebuild.plan_for(
                kept, settings, files, pages, plan.included_pages(files, site.serving),
                plan.taxonomies_of(options).values(), site.dirty, make,
                lambda again: plan.add_again(again, files, pages),
            )  # fmt: skip
        made = carried.plan
        site.term_urls = {
            plural: {key: made.urls[src] for key, src in terms.items()}
            for plural, terms in made.term_pages.items()
        }
        has_archive = any(data.front.data.get("layout") == "archives" for data in pages.values())
        return cls(site, made, carried.entries, carried.again, has_archive=has_archive, kept=kept)

    # ------------------------------------------------------------------ list pages

    def is_list(self, page: Page) -> bool:
        return page.file.src_uri in self.plan.lists

    def source_of(self, page: Page) -> str | None:
        """The Markdown MkDocs renders for a list page: its ``_index.md`` body, if any."""
        listed = self.plan.lists.get(page.file.src_uri)
        if listed is None:
            return None
        body = listed.source.front.body if listed.source is not None else ""
        return EMPTY_META_PREFIX + body

    def prepare(self, page: Page) -> PageData | None:
        """Title the list page; the ``_index.md`` data its shortcodes render with."""
        listed = self.plan.lists[page.file.src_uri]
        page.meta = {**page.meta, "title": title_for_themes(listed.title)}
        return listed.source

    def fill(self, page: Page) -> None:
        """The list page's content, now that every post has been rendered."""
        listed = self.plan.lists[page.file.src_uri]
        before = page.content or ""
        intro = before if listed.number == 1 else ""
        page.content = cards.list_page(
            listed, page, self.plan, self.entries, self.plan.urls, self.site, intro, self.ordered
        )
        self.unfilled[page.file.src_uri] = before

    def release(self, page: Page) -> None:
        """Once the list page is written, its cards go: MkDocs keeps every page's content to the
        end of the build, and the search plugins indexed the page before it was filled."""
        before = self.unfilled.pop(page.file.src_uri, None)
        if before is not None:
            page.content = before

    # ------------------------------------------------------------------ posts

    def take_post(self, ctx: PageContext, html: str, draft: str | None) -> None:
        if not self.takes_entries or is_branch_index(ctx.data.src_uri):
            return
        keep = self.full_text
        taxonomies = list(self.plan.taxonomies.values())
        self.entries[ctx.data.src_uri] = entries.from_post(ctx, html, draft, taxonomies, keep)

    def take_plain_page(self, page: Page, html: str) -> None:
        src = page.file.src_uri
        if not self.takes_entries or src in self.plan.lists or is_branch_index(src):
            return
        keep = self.full_text
        title = str(page.title or "")
        self.entries[src] = entries.from_plain_page(src, page.url, title, html, self.site, keep)

    def archive(self, ctx: PageContext) -> str:
        """The archive under a page with ``layout: archives``."""
        shape = self.plan.shape
        show_all = self.site.params is not None and self.site.params.flag("ShowAllPagesInArchive")
        chosen = []
        for entry in self.entries.values():
            if entry.src_uri in self.plan.lists or entry.layout in ("archives", "search"):
                continue
            if show_all or _in_main(entry.src_uri, shape):
                chosen.append(entry)
        return cards.archive(ctx.page, chosen, self.site, self.site.labels.months)

    # ------------------------------------------------------------------ feeds

    def head_edits(self, output: str, page: Page) -> list[Edit]:
        """Insert the feed link before ``</head>``."""
        link = self.head_link(page)
        end = output.find("</head>") if link else -1
        return [Edit(end, end, link)] if end >= 0 else []

    def head_link(self, page: Page) -> str:
        listed = self.plan.lists.get(page.file.src_uri)
        path = listed.feed if listed is not None and listed.feed else self.plan.home_feed
        if path is None:
            return ""
        href = get_relative_url(path, page.url)
        title = escape_attr(self.site.config.site_name)
        return (f'<link rel="alternate" type="application/rss+xml" href="{escape_attr(href)}" '
                f'title="{title}">\n')  # fmt: skip

    def write_feeds(self, config: MkDocsConfig) -> None:
        site_url = self.site.site_url or "/"
        language = self.site.labels.language or "en"
        for path, listed in self.plan.feeds.items():
            if self.site.dirty and path not in self.again and Path(config.site_dir, path).is_file():
                continue  # nothing it shows changed (`rebuild`): keep the feed
            xml = feeds.render(
                listed, path, self.plan, self.entries,
                site_name=config.site_name, site_url=site_url, language=language,
                copyright_text=config.copyright or "", page_url=self.plan.urls[listed.src_uri],
                limit=self.site.options.rssLimit, full_text=self.full_text,
            )  # fmt: skip
            feeds.write(config.site_dir, path, xml)

    def built(self) -> None:
        """The build is complete (``rebuild.built``)."""
        if self.kept is not None:
            rebuild.built(self.kept)

    def write_first_page_redirects(self, config: MkDocsConfig) -> None:
        """``/posts/page/1/`` sends the reader to ``/posts/``, as Hugo's does."""
        site_dir = Path(config.site_dir)
        path = self.site.options.pagination.path.strip("/") or "page"
        for listed in self.plan.lists.values():
            # Hugo writes it for every paginated list, even one of a single page.
            if listed.number != 1 or listed.kind == "taxonomy":
                continue
            url = self.plan.urls[listed.src_uri]
            folder = posixpath.dirname(listed.src_uri)
            target = site_dir / folder / path / "1" / "index.html"
            if target.exists():
                continue
            href = get_relative_url(url, posixpath.join(folder, path, "1") + "/")
            html = self.site.templates.render(
                "alias.html", labels=self.site.labels, url=href or "./", title=listed.title,
                lang=self.site.labels.language,
            )  # fmt: skip
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html + "\n", encoding="utf-8")


def _in_main(src_uri: str, shape: Shape) -> bool:
    return top_section(section_of(src_uri, shape.branches)) in shape.main_sections
