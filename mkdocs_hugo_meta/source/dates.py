"""Date parsing and formatting the way Hugo users expect.

Hugo accepts many layouts for front-matter dates; a value without a zone takes the site's
time zone (``timezone`` in the plugin config, UTC by default).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# strptime layouts for the forms Hugo documents beyond ISO 8601 / RFC 3339.
_LAYOUTS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%a, %d %b %Y %H:%M:%S %z",  # RFC 1123 with numeric zone
    "%a, %d %b %Y %H:%M:%S %Z",  # RFC 1123
    "%d %b %y %H:%M %z",  # RFC 822 with numeric zone
    "%d %b %y %H:%M %Z",  # RFC 822
    "%A, %d-%b-%y %H:%M:%S %Z",  # RFC 850
    "%a %b %d %H:%M:%S %Y",  # ANSI C
    "%d %b %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%Y/%m/%d",
)
_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_]")
_UTC_NAMES = {"UTC", "GMT", "Z"}

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip


def zone(name: str | None) -> tzinfo:
    """The named IANA zone; UTC for an empty or unknown name."""
    if not name or name.upper() in _UTC_NAMES:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def parse_date(value: object, tz: tzinfo = timezone.utc) -> datetime | None:
    """A timezone-aware datetime from a YAML/TOML date value or a Hugo-style string.

    Returns ``None`` when the value is not a date.
    """
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=tz)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    parsed = _parse_iso(text)
    if parsed is None:
        for layout in _LAYOUTS:
            try:
                parsed = datetime.strptime(text, layout)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def _parse_iso(text: str) -> datetime | None:
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        return None


def date_from_filename(name: str, tz: tzinfo = timezone.utc) -> datetime | None:
    """The date of a ``2024-05-01-title.md`` file name, as Hugo's ``:filename`` reads it."""
    match = _FILENAME_DATE.match(name)
    if not match:
        return None
    try:
        year, month, day = (int(g) for g in match.groups())
        return datetime(year, month, day, tzinfo=tz)
    except ValueError:
        return None


def format_date(moment: datetime, layout: str, months: tuple[str, ...] = MONTHS_EN) -> str:
    """Format with a small subset of Go's reference layout ("January 2, 2006") or strftime.

    A layout containing ``%`` is taken as a strftime format; otherwise the Go reference tokens
    below are replaced, which covers the layouts PaperMod sites set as ``DateFormat``.
    """
    if "%" in layout:
        return moment.strftime(layout)
    tokens = {
        "January": months[moment.month - 1],
        "Jan": months[moment.month - 1][:3],
        "2006": f"{moment.year:04d}",
        "06": f"{moment.year % 100:02d}",
        "01": f"{moment.month:02d}",
        "02": f"{moment.day:02d}",
        "_2": f"{moment.day:2d}",
        "2": str(moment.day),
        "1": str(moment.month),
        "15": f"{moment.hour:02d}",
        "03": f"{(moment.hour % 12) or 12:02d}",
        "04": f"{moment.minute:02d}",
        "05": f"{moment.second:02d}",
        "Monday": moment.strftime("%A"),
        "Mon": moment.strftime("%a"),
        "PM": "PM" if moment.hour >= 12 else "AM",
        "MST": moment.strftime("%Z"),
    }
    return _GO_TOKENS.sub(lambda m: tokens[m.group(0)], layout)


# Go layout tokens, longest first so "January" wins over "Jan" and "2006" over "2"; built once,
# since every dated page formats its date.
_GO_TOKENS = re.compile(
    "|".join(
        sorted(
            (re.escape(t) for t in (
                "January", "Jan", "2006", "06", "01", "02", "_2", "2", "1", "15", "03", "04",
                "05", "Monday", "Mon", "PM", "MST",
            )),
            key=len,
            reverse=True,
        )
    )
)


DATE_CHAINS: dict[str, tuple[str, ...]] = {
    "date": ("date", "publishdate", "lastmod"),
    "publishdate": ("publishdate", "date"),
    "lastmod": ("lastmod", "date", "publishdate"),
}
"""Hugo's default ``frontmatter`` configuration, over the plugin's canonical keys: each date
takes the first of these a page sets. (Hugo's other names for them, ``pubdate``/``published``
for ``publishDate`` and ``modified`` for ``lastmod``, are already read into those keys, in
Hugo's order.)"""


def fill_from_each_other(values: dict[str, Any]) -> None:
    """Fill ``date``, ``publishdate`` and ``lastmod`` from one another as Hugo does: a page that
    sets only ``published:`` is dated by it, and its ``lastmod`` is that date too."""
    # In this order, each from what the ones before it settled on (as Hugo does: a page with
    # only `lastmod` gets that date as `date`, and then as `publishDate` too).
    for target, chain in DATE_CHAINS.items():
        found = next((values[key] for key in chain if key in values), None)
        if found is not None:
            values[target] = found
