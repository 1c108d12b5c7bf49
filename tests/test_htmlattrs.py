"""Reading a start tag's attributes without an HTML parser: same answers as ``html.parser``."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_hugo_meta.markup import attributes as htmlattrs


class _Reference(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.attrs is None:
            self.attrs = attrs

    handle_startendtag = handle_starttag


def reference(tag: str) -> dict[str, str | None]:
    parser = _Reference()
    parser.feed(tag)
    parser.close()
    found: dict[str, str | None] = {}
    for name, value in parser.attrs or []:
        found.setdefault(name, value)  # browsers keep the first of a repeated attribute
    return found


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ('<iframe src="https://y.example/embed/x" allowfullscreen>', {
            "src": "https://y.example/embed/x", "allowfullscreen": None}),
        ("<IFRAME SRC='a&amp;b' Title=Clip>", {"src": "a&b", "title": "Clip"}),
        ('<div style="padding-bottom: 56.25%; position:relative">', {
            "style": "padding-bottom: 56.25%; position:relative"}),
        ('<img src="a.png" src="b.png"/>', {"src": "a.png"}),
        ('<link rel = "stylesheet" href="x.css" />', {"rel": "stylesheet", "href": "x.css"}),
        ('<a title="x > y" href=#top>', {"title": "x > y", "href": "#top"}),
        ('<iframe src="">', {"src": ""}),
        ("<script>", {}),
        ("not a tag", {}),
    ],
)
def test_examples(tag: str, expected: dict[str, str | None]) -> None:
    assert htmlattrs.parse(tag) == expected
    assert reference(tag) == expected


_names = st.sampled_from(["src", "title", "allow", "style", "data-x", "loading", "ALLOW", "id"])
_values = st.text(alphabet=st.sampled_from(list("ab &;<>=/%'\"x1#")), max_size=12)


@st.composite
def _tags(draw: st.DrawFn) -> str:
    parts = ["<iframe"]
    for _ in range(draw(st.integers(0, 5))):
        name = draw(_names)
        value = draw(_values)
        quote = draw(st.sampled_from(['"', "'", "", None]))
        if quote is None:
            parts.append(f" {name}")
        elif quote == "":
            unquoted = "".join(c for c in value if c not in " \"'<>=`") or "v"
            parts.append(f" {name}={unquoted}")
        else:
            parts.append(f" {name}={quote}{value.replace(quote, '')}{quote}")
    parts.append(draw(st.sampled_from([">", " >", "/>", " />"])))
    return "".join(parts) + "</iframe>"


@given(_tags())
def test_agrees_with_html_parser(tag: str) -> None:
    assert htmlattrs.parse(tag) == reference(tag)


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ('<h2 id="Intro">x</h2><p ID = \'b&amp;c\'>y</p><a iD=Last>z</a>',
         {"Intro", "b&c", "Last"}),
        ('<div data-id="x"></div> valid = yes', {"x", "yes"}),
        # U+0130 lower-cases to two characters: the values still come from the right place.
        ('<p>\u0130stanbul</p><h2 Id="Caf\u00e9">x</h2><b id=\'\'></b>', {"Caf\u00e9", ""}),
        ("<p>no ids</p>", set()),
    ],
)
def test_ids_in(fragment: str, expected: set[str]) -> None:
    assert htmlattrs.ids_in(fragment) == expected


@given(st.text(alphabet=st.sampled_from(list("iIdD =\"'>x&\u0130\u212a")), max_size=40))
def test_ids_in_reads_every_spelling_of_id(fragment: str) -> None:
    # The plain case-insensitive reading, value by value.
    expected = {
        html.unescape(a or b or c)
        for a, b, c in re.findall(r"""[iI][dD]\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
                                  fragment)
    }
    assert htmlattrs.ids_in(fragment) == expected
