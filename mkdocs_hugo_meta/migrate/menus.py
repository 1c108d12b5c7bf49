"""MkDocs ``nav`` from Hugo's main menu: entries in Hugo's order, ``pageRef`` → the content
file, ``url`` → a link, ``parent`` → a nested section."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection
from typing import Any
from urllib.parse import urlsplit

from .hugoconfig import HugoConfig, lookup

NavItem = dict[str, Any]


def main_menu(config: HugoConfig) -> list[dict[str, Any]]:
    entries = config.get("menus", "main")
    if isinstance(entries, dict):  # a map of identifier → entry is accepted by Hugo too
        entries = [{"identifier": k, **v} for k, v in entries.items() if isinstance(v, dict)]
    return [e for e in entries or [] if isinstance(e, dict)]


def _order(entry: dict[str, Any]) -> tuple[int, int, str, str]:
    """Hugo's menu order: weight ascending with 0 (unset) last, then name, then identifier."""
    weight = lookup(entry, "weight", default=0)
    weight = weight if isinstance(weight, int) else 0
    return (weight == 0, weight, str(lookup(entry, "name", default="")),
            str(lookup(entry, "identifier", default="")))  # fmt: skip


def page_for(path: str, docs: Collection[str], sections: Collection[str]) -> str | None:
    """The ``docs/`` file a Hugo page path names (``/posts``, ``about``, ``posts/x.md``); a
    section's list page is the ``index.md`` the plugin generates for it."""
    path = path.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
    if path.endswith(".md"):
        path = path[:-3]
    if posixpath.basename(path) in ("_index", "index"):
        path = posixpath.dirname(path)
    if not path:
        return "index.md"
    lowered = {d.lower(): d for d in docs}
    for candidate in (f"{path}.md", f"{path}/index.md"):
        if candidate.lower() in lowered:
            return lowered[candidate.lower()]
    if f"{path}/_index.md".lower() in lowered or path.lower() in {s.lower() for s in sections}:
        return f"{path}/index.md"
    return None


def nav(
    config: HugoConfig,
    docs: Collection[str],
    sections: Collection[str],
    left: Callable[[str, str], None],
) -> list[NavItem]:
    """The nav, or ``[]`` when the site has no main menu (MkDocs then lists every page)."""
    entries = sorted(main_menu(config), key=_order)
    ids = {str(lookup(e, "identifier") or lookup(e, "name") or ""): e for e in entries}
    children: dict[str, list[dict[str, Any]]] = {}
    top = []
    for entry in entries:
        parent = str(lookup(entry, "parent", default="") or "")
        if parent and parent in ids:
            children.setdefault(parent, []).append(entry)
        else:
            top.append(entry)

    def item(entry: dict[str, Any], depth: int) -> NavItem | None:
        if depth > 8:  # a parent chain that loops
            return None
        name = str(lookup(entry, "name", default="") or lookup(entry, "identifier", default=""))
        key = str(lookup(entry, "identifier") or name)
        target = _target(entry, docs, sections, left, config)
        own = [c for c in (item(k, depth + 1) for k in children.get(key, [])) if c]
        if not own:
            return {name: target} if target else None
        return {name: ([{name: target}] if target else []) + own}

    return [i for i in (item(e, 0) for e in top) if i]


def _target(
    entry: dict[str, Any],
    docs: Collection[str],
    sections: Collection[str],
    left: Callable[[str, str], None],
    config: HugoConfig,
) -> str | None:
    name = lookup(entry, "name", default="")
    ref = lookup(entry, "pageRef")
    url = lookup(entry, "url")
    if isinstance(ref, str) and ref.strip():
        page = page_for(ref, docs, sections)
        if page is None:
            left(config.where("menus", "main"), f"menu entry {name!r}: pageRef {ref!r} names "
                 "no content file; linked as a URL")  # fmt: skip
            return "/" + ref.strip().strip("/") + "/"
        return page
    if isinstance(url, str) and url.strip():
        parts = urlsplit(url.strip())
        if not parts.scheme and not parts.netloc:
            page = page_for(parts.path, docs, sections)
            if page is not None:
                return page
        return url.strip()
    left(config.where("menus", "main"), f"menu entry {name!r} has neither pageRef nor url")
    return None
