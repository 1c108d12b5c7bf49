"""The plugin's typed configuration (the ``hugo-meta`` entry under ``plugins:`` in mkdocs.yml).

Every option carries a docstring; ``tests/test_readme.py`` checks the README's reference table
against these classes so the two cannot drift.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HeaderConfig(Config):
    given: frozenset[str] = frozenset()
    """The options mkdocs.yml sets itself: PaperMod's `DateFormat` param yields to a
    `date_format` written on purpose, never to the default."""

    def load_dict(self, patch: dict[str, object]) -> None:
        super().load_dict(patch)
        self.given = self.given | frozenset(patch)

    enabled = c.Type(bool, default=True)
    """Insert the header (title, description, meta line, breadcrumbs, cover) into pages."""
    date_format = c.Type(str, default="January 2, 2006")
    """Date layout: Go's reference date, or a strftime format (default: PaperMod's `DateFormat`
    param when `params` has one, else "January 2, 2006")."""
    words_per_minute = c.Type(int, default=212)
    """Reading speed for most languages (Hugo: 212)."""
    cjk_words_per_minute = c.Type(int, default=500)
    """Reading speed for Chinese, Japanese and Korean text, one character a word (Hugo: 500)."""
    cjk = c.Choice(("auto", "always", "never"), default="auto")
    """Count CJK characters as words: `auto` detects them in each page's text."""
    summary_length = c.Type(int, default=160)
    """Longest meta description made from the first paragraph, in characters."""


class TocConfig(Config):
    enabled = c.Type(bool, default=True)
    """Render the inline `<details>` table of contents where `showToc` asks for it."""
    title = c.Optional(c.Type(str))
    """Summary text of the box (default: "Table of Contents", translated for the theme locale)."""
    levels = c.ListOfItems(c.Type(int), default=[1, 2, 3, 4, 5, 6])
    """Heading levels to list (the default source only; `UseHugoToc` follows `toc_depth`)."""
    theme_toc = c.Choice(("follow", "keep"), default="follow")
    """`follow`: a page with `showToc: false` hides the theme's sidebar TOC too; `keep`: never."""


class ShareConfig(Config):
    mastodon_instance = c.Optional(c.Type(str))
    """Host of the Mastodon instance to share to (e.g. `mastodon.social`); no button without it."""


class FooterConfig(Config):
    enabled = c.Type(bool, default=True)
    """Insert the footer (tags, share links, previous/next) into pages."""
    tags_index = c.Optional(c.Type(str))
    """Page (path under `docs/`) that lists tags; tags link to `PAGE#tag`. Material's tags plugin
    is used automatically when enabled."""


class CommentsConfig(Config):
    provider = c.Optional(c.Choice(("giscus", "utterances")))
    """Comments provider; pages with `comments: true` get its embed block."""
    attributes = c.Type(dict, default={})
    """The provider's `data-*` script attributes (giscus) or attributes (utterances), e.g.
    `repo`, `repo-id`, `category`, `issue-term`, `theme`."""


class VideoConfig(Config):
    youtube_nocookie = c.Type(bool, default=True)
    """Embed YouTube from `www.youtube-nocookie.com` (privacy-enhanced mode)."""
    vimeo_dnt = c.Type(bool, default=True)
    """Add `dnt=1` to Vimeo embeds."""
    facade = c.Type(bool, default=True)
    """Show a thumbnail and a play button; load the YouTube player only on click."""
    thumbnail_url = c.Type(str, default="https://i.ytimg.com/vi/{id}/hqdefault.jpg")
    """Facade thumbnail; `{id}` is replaced with the video id (a site may host its own)."""


class BuildConfig(Config):
    drafts = c.Type(bool, default=False)
    """Like Hugo's `--buildDrafts`: build `draft: true` pages (env `HUGO_META_BUILD_DRAFTS`)."""
    future = c.Type(bool, default=False)
    """Like `--buildFuture`: build pages dated in the future (env `HUGO_META_BUILD_FUTURE`)."""
    expired = c.Type(bool, default=False)
    """Like `--buildExpired`: build pages past `expiryDate` (env `HUGO_META_BUILD_EXPIRED`)."""


class PaginationConfig(Config):
    pagerSize = c.Optional(c.Type(int))
    """Posts per list page, default 10 (Hugo's `pagination.pagerSize`)."""
    path = c.Type(str, default="page")
    """Folder of the later pages: `/posts/page/2/` (Hugo's `pagination.path`)."""


class HugoMetaConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (for example `enabled: !ENV [HUGO_META, true]`)."""
    params = c.Type(dict, default={})
    """Site-wide defaults for any front-matter flag, keyed as in front matter (Hugo's `params`)."""
    timezone = c.Type(str, default="UTC")
    """IANA time zone for dates written without one (Hugo's `timeZone`)."""
    hugo_urls = c.Type(bool, default=True)
    """Serve each page at the URL Hugo gives it (`url`, `slug`, `permalinks`, lower-case, spaces
    as `-`); `false` keeps MkDocs' own URLs."""
    permalinks = c.Type(dict, default={})
    """Hugo's `permalinks`: a URL pattern per top-level section (`posts: /:year/:month/:slug/`;
    `/` for pages at the root), or per kind (`page: {posts: ...}`)."""
    uglyURLs = c.Type((bool, dict), default=False)
    """Hugo's `uglyURLs`: pages at `/posts/x.html` instead of `/posts/x/`; `true`, or per
    section (`{posts: true}`). Always so with `use_directory_urls: false`."""
    disablePathToLower = c.Type(bool, default=False)
    """Hugo's `disablePathToLower`: keep upper-case letters of file names and slugs in URLs."""
    frontmatter = c.Type(dict, default={})
    """Hugo's `frontmatter`: where `date`, `lastmod`, `publishDate` and `expiryDate` come from,
    e.g. `date: [":filename", ":default"]` (also `:fileModTime`)."""
    staticDir = c.Type((str, list), default=[])
    """Hugo's `staticDir`: folder(s), relative to mkdocs.yml, whose files are served at the site
    root (a file in `docs/` at the same path wins)."""
    shortcodes_dir = c.Optional(c.Type(str))
    """Folder of the site's own shortcode templates (`NAME.html`, Jinja2), relative to
    mkdocs.yml; default: `hugo_meta/shortcodes/` under the theme's `custom_dir`."""
    shortcodes = c.DictOfItems(c.Type(str), default={})
    """Per shortcode name: `hide` (render nothing), `text` (keep the inner text only) or a
    template file in the shortcodes folder."""
    mainSections = c.Optional(c.ListOfItems(c.Type(str)))
    """Sections whose posts the home page lists (Hugo's `mainSections`; also read from
    `params`); default: the top-level section with the most pages."""
    taxonomies = c.Optional(c.DictOfItems(c.Type(str)))
    """Hugo's `taxonomies` (singular: plural); default `tag: tags` and `category: categories`."""
    summaryLength = c.Type(int, default=70)
    """Words in an automatic summary on list pages and in feeds (Hugo's `summaryLength`)."""
    pagination = c.SubConfig(PaginationConfig)
    """List pages' pagination (Hugo's `pagination`)."""
    paginate = c.Optional(c.Type(int))
    """Older Hugo name of `pagination.pagerSize`, read when that is not set."""
    hasCJKLanguage = c.Optional(c.Type(bool))
    """Count CJK summaries by characters (Hugo's `hasCJKLanguage`); default: detected per page."""
    disableKinds = c.ListOfItems(c.Type(str), default=[])
    """Generated pages to leave out: `home`, `section`, `taxonomy`, `term`, `rss` (Hugo's names)."""
    rssLimit = c.Type(int, default=-1)
    """Most items in a feed; -1 for all (Hugo's `services.rss.limit`)."""
    markdown = c.Choice(("goldmark", "python"), default="goldmark")
    """How Hugo pages' Markdown is read: `goldmark` builds lists and code fences as Hugo
    (CommonMark) does and translates Hugo's code-fence options; `python` leaves them to
    Python-Markdown. Pages without front matter are always left to Python-Markdown."""
    step_aside = c.Type(bool, default=True)
    """Leave out of the header and footer what the theme or another plugin already shows on the
    page: Material blog posts' date, reading time, authors and categories, the tags of
    Material's tags plugin, the breadcrumbs of the readthedocs theme (and of Material's
    `navigation.path`)."""
    labels = c.DictOfItems(c.Type(str), default={})
    """Override any user-visible text, e.g. `reading_time: "{minutes} min read"`."""
    header = c.SubConfig(HeaderConfig)
    """Title, description, meta line, breadcrumbs and cover."""
    toc = c.SubConfig(TocConfig)
    """The inline table of contents."""
    footer = c.SubConfig(FooterConfig)
    """Tags, share links, previous/next links."""
    share = c.SubConfig(ShareConfig)
    """Share buttons."""
    comments = c.SubConfig(CommentsConfig)
    """Comments block."""
    video = c.SubConfig(VideoConfig)
    """YouTube/Vimeo embeds."""
    build = c.SubConfig(BuildConfig)
    """Which drafts, future and expired pages `mkdocs build` includes (`mkdocs serve` shows all)."""
