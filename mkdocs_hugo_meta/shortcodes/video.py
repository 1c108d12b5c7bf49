"""YouTube and Vimeo embeds: one model for shortcodes, pasted iframes and video links.

Whatever the source, a video becomes an :class:`Embed`, rendered by ``hugo_meta/video.html`` into
one ``hm-video`` block: a privacy-enhanced player URL, a title, lazy loading, and for YouTube a
click-to-load facade whose small script is added only to pages that have one.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..markup import attributes
from ..markup.text import Finder
from ..render import assets
from .specs import CHOICE, FLAG, SECONDS, Param, ShortcodeError, Spec, flag, seconds

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

DEFAULTS: dict[str, Any] = {
    "youtube_nocookie": True,
    "vimeo_dnt": True,
    "facade": True,
    "thumbnail_url": "https://i.ytimg.com/vi/{id}/hqdefault.jpg",
}
"""The plugin's ``video:`` options with their defaults, as ``config.VideoConfig`` declares them
(a test holds the two alike): the Markdown extension takes the same options without MkDocs."""

SCRIPT = "video.js"
FACADE_MARKER = "data-hm-facade"
"""Attribute on a facade block; a page whose content has it gets the script."""

YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtube-nocookie.com", "music.youtube.com"}
YOUTUBE_ALLOW = (
    "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; "
    "web-share"
)
REFERRER_POLICY = "strict-origin-when-cross-origin"
DEFAULT_TITLES = {"youtube": "YouTube video", "vimeo": "Vimeo video"}
PROVIDER_NAMES = {"youtube": "YouTube", "vimeo": "Vimeo"}
VIDEO_FILE = re.compile(r"\.(mp4|webm|ogg|ogv|m4v|mov)$", re.IGNORECASE)
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{2,64}$")
# Share-tracking parameters that add nothing to the embed.
_DROPPED = {"si", "feature", "pp"}


class VideoError(ShortcodeError):
    """A shortcode's parameters do not describe a video (the message says why)."""


@dataclass
class Embed:
    """A video on one of the supported hosts."""

    provider: str
    video_id: str
    params: dict[str, str] = field(default_factory=dict)
    """Player URL query parameters, in order."""
    fragment: str = ""
    title: str = ""
    css_class: str = ""
    loading: str = "lazy"
    allow_fullscreen: bool = True

    @property
    def autoplay(self) -> bool:
        return self.params.get("autoplay") == "1"


