"""The site's own shortcodes: a Hugo shortcode ported as a Jinja2 template ``NAME.html``.

Templates live in ``hugo_meta/shortcodes/`` under the theme's ``custom_dir`` (or in the folder
the ``shortcodes_dir`` option names). A template sees what a Go shortcode template sees, under
these names: ``get(0)``/``get("key")`` (``.Get``), ``params`` (``.Params``: a list for a
positional call, else a mapping), ``is_named_params``, ``inner`` and ``inner_deindent``
(``.Inner``, ``.InnerDeindent``), ``name``, ``ordinal``, ``page.title``/``page.params``/
``page.url``/``page.date`` (``.Page``), ``site.params``/``site.title`` (``.Site``), and the
``markdownify`` filter.

The ``shortcodes`` option maps a name to ``hide`` (nothing is rendered), ``text`` (the inner
text only) or a template file, for shortcodes not worth a template.
"""

from __future__ import annotations

import contextlib
import textwrap
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import diagnostics
from ..markup import inline, text
from .scanner import Shortcode
from .specs import ShortcodeError

FOLDER = "hugo_meta/shortcodes"
"""Where templates are looked for under each of the theme's dirs (``custom_dir`` first)."""
HIDE, TEXT = "hide", "text"


@dataclass(frozen=True)
class PageView:
    """``.Page`` for a template: what Hugo's page methods give, as plain values."""

    title: str
    params: dict[str, Any]
    """The page's front matter, keys lower-cased as Hugo's ``.Params`` has them."""
    url: str
    date: datetime | None


@dataclass(frozen=True)
class SiteView:
    """``.Site`` for a template."""

    title: str
    params: dict[str, Any]


@dataclass
class Call:
    """One shortcode call, as the template sees it."""

    shortcode: Shortcode
    page: PageView
    site: SiteView
    ordinal: int = 0

    def get(self, key: int | str) -> str:
        """Hugo's ``.Get``: by position in a positional call, by name in a named one; a key of
        the other kind, or one the call does not set, prints nothing."""
        sc = self.shortcode
        if isinstance(key, int):
            return sc.positional[key] if not sc.named and 0 <= key < len(sc.positional) else ""
        if sc.positional:
            return ""
        return next((v for k, v in sc.named.items() if k.lower() == str(key).lower()), "")

    def values(self) -> dict[str, Any]:
        sc = self.shortcode
        inner = sc.inner or ""
        return {
            "get": self.get,
            "params": list(sc.positional) if sc.positional else dict(sc.named),
            "is_named_params": bool(sc.named),
            # Hugo hands `.Inner` to a template as markup, not as text to escape.
            "inner": Markup(inner),
            "inner_deindent": Markup(textwrap.dedent(inner)),
            "name": sc.name,
            "ordinal": self.ordinal,
            "page": self.page,
            "site": self.site,
        }


@dataclass
class SiteShortcodes:
    """The site's own shortcodes for one build: templates found once, compiled once."""

    dirs: list[Path]
    actions: dict[str, str] = field(default_factory=dict)
    """The ``shortcodes`` option: name -> ``hide``, ``text`` or a template file name."""
    root: Path | None = None
    """Paths in warnings are shown relative to this folder (mkdocs.yml's)."""

    def shown(self, path: str) -> str:
        """``path`` as a warning shows it: relative to mkdocs.yml's folder when inside it."""
        if self.root is not None:
            with contextlib.suppress(ValueError):
                return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        return path

    def missing_templates(self) -> list[str]:
        """``shortcodes`` option values that name a template file no folder has."""
        missing = []
        for name, action in self.actions.items():
            if action in (HIDE, TEXT):
                continue
            try:
                self.env.get_template(action)
            except jinja2.TemplateNotFound:
                missing.append(f"{name}: {action}")
            except jinja2.TemplateError:
                pass  # reported where it is used, with its line
        return missing

    def __post_init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]),
            autoescape=True,
            # Lenient, as Go templates are: a parameter the call does not set prints nothing.
            undefined=jinja2.Undefined,
        )
        # As text: `inner` is Markup, and escaping Markup would escape its text a second time.
        self.env.filters["markdownify"] = lambda value: inline.render(str(value))
        self._templates: dict[str, jinja2.Template | None] = {}
        self._broken: dict[str, str] = {}
        """Templates that cannot be read, by name: why (reported at every use)."""

    def knows(self, name: str) -> bool:
        try:
            return name in self.actions or self._template(name) is not None
        except ShortcodeError:
            return True  # the site has one; rendering it reports why it cannot be read

    def _template(self, name: str) -> jinja2.Template | None:
        """The compiled template for ``name`` (``None`` when the site has none)."""
        if name in self._broken:
            raise ShortcodeError(self._broken[name])
        if name not in self._templates:
            file = self.actions.get(name) or f"{name}.html"
            if file in (HIDE, TEXT):
                self._templates[name] = None
                return None
            try:
                self._templates[name] = self.env.get_template(file)
            except jinja2.TemplateNotFound:
                self._templates[name] = None
            except jinja2.TemplateSyntaxError as error:
                where = f"{self.shown(error.filename or file)}:{error.lineno}"
                reason = text.show(error.message or str(error), 120)
                self._broken[name] = f"template {where} cannot be read ({reason})"
                raise ShortcodeError(self._broken[name]) from None
        return self._templates[name]

    def render(self, call: Call) -> str | None:
        """What the call renders to: HTML, or the inner text for ``text``; ``None`` when the
        site has nothing for it. A template's error is a ``ShortcodeError`` naming its line."""
        name = call.shortcode.name
        action = self.actions.get(name)
        if action == HIDE:
            return ""
        if action == TEXT:
            return call.shortcode.inner or ""
        template = self._template(name)
        if template is None:
            return None
        try:
            return template.render(call.values())
        except Exception as error:  # any failure of the site's template leaves the tag as text
            raise ShortcodeError(
                f"template {self.shown(_where(template, error))} failed "
                f"({type(error).__name__}: {text.show(str(error), 120)})"
            ) from None


def _where(template: jinja2.Template, error: BaseException) -> str:
    """``file:line`` of the template line that failed (Jinja2 maps its frames to them)."""
    filename = template.filename or template.name or "?"
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return f"{filename}:{line}" if line else filename


def folders(theme_dirs: list[str], configured: str | None, config_dir: Path) -> list[Path]:
    """Where the site's templates are: the ``shortcodes_dir`` option, else ``FOLDER`` under
    each of the theme's dirs that has one."""
    if configured:
        path = Path(configured)
        return [path if path.is_absolute() else config_dir / path]
    return [Path(d) / FOLDER for d in theme_dirs if (Path(d) / FOLDER).is_dir()]


def for_site(
    theme_dirs: list[str], config_dir: Path, configured: str | None, actions: dict[str, str]
) -> SiteShortcodes:
    """The site's shortcodes for a build, with what is wrong in their options reported against
    mkdocs.yml once."""
    dirs = folders(theme_dirs, configured, config_dir)
    if configured and not dirs[0].is_dir():
        diagnostics.warn_site(
            f"plugins.hugo-meta.shortcodes_dir: '{configured}' is not a folder; "
            "the site's shortcodes are not found"
        )
    own = SiteShortcodes(dirs, actions, config_dir)
    for missing in own.missing_templates():
        diagnostics.warn_site(
            f"plugins.hugo-meta.shortcodes: {missing} is not 'hide', 'text' or a template "
            "file in the shortcodes folder"
        )
    return own
