"""``searchHidden``: the page's entries taken out of the written search index.

MkDocs' ``search`` plugin and Material's both write ``search/search_index.json`` with a
``docs`` list whose entries carry a ``location`` (``posts/a/`` or ``posts/a/#section``). Filtering
the written file after every plugin's ``on_post_build`` works whichever plugin made it and
whatever order the plugins are listed in.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

INDEX_PATH = Path("search") / "search_index.json"


def page_of(location: str) -> str:
    """The page URL of an index entry's location (``posts/a/#intro`` -> ``posts/a/``)."""
    return location.split("#", 1)[0]


def remove_pages(site_dir: str | Path, urls: Collection[str]) -> int:
    """Drop every entry of the pages at ``urls`` from the index; return how many were dropped."""
    path = Path(site_dir) / INDEX_PATH
    if not urls or not path.is_file():
        return 0
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    docs = data.get("docs") if isinstance(data, dict) else None
    if not isinstance(docs, list):
        return 0
    kept = [
        doc
        for doc in docs
        if not (isinstance(doc, dict) and page_of(str(doc.get("location", ""))) in urls)
    ]
    dropped = len(docs) - len(kept)
    if dropped:
        data["docs"] = kept
        # A prebuilt lunr index (MkDocs' `prebuild_index`) would still find the pages: without
        # it the browser builds the index from `docs`.
        data.pop("index", None)
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return dropped