def recognise(url: str) -> Embed | None:
    """The embed a YouTube or Vimeo URL (player, watch or short link) points to, else ``None``."""
    parts = urlsplit(url if "//" in url else "https://" + url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = [p for p in parts.path.split("/") if p]
    query = {k: v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in _DROPPED}
    video_id = None
    if host in YOUTUBE_HOSTS:
        if len(path) >= 2 and path[0] in ("embed", "shorts", "live", "v", "e"):
            video_id = path[1]
        elif path == ["watch"]:
            video_id = query.pop("v", None)
        provider = "youtube"
    elif host == "youtu.be" and path:
        video_id, provider = path[0], "youtube"
    elif host == "player.vimeo.com" and len(path) >= 2 and path[0] == "video":
        video_id, provider = path[1], "vimeo"
    elif host == "vimeo.com" and path and path[0].isdigit():
        video_id, provider = path[0], "vimeo"
        if len(path) > 1 and re.match(r"^[0-9a-f]{6,}$", path[1]):
            query.setdefault("h", path[1])  # unlisted videos carry their hash in the path
    else:
        return None
    if not video_id or not _VIDEO_ID.match(video_id):
        return None
    if provider == "youtube" and "t" in query and "start" not in query:
        start = query.pop("t")
        # A `t` YouTube cannot read either ("30sec"): the video starts at the beginning.
        with contextlib.suppress(ShortcodeError):
            query["start"] = str(seconds(start))
    return Embed(provider, video_id, query, fragment=parts.fragment)


_PLAYER_PARAMS = (
    Param("id"), Param("class"), Param("title"),
    Param("start", SECONDS), Param("end", SECONDS),
    Param("autoplay", FLAG), Param("mute", FLAG), Param("loop", FLAG), Param("controls", FLAG),
    Param("allowFullScreen", FLAG), Param("loading", CHOICE, ("lazy", "eager")),
)
SPECS: dict[str, Spec] = {
    # Positional order as in Hugo's templates: id, class (and title for Vimeo).
    "youtube": Spec("youtube", _PLAYER_PARAMS, ("id", "class"), strict=True),
    "vimeo": Spec("vimeo", _PLAYER_PARAMS, ("id", "class", "title"), strict=True),
}
"""Hugo's ``youtube`` and ``vimeo`` shortcodes."""


def from_shortcode(
    provider: str, positional: list[str], named: Mapping[str, str]
) -> Embed:
    """The embed of ``{{< youtube … >}}`` / ``{{< vimeo … >}}`` (Hugo's parameters, §3.2)."""
    return from_arguments(provider, SPECS[provider].arguments(positional, named))


def from_arguments(provider: str, args: Mapping[str, str]) -> Embed:
    """The embed of a video shortcode whose parameters its spec has checked."""
    video_id = (args.get("id") or "").strip()
    if not video_id:
        raise VideoError("the video id is missing")
    if not _VIDEO_ID.match(video_id):
        raise VideoError(f"{video_id!r} is not a video id")
    autoplay = flag(args, "autoplay", False)
    mute = flag(args, "mute", False) or autoplay  # browsers only autoplay muted video
    loop = flag(args, "loop", False)
    controls = flag(args, "controls", True)
    start = seconds(args.get("start") or "0")
    end = seconds(args.get("end") or "0")
    params: dict[str, str] = {}
    fragment = ""
    if provider == "youtube":
        for key, value in (
            ("autoplay", "1" if autoplay else None),
            ("controls", None if controls else "0"),
            ("end", str(end) if end else None),
            ("loop", "1" if loop else None),
            ("mute", "1" if mute else None),
            ("playlist", video_id if loop else None),
            ("start", str(start) if start else None),
        ):
            if value is not None:
                params[key] = value
    else:
        for key, value in (
            ("autoplay", "1" if autoplay else None),
            ("controls", None if controls else "0"),
            ("loop", "1" if loop else None),
            ("muted", "1" if mute else None),
        ):
            if value is not None:
                params[key] = value
        fragment = f"t={start}s" if start else ""
    return Embed(
        provider,
        video_id,
        params,
        fragment=fragment,
        title=args.get("title") or "",
        css_class=args.get("class") or "",
        loading=(args.get("loading") or "lazy").strip().lower(),
        allow_fullscreen=flag(args, "allowFullScreen", True),
    )


def player_url(embed: Embed, options: Mapping[str, Any], *, autoplay: bool = False) -> str:
    """The player URL, on the privacy-enhanced host unless the site turned that off."""
    params = dict(embed.params)
    if embed.provider == "youtube":
        host = "www.youtube-nocookie.com" if options["youtube_nocookie"] else "www.youtube.com"
        base = f"https://{host}/embed/{embed.video_id}"
    else:
        base = f"https://player.vimeo.com/video/{embed.video_id}"
        if options["vimeo_dnt"]:
            params["dnt"] = "1"
    if autoplay:
        params["autoplay"] = "1"
    query = urlencode(params)
    return base + (f"?{query}" if query else "") + (f"#{embed.fragment}" if embed.fragment else "")


def watch_url(embed: Embed) -> str:
    """The video's own page, for readers without JavaScript."""
    if embed.provider == "youtube":
        start = embed.params.get("start")
        suffix = f"&t={start}s" if start else ""
        return f"https://www.youtube.com/watch?v={embed.video_id}{suffix}"
    return f"https://vimeo.com/{embed.video_id}"


def template_values(embed: Embed, options: Mapping[str, Any]) -> dict[str, Any]:
    """What ``hugo_meta/video.html`` renders."""
    facade = bool(options["facade"]) and embed.provider == "youtube" and not embed.autoplay
    allow = YOUTUBE_ALLOW if embed.provider == "youtube" else ""
    if embed.provider == "vimeo" and embed.autoplay:
        allow = "autoplay"
    if embed.allow_fullscreen:
        allow = f"{allow}; fullscreen" if allow else "fullscreen"
    return {
        "embed": embed,
        "provider_name": PROVIDER_NAMES[embed.provider],
        "title": embed.title or DEFAULT_TITLES[embed.provider],
        "src": player_url(embed, options, autoplay=facade),
        "allow": allow,
        "referrerpolicy": REFERRER_POLICY,
        "facade": facade,
        "thumbnail": str(options["thumbnail_url"]).replace("{id}", embed.video_id),
        "watch_url": watch_url(embed),
    }


# --- Raw iframes ----------------------------------------------------------------------------

# Attributes do not run past a "<", so a stray quote costs one tag, not the rest of the block.
_ATTRS = r"""(?:[^<>"']|"[^<"]*"|'[^<']*')*"""
_IFRAME_OPEN = re.compile(
    rf"(?P<wrap><div\b{_ATTRS}>\s*)?<iframe\b{_ATTRS}>", re.IGNORECASE
)
_IFRAME_CLOSE = re.compile(r"</iframe\s*>", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"\s*</div\s*>", re.IGNORECASE)
_PADDING_STYLE = re.compile(r"padding(?:-bottom|-top)?\s*:\s*[\d.]+%", re.IGNORECASE)


def from_iframe(tag: str) -> Embed | None:
    """The embed a pasted ``<iframe>`` shows, when its ``src`` is a YouTube or Vimeo player."""
    attrs = attributes.parse(tag)
    embed = recognise(attrs.get("src") or "")
    if embed is None:
        return None
    embed.title = (attrs.get("title") or "").strip()
    allow = (attrs.get("allow") or "").lower()
    embed.allow_fullscreen = "allowfullscreen" in attrs or "fullscreen" in allow
    return embed


def rewrite_iframes(html: str, render: Callable[[Embed], str]) -> tuple[str, bool]:
    """Replace video iframes (and their padding wrapper div) in ``html`` with ``render(embed)``;
    add ``loading="lazy"`` to other iframes. Returns the HTML and whether anything changed.

    Linear in ``html``: each iframe's closing tag is found by one forward search, and an iframe
    left unclosed ends the work (no later one can be closed either).
    """
    closing = Finder(html, _IFRAME_CLOSE)
    out: list[str] = []
    pos = 0
    while True:
        opening = _IFRAME_OPEN.search(html, pos)
        if opening is None:
            break
        close = closing.next(opening.end())
        if close is None:
            break
        wrap = opening.group("wrap") or ""
        iframe = html[opening.start() + len(wrap) : close.end()]
        unwrap_match = _DIV_CLOSE.match(html, close.end())
        unwrap = unwrap_match.group(0) if unwrap_match else ""
        out.append(html[pos : opening.start()])
        out.append(_rewritten(wrap, iframe, unwrap, render))
        pos = close.end() + len(unwrap)
    if not out:
        return html, False
    out.append(html[pos:])
    result = "".join(out)
    return result, result != html


def _rewritten(wrap: str, iframe: str, unwrap: str, render: Callable[[Embed], str]) -> str:
    """One iframe (with the wrapper around it) as it goes into the page."""
    embed = from_iframe(iframe)
    if embed is None:
        if "loading" in attributes.parse(iframe):
            return wrap + iframe + unwrap
        return wrap + iframe[:7] + ' loading="lazy"' + iframe[7:] + unwrap
    style = (attributes.parse(wrap).get("style") or "") if wrap else ""
    if wrap and unwrap and _PADDING_STYLE.search(style):
        return render(embed)
    return wrap + render(embed) + unwrap


# --- Page level -----------------------------------------------------------------------------


def script_tag(page: Page) -> str:
    """The facade script for a page whose content has a facade, else "".

    It goes at the end of the content rather than before ``</body>``: editing the finished
    page would copy it once more, and a page of a large site is large (it carries the nav).
    Loaded twice (say, also from ``extra_javascript``), it still starts each video once.
    """
    if FACADE_MARKER not in (page.content or ""):
        return ""
    return f'<script src="{assets.script_url(SCRIPT, page.url)}" defer></script>'
