"""Python-Markdown extension: Hugo shortcodes, ``![type:video](URL)`` and video iframes.

The plugin appends it in ``on_config`` and calls :meth:`HugoMarkdownExtension.begin_page` before
each page renders, so warnings name the file and line and ``ref`` can find other pages. It also
works alone in ``markdown_extensions:`` (``mkdocs_hugo_meta.markdown_ext``), for Python-Markdown
hosts that run extensions but no MkDocs plugins; there it warns through the plain logger and
adds the video stylesheet and script inline to documents that need them.
"""

from __future__ import annotations

import dataclasses
import html
import logging
import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from .. import diagnostics
from ..markdown import preprocessor
from ..render import assets
from ..render.labels import Labels
from ..render.templates import PACKAGE_TEMPLATES, Templates
from . import builtin, scanner, site_templates, video
from .specs import ShortcodeError

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

    from ..context import SiteContext
    from ..source.page import PageData

log = logging.getLogger(__name__)

VIDEO_OPTIONS = tuple(video.DEFAULTS)
_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
"""Python-Markdown's placeholder for a stashed block of raw HTML."""
MAX_NESTING = 8
"""Shortcodes nested deeper than this inside paired ones are shown as text."""
# After whitespace normalisation (30), before fenced code (25) and the raw-HTML stash (20): code
# blocks are still text we can skip, and `highlight` can become a fenced block.
PREPROCESSOR_PRIORITY = 27
# Before raw HTML is put back (30), so the stash still holds each pasted block on its own.
IFRAME_PRIORITY = 35


class HugoMarkdownExtension(Extension):
    """Hugo shortcodes and video embeds for Python-Markdown."""

    def __init__(self, **kwargs: Any) -> None:
        options = kwargs.pop("options", None)
        self.site: SiteContext | None = kwargs.pop("site", None)
        self.config = {
            **{
                name: [default, f"as the plugin's `video.{name}` option"]
                for name, default in video.DEFAULTS.items()
            },
            "inline_assets": [
                True,
                "Without the plugin: add the video stylesheet and script inline when needed",
            ],
        }
        super().__init__(**kwargs)
        self.plugin_mode = options is not None
        if options is not None:
            for key in VIDEO_OPTIONS:
                self.setConfig(key, options[key])
        self._pending: tuple[PageData, Files] | None = None
        self.nesting = 0
        """How many shortcode bodies are being rendered inside one another right now."""
        self._templates: Templates | None = None
        self._names: tuple[int, dict[str, list[str]]] | None = None

    def begin_page(self, data: PageData, files: Files) -> None:
        """The page the next Markdown instance converts (MkDocs makes one per page)."""
        self._pending = (data, files)

    def extendMarkdown(self, md: Markdown) -> None:
        # Taken once, so a page rendered without begin_page never inherits another's name.
        page, self._pending = self._pending, None
        if not self.plugin_mode:
            _standalone_logging()
        doc = _Document(self, md, page)
        md.preprocessors.register(_Shortcodes(md, doc), "hugo_shortcodes", PREPROCESSOR_PRIORITY)
        if page is not None and self.site is not None:
            data = page[0]
            if preprocessor.uses_goldmark(self.site.options, data):
                blocks = preprocessor.CommonMarkBlocks(md, doc.failed, data.warn)
                md.preprocessors.register(blocks, "hugo_goldmark", preprocessor.PRIORITY)
        md.postprocessors.register(_Iframes(md, doc), "hugo_iframes", IFRAME_PRIORITY)
        if page is not None and self.site is not None and self.site.links:
            from ..site import links  # MkDocs only: the extension alone runs without it

            prefix = links.site_prefix(self.site.config.site_url)
            resolver = links.AbsoluteLinks(md, page[0].src_uri, self.site.links, prefix)
            md.treeprocessors.register(resolver, "hugo_absolute_links", links.PRIORITY)

    @property
    def templates(self) -> Templates:
        if self.site is not None:
            return self.site.templates
        if self._templates is None:
            self._templates = Templates([PACKAGE_TEMPLATES])
        return self._templates

    def names(self, files: Files) -> dict[str, list[str]]:
        """Pages by file name without ``.md``, for ``ref`` by name (built once per build)."""
        if self._names is None or self._names[0] != id(files):
            index: dict[str, list[str]] = {}
            for file in files.documentation_pages():
                stem = posixpath.basename(file.src_uri).rsplit(".", 1)[0].lower()
                index.setdefault(stem, []).append(file.src_uri)
            self._names = (id(files), index)
        return self._names[1]


