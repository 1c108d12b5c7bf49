"""The YAML front-matter reader gives exactly what it gave before it was made faster.

``frontmatter_before`` keeps the earlier reader. For every block, generated or real, both must
return the same values (types, dates with their time zones, key order, shared objects), the
same key lines and the same problems in the same order; where the earlier reader found nothing
wrong, both also agree with PyYAML's own safe loader.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import frontmatter_before
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_hugo_meta.source import frontmatter

TESTS = Path(__file__).parent
ROOT = TESTS.parent

_LOADERS = ["libyaml", "pure-python"]


@contextmanager
def _loader(name: str) -> Iterator[None]:
    """Both readers on one of PyYAML's loaders."""
    if name == "pure-python":
        with mock.patch.object(frontmatter, "_YamlBase", yaml.SafeLoader):
            yield
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML is built without libyaml")
    else:
        yield


def _before(source: str) -> frontmatter.FrontMatter:
    with mock.patch.object(frontmatter, "_read_yaml", frontmatter_before._read_yaml):
        return frontmatter.parse(source)


def _same_value(new: Any, old: Any, pairs: dict[int, int], where: str) -> None:
    """``new`` and ``old`` are equal, of the same types all the way down (a ``bool`` is not
    an ``int``, a ``date`` not a ``datetime``), with the same key order and time zones, and
    share objects where the other shares them (YAML aliases)."""
    assert type(new) is type(old), where
    if isinstance(old, (dict, list)):
        if id(new) in pairs:  # compared already: an alias bomb stays linear
            assert pairs[id(new)] == id(old), f"{where}: shared differently"
            return
        assert id(old) not in pairs.values(), f"{where}: shared differently"
        pairs[id(new)] = id(old)
    if isinstance(old, dict):
        assert list(map(repr, new)) == list(map(repr, old)), where
        for (new_key, new_item), (old_key, old_item) in zip(new.items(), old.items()):
            _same_value(new_key, old_key, pairs, f"{where} key {old_key!r}")
            _same_value(new_item, old_item, pairs, f"{where}.{old_key}")
    elif isinstance(old, list):
        assert len(new) == len(old), where
        for index, (new_item, old_item) in enumerate(zip(new, old)):
            _same_value(new_item, old_item, pairs, f"{where}[{index}]")
    elif isinstance(old, float) and math.isnan(old):
        assert math.isnan(new), where
    elif isinstance(old, datetime):
        assert new == old and repr(new.tzinfo) == repr(old.tzinfo), where
    else:
        assert isinstance(old, (date, set, tuple, bytes, str, int, float, type(None))), where
        assert new == old, where


def _check(source: str) -> frontmatter.FrontMatter:
    old = _before(source)
    new = frontmatter.parse(source)
    _same_value(new.data, old.data, {}, "data")
    assert list(new.key_lines.items()) == list(old.key_lines.items())
    assert [(p.line, p.message) for p in new.problems] == [
        (p.line, p.message) for p in old.problems
    ]
    assert (new.body, new.body_line, new.format) == (old.body, old.body_line, old.format)
    return new


def _agrees_with_pyyaml(block: str, fm: frontmatter.FrontMatter) -> None:
    """Where nothing was reported, the values are PyYAML's (keys as text)."""
    if fm.problems or not fm.data:
        return
    try:
        expected = yaml.load(block, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError):  # an impossible date: the reader keeps it as text
        return
    _same_value(fm.data, {str(k): v for k, v in expected.items()}, {}, "pyyaml")


# --- generated blocks -------------------------------------------------------------------------

KEYS = ("title", "Title", "TITLE", "tags", "cover", "date", "draft", "x", "weight", "1", "true",
        "null", "~", "<<", "=", "é", "a.b", "k" * 50)  # fmt: skip
SCALARS = (
    "", "~", "null", "Null", "NULL", "true", "True", "yes", "Yes", "no", "off", "On", "y", "n",
    "maybe", "0", "-1", "+12", "1_000", "0x1F", "0o17", "017", "0b101", "1:30", "190:20:30",
    "1.5", "-.5", ".inf", "-.Inf", ".nan", "1e3", "6.8523015e+5", "1_0.5", "2024-01-02",
    "2024-1-2 3:04:05", "2024-01-02T10:00:00Z", "2024-01-02 10:00:00 +02:00",
    "2024-01-02t10:00:00.123456-05:30", "2024-02-30", "2024-13-45T99:00:00", "9" * 5000,
    "'quoted'", '"double\\u00e9"', "'yes'", '"1"', "!!str 12", "!!int 12", "!!int x",
    "!!bool maybe", "!!float x", "!!null x", "!!timestamp 2024-99-99", "! 12", "!local x",
    "!!binary aGk=", "!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]", "[a, b, 1, true]",
    "{k: v, K: w, n: 2}", "{a: {b: 1, B: 2}}", "[{a: 1, a: 2}]", "plain words", "#comment",
    "https://x.example/a?b=c", "a: b", "- x", "|\n  literal\n  text", ">\n  folded\n  text",
    "*nowhere", "&anchor here", "\t", "caf\u00e9", "\u2028", "\x85", "=",
)  # fmt: skip


