"""Each file's front matter read once per version of the file, across `mkdocs serve` rebuilds.

A rebuild in `mkdocs serve` (``--dirty`` above all) re-runs ``on_files`` for every page, and
reading front matter is most of the plugin's cost there. What ``page.parse`` makes of a file
depends only on its bytes and modification time (``:fileModTime``), its ``src_uri``, the time
zone and the site's ``frontmatter`` setting, so it is kept here by the file's absolute path and
reused while the file's modification time and size and the other three are unchanged; whatever
else ``page.parse`` comes to depend on must join ``Stamp``. The ``PageData`` made from it is
kept too and handed to the next build as that build would make it (``_renewed``): the site's
``params`` joined afresh (a change to mkdocs.yml needs no key of its own), the page's problems
reported again, and what a build adds to a page (``PageData.warned``, ``in_main_section``,
``params.extra``) emptied.

The store is module-level because the plugin instance may not outlive a rebuild, and bounded
(least recently used files go first). Only `mkdocs serve` uses it: a one-off build would keep
its pages for nothing.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .. import diagnostics
from . import dates, page

if TYPE_CHECKING:
    from mkdocs.structure.files import File

MAX_FILES = 20_000
"""Files kept at most."""
MAX_CHARS = 200_000_000
"""Characters of page bodies kept at most (a few hundred MB at worst)."""


Setting = tuple[tuple[tuple[str, tuple[str, ...]], ...], bool]
"""The site's ``frontmatter`` setting (``dates.Chains``, which holds a dict), hashable."""


class Stamp(NamedTuple):
    """Everything that decides what ``page.parse`` makes of a file."""

    mtime_ns: int
    size: int
    src_uri: str
    tz: tzinfo
    chains: Setting


class _Kept(NamedTuple):
    stamp: Stamp
    source: page.Source
    data: page.PageData
    """The page as the last build that read the file had it."""


_kept: dict[str, _Kept] = {}
_chars = 0


def read(
    file: File,
    site_params: dict[str, Any],
    tz: tzinfo,
    chains: dates.Chains | None = None,
    *,
    keep: bool,
) -> page.PageData:
    """``file`` as this build's ``PageData``; parsed again only when it changed (``keep``) or
    when it is not a file on disk (its content was set by another plugin)."""
    path = file.abs_src_path
    chains = chains or dates.Chains()
    modified = functools.partial(dates.modified_time, path, tz)  # read only if a date needs it
    stamp = _stamp(file, tz, chains) if keep and path is not None else None
    if stamp is None or path is None:
        return page.read(file.src_uri, file.content_bytes, site_params, tz, chains, modified)
    found = _kept.pop(path, None)
    if found is not None:
        _forget(found.source)
    if found is not None and found.stamp == stamp:
        source, data = found.source, _renewed(found, site_params)
    else:
        source = page.parse(file.src_uri, file.content_bytes, tz, chains, modified)
        data = page.page_data(file.src_uri, source, site_params, shared=True)
    _keep(path, _Kept(stamp, source, data))
    return data


def _renewed(found: _Kept, site_params: dict[str, Any]) -> page.PageData:
    """The kept page as ``page.page_data`` would make it for this build, without making it."""
    data = found.data
    for line, message in found.source.problems:
        diagnostics.warn(data.src_uri, line, message)
    data.warned = set()
    data.in_main_section = False  # the lists mark it again (`lists.plan`)
    data.params.site = site_params
    data.params.extra = {}
    return data


_settings: tuple[dates.Chains | None, Setting] = (None, ((), False))
"""The last ``frontmatter`` setting seen and its hashable form: one build reads every file
with the same ``Chains``, so the form is made once per build, not once per file."""


def _stamp(file: File, tz: tzinfo, chains: dates.Chains) -> Stamp | None:
    global _settings
    try:
        status = os.stat(file.abs_src_path or "")
    except OSError:
        return None  # read as usual, which reports the problem as before
    if _settings[0] is not chains:
        _settings = (chains, (tuple(sorted(chains.by_target.items())), chains.configured))
    return Stamp(status.st_mtime_ns, status.st_size, file.src_uri, tz, _settings[1])


def _keep(path: str, kept: _Kept) -> None:
    """Keep ``kept`` as the most recently used entry, dropping the oldest past the bounds."""
    global _chars
    _kept[path] = kept  # re-inserted, so dict order is least recently used first
    _chars += len(kept.source.front.body)
    while _kept and (len(_kept) > MAX_FILES or _chars > MAX_CHARS):
        oldest = next(iter(_kept))
        _forget(_kept.pop(oldest).source)


def _forget(source: page.Source) -> None:
    global _chars
    _chars -= len(source.front.body)


def clear() -> None:
    """Forget every kept file."""
    global _chars
    _kept.clear()
    _chars = 0


T = TypeVar("T")


def by_front_matter(
    store: dict[str, tuple[object, T]],
    data: page.PageData,
    make: Callable[[page.PageData], T],
) -> T:
    """What ``make`` works out from a page's front matter, from ``store`` while the page's
    ``FrontMatter`` is the very object it was worked out from: ``read`` hands on the same one
    while the file is unchanged."""
    known = store.get(data.src_uri)
    if known is not None and known[0] is data.front:
        return known[1]
    value = make(data)
    store[data.src_uri] = (data.front, value)
    return value
