"""Hostile front matter the reader must survive: nesting deep enough to exhaust a parser's stack,
integers too long for Python, invalid Unicode, line ends other than "\\n", braces that open
no JSON, input crafted for quadratic scans, and messages that would quote control characters.

Every case checks the contract: no exception, one problem with the right line and wording, the
body (with its sentinel word) kept, and the data dropped or kept as intended.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import yaml

from mkdocs_hugo_meta.source import frontmatter

SENTINEL = "SENTINEL-body-survives"
BODY = f"{SENTINEL}\n"
LIMIT = frontmatter.MAX_DEPTH


def _strings(value: Any) -> Iterator[str]:
    """Every string in ``value``, keys included (the data is shallow by now)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from _strings(item)


def _only_problem(fm: frontmatter.FrontMatter) -> frontmatter.Problem:
    assert len(fm.problems) == 1, fm.problems
    return fm.problems[0]


# --- 1. nesting -----------------------------------------------------------------------------


def _yaml_aliases(levels: int, per_anchor: int = 40) -> str:
    """Anchors each nesting the previous one a few levels deeper: shallow text, deep data."""
    lines = ["a0: &a0 " + "[" * per_anchor + "x" + "]" * per_anchor]
    for i in range(1, levels // per_anchor + 1):
        lines.append(f"a{i}: &a{i} " + "[" * per_anchor + f"*a{i - 1}" + "]" * per_anchor)
    return "\n".join(lines)


TOO_DEEP = {
    # name: (source, line of the problem)
    "yaml-flow-lists": ("---\ntitle: t\na: " + "[" * 400 + "]" * 400 + "\n---\n" + BODY, 3),
    "yaml-flow-maps": ("---\na: " + "{b: " * 400 + "c" + "}" * 400 + "\n---\n" + BODY, 2),
    "yaml-block-maps": (
        "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(400)) + "---\n" + BODY,
        LIMIT + 2,
    ),
    "yaml-compact-lists": ("---\na:\n  " + "- " * 3000 + "x\n---\n" + BODY, 3),
    "yaml-libyaml-limit": ("---\na: " + "[" * 5000 + "\n---\n" + BODY, 2),
    "yaml-alias-chain": ("---\ntitle: t\n" + _yaml_aliases(200) + "\n---\n" + BODY, 5),
    "yaml-alias-cycle": ("---\ntitle: t\na: &x [1, *x]\n---\n" + BODY, 3),
    "yaml-alias-cycle-map": ("---\ntitle: t\na: &x {b: {c: *x}}\n---\n" + BODY, 3),
    "json-objects": ('{"a":' * 3000 + "1" + "}" * 3000 + "\n" + BODY, 1),
    "json-lists": ('{\n"title": "t",\n"a": ' + "[" * 3000 + "]" * 3000 + "}\n" + BODY, 3),
    "json-unclosed": ('{"title": "t",\n"a": ' + "[" * 3000 + "\n" + BODY, 2),
    "toml-arrays": ("+++\ntitle = 't'\na = " + "[" * 3000 + "]" * 3000 + "\n+++\n" + BODY, 3),
    "toml-inline-tables": ("+++\na = " + "{b = " * 3000 + "1" + "}" * 3000 + "\n+++\n" + BODY, 2),
    "toml-dotted-key": ("+++\ntitle = 't'\n" + ".".join(["k"] * 400) + " = 1\n+++\n" + BODY, 3),
    "toml-table-header": (
        "+++\ntitle = 't'\n[" + ".".join(["k"] * 400) + "]\nx = 1\n+++\n" + BODY,
        3,
    ),
}


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each YAML loader: PyYAML's own recurses in Python, libyaml's in C (with a limit of 1000)."""
    if request.param == "pure-python":
        monkeypatch.setattr(frontmatter, "_YamlBase", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML is built without libyaml")
    return str(request.param)


@pytest.mark.parametrize(("source", "line"), TOO_DEEP.values(), ids=TOO_DEEP.keys())
def test_too_deep_is_one_problem_and_the_body_stays(
    source: str, line: int, yaml_loader: str
) -> None:
    fm = frontmatter.parse(source)
    problem = _only_problem(fm)
    assert problem.line == line
    assert f"nested deeper than {LIMIT} levels" in problem.message
    assert fm.data == {}
    assert SENTINEL in fm.body
    if not source.startswith('{"title": "t",\n"a": ['):  # unclosed: the whole page is body
        assert fm.body == BODY


def _nested(fmt: str, depth: int) -> str:
    """A block whose data is ``depth`` levels deep, the top-level mapping being the first."""
    inner = depth - 1
    if fmt == "yaml":
        return "---\na: " + "[" * inner + "]" * inner + "\n---\n" + BODY
    if fmt == "toml":
        return "+++\na = " + "[" * inner + "]" * inner + "\n+++\n" + BODY
    return '{"a":' * depth + "1" + "}" * depth + "\n" + BODY


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
def test_depth_limit_is_exact(fmt: str) -> None:
    kept = frontmatter.parse(_nested(fmt, LIMIT))
    assert kept.problems == []
    assert kept.data
    dropped = frontmatter.parse(_nested(fmt, LIMIT + 1))
    assert "nested deeper" in _only_problem(dropped).message
    assert dropped.data == {}
    assert kept.body == dropped.body == BODY


def test_shared_yaml_nodes_are_not_too_deep() -> None:
    # Aliases of one anchor side by side add no depth.
    source = "---\nbase: &b [[[1]]]\nx: [*b, *b, *b]\ny: {k: *b}\n---\n" + BODY
    fm = frontmatter.parse(source)
    assert fm.problems == []
    assert fm.data["y"] == {"k": [[[1]]]}


# --- 2. integers too long for Python --------------------------------------------------------


LONG = "9" * 5000
_INT_DIGITS = getattr(sys, "get_int_max_str_digits", lambda: 0)()
needs_int_limit = pytest.mark.skipif(
    not 0 < _INT_DIGITS < len(LONG), reason="this Python reads integers of any length"
)

LONG_INTEGERS = {
    # name: (source, line of the problem, key holding the text)
    "json": ('{\n"title": "t",\n"weight": ' + LONG + "\n}\n" + BODY, 3, "weight"),
    "json-negative-in-list": ('{"title": "t",\n"x": [1, -' + LONG + "]}\n" + BODY, 2, "x"),
    "toml": ("+++\ntitle = 't'\nweight = " + LONG + "\n+++\n" + BODY, 3, "weight"),
    "toml-underscores": ("+++\nweight = 1_" + LONG + "\n+++\n" + BODY, 2, "weight"),
    "toml-in-array": ("+++\ntitle = 't'\nx = [\n  1,\n  -" + LONG + ",\n]\n+++\n" + BODY, 5, "x"),
    "yaml": ("---\ntitle: t\nweight: " + LONG + "\n---\n" + BODY, 3, "weight"),
    "yaml-in-list": ("---\ntitle: t\nx:\n  - 1\n  - -" + LONG + "\n---\n" + BODY, 5, "x"),
    "yaml-tagged": ("---\nweight: !!int '" + LONG + "'\n---\n" + BODY, 2, "weight"),
}


@needs_int_limit
@pytest.mark.parametrize(
    ("source", "line", "key"), LONG_INTEGERS.values(), ids=LONG_INTEGERS.keys()
)
def test_over_long_integer_is_reported_and_kept_as_text(source: str, line: int, key: str) -> None:
    fm = frontmatter.parse(source)
    problem = _only_problem(fm)
    assert problem.line == line
    assert "too long to read as a number" in problem.message
    assert "5001 digits" in problem.message or "5000 digits" in problem.message
    assert fm.body == BODY
    assert any(LONG in text for text in _strings(fm.data[key]))
    assert fm.data.get("title", "t") == "t"


@pytest.mark.parametrize(
    "source",
    [
        # Long digits that are no integer value: a key, a table name, a float, a string.
        "+++\n" + LONG + " = 1\n[" + "8" * 5000 + "]\nx = 1\n+++\n" + BODY,
        "+++\nx = " + LONG + ".5\ns = '" + LONG + "'\n+++\n" + BODY,
        '{"' + LONG + '": 1, "f": ' + LONG + ".5}\n" + BODY,
        "---\nx: " + LONG + ".5\ns: '" + LONG + "'\n---\n" + BODY,
    ],
    ids=["toml-keys", "toml-float-string", "json-key-float", "yaml-float-string"],
)
def test_long_digits_that_are_no_integer_are_fine(source: str) -> None:
    fm = frontmatter.parse(source)
    assert fm.problems == []
    assert fm.data
    assert fm.body == BODY


@pytest.mark.parametrize(
    ("scalar", "kind"),
    [
        ("!!bool maybe", "bool"),
        ("!!int ''", "int"),
        ("!!float ''", "float"),
        ("!!timestamp x", "timestamp"),
        ("!!int '-'", "int"),
    ],
)
def test_unreadable_tagged_yaml_scalar_is_kept_as_text(scalar: str, kind: str) -> None:
    fm = frontmatter.parse(f"---\ntitle: t\nx: {scalar}\n---\n" + BODY)
    problem = _only_problem(fm)
    assert problem.line == 3
    assert f"is not a valid {kind}; kept as text" in problem.message
    assert fm.data["title"] == "t"
    assert isinstance(fm.data["x"], str)
    assert fm.body == BODY


# --- 3. lone surrogates ---------------------------------------------------------------------


SURROGATES = {
    # name: (source, line of the problem)
    "json-title": ('{\n"draft": false,\n"title": "a\\ud800b"\n}\n' + BODY, 3),
    "json-list": ('{"title": "t",\n"aliases": ["/x", "/\\udfff"]}\n' + BODY, 2),
    "json-key": ('{"title": "t",\n"\\ud83d": 1}\n' + BODY, 2),
    "json-nested-key": ('{"cover": {"\\udc00": "\\ud800"},\n"tags": ["\\uDBFF"]}\n' + BODY, 1),
    "raw-in-yaml": ("---\ndraft: false\ntitle: a\ud800b\n---\n" + BODY, 3),
    "raw-in-toml": ("+++\ntitle = 'a\udfffb'\n+++\n" + BODY, 2),
    "raw-in-body-only": ("---\ntitle: t\n---\n" + BODY + "x\ud800y\n", 5),
    # libyaml refuses the escape (a malformed block); PyYAML's own reader decodes it.
    "yaml-escape-pure-python": (
        '---\ndraft: false\ntags: ["\\ud800", "\\U0000DFFF"]\n---\n' + BODY,
        3,
    ),
}


@pytest.mark.parametrize(("source", "line"), SURROGATES.values(), ids=SURROGATES.keys())
def test_lone_surrogates_are_replaced_and_reported_once(
    source: str, line: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frontmatter, "_YamlBase", yaml.SafeLoader)
    fm = frontmatter.parse(source)
    problem = _only_problem(fm)
    assert problem.line == line
    assert "not valid Unicode" in problem.message
    assert fm.data
    for text in _strings(fm.data):
        text.encode("utf-8")  # raised UnicodeEncodeError in the build before
    fm.body.encode("utf-8")
    problem.message.encode("utf-8")
    assert SENTINEL in fm.body
    assert "\ufffd" in "".join(_strings(fm.data)) + fm.body


def test_encoded_surrogate_bytes_are_replaced_by_decode() -> None:
    text, problem = frontmatter.decode(b"---\ntitle: a\xed\xa0\x80b\n---\n" + BODY.encode())
    assert problem is not None and problem.line == 2
    fm = frontmatter.parse(text)
    assert fm.problems == []
    fm.data["title"].encode("utf-8")
    assert fm.body == BODY


# --- 4. lines end at "\n" only --------------------------------------------------------------


# Characters str.splitlines() also breaks at; none of them ends a line for Hugo or MkDocs.
OTHER_BREAKS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
# JSON and TOML accept these in a string (the rest are control characters); YAML 1.1 reads them
# as line breaks, so the "---" after one is a document marker it rejects.
ACCEPTED = {"\u2028", "\u2029", "\x85"}


def _with_break(fmt: str, char: str) -> str:
    title = f"A{char}---{char}+++{char}}}{char}B"
    if fmt == "yaml":
        return f'---\ntitle: "{title}"\ndraft: true\n---\n' + BODY
    if fmt == "toml":
        return f'+++\ntitle = "{title}"\ndraft = true\n+++\n' + BODY
    return '{\n"title": "' + title + '",\n"draft": true\n}\n' + BODY


@pytest.mark.parametrize("fmt", ["yaml", "toml", "json"])
@pytest.mark.parametrize("char", OTHER_BREAKS, ids=[f"U+{ord(c):04X}" for c in OTHER_BREAKS])
def test_only_newline_ends_a_line(fmt: str, char: str) -> None:
    fm = frontmatter.parse(_with_break(fmt, char))
    assert fm.body == BODY
    assert fm.body_line == 5
    if char in ACCEPTED and fmt != "yaml":
        assert fm.problems == []
        assert fm.data["draft"] is True
        assert fm.key_lines == {"title": 2, "draft": 3}
        assert fm.data["title"].startswith("A") and fm.data["title"].endswith("B")
    else:  # a control character the format forbids: reported on its line, not published
        problem = _only_problem(fm)
        assert problem.line == 2
        assert "malformed" in problem.message
        assert problem.message.isprintable()


def test_decode_keeps_other_line_breaks() -> None:
    text, problem = frontmatter.decode("a\u2028b\x0cc\r\nd\re".encode())
    assert problem is None
    assert text == "a\u2028b\x0cc\nd\ne"


def test_yaml_lines_after_unicode_breaks_are_source_lines() -> None:
    # YAML itself counts NEL, U+2028 and U+2029 as line ends; reported lines must not.
    source = '---\ntitle: "x\u2028y\u2029z\x85w"\nshowToc: true\nshowToc: false\nbad: [\n---\n'
    fm = frontmatter.parse(source + BODY)
    assert [p.line for p in fm.problems] == [6]  # the stream ends before the "]"
    fm = frontmatter.parse(source.replace("bad: [\n", "") + BODY)
    assert fm.key_lines == {"title": 2, "showtoc": 4}
    problem = _only_problem(fm)
    assert problem.line == 4
    assert "also set at line 3" in problem.message


# --- 5. braces that open no JSON ------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{% set x = 1 %}\n\n" + BODY + "}\nmore\n",
        "{: .lead}\n" + BODY + "}\n",
        "{#- a comment -#}\n" + BODY,
        "{{< youtube abc >}}\n" + BODY,
        "  {% include 'x.md' %}\n" + BODY + "}\n",
        "{ .class #id }\n" + BODY,
        "{\n\n  not json\n}\n" + BODY,
        "{\n\n",
        "{",
    ],
    ids=[
        "jinja",
        "attr-list",
        "jinja-comment",
        "shortcode",
        "indented",
        "attrs",
        "bare",
        "open",
        "brace",
    ],
)
def test_brace_that_opens_no_json_object_is_content(source: str) -> None:
    fm = frontmatter.parse(source)
    assert fm.format is None
    assert fm.problems == []
    assert fm.data == {}
    assert fm.body == source


@pytest.mark.parametrize(
    ("source", "line", "body"),
    [
        ('{"title": "x",\n  oops\n}\n' + BODY, 2, BODY),
        ('{"title": "x",\n  "a": [1, 2\n}\n' + BODY, 3, BODY),
        ('{"title": "x", "cover": {"image": "a.png",\n}\n' + BODY, 2, BODY),
        ('{"title": "x"\n' + BODY, 2, None),
        ('{\n  "title": "x\n' + BODY, 2, None),
        ('{"title": "x"} ' + BODY, 0, BODY),
    ],
    ids=["bad-value", "unclosed-list", "unclosed-inner", "no-end", "open-string", "same-line"],
)
def test_json_block_never_loses_body_text(source: str, line: int, body: str | None) -> None:
    fm = frontmatter.parse(source)
    assert fm.format == "json"
    if line:
        problem = _only_problem(fm)
        assert problem.line == line
        assert "malformed JSON front matter" in problem.message
    else:
        assert fm.problems == [] and fm.data == {"title": "x"}
    assert fm.body == (source if body is None else body)


# --- 6. linear work -------------------------------------------------------------------------


def _hostile(name: str, n: int) -> tuple[str, str]:
    """A page of about ``n`` characters built to make a careless scan quadratic, and a phrase
    of the problem it must report."""
    shapes: dict[str, tuple[Callable[[], str], str]] = {
        "yaml-flow": (lambda: "---\na: " + "[" * n + "\n---\n" + BODY, "nested deeper"),
        "yaml-compact": (
            lambda: "---\na:\n  " + "- " * (n // 2) + "x\n---\n" + BODY,
            "nested deeper",
        ),
        "yaml-aliases": (
            lambda: "---\n" + _yaml_aliases(n // 8, 2) + "\n---\n" + BODY,
            "nested deeper",
        ),
        "json-objects": (lambda: '{"a":' * (n // 5) + "\n" + BODY, "nested deeper"),
        "json-escaped-quotes": (
            lambda: '{"a": 1,\n"' + '\\"' * (n // 2) + "\n" + BODY,
            "malformed JSON",
        ),
        "json-many-keys": (
            lambda: "{" + "".join(f'"k{i}": 1, ' for i in range(n // 9)) + "\n" + BODY,
            "malformed JSON",
        ),
        "toml-arrays": (lambda: "+++\na = " + "[" * n + "\n+++\n" + BODY, "nested deeper"),
        "toml-dotted": (
            lambda: "+++\n" + ".".join(["k"] * (n // 2)) + " = 1\n+++\n" + BODY,
            "nested deeper",
        ),
        "toml-duplicates": (
            lambda: "+++\n" + "k = 1\n" * (n // 6) + "+++\n" + BODY,
            "duplicate key",
        ),
        "unterminated-spaces": (
            lambda: "---\ntitle: x\na" + " " * n + "b\n" + BODY,
            "never closed",
        ),
        "unterminated-keys": (lambda: "---\n" + "k: v\n" * (n // 5) + "\n" + BODY, "never closed"),
    }
    make, phrase = shapes[name]
    return make(), phrase


LINEAR_SHAPES = [
    "yaml-flow",
    "yaml-compact",
    "yaml-aliases",
    "json-objects",
    "json-escaped-quotes",
    "json-many-keys",
    "toml-arrays",
    "toml-dotted",
    "toml-duplicates",
    "unterminated-spaces",
    "unterminated-keys",
]


@pytest.mark.parametrize("shape", LINEAR_SHAPES)
def test_hostile_pages_of_200k_characters_finish(shape: str) -> None:
    for size in (50_000, 200_000):
        source, phrase = _hostile(shape, size)
        fm = frontmatter.parse(source)
        assert any(phrase in p.message for p in fm.problems), fm.problems
        assert SENTINEL in fm.body


def _calls(source: str) -> int:
    """Function calls (Python and C) made while reading ``source``: a measure of work that
    does not depend on the machine."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        frontmatter.parse(source)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", LINEAR_SHAPES)
