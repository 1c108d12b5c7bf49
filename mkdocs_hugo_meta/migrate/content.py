"""Which files a migration copies: ``content/`` into ``docs/`` (page bundles with their
resources, as they sit) and the static folders into ``static/``. Nothing in the Hugo site is
ever written to."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
OTHER_FORMATS = (".html", ".htm", ".adoc", ".asciidoc", ".ad", ".org", ".rst", ".pandoc", ".pdc")
"""Content formats Hugo renders and MkDocs does not: copied, but not pages."""
PROGRESS_EVERY = 500


@dataclass
class Copy:
    files: list[tuple[Path, str]] = field(default_factory=list)
    """(source file, path under DEST)."""
    pages: list[str] = field(default_factory=list)
    """Markdown files, relative to ``docs/``."""
    sections: set[str] = field(default_factory=set)
    """Top-level content folders (Hugo's sections)."""
    other_formats: list[str] = field(default_factory=list)
    resources: int = 0
    static: int = 0
    shadowed: list[str] = field(default_factory=list)
    """Static files not copied because content (or an earlier static dir) has that path."""


def _walk(root: Path) -> list[Path]:
    """Every file under ``root``, in a stable order; hidden files and folders left out, as
    Hugo and MkDocs leave them out."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder) / n for n in sorted(names) if not n.startswith(".")]
    return found


def plan(site: Path, content_dir: str, static_dirs: list[str], static_target: str) -> Copy:
    """What to copy: content into ``docs/``, static files into ``static_target`` (``static``,
    or ``docs`` where the plugin cannot serve a static folder; a page there wins)."""
    work = Copy()
    content = site / content_dir
    for path in _walk(content) if content.is_dir() else []:
        rel = path.relative_to(content).as_posix()
        work.files.append((path, f"docs/{rel}"))
        if "/" in rel:
            work.sections.add(rel.split("/", 1)[0])
        suffix = path.suffix.lower()
        if suffix in MARKDOWN:
            work.pages.append(rel)
        elif suffix in OTHER_FORMATS:
            work.other_formats.append(f"{content_dir}/{rel}")
        else:
            work.resources += 1
    taken = {target for _, target in work.files}
    for static_dir in static_dirs:
        folder = site / static_dir
        for path in _walk(folder) if folder.is_dir() else []:
            target = f"{static_target}/{path.relative_to(folder).as_posix()}"
            if target in taken:
                work.shadowed.append(target)
                continue
            taken.add(target)
            work.files.append((path, target))
            work.static += 1
    return work


def copy(work: Copy, dest: Path) -> None:
    """Copy every planned file, keeping modification times (Hugo's ``:fileModTime`` dates)."""
    total = len(work.files)
    for done, (source, target) in enumerate(work.files, start=1):
        out = dest / target
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, out)
        if done % PROGRESS_EVERY == 0 or (done == total and total > PROGRESS_EVERY):
            log.info("copied %d of %d files", done, total)
