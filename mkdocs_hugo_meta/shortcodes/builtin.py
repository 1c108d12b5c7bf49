"""Hugo's built-in content shortcodes and PaperMod's, other than the video embeds.

Each renderer takes the parsed :class:`~.shortcodes.Shortcode` and a :class:`Host` (what the
Markdown extension knows about the page) and returns :class:`Output`, or raises
:class:`ShortcodeError` whose message becomes a warning (the shortcode then stays as text).
"""

from __future__ import annotations

import base64
import html
import importlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from ..markup import inline, text, urls
from . import specs, video
from .scanner import Shortcode
from .specs import CHOICE, FLAG, URL, Param, ShortcodeError, Spec


class Host(Protocol):
    """What renderers may ask of the page being converted."""

    def render(self, template: str, **values: Any) -> str: ...

    def label(self, key: str, **values: Any) -> str: ...

    def warn(self, message: str) -> None: ...

    def warn_once(self, message: str) -> None: ...

    def resolve_url(self, url: str, *, must_exist: bool = False) -> str: ...

    def resolve_ref(self, target: str) -> str | None: ...

    def has_fenced_code(self) -> bool: ...

    def param(self, name: str) -> Any: ...

    def stash(self, html: str) -> str: ...

    def render_embed(self, embed: video.Embed) -> str: ...

    def render_markdown(self, source: str) -> str | None: ...


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
    """``{{< ref "page#anchor" >}}``: the page's path relative to this one (the anchor kept);
    MkDocs makes it a URL."""
    target = args.get("path")
    if not target:
        raise ShortcodeError("the page is missing")
    if urls.scheme_of(target.strip()):
        raise ShortcodeError(f"{target[:40]!r} is not a page path")
    # A site built by MkDocs has one output format and one language: the link is the page's.
    output_format = (args.get("outputformat") or "").strip()
    if output_format and output_format.lower() != "html":
        host.warn(f"{{{{< {sc.name} >}}}}: outputFormat {text.show(output_format)!r} does not "
                  "exist here (only html); linked to the page")
    lang = (args.get("lang") or "").strip()
    if lang:
        host.warn(f"{{{{< {sc.name} >}}}}: lang {text.show(lang)!r} ignored (the site has one "
                  "language)")
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
    return _around(sc, host, opening, "</details>")


