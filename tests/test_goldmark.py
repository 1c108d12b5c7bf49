"""Hugo pages' Markdown read as goldmark (CommonMark) reads it: lists and fences.

Each case is an example from CommonMark's spec (sections "List items", "Lists", "Fenced code
blocks") or a shape seen in real PaperMod posts, with the structure Hugo 0.168 builds for it:
lists and their nesting, each item's own text, ordered lists' start numbers, code blocks and
their text, top-level paragraphs and headings. Every case is built as a Hugo page (front
matter) and as a plain page, with three sets of Markdown extensions: the recommended set, the
``fenced_code`` of a default MkDocs site, and none. The Hugo page must have Hugo's structure; the
plain page must have exactly what Python-Markdown gives without the plugin. The oracle test
builds the same Markdown with the real ``hugo`` binary and compares.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from hugokit import build_hugo, needs_hugo
from hypothesis import given, settings
from hypothesis import strategies as st
from sitebuilder import Site, build_site

from mkdocs_hugo_meta.markdown import goldmark
from mkdocs_hugo_meta.markdown.recommended import RECOMMENDED_EXTENSIONS

CASES: list[tuple[str, str, str]] = [
    ('nest2', '- a\n  - b\n    - c\n- d\n',
     "ul(li'a'(ul(li'b'(ul(li'c'())))) li'd'())"),
    ('nest3-ol', '1. a\n   1. b\n   2. c\n2. d\n',
     "ol(li'a'(ol(li'b'() li'c'())) li'd'())"),
    ('nest-mixed', '1. a\n   - b\n   - c\n2. d\n   * e\n',
     "ol(li'a'(ul(li'b'() li'c'())) li'd'(ul(li'e'())))"),
    ('nest4', '- a\n    - b\n- c\n',
     "ul(li'a'(ul(li'b'())) li'c'())"),
    ('sibling-1space', '- a\n - b\n  - c\n',
     "ul(li'a'() li'b'() li'c'())"),
    ('para-interrupt', 'text\n- a\n- b\n',
     "p'text' ul(li'a'() li'b'())"),
    ('para-interrupt-ol1', 'text\n1. a\n2. b\n',
     "p'text' ol(li'a'() li'b'())"),
    ('para-no-interrupt-ol2', 'text\n2. a\n3. b\n',
     "p'text 2. a 3. b'"),
    ('ol-start', '3. a\n4. b\n',
     "ol3(li'a'() li'b'())"),
    ('ol-start-paren', '7) a\n8) b\n',
     "ol7(li'a'() li'b'())"),
    ('lazy', '- a\nb\n- c\n',
     "ul(li'a b'() li'c'())"),
    ('loose', '- a\n\n- b\n',
     "ul(li'a'() li'b'())"),
    ('item-para', '- a\n\n  para\n- b\n',
     "ul(li'a para'() li'b'())"),
    ('item-para-nested', '- a\n\n  para\n  - n\n- b\n',
     "ul(li'a para'(ul(li'n'())) li'b'())"),
    ('item-para-then-nested-tight', '- a\n  more\n  - n\n',
     "ul(li'a more'(ul(li'n'())))"),
    ('empty-item-start', '-\n  foo\n- bar\n',
     "ul(li'foo'() li'bar'())"),
    ('empty-item-blank', '-\n\n  foo\n',
     "ul(li''()) p'foo'"),
    ('same-line', '- - a\n  - b\n',
     "ul(li''(ul(li'a'() li'b'())))"),
    ('ul-then-ol', '- a\n- b\n1. c\n',
     "ul(li'a'() li'b'()) ol(li'c'())"),
    ('change-bullet', '- a\n- b\n+ c\n',
     "ul(li'a'() li'b'()) ul(li'c'())"),
    ('heading-after-list', '- a\n# h\n',
     "ul(li'a'()) h1'h'"),
    ('quote-after-list', '- a\n> q\n',
     "ul(li'a'()) blockquote()"),
    ('hr-after-list', '- a\n***\n',
     "ul(li'a'()) hr"),
    ('item-code', '- a\n\n      code\n- b\n',
     "ul(li'a'(pre[code]) li'b'())"),
    ('item-marker-code', '-     code\n',
     "ul(li''(pre[code]))"),
    ('back-to-parent', '- a\n  - b\n\n  c\n',
     "ul(li'a c'(ul(li'b'())))"),
    ('lazy-nested', '- a\n  - b\nc\n',
     "ul(li'a'(ul(li'b c'())))"),
    ('deep3', '- a\n  - b\n    - c\n      - d\n  - e\n',
     "ul(li'a'(ul(li'b'(ul(li'c'(ul(li'd'())))) li'e'())))"),
    ('ol-nested-start', '1. a\n   5. x\n   6. y\n',
     "ol(li'a 5. x 6. y'())"),
    ('ol-cannot-interrupt-in-item', '- a\n  2. b\n',
     "ul(li'a 2. b'())"),
    ('ol-interrupt-in-item', '- a\n  1. b\n',
     "ul(li'a'(ol(li'b'())))"),
    ('fence-basic', '```go\ncode\n```\n',
     'pre[code]'),
    ('fence-after-para', 'text\n```\ncode\n```\nmore\n',
     "p'text' pre[code] p'more'"),
    ('fence-in-item', '- a\n  ```go\n  code\n  ```\n- b\n',
     "ul(li'a'(pre[code]) li'b'())"),
    ('fence-in-item-blank', '- a\n\n  ```go\n  code\n  ```\n\n- b\n',
     "ul(li'a'(pre[code]) li'b'())"),
    ('fence-first-in-item', '- ```\n  code\n  ```\n- b\n',
     "ul(li''(pre[code]) li'b'())"),
    ('fence-longer-close', '````\ncode\n```\n``````\nafter\n',
     "pre[code⏎```] p'after'"),
    ('fence-tilde', '~~~ python\ncode\n~~~\n',
     'pre[code]'),
    ('fence-unclosed', '```\ncode\n\n# not a heading\n',
     'pre[code⏎# not a heading]'),
    ('fence-indented', '  ```\n  code\n    more\n  ```\n',
     'pre[code⏎  more]'),
    ('fence-closes-list', '- a\n```\ncode\n```\n',
     "ul(li'a'()) pre[code]"),
    ('fence-unclosed-in-item', '- a\n  ```\n  code\n- b\n',
     "ul(li'a'(pre[code]) li'b'())"),
    ('fence-info-words', '```shell session\n$ ls\n```\n',
     'pre[$ ls]'),
    ('fence-nested-3', '- a\n  - b\n\n    ```\n    code\n    ```\n',
     "ul(li'a'(ul(li'b'(pre[code]))))"),
    ('html-block', '<div>\n- not a list\n</div>\n\n- a\n',
     "ul(li'a'())"),
    ('indented-code', '    - not a list\n    code\n',
     'pre[- not a list⏎code]'),
    ('html-comment', '<!--\n- x\n  - y\n-->\n',
     ''),
    ('li-1',
     '1.  A paragraph\n    with two lines.\n\n        indented code\n\n    > A block quote.\n',
     "ol(li'A paragraph with two lines.'(pre[indented code] blockquote()))"),
    ('li-2', '- one\n\n two\n',
     "ul(li'one'()) p'two'"),
    ('li-3', '- one\n\n  two\n',
     "ul(li'one two'())"),
    ('li-4', ' -    one\n\n     two\n',
     "ul(li'one'()) pre[ two]"),
    ('li-5', ' -    one\n\n      two\n',
     "ul(li'one two'())"),
    ('li-6', '-one\n\n2.two\n',
     "p'-one' p'2.two'"),
    ('li-7', '- foo\n\n\n  bar\n',
     "ul(li'foo bar'())"),
    ('li-8', '1.  foo\n\n    ```\n    bar\n    ```\n\n    baz\n\n    > bam\n',
     "ol(li'foo baz'(pre[bar] blockquote()))"),
    ('li-9', '- Foo\n\n      bar\n\n\n      baz\n',
     "ul(li'Foo'(pre[bar⏎baz]))"),
    ('li-10', '123456789. ok\n',
     "ol123456789(li'ok'())"),
    ('li-11', '1234567890. not ok\n',
     "p'1234567890. not ok'"),
    ('li-12', '0. ok\n',
     "ol0(li'ok'())"),
    ('li-13', '003. ok\n',
     "ol3(li'ok'())"),
    ('li-14', '-1. not ok\n',
     "p'-1. not ok'"),
    ('li-15', '- foo\n\n      bar\n',
     "ul(li'foo'(pre[bar]))"),
    ('li-16', '  10.  foo\n\n           bar\n',
     "ol10(li'foo'(pre[bar]))"),
    ('li-17', '1.     indented code\n\n   paragraph\n\n       more code\n',
     "ol(li'paragraph'(pre[indented code] pre[more code]))"),
    ('li-18', '1.      indented code\n\n   paragraph\n\n       more code\n',
     "ol(li'paragraph'(pre[ indented code] pre[more code]))"),
    ('li-19', '-    foo\n\n  bar\n',
     "ul(li'foo'()) p'bar'"),
    ('li-20', '-  foo\n\n   bar\n',
     "ul(li'foo bar'())"),
    ('li-21', '-\n  foo\n-\n  ```\n  bar\n  ```\n-\n      baz\n',
     "ul(li'foo'() li''(pre[bar]) li''(pre[baz]))"),
    ('li-22', '-   \n  foo\n',
     "ul(li'foo'())"),
    ('li-23', '- foo\n-\n- bar\n',
     "ul(li'foo'() li''() li'bar'())"),
    ('li-24', '1. foo\n2.\n3. bar\n',
     "ol(li'foo'() li''() li'bar'())"),
    ('li-25', '*\n',
     "ul(li''())"),
    ('li-26', 'foo\n*\n\nfoo\n1.\n',
     "p'foo *' p'foo 1.'"),
    ('li-27', '    1.  A paragraph\n        with two lines.\n',
     'pre[1.  A paragraph⏎    with two lines.]'),
    ('li-28', '  1.  A paragraph\nwith two lines.\n',
     "ol(li'A paragraph with two lines.'())"),
    ('li-29', '- foo\n  - bar\n    - baz\n      - boo\n',
     "ul(li'foo'(ul(li'bar'(ul(li'baz'(ul(li'boo'())))))))"),
    ('li-30', '- foo\n - bar\n  - baz\n   - boo\n',
     "ul(li'foo'() li'bar'() li'baz'() li'boo'())"),
    ('li-31', '10) foo\n    - bar\n',
     "ol10(li'foo'(ul(li'bar'())))"),
    ('li-32', '10) foo\n   - bar\n',
     "ol10(li'foo'()) ul(li'bar'())"),
    ('li-33', '- - foo\n',
     "ul(li''(ul(li'foo'())))"),
    ('li-34', '1. - 2. foo\n',
     "ol(li''(ul(li''(ol2(li'foo'())))))"),
    ('li-35', '- # Foo\n- Bar\n  ---\n  baz\n',
     "ul(li'Foo'(h1'Foo') li'Bar baz'(h2'Bar'))"),
    ('lists-1', 'Foo\n- bar\n- baz\n',
     "p'Foo' ul(li'bar'() li'baz'())"),
    ('lists-2', 'The number of windows in my house is\n14.  The number of doors is 6.\n',
     "p'The number of windows in my house is 14. The number of doors is 6.'"),
    ('lists-3', 'The number of windows in my house is\n1.  The number of doors is 6.\n',
     "p'The number of windows in my house is' ol(li'The number of doors is 6.'())"),
    ('lists-4', '- foo\n\n- bar\n\n\n- baz\n',
     "ul(li'foo'() li'bar'() li'baz'())"),
    ('lists-5', '- foo\n  - bar\n    - baz\n\n\n      bim\n',
     "ul(li'foo'(ul(li'bar'(ul(li'baz bim'())))))"),
    ('lists-6', '- foo\n- bar\n\n<!-- -->\n\n- baz\n- bim\n',
     "ul(li'foo'() li'bar'()) ul(li'baz'() li'bim'())"),
    ('lists-7', '-   foo\n\n    notcode\n\n-   foo\n\n<!-- -->\n\n    code\n',
     "ul(li'foo notcode'() li'foo'()) pre[code]"),
    ('lists-8', '- a\n - b\n  - c\n   - d\n  - e\n - f\n- g\n',
     "ul(li'a'() li'b'() li'c'() li'd'() li'e'() li'f'() li'g'())"),
    ('lists-9', '1. a\n\n  2. b\n\n   3. c\n',
     "ol(li'a'() li'b'() li'c'())"),
    ('lists-10', '- a\n - b\n  - c\n   - d\n    - e\n',
     "ul(li'a'() li'b'() li'c'() li'd - e'())"),
    ('lists-11', '1. a\n\n  2. b\n\n    3. c\n',
     "ol(li'a'() li'b'()) pre[3. c]"),
    ('lists-12', '- a\n- b\n\n- c\n',
     "ul(li'a'() li'b'() li'c'())"),
    ('lists-13', '* a\n*\n\n* c\n',
     "ul(li'a'() li''() li'c'())"),
    ('lists-14', '- a\n- b\n\n  c\n- d\n',
     "ul(li'a'() li'b c'() li'd'())"),
    ('lists-15', '- a\n- ```\n  b\n\n\n  ```\n- c\n',
     "ul(li'a'() li''(pre[b]) li'c'())"),
    ('lists-16', '- a\n  - b\n\n    c\n- d\n',
     "ul(li'a'(ul(li'b c'())) li'd'())"),
    ('lists-17', '* a\n  > b\n  >\n* c\n',
     "ul(li'a'(blockquote()) li'c'())"),
    ('lists-18', '- a\n  > b\n  ```\n  c\n  ```\n- d\n',
     "ul(li'a'(blockquote() pre[c]) li'd'())"),
    ('lists-19', '1. ```\n   foo\n   ```\n\n   bar\n',
     "ol(li'bar'(pre[foo]))"),
    ('lists-20', '* foo\n  * bar\n\n  baz\n',
     "ul(li'foo baz'(ul(li'bar'())))"),
    ('lists-21', '- a\n  - b\n  - c\n\n- d\n  - e\n  - f\n',
     "ul(li'a'(ul(li'b'() li'c'())) li'd'(ul(li'e'() li'f'())))"),
    ('fc-1', '``\nfoo\n``\n',
     "p'foo'"),
    ('fc-2', '```\n<\n >\n```\n',
     'pre[<⏎ >]'),
    ('fc-3', '~~~\n<\n >\n~~~\n',
     'pre[<⏎ >]'),
    ('fc-4', '```\naaa\n~~~\n```\n',
     'pre[aaa⏎~~~]'),
    ('fc-5', '~~~\naaa\n```\n~~~\n',
     'pre[aaa⏎```]'),
    ('fc-6', '````\naaa\n```\n``````\n',
     'pre[aaa⏎```]'),
    ('fc-7', '~~~~\naaa\n~~~\n~~~~\n',
     'pre[aaa⏎~~~]'),
    ('fc-8', '`````\n\n```\naaa\n',
     'pre[```⏎aaa]'),
    ('fc-9', '```\n\n  \n```\n',
     'pre[]'),
    ('fc-10', ' ```\n aaa\naaa\n```\n',
     'pre[aaa⏎aaa]'),
    ('fc-11', '  ```\naaa\n  aaa\naaa\n  ```\n',
     'pre[aaa⏎aaa⏎aaa]'),
    ('fc-12', '   ```\n   aaa\n    aaa\n  aaa\n   ```\n',
     'pre[aaa⏎ aaa⏎aaa]'),
    ('fc-13', '    ```\n    aaa\n    ```\n',
     'pre[```⏎aaa⏎```]'),
    ('fc-14', '```\naaa\n  ```\n',
     'pre[aaa]'),
    ('fc-15', '   ```\naaa\n  ```\n',
     'pre[aaa]'),
    ('fc-16', '```\naaa\n    ```\n',
     'pre[aaa⏎    ```]'),
    ('fc-17', '``` ```\naaa\n',
     "p'aaa'"),
    ('fc-18', '~~~~~~\naaa\n~~~ ~~\n',
     'pre[aaa⏎~~~ ~~]'),
    ('fc-19', 'foo\n```\nbar\n```\nbaz\n',
     "p'foo' pre[bar] p'baz'"),
    ('fc-20', 'foo\n---\n~~~\nbar\n~~~\n# baz\n',
     "h2'foo' pre[bar] h1'baz'"),
    ('fc-21', '```ruby\ndef foo(x)\n  return 3\nend\n```\n',
     'pre[def foo(x)⏎  return 3⏎end]'),
    ('fc-22', '~~~~    ruby startline=3 $%@#$\ndef foo(x)\n  return 3\nend\n~~~~~~~\n',
     'pre[def foo(x)⏎  return 3⏎end]'),
    ('fc-23', '````;\n````\n',
     'pre[]'),
    ('fc-24', '``` aa ```\nfoo\n',
     "p'aa foo'"),
    ('fc-25', '~~~ aa ``` ~~~\nfoo\n~~~\n',
     'pre[foo]'),
    ('fc-26', '```\n``` aaa\n```\n',
     'pre[``` aaa]'),
]
"""(name, Markdown, structure Hugo builds: see ``shape``)."""

EXTENSION_SETS: dict[str, list[Any]] = {
    "recommended": [{name: config} for name, config in RECOMMENDED_EXTENSIONS.items()],
    "fenced_code": [],
    "codehilite": ["codehilite"],
}
"""Added to the ones MkDocs always loads (``MKDOCS_BUILTINS``)."""
MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]

_BLOCKS = {"ul", "ol", "li", "blockquote", "pre", "hr", "table", "p",
           "h1", "h2", "h3", "h4", "h5", "h6"}  # fmt: skip
_NESTED = {"ul", "ol", "pre", "blockquote", "table"}


def _own_text(element: Tag) -> str:
    """The element's text outside the lists, code and quotes nested in it, spaces collapsed."""
    parts = []
    for node in element.descendants:
        if isinstance(node, Tag):
            continue
        between = [p for p in node.parents if p is not element and element in p.parents]
        if not any(p.name in _NESTED for p in between):
            parts.append(str(node))
    return " ".join("".join(parts).split())


