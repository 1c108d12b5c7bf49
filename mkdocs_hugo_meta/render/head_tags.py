"""Tags added to ``<head>``: description, author, keywords, canonical, robots, Open Graph, Twitter.

All of them go in with one insertion before ``</head>``. A tag the theme already emits for the
page is left alone, except that a front-matter ``description``, ``author``, ``canonicalURL`` or
``robotsNoIndex`` replaces the theme's differing one, and the page's summary replaces the
site-wide ``site_description`` some themes print on every page: a page never carries two.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from ..context import PageContext
from ..markup import attributes
from ..markup import text as markup_text
from ..markup.edits import Edit
from . import cover, readtime

MAX_ARTICLE_TAGS = 6
"""PaperMod lists at most six ``article:tag`` entries."""

_HEAD_TAG = re.compile(
    r"""<(meta|link)\b([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""", re.IGNORECASE
)
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>", re.IGNORECASE)
_PARAGRAPH_END = re.compile("</p>", re.IGNORECASE)
_HEADER_END = re.compile(r"</header>", re.IGNORECASE)


@dataclass
class Tag:
    """One tag to add: ``key`` identifies it (``name:description``, ``rel:canonical``...)."""

    key: str
    markup: str
    value: str


def existing_tags(head: str) -> dict[str, tuple[int, int, str]]:
    """The theme's ``<meta>``/``<link>`` tags by key, with their span in ``head`` and value."""
    found: dict[str, tuple[int, int, str]] = {}
    for match in _HEAD_TAG.finditer(head):
        key, value = _identify(match.group(0))
        if key:
            found.setdefault(key, (match.start(), match.end(), value))
    return found


@functools.lru_cache(maxsize=1024)
def _identify(tag: str) -> tuple[str, str]:
    """The key and value of one ``<meta>``/``<link>`` tag, ``("", "")`` for a tag without one.

    A theme writes the same tags into every page's ``<head>`` (stylesheets, icons, viewport);
    only a few differ from page to page (canonical URL, description). Each distinct tag is
    therefore read once, not once per page.
    """
    # Only attributes with a value identify a tag or carry one.
    attrs = {k: v for k, v in attributes.parse(tag).items() if v is not None}
    if tag[1:5].lower() == "link":
        rel = attrs.get("rel", "").lower()
        return (f"rel:{rel}", attrs.get("href", "")) if rel else ("", "")
    if "property" in attrs:
        return f"property:{attrs['property'].lower()}", attrs.get("content", "")
    if "name" in attrs:
        return f"name:{attrs['name'].lower()}", attrs.get("content", "")
    return "", ""


def _meta(attr: str, name: str, content: str) -> Tag:
    # `attr` and `name` are this module's own words, which need no escaping.
    markup = f'<meta {attr}="{name}" content="{htmllib.escape(content)}">'
    return Tag(f"{attr}:{name.lower()}", markup, content)


_OG_TYPE = _meta("property", "og:type", "article")
_CARDS = {True: _meta("name", "twitter:card", "summary_large_image"),
          False: _meta("name", "twitter:card", "summary")}


def summary(content: str, limit: int) -> str:
    """Plain text of the first non-empty paragraph after the plugin's header, cut to ``limit``."""
    start = 0
    if "hm-header" in content[:2000]:
        end = _HEADER_END.search(content)
        start = end.end() if end else 0
    for opening, closing in markup_text.elements(content[start:], _PARAGRAPH, _paragraph_end):
        inner = content[start + opening.end() : start + closing.start()]
        text = " ".join(htmllib.unescape(readtime.plain_text(inner)).split())
        if text:
            return shorten(text, limit)
    return ""


def _paragraph_end(opening: re.Match[str]) -> re.Pattern[str]:
    return _PARAGRAPH_END


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, "…" marking the cut."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return text[:max(limit, 0)]
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def description(ctx: PageContext) -> tuple[str, bool]:
    """The page description and whether the front matter asked for it (not derived)."""
    if ctx.description is not None:
        return ctx.description
    found = ("", False)
    for key in ("description", "summary"):
        text = " ".join(ctx.params.text(key).split())
        if text:
            found = (text, True)
            break
    else:
        content = ctx.page.content or ""
        found = (summary(content, ctx.options.header.summary_length), False)
    ctx.description = found
    return found


def _images(ctx: PageContext) -> list[str]:
    """Absolute image URLs for link previews: the cover, else ``images``."""
    main = cover.page_image(ctx)
    if main is not None and main.absolute and not main.absolute.startswith("data:"):
        return [main.absolute]
    found: list[str] = []
    for value in ctx.params.texts("images")[:6]:
        image = cover.resolve(ctx, value, relative=True, key="images")
        if image is not None and image.absolute and not image.absolute.startswith("data:"):
            found.append(image.absolute)
    return found


def wanted_tags(ctx: PageContext) -> Iterator[Tag]:
    """Every tag the page's front matter asks for, in a stable order."""
    params = ctx.params
    text, _ = description(ctx)
    if text:
        yield _meta("name", "description", text)
    authors = params.texts("author")
    if authors:
        yield _meta("name", "author", ", ".join(a.strip() for a in authors))
    keywords = params.texts("keywords") or params.texts("tags")
    if keywords:
        yield _meta("name", "keywords", ", ".join(k.strip() for k in keywords))
    canonical = canonical_url(ctx)
    if canonical:
        yield Tag("rel:canonical", f'<link rel="canonical" href="{htmllib.escape(canonical)}">',
                  canonical)
    if params.flag("robotsNoIndex"):
        yield _meta("name", "robots", "noindex, nofollow")
    yield _meta("property", "og:title", ctx.title)
    if text:
        yield _meta("property", "og:description", text)
    yield _OG_TYPE
    if ctx.absolute_url:
        yield _meta("property", "og:url", ctx.absolute_url)
    images = _images(ctx)
    for image in images:
        yield _meta("property", "og:image", image)
    yield _CARDS[bool(images)]
    if images:
        yield _meta("name", "twitter:image", images[0])
    published = params.date("date")
    if published is not None:
        yield _meta("property", "article:published_time", published.isoformat())
    modified = params.date("lastmod") or published
    if modified is not None:
        yield _meta("property", "article:modified_time", modified.isoformat())
    for tag in params.texts("tags")[:MAX_ARTICLE_TAGS]:
        yield _meta("property", "article:tag", tag.strip())


def canonical_url(ctx: PageContext) -> str:
    """``canonicalURL`` (relative values against the site), else the page's absolute URL."""
    asked = ctx.params.text("canonicalURL").strip()
    if asked:
        base = ctx.site.site_url or ctx.absolute_url
        return urljoin(base, asked) if base else asked
    return ctx.absolute_url or ""


# Tags the front matter may set to a value that should replace the theme's own. Material, for
# one, prints a front-matter author list as a Python list.
_REPLACEABLE = {"name:description": "description", "rel:canonical": "canonicalurl",
                "name:robots": "robotsnoindex", "name:author": "author"}


def tag_edits(output: str, ctx: PageContext) -> list[Edit]:
    """The edits that give ``output`` the page's head tags, before its first ``</head>``."""
    end = output.find("</head>")
    if end < 0:
        end = output.lower().find("</head>")
        if end < 0:
            return []
    present = existing_tags(output[:end])
    found: list[Edit] = []
    added: list[str] = []
    seen: set[str] = set()
    for tag in wanted_tags(ctx):
        repeatable = tag.key in ("property:og:image", "property:article:tag")
        if tag.key in seen and not repeatable:
            continue
        seen.add(tag.key)
        theirs = present.get(tag.key)
        if theirs is None:
            added.append(f"{tag.markup}\n")
            continue
        if repeatable or theirs[2] == tag.value:
            continue
        if _replaces(ctx, tag.key, theirs[2]):
            found.append(Edit(theirs[0], theirs[1], tag.markup))
    if added:
        found.append(Edit(end, end, "".join(added)))
    return found


def _replaces(ctx: PageContext, key: str, theirs: str) -> bool:
    """Whether our tag should replace the theme's differing ``theirs``."""
    flag = _REPLACEABLE.get(key)
    if flag is None:
        return False
    if key == "name:description":
        # The site-wide description says nothing about a post; the post's summary does. The
        # home page keeps it: there it is the right description.
        if description(ctx)[1]:
            return True
        generic = " ".join((ctx.site.config.site_description or "").split())
        return not ctx.page.is_homepage and " ".join(theirs.split()) == generic
    if flag == "robotsnoindex":
        return ctx.params.flag(flag)
    return ctx.params.is_set(flag)
