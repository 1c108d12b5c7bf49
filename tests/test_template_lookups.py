"""The theme templates' exception-free attribute lookup answers exactly as Jinja2's own."""

from __future__ import annotations

from typing import Any

import jinja2
import jinja2.sandbox
import pytest
from sitebuilder import build_site

from mkdocs_hugo_meta.site import template_lookups


class Page:
    def __init__(self) -> None:
        self.meta = {"title": "T", "items": "a key named like a dict method", "icon": None}
        self.title = "Page"

    @property
    def broken(self) -> str:
        raise AttributeError("computed and missing")


class Indexable:
    def __getitem__(self, key: str) -> str:
        if key == "known":
            return "by item"
        raise KeyError(key)


class Dynamic:
    def __getattr__(self, name: str) -> str:
        if name == "made":
            return "by __getattr__"
        raise AttributeError(name)


TEMPLATE = """\
{{ page.meta.title }}|{{ page.meta.icon }}|{{ page.meta.subtitle | default('none') }}|\
{{ page.meta.items is callable }}|{{ page.meta['items'] }}|{{ page.title }}|\
{{ page.encrypted is defined }}|{{ page.broken is defined }}|\
{{ ix.known }}|{{ ix.other is defined }}|\
{{ dyn.made }}|{{ dyn.other is defined }}|{{ seq.0 }}|{{ seq.9 is defined }}|{{ text.upper() }}|\
{{ none_value.x is defined }}|{% if page.meta and page.meta.status %}s{% endif %}"""


def render(env: jinja2.Environment) -> str:
    values: dict[str, Any] = {"page": Page(), "ix": Indexable(), "dyn": Dynamic(),
                              "seq": ["zero"], "text": "abc", "none_value": None}  # fmt: skip
    return env.from_string(TEMPLATE).render(**values)


@pytest.mark.parametrize("undefined", [jinja2.Undefined, jinja2.ChainableUndefined])
def test_same_answers_as_jinja(undefined: type[jinja2.Undefined]) -> None:
    plain, fast = jinja2.Environment(undefined=undefined), jinja2.Environment(undefined=undefined)
    template_lookups.speed_up(fast)
    assert fast.getattr is not plain.getattr
    assert render(fast) == render(plain)
    assert render(plain).startswith("T|None|none|True|a key named like a dict method|Page|False|")


def test_strict_undefined_still_raises() -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    template_lookups.speed_up(env)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ meta.missing }}").render(meta={})


def test_a_sandbox_keeps_its_own_lookup() -> None:
    env = jinja2.sandbox.SandboxedEnvironment()
    template_lookups.speed_up(env)
    assert "getattr" not in vars(env)
    assert env.from_string("{{ f.__globals__ }}").render(f=render) == ""  # the sandbox said no


def test_material_nav_unchanged_with_icons_and_status(tmp_path: Any) -> None:
    """Material reads nav entries' ``meta.icon`` and ``meta.status``: still shown where set."""
    pages = {
        "posts/a.md": "---\ntitle: A\nicon: material/star\nstatus: new\n---\nText.\n",
        "posts/b.md": "+++\ntitle = 'B'\n+++\nText.\n",
    }
    site = build_site(tmp_path, pages, theme="material",
                      extra={"extra": {"status": {"new": "Recently added"}}})  # fmt: skip
    assert site.warnings == []
    nav = site.html("posts/b.md").select("nav.md-nav--primary a.md-nav__link")
    starred = [a for a in nav if a.select_one(".twemoji, svg") and "A" in a.get_text()]
    assert starred, "the icon of post A is in every page's nav"
    assert site.html("posts/b.md").select_one('.md-status--new, [class*="md-status"]') is not None


def test_a_disabled_plugin_leaves_the_theme_alone(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    monkeypatch.setattr(template_lookups, "speed_up", calls.append)
    pages = {"posts/a.md": "---\ntitle: A\n---\nText.\n"}
    build_site(tmp_path / "off", pages, plugin={"enabled": False})
    assert calls == []
    build_site(tmp_path / "on", pages)
    assert len(calls) == 1