def test_work_grows_linearly(shape: str) -> None:
    small = _calls(_hostile(shape, 5_000)[0])
    large = _calls(_hostile(shape, 20_000)[0])
    # Four times the input: at most about four times the calls (a quadratic scan makes 16).
    assert large <= 5 * small + 1_000, (small, large)


def test_toml_duplicate_repairs_stay_within_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[int] = []
    # The reader imports tomllib (tomli on older Pythons) when it meets a TOML block.
    toml: Any = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    loads = toml.loads

    def counting_loads(text: str) -> Any:
        parsed.append(len(text))
        return loads(text)

    monkeypatch.setattr(toml, "loads", counting_loads)
    for lines in (100, 400, 40_000, 160_000):
        parsed.clear()
        block = "".join(f"k{i % 7} = {i}\n" for i in range(lines))
        fm = frontmatter.parse("+++\n" + block + "+++\n" + BODY)
        assert sum(parsed) <= max(frontmatter._TOML_RETRY_CHARS, len(block)) + len(block)
        assert fm.body == BODY
        assert any("duplicate key" in p.message for p in fm.problems)
        assert len(fm.problems) <= frontmatter._TOML_MAX_DUPLICATES


# --- 7. quoted user text is escaped ---------------------------------------------------------


CONTROL_KEYS = {
    "yaml-newline": ('---\n"a\\nWARNING: forged": 1\n"A\\nwarning: FORGED": 2\n---\n' + BODY, 3),
    "yaml-escape-seq": ('---\n"\\e[31mred": 1\n"\\e[31mRED": 2\n---\n' + BODY, 3),
    "json-newline": ('{"a\\nb": 1,\n"A\\nB": 2}\n' + BODY, 2),
    "json-bidi": ('{"x": {"a\\u202eb": 1,\n"a\\u202eb": 2}}\n' + BODY, 2),
    "toml-bidi": ('+++\n"a\u202eb" = 1\n"a\u202eb" = 2\n+++\n' + BODY, 3),
    "yaml-scalar": ('---\nx: !!bool "\\e]0;title\\a"\n---\n' + BODY, 2),
}


