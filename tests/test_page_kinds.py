"""Which pages get the plugin's blocks: Hugo posts do, plain MkDocs pages keep their theme's
look; a page bundle is not its own breadcrumb; embeds add no words to the count."""

from __future__ import annotations

from collections.abc import Callable

from sitebuilder import Site

PARAMS = {"ShowReadingTime": True, "ShowShareButtons": True, "ShowPostNavLinks": True,
          "ShowBreadCrumbs": True, "ShowWordCount": True}  # fmt: skip


def test_plain_pages_bundles_and_embed_words(build: Callable[..., Site], theme: str) -> None:
    site = build(
        {
            "index.md": "# Welcome\n\nA plain home page.\n",
            "posts/bundle/index.md": "---\ntitle: Bundle\n---\n\nOne two three.\n",
            "posts/video.md": "---\ntitle: Video\n---\n\nFour five six.\n\n"
            "{{< youtube id=\"abc123\" title=\"Many words in this title\" >}}\n",
        },
        theme=theme,
        plugin={"params": PARAMS},
    )
    home = site.html("index.md")
    assert home.select('[class^="hm-"], [class*=" hm-"]') == []

    bundle = site.html("posts/bundle/index.md")
    crumbs = bundle.select_one(".hm-breadcrumbs")
    assert crumbs is not None
    parts = crumbs.select("a, span:not(.hm-breadcrumbs-sep)")
    assert [part.get_text(strip=True) for part in parts] == ["Home", "Posts"]

    words = site.html("posts/video.md").select_one(".hm-word-count")
    assert words is not None and words["data-words"] == "3"
