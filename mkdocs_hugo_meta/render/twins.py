"""Python twins of the package's per-page templates, for the case nobody overrides them.

Every post renders up to eight small templates, and through Jinja2 (context set-up, loop
objects, attribute lookups) they were about a third of what the plugin cost per page; a list
page renders one card (``entry.html``) per post it lists. When the
theme's dirs resolve ``hugo_meta/NAME`` to the package's own file, ``templates.Templates`` calls
the function here instead; a template copied to ``custom_dir`` is rendered by Jinja2 as before.
Each function returns exactly what its template renders, stripped, for the same values:
``tests/test_quickmarkup.py`` renders both with generated values and compares them, so a change
to a template must be made here too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import escape

from .labels import Labels

_CRUMB_SEP = '<span class="hm-breadcrumbs-sep" aria-hidden="true"> &rsaquo; </span>'
_META_SEP = "&nbsp;&middot;&nbsp;"


def _e(value: Any) -> str:
    """What ``{{ value }}`` prints under autoescaping (markup stays as it is)."""
    return str(escape(value))

def _draft_badge(draft: Any, labels: Any) -> str:
    """The Draft badge of a header or a card ("" for a published page)."""
    if not draft:
        return ""
    return f'<span class="hm-draft" data-reason="{_e(draft)}">{labels.escaped("draft")}</span>'



def _attrs(attrs: Mapping[str, Any]) -> str:
    return "".join(f' {_e(name)}="{_e(value)}"' for name, value in attrs.items())


def header(*, labels: Labels, crumbs: Any, title: Any, draft: Any, description: Any,
           parts: Any, **_: Any) -> str:
    out = ['<header class="hm-header">\n']
    if crumbs:
        links: list[str] = []
        for crumb in crumbs:
            if links:
                links.append(_CRUMB_SEP)
            if crumb.href:
                links.append(f'<a href="{_e(crumb.href)}">{_e(crumb.title)}</a>')
            else:
                links.append(f"<span>{_e(crumb.title)}</span>")
        label = labels.escaped("breadcrumbs_label")
        out.append(f'<nav class="hm-breadcrumbs" aria-label="{label}">')
        out.extend(links)
        out.append("</nav>\n")
    badge = _draft_badge(draft, labels)
    if title:
        out.append(f'<h1 class="hm-title">{_e(title)}{" " + badge if badge else ""}</h1>\n')
    elif draft:
        out.append(f'<p class="hm-badges">{badge}</p>\n')
    if description:
        out.append(f'<p class="hm-description">{_e(description)}</p>\n')
    if parts:
        out.append('<div class="hm-meta">')
        for index, part in enumerate(parts):
            if index:
                sep = "&nbsp;|&nbsp;" if part.after_bar else _META_SEP
                out.append(f'<span class="hm-sep" aria-hidden="true">{sep}</span>')
            text = _e(part.text)
            if part.kind == "date":
                out.append(f'<time class="hm-date"{_attrs(part.attrs)}>{text}</time>')
            elif part.href:
                out.append(f'<a class="hm-{_e(part.kind)}" href="{_e(part.href)}" '
                           f'rel="noopener noreferrer">{text}</a>')
            else:
                attrs = _attrs(part.attrs) if part.attrs else ""
                out.append(f'<span class="hm-{_e(part.kind)}"{attrs}>{text}</span>')
        out.append("</div>\n")
    out.append("</header>")
    return "".join(out)


def cover(*, src: Any, alt: Any, size: Any, caption: Any, **_: Any) -> str:
    dims = f' width="{_e(size[0])}" height="{_e(size[1])}"' if size else ""
    out = (f'<figure class="hm-cover">\n<img src="{_e(src)}" alt="{_e(alt)}"{dims} '
           'loading="eager" decoding="async">\n')
    if caption:
        out += f"<figcaption>{caption}</figcaption>\n"
    return out + "</figure>"


def _toc_items(items: Iterable[Any]) -> str:
    out = []
    for item in items:
        out.append(f'<li><a href="#{_e(item.id)}">{_e(item.text)}</a>')
        if item.children:
            out.append(f"<ul>\n{_toc_items(item.children)}</ul>")
        out.append("</li>\n")
    return "".join(out)


def toc(*, items: Any, open: Any, title: Any, script: Any, **_: Any) -> str:
    heading = _e(title)
    out = [f'<details class="hm-toc"{" open" if open else ""} data-search-exclude>\n',
           f'<summary class="hm-toc-title">{heading}</summary>\n',
           f'<nav class="hm-toc-links" aria-label="{heading}">\n<ul>\n',
           _toc_items(items), "</ul>\n</nav>\n"]
    if script:
        out.append(f'<script src="{_e(script)}" defer></script>\n')
    out.append("</details>")
    return "".join(out)


def footer(*, parts: Any, **_: Any) -> str:
    inner = "".join(f"{_e(part)}\n" for part in parts)
    return f'<footer class="hm-footer" data-search-exclude>\n{inner}</footer>'


def tags(*, labels: Labels, tags: Any, categories: Any, **_: Any) -> str:
    out = ['<div class="hm-tags">\n']
    if tags:
        out.append(f'<ul class="hm-tag-list" aria-label="{labels.escaped("tags")}">\n')
        for tag in tags:
            name = _e(tag.name)
            inner = (f'<a href="{_e(tag.href)}" rel="tag">{name}</a>' if tag.href
                     else f"<span>{name}</span>")
            out.append(f'<li class="hm-tag">{inner}</li>\n')
        out.append("</ul>\n")
    if categories:
        out.append(f'<ul class="hm-category-list" aria-label="{labels.escaped("categories")}">\n')
        out.extend(f'<li class="hm-category"><span>{_e(c)}</span></li>\n' for c in categories)
        out.append("</ul>\n")
    out.append("</div>")
    return "".join(out)


def share(*, labels: Labels, buttons: Any, **_: Any) -> str:
    out = ['<div class="hm-share">\n',
           f'<ul class="hm-share-list" aria-label="{labels.escaped("share_label")}">\n']
    for button in buttons:
        label = _e(button.label)
        start, end = _share_link_parts(button.css_class, button.name, button.icon)
        out.append(f'{start}{_e(button.href)}" target="_blank" rel="noopener noreferrer" '
                   f'aria-label="{label}" title="{label}">{end}')
    out.append("</ul>\n</div>")
    return "".join(out)


# typed: an icon given as text is escaped, the same icon given as Markup is not.
@functools.lru_cache(maxsize=64, typed=True)
def _share_link_parts(css_class: Any, name: Any, icon: Any) -> tuple[str, str]:
    """A share link's markup before its ``href`` and after its label: the same for a network
    on every page, so made once."""
    return (f'<li class="hm-share-item"><a class="hm-share-link {_e(css_class)}" '
            f'data-network="{_e(name)}" href="', f"{_e(icon)}</a></li>\n")


def post_nav(*, labels: Labels, prev: Any, next: Any, **_: Any) -> str:
    out = [f'<nav class="hm-post-nav" aria-label="{labels.escaped("post_nav_label")}">\n']
    if prev:
        out.append(
            f'<a class="hm-prev" href="{_e(prev.href)}" rel="prev"><span class="hm-post-nav-label">'
            f'&laquo; {labels.escaped("previous")}</span> '
            f'<span class="hm-post-nav-title">{_e(prev.title)}</span></a>\n'
        )
    if next:
        out.append(
            f'<a class="hm-next" href="{_e(next.href)}" rel="next"><span class="hm-post-nav-label">'
            f'{labels.escaped("next")} &raquo;</span> '
            f'<span class="hm-post-nav-title">{_e(next.title)}</span></a>\n'
        )
    out.append("</nav>")
    return "".join(out)


def video(*, labels: Labels, embed: Any, facade: Any, src: Any, title: Any, allow: Any,
          referrerpolicy: Any, thumbnail: Any, watch_url: Any, provider_name: Any,
          **_: Any) -> str:
    css = f" {_e(embed.css_class)}" if embed.css_class else ""
    out = [f'<div class="hm-video{css}" data-provider="{_e(embed.provider)}" '
           f'data-video-id="{_e(embed.video_id)}"{" data-hm-facade" if facade else ""}>\n']
    fullscreen = " allowfullscreen" if embed.allow_fullscreen else ""
    name = _e(title)
    if facade:
        out.append(
            f'<template class="hm-video-player"><iframe src="{_e(src)}" title="{name}" '
            f'loading="lazy" allow="{_e(allow)}" referrerpolicy="{_e(referrerpolicy)}"'
            f"{fullscreen}></iframe></template>\n"
            f'<button type="button" class="hm-video-play" '
            f'aria-label="{_e(labels("play_video", title=title))}"><img class="hm-video-thumb" '
            f'src="{_e(thumbnail)}" alt="" loading="lazy" decoding="async"><span '
            f'class="hm-video-icon" aria-hidden="true"></span></button>\n'
            f'<noscript><a class="hm-video-link" href="{_e(watch_url)}">'
            f"{_e(labels('watch_on', title=title, provider=provider_name))}</a></noscript>\n"
        )
    else:
        out.append(
            f'<iframe src="{_e(src)}" title="{name}" loading="{_e(embed.loading)}" '
            f'allow="{_e(allow)}" referrerpolicy="{_e(referrerpolicy)}"{fullscreen}></iframe>\n'
        )
    out.append("</div>")
    return "".join(out)


def entry(*, labels: Labels, href: Any, title: Any, draft: Any, image: Any,
          summary: Any, truncated: Any, parts: Any, **_: Any) -> str:
    out = ['<article class="hm-entry">\n']
    if image:
        size = image["size"]
        dims = f' width="{_e(size[0])}" height="{_e(size[1])}"' if size else ""
        out.append(f'<figure class="hm-entry-cover"><img src="{_e(image["src"])}" '
                   f'alt="{_e(image["alt"])}" loading="lazy"{dims}></figure>\n')
    heading = _e(title)
    badge = _draft_badge(draft, labels)
    out.append(f'<h2 class="hm-entry-title">{heading}{" " + badge if badge else ""}</h2>\n')
    if summary:
        out.append(f'<p class="hm-entry-summary">{_e(summary)}{"..." if truncated else ""}</p>\n')
    if parts:
        # Unlike the header's, a card's meta line has no links and one kind of separator.
        out.append('<footer class="hm-meta">')
        for index, part in enumerate(parts):
            if index:
                out.append(f'<span class="hm-sep" aria-hidden="true">{_META_SEP}</span>')
            text = _e(part.text)
            if part.kind == "date":
                out.append(f'<time class="hm-date"{_attrs(part.attrs)}>{text}</time>')
            else:
                attrs = _attrs(part.attrs) if part.attrs else ""
                out.append(f'<span class="hm-{_e(part.kind)}"{attrs}>{text}</span>')
        out.append("</footer>\n")
    out.append(f'<a class="hm-entry-link" href="{_e(href)}" aria-label="{heading}"></a>\n'
               "</article>")
    return "".join(out)


RENDERERS: dict[str, Callable[..., str]] = {
    "header.html": header,
    "cover.html": cover,
    "toc.html": toc,
    "footer.html": footer,
    "tags.html": tags,
    "share.html": share,
    "post_nav.html": post_nav,
    "video.html": video,
    "entry.html": entry,
}
"""Template name -> its twin."""
