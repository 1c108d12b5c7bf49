"""What a written page leaves behind: every page lives until the build ends, so once a page is
written its ``page.content`` and ``page.toc`` go back to the post as the search plugins saw it,
without the plugin's blocks and sidebar entries (which only the theme's template needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitebuilder import THEMES, build_site

# A hook that runs after every page is written and reports what each page still holds.
HOOK = '''
import json, os
pages = []

def on_nav(nav, config, files):
    pages.extend(nav.pages)

def on_post_build(config):
    found = {page.file.src_uri: [page.content or "", len(page.toc)] for page in pages}
    with open(os.path.join(config.site_dir, "contents.json"), "w") as out:
        json.dump(found, out)
'''

POST = """\
---
title: Post
date: 2024-05-03
showToc: true
ShowShareButtons: true
tags: [one]
---
Text of the post.

## Part

More text.
"""

# Raw HTML headings: MkDocs' TOC is empty, the theme's sidebar gets the box's headings.
RAW = """\
---
title: Raw
showToc: true
---
<h2>First raw</h2>

Words.

<h2>Second raw</h2>
"""


@pytest.mark.parametrize("theme", THEMES)
def test_written_pages_keep_the_post_without_the_blocks(tmp_path: Path, theme: str) -> None:
    (tmp_path / "hooks.py").write_text(HOOK, encoding="utf-8")
    site = build_site(tmp_path, {"posts/a.md": POST, "posts/raw.md": RAW}, theme=theme,
                      extra={"hooks": ["hooks.py"]})
    written = site.html("posts/a.md")
    for block in ("hm-header", "hm-toc", "hm-footer"):
        assert written.select(f".{block}"), f"the page was written without {block}"
    kept = json.loads((site.site_dir / "contents.json").read_text(encoding="utf-8"))
    content, toc_entries = kept["posts/a.md"]
    assert "Text of the post." in content and "More text." in content
    for block in ("hm-header", "hm-toc", "hm-footer", "hm-share"):
        assert block not in content
    assert toc_entries == 1  # MkDocs' own TOC of the Markdown headings
    if theme == "mkdocs":  # its sidebar lists the raw headings it was given
        sidebar = site.html("posts/raw.md").select(".bs-sidebar a")
        assert "Second raw" in [a.get_text(strip=True) for a in sidebar]
    assert kept["posts/raw.md"][1] == 0