@dataclass
class _Document:
    """One conversion: the page, what was stashed by us, and whether a video appeared."""

    ext: HugoMarkdownExtension
    md: Markdown
    page: tuple[PageData, Files] | None
    own_stash: set[int] = field(default_factory=set)
    videos: int = 0
    facades: int = 0
    line: int = 1
    warned_once: set[str] = field(default_factory=set)
    ordinals: dict[str, int] = field(default_factory=dict)
    """Calls of each shortcode so far (Hugo's ``.Ordinal``)."""
    assets_key: int | None = None
    """Stash entry at the end of the document for the inline stylesheet and script."""

    def reset(self) -> None:
        self.warned_once.clear()
        self.ordinals.clear()
        self.own_stash.clear()
        self.videos = self.facades = 0
        self.assets_key = None

    @property
    def inline_assets(self) -> bool:
        return not self.ext.plugin_mode and bool(self.ext.getConfig("inline_assets"))

    # --- what renderers may ask (builtin.Host) ---

    def options(self) -> dict[str, Any]:
        return {key: self.ext.getConfig(key) for key in VIDEO_OPTIONS}

    def render(self, template: str, **values: Any) -> str:
        return self.ext.templates.render(template, labels=self.labels, **values)

    def label(self, key: str, **values: Any) -> str:
        return self.labels(key, **values)

    @property
    def labels(self) -> Labels:
        return self.ext.site.labels if self.ext.site is not None else Labels(None, {})

    def failed(self, feature: str, error: Exception) -> None:
        """Report a failure of the extension's own work on this page (the fault barrier)."""
        source = self.page[0].src_uri if self.page is not None else f"line {self.line}"
        diagnostics.failed(source, feature, error)

    def warn(self, message: str) -> None:
        if self.page is None:
            # Under the plugin, a page rendered again without it (a blog excerpt) was already
            # reported when it rendered as itself.
            if not self.ext.plugin_mode:
                # The host hands over the page without its front matter: lines count from there.
                path = host_page_path(self.md)
                where = f"{path}: line {self.line} after the front matter" if path else (
                    f"line {self.line}"
                )
                log.warning(f"{where}: {message}")
            return
        data = self.page[0]
        data.warn(message, line=data.front.body_line + self.line - 1)

    def warn_once(self, message: str) -> None:
        """``message`` once for this page, however many of its shortcodes run into it."""
        if message not in self.warned_once:
            self.warned_once.add(message)
            self.warn(message)

    @property
    def site_shortcodes(self) -> site_templates.SiteShortcodes | None:
        return self.ext.site.shortcodes if self.ext.site is not None else None

    def page_view(self) -> site_templates.PageView:
        """``.Page`` for the site's shortcode templates."""
        if self.page is None:
            return site_templates.PageView("", {}, "", None)
        data, files = self.page
        file = files.get_file_from_path(data.src_uri)
        params = {str(k).lower(): v for k, v in data.front.data.items()}
        return site_templates.PageView(
            data.params.text("title"), params, file.url if file else "", data.params.date("date")
        )

    def site_view(self) -> site_templates.SiteView:
        """``.Site`` for the site's shortcode templates."""
        site = self.ext.site
        if site is None:
            return site_templates.SiteView("", {})
        return site_templates.SiteView(str(site.config.site_name or ""), dict(site.options.params))

    def param(self, name: str) -> Any:
        """Hugo's ``.Param``: the page's front matter, else the site's ``params``; keys are
        case-insensitive and a dotted name reaches into maps. ``None`` when neither has it."""
        sources: list[Any] = []
        if self.page is not None:
            sources.append(self.page[0].front.data)
        if self.ext.site is not None:
            sources.append(self.ext.site.options.params)
        for source in sources:
            value: Any = source
            for part in name.lower().split("."):
                if not isinstance(value, dict):
                    value = None
                    break
                value = next((v for k, v in value.items() if str(k).lower() == part), None)
            if value is not None:
                return value
        return None

    def has_fenced_code(self) -> bool:
        return "fenced_code_block" in self.md.preprocessors

    def resolve_url(self, url: str, *, must_exist: bool = False) -> str:
        """A link to a file in ``docs/`` as MkDocs would write it from this page.

        With ``must_exist`` (an image source), a local path that names no file is reported.
        """
        if self.page is None:
            return url
        data, files = self.page
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path:
            return url
        path = unquote(parts.path)
        if path.startswith("/"):
            target = path.lstrip("/")
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(data.src_uri), path))
        found, here = files.get_file_from_path(target), files.get_file_from_path(data.src_uri)
        if found is None or here is None:
            if must_exist and found is None:
                self.warn(f"'{url}' was not found under docs/; used as written")
            return url
        relative = found.url_relative_to(here)
        return urlunsplit(("", "", relative, parts.query, parts.fragment))

    def resolve_ref(self, target: str) -> str | None:
        """``ref``'s page as a ``.md`` path relative to this page, which MkDocs then links."""
        path, _, anchor = target.partition("#")
        fragment = f"#{anchor}" if anchor else ""
        if self.page is None:
            return target
        data, files = self.page
        here = posixpath.dirname(data.src_uri)
        path = path.strip()
        if not path:
            return fragment or None
        bases = [path.strip("/")] if path.startswith("/") else [
            posixpath.normpath(posixpath.join(here, path)).strip("/"),
            path.strip("/"),
        ]
        for base in bases:
            stem = base.removesuffix(".md")
            for candidate in (base, f"{stem}.md", f"{stem}/index.md", f"{stem}/_index.md"):
                if files.get_file_from_path(candidate) is not None:
                    return _relative(candidate, here) + fragment
        matches = self.ext.names(files).get(posixpath.basename(path).removesuffix(".md").lower())
        if matches and len(matches) == 1:
            return _relative(matches[0], here) + fragment
        return None

    # --- output ---

    def render_markdown(self, source: str) -> str | None:
        """``source`` as a Markdown document of its own, with the page's extensions (Hugo's
        ``markdownify`` of a shortcode's inner text); ``None`` outside an MkDocs build."""
        site = self.ext.site
        if site is None or self.page is None or self.ext.nesting >= MAX_NESTING:
            return None  # past the cap, the text stays the page's Markdown
        self.ext.begin_page(*self.page)
        nested = Markdown(
            extensions=site.config.markdown_extensions,
            extension_configs=site.config.mdx_configs,
        )
        if "relpath" in self.md.treeprocessors:
            # MkDocs' own link rewriting, so links between pages work inside the block too.
            nested.treeprocessors.register(self.md.treeprocessors["relpath"], "relpath", 0)
        self.ext.nesting += 1
        try:
            return nested.convert(source)
        finally:
            self.ext.nesting -= 1

    def unstash(self, text: str) -> str:
        """``text`` with the HTML stashed for it put back in place of the placeholders."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        return _PLACEHOLDER.sub(lambda m: str(blocks[int(m.group(1))]), text)

    def stash(self, text: str) -> str:
        placeholder = self.md.htmlStash.store(text)
        self.own_stash.add(self.md.htmlStash.html_counter - 1)
        return placeholder

    def render_embed(self, embed: video.Embed) -> str:
        values = video.template_values(embed, self.options())
        self.videos += 1
        self.facades += bool(values["facade"])
        return self.render("video.html", **values)


def _relative(src_uri: str, here: str) -> str:
    return quote(posixpath.relpath(src_uri, here or "."))


class _Shortcodes(Preprocessor):
    """Replace shortcodes and video links in the source before any other block work."""

    def __init__(self, md: Markdown, doc: _Document) -> None:
        super().__init__(md)
        self.doc = doc
        self.unknown: set[str] = set()
        self.depth = 0
        """How deep in shortcodes nested in shortcodes the expansion is."""

    def run(self, lines: list[str]) -> list[str]:
        try:
            return self.replace(lines)
        except Exception as error:  # the fault barrier: shortcodes stay as the author wrote them
            self.doc.failed("shortcodes", error)
            return lines

    def replace(self, lines: list[str]) -> list[str]:
        self.doc.reset()
        self.unknown.clear()
        text = "\n".join(lines)
        if self.doc.inline_assets:
            # Filled once the page is known to have a video (after iframes are seen).
            lines = [*lines, "", self.doc.stash(""), "", ""]
            self.doc.assets_key = self.md.htmlStash.html_counter - 1
        if "{{" not in text and "![type:video]" not in text:
            return lines
        return self.expand(text, 0, 0).split("\n") + lines[len(text.split("\n")) :]

    def expand(self, text: str, line_offset: int, depth: int) -> str:
        """``text`` with its shortcodes rendered; Markdown a shortcode gives back (the body of a
        ``collapse``) is expanded too, as Hugo renders shortcodes nested in shortcodes."""
        outer, self.depth = self.depth, depth
        try:
            return self._expand(text, line_offset, depth)
        finally:
            self.depth = outer

    def expand_nested(self, inner: str, depth: int) -> str:
        """A shortcode's inner text with its own shortcodes rendered, down to ``MAX_NESTING``
        levels; deeper ones are shown as text, with one warning."""
        if depth < MAX_NESTING:
            return self.expand(inner, self.doc.line - 1, depth + 1)
        self.doc.warn(f"shortcodes nested more than {MAX_NESTING} deep are shown as text")
        return self.as_text(inner)

    def _expand(self, text: str, line_offset: int, depth: int) -> str:
        nodes = scanner.scan(text, builtin.PAIRED)
        out: list[str] = []
        for index, node in enumerate(nodes):
            if isinstance(node, str):
                out.append(self.as_text(node) if scanner.is_literal(node) else node)
                continue
            self.doc.line = node.line + line_offset
            try:
                result = self.convert(node, _alone_on_line(nodes, index))
            except Exception as error:  # one shortcode's failure costs that shortcode only
                self.doc.failed(f"shortcode {_short(getattr(node, 'raw', ''))}", error)
                result = None
            if result is None:
                out.append(self.as_text(node.raw))
            elif not result.block:
                out.append(result.text if not result.html else self.doc.stash(result.text))
            elif not result.html:
                inner = result.text
                if "{{" in inner:
                    inner = self.expand_nested(inner, depth)
                out.append(f"\n\n{inner}\n\n")
            elif _alone_on_line(nodes, index):
                previous = out[-1] if out else ""
                indent = previous[previous.rfind("\n") + 1 :]
                out.append(f"\n{indent}{self.doc.stash(result.text)}\n")
            else:
                out.append(self.doc.stash(result.text))
        return "".join(out)

    def as_text(self, raw: str) -> str:
        # Stashed, so Markdown cannot take `{{<name>}}` for an HTML tag and drop it.
        return self.doc.stash(html.escape(raw, quote=False))

    def convert(self, node: scanner.Node, alone: bool = True) -> builtin.Output | None:
        """The node's output, or ``None`` (after a warning) to show it as text; ``alone`` says
        whether it is the only thing on its line."""
        doc = self.doc
        if isinstance(node, scanner.Malformed):
            doc.warn(f"malformed shortcode ({node.reason}), left as text: {_short(node.raw)}")
            return None
        if isinstance(node, scanner.VideoLink):
            return self.video_link(node)
        assert isinstance(node, scanner.Shortcode)
        name = node.name.lower()
        if node.closing:
            if name not in self.unknown:
                doc.warn(f"closing shortcode without an opening one, left as text: {node.raw}")
            return None
        try:
            # The site's own template wins over a built-in of the same name, as in Hugo.
            own = doc.site_shortcodes
            if own is not None and own.knows(node.name):
                return self.site_shortcode(node, own, alone)
            known = builtin.SHORTCODES.get(name)
            if known is not None:
                spec, renderer = known
                return renderer(node, spec.arguments(node.positional, node.named, doc.warn), doc)
        except ShortcodeError as problem:
            doc.warn(f"{{{{< {node.name} >}}}}: {problem}; left as text")
            return None
        self.unknown.add(name)
        doc.warn(f"unknown shortcode {{{{< {node.name} >}}}} left as text")
        return None

    def site_shortcode(
        self, node: scanner.Shortcode, own: site_templates.SiteShortcodes, alone: bool
    ) -> builtin.Output:
        """One of the site's shortcodes. Hugo renders the ``{{% %}}`` form's output as the
        page's Markdown and inserts the ``{{< >}}`` form's as it is."""
        doc = self.doc
        ordinal = doc.ordinals.get(node.name, 0)
        doc.ordinals[node.name] = ordinal + 1
        if node.inner and "{{" in node.inner:
            # Hugo hands a template its inner text with nested shortcodes already rendered.
            inner = self.expand_nested(node.inner, self.depth)
            node = dataclasses.replace(node, inner=inner if node.markdown else doc.unstash(inner))
        call = site_templates.Call(node, doc.page_view(), doc.site_view(), ordinal)
        rendered = own.render(call)
        if rendered is None:  # the `shortcodes` option names a file no folder has
            raise ShortcodeError("the site has no template for it")
        if node.markdown:
            return builtin.Output(rendered, html=False, block=alone)
        return builtin.Output(rendered, block=alone)

    def video_link(self, node: scanner.VideoLink) -> builtin.Output | None:
        embed = video.recognise(node.url)
        if embed is not None:
            return builtin.Output(self.doc.render_embed(embed))
        try:
            builtin.safe_url(node.url)
        except ShortcodeError as problem:
            self.doc.warn(f"![type:video]: {problem}; left as text")
            return None
        if video.VIDEO_FILE.search(urlsplit(node.url).path):
            self.doc.videos += 1
            src = self.doc.resolve_url(node.url)
            return builtin.Output(self.doc.render("video_file.html", src=src, title=""))
        self.doc.warn(f"![type:video]({node.url}) is not a YouTube or Vimeo URL or a video file")
        return builtin.Output(node.raw, html=False, block=False)


def _alone_on_line(nodes: list[scanner.Node], index: int) -> bool:
    """True when only whitespace shares the node's line (it can then be a block of its own)."""
    if index:
        before = nodes[index - 1]
        if not isinstance(before, str) or ("\n" not in before and index > 1):
            return False
        if before[before.rfind("\n") + 1 :].strip():
            return False
    if index + 1 < len(nodes):
        after = nodes[index + 1]
        if not isinstance(after, str) or ("\n" not in after and index + 2 < len(nodes)):
            return False
        if after.split("\n", 1)[0].strip():
            return False
    return True


