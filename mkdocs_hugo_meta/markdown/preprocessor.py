"""The Python-Markdown preprocessor that reads Hugo pages' lists and fences as goldmark does.

It runs after the shortcodes are rendered (their output is Markdown of the page too) and before
the site's fence processor: every fenced block the page holds is handed to that processor on
its own, with Hugo's options translated, and comes back as one placeholder line that can stand
anywhere, in a list item too. Without any fence processor the block becomes a plain
``<pre><code>``, as ``fenced_code`` writes it.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.preprocessors import Preprocessor

from . import fence_options, goldmark

if TYPE_CHECKING:
    from ..config import HugoMetaConfig
    from ..source.page import PageData

PRIORITY = 26
"""After the shortcodes (27), before fenced code is found (25) and raw HTML is stashed (20)."""
FENCE_PROCESSOR = "fenced_code_block"
"""The name under which both ``fenced_code`` and ``pymdownx.superfences`` register."""
_PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03")


def uses_goldmark(options: HugoMetaConfig, data: PageData) -> bool:
    """Whether the page's Markdown is read as Hugo reads it: the one place that decides.

    Pages the plugin reads as Hugo pages do, unless the site chose ``markdown: python``; a
    plain MkDocs page (no front matter) goes to Python-Markdown as written.
    """
    return options.markdown == "goldmark" and data.is_hugo_page


class CommonMarkBlocks(Preprocessor):
    """Lists and fences re-shaped so that Python-Markdown builds what goldmark builds."""

    def __init__(
        self,
        md: Markdown,
        failed: Callable[[str, Exception], None],
        warn: Callable[[str], None],
    ) -> None:
        super().__init__(md)
        self.failed = failed
        self.warn = warn

    def run(self, lines: list[str]) -> list[str]:
        try:
            result = goldmark.normalise(lines, self.stash_fence)
        except Exception as error:  # the fault barrier: the page keeps Python-Markdown's reading
            self.failed("CommonMark lists and fences", error)
            return lines
        if result.too_deep:
            self.warn(
                f"lists nested more than {goldmark.MAX_DEPTH} levels deep: "
                "the deeper items are shown as text of the deepest one"
            )
        self.lists_as_commonmark()
        return result.lines

    def lists_as_commonmark(self) -> None:
        """An ordered list keeps its start number, and a bullet list never continues an ordered
        one or the other way round (what ``sane_lists`` does, here on the Hugo page only)."""
        processors = self.md.parser.blockprocessors
        for name, tag in (("olist", "ol"), ("ulist", "ul")):
            if name in processors:
                processor = processors[name]
                processor.SIBLING_TAGS = [tag]  # type: ignore[attr-defined]
                if tag == "ol":
                    processor.LAZY_OL = False  # type: ignore[attr-defined]

    def target(self) -> str | None:
        """Which fence processor the page's Markdown runs (see ``fence_options``)."""
        if FENCE_PROCESSOR not in self.md.preprocessors:
            return None
        processor = self.md.preprocessors[FENCE_PROCESSOR]
        if type(processor).__module__.startswith("pymdownx."):
            return fence_options.SUPERFENCES
        # Looked up rather than imported: a site without codehilite never loads it (nor Pygments).
        codehilite = sys.modules.get("markdown.extensions.codehilite")
        if codehilite and any(
            isinstance(ext, codehilite.CodeHiliteExtension) for ext in self.md.registeredExtensions
        ):
            return fence_options.CODEHILITE
        return fence_options.FENCED_CODE

    def stash_fence(self, fence: goldmark.Fence) -> str:
        """The block stored as raw HTML by the site's fence processor; its placeholder."""
        options = fence_options.parse(fence.info)
        target = self.target()
        if target is not None:
            info = fence_options.header(options, target, len(fence.lines))
            # Longer than any run of the fence character in the code, so nothing in it closes.
            longest = max((_run(line, fence.char) for line in fence.lines), default=0)
            mark = fence.char * max(fence.length, longest + 1, 3)
            out = self.md.preprocessors[FENCE_PROCESSOR].run([mark + info, *fence.lines, mark])
            kept = [line.strip() for line in out if line.strip()]
            if len(kept) == 1 and _PLACEHOLDER.fullmatch(kept[0]):
                return kept[0]
        lang = f' class="language-{html.escape(options.lang)}"' if options.lang else ""
        code = "".join(f"{html.escape(line)}\n" for line in fence.lines)
        return self.md.htmlStash.store(f"<pre><code{lang}>{code}</code></pre>")


def _run(line: str, char: str) -> int:
    """How many ``char`` open the line, after its indentation."""
    text = line.lstrip(" ")
    return len(text) - len(text.lstrip(char))
