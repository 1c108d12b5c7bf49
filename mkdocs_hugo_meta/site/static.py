"""Hugo's ``staticDir``: every file under the named folders is served at the site root, as
Hugo copies ``static/`` (``static/images/x.png`` → ``/images/x.png``)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..context import SiteContext

log = get_plugin_logger(__name__)


class StaticFile(File):
    """A file copied as it is, even a ``.md`` one: Hugo never renders what is in ``static/``."""

    def is_documentation_page(self) -> bool:
        return False


def folders(option: object, config: MkDocsConfig) -> list[Path]:
    """The ``staticDir`` folders, relative to mkdocs.yml (a missing one is reported by
    ``add_files``)."""
    names = [option] if isinstance(option, str) else list(option) if isinstance(
        option, (list, tuple)) else []
    base = Path(config.config_file_path or ".").resolve().parent
    return [base / str(name) for name in names]


def add_files(files: Files, config: MkDocsConfig, roots: list[Path]) -> list[str]:
    """Add every file under ``roots`` to ``files`` at its path inside its folder; a file of the
    docs folder, or of an earlier folder, at the same path wins. Returns the problems (a
    missing folder), for the caller to report against mkdocs.yml."""
    problems: list[str] = []
    dests = {file.dest_uri: file.src_uri for file in files}
    docs_dir = Path(config.docs_dir).resolve()
    for root in roots:
        if not root.is_dir():
            problems.append(f"staticDir: '{root}' is not a folder; nothing is copied from it")
            continue
        if root.resolve() == docs_dir:
            problems.append(f"staticDir: '{root}' is the docs folder itself; ignored")
            continue
        for folder, subfolders, names in os.walk(root):
            # Hidden folders and files (.git, .DS_Store) are no part of a site.
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            for name in sorted(names):
                if name.startswith("."):
                    continue
                rel = Path(folder, name).relative_to(root).as_posix()
                owner = dests.get(rel)
                if owner is not None or files.get_file_from_path(rel) is not None:
                    log.log(logging.INFO, f"static file '{rel}' is also '{owner or rel}' in "
                            "the docs; the docs file is served")
                    continue
                file = StaticFile(rel, str(root), config.site_dir, config.use_directory_urls,
                                  inclusion=InclusionLevel.INCLUDED)
                files.append(file)
                dests[rel] = rel
    return problems


def add_for_site(files: Files, site: SiteContext) -> list[Path]:
    """The ``staticDir`` files added to ``files``; the folders, for ``mkdocs serve`` to watch."""
    roots = folders(site.options.staticDir, site.config)
    for problem in add_files(files, site.config, roots):
        site.warn_config_once(problem, f"plugins.hugo-meta.{problem}")
    return roots
