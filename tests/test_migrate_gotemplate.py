"""The Go-template → Jinja translator of `hugo-meta migrate`: what it ports, checked against the
real hugo binary rendering the same shortcodes, and what it refuses, with the line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hugokit import build_hugo_site, needs_hugo
from sitebuilder import build_config_file

from mkdocs_hugo_meta.migrate import migrate
from mkdocs_hugo_meta.migrate.gotemplate import Unported, translate

# (Go template, a call in a page): Hugo's output is the expected one.
PORTABLE = [
    ('<b>{{ .Get 0 }}</b>', '{{< c "x<y" >}}'),
    ('{{ .Get "a" | default "none" }}/{{ .Get "b" | default "none" }}', '{{< c a="set" >}}'),
    ('{{ with .Get "t" }}<i>{{ . }}</i>{{ else }}untitled{{ end }}', '{{< c t="Hi" >}}'),
    ('{{ with .Get "t" }}<i>{{ . }}</i>{{ else }}untitled{{ end }}', '{{< c >}}'),
    ('{{ if eq (.Get "k") "warn" }}W{{ else if ne (.Get "k") "" }}K{{ else }}N{{ end }}',
     '{{< c k="info" >}}'),
    ('{{ if and (.Get 0) (not (.Get 1)) }}one{{ end }}{{ if or (.Get 2) (.Get 0) }}!{{ end }}',
     '{{< c "a" >}}'),
    ('{{ range $k, $v := .Params }}{{ $k }}={{ $v }};{{ end }}', '{{< c zeta="1" alpha="2" >}}'),
    ('{{ range $i, $v := .Params }}{{ $i }}:{{ $v }} {{ end }}', '{{< c "x" "y" "z" >}}'),
    ('{{ range .Params }}[{{ . }}]{{ else }}empty{{ end }}', '{{< c >}}'),
    ('{{ printf "%s has %d" (.Get "n") (len .Params) }}', '{{< c n="it" m="2" >}}'),
    ('{{ .Get 0 | lower }} {{ upper (.Get 1) }}', '{{< c "MiXed" "case" >}}'),
    ('<p>{{ .Inner | markdownify }}</p>', '{{< c >}}some **bold** text{{< /c >}}'),
    ('{{ "<i>raw</i>" | safeHTML }}{{ "<i>escaped</i>" }}', '{{< c >}}'),
    ('a  {{- /* gone */ -}}  b {{- " c " -}} d', '{{< c >}}'),
    ('{{ .Name }}#{{ .Ordinal }} {{ .IsNamedParams }}', '{{< c k="v" >}}'),
    ('{{ .Page.Title }} / {{ .Site.Title }} / {{ .Page.Params.mood }}', '{{< c >}}'),
    ('{{ $n := add .Ordinal 1 }}{{ $n = add $n 10 }}{{ $n }}', '{{< c >}}'),
    ('{{ $p := .Page }}{{ with $p }}{{ .Title }}{{ end }}', '{{< c >}}'),
    ('{{ index .Params 1 }}', '{{< c "a" "b" >}}'),
    ('{{ if gt (len (.Get 0)) 3 }}long{{ else }}short{{ end }}', '{{< c "abcd" >}}'),
    ('<style>p{color:red} {% not jinja %}</style>', '{{< c >}}'),
]

UNPORTABLE = [
    ('{{ partial "x.html" . }}', 1, "function 'partial'"),
    ('<div>\n{{ range .Page.Resources }}{{ end }}', 2, "'.Page.Resources'"),
    ('{{ define "x" }}{{ end }}', 1, "'{{ define }}'"),
    ('{{ if .Get 0 }}\nno end', 1, "never closed"),
    ('{{ printf "%q" (.Get 0) }}', 1, "verb %q"),
    ('{{ $a := 1 }}{{ range .Params }}{{ $a = 2 }}{{ end }}', 1, "inside range"),
    ('{{ .Site.Menus.main }}', 1, "'.Site.Menus'"),
    ('{{ . }}', 1, "the shortcode itself"),
    ('{{ with .Get 0 }}{{ else with .Get 1 }}{{ end }}', 1, "'{{ else with }}'"),
    ('{{ $undefined }}', 1, "used before it is set"),
    ('{{/* never closed', 1, "unclosed comment"),
]


@pytest.mark.parametrize(("source", "line", "construct"), UNPORTABLE)
def test_what_has_no_counterpart_is_named_with_its_line(
    source: str, line: int, construct: str
) -> None:
    with pytest.raises(Unported) as caught:
        translate(source)
    assert caught.value.line == line
    assert construct in caught.value.construct


def test_go_trim_markers_and_comments_become_jinja_ones() -> None:
    assert translate("a {{- /* note */ -}} b") == "a {#- note -#} b"
    assert translate("{{- .Get 0 -}}") == "{{- get(0) -}}"


def test_text_that_looks_like_jinja_stays_text() -> None:
    assert "{% raw %}" in translate("<p>{% x %} {{ .Inner }}</p>")


def _cases_site(root: Path) -> None:
    """A Hugo site with one shortcode and one page per case, each output inside a marker."""
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "layouts" / "shortcodes").mkdir(parents=True)
    (root / "content" / "cases").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ntitle = "Oracle"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]\n'
        "[markup.goldmark.renderer]\nunsafe = true\n",
        encoding="utf-8",
    )
    (root / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text("list", encoding="utf-8")
    for number, (template, call) in enumerate(PORTABLE):
        name = f"c{number}"
        (root / "layouts" / "shortcodes" / f"{name}.html").write_text(template, encoding="utf-8")
        call = re.sub(r"\{\{< (/?)c\b", rf"{{{{< \g<1>{name}", call)
        (root / "content" / "cases" / f"case{number}.md").write_text(
            f'---\ntitle: "Case {number}"\nmood: Calm\n---\n<div class="case">{call}</div>\n',
            encoding="utf-8",
        )


def _case_html(path: Path) -> str:
    found = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("div", "case")
    assert found is not None, path
    return " ".join(found.decode_contents().split())


@needs_hugo
def test_ported_shortcodes_render_as_hugo_renders_them(tmp_path: Path) -> None:
    hugo_site = tmp_path / "hugo"
    _cases_site(hugo_site)
    dest = tmp_path / "mkdocs"
    report = migrate(hugo_site, dest, theme="mkdocs")
    assert len(report.shortcodes) == len(PORTABLE), report.render()
    assert not [m for m in report.manual if "shortcodes" in m[0]], report.render()
    warnings = build_config_file(dest / "mkdocs.yml", dest / "site", strict=True)
    assert not [w for w in warnings if "hugo_meta" in w or "cases/" in w], warnings
    public = build_hugo_site(shutil.copytree(hugo_site, tmp_path / "hugo-build"))
    for number, (template, call) in enumerate(PORTABLE):
        expected = _case_html(public / "cases" / f"case{number}" / "index.html")
        got = _case_html(dest / "site" / "cases" / f"case{number}" / "index.html")
        assert got == expected, f"{template!r} called as {call!r}"
