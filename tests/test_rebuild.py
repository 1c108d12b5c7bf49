"""`mkdocs serve` keeps the plugin instance across rebuilds: nothing may leak between them, and
a rebuild reads only the files that changed (counted, not timed)."""

from __future__ import annotations

import os
import time
from datetime import tzinfo
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File
from sitebuilder import captured_warnings, write_site

from mkdocs_hugo_meta.source import dates, reuse
from mkdocs_hugo_meta.source import page as page_source


def test_second_build_with_the_same_plugin_instance_is_identical(tmp_path: Path) -> None:
    config_file = write_site(
        tmp_path,
        {
            "a.md": "---\ntitle: A\ndisableHLJS: true\ndisableHLJS: false\n---\nAlpha body.\n",
            "b.md": "+++\ntitle = \"B\"\n+++\nBeta body.\n",
        },
    )
    site_dir = tmp_path / "site"
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=False)
    outputs = []
    instances = set()
    try:
        for _ in range(2):
            # Like `mkdocs serve`, each rebuild loads the config again; MkDocs then hands back
            # the same plugin instance because the plugin has an on_startup event.
            fresh = load_config(str(config_file), site_dir=str(site_dir))
            instances.add(id(fresh.plugins["hugo-meta"]))
            with captured_warnings() as warnings:
                build(fresh)
            pages = {
                name: (site_dir / name / "index.html").read_text(encoding="utf-8")
                for name in ("a", "b")
            }
            outputs.append((sorted(warnings), pages))
    finally:
        config.plugins.on_shutdown()
    assert len(instances) == 1
    (warnings_1, pages_1), (warnings_2, pages_2) = outputs
    assert pages_1 == pages_2
    assert warnings_1 == warnings_2
    assert len([w for w in warnings_1 if "duplicate key" in w]) == 1
    assert "Beta body." in pages_2["b"] and "+++" not in pages_2["b"]


PAGES = {
    "a.md": "---\ntitle: A\ntags: [one]\ndisableHLJS: true\ndisableHLJS: false\n---\nAlpha body.\n",
    "b.md": "+++\ntitle = \"B\"\n+++\nBeta body.\n",
    "c.md": "---\ntitle: C\nauthor: {name: Cy}\n---\nGamma body.\n",
}


