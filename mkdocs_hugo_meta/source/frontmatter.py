"""Read Hugo-style front matter (YAML ``---``, TOML ``+++``, JSON ``{``) with line numbers.

MkDocs itself only understands YAML and silently keeps the last of two duplicate keys, and a
malformed block spills into the page.  This reader reports every problem with its line in the
source file and always hands back the body without the front-matter block.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on older Pythons only
    import tomli as tomllib

# libyaml is several times faster when present; the pure-Python loader gives the same nodes.
_YamlBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_YAML_FENCE = "---"
_YAML_CLOSERS = ("---", "...")
_TOML_FENCE = "+++"
_TOML_ERROR_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*(?:=|\.)""")
_TOML_TABLE = re.compile(r"""^\s*\[+\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))""")
# A line that can belong to a YAML mapping block: `key: ...`, indented continuation, list item,
# comment or blank.  Used only to recover the extent of an unterminated block.
_YAML_LIKE = re.compile(r"""^(?:\s*$|\s+\S|#|-\s|-$|["']?[\w .-]+["']?\s*:(?:\s|$))""")


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
    lines = source.splitlines(keepends=True)
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first == len(lines):
        return FrontMatter({}, source)
    opener = lines[first].rstrip()
    if opener == _YAML_FENCE:
        return _parse_fenced(lines, first, "yaml")
    if opener == _TOML_FENCE:
        return _parse_fenced(lines, first, "toml")
    opening = lines[first].lstrip()
    # "{{" opens a shortcode (`{{< youtube … >}}` as the first line), never a JSON object.
    if opening.startswith("{") and not opening.startswith("{{"):
        return _parse_json(lines, first)
    return FrontMatter({}, source)


def _finish(
    result: FrontMatter, lines: list[str], body_start: int
) -> FrontMatter:
    """Attach the body that starts at index ``body_start`` (leading blank lines dropped)."""
    while body_start < len(lines) and lines[body_start] in ("\n", "\r\n"):
        body_start += 1
    result.body = "".join(lines[body_start:])
    result.body_line = body_start + 1
    return result


def _parse_fenced(lines: list[str], first: int, fmt: str) -> FrontMatter:
    closers = _YAML_CLOSERS if fmt == "yaml" else (_TOML_FENCE,)
    close = next(
        (i for i in range(first + 1, len(lines)) if lines[i].rstrip() in closers), None
    )
    problems: list[Problem] = []
    if close is None:
        fence = lines[first].rstrip()
        close = _recover_block_end(lines, first + 1)
        problems.append(
            Problem(
                first + 1,
                f"front matter opened with '{fence}' is never closed; "
                f"read lines {first + 2}-{close} as front matter and the rest as content",
            )
        )
    block = "".join(lines[first + 1 : close])
    offset = first + 1  # block line 1 is source line first + 2
    result = _read_yaml(block, offset) if fmt == "yaml" else _read_toml(block, offset)
    result.problems[:0] = problems
    return _finish(result, lines, close + 1)


def _recover_block_end(lines: list[str], start: int) -> int:
    """Index of the first line after an unterminated block that still looks like front matter."""
    end = start
    for i in range(start, len(lines)):
        if not _YAML_LIKE.match(lines[i]) and "=" not in lines[i]:
            break
        if lines[i].strip():
            end = i + 1
    return end


# --- YAML -----------------------------------------------------------------------------------


def _read_yaml(block: str, offset: int) -> FrontMatter:
    result = FrontMatter({}, "", "yaml")
    if not block.strip():
        return result
    loader = _YamlBase(block)
    try:
        root = loader.get_single_node()
        if root is None:
            return result
        if not isinstance(root, yaml.MappingNode):
            result.problems.append(
                Problem(offset + 1, "front matter must be a mapping of keys to values")
            )
            return result
        _check_yaml_keys(root, offset, result, top=True, seen_nodes=set())
        try:
            data = _construct(root, loader, {})
        except _Unusual:
            data = loader.construct_document(root)
    except yaml.YAMLError as exc:
        result.problems.append(_yaml_problem(exc, offset))
        return result
    except ValueError as exc:  # a date PyYAML recognises but cannot build (in a merged mapping)
        result.problems.append(Problem(offset + 1, f"malformed YAML front matter: {exc}"))
        return result
    finally:
        loader.dispose()
    result.data = {(k if isinstance(k, str) else str(k)): v for k, v in data.items()}
    return result


class _Unusual(Exception):
    """A node the quick constructor leaves to PyYAML's (merge keys, sets, binary, custom tags)."""


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_SCALARS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
}


def _construct(node: yaml.Node, loader: Any, memo: dict[int, Any]) -> Any:
    """The Python value of ``node``, as PyYAML's safe constructor builds it, in a fraction of
    its time for the plain mappings, lists and scalars front matter is made of.

    ``memo`` holds each node's value by identity: an aliased node is built once and shared (an
    alias bomb stays linear, as with PyYAML). A date YAML recognises but the calendar does not
    have (``2024-02-30``) stays text, where PyYAML would stop the build with a ``ValueError``;
    the date flags' own check reports it with its line.
    """
    key = id(node)
    if key in memo:
        return memo[key]
    tag = node.tag
    value: Any
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            value = node.value
        elif tag in _PLAIN_SCALARS:
            try:
                value = loader.yaml_constructors[tag](loader, node)
            except ValueError:
                if tag != _TIMESTAMP:
                    raise
                value = node.value
        else:
            raise _Unusual
    elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        value = memo[key] = []
        value.extend(_construct(item, loader, memo) for item in node.value)
    elif isinstance(node, yaml.MappingNode) and tag == _MAP:
        value = memo[key] = {}
        for key_node, value_node in node.value:
            name = _construct(key_node, loader, memo)
            if not isinstance(name, Hashable):  # left to PyYAML, whose error says so
                raise _Unusual
            value[name] = _construct(value_node, loader, memo)
    else:
        raise _Unusual
    memo[key] = value
    return value