def shape(element: Tag) -> str:
    """The block structure of ``element``: lists (``ol7`` for a start number), items with their
    own text, code with its non-blank lines, headings, and paragraphs outside list items and
    quotes (Python-Markdown wraps a loose item's text in ``<p>`` where CommonMark may not)."""
    out: list[str] = []
    for child in element.children:
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name not in _BLOCKS:
            out.append(shape(child))
        elif name == "pre":
            if child.find_parent("td", class_="linenos") is None:
                lines = [line for line in child.get_text().split("\n") if line.strip()]
                out.append("pre[" + "⏎".join(lines) + "]")
        elif name == "p":
            if child.find_parent("li") is None and child.find_parent("blockquote") is None:
                out.append(f"p'{_own_text(child)}'")
        elif name == "hr":
            out.append("hr")
        elif name.startswith("h"):
            out.append(f"{name}'{_own_text(child)}'")
        elif name == "li":
            out.append(f"li'{_own_text(child)}'({shape(child)})")
        elif name == "ol" and child.get("start") not in (None, "1"):
            out.append(f"ol{child['start']}({shape(child)})")
        else:
            out.append(f"{name}({shape(child)})")
    return " ".join(part for part in out if part)


def _content(site: Site, page: str) -> Tag:
    """The page's own content: the theme's main column without what the plugin adds."""
    text = site.text(page)
    # Only the main column is parsed: the rest of the theme's page is the same everywhere.
    start, end = text.index('role="main"'), text.index('<footer class="col-md-12')
    main = BeautifulSoup(f"<div {text[start:end]}", "html.parser")
    for added in main.select(".hm-header, .hm-footer, .hm-toc, .headerlink"):
        added.decompose()
    return main


