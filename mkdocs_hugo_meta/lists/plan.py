"""Which list pages the site gets, at which URLs, added as files MkDocs renders with the theme.

Hugo's list kinds: the home page, each section, each taxonomy (``/tags/``) and each of its
terms (``/tags/go/``), the lists paginated at ``/posts/page/2/``, each with an RSS feed beside
it (``index.xml``). ``disableKinds`` switches any kind off; a page of the user's own at the
same URL always wins.
"""

from __future__ import annotations

import math
import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .. import diagnostics
from ..config import HugoMetaConfig
from ..source.page import PageData
from . import structure
from .structure import HOME, INDEX, Shape

KINDS = ("home", "section", "taxonomy", "term", "rss")
"""What ``disableKinds`` may switch off (case-insensitive, as in Hugo)."""

DEFAULT_PAGER_SIZE = 10
DEFAULT_TAXONOMIES = {"tag": "tags", "category": "categories"}


class ListFile(File):
    """A generated list page's file.

    MkDocs counts a file without a source as changed on every ``mkdocs serve --dirty``
    rebuild, which would render every list page after each edit of one post. A list page is
    rebuilt there only when its output is missing or what it lists changed (``again``, see
    ``rebuild``): an edit to a post's body alone leaves the lists as they are, and they catch
    up with it on the next full build, like the nav.
    """

    again = False
    """Set when a ``--dirty`` rebuild must render the page although its output exists."""
    present = False
    """Known to be in the output: the last complete build of this ``mkdocs serve`` left it at
    the same path (``rebuild.Kept.written``), so MkDocs' two calls per build need no stat."""

    def is_modified(self) -> bool:
        return self.again or not (self.present or os.path.isfile(self.abs_dest_path))

    def copy(self) -> ListFile:
        """A new file like this one, for another build. MkDocs caches ``dest_uri``, ``url`` and
        ``name`` in the instance, so the copy has them without working them out again."""
        copied = object.__new__(ListFile)
        copied.__dict__.update(self.__dict__)
        return copied


@dataclass
class ListPage:
    """One generated list page (each page of a paginated list is one)."""

    kind: str
    """``home``, ``section``, ``taxonomy`` or ``term``."""
    key: str
    """The section (``posts``), taxonomy (``tags``) or term (``tags/go``) it lists."""
    title: str
    src_uri: str
    members: list[str]
    """The ``src_uri`` of every page the whole list holds (all its pagination pages)."""
    number: int = 1
    pages: list[str] = field(default_factory=list)
    """The ``src_uri`` of each of the list's pagination pages, first page first."""
    source: PageData | None = None
    """The section's ``_index.md``: title, description and content (first page only)."""
    feed: str | None = None
    """Path of the list's feed under the site root, when it has one."""
    subsections: list[str] = field(default_factory=list)


@dataclass
class Plan:
    shape: Shape
    lists: dict[str, ListPage]
    """Every generated page by ``src_uri``."""
    feeds: dict[str, ListPage]
    """The first page of each list with a feed, by feed path."""
    taxonomies: dict[str, str]
    """singular → plural, as configured."""
    urls: dict[str, str] = field(default_factory=dict)
    """Each generated page's URL by ``src_uri``."""
    term_pages: dict[str, dict[str, str]] = field(default_factory=dict)
    """plural → term key → ``src_uri`` of the term's page: where tags link to."""
    pager_size: int = 10
    added: list[ListFile] = field(default_factory=list)
    """The files ``make`` added, in order, as made (never handed to MkDocs, which sets a built
    file's ``page``): ``add_again`` adds a copy of each."""
    notes: list[str] = field(default_factory=list)
    """What ``make`` told the user (a list page left out for a page of the site's own)."""

    @property
    def home_feed(self) -> str | None:
        return "index.xml" if "index.xml" in self.feeds else None


