"""The cover banner from ``cover.image`` or ``thumbnail``, and the page's image for link previews.

An image may be a URL, a path relative to the page (``cover.relative``, or when the file is
found there) or a path under ``docs/``. Local images get their width and height from the first
bytes of the file, so the browser reserves the space before the image arrives.
"""

from __future__ import annotations

import html as htmllib
import re
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

from ..context import PageContext
from ..markup import attributes, inline, text, urls


@dataclass(frozen=True)
class Image:
    """An image resolved for one page."""

    source: str
    """The value as written in front matter."""
    url: str
    """URL to use in the page (relative to the page for local files)."""
    absolute: str | None
    """Absolute URL (for ``og:image``), ``None`` when a local file and no ``site_url``."""
    size: tuple[int, int] | None = None
    site_path: str | None = None
    """Path under the site root for a local file (list pages link it from their own URL)."""


def resolve(ctx: PageContext, value: str, *, relative: bool, key: str) -> Image | None:
    """Resolve an image value for this page, or ``None`` (with a warning) when it is unsafe.

    A problem with a value the page took from the site's ``params`` is reported once, against
    mkdocs.yml, not against every page that shows it.
    """
    value = value.strip()
    if not value:
        return None

    def warn(message: str) -> None:
        if ctx.params.is_set(key):
            ctx.warn(message, key.split(".")[0])  # the page reports each problem once
        else:
            ctx.site.warn_config_once(f"image:{message}", f"plugins.hugo-meta.params: {message}")

    scheme = urls.scheme_of(value)
    if scheme or value.startswith("//"):
        if not urls.is_safe_image(value):
            warn(f"'{key}' uses a '{text.show(scheme, 20)}:' URL, which is not allowed for "
                 "images; ignored")
            return None
        absolute = "https:" + value if value.startswith("//") else value
        return Image(value, value, absolute)
    path, _, rest = value.partition("?")
    path, _, fragment = path.partition("#")
    suffix = ("?" + rest if rest else "") + ("#" + fragment if fragment else "")
    target = _local_path(ctx, path, relative)
    if target is None:
        warn(f"'{key}' image '{text.show(value, 80)}' was not found under docs/; used as written")
        return Image(value, value, urljoin(ctx.absolute_url, value) if ctx.absolute_url else None)
    site_path = target.relative_to(Path(ctx.site.config.docs_dir).resolve()).as_posix()
    url = get_relative_url(site_path, ctx.page.url) + suffix
    base = ctx.site.site_url
    full = urljoin(base, site_path) + suffix if base else None
    return Image(value, url, full, image_size(target), site_path + suffix)


def _local_path(ctx: PageContext, path: str, relative: bool) -> Path | None:
    """The file under docs/ that ``path`` names, trying the page's folder first when relative."""
    docs = Path(ctx.site.config.docs_dir).resolve()
    page_dir = PurePosixPath(ctx.page.file.src_uri).parent
    candidates: list[Path] = []
    if path.startswith("/"):
        candidates.append(docs / path.lstrip("/"))
    else:
        from_page = docs / page_dir / path
        from_root = docs / path
        candidates += [from_page, from_root] if relative else [from_root, from_page]
    for candidate in candidates:
        try:
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(docs):
                return resolved
        except (OSError, ValueError):  # a NUL or an unencodable character names no file
            continue
    return None


def page_image(ctx: PageContext) -> Image | None:
    """The page's cover: ``cover.image``, else ``thumbnail`` (cached per page)."""
    if ctx.cover_known:
        return ctx.cover_image
    image: Image | None = None
    relative = ctx.params.flag("cover.relative")
    for key in ("cover.image", "thumbnail"):
        value = ctx.params.text(key)
        if value.strip():
            image = resolve(ctx, value, relative=relative, key=key)
            break
    ctx.cover_image, ctx.cover_known = image, True
    return image


# ---------------------------------------------------------------- image sizes


def image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG or WebP file from its header, or ``None``."""
    try:
        with path.open("rb") as stream:
            head = stream.read(32)
            if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
                width, height = struct.unpack(">II", head[16:24])
                return width, height
            if head[:6] in (b"GIF87a", b"GIF89a"):
                width, height = struct.unpack("<HH", head[6:10])
                return width, height
            if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
                return _webp_size(head)
            if head.startswith(b"\xff\xd8"):
                return _jpeg_size(stream)
    except (OSError, struct.error):
        return None
    return None


def _webp_size(head: bytes) -> tuple[int, int] | None:
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and head[20:21] == b"\x2f":
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
        return width, height
    return None


def _jpeg_size(stream: BinaryIO) -> tuple[int, int] | None:
    # Walk the segments, skipping each by its length, until a start-of-frame marker.
    stream.seek(2)
    while True:
        marker = stream.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        code = marker[1]
        if code == 0xFF:
            stream.seek(-1, 1)
            continue
        if code in (0xD8, 0x01) or 0xD0 <= code <= 0xD7:
            continue
        length_bytes = stream.read(2)
        if len(length_bytes) < 2:
            return None
        length = struct.unpack(">H", length_bytes)[0]
        if 0xC0 <= code <= 0xCF and code not in (0xC4, 0xC8, 0xCC):
            frame = stream.read(5)
            if len(frame) < 5:
                return None
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        stream.seek(length - 2, 1)


# ---------------------------------------------------------------- banner

# Wrappers PaperMod posts and Markdown put around an opening image.
_OPENING_IMAGE = re.compile(
    r"\s*(?:<(?:center|p|figure|div|a)\b[^>]*>\s*)*<img\b([^>]*)>", re.IGNORECASE
)


def opening_image_src(body_html: str) -> str | None:
    """The ``src`` of an image the content opens with (HTML entities decoded), or ``None``."""
    match = _OPENING_IMAGE.match(body_html)
    if not match:
        return None
    src = attributes.parse(f"<img {match.group(1)}>").get("src")
    return src.strip() if src is not None else None


def _same_image(src: str, image: Image, ctx: PageContext) -> bool:
    candidates = {image.source, image.url, htmllib.unescape(image.source)}
    if image.absolute:
        candidates.add(image.absolute)
    if src in candidates:
        return True
    # A relative src in the content, resolved against the page's URL, naming the same file.
    if image.absolute and ctx.absolute_url and not urlsplit(src).scheme:
        return urljoin(ctx.absolute_url, src) == image.absolute
    return False


def caption_html(caption: str) -> str:
    """A caption rendered as inline Markdown, raw HTML escaped like every front-matter text."""
    return str(inline.render(caption))


def render(ctx: PageContext, body_html: str) -> str:
    """The ``hm-cover`` figure, or "" when hidden, absent or already opening the content."""
    if not ctx.options.header.enabled:
        return ""
    if ctx.params.flag("cover.hidden") or ctx.params.flag("cover.hiddenInSingle"):
        return ""
    image = page_image(ctx)
    if image is None:
        return ""
    opening = opening_image_src(body_html)
    if opening is not None and _same_image(opening, image, ctx):
        return ""
    caption = ctx.params.text("cover.caption").strip()
    rendered_caption = caption_html(caption) if caption else ""
    alt = ctx.params.text("cover.alt").strip()
    if not alt and rendered_caption:
        alt = text.text_of(rendered_caption).strip()
    return ctx.render(
        "cover.html",
        src=image.url,
        alt=alt or ctx.title,
        size=image.size,
        caption=rendered_caption,
    )
