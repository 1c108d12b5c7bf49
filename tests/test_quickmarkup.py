"""Each Python twin in ``quickmarkup`` renders exactly what its Jinja2 template renders, and a
template copied to ``custom_dir`` is still the one used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from sitebuilder import build_site

from mkdocs_hugo_meta.render import twins as quickmarkup
from mkdocs_hugo_meta.render.footer import NavLink, TagLink
from mkdocs_hugo_meta.render.header import Crumb, MetaPart
from mkdocs_hugo_meta.render.headings import Heading
from mkdocs_hugo_meta.render.labels import Labels
from mkdocs_hugo_meta.render.share import Button
from mkdocs_hugo_meta.render.templates import PACKAGE_TEMPLATES, Templates
from mkdocs_hugo_meta.shortcodes.video import Embed

JINJA = Templates([PACKAGE_TEMPLATES], quick=False)
QUICK = Templates([PACKAGE_TEMPLATES])

# Markup-significant and non-ASCII characters, and the empty string.
text = st.text(alphabet=st.sampled_from(list("aZ 1<>&\"'é中/#=\n")), max_size=8)
maybe = st.one_of(st.just(""), text)
labels = st.sampled_from([Labels(None, {}), Labels("zh", {}), Labels("fr", {"draft": "<b>"})])
markup = st.builds(lambda s: Markup(f"<i>{Markup.escape(s)}</i>"), text)

headings: st.SearchStrategy[list[Heading]] = st.recursive(
    st.lists(st.builds(Heading, st.integers(1, 6), text, text), max_size=3),
    lambda children: st.lists(
        st.builds(Heading, st.integers(1, 6), text, text, children), min_size=1, max_size=3
    ),
    max_leaves=8,
)
parts = st.lists(
    st.one_of(
        st.builds(MetaPart, st.just("date"), text,
                  attrs=st.dictionaries(st.sampled_from(["datetime", "x"]), text, min_size=1)),
        st.builds(MetaPart, st.sampled_from(["author", "reading-time", "a<b"]), text, href=maybe,
                  attrs=st.one_of(st.none(), st.dictionaries(st.just("data-x"), text)),
                  after_bar=st.booleans()),
    ),
    max_size=4,
)
embeds = st.builds(
    Embed, st.sampled_from(["youtube", "vimeo"]), text, css_class=maybe, title=maybe,
    loading=st.sampled_from(["lazy", "eager"]), allow_fullscreen=st.booleans(),
)

VALUES: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "header.html": st.fixed_dictionaries({
        "crumbs": st.lists(st.builds(Crumb, text, maybe), max_size=3), "title": maybe,
        "draft": st.one_of(st.none(), st.sampled_from(["draft", "future"])),
        "description": maybe, "parts": parts,
    }),
    "cover.html": st.fixed_dictionaries({
        "src": text, "alt": maybe,
        "size": st.one_of(st.none(), st.tuples(st.integers(1, 900), st.integers(1, 900))),
        "caption": st.one_of(st.just(""), markup),
    }),
    "toc.html": st.fixed_dictionaries({
        "items": headings, "open": st.booleans(), "title": text, "script": maybe,
    }),
    "footer.html": st.fixed_dictionaries({"parts": st.lists(markup, max_size=3)}),
    "tags.html": st.fixed_dictionaries({
        "tags": st.lists(st.builds(TagLink, text, maybe), max_size=3),
        "categories": st.lists(text, max_size=3),
    }),
    "share.html": st.fixed_dictionaries({
        # The same icon as text (escaped) and as Markup (not): the twin keeps them apart.
        "buttons": st.lists(st.builds(Button, text, text, text, st.one_of(
            markup, text, st.sampled_from(["<i>x</i>", Markup("<i>x</i>")]))), max_size=3),
    }),
    "post_nav.html": st.fixed_dictionaries({
        "prev": st.one_of(st.none(), st.builds(NavLink, text, text)),
        "next": st.one_of(st.none(), st.builds(NavLink, text, text)),
    }),
    "entry.html": st.fixed_dictionaries({
        "href": text, "title": text,
        "draft": st.one_of(st.none(), st.sampled_from(["draft", "future", "a<b"])),
        "image": st.one_of(st.none(), st.fixed_dictionaries({
            "src": text, "alt": maybe,
            "size": st.one_of(st.none(), st.tuples(st.integers(1, 900), st.integers(1, 900))),
        })),
        "summary": maybe, "truncated": st.booleans(), "parts": parts,
    }),
    "video.html": st.fixed_dictionaries({
        "embed": embeds, "facade": st.booleans(), "src": text, "title": text, "allow": maybe,
        "referrerpolicy": text, "thumbnail": text, "watch_url": text, "provider_name": text,
    }),
}


def test_every_twin_has_values_to_be_checked_with() -> None:
    assert set(VALUES) == set(quickmarkup.RENDERERS)


@pytest.mark.parametrize("name", sorted(VALUES))
def test_twin_renders_what_the_template_renders(name: str) -> None:
    assert QUICK.quick(name) is quickmarkup.RENDERERS[name]
    assert JINJA.quick(name) is None

    @settings(max_examples=150, deadline=None)
    @given(values=VALUES[name], labels=labels)
    def check(values: dict[str, Any], labels: Callable[..., str]) -> None:
        expected = JINJA.render(name, labels=labels, ctx=None, **values)
        assert QUICK.render(name, labels=labels, ctx=None, **values) == expected

    check()


def test_share_icon_as_text_and_as_markup() -> None:
    buttons = [Button("x", "h", "l", icon) for icon in ("<i>x</i>", Markup("<i>x</i>"), "<i>x</i>")]
    for order in (buttons, buttons[::-1]):
        values = {"labels": Labels(None, {}), "ctx": None, "buttons": order}
        assert QUICK.render("share.html", **values) == JINJA.render("share.html", **values)
        assert QUICK.render("share.html", **values).count("&lt;i&gt;x") == 2


def test_a_template_in_custom_dir_is_used(tmp_path: Path) -> None:
    custom = tmp_path / "overrides"
    (custom / "hugo_meta").mkdir(parents=True)
    (custom / "hugo_meta" / "post_nav.html").write_text(
        '<nav class="my-nav">{{ prev.title if prev else "" }}</nav>', encoding="utf-8"
    )
    site = build_site(
        tmp_path / "site",
        {
            "a.md": "---\ntitle: First\nShowPostNavLinks: true\n---\n\nOne.\n",
            "b.md": "---\ntitle: Second\nShowPostNavLinks: true\n---\n\nTwo.\n",
        },
        extra={"theme": {"name": "mkdocs", "custom_dir": str(custom)}},
    )
    page = site.html("b.md")
    assert page.select_one("nav.my-nav").get_text() == "First"
    assert page.select_one("nav.hm-post-nav") is None
    assert page.select_one("header.hm-header") is not None  # the other templates are ours
