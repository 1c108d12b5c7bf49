"""The one catalogue of Hugo/PaperMod front-matter flags, their validation and lookup.

Lookup follows Hugo's ``.Param``: keys are case-insensitive; the page's value wins (even
``false``), then the site-wide ``params`` from the plugin config, then the built-in default.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any

from ..markup import urls
from . import dates

# Value kinds a flag may have.
BOOL, TEXT, TEXTS, DATE, INT, MAP = "bool", "text", "texts", "date", "int", "map"
# Text that becomes a link or an image source: a scheme that runs code is refused.
URL, URLS = "url", "urls"

_TRUE_WORDS = {"true", "yes", "on", "1", "y"}
_FALSE_WORDS = {"false", "no", "off", "0", "n", ""}


@dataclass(frozen=True)
class Flag:
    """One front-matter key the plugin understands."""

    name: str
    """Spelling as PaperMod documents it (lookup is case-insensitive)."""
    kind: str
    default: Any = None
    site: bool = True
    """Whether the site-wide ``params`` may set it (Hugo's page-then-site lookup)."""
    doc: str = ""
    fields: tuple[Flag, ...] = ()
    """Sub-keys of a ``map`` flag such as ``cover``."""
    aliases: tuple[str, ...] = ()
    """Other spellings Hugo reads as this key (``pubdate`` for ``publishDate``)."""

    @property
    def key(self) -> str:
        return self.name.lower()


def _f(name: str, kind: str, default: Any = None, doc: str = "", **kw: Any) -> Flag:
    return Flag(name, kind, default, doc=doc, **kw)


FLAGS: tuple[Flag, ...] = (
    # Header and meta line
    _f("title", TEXT, "", "Page title, shown as the page's `<h1>`.", site=False),
    _f("description", TEXT, "", "Shown under the title and as the meta description.", site=False),
    _f("summary", TEXT, "", "Fallback for the meta description.", site=False),
    _f("date", DATE, None, "Publication date, shown in the meta line.", site=False),
    _f("lastmod", DATE, None, "Last modification (`article:modified_time`).", site=False,
       aliases=("modified",)),
    _f("publishDate", DATE, None, "A future date keeps the page out of `mkdocs build`.",
       site=False, aliases=("pubdate", "published")),
    _f("expiryDate", DATE, None, "A past date keeps the page out of `mkdocs build`.",
       site=False, aliases=("unpublishdate",)),
    _f("author", TEXTS, [], "Author name or list of names (meta line, `<meta name=author>`)."),
    _f("hideMeta", BOOL, False, "Hide the whole meta line."),
    _f("hideAuthor", BOOL, False, "Hide the author in the meta line."),
    _f("ShowReadingTime", BOOL, False, "Show the reading time in the meta line."),
    _f("ShowWordCount", BOOL, False, "Show the word count in the meta line."),
    _f("isCJKLanguage", BOOL, None,
       "Count CJK characters as words (default: detected from the text)."),
    _f("editPost", MAP, {}, "Edit link in the meta line.", fields=(
        _f("URL", URL, "", "Base URL of the edit link."),
        _f("Text", TEXT, "Edit", "Link text."),
        _f("appendFilePath", BOOL, False, "Append the page's path under `docs/` to the URL."),
        _f("disabled", BOOL, False, "No edit link on this page."),
    )),
    _f("ShowBreadCrumbs", BOOL, False, "Breadcrumbs from the site navigation above the title."),
    _f("ShowCanonicalLink", BOOL, False, "Add 'Originally published at HOST' to the meta line."),
    # Cover image
    _f("cover", MAP, {}, "Banner image above the content.", site=False, fields=(
        _f("image", URL, "", "Image URL or path (relative to the page or to `docs/`)."),
        _f("alt", TEXT, "", "Alternative text (falls back to the caption, then the title)."),
        _f("caption", TEXT, "", "Caption under the image (Markdown)."),
        _f("relative", BOOL, False, "Resolve `image` relative to the page."),
        _f("hidden", BOOL, False, "Do not show the banner (still used for `og:image`)."),
        _f("hiddenInSingle", BOOL, False, "Do not show the banner on the page itself."),
        _f("hiddenInList", BOOL, False, "List pages only; accepted and ignored."),
    )),
    _f("thumbnail", URL, "", "Image shown as the banner when there is no `cover.image`.",
       site=False),
    _f("images", URLS, [], "Images for `og:image` / `twitter:image`."),
    # Table of contents
    _f("showToc", BOOL, False, "Show the inline table of contents."),
    _f("TocOpen", BOOL, False, "Table of contents starts expanded."),
    _f("UseHugoToc", BOOL, False, "Build the table of contents from MkDocs' Markdown TOC."),
    # Footer
    _f("ShowShareButtons", BOOL, False, "Show share links after the content."),
    _f("disableShare", BOOL, False, "No share links on this page."),
    _f("ShareButtons", TEXTS, [], "Networks to show, in this order (empty: all)."),
    _f("ShowPostNavLinks", BOOL, False, "Previous/next links after the content."),
    _f("tags", TEXTS, [], "Tags listed after the content.", site=False),
    _f("categories", TEXTS, [], "Categories listed after the content.", site=False),
    _f("keywords", TEXTS, [], "`<meta name=keywords>` (falls back to the tags)."),
    _f("comments", BOOL, False, "Comments block when the site configures a provider."),
    # Site-wide effects
    _f("draft", BOOL, False, "Left out of `mkdocs build`; shown with a badge in `mkdocs serve`.",
       site=False),
    _f("searchHidden", BOOL, False, "Left out of the search index.", site=False),
    _f("robotsNoIndex", BOOL, False, "`<meta name=robots content='noindex, nofollow'>`."),
    _f("canonicalURL", URL, "", "`<link rel=canonical>` target.", site=False),
    _f("aliases", TEXTS, [], "Old URLs that redirect to this page.", site=False),
    _f("disableHLJS", BOOL, False, "Do not load highlight.js on this page."),
    # List-page flags: no single-page meaning, accepted so they are not reported.
    _f("hideSummary", BOOL, False, "List pages only; accepted and ignored."),
    _f("ShowRssButtonInSectionTermList", BOOL, False, "List pages only; accepted and ignored."),
    _f("hiddenInHomeList", BOOL, False, "List pages only; accepted and ignored."),
    _f("hiddenInRss", BOOL, False, "List pages only; accepted and ignored."),
    _f("weight", INT, 0, "Sort weight; accepted (MkDocs orders pages by its nav).", site=False),
)

BY_KEY: dict[str, Flag] = {flag.key: flag for flag in FLAGS}
ALIASES: dict[str, str] = {alias: flag.key for flag in FLAGS for alias in flag.aliases}

# Keys other Hugo themes, Hugo itself or MkDocs themes use: user data, never "did you mean".
OTHER_KNOWN_KEYS = frozenset((
    "slug", "url", "type", "layout", "linktitle", "series", "image", "featured_image",
    "featuredimage", "toc", "math", "markup", "outputs", "resources", "sitemap", "build",
    "cascade", "headless", "translationkey", "menu", "menus", "template", "hide", "icon",
    "status", "subtitle", "search", "social", "nav_exclude", "exclude", "lang", "language",
    "locale", "audio", "videos", "authors", "hidden", "katex", "mermaid", "params",
))  # fmt: skip

Report = Callable[[str, str], None]
"""Callback ``(key, message)`` through which validation reports a problem with a key."""


def suggest(key: str, candidates: Iterable[str]) -> str | None:
    """The known spelling a user most likely meant, or ``None``."""
    if len(key) < 4:
        return None
    matches = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.85)
    return matches[0] if matches else None