def disabled_kinds(options: HugoMetaConfig, warn: Callable[[str, str], None]) -> set[str]:
    kinds = set()
    for kind in options.disableKinds:
        lowered = kind.strip().lower()
        if lowered in KINDS:
            kinds.add(lowered)
        elif lowered not in ("page", "sitemap", "robotstxt", "404"):
            warn(f"kind:{lowered}", f"plugins.hugo-meta.disableKinds: unknown kind '{kind}' "
                 f"(known: {', '.join(KINDS)}); ignored")  # fmt: skip
    return kinds


def taxonomies_of(options: HugoMetaConfig) -> dict[str, str]:
    configured = options.taxonomies
    return dict(DEFAULT_TAXONOMIES if configured is None else configured)


def pager_size(options: HugoMetaConfig) -> int:
    size = options.pagination.pagerSize
    if size is None:
        size = options.paginate if options.paginate is not None else DEFAULT_PAGER_SIZE
    return max(size, 1)


def included_pages(files: Files, serving: bool) -> list[str]:
    """The pages the build renders (``src_uri``), drafts too under ``mkdocs serve``."""
    inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
    return [f.src_uri for f in files.documentation_pages(inclusion=inclusion)]


def make(
    files: Files,
    pages: Mapping[str, PageData],
    config: MkDocsConfig,
    options: HugoMetaConfig,
    main_sections: list[str] | None,
    serving: bool,
    warn: Callable[[str, str], None],
    listed_elsewhere: Callable[[str], bool] = lambda section: False,
) -> Plan:
    """Work out the list pages and add their files to ``files``.

    ``listed_elsewhere(section)`` is true for a section another plugin lists (Material's blog:
    its index and views are the lists there), which gets no list page of ours.
    """
    included = included_pages(files, serving)
    taxonomies = taxonomies_of(options)
    off = disabled_kinds(options, warn)
    lower = not options.disablePathToLower
    shape = structure.shape(pages, included, main_sections, taxonomies.values(), lower)
    plan = Plan(shape, {}, {}, taxonomies, pager_size=pager_size(options))
    if not shape.hugo_sections:
        return plan  # a docs site without Hugo content: no lists, no feeds
    _mark_main_sections(shape, pages)
    taken = {f.url for f in files if f.is_documentation_page()}
    _remove_branch_indexes(shape, files)
    path = options.pagination.path.strip("/") or "page"
    adder = _Adder(files, config, taken, plan, off, path)
    home_members = [
        src for section, members in shape.sections.items() if section
        and structure.top_section(section) in shape.main_sections for src in members
    ]  # fmt: skip
    if "home" not in off and not listed_elsewhere(HOME):
        adder.add("home", HOME, config.site_name, INDEX, home_members,
                  shape.branch_index.get(HOME), pages)  # fmt: skip
    if "section" not in off:
        for section in sorted(shape.hugo_sections):
            if section == HOME or listed_elsewhere(section):
                continue
            title = structure.list_title(section)
            adder.add("section", section, title, f"{section}/{INDEX}", shape.sections[section],
                      shape.branch_index.get(section), pages,
                      subsections=shape.subsections(section))  # fmt: skip
    for plural, terms in shape.taxonomies.items():
        if not terms:
            continue
        if "taxonomy" not in off:
            added = adder.add("taxonomy", plural, structure.title_case(plural),
                              f"{plural}/{INDEX}", [], None, pages)  # fmt: skip
            if not added:
                continue  # the site's own index of this taxonomy (Material's tags page) wins
        if "term" in off:
            continue
        linked = plan.term_pages.setdefault(plural, {})
        for term in terms.values():
            src = f"{plural}/{term.path}/{INDEX}"
            if adder.add("term", f"{plural}/{term.path}", term.title, src, term.members, None,
                         pages, in_nav=False):  # fmt: skip
                linked[term.key] = src
    return plan


