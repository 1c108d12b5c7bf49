"""Rendering the plugin's Jinja2 templates, which a theme's ``custom_dir`` can override.

A template nobody overrides is rendered by its Python twin in ``twins`` (same markup,
a fraction of the time); an override is rendered by Jinja2.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from . import twins

PACKAGE_TEMPLATES = Path(__file__).parent.parent / "templates"
"""Holds ``hugo_meta/*.html``; appended to the theme's dirs, so a user's copy wins."""


class Templates:
    """A small Jinja2 environment over the theme's dirs (``custom_dir`` first, ours last)."""

    def __init__(self, dirs: Sequence[str | Path], *, quick: bool = True) -> None:
        self.loader = jinja2.FileSystemLoader([str(d) for d in dirs])
        self.env = jinja2.Environment(
            loader=self.loader,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        # One lookup per template and build: Jinja2's own cache would stat the file on every
        # render to check it is up to date, and a build (or serve reload) makes a new instance.
        self._loaded: dict[str, jinja2.Template] = {}
        self._quick: dict[str, Callable[..., str] | None] = {}
        self._use_quick = quick

    def get(self, name: str) -> jinja2.Template:
        """The compiled ``hugo_meta/NAME`` (the user's ``custom_dir`` copy when there is one)."""
        template = self._loaded.get(name)
        if template is None:
            template = self._loaded[name] = self.env.get_template(f"hugo_meta/{name}")
        return template

    def quick(self, name: str) -> Callable[..., str] | None:
        """The Python twin of ``hugo_meta/NAME`` when the file in use is the package's own."""
        if name not in self._quick:
            twin = twins.RENDERERS.get(name) if self._use_quick else None
            if twin is not None:
                _, used, _ = self.loader.get_source(self.env, f"hugo_meta/{name}")
                ours = PACKAGE_TEMPLATES / "hugo_meta" / name
                if Path(used or "").resolve() != ours.resolve():
                    twin = None  # overridden in custom_dir: the user's template it is
            self._quick[name] = twin
        return self._quick[name]

    def render(self, name: str, **context: Any) -> str:
        """Render ``hugo_meta/NAME`` and strip surrounding whitespace."""
        twin = self.quick(name)
        text = twin(**context) if twin is not None else self.get(name).render(**context)
        return text.strip()
