"""MkDocs plugin that honours Hugo (PaperMod) front matter on any MkDocs theme.

How a page flows through the stages (``plugin.py`` only routes MkDocs' events to them):

1. ``source/``: in ``on_files`` each file is read once into a ``PageData`` (under
   ``mkdocs serve``, once per version of the file: ``source/reuse``): front matter
   (YAML, TOML or JSON, with line numbers), its flags checked against the one catalogue, dates,
   and the resolved page-then-site lookup. ``site/drafts`` decides which pages are built.
2. ``shortcodes/``: while MkDocs renders the Markdown, the extension turns Hugo shortcodes,
   video links and pasted video iframes into HTML, each call checked against its spec.
3. ``render/``: in ``on_page_content`` one scan of the rendered content finds its headings and
   leading ``<h1>``; reading time, table of contents, header and cover are built from it. The
   blocks go in after the search plugins have indexed the page; head tags go in last.
4. ``lists/``: in ``on_files`` the site's sections and taxonomy terms are worked out from the
   front matter and the list pages are added as files; each rendered page leaves a small
   ``Entry`` (summary, meta line, cover); list pages are filled in ``on_page_context`` once
   every post is rendered, and the RSS feeds are written after the build.
5. ``site/``: after the build, the search index forgets hidden pages and redirects are written.

``markup/`` holds the HTML-string rules every stage shares (attributes, tag stripping,
escaping, inline Markdown, URL safety), each written once.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
