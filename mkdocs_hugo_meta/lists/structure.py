"""The site's shape as Hugo sees its content folder: sections, main sections and taxonomy terms.

Worked out once per build in ``on_files`` from the front matter already read, before anything
is rendered, so the list pages (and their pagination pages) can be added as files MkDocs
renders with the site's theme, nav and search.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

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


def title_case(text: str) -> str:
    """Each word's first letter upper-cased, the rest kept as written ("ZZ top" → "ZZ Top")."""
    return " ".join(word[:1].upper() + word[1:] for word in text.split(" "))


def term_path(name: str, lower: bool = True) -> str:
    """A taxonomy term as a folder under its taxonomy's: Hugo's urlize, with the segments that
    would climb (``..``) or are empty dropped, so a term never names a folder outside it."""
    path = urls.urlize(name, lower=lower).replace("\\", "/")
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
        return sorted(
            s for s in self.sections if s and s != section
            and parent_section(s, self.branches) == section
        )  # fmt: skip

    def in_main_sections(self, src_uri: str, section: str) -> bool:
        return top_section(section) in self.main_sections


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
    mains = main_sections if main_sections else _largest_section(sections)
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


def _largest_section(sections: Mapping[str, list[str]]) -> list[str]:
    """Hugo's default main section: the top-level section with the most regular pages."""
    counts: dict[str, int] = {}
    for section, members in sections.items():
        if section:
            top = top_section(section)
            counts[top] = counts.get(top, 0) + len(members)
    if not counts:
        return []
    best = max(counts.values())
    return [min(s for s, n in counts.items() if n == best)] if best else []
