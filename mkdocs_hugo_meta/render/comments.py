"""The comments block: the embed script of the provider the site configures.

This is the only third-party script the plugin ever adds, and only because the site's
configuration names the provider.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..context import PageContext

SCRIPTS = {
    "giscus": "https://giscus.app/client.js",
    "utterances": "https://utteranc.es/client.js",
}
# What each provider cannot work without; a missing one is reported, the block still rendered.
REQUIRED = {
    "giscus": ("data-repo", "data-repo-id", "data-category-id"),
    "utterances": ("repo",),
}
# Attributes the plugin sets itself; a user value for them would change what is loaded.
_RESERVED = {"src", "async", "defer", "type"}
_NAME = re.compile(r"^[a-z][a-z0-9_.:-]*$")


def attributes(provider: str, configured: dict[str, Any]) -> dict[str, str]:
    """The script tag's attributes from the config, as the provider documents them.

    giscus reads ``data-*`` attributes, so ``repo`` becomes ``data-repo``; utterances reads
    plain ones. Booleans become giscus' ``1``/``0`` or ``true``/``false``.
    """
    result: dict[str, str] = {}
    for key, value in configured.items():
        name = str(key).strip().lower()
        if not _NAME.match(name) or name in _RESERVED or value is None:
            continue
        if provider == "giscus" and not name.startswith("data-") and name != "crossorigin":
            name = "data-" + name
        if isinstance(value, bool):
            text = ("1" if value else "0") if provider == "giscus" else str(value).lower()
        else:
            text = str(value)
        result[name] = text
    result.setdefault("crossorigin", "anonymous")
    return result


def render(ctx: PageContext) -> str:
    if not ctx.params.flag("comments"):
        return ""
    options = ctx.options.comments
    provider = options.provider
    if not provider:
        where = (
            f"a page asks for comments (`comments: true`, first in {ctx.page.file.src_uri})"
            if ctx.params.is_set("comments")
            else "`comments: true` is set in plugins.hugo-meta.params"
        )
        ctx.site.warn_config_once(
            "comments:provider",
            f"{where} but `comments.provider` is not configured; no comments block is rendered",
        )
        return ""
    attrs = attributes(provider, dict(options.attributes))
    missing = [name for name in REQUIRED[provider] if name not in attrs]
    if missing:
        ctx.site.warn_config_once(
            "comments:attributes",
            f"plugins.hugo-meta.comments.attributes: {provider} needs {', '.join(missing)}",
        )
    return ctx.render("comments.html", provider=provider, src=SCRIPTS[provider], attributes=attrs)