def _hugo_page(source: str) -> bytes:
    return f"---\ntitle: Case\n---\n{source}".encode()


@pytest.fixture(scope="module", params=sorted(EXTENSION_SETS))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    extensions = EXTENSION_SETS[request.param]
    pages: dict[str, str | bytes] = {}
    for index, (_, source, _) in enumerate(CASES):
        pages[f"hugo/c{index}.md"] = _hugo_page(source)
        pages[f"plain/c{index}.md"] = source.encode()
    root = tmp_path_factory.mktemp(f"goldmark-{request.param}")
    # A nav of one page keeps each built page small to parse.
    extra = {"markdown_extensions": extensions, "nav": ["index.md"]}
    site = build_site(root, pages, extra=extra)
    return request.param, site


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case[0] for case in CASES])
def test_hugo_page_has_hugos_structure(built: Any, index: int) -> None:
    _, site = built
    _, source, expected = CASES[index]
    assert shape(_content(site, f"hugo/c{index}.md")) == expected, source


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case[0] for case in CASES])
def test_plain_page_is_left_to_python_markdown(built: Any, index: int) -> None:
    extensions, site = built
    _, source, _ = CASES[index]
    names, configs = list(MKDOCS_BUILTINS), {}
    for entry in EXTENSION_SETS[extensions]:
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        names += [] if name in names else [name]
        configs.update(entry if isinstance(entry, dict) else {})
    alone = markdown.Markdown(extensions=names, extension_configs=configs).convert(source)
    soup = BeautifulSoup(alone, "html.parser")
    for anchor in soup.select(".headerlink"):
        anchor.decompose()
    expected = shape(soup)
    assert shape(_content(site, f"plain/c{index}.md")) == expected, source


