"""Date parsing and formatting the way Hugo users expect.

Hugo accepts many layouts for front-matter dates; a value without a zone takes the site's
time zone (``timezone`` in the plugin config, UTC by default).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    return date_and_slug(name.rsplit(".", 1)[0] if "." in name else name, tz)[0]


def format_date(moment: datetime, layout: str, months: tuple[str, ...] = MONTHS_EN) -> str:
    """Format with a small subset of Go's reference layout ("January 2, 2006") or strftime.

    A layout containing ``%`` is taken as a strftime format; otherwise the Go reference tokens
    below are replaced, which covers the layouts PaperMod sites set as ``DateFormat``.
    """
    if "%" in layout:
        return moment.strftime(layout)
    # Only the tokens the layout holds are worked out (three of them call strftime).
    return _GO_TOKENS.sub(lambda m: _GO_TOKEN_VALUES[m.group(0)](moment, months), layout)


_GO_TOKEN_VALUES: dict[str, Callable[[datetime, tuple[str, ...]], str]] = {
    "January": lambda t, months: months[t.month - 1],
    "Jan": lambda t, months: months[t.month - 1][:3],
    "2006": lambda t, _: f"{t.year:04d}",
    "06": lambda t, _: f"{t.year % 100:02d}",
    "01": lambda t, _: f"{t.month:02d}",
    "02": lambda t, _: f"{t.day:02d}",
    "_2": lambda t, _: f"{t.day:2d}",
    "2": lambda t, _: str(t.day),
    "1": lambda t, _: str(t.month),
    "15": lambda t, _: f"{t.hour:02d}",
    "03": lambda t, _: f"{(t.hour % 12) or 12:02d}",
    "04": lambda t, _: f"{t.minute:02d}",
    "05": lambda t, _: f"{t.second:02d}",
    "Monday": lambda t, _: t.strftime("%A"),
    "Mon": lambda t, _: t.strftime("%a"),
    "PM": lambda t, _: "PM" if t.hour >= 12 else "AM",
    "MST": lambda t, _: t.strftime("%Z"),
}


# Go layout tokens, longest first so "January" wins over "Jan" and "2006" over "2"; built once,
# since every dated page formats its date.
_GO_TOKENS = re.compile(
    "|".join(
        sorted(
            (re.escape(t) for t in _GO_TOKEN_VALUES),
            key=len,
            reverse=True,
        )
    )
)


DATE_CHAINS: dict[str, tuple[str, ...]] = {
    "date": ("date", "publishdate", "lastmod"),
    "lastmod": (":git", "lastmod", "date", "publishdate"),
    "publishdate": ("publishdate", "date"),
    "expirydate": ("expirydate",),
}
"""Hugo's default ``frontmatter`` configuration, over the plugin's canonical keys, in the order
Hugo settles them: each date takes the first of these a page sets. (Hugo's other names for them,
``pubdate``/``published`` for ``publishDate`` and ``modified`` for ``lastmod``, are already read
into those keys, in Hugo's order.) ``:git`` needs Git history, which the plugin does not read."""

_CANONICAL = {"pubdate": "publishdate", "published": "publishdate", "modified": "lastmod",
              "unpublishdate": "expirydate"}


@dataclass(frozen=True)
class Chains:
    """The site's ``frontmatter`` setting: where each of the four dates comes from."""

    by_target: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DATE_CHAINS))
    configured: bool = False
    """Whether the site set ``frontmatter``; without it a page with no date at all still takes
    one from a dated file name (the plugin's own fallback, which leaves the URL alone)."""


def chains_from(option: Mapping[str, Any], report: Callable[[str], None]) -> Chains:
    """The ``frontmatter`` option (Hugo's ``[frontmatter]``): a list of names per date, where
    ``:default`` stands for Hugo's own list, ``:filename`` for the date in the file name and
    ``:fileModTime`` for the file's modification time."""
    chains = dict(DATE_CHAINS)
    for key, value in option.items():
        target = _CANONICAL.get(str(key).lower(), str(key).lower())
        if target not in chains:
            report(f"frontmatter.{key} is not one of date, lastmod, publishDate, expiryDate; "
                   "ignored")
            continue
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            report(f"frontmatter.{key} should be a list of front-matter keys and :tokens; ignored")
            continue
        chain: list[str] = []
        for name in names:
            lowered = name.strip().lower()
            if lowered == ":default":
                chain.extend(DATE_CHAINS[target])
            elif lowered.startswith(":") and lowered not in (":filename", ":filemodtime", ":git"):
                report(f"frontmatter.{key}: '{name}' is not a token Hugo knows; ignored")
            else:
                chain.append(_CANONICAL.get(lowered, lowered))
        chains[target] = tuple(dict.fromkeys(chain))
    return Chains(chains, configured=bool(option))


@dataclass(frozen=True)
class FileFacts:
    """What ``:filename`` and ``:fileModTime`` read about a page's file."""

    base_name: str = ""
    """The file name without extension; a leaf bundle's folder name."""
    modified: Callable[[], datetime | None] = lambda: None


def modified_time(path: str | None, tz: tzinfo = timezone.utc) -> datetime | None:
    """Hugo's ``:fileModTime``: when the file was last changed (``None`` for a generated one)."""
    if not path:
        return None
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, tz)
    except OSError:
        return None


def date_and_slug(base_name: str, tz: tzinfo = timezone.utc) -> tuple[datetime | None, str]:
    """Hugo's ``:filename``: the ``2024-05-01`` or ``2024-05-01-10-30-00`` that opens a file
    name, and the rest of the name without leading ``-``, ``_`` or spaces (the slug)."""
    for size, layout in ((19, "%Y-%m-%d-%H-%M-%S"), (10, "%Y-%m-%d")):
        head = base_name[:size]
        if len(head) == size and head[:4].isdigit():
            try:
                moment = datetime.strptime(head, layout).replace(tzinfo=tz)
            except ValueError:
                continue
            return moment, base_name[size:].strip(" -_")
    return None, ""


def settle(
    values: dict[str, Any],
    front: Mapping[str, Any],
    chains: Chains,
    file: FileFacts,
    tz: tzinfo = timezone.utc,
) -> str | None:
    """Fill ``values``' four dates from the chains (the page's checked flags, keyed as the
    catalogue keys them); return the slug of a dated file name when ``:filename`` gave a date.

    Each date is settled in Hugo's order; a later chain that names it finds the page's own value,
    or the settled one when the page has none (a page with only ``lastmod`` gets it as ``date``,
    then as ``publishDate``).
    ``front`` is the raw front matter, for a chain that names a key of the site's own.
    """
    slug: str | None = None
    lowered: dict[str, Any] | None = None
    own = {key: values[key] for key in DATE_CHAINS if key in values}
    for target, chain in chains.by_target.items():
        found: datetime | None = None
        for name in chain:
            if name == ":filename":
                found, rest = date_and_slug(file.base_name, tz)
                if found is not None:
                    slug = rest
            elif name == ":filemodtime":
                found = file.modified()
            elif name == ":git":
                continue
            elif name in DATE_CHAINS:
                found = own.get(name)
            else:
                if lowered is None:
                    lowered = {str(k).lower(): v for k, v in front.items()}
                found = parse_date(lowered.get(name), tz)
            if found is not None:
                break
        if found is not None:
            values[target] = found
            own.setdefault(target, found)
    return slug


def fill_from_each_other(values: dict[str, Any]) -> None:
    """Fill ``date``, ``publishdate`` and ``lastmod`` from one another as Hugo's default
    ``frontmatter`` settings do: a page that sets only ``published:`` is dated by it."""
    settle(values, {}, Chains(), FileFacts())
