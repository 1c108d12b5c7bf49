"""The YAML front-matter reader as it was before it was made faster, kept as the oracle of
tests/test_frontmatter_equivalence.py: the new reader must give exactly what this one gives.

Only the parts that changed live here; the helpers both use come from the module itself.
"""

# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import yaml

from mkdocs_hugo_meta.source import frontmatter as fm
from mkdocs_hugo_meta.source.frontmatter import (
    MAX_DEPTH,
    FrontMatter,
    Problem,
    _int_too_long,
    _long_integer,
    _Path,
    _printable,
    _quote,
    _shared,
    _too_deep,
    _yaml_problem,
    _yaml_too_deep,
    _YamlLines,
)

def _read_yaml(block: str, offset: int) -> FrontMatter:
    result = FrontMatter({}, "", "yaml")
    if not block.strip():
        return result
    line_of = _YamlLines(block, offset)
    loader = None
    try:
        loader = fm._YamlBase(block)  # the pure-Python reader checks the characters right here
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
        reader = _YamlReader(loader, line_of, result)
        # Only aliases make the node graph deeper than the text, or make it a cycle.
        walked = "*" in block
        if walked and not reader.walk(root, measure=True):
            return result
        _check_yaml_keys(root, line_of, result, top=True, seen_nodes=set())
        try:
            data = reader.construct(root)
        except _Unusual:
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



class _Unusual(Exception):
    """A node the quick constructor leaves to PyYAML's (merge keys, sets, binary, custom tags)."""


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
_INT = "tag:yaml.org,2002:int"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_SCALARS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
}


class _YamlReader:
    """Builds a block's values from its nodes, reporting scalars that cannot be read.

    ``memo`` holds each node's value by identity: an aliased node is built once and shared (an
    alias bomb stays linear, as with PyYAML).
    """

    def __init__(self, loader: Any, line_of: _YamlLines, result: FrontMatter) -> None:
        self.loader = loader
        self.line_of = line_of
        self.result = result
        self.memo: dict[int, Any] = {}

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
        try:
            value = self.memo[id(node)] = self.loader.yaml_constructors[node.tag](self.loader, node)
            return value
        except ValueError:
            if node.tag == _TIMESTAMP:
                pass
            elif node.tag == _INT and _int_too_long(node.value):
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

    def construct(self, node: yaml.Node) -> Any:
        """The Python value of ``node``, as PyYAML's safe constructor builds it, in a fraction
        of its time for the plain mappings, lists and scalars front matter is made of.

        Recursive: the event pass (or :meth:`walk`, where aliases add depth) has bounded the
        depth.
        """
        key = id(node)
        memo = self.memo
        if key in memo:
            return memo[key]
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
            value = memo[key] = []
            for item in node.value:
                value.append(self.construct(item))
        elif isinstance(node, yaml.MappingNode) and tag == _MAP:
            value = memo[key] = {}
            for key_node, value_node in node.value:
                name = self.construct(key_node)
                if not isinstance(name, Hashable):  # left to PyYAML, whose error says so
                    raise _Unusual
                value[_shared(name)] = self.construct(value_node)
        else:
            raise _Unusual
        memo[key] = value
        return value


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

