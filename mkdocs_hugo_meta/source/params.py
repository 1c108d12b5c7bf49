"""The one catalogue of Hugo/PaperMod front-matter flags, their validation and lookup.

Lookup follows Hugo's ``.Param``: keys are case-insensitive; the page's value wins (even
``false``), then the site-wide ``params`` from the plugin config, then the built-in default.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any

from ..markup import text, urls
from . import dates

# Value kinds a flag may have.
BOOL, TEXT, TEXTS, DATE, INT, MAP = "bool", "text", "texts", "date", "int", "map"
# Names of people: text, a list of text, or a `{name, email}` mapping (or a list of them).
AUTHORS = "authors"
# Text that becomes an image source or a link: a scheme that runs code is refused.
URL, URLS = "url", "urls"

TRUE_WORDS = frozenset({"true", "yes", "on", "1", "y"})
FALSE_WORDS = frozenset({"false", "no", "off", "0", "n", ""})
"""How a word reads as a boolean, wherever text stands for one (front matter, shortcode
parameters, environment switches)."""


def read_bool(word: str) -> bool | None:
    """What a word in ``TRUE_WORDS`` or ``FALSE_WORDS`` (any case) means, else ``None``."""
    lowered = word.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    return None


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
    web_only: bool = False
    """A ``url`` the site itself prints as a link (edit link, canonical URL): only ``http(s)``,
    ``mailto`` or a relative path, never ``data:``."""

    @functools.cached_property
    def key(self) -> str:
        # Made once: every page's `page.meta.hugo_meta` is keyed by these strings.
        return self.name.lower()

    @functools.cached_property
    def fields_by_key(self) -> dict[str, Flag]:
        """:attr:`fields` by lower-cased name, made once."""
        return {sub.key: sub for sub in self.fields}


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
    _f("author", AUTHORS, [],
       "Author name, list of names, or `{name, email}` (meta line, `<meta name=author>`)."),
    _f("hideMeta", BOOL, False, "Hide the whole meta line."),
    _f("hideAuthor", BOOL, False, "Hide the author in the meta line."),
    _f("ShowReadingTime", BOOL, False, "Show the reading time in the meta line."),
    _f("ShowWordCount", BOOL, False, "Show the word count in the meta line."),
    _f("isCJKLanguage", BOOL, None,
       "Count CJK characters as words (default: detected from the text)."),
    _f("editPost", MAP, {}, "Edit link in the meta line.", fields=(
        _f("URL", URL, "", "Base URL of the edit link.", web_only=True),
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
        _f("hiddenInList", BOOL, False, "No cover on this post's list cards."),
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
    _f("ShareButtons", TEXTS, [], "Networks to show, in this order (empty: PaperMod's seven)."),
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
    _f("canonicalURL", URL, "", "`<link rel=canonical>` target.", site=False, web_only=True),
    _f("aliases", TEXTS, [], "Old URLs that redirect to this page.", site=False),
    _f("disableHLJS", BOOL, False, "Do not load highlight.js on this page."),
    # List pages, feeds and the archive
    _f("hideSummary", BOOL, False, "No summary on this post's list cards."),
    _f("ShowRssButtonInSectionTermList", BOOL, False,
       "RSS icon beside the title of section and term lists."),
    _f("hiddenInHomeList", BOOL, False, "Left out of the home page's list."),
    _f("hiddenInRss", BOOL, False, "Left out of the RSS feeds."),
    _f("ShowFullTextinRSS", BOOL, False, "Feeds carry each post's full content."),
    _f("ShowAllPagesInArchive", BOOL, False, "The archive lists every page, not only posts."),
    _f("ShowPageNums", BOOL, False, "Pagination shows the page number (2/5)."),
    _f("mainSections", TEXTS, [], "Sections the home page lists (site-wide).", site=True),
    _f("homeInfoParams", MAP, {}, "Title and content above the home page's list.", fields=(
        _f("Title", TEXT, "", "Heading of the info card."),
        _f("Content", TEXT, "", "Text of the info card (Markdown)."),
    )),
    _f("weight", INT, 0, "Sort weight; accepted (MkDocs orders pages by its nav).", site=False),
)

BY_KEY: dict[str, Flag] = {flag.key: flag for flag in FLAGS}
ALIASES: dict[str, str] = {alias: flag.key for flag in FLAGS for alias in flag.aliases}
_KNOWN = frozenset(BY_KEY) | frozenset(ALIASES)
"""Every front-matter spelling of a flag: what an unknown key may be a misspelling of."""

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


SUGGESTED_KEY_LENGTH = 40
"""Longer keys get no "did you mean": no flag name is near that long."""


def suggest(key: str, candidates: Iterable[str]) -> str | None:
    """The known spelling a user most likely meant, or ``None``."""
    if not 4 <= len(key) <= SUGGESTED_KEY_LENGTH:
        return None
    import difflib  # only for keys that are not flags: most builds never get here

    matches = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.85)
    return matches[0] if matches else None


def _spelling(key: str, fields: Iterable[Flag] = FLAGS) -> str:
    return next((f.name for f in fields if f.key == key), key)


Problem = Callable[[str], None]
"""Callback through which a converter reports one problem, as one sentence."""
Converter = Callable[[Flag, Any, Problem, tzinfo], Any]
"""A value kind's check: the value to use, or ``None`` to ignore it (after reporting why)."""


