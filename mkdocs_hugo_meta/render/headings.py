"""Finding a page's headings in its rendered HTML, giving them ids, and nesting them.

One forward pass over the content (``markup.text.elements``) finds every ``<h1>``-``<h6>``,
Markdown or raw HTML, stepping over comments, scripts, styles and templates, so the work stays
linear in the page's size whatever it holds; no HTML parser runs over the whole page.
``outline`` is the one scan of a page's content that every later stage uses.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from markdown.extensions.toc import slugify as default_slugify

from ..markup import attributes, text

Slugify = Callable[[str, str], str]
Slug = tuple[Slugify, str]
"""A slug function and its separator, as the ``toc`` extension takes them."""

# Where a heading, or something a heading inside would not count in, may start. Attributes do
# not run past a "<", so a stray quote costs one tag, not the rest of the page.
_OPENING = re.compile(
    r"<(?:(!--)|(script|style|template)\b|h([1-6])((?:[^<>\"']|\"[^<\"]*\"|'[^<']*')*)>)",
    re.IGNORECASE,
)
_CLOSING = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "template", *(f"h{level}" for level in range(1, 7)))
}
_LEADING_H1 = re.compile(r"\s*<h1\b[^>]*>.*?</h1>", re.DOTALL | re.IGNORECASE)
# Permalink anchors (`toc` extension's `permalink`) and footnote markers are not heading text.
_NOT_TEXT = re.compile(
    r"<a\s(?:[^>]*?\s)?class\s*=\s*[\"'][^\"']*\bheaderlink\b[^>]*>.*?</a\s*>"
    r"|<sup\s(?:[^>]*?\s)?id\s*=\s*[\"']fnref[^>]*>.*?</sup\s*>",
    re.DOTALL | re.IGNORECASE,
)


@dataclass
class Heading:
    """One entry of a table of contents."""

    level: int
    id: str
    text: str
    children: list[Heading] = field(default_factory=list)


def toc_extension_options(mdx_configs: Mapping[str, Any]) -> Mapping[str, Any]:
    """The options the site gives Python-Markdown's ``toc`` extension."""
    for name in ("toc", "markdown.extensions.toc"):
        options = mdx_configs.get(name)
        if isinstance(options, Mapping):
            return options
    return {}


def slug_function(mdx_configs: Mapping[str, Any]) -> tuple[Slugify, str]:
    """The ``toc`` extension's slug function and separator, so raw headings get matching ids."""
    options = toc_extension_options(mdx_configs)
    slugify = options.get("slugify")
    separator = options.get("separator")
    if not callable(slugify) or slugify is default_slugify:
        slugify = _default_slugify
    return slugify, separator if isinstance(separator, str) else "-"


_NOT_SLUG = re.compile(r"[^\w\s-]")


@functools.lru_cache(maxsize=8)
def _separator_run(separator: str) -> re.Pattern[str]:
    # As the `toc` extension builds it: the separator goes into the class unescaped.
    return re.compile(rf"[{separator}\s]+")


def _default_slugify(value: str, separator: str) -> str:
    """The `toc` extension's default slugify, same output, with its patterns compiled once and
    no Unicode normalisation for ASCII text (a page has a dozen headings, every page)."""
    if value.isascii():
        if separator in ("-", "_") and value.replace(" ", "").isalnum():
            # Words and spaces only, as most headings are: nothing to remove, and each run of
            # spaces becomes one separator.
            return separator.join(value.lower().split())
    else:
        value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = _NOT_SLUG.sub("", value).strip().lower()
    return _separator_run(separator).sub(separator, value)


def heading_text(inner_html: str) -> str:
    """A heading's plain text: no tags, no permalink anchor, no footnote marker."""
    if "<" not in inner_html and "&" not in inner_html:  # most headings: just words
        return " ".join(inner_html.split())
    return htmllib.unescape(" ".join(text.strip_tags(_NOT_TEXT.sub("", inner_html)).split()))


@dataclass
class Outline:
    """What one scan of a page's rendered content found, for every stage after it."""

    html: str
    """The content, with an ``id`` on every heading when headings were collected."""
    headings: list[Heading] = field(default_factory=list)
    """Every heading in document order (empty when not collected)."""
    h1_end: int = 0
    """Index in ``html`` just past its leading ``<h1>…</h1>``, 0 when it opens with none."""

    @property
    def body(self) -> str:
        """The content after its leading ``<h1>``."""
        return self.html[self.h1_end :]