class Rebuilds:
    """`mkdocs serve --dirty` in slow motion: each ``build()`` loads the config again and
    rebuilds, counting how many files the plugin parsed."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.config_file = write_site(root, PAGES)
        self.site_dir = root / "site"
        self.parsed: list[str] = []
        self.made: list[str] = []
        parse = page_source.parse
        init = page_source.PageData.__init__

        def counting_parse(src_uri: str, raw: bytes, tz: tzinfo, *rest: Any) -> page_source.Source:
            self.parsed.append(src_uri)
            return parse(src_uri, raw, tz, *rest)

        def counting_init(data: page_source.PageData, src_uri: str, *rest: Any, **kw: Any) -> None:
            if src_uri in PAGES or src_uri == "index.md":  # not the generated list pages
                self.made.append(src_uri)
            init(data, src_uri, *rest, **kw)

        monkeypatch.setattr(page_source, "parse", counting_parse)
        monkeypatch.setattr(page_source.PageData, "__init__", counting_init)

    def build(self, *, dirty: bool, plugin: dict[str, object] | None = None) -> list[str]:
        """Parsed files of one rebuild; warnings in ``self.warnings``, the site's files made
        into a ``PageData`` in ``self.made``."""
        self.parsed, self.made = [], []
        fresh = load_config(str(self.config_file), site_dir=str(self.site_dir))
        if plugin:
            fresh.plugins["hugo-meta"].config.update(plugin)
        fresh.plugins.on_startup(command="serve", dirty=dirty)
        with captured_warnings() as warnings:
            build(fresh, dirty=dirty)
        # MkDocs' own warning about --dirty aside.
        self.warnings = sorted(w for w in warnings if w.startswith("mkdocs_hugo_meta"))
        return sorted(self.parsed)

    def edit(self, name: str, text: str) -> None:
        path = self.config_file.parent / "docs" / name
        path.write_text(text, encoding="utf-8")
        # Newer than its output, as after an edit, so `--dirty` rebuilds it.
        later = time.time_ns() + 5_000_000_000
        os.utime(path, ns=(later, later))

    def html(self, name: str) -> str:
        return (self.site_dir / name / "index.html").read_text(encoding="utf-8")


def test_a_dirty_rebuild_reads_only_the_edited_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = Rebuilds(tmp_path, monkeypatch)
    assert site.build(dirty=False) == ["a.md", "b.md", "c.md", "index.md"]
    first_warnings = site.warnings
    assert len([w for w in first_warnings if "duplicate key" in w]) == 1
    assert "Cy" in site.html("c")
    # Nothing changed: nothing is parsed, and a.md's problem is reported again.
    assert site.build(dirty=True) == []
    assert site.warnings == first_warnings
    assert site.made == []  # and no page is made: the last build's are handed on
    # One page edited: exactly that one is parsed again, and the rebuild shows the edit.
    site.edit("b.md", "+++\ntitle = \"B, edited\"\n+++\nBeta body, edited.\n")
    assert site.build(dirty=True) == ["b.md"]
    assert site.made == ["b.md"]
    assert "Beta body, edited." in site.html("b") and "B, edited" in site.html("b")
    assert site.warnings == first_warnings
    # The site's params are not part of what is kept: a change to them needs no parse.
    assert site.build(dirty=False, plugin={"params": {"author": "Site Owner"}}) == []
    assert site.made == []
    assert "Site Owner" in site.html("a") and "Cy" in site.html("c")
    # The time zone is: every page is parsed again; so is the site's frontmatter setting.
    assert len(site.build(dirty=False, plugin={"timezone": "Europe/Paris"})) == 4
    chains = {"timezone": "Europe/Paris", "frontmatter": {"date": ["published", ":default"]}}
    assert len(site.build(dirty=False, plugin=chains)) == 4
    assert site.build(dirty=False, plugin=chains) == []


def test_what_a_build_hands_out_does_not_leak_into_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = Rebuilds(tmp_path, monkeypatch)
    site.build(dirty=False)
    # Another plugin or a template changing page.meta in place...
    data = reuse.read(files_of(site.config_file, "a.md"), {}, dates.zone("UTC"), keep=True)
    data.meta["tags"].append("two")
    data.meta["hugo_meta"]["tags"].append("three")
    # ...leaves the kept page as it was read.
    again = reuse.read(files_of(site.config_file, "a.md"), {}, dates.zone("UTC"), keep=True)
    assert again.front.data["tags"] == ["one"] and again.params.texts("tags") == ["one"]
    assert sorted(site.parsed) == ["a.md", "b.md", "c.md", "index.md"]


def test_a_kept_page_is_handed_on_as_a_fresh_read_would_make_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a build adds to a page (its reported problems, reading time, list marks) does not
    reach the next build with the page."""
    site = Rebuilds(tmp_path, monkeypatch)
    site.build(dirty=False, plugin={"params": {"ShowReadingTime": True}})
    zone = dates.zone("UTC")
    for name in ("a.md", "c.md"):
        file = files_of(site.config_file, name)
        kept = reuse.read(file, {"author": "Other"}, zone, keep=True)
        source = page_source.parse(name, file.content_bytes, zone)
        fresh = page_source.page_data(name, source, {"author": "Other"}, shared=True)
        assert kept == fresh, name
        assert kept.params.site == {"author": "Other"} and kept.params.extra == {}


def test_kept_files_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reuse, "MAX_FILES", 2)
    site = Rebuilds(tmp_path, monkeypatch)
    site.build(dirty=False)
    kept = [path for path in reuse._kept if path.startswith(str(tmp_path))]
    assert len(kept) == 2
    # A plain `mkdocs build` keeps nothing.
    reuse.clear()
    fresh = load_config(str(site.config_file), site_dir=str(site.site_dir))
    fresh.plugins.on_startup(command="build", dirty=False)
    build(fresh)
    assert reuse._kept == {}


def files_of(config_file: Path, name: str) -> File:
    config = load_config(str(config_file))
    return File(name, config.docs_dir, config.site_dir, use_directory_urls=True)
