"""Share links: the networks, their URL formats and inline icons.

Every link is a plain ``<a>`` to the network's own share form: no script, no image and nothing
fetched when the page is viewed. The URL formats of the PaperMod networks are kept exactly, so
links shared from a migrated site look the same.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import Markup

if TYPE_CHECKING:
    from ..context import PageContext


@dataclass(frozen=True)
class Network:
    name: str
    """Name used in ``ShareButtons``."""
    label: str
    """Name shown to readers (in the link's ``aria-label``)."""
    url: str
    """Link template; ``{T}`` title, ``{U}`` page URL, ``{H}`` hashtags, ``{I}`` instance host."""
    icon: str
    """Inner SVG markup on a 24x24 grid, drawn with ``currentColor`` strokes."""


# Simple geometric marks, stroked so they follow the theme's text colour.
NETWORKS: tuple[Network, ...] = (
    Network(
        "x",
        "X",
        "https://x.com/intent/tweet/?text={T}&url={U}&hashtags={H}",
        '<path d="M6 5l12 14M18 5L6 19"/>',
    ),
    Network(
        "linkedin",
        "LinkedIn",
        "https://www.linkedin.com/shareArticle?mini=true&url={U}&title={T}&summary={T}&source={U}",
        '<rect x="3" y="3" width="18" height="18" rx="3"/>'
        '<path d="M8 11v6M8 7.5v.5M12 17v-6M12 13.5a2.5 2.5 0 0 1 5 0V17"/>',
    ),
    Network(
        "reddit",
        "Reddit",
        "https://reddit.com/submit?url={U}&title={T}",
        '<ellipse cx="12" cy="14" rx="8" ry="5.5"/><path d="M12 8.5l1.5-5 4 1"/>'
        '<circle cx="18.5" cy="4.5" r="1"/><path d="M9 13v.5M15 13v.5M9.5 16.5q2.5 1.5 5 0"/>',
    ),
    Network(
        "facebook",
        "Facebook",
        "https://facebook.com/sharer/sharer.php?u={U}",
        '<rect x="3" y="3" width="18" height="18" rx="3"/>'
        '<path d="M15 7.5h-1.5a2 2 0 0 0-2 2V21M9 12.5h5.5"/>',
    ),
    Network(
        "whatsapp",
        "WhatsApp",
        "https://api.whatsapp.com/send?text={T}%20-%20{U}",
        '<path d="M4 20l1.3-4A8 8 0 1 1 8 18.8z"/><path d="M9.5 9q0 5 5 5.5"/>',
    ),
    Network(
        "telegram",
        "Telegram",
        "https://telegram.me/share/url?text={T}&url={U}",
        '<path d="M21 4L3 11l6 2.5L18 7l-7 8 6 5z"/>',
    ),
    Network(
        "ycombinator",
        "Y Combinator",
        "https://news.ycombinator.com/submitlink?t={T}&u={U}",
        '<rect x="3" y="3" width="18" height="18" rx="2"/><path d="M8 7l4 5 4-5M12 12v6"/>',
    ),
    Network(
        "email",
        "email",
        "mailto:?subject={T}&body={U}",
        '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3.5 6l8.5 7 8.5-7"/>',
    ),
    Network(
        "bluesky",
        "Bluesky",
        "https://bsky.app/intent/compose?text={T}%20{U}",
        '<path d="M12 11C10 6 6 3.5 4 4.5S3.5 11 7 12.5C4.5 14 5 18 8 18s4-4 4-7z"/>'
        '<path d="M12 11c2-5 6-7.5 8-6.5s.5 6.5-3 8c2.5 1.5 2 5.5-1 5.5s-4-4-4-7z"/>',
    ),
    Network(
        "mastodon",
        "Mastodon",
        "https://{I}/share?text={T}%20{U}",
        '<path d="M5 6a3 3 0 0 1 3-3h8a3 3 0 0 1 3 3v7a3 3 0 0 1-3 3h-5q-2 0-2 2.5'
        'q3 .5 6 0M5 6v7a4 4 0 0 0 4 4"/><path d="M9 13V9.5a1.5 1.5 0 0 1 3 0V12'
        'M12 9.5a1.5 1.5 0 0 1 3 0V13"/>',
    ),
)

BY_NAME: dict[str, Network] = {network.name: network for network in NETWORKS}
ALIASES = {"twitter": "x", "hackernews": "ycombinator", "hn": "ycombinator", "mail": "email"}

_SVG = (
    '<svg class="hm-share-icon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" '
    'width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.8" '
    'stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">'
    "{}</svg>"
)


@dataclass(frozen=True)
class Button:
    """One share link, ready for the ``share.html`` template."""

    name: str
    href: str
    label: str
    icon: Markup

    @property
    def css_class(self) -> str:
        """``hm-share-NAME``, so one network can be styled or hidden."""
        return f"hm-share-{self.name}"


def encode(value: str) -> str:
    """Percent-encode one value for a URL query, ``/``, ``&``, ``:`` and spaces included."""
    return quote(value, safe="")


def hashtags(tags: list[str]) -> str:
    """Tags as hashtags: whitespace removed, joined by commas (as PaperMod does for x)."""
    return ",".join("".join(tag.split()) for tag in tags if tag.strip())


def instance_host(value: str | None) -> str:
    """The Mastodon host from ``mastodon.social``, ``https://mastodon.social/`` and the like."""
    host = (value or "").strip()
    for prefix in ("https://", "http://"):
        if host.lower().startswith(prefix):
            host = host[len(prefix) :]
    return host.strip("/")


def link_values(title: str, url: str, tags: list[str], instance: str = "") -> dict[str, str]:
    """What a network's URL format is filled with (``{T}``, ``{U}``, ``{H}``, ``{I}``), every
    value percent-encoded; worked out once per page, not once per network."""
    return {"T": encode(title), "U": encode(url), "H": encode(hashtags(tags)), "I": instance}


PAPERMOD_NETWORKS: tuple[str, ...] = (
    "x", "linkedin", "reddit", "facebook", "whatsapp", "telegram", "ycombinator",
)  # fmt: skip
"""PaperMod's own set and order, shown when ``ShareButtons`` is empty: a migrated site keeps
the links it had. The networks PaperMod lacks (email, Bluesky, Mastodon) are shown only when
``ShareButtons`` names them."""


def available() -> list[str]:
    """Networks shown when ``ShareButtons`` is empty, in the default order."""
    return list(PAPERMOD_NETWORKS)


def canonical(name: str) -> str:
    key = "".join(name.split()).lower()
    return ALIASES.get(key, key)


def choose(requested: list[str], instance: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Networks to show, in order, and ``(name, problem)`` for each unusable requested name."""
    if not requested:
        return available(), []
    chosen: list[str] = []
    problems: list[tuple[str, str]] = []
    for name in requested:
        key = canonical(name)
        if key not in BY_NAME:
            problems.append((name, _unknown(name)))
        elif key == "mastodon" and not instance:
            problems.append(
                (
                    name,
                    "'mastodon' needs `share.mastodon_instance` in the plugin "
                    "config (e.g. mastodon.social); no Mastodon link",
                )
            )
        elif key not in chosen:
            chosen.append(key)
    return chosen, problems


def _unknown(name: str) -> str:
    known = [*BY_NAME, *ALIASES]
    import difflib  # only for a misspelt network

    guess = difflib.get_close_matches(canonical(name), known, n=1, cutoff=0.6)
    if guess:
        return f"unknown share network '{name}' in ShareButtons; did you mean '{guess[0]}'?"
    return f"unknown share network '{name}' in ShareButtons; known networks: {', '.join(BY_NAME)}"


def shown(ctx: PageContext) -> bool:
    """``ShowShareButtons`` (page, then site) and not ``disableShare``."""
    return ctx.params.flag("ShowShareButtons") and not ctx.params.flag("disableShare")


def buttons(ctx: PageContext) -> list[Button]:
    """The page's share links, or none when they are off or the page has no absolute URL."""
    if not shown(ctx):
        return []
    url = ctx.absolute_url
    if not url:
        ctx.site.warn_config_once(
            "share:site_url",
            "share buttons need `site_url` (the links carry the "
            "page's absolute URL); none are shown until it is set",
        )
        return []
    instance = instance_host(ctx.options.share.mastodon_instance)
    names, problems = choose(ctx.params.texts("ShareButtons"), instance)
    for _name, problem in problems:
        if ctx.params.is_set("ShareButtons"):
            ctx.warn(problem, key="ShareButtons")
        else:
            ctx.site.warn_config_once(f"share:{problem}", f"plugins.hugo-meta.params: {problem}")
    title, tags = ctx.title, ctx.params.texts("tags")
    values = link_values(title, url, tags, instance)
    return [
        Button(
            name=network.name,
            href=network.url.format_map(values),
            label=ctx.labels("share_on", title=title, network=network.label),
            icon=_icon(network.icon),
        )
        for network in (BY_NAME[name] for name in names)
    ]


@functools.cache
def _icon(path: str) -> Markup:
    return Markup(_SVG.format(path))


def render(ctx: PageContext) -> str:
    found = buttons(ctx)
    return ctx.render("share.html", buttons=found) if found else ""
