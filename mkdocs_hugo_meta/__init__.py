"""MkDocs plugin that honours Hugo (PaperMod) front matter on any MkDocs theme."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
