"""Finding Hugo shortcodes in Markdown source, outside code.

One pass over the text splits it into literal text and the things the Markdown extension renders:
shortcode tags (``{{< name a b >}}``, ``{{% name k="v" %}}``, paired ones with their inner text),
malformed tags, and ``![type:video](URL)`` links. Fenced code blocks and inline code spans are
copied through untouched, except that Hugo's escaped form ``{{</* name */>}}`` becomes the literal
``{{< name >}}`` everywhere, since that is how Hugo users show a shortcode in their docs.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Union

from ..markup.text import Finder

DELIMITERS = {"<": ">}}", "%": "%}}"}
_OPEN = re.compile(r"\{\{([<%])")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)
_ESCAPED = re.compile(r"\{\{([<%])\s*/\*(.{0,2000}?)\*/\s*([>%])\}\}", re.DOTALL)
_NAME = re.compile(r"[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*")
_BARE = re.compile(r"[^\s\"`=]+?(?=\s|=|/?[>%]\}\}|$)")
_VIDEO_LINK = re.compile(r"!\[type:video\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Every character at which the scanner may do more than step over it. Each branch opens with
# one literal character, so the search skips ahead to those characters (a class like [`~\\]
# first would make it try every branch at every position, about three times slower). A blank
# line counts only when what follows it may be indented code (`indented_code`).
_INTERESTING = re.compile(
    r"`|~|\\|\{\{[<%]|!\[type:video\]\(|<(?i:pre|code)\b|<!--|\n[ \t]*\n(?![^ \t\n])"
)
_COMMENT_END = re.compile("-->")
# Raw HTML code that Markdown passes through: a shortcode in it is text, as in a fenced block.
_RAW_CODE_END = {"pre": re.compile(r"</pre\s*>", re.IGNORECASE),
                 "code": re.compile(r"</code\s*>", re.IGNORECASE)}  # fmt: skip
# An indented code block: after a blank line, lines indented by four spaces or a tab.
_INDENTED_BLOCK = re.compile(r"(?:(?: {4}|\t)[^\n]*\n?|[ \t]*\n)+")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")


@dataclass
class Shortcode:
    """One shortcode tag, or a pair with the text between its tags in ``inner``."""

    name: str
    line: int
    raw: str
    positional: list[str] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)
    markdown: bool = False
    """``{{% %}}`` form (Hugo renders the inner text as Markdown)."""
    closing: bool = False
    self_closed: bool = False
    """Written ``{{< name />}}``: never one of a pair."""
    inner: str | None = None

    def get(self, name: str, position: int | None = None) -> str | None:
        """A parameter by name (case-insensitive), else by position."""
        for key, value in self.named.items():
            if key.lower() == name.lower():
                return value
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return None


@dataclass
class Malformed:
    """Text that starts like a shortcode but cannot be read as one."""

    raw: str
    line: int
    reason: str


@dataclass
class VideoLink:
    """``![type:video](URL)``, the syntax of the mkdocs-video plugin."""

    url: str
    line: int
    raw: str


Node = Union[str, Shortcode, Malformed, VideoLink]


def unescape(text: str) -> str:
    """Hugo's ``{{</* x */>}}`` -> ``{{< x >}}`` (same for the ``%`` form)."""
    return _ESCAPED.sub(lambda m: "{{" + m.group(1) + m.group(2) + m.group(3) + "}}", text)


