"""The plugin's configuration: defaults load cleanly and bad values are refused."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_hugo_meta.plugin import HugoMetaPlugin


def test_defaults_load_without_errors() -> None:
    plugin = HugoMetaPlugin()
    errors, warnings = plugin.load_config({})
    assert errors == [] and warnings == []
    assert plugin.config.enabled is True
    assert plugin.config.params == {}
    assert plugin.config.toc.theme_toc == "follow"
    assert plugin.config.header.words_per_minute == 212
    assert plugin.config.video.youtube_nocookie is True
    assert plugin.config.markdown == "goldmark"


@pytest.mark.parametrize(
    "options",
    [
        {"enabled": "perhaps"},
        {"params": ["not", "a", "mapping"]},
        {"toc": {"theme_toc": "sometimes"}},
        {"header": {"cjk": "maybe"}},
        {"comments": {"provider": "disqus"}},
        {"markdown": "commonmark"},
        {"unknown_option": 1},
        {"uglyURLs": "yes"},
        {"staticDir": 3},
        {"permalinks": "/:year/"},
    ],
)
def test_bad_options_are_reported(options: dict[str, Any]) -> None:
    plugin = HugoMetaPlugin()
    errors, warnings = plugin.load_config(options)
    assert errors or warnings


def test_entry_point_is_registered() -> None:
    from importlib.metadata import entry_points

    names = {ep.name: ep.value for ep in entry_points(group="mkdocs.plugins")}
    assert names.get("hugo-meta") == "mkdocs_hugo_meta.plugin:HugoMetaPlugin"


def test_extension_video_options_match_the_plugin_config() -> None:
    # The Markdown extension reads them without MkDocs (Zensical); the plugin declares them.
    from mkdocs_hugo_meta.config import VideoConfig
    from mkdocs_hugo_meta.shortcodes.video import DEFAULTS

    assert {name: option.default for name, option in VideoConfig._schema} == DEFAULTS
