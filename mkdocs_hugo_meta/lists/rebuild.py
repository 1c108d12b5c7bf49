"""Under ``mkdocs serve``: the list plan and the posts' entries, carried from one build to the next.

A rebuild runs ``on_files`` for every page again. The plan depends on the settings and, of each
page, only on what ``plan.make`` reads of it (``_plan_facts``: a Hugo page or not, its terms, a
section index's title) and on the URLs the site's pages take; while none of them changes, the
last plan is used again (``plan.add_again``), else it is made anew.

``mkdocs serve --dirty`` renders only the posts whose file changed, so the other posts' entries
come from the build that last rendered them, and a list page (and its feed) is written again
when a post it lists changed what its card shows: front matter, dates or URL (``_card_facts``),
or when the list itself changed (its posts, pages, title or ``_index.md``). An edit to a post's
body alone writes no list page: the lists catch up with it on the next full build, like the nav.
Whether a list page's output exists is known without a stat when the last complete build had
the same page (``Kept.written``, ``ListFile.present``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import Files

from ..source import reuse
from ..source.page import PageData
from .entries import Entry
from .plan import ListFile, ListPage, Plan
from .structure import is_branch_index, parent_section, term_names

DATES = ("date", "publishDate", "lastmod", "expiryDate")


@dataclass
class Kept:
    """What one build of the lists hands the next one."""

    settings: tuple[Any, ...] | None = None
    facts: dict[str, tuple[object, tuple[Any, ...]]] = field(default_factory=dict)
    """``src_uri`` → (the front matter they were read from, ``_plan_facts``)."""
    key: list[Any] | None = None
    """What ``plan`` was made from."""
    plan: Plan | None = None
    pages: Mapping[str, PageData] = field(default_factory=dict)
    """The last build's pages."""
    entries: dict[str, Entry] = field(default_factory=dict)
    """Every page's entry from the last build that rendered it."""
    building: list[ListFile] = field(default_factory=list)
    """The list pages of the build under way."""
    written: set[str] = field(default_factory=set)
    """``dest_uri`` of every list page that the last complete build left in the output
    (``site_dir`` is one of the settings); empty while a build is under way, so a build that
    stops half way leaves nothing taken for granted."""


@dataclass
class Carried:
    plan: Plan
    entries: dict[str, Entry]
    """The entries this build starts with: under ``--dirty``, those of the posts it keeps."""
    again: set[str]
    """``src_uri`` of the list pages and paths of the feeds a ``--dirty`` build writes again
    although they exist."""


def plan_for(
    kept: Kept,
    settings: tuple[Any, ...],
    files: Files,
    pages: Mapping[str, PageData],
    included: list[str],
    taxonomies: Iterable[str],
    dirty: bool,
    make: Callable[[], Plan],
    add: Callable[[Plan], None],
) -> Carried:
    """This build's plan: the last one while what it depends on is unchanged (``add`` applies
    it to this build's files), else ``make()``."""
    carried = settings == kept.settings and kept.plan is not None
    if settings != kept.settings:
        kept.settings, kept.facts, kept.key, kept.plan = settings, {}, None, None
        kept.written = set()
    plurals = tuple(taxonomies)
    key: list[Any] = [(src, _known_facts(kept, src, pages.get(src), plurals)) for src in included]
    key += [(f.src_uri, f.url) for f in files if f.is_documentation_page()]
    changed = _changed(kept, files, pages, included) if dirty and carried else set()
    old = kept.plan
    if old is not None and key == kept.key:
        add(old)
        plan = old
    else:
        plan = kept.plan = make()
        kept.key = key
    entries: dict[str, Entry] = {}
    again: set[str] = set()
    if dirty and carried and old is not None:
        present = set(included)
        entries = {src: entry for src, entry in kept.entries.items() if src in present}
        again = affected(old, plan, changed) if changed or plan is not old else set()
        for src in again:
            file = files.src_uris.get(src)
            if isinstance(file, ListFile):
                file.again = True
    kept.pages, kept.entries = pages, entries
    _mark_present(kept, plan, files)
    return Carried(plan, entries, again)


