"""A Hugo site's configuration, read from every place and format Hugo reads it from.

The root file is the first of ``hugo.toml|yaml|yml|json``, else ``config.*``; the files under
``config/_default/`` are deep-merged over it (a file's name is the root key it fills,
``hugo.*``/``config.*`` fill the whole config, ``menus.en.toml`` fills ``languages.en.menus``).
Keys are case-insensitive, as in Hugo: the merged config keeps the first spelling it met, and
every lookup ignores case. What Hugo would read but a migration cannot (``config/<env>/``,
themes' params, ``HUGO_*`` environment variables) becomes a note for the report.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older Pythons only
    import tomli as tomllib

ROOT_NAMES = ("hugo", "config")
FORMATS = ("toml", "yaml", "yml", "json")
CONFIG_DIR = "config"
DEFAULT_ENV = "_default"

# A key at the start of a line: `key =` (TOML), `key:` (YAML), `"key":` (JSON), `[a.b]` headers.
_KEY_LINE = re.compile(r"""^[ \t]*(?:-[ \t]+)?["']?([A-Za-z0-9_-]+)["']?[ \t]*[:=]""")
_HEADER_LINE = re.compile(r"^[ \t]*\[\[?[ \t]*([A-Za-z0-9_.\"' -]+?)[ \t]*\]")


class ConfigError(Exception):
    """The Hugo config cannot be read; the message names the file."""


@dataclass
class HugoConfig:
    """The merged config, where each key came from, and what was left unread."""

    site: Path
    data: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    """Files read, relative to the site, in the order they were merged."""
    origins: dict[str, str] = field(default_factory=dict)
    """Lower-cased dotted key (``params.dateformat``) → ``file:line`` of its last setting."""
    notes: list[str] = field(default_factory=list)
    """What Hugo would also read and the migration does not."""

    def get(self, *path: str, default: Any = None) -> Any:
        """The value at ``path`` (any case), or ``default``."""
        return lookup(self.data, *path, default=default)

    def where(self, *path: str) -> str:
        """``file:line`` of the setting at ``path`` (or of its nearest parent), for the report."""
        keys = [p.lower() for p in path]
        while keys:
            found = self.origins.get(".".join(keys))
            if found:
                return found
            keys.pop()
        return self.files[0] if self.files else "config"

    @property
    def default_language(self) -> str:
        return str(self.get("defaultContentLanguage", default="en") or "en").lower()


def lookup(data: Any, *path: str, default: Any = None) -> Any:
    """``data[path...]`` with every key matched regardless of case."""
    for part in path:
        if not isinstance(data, Mapping):
            return default
        key = find_key(data, part)
        if key is None:
            return default
        data = data[key]
    return data


def find_key(data: Mapping[str, Any], key: str) -> str | None:
    """The spelling under which ``data`` holds ``key`` (any case)."""
    if key in data:
        return key
    lowered = key.lower()
    return next((k for k in data if str(k).lower() == lowered), None)


def read(site: Path) -> HugoConfig:
    """Read ``site``'s Hugo config; ``ConfigError`` when there is none or a file is broken."""
    config = HugoConfig(site)
    root = _root_file(site)
    if root is not None:
        _merge_file(config, root, [])
    config_dir = site / CONFIG_DIR
    default_dir = config_dir / DEFAULT_ENV
    if default_dir.is_dir():
        for path in sorted(p for p in default_dir.rglob("*") if p.is_file()):
            parts = path.name.split(".")
            if len(parts) < 2 or parts[-1].lower() not in FORMATS:
                continue
            stem = [p.lower() for p in parts[:-1]]
            if stem[0] in ROOT_NAMES:
                _merge_file(config, path, [])
            elif len(stem) == 2:  # menus.en.toml → languages.en.menus
                _merge_file(config, path, ["languages", stem[1], stem[0]])
            else:
                _merge_file(config, path, [stem[0]])
    if not config.files:
        raise ConfigError(
            f"{site}: no Hugo config found (hugo.toml, hugo.yaml, hugo.json, config.toml, "
            "config.yaml, config.json or config/_default/)"
        )
    if config_dir.is_dir():
        for env in sorted(p.name for p in config_dir.iterdir() if p.is_dir()):
            if env != DEFAULT_ENV:
                config.notes.append(
                    f"{CONFIG_DIR}/{env}/: environment overrides, not read (the migration "
                    "takes config/_default/ only)"
                )
    _normalize(config)
    _fold_default_language(config)
    if config.get("theme"):
        config.notes.append(
            f"{config.where('theme')}: theme {config.get('theme')!r}: the theme's own config "
            "and params are not read; set what you need under the plugin's params"
        )
    env_vars = sorted(k for k in os.environ if k.startswith("HUGO_") and
                      not k.startswith("HUGO_META_"))  # fmt: skip
    if env_vars:
        config.notes.append(
            f"environment: {', '.join(env_vars)} set; Hugo would read them as config "
            "overrides, the migration does not"
        )
    return config


def _root_file(site: Path) -> Path | None:
    for stem in ROOT_NAMES:
        for ext in FORMATS:
            candidate = site / f"{stem}.{ext}"
            if candidate.is_file():
                return candidate
    return None


def parse(path: Path) -> dict[str, Any]:
    """One config file as a mapping."""
    text = path.read_text(encoding="utf-8-sig")
    ext = path.suffix.lower().lstrip(".")
    try:
        if ext == "toml":
            data: Any = tomllib.loads(text)
        elif ext == "json":
            data = json.loads(text) if text.strip() else {}
        else:
            data = yaml.safe_load(text)
    except (tomllib.TOMLDecodeError, yaml.YAMLError, json.JSONDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: holds a {type(data).__name__}, not a mapping of settings")
    return data


def _merge_file(config: HugoConfig, path: Path, prefix: list[str]) -> None:
    data = parse(path)
    name = path.relative_to(config.site).as_posix()
    config.files.append(name)
    lines = _key_lines(path.read_text(encoding="utf-8-sig"))
    for part in reversed(prefix):
        data = {part: data}
    target = config.data
    _merge(target, data, [], name, lines, config.origins)


def _merge(
    base: dict[str, Any],
    over: Mapping[str, Any],
    path: list[str],
    name: str,
    lines: Mapping[str, int],
    origins: dict[str, str],
) -> None:
    for key, value in over.items():
        key = str(key)
        here = [*path, key.lower()]
        if name:
            line = lines.get(key.lower())
            origins[".".join(here)] = f"{name}:{line}" if line else name
        existing = find_key(base, key)
        if existing is not None and isinstance(base[existing], dict) and isinstance(value, dict):
            _merge(base[existing], value, here, name, lines, origins)
            continue
        if existing is not None:
            del base[existing]
        base[existing or key] = copy.deepcopy(value)
        if isinstance(value, dict) and name:
            _record(value, here, name, lines, origins)


def _record(
    data: Mapping[str, Any], path: list[str], name: str, lines: Mapping[str, int],
    origins: dict[str, str],
) -> None:  # fmt: skip
    for key, value in data.items():
        here = [*path, str(key).lower()]
        line = lines.get(str(key).lower())
        origins[".".join(here)] = f"{name}:{line}" if line else name
        if isinstance(value, dict):
            _record(value, here, name, lines, origins)


def _key_lines(text: str) -> dict[str, int]:
    """First line (1-based) on which each key name appears, lower-cased: where the report
    points a reader. Best effort, one pass: a name used at two depths points at the first."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER_LINE.match(line)
        if header:
            for part in header.group(1).split("."):
                found.setdefault(part.strip(" \"'").lower(), number)
            continue
        match = _KEY_LINE.match(line)
        if match:
            found.setdefault(match.group(1).lower(), number)
    return found


def _normalize(config: HugoConfig) -> None:
    """Hugo's synonyms: ``menu`` is ``menus``."""
    data = config.data
    menu = find_key(data, "menu")
    if menu is not None:
        value = data.pop(menu)
        menus = find_key(data, "menus")
        if menus is None:
            data["menus"] = value
        elif isinstance(value, dict) and isinstance(data[menus], dict):
            _merge(data[menus], value, ["menus"], "", {}, {})
        for key, origin in list(config.origins.items()):
            if key == "menu" or key.startswith("menu."):
                config.origins["menus" + key[4:]] = origin


def _fold_default_language(config: HugoConfig) -> None:
    """The default language's own settings (title, params, menus…) over the root ones, as Hugo
    builds that language's site; other languages are left out with a note."""
    languages = config.get("languages")
    if not isinstance(languages, dict):
        return
    default = config.default_language
    others = []
    for key, value in languages.items():
        if str(key).lower() != default:
            if not (isinstance(value, dict) and lookup(value, "disabled")):
                others.append(str(key))
            continue
        if isinstance(value, dict):
            own = {
                k: v for k, v in value.items()
                if str(k).lower() not in ("weight", "label", "languagename", "disabled")
            }  # fmt: skip
            _merge(config.data, own, [], "", {}, {})
            for origin_key, origin in list(config.origins.items()):
                prefix = f"languages.{default}."
                if origin_key.startswith(prefix):
                    config.origins.setdefault(origin_key[len(prefix):], origin)
    if others:
        config.notes.append(
            f"{config.where('languages')}: only the default language {default!r} is migrated; "
            f"{', '.join(sorted(others))} left out (MkDocs builds one language per site)"
        )
