"""Pages at the URLs Hugo gave them: each page's ``File`` gets Hugo's destination and URL in
``on_files``, before the nav exists, so the nav, search, sitemap, previous/next, redirects,
``ref`` links and ``page.canonical_url`` all follow.

Left alone: the home page (``index.md``, ``README.md``), section pages (``_index.md``, whose
URLs belong to the list pages) and pages another plugin generated.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import quote

from mkdocs.structure.files import File, Files, InclusionLevel

from ..config import HugoMetaConfig
from ..context import SiteContext
from ..source import reuse, urls
from ..source.page import PageData


def rules_for(
    options: HugoMetaConfig, use_directory_urls: bool, report: Callable[[str], None]
) -> urls.UrlRules:
    """The site's URL settings from the plugin's options (Hugo's names)."""
    ugly, ugly_sections = urls.ugly_setting(options.uglyURLs, report)
    return urls.UrlRules(
        permalinks=urls.permalink_patterns(options.permalinks, "page", report),
        # Without directory URLs every page is a file, which is Hugo's uglyURLs form.
        ugly=ugly or not use_directory_urls,
        ugly_sections={} if not use_directory_urls else ugly_sections,
        lower=not options.disablePathToLower,
    )


def is_placed(file: File) -> bool:
    """Whether the page at ``file`` gets Hugo's URL (``index.md`` only lower down, where it is
    a leaf bundle that Hugo serves at its folder's URL)."""
    name = file.src_uri.rsplit("/", 1)[-1]
    if file.generated_by is not None or name in ("README.md", "_index.md"):
        return False
    return file.src_uri != "index.md"


def facts_of(data: PageData, index_dirs: set[str]) -> urls.PageFacts:
    """What the page's URL depends on, from its checked front matter."""
    front = {str(k).lower(): v for k, v in data.front.data.items()}

    def text_of(key: str) -> str:
        value = front.get(key)
        # Hugo trims the value: "  my slug " is "my-slug", not "-my-slug".
        return str(value).strip() if isinstance(value, (str, int, float)) else ""

    return urls.PageFacts(
        src_uri=data.src_uri,
        sections=urls.sections_of(data.src_uri, index_dirs),
        title=data.params.text("title"),
        slug=text_of("slug") or data.filename_slug,
        url=text_of("url"),
        date=data.params.date("date"),
    )


def destination(path: str, use_directory_urls: bool) -> tuple[str, str]:
    """``dest_uri`` and ``url`` of a page served at ``path`` (``posts/x/`` or ``posts/x.html``)."""
    if path.endswith("/"):
        dest = path + "index.html"
        return dest, quote(path if use_directory_urls else dest)
    return path, quote(path)


@dataclass
class _Taken:
    """Output paths in use, and every folder they need, so no page lands on a file, a folder
    or another page (a file where a folder must be would stop the build)."""

    owners: dict[str, str] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)

    def add(self, dest: str, src_uri: str) -> None:
        self.owners.setdefault(dest, src_uri)
        parts = dest.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            self.folders.setdefault("/".join(parts[:depth]), src_uri)

    def owner(self, dest: str) -> str | None:
        """Who holds ``dest``, one of its folders, or a file beneath it."""
        found = self.owners.get(dest) or self.folders.get(dest)
        if found:
            return found
        parts = dest.split("/")[:-1]
        return next(
            (self.owners["/".join(parts[:d])] for d in range(1, len(parts) + 1)
             if "/".join(parts[:d]) in self.owners),
            None,
        )


class _Input(NamedTuple):
    src_uri: str
    dest_uri: str
    url: str
    """MkDocs' URL of the file."""
    place: str | None
    """Hugo's path of the page; ``None`` for a file that stays where MkDocs put it."""


@dataclass
class Kept:
    """Under ``mkdocs serve``: what the last build placed, for the next one to reuse.

    A page's place is a function of its front matter (the ``FrontMatter`` object that
    ``source.reuse`` keeps while the file is unchanged, compared by identity), its ``src_uri``
    and the site's settings; the outcome for the whole site (who moves where, whose URL is
    taken) is a function of every file's ``src_uri``, MkDocs' ``dest_uri`` and place. When
    these are what they were, the last build's outcome is applied again without working it out.
    """

    settings: tuple[object, ...] = ()
    placed: dict[str, tuple[object, urls.Placed]] = field(default_factory=dict)
    """``src_uri`` → (the front matter it was placed from, where)."""
    inputs: list[_Input] | None = None
    """Every file, in order."""
    moves: list[tuple[str, str, str]] = field(default_factory=list)
    """``(src_uri, dest_uri, url)`` of every page that moved."""
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    """``(src_uri, message)`` for every page whose URL was taken."""

    def start(self, settings: tuple[object, ...]) -> None:
        """Forget everything when the settings changed."""
        if settings != self.settings:
            self.settings, self.placed, self.inputs = settings, {}, None


