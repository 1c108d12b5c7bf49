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
    if theme == "readthedocs":
        # The theme's own trail stands right above the content: ours steps aside.
        assert bundle.select_one(".hm-breadcrumbs") is None
        assert bundle.select_one(".wy-breadcrumbs") is not None
        bundle = build(
            {"posts/bundle/index.md": "---\ntitle: Bundle\n---\n\nOne two three.\n"},
            theme=theme,
            plugin={"params": PARAMS, "step_aside": False},
        ).html("posts/bundle/index.md")
    crumbs = bundle.select_one(".hm-breadcrumbs")
    assert crumbs is not None
    parts = crumbs.select("a, span:not(.hm-breadcrumbs-sep)")
    assert [part.get_text(strip=True) for part in parts] == ["Home", "Posts"]

    words = site.html("posts/video.md").select_one(".hm-word-count")
    assert words is not None and words["data-words"] == "3"


def test_figure_with_a_missing_image_warns(build: Callable[..., Site]) -> None:
    site = build(
        {
            "posts/fig.md": "---\ntitle: Fig\n---\n\nText.\n\n"
            '{{< figure src="/images/there.png" caption="here" >}}\n\n'
            '{{< figure src="/images/gone.png" caption="gone" >}}\n',
            "images/there.png": b"\x89PNG\r\n\x1a\n",
        }
    )
    ours = [w for w in site.warnings if "posts/fig.md" in w]
    assert ours == [
        "mkdocs_hugo_meta: posts/fig.md:9: '/images/gone.png' was not found under docs/; "
        "used as written"
    ]
    sources = [img["src"] for img in site.html("posts/fig.md").select("figure.hm-figure img")]
    assert sources == ["../../images/there.png", "/images/gone.png"]
