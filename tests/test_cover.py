"""The cover banner: image sources, sizes from file headers, captions, de-duplication, safety."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from bs4 import Tag
from sitebuilder import THEMES, Site, build_site

from mkdocs_hugo_meta.render import cover


def png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + b"\x00" * 16)


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00" * 20


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + b"\x00" * 9
    exif = b"\xff\xe1" + struct.pack(">H", 2 + 300) + b"\x00" * 300
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + exif + sof + b"\xff\xd9"


def webp(kind: bytes, width: int, height: int) -> bytes:
    if kind == b"VP8X":
        body = b"\x00" * 4 + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    elif kind == b"VP8L":
        body = b"\x2f" + ((width - 1) | (height - 1) << 14).to_bytes(4, "little")
    else:
        body = b"\x00\x00\x00\x9d\x01\x2a" + struct.pack("<HH", width, height)
    chunk = kind + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk + b"\x00" * 8


@pytest.mark.parametrize(
    ("name", "data", "size"),
    [
        ("a.png", png(1200, 630), (1200, 630)),
        ("a.gif", gif(320, 200), (320, 200)),
        ("a.jpg", jpeg(800, 500), (800, 500)),
        ("lossy.webp", webp(b"VP8 ", 640, 480), (640, 480)),
        ("lossless.webp", webp(b"VP8L", 641, 3), (641, 3)),
        ("extended.webp", webp(b"VP8X", 4000, 3000), (4000, 3000)),
        ("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
        ("truncated.jpg", b"\xff\xd8\xff\xe0\x00", None),
        ("empty.png", b"", None),
    ],
)
def test_image_size(tmp_path: Path, name: str, data: bytes, size: tuple[int, int] | None) -> None:
    target = tmp_path / name
    target.write_bytes(data)
    assert cover.image_size(target) == size


@pytest.mark.parametrize(
    ("html", "src"),
    [
        ('<center>\n\t<img src="https://x.example/a?b=1&amp;c=2" alt="A">\n</center>',
         "https://x.example/a?b=1&c=2"),
        ('<p><img alt="" src="../images/p.png" /></p>', "../images/p.png"),
        ("<figure><img src='x.png'><figcaption>c</figcaption></figure>", "x.png"),
        ("\n  <img src=bare.png>", "bare.png"),
        ("<p>Text first</p><img src='x.png'>", None),
        ("<h2>Heading</h2>", None),
        ("", None),
    ],
)
def test_opening_image_src(html: str, src: str | None) -> None:
    assert cover.opening_image_src(html) == src


@pytest.mark.parametrize(
    ("caption", "html"),
    [
        ("Photo by *Ann*", "Photo by <em>Ann</em>"),
        ("[Source](https://x.example/?a=1&b=2)", '<a href="https://x.example/?a=1&amp;b=2">Source</a>'),
        ("Plain", "Plain"),
    ],
)
def test_caption_html(caption: str, html: str) -> None:
    assert cover.caption_html(caption) == html


THUMB = "https://images.example.com/th?q=Starter%20Smell&w=800&h=500"
PAGES: dict[str, str | bytes] = {
    "posts/images/pic.png": png(40, 30),
    "media/root.gif": gif(16, 9),
    "posts/local.md": """\
        ---
        title: Local cover
        cover:
          image: images/pic.png
          relative: true
          caption: "Photo by *Ann* & [Bob](https://bob.example/?a=1&b=2)"
        ---
        ![Another picture](https://other.example/p.png)

        Text.
        """,
    "posts/rooted.md": "---\ntitle: Rooted\ncover:\n  image: /media/root.gif\n  alt: Tiny\n---\n"
    "Text.\n",
    "posts/from-docs.md": "---\ntitle: From docs\nthumbnail: media/root.gif\n---\nText.\n",
    "posts/thumb.md": f"---\ntitle: 'Thumb \"<x>\"'\nthumbnail: '{THUMB}'\n---\nText.\n",
    "posts/dup-local.md": "---\ntitle: Dup\ncover:\n  image: images/pic.png\n  relative: true\n"
    "---\n![Same](images/pic.png)\n\nText.\n",
    "posts/hidden.md": f"---\ntitle: Hidden\ncover:\n  image: '{THUMB}'\n  hidden: true\n---\nT.\n",
    "posts/hidden-single.md": f"---\ntitle: Hidden single\ncover:\n  image: '{THUMB}'\n"
    "  hiddenInSingle: true\n---\nT.\n",
    "posts/unsafe.md": "---\ntitle: Unsafe\ncover:\n  image: 'javascript:alert(1)'\n---\nT.\n",
    "posts/data.md": "---\ntitle: Data\nthumbnail: 'data:text/html,<b>x</b>'\n---\nT.\n",
    "posts/missing.md": "---\ntitle: Missing\ncover:\n  image: nowhere/pic.png\n---\nT.\n",
}


@pytest.fixture(scope="module", params=THEMES)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp(f"cover-{request.param}")
    return build_site(root, PAGES, theme=request.param)


def figure(site: Site, page: str) -> Tag | None:
    found = site.html(page).find_all("figure", class_="hm-cover")
    assert len(found) <= 1
    return found[0] if found else None


def image(site: Site, page: str) -> Tag:
    fig = figure(site, page)
    assert fig is not None, page
    img = fig.find("img")
    assert isinstance(img, Tag)
    return img


def test_local_cover_with_size_and_caption(site: Site) -> None:
    img = image(site, "posts/local.md")
    assert img["src"] == "../images/pic.png"
    assert (img["width"], img["height"], img["loading"]) == ("40", "30", "eager")
    # No alt given: the caption's text.
    assert img["alt"] == "Photo by Ann & Bob"
    fig = figure(site, "posts/local.md")
    assert fig is not None
    caption = fig.find("figcaption")
    assert isinstance(caption, Tag) and caption.find("em") is not None
    link = caption.find("a")
    assert isinstance(link, Tag) and link["href"] == "https://bob.example/?a=1&b=2"
    assert (site.site_dir / "posts" / "images" / "pic.png").exists()


def test_paths_under_docs_and_alt(site: Site) -> None:
    img = image(site, "posts/rooted.md")
    assert (img["src"], img["alt"], img["width"], img["height"]) == (
        "../../media/root.gif", "Tiny", "16", "9")
    # Not found beside the page: found under docs/.
    assert image(site, "posts/from-docs.md")["src"] == "../../media/root.gif"


def test_thumbnail_is_a_cover_with_escaped_url(site: Site) -> None:
    img = image(site, "posts/thumb.md")
    assert img["src"] == THUMB
    assert img["alt"] == 'Thumb "<x>"'
    assert img.get("width") is None
    raw = site.text("posts/thumb.md")
    assert "th?q=Starter%20Smell&amp;w=800&amp;h=500" in raw
    assert "alt=\"Thumb &#34;&lt;x&gt;&#34;\"" in raw or 'alt="Thumb &quot;&lt;x&gt;&quot;"' in raw


def test_not_repeated_when_the_content_opens_with_it(site: Site, tmp_path: Path,
                                                      seed_post: str) -> None:
    assert figure(site, "posts/dup-local.md") is None
    # A different opening image does not count.
    assert figure(site, "posts/local.md") is not None
    seeded = build_site(tmp_path, {"posts/seed.md": seed_post}, theme="mkdocs")
    soup = seeded.html("posts/seed.md")
    assert soup.find("figure", class_="hm-cover") is None
    assert len(soup.find_all("img", src=lambda s: bool(s) and s.startswith(
        "https://images.example.com/th?"))) == 1


def test_hidden(site: Site) -> None:
    assert figure(site, "posts/hidden.md") is None
    assert figure(site, "posts/hidden-single.md") is None


def test_unsafe_urls_refused_with_one_warning(site: Site) -> None:
    assert figure(site, "posts/unsafe.md") is None
    assert figure(site, "posts/data.md") is None
    for page, scheme in (("posts/unsafe.md", "javascript"), ("posts/data.md", "data")):
        found = site.warnings_about(f"{page}:")
        assert len([w for w in found if f"'{scheme}:'" in w]) == 1, site.warnings
    assert "javascript:" not in site.text("posts/unsafe.md")


def test_missing_local_image_warns_and_keeps_the_value(site: Site) -> None:
    assert image(site, "posts/missing.md")["src"] == "nowhere/pic.png"
    found = site.warnings_about("posts/missing.md:")
    assert len(found) == 1 and "not found" in found[0]