def _to_bool(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> bool | None:
    if isinstance(value, bool):
        return value
    meant = read_bool(value) if isinstance(value, str) else None
    if meant is not None:
        report(f"'{flag.name}' should be true or false, not the string {_short(value)}; "
               f"read as {str(meant).lower()}")
        return meant
    if isinstance(value, int) and value in (0, 1):
        meant_text = "true" if value else "false"
        report(f"'{flag.name}' should be true or false, not {value}; read as {meant_text}")
        return bool(value)
    report(f"'{flag.name}' should be true or false, not {_describe(value)}; ignored")
    return None


def _to_text(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    report(f"'{flag.name}' should be text, not {_describe(value)}; ignored")
    return None


def _to_texts(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> list[str] | None:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (list, tuple)):
        items = [v for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
        if len(items) != len(value):
            report(f"'{flag.name}' should be a list of text; other items were ignored")
        return [str(v) for v in items if str(v).strip()]
    report(f"'{flag.name}' should be text or a list of text, not {_describe(value)}; ignored")
    return None


def _name_of(person: Mapping[Any, Any]) -> Any:
    """The ``name`` of a ``{name, email}`` mapping (any case of the key), else ``None``."""
    return next((v for k, v in person.items() if str(k).lower() == "name"), None)


def _to_authors(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> list[str] | None:
    """Names as ``texts``; a mapping stands for its ``name``, as real configs often write
    ``author: {name: …, email: …}`` (PaperMod would print the whole mapping)."""
    if isinstance(value, Mapping):
        name = _name_of(value)
        if not isinstance(name, (str, int, float)) or isinstance(name, bool):
            report(f"'{flag.name}' is a mapping without a 'name' text; ignored")
            return None
        value = name
    elif isinstance(value, (list, tuple)):
        value = [_name_of(v) if isinstance(v, Mapping) else v for v in value]
    return _to_texts(flag, value, report, tz)


def _url_checked(text_kind: Converter) -> Converter:
    """A converter for text that becomes a URL: ``text_kind``, then every URL that would run
    code (or, for a ``web_only`` flag, is not a web or mail address) is dropped and reported."""

    def convert(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> Any:
        is_safe = urls.is_safe_link if flag.web_only else urls.is_safe
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            report(f"'{flag.name}' should be a URL, not {_describe(value)}; ignored")
            return None
        checked = text_kind(flag, value, report, tz)
        items = checked if isinstance(checked, list) else [checked] if checked else []
        unsafe = [item for item in items if not is_safe(item)]
        for item in unsafe:
            scheme = text.show(urls.scheme_of(item), 20)
            report(f"'{flag.name}' uses a '{scheme}:' URL, which is not allowed; ignored")
        if isinstance(checked, list):
            return [item for item in checked if item not in unsafe]
        return None if unsafe else checked

    return convert


def _to_int(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 20:
        return int(value)
    report(f"'{flag.name}' should be a whole number, not {_describe(value)}; ignored")
    return None


def _to_date(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> datetime | None:
    parsed = dates.parse_date(value, tz)
    if parsed is None:
        report(f"'{flag.name}' is not a date Hugo understands ({_short(value)}); ignored")
    return parsed


def _to_map(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> dict[str, Any] | None:
    if isinstance(value, str) and flag.fields:
        first = flag.fields[0]
        report(
            f"'{flag.name}' should be a mapping ({', '.join(f.name for f in flag.fields)}), "
            f"not text; read as {flag.name}.{first.name}"
        )
        # Checked as that sub-key: a `javascript:` edit link is refused here too.
        checked = coerce(_dotted(flag, first), value, report, tz)
        return {first.key: checked} if checked is not None else None
    if not isinstance(value, Mapping):
        report(f"'{flag.name}' should be a mapping, not {_describe(value)}; ignored")
        return None
    out: dict[str, Any] = {}
    by_key = flag.fields_by_key
    for key, item in value.items():
        norm = str(key).lower()
        sub = by_key.get(norm)
        if sub is None:
            guess = suggest(norm, by_key)
            if guess:
                report(
                    f"unknown key '{flag.name}.{text.show(str(key))}'; did you mean "
                    f"'{flag.name}.{_spelling(guess, flag.fields)}'?"
                )
            continue
        checked = coerce(_dotted(flag, sub), item, report, tz)
        if checked is not None:
            out[norm] = checked
    return out


_DOTTED: dict[tuple[str, str], Flag] = {}


def _dotted(flag: Flag, sub: Flag) -> Flag:
    """``sub`` named as a page writes it (``cover.image``), made once per sub-key."""
    key = (flag.name, sub.name)
    found = _DOTTED.get(key)
    if found is None:
        found = _DOTTED[key] = dataclasses.replace(sub, name=f"{flag.name}.{sub.name}")
    return found


CONVERTERS: dict[str, Converter] = {
    BOOL: _to_bool,
    TEXT: _to_text,
    TEXTS: _to_texts,
    AUTHORS: _to_authors,
    URL: _url_checked(_to_text),
    URLS: _url_checked(_to_texts),
    INT: _to_int,
    DATE: _to_date,
    MAP: _to_map,
}
"""Each value kind's converter: the catalogue's kinds drive coercion through this table."""


def coerce(flag: Flag, value: Any, report: Problem, tz: tzinfo) -> Any:
    """Check ``value`` against the flag's kind; return the value to use or ``None`` to ignore.

    Each problem is passed to ``report`` as one sentence.
    """
    if value is None:
        return None
    return CONVERTERS[flag.kind](flag, value, report, tz)


def _describe(value: Any) -> str:
    kinds = {dict: "a mapping", list: "a list", bool: "a boolean", int: "a number",
             float: "a number", str: "text"}
    return next((v for t, v in kinds.items() if isinstance(value, t)), type(value).__name__)


def _short(value: Any) -> str:
    return text.show(repr(value), 40)


SUGGESTION_BUDGET = 200
"""Unknown keys a page's front matter gets "did you mean" for; past that they are user data
without a look (a generated front matter of thousands of keys stays cheap)."""


def _priority(flag: Flag, key: str) -> int:
    """Hugo reads a flag's own name first, then its aliases in order (``expiryDate`` before
    ``unpublishdate``): a lower number wins when a page sets more than one."""
    return 0 if key == flag.key else 1 + flag.aliases.index(key) if key in flag.aliases else 99


def validate(
    data: Mapping[str, Any], report: Report, tz: tzinfo = timezone.utc
) -> dict[str, Any]:
    """The page's known flags, checked and coerced, keyed lower-case.

    Unknown keys are user data and are left out silently, unless they look like a misspelt flag.
    Messages name a key as the author spelled it when it is one of Hugo's other names for a
    flag (``unpublishdate``), so the author finds it.
    """
    checked: dict[str, Any] = {}
    set_by: dict[str, str] = {}
    budget = SUGGESTION_BUDGET
    for key, value in data.items():
        original = str(key)
        norm = original.lower()
        canonical = ALIASES.get(norm, norm)
        flag = BY_KEY.get(canonical)
        if flag is None:
            if text.printable(original) != original:
                # No one types a control character into a key on purpose: a damaged file.
                report(original, f"key '{text.show(original)}' holds a control character; "
                       "its value is user data no template can reach by that name")
            elif norm not in OTHER_KNOWN_KEYS and budget > 0:
                budget -= 1
                guess = suggest(norm, _KNOWN)
                if guess:
                    report(original, f"unknown key '{text.show(original)}'; did you mean "
                           f"'{_spelling(ALIASES.get(guess, guess))}'?")
            continue
        named = flag if norm == canonical else dataclasses.replace(flag, name=original)
        earlier = set_by.get(canonical)
        if earlier is not None and earlier.lower() != norm:
            first, second = sorted((earlier, original), key=lambda k: _priority(flag, k.lower()))
            report(original, f"'{earlier}' and '{original}' are both set; '{first}' is used, "
                   f"as Hugo reads it before '{second}'")
            if first != original:
                continue
        result = coerce(named, value, functools.partial(report, original), tz)
        if result is not None:
            checked[flag.key] = result  # the catalogue's string, not one more copy per page
            set_by[canonical] = original
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
        """Whether the page itself sets the flag or dotted sub-key (not the site or default)."""
        head, _, rest = name.lower().partition(".")
        if not rest:
            return head in self.page
        mapping = self.page.get(head)
        return isinstance(mapping, Mapping) and rest in mapping

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
