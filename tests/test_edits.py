"""Edits to a finished page are made in one copy, in order, without overlapping."""

from __future__ import annotations

from mkdocs_hugo_meta.markup.edits import Edit, apply


def test_inserts_and_replacements_in_any_order() -> None:
    page = "<head><meta name=a></head><body>x</body>"
    head_end, body_end = page.index("</head>"), page.index("</body>")
    changes = [
        Edit(body_end, body_end, "<script></script>"),
        Edit(head_end, head_end, "<meta name=b>"),
        Edit(6, 6 + len("<meta name=a>"), "<meta name=A>"),
    ]
    assert apply(page, changes) == (
        "<head><meta name=A><meta name=b></head><body>x<script></script></body>"
    )


def test_two_inserts_at_one_place_keep_their_order() -> None:
    assert apply("ab", [Edit(1, 1, "1"), Edit(1, 1, "2")]) == "a12b"


def test_an_overlapping_edit_is_dropped() -> None:
    assert apply("abcdef", [Edit(1, 4, "X"), Edit(2, 5, "Y")]) == "aXef"


def test_no_edit_returns_the_page_itself() -> None:
    page = "<html></html>"
    assert apply(page, []) is page
