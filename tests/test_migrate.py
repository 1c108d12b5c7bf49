"""`hugo-meta migrate`: small Hugo sites checked in under tests/data/hugo_sites/ become MkDocs
sites that build with --strict, with every page, menu entry, static file and shortcode."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from hugokit import build_hugo_site, needs_hugo
from sitebuilder import build_config_file

from mkdocs_hugo_meta.config import HugoMetaConfig
from mkdocs_hugo_meta.migrate import MigrateError, cli, migrate

SITES = Path(__file__).parent / "data" / "hugo_sites"
OPTIONS = {name for name, _ in HugoMetaConfig._schema}

# Each fixture: the pages its migrated build must have (output paths), and the URLs Hugo gives
# its pages, which must answer in the migrated build once the plugin serves Hugo's URLs.
EXPECTED = {
    "toml_blog": (
        ["posts/first-loaf/index.html", "posts/bundle-post/index.html", "about/index.html",
         "posts/index.html", "index.html", "images/logo.png", "posts/bundle-post/crumb.png"],
        ["2024/03/first-loaf/", "2024/04/crumb-shots/", "about-me/", "posts/", "",
         "images/logo.png", "robots.txt"],
    ),
    "yaml_site": (
        ["contact/index.html", "blog/2023-trip/index.html", "blog/2023-trip/map.png",
         "blog/notes/packing/index.html", "blog/notes/index.html", "files/packing.txt"],
        ["contact/", "blog/trip/", "blog/packing/", "blog/", "files/packing.txt"],
    ),
    "json_site": (
        ["index.html", "guide/index.html", "guide/install/index.html"],
        ["", "guide/", "guide/install/"],
    ),
}  # fmt: skip
URL_OPTIONS = ("permalinks", "staticDir")
HUGO_URLS = all(option in OPTIONS for option in URL_OPTIONS)


def outputs(name: str) -> list[str]:
    """The files a migrated build must hold: at MkDocs' paths, or at Hugo's URLs once the
    plugin serves pages there."""
    if not HUGO_URLS:
        return EXPECTED[name][0]
    return [url + "index.html" if not url or url.endswith("/") else url
            for url in EXPECTED[name][1]]  # fmt: skip


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_migrated_site_builds_strictly_with_every_page(tmp_path: Path, name: str) -> None:
    before = tree_digest(SITES / name)
    dest = tmp_path / "out"
    report = migrate(SITES / name, dest, theme="mkdocs")
    assert tree_digest(SITES / name) == before, "the Hugo site was written to"
    build_config_file(dest / "mkdocs.yml", dest / "site", strict=True)
    for page in outputs(name):
        assert (dest / "site" / page).is_file(), page
    text = report.render()
    assert f"mkdocs serve -f {dest / 'mkdocs.yml'}" in text
    assert "Mapped" in text


def test_the_mkdocs_yml_maps_hugo_and_papermod_settings(tmp_path: Path) -> None:
    report = migrate(SITES / "toml_blog", tmp_path / "out", theme="mkdocs")
    config = yaml.safe_load((tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Sourdough Notes"
    assert config["site_url"] == "https://blog.example.org/"
    assert config["site_description"] == "Notes on bread, starters and ovens."
    assert config["copyright"] == "© 2024 Ada Baker"
    assert config["docs_dir"] == "docs"
    assert config["theme"] == {"name": "mkdocs", "locale": "en", "highlightjs": False}
    # Menu weights: Posts (10), About (20), the external link (30).
    assert config["nav"] == [
        {"Posts": "posts/index.md"},
        {"About": "about.md"},
        {"Source": "https://github.com/example/blog"},
    ]
    plugin = config["plugins"][1]["hugo-meta"]
    assert plugin["params"]["ShowReadingTime"] is True
    assert plugin["params"]["ShareButtons"] == ["x", "reddit"]
    assert plugin["header"]["date_format"] == "2 January 2006"
    assert plugin["mainSections"] == ["posts"]
    assert plugin["summaryLength"] == 40
    assert plugin["pagination"] == {"pagerSize": 5}
    assert plugin["timezone"] == "Europe/Berlin"
    assert plugin["toc"]["levels"] == [2, 3, 4]
    assert plugin["shortcodes_dir"] == "shortcodes"
    extensions = {next(iter(e)) if isinstance(e, dict) else e: e for e in
                  config["markdown_extensions"]}  # fmt: skip
    assert extensions["pymdownx.highlight"]["pymdownx.highlight"]["linenums"] is True
    assert extensions["pymdownx.highlight"]["pymdownx.highlight"]["pygments_style"] == "dracula"
    assert extensions["toc"]["toc"]["toc_depth"] == "2-4"
    if "permalinks" in OPTIONS:
        assert plugin["permalinks"] == {"posts": "/:year/:month/:slug/"}
    else:
        assert any("permalinks" in what for _, what in report.manual)
    if "staticDir" in OPTIONS:
        assert plugin["staticDir"] == "static"
    else:  # served from docs/ instead
        assert any("no staticDir option" in note for note in report.notes)
    left = {where: what for where, what in report.manual}
    assert "'.Page.Resources' has no counterpart" in left["layouts/shortcodes/gallery.html:2"]
    assert "enableInlineShortcodes" in left["hugo.toml:8"]


def test_config_dir_menus_and_params_reach_the_result(tmp_path: Path) -> None:
    report = migrate(SITES / "yaml_site", tmp_path / "out", theme="readthedocs")
    config = yaml.safe_load((tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Field Notes"  # config/_default/hugo.yaml over hugo.yaml
    assert config["site_author"] == "Lin Traveler"
    assert config["nav"] == [
        {"Blog": "blog/index.md"}, {"Notes": "blog/notes/index.md"}, {"Contact": "contact.md"}
    ]
    plugin = config["plugins"][1]["hugo-meta"]
    # params.yaml's showReadingTime over hugo.yaml's ShowReadingTime: one key, any case.
    assert plugin["params"]["ShowReadingTime"] is True
    assert "showReadingTime" not in plugin["params"]
    assert plugin["params"]["author"] == "Lin Traveler"
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert "smarty" not in names  # typographer: false
    assert any("config/production/" in note for note in report.notes)


def test_nested_menus_and_ported_shortcodes_in_subfolders(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    migrate(SITES / "json_site", dest, theme="mkdocs")
    config = yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["nav"] == [
        {"Accueil": "index.md"},
        {"Guide": [{"Guide": "guide/index.md"}, {"Install": "guide/install.md"}]},
    ]
    assert config["theme"]["locale"] == "fr"
    build_config_file(dest / "mkdocs.yml", dest / "site", strict=True)
    html = (dest / "site" / "guide" / "install" / "index.html").read_text(encoding="utf-8")
    assert "<kbd>Ctrl</kbd>" in html
    assert "<kbd>C</kbd>" in html


def test_a_stub_keeps_the_original_and_shows_the_inner_text(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    migrate(SITES / "toml_blog", dest, theme="mkdocs")
    assert (dest / "shortcodes" / "gallery.html.go").read_text(encoding="utf-8") == (
        SITES / "toml_blog" / "layouts" / "shortcodes" / "gallery.html"
    ).read_text(encoding="utf-8")
    assert "{{ inner }}" in (dest / "shortcodes" / "gallery.html").read_text(encoding="utf-8")


def test_material_build(tmp_path: Path) -> None:
    pytest.importorskip("material")
    dest = tmp_path / "out"
    migrate(SITES / "toml_blog", dest)
    config = yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material"
    assert "content.code.copy" in config["theme"]["features"]  # ShowCodeCopyButtons
    build_config_file(dest / "mkdocs.yml", dest / "site", strict=True)
    for page in outputs("toml_blog"):
        assert (dest / "site" / page).is_file(), page


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    report = migrate(SITES / "toml_blog", tmp_path / "out", dry_run=True)
    assert not (tmp_path / "out").exists()
    assert report.render().startswith("Would migrate")


def test_a_non_empty_dest_needs_force_and_the_hugo_site_is_never_a_dest(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(MigrateError, match="not empty"):
        migrate(SITES / "json_site", dest)
    migrate(SITES / "json_site", dest, theme="mkdocs", force=True)
    assert (dest / "mkdocs.yml").is_file()
    assert (dest / "keep.txt").read_text(encoding="utf-8") == "mine"
    site = shutil.copytree(SITES / "json_site", tmp_path / "hugo")
    for inside in (site, site / "mkdocs"):
        with pytest.raises(MigrateError, match="overlaps"):
            migrate(site, inside, force=True)


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "out"
    argv = ["migrate", str(SITES / "json_site"), str(dest), "--theme", "mkdocs", "--dry-run"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert "Would migrate" in out
    assert "layouts/_shortcodes/ui/kbd.html -> shortcodes/ui/kbd.html" in out
    assert not dest.exists()
    assert cli.main(["migrate", str(tmp_path / "nothing"), str(dest)]) == 2
    assert "not a folder" in capsys.readouterr().err


@needs_hugo
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_url_hugo_gives_answers(tmp_path: Path, name: str) -> None:
    if not HUGO_URLS and name != "json_site":  # json_site's URLs need no URL option
        pytest.skip(f"the plugin has no {' or '.join(URL_OPTIONS)} option yet (Hugo's URLs)")
    public = build_hugo_site(shutil.copytree(SITES / name, tmp_path / "hugo"))
    dest = tmp_path / "out"
    migrate(SITES / name, dest, theme="mkdocs")
    build_config_file(dest / "mkdocs.yml", dest / "site", strict=True)
    for url in EXPECTED[name][1]:
        hugo_file = public / url / "index.html" if not url or url.endswith("/") else public / url
        assert hugo_file.is_file(), f"Hugo has no {url!r}: the test's list is wrong"
        ours = dest / "site" / url / "index.html" if not url or url.endswith("/") else \
            dest / "site" / url  # fmt: skip
        assert ours.is_file(), f"/{url} does not answer"
