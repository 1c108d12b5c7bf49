"""`mkdocs serve` shows drafts, future and expired pages, each with the Draft badge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from servekit import get, serving
from sitebuilder import write_site

PAGES = {
    "posts/published.md": "---\ntitle: Published\ndate: 2020-01-01\n---\n\nOut already.\n",
    "posts/unpub-draft.md": "---\ntitle: Draft post\ndraft: true\n---\n\nNot yet.\n",
    "posts/unpub-future.md": "---\ntitle: Future post\ndate: 2999-01-01\n---\n\nLater.\n",
    "posts/unpub-expired.md": "---\ntitle: Expired post\nexpiryDate: 2001-01-01\n---\n\nGone.\n",
}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """Base URL of `mkdocs serve` running over a site with unpublished pages."""
    with serving(write_site(tmp_path, PAGES, theme="mkdocs")) as server:
        yield server.base


def test_serve_shows_unpublished_pages_with_badge(served: str) -> None:
    for name, reason in (("unpub-draft", "draft"), ("unpub-future", "future"),
                         ("unpub-expired", "expired")):  # fmt: skip
        status, body = get(f"{served}posts/{name}/")
        assert status == 200, name
        badge = BeautifulSoup(body, "html.parser").select_one(".hm-header .hm-draft")
        assert badge is not None, name
        assert badge.get("data-reason") == reason
    status, body = get(f"{served}posts/published/")
    assert status == 200
    assert BeautifulSoup(body, "html.parser").select_one(".hm-draft") is None
    # The generated list shows them too, each card with its badge; the feed never does.
    status, body = get(f"{served}posts/")
    assert status == 200
    cards = BeautifulSoup(body, "html.parser").select("article.hm-entry")
    badges = {
        card.select_one(".hm-entry-title").get_text(" ", strip=True): card.select_one(".hm-draft")
        for card in cards
    }
    assert {title for title, badge in badges.items() if badge is not None} == {
        "Draft post Draft", "Future post Draft", "Expired post Draft"
    }
    status, feed = get(f"{served}posts/index.xml")
    assert status == 200 and "Published" in feed and "Draft post" not in feed