def add_again(plan: Plan, files: Files, pages: Mapping[str, PageData]) -> None:
    """Do to this build's ``files`` and ``pages`` what ``make`` did when it made ``plan`` (under
    ``mkdocs serve``, when nothing the plan depends on has changed since)."""
    if not plan.shape.hugo_sections:
        return
    _mark_main_sections(plan.shape, pages)
    _remove_branch_indexes(plan.shape, files)
    for made in plan.added:
        files.append(made.copy())
    for note in plan.notes:
        diagnostics.info(note)
    for listed in plan.lists.values():
        if listed.source is not None:  # this build's `_index.md`
            listed.source = pages.get(listed.source.src_uri)


def _mark_main_sections(shape: Shape, pages: Mapping[str, PageData]) -> None:
    for section, members in shape.sections.items():
        main = bool(section) and structure.top_section(section) in shape.main_sections
        for src in members:
            data = pages.get(src)
            if data is not None:
                data.in_main_section = main


def _remove_branch_indexes(shape: Shape, files: Files) -> None:
    # Section `_index.md` files become their list page: MkDocs does not render them itself.
    for src in shape.branch_index.values():
        file = files.get_file_from_path(src)
        if file is not None:
            files.remove(file)


class _Adder:
    def __init__(
        self,
        files: Files,
        config: MkDocsConfig,
        taken: set[str],
        plan: Plan,
        off: set[str],
        path: str,
    ) -> None:
        self.files, self.config, self.taken, self.plan = files, config, taken, plan
        self.off, self.path = off, path

    def add(
        self,
        kind: str,
        key: str,
        title: str,
        src_uri: str,
        members: list[str],
        index_src: str | None,
        pages: Mapping[str, PageData],
        subsections: list[str] | None = None,
        in_nav: bool = True,
    ) -> bool:
        """Add the list's pages; False when a page of the site's own is at its URL."""
        level = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
        if self._file(src_uri, level) is None:
            if kind == "home" and "rss" not in self.off:
                # The site's own home page keeps the site's feed: readers follow /index.xml.
                self.plan.feeds["index.xml"] = ListPage(kind, key, title, src_uri, members)
                self.plan.urls.setdefault(src_uri, "")
            return False
        source = pages.get(index_src) if index_src else None
        if source is not None and source.params.text("title").strip():
            title = source.params.text("title").strip()
        count = max(1, math.ceil(len(members) / self.plan.pager_size)) if kind != "taxonomy" else 1
        folder = posixpath.dirname(src_uri)
        srcs = [src_uri] + [
            posixpath.join(folder, self.path, str(number), INDEX) for number in range(2, count + 1)
        ]
        feed = None
        if "rss" not in self.off and kind != "taxonomy":
            feed = posixpath.join(folder, "index.xml")
        lists: list[ListPage] = []
        for number, src in enumerate(srcs, start=1):
            if number > 1 and self._file(src, InclusionLevel.NOT_IN_NAV) is None:
                break
            lists.append(ListPage(kind, key, title, src, members, number, srcs,
                                  source if number == 1 else None, feed,
                                  subsections or []))  # fmt: skip
        for listed in lists:
            listed.pages = srcs[: len(lists)]
            self.plan.lists[listed.src_uri] = listed
        if feed is not None:
            self.plan.feeds[feed] = lists[0]
        return True

    def _file(self, src_uri: str, inclusion: InclusionLevel) -> File | None:
        file = ListFile.generated(self.config, src_uri, content="", inclusion=inclusion)
        assert isinstance(file, ListFile)  # typed as File, made as the class it is called on
        if self.files.get_file_from_path(src_uri) is not None or file.url in self.taken:
            where = "/" + file.url.removeprefix("./")
            note = (f"{src_uri}: a page of the site's own is at {where}; "
                    "the generated list page is not added")  # fmt: skip
            diagnostics.info(note)
            self.plan.notes.append(note)
            return None
        self.taken.add(file.url)  # the URL worked out before the copy, so the copy has it too
        self.plan.added.append(file.copy())
        self.files.append(file)
        self.plan.urls[src_uri] = file.url
        return file
