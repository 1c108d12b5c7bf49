"""Counting a paragraph's words for the automatic summary (the Hugo oracle tests in
``test_hugo_oracle_lists.py`` hold the summaries themselves to Hugo's)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_hugo_meta.lists import summaries

_WORD_PIECES = ["word", " ", "\n", "<p>", "</p>", "<em>", "</em>", "<a", 'href="x">', "=", ">",
                "<", "a=b", "<!-- c -->", "中文", "é", "\u3000", "<br>", "x<b>y</b>"]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(
    segment=st.lists(st.sampled_from(_WORD_PIECES), max_size=20).map("".join),
    cjk=st.booleans(),
)
def test_paragraph_words_add_each_tokens_words(segment: str, cjk: bool) -> None:
    """Counted at once, a paragraph's words are what its tokens give one by one (Hugo's rule
    in ``_token_words``); the segment's last character is not part of a token."""
    body_end = max(len(segment) - 1, 0)
    expected = sum(
        summaries._token_words(token.group(), cjk)
        for token in re.finditer(r"\S+", segment[:body_end])
    )
    assert summaries._paragraph_words(segment, 5, cjk) == 5 + expected
