"""``aliases``: small redirect pages at a post's old URLs, as Hugo writes them.

An alias is a URL path: ``/old/`` is site-relative, ``old`` relative to the page's folder under
``docs/``. Like Hugo, a path ending in ``.html`` is that file and any other path is a folder with
an ``index.html`` (a web server answers ``/old/`` and ``/old`` with it), whether or not the site
uses directory URLs; ``use_directory_urls`` only changes the URL the redirect points to.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.utils import get_relative_url, write_file

from .. import diagnostics
from ..context import PageContext, SiteContext
from ..markup import text

MAX_SEGMENT_BYTES = 255
"""The longest file or folder name file systems take."""
MARKER = 'class="hm-alias"'
"""In every redirect page, so a rebuild over an old output folder may replace its own pages."""


@dataclass(frozen=True)
class Resolved:
    """Where an alias is written (``old/index.html``), or why it is not."""

    path: str | None
    problem: str = ""
    error: bool = False
    """An error rather than a warning: Hugo refuses the whole alias."""


def resolve(alias: str, page_dir: str) -> Resolved:
    """The output file of ``alias`` for a page whose source is in ``page_dir`` (``posts/``)."""
    text = alias.strip()
    if not text:
        return Resolved(None, "is empty")
    parts = urlsplit(text)
    if parts.scheme.lower() in ("http", "https"):
        return Resolved(None, "is an absolute URL; an alias must be a path on this site", True)
    if parts.scheme or parts.netloc or "\\" in text:
        return Resolved(None, "points outside the site")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        return Resolved(None, "has a query or fragment, which no file can answer")
    full = text if text.startswith("/") else f"/{page_dir}{text}"
    segments: list[str] = []
    for raw in full.split("/"):
        segment = unquote(raw)
        if "/" in segment or "\\" in segment or "\0" in segment:
            return Resolved(None, "points outside the site")
        try:
            size = len(segment.encode("utf-8"))
        except UnicodeEncodeError:
            return Resolved(None, "is not valid text")
        if size > MAX_SEGMENT_BYTES:
            return Resolved(None, f"has a path segment longer than {MAX_SEGMENT_BYTES} bytes")
        if segment in ("", "."):
            continue
        if segment == "..":
            if not segments:
                return Resolved(None, "points outside the site")
            segments.pop()
        else:
            segments.append(segment)
    if not segments:
        return Resolved(None, "is the site's home page")
    last = full.rsplit("/", 1)[-1]
    if last.lower().endswith((".html", ".htm")) and last not in (".", ".."):
        return Resolved("/".join(segments))
    return Resolved("/".join([*segments, "index.html"]))


def redirect_url(page_url: str, absolute_url: str | None, alias_path: str) -> str:
    """The page's permalink when ``site_url`` is set, else its URL relative to the alias file."""
    if absolute_url:
        return absolute_url
    target = page_url or "./"
    relative = get_relative_url(target, alias_path)
    return relative + "/" if target.endswith("/") and not relative.endswith("/") else relative


def write(contexts: Iterable[PageContext], site: SiteContext) -> list[str]:
    """Write every page's redirect pages; return the output paths written.

    When two pages list the same alias, the older one (by date, then by path) keeps it: the
    alias most likely is its old URL, and the newer page is the one told.
    """
    site_dir = Path(site.config.site_dir)
    contexts = sorted(contexts, key=_age)
    pages_at = {ctx.page.file.dest_uri: ctx.page.file.src_uri for ctx in contexts}
    taken: dict[str, str] = {}  # alias output path -> source of the page it belongs to
    written: list[str] = []
    for ctx in contexts:
        src_uri = ctx.page.file.src_uri
        page_dir = posixpath.dirname(src_uri)
        page_dir = f"{page_dir}/" if page_dir else ""
        for alias in ctx.params.texts("aliases"):
            shown = text.show(alias, 80)
            resolved = resolve(alias, page_dir)
            if resolved.path is None:
                _report(ctx, f"alias '{shown}' {resolved.problem}; skipped", resolved.error)
                continue
            path = resolved.path
            owner = taken.get(path)
            if owner == src_uri:
                continue  # the same alias listed twice on one page
            if owner is not None:
                ctx.warn(f"alias '{shown}' is also an alias of {owner}; not written", "aliases")
                continue
            try:
                clash = _existing(site_dir, path, pages_at)
                if clash:
                    ctx.warn(f"alias '{shown}' would replace {clash}; not written", "aliases")
                    continue
                url = redirect_url(ctx.page.url, ctx.absolute_url, path)
                html = ctx.render("alias.html", url=url, title=ctx.title, lang=site.labels.language)
                write_file((html + "\n").encode("utf-8"), str(site_dir / path))
            except (OSError, ValueError) as error:
                reason = getattr(error, "strerror", None) or str(error)
                ctx.warn(f"alias '{shown}' cannot be written: {reason}", "aliases")
                continue
            taken[path] = src_uri
            written.append(path)
    return written


def _age(ctx: PageContext) -> tuple[bool, datetime, str]:
    """Oldest first: dated pages by date, then undated ones, each by source path."""
    moment = ctx.params.date("date")
    return (moment is None, moment or _NEVER, ctx.page.file.src_uri)


_NEVER = datetime.max.replace(tzinfo=timezone.utc)


def _existing(site_dir: Path, path: str, pages_at: dict[str, str]) -> str:
    """What already lives at ``path`` (a page, or another output file), or "" when free."""
    if path in pages_at:
        return f"the page {pages_at[path]}"
    target = site_dir / path
    if not target.exists():
        return ""
    # A redirect page left by an earlier build into the same folder (`--dirty`) may be replaced.
    if target.is_file() and target.stat().st_size < 4096 and MARKER in target.read_text("utf-8"):
        return ""
    return f"the file {path} in the built site"


def _report(ctx: PageContext, message: str, error: bool) -> None:
    if not error:
        ctx.warn(message, "aliases")
        return
    # Hugo stops on an absolute alias; here the build goes on, but --strict still fails it.
    diagnostics.error(ctx.data.src_uri, ctx.data.front.line_of("aliases"), message)
