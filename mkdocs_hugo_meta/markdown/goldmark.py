"""CommonMark's block structure, written so that Python-Markdown builds it.

Hugo renders Markdown with goldmark (CommonMark); MkDocs with Python-Markdown, which reads lists
and fences differently. This module reads a page's lines the way CommonMark does (list items
and their content columns, fenced and indented code, raw HTML blocks, block quotes, paragraphs
with their lazy continuation lines) and writes them back in the shape Python-Markdown expects:

- a list item's content belongs to it when indented to the item's content column (2 or 3
  spaces for ``- a`` or ``1. a``); Python-Markdown wants 4 spaces per level, so items and their
  content are re-indented to multiples of four;
- a bullet list, or an ordered list starting at 1, may interrupt a paragraph; Python-Markdown
  starts a list only after a blank line, so one is put in front of it;
- a fenced code block may sit in a list item, follow a paragraph line, close with a longer
  fence or never close; each one is handed whole to ``fence`` (which stores it as raw HTML and
  returns the placeholder line), so Python-Markdown's own fence rules never see it.

Nothing inside code, raw HTML blocks or block quotes is rewritten beyond the indentation its
container gives it; paragraph text keeps its words (a line that CommonMark reads as text but
Python-Markdown would take for a list item gets its marker backslash-escaped, which renders the
same). Each line is read once and every container is opened and closed once: the work is linear
in the page's size. Lists nested deeper than ``MAX_DEPTH`` go on as text of the deepest item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

MAX_DEPTH = 32
"""Deepest list nesting written out (Python-Markdown's own parser recurses once per level)."""

_BULLET = re.compile(r"[-+*](?= |$)")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?= |$)")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)")
_ATX = re.compile(r"#{1,6}(?: |$)")
_THEMATIC = re.compile(r"(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$")
_SETEXT = re.compile(r"(?:=+|-+) *$")
_PY_LIST_MARKER = re.compile(r"(?:\d+\.|[-+*])(?= )")
"""A line Python-Markdown takes for a list item inside a list."""
_HTML_BLOCK_START = re.compile(
    r"<(?:(?P<t1>(?:script|pre|style|textarea)(?:[ >]|$))|(?P<t2>!--)|(?P<t3>\?)"
    r"|(?P<t5>!\[CDATA\[)|(?P<t4>![A-Za-z])"
    r"|(?P<t6>/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col"
    r"|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame"
    r"|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav"
    r"|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th"
    r"|thead|title|tr|track|ul)(?:[ >]|/>|$)))",
    re.IGNORECASE,
)
_HTML_TAG_LINE = re.compile(
    r"(?:<[A-Za-z][A-Za-z0-9-]*(?: +[A-Za-z_:][\w.:-]*(?: *= *(?:[^ \"'=<>`]+|'[^']*'"
    r"|\"[^\"]*\"))?)* */?>|</[A-Za-z][A-Za-z0-9-]* *>) *$"
)
"""CommonMark's HTML block of type 7: one complete open or closing tag alone on its line."""
_MAY_CHANGE = re.compile(r"\n[ \t]*(?:[-+*>\d`~]|<(?:[!?]|(?i:script|pre|style|textarea)))")
"""The line break before a line that may open a list, fence or quote, or raw HTML that a blank
line does not end. Outside lists, everything else is written as it stands (``_Normaliser.read``);
starting with a literal line break makes the search several times faster than ``^`` would."""
_HTML_END = {
    "t1": re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    "t2": re.compile("-->"),
    "t3": re.compile(r"\?>"),
    "t4": re.compile(">"),
    "t5": re.compile(r"\]\]>"),
}

PARA, QUOTE, CODE, HTML, FENCE = "para", "quote", "code", "html", "fence"


@dataclass
class Fence:
    """One fenced code block as CommonMark reads it."""

    char: str
    """`` ` `` or ``~``."""
    length: int
    info: str
    """The info string after the opening fence, stripped."""
    lines: list[str] = field(default_factory=list)
    """The code, with the fence's own indentation taken off each line."""


FenceSink = Callable[[Fence], str]
"""Stores a fenced block and returns the one line that stands for it."""


@dataclass
class _Item:
    content_col: int
    """Where the item's content starts in the source (CommonMark's content column)."""
    depth: int
    key: str
    """``-``, ``+``, ``*`` for bullets, ``.`` or ``)`` for ordered items: a change starts a new
    list."""
    started: int
    """The blank-line count when the item opened (a blank line since makes it loose)."""
    has_content: bool
    broken: bool = False
    """Set once a line of the item can no longer follow its first line directly in
    Python-Markdown's reading (after a nested list closed, after code or raw HTML)."""

    @property
    def marker_col(self) -> int:
        return 4 * self.depth

    @property
    def out_col(self) -> int:
        return 4 * self.depth + 4


