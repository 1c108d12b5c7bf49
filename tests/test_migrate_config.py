"""`hugo-meta migrate` reads the Hugo config where Hugo reads it, merged as Hugo merges it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hugokit import hugo_config, needs_hugo

from mkdocs_hugo_meta.migrate import hugoconfig

SITES = Path(__file__).parent / "data" / "hugo_sites"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "title"),
    [
        ({"hugo.toml": 'title = "toml"', "config.toml": 'title = "legacy"'}, "toml"),
        ({"hugo.yaml": "title: yaml", "hugo.json": '{"title": "json"}'}, "yaml"),
        ({"hugo.json": '{"title": "json"}', "config.yaml": "title: legacy"}, "json"),
        ({"config.yml": "title: legacy yml"}, "legacy yml"),
        ({"config/_default/hugo.toml": 'title = "dir only"'}, "dir only"),
    ],
)
def test_the_root_file_is_the_first_hugo_would_read(
    tmp_path: Path, files: dict[str, str], title: str
) -> None:
    assert hugoconfig.read(write(tmp_path, files)).get("title") == title


def test_config_dir_files_merge_deeply_over_the_root_file_whatever_the_case(
    tmp_path: Path,
) -> None:
    site = write(tmp_path, {
        "hugo.toml": 'Title = "root"\n[Params]\nShowToc = true\nDateFormat = "Jan 2"\n',
        "config/_default/params.yaml": "dateformat: '2006'\nauthor: {name: Me}\n",
        "config/_default/menus.en.toml": '[[main]]\nname = "Posts"\npageRef = "/posts"\n',
        "config/_default/languages.toml": '[en]\nweight = 1\n',
    })  # fmt: skip
    config = hugoconfig.read(site)
    assert config.get("title") == "root"
    params = config.get("params")
    assert params == {"ShowToc": True, "DateFormat": "2006", "author": {"name": "Me"}}
    assert config.get("PARAMS", "dateFormat") == "2006"
    assert config.get("menus", "main") == [{"name": "Posts", "pageRef": "/posts"}]
    assert config.where("params", "dateformat") == "config/_default/params.yaml:1"
    assert config.where("params", "showtoc") == "hugo.toml:3"


def test_what_hugo_reads_and_a_migration_does_not_is_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUGO_PARAMS_AUTHOR", "env")
    site = write(tmp_path, {
        "hugo.toml": 'theme = "PaperMod"\nmenu.main = [{name = "A", url = "/a/"}]\n'
                     '[languages.en]\ntitle = "English"\n[languages.fr]\ntitle = "Français"\n',
        "config/production/params.toml": "env = 1\n",
    })  # fmt: skip
    config = hugoconfig.read(site)
    notes = "\n".join(config.notes)
    assert "config/production/" in notes
    assert "HUGO_PARAMS_AUTHOR" in notes
    assert "theme 'PaperMod'" in notes
    assert "fr left out" in notes
    assert config.get("title") == "English"  # the default language's own title
    assert config.get("menus", "main") == [{"name": "A", "url": "/a/"}]  # `menu` is `menus`


def test_no_config_or_a_broken_one_is_an_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(hugoconfig.ConfigError, match="no Hugo config found"):
        hugoconfig.read(tmp_path)
    write(tmp_path, {"hugo.toml": "title = \n"})
    with pytest.raises(hugoconfig.ConfigError, match=r"hugo\.toml: cannot be read"):
        hugoconfig.read(tmp_path)


def _lower(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k).lower(): _lower(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_lower(v) for v in value]
    return value


@needs_hugo
@pytest.mark.parametrize("name", ["toml_blog", "yaml_site", "json_site"])
def test_the_merged_config_is_the_one_hugo_prints(name: str) -> None:
    ours = _lower(hugoconfig.read(SITES / name).data)
    hugo = hugo_config(SITES / name)
    for key in ("title", "baseurl", "copyright", "timezone", "summarylength"):
        if key in ours:
            assert ours[key] == hugo[key], key
    assert ours["params"].items() <= _lower(hugo["params"]).items()
    hugo_menu = _lower(hugo.get("menus", {}))["main"]
    assert [e["name"] for e in ours["menus"]["main"]] == [e["name"] for e in hugo_menu]
    # Hugo prints permalinks in their newer list form: a pattern per kind and path glob.
    pages = {
        e["target"]["path"]: e["pattern"]
        for e in _lower(hugo.get("permalinks", [])) if e["target"]["kind"] == "page"
    }  # fmt: skip
    for section, pattern in ours.get("permalinks", {}).items():
        assert pages[f"/{{{section},{section}/**}}"] == pattern
