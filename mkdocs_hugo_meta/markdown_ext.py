"""Python-Markdown extension for Hugo shortcodes (placeholder)."""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown


class HugoMarkdownExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.options = kwargs.pop("options", None)
        super().__init__(**kwargs)

    def begin_page(self, data: Any, files: Any) -> None:
        return None

    def extendMarkdown(self, md: Markdown) -> None:
        return None
