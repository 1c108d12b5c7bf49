"""Hugo's built-in content shortcodes other than the video ones.

Each renderer takes the parsed :class:`~.shortcodes.Shortcode` and a :class:`Host` (what the
Markdown extension knows about the page) and returns :class:`Output`, or raises
:class:`ShortcodeError` whose message becomes a warning (the shortcode then stays as text).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from ..markup import inline, text, urls
from . import specs, video
from .scanner import Shortcode
from .specs import FLAG, URL, Param, ShortcodeError, Spec


class Host(Protocol):
    """What renderers may ask of the page being converted."""

    def render(self, template: str, **values: Any) -> str: ...

    def label(self, key: str, **values: Any) -> str: ...

    def warn(self, message: str) -> None: ...

    def resolve_url(self, url: str, *, must_exist: bool = False) -> str: ...

    def resolve_ref(self, target: str) -> str | None: ...

    def has_fenced_code(self) -> bool: ...

    def param(self, name: str) -> Any: ...

    def stash(self, html: str) -> str: ...

    def render_embed(self, embed: video.Embed) -> str: ...


@dataclass
class Output:
    text: str
    html: bool = True
    """HTML to stash (``False``: Markdown text put back into the source)."""
    block: bool = True


def safe_url(url: str) -> str:
    """``url`` unless its scheme runs code (``javascript:``, ``vbscript:``, non-image ``data:``)."""
    if not urls.is_safe(url):
        raise ShortcodeError(f"unsafe URL {url[:40]!r}")
    return url


Arguments = dict[str, str]
"""A call's parameters by lower-case name, checked against the shortcode's spec."""


def figure(sc: Shortcode, args: Arguments, host: Host) -> Output:
    src = args.get("src")
    if not src:
        raise ShortcodeError("src is missing")
    caption = args.get("caption") or ""
    # Like Hugo: without alt, the caption's plain text describes the image.
    alt = args.get("alt")
    if alt is None:
        alt = text.text_of(inline.render(caption)) if caption else ""
    link = args.get("link")
    return Output(
        host.render(
            "figure.html",
            src=host.resolve_url(src, must_exist=True),
            alt=alt,
            width=args.get("width") or "",
            height=args.get("height") or "",
            loading=args.get("loading") or "",
            css_class=args.get("class") or "",
            centered=(args.get("align") or "").strip().lower() == "center",
            link=host.resolve_url(link) if link else "",
            target=args.get("target") or "",
            rel=args.get("rel") or "",
            title=args.get("title") or "",
            caption=inline.render(caption) if caption else "",
            attr=inline.render(args.get("attr") or "") if args.get("attr") else "",
            attrlink=args.get("attrlink") or "",
        )
    )


def x_post(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """``{{< x user="…" id="…" >}}`` and the older ``tweet``: a quote linking to the post."""
    user = args.get("user")
    post_id = args.get("id")
    if len(sc.positional) == 1:
        # The old form {{< tweet ID >}}: a single position is the id, not the user.
        user, post_id = None, sc.positional[0]
    if not post_id or not post_id.isdigit():
        raise ShortcodeError("the post id (digits) is missing")
    if user is not None and not re.match(r"^\w{1,50}$", user):
        raise ShortcodeError(f"{user[:40]!r} is not a user name")
    if user:
        url, text = f"https://x.com/{user}/status/{post_id}", host.label("x_post", user=user)
    else:
        url, text = f"https://x.com/i/status/{post_id}", host.label("x_post_anonymous")
    return Output(host.render("x.html", url=url, text=text))


def gist(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """``{{< gist USER ID [FILE] >}}``: a link to the gist (no embed script)."""
    user, gist_id, name = args.get("user"), args.get("id"), args.get("file")
    if not user or not gist_id:
        raise ShortcodeError("user and id are required")
    if not re.match(r"^[\w-]+$", user) or not re.match(r"^[\w-]+$", gist_id):
        raise ShortcodeError("user and id must be a GitHub user name and a gist id")
    url = f"https://gist.github.com/{user}/{gist_id}"
    if name:
        url += "#file-" + re.sub(r"[^A-Za-z0-9_-]", "-", name).lower()
    return Output(host.render("gist.html", url=url, text=host.label("gist", user=user, id=gist_id)))


def _expand_lines(spec: str) -> str:
    """Hugo's ``hl_lines=3 5-7`` as the list Python-Markdown wants: ``3 5 6 7``."""
    numbers: list[str] = []
    for part in spec.replace(",", " ").split():
        start, _, end = part.partition("-")
        if start.isdigit() and end.isdigit():
            numbers.extend(str(n) for n in range(int(start), int(end) + 1))
        elif start.isdigit() and not end:
            numbers.append(start)
    return " ".join(numbers)


