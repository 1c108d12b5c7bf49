"""The plugins and theme features that show some of a page's facts themselves.

Found once per build in ``on_files``: by then every plugin's ``on_config`` has run, so the blog
plugin's authors file is loaded whichever order the plugins are listed in.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from ..source.page import PageData


@dataclass(frozen=True)
class Blog:
    """One instance of Material's blog plugin, as far as this plugin needs to know it."""

    posts_dir: str
    """Where its posts are (``blog/posts``); Material takes every page whose path starts so."""
    blog_dir: str
    separator: str
    """Its excerpt separator (``<!-- more -->`` by default)."""
    readtime: bool
    categories: bool
    authors_on: bool
    author_ids: dict[str, str] = field(default_factory=dict)
    """Each author of its authors file by id and by name (case-folded) → the id."""

    def owns(self, src_uri: str) -> bool:
        # The same prefix test the blog plugin makes, so both agree on what a post is.
        return src_uri.startswith(self.posts_dir)

    def author_id(self, name: str) -> str | None:
        return self.author_ids.get(name.strip().casefold()) if self.authors_on else None

    def lists_here(self, section: str) -> bool:
        """Whether the section is the blog's (its index and views are the lists there)."""
        root = "" if self.blog_dir in ("", ".") else self.blog_dir
        return not root or section == root or section.startswith(root + "/")


@dataclass(frozen=True)
class Elsewhere:
    """What another plugin or the theme already shows on one page."""

    facts: frozenset[str] = frozenset()
    """Of ``date``, ``reading-time``, ``categories``, ``tags``, ``breadcrumbs``."""
    authors: frozenset[str] = frozenset()
    """Author names (case-folded) shown by the blog plugin."""

    def shows(self, fact: str) -> bool:
        return fact in self.facts


NOTHING = Elsewhere()


@dataclass(frozen=True)
class Neighbours:
    blogs: tuple[Blog, ...] = ()
    tags_shown: bool = False
    """Material's tags plugin renders each page's tags above its content."""
    crumbs_shown: bool = False
    """The theme draws its own breadcrumb trail above the content."""

    def blog_of(self, src_uri: str) -> Blog | None:
        return next((blog for blog in self.blogs if blog.owns(src_uri)), None)

    def lists_section(self, section: str) -> bool:
        """Whether a blog plugin lists this section's posts itself."""
        return any(blog.lists_here(section) for blog in self.blogs)

    def elsewhere(self, data: PageData) -> Elsewhere:
        """What the page should not show twice."""
        facts: set[str] = set()
        if self.crumbs_shown:
            facts.add("breadcrumbs")
        if self.tags_shown:
            facts.add("tags")
        authors: set[str] = set()
        blog = self.blog_of(data.src_uri)
        if blog is not None:
            facts.add("date")
            if blog.readtime:
                facts.add("reading-time")
            if blog.categories:
                facts.add("categories")
            names = data.params.texts("author")
            authors = {name.strip().casefold() for name in names if blog.author_id(name)}
        return Elsewhere(frozenset(facts), frozenset(authors))


def find(config: MkDocsConfig) -> Neighbours:
    """The site's Material blog instances, its tags plugin and the theme's own breadcrumbs."""
    blogs: list[Blog] = []
    tags_shown = False
    for plugin in _enabled(config.plugins.values()):
        module = type(plugin).__module__
        if module.startswith("material.plugins.blog"):
            blogs.append(_blog(plugin))
        elif module.startswith("material.plugins.tags"):
            tags_shown = tags_shown or bool(plugin.config.get("tags", True))
    theme = config.theme
    crumbs = theme.name == "readthedocs" or (
        theme.name == "material" and "navigation.path" in (theme.get("features") or [])
    )
    return Neighbours(tuple(blogs), tags_shown, crumbs)


def _enabled(plugins: Iterable[Any]) -> Iterable[Any]:
    for plugin in plugins:
        options = getattr(plugin, "config", None)
        if options is not None and options.get("enabled", True):
            yield plugin


def _blog(plugin: Any) -> Blog:
    options = plugin.config
    blog_dir = posixpath.normpath(str(options.get("blog_dir", "blog")))
    posts = str(options.get("post_dir", "{blog}/posts")).format(blog=blog_dir)
    ids: dict[str, str] = {}
    # The blog plugin loads its authors file in its own on_config (when `authors` is on).
    for author_id, author in (getattr(plugin, "authors", None) or {}).items():
        ids.setdefault(str(author_id).casefold(), str(author_id))
        name = getattr(author, "name", None)
        if isinstance(name, str) and name.strip():
            ids.setdefault(name.strip().casefold(), str(author_id))
    return Blog(
        posts_dir=posixpath.normpath(posts),
        blog_dir=blog_dir,
        separator=str(options.get("post_excerpt_separator") or "<!-- more -->"),
        readtime=bool(options.get("post_readtime", True)),
        categories=bool(options.get("categories", True)),
        authors_on=bool(options.get("authors", True)),
        author_ids=ids,
    )
