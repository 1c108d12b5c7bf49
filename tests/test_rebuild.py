"""`mkdocs serve` keeps the plugin instance across rebuilds: nothing may leak between them."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuilder import captured_warnings, write_site


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
