"""The URL Hugo gives a content page: its folders and name, ``slug``, ``url``, ``permalinks``,
lower-casing and ``uglyURLs``, worked out from the page alone (no other page is looked at).

Paths here are site paths without the leading slash and without percent-encoding, as they are
written to disk: ``posts/ünï-name/`` (a folder served by its ``index.html``) or
``posts/x.html`` (a file). ``quote`` them for a link.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from . import dates

MAX_SEGMENT_BYTES = 255
"""The longest file or folder name file systems take."""
MAX_PATH_CHARS = 1024
"""Longer paths are refused: no one types them, and some file systems stop near 4096 bytes."""

_HEX = frozenset("0123456789abcdefABCDEF")
_KEPT_PUNCTUATION = frozenset("./\\_#+~-@")


def _kept(text: str, i: int, char: str) -> bool:
    """Whether Hugo's path sanitiser keeps ``char`` (at ``i`` in ``text``)."""
    if char.isalpha() or char in _KEPT_PUNCTUATION:
        return True
    category = unicodedata.category(char)
    if category == "Nd" or category.startswith("M"):
        return True
    # "%41" is an escape already and stays; a lone "%" goes.
    return char == "%" and text[i + 1 : i + 2] in _HEX and text[i + 2 : i + 3] in _HEX


def urlize(text: str, lower: bool = True) -> str:
    """Hugo's ``urlize`` as a path: Unicode letters, digits and marks and ``. / \\ _ # + ~ - @``
    (and ``%XX`` escapes) are kept, a run of whitespace becomes one ``-`` between kept
    characters, everything else is dropped; lower-cased unless ``lower`` is false.

    ``Hello, World!`` → ``hello-world``; ``Ça va?`` → ``ça-va``; ``C# & C++`` → ``c#-c++``.
    The result is not percent-encoded (``urllib.parse.quote`` it for a link).
    """
    out: list[str] = []
    space = False
    for i, char in enumerate(text):
        if char != " " and _kept(text, i, char):
            # Only between kept characters, and never doubling a hyphen that is there anyway.
            if space and out and char != "-" and out[-1] != "-":
                out.append("-")
            space = False
            out.append(char)
        elif char.isspace():
            space = True
    result = "".join(out)
    return result.lower() if lower else result


# --- settings ---------------------------------------------------------------------------------

PAGE_KINDS = ("page", "section", "taxonomy", "term")


@dataclass(frozen=True)
class UrlRules:
    """The site's URL settings (Hugo's names): ``permalinks``, ``uglyURLs``,
    ``disablePathToLower``."""

    permalinks: Mapping[str, str] = field(default_factory=dict)
    """Pattern of the pages of each top-level section (``""`` for pages at the root)."""
    ugly: bool = False
    ugly_sections: Mapping[str, bool] = field(default_factory=dict)
    lower: bool = True

    def is_ugly(self, section: str) -> bool:
        return self.ugly_sections.get(section, self.ugly)


def permalink_patterns(
    option: Mapping[str, object], kind: str, report: Callable[[str], None]
) -> dict[str, str]:
    """The ``permalinks`` patterns for one kind of page, by section (``""`` = the root).

    Hugo accepts ``{posts: PATTERN}`` (pages, sections and terms alike) and
    ``{page: {posts: PATTERN}, …}`` per kind; a key ``/`` names the pages at the root.
    """
    found: dict[str, str] = {}
    for key, value in option.items():
        name = str(key)
        if name.lower() in PAGE_KINDS and isinstance(value, Mapping):
            if name.lower() == kind:
                for section, pattern in value.items():
                    _add_pattern(found, str(section), pattern, f"{name}.{section}", report)
            continue
        _add_pattern(found, name, value, name, report)
    return found


def _add_pattern(
    found: dict[str, str], section: str, pattern: object, where: str,
    report: Callable[[str], None],
) -> None:
    if not isinstance(pattern, str):
        report(f"permalinks.{where} should be a pattern such as '/:year/:slug/'; ignored")
        return
    problem = pattern_problem(pattern)
    if problem:
        report(f"permalinks.{where}: {problem}; ignored")
        return
    found[section.strip("/")] = pattern


def ugly_setting(option: object, report: Callable[[str], None]) -> tuple[bool, dict[str, bool]]:
    """``uglyURLs``: true/false for the whole site, or ``{section: true}``."""
    if isinstance(option, bool):
        return option, {}
    if isinstance(option, Mapping):
        sections = {}
        for key, value in option.items():
            if isinstance(value, bool):
                sections[str(key).strip("/")] = value
            else:
                report(f"uglyURLs.{key} should be true or false; ignored")
        return False, sections
    report("uglyURLs should be true, false or a mapping of section names to true/false")
    return False, {}


