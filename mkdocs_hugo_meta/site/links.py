"""Site-absolute links and images in content (``/images/x.png``, ``/posts/x/``), as Hugo sites
write them: one that names a file of the built site (a page at its URL, a static file, a file in
``docs/``) becomes a relative link to that file's source, which MkDocs then checks and rewrites
like any relative link, anchors included. The rest are left to MkDocs, which reports them as
its ``validation.links.absolute_links`` setting asks.

Runs as a tree processor just before MkDocs' own (``relpath``, priority 0), so it sees exactly
the links MkDocs would see: Markdown links and images, not raw HTML.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from urllib.parse import quote, unquote, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .placement import site_key

PRIORITY = 1
"""After Python-Markdown has made the links (inline, 20), before MkDocs' ``relpath`` (0)."""
_ATTRIBUTE = {"a": "href", "img": "src"}


def site_prefix(site_url: str | None) -> str:
    """The sub-path of ``site_url`` (``blog/`` for ``https://example.org/blog/``), or ""."""
    path = urlsplit(site_url or "").path.strip("/")
    return f"{path}/" if path else ""


def resolve(url: str, here: str, index: Mapping[str, str], prefix: str = "") -> str | None:
    """``url`` as a link relative to the page ``here`` (a ``src_uri``), or ``None`` when it is
    not a site-absolute link to a file of the site."""
    if not url.startswith("/") or url.startswith("//"):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    candidates = [path]
    if prefix and path.lstrip("/").startswith(prefix):
        # Written with the site's sub-path (`/blog/posts/x/`): that is the site's root.
        candidates.insert(0, path.lstrip("/")[len(prefix) :])
    for candidate in candidates:
        target = index.get(site_key(candidate))
        if target is not None:
            relative = posixpath.relpath(target, posixpath.dirname(here) or ".")
            return urlunsplit(("", "", quote(relative), parts.query, parts.fragment))
    return None


class AbsoluteLinks(Treeprocessor):
    """Rewrites one page's site-absolute links to the files they name."""

    def __init__(self, md: Markdown, here: str, index: Mapping[str, str], prefix: str) -> None:
        super().__init__(md)
        self.here, self.index, self.prefix = here, index, prefix

    def run(self, root: Element) -> Element | None:
        for element in root.iter():
            key = _ATTRIBUTE.get(element.tag)
            url = element.get(key) if key else None
            if key and url:
                found = resolve(url, self.here, self.index, self.prefix)
                if found is not None:
                    element.set(key, found)
        return None