def test_no_warnings(built: Any) -> None:
    _, site = built
    assert site.warnings == []


@needs_hugo
def test_hugo_builds_the_same_structure(tmp_path: Path) -> None:
    """The oracle: the real hugo binary, given each case, builds the structure in the table,
    which the Hugo pages above are held to."""
    files = {"layouts/single.html": "{{ .Content }}"}
    for index, (_, source, _) in enumerate(CASES):
        files[f"content/c{index}.md"] = _hugo_page(source).decode()
    public = build_hugo(tmp_path, files)
    differ = []
    for index, (name, _, expected) in enumerate(CASES):
        html = (public / f"c{index}" / "index.html").read_text("utf-8")
        if shape(BeautifulSoup(html, "html.parser")) != expected:
            differ.append(name)
    assert differ == []


# --- the line shortcuts ----------------------------------------------------------------------

_PIECES = ["", " ", "  ", "    ", "\t", "- ", "* ", "+ ", "1. ", "2) ", "> ", "```", "~~~", "# ",
           "---", "===", "***", "<div>", "</div>", "<!--", "-->", "text", "word ", "中文", "a",
           "1", "٣. ", "ª", "x\t", "_ _ _", "`x`"]  # fmt: skip


class _Classifying(goldmark._Normaliser):
    """The normaliser with every line taken through the general path."""

    feed = goldmark._Normaliser.feed_any