@dataclass
class Result:
    lines: list[str]
    too_deep: bool = False
    """Lists nested deeper than ``MAX_DEPTH`` were written as text."""


def normalise(lines: list[str], fence: FenceSink) -> Result:
    """``lines`` of Markdown, re-shaped so that Python-Markdown builds CommonMark's blocks."""
    work = _Normaliser(fence)
    work.read(lines)
    work.finish()
    return Result(work.out, work.too_deep)


def _measure(line: str) -> tuple[str, int]:
    """The line with tabs in its indentation expanded (stops of 4), and that indentation."""
    text = line.lstrip(" \t")
    lead = len(line) - len(text)
    if "\t" in line[:lead]:
        line = line[:lead].expandtabs(4) + text
    return line, len(line) - len(text)


def escape_marker(text: str) -> str:
    """Paragraph text that Python-Markdown would take for a list item, escaped to stay text."""
    match = _PY_LIST_MARKER.match(text)
    if match is None:
        return text
    end = match.end() - 1
    return f"{text[:end]}\\{text[end:]}"


def _alone(prefix: str) -> str:
    """An item's marker written without text: ``-`` would underline the line above as a
    heading for Python-Markdown, so a ``*`` stands for it."""
    return prefix[:-2] + "* " if prefix.endswith("- ") else prefix


