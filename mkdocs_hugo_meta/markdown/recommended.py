"""The Markdown extensions that bring Python-Markdown closest to Hugo's goldmark.

Measured on real PaperMod blogs built by Hugo and by MkDocs: with these (and the plugin's
``goldmark`` mode for lists and fences) posts match Hugo's structure far more often — bare URLs
become links, quotes and dashes are curled, task lists are checkboxes, ``~~text~~`` is struck
through, footnotes are numbered by first reference. ``hugo-meta migrate`` writes them into the
``markdown_extensions`` of the site it makes (leaving out what the Hugo config turns off); the
plugin names, once per build, the ones a site lacks (the settings of one it has are its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

RECOMMENDED_EXTENSIONS: dict[str, dict[str, Any]] = {
    # Headings get ids, as Hugo's autoHeadingID gives them, and an anchor, as PaperMod's do.
    "toc": {"permalink": True},
    "tables": {},
    "footnotes": {"USE_DEFINITION_ORDER": False},
    "def_list": {},
    "sane_lists": {},
    "smarty": {"smart_angled_quotes": True},
    "pymdownx.superfences": {"relaxed_headers": True},
    "pymdownx.highlight": {},
    "pymdownx.magiclink": {},
    "pymdownx.tasklist": {},
    # Goldmark's strikethrough is `~~x~~` only; a single `~` stays text.
    "pymdownx.tilde": {"subscript": False},
    "pymdownx.betterem": {},
    "pymdownx.saneheaders": {},
}
"""Extension name (as written in ``markdown_extensions``) -> its configuration, in the order
``mkdocs.yml`` lists them."""

_IN_EXTRA = ("footnotes", "def_list", "tables")
"""Recommended extensions that Python-Markdown's ``extra`` loads too."""


def _name(extension: object) -> str:
    """``markdown.extensions.tables`` and ``tables`` alike; an instance by its module."""
    name = extension if isinstance(extension, str) else type(extension).__module__
    return name.removeprefix("markdown.extensions.")


def missing(extensions: Iterable[object]) -> list[str]:
    """The recommended extensions that ``extensions`` (``markdown_extensions``) lacks."""
    present = {_name(extension) for extension in extensions}
    if "extra" in present:
        present.update(_IN_EXTRA)
    return [name for name in RECOMMENDED_EXTENSIONS if name not in present]


def report_missing(extensions: Iterable[object]) -> None:
    """Say once, as information, which recommended extensions the site lacks."""
    lacking = missing(extensions)
    if lacking:
        log.info(
            "Hugo pages render closer to Hugo with these Markdown extensions, which "
            f"markdown_extensions lacks: {', '.join(lacking)} (see the README, "
            "\"Hugo's Markdown\")"
        )
