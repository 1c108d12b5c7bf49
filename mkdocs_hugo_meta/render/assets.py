"""The stylesheet and scripts the plugin ships, served from the built site.

The stylesheet is kept as one small file per feature under ``assets/css/`` and served as one
file, ``assets/hugo-meta/hugo-meta.css``, registered in ``extra_css`` like MkDocs' own search
plugin registers its assets.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: the Markdown extension also runs without MkDocs
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

ASSETS = Path(__file__).parent.parent / "assets"
SITE_DIR = "assets/hugo-meta"
STYLESHEET = f"{SITE_DIR}/hugo-meta.css"
SCRIPTS = ("video.js", "toc.js")


@cache
def stylesheet() -> str:
    """All feature stylesheets, in file-name order."""
    parts = sorted((ASSETS / "css").glob("*.css"))
    return "\n".join(part.read_text(encoding="utf-8") for part in parts)


def register(config: MkDocsConfig) -> None:
    """Add the stylesheet to every page."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)


def add_files(files: Files, config: MkDocsConfig) -> None:
    """Put the stylesheet and scripts into the site as generated files."""
    from mkdocs.structure.files import File

    files.append(File.generated(config, STYLESHEET, content=stylesheet()))
    for name in SCRIPTS:
        source = ASSETS / name
        if source.exists():
            files.append(File.generated(config, f"{SITE_DIR}/{name}", abs_src_path=str(source)))


def script_url(name: str, page_url: str) -> str:
    """Relative URL of a shipped script from a page at ``page_url``."""
    from mkdocs.utils import get_relative_url

    return str(get_relative_url(f"{SITE_DIR}/{name}", page_url))