# --- permalink patterns -----------------------------------------------------------------------

_TOKEN = re.compile(r"\\:|:([A-Za-z0-9_]+)(\[[^\]\n]{0,20}\])?")
_SLICE = re.compile(r"\[\s*(\d+|last)?\s*(?:(:)\s*(\d+|last)?\s*)?\]")
_ATTRIBUTES = frozenset({
    "year", "month", "monthname", "day", "weekday", "weekdayname", "yearday", "section",
    "sections", "sectionslug", "sectionslugs", "title", "slug", "filename", "slugorfilename",
    "contentbasename", "slugorcontentbasename",
})  # fmt: skip
_WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_ZERO = datetime(1, 1, 1, tzinfo=timezone.utc)
"""Hugo's date of an undated page."""
_PROBE = datetime(2000, 12, 31, 11, 59, 58, tzinfo=timezone.utc)
"""A moment every Go layout token prints differently from its own name."""


def pattern_problem(pattern: str) -> str:
    """Why a permalink pattern cannot be used ("" when it can)."""
    for match in _TOKEN.finditer(pattern):
        name = match.group(1)
        if name is None or name in _ATTRIBUTES or _is_date_layout(name):
            if match.group(2) and name not in ("sections", "sectionslugs"):
                return f"':{name}' takes no [slice]"
            if match.group(2) and not _SLICE.fullmatch(match.group(2)):
                return f"'{match.group(2)}' is not a slice such as [1:] or [last]"
            continue
        return f"':{name}' is not a permalink token"
    return ""


def _is_date_layout(name: str) -> bool:
    """A Go date layout such as ``:06`` or ``:Jan``, which Hugo fills from the page's date."""
    return dates.format_date(_PROBE, name) != name


def _sliced(parts: tuple[str, ...], spec: str | None) -> tuple[str, ...]:
    if not spec:
        return parts
    match = _SLICE.fullmatch(spec)
    if match is None:
        return parts
    last = len(parts) - 1

    def bound(text: str | None, default: int) -> int:
        return default if text is None else last if text == "last" else int(text)

    start = bound(match.group(1), 0)
    if match.group(2) is None:
        return parts[start : start + 1]
    return parts[start : bound(match.group(3), len(parts))]


# --- one page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageFacts:
    """What a page's URL depends on."""

    src_uri: str
    """Path under ``docs/`` (``posts/My Post.md``, ``posts/bundle/index.md``)."""
    sections: tuple[str, ...]
    """Hugo's section path: the top folder, down to the deepest folder holding an ``_index.md``."""
    title: str = ""
    slug: str = ""
    url: str = ""
    date: datetime | None = None

    @property
    def folders(self) -> list[str]:
        """The page's folders, a leaf bundle's own folder left out."""
        parts = self.src_uri.split("/")[:-1]
        return parts[:-1] if self.is_bundle else parts

    @property
    def is_bundle(self) -> bool:
        return "/" in self.src_uri and self.src_uri.rsplit("/", 1)[1] == "index.md"

    @property
    def base_name(self) -> str:
        """The file name without its extension; a leaf bundle's folder name."""
        if self.is_bundle:
            return self.src_uri.split("/")[-2]
        return posixpath.splitext(self.src_uri.rsplit("/", 1)[-1])[0]


@dataclass(frozen=True)
class Placed:
    """Where a page goes, or why its ``url``/``slug`` could not be used."""

    path: str
    """``posts/x/`` (a folder) or ``posts/x.html`` (a file), never with a leading slash."""
    problems: tuple[tuple[str, str], ...] = ()
    """``(front-matter key, message)`` for each value that was refused."""


