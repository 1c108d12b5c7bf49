"""The README's reference tables are generated from the code and must match it."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def load_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "readme_reference", ROOT / "scripts" / "readme_reference.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_tables_match_the_code() -> None:
    readme = README.read_text(encoding="utf-8")
    assert load_generator().render(readme) == readme, (
        "README.md is out of date: run `python scripts/readme_reference.py --write`"
    )


def test_readme_starts_with_the_two_setup_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert "mkdocs serve -f example_site/mkdocs.yml" in blocks[0]
    assert "pip install -e '.[test]'" in blocks[1]
    for tool in ("ruff check", "mypy", "pytest"):
        assert tool in blocks[1]


def test_every_hm_class_the_templates_use_is_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    templates = (ROOT / "mkdocs_hugo_meta" / "templates").rglob("*.html")
    used = {
        name
        for path in templates
        for name in re.findall(r"\b(hm-[a-z0-9-]+)", path.read_text(encoding="utf-8"))
    }
    missing = sorted(name for name in used if f"`{name}`" not in readme)
    assert not missing, f"classes missing from the README's HTML contract: {missing}"
