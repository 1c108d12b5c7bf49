"""The Python-Markdown extensions that render a Hugo post as Hugo's Goldmark renderer does.

Name → configuration, in the order they are listed in ``mkdocs.yml``. ``hugo-meta migrate``
writes them into the ``markdown_extensions`` of the site it makes; Hugo's own defaults are the
reason for each one (typographer → ``smarty``, strikethrough → ``tilde``, linkify →
``magiclink``, task lists, footnotes, definition lists, tables, fenced code with highlighting).
"""

from __future__ import annotations

from typing import Any

RECOMMENDED_EXTENSIONS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": True},
    "tables": {},
    "footnotes": {},
    "def_list": {},
    "sane_lists": {},
    "smarty": {"smart_angled_quotes": True},
    "pymdownx.superfences": {},
    "pymdownx.highlight": {},
    "pymdownx.magiclink": {},
    "pymdownx.tasklist": {},
    # Goldmark's strikethrough is `~~x~~` only; a single `~` stays text.
    "pymdownx.tilde": {"subscript": False},
    "pymdownx.betterem": {},
    "pymdownx.saneheaders": {},
}
