"""Each page's source read once: its front matter, validated flags and resolved params."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from .. import diagnostics
from ..markup import text
from . import dates, frontmatter, params

# MkDocs' own reader gets this empty YAML block in front of the body, so it neither parses the
# front matter a second time nor mistakes a body line like "Note: x" for MultiMarkdown meta.
EMPTY_META_PREFIX = "---\n{}\n---\n"


def title_for_themes(title: str) -> str:
    """The front-matter title as the HTML that MkDocs' themes print for ``page.title``.

    A Hugo title is plain text, but themes print ``page.title`` unescaped (MkDocs' own titles
    from headings are HTML), so it is escaped here. A title that closes tags is markup, not
    text ("</title><script>…"): its tags are removed first, because Material strips tags and
    unescapes the rest inside ``<title>``.
    """
    if "</" in title:
        title = text.strip_tags(title)
    return text.escape_text(title)


PRINTED_RAW = ("description", "author", "keywords")
"""``page.meta`` keys that themes print into ``<meta content="…">`` unescaped (Material does):
handed to them escaped, as the title is."""


def _escaped(value: Any, done: dict[int, Any] | None = None) -> Any:
    """``value`` with every string in it escaped for an HTML attribute.

    ``done`` holds each list and mapping already escaped, by identity: YAML aliases share one
    value many times (an alias bomb), and each is escaped once.
    """
    if isinstance(value, str):
        return text.escape_attr(value)
    if not isinstance(value, (list, tuple, dict)):
        return value
    done = {} if done is None else done
    if id(value) in done:
        return done[id(value)]
    escaped: Any
    if isinstance(value, dict):
        escaped = done[id(value)] = {}
        escaped.update((key, _escaped(item, done)) for key, item in value.items())
    else:
        escaped = done[id(value)] = []
        escaped.extend(_escaped(item, done) for item in value)
    return escaped


DATE_SPELLINGS: dict[str, str] = {
    spelling: flag.key
    for flag in params.FLAGS
    if flag.kind == params.DATE
    for spelling in (flag.key, *flag.aliases)
}
"""Every front-matter spelling of a date (lower-cased) → the date it sets (``pubdate`` →
``publishdate``)."""


@dataclass
class PageData:
    """What the plugin knows about one page before MkDocs renders it."""

    src_uri: str
    front: frontmatter.FrontMatter
    params: params.PageParams
    filename_slug: str = ""
    """The rest of a dated file name (``2024-05-01-my-post.md`` → ``my-post``) when the site's
    ``frontmatter`` setting took the page's date from it: Hugo's slug then."""
    warned: set[tuple[int | None, str]] = field(default_factory=set)
    """The problems already reported for this page."""
    in_main_section: bool = False
    """A page of one of the site's ``mainSections``: a post, front matter or not, as Hugo
    gives every page of a section the post layout."""
    shared: bool = False
    """Whether ``front`` and ``params.page`` are kept for later builds (``source.reuse``):
    then ``meta`` hands other plugins and templates a copy, so nothing they change in it
    reaches the next build."""

    @property
    def meta(self) -> dict[str, Any]:
        """``page.meta``: the original keys, plus the resolved view under ``hugo_meta``.

        ``title`` is the checked one: MkDocs prints ``meta["title"]`` of any type straight into
        the nav and ``<title>``, so a mapping or list there (already reported) is left out.
        """
        meta = {**self.front.data, "hugo_meta": self.params.as_dict()}
        if "title" in meta:
            if self.params.is_set("title"):
                meta["title"] = title_for_themes(self.params.text("title"))
            else:
                del meta["title"]
        if self.shared:
            meta = copy.deepcopy(meta)
        for key in PRINTED_RAW:
            if key in meta:
                meta[key] = _escaped(meta[key])
        self._settled_dates(meta)
        return meta

    def _settled_dates(self, meta: dict[str, Any]) -> None:
        """Dates as Hugo reads them, so every plugin (mkdocs-rss-plugin's ``date_from_meta``,
        Material's blog) gets a timezone-aware ``datetime``: each date key the page writes, and
        ``date`` from Hugo's fallback chain. The values as written stay under
        ``hugo_meta.front_matter_dates``."""
        written: dict[str, Any] = {}
        for key in list(meta):
            target = DATE_SPELLINGS.get(str(key).lower())
            if target is None:
                continue
            written[key] = meta[key]
            settled = self.params.page.get(target)
            if isinstance(settled, datetime):
                meta[key] = settled
            else:
                del meta[key]  # not a date Hugo reads (reported when the page was read)
        moment = self.params.date("date")
        if moment is not None:
            meta["date"] = moment
        meta["hugo_meta"]["front_matter_dates"] = written

    @property
    def is_hugo_page(self) -> bool:
        """Whether the page is a Hugo post: it has Hugo front matter, or it lies in one of the
        site's main sections. Any other page (a plain MkDocs page such as the home page) keeps
        its theme's look: site ``params`` describe the posts."""
        return self.front.format is not None or self.in_main_section

    @property
    def source_for_mkdocs(self) -> str:
        """The source MkDocs reads instead of the file, so the file is read only once.

        A page without Hugo front matter goes through unchanged: MkDocs may still find
        MultiMarkdown-style meta in it, as it would without the plugin.
        """
        if self.front.format is None:
            return self.front.body
        return EMPTY_META_PREFIX + self.front.body

    def share_body(self, markdown: str) -> None:
        """Hold the body as the very string MkDocs holds as ``page.markdown`` when the two are
        equal, so each page's text is kept once, not twice, until the build ends."""
        if markdown is not self.front.body and markdown == self.front.body:
            self.front.body = markdown

    def warn(self, message: str, key: str | None = None, line: int | None = None) -> None:
        """Report a problem with this page, at ``line`` or at the line that sets ``key``; once,
        however often the page is rendered (a blog renders excerpts too)."""
        if line is None:
            line = self.front.line_of(key) if key else None
        if (line, message) in self.warned:
            return
        self.warned.add((line, message))
        diagnostics.warn(self.src_uri, line, message)


@dataclass(frozen=True)
class Source:
    """What reading a file gives before the site's ``params`` join it: a function of the file's
    bytes and modification time, its ``src_uri``, the time zone and the site's ``frontmatter``
    setting alone, so it can be kept between rebuilds."""

    front: frontmatter.FrontMatter
    values: dict[str, Any]
    """The page's own flags, checked (``params.validate``) and with its dates settled."""
    problems: tuple[tuple[int | None, str], ...]
    """``(line, message)`` of every front-matter problem, reported on every build."""
    slug: str = ""
    """``PageData.filename_slug``."""


def parse(
    src_uri: str,
    raw: bytes,
    tz: tzinfo,
    chains: dates.Chains | None = None,
    modified: Callable[[], datetime | None] | None = None,
) -> Source:
    """Read one page's source without reporting anything.

    ``chains`` is the site's ``frontmatter`` setting (Hugo's default without it); ``modified``
    gives the file's modification time for ``:fileModTime``.
    """
    text, decode_problem = frontmatter.decode(raw)
    front = frontmatter.parse(text)
    if decode_problem:
        front.problems.insert(0, decode_problem)
    problems = [(problem.line, problem.message) for problem in front.problems]

    def report(key: str, message: str) -> None:
        problems.append((front.line_of(key), message))

    page_values = params.validate(front.data, report, tz)
    chains = chains or dates.Chains()
    file = dates.FileFacts(base_name(src_uri), modified or (lambda: None))
    slug = dates.settle(page_values, front.data, chains, file, tz)
    if "date" not in page_values and not chains.configured:
        # The plugin's own fallback: a dated file name dates the page (its URL stays Hugo's).
        from_name, _ = dates.date_and_slug(file.base_name, tz)
        if from_name is not None:
            page_values["date"] = from_name
    return Source(front, page_values, tuple(problems), slug or "")


def page_data(
    src_uri: str, source: Source, site_params: dict[str, Any], *, shared: bool = False
) -> PageData:
    """The page of this build from its ``source``, reporting every front-matter problem."""
    for line, message in source.problems:
        diagnostics.warn(src_uri, line, message)
    return PageData(src_uri, source.front, params.PageParams(source.values, site_params),
                    source.slug, shared=shared)


def read(
    src_uri: str,
    raw: bytes,
    site_params: dict[str, Any],
    tz: tzinfo,
    chains: dates.Chains | None = None,
    modified: Callable[[], datetime | None] | None = None,
) -> PageData:
    """Read one page's source, reporting every front-matter problem once."""
    return page_data(src_uri, parse(src_uri, raw, tz, chains, modified), site_params)


def base_name(src_uri: str) -> str:
    """The page's file name without extension; a leaf bundle's (``x/index.md``) folder name."""
    parts = src_uri.split("/")
    if len(parts) > 1 and parts[-1] == "index.md":
        return parts[-2]
    return parts[-1].rsplit(".", 1)[0]


def unread(src_uri: str, raw: bytes, site_params: dict[str, Any]) -> PageData:
    """The page as a plain page without front matter, for when reading it failed."""
    text_of, _ = frontmatter.decode(raw)
    front = frontmatter.FrontMatter({}, text_of)
    return PageData(src_uri, front, params.PageParams({}, site_params))


def read_site_params(raw: dict[str, Any], tz: tzinfo) -> dict[str, Any]:
    """Validate the plugin's ``params`` from mkdocs.yml the same way as a page's front matter."""

    def report(key: str, message: str) -> None:
        diagnostics.warn_site(f"plugins.hugo-meta.params: {message}")

    return params.validate(raw, report, tz)
