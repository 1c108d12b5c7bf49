"""Rendering the plugin's Jinja2 templates, which a theme's ``custom_dir`` can override."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

PACKAGE_TEMPLATES = Path(__file__).parent / "templates"
"""Holds ``hugo_meta/*.html``; appended to the theme's dirs, so a user's copy wins."""


class Templates:
    """A small Jinja2 environment over the theme's dirs (``custom_dir`` first, ours last)."""

    def __init__(self, dirs: Sequence[str | Path]) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        # One lookup per template and build: Jinja2's own cache would stat the file on every
        # render to check it is up to date, and a build (or serve reload) makes a new instance.
        self._loaded: dict[str, jinja2.Template] = {}

    def get(self, name: str) -> jinja2.Template:
        """The compiled ``hugo_meta/NAME`` (the user's ``custom_dir`` copy when there is one)."""
        template = self._loaded.get(name)
        if template is None:
            template = self._loaded[name] = self.env.get_template(f"hugo_meta/{name}")
        return template

    def render(self, name: str, **context: Any) -> str:
        """Render ``hugo_meta/NAME`` and strip surrounding whitespace."""
        return self.get(name).render(**context).strip()
