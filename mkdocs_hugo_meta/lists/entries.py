"""What a list page, a feed or the archive shows of one post, taken while the post is rendered.

An ``Entry`` is made in ``on_page_content`` (the post's HTML, reading time and cover are known
then) and kept small: list pages are filled after every post has been rendered, and the full
content is kept only when a feed asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..render import cover, header
from ..render.header import MetaPart
from . import summaries
from .structure import collation_key, term_names

if TYPE_CHECKING:
    from ..context import PageContext, SiteContext
    from ..source.page import PageData


@dataclass(frozen=True)
class CardImage:
    src: str
    """Absolute URL, or the path under the site root of a local file."""
    local: bool
    alt: str
    size: tuple[int, int] | None


@dataclass
class Entry:
    src_uri: str
    url: str
    """The post's ``page.url``."""
    title: str
    date: datetime | None
    published: datetime | None
    lastmod: datetime | None
    weight: int
    summary: summaries.Summary
    description: str
    meta: list[MetaPart] = field(default_factory=list)
    image: CardImage | None = None
    draft: str | None = None
    """Why a build would leave the post out ("draft", "future", "expired"), shown in serve."""
    hide_summary: bool = False
    hidden_in_home: bool = False
    hidden_in_rss: bool = False
    layout: str = ""
    terms: dict[str, list[str]] = field(default_factory=dict)
    """Each taxonomy's terms as the post spells them (``tags`` → ["Go", "Hugo tips"])."""
    content: str = ""
    """The rendered content, kept only when the feeds carry full text."""
    _order: tuple[Any, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def sort_key(self) -> tuple[Any, ...]:
        """Hugo's default order: weight (0 last), newest first, title (collated), path.

        Made once: a post is sorted into the home page, its section and each of its terms.
        """
        if self._order is None:
            stamp = self.date.timestamp() if self.date else float("-inf")
            title = collation_key(self.title)
            self._order = (self.weight == 0, self.weight, -stamp, title, self.src_uri)
        return self._order


def _meta(ctx: PageContext) -> list[MetaPart]:
    # A card shows the post's meta line without the edit and "originally published" links.
    return [part for part in header.meta_parts(ctx) if part.kind not in ("edit", "canonical")]


def _image(ctx: PageContext) -> CardImage | None:
    params = ctx.params
    if params.flag("cover.hidden") or params.flag("cover.hiddenInList"):
        return None
    image = cover.page_image(ctx)
    if image is None:
        return None
    alt = params.text("cover.alt").strip() or ctx.title
    if image.site_path is not None:
        return CardImage(image.site_path, True, alt, image.size)
    return CardImage(image.url, False, alt, image.size)


def from_post(
    ctx: PageContext, html: str, draft: str | None, taxonomies: list[str], keep_content: bool
) -> Entry:
    """The entry of a post with Hugo front matter, from its rendered ``html``."""
    params = ctx.params
    site = ctx.site
    reading = ctx.reading
    cjk = _cjk(site, reading, params.get("isCJKLanguage"))
    front_summary = params.text("summary").strip()
    summary = summaries.summarize(
        html, _inline(front_summary) if front_summary else "", site.options.summaryLength, cjk
    )
    return Entry(
        src_uri=ctx.data.src_uri,
        url=ctx.page.url,
        title=ctx.title,
        date=params.date("date"),
        published=params.date("publishDate") or params.date("date"),
        lastmod=params.date("lastmod") or params.date("date"),
        weight=_weight(params.get("weight")),
        summary=summary,
        description=params.text("description").strip(),
        meta=_meta(ctx),
        image=_image(ctx),
        draft=draft,
        hide_summary=params.get("hideSummary") is True,
        hidden_in_home=_hidden(params.get("hiddenInHomeList")),
        hidden_in_rss=_hidden(params.get("hiddenInRss")),
        layout=_layout(ctx.data),
        terms={p: names for p in taxonomies if (names := term_names(ctx.data, p))},
        content=html if keep_content else "",
    )


def from_plain_page(
    src_uri: str, url: str, title: str, html: str, site: SiteContext, keep_content: bool
) -> Entry:
    """The entry of a page without front matter (Hugo lists every page of a section)."""
    summary = summaries.summarize(html, "", site.options.summaryLength, _cjk(site, None, None))
    return Entry(
        src_uri=src_uri, url=url, title=title, date=None, published=None, lastmod=None,
        weight=0, summary=summary, description="", content=html if keep_content else "",
    )  # fmt: skip


def _cjk(site: SiteContext, reading: Any, page_value: Any) -> bool:
    # Hugo counts a summary's CJK text by characters on a page that is (or, under
    # `hasCJKLanguage`, is detected as) CJK. Left unset, the plugin detects it as its reading
    # time does, so a Chinese post's card is not the whole post.
    if isinstance(page_value, bool):
        return page_value
    if site.options.hasCJKLanguage is False:
        return False
    return bool(reading and reading["cjk"])


def _inline(markdown: str) -> str:
    from ..markup import inline

    return str(inline.render(markdown))


def _weight(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _hidden(value: Any) -> bool:
    # PaperMod drops a post whose flag is `true` or the string "true".
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _layout(data: PageData) -> str:
    layout = data.front.data.get("layout")
    return layout.strip().lower() if isinstance(layout, str) else ""
