"""Unit tests of the front-matter reader: formats, line numbers, duplicates, broken blocks."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_hugo_meta.source import frontmatter


def test_yaml_block_is_split_from_body() -> None:
    fm = frontmatter.parse("---\ntitle: Hello\nshowToc: true\n---\n\nBody text.\n")
    assert fm.format == "yaml"
    assert fm.data == {"title": "Hello", "showToc": True}
    assert fm.body == "Body text.\n"
    assert fm.body_line == 6
    assert fm.problems == []
    assert fm.key_lines == {"title": 2, "showtoc": 3}


def test_toml_block_with_native_dates() -> None:
    fm = frontmatter.parse(
        '+++\ntitle = "T"\ndate = 2024-01-02T10:00:00Z\n[cover]\nimage = "a.png"\n+++\nBody\n'
    )
    assert fm.format == "toml"
    assert fm.data["date"] == dt.datetime(2024, 1, 2, 10, tzinfo=dt.timezone.utc)
    assert fm.data["cover"] == {"image": "a.png"}
    assert fm.body == "Body\n"
    assert fm.key_lines == {"title": 2, "date": 3, "cover": 4}


def test_json_block() -> None:
    fm = frontmatter.parse('{\n  "title": "J",\n  "tags": ["a", "b"]\n}\n\nBody\n')
    assert fm.format == "json"
    assert fm.data == {"title": "J", "tags": ["a", "b"]}
    assert fm.body == "Body\n"
    assert fm.key_lines["tags"] == 3


@pytest.mark.parametrize(
    "source",
    [
        "Just text.\n",
        "",
        "\n\n",
        "Title: looks like meta\n\nText\n",
        "--- not a fence\ntext\n",
        "{{< youtube abc >}}\n\nText\n",
    ],
)
def test_no_front_matter_leaves_source_alone(source: str) -> None:
    fm = frontmatter.parse(source)
    assert fm.format is None
    assert fm.data == {}
    assert fm.body == source
    assert fm.problems == []


def test_duplicate_key_reports_both_lines_and_last_wins() -> None:
    source = "---\ntitle: x\ndisableHLJS: true # first\ndraft: false\ndisableHLJS: false\n---\nB\n"
    fm = frontmatter.parse(source)
    assert fm.data["disableHLJS"] is False
    [problem] = fm.problems
    assert problem.line == 5
    assert "duplicate key 'disableHLJS'" in problem.message
    assert "line 3" in problem.message


def test_toml_duplicate_key_is_reported_and_the_last_value_wins() -> None:
    source = '+++\ntitle = "a"\ndisableHLJS = true\n[cover]\nimage = "x"\nimage = "y"\n'
    fm = frontmatter.parse(source + 'disableHLJS = 1\n+++\nBody\n')
    assert fm.data == {"title": "a", "disableHLJS": True, "cover": {"image": "y", "disableHLJS": 1}}
    [problem] = fm.problems
    assert problem.line == 6
    assert problem.message == "duplicate key 'image' (also set at line 5); the last value wins"
    assert fm.body == "Body\n"
    top = frontmatter.parse('+++\ndraft = true\ntitle = "t"\ndraft = false\n+++\nB\n')
    assert top.data == {"draft": False, "title": "t"}
    assert [(p.line, p.message[:21]) for p in top.problems] == [(4, "duplicate key 'draft'")]


def test_duplicate_keys_differing_in_case_are_duplicates() -> None:
    fm = frontmatter.parse("---\nshowToc: true\nShowToc: false\n---\nB\n")
    assert [p.line for p in fm.problems] == [3]


def test_nested_duplicate_key() -> None:
    fm = frontmatter.parse("---\ncover:\n  image: a.png\n  image: b.png\n---\nB\n")
    assert fm.data["cover"] == {"image": "b.png"}
    assert fm.problems[0].line == 4
    assert "cover.image" in fm.problems[0].message


def test_yaml_merge_keys_are_not_duplicates() -> None:
    source = "---\nbase: &b {showToc: true}\ncover:\n  <<: *b\n  showToc: false\n---\nB\n"
    fm = frontmatter.parse(source)
    assert fm.problems == []
    assert fm.data["cover"]["showToc"] is False


@pytest.mark.parametrize(
    ("source", "line", "reason"),
    [
        ("---\ntitle: [unclosed\nshowToc: true\n---\nBody survives\n", 3, "malformed YAML"),
        ("---\ntitle: a\n  bad: indent\n---\nBody survives\n", 3, "malformed YAML"),
        ('+++\ntitle = "a\nx = 1\n+++\nBody survives\n', 2, "malformed TOML"),
        ('{\n  "title": "a",\n  oops\n}\nBody survives\n', 3, "malformed JSON"),
        ("---\n- a list\n---\nBody survives\n", 2, "must be a mapping"),
    ],
)
def test_malformed_block_warns_with_line_and_keeps_body(
    source: str, line: int, reason: str
) -> None:
    fm = frontmatter.parse(source)
    assert fm.body == "Body survives\n"
    assert fm.data == {}
    [problem] = fm.problems
    assert problem.line == line
    assert reason in problem.message


def test_unterminated_block_recovers_the_body() -> None:
    fm = frontmatter.parse("---\ntitle: Lost fence\nshowToc: true\n\nThe body begins here.\n")
    assert fm.data == {"title": "Lost fence", "showToc": True}
    assert fm.body == "The body begins here.\n"
    assert fm.problems[0].line == 1
    assert "never closed" in fm.problems[0].message


def test_leading_blank_lines_and_bom() -> None:
    fm = frontmatter.parse("\ufeff\n\n---\ntitle: x\n---\nB\n")
    assert fm.data == {"title": "x"}
    assert fm.key_lines == {"title": 4}
    assert fm.body_line == 6


def test_alias_bomb_stays_bounded() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        levels.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    fm = frontmatter.parse("---\n" + "\n".join(levels) + "\ntitle: ok\n---\nB\n")
    assert fm.data["title"] == "ok"
    assert fm.body == "B\n"


@pytest.mark.parametrize(
    ("raw", "text", "has_problem"),
    [
        (b"---\ntitle: x\r\n---\r\nBody\r\n", "---\ntitle: x\n---\nBody\n", False),
        (b"\xef\xbb\xbftitle", "title", False),
        (b"caf\xe9\n", "caf\ufffd\n", True),
    ],
)
def test_decode(raw: bytes, text: str, has_problem: bool) -> None:
    decoded, problem = frontmatter.decode(raw)
    assert decoded == text
    assert (problem is not None) == has_problem


# Scalars YAML 1.1 resolves to something other than a string, next to look-alikes that stay one.
_YAML_SCALARS = [
    "yes", "No", "on", "OFF", "true", "~", "null", "", "0o17", "0x1F", "1_000", "1:20", "-.inf",
    ".NaN", "3.5e2", "2024-02-30", "2024-02-03", "2024-02-03 10:20:30 +02:00", "2024-02-03T10:20Z",
    "'quoted yes'", '"esc\\u00e9"', "plain words", "https://x.example/a?b=c", "#not-a-comment",
    "!!str 12", "!!set {a, b}", "!!binary aGk=", "!!omap [a: 1]", "[a, *x]", "{k: v, n: 2}",
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["title", "tags", "cover", "date", "draft", "x", "Weight"]),
            st.sampled_from(_YAML_SCALARS),
            st.sampled_from(["plain", "list", "nested", "merge"]),
        ),
        max_size=8,
    )
)
def test_yaml_values_match_pyyaml(entries: list[tuple[str, str, str]]) -> None:
    lines = ["base: &x {shared: 1}"]
    for number, (key, scalar, shape) in enumerate(entries):
        if shape == "plain":
            lines.append(f"{key}{number}: {scalar}")
        elif shape == "list":
            lines.append(f"{key}{number}:\n  - {scalar}\n  - *x")
        elif shape == "nested":
            lines.append(f"{key}{number}:\n  inner: {scalar}\n  again: *x")
        else:
            lines.append(f"{key}{number}:\n  <<: *x\n  own: {scalar}")
    block = "\n".join(lines) + "\n"
    fm = frontmatter.parse(f"---\n{block}---\nBody\n")
    assert fm.body == "Body\n"
    try:
        expected = yaml.load(block, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        assert fm.data == {} and fm.problems
        return
    except ValueError:  # PyYAML gives up on 2024-02-30; the page must not
        assert fm.data or any("malformed" in p.message for p in fm.problems)
        return
    assert fm.data == expected, block


def test_impossible_date_is_kept_as_text() -> None:
    # PyYAML raises ValueError here; the date flags' check reports it (test_hostile).
    fm = frontmatter.parse("---\ntitle: x\ndate: 2024-02-30\n---\nBody\n")
    assert fm.data == {"title": "x", "date": "2024-02-30"}
    assert fm.problems == []
