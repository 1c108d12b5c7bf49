"""Front-matter text rendered as inline Markdown (Hugo's ``markdownify``), under one policy.

Captions, summaries and labels from front matter or shortcode parameters are written by many
hands, so every one goes through here: raw HTML is shown as text (as Hugo's Goldmark does with
``unsafe: false``), and a link or image whose URL would run code loses that URL. A single
paragraph loses its ``<p>``, so the result fits inside a ``<figcaption>`` or ``<summary>``.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from . import text, urls


class _DropUnsafeUrls(Treeprocessor):
    """Removes an ``href`` or ``src`` that is not safe for its element."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            href = element.get("href")
            if href is not None and not urls.is_safe(href):
                del element.attrib["href"]
            src = element.get("src")
            if src is not None and not urls.is_safe_image(src):
                del element.attrib["src"]


class _Renderer(threading.local):
    """One Markdown instance per thread, reset between texts (building one costs far more than
    converting a caption)."""

    def __init__(self) -> None:
        self.md = markdown.Markdown()
        # Last, after inline patterns have turned `[x](url)` into elements.
        self.md.treeprocessors.register(_DropUnsafeUrls(self.md), "hm_drop_unsafe_urls", 0)


_RENDERER = _Renderer()


def render(source: str) -> Markup:
    """``source`` as inline HTML: Markdown rendered, raw HTML escaped, unsafe URLs dropped."""
    source = source.strip()
    if not source:
        return Markup("")
    md = _RENDERER.md
    md.reset()
    rendered = md.convert(text.escape_text(source)).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)