def _spelling(key: str, fields: Iterable[Flag] = FLAGS) -> str:
    return next((f.name for f in fields if f.key == key), key)


def coerce(flag: Flag, value: Any, report: Callable[[str], None], tz: tzinfo) -> Any:
    """Check ``value`` against the flag's kind; return the value to use or ``None`` to ignore.

    Each problem is passed to ``report`` as one sentence.
    """
    name = flag.name
    if value is None:
        return None
    if flag.kind == BOOL:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE_WORDS | _FALSE_WORDS:
            meant = value.strip().lower() in _TRUE_WORDS
            report(
                f"'{name}' should be true or false, not the string {value!r}; "
                f"read as {str(meant).lower()}"
            )
            return meant
        if isinstance(value, int) and value in (0, 1):
            meant_text = "true" if value else "false"
            report(f"'{name}' should be true or false, not {value}; read as {meant_text}")
            return bool(value)
        report(f"'{name}' should be true or false, not {_describe(value)}; ignored")
        return None
    if flag.kind in (URL, URLS):
        if isinstance(value, (int, float)):
            report(f"'{name}' should be a URL, not {_describe(value)}; ignored")
            return None
        as_text = Flag(name, TEXT if flag.kind == URL else TEXTS)
        checked = coerce(as_text, value, report, tz)
        return _drop_unsafe(name, checked, report)
    if flag.kind == TEXT:
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        report(f"'{name}' should be text, not {_describe(value)}; ignored")
        return None
    if flag.kind == TEXTS:
        if isinstance(value, str):
            return [value] if value.strip() else []
        if isinstance(value, (list, tuple)):
            items = [v for v in value if isinstance(v, (str, int, float)) and v is not True
                     and v is not False]
            if len(items) != len(value):
                report(f"'{name}' should be a list of text; other items were ignored")
            return [str(v) for v in items if str(v).strip()]
        report(f"'{name}' should be text or a list of text, not {_describe(value)}; ignored")
        return None
    if flag.kind == INT:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        report(f"'{name}' should be a whole number, not {_describe(value)}; ignored")
        return None
    if flag.kind == DATE:
        parsed = dates.parse_date(value, tz)
        if parsed is None:
            report(f"'{name}' is not a date Hugo understands ({_short(value)}); ignored")
        return parsed
    if flag.kind == MAP:
        return _coerce_map(flag, value, report, tz)
    raise AssertionError(flag.kind)  # pragma: no cover


