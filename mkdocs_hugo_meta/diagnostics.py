"""Warnings a user can act on: one line each, naming the file and the line.

They go through MkDocs' plugin logger, so ``mkdocs build --strict`` turns them into errors.
``guarded`` is the fault barrier: whatever goes wrong in one feature of one page becomes one
warning naming the file, the feature and the reason, and the page builds without that feature.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from .markup.text import printable


def _logger() -> Any:
    try:
        from mkdocs.plugins import get_plugin_logger
    except ImportError:
        # Without MkDocs (Zensical runs the Markdown extension alone): a plain logger under
        # "mkdocs.plugins", the name MkDocs-compatible hosts show in their build log.
        return logging.getLogger(f"mkdocs.plugins.{__name__}")
    return get_plugin_logger(__name__)


log = _logger()

T = TypeVar("T")


def where(src_uri: str, line: int | None = None) -> str:
    """``posts/a.md:12`` (or just the path when the line is unknown)."""
    return f"{src_uri}:{line}" if line else src_uri


def warn(src_uri: str, line: int | None, message: str) -> None:
    """Report a problem in a source file."""
    log.warning(printable(f"{where(src_uri, line)}: {message}"))


def error(src_uri: str, line: int | None, message: str) -> None:
    """Report a problem Hugo would stop the build for; the build here goes on."""
    log.error(printable(f"{where(src_uri, line)}: {message}"))


def warn_site(message: str) -> None:
    """Report a problem with the site configuration (mkdocs.yml)."""
    log.warning(printable(f"mkdocs.yml: {message}"))


def info(message: str) -> None:
    """Tell the user what the plugin did in their place (never an error under ``--strict``)."""
    log.info(printable(message))


def guarded(source: str, feature: str, work: Callable[[], T], fallback: T) -> T:
    """``work()``, or ``fallback`` after one warning when it fails in any way.

    ``source`` names what is blamed (a page's ``src_uri``, or ``mkdocs.yml`` for site-wide
    steps). No exception from the plugin's own work reaches MkDocs: a bad page costs a warning
    (an error under ``--strict``), never the build or a running ``mkdocs serve``.
    """
    try:
        return work()
    except Exception as error:  # the barrier itself: every failure is reported, none escapes
        failed(source, feature, error)
        return fallback


def failed(source: str, feature: str, error: Exception) -> None:
    """Report that ``feature`` was left out of ``source`` because of ``error``."""
    reason = str(error).strip() or type(error).__name__
    if len(reason) > 200:
        reason = reason[:197] + "..."
    log.warning(printable(f"{source}: {feature} left out ({type(error).__name__}: {reason})"))
