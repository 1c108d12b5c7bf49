"""``markdown_extensions: [mkdocs_hugo_meta.markdown_ext]``: the shortcode extension on its own.

The extension lives in :mod:`mkdocs_hugo_meta.shortcodes.extension`; this name stays importable
because sites list it in ``mkdocs.yml``.
"""

from __future__ import annotations

from .shortcodes.extension import HugoMarkdownExtension, makeExtension

__all__ = ["HugoMarkdownExtension", "makeExtension"]
