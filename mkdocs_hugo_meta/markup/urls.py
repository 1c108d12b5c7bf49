"""Which URLs may become a link or an image: the one scheme check every renderer uses."""

from __future__ import annotations

import html
import re

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20]")
_CODE_SCHEMES = frozenset({"javascript", "vbscript"})
IMAGE_SCHEMES = frozenset({"http", "https"})
"""Remote images: only the web's own schemes (``data:image/…`` is checked apart)."""


_NEEDS_READING = re.compile(r"[\x00-\x20&]")


def _as_browser_reads(url: str) -> str:
    if _NEEDS_READING.search(url) is None:  # most URLs: nothing to decode or drop
        return url
    # A character reference ("javascript&#58;") is decoded before the URL is followed when the
    # value ends up in an attribute, so it is decoded here too.
    if "&" in url:
        url = html.unescape(url)
    return _IGNORED.sub("", url)


def scheme_of(url: str) -> str:
    """The URL's scheme, lower-cased, as a browser would read it ("" when it has none)."""
    match = _SCHEME.match(_as_browser_reads(url))
    return match.group(1).lower() if match else ""


def is_image_data(url: str) -> bool:
    """A ``data:image/…`` URL, which an ``<img>`` may load."""
    return _as_browser_reads(url)[5:].lower().startswith("image/")


def is_safe(url: str) -> bool:
    """False for URLs that run code when followed or loaded: ``javascript:``, ``vbscript:`` and
    ``data:`` other than images."""
    scheme = scheme_of(url)
    if scheme in _CODE_SCHEMES:
        return False
    if scheme == "data":
        return is_image_data(url)
    return True


def is_safe_image(url: str) -> bool:
    """Whether ``url`` may be an image source: a relative path, ``http(s):``, a protocol-relative
    ``//host/…`` or ``data:image/…``."""
    scheme = scheme_of(url)
    if not scheme:
        return True
    return scheme in IMAGE_SCHEMES or (scheme == "data" and is_image_data(url))


def is_safe_link(url: str) -> bool:
    """Whether ``url`` may be a link's ``href`` that the site itself sets (edit link, canonical):
    a relative path or ``http(s):``/``mailto:``; never ``data:``, even an image."""
    scheme = scheme_of(url)
    return not scheme or scheme in ("http", "https", "mailto")