def outline(html: str, slug: Slug | None) -> Outline:
    """The page's outline: headings collected (with ``slug``'s ids) only when ``slug`` is given,
    the leading ``<h1>`` always."""
    found: list[Heading] = []
    if slug is not None:
        html, found = collect(html, *slug)
    return Outline(html, found, leading_h1_end(html))


def leading_h1_end(html: str) -> int:
    """Index just past the content's leading ``<h1>…</h1>``, or 0 when it does not open with one."""
    match = _LEADING_H1.match(html)
    return match.end() if match else 0


def _closing(opening: re.Match[str]) -> re.Pattern[str]:
    if opening.group(1):
        return text.COMMENT_END
    return _CLOSING[(opening.group(2) or f"h{opening.group(3)}").lower()]


def _headings(html: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each heading's opening-tag match and the span of its inner HTML, in order; comments,
    scripts, styles and templates are stepped over (a heading there is not one)."""
    for opening, closing in text.elements(html, _OPENING, _closing):
        if opening.group(3):
            yield opening, opening.end(), closing.start()


def collect(html: str, slugify: Slugify, separator: str) -> tuple[str, list[Heading]]:
    """``html`` with an ``id`` on every heading, and the headings in document order."""
    if "<h" not in html and "<H" not in html:
        return html, []
    used: set[str] | None = None
    counters: dict[str, int] = {}
    headings: list[Heading] = []
    parts: list[str] = []
    last = 0
    for match, inner_start, inner_end in _headings(html):
        level = match.group(3)
        # Most headings carry no attributes, or none that matter here: skip reading them.
        wanted = match.group(4).lower()
        attrs = attributes.parse(match.group(0)) if "id" in wanted or "label" in wanted else {}
        text_of = heading_text(html[inner_start:inner_end])
        label = attrs.get("data-toc-label")
        existing = attrs.get("id")
        if existing is None:
            if used is None:
                used = attributes.ids_in(html)
            existing = unique(slugify(text_of, separator), used, counters)
            tag_end = match.start() + 3
            parts.append(html[last:tag_end])
            parts.append(f' id="{htmllib.escape(existing)}"')
            last = tag_end
        headings.append(Heading(int(level), existing, (label or text_of).strip()))
    parts.append(html[last:])
    return "".join(parts), headings


def unique(slug: str, used: set[str], counters: dict[str, int]) -> str:
    """``slug``, or ``slug_1``, ``slug_2``... (the `toc` extension's suffixes) when it is taken.

    ``counters`` remembers the last suffix per slug, so a page repeating one heading many times
    stays linear.
    """
    candidate, count = slug, counters.get(slug, 0)
    while not candidate or candidate in used:
        count += 1
        candidate = f"{slug}_{count}"
    counters[slug] = count
    used.add(candidate)
    return candidate


def nest(headings: Iterable[Heading]) -> list[Heading]:
    """Nest flat headings by level into a tree that is valid for any sequence of levels.

    A heading becomes a child of the nearest earlier heading of a smaller level, else a top-level
    entry. Skipped levels (h2, h4) therefore nest one step without empty entries, and a heading
    shallower than the first one (h3, then h2) starts a new top-level entry.
    """
    return nest_nodes(Heading(heading.level, heading.id, heading.text) for heading in headings)


class _Node(Protocol):
    level: int
    children: list[Any]


NodeT = TypeVar("NodeT", bound=_Node)


def nest_nodes(nodes: Iterable[NodeT]) -> list[NodeT]:
    """``nest`` for nodes made by the caller (each with a ``level`` and an empty ``children``
    list), which are nested in place: the theme's sidebar takes MkDocs' own TOC entries."""
    roots: list[NodeT] = []
    stack: list[NodeT] = []
    for node in nodes:
        while stack and stack[-1].level >= node.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def flatten(items: Iterable[Any]) -> list[Heading]:
    """Flat headings from MkDocs' ``page.toc`` items (``AnchorLink``: title, id, level)."""
    flat: list[Heading] = []
    for item in items:
        # MkDocs keeps the title as HTML-escaped text; the template escapes it again.
        flat.append(Heading(int(item.level), str(item.id), htmllib.unescape(str(item.title))))
        flat.extend(flatten(item.children))
    return flat


def opening_id(fragment: str) -> str | None:
    """The ``id`` of the element whose opening tag starts ``fragment``."""
    start = fragment.find("<")
    return attributes.parse(fragment[start:]).get("id") if start >= 0 else None
