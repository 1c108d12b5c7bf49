"""Each file's front matter read once per version of the file, across `mkdocs serve` rebuilds.

A rebuild in `mkdocs serve` (``--dirty`` above all) re-runs ``on_files`` for every page, and
reading front matter is most of the plugin's cost there. What ``page.parse`` makes of a file
depends only on its bytes and modification time (``:fileModTime``), its ``src_uri``, the time
zone and the site's ``frontmatter`` setting, so it is kept here by the file's absolute path and
reused while the file's modification time and size and the other three are unchanged. The
site's ``params`` are joined afresh on every build
(``page.page_data``), so a change to mkdocs.yml needs no key of its own; whatever else
``page.parse`` comes to depend on must join ``Stamp``.

The store is module-level because the plugin instance may not outlive a rebuild, and bounded
(least recently used files go first). Only `mkdocs serve` uses it: a one-off build would keep
its pages for nothing.
"""

from __future__ import annotations

import functools
import os
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, NamedTuple

from . import dates, page

if TYPE_CHECKING:
    from mkdocs.structure.files import File

MAX_FILES = 20_000
"""Files kept at most."""
MAX_CHARS = 200_000_000
"""Characters of page bodies kept at most (a few hundred MB at worst)."""


class Stamp(NamedTuple):
    """Everything that decides what ``page.parse`` makes of a file."""

    mtime_ns: int
    size: int
    src_uri: str
    tz: tzinfo
    chains: tuple[tuple[tuple[str, tuple[str, ...]], ...], bool]
    """The site's ``frontmatter`` setting (``dates.Chains``, which holds a dict), hashable."""


_kept: dict[str, tuple[Stamp, page.Source]] = {}
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
    modified = functools.partial(dates.modified_time, path, tz)
    stamp = _stamp(file, tz, chains) if keep and path is not None else None
    if stamp is None or path is None:
        return page.read(file.src_uri, file.content_bytes, site_params, tz, chains, modified)
    found = _kept.pop(path, None)
    if found is not None:
        _forget(found[1])
    if found is not None and found[0] == stamp:
        source = found[1]
    else:
        source = page.parse(file.src_uri, file.content_bytes, tz, chains, modified)
    _keep(path, stamp, source)
    return page.page_data(file.src_uri, source, site_params, shared=True)


def _stamp(file: File, tz: tzinfo, chains: dates.Chains) -> Stamp | None:
    try:
        status = os.stat(file.abs_src_path or "")
    except OSError:
        return None  # read as usual, which reports the problem as before
    setting = (tuple(sorted(chains.by_target.items())), chains.configured)
    return Stamp(status.st_mtime_ns, status.st_size, file.src_uri, tz, setting)


def _keep(path: str, stamp: Stamp, source: page.Source) -> None:
    """Keep ``source`` as the most recently used entry, dropping the oldest past the bounds."""
    global _chars
    _kept[path] = (stamp, source)  # re-inserted, so dict order is least recently used first
    _chars += len(source.front.body)
    while _kept and (len(_kept) > MAX_FILES or _chars > MAX_CHARS):
        oldest = next(iter(_kept))
        _forget(_kept.pop(oldest)[1])


def _forget(source: page.Source) -> None:
    global _chars
    _chars -= len(source.front.body)


def clear() -> None:
    """Forget every kept file."""
    global _chars
    _kept.clear()
    _chars = 0
