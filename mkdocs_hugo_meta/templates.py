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

    def render(self, name: str, **context: Any) -> str:
        """Render ``hugo_meta/NAME`` and strip surrounding whitespace."""
        return self.env.get_template(f"hugo_meta/{name}").render(**context).strip()