@settings(max_examples=3000, deadline=None)
@given(lines=st.lists(st.lists(st.sampled_from(_PIECES), max_size=3).map("".join), max_size=12))
def test_the_line_shortcuts_write_what_the_general_path_writes(lines: list[str]) -> None:
    def sink(fence: goldmark.Fence) -> str:
        return f"\x02{len(fence.lines)}\x03"

    results = []
    for kind in (goldmark._Normaliser, _Classifying):
        work = kind(sink)
        for line in lines:
            work.feed(line)
        work.finish()
        results.append((work.out, work.too_deep))
    assert results[0] == results[1]


# --- the runs copied unchanged ---------------------------------------------------------------

_BLOCK_PIECES = [*_PIECES, "<script>", "</script>", "<PRE>", "</pre>", "<style", "<textarea>",
                 "<?", "?>", "<![CDATA[", "]]>", "<!DOC", ">", "<p>", "<center>", "<x a='1'>",
                 "</x>", "<img src=x>", "10. ", "1234567890. ", "\x0c", "\r", "\t "]  # fmt: skip


def _line_by_line(lines: list[str]) -> tuple[list[str], bool]:
    def sink(fence: goldmark.Fence) -> str:
        return f"\x02{len(fence.lines)}\x03"

    work = _Classifying(sink)
    for line in lines:
        work.feed(line)
    work.finish()
    return work.out, work.too_deep


