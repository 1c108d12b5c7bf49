"""Read Hugo-style front matter (YAML ``---``, TOML ``+++``, JSON ``{``) with line numbers.

MkDocs itself only understands YAML and silently keeps the last of two duplicate keys, and a
malformed block spills into the page.  This reader reports every problem with its line in the
source file and always hands back the body without the front-matter block.

Whatever the page holds, reading it never raises, never drops body text and stays linear in the
page's size: nesting is capped at :data:`MAX_DEPTH` (measured before a parser that recurses per
level sees the block), over-long integers stay text, and invalid Unicode is replaced.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml

# libyaml is several times faster when present; the pure-Python loader gives the same nodes.
_YamlBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 100
"""Deepest nesting of mappings and lists a block may have (the top-level mapping is level 1).

Real front matter nests a few levels. The parsers, and code that walks the data, recurse once per
level, so a deeper block is reported and ignored rather than risk the interpreter's stack.
"""

_INT_DIGITS_FLOOR = 640
"""Python refuses to read integers longer than ``sys.get_int_max_str_digits()`` (4300 by default,
never below 640); shorter literals need no check."""

_TOML_RETRY_CHARS = 1_000_000
"""Each repaired TOML duplicate key costs one more parse of the block: this bounds their total
size, so a large block with many duplicates stays linear."""
_TOML_MAX_DUPLICATES = 50

_SHARED_KEY_LENGTH = 40
"""Longer keys are nobody's common key: they are not shared (`sys.intern` keeps a string
for the life of the process)."""

_QUOTE_LIMIT = 80
"""Longest user text quoted in a message, so one warning stays one readable line."""

_YAML_FENCE = "---"
_YAML_CLOSERS = ("---", "...")
_TOML_FENCE = "+++"
# Hugo and MkDocs split lines on "\n" alone; str.strip() and str.splitlines() would also treat
# U+2028, form feeds and the like as line ends.
_BLANKS = " \t\r\n"
_TOML_ERROR_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*(?:=|\.)""")
_TOML_TABLE = re.compile(r"""^\s*\[+\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))""")
_KEY_CHARS = re.compile(r"[\w .-]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
_SURROGATE_MESSAGE = (
    "text that is not valid Unicode (a lone surrogate such as \\ud800) was replaced with U+FFFD"
)
# Breaks as YAML counts them: it also ends lines at NEL, U+2028 and U+2029.
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# One JSON token that matters for nesting, keys and long integers. A string ends at its closing
# quote or at the end of its line (JSON strings never span lines), so a stray quote cannot hide
# the rest of the page.
_JSON_TOKEN = re.compile(
    r'"(?P<text>[^"\\\n]*(?:\\[^\n][^"\\\n]*)*)"?(?P<colon>[ \t\r]*:)?'
    r"|(?P<number>-?[0-9]+)(?P<fraction>[.eE])?"
    r"|[\[\]{}\n]"
)
# The same for TOML: strings (multi-line ones may span lines), comments, bare words (keys,
# numbers, dates), brackets, "=", "," and line ends.
_TOML_TOKEN = re.compile(
    r'"""[^"\\]*(?:(?:\\(?:.|\Z)|"(?!""))[^"\\]*)*(?:"{3,5}|\Z)'
    r"|'''.*?(?:'{3,5}|\Z)"
    r'|"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"?'
    r"|'[^'\n]*'?"
    r"|#[^\n]*"
    r"|(?P<bare>[A-Za-z0-9_+.:-]+)"
    r"|[\[\]{}=,\n]",
    re.DOTALL,
)
_TOML_INTEGER = re.compile(r"[+-]?[0-9_]+")


@dataclass
class Problem:
    """Something wrong in a page's front matter, at a 1-based line of the source file."""

    line: int
    message: str


@dataclass
class FrontMatter:
    """A page's front matter and body as read from its source."""

    data: dict[str, Any]
    body: str
    format: str | None = None
    """``"yaml"``, ``"toml"``, ``"json"`` or ``None`` when the page has no front matter."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """Lower-cased top-level key -> line of its (last) definition."""
    body_line: int = 1
    """Line of the source file on which :attr:`body` starts."""
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """Line of a top-level key (case-insensitive), else the first line of the block."""
        return self.key_lines.get(key.split(".", 1)[0].lower(), 1)


def _shared(key: Any) -> Any:
    """One string object for a key however many pages write it (``title``, ``tags``...), so
    every page's front matter, held until the build ends, does not hold its own copies."""
    if isinstance(key, str) and len(key) <= _SHARED_KEY_LENGTH:
        return sys.intern(key)
    return key


def decode(raw: bytes) -> tuple[str, Problem | None]:
    """Decode a source file as MkDocs does (UTF-8, BOM dropped, universal newlines).

    Undecodable bytes are replaced instead of failing the whole build.
    """
    problem = None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problem = Problem(line, f"file is not valid UTF-8 ({exc.reason}); bad bytes were replaced")
        text = raw.decode("utf-8-sig", errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problem


def parse(source: str) -> FrontMatter:
    """Split ``source`` into front matter and body, reporting problems with their lines."""
    if source.startswith("\ufeff"):
        source = source[1:]
    # A str can carry lone surrogates (decode() never makes them): nothing could write them out.
    surrogate_line = None
    if not source.isascii():
        found = _SURROGATE.search(source)
        if found:
            surrogate_line = source.count("\n", 0, found.start()) + 1
            source = _SURROGATE.sub("\ufffd", source)
    result = _parse(source)
    if surrogate_line is not None and all(p.message != _SURROGATE_MESSAGE for p in result.problems):
        result.problems.append(Problem(surrogate_line, _SURROGATE_MESSAGE))
    result.problems.sort(key=lambda problem: problem.line)
    return result


def _parse(source: str) -> FrontMatter:
    lines = _split_lines(source)
    first = 0
    while first < len(lines) and not lines[first].strip(_BLANKS):
        first += 1
    if first == len(lines):
        return FrontMatter({}, source)
    opener = lines[first].rstrip(_BLANKS)
    if opener == _YAML_FENCE:
        return _parse_fenced(lines, first, "yaml")
    if opener == _TOML_FENCE:
        return _parse_fenced(lines, first, "toml")
    if opener.lstrip(" \t").startswith("{") and _opens_json_object(lines, first):
        return _parse_json(source, lines, first)
    return FrontMatter({}, source)


def _split_lines(text: str) -> list[str]:
    """``text`` cut after each "\\n" (each line keeps it), like ``splitlines(keepends=True)``
    but blind to the other characters Python counts as line ends."""
    lines = [line + "\n" for line in text.split("\n")]
    last = lines.pop()
    if last != "\n":
        lines.append(last[:-1])
    return lines


def _quote(text: str) -> str:
    """User text for a message: quoted and with control characters, invisible formatting and
    invalid Unicode escaped (as ``repr`` does), so it cannot break or forge a warning line."""
    if len(text) > _QUOTE_LIMIT:
        text = text[:_QUOTE_LIMIT] + "…"
    return repr(text)


def _printable(text: str) -> str:
    """A parser's message, which may quote the page: its first line, cut short, with any
    non-printable character escaped."""
    text = text.split("\n", 1)[0]
    if len(text) > 2 * _QUOTE_LIMIT:
        text = text[: 2 * _QUOTE_LIMIT] + "…"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _too_deep(line: int) -> Problem:
    return Problem(line, f"front matter is nested deeper than {MAX_DEPTH} levels; ignored")


def _long_integer(digits: int, line: int) -> Problem:
    return Problem(
        line, f"integer with {digits} digits is too long to read as a number; kept as text"
    )


def _int_too_long(text: str) -> bool:
    """Whether Python refuses to read the integer literal ``text`` for its length."""
    if len(text) < _INT_DIGITS_FLOOR:
        return False
    try:
        int(text.replace("_", ""))
    except ValueError:
        return True
    return False


def _finish(result: FrontMatter, lines: list[str], body_start: int) -> FrontMatter:
    """Attach the body that starts at index ``body_start`` (leading blank lines dropped)."""
    while body_start < len(lines) and lines[body_start] in ("\n", "\r\n"):
        body_start += 1
    result.body = "".join(lines[body_start:])
    result.body_line = body_start + 1
    return result


def _parse_fenced(lines: list[str], first: int, fmt: str) -> FrontMatter:
    closers = _YAML_CLOSERS if fmt == "yaml" else (_TOML_FENCE,)
    close = next(
        (i for i in range(first + 1, len(lines)) if lines[i].rstrip(_BLANKS) in closers), None
    )
    problems: list[Problem] = []
    if close is None:
        fence = lines[first].rstrip(_BLANKS)
        # No closing fence to skip: the body starts right after the recovered block.
        close = body_start = _recover_block_end(lines, first + 1)
        problems.append(
            Problem(
                first + 1,
                f"front matter opened with '{fence}' is never closed; "
                f"read lines {first + 2}-{close} as front matter and the rest as content",
            )
        )
    else:
        body_start = close + 1
    block = "".join(lines[first + 1 : close])
    offset = first + 1  # block line 1 is source line first + 2
    result = _read_yaml(block, offset) if fmt == "yaml" else _read_toml(block, offset)
    result.problems[:0] = problems
    _tidy(result, offset + 1, block, measure=fmt == "toml")
    return _finish(result, lines, body_start)


def _recover_block_end(lines: list[str], start: int) -> int:
    """Index of the first line after an unterminated block that still looks like front matter."""
    end = start
    for i in range(start, len(lines)):
        if not _looks_like_front_matter(lines[i]):
            break
        if lines[i].strip(_BLANKS):
            end = i + 1
    return end


def _looks_like_front_matter(line: str) -> bool:
    """Whether a line can belong to a YAML mapping block (``key: ...``, indented continuation,
    list item, comment, blank) or a TOML one (``key = ...``); string tests, no backtracking."""
    text = line.rstrip("\r\n")
    if not text.strip() or text[0].isspace() or text[0] == "#" or "=" in text:
        return True
    if text[0] == "-" and (len(text) == 1 or text[1].isspace()):
        return True
    head, colon, tail = text.partition(":")
    if not colon or (tail and not tail[0].isspace()):
        return False
    key = head.rstrip()
    if key[-1:] in ("'", '"'):
        key = key[:-1]
    if key[:1] in ("'", '"'):
        key = key[1:]
    return _KEY_CHARS.fullmatch(key) is not None


class _TooDeep(Exception):
    """Data nested deeper than :data:`MAX_DEPTH`, or containing itself."""


class _Scrubber:
    """Walks front-matter data without recursion: measures its depth and replaces lone
    surrogates in every string, keys included.

    Containers are visited once each (YAML aliases share them), so an alias bomb stays linear,
    and unchanged containers are kept as they are.
    """

    def __init__(self) -> None:
        self.done: dict[int, tuple[Any, int]] = {}
        self.replaced = False

    def text(self, value: Any) -> Any:
        if type(value) is str and not value.isascii() and _SURROGATE.search(value):
            self.replaced = True
            return _SURROGATE.sub("\ufffd", value)
        return value

    def clean(self, root: Any) -> tuple[Any, int]:
        """``root`` with its strings repaired, and its depth (0 for a scalar)."""
        if not isinstance(root, (dict, list, tuple, set, frozenset)):
            return self.text(root), 0
        active: set[int] = set()
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            key = id(node)
            if expanded:
                active.discard(key)
                self.done[key] = self._rebuild(node)
                continue
            if key in self.done:
                continue
            if key in active:  # reached again below itself: a cycle
                raise _TooDeep
            active.add(key)
            stack.append((node, True))
            children = [*node.keys(), *node.values()] if isinstance(node, dict) else node
            stack.extend(
                (child, False)
                for child in children
                if isinstance(child, (dict, list, tuple, set, frozenset))
                and id(child) not in self.done
            )
        return self.done[id(root)]

    def _rebuild(self, node: Any) -> tuple[Any, int]:
        height = 0

        def fix(child: Any) -> Any:
            nonlocal height
            if isinstance(child, (dict, list, tuple, set, frozenset)):
                new, child_height = self.done[id(child)]
                height = max(height, child_height)
                return new
            return self.text(child)

        if isinstance(node, dict):
            pairs = [(fix(k), fix(v)) for k, v in node.items()]
            changed = any(a is not k or b is not v for (a, b), (k, v) in zip(pairs, node.items()))
            new: Any = dict(pairs) if changed else node
        else:
            items = [fix(item) for item in node]
            changed = any(a is not b for a, b in zip(items, node))
            new = type(node)(items) if changed else node
        if height + 1 > MAX_DEPTH:
            raise _TooDeep
        return new, height + 1


def _tidy(result: FrontMatter, block_line: int, block: str, *, measure: bool) -> None:
    """Apply the depth limit (with ``measure``: the reader has not bounded it already) and
    repair invalid Unicode (only an escape in ``block`` can make it) in ``result.data``."""
    if not result.data or not (measure or _SURROGATE_ESCAPE.search(block)):
        return
    scrubber = _Scrubber()
    cleaned: dict[str, Any] = {}
    changed_line = None
    for name, value in result.data.items():
        line = result.key_lines.get(name.lower(), block_line)
        try:
            new_value, height = scrubber.clean(value)
            if height + 1 > MAX_DEPTH:
                raise _TooDeep
        except _TooDeep:
            result.data = {}
            result.problems.append(_too_deep(line))
            return
        new_name = scrubber.text(name)
        if changed_line is None and (new_name is not name or new_value is not value):
            changed_line = line
        cleaned[new_name] = new_value
    result.data = cleaned
    if scrubber.replaced:
        result.problems.append(Problem(changed_line or block_line, _SURROGATE_MESSAGE))


# --- YAML -----------------------------------------------------------------------------------


class _YamlLines:
    """Source line of a YAML mark: YAML also ends lines at NEL, U+2028 and U+2029."""

    def __init__(self, block: str, offset: int) -> None:
        self.offset = offset
        self.table: list[int] | None = None
        if any(c in block for c in "\r\x85\u2028\u2029"):
            table = [0]
            newlines = 0
            for found in _YAML_BREAK.finditer(block):
                newlines += "\n" in found.group()
                table.append(newlines)
            self.table = table

    def __call__(self, yaml_line: int) -> int:
        if self.table is not None:
            yaml_line = self.table[min(yaml_line, len(self.table) - 1)]
        return self.offset + yaml_line + 1


def _read_yaml(block: str, offset: int) -> FrontMatter:
    result = FrontMatter({}, "", "yaml")
    if not block.strip():
        return result
    line_of = _YamlLines(block, offset)
    loader = None
    try:
        loader = _YamlBase(block)  # the pure-Python reader checks the characters right here
        loader.resolve = _resolve
        loader.descend_resolver = loader.ascend_resolver = _no_path_resolvers
        # Every collection needs one of these indicators, so a block with few cannot nest deep;
        # the event pass is cheap (no nodes are built) and does not recurse.
        if sum(block.count(c) for c in ":-?[{") > MAX_DEPTH:
            deep = _yaml_too_deep(block, line_of)
            if deep is not None:
                result.problems.append(deep)
                return result
        root = loader.get_single_node()
        if root is None:
            return result
        if not isinstance(root, yaml.MappingNode):
            result.problems.append(
                Problem(offset + 1, "front matter must be a mapping of keys to values")
            )
            return result
        # Only aliases make the node graph deeper than the text, or make it a cycle, or let
        # two places share a node.
        walked = "*" in block
        reader = _YamlReader(loader, line_of, result, shared=walked)
        if walked and not reader.walk(root, measure=True):
            return result
        # Duplicate keys are reported before the values' own problems.
        checked = len(result.problems)
        try:
            data = reader.construct(root)
            result.problems[checked:checked] = reader.duplicates
            result.key_lines = reader.key_lines
        except _Unusual:
            # What the quick constructor had found is incomplete: start over, the slow way.
            keys = FrontMatter({}, "", "yaml")
            _check_yaml_keys(root, line_of, keys, top=True, seen_nodes=set())
            result.problems[checked:checked] = keys.problems
            result.key_lines = keys.key_lines
            if not walked:  # PyYAML's constructor would stop at the first bad scalar
                reader.walk(root, measure=False)
            data = loader.construct_document(root)
    except yaml.YAMLError as exc:
        result.problems.append(_yaml_problem(exc, block, line_of))
        return result
    except RecursionError:  # last resort: the checks above keep every walk shallow
        result.problems.append(_too_deep(offset + 1))
        return result
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        # PyYAML's own constructors (merges, sets, omaps) on input they were not meant for.
        detail = _printable(str(exc))
        result.problems.append(Problem(offset + 1, f"malformed YAML front matter: {detail}"))
        return result
    finally:
        if loader is not None:
            loader.dispose()
    result.data = {(k if isinstance(k, str) else str(k)): v for k, v in data.items()}
    return result


def _yaml_too_deep(block: str, line_of: _YamlLines) -> Problem | None:
    """A problem at the line where the block nests deeper than :data:`MAX_DEPTH`, found from
    the parser's events before PyYAML's composer (which recurses per level) builds nodes."""
    loader = _YamlBase(block)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return _too_deep(line_of(mark.line if mark is not None else 0))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()
    return None


class _Unusual(Exception):
    """A node the quick constructor leaves to PyYAML's (merge keys, sets, binary, custom tags)."""


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_SCALARS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
}
_BOOL_WORDS: dict[str, bool] = yaml.constructor.SafeConstructor.bool_values


_Rules = tuple[tuple[str, "re.Pattern[str]"], ...]
_ALL_RULES: dict[str | None, list[tuple[str, re.Pattern[str]]]] = (
    yaml.resolver.Resolver.yaml_implicit_resolvers
)
_ANYWHERE: _Rules = tuple(_ALL_RULES.get(None, ()))
_IMPLICIT_TAGS: dict[str, _Rules] = {
    first: (*rules, *_ANYWHERE) for first, rules in _ALL_RULES.items() if first is not None
}
"""PyYAML's YAML 1.1 rules for untagged plain scalars (``true``, ``1_000``, ``2024-01-02``,
``~``...) by first character, each followed by the rules for any first character."""


_PLAIN_TAGS: dict[str, str] = {}
"""Tags of the short plain scalars met so far: front matter repeats the same keys and words
(``title``, ``true``...) on every page, so each is matched against the rules once."""
_PLAIN_TAGS_LIMIT = 4096


def _resolve(kind: type[yaml.Node], value: Any, implicit: Any) -> str:
    """The tag of an untagged node, as PyYAML's resolver gives it (same rules, same order).

    The composer asks once per node: this stands in for the resolver's generic method, whose
    path resolvers the safe loaders never have.
    """
    if kind is yaml.ScalarNode:
        if not implicit[0]:
            return _STR
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            rules = _IMPLICIT_TAGS.get(value[:1], _ANYWHERE)
            tag = next((tag for tag, rule in rules if rule.match(value)), _STR)
            if len(value) <= _SHARED_KEY_LENGTH and len(_PLAIN_TAGS) < _PLAIN_TAGS_LIMIT:
                _PLAIN_TAGS[value] = tag
        return tag
    return _SEQ if kind is yaml.SequenceNode else _MAP


def _no_path_resolvers(*_: Any) -> None:
    """The resolver's per-node bookkeeping for path resolvers, which the safe loaders have
    none of."""


class _YamlReader:
    """Builds a block's values from its nodes, reporting scalars that cannot be read, and its
    mappings' duplicate keys.

    With ``shared`` (the block has aliases), ``memo`` holds each node's value by identity: an
    aliased node is built once and shared (an alias bomb stays linear, as with PyYAML).
    """

    def __init__(
        self, loader: Any, line_of: _YamlLines, result: FrontMatter, *, shared: bool
    ) -> None:
        self.loader = loader
        self.line_of = line_of
        self.result = result
        self.shared = shared
        self.memo: dict[int, Any] = {}
        self.duplicates: list[Problem] = []
        self.key_lines: dict[str, int] = {}
        """Of the top-level mapping, as :attr:`FrontMatter.key_lines`."""
    def walk(self, root: yaml.MappingNode, *, measure: bool) -> bool:
        """Visit the node graph without recursion, reading its scalars; with ``measure``,
        report nesting deeper than :data:`MAX_DEPTH` counting what aliases add (an alias
        inside the node it names is endlessly deep) and return False for it."""
        height: dict[int, int] = {}
        active: set[int] = set()
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            key = id(node)
            if isinstance(node, yaml.ScalarNode):
                height[key] = 0
                if node.tag in _PLAIN_SCALARS and key not in self.memo:
                    self.scalar(node)
                continue
            children: list[yaml.Node] = (
                [n for pair in node.value for n in pair]
                if isinstance(node, yaml.MappingNode)
                else node.value
            )
            if expanded:
                active.discard(key)
                height[key] = 1 + max((height[id(child)] for child in children), default=0)
                if measure and height[key] > MAX_DEPTH:
                    self.result.problems.append(_too_deep(self.line_of(node.start_mark.line)))
                    return False
                continue
            if key in height:
                continue
            if key in active:  # an alias inside the node it names: endlessly deep
                if not measure:
                    continue
                self.result.problems.append(_too_deep(self.line_of(node.start_mark.line)))
                return False
            active.add(key)
            stack.append((node, True))
            # Reversed, so scalars are read (and reported) in the order of the text.
            stack.extend((child, False) for child in reversed(children) if id(child) not in height)
        return True

    def scalar(self, node: yaml.ScalarNode) -> Any:
        """A null, bool, int, float or date scalar's value. One that cannot be read (an
        integer too long for Python, ``!!bool maybe``) is reported at its line and kept as
        text; an impossible date stays text silently, for the date flags' own check."""
        tag = node.tag
        try:
            # The two commonest kinds read as PyYAML's constructors read them, without the call.
            if tag == _BOOL:
                value = _BOOL_WORDS[node.value.lower()]
            elif tag == _NULL:
                value = None
            else:
                value = self.loader.yaml_constructors[tag](self.loader, node)
            self.memo[id(node)] = value
            return value
        except ValueError:
            if tag == _TIMESTAMP:
                pass
            elif tag == _INT and _int_too_long(node.value):
                digits = sum(c.isdigit() for c in node.value)
                line = self.line_of(node.start_mark.line)
                self.result.problems.append(_long_integer(digits, line))
            else:
                self.result.problems.append(self._unreadable(node))
        except (TypeError, KeyError, IndexError, AttributeError):
            self.result.problems.append(self._unreadable(node))
        node.tag = _STR  # PyYAML's constructor, when it takes over, reads it as text too
        self.memo[id(node)] = node.value
        return node.value

    def _unreadable(self, node: yaml.ScalarNode) -> Problem:
        kind = node.tag.rsplit(":", 1)[-1]
        return Problem(
            self.line_of(node.start_mark.line),
            f"value {_quote(node.value)} is not a valid {kind}; kept as text",
        )

    def construct(self, node: yaml.Node, path: _Path | None = None) -> Any:
        """The Python value of ``node`` (which sits at ``path``), as PyYAML's safe constructor
        builds it, in a fraction of its time for the plain mappings, lists and scalars front
        matter is made of.

        Recursive: the event pass (or :meth:`walk`, where aliases add depth) has bounded the
        depth.
        """
        if self.shared and id(node) in self.memo:
            return self.memo[id(node)]
        tag = node.tag
        value: Any
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR:
                value = node.value
            elif tag in _PLAIN_SCALARS:
                return self.scalar(node)
            else:
                raise _Unusual
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
            value = []
            if self.shared:
                self.memo[id(node)] = value
            for item in node.value:
                value.append(self.construct(item, path))
        elif isinstance(node, yaml.MappingNode) and tag == _MAP:
            value = {}
            if self.shared:
                self.memo[id(node)] = value
            self._mapping(node, value, path)
        else:
            raise _Unusual
        if self.shared:
            self.memo[id(node)] = value
        return value

    def _mapping(self, node: yaml.MappingNode, value: dict[Any, Any], path: _Path | None) -> None:
        """Fill ``value`` from a mapping node, noting duplicate keys (case-insensitive, as Hugo
        lower-cases them) and, for the top-level mapping, each key's line."""
        top = path is None
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                # A list or mapping: never hashable, so PyYAML takes over.
                self._key(key_node)
            name: str = key_node.value
            norm = name.lower()
            earlier = seen.get(norm)
            if earlier is not None:
                full = path.render(name) if path else name
                self.duplicates.append(
                    Problem(
                        self.line_of(key_node.start_mark.line),
                        f"duplicate key {_quote(full)} (also set at line "
                        f"{self.line_of(earlier.start_mark.line)}); the last value wins",
                    )
                )
            seen[norm] = key_node
            if top:
                self.key_lines[_shared(norm)] = self.line_of(key_node.start_mark.line)
            key = name if key_node.tag == _STR else self._key(key_node)
            inner = None if type(value_node) is yaml.ScalarNode else _Path(path, name)
            value[_shared(key)] = self.construct(value_node, inner)

    def _key(self, node: yaml.Node) -> Any:
        key = self.construct(node)
        if not isinstance(key, Hashable):  # left to PyYAML, whose error says so
            raise _Unusual
        return key


def _yaml_problem(exc: yaml.YAMLError, block: str, line_of: _YamlLines) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = line_of(mark.line) if mark is not None else line_of(0)
    character = getattr(exc, "character", None)
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(character, int):
        # No mark, and libyaml counts its position in bytes: the reader stops at the first
        # occurrence of the character it rejects.
        found = block.find(chr(character))
        line = line_of.offset + block.count("\n", 0, max(found, 0)) + 1
    reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    if "maximum nesting depth" in reason:  # libyaml's own limit, deeper than ours
        return _too_deep(line)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None:
        context = f"{context} started at line {line_of(context_mark.line)}"
    detail = f"{context}: {reason}" if context else reason
    return Problem(line, f"malformed YAML front matter: {_printable(detail)}")


@dataclass
class _Path:
    """Where a mapping sits, built only when a message names it."""

    parent: _Path | None
    name: str

    def render(self, name: str) -> str:
        parts = [name]
        path: _Path | None = self
        while path is not None:
            parts.append(path.name[:_QUOTE_LIMIT])
            path = path.parent
        return ".".join(reversed(parts))


def _check_yaml_keys(
    node: yaml.MappingNode,
    line_of: _YamlLines,
    result: FrontMatter,
    *,
    top: bool,
    seen_nodes: set[int],
    path: _Path | None = None,
) -> None:
    """Record key lines and report duplicate keys (case-insensitive, as Hugo lower-cases them).

    Aliased nodes are visited once, so an alias bomb stays linear.
    """
    if id(node) in seen_nodes:
        return
    seen_nodes.add(id(node))
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        is_name = isinstance(key_node, yaml.ScalarNode)
        name = str(key_node.value) if is_name else "?"
        if is_name and key_node.tag != "tag:yaml.org,2002:merge":
            norm = name.lower()
            line = line_of(key_node.start_mark.line)
            if norm in lines:
                full = path.render(name) if path else name
                result.problems.append(
                    Problem(
                        line,
                        f"duplicate key {_quote(full)} (also set at line {lines[norm]}); "
                        "the last value wins",
                    )
                )
            lines[_shared(norm)] = line
        _walk_yaml(value_node, line_of, result, seen_nodes, _Path(path, name))
    if top:
        result.key_lines = lines


def _walk_yaml(
    node: yaml.Node,
    line_of: _YamlLines,
    result: FrontMatter,
    seen_nodes: set[int],
    path: _Path,
) -> None:
    if isinstance(node, yaml.MappingNode):
        _check_yaml_keys(node, line_of, result, top=False, seen_nodes=seen_nodes, path=path)
    elif isinstance(node, yaml.SequenceNode) and id(node) not in seen_nodes:
        seen_nodes.add(id(node))
        for item in node.value:
            _walk_yaml(item, line_of, result, seen_nodes, path)


# --- TOML -----------------------------------------------------------------------------------


def _read_toml(block: str, offset: int) -> FrontMatter:
    # Imported here: most sites have no TOML page, and every build pays for what is imported.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on older Pythons only
        import tomli as tomllib

    result = FrontMatter({}, "", "toml")
    block, too_deep = _scan_toml(block, offset, result)
    if too_deep:
        return result
    lines = _split_lines(block)
    # TOML forbids a key set twice; like the YAML reader, report it and keep the last value.
    # Each repair costs a parse, hence the budget.
    attempts = min(_TOML_MAX_DUPLICATES, max(1, _TOML_RETRY_CHARS // max(len(block), 1)))
    for attempt in range(attempts):
        try:
            result.data = tomllib.loads("".join(lines))
            break
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            found = _TOML_ERROR_LINE.search(message)
            number = int(found.group(1)) if found else 1
            earlier = _earlier_toml_definition(lines, number) if "overwrite" in message else None
            if earlier is None:
                reason = _printable(_TOML_ERROR_LINE.sub("", message).strip())
                result.problems.append(
                    Problem(offset + number, f"malformed TOML front matter: {reason}")
                )
                return result
            key, index = earlier
            if attempt == attempts - 1:
                result.problems.append(
                    Problem(
                        offset + number,
                        f"duplicate key {_quote(key)} (also set at line {offset + index + 1}) "
                        "and more: too many duplicate keys for a block this size; "
                        "front matter ignored",
                    )
                )
                return result
            result.problems.append(
                Problem(
                    offset + number,
                    f"duplicate key {_quote(key)} (also set at line {offset + index + 1}); "
                    "the last value wins",
                )
            )
            lines[index] = "\n"
        except RecursionError:  # last resort: _scan_toml bounds the nesting tomllib recurses on
            result.problems.append(_too_deep(offset + 1))
            return result
        except ValueError as exc:  # anything else tomllib leaves to Python's int() and float()
            detail = _printable(str(exc))
            result.problems.append(Problem(offset + 1, f"malformed TOML front matter: {detail}"))
            return result
    for number, text in enumerate(block.split("\n"), start=offset + 1):
        match = _TOML_TABLE.match(text) or _TOML_KEY.match(text)
        if match:
            name = next(g for g in match.groups() if g)
            result.key_lines[_shared(name.lower())] = number
            if _TOML_TABLE.match(text):
                # Keys inside a table belong to it, not to the top level.
                break
    return result


def _scan_toml(block: str, offset: int, result: FrontMatter) -> tuple[str, bool]:
    """One linear pass over a TOML block before tomllib, which recurses per nested array or
    inline table, spends time and memory quadratic in the parts of a dotted key, and raises
    ValueError on an over-long integer.

    Reports nesting (brackets, or a dotted key's parts) deeper than :data:`MAX_DEPTH`; quotes
    each integer value too long for Python, which keeps it as text, and reports it. Returns
    the block and whether it is too deep to read.
    """
    line = 1
    brackets: list[str] = []  # table headers' included; the block itself is one more level
    header = False
    in_key = line_start = True
    dots = 0  # in the key being read: each one nests its value a level deeper
    spans: list[tuple[int, int]] = []
    for token in _TOML_TOKEN.finditer(block):
        text = token.group()
        if text == "\n":
            line += 1
            line_start = True
            in_key = in_key or not brackets
            dots = 0
            continue
        if text in ("=", ","):  # a key ends; in an inline table, another begins
            in_key = text == "," and brackets[-1:] == ["{"]
            dots = 0
        elif text in ("[", "{"):
            header = header or (not brackets and line_start and text == "[")
            in_key = text == "{"
            dots = 0 if in_key else dots
            brackets.append(text)
            if len(brackets) + 1 > MAX_DEPTH:
                result.problems.append(_too_deep(offset + line))
                return block, True
        elif text in ("]", "}"):
            if brackets:
                brackets.pop()
            header = header and bool(brackets)
            in_key = False
        elif token.group("bare") is not None:
            if header or in_key:
                dots += text.count(".")
                if dots + 1 > MAX_DEPTH:
                    result.problems.append(_too_deep(offset + line))
                    return block, True
            elif _TOML_INTEGER.fullmatch(text) and _int_too_long(text):
                spans.append(token.span())
                digits = sum(c.isdigit() for c in text)
                result.problems.append(_long_integer(digits, offset + line))
        else:  # a string or a comment
            line += text.count("\n")
        line_start = False
    if not spans:
        return block, False
    pieces = []
    last = 0
    for start, end in spans:
        pieces += [block[last:start], '"', block[start:end], '"']
        last = end
    pieces.append(block[last:])
    return "".join(pieces), False


def _earlier_toml_definition(lines: list[str], number: int) -> tuple[str, int] | None:
    """The key redefined on 1-based line ``number`` and the index of its earlier definition
    in the same table, or ``None`` when the error is not a plain duplicate key."""
    if not 0 < number <= len(lines):
        return None
    match = _TOML_KEY.match(lines[number - 1])
    if not match or _TOML_TABLE.match(lines[number - 1]):
        return None
    key = next(g for g in match.groups() if g)
    for index in range(number - 2, -1, -1):
        if _TOML_TABLE.match(lines[index]):
            return None
        earlier = _TOML_KEY.match(lines[index])
        if earlier and next(g for g in earlier.groups() if g) == key:
            return key, index
    return None


# --- JSON -----------------------------------------------------------------------------------


def _opens_json_object(lines: list[str], first: int) -> bool:
    """Whether the ``{`` opening the page starts a JSON object: its first non-blank character
    after the brace is a quote or the closing brace. ``{% ... %}``, ``{: .class}``, ``{{<``
    and other Markdown extensions' braces are page content."""
    opening = lines[first]
    rest = opening[opening.index("{") + 1 :].lstrip(_BLANKS)
    index = first + 1
    while not rest and index < len(lines):
        rest = lines[index].lstrip(_BLANKS)
        index += 1
    return rest[:1] in ('"', "}")


@dataclass
class _JsonFrame:
    """An object being scanned: its keys' lines and the key its next value belongs to."""

    seen: dict[str, int]
    path: _Path | None
    last: str = ""


@dataclass
class _JsonScan:
    """What one linear pass found in a JSON block, before the decoder (which recurses per
    level) reads it."""

    end: int | None = None
    """Index just past the closing brace of the object, if it closes."""
    deep_line: int | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    duplicates: list[Problem] = field(default_factory=list)
    long_integers: list[Problem] = field(default_factory=list)


def _scan_json(text: str, first_line: int) -> _JsonScan:
    """Nesting, keys and over-long integers of the object opening ``text`` (on source line
    ``first_line``); a ``}`` closes the innermost object even past an unclosed ``[``."""
    scan = _JsonScan()
    line = first_line
    open_brackets: list[str] = []
    frames: list[_JsonFrame] = []
    for token in _JSON_TOKEN.finditer(text, text.index("{")):
        char = token.group()
        if char == "\n":
            line += 1
        elif char in ("{", "["):
            open_brackets.append(char)
            if len(open_brackets) > MAX_DEPTH and scan.deep_line is None:
                scan.deep_line = line
            if char == "{" and scan.deep_line is None:
                parent = frames[-1] if frames else None
                path = _Path(parent.path, parent.last) if parent else None
                frames.append(_JsonFrame({}, path))
        elif char == "]":
            if open_brackets and open_brackets[-1] == "[":
                open_brackets.pop()
        elif char == "}":
            while open_brackets and open_brackets.pop() != "{":
                pass
            if frames and scan.deep_line is None:
                frames.pop()
            if not open_brackets:
                scan.end = token.end()
                break
        elif token.group("number") is not None:
            number = token.group("number")
            if token.group("fraction") is None and _int_too_long(number):
                scan.long_integers.append(_long_integer(len(number.lstrip("-")), line))
        elif token.group("colon") and scan.deep_line is None and open_brackets[-1:] == ["{"]:
            _json_key(scan, frames[-1], token.group("text"), line, top=len(open_brackets) == 1)
    return scan


def _json_key(scan: _JsonScan, frame: _JsonFrame, raw: str, line: int, *, top: bool) -> None:
    name = raw
    if "\\" in raw:
        with contextlib.suppress(ValueError):
            name = json.loads(f'"{raw}"')
    norm = name.lower()
    if norm in frame.seen:
        full = frame.path.render(name) if frame.path else name
        scan.duplicates.append(
            Problem(
                line,
                f"duplicate key {_quote(full)} (also set at line {frame.seen[norm]}); "
                "the last value wins",
            )
        )
    frame.seen[norm] = line
    frame.last = name
    if top:
        scan.key_lines[_shared(norm)] = line


def _json_integer(text: str) -> Any:
    try:
        return int(text)
    except ValueError:  # too long for Python: reported from the scan, kept as text
        return text


def _parse_json(source: str, lines: list[str], first: int) -> FrontMatter:
    text = "".join(lines[first:])
    scan = _scan_json(text, first + 1)
    result = FrontMatter({}, "", "json")
    if scan.deep_line is not None:
        result.problems.append(_too_deep(scan.deep_line))
        return _json_body(result, source, lines, first, text, scan.end)
    decoder = json.JSONDecoder(parse_int=_json_integer)
    try:
        data, end = decoder.raw_decode(text, text.index("{"))
    except json.JSONDecodeError as exc:
        result.problems.append(
            Problem(first + exc.lineno, f"malformed JSON front matter: {exc.msg}")
        )
        return _json_body(result, source, lines, first, text, scan.end)
    except RecursionError:  # last resort: the scan bounds the nesting
        result.problems.append(_too_deep(first + 1))
        return _json_body(result, source, lines, first, text, scan.end)
    if not isinstance(data, dict):
        result.problems.append(Problem(first + 1, "front matter must be a JSON object"))
        data = {}
    result.data = data
    result.key_lines = scan.key_lines
    result.problems += scan.duplicates + scan.long_integers
    _tidy(result, first + 1, text[:end], measure=False)
    return _json_body(result, source, lines, first, text, end)


def _json_body(
    result: FrontMatter,
    source: str,
    lines: list[str],
    first: int,
    text: str,
    end: int | None,
) -> FrontMatter:
    """Attach the body after the object ending at ``text[end]``: what follows the brace on its
    line, then the next lines. With no end, a line that is just ``}`` ends the block; with
    none, the whole source stays the body rather than lose any of it."""
    if end is None:
        close = next((i for i in range(first, len(lines)) if lines[i].rstrip(_BLANKS) == "}"), None)
        if close is None:
            result.body = source
            result.body_line = 1
            return result
        return _finish(result, lines, close + 1)
    close = first + text.count("\n", 0, end)
    line_end = text.find("\n", end)
    tail = text[end:] if line_end < 0 else text[end:line_end]
    if tail.strip(_BLANKS):
        result.body = tail.lstrip(" \t") + ("" if line_end < 0 else text[line_end:])
        result.body_line = close + 1
        return result
    return _finish(result, lines, close + 1)
