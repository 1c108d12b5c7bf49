"""Build real MkDocs sites in temporary folders and read what they produced.

Shared by the build tests: write ``docs/`` and ``mkdocs.yml``, run MkDocs' own ``build`` in this
process, and hand back the parsed HTML and every warning the build logged.
"""

from __future__ import annotations

import json
import logging
import os
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

# HUGO_META_THEMES narrows the themes, e.g. for an engine that has no Material.
THEMES = tuple(os.environ.get("HUGO_META_THEMES", "mkdocs,readthedocs,material").split(","))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def captured_warnings() -> Iterator[list[str]]:
    """Every warning MkDocs or a plugin logs while the block runs, as text."""
    handler = _Collect()
    # ProperDocs logs under its own name; MkDocs under "mkdocs".
    loggers = [logging.getLogger(name) for name in ("mkdocs", "properdocs")]
    for logger in loggers:
        logger.addHandler(handler)
    messages: list[str] = []
    try:
        yield messages
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
        messages.extend(r.getMessage() for r in handler.records)


@dataclass
class Site:
    root: Path
    site_dir: Path
    warnings: list[str] = field(default_factory=list)

    def path(self, page: str) -> Path:
        """Output file of a page given by its source path (``posts/a.md``) or output path."""
        if page.endswith(".md"):
            stem = page[:-3]
            if stem == "index" or stem.endswith("/index"):
                return self.site_dir / stem[: -len("index")] / "index.html"
            return self.site_dir / stem / "index.html"
        return self.site_dir / page

    def html(self, page: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(page).read_text(encoding="utf-8"), "html.parser")

    def text(self, page: str) -> str:
        return self.path(page).read_text(encoding="utf-8")

    def search_index(self) -> dict[str, Any]:
        for candidate in ("search/search_index.json",):
            target = self.site_dir / candidate
            if target.exists():
                loaded: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
                return loaded
        raise AssertionError("no search index was written")

    def warnings_about(self, needle: str) -> list[str]:
        return [w for w in self.warnings if needle in w]


EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"
EXAMPLE_CONFIGS = {
    "mkdocs": "mkdocs.yml",
    "readthedocs": "mkdocs-readthedocs.yml",
    "material": "mkdocs-material.yml",
}


def build_config_file(config_file: Path, site_dir: Path, *, strict: bool = False) -> list[str]:
    """Build an existing ``mkdocs.yml`` into ``site_dir``, as `mkdocs build` does; the warnings."""
    with captured_warnings() as warnings:
        cfg = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    return warnings


def build_example_site(theme: str, site_dir: Path) -> list[str]:
    """Build ``example_site/`` with the given theme's config; the warnings it logged."""
    return build_config_file(EXAMPLE_SITE / EXAMPLE_CONFIGS[theme], site_dir)


def write_site(
    root: Path,
    pages: Mapping[str, str | bytes],
    *,
    theme: str = "mkdocs",
    plugin: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
    home_page: bool = True,
) -> Path:
    """Write ``docs/`` and ``mkdocs.yml`` under ``root``; return the config file's path.

    A home page (``index.md``) is written unless ``pages`` has one or ``home_page`` is false."""
    docs = root / "docs"
    for name, content in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    if home_page and "index.md" not in pages:
        (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": "Test site",
        "site_url": "https://example.org/blog/",
        "theme": {"name": theme},
        "plugins": ["search", {"hugo-meta": dict(plugin or {})}],
    }
    config.update(extra or {})
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def build_site(
    root: Path,
    pages: Mapping[str, str | bytes],
    *,
    theme: str = "mkdocs",
    plugin: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
    strict: bool = False,
    home_page: bool = True,
) -> Site:
    """Build a site from ``pages`` (path under docs/ -> Markdown) and return what came out."""
    config_file = write_site(
        root, pages, theme=theme, plugin=plugin, extra=extra, home_page=home_page
    )
    site_dir = root / "site"
    return Site(root, site_dir, build_config_file(config_file, site_dir, strict=strict))