def _mark_present(kept: Kept, plan: Plan, files: Files) -> None:
    """Tell this build's list files which of them the last complete build wrote."""
    kept.building = []
    for made in plan.added:
        file = files.src_uris.get(made.src_uri)
        if isinstance(file, ListFile):
            file.present = file.dest_uri in kept.written
            kept.building.append(file)
    kept.written = set()


def built(kept: Kept) -> None:
    """The build is complete: every one of its list pages is in the output (written now, or
    left from before under ``--dirty``)."""
    kept.written = {file.dest_uri for file in kept.building}


def _known_facts(
    kept: Kept, src: str, data: PageData | None, plurals: tuple[str, ...]
) -> tuple[Any, ...]:
    if data is None:
        return ()
    return reuse.by_front_matter(kept.facts, data, lambda page: _plan_facts(src, page, plurals))


def _plan_facts(src: str, data: PageData, plurals: tuple[str, ...]) -> tuple[Any, ...]:
    """What ``plan.make`` reads of a page."""
    title = data.params.text("title") if is_branch_index(src) else ""
    terms = tuple(tuple(term_names(data, plural)) for plural in plurals)
    return (data.is_hugo_page, terms, title)


def _card_facts(data: PageData) -> tuple[Any, ...]:
    """What a list shows of a post, but for its body: its front matter and dates."""
    dates = tuple(data.params.date(name) for name in DATES)
    return (data.front.format, data.front.data, dates)


def _changed(
    kept: Kept, files: Files, pages: Mapping[str, PageData], included: list[str]
) -> set[str]:
    """The pages whose card may differ from the last build's, and those that came or went."""
    changed = set(kept.pages.keys() - pages.keys())
    for src in included:
        data, before = pages.get(src), kept.pages.get(src)
        if data is None or before is None:
            if data is not before:
                changed.add(src)
            continue
        if data.front is before.front:
            continue  # the same file, read once (`source.reuse`)
        if is_branch_index(src) or _card_facts(data) != _card_facts(before):
            changed.add(src)  # an `_index.md` is shown whole, body too
            continue
        entry, file = kept.entries.get(src), files.src_uris.get(src)
        if entry is not None and file is not None and entry.url != file.url:
            changed.add(src)
    return changed


def affected(old: Plan, new: Plan, changed: set[str]) -> set[str]:
    """The list pages (``src_uri``) and feeds (path) that show one of the ``changed`` pages,
    before or after, or that changed themselves between the ``old`` and the ``new`` plan."""
    keys: set[tuple[str, str]] = set()
    for plan in (old, new) if old is not new else (new,):
        for listed in [*plan.lists.values(), *plan.feeds.values()]:
            if listed.number != 1:
                continue  # the pages of one list share its posts
            source = listed.source
            if (source is not None and source.src_uri in changed) or not changed.isdisjoint(
                listed.members
            ):
                keys.add((listed.kind, listed.key))
    if old is not new:
        for src, listed in new.lists.items():
            before = old.lists.get(src)
            if before is None or _outline(before) != _outline(listed):
                keys.add((listed.kind, listed.key))
        keys.update((listed.kind, listed.key) for src, listed in old.lists.items()
                    if src not in new.lists)  # fmt: skip
    # A section lists its subsections (dated by their newest post), a taxonomy its terms.
    for kind, key in list(keys):
        if kind == "section" and key:
            keys.add(("section", parent_section(key, new.shape.branches)))
        elif kind == "term":
            keys.add(("taxonomy", key.split("/", 1)[0]))
    again = {src for src, listed in new.lists.items() if (listed.kind, listed.key) in keys}
    again.update(
        path for path, listed in new.feeds.items()
        if (listed.kind, listed.key) in keys or (listed.kind == "home" and changed)
    )  # fmt: skip
    return again


def _outline(listed: ListPage) -> tuple[Any, ...]:
    source = listed.source.front if listed.source is not None else None
    return (listed.kind, listed.key, listed.title, listed.members, listed.number, listed.pages,
            listed.feed, listed.subsections, source)  # fmt: skip