def place_pages(
    files: Files,
    pages: Mapping[str, PageData],
    rules: urls.UrlRules,
    use_directory_urls: bool,
    kept: Kept | None = None,
) -> dict[str, str]:
    """Give every page its Hugo URL; return ``{src_uri: url}`` of the pages that moved.

    A page whose URL another file already has keeps MkDocs' URL, with a warning naming both.
    ``kept`` (under ``mkdocs serve``) carries what one build worked out to the next.
    """
    index_dirs = {posixpath.dirname(f.src_uri) for f in files if f.src_uri.endswith("_index.md")}
    kept = kept or Kept()
    kept.start((rules, use_directory_urls, frozenset(index_dirs)))
    inputs: list[_Input] = []
    for file in files:
        data = pages.get(file.src_uri)
        if data is None or not file.is_documentation_page() or not is_placed(file):
            inputs.append(_Input(file.src_uri, file.dest_uri, file.url, None))
            continue
        placed = reuse.by_front_matter(
            kept.placed, data, lambda page: urls.place(facts_of(page, index_dirs), rules)
        )
        for key, message in placed.problems:
            data.warn(message, key=key)
        inputs.append(_Input(file.src_uri, file.dest_uri, file.url, placed.path))
    if inputs != kept.inputs:
        kept.inputs = inputs
        kept.moves, kept.conflicts = _outcome(inputs, use_directory_urls)
    for src_uri, message in kept.conflicts:
        pages[src_uri].warn(message)
    moved: dict[str, str] = {}
    for src_uri, dest, url in kept.moves:
        _move(files.src_uris[src_uri], dest, url)
        moved[src_uri] = url
    return moved


def _outcome(
    inputs: list[_Input], use_directory_urls: bool
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Who moves where, and whose URL is taken: files left where they are come first, then
    the pages in order, each taking its URL unless someone holds it already."""
    taken = _Taken()
    for src_uri, dest_uri, _, path in inputs:
        if path is None:
            taken.add(dest_uri, src_uri)
    moves: list[tuple[str, str, str]] = []
    conflicts: list[tuple[str, str]] = []
    for src_uri, dest_uri, mkdocs_url, path in inputs:
        if path is None:
            continue
        dest, url = destination(path, use_directory_urls)
        owner = taken.owner(dest)
        if owner is not None:
            conflicts.append((src_uri, f"its URL /{path} is taken by {owner}; "
                                       f"it keeps the URL /{mkdocs_url}"))  # fmt: skip
            taken.add(dest_uri, src_uri)
            continue
        taken.add(dest, src_uri)
        if dest != dest_uri or url != mkdocs_url:
            moves.append((src_uri, dest, url))
    return moves, conflicts


def _move(file: File, dest: str, url: str) -> None:
    file.dest_uri = dest
    file.url = url
    # Derived from dest_uri and cached on first use; dropped in case anyone asked already.
    file.__dict__.pop("abs_dest_path", None)


def url_index(files: Iterable[File]) -> dict[str, str]:
    """Every file of the built site by its site path (``posts/x`` for ``posts/x/index.html``):
    where a site-absolute link in content finds its target's source."""
    index: dict[str, str] = {}
    for file in files:
        if file.inclusion == InclusionLevel.EXCLUDED:
            continue  # drafts stay: `mkdocs serve` renders them, and MkDocs notes such links
        index.setdefault(site_key(file.dest_uri), file.src_uri)
    return index


def site_key(path: str) -> str:
    """A site path as ``url_index`` keys it: no leading or trailing slash, no ``index.html``."""
    path = path.strip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path.rstrip("/")


def apply(
    files: Files, pages: Mapping[str, PageData], site: SiteContext, kept: Kept | None = None
) -> None:
    """Hugo's URLs for the site's pages, unless ``hugo_urls`` is off; ``kept`` under
    ``mkdocs serve``."""
    config, options = site.config, site.options
    if options.hugo_urls:

        def report(message: str) -> None:
            site.warn_config_once(message, f"plugins.hugo-meta.{message}")

        rules = rules_for(options, config.use_directory_urls, report)
        place_pages(files, pages, rules, config.use_directory_urls, kept)


def index_links(files: Files, site: SiteContext) -> None:
    """The index that site-absolute links in content are resolved against."""
    site.links = url_index(files)