def _drop_unsafe(name: str, value: Any, report: Callable[[str], None]) -> Any:
    """The URL(s) in ``value`` with any that would run code removed, each one reported."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    unsafe = [item for item in items if not urls.is_safe(item)]
    for item in unsafe:
        report(f"'{name}' uses a '{urls.scheme_of(item)}:' URL, which is not allowed; ignored")
    if isinstance(value, list):
        return [item for item in value if item not in unsafe]
    return None if unsafe else value


def _coerce_map(flag: Flag, value: Any, report: Callable[[str], None], tz: tzinfo) -> Any:
    if isinstance(value, str) and flag.fields:
        first = flag.fields[0]
        report(
            f"'{flag.name}' should be a mapping ({', '.join(f.name for f in flag.fields)}), "
            f"not text; read as {flag.name}.{first.name}"
        )
        return {first.key: value}
    if not isinstance(value, Mapping):
        report(f"'{flag.name}' should be a mapping, not {_describe(value)}; ignored")
        return None
    out: dict[str, Any] = {}
    by_key = {f.key: f for f in flag.fields}
    for key, item in value.items():
        norm = str(key).lower()
        sub = by_key.get(norm)
        if sub is None:
            guess = suggest(norm, by_key)
            if guess:
                report(
                    f"unknown key '{flag.name}.{key}'; did you mean "
                    f"'{flag.name}.{_spelling(guess, flag.fields)}'?"
                )
            continue
        sub_named = Flag(f"{flag.name}.{sub.name}", sub.kind, sub.default)
        checked = coerce(sub_named, item, report, tz)
        if checked is not None:
            out[norm] = checked
    return out


def _describe(value: Any) -> str:
    kinds = {dict: "a mapping", list: "a list", bool: "a boolean", int: "a number",
             float: "a number", str: "text"}
    return next((v for t, v in kinds.items() if isinstance(value, t)), type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def validate(
    data: Mapping[str, Any], report: Report, tz: tzinfo = timezone.utc
) -> dict[str, Any]:
    """The page's known flags, checked and coerced, keyed lower-case.

    Unknown keys are user data and are left out silently, unless they look like a misspelt flag.
    """
    known = set(BY_KEY) | set(ALIASES)
    checked: dict[str, Any] = {}
    for key, value in data.items():
        original = str(key)
        norm = original.lower()
        canonical = ALIASES.get(norm, norm)
        flag = BY_KEY.get(canonical)
        if flag is None:
            if norm not in OTHER_KNOWN_KEYS:
                guess = suggest(norm, known)
                if guess:
                    report(original, f"unknown key '{original}'; did you mean "
                           f"'{_spelling(ALIASES.get(guess, guess))}'?")
            continue
        result = coerce(flag, value, functools.partial(report, original), tz)
        if result is not None:
            checked[canonical] = result
    return checked


@functools.lru_cache(maxsize=512)
def _lookup(name: str) -> tuple[str, str, Flag, Flag | None]:
    """``name`` split into flag key, sub-key, flag and sub-flag; renderers ask for the same
    few names on every page, so this is worked out once per name."""
    head, _, rest = name.lower().partition(".")
    flag = BY_KEY[head]
    sub = next(f for f in flag.fields if f.key == rest) if rest else None
    return head, rest, flag, sub


@dataclass
class PageParams:
    """The resolved, typed view of one page's flags: page, then site ``params``, then default."""

    page: dict[str, Any]
    site: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    """Values the plugin derives (word count, reading time...) exposed to templates."""

    def get(self, name: str) -> Any:
        """The resolved value of a flag or dotted sub-key (``cover.image``)."""
        head, rest, flag, sub = _lookup(name)
        if sub is not None:
            # Sub-keys fall back to the site even for page-only maps, as `.Param "cover.x"` does.
            for source in (self.page, self.site):
                mapping = source.get(head)
                if isinstance(mapping, Mapping) and rest in mapping:
                    return mapping[rest]
            return sub.default
        if head in self.page:
            return self.page[head]
        if flag.site and head in self.site:
            return self.site[head]
        default = flag.default
        return list(default) if isinstance(default, list) else dict(default) if isinstance(
            default, dict
        ) else default

    def flag(self, name: str) -> bool:
        return bool(self.get(name))

    def text(self, name: str) -> str:
        value = self.get(name)
        return value if isinstance(value, str) else ""

    def texts(self, name: str) -> list[str]:
        value = self.get(name)
        return list(value) if isinstance(value, list) else []

    def date(self, name: str) -> datetime | None:
        value = self.get(name)
        return value if isinstance(value, datetime) else None

    def is_set(self, name: str) -> bool:
        """Whether the page itself sets the flag (not the site or the default)."""
        return name.lower() in self.page

    def as_dict(self) -> dict[str, Any]:
        """Every flag resolved, keyed lower-case: the ``page.meta.hugo_meta`` view."""
        view: dict[str, Any] = {}
        for flag in FLAGS:
            if flag.kind == MAP:
                view[flag.key] = {f.key: self.get(f"{flag.key}.{f.key}") for f in flag.fields}
            else:
                view[flag.key] = self.get(flag.key)
        view.update(self.extra)
        return view