class _Normaliser:
    def __init__(self, fence: FenceSink) -> None:
        self.sink = fence
        self.out: list[str] = []
        self.items: list[_Item] = []
        self.leaf: str | None = None
        self.raw = ""
        """The line being read, as written (lines outside every list are written unchanged)."""
        self.col = 0
        """Source column of the text being opened."""
        self.blanks = 0
        """Blank lines seen so far outside code (each one may loosen the open items)."""
        self.blank_next = False
        """The next line written must be preceded by a blank line."""
        self.dangling: _Item | None = None
        """The item just closed at the depth where the next item may continue its list."""
        self.fence: Fence | None = None
        self.fence_indent = 0
        self.fence_depth = 0
        self.html_end: re.Pattern[str] | None = None
        self.para_line = -1
        """Where the open paragraph's first line was written, and the column of its text."""
        self.para_col = 0
        self.para_base = 0
        """Source column of the open paragraph's first line."""
        self.too_deep = False

    # --- writing ---

    def emit(self, text: str) -> None:
        if self.blank_next and self.out and self.out[-1].strip():
            self.out.append("")
        self.blank_next = False
        self.out.append(text)

    def separate(self) -> None:
        """A blank line before the next one, unless there is one already. In a list item, the
        item's lines no longer run on from its first one."""
        if self.items:
            self.items[-1].broken = True
        if self.out and self.out[-1].strip():
            self.out.append("")

    def tight(self, item: _Item) -> bool:
        """Whether the item's lines still run on from its first line, with no blank line in
        between: Python-Markdown then reads a line at the item's marker column as the item's."""
        return not item.broken and item.started == self.blanks

    def in_tight_item(self) -> bool:
        return bool(self.items) and self.tight(self.items[-1])

    def emit_flow(self, text: str, escape: bool = True) -> None:
        """A line of a paragraph, heading, quote or placeholder in the innermost container."""
        if not self.items:
            # A paragraph's first line that Python-Markdown, not CommonMark, takes for a list.
            first = escape and self.leaf != PARA
            self.emit(self.raw[: len(self.raw) - len(text)] + escape_marker(text) if first
                      else self.raw)
            return
        item = self.items[-1]
        item.has_content = True
        if self.tight(item):
            self.emit(" " * item.marker_col + (escape_marker(text) if escape else text))
        else:
            # A paragraph line indented past the paragraph's first keeps the difference (the
            # body of an admonition, for Python-Markdown's extensions).
            extra = max(self.col - self.para_base, 0) if self.leaf == PARA else 0
            self.emit(" " * (item.out_col + extra) + text)

    def emit_verbatim(self, text: str, col: int) -> None:
        """A line of code or raw HTML starting at source column ``col``: its indentation past
        the container's content column is kept."""
        if not self.items:
            self.emit(self.raw)
            return
        item = self.items[-1]
        item.has_content = True
        item.broken = True
        self.emit(" " * (item.out_col + max(col - item.content_col, 0)) + text)

    # --- reading ---

    def read(self, lines: list[str]) -> None:
        """Feed ``lines``, copying runs of them that could only be written as they stand.

        Most of a blog post is paragraphs and raw HTML outside any list. Once no list, fence,
        quote or long HTML block is open, the lines up to the next one that may open such a
        block (``_MAY_CHANGE``) are written unchanged, up to and including the last blank line
        before it (to the end when there is none); from there on the state is what a blank line
        leaves, so the normaliser goes on line by line. One forward search per run keeps the
        work linear.
        """
        text = "\n" + "\n".join(lines)  # each line after a line break, the first one too
        if text.count("\n") != len(lines):  # a line holding a line break: no offsets
            for line in lines:
                self.feed(line)
            return
        starts = [0, *accumulate(map(len, lines))]  # characters before each line, breaks aside
        i, end = 0, len(lines)
        while i < end:
            if not self.clean():
                # A run to copy ends with a blank line: look again after the next one.
                for i in range(i, end):  # noqa: B020 (goes on from where it stops)
                    self.feed(lines[i])
                    if not lines[i].strip(" \t"):
                        break
                i += 1
                continue
            offset = starts[i] + i  # the line break before line i
            found = _MAY_CHANGE.search(text, offset)
            if found is None:  # the rest of the page is written as it stands
                self.out.extend(lines[i:])
                return
            stop = i + text.count("\n", offset, found.start())
            copied = i
            for j in range(stop - 1, i - 1, -1):
                if not lines[j].strip(" \t"):
                    copied = j + 1
                    break
            if copied > i:
                self.out.extend(lines[i:copied])
                self.leaf = None
            for line in lines[copied : stop + 1]:
                self.feed(line)
            i = stop + 1

    def clean(self) -> bool:
        """Whether the lines from here to the next blank one are written as they stand when
        none of them may open a block (``_MAY_CHANGE``), and leave the state a blank line
        leaves: no list, fence or quote open, no raw HTML open past a blank line, nothing
        pending for the next line written."""
        return not (
            self.items or self.fence is not None or self.dangling is not None
            or self.blank_next or self.leaf in (QUOTE, FENCE)
            or (self.leaf == HTML and self.html_end is not None)
        )

    def feed(self, raw: str) -> None:
        # Shortcuts for the two commonest lines, doing what ``feed_any`` does for them without
        # classifying them. Inside a fence or an HTML block every line goes the general way.
        leaf = self.leaf
        if leaf in (FENCE, HTML):
            self.feed_any(raw)
            return
        if not raw.strip(" \t"):
            self.raw = raw
            self.blank()
            return
        if raw[:1].isalpha() and not self.items and leaf != QUOTE:
            # Text at column 0 outside every list (a letter starts no other block): it opens
            # or continues a paragraph and is written unchanged.
            self.raw = raw
            self.dangling = None
            self.col = 0
            self.emit(raw)
            if self.leaf != PARA:
                self.para_line, self.para_col, self.para_base = len(self.out) - 1, 0, 0
            self.leaf = PARA
            return
        self.feed_any(raw)

    def feed_any(self, raw: str) -> None:
        """Any line, classified by what it starts."""
        self.raw = raw
        line, indent = _measure(raw)
        if self.leaf == FENCE and self.fence_line(line, indent):
            return
        if self.leaf == HTML and self.html_line(line, indent):
            return
        if indent == len(line):
            self.blank()
            return
        matched = 0
        while matched < len(self.items) and indent >= self.items[matched].content_col:
            matched += 1
        rel = indent - (self.items[matched - 1].content_col if matched else 0)
        text = line[indent:]
        all_matched = matched == len(self.items)
        start = self.block_start(text, rel, all_matched)
        if not all_matched:
            if start is None and self.leaf in (PARA, QUOTE):
                self.col = indent
                self.emit_flow(text)  # a lazy continuation line
                return
            sibling = start == "item" and self.continues(text, matched)
            split = not matched and self.splits(text, start, sibling)
            self.close(matched, sibling=sibling)
            if split:
                # Python-Markdown would take the block into the list: an empty comment ends it,
                # as CommonMark's own examples end a list.
                self.emit("<!-- -->")
                self.blank_next = True
        elif self.leaf == QUOTE and start not in (None, "quote"):
            self.separate()  # Python-Markdown would read it as the quote's lazy line
        if start != "item":
            self.dangling = None
        self.col = indent
        self.open(text, rel, start, prefix=None)

    def block_start(self, text: str, rel: int, all_matched: bool) -> str | None:
        """What block ``text`` opens, ``rel`` columns past its container's content column
        (``None``: a paragraph line)."""
        para = self.leaf in (PARA, QUOTE)
        if rel >= 4:
            return None if para else "code"
        if para and all_matched and self.leaf == PARA and _SETEXT.match(text):
            return "setext"
        if _THEMATIC.match(text):
            return "thematic"
        if _ATX.match(text):
            return "atx"
        if text.startswith(">"):
            return "quote"
        fence = _FENCE.match(text)
        if fence and not (fence.group(1)[0] == "`" and "`" in fence.group(2)):
            return "fence"
        marker = self.marker(text)
        if marker is not None:
            empty = not text[marker.end() :].strip()
            ordered = marker.lastindex == 2
            # Only a bullet or a "1." with text after it may interrupt a paragraph.
            if not (para and all_matched) or not (empty or (ordered and marker.group(1) != "1")):
                return "item"
        if text.startswith("<") and (
            _HTML_BLOCK_START.match(text) or (not para and _HTML_TAG_LINE.match(text))
        ):
            return "html"
        return None

    @staticmethod
    def marker(text: str) -> re.Match[str] | None:
        return _BULLET.match(text) or _ORDERED.match(text)

    def key(self, text: str) -> str:
        marker = self.marker(text)
        return marker.group(2) if marker is not None and marker.lastindex == 2 else text[:1]

    def continues(self, text: str, depth: int) -> bool:
        """Whether an item marker at ``depth`` continues the list open there."""
        previous = self.items[depth] if depth < len(self.items) else self.dangling
        return previous is not None and previous.depth == depth and previous.key == self.key(text)

    def splits(self, text: str, start: str | None, sibling: bool) -> bool:
        """Whether a top-level block after a list needs an end mark to stay out of the list:
        indented code, or a list that CommonMark starts anew (another bullet character or
        delimiter) but Python-Markdown would join to the one before."""
        if start == "code":
            return True
        if start != "item" or sibling or not self.items:
            return False
        marker = self.marker(text)
        return marker is not None and (marker.lastindex == 2) == (self.items[0].key in ".)")

    def close(self, depth: int, *, sibling: bool) -> None:
        """Close the items deeper than ``depth``; a sibling item of the one at ``depth`` (its
        list goes on) or another block follows."""
        if self.leaf == FENCE:
            self.flush_fence()
        self.leaf = None
        self.dangling = self.items[depth] if sibling else None
        self.items[depth:] = []
        if sibling:
            return
        # Python-Markdown would run what follows into the closed list's last item.
        if self.items:
            self.items[-1].broken = True
        self.blank_next = True

    def blank(self) -> None:
        if self.leaf != CODE:
            self.leaf = None
        if self.items and not self.items[-1].has_content:
            # An item may begin with at most one blank line: this one stays empty.
            self.dangling = self.items.pop()
        self.blanks += 1
        self.out.append("" if self.items else self.raw)

    def open(self, text: str, rel: int, start: str | None, prefix: str | None) -> None:
        """Open the block ``start`` with ``text`` in the innermost container. ``prefix`` is the
        marker of an item opened on this line, written in front of the item's first line."""
        if start == "item" and len(self.items) >= MAX_DEPTH:
            self.too_deep = True
            start = None
        if prefix is not None and start in ("item", "fence", "code"):
            self.emit(_alone(prefix))  # the marker on a line of its own, then the nested block
            prefix = None
        if start == "item":
            self.open_item(text)
        elif start == "fence":
            self.open_fence(text, rel)
        elif start == "code":
            self.leaf = CODE
            self.emit_verbatim(text, self.col)
        elif start == "html":
            self.open_html(text, prefix)
        else:
            self.open_flow(text, start, prefix)

    def open_flow(self, text: str, start: str | None, prefix: str | None) -> None:
        """A paragraph line, heading, thematic break or block quote line."""
        if start == "setext" and self.items and self.para_line == len(self.out) - 1:
            # Under a one-line paragraph in a list item, Python-Markdown would read the
            # underline as a thematic break that ends the list: the heading is written in the
            # ATX form instead.
            line, col = self.out[-1], self.para_col
            self.out[-1] = f"{line[:col]}{'#' if text[0] == '=' else '##'} {line[col:]}"
            self.leaf = None
            return
        if prefix is not None:
            self.emit(prefix + text)
            col = len(prefix)
        else:
            if start == "thematic" and self.in_tight_item():
                text = "***"  # "---" under a line of the item would underline a heading
            self.emit_flow(text, escape=start is None)
            col = len(self.out[-1]) - len(self.out[-1].lstrip(" "))
        if start is None and self.leaf != PARA:
            self.para_line, self.para_col, self.para_base = len(self.out) - 1, col, self.col
        self.leaf = PARA if start is None else QUOTE if start == "quote" else None

    def open_item(self, text: str) -> None:
        marker = self.marker(text)
        assert marker is not None
        depth = len(self.items)
        ordered = marker.lastindex == 2
        previous = self.dangling
        sibling = previous is not None and self.continues(text, depth)
        if sibling and previous is not None and not self.tight(previous):
            self.separate()  # else Python-Markdown reads it as the previous item's text
        elif not sibling and not self.in_tight_item():
            self.separate()  # Python-Markdown starts a list only after a blank line
        self.dangling = None
        if self.items:
            self.items[-1].has_content = True
        rest = text[marker.end() :]
        body = rest.lstrip(" ")
        spaces = len(rest) - len(body)
        after_marker = self.col + marker.end()
        if not body or spaces >= 5:
            # Nothing, or indented code, after the marker: the content starts one space past it.
            content, rel = after_marker + 1, max(spaces - 1, 0)
        else:
            content, rel = after_marker + spaces, 0
        out_marker = f"{int(marker.group(1))}." if ordered else text[0]
        prefix = " " * (4 * depth) + out_marker + " "
        self.leaf = None
        self.items.append(_Item(content, depth, self.key(text), self.blanks, bool(body)))
        if not body:
            self.emit(_alone(prefix))
            return
        self.col = content + rel
        self.open(body, rel, self.block_start(body, rel, True), prefix)

    # --- fenced code ---

    def open_fence(self, text: str, rel: int) -> None:
        match = _FENCE.match(text)
        assert match is not None
        fence = match.group(1)
        self.fence = Fence(fence[0], len(fence), match.group(2).strip())
        self.fence_indent = rel
        self.fence_depth = len(self.items)
        self.leaf = FENCE
        if self.items:
            self.items[-1].has_content = True

    def fence_line(self, line: str, indent: int) -> bool:
        """Take ``line`` into the open fence; ``False`` when the fence's container ends."""
        assert self.fence is not None
        col = self.items[self.fence_depth - 1].content_col if self.fence_depth else 0
        blank = indent == len(line)
        if not blank and indent < col:
            self.flush_fence()
            return False
        rel = max(indent - col, 0)
        text = line[indent:]
        if not blank and rel < 4:
            closing = _FENCE.match(text)
            if (
                closing is not None
                and closing.group(1)[0] == self.fence.char
                and len(closing.group(1)) >= self.fence.length
                and not closing.group(2).strip()
            ):
                self.flush_fence()
                return True
        if blank:
            self.fence.lines.append(line[min(col + self.fence_indent, len(line)) :])
        else:
            self.fence.lines.append(" " * max(rel - self.fence_indent, 0) + text)
        return True

    def flush_fence(self) -> None:
        fence, self.fence = self.fence, None
        self.leaf = None
        if fence is None:
            return
        placeholder = self.sink(fence)
        if self.in_tight_item():
            # On the item's own run of lines: Python-Markdown keeps it in the item, tight.
            self.items[-1].has_content = True
            self.emit(" " * self.items[-1].marker_col + placeholder)
            return
        self.separate()
        if self.items:
            self.items[-1].has_content = True
            self.emit(" " * self.items[-1].out_col + placeholder)
        else:
            self.emit(placeholder)
        self.blank_next = True

    # --- raw HTML ---

    def open_html(self, text: str, prefix: str | None) -> None:
        match = _HTML_BLOCK_START.match(text)
        kind = match.lastgroup if match is not None else None
        self.html_end = _HTML_END.get(kind or "")
        self.leaf = HTML
        if prefix is not None:
            self.emit(prefix + text)
            self.items[-1].broken = True
        else:
            self.emit_verbatim(text, self.col)
        if self.html_end is not None and self.html_end.search(text, 1):
            self.leaf = None

    def html_line(self, line: str, indent: int) -> bool:
        """Take ``line`` into the open raw HTML block; ``False`` when the block has ended."""
        blank = indent == len(line)
        if self.html_end is None and blank:
            self.leaf = None
            return False
        if not blank and self.items and indent < self.items[-1].content_col:
            self.leaf = None
            return False
        if blank:
            self.out.append("" if self.items else self.raw)
        else:
            self.emit_verbatim(line[indent:], indent)
        if self.html_end is not None and self.html_end.search(line):
            self.leaf = None
        return True

    def finish(self) -> None:
        if self.fence is not None:
            # Unclosed: the code runs to the end, without the blank lines the page ends with.
            while self.fence.lines and not self.fence.lines[-1].strip():
                self.fence.lines.pop()
            self.flush_fence()
