"""Hugo itself is the oracle for page URLs and the ``frontmatter`` date setting: the real ``hugo``
binary builds sites of oddly named pages with ``slug``, ``url``, ``permalinks`` (every token),
``uglyURLs``, ``disablePathToLower`` and ``[frontmatter]``, prints each page's
``.RelPermalink`` and dates, and the plugin must put each page at the same path."""

from __future__ import annotations

import html
import posixpath
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hugokit import CONFIG, build_hugo, needs_hugo

from mkdocs_hugo_meta.site import placement
from mkdocs_hugo_meta.source import dates, urls
from mkdocs_hugo_meta.source import page as page_source

pytestmark = needs_hugo

LAYOUT = "2006-01-02T15:04:05"
HOME = (
    "{{ range .Site.RegularPages }}{{ .File.Path }}|{{ .RelPermalink }}|"
    f'{{{{ .Date.Format "{LAYOUT}" }}}}|{{{{ .PublishDate.Format "{LAYOUT}" }}}}|'
    f'{{{{ .Lastmod.Format "{LAYOUT}" }}}}\n{{{{ end }}}}'
)

# Each page: path under content/ -> front matter lines.
PLAIN_PAGES = {
    "posts/Hello World.md": "title: Hello",
    "posts/Ünï Name.md": "title: U",
    "My Sec/Ünï Name.md": "title: U",
    "posts/slugged.md": "title: S\nslug: Custom Slug Here!",
    "posts/slug-punct.md": 'title: S\nslug: "C# & C++ / über?"',
    "posts/slug-empty.md": "title: S\nslug: ''",
    "posts/slug-spaces.md": 'title: S\nslug: "lead  and \\t trail"',
    "posts/slug-emoji.md": "title: S\nslug: 'emoji 😀 ok %zz 50%'",
    "posts/url-abs.md": "title: U\nurl: /Some/Path/",
    "posts/url-relative.md": "title: U\nurl: no-slash",
    "posts/url-file.md": "title: U\nurl: /a b/x.html",
    "posts/url-no-end.md": "title: U\nurl: /foo/bar",
    "posts/url-json.md": "title: U\nurl: /q.json",
    "posts/url-doubled.md": "title: U\nurl: /y//z/",
    "posts/bundle/index.md": "title: B",
    "posts/Bundle Two/index.md": "title: B\nslug: Two Slug",
    "posts/sub/deep.md": "title: D",
    "posts/2022-07-04-dated-name.md": "title: DN",
    "posts/under_score.Name.md": "title: US",
    "posts/a&b?.md": "title: odd",
    "posts/C#.md": "title: odd",
    "posts/x+y~z@w.md": "title: odd",
    "posts/日本語 テスト.md": "title: cjk",
    "root page.md": "title: R",
    "About/index.md": "title: A",
}

PERMALINK_PAGES = {
    "dated/one.md": "title: One Title!\ndate: 2024-03-05T10:00:00Z",
    "dated/two.md": "title: Two\ndate: 2024-03-05T10:00:00Z\nslug: the-slug",
    "dated/undated.md": "title: Undated Page",
    "tok/A File.md": "title: Hello, World! Ça va?\ndate: 2024-01-07T10:00:00Z",
    "tok/sub/deeper/F2.md": "title: T2\ndate: 2024-12-31T10:00:00Z",
    "tok2/a.md": "title: T\nslug: SL",
    "tok2/b.md": "title: T",
    "tok2/bund/index.md": "title: T",
    "sec/_index.md": "title: Sec",
    "sec/Nested/_index.md": "title: Nested",
    "sec/Nested/deeper/_index.md": "title: Deeper",
    "sec/Nested/deeper/My P.md": "title: P\ndate: 2024-03-05",
    "sec/Nested/nosec/Q.md": "title: Q\ndate: 2024-03-05",
    "sec/x/y/_index.md": "title: J",
    "sec/x/y/R.md": "title: R\ndate: 2024-03-05",
    "sec2/a/_index.md": "title: a",
    "sec2/a/b/_index.md": "title: b",
    "sec2/a/b/Page One.md": "title: Hello There\ndate: 2024-03-05",
    "sec2/notitle.md": "date: 2024-03-05",
    "kinds/K Page.md": "title: K\ndate: 2023-11-09",
    "rootp.md": "title: Root P",
    "posts/Mixed Case.md": "title: M\nslug: Slug Case",
    "posts/plain.md": "title: P",
}
PERMALINKS: dict[str, Any] = {
    "dated": "/:year/:month/:day/:slug/",
    "tok": "/:year/:monthname/:weekday/:weekdayname/:yearday/:section/:sections/:title/:filename/",
    "tok2": "/x/:slugorfilename/:contentbasename/:slugorcontentbasename/",
    "sec": "/:sections/:monthname/:06/:Jan/:filename/",
    "sec2": "/:sections[1:]/:sections[last]/:sections[:last]/:title/\\:x/",
    "page": {"kinds": "/k/:year/:slug/", "/": "/root/:slug/"},
}