def _short(raw: str) -> str:
    raw = " ".join(raw.split())
    return raw if len(raw) <= 60 else raw[:57] + "..."


class _Iframes(Postprocessor):
    """Turn pasted YouTube/Vimeo iframes into the same embed; lazy-load other iframes."""

    def __init__(self, md: Markdown, doc: _Document) -> None:
        super().__init__(md)
        self.doc = doc

    def run(self, text: str) -> str:
        try:
            return self.rewrite(text)
        except Exception as error:  # the fault barrier: the iframes stay as they were
            self.doc.failed("video iframes", error)
            return text

    def rewrite(self, text: str) -> str:
        # Python-Markdown also runs postprocessors over heading texts (toc), so this must be
        # idempotent: a rewritten block joins our own and is never rewritten again.
        blocks = self.md.htmlStash.rawHtmlBlocks
        for key, block in enumerate(blocks):
            if key in self.doc.own_stash or not isinstance(block, str):
                continue
            if "<iframe" in block.lower():
                blocks[key], _ = video.rewrite_iframes(block, self.doc.render_embed)
                self.doc.own_stash.add(key)
        if self.doc.assets_key is not None:
            blocks[self.doc.assets_key] = self.inline_assets()
            if not self.doc.videos:
                placeholder = self.md.htmlStash.get_placeholder(self.doc.assets_key)
                text = text.replace(f"<p>{placeholder}</p>", "")
        return text

    def inline_assets(self) -> str:
        """Without the plugin nobody adds the stylesheet and script: the document carries them."""
        parts = []
        if self.doc.videos:
            css = (assets.ASSETS / "css" / "40-video.css").read_text(encoding="utf-8")
            parts.append(f"<style>{css}</style>")
        if self.doc.facades:
            script = (assets.ASSETS / video.SCRIPT).read_text(encoding="utf-8")
            parts.append(f"<script>{script}</script>")
        return "\n".join(parts)


def host_page_path(md: Markdown) -> str:
    """The page being converted, when the host says so: Zensical registers a ``rendering_context``
    preprocessor that holds its page (``.page.path``)."""
    if "rendering_context" not in md.preprocessors:
        return ""
    page = getattr(md.preprocessors["rendering_context"], "page", None)
    path = getattr(page, "path", None)
    return path if isinstance(path, str) else ""


def _standalone_logging() -> None:
    """Without MkDocs nobody may have set up logging (Zensical's command line does not): then
    the warnings go to stderr, beside the host's own log lines, once set up."""
    logger = logging.getLogger("mkdocs_hugo_meta")
    if logger.hasHandlers():
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  hugo-meta: %(message)s"))
    logger.addHandler(handler)


def makeExtension(**kwargs: Any) -> HugoMarkdownExtension:
    """Entry point for ``markdown_extensions: [mkdocs_hugo_meta.markdown_ext]``."""
    return HugoMarkdownExtension(**kwargs)
