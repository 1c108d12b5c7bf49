"""``hugo-meta migrate HUGO_SITE DEST``: a Hugo site as an MkDocs site using this plugin.

The stages, one module each: ``hugoconfig`` reads the Hugo config wherever Hugo would,
``mapping`` turns it into ``mkdocs.yml`` (``menus`` makes the nav), ``content`` copies
``content/`` and ``static/``, ``shortcodes`` ports the site's shortcode templates with
``gotemplate``, and ``report`` says what was done and what is left. ``cli`` is the command.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

from . import content, hugoconfig, menus, shortcodes
from .mapping import KNOWN, Mapper
from .report import Report

log = logging.getLogger(__name__)

THEMES = ("material", "mkdocs", "readthedocs")
MKDOCS_YML = "mkdocs.yml"


class MigrateError(Exception):
    """The migration cannot start (no Hugo site, a DEST it must not write to)."""


def _check_places(source: Path, dest: Path, force: bool) -> None:
    if not source.is_dir():
        raise MigrateError(f"{source}: not a folder")
    src, out = source.resolve(), dest.resolve()
    if out == src or src in out.parents or out in src.parents:
        raise MigrateError(f"{dest}: overlaps the Hugo site {source}, which is never written to")
    if dest.exists() and not dest.is_dir():
        raise MigrateError(f"{dest}: exists and is not a folder")
    if dest.is_dir() and any(dest.iterdir()) and not force:
        raise MigrateError(f"{dest}: not empty; pass --force to write into it")


def migrate(source: Path, dest: Path, theme: str = "material", force: bool = False,
            dry_run: bool = False) -> Report:  # fmt: skip
    """Migrate ``source`` into ``dest`` (or only work out what would be done)."""
    if theme not in THEMES:
        raise MigrateError(f"unknown theme {theme!r} (known: {', '.join(THEMES)})")
    _check_places(source, dest, force)
    report = Report(str(source), str(dest), dry_run)
    try:
        config = hugoconfig.read(source)
    except hugoconfig.ConfigError as error:
        raise MigrateError(str(error)) from None
    report.config_files = config.files
    report.notes += config.notes

    content_dir = str(config.get("contentDir", default="content") or "content")
    static = config.get("staticDir", default="static")
    static_dirs = [static] if isinstance(static, str) else [str(s) for s in static or []]
    log.info("reading %s", source / content_dir)
    # Files from static/ are served at the site root: by the plugin's staticDir option, else
    # (an older plugin) from docs/, where MkDocs serves them at the same paths.
    static_target = "static" if "staticDir" in KNOWN else "docs"
    work = content.plan(source, content_dir, static_dirs, static_target)
    report.copied = {
        "pages": len(work.pages),
        "resources": work.resources,
        "static files": work.static,
    }
    for other in work.other_formats:
        report.left(other, "not Markdown: copied into docs/, but MkDocs does not render it")
    if len(static_dirs) > 1:
        report.notes.append(f"staticDir: {', '.join(static_dirs)} merged into {static_target}/")
    if static_target == "docs" and work.static:
        report.notes.append("static files copied into docs/ (served at the site root): the "
                            "installed hugo-meta has no staticDir option")  # fmt: skip
    for target in work.shadowed:
        report.left(target, "a static file at the path of a content file or an earlier "
                    "static folder's file; not copied (Hugo's order differs)")

    ports = shortcodes.port(source)
    for skipped in shortcodes.skipped(source):
        report.left(skipped, "shortcode for another output format or language; not ported")
    for port in ports:
        if port.problem is None:
            report.shortcodes.append(f"{port.source} -> {port.target}")
        elif port.template is None:
            report.left(f"{port.source}:{port.problem.line}",
                        f"{port.problem.construct} has no counterpart; the plugin's built-in "
                        f"{{{{< {port.name} >}}}} is used (original kept as {port.target}.go)")
        else:
            report.left(f"{port.source}:{port.problem.line}",
                        f"{port.problem.construct} has no counterpart; {port.target} is a stub "
                        f"showing the text between the tags (original kept as {port.target}.go)")
    for folder in ("layouts", "assets", "data", "i18n", "archetypes", "themes"):
        if (source / folder).is_dir():
            report.notes.append(f"{folder}/: not copied (Hugo templates, pipes, data and "
                                "themes have no MkDocs counterpart; shortcodes are ported)")

    mapper = Mapper(config, theme, report)
    nav = menus.nav(config, work.pages, work.sections, report.left)
    mkdocs_yml = mapper.run(
        nav, static=static_target == "static" and work.static > 0, shortcodes=bool(ports)
    )
    report.command = f"mkdocs serve -f {dest / MKDOCS_YML}"
    if not dry_run:
        _write(dest, mkdocs_yml, work, ports)
    return report


def _write(dest: Path, mkdocs_yml: dict[str, Any], work: content.Copy,
           ports: list[shortcodes.Port]) -> None:  # fmt: skip
    dest.mkdir(parents=True, exist_ok=True)
    content.copy(work, dest)
    for port in ports:
        target = dest / port.target
        target.parent.mkdir(parents=True, exist_ok=True)
        if port.template is not None:
            target.write_text(port.template, encoding="utf-8")
        if port.original is not None:
            target.with_name(target.name + ".go").write_text(port.original, encoding="utf-8")
    text = yaml.safe_dump(mkdocs_yml, sort_keys=False, allow_unicode=True, width=100)
    header = "# Written by `hugo-meta migrate`; the report it printed lists what needs a hand.\n"
    (dest / MKDOCS_YML).write_text(header + text, encoding="utf-8")
