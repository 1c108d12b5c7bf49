"""The site's shape as Hugo sees its content folder: sections, main sections and taxonomy terms.

Worked out once per build in ``on_files`` from the front matter already read, before anything
is rendered, so the list pages (and their pagination pages) can be added as files MkDocs
renders with the site's theme, nav and search.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..source import urls
from ..source.page import PageData

INDEX = "index.md"
BRANCH_INDEX = "_index.md"
HOME = ""
"""The key of the home page's list (the content root)."""


def folder_of(src_uri: str) -> str:
    return posixpath.dirname(src_uri)


def is_branch_index(src_uri: str) -> bool:
    return posixpath.basename(src_uri) == BRANCH_INDEX


def section_of(src_uri: str, branches: set[str]) -> str:
    """The section a regular page belongs to: the nearest folder above it that is a section.

    Top-level folders are always sections; a deeper folder only with an ``_index.md`` (its
    pages otherwise join the section above, as in Hugo). A leaf bundle (``x/index.md``) is a
    page of the section around its folder.
    """
    folder = folder_of(src_uri)
    if posixpath.basename(src_uri) == INDEX:
        folder = folder_of(folder)
    while folder:
        if "/" not in folder or folder in branches:
            return folder
        folder = folder_of(folder)
    return HOME


def top_section(section: str) -> str:
    """Hugo's ``.Type`` of a page: its top-level section."""
    return section.split("/", 1)[0]


def parent_section(section: str, branches: set[str]) -> str:
    """The section that lists ``section`` as one of its subsections."""
    return section_of(section + "/" + INDEX, branches) if "/" in section else HOME


def list_title(folder: str) -> str:
    """Hugo's title for a section without one: its folder name, pluralized, title-cased."""
    return title_case(pluralize(posixpath.basename(folder)))


def pluralize(word: str) -> str:
    lower = word.lower()
    if not word or lower.endswith("s"):
        return word
    if lower.endswith("y") and len(word) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    return word + "s"


# Hugo title-cases in AP style: these short words stay lower-case inside a title.
_SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "en", "for", "if", "in", "nor", "of", "on", "or",
    "per", "the", "to", "vs", "vs.", "via", "v", "v.",
})  # fmt: skip
_WORD = re.compile(r"[^\W_]+[^\s/-]*")


def title_case(text: str) -> str:
    """A name as Hugo titles it ("state of the art" → "State of the Art", "a/b" → "A/B").

    A word starts at a letter or digit and runs to a space, ``-`` or ``/``; its first letter
    is upper-cased and the rest kept as written ("ZZ top" → "ZZ Top"). A short article,
    conjunction or preposition stays lower-case unless it starts or ends the title or follows
    a colon ("C: The Guide").
    """
    plain = text.replace("\u2013", "-").replace("\u2014", "-")

    def char_at(index: int) -> str:
        return plain[index] if 0 <= index < len(plain) else plain[:1]

    def cased(match: re.Match[str]) -> str:
        word, (start, stop) = match.group(), match.span()
        lower = word.lower()
        if (
            lower in _SMALL_WORDS and start > 0 and stop < len(plain)
            and char_at(start - 1) in " -/" and char_at(start - 2) not in ":-"
            and (char_at(stop) != "-" or char_at(start - 1) == "-")
        ):  # fmt: skip
            return lower
        first = word[:1].upper()
        return (first if len(first) == 1 else word[:1]) + word[1:]

    return _WORD.sub(cased, text)


# Hugo orders titles and term names with the language's collation (Unicode's default order):
# spaces, then punctuation and symbols in this order, then digits, then letters, with accents
# and then case only breaking ties. This is that order for the characters blog titles use.
_SYMBOL_ORDER = "\t\n\x0b\x0c\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"


def _weight(char: str) -> tuple[int, int]:
    at = _SYMBOL_ORDER.find(char)
    if at >= 0:
        return (0, at)
    if char.isdigit():
        return (1, unicodedata.digit(char, 0))
    if char.isalpha():
        return (2, ord(char))
    return (0, len(_SYMBOL_ORDER) + ord(char))  # other symbols: after ASCII's, before digits


def collation_key(name: str) -> tuple[Any, ...]:
    """A sort key ordering names as Hugo's collator does (``Éclair`` between ``beta`` and
    ``zeta``, ``(draft)`` before ``1.0`` before ``alpha``, ``alpha`` before ``Alpha``)."""
    decomposed = unicodedata.normalize("NFKD", name)
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    primary = tuple(_weight(char) for char in base.casefold())
    return (primary, decomposed.casefold(), tuple(char.isupper() for char in base))


