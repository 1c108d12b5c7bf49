"""RSS 2.0 feeds at Hugo's URLs (``/index.xml``, ``/posts/index.xml``, ``/tags/go/index.xml``).

Items carry Hugo's fields: title, link, ``pubDate`` (RFC 1123 with a numeric zone), guid (the
permalink) and description (the post's description, else its summary), with the full content
when the site sets ``ShowFullTextinRSS``. Drafts and future posts are never in a feed, even under
``mkdocs serve``; ``hiddenInRss`` posts are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

from ..markup import text
from .entries import Entry
from .plan import ListPage, Plan

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def rfc1123(moment: datetime) -> str:
    """``Mon, 02 Jan 2006 15:04:05 -0700``, in English whatever the machine's locale."""
    zone = moment.strftime("%z") or "+0000"
    return (
        f"{_DAYS[moment.weekday()]}, {moment.day:02d} {_MONTHS[moment.month - 1]} "
        f"{moment.year:04d} {moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} {zone}"
    )


def items(listed: ListPage, plan: Plan, entries: Mapping[str, Entry], limit: int) -> list[Entry]:
    """The feed's posts: the list's (home: every page), published, not hidden, newest first."""
    from .cards import ordered

    if listed.kind == "home":
        chosen: Iterable[Entry] = entries.values()
    else:
        chosen = (e for e in (entries.get(src) for src in listed.members) if e is not None)
    # The site's own home page is Hugo's home, never an item of a feed.
    kept = [
        e for e in chosen if e.draft is None and not e.hidden_in_rss
        and e.layout not in ("search", "archives") and e.src_uri not in plan.lists
        and e.url not in ("", "index.html")
    ]  # fmt: skip
    kept = ordered(kept)
    return kept[:limit] if limit >= 1 else kept


def render(
    listed: ListPage,
    path: str,
    plan: Plan,
    entries: Mapping[str, Entry],
    *,
    site_name: str,
    site_url: str,
    language: str,
    copyright_text: str,
    page_url: str,
    limit: int,
    full_text: bool,
) -> str:
    chosen = items(listed, plan, entries, limit)
    is_home = listed.kind == "home"
    title = site_name if is_home or listed.title == site_name else f"{listed.title} on {site_name}"
    where = "" if is_home else f"in {listed.title} "
    link = urljoin(site_url, page_url)
    lines = [
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "  <channel>",
        f"    <title>{_x(title)}</title>",
        f"    <link>{_x(link)}</link>",
        f"    <description>{_x(f'Recent content {where}on {site_name}')}</description>",
        "    <generator>mkdocs-hugo-meta</generator>",
        f"    <language>{_x(language)}</language>",
    ]
    if copyright_text:
        lines.append(f"    <copyright>{_x(text.text_of(copyright_text).strip())}</copyright>")
    newest = [moment for e in chosen if (moment := e.lastmod or e.date) is not None]
    if newest:
        lines.append(f"    <lastBuildDate>{rfc1123(max(newest))}</lastBuildDate>")
    lines.append(f'    <atom:link href="{_x(urljoin(site_url, path))}" rel="self" '
                 'type="application/rss+xml" />')  # fmt: skip
    for entry in chosen:
        permalink = urljoin(site_url, entry.url)
        lines.append("    <item>")
        lines.append(f"      <title>{_x(text.text_of(entry.title))}</title>")
        lines.append(f"      <link>{_x(permalink)}</link>")
        # An undated post gets no pubDate (optional in RSS), where Hugo writes the year 1.
        if entry.published is not None:
            lines.append(f"      <pubDate>{rfc1123(entry.published)}</pubDate>")
        lines.append(f"      <guid>{_x(permalink)}</guid>")
        description = _x(entry.description) if entry.description else _x(entry.summary.html)
        lines.append(f"      <description>{description}</description>")
        if full_text and entry.content:
            body = _NOT_XML.sub("", entry.content).replace("]]>", "]]]]><![CDATA[>")
            lines.append(f"      <content:encoded><![CDATA[{body}]]></content:encoded>")
        lines.append("    </item>")
    lines += ["  </channel>", "</rss>", ""]
    return "\n".join(lines)


# Characters XML 1.0 does not allow anywhere, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(value: str) -> str:
    # What xml.sax.saxutils.escape does, without the import of urllib it brings.
    text = _NOT_XML.sub("", value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write(site_dir: str, path: str, xml: str) -> None:
    target = Path(site_dir, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(xml, encoding="utf-8")
