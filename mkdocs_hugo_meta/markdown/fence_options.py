"""Hugo's code-fence options, said in the words of the site's highlighter.

Hugo reads ```` ```go {linenos=true,hl_lines=[2,"4-5"],linenostart=5} ````: the language, then
attributes in braces (``key=value`` apart by commas or spaces; a value is a word, a quoted
string or a ``[list]``). Python-Markdown's fence rules know none of that: they see no fence at
all, and the next fence then swallows what follows. Here the options become what the fence
processor in use understands:

- ``pymdownx.superfences`` (with ``pymdownx.highlight``): ``go linenums="5" hl_lines="2 4 5"``;
- ``fenced_code`` with ``codehilite``: ``{ .go linenums="true" linenostart="5" hl_lines="2 4 5" }``;
- ``fenced_code`` alone: ``go`` (it has no line numbers to give).

``hl_lines`` count from the block's first line, whatever ``linenostart`` says: the real ``hugo``
binary (0.168) marks the second line for ``hl_lines=[2]`` with ``linenostart=5``, and Pygments
counts the same way, so the numbers pass through unchanged. ``linenos`` of ``true``, ``table``
or ``inline`` turn line numbers on (the highlighter's own ``linenums_style`` decides between a
table and inline numbers); ``anchorlinenos``, ``lineanchors``, ``style``, ``noclasses`` and
``hl_inline`` have no per-block counterpart and are dropped. A block without a language
keeps no option: Hugo neither highlights nor numbers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SUPERFENCES, CODEHILITE, FENCED_CODE = "superfences", "codehilite", "fenced_code"

_LANG = re.compile(r"[\w#+.-]+")
"""The characters Python-Markdown's fence rules accept in a language name."""
_FIRST_WORD = re.compile(r"[^\s{]*")
_ATTR = re.compile(r"""([A-Za-z_][\w-]*)[ ]*=[ ]*("[^"]*"|'[^']*'|\[[^\]]*\]|[^\s,}\]]+)""")
_LINES = re.compile(r"(\d{1,9})(?:[ ]*-[ ]*(\d{1,9}))?")
ON = ("true", "table", "inline", "yes", "1")


@dataclass
class FenceOptions:
    lang: str = ""
    linenos: bool = False
    start: int = 1
    hl_lines: list[tuple[int, int]] = field(default_factory=list)
    """Ranges of lines to mark, counted from the block's first line."""

    def marked(self, count: int) -> list[int]:
        """The marked lines of a block of ``count`` lines (ranges are cut to the block, so a
        hostile ``1-999999999`` costs no more than the block)."""
        lines: set[int] = set()
        for first, last in self.hl_lines:
            lines.update(range(max(first, 1), min(last, count) + 1))
        return sorted(lines)


def parse(info: str) -> FenceOptions:
    """The language and Hugo options of a fence's info string."""
    options = FenceOptions()
    word = _FIRST_WORD.match(info)
    first = word.group() if word else ""
    if _LANG.fullmatch(first):
        options.lang = first
    for match in _ATTR.finditer(info, len(first)):
        key, value = match.group(1).lower(), match.group(2).strip("\"'[]")
        if key == "linenos":
            options.linenos = value.lower() in ON
        elif key == "linenostart" and value.isdigit() and len(value) <= 9:
            options.start = max(int(value), 1)
        elif key == "hl_lines":
            for part in _LINES.finditer(value):
                first_line = int(part.group(1))
                options.hl_lines.append((first_line, int(part.group(2) or first_line)))
    return options


def header(options: FenceOptions, target: str | None, count: int) -> str:
    """What follows the opening fence for ``target`` (a fence processor, see above), for a
    block of ``count`` lines."""
    lang = options.lang
    if not lang:
        return ""  # Hugo highlights nothing, and numbers no line, in a block without a language
    marked = " ".join(str(n) for n in options.marked(count))
    if target == SUPERFENCES:
        parts = [lang]
        if options.linenos:
            parts.append(f'linenums="{options.start}"')
        if marked:
            parts.append(f'hl_lines="{marked}"')
        return " ".join(parts)
    if target == CODEHILITE and (options.linenos or marked):
        parts = ["{", f".{lang}"]
        if options.linenos:
            parts += ['linenums="true"', f'linenostart="{options.start}"']
        if marked:
            parts.append(f'hl_lines="{marked}"')
        return " ".join([*parts, "}"])
    return lang