@settings(max_examples=4000, deadline=None)
@given(
    lines=st.lists(
        st.lists(st.sampled_from(_BLOCK_PIECES), max_size=3).map("".join), max_size=16
    )
)
def test_copied_runs_write_what_reading_every_line_writes(lines: list[str]) -> None:
    """``normalise`` copies runs of lines that cannot change; reading every line through the
    general path writes the same."""
    result = goldmark.normalise(lines, lambda fence: f"\x02{len(fence.lines)}\x03")
    assert (result.lines, result.too_deep) == _line_by_line(lines)


@pytest.mark.parametrize(
    "source",
    [
        "text\n\nmore text\n<div>\n- in html\n\n- a list\n\ntext after\n\n1. b\n",
        "<!-- a\n\n- in a comment\n-->\n\n- item\n",
        "para\n\n<script>\n\n- code\n</script>\n- item\n",
        "- a\n\n  b\n\ntext\n\n```\nx\n```\nafter\n\nend\n",
        "> quote\n\ntext\n<h2>x</h2>\n\n> q\n# heading\n",
    ],
)
def test_copied_runs_in_pages_with_blocks(source: str) -> None:
    lines = source.split("\n")
    result = goldmark.normalise(lines, lambda fence: f"\x02{len(fence.lines)}\x03")
    assert (result.lines, result.too_deep) == _line_by_line(lines)


def test_a_line_holding_a_line_break_is_read_alone() -> None:
    lines = ["text", "", "a\n- b", "", "- c"]
    result = goldmark.normalise(lines, lambda fence: "x")
    assert (result.lines, result.too_deep) == _line_by_line(lines)
