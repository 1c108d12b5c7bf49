"""The goldmark mode in real builds: which pages it touches, the recommended-extensions report,
and hostile pages (deep nesting, thousands of list lines, unclosed fences) that must build, stay
linear and lose no text."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from sitebuilder import Site

from mkdocs_hugo_meta.markdown import goldmark, recommended

POST = "---\ntitle: Post\n---\nSteps:\n1. mix\n   - flour\n   - water\n2. rest\n"
REPORT = "Markdown extensions"


def _main(site: Site, page: str) -> str:
    return str(site.html(page).select_one('[role="main"]'))


def test_python_mode_leaves_hugo_pages_to_python_markdown(build: Callable[..., Site]) -> None:
    goldmark_site = build({"posts/a.md": POST})
    python_site = build({"posts/a.md": POST}, plugin={"markdown": "python"})
    nested = goldmark_site.html("posts/a.md").select('[role="main"] ol > li > ul > li')
    assert [li.get_text() for li in nested] == ["flour", "water"]
    # Python-Markdown alone sees no list after "Steps:" and no nesting at two spaces.
    assert python_site.html("posts/a.md").select('[role="main"] ol ul') == []


@pytest.mark.parametrize(
    ("extensions", "mode", "pages", "reported"),
    [
        ([], "goldmark", {"posts/a.md": POST}, True),
        (list(recommended.RECOMMENDED_EXTENSIONS), "goldmark", {"posts/a.md": POST}, False),
        ([], "python", {"posts/a.md": POST}, False),
        ([], "goldmark", {"notes.md": "# Notes\n"}, False),
    ],
    ids=["lacking", "all-present", "python-mode", "no-hugo-page"],
)
def test_missing_extensions_are_reported_once_as_information(
    build: Callable[..., Site],
    caplog: pytest.LogCaptureFixture,
    extensions: list[str],
    mode: str,
    pages: dict[str, str],
    reported: bool,
) -> None:
    with caplog.at_level(logging.INFO):
        site = build(pages, plugin={"markdown": mode}, extra={"markdown_extensions": extensions})
    infos = [r for r in caplog.records if REPORT in r.getMessage()]
    assert len(infos) == (1 if reported else 0)
    assert all(r.levelno == logging.INFO for r in infos)
    assert site.warnings == []
    if reported:
        message = infos[0].getMessage()
        for name in recommended.RECOMMENDED_EXTENSIONS:
            if name not in ("tables", "toc"):  # MkDocs always loads these
                assert name in message
        assert "tables" not in message.split("lacks:")[1]


def test_missing_reads_extra_and_full_names() -> None:
    lacking = recommended.missing(["extra", "markdown.extensions.smarty", "pymdownx.tilde"])
    assert "footnotes" not in lacking and "tables" not in lacking and "smarty" not in lacking
    assert "pymdownx.tilde" not in lacking and "sane_lists" in lacking


def test_deep_nesting_builds_with_one_warning(build: Callable[..., Site]) -> None:
    depth = 400  # Python-Markdown itself gives up (RecursionError) long before this
    lines = [f"{'  ' * level}- level{level}" for level in range(depth)]
    site = build({"posts/deep.md": "---\ntitle: Deep\n---\n" + "\n".join(lines) + "\n"})
    text = site.html("posts/deep.md").select_one('[role="main"]')
    assert text is not None
    assert all(f"level{level}" in text.get_text() for level in range(depth))
    assert len(text.select("ul")) == goldmark.MAX_DEPTH
    assert len(site.warnings_about(f"more than {goldmark.MAX_DEPTH} levels deep")) == 1


def test_thousands_of_list_lines(build: Callable[..., Site]) -> None:
    items = "".join(f"- item {n}\n  - sub {n}\n\n  para {n}\n" for n in range(2000))
    site = build({"posts/long.md": "---\ntitle: Long\n---\n" + items})
    main = site.html("posts/long.md").select_one('[role="main"]')
    assert main is not None
    assert len(main.select("ul > li > ul > li")) == 2000
    assert site.warnings == []


def test_unclosed_fences_lose_no_text(build: Callable[..., Site]) -> None:
    body = "".join(f"text {n}\n```go {{linenos=true\n- code {n}\n" for n in range(300))
    site = build({"posts/fences.md": "---\ntitle: Fences\n---\n" + body})
    main = site.html("posts/fences.md").select_one('[role="main"]')
    assert main is not None
    # The first fence never closes: everything after it is its code, as in CommonMark.
    assert "code 299" in main.get_text() and "text 0" in main.get_text()
    assert site.warnings == []


@pytest.mark.parametrize(
    "page",
    [
        "- " * 20000 + "a\n" + "b\n" * 2000,  # one line opening thousands of lists, lazy lines
        "  " * 5000 + "- a\n" * 3000,  # every line deeply indented
        "".join(f"{'  ' * n}- x\n" for n in range(3000)),  # deeper on every line
        "```\n" * 5000 + "- a\n  ```\n" * 2000,  # fences opening and closing everywhere
        "- a\n  " + "> " * 5000 + "q\n",  # a quote marker run inside an item
    ],
    ids=["same-line", "indented", "staircase", "fences", "quotes"],
)
def test_output_stays_proportional_to_the_page(page: str) -> None:
    lines = page.split("\n")
    result = goldmark.normalise(lines, lambda fence: "\x02wzxhzdk:0\x03")
    written = sum(len(line) + 1 for line in result.lines)
    allowance = 4 * goldmark.MAX_DEPTH + 8
    assert written <= 2 * len(page) + allowance * len(lines)
    assert len(result.lines) <= 3 * len(lines)


def test_readme_recommends_exactly_the_recommended_extensions() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- recommended-extensions:start -->", "<!-- recommended-extensions:end -->"
    block = readme[readme.index(start) + len(start) : readme.index(end)]
    listed = yaml.safe_load(block.strip().removeprefix("```yaml").removesuffix("```"))
    entries = {
        next(iter(entry)) if isinstance(entry, dict) else entry: (
            next(iter(entry.values())) if isinstance(entry, dict) else {}
        )
        for entry in listed["markdown_extensions"]
    }
    assert entries == recommended.RECOMMENDED_EXTENSIONS


def test_indented_paragraph_lines_keep_their_indentation_in_an_item(
    build: Callable[..., Site],
) -> None:
    # Not Hugo's syntax, but a migrated site's: an admonition's body stays indented past its
    # first line when the item is re-indented.
    page = "---\ntitle: Tip\n---\n- step\n\n  !!! note\n      Keep it warm.\n- next\n"
    site = build({"posts/tip.md": page}, extra={"markdown_extensions": ["admonition"]})
    items = site.html("posts/tip.md").select('[role="main"] ul > li')
    assert len(items) == 2
    assert items[0].select_one(".admonition p:not(.admonition-title)").get_text() == (
        "Keep it warm."
    )