def video_embed(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """Hugo's ``{{< youtube >}}`` and ``{{< vimeo >}}``: one ``hm-video`` block."""
    return Output(host.render_embed(video.from_arguments(sc.name.lower(), args)))


def comment(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """Hugo's ``{{% comment %}}…{{% /comment %}}``: the author's notes, never published."""
    return Output("", html=False, block=False)


def _around(sc: Shortcode, host: Host, opening: str, closing: str) -> Output:
    """The Markdown between the tags, inside ``opening`` and ``closing`` HTML.

    As in Hugo, the ``{{< >}}`` form renders its text on its own (``markdownify``) and the whole
    block stands where the tag opened, so a pair may open in one Markdown block (a list item's
    quote) and close in another. The ``{{% %}}`` form, and any host that cannot render Markdown
    on its own, keep the text as the page's Markdown between stashed tags on their own lines.
    """
    inner = (sc.inner or "").strip("\n")
    if not sc.markdown:
        rendered = host.render_markdown(inner)
        if rendered is not None:
            return Output(f"{opening}\n{rendered}\n{closing}")
    return Output(f"{host.stash(opening)}\n\n{inner}\n\n{host.stash(closing)}", html=False)


def details(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """Hugo's ``{{< details summary="…" open=true name class title >}}Markdown{{< /details >}}``."""
    classes = " ".join(["hm-details", *(args.get("class") or "").split()])
    attributes = [f'class="{text.escape_attr(classes)}"']
    for key in ("name", "title"):
        if args.get(key):
            attributes.append(f'{key}="{text.escape_attr(args[key])}"')
    if specs.flag(args, "open", False):
        attributes.append("open")
    # Hugo's default summary; an empty one is replaced too, as Hugo's `or` does.
    summary = inline.render(args.get("summary") or "Details")
    opening = f"<details {' '.join(attributes)}><summary>{summary}</summary>"
    return _around(sc, host, opening, "</details>")


def direction(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """PaperMod's ``{{< ltr >}}`` and ``{{< rtl >}}``: the Markdown between the tags in that
    writing direction. PaperMod's ``md`` switch (Markdown or not) is accepted but changes
    nothing: the text between the tags is always the page's Markdown here."""
    way = sc.name.lower()
    return _around(sc, host, f'<div class="hm-{way}" dir="{way}">', "</div>")


_INSTAGRAM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def instagram(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """``{{< instagram ID >}}``: a link to the post (no embed script)."""
    post_id = (args.get("id") or "").strip()
    if not post_id:
        raise ShortcodeError("the post id is missing")
    if not _INSTAGRAM_ID.fullmatch(post_id):
        raise ShortcodeError(f"{text.show(post_id, 40)!r} is not an Instagram post id")
    url = f"https://www.instagram.com/p/{post_id}/"
    return Output(host.render("instagram.html", url=url, post_id=post_id))


_MEDIA_TYPES = {
    "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg",
    "ogg": "video/ogg", "mov": "video/quicktime",
}  # fmt: skip


def _source(args: Arguments, name: str, host: Host) -> str:
    """The (checked) URL parameter ``name`` as this page links it; a local file must exist."""
    src = (args.get(name) or "").strip()
    if not src:
        raise ShortcodeError(f"{name} is missing")
    return host.resolve_url(src, must_exist=True)


def video_file(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """PaperMod's ``{{< video src="clip.mp4" >}}``: the browser's own player, no script."""
    src = _source(args, "src", host)
    suffix = urlsplit(src).path.rsplit(".", 1)[-1].lower()
    autoplay = specs.flag(args, "autoplay", False)
    return Output(host.render(
        "video_source.html",
        src=src,
        media_type=(args.get("type") or "").strip() or _MEDIA_TYPES.get(suffix, ""),
        poster=_source(args, "poster", host) if args.get("poster") else "",
        controls=specs.flag(args, "controls", True),
        autoplay=autoplay,
        # Browsers start a video by itself only when it is muted.
        muted=autoplay or specs.flag(args, "muted", False),
        loop=specs.flag(args, "loop", False),
    ))


def audio(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """PaperMod's ``{{< audio src="talk.mp3" >}}``: the browser's own player."""
    return Output(host.render("audio.html", src=_source(args, "src", host)))


def in_text_img(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """PaperMod's ``{{< inTextImg url="icon.png" height=20 alt="…" >}}``: a small image inside
    a line of text."""
    src = _source(args, "url", host)
    height = (args.get("height") or "").strip()
    if height and not re.fullmatch(r"\d{1,4}", height):
        # Only digits may reach the style attribute.
        host.warn(f"{{{{< {sc.name} >}}}}: height must be a number of pixels, not "
                  f"{text.show(height)!r}; ignored")
        height = ""
    return Output(
        host.render("intextimg.html", src=src, alt=args.get("alt") or "", height=height),
        block=False,
    )


QR_LEVELS = {"l": "l", "low": "l", "m": "m", "medium": "m", "q": "q", "quartile": "q",
             "h": "h", "high": "h"}
"""Error-correction levels: Hugo's words, and the letters QR tools use."""
QR_MISSING = ("{{< qr >}} needs the optional 'segno' package (pip install mkdocs-hugo-meta[qr]); "
              "the text is shown as a link/code instead")


def _segno() -> ModuleType | None:
    """The optional QR encoder, imported at use: the plugin works without it."""
    try:
        return importlib.import_module("segno")
    except ImportError:
        return None


def _qr_image(segno: ModuleType, data: str, level: str, scale: int) -> tuple[str, int]:
    """The QR code of ``data`` as a ``data:image/svg+xml`` URL, and its width in pixels."""
    try:
        code = segno.make_qr(data, error=level, boost_error=False)
    except ValueError as error:  # too long for a QR code, or not encodable
        raise ShortcodeError(f"the text cannot be a QR code ({text.show(str(error))})") from None
    svg = io.BytesIO()
    # A white ground and quiet zone: on a dark theme the code must still scan.
    code.save(svg, kind="svg", scale=scale, dark="#000", light="#fff", xmldecl=False, nl=False,
              svgclass=None, lineclass=None)
    width, _ = code.symbol_size(scale=scale)
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode("ascii")
    return source, int(width)


def qr(sc: Shortcode, args: Arguments, host: Host) -> Output:
    """Hugo's ``{{< qr text="…" />}}`` or ``{{< qr >}}text{{< /qr >}}``: the QR code as an inline
    SVG image (no file is written, so ``targetDir`` has nothing to do)."""
    inner = (sc.inner or "").strip()
    data = args.get("text") or inner
    if not data.strip():
        raise ShortcodeError('the text is missing (text="…" or between the tags)')
    level = QR_LEVELS[(args.get("level") or "m").strip().lower()]
    scale = 4
    given = (args.get("scale") or "").strip()
    if re.fullmatch(r"\d{1,3}", given) and 2 <= int(given) <= 100:
        scale = int(given)
    elif given:
        host.warn(f"{{{{< {sc.name} >}}}}: scale must be a whole number from 2 to 100, not "
                  f"{text.show(given)!r}; 4 used")
    values: dict[str, Any] = {
        "css_class": args.get("class") or "", "element_id": args.get("id") or "",
        "title": args.get("title") or "", "loading": args.get("loading") or "",
        "alt": args.get("alt") or data, "text": data, "src": "", "size": 0, "link": "",
    }
    segno = _segno()
    if segno is not None:
        values["src"], values["size"] = _qr_image(segno, data, level, scale)
    else:
        host.warn_once(QR_MISSING)
        plain = data.strip()
        if re.fullmatch(r"https?://\S+", plain, re.IGNORECASE) and urls.is_safe(plain):
            values["link"] = plain
    image = host.render("qr.html", **values)
    if args.get("text") and inner:
        # A `{{< qr text=… >}}` not self-closed took the page up to a later `{{< /qr >}}` as its
        # inner text: that text is the page's, so it stays.
        host.warn(f"{{{{< {sc.name} >}}}}: text= is given, so the text up to {{{{< /qr >}}}} "
                  "is not encoded but kept on the page")
        return Output(f"{host.stash(image)}\n\n{sc.inner or ''}", html=False)
    return Output(image, block=False)


Renderer = Callable[[Shortcode, Arguments, Host], Output]

_FIGURE = (
    Param("src", URL), Param("alt"), Param("width"), Param("height"), Param("loading"),
    Param("class"), Param("link", URL), Param("target"), Param("rel"), Param("title"),
    Param("caption"), Param("attr"), Param("attrlink", URL),
    Param("align"),  # PaperMod's: `center` centres the image
)
_X = (Param("user"), Param("id"))
_REF = (Param("path"), Param("lang"), Param("outputFormat"))
_DETAILS = (Param("summary"), Param("open", FLAG), Param("name"), Param("class"), Param("title"))
_QR = (
    Param("text"), Param("level", CHOICE, tuple(QR_LEVELS)), Param("scale"), Param("alt"),
    Param("class"), Param("id"), Param("loading"), Param("title"),
    Param("targetDir"),  # where Hugo writes the image file; the image is inline here
)
_VIDEO = (
    Param("src", URL), Param("type"), Param("poster", URL), Param("autoplay", FLAG),
    Param("loop", FLAG), Param("muted", FLAG), Param("controls", FLAG),
)
# PaperMod's `{{< rtl md >}}` or `md=true`: any value does, the text is Markdown anyway.
_DIRECTION = (Param("md"),)

SHORTCODES: dict[str, tuple[Spec, Renderer]] = {
    # Looked up by lower-case name (PaperMod spells one `inTextImg`).
    spec.name.lower(): (spec, renderer)
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
        (Spec("comment", paired=True), comment),
        (Spec("details", _DETAILS, paired=True), details),
        # `hidecaption` is the second position of Hugo's older instagram shortcode.
        (Spec("instagram", (Param("id"), Param("hidecaption")), ("id", "hidecaption")),
         instagram),
        # Not `paired`: the text may be a parameter, and Hugo's docs self-close the tag.
        (Spec("qr", _QR), qr),
        (Spec("video", _VIDEO), video_file),
        (Spec("audio", (Param("src", URL),)), audio),
        (Spec("inTextImg", (Param("url", URL), Param("height"), Param("alt"))), in_text_img),
        (Spec("ltr", _DIRECTION, ("md",), paired=True), direction),
        (Spec("rtl", _DIRECTION, ("md",), paired=True), direction),
        *((spec, video_embed) for spec in video.SPECS.values()),
    )
}
"""Hugo's and PaperMod's shortcodes: each one's spec and renderer."""
PAIRED = {name for name, (spec, _) in SHORTCODES.items() if spec.paired}
