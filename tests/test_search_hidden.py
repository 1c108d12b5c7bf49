"""searchHidden: built, but out of the search index of either search plugin, in any plugin order."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sitebuilder import Site

from mkdocs_hugo_meta.site import search_index


@pytest.mark.parametrize(
    ("location", "page"),
    [("posts/a/", "posts/a/"), ("posts/a/#part", "posts/a/"), ("", ""), ("#intro", ""),
     ("posts/a.html#x", "posts/a.html")],
)  # fmt: skip
def test_page_of(location: str, page: str) -> None:
    assert search_index.page_of(location) == page


def _write_index(site_dir: Path, data: object) -> Path:
    path = site_dir / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_remove_pages_keeps_other_entries_and_drops_a_prebuilt_index(tmp_path: Path) -> None:
    docs = [
        {"location": "", "title": "Home", "text": ""},
        {"location": "posts/a/", "title": "A", "text": ""},
        {"location": "posts/a/#part", "title": "Part", "text": ""},
        {"location": "posts/ab/", "title": "AB", "text": ""},
    ]
    path = _write_index(tmp_path, {"config": {"lang": ["en"]}, "docs": docs, "index": {}})
    assert search_index.remove_pages(tmp_path, {"posts/a/"}) == 2
    data = json.loads(path.read_text("utf-8"))
    assert [d["location"] for d in data["docs"]] == ["", "posts/ab/"]
    assert data["config"] == {"lang": ["en"]}
    assert "index" not in data


def test_remove_pages_leaves_unknown_shapes_alone(tmp_path: Path) -> None:
    assert search_index.remove_pages(tmp_path, {"posts/a/"}) == 0  # no index at all
    path = _write_index(tmp_path, ["not", "an", "index"])
    assert search_index.remove_pages(tmp_path, {"posts/a/"}) == 0
    assert json.loads(path.read_text("utf-8")) == ["not", "an", "index"]


HIDDEN = """\
---
title: Hidden notes
searchHidden: true
robotsNoIndex: true
---

Kettle descaling notes.

## Citric acid

Use a spoonful.
"""
SHOWN = """\
---
title: Shown notes
---

Tea steeping notes.

## Water temperature

Not boiling.
"""


@pytest.mark.parametrize("hugo_meta_first", [False, True], ids=["search-first", "hugo-meta-first"])
def test_hidden_pages_built_but_not_indexed(
    build: Callable[..., Site], theme: str, seed_post: str, hugo_meta_first: bool
) -> None:
    plugins: list[object] = ["search", {"hugo-meta": {}}]
    if hugo_meta_first:
        plugins.reverse()
    site = build(
        {"posts/hidden.md": HIDDEN, "posts/shown.md": SHOWN, "posts/seed.md": seed_post},
        theme=theme,
        extra={"plugins": plugins},
    )
    # built, with its content
    assert "Kettle descaling notes." in site.html("posts/hidden.md").get_text()
    assert site.path("posts/seed.md").exists()

    locations = [doc["location"] for doc in site.search_index()["docs"]]
    assert "posts/shown/" in locations
    assert any(loc.startswith("posts/shown/#") for loc in locations)
    assert not [loc for loc in locations if loc.startswith(("posts/hidden/", "posts/seed/"))]
    text = json.dumps(site.search_index())
    assert "Kettle descaling" not in text and "Citric acid" not in text

    robots = site.html("posts/hidden.md").select('meta[name="robots"]')
    assert [m.get("content") for m in robots] == ["noindex, nofollow"]
    assert not site.html("posts/shown.md").select('meta[name="robots"]')


def test_hidden_without_directory_urls(build: Callable[..., Site]) -> None:
    site = build(
        {"posts/hidden.md": HIDDEN, "posts/shown.md": SHOWN},
        extra={"use_directory_urls": False},
    )
    assert (site.site_dir / "posts/hidden.html").exists()
    locations = [doc["location"] for doc in site.search_index()["docs"]]
    assert "posts/shown.html" in locations
    assert not [loc for loc in locations if loc.startswith("posts/hidden.html")]
