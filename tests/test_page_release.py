"""What a written page leaves behind: every page lives until the build ends, so once a page is
written its ``page.content`` goes back to the post as the search plugins saw it, without the
plugin's blocks (which only the theme's template needed)."""

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
    found = {page.file.src_uri: page.content or "" for page in pages}
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


@pytest.mark.parametrize("theme", THEMES)
def test_written_pages_keep_the_post_without_the_blocks(tmp_path: Path, theme: str) -> None:
    (tmp_path / "hooks.py").write_text(HOOK, encoding="utf-8")
    site = build_site(tmp_path, {"posts/a.md": POST}, theme=theme,
                      extra={"hooks": ["hooks.py"]})
    written = site.html("posts/a.md")
    for block in ("hm-header", "hm-toc", "hm-footer"):
        assert written.select(f".{block}"), f"the page was written without {block}"
    kept = json.loads((site.site_dir / "contents.json").read_text(encoding="utf-8"))["posts/a.md"]
    assert "Text of the post." in kept and "More text." in kept
    for block in ("hm-header", "hm-toc", "hm-footer", "hm-share"):
        assert block not in kept