def _yaml_problem(exc: yaml.YAMLError, offset: int) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = offset + (mark.line + 1 if mark is not None else 1)
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None:
        context = f"{context} started at line {offset + context_mark.line + 1}"
    detail = f"{context}: {reason}" if context else reason
    return Problem(line, f"malformed YAML front matter: {detail}")


def _check_yaml_keys(
    node: yaml.MappingNode,
    offset: int,
    result: FrontMatter,
    *,
    top: bool,
    seen_nodes: set[int],
    path: str = "",
) -> None:
    """Record key lines and report duplicate keys (case-insensitive, as Hugo lower-cases them).

    Aliased nodes are visited once, so an alias bomb stays linear.
    """
    if id(node) in seen_nodes:
        return
    seen_nodes.add(id(node))
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            name = str(key_node.value)
            norm = name.lower()
            line = offset + key_node.start_mark.line + 1
            if norm in lines:
                result.problems.append(
                    Problem(
                        line,
                        f"duplicate key '{path}{name}' (also set at line {lines[norm]}); "
                        "the last value wins",
                    )
                )
            lines[norm] = line
        _walk_yaml(value_node, offset, result, seen_nodes, f"{path}{key_node.value}.")
    if top:
        result.key_lines = lines


def _walk_yaml(
    node: yaml.Node, offset: int, result: FrontMatter, seen_nodes: set[int], path: str
) -> None:
    if isinstance(node, yaml.MappingNode):
        _check_yaml_keys(node, offset, result, top=False, seen_nodes=seen_nodes, path=path)
    elif isinstance(node, yaml.SequenceNode) and id(node) not in seen_nodes:
        seen_nodes.add(id(node))
        for item in node.value:
            _walk_yaml(item, offset, result, seen_nodes, path)


# --- TOML -----------------------------------------------------------------------------------


_TOML_MAX_DUPLICATES = 50


def _read_toml(block: str, offset: int) -> FrontMatter:
    result = FrontMatter({}, "", "toml")
    lines = block.splitlines(keepends=True)
    # TOML forbids a key set twice; like the YAML reader, report it and keep the last value.
    for _ in range(_TOML_MAX_DUPLICATES):
        try:
            result.data = tomllib.loads("".join(lines))
            break
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            found = _TOML_ERROR_LINE.search(message)
            number = int(found.group(1)) if found else 1
            earlier = _earlier_toml_definition(lines, number) if "overwrite" in message else None
            if earlier is None:
                reason = _TOML_ERROR_LINE.sub("", message).strip()
                result.problems.append(
                    Problem(offset + number, f"malformed TOML front matter: {reason}")
                )
                return result
            key, index = earlier
            result.problems.append(
                Problem(
                    offset + number,
                    f"duplicate key '{key}' (also set at line {offset + index + 1}); "
                    "the last value wins",
                )
            )
            lines[index] = "\n"
    else:
        return result
    for number, text in enumerate(block.splitlines(), start=offset + 1):
        match = _TOML_TABLE.match(text) or _TOML_KEY.match(text)
        if match:
            name = next(g for g in match.groups() if g)
            result.key_lines[name.lower()] = number
            if _TOML_TABLE.match(text):
                # Keys inside a table belong to it, not to the top level.
                break
    return result


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


def _parse_json(lines: list[str], first: int) -> FrontMatter:
    text = "".join(lines[first:])
    duplicates: list[str] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in pairs:
            if key.lower() in seen:
                duplicates.append(key)
            seen.add(key.lower())
        return dict(pairs)

    result = FrontMatter({}, "", "json")
    try:
        data, end = json.JSONDecoder(object_pairs_hook=pairs_hook).raw_decode(text)
    except json.JSONDecodeError as exc:
        result.problems.append(
            Problem(first + exc.lineno, f"malformed JSON front matter: {exc.msg}")
        )
        close = next(
            (i for i in range(first, len(lines)) if lines[i].rstrip() == "}"), first
        )
        return _finish(result, lines, close + 1)
    if not isinstance(data, dict):
        result.problems.append(Problem(first + 1, "front matter must be a JSON object"))
        data = {}
    result.data = data
    block = text[:end]
    # The body starts on the line after the closing brace.
    close = first + block.count("\n")
    _json_key_lines(block, first, result, duplicates)
    return _finish(result, lines, close + 1)


def _json_key_lines(
    block: str, first: int, result: FrontMatter, duplicates: list[str]
) -> None:
    found: dict[str, list[int]] = {}
    for number, text in enumerate(block.splitlines(), start=first + 1):
        for match in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:', text):
            found.setdefault(match.group(1).lower(), []).append(number)
    for key in result.data:
        if key.lower() in found:
            result.key_lines[key.lower()] = found[key.lower()][-1]
    for key in duplicates:
        where = found.get(key.lower(), [first + 1])
        result.problems.append(
            Problem(
                where[-1],
                f"duplicate key '{key}' (also set at line {where[0]}); the last value wins",
            )
        )