def highlight(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """``{{< highlight LANG "OPTIONS" >}}CODE{{< /highlight >}}`` as a fenced code block."""
    lang = (args.get("lang") or "").strip()
    if not re.match(r"^[\w+#.-]*$", lang):
        raise ShortcodeError(f"{lang!r} is not a language name")
    options = dict(
        part.split("=", 1) for part in (args.get("options") or "").split(",") if "=" in part
    )
    code = (sc.inner or "").removeprefix("\r").removeprefix("\n").rstrip()
    if not host.has_fenced_code():
        classes = f' class="language-{lang}"' if lang else ""
        return Output(f"<pre><code{classes}>{html.escape(code)}\n</code></pre>")
    longest = max((len(m) for m in re.findall(r"`{3,}", code)), default=2)
    fence = "`" * (longest + 1)
    hl_lines = _expand_lines(options.get("hl_lines", ""))
    info = lang + (f' hl_lines="{hl_lines}"' if hl_lines else "")
    return Output(f"{fence}{info}\n{code}\n{fence}", html=False)


def ref(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """``{{< ref "page" >}}``: the page's path relative to this one; MkDocs makes it a URL."""
    target = args.get("path")
    if not target:
        raise ShortcodeError("the page is missing")
    if urls.scheme_of(target.strip()):
        raise ShortcodeError(f"{target[:40]!r} is not a page path")
    found = host.resolve_ref(target)
    if found is None:
        # The link stays visible (and broken) rather than the text disappearing.
        host.warn(f"{{{{< {sc.name} >}}}}: page {text.show(target)!r} not found")
        # Percent-encoded: the target goes back into the Markdown, where brackets, parentheses
        # or raw HTML in it would be markup; as a URL it still shows where the link meant to go.
        found = quote(target.strip(), safe="/#?&=.-_~:+,;@!$*%")
    return Output(found, html=False, block=False)


def param(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """``{{< param "name" >}}``: a front-matter value of the page, else of the site's params
    (dotted names reach into maps), as text."""
    name = (args.get("name") or "").strip()
    if not name:
        raise ShortcodeError("the parameter name is missing")
    value = host.param(name)
    if value is None:
        raise ShortcodeError(f"neither the page nor the site has a parameter {name!r}")
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, list):
        text = ", ".join(str(item) for item in value)
    else:
        text = str(value)
    return Output(html.escape(text, quote=False), html=True, block=False)


def rawhtml(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """PaperMod's ``{{< rawhtml >}}HTML{{< /rawhtml >}}``: the HTML between the tags, as written
    (the author's own markup, as raw HTML in Markdown is)."""
    return Output((sc.inner or "").strip("\n"))


def collapse(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """PaperMod's ``{{< collapse summary="…" openByDefault=true >}}Markdown{{< /collapse >}}``:
    a ``<details>`` whose body is the page's own Markdown between the tags."""
    summary = args.get("summary") or ""
    if not summary:
        host.warn(f"{{{{< {sc.name} >}}}}: the summary is missing")
    is_open = specs.flag(args, "openByDefault", False)
    opening = (f'<details class="hm-collapse"{" open" if is_open else ""}>'
               f"<summary>{inline.render(summary)}</summary>")
    # The tags are stashed on their own lines, so the Markdown between them is the page's.
    inner = (sc.inner or "").strip("\n")
    return Output(f"{host.stash(opening)}\n\n{inner}\n\n{host.stash('</details>')}", html=False)


def video_embed(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """Hugo's ``{{< youtube >}}`` and ``{{< vimeo >}}``: one ``hm-video`` block."""
    return Output(host.render_embed(video.from_arguments(sc.name.lower(), args)))


Renderer = Callable[[Shortcode, Arguments, Host], Output]

_FIGURE = (
    Param("src", URL), Param("alt"), Param("width"), Param("height"), Param("loading"),
    Param("class"), Param("link", URL), Param("target"), Param("rel"), Param("title"),
    Param("caption"), Param("attr"), Param("attrlink", URL),
    Param("align"),  # PaperMod's: `center` centres the image
)
_X = (Param("user"), Param("id"))
_REF = (Param("path"), Param("lang"), Param("outputFormat"))

SHORTCODES: dict[str, tuple[Spec, Renderer]] = {
    spec.name: (spec, renderer)
    for spec, renderer in (
        (Spec("param", (Param("name"),), ("name",)), param),
        (Spec("collapse", (Param("summary"), Param("openByDefault", FLAG)), paired=True),
         collapse),
        (Spec("rawhtml", paired=True), rawhtml),
        (Spec("figure", _FIGURE), figure),
        (Spec("x", _X, ("user", "id")), x_post),
        (Spec("tweet", _X, ("user", "id")), x_post),
        (Spec("gist", (Param("user"), Param("id"), Param("file")), ("user", "id", "file")),
         gist),
        (Spec("highlight", (Param("lang"), Param("options")), ("lang", "options"), paired=True),
         highlight),
        (Spec("ref", _REF, ("path",)), ref),
        (Spec("relref", _REF, ("path",)), ref),
        *((spec, video_embed) for spec in video.SPECS.values()),
    )
}
"""Hugo's and PaperMod's shortcodes: each one's spec and renderer."""
PAIRED = {name for name, (spec, _) in SHORTCODES.items() if spec.paired}