FILENAME_PAGES = {
    "posts/2022-07-04-dated-name.md": "title: DN",
    "posts/2022-07-04.md": "title: DN2",
    "posts/2022-07-04_Under Score.md": "title: DN3",
    "posts/2022-07-05-x.md": "title: DN4\nslug: own",
    "posts/2022-07-06-bundle/index.md": "title: DN5",
    "posts/2022-07-07-09-10-11-timed.md": "title: DN6",
    "posts/2022-07-08-y.md": "title: DN7\ndate: 2020-01-01",
    "posts/2022-07-09-z.md": "title: DN8\nlastmod: 2023-01-01",
    "posts/no-date.md": "title: ND\nmydate: 2021-06-01",
    "posts/only-lastmod.md": "title: OL\nlastmod: 2021-02-03",
    "ugly/U Page.md": "title: U",
    "ugly/b/index.md": "title: U",
    "pretty/p.md": "title: P",
}

SITES: dict[str, tuple[dict[str, str], dict[str, Any]]] = {
    "plain": (PLAIN_PAGES, {}),
    "permalinks": (PERMALINK_PAGES, {"permalinks": PERMALINKS}),
    "permalinks-keep-case": (
        PERMALINK_PAGES, {"permalinks": PERMALINKS, "disablePathToLower": True}
    ),
    "keep-case": (PLAIN_PAGES, {"disablePathToLower": True}),
    "ugly": (PLAIN_PAGES, {"uglyURLs": True}),
    "filename-dates": (
        FILENAME_PAGES,
        {
            "uglyURLs": {"ugly": True},
            "frontmatter": {
                "date": [":filename", "mydate", ":default"],
                "lastmod": ["lastmod", ":filename"],
                "publishDate": [":default"],
            },
        },
    ),
}


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items()) + "}"


def _hugo(root: Path, pages: dict[str, str], options: dict[str, Any]) -> dict[str, str]:
    config = CONFIG.split("[markup")[0] + "".join(f"{k} = {_toml(v)}\n" for k, v in options.items())
    files = {"hugo.toml": config, "layouts/home.html": HOME, "layouts/single.html": "x"}
    for name, front in pages.items():
        files[f"content/{name}"] = f"---\n{front}\n---\n\nText.\n"
    public = build_hugo(root, files)
    seen: dict[str, str] = {}
    for line in (public / "index.html").read_text("utf-8").splitlines():
        if "|" in line:
            path, link, *moments = html.unescape(line).split("|")
            seen[path] = "|".join([unquote(link), *moments])
    return seen


def _ours(pages: dict[str, str], options: dict[str, Any]) -> dict[str, str]:
    problems: list[str] = []
    chains = dates.chains_from(options.get("frontmatter", {}), problems.append)
    ugly, ugly_sections = urls.ugly_setting(options.get("uglyURLs", False), problems.append)
    rules = urls.UrlRules(
        permalinks=urls.permalink_patterns(options.get("permalinks", {}), "page", problems.append),
        ugly=ugly,
        ugly_sections=ugly_sections,
        lower=not options.get("disablePathToLower", False),
    )
    assert problems == []
    index_dirs = {posixpath.dirname(p) for p in pages if p.endswith("_index.md")}
    seen: dict[str, str] = {}
    for name, front in pages.items():
        if name.endswith("_index.md"):
            continue
        source = f"---\n{front}\n---\n\nText.\n".encode()
        data = page_source.read(name, source, {}, timezone.utc, chains)
        placed = urls.place(placement.facts_of(data, index_dirs), rules)
        assert placed.problems == ()
        shown = [_shown(data.params.date(key)) for key in ("date", "publishDate", "lastmod")]
        seen[name] = "|".join(["/" + placed.path, *shown])
    return seen


def _shown(moment: datetime | None) -> str:
    if moment is None:
        return "0001-01-01T00:00:00"
    return f"{moment.year:04d}-" + moment.strftime("%m-%dT%H:%M:%S")


@pytest.mark.parametrize("site", list(SITES))
def test_pages_are_where_hugo_puts_them(tmp_path: Path, site: str) -> None:
    pages, options = SITES[site]
    hugo = _hugo(tmp_path, pages, options)
    ours = _ours(pages, options)
    if "frontmatter" not in options:
        # The plugin dates a page with no date from a dated file name even where Hugo's
        # default setting does not: compare the paths only there.
        hugo = {k: v.split("|")[0] for k, v in hugo.items()}
        ours = {k: v.split("|")[0] for k, v in ours.items()}
    assert ours == hugo


URLIZE = [
    "Hello World", "  lead", "trail  ", "a  -  b", "a--b", "C# & C++", "Ça va? «oui»",
    "50% off %zz", "Tab\there", "x.y_z~w@q+r", "日本語 テスト", "emoji 😀 ok", "ÀÉÎ",
    "a:b;c,d!e", "é", "Ünï", "Straße", "a_b-c.d", "ﬁ ligature", "Ωmega", "١٢٣ digits",
    "a\u0301 mark", "x\u00a0nbsp", "a\u3000ideographic space",
]  # fmt: skip


def test_urlize_as_hugo(tmp_path: Path) -> None:
    values = " ".join(_toml(v) for v in URLIZE)
    home = f"{{{{ range slice {values} }}}}{{{{ urlize . }}}}\n{{{{ end }}}}"
    public = build_hugo(tmp_path, {"layouts/home.html": home})
    hugo = [unquote(html.unescape(x)) for x in (public / "index.html").read_text().splitlines()]
    assert [urls.urlize(v) for v in URLIZE] == hugo
