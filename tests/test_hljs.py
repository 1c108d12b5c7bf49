"""disableHLJS: that page loads and runs no highlight.js; its neighbours are untouched."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from sitebuilder import Site

from mkdocs_hugo_meta.site import hljs

CDN = "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/11.8.0"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (f'<script src="{CDN}/highlight.min.js"></script>', ""),
        (f'<script src="{CDN}/languages/yaml.min.js"></script>', ""),
        ("<script>hljs.highlightAll();</script>", ""),
        ("<script>\n  hljs.initHighlightingOnLoad();\n</script>", ""),
        ('<SCRIPT SRC="/js/highlight.pack.js"></SCRIPT>', ""),
        (f'<LINK REL="stylesheet" HREF="{CDN}/styles/github.min.css">', ""),
        (f'<script src="a.js"></script><link rel="stylesheet" href="{CDN}/styles/a.min.css">',
         '<script src="a.js"></script>'),
        ('<script src="https://unpkg.com/@highlightjs/cdn-assets/highlight.min.js"></script>', ""),
        (f'<link rel="stylesheet" href="{CDN}/styles/github.min.css" />', ""),
        (f'<link id="hljs-dark" rel="stylesheet" href="{CDN}/styles/x.min.css" disabled>',
         '<style id="hljs-dark"></style>'),
        # everything else stays
        ('<script src="js/base.js"></script>', None),
        ("<script>var page = 1; hljs.highlightAll();</script>", None),
        ("<script>var mkdocs_page_name = \"hljs.x\";</script>", None),
        ('<link rel="stylesheet" href="css/theme.css">', None),
        (f'<link rel="preconnect" href="{CDN}/">', None),
        ("<p>&lt;script src=highlight.min.js&gt;</p>", None),
        ("<p>no tags at all</p>", None),
    ],
)  # fmt: skip
def test_strip(html: str, expected: str | None) -> None:
    page = f"<head>{html}</head><body><p>x</p></body>"
    want = page if expected is None else f"<head>{expected}</head><body><p>x</p></body>"
    assert hljs.strip(page) == want


def test_strip_keeps_the_order_of_everything_else() -> None:
    page = (
        '<link href="a.css" rel="stylesheet">'
        f'<link id="hljs-light" rel="stylesheet" href="{CDN}/styles/a.min.css">'
        '<script src="b.js"></script>'
        f'<script src="{CDN}/highlight.min.js"></script>'
        "<script>hljs.highlightAll();</script>"
        '<script src="c.js"></script><script'
    )
    assert hljs.strip(page) == (
        '<link href="a.css" rel="stylesheet"><style id="hljs-light"></style>'
        '<script src="b.js"></script><script src="c.js"></script><script'
    )


CODE = "\n```python\nprint('hi')\n```\n"


def _hljs_traces(soup: BeautifulSoup) -> list[str]:
    found = [str(s["src"]) for s in soup.find_all("script", src=True) if hljs.is_hljs_url(s["src"])]
    found += [s.get_text() for s in soup.find_all("script") if "hljs." in s.get_text()]
    found += [str(link["href"]) for link in soup.find_all("link", href=True)
              if hljs.is_hljs_url(link["href"])]  # fmt: skip
    return found


@pytest.mark.parametrize("theme_name", ["mkdocs", "readthedocs", "material"])
def test_disable_hljs_per_page(build: Callable[..., Site], theme_name: str) -> None:
    theme: dict[str, object] = {"name": theme_name}
    if theme_name != "material":
        theme["hljs_languages"] = ["yaml"]
    site = build(
        {
            "posts/plain.md": "---\ntitle: Plain\n---\n" + CODE,
            "posts/nohl.md": "---\ntitle: No HLJS\ndisableHLJS: true\n---\n" + CODE,
        },
        extra={"theme": theme},
    )
    plain, nohl = site.html("posts/plain.md"), site.html("posts/nohl.md")
    assert not _hljs_traces(nohl)
    assert nohl.select_one("pre code") is not None
    if theme_name == "material":  # Material never loads highlight.js: nothing to remove
        assert not _hljs_traces(plain)
        return
    traces = _hljs_traces(plain)
    assert f"{CDN}/highlight.min.js" in traces
    assert f"{CDN}/languages/yaml.min.js" in traces
    assert "hljs.highlightAll();" in traces
    # the rest of the page's scripts are still there
    plain_scripts = [s.get("src") for s in plain.find_all("script") if not hljs.is_hljs_url(
        str(s.get("src", "")))]  # fmt: skip
    nohl_scripts = [s.get("src") for s in nohl.find_all("script") if "hljs." not in s.get_text()]
    assert len([s for s in nohl_scripts if s]) == len([s for s in plain_scripts if s])
    if theme_name == "mkdocs":
        # its colour-mode script switches these by id; they stay as empty styles
        assert nohl.select_one("style#hljs-light") is not None
        assert nohl.select_one("style#hljs-dark") is not None
