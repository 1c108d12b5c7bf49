"""Video embeds: the URL/iframe recogniser, and real builds on every theme."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import SEED
from sitebuilder import THEMES, Site, build_site

from mkdocs_hugo_meta.shortcodes import video

OPTIONS = {"youtube_nocookie": True, "vimeo_dnt": True, "facade": True,
           "thumbnail_url": "https://i.ytimg.com/vi/{id}/hqdefault.jpg"}


@pytest.mark.parametrize(
    ("url", "provider", "video_id", "params"),
    [
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", {}),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=42&rel=0", "youtube", "dQw4w9WgXcQ",
         {"start": "42", "rel": "0"}),
        ("//www.youtube-nocookie.com/embed/dQw4w9WgXcQ?end=9", "youtube", "dQw4w9WgXcQ",
         {"end": "9"}),
        ("https://youtu.be/dQw4w9WgXcQ?t=1m5s&si=track", "youtube", "dQw4w9WgXcQ",
         {"start": "65"}),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30", "youtube", "dQw4w9WgXcQ",
         {"start": "30"}),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", {}),
        ("youtube.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ", {}),
        ("https://player.vimeo.com/video/146022717?h=abc123&color=ff0000", "vimeo",
         "146022717", {"h": "abc123", "color": "ff0000"}),
        ("https://vimeo.com/146022717", "vimeo", "146022717", {}),
        ("https://vimeo.com/146022717/0123abcdef", "vimeo", "146022717", {"h": "0123abcdef"}),
    ],
)
def test_recognised_urls_keep_their_parameters(
    url: str, provider: str, video_id: str, params: dict[str, str]
) -> None:
    embed = video.recognise(url)
    assert embed is not None
    assert (embed.provider, embed.video_id, embed.params) == (provider, video_id, params)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/channel/UC123",
        "https://www.youtube.com/watch",
        "https://player.vimeo.com/",
        "https://vimeo.com/channels/staff",
        "https://evil.com/?u=https://youtu.be/dQw4w9WgXcQ",
        "",
    ],
)
def test_other_urls_are_not_videos(url: str) -> None:
    assert video.recognise(url) is None


def test_vimeo_start_time_stays_in_the_fragment() -> None:
    embed = video.recognise("https://player.vimeo.com/video/1234567#t=1m2s")
    assert embed is not None
    assert video.player_url(embed, OPTIONS).endswith("?dnt=1#t=1m2s")


@pytest.mark.parametrize(
    ("named", "query"),
    [
        ({"id": "abcdefghijk"}, {}),
        ({"id": "abcdefghijk", "start": "30", "end": "60"}, {"start": ["30"], "end": ["60"]}),
        ({"id": "abcdefghijk", "autoplay": "true"}, {"autoplay": ["1"], "mute": ["1"]}),
        ({"id": "abcdefghijk", "mute": "true", "controls": "false"},
         {"mute": ["1"], "controls": ["0"]}),
        ({"id": "abcdefghijk", "loop": "true"}, {"loop": ["1"], "playlist": ["abcdefghijk"]}),
    ],
)
def test_youtube_shortcode_parameters_become_player_parameters(
    named: dict[str, str], query: dict[str, list[str]]
) -> None:
    embed = video.from_shortcode("youtube", [], named)
    url = urlsplit(video.player_url(embed, OPTIONS))
    assert url.hostname == "www.youtube-nocookie.com"
    assert parse_qs(url.query) == query


def test_iframe_rewrite_replaces_the_padding_wrapper_and_lazy_loads_others() -> None:
    source = (
        '<div style="position: relative; padding-bottom: 56.25%"><iframe '
        'src="https://youtu.be/dQw4w9WgXcQ?start=7" title="Mine"></iframe>\n</div>'
        '<div class="keep"><iframe src="https://player.vimeo.com/video/76979871"></iframe></div>'
        '<iframe src="https://maps.example.com/x"></iframe>'
        '<iframe src="https://maps.example.com/y" loading="eager"></iframe>'
    )
    seen: list[video.Embed] = []

    def render(embed: video.Embed) -> str:
        seen.append(embed)
        return f"[{embed.provider}:{embed.video_id}]"

    html, changed = video.rewrite_iframes(source, render)
    assert changed
    assert [(e.provider, e.title, e.params) for e in seen] == [
        ("youtube", "Mine", {"start": "7"}), ("vimeo", "", {})
    ]
    assert html.startswith('[youtube:dQw4w9WgXcQ]<div class="keep">[vimeo:76979871]</div>')
    assert '<iframe loading="lazy" src="https://maps.example.com/x">' in html
    assert '<iframe src="https://maps.example.com/y" loading="eager">' in html


# --- builds --------------------------------------------------------------------------------

CODES = """\
---
title: Every form
date: 2024-05-01
---

