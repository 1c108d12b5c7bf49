"""Unit tests of the front-matter reader: formats, line numbers, duplicates, broken blocks."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_hugo_meta import frontmatter


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
