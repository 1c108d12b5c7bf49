"""Warnings a user can act on: one line each, naming the file and the line.

They go through MkDocs' plugin logger, so ``mkdocs build --strict`` turns them into errors.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def where(src_uri: str, line: int | None = None) -> str:
    """``posts/a.md:12`` (or just the path when the line is unknown)."""
    return f"{src_uri}:{line}" if line else src_uri


def warn(src_uri: str, line: int | None, message: str) -> None:
    """Report a problem in a source file."""
    log.warning(f"{where(src_uri, line)}: {message}")


def warn_site(message: str) -> None:
    """Report a problem with the site configuration (mkdocs.yml)."""
    log.warning(f"mkdocs.yml: {message}")
