"""Hugo's code-fence options (```` ```go {linenos=true,hl_lines=[2,8],linenostart=5} ````) on Hugo
pages: translated for the site's highlighter, held against the real hugo binary for which lines
are numbered how and which are highlighted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from hugokit import CONFIG, build_hugo, needs_hugo
from sitebuilder import Site

from mkdocs_hugo_meta.markdown import fence_options

CODE = "\n".join(f"l{n}" for n in range(1, 11))
FENCES = {
    "numbers-and-lines": '```go {linenos=true,hl_lines=[2,"4-5"],linenostart=5}',
    "table-and-string-ranges": '```go {linenos=table,hl_lines="2-3 9",linenostart=10}',
    "lines-only": "```go {hl_lines=[6]}",
    "numbers-from-one": "```go {linenos=true}",
    "numbers-off": "```go {linenos=false,hl_lines=[1]}",
    "no-language": "``` {linenos=true,linenostart=3}",
    "spaces-between": "```go { linenos=true hl_lines=[3] anchorlinenos=true style=monokai }",
}


def _page(opening: str) -> str:
    return f"---\ntitle: Code\n---\n{opening}\n{CODE}\n```\n\n## After the code\n\nText.\n"


@pytest.mark.parametrize(
    ("info", "target", "header"),
    [
        ("go {linenos=true,hl_lines=[2,8],linenostart=5}", fence_options.SUPERFENCES,
         'go linenums="5" hl_lines="2 8"'),
        ('go {hl_lines="2-4 8"}', fence_options.SUPERFENCES, 'go hl_lines="2 3 4 8"'),
        ('go {hl_lines=["2-3",8]}', fence_options.CODEHILITE, '{ .go hl_lines="2 3 8" }'),
        ("go {linenos=inline,linenostart=7}", fence_options.CODEHILITE,
         '{ .go linenums="true" linenostart="7" }'),
        ("go {linenos=table,hl_lines=[2]}", fence_options.FENCED_CODE, "go"),
        ("go {linenos=false}", fence_options.SUPERFENCES, "go"),
        ("go", fence_options.SUPERFENCES, "go"),
        ("shell session", fence_options.FENCED_CODE, "shell"),
        ("{linenos=true}", fence_options.SUPERFENCES, ""),
        ("c++ {hl_lines=[9-999999999]}", fence_options.SUPERFENCES, 'c++ hl_lines="9 10"'),
        ('"><script> {linenos=true}', fence_options.FENCED_CODE, ""),
        ("go {hl_lines=[99999999999999]}", fence_options.SUPERFENCES, "go"),
        ("go {linenostart=-4,linenos=true}", fence_options.SUPERFENCES, 'go linenums="1"'),
    ],
)  # fmt: skip
def test_header_for_each_highlighter(info: str, target: str, header: str) -> None:
    assert fence_options.header(fence_options.parse(info), target, 10) == header


def _ours(site: Site, name: str) -> tuple[list[str], list[str]]:
    """Line numbers shown and highlighted lines' text of the page's first code block."""
    soup = site.html(f"posts/{name}.md")
    block = soup.select_one(".highlight, .codehilite")
    if block is None:
        return [], []
    numbers = " ".join(cell.get_text() for cell in block.select("td.linenos, .linenos"))
    lines = [span.get_text().strip() for span in block.select(".hll")]
    return numbers.split(), lines


def _hugo(public: Path, name: str) -> tuple[list[str], list[str]]:
    soup = BeautifulSoup((public / "posts" / name / "index.html").read_text("utf-8"), "html.parser")
    block = soup.select_one(".highlight")
    if block is None:  # no language: Hugo writes a plain <pre>
        return [], []
    numbers = [span.get_text().strip() for span in block.select(".lnt, .ln")]
    lines = [span.get_text().strip() for span in block.select(".line.hl .cl")]
    return numbers, lines


HIGHLIGHT: dict[str, Any] = {
    "markdown_extensions": ["pymdownx.highlight", "pymdownx.superfences"],
    "nav": ["index.md"],
}
CODEHILITE: dict[str, Any] = {"markdown_extensions": ["codehilite"], "nav": ["index.md"]}


def _site(build: Callable[..., Site], extra: dict[str, Any]) -> Site:
    pages = {f"posts/{name}.md": _page(opening).encode() for name, opening in FENCES.items()}
    return build(pages, extra=extra)


@pytest.mark.parametrize("extra", [HIGHLIGHT, CODEHILITE], ids=["superfences", "codehilite"])
def test_numbers_and_highlighted_lines(build: Callable[..., Site], extra: dict[str, Any]) -> None:
    site = _site(build, extra)
    assert site.warnings == []
    expected = {
        "numbers-and-lines": ([str(n) for n in range(5, 15)], ["l2", "l4", "l5"]),
        "table-and-string-ranges": ([str(n) for n in range(10, 20)], ["l2", "l3", "l9"]),
        "lines-only": ([], ["l6"]),
        "numbers-from-one": ([str(n) for n in range(1, 11)], []),
        "numbers-off": ([], ["l1"]),
        "no-language": ([], []),
        "spaces-between": ([str(n) for n in range(1, 11)], ["l3"]),
    }
    for name in FENCES:
        assert _ours(site, name) == expected[name], name
        soup = site.html(f"posts/{name}.md")
        # The fence closed where it should: the heading after it is a heading, not code.
        assert [h.get_text().strip("¶ ") for h in soup.select('[role="main"] h2')] == [
            "After the code"
        ], name
        assert "linenos=" not in soup.get_text(), name


def test_without_a_highlighter_the_fence_keeps_its_language(build: Callable[..., Site]) -> None:
    site = _site(build, {"nav": ["index.md"]})  # MkDocs' own fenced_code, no codehilite
    for name, opening in FENCES.items():
        soup = site.html(f"posts/{name}.md")
        code = soup.select('[role="main"] pre > code')
        assert len(code) == 1, name
        assert code[0].get_text().split() == CODE.split(), name
        assert ("language-go" in (code[0].get("class") or [])) == opening.startswith("```go")
        assert [h.get_text() for h in soup.select('[role="main"] h2')] == ["After the code"]


def test_plain_page_fence_options_are_left_alone(build: Callable[..., Site]) -> None:
    # Without front matter the page is Python-Markdown's: it sees no fence, as without the plugin.
    site = build({"notes.md": f"{FENCES['numbers-and-lines']}\n{CODE}\n```\n"}, extra=HIGHLIGHT)
    assert site.html("notes.md").select('[role="main"] .hll') == []


@needs_hugo
def test_hugo_numbers_and_highlights_the_same_lines(
    tmp_path: Path, build: Callable[..., Site]
) -> None:
    files = {
        "hugo.toml": CONFIG + "[markup.highlight]\nnoClasses = false\n",
        "layouts/single.html": "{{ .Content }}",
    }
    for name, opening in FENCES.items():
        files[f"content/posts/{name}.md"] = _page(opening)
    public = build_hugo(tmp_path / "hugo", files)
    site = _site(build, HIGHLIGHT)
    assert {name: _ours(site, name) for name in FENCES} == {
        name: _hugo(public, name) for name in FENCES
    }