@pytest.mark.parametrize(("source", "line"), CONTROL_KEYS.values(), ids=CONTROL_KEYS.keys())
def test_quoted_user_text_is_escaped(source: str, line: int) -> None:
    fm = frontmatter.parse(source)
    problem = _only_problem(fm)
    assert problem.line == line
    assert problem.message.isprintable(), repr(problem.message)
    assert "\\" in problem.message  # the control character, written as an escape
    assert fm.body == BODY


def test_long_key_is_shortened_in_messages() -> None:
    key = "k" * 10_000
    fm = frontmatter.parse(f'{{"{key}": 1,\n"{key}\\n": 2, "{key}": 3}}\n' + BODY)
    problem = _only_problem(fm)
    assert len(problem.message) < 200
    assert "…" in problem.message


SHALLOW_BUT_BUSY = {
    # More brackets, dots and indicators than the limit, none of them nesting deep.
    "yaml-many-lists": "---\n" + "".join(f"k{i}: [a, [b], {{c: d}}]\n" for i in range(300)),
    "yaml-brackets-in-strings": "---\ntitle: '" + "[" * 500 + '\'\nx: "{{{{"\n',
    "yaml-many-aliases": "---\nb: &b [1]\n" + "".join(f"k{i}: [*b, *b]\n" for i in range(300)),
    "json-many-objects": '{"a": [' + ", ".join(['{"b": [1]}'] * 300) + "]}\n",
    "json-brackets-in-strings": '{"title": "' + "[{" * 500 + '", "x": "\\"]"}\n',
    "toml-floats": "+++\na = [" + ", ".join(["1.5"] * 300) + "]\n",
    "toml-inline-dotted": "+++\na = {" + ", ".join(f"k{i}.x.y = 1" for i in range(300)) + "}\n",
    "toml-strings": "+++\na = '" + "[" * 500 + '\'\nb = """\n' + "{" * 500 + '\n"""\n# [[[[\n',
    "toml-dotted-99": "+++\n" + ".".join(["k"] * (LIMIT - 1)) + " = 1\n",
}


@pytest.mark.parametrize("source", SHALLOW_BUT_BUSY.values(), ids=SHALLOW_BUT_BUSY.keys())
def test_busy_but_shallow_blocks_are_read(source: str) -> None:
    closer = {"-": "---\n", "+": "+++\n"}.get(source[0], "")
    fm = frontmatter.parse(source + closer + BODY)
    assert fm.problems == []
    assert fm.data
    assert fm.body == BODY