def place(facts: PageFacts, rules: UrlRules) -> Placed:
    """The path Hugo serves the page at: ``url`` as given, else the section's permalink
    pattern, else folders + ``slug`` or file name; lower-cased unless the site says not."""
    problems: list[tuple[str, str]] = []
    if facts.url.strip():
        given, problem = _given_url(facts.url)
        if given is not None:
            return Placed(given)
        problems.append(("url", f"'url' {problem}; ignored"))
    slug = facts.slug
    if slug and _escapes(slug):
        problems.append(("slug", "'slug' climbs out of its folder with '..'; ignored"))
        slug = ""
    section = facts.sections[0] if facts.sections else ""
    pattern = rules.permalinks.get(section)
    usual = "/".join([*facts.folders, facts.base_name])
    if pattern is not None:
        raw = _expand(pattern, facts, slug, rules.lower)
    else:
        raw = "/".join([*facts.folders, slug or facts.base_name])
    path = _clean(urlize(raw, rules.lower))
    problem = size_problem(path)
    if problem:
        key = "slug" if slug else "title"
        problems.append((key, f"'{key}' {problem}; ignored"))
    if problem or not path:
        # Too long, or a pattern that names nothing the page has: Hugo's usual path.
        path = _clean(urlize(usual, rules.lower))
    ending = ".html" if rules.is_ugly(section) else "/"
    return Placed(path + ending, tuple(problems))


def _escapes(value: str) -> bool:
    return ".." in re.split(r"[/\\]", value)


def _given_url(url: str) -> tuple[str | None, str]:
    """Front matter ``url``: cleaned as Hugo cleans it (``/x/../y`` is ``/y/``), kept in its
    case; a path with a last segment that has an extension is a file, else a folder."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme or parts.netloc or text.startswith("//"):
        return None, "is not a path on this site"
    if "?" in text or "#" in text:
        return None, "has a query or fragment, which no file can answer"
    if any(ord(c) < 0x20 or c in "\\\x7f" for c in text):
        return None, "holds a backslash or a control character"
    if ".." in text.split("/"):
        return None, "climbs out of its folder with '..'"
    path = _clean(text)
    if not path:
        return None, "is the site's home page"
    last = path.rsplit("/", 1)[-1]
    path = path if "." in last and not text.endswith("/") else path + "/"
    problem = size_problem(path)
    return (None, problem) if problem else (path, "")


def _clean(path: str) -> str:
    """``path`` without empty, ``.`` and ``..`` segments (never above the root)."""
    segments: list[str] = []
    for segment in re.split(r"[/\\]", path):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(segment)
    return "/".join(segments)


def size_problem(path: str) -> str:
    """Why a path cannot be a file on disk ("" when it can)."""
    if len(path) > MAX_PATH_CHARS:
        return f"makes a path longer than {MAX_PATH_CHARS} characters"
    for segment in path.split("/"):
        if len(segment.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES:
            return f"makes a path segment longer than {MAX_SEGMENT_BYTES} bytes"
    return ""


def _expand(pattern: str, facts: PageFacts, slug: str, lower: bool) -> str:
    moment = facts.date or _ZERO
    sections = facts.sections
    title = urlize(facts.title, lower)
    slug_or_name = urlize(slug, lower) if slug else facts.base_name

    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return ":"  # `\:`, a literal colon (which the sanitiser then drops, as in Hugo)
        values = {
            "year": str(moment.year),  # unpadded, as Go prints it: an undated page is in year 1
            "month": f"{moment.month:02d}",
            "monthname": dates.MONTHS_EN[moment.month - 1],
            "day": f"{moment.day:02d}",
            "weekday": str((moment.weekday() + 1) % 7),
            "weekdayname": _WEEKDAYS[(moment.weekday() + 1) % 7],
            "yearday": str(moment.timetuple().tm_yday),
            "title": title,
            "slug": urlize(slug, lower) if slug else title,
            "filename": facts.base_name,
            "contentbasename": facts.base_name,
            "slugorfilename": slug_or_name,
            "slugorcontentbasename": slug_or_name,
        }
        if name in values:
            return values[name]
        if name in ("section", "sectionslug"):
            return sections[0].lower() if sections else ""
        if name in ("sections", "sectionslugs"):
            # Hugo's section paths are lower-case whatever disablePathToLower says.
            return "/".join(_sliced(sections, match.group(2))).lower()
        return dates.format_date(moment, name)

    return _TOKEN.sub(token, pattern)


def sections_of(src_uri: str, index_dirs: frozenset[str] | set[str]) -> tuple[str, ...]:
    """Hugo's section path of a page: its top folder, then down to the deepest folder that
    holds an ``_index.md`` (a nested folder without one is no section of its own).
    ``index_dirs`` holds each folder that has an ``_index.md``."""
    parts = src_uri.split("/")[:-1]
    if parts and src_uri.endswith("/index.md"):
        parts = parts[:-1]  # a leaf bundle's own folder is not a section
    if not parts:
        return ()
    deepest = 1
    for depth in range(2, len(parts) + 1):
        if "/".join(parts[:depth]) in index_dirs:
            deepest = depth
    return tuple(parts[:deepest])