@st.composite
def _blocks(draw: st.DrawFn) -> str:
    """A YAML block of keys (duplicates, in any case), scalars of every YAML 1.1 kind, nested
    mappings and lists, anchors, aliases and merge keys, now and then damaged."""
    lines = ["base: &x {shared: 1, Shared: 2}"] if draw(st.booleans()) else []
    for number in range(draw(st.integers(0, 8))):
        key = draw(st.sampled_from(KEYS))
        key = key if draw(st.booleans()) else f"{key}{number}"
        scalar = draw(st.sampled_from(SCALARS))
        shape = draw(st.sampled_from(["plain", "list", "nested", "alias", "merge", "flow"]))
        if shape == "plain":
            lines.append(f"{key}: {scalar}")
        elif shape == "list":
            lines.append(f"{key}:\n  - {scalar}\n  - {draw(st.sampled_from(SCALARS))}")
        elif shape == "nested":
            inner = draw(st.sampled_from(KEYS))
            lines.append(f"{key}:\n  {inner}: {scalar}\n  {inner.upper()}: 2\n  deep:\n    a: 1")
        elif shape == "alias":
            lines.append(f"{key}: &a{number}\n  inner: {scalar}\n{key}_again: *a{number}")
        elif shape == "merge":
            lines.append(f"{key}:\n  <<: *x\n  own: {scalar}")
        else:
            lines.append(f"{key}: {{one: {scalar}, One: [{scalar}]}}")
    block = "\n".join(lines) + "\n"
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(block)))
        block = block[:at] + draw(st.text(max_size=6)) + block[at:]
    return block


@pytest.mark.parametrize("loader", _LOADERS)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block=_blocks())
def test_generated_blocks_read_as_before(loader: str, block: str) -> None:
    with _loader(loader):
        fm = _check(f"---\n{block}---\nBody\n")
    _agrees_with_pyyaml(block, fm)


@pytest.mark.parametrize("loader", _LOADERS)
@settings(max_examples=200, deadline=None)
@given(block=st.text(alphabet=st.sampled_from(":-?[]{},&*!|>'\"#%@`<= \t\nabyt019.\u2028"),
                     max_size=60))  # fmt: skip
def test_random_text_reads_as_before(loader: str, block: str) -> None:
    with _loader(loader):
        _check(f"---\n{block}\n---\nBody\n")


# --- real pages -------------------------------------------------------------------------------


def _real_pages() -> list[Path]:
    pages = [
        *sorted((TESTS / "hostile").glob("*.md")),
        *sorted((TESTS / "data").rglob("*.md")),
        *sorted((ROOT / "example_site").rglob("*.md")),
    ]
    return [page for page in pages if page.is_file()]


@pytest.mark.parametrize("loader", _LOADERS)
def test_real_pages_read_as_before(loader: str) -> None:
    pages = _real_pages()
    assert len(pages) > 20
    with _loader(loader):
        for page in pages:
            text, _ = frontmatter.decode(page.read_bytes())
            _check(text)


@pytest.mark.parametrize("loader", _LOADERS)
def test_benchmark_posts_read_as_before(loader: str, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    generate(tmp_path, 80)
    posts = sorted((tmp_path / "docs").rglob("*.md"))
    assert len(posts) > 80
    with _loader(loader):
        formats = {_check(post.read_text(encoding="utf-8")).format for post in posts}
    assert formats == {"yaml", "toml", "json", None}


@pytest.mark.parametrize("limit", [0, frontmatter._PLAIN_TAGS_LIMIT])
def test_tags_are_pyyamls(limit: int) -> None:
    """The reader's resolver gives PyYAML's tag for every node, remembered or not."""
    resolver = yaml.resolver.Resolver()
    values = [*SCALARS, *KEYS, "", "2024-01-02 10:00:00", "0.5", "-0b1", "<<", "NO", "~"]
    with mock.patch.object(frontmatter, "_PLAIN_TAGS", {}), mock.patch.object(
        frontmatter, "_PLAIN_TAGS_LIMIT", limit
    ):
        for _ in range(2):  # the second time from what the first remembered
            for value in values:
                for implicit in ((True, False), (False, True), (False, False)):
                    expected = resolver.resolve(yaml.ScalarNode, value, implicit)
                    assert frontmatter._resolve(yaml.ScalarNode, value, implicit) == expected
        short = {value for value in values if len(value) <= frontmatter._SHARED_KEY_LENGTH}
        assert len(frontmatter._PLAIN_TAGS) == (len(short) if limit else 0)
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert frontmatter._resolve(kind, None, True) == resolver.resolve(kind, None, True)
