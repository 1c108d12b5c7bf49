"""User-visible texts, chosen by the theme's locale and overridable through ``labels`` in config."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from ..source import dates

# The English texts are plain ASCII, so an English page stays a one-byte-per-character string
# in memory (the post-nav arrows and separators are character references in the markup).
ENGLISH: dict[str, str] = {
    "toc_title": "Table of Contents",
    "reading_time": "{minutes} min",
    "word_count": "{words} words",
    "word_count_one": "{words} word",
    "edit": "Edit",
    "draft": "Draft",
    "moved_to": "This page has moved to",
    "previous": "Previous",
    "next": "Next",
    "breadcrumbs_home": "Home",
    "breadcrumbs_label": "Breadcrumb",
    "tags": "Tags",
    "categories": "Categories",
    "share_label": "Share",
    "share_on": "share {title} on {network}",
    "post_nav_label": "More posts",
    "originally_published": "Originally published at {host}",
    "play_video": "Play video: {title}",
    "watch_on": 'Watch "{title}" on {provider}',
    "x_post": "Post by @{user} on X",
    "x_post_anonymous": "View the post on X",
    "gist": "View gist {user}/{id} on GitHub",
    "prev_page": "Prev",
    "next_page": "Next",
    "pagination_label": "Pagination",
    "months": " ".join(dates.MONTHS_EN),
}

# Partial tables: anything missing falls back to English.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "zh": {
        "toc_title": "目录",
        "reading_time": "{minutes} 分钟",
        "word_count": "{words} 字",
        "word_count_one": "{words} 字",
        "edit": "编辑",
        "draft": "草稿",
        "previous": "上一页",
        "next": "下一页",
        "breadcrumbs_home": "首页",
        "tags": "标签",
        "categories": "分类",
        "share_on": "分享 {title} 到 {network}",
        "months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    },
    "fr": {
        "toc_title": "Table des matières",
        "reading_time": "{minutes} min",
        "word_count": "{words} mots",
        "word_count_one": "{words} mot",
        "edit": "Modifier",
        "draft": "Brouillon",
        "previous": "Précédent",
        "next": "Suivant",
        "breadcrumbs_home": "Accueil",
        "tags": "Étiquettes",
        "categories": "Catégories",
        "share_on": "partager {title} sur {network}",
        "months": "janvier février mars avril mai juin juillet août septembre octobre "
        "novembre décembre",
    },
    "de": {
        "toc_title": "Inhaltsverzeichnis",
        "reading_time": "{minutes} Min.",
        "word_count": "{words} Wörter",
        "word_count_one": "{words} Wort",
        "edit": "Bearbeiten",
        "draft": "Entwurf",
        "previous": "Zurück",
        "next": "Weiter",
        "breadcrumbs_home": "Start",
        "tags": "Schlagwörter",
        "categories": "Kategorien",
        "share_on": "{title} auf {network} teilen",
        "months": "Januar Februar März April Mai Juni Juli August September Oktober "
        "November Dezember",
    },
    "es": {
        "toc_title": "Índice",
        "reading_time": "{minutes} min",
        "word_count": "{words} palabras",
        "word_count_one": "{words} palabra",
        "edit": "Editar",
        "draft": "Borrador",
        "previous": "Anterior",
        "next": "Siguiente",
        "breadcrumbs_home": "Inicio",
        "tags": "Etiquetas",
        "categories": "Categorías",
        "share_on": "compartir {title} en {network}",
        "months": "enero febrero marzo abril mayo junio julio agosto septiembre octubre "
        "noviembre diciembre",
    },
    "ja": {
        "toc_title": "目次",
        "reading_time": "{minutes} 分",
        "word_count": "{words} 文字",
        "word_count_one": "{words} 文字",
        "draft": "下書き",
        "previous": "前へ",
        "next": "次へ",
        "breadcrumbs_home": "ホーム",
        "tags": "タグ",
        "months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
    },
}


class Labels:
    """Texts for one site: English, then the locale's table, then the user's overrides."""

    def __init__(self, locale: str | None, overrides: Mapping[str, str]) -> None:
        language = (locale or "en").replace("-", "_").split("_")[0].lower()
        self.language = language
        self.texts = {**ENGLISH, **TRANSLATIONS.get(language, {}), **overrides}
        self._escaped: dict[str, str] = {}

    def __call__(self, key: str, **values: Any) -> str:
        """The text for ``key`` with ``{placeholders}`` filled in."""
        text = self.texts.get(key, key)
        return text.format(**values) if values else text

    def escaped(self, key: str) -> str:
        """The text for ``key`` (one without placeholders) escaped for HTML, as a template's
        ``{{ labels(key) }}`` prints it; worked out once per build, for every page shows it."""
        found = self._escaped.get(key)
        if found is None:
            found = self._escaped[key] = str(escape(self(key)))
        return found

    @property
    def months(self) -> tuple[str, ...]:
        names = tuple(self.texts["months"].split())
        return names if len(names) == 12 else dates.MONTHS_EN


def theme_locale(theme: Any) -> str | None:
    """The locale a theme declares (``theme.locale`` or Material's ``theme.language``)."""
    for key in ("locale", "language"):
        try:
            value = theme[key]
        except KeyError:
            continue
        if value:
            return str(value)
    return None
