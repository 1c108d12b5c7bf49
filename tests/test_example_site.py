"""The example site builds on every theme with exactly the warnings its posts are meant to show."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuilder import THEMES, build_example_site

ROOT = Path(__file__).resolve().parent.parent


def documented_warnings() -> list[str]:
    """The warnings the README promises for the example site (its bullet list)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("reports exactly the warnings its posts are written to show", 1)[1]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"^- `(.+)`$", section, re.MULTILINE)


@pytest.mark.parametrize("theme", THEMES)
def test_example_site_builds_with_only_the_documented_warnings(
    theme: str, tmp_path: Path
) -> None:
    warnings = build_example_site(theme, tmp_path / "site")
    ours = sorted(w.removeprefix("mkdocs_hugo_meta: ") for w in warnings)
    assert ours == sorted(documented_warnings())
    assert (tmp_path / "site" / "posts" / "sourdough-starter-smell" / "index.html").exists()
