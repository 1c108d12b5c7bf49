"""``disableHLJS``: no highlight.js on that page (``mkdocs`` and ``readthedocs`` themes load it).

With ``highlightjs`` on, both themes add a stylesheet ``…/highlight.js/VERSION/styles/X.min.css``
(the ``mkdocs`` theme two, with ids ``hljs-light``/``hljs-dark``), the script
``…/highlight.js/VERSION/highlight.min.js``, one script per ``hljs_languages`` entry and an inline
``hljs.highlightAll();``. Material does not use highlight.js, so there is nothing to remove.

The page is scanned tag by tag with ``str.find``; only the small tags found are looked into.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator

from . import htmlattrs

_OPENING = re.compile(r"<(?:(script)|link)", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script>", re.IGNORECASE)


def strip(html: str) -> str:
    """``html`` without the highlight.js scripts, init call and stylesheets."""
    pieces: list[str] = []
    pos = 0
    for start, end, replacement in _edits(html):
        pieces.append(html[pos:start])
        pieces.append(replacement)
        pos = end
    if not pieces:
        return html
    pieces.append(html[pos:])
    return "".join(pieces)


def _edits(html: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, replacement)`` for each element to drop or neutralise, in order."""
    # Searched case-insensitively in place: a lower-cased copy of a large page (the nav of a big
    # site is in every page) would cost more than the search itself.
    pos = 0
    while True:
        found = _OPENING.search(html, pos)
        if found is None:
            return
        start = found.start()
        tag_end = html.find(">", start)
        if tag_end < 0:
            return
        tag = html[start : tag_end + 1]
        if found.group(1) is not None:
            closing = _SCRIPT_END.search(html, tag_end)
            close = closing.start() if closing else -1
            end = len(html) if close < 0 else close + len("</script>")
            if _is_hljs_script(tag, html[tag_end + 1 : close if close >= 0 else end]):
                yield start, end, ""
        else:
            end = tag_end + 1
            replacement = _hljs_link_replacement(tag)
            if replacement is not None:
                yield start, end, replacement
        pos = end


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
    src = htmlattrs.parse(tag).get("src")
    if src is not None:
        return is_hljs_url(src)
    # Only an init script made of nothing but hljs calls: any other code stays.
    statements = [s.strip() for s in body.replace("\n", ";").split(";") if s.strip()]
    return bool(statements) and all(s.startswith("hljs.") for s in statements)


def _hljs_link_replacement(tag: str) -> str | None:
    attrs = htmlattrs.parse(tag)
    rel, href = attrs.get("rel") or "", attrs.get("href") or ""
    if "stylesheet" not in rel.lower() or not is_hljs_url(href):
        return None
    # The mkdocs theme's colour-mode script toggles these by id: keep an empty element there.
    ident = attrs.get("id")
    return f'<style id="{html_lib.escape(ident)}"></style>' if ident else ""
