"""The Markdown extension on its own under Zensical, which runs no MkDocs plugins.

Zensical is run in a child process in which ``mkdocs`` cannot be imported (as in a Zensical-only
environment): the fixture site's videos and shortcodes must come out as under the plugin, and
the extension's warnings must reach Zensical's console, naming the page.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

FIXTURE = Path(__file__).parent / "data" / "zensical_site"

if importlib.util.find_spec("zensical") is None:
    # Zensical needs Python 3.11 or newer; the test extra installs it there.
    pytest.skip(
        f"zensical is not installed (Python {sys.version_info.major}.{sys.version_info.minor});"
        " `pip install zensical` to run the Zensical tests",
        allow_module_level=True,
    )

# Runs `zensical build --clean` with every `mkdocs` import failing.
RUN_WITHOUT_MKDOCS = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoMkDocs(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "mkdocs" or name.startswith("mkdocs."):
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, NoMkDocs())
    import mkdocs_hugo_meta.markdown_ext
    assert not [m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")]
    from zensical.main import cli
    sys.argv = ["zensical", "build", "--clean"]
    cli()
    """
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("zensical")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", RUN_WITHOUT_MKDOCS],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return root / "site", done.stdout + done.stderr


def test_videos_and_shortcodes(built: tuple[Path, str]) -> None:
    site, _ = built
    soup = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    videos = soup.select("div.hm-video")
    providers = [(v["data-provider"], v["data-video-id"]) for v in videos]
    assert providers == [
        ("youtube", "dQw4w9WgXcQ"),
        ("vimeo", "55073825"),
        ("youtube", "M7lc1UVf-VE"),
    ]
    players = " ".join(str(v) for v in videos)
    assert "www.youtube-nocookie.com" in players and "dnt=1" in players
    # Nobody adds the plugin's assets: the page carries the video stylesheet and facade script.
    assert any(".hm-video" in (style.string or "") for style in soup.select("style"))
    figure = soup.select_one("figure")
    assert figure is not None and figure.select_one("img")["src"] == "cat.png"
    assert figure.select_one("figcaption em") is not None
    details = soup.select_one("details")
    assert details is not None and "Hidden until opened." in details.get_text()
    assert "package main" in soup.get_text()
    assert "{{<" not in soup.get_text().replace("{{< no-such-shortcode >}}", "")


def test_warnings_reach_the_console(built: tuple[Path, str]) -> None:
    _, output = built
    warnings = [line for line in output.splitlines() if "hugo-meta:" in line]
    assert warnings == [
        "WARNING -  hugo-meta: index.md: line 19 after the front matter: unknown shortcode "
        "{{< no-such-shortcode >}} left as text"
    ]
