"""The HTML of generated list pages: entry cards, pagination, terms and the archive."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..markup import inline
from ..source import dates
from ..source.params import PageParams
from .entries import Entry
from .plan import ListPage, Plan
from .structure import HOME, collation_key

if TYPE_CHECKING:
    from ..context import SiteContext


@dataclass(frozen=True)
class Pager:
    prev: str
    next: str
    number: int
    pages: int
    show_numbers: bool


def href(target_url: str, page: Page) -> str:
    """A link from ``page`` to a page at ``target_url`` (both MkDocs ``url``s)."""
    return get_relative_url(target_url, page.url) if target_url != page.url else "./"


def card(entry: Entry, page: Page, site: SiteContext, show_summary: bool) -> Markup:
    image: dict[str, Any] | None = None
    if entry.image is not None:
        src = get_relative_url(entry.image.src, page.url) if entry.image.local else entry.image.src
        image = {"src": src, "alt": entry.image.alt, "size": entry.image.size}
    summary = entry.summary.plain if show_summary and not entry.hide_summary else ""
    return Markup(
        site.templates.render(
            "entry.html", labels=site.labels, href=href(entry.url, page), title=entry.title,
            draft=entry.draft, image=image, summary=summary, truncated=entry.summary.truncated,
            parts=entry.meta,
        )
    )  # fmt: skip


def ordered(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=Entry.sort_key)


def members(
    listed: ListPage, entries: Mapping[str, Entry], cache: dict[str, list[Entry]] | None = None
) -> list[Entry]:
    """The list's posts that were rendered, in Hugo's order (home: minus hiddenInHomeList).

    Sorted once per list, not once per pagination page: ``cache`` holds each list's order.
    """
    if cache is not None:
        known = cache.get(listed.key + "\n" + listed.kind)
        if known is None:
            known = cache[listed.key + "\n" + listed.kind] = members(listed, entries)
        return known
    found = (entries.get(src) for src in listed.members)
    chosen = [e for e in found if e is not None]
    if listed.kind == "home":
        chosen = [e for e in chosen if not e.hidden_in_home]
    return ordered(chosen)


def list_page(
    listed: ListPage,
    page: Page,
    plan: Plan,
    entries: Mapping[str, Entry],
    urls: Mapping[str, str],
    site: SiteContext,
    intro: str,
    cache: dict[str, list[Entry]],
) -> str:
    """The content of one generated list page."""
    params = site_params(site)
    chosen = members(listed, entries, cache)
    if listed.kind == "section" and listed.subsections:
        key = listed.key + "\nwith subsections"
        if key not in cache:
            cache[key] = _with_subsections(listed, chosen, plan, entries, urls, cache)
        chosen = cache[key]
    size = plan.pager_size
    shown = chosen[(listed.number - 1) * size : listed.number * size]
    cards = [card(e, page, site, True) for e in shown]
    pager = None
    if len(listed.pages) > 1:
        number = listed.number
        prev_src = listed.pages[number - 2] if number > 1 else None
        next_src = listed.pages[number] if number < len(listed.pages) else None
        pager = Pager(
            href(urls[prev_src], page) if prev_src is not None and prev_src in urls else "",
            href(urls[next_src], page) if next_src is not None and next_src in urls else "",
            number, len(listed.pages), params.flag("ShowPageNums"),
        )  # fmt: skip
    feed = ""
    if listed.feed and listed.kind != "home" and params.flag("ShowRssButtonInSectionTermList"):
        feed = get_relative_url(listed.feed, page.url)
    source = listed.source
    description = source.params.text("description").strip() if source else ""
    terms = _terms(listed, plan, urls, page) if listed.kind == "taxonomy" else []
    home_info = _home_info(params) if listed.kind == "home" and listed.number == 1 else None
    return site.templates.render(
        "list.html", labels=site.labels, title=listed.title, description=description, feed=feed,
        intro=Markup(intro), home_info=home_info, entries=cards, terms=terms, pager=pager,
    )  # fmt: skip


def _with_subsections(
    listed: ListPage,
    chosen: list[Entry],
    plan: Plan,
    entries: Mapping[str, Entry],
    urls: Mapping[str, str],
    cache: dict[str, list[Entry]],
) -> list[Entry]:
    # Hugo's section list holds its subsections too, each dated by its newest post.
    from . import summaries

    extra: list[Entry] = []
    for section in listed.subsections:
        src = f"{section}/index.md"
        if src not in urls:
            continue
        sub = plan.lists[src]
        # Hugo dates a section by its newest post (not by the first in list order).
        newest = max((e.date for e in members(sub, entries, cache) if e.date), default=None)
        empty = summaries.Summary("", False, "auto")
        extra.append(Entry(src, urls[src], sub.title, newest, newest, newest, 0, empty, ""))
    return ordered(chosen + extra) if extra else chosen


@dataclass(frozen=True)
class TermLink:
    name: str
    href: str
    count: int


def _terms(listed: ListPage, plan: Plan, urls: Mapping[str, str], page: Page) -> list[TermLink]:
    terms = plan.shape.taxonomies.get(listed.key, {})
    linked = plan.term_pages.get(listed.key, {})
    found = []
    for key in sorted(terms, key=collation_key):  # Hugo's .Data.Terms.Alphabetical
        src = linked.get(key)
        if src is None or src not in urls:
            continue
        found.append(TermLink(terms[key].title, href(urls[src], page), len(terms[key].members)))
    return found


def _home_info(params: PageParams) -> dict[str, Any] | None:
    title = params.text("homeInfoParams.Title").strip()
    content = params.text("homeInfoParams.Content").strip()
    if not title and not content:
        return None
    return {"title": title, "content": inline.render(content) if content else ""}


def site_params(site: SiteContext) -> PageParams:
    return site.params if site.params is not None else PageParams({}, {})


# --------------------------------------------------------------------------- archive


def archive(
    page: Page, entries: Iterable[Entry], site: SiteContext, months: tuple[str, ...]
) -> str:
    """Posts grouped by year (of publication) and month (of date), newest first."""
    years: dict[int, dict[int, list[Entry]]] = {}
    for entry in ordered_by_date(entries):
        published = entry.published or entry.date
        if published is None or entry.date is None:
            continue
        years.setdefault(published.year, {}).setdefault(entry.date.month, []).append(entry)
    layout = site.date_format  # the meta line's layout (PaperMod's DateFormat)
    groups = []
    for year in sorted(years, reverse=True):
        month_groups = []
        for month in sorted(years[year], reverse=True):
            listed = years[year][month]
            month_groups.append({
                "name": months[month - 1], "id": f"{year}-{dates.MONTHS_EN[month - 1]}",
                "count": len(listed),
                "entries": [{
                    "href": href(e.url, page), "title": e.title, "draft": e.draft,
                    "date": dates.format_date(e.date, layout, months) if e.date else "",
                    "datetime": e.date.isoformat() if e.date else "",
                } for e in listed],
            })  # fmt: skip
        total = sum(m["count"] for m in month_groups)  # type: ignore[misc]
        groups.append({"year": year, "count": total, "months": month_groups})
    return site.templates.render("archive.html", labels=site.labels, years=groups)


def ordered_by_date(entries: Iterable[Entry]) -> list[Entry]:
    def key(entry: Entry) -> tuple[float, str]:
        stamp = entry.date.timestamp() if entry.date else float("-inf")
        return (-stamp, entry.src_uri)

    return sorted(entries, key=key)


__all__ = ["HOME", "archive", "card", "list_page"]
