"""Which URLs from front matter may reach a page's links and images."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20]")
_CODE_SCHEMES = frozenset({"javascript", "vbscript"})


def scheme_of(url: str) -> str:
    """The URL's scheme, lower-cased, as a browser would read it ("" when it has none)."""
    match = _SCHEME.match(_IGNORED.sub("", url))
    return match.group(1).lower() if match else ""


def is_safe(url: str) -> bool:
    """False for URLs that run code when followed or loaded: ``javascript:``, ``vbscript:`` and
    ``data:`` other than images."""
    scheme = scheme_of(url)
    if scheme in _CODE_SCHEMES:
        return False
    if scheme == "data":
        return _IGNORED.sub("", url)[5:].lower().startswith("image/")
    return True
