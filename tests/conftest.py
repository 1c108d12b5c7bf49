"""Fixtures shared by the test tiers."""

from __future__ import annotations

import os

if os.environ.get("HUGO_META_ENGINE") == "properdocs":
    # ProperDocs, the maintained fork, answers every `mkdocs.*` import once this is loaded.
    import properdocs.replacement  # noqa: F401

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sitebuilder import THEMES, Site, build_site

SEED = Path(__file__).parent / "data" / "seed_like_post.md"


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    """Each of the three themes the plugin must work on."""
    return str(request.param)


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Site]:
    """Build a site in a fresh folder: ``build({"posts/a.md": "..."}, theme=..., plugin=...)``."""
    counter = iter(range(1000))

    def run(pages: dict[str, Any], **kwargs: Any) -> Site:
        return build_site(tmp_path / f"site{next(counter)}", pages, **kwargs)

    return run


@pytest.fixture
def seed_post() -> str:
    """A post shaped like the PaperMod archetype posts users bring (see tests/data)."""
    return SEED.read_text(encoding="utf-8")
