"""``disableHLJS``: no highlight.js on that page (``mkdocs`` and ``readthedocs`` themes load it).

With ``highlightjs`` on, both themes add a stylesheet ``…/highlight.js/VERSION/styles/X.min.css``
(the ``mkdocs`` theme two, with ids ``hljs-light``/``hljs-dark``), the script
``…/highlight.js/VERSION/highlight.min.js``, one script per ``hljs_languages`` entry and an inline
``hljs.highlightAll();``. Material does not use highlight.js, so there is nothing to remove.

The page is scanned once for ``<script``/``<link``; only the small tags found are looked into.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
from collections.abc import Iterator

from ..markup import attributes, edits
from ..markup.edits import Edit

_SCRIPT_END = re.compile(r"</script>", re.IGNORECASE)
# Themes write these tags in lower case; upper case is looked for too. One case-sensitive
# pattern that starts with "<" passes over a large page once; a case-insensitive one is many
# times slower, and a `str.find` per spelling passes over it once per spelling.
_OPENING = re.compile("<(?:script|link|SCRIPT|LINK|!--)")


def strip(html: str) -> str:
    """``html`` without the highlight.js scripts, init call and stylesheets."""
    return edits.apply(html, page_edits(html))


def page_edits(html: str) -> Iterator[Edit]:
    """An edit for each element to drop or neutralise, in order."""
    pos = 0
    for start in _openings(html):
        if start < pos:  # inside a script or comment already looked at
            continue
        if html.startswith("<!--", start):
            # A tag inside a comment is not loaded: it is neither removed nor a script's start.
            close = html.find("-->", start + 4)
            if close < 0:
                return
            pos = close + 3
            continue
        tag_end = html.find(">", start)
        if tag_end < 0:
            return
        tag = html[start : tag_end + 1]
        if html[start + 1] in "sS":
            closing = _SCRIPT_END.search(html, tag_end)
            close = closing.start() if closing else -1
            end = len(html) if close < 0 else close + len("</script>")
            if _is_hljs_script(tag, html[tag_end + 1 : close if close >= 0 else end]):
                yield Edit(start, end, "")
        else:
            end = tag_end + 1
            replacement = _hljs_link_replacement(tag)
            if replacement is not None:
                yield Edit(start, end, replacement)
        pos = end


def _openings(html: str) -> Iterator[int]:
    """Where each ``<script``/``<link`` (and comment) starts, in order."""
    for match in _OPENING.finditer(html):
        yield match.start()


def is_hljs_url(url: str) -> bool:
    """A URL of the highlight.js library, a language of it or one of its styles."""
    url = url.lower().split("?", 1)[0]
    name = url.rsplit("/", 1)[-1]
    return (
        "highlight.js/" in url
        or "highlightjs" in url
        or name in ("highlight.js", "highlight.min.js", "highlight.pack.js")
    )


def _is_hljs_script(tag: str, body: str) -> bool:
    src = _script_src(tag)
    if src is not None:
        return is_hljs_url(src)
    # Only an init script made of nothing but hljs calls: any other code stays.
    statements = [s.strip() for s in body.replace("\n", ";").split(";") if s.strip()]
    return bool(statements) and all(s.startswith("hljs.") for s in statements)


# A theme writes the same script and link tags into every page: each distinct tag is read once.
@functools.lru_cache(maxsize=512)
def _script_src(tag: str) -> str | None:
    return attributes.parse(tag).get("src")


@functools.lru_cache(maxsize=512)
def _hljs_link_replacement(tag: str) -> str | None:
    attrs = attributes.parse(tag)
    rel, href = attrs.get("rel") or "", attrs.get("href") or ""
    if "stylesheet" not in rel.lower() or not is_hljs_url(href):
        return None
    # The mkdocs theme's colour-mode script toggles these by id: keep an empty element there.
    ident = attrs.get("id")
    return f'<style id="{html_lib.escape(ident)}"></style>' if ident else ""
