"""Posts under Material's blog plugin, whatever their front matter.

The blog plugin reads each post's file itself (``file.abs_src_path``), accepts only YAML front
matter and wants ``date`` as a date. Before it reads them (its ``on_files`` runs late), each
post's ``File`` is pointed at a normalised copy in a temporary folder: YAML, Hugo's dates
(the fallback chain applied) as timezone-aware datetimes, tags and categories as lists, and
``authors`` only where the blog's authors file defines them. The original path is put back
once the blog plugin has read the posts, so every later reader (``mkdocs serve``'s watcher,
edit links, git-based plugins) sees the author's file, and nothing is written into
``docs_dir``.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime, timezone
from typing import Any

import yaml
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..context import PageContext
from ..source.page import DATE_SPELLINGS, PageData
from ..source.params import PageParams
from .neighbours import Blog, Neighbours

DIVIDER = "<!--more-->"
"""Hugo's summary divider."""

_PLAIN = (str, int, float, bool, type(None), datetime, date)


class Handover:
    """The posts pointed at their normalised copies during one build."""

    def __init__(self) -> None:
        self.folder: tempfile.TemporaryDirectory[str] | None = None
        self.originals: list[tuple[File, str | None]] = []

    def give(self, file: File, data: PageData, blog: Blog) -> None:
        """Point ``file`` at a normalised copy of its source."""
        if self.folder is None:
            self.folder = tempfile.TemporaryDirectory(prefix="hugo-meta-blog-")
        target = os.path.join(self.folder.name, *file.src_uri.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(post_source(data, blog, file))
        self.originals.append((file, file.abs_src_path))
        file.abs_src_path = target

    def restore(self) -> None:
        """Put every post's own path back and remove the copies."""
        for file, path in self.originals:
            file.abs_src_path = path
        self.originals = []
        if self.folder is not None:
            self.folder.cleanup()
            self.folder = None


def hand_over(files: Files, pages: dict[str, PageData], neighbours: Neighbours) -> Handover:
    """Normalise the source of every page that a blog plugin will read as a post."""
    handover = Handover()
    if not neighbours.blogs:
        return handover
    for file in files.documentation_pages():
        blog = neighbours.blog_of(file.src_uri)
        data = pages.get(file.src_uri)
        if blog is not None and data is not None and file.abs_src_path:
            handover.give(file, data, blog)
    return handover


def post_source(data: PageData, blog: Blog, file: File) -> str:
    """The post as Material's blog plugin can read it: YAML front matter, then the body."""
    meta: dict[str, Any] = _plain(dict(data.front.data), {})
    params = data.params
    for key in list(meta):
        target = DATE_SPELLINGS.get(str(key).lower())
        if target is None:
            continue
        settled = params.page.get(target)
        if isinstance(settled, datetime):
            meta[key] = settled
        else:
            del meta[key]  # not a date Hugo reads (already reported)
    meta["date"] = params.date("date") or _file_date(data, file)
    for key in ("tags", "categories"):
        meta.pop(key, None)
        if params.texts(key):
            meta[key] = [name.strip() for name in params.texts(key)]
    authors = _authors(data, blog)
    meta.pop("authors", None)
    if authors:
        meta["authors"] = authors
    _settle_typed(meta, params)
    block = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{block}---\n\n{data.front.body}"


def _file_date(data: PageData, file: File) -> datetime:
    """A post without any date: the blog plugin needs one, Hugo would show none."""
    data.warn("a Material blog post needs a date; the file's modification time is used")
    path = file.abs_src_path
    stamp = os.path.getmtime(path) if path and os.path.exists(path) else 0.0
    return datetime.fromtimestamp(stamp, timezone.utc)


def _settle_typed(meta: dict[str, Any], params: PageParams) -> None:
    """Keys the blog plugin validates, of the types it accepts: it stops the build otherwise."""
    slug = meta.get("slug")
    if isinstance(slug, (int, float)) and not isinstance(slug, bool):
        meta["slug"] = str(slug)
    elif "slug" in meta and not isinstance(slug, str):
        del meta["slug"]
    if "pin" in meta and not isinstance(meta["pin"], bool):
        del meta["pin"]
    if "readtime" in meta and own_readtime(meta) is None:
        del meta["readtime"]
    meta.pop("draft", None)
    if params.is_set("draft"):
        meta["draft"] = params.flag("draft")


def own_readtime(front: dict[str, Any]) -> int | None:
    """The post's own ``readtime``, when it sets a whole number."""
    value = front.get("readtime")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _authors(data: PageData, blog: Blog) -> list[str]:
    """The ids of the post's authors that the blog's authors file defines."""
    names = list(data.params.texts("author"))
    own = data.front.data.get("authors")
    if isinstance(own, str):
        names.append(own)
    elif isinstance(own, list):
        names += [name for name in own if isinstance(name, str)]
    ids: list[str] = []
    for name in names:
        found = blog.author_id(name)
        if found is not None and found not in ids:
            ids.append(found)
    return ids


def _plain(value: Any, done: dict[int, Any]) -> Any:
    """``value`` with only what YAML writes plainly; anything else as its text.

    ``done`` holds each list and mapping already converted, by identity, so a value shared many
    times (a YAML alias) is converted once.
    """
    if isinstance(value, _PLAIN):
        return value
    if not isinstance(value, (list, tuple, dict)):
        return str(value)
    if id(value) in done:
        return done[id(value)]
    if isinstance(value, dict):
        mapping: dict[str, Any] = {}
        done[id(value)] = mapping
        mapping.update((str(k), _plain(v, done)) for k, v in value.items())
        return mapping
    items: list[Any] = []
    done[id(value)] = items
    items.extend(_plain(item, done) for item in value)
    return items


# --- after rendering --------------------------------------------------------------------------


def is_post(page: Page) -> bool:
    """Whether the page is a post of a blog plugin (it carries the post's own config)."""
    return type(page).__module__.startswith("material.plugins.blog") and hasattr(page, "excerpt")


def after_render(ctx: PageContext) -> None:
    """Give the blog plugin Hugo's reading time and the post's excerpt.

    Runs once the post is rendered. Its reading time replaces the blog plugin's own whichever
    of the two plugins measures first. Its Markdown is read again only for excerpts (the blog
    plugin renders them from ``page.markdown`` on its index pages, after every post), so it is
    cut here to what Hugo's lists would show.
    """
    page, data = ctx.page, ctx.data
    blog = ctx.site.neighbours.blog_of(data.src_uri)
    if blog is None:
        return
    options = getattr(page, "config", None)
    reading = ctx.reading
    own = own_readtime(data.front.data)
    if blog.readtime and options is not None and reading is not None and own is None:
        options["readtime"] = reading["minutes"]
    excerpt = excerpt_markdown(page.markdown or "", data.params.text("summary"), blog.separator)
    if excerpt is not None:
        page.markdown = excerpt


def excerpt_markdown(markdown: str, summary: str, separator: str) -> str | None:
    """The post's Markdown with the blog's separator where Hugo's summary ends: at Hugo's
    ``<!--more-->``, else after the front-matter ``summary`` put in front (as in Hugo, the
    divider wins); ``None`` to let the blog plugin cut the post itself.

    The rest of the post stays after the separator: the blog index links to the post ("Continue
    reading") only when something follows it.
    """
    at = markdown.find(DIVIDER)
    if at >= 0:
        rest = markdown[at + len(DIVIDER) :]
        return f"{markdown[:at].rstrip()}\n\n{separator}\n\n{rest.lstrip()}"
    if summary.strip():
        return f"{summary.strip()}\n\n{separator}\n\n{markdown}"
    return None
