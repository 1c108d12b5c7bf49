"""Attribute lookups in the theme's templates, made without raising Python exceptions.

Jinja2 reads ``a.b`` by trying ``getattr(a, "b")``, catching the ``AttributeError``, then trying
``a["b"]`` and catching the ``KeyError`` or ``TypeError`` before it gives an ``Undefined``. A
theme's nav is rendered into every page, so a nav macro's lookups run (pages x entries) times:
Material asks every entry for ``meta.icon``, ``meta.subtitle``, ``meta.status`` and
``encrypted``, and for a page whose front matter holds none of them (nearly all) that is eight
exceptions raised and caught per entry, per page. Every page whose front matter the plugin reads
(TOML and JSON ones too, which MkDocs alone leaves without ``meta``) enters that path, so the cost
grew with the size of the site. The lookup below gives the same results without the exceptions.
"""

from __future__ import annotations

from typing import Any

import jinja2

_MISSING = object()


def speed_up(env: jinja2.Environment) -> None:
    """Give ``env`` the exception-free lookup, unless its class has its own (a sandbox does)."""
    if type(env).getattr is not jinja2.Environment.getattr:
        return

    def getattr_(obj: Any, attribute: str) -> Any:
        # With a default, getattr makes no AttributeError for an ordinary object or a dict,
        # and Jinja2 too prefers the attribute (a dict's `items` is its method).
        value = getattr(obj, attribute, _MISSING)
        if value is not _MISSING:
            return value
        if type(obj) is dict:  # front matter, `meta`, `extra`: a key or nothing
            value = obj.get(attribute, _MISSING)
            if value is not _MISSING:
                return value
        else:
            try:
                return obj[attribute]
            except (TypeError, LookupError, AttributeError):
                pass
        return env.undefined(obj=obj, name=attribute)

    env.getattr = getattr_  # type: ignore[method-assign]
