"""Hugo's ``layouts/shortcodes/*.html`` and ``layouts/_shortcodes/*.html`` as the plugin's
Jinja2 shortcode templates: translated where ``gotemplate`` can, else a stub that shows the
text between the tags, with the original kept beside it as ``NAME.html.go``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..shortcodes.builtin import SHORTCODES
from .gotemplate import Unported, translate

FOLDERS = ("layouts/shortcodes", "layouts/_shortcodes")
"""Hugo's legacy folder, then the one it prefers since 0.146 (its templates win)."""
TARGET = "shortcodes"


@dataclass
class Port:
    name: str
    """The shortcode's name as content calls it (``ui/kbd``)."""
    source: str
    """The Go template, relative to the Hugo site."""
    template: str | None
    """The Jinja2 template to write as ``shortcodes/NAME.html``; ``None`` when a built-in of
    the plugin is used instead of a stub."""
    original: str | None = None
    """The Go template, kept as ``NAME.html.go`` when it could not be translated."""
    problem: Unported | None = None

    @property
    def target(self) -> str:
        return f"{TARGET}/{self.name}.html"


def _stub(name: str, problem: Unported) -> str:
    return (
        f"{{#- Stub for the {name!r} shortcode: its Hugo template ({name}.html.go beside this "
        f"file) uses {problem.construct} (line {problem.line}), which has no counterpart here. "
        "Until it is ported by hand, the text between the tags is shown. -#}\n"
        "{{ inner }}\n"
    )


def find(site: Path) -> dict[str, Path]:
    """Shortcode name → its template file; ``_shortcodes`` over ``shortcodes``."""
    found: dict[str, Path] = {}
    for folder in FOLDERS:
        root = site / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.html")):
            rel = path.relative_to(root).as_posix()
            stem = rel[: -len(".html")]
            # `name.amp.html`, `name.en.html`: other output formats and languages.
            if "." not in Path(stem).name:
                found[stem] = path
    return found


def port(site: Path) -> list[Port]:
    ports = []
    for name, path in sorted(find(site).items()):
        source = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site).as_posix()
        try:
            ports.append(Port(name, rel, translate(source)))
        except Unported as problem:
            builtin = name in SHORTCODES
            template = None if builtin else _stub(name, problem)
            ports.append(Port(name, rel, template, source, problem))
    return ports


def skipped(site: Path) -> list[str]:
    """Shortcode templates for other output formats or languages, not ported."""
    out = []
    for folder in FOLDERS:
        root = site / folder
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                other = path.suffix != ".html" or path.name.count(".") > 1
                if path.is_file() and other and not path.name.startswith("."):
                    out.append(path.relative_to(site).as_posix())
    return out