Positional: the first video.

{{< youtube w7Ft2ymGmfc >}}

Named, quoted and not:

{{< youtube id="dQw4w9WgXcQ" start=30 end="90" title="Named video" class=wide >}}

{{% youtube id=abcdefghijk loop=true mute="true" controls=false allowFullScreen=false %}}

{{< vimeo 146022717 >}}

{{< vimeo id="76979871" title="Vimeo named" >}}

<iframe src="https://youtu.be/zyxwvutsrqp?start=12" title="Pasted"></iframe>

<iframe src="https://player.vimeo.com/video/22439234?h=abc123" allowfullscreen></iframe>

<iframe src="https://maps.example.com/embed?pb=1"></iframe>

![type:video](https://www.youtube.com/watch?v=linkvideo01)

![type:video](clip.mp4)

{{< figure src="pic.png" caption="A *caption*" link="other.md" >}}

{{< highlight python >}}
print("hi")
{{< /highlight >}}

Read [the other post]({{< relref "other" >}}) or [this]({{< ref "/posts/other.md#part" >}}).

```
{{</* youtube ID */>}}
```

Inline `{{</* vimeo 1 */>}}` code.
"""

UNKNOWN = """\
---
title: Custom
---

Text.

Here is {{< myshortcode a="b" >}} in a line.

[Broken]({{< ref "nowhere" >}})
"""

EXPECTED = [
    # provider, id, host, params, fragment, title, facade
    ("youtube", "w7Ft2ymGmfc", "www.youtube-nocookie.com", {}, "YouTube video", True),
    ("youtube", "dQw4w9WgXcQ", "www.youtube-nocookie.com", {"start": ["30"], "end": ["90"]},
     "Named video", True),
    ("youtube", "abcdefghijk", "www.youtube-nocookie.com",
     {"loop": ["1"], "mute": ["1"], "controls": ["0"], "playlist": ["abcdefghijk"]},
     "YouTube video", True),
    ("vimeo", "146022717", "player.vimeo.com", {"dnt": ["1"]}, "Vimeo video", False),
    ("vimeo", "76979871", "player.vimeo.com", {"dnt": ["1"]}, "Vimeo named", False),
    ("youtube", "zyxwvutsrqp", "www.youtube-nocookie.com", {"start": ["12"]}, "Pasted", True),
    ("vimeo", "22439234", "player.vimeo.com", {"h": ["abc123"], "dnt": ["1"]}, "Vimeo video",
     False),
    ("youtube", "linkvideo01", "www.youtube-nocookie.com", {}, "YouTube video", True),
]


def player_iframe(box: Tag) -> Tag:
    """The iframe of a video block: inside the facade's <template>, or the block's own."""
    iframes = box.find_all("iframe")
    assert len(iframes) == 1
    return iframes[0]


def text_outside_code(soup: BeautifulSoup) -> str:
    for code in soup.find_all(["code", "pre"]):
        code.decompose()
    return soup.get_text()


@pytest.fixture(scope="module", params=THEMES)
def video_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """One site per theme with several pages, shared by the build tests below."""
    return build_site(
        tmp_path_factory.mktemp(f"video-{request.param}"),
        {
            "posts/seed.md": SEED.read_text(encoding="utf-8"),
            "posts/codes.md": CODES,
            "posts/other.md": "---\ntitle: Other\n---\n\n## Part\n\nNo video here.\n",
            "plain.md": "# No front matter\n\n{{< youtube dQw4w9WgXcQ >}}\n",
            "posts/unknown.md": UNKNOWN,
            "posts/pic.png": b"\x89PNG\r\n\x1a\n",
            "posts/clip.mp4": b"\x00",
        },
        theme=request.param,
        extra={"markdown_extensions": ["fenced_code"]},
    )


def test_seed_iframe_becomes_one_private_facade(video_site: Site) -> None:
    soup = video_site.html("posts/seed.md")
    boxes = soup.select("div.hm-video")
    assert len(boxes) == 1
    box = boxes[0]
    assert (box["data-provider"], box["data-video-id"]) == ("youtube", "dQw4w9WgXcQ")
    # The padding wrapper is gone, not nested around the new block.
    assert box.parent.name != "div" or "padding" not in box.parent.get("style", "")
    assert not soup.select('div[style*="padding-bottom"]')
    iframe = player_iframe(box)
    assert iframe.parent.name == "template"
    assert urlsplit(iframe["src"]).hostname == "www.youtube-nocookie.com"
    assert iframe["title"] == "YouTube video"
    assert iframe["referrerpolicy"] == "strict-origin-when-cross-origin"
    assert "fullscreen" in iframe["allow"]
    assert iframe.get("style") is None and box.get("style") is None
    button = box.find("button", class_="hm-video-play")
    assert button["type"] == "button" and button["aria-label"] == "Play video: YouTube video"
    assert box.find("img")["src"] == "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"
    assert box.find("noscript") is not None


def test_every_form_is_one_hm_video_with_its_provider_id_host_and_parameters(
    video_site: Site,
) -> None:
    soup = video_site.html("posts/codes.md")
    boxes = soup.select("div.hm-video:not(.hm-video-file)")
    found = []
    for box in boxes:
        iframe = player_iframe(box)
        url = urlsplit(iframe["src"])
        params = parse_qs(url.query)
        facade = box.has_attr("data-hm-facade")
        if facade:
            assert params.pop("autoplay") == ["1"]  # the click starts playback
        assert iframe["loading"] == "lazy"
        assert box.get("style") is None and iframe.get("style") is None
        found.append((box["data-provider"], box["data-video-id"], url.hostname, params,
                      iframe["title"], facade))
    assert found == EXPECTED
    assert "wide" in boxes[1]["class"]
    assert "fullscreen" not in player_iframe(boxes[2])["allow"]
    # The facade only where the YouTube player would otherwise load.
    assert all(b.find("button") is None for b in boxes if b["data-provider"] == "vimeo")


def test_other_content_shortcodes_and_no_literal_shortcodes_outside_code(
    video_site: Site,
) -> None:
    soup = video_site.html("posts/codes.md")
    lazy_map = soup.find("iframe", src=re.compile("maps.example.com"))
    assert lazy_map["loading"] == "lazy"
    clip = soup.select_one("div.hm-video-file video")
    assert clip["preload"] == "metadata" and clip.has_attr("controls")
    assert clip["src"] == "../clip.mp4"
    figure = soup.find("figure", class_="hm-figure")
    assert figure.find("img")["src"] == "../pic.png"
    assert figure.find("a")["href"] == "../other/"
    assert figure.find("figcaption").find("em").text == "caption"
    assert soup.find("code", class_="language-python").text.strip() == 'print("hi")'
    links = {a.text: a["href"] for a in soup.find_all("a") if a.text in ("the other post", "this")}
    assert links == {"the other post": "../other/", "this": "../other/#part"}
    codes = [c.text for c in soup.find_all("code")]
    assert "{{< youtube ID >}}\n" in codes and "{{< vimeo 1 >}}" in codes
    assert "{{<" not in text_outside_code(soup) and "{{%" not in text_outside_code(soup)
    assert "{{<" not in text_outside_code(video_site.html("posts/seed.md"))


def test_script_only_on_pages_with_a_facade(video_site: Site) -> None:
    def scripts(page: str) -> list[str]:
        return [s["src"] for s in video_site.html(page).find_all("script", src=True)
                if s["src"].endswith("hugo-meta/video.js")]

    assert scripts("posts/codes.md") == ["../../assets/hugo-meta/video.js"]
    assert scripts("posts/seed.md") == ["../../assets/hugo-meta/video.js"]
    assert scripts("posts/other.md") == []
    # A page without front matter keeps its theme's look, but its video still plays.
    assert scripts("plain.md") == ["../assets/hugo-meta/video.js"]
    assert (video_site.site_dir / "assets" / "hugo-meta" / "video.js").exists()


def test_unknown_shortcode_and_missing_ref_warn_with_file_and_line(video_site: Site) -> None:
    assert video_site.warnings_about("posts/unknown.md:7: unknown shortcode {{< myshortcode >}}")
    assert video_site.warnings_about("posts/unknown.md:9: {{< ref >}}: page 'nowhere' not found")
    ours = [w for w in video_site.warnings if "posts/codes.md" in w or "shortcode" in w]
    assert len(ours) == 1, video_site.warnings
    text = video_site.html("posts/unknown.md").get_text()
    assert '{{< myshortcode a="b" >}}' in text


def test_privacy_and_facade_can_be_turned_off(build: Callable[..., Any]) -> None:
    site = build(
        {"posts/v.md": "---\ntitle: V\n---\n{{< youtube w7Ft2ymGmfc >}}\n{{< vimeo 146022717 >}}"},
        plugin={"video": {"youtube_nocookie": False, "vimeo_dnt": False, "facade": False}},
    )
    soup = site.html("posts/v.md")
    srcs = [i["src"] for i in soup.select("div.hm-video > iframe")]
    assert srcs == ["https://www.youtube.com/embed/w7Ft2ymGmfc",
                    "https://player.vimeo.com/video/146022717"]
    assert soup.select("div.hm-video button, div.hm-video template") == []
    assert not [s for s in soup.find_all("script", src=True) if "video.js" in s["src"]]