def term_path(name: str, lower: bool = True) -> str:
    """A taxonomy term as a folder under its taxonomy's: Hugo's urlize, with the segments that
    would climb (``..``) or are empty dropped, so a term never names a folder outside it."""
    # In a term Hugo makes each whitespace character a hyphen, even beside another hyphen or
    # a dropped character ("x  y" → x--y, "a - b" → a---b, "emoji 🎉" → emoji-).
    hyphened = "".join("-" if char.isspace() else char for char in name.strip())
    path = urls.urlize(hyphened, lower=lower).replace("\\", "/")
    return "/".join(part for part in path.split("/") if part not in ("", ".", ".."))


@dataclass
class Term:
    key: str
    """The term lower-cased, spaces kept: ``Go`` and ``go`` are one term."""
    title: str
    path: str
    """Its folder under the taxonomy's (``hugo-tips``)."""
    members: list[str] = field(default_factory=list)


@dataclass
class Shape:
    """Sections, main sections and terms of the pages in the build."""

    branches: set[str]
    sections: dict[str, list[str]]
    """Each section's direct regular pages (``src_uri``), home ("") included."""
    main_sections: list[str]
    taxonomies: dict[str, dict[str, Term]]
    """plural → term key → term."""
    branch_index: dict[str, str]
    """section → the ``src_uri`` of its ``_index.md``."""
    hugo_sections: set[str]
    """Sections holding at least one page with Hugo front matter."""

    def subsections(self, section: str) -> list[str]:
        return self._children.get(section, [])

    @functools.cached_property
    def _children(self) -> dict[str, list[str]]:
        # Worked out once: asked per section, a scan of all sections would be quadratic on a
        # site of many small sections.
        children: dict[str, list[str]] = {}
        for child in sorted(s for s in self.sections if s):
            children.setdefault(parent_section(child, self.branches), []).append(child)
        return children


def shape(
    pages: Mapping[str, PageData],
    included: Iterable[str],
    main_sections: list[str] | None,
    taxonomies: Iterable[str],
    lower: bool = True,
) -> Shape:
    """The shape of the site made of the ``included`` pages."""
    included = list(included)
    branches = {folder_of(src) for src in included if is_branch_index(src)}
    branch_index = {folder_of(src): src for src in included if is_branch_index(src)}
    sections: dict[str, list[str]] = {HOME: []}
    hugo_sections: set[str] = set()
    for folder in branches:
        sections.setdefault(folder, [])
    for src in included:
        if is_branch_index(src):
            continue
        section = section_of(src, branches)
        sections.setdefault(section, []).append(src)
        data = pages.get(src)
        if data is not None and data.is_hugo_page:
            hugo_sections.add(section)
    hugo_sections.update(branches)  # an `_index.md` is Hugo content itself
    # A section holding only subsections of Hugo pages is a Hugo section too.
    for section in list(hugo_sections):
        while "/" in section:
            section = parent_section(section, branches)
            hugo_sections.add(section)
    mains = main_sections if main_sections else _largest_section(sections, hugo_sections)
    terms: dict[str, dict[str, Term]] = {plural: {} for plural in taxonomies}
    for src in included:
        data = pages.get(src)
        if data is None or is_branch_index(src) or not data.is_hugo_page:
            continue
        for plural, found in terms.items():
            for name in term_names(data, plural):
                key = name.lower()
                term = found.get(key)
                if term is None:
                    path = term_path(name, lower)
                    if not path:
                        continue
                    # A folder no file system can hold would stop the whole build at its write.
                    problem = urls.size_problem(f"{plural}/{path}")
                    if problem:
                        shown = name if len(name) <= 60 else name[:60] + "..."
                        data.warn(f"{plural} term {shown!r} {problem}: no page for it", plural)
                        continue
                    term = found[key] = Term(key, title_case(name), path)
                if not term.members or term.members[-1] != src:
                    term.members.append(src)
    return Shape(branches, sections, mains, terms, branch_index, hugo_sections)


def term_names(data: PageData, plural: str) -> list[str]:
    """A page's terms in one taxonomy as written (front matter ``tags: [Go, Hugo tips]``)."""
    if plural in ("tags", "categories"):
        values: object = data.params.texts(plural)
    else:
        values = data.front.data.get(plural)
        values = [values] if isinstance(values, str) else values
    if not isinstance(values, list):
        return []
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _largest_section(sections: Mapping[str, list[str]], hugo_sections: set[str]) -> list[str]:
    """Hugo's default main section: the top-level section with the most regular pages (of the
    sections holding Hugo content, so a site's plain documentation folder is never "posts")."""
    counts: dict[str, int] = {}
    for section, members in sections.items():
        if section and section in hugo_sections:
            top = top_section(section)
            counts[top] = counts.get(top, 0) + len(members)
    if not counts:
        return []
    best = max(counts.values())
    return [min(s for s, n in counts.items() if n == best)] if best else []