class _Scanner:
    def __init__(self, text: str, paired: Collection[str]) -> None:
        self.text = text
        self.paired = {name.lower() for name in paired}
        self.counted = (0, 1)
        """An offset and its line: the scan moves forward, so lines are counted from there."""
        self.nodes: list[Node] = []
        self.literal_from = 0
        # Every forward search goes through a Finder, so a page of many unclosed openers (or
        # one long paragraph of tags) stays linear.
        self.finders: dict[str | re.Pattern[str], Finder] = {}
        self.pairs: dict[str, dict[int, re.Match[str]]] = {}
        """Per shortcode name: where each of its pairs opens -> its closing tag."""

    def find(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        """The next match of ``pattern`` at or after ``pos``."""
        finder = self.finders.get(pattern)
        if finder is None:
            finder = self.finders[pattern] = Finder(self.text, pattern)
        return finder.next(pos)

    def paragraph_end(self, pos: int) -> int:
        """Where the paragraph holding ``pos`` ends (its next blank line, or the text's end)."""
        found = self.find(_BLANK_LINE, pos)
        return found.start() if found else len(self.text)

    def line_of(self, offset: int) -> int:
        start, line = self.counted
        if offset < start:
            start, line = 0, 1
        line += self.text.count("\n", start, offset)
        self.counted = (offset, line)
        return line

    def flush(self, upto: int) -> None:
        if upto > self.literal_from:
            self.nodes.append(self.text[self.literal_from : upto])

    def emit(self, start: int, end: int, node: Node) -> None:
        self.flush(start)
        self.nodes.append(node)
        self.literal_from = end

    def run(self) -> list[Node]:
        text, i = self.text, 0
        while i < len(text):
            # Jump to the next character that can start something; everything between is literal.
            found = _INTERESTING.search(text, i)
            if found is None:
                break
            i = found.start()
            char = text[i]
            if char in "`~" and self.at_line_start(i):
                end = self.fence_end(i)
                if end is not None:
                    self.emit(i, end, unescape(text[i:end]))
                    i = end
                    continue
            if char == "`":
                i = self.code_span(i)
                continue
            if text.startswith("<!--", i):
                i = self.comment(i)
                continue
            if char == "<":
                i = self.raw_code(i)
                continue
            if char == "\n":
                i = self.indented_code(i)
                continue
            if char == "\\":
                i += 2
                continue
            if text.startswith("{{", i) and i + 2 < len(text) and text[i + 2] in DELIMITERS:
                i = self.shortcode(i)
                continue
            if text.startswith("![type:video](", i):
                match = _VIDEO_LINK.match(text, i)
                if match:
                    node = VideoLink(match.group(1), self.line_of(i), match.group(0))
                    self.emit(i, match.end(), node)
                    i = match.end()
                    continue
            i += 1
        self.flush(len(text))
        return self.nodes

    def at_line_start(self, i: int) -> bool:
        start = self.text.rfind("\n", 0, i) + 1
        return not self.text[start:i].strip(" \t")

    def fence_end(self, i: int) -> int | None:
        """End of the fenced block opening at ``i`` (``None`` when there is no closing fence)."""
        match = _FENCE.match(self.text, self.text.rfind("\n", 0, i) + 1)
        if not match:
            return None
        fence = match.group(1)
        line_end = self.text.find("\n", i)
        if line_end < 0:
            return None
        key = f"fence {fence[0]}{len(fence)}"
        closing = self.finders.get(key)
        if closing is None:
            pattern = re.compile(
                rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE
            )
            closing = self.finders[key] = Finder(self.text, pattern)
        found = closing.next(line_end + 1)
        return found.end() if found else None

    def closing_of(self, name: str, start: int) -> re.Match[str] | None:
        """The closing tag that ends the ``name`` tag opened at ``start``, pairs of the same
        name nesting as in Hugo (``{{< d >}}{{< d >}}…{{< /d >}}…{{< /d >}}``).

        All of a name's openers and closings are matched once, with a stack, the first time
        the name is met: linear however many there are."""
        key = name.lower()
        pairs = self.pairs.get(key)
        if pairs is None:
            pairs = self.pairs[key] = {}
            escaped = re.escape(name)
            tags = re.compile(
                rf"\{{\{{[<%]\s*(?P<closing>/\s*)?{escaped}(?=[\s/>%])"
                rf"(?:[^{{}}]*?(?P<self>/)?\s*[>%]\}}\}})?",
                re.IGNORECASE,
            )
            open_at: list[int] = []
            for match in tags.finditer(self.text):
                if match.group("closing"):
                    if open_at:
                        pairs[open_at.pop()] = match
                elif not match.group("self"):
                    open_at.append(match.start())
        return pairs.get(start)

    def comment(self, i: int) -> int:
        """Skip an HTML comment: a shortcode in it is invisible on the page, as in Hugo, so it
        is neither rendered nor reported."""
        found = self.find(_COMMENT_END, i + 4)
        if found is None:  # never closed: Markdown shows it as text, so it hides nothing
            return i + 4
        self.emit(i, found.end(), self.text[i : found.end()])
        return found.end()

    def raw_code(self, i: int) -> int:
        """Skip a raw ``<pre>`` or ``<code>`` element, keeping its text literal."""
        name = self.text[i + 1 : i + 5].lower().rstrip(" \t\n>")
        name = "pre" if name.startswith("pre") else "code"
        found = self.find(_RAW_CODE_END[name], i)
        if found is None:
            return i + 1
        self.emit(i, found.end(), unescape(self.text[i : found.end()]))
        return found.end()

    def indented_code(self, i: int) -> int:
        """Skip an indented code block that follows the blank line(s) at ``i``.

        Lines indented inside a list item continue the item instead, so a block after a list
        is left to the normal scan.
        """
        blank_end = i + 1
        while True:
            next_break = self.text.find("\n", blank_end)
            if next_break < 0 or self.text[blank_end:next_break].strip(" \t"):
                break
            blank_end = next_break + 1
        block = _INDENTED_BLOCK.match(self.text, blank_end)
        if block is None or not block.group(0).strip() or self.after_list(i):
            return blank_end
        end = block.end()
        self.emit(blank_end, end, unescape(self.text[blank_end:end]))
        return end

    def after_list(self, i: int) -> bool:
        """Whether the paragraph that ends at ``i`` is (inside) a list item."""
        start = self.text.rfind("\n\n", 0, i)
        paragraph = self.text[start + 1 if start >= 0 else 0 : i]
        return any(_LIST_ITEM.match(line) for line in paragraph.splitlines())

    def code_span(self, i: int) -> int:
        """Skip an inline code span (a run of backticks up to the same run, within a paragraph)."""
        text = self.text
        run_end = i
        while run_end < len(text) and text[run_end] == "`":
            run_end += 1
        run = text[i:run_end]
        stop = self.paragraph_end(run_end)
        j = run_end
        while True:
            j = text.find(run, j, stop)
            if j < 0:
                return run_end  # a lone run of backticks is literal text
            after = j + len(run)
            if (after >= len(text) or text[after] != "`") and text[j - 1] != "`":
                self.emit(i, after, unescape(text[i:after]))
                return after
            while j < len(text) and text[j] == "`":
                j += 1

    def malformed_end(self, start: int, at: int) -> int:
        """Where a malformed tag ends: its closing delimiter in the same paragraph, if any."""
        right = DELIMITERS[self.text[start + 2]]
        found = self.text.find(right, start + 3, self.paragraph_end(start))
        nested = self.text.find("{{", start + 3)
        if found >= 0 and (nested < 0 or nested > found):
            return found + len(right)
        return max(at, start + 3)

    def shortcode(self, i: int) -> int:
        escaped = _ESCAPED.match(self.text, i)
        if escaped:
            self.emit(i, escaped.end(), _Literal(escaped))
            return escaped.end()
        line = self.line_of(i)
        try:
            tag, end = _parse_tag(self.text, i, line, self.paragraph_end(i))
        except _Error as problem:
            stop = self.malformed_end(i, problem.at)
            self.emit(i, stop, Malformed(self.text[i:stop], line, str(problem)))
            return stop
        if tag.closing or tag.self_closed:
            self.emit(i, end, tag)
            return end
        found = self.closing_of(tag.name, i)
        if not found and tag.name.lower() not in self.paired:
            # As in Hugo, a tag is one of a pair when its closing tag follows; else it stands alone.
            self.emit(i, end, tag)
            return end
        if not found:
            reason = f"{{{{< {tag.name} >}}}} has no closing tag"
            self.emit(i, end, Malformed(tag.raw, line, reason))
            return end
        tag.inner = unescape(self.text[end : found.start()])
        tag.raw = self.text[i : found.end()]
        self.emit(i, found.end(), tag)
        return found.end()


class _Literal(str):
    """An escaped shortcode outside code: shown as text, never rendered."""

    __slots__ = ()

    def __new__(cls, match: re.Match[str]) -> _Literal:
        return super().__new__(cls, unescape(match.group(0)))


class _Error(ValueError):
    def __init__(self, message: str, at: int) -> None:
        super().__init__(message)
        self.at = at


def _parse_tag(text: str, start: int, line: int, limit: int) -> tuple[Shortcode, int]:
    """Read the tag starting at ``start`` (within its paragraph, which ends at ``limit``);
    returns it and the offset after it."""
    kind = text[start + 2]
    right = DELIMITERS[kind]
    i = _skip_space(text, start + 3)
    closing = text.startswith("/", i)
    if closing:
        i = _skip_space(text, i + 1)
    name = _NAME.match(text, i)
    if not name or name.end() > limit:
        raise _Error("a shortcode name is missing", i)
    tag = Shortcode(name.group(0), line, "", markdown=kind == "%", closing=closing)
    i = name.end()
    while True:
        i = _skip_space(text, i)
        if i >= limit:
            raise _Error(f"the shortcode is not closed with {right}", min(i, limit))
        if text.startswith(right, i) or text.startswith("/" + right, i):
            tag.self_closed = text[i] == "/"
            end = i + len(right) + tag.self_closed
            tag.raw = text[start:end]
            return tag, end
        if closing:
            raise _Error("a closing shortcode takes no parameters", i)
        value, i = _value(text, i, limit)
        if text.startswith("=", _skip_space(text, i)):
            i = _skip_space(text, i)
            if tag.positional:
                raise _Error("named and positional parameters are mixed", i)
            tag.named[value], i = _value(text, _skip_space(text, i + 1), limit)
        else:
            if tag.named:
                raise _Error("named and positional parameters are mixed", i)
            tag.positional.append(value)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _value(text: str, i: int, limit: int) -> tuple[str, int]:
    """One parameter: "double quoted" (backslash escapes), `raw`, or a bare word."""
    if i < limit and text[i] == '"':
        out: list[str] = []
        j = i + 1
        while j < limit and text[j] != '"':
            if text[j] == "\\" and j + 1 < len(text):
                j += 1
            out.append(text[j])
            j += 1
        if j >= limit:
            raise _Error("a quoted parameter is not closed", i + 1)
        return "".join(out), j + 1
    if i < limit and text[i] == "`":
        end = text.find("`", i + 1, limit)
        if end < 0:
            raise _Error("a `raw` parameter is not closed", i + 1)
        return text[i + 1 : end], end + 1
    match = _BARE.match(text, i, limit)
    if not match:
        raise _Error(f"unexpected {text[i : i + 1]!r} in the shortcode", i + 1)
    return match.group(0), match.end()


def scan(text: str, paired: Collection[str] = ()) -> list[Node]:
    """Split ``text`` into literal strings and shortcodes; names in ``paired`` take inner text."""
    return _Scanner(text, paired).run()


def is_literal(node: Node) -> bool:
    """True for an escaped shortcode that must be shown as text (outside code)."""
    return isinstance(node, _Literal)
