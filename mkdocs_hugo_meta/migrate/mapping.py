"""The Hugo config as ``mkdocs.yml``: MkDocs' own settings, the theme, the Markdown extensions
that match Hugo's renderer, and the ``hugo-meta`` plugin entry.

Hugo's site keys go into the plugin entry under their Hugo names, PaperMod's params under
``params:``. Only options the installed plugin has are written (``KNOWN``), so the result builds
with ``--strict``; a Hugo key this plugin has no option for is a line in the report instead.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

from ..config import HugoMetaConfig
from ..markdown.recommended import RECOMMENDED_EXTENSIONS
from ..source import params as flags
from .hugoconfig import HugoConfig, lookup
from .report import Report

KNOWN = frozenset(name for name, _ in HugoMetaConfig._schema)
"""The options of the installed plugin's entry."""

# Hugo keys whose value goes verbatim into the plugin entry under the same name.
VERBATIM = (
    "permalinks", "uglyURLs", "disablePathToLower", "frontmatter", "mainSections",
    "taxonomies", "summaryLength", "hasCJKLanguage", "paginate",
)  # fmt: skip
PLUGIN_KINDS = ("home", "section", "taxonomy", "term", "rss", "page", "sitemap", "robotstxt",
                "404")  # fmt: skip
"""``disableKinds`` values the plugin reads or accepts."""

# Hugo keys that need nothing in MkDocs, with why (a note, not a line left for the user).
NOT_NEEDED = {
    "outputs": "MkDocs' search plugin builds the search index",
    "enablerobotstxt": "MkDocs themes do not write robots.txt; add one under static/",
    "sitemap": "MkDocs writes sitemap.xml itself",
    "minify": "MkDocs writes plain HTML",
    "module": "Hugo modules have no MkDocs counterpart",
    "publishdir": "MkDocs writes to site_dir (site/)",
    "defaultcontentlanguage": "mapped",  # the default language is the one migrated
    "languages": "mapped",
    "contentdir": "copied into docs/",
    "staticdir": "copied into static/",
    "theme": "mapped",  # hugoconfig notes it
    "buildfuture": "mapped", "builddrafts": "mapped", "buildexpired": "mapped",
}  # fmt: skip

GOLDMARK_EXTENSIONS = {
    "table": "tables",
    "footnote": "footnotes",
    "definitionlist": "def_list",
    "strikethrough": "pymdownx.tilde",
    "linkify": "pymdownx.magiclink",
    "tasklist": "pymdownx.tasklist",
}
"""``markup.goldmark.extensions.X: false`` → leave this Python-Markdown extension out."""

MATERIAL_FEATURES = [
    "navigation.top", "navigation.indexes", "navigation.footer", "search.suggest",
    "search.highlight", "toc.follow",
]  # fmt: skip


class Mapper:
    """One migration's mapping: fills ``mkdocs`` and the report."""

    def __init__(self, config: HugoConfig, theme: str, report: Report) -> None:
        self.config = config
        self.theme = theme
        self.report = report
        self.plugin: dict[str, Any] = {}
        self.mkdocs: dict[str, Any] = {}
        self.extensions = copy.deepcopy(RECOMMENDED_EXTENSIONS)
        self.used: set[str] = set()
        """Top-level Hugo keys (lower-cased) taken care of."""

    # ---------------------------------------------------------------- helpers

    def get(self, *path: str, default: Any = None) -> Any:
        self.used.add(path[0].lower())
        return self.config.get(*path, default=default)

    def put(self, option: str, value: Any, hugo: str) -> None:
        """Set ``option`` (dotted) of the plugin entry, if the installed plugin has it."""
        top = option.split(".", 1)[0]
        if top not in KNOWN:
            self.report.left(
                self.config.where(*hugo.split(".")),
                f"{hugo}: the installed hugo-meta has no '{top}' option yet; not written",
            )
            return
        target = self.plugin
        *parents, last = option.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = _plain(value)
        self.report.map(hugo, f"plugins.hugo-meta.{option}")

    def left(self, path: str, what: str) -> None:
        self.report.left(self.config.where(*path.split(".")), f"{path}: {what}")

    # ---------------------------------------------------------------- the mapping

    def run(self, nav: list[Any], static: bool, shortcodes: bool) -> dict[str, Any]:
        self.site()
        self.site_keys()
        self.params()
        self.markup()
        if static:
            self.put("staticDir", "static", "staticDir")
        if shortcodes:
            self.plugin["shortcodes_dir"] = "shortcodes"
        if "markdown" in KNOWN:
            self.plugin["markdown"] = "goldmark"
            self.report.map("markup.goldmark", "plugins.hugo-meta.markdown: goldmark")
        self.unused()
        out: dict[str, Any] = {}
        for key in ("site_name", "site_url", "site_description", "site_author", "copyright"):
            if key in self.mkdocs:
                out[key] = self.mkdocs[key]
        out["docs_dir"] = "docs"
        out["theme"] = self.theme_config()
        if nav:
            out["nav"] = nav
            self.report.map("menus.main", "nav")
        out["markdown_extensions"] = [
            {name: conf} if conf else name for name, conf in self.extensions.items()
        ]
        out["plugins"] = ["search", {"hugo-meta": self.plugin}]
        if "extra" in self.mkdocs:
            out["extra"] = self.mkdocs["extra"]
        self.needs()
        return out

    def site(self) -> None:
        title = self.get("title")
        self.mkdocs["site_name"] = str(title) if title else self.config.site.resolve().name
        if title:
            self.report.map("title", "site_name")
        base = self.get("baseURL")
        if isinstance(base, str) and base.startswith(("http://", "https://")):
            self.mkdocs["site_url"] = base if base.endswith("/") else base + "/"
            self.report.map("baseURL", "site_url")
        description = self.get("params", "description")
        if isinstance(description, str) and description.strip():
            self.mkdocs["site_description"] = description.strip()
            self.report.map("params.description", "site_description")
        author = self.get("params", "author")
        if isinstance(author, dict):
            author = lookup(author, "name")
        if isinstance(author, list) and author and all(isinstance(a, str) for a in author):
            author = ", ".join(author)
        if isinstance(author, str) and author.strip():
            self.mkdocs["site_author"] = author.strip()
            self.report.map("params.author", "site_author")
        copyright_ = self.get("copyright")
        if isinstance(copyright_, str) and copyright_.strip():
            self.mkdocs["copyright"] = copyright_
            self.report.map("copyright", "copyright")
        analytics = self.get("services", "googleAnalytics", "ID") or self.get("googleAnalytics")
        if isinstance(analytics, str) and analytics:
            if self.theme == "material":
                self.mkdocs["extra"] = {"analytics": {"provider": "google", "property": analytics}}
                self.report.map("googleAnalytics", "extra.analytics (Material)")
            else:
                self.left("googleAnalytics", "only Material has an analytics setting")

    def language(self) -> str | None:
        code = self.get("locale") or self.get("languageCode")
        if not isinstance(code, str) or not code.strip():
            code = self.config.default_language if self.get("languages") else None
        if not code:
            return None
        return str(code).replace("_", "-").split("-")[0].lower()

    def site_keys(self) -> None:
        for key in VERBATIM:
            value = self.get(key)
            if value is not None:
                self.put(key, value, key)
        tz = self.get("timeZone")
        if isinstance(tz, str) and tz:
            self.put("timezone", tz, "timeZone")
        pagination = self.get("pagination")
        if isinstance(pagination, dict):
            for hugo, ours in (("pagerSize", "pagerSize"), ("path", "path")):
                value = lookup(pagination, hugo)
                if value is not None:
                    self.put(f"pagination.{ours}", value, f"pagination.{hugo}")
            if lookup(pagination, "disableAliases") is not None:
                self.left("pagination.disableAliases", "no counterpart; /page/1/ is not written")
        older_path = self.get("paginatePath")
        if isinstance(older_path, str) and not lookup(pagination or {}, "path"):
            self.put("pagination.path", older_path, "paginatePath")
        limit = self.get("services", "rss", "limit")
        if limit is None:
            limit = self.get("rssLimit")
        if isinstance(limit, int):
            self.put("rssLimit", limit, "services.rss.limit")
        kinds = self.get("disableKinds")
        if isinstance(kinds, list):
            known = [k for k in kinds if str(k).lower() in PLUGIN_KINDS]
            if known:
                self.put("disableKinds", known, "disableKinds")
            for kind in kinds:
                if str(kind).lower() not in PLUGIN_KINDS:
                    self.left("disableKinds", f"kind {kind!r} has no counterpart")
        for hugo, ours in (("buildDrafts", "drafts"), ("buildFuture", "future"),
                           ("buildExpired", "expired")):  # fmt: skip
            value = self.get(hugo)
            if isinstance(value, bool) and value:
                self.put(f"build.{ours}", value, hugo)

    def params(self) -> None:
        raw = self.get("params")
        if not isinstance(raw, dict) or not raw:
            return
        raw = dict(raw)
        author_key = next((k for k in raw if str(k).lower() == "author"), None)
        author = raw.get(author_key) if author_key is not None else None
        if isinstance(author, dict):
            # PaperMod's {name, email}: the plugin shows a name; the email fed RSS only.
            name = lookup(author, "name")
            if isinstance(name, str) and name:
                raw[author_key] = name
                self.report.map("params.author.name", "plugins.hugo-meta.params.author")
            if lookup(author, "email"):
                self.left("params.author.email", "no counterpart (Hugo's RSS managingEditor)")
        self.put("params", raw, "params")
        date_format = lookup(raw, "DateFormat")
        if isinstance(date_format, str) and date_format.strip():
            self.put("header.date_format", date_format, "params.DateFormat")
        problems: list[str] = []
        flags.validate(raw, lambda key, message: problems.append(f"params.{key}: {message}"))
        for problem in problems:
            self.report.left(self.config.where("params", problem.split(":")[0][7:]),
                             problem + " (the plugin warns about it)")  # fmt: skip
        handled = {"description", "author", "dateformat", "defaulttheme", "disablethemetoggle",
                   "showcodecopybuttons"}  # fmt: skip
        known = set(flags.BY_KEY) | set(flags.ALIASES) | handled
        unread = [str(k) for k in raw if str(k).lower() not in known]
        if unread:
            self.report.notes.append(
                f"{self.config.where('params')}: kept under params (templates see them as "
                f"site.params) but no feature reads them: {', '.join(sorted(unread))}"
            )

    def markup(self) -> None:
        markup = self.get("markup")
        if not isinstance(markup, dict):
            return
        handler = lookup(markup, "defaultMarkdownHandler")
        if handler and str(handler).lower() != "goldmark":
            self.left("markup.defaultMarkdownHandler", f"{handler!r}: MkDocs renders Markdown "
                      "with Python-Markdown, configured like Goldmark")  # fmt: skip
        self.goldmark(lookup(markup, "goldmark") or {})
        self.highlight(lookup(markup, "highlight") or {})
        toc = lookup(markup, "tableOfContents")
        if isinstance(toc, dict):
            start = lookup(toc, "startLevel", default=2)
            end = lookup(toc, "endLevel", default=3)
            if isinstance(start, int) and isinstance(end, int) and 1 <= start <= end <= 6:
                self.put("toc.levels", list(range(start, end + 1)),
                         "markup.tableOfContents.startLevel/endLevel")  # fmt: skip
                self.extensions["toc"]["toc_depth"] = f"{start}-{end}"
            if lookup(toc, "ordered"):
                self.left("markup.tableOfContents.ordered", "the table of contents is a list "
                          "without numbers; style hm-toc-links with CSS")  # fmt: skip

    def goldmark(self, goldmark: dict[str, Any]) -> None:
        unsafe = lookup(goldmark, "renderer", "unsafe")
        if unsafe is True:
            self.report.notes.append("markup.goldmark.renderer.unsafe: true: raw HTML in posts "
                                     "passes through, as MkDocs always lets it")  # fmt: skip
        else:
            self.report.notes.append("markup.goldmark.renderer.unsafe is off in Hugo (raw HTML "
                                     "omitted); MkDocs keeps raw HTML in posts")  # fmt: skip
        if lookup(goldmark, "renderer", "hardWraps"):
            self.extensions["nl2br"] = {}
            self.report.map("markup.goldmark.renderer.hardWraps", "markdown_extensions: nl2br")
        if lookup(goldmark, "extensions", "typographer") is False or (
            isinstance(lookup(goldmark, "extensions", "typographer"), dict)
            and lookup(goldmark, "extensions", "typographer", "disable") is True
        ):
            del self.extensions["smarty"]
            self.report.map("markup.goldmark.extensions.typographer", "smarty left out")
        for hugo, ours in GOLDMARK_EXTENSIONS.items():
            if lookup(goldmark, "extensions", hugo) is False and ours in self.extensions:
                del self.extensions[ours]
                self.report.map(f"markup.goldmark.extensions.{hugo}", f"{ours} left out")
        if lookup(goldmark, "parser", "attribute", "block") is True:
            self.extensions["attr_list"] = {}
            self.report.map("markup.goldmark.parser.attribute.block",
                            "markdown_extensions: attr_list")  # fmt: skip
        for extra in ("passthrough", "extras", "cjk"):
            setting = lookup(goldmark, "extensions", extra)
            if isinstance(setting, dict) and lookup(setting, "enable"):
                self.left(f"markup.goldmark.extensions.{extra}", "no Python-Markdown "
                          "counterpart chosen; add an extension by hand")  # fmt: skip

    def highlight(self, highlight: dict[str, Any]) -> None:
        options = self.extensions["pymdownx.highlight"]
        line_nos = lookup(highlight, "lineNos")
        if line_nos:
            options["linenums"] = True
            in_table = lookup(highlight, "lineNumbersInTable", default=True)
            options["linenums_style"] = "inline" if line_nos == "inline" or not in_table \
                else "table"  # fmt: skip
            self.report.map("markup.highlight.lineNos", "pymdownx.highlight.linenums")
        if lookup(highlight, "guessSyntax") is True:
            options["guess_lang"] = True
            self.report.map("markup.highlight.guessSyntax", "pymdownx.highlight.guess_lang")
        if self.theme == "material":
            if lookup(highlight, "style"):
                self.report.notes.append("markup.highlight.style: Material colours code "
                                         "with its own palette")  # fmt: skip
            return
        # The built-in themes bring no Pygments stylesheet: inline styles, as Hugo's default
        # `noClasses: true` does, in Hugo's style (monokai unless set).
        chosen = lookup(highlight, "style")
        style = str(chosen or "monokai")
        if not _pygments_style(style):
            self.report.notes.append(f"markup.highlight.style {style!r} is not a Pygments "
                                     "style; monokai used")  # fmt: skip
            style = "monokai"
        options["noclasses"] = True
        options["pygments_style"] = style
        if chosen:
            self.report.map("markup.highlight.style", f"pymdownx.highlight.pygments_style: {style}")

    def theme_config(self) -> dict[str, Any]:
        theme: dict[str, Any] = {"name": self.theme}
        language = self.language()
        if self.theme == "material":
            if language and _material_language(language):
                theme["language"] = language
                self.report.map("languageCode", "theme.language")
            features = list(MATERIAL_FEATURES)
            if self.config.get("params", "ShowCodeCopyButtons"):
                features.append("content.code.copy")
                self.report.map("params.ShowCodeCopyButtons", "theme.features: content.code.copy")
            theme["features"] = features
            theme["palette"] = self.palette()
        else:
            if language and _builtin_locale(self.theme, language):
                theme["locale"] = language
                self.report.map("languageCode", "theme.locale")
            theme["highlightjs"] = False
        return theme

    def palette(self) -> list[dict[str, Any]] | dict[str, Any]:
        """PaperMod's ``defaultTheme`` (auto, light, dark) and ``disableThemeToggle``."""
        default = str(self.config.get("params", "defaultTheme", default="auto")).lower()
        no_toggle = bool(self.config.get("params", "disableThemeToggle"))
        light: dict[str, Any] = {"scheme": "default"}
        dark: dict[str, Any] = {"scheme": "slate"}
        if no_toggle:
            self.report.map("params.defaultTheme", "theme.palette")
            return dark if default == "dark" else light
        if default == "auto":
            light["media"] = "(prefers-color-scheme: light)"
            dark["media"] = "(prefers-color-scheme: dark)"
        light["toggle"] = {"icon": "material/brightness-7", "name": "Switch to dark mode"}
        dark["toggle"] = {"icon": "material/brightness-4", "name": "Switch to light mode"}
        return [dark, light] if default == "dark" else [light, dark]

    def unused(self) -> None:
        """Every top-level key nothing above took care of: a line each in the report."""
        handled = {"title", "baseurl", "copyright", "params", "markup", "menus", "locale",
                   "languagecode", "timezone", "pagination", "paginatepath", "services",
                   "rsslimit", "disablekinds", "googleanalytics"}  # fmt: skip
        handled |= {k.lower() for k in VERBATIM}
        for key, value in self.config.data.items():
            lowered = str(key).lower()
            if lowered in handled or (lowered in self.used and lowered not in NOT_NEEDED):
                continue
            if lowered in NOT_NEEDED:
                if NOT_NEEDED[lowered] != "mapped":
                    self.report.notes.append(f"{self.config.where(key)}: {key}: "
                                             f"{NOT_NEEDED[lowered]}")  # fmt: skip
                continue
            self.report.left(self.config.where(key), f"{key} = {_short(value)}: no counterpart")

    def needs(self) -> None:
        wanted = []
        if self.theme == "material" and importlib.util.find_spec("material") is None:
            wanted.append("mkdocs-material")
        if importlib.util.find_spec("pymdownx") is None:
            wanted.append("pymdown-extensions")
        self.report.needs = wanted


def _plain(value: Any) -> Any:
    """``value`` with only what YAML writes plainly (TOML times become text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool, dt.date)) or value is None:
        return value
    return str(value)


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _pygments_style(name: str) -> bool:
    try:
        from pygments.styles import get_all_styles
    except ImportError:  # pragma: no cover - Pygments comes with pymdown-extensions
        return True
    return name in set(get_all_styles())


def _material_language(language: str) -> bool:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return True
    root = Path(next(iter(spec.submodule_search_locations)))
    return any((root / d / "partials" / "languages" / f"{language}.html").is_file()
               for d in ("templates", "."))  # fmt: skip


def _builtin_locale(theme: str, language: str) -> bool:
    """Whether MkDocs' built-in ``theme`` has texts in ``language`` (else it warns)."""
    if language == "en":
        return True
    spec = importlib.util.find_spec("mkdocs")
    if spec is None or not spec.submodule_search_locations:
        return False
    root = Path(next(iter(spec.submodule_search_locations))) / "themes" / theme / "locales"
    return (root / language).is_dir()
