"""Random pages through a real build: whatever the front matter, shortcodes, iframes and aliases
hold, the build finishes, no markup or script from them reaches the page, the body survives and
nothing is written outside ``site_dir``.

Each example is a whole ``mkdocs build`` of a few generated pages (the ``mkdocs`` theme; the
hostile suites cover the other themes case by case), so the number of examples is kept small;
hypothesis still shrinks any failure to a small page.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitebuilder import build_site

# What attackers and broken migrations put where a plain value belongs.
NASTY = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "javascript&#58;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<iframe src=javascript:alert(1)>",
    "{{< youtube x >}}",
    "\u2028",
    "\x00",
    "\x1b[31m",
    "../../../../etc/passwd",
    "a" * 300,
    "https://example.org/a.png",
    "images/cover.png",
    "/abs/path/",
)
FLAG_KEYS = (
    "title", "description", "summary", "author", "date", "lastmod", "publishDate",
    "expiryDate", "cover", "thumbnail", "images", "tags", "categories", "keywords", "aliases",
    "canonicalURL", "editPost", "ShareButtons", "showToc", "TocOpen", "UseHugoToc",
    "ShowReadingTime", "ShowWordCount", "ShowBreadCrumbs", "ShowPostNavLinks",
    "ShowShareButtons", "hideMeta", "searchHidden", "robotsNoIndex", "disableHLJS", "comments",
)  # fmt: skip
COVER_KEYS = ("image", "alt", "caption", "relative", "hidden", "hiddenInSingle")
EDIT_KEYS = ("URL", "Text", "appendFilePath")

texts = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.sampled_from(list("ab <>&\"'=/:#()[]{}%*_\n\t")), max_size=40),
)
scalars = st.one_of(texts, st.booleans(), st.integers(-5, 10**6), st.none(),
                    st.sampled_from(["2024-01-02", "2999-01-01", "2024-02-30", "not a date"]))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(COVER_KEYS + EDIT_KEYS), inner, max_size=4),
    ),
    max_leaves=8,
)
front_matters = st.dictionaries(
    st.one_of(st.sampled_from(FLAG_KEYS), st.sampled_from(("x", "ShowReadingTimes"))),
    values,
    max_size=10,
)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


shortcodes = st.one_of(
    st.builds(lambda c, a: f"{{{{< figure src={_quoted(a)} caption={_quoted(c)} >}}}}",
              texts, texts),
    st.builds(lambda s: f"{{{{< collapse summary={_quoted(s)} >}}}}\nbody\n{{{{< /collapse >}}}}",
              texts),
    st.builds(lambda t: f"{{{{< ref {_quoted(t)} >}}}}", texts),
    st.builds(lambda i, t: f"{{{{< youtube id={_quoted(i)} start={_quoted(t)} >}}}}",
              st.sampled_from(["dQw4w9WgXcQ", "x", "<b>", ""]), texts),
    st.builds(lambda t: f"{{{{< param {_quoted(t)} >}}}}", texts),
    st.sampled_from(["{{< nosuch a=1 >}}", "{{< figure", "{{< collapse >}}", "{{< /collapse >}}",
                     "{{< highlight go >}}x := 1", "{{% x %}}"]),
)
iframes = st.builds(
    lambda q, close: f'<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?{q}">'
    + ("</iframe>" if close else ""),
    st.sampled_from(["t=30sec", "t=", "start=x", "autoplay=1", "a=<b>", "t=1m2s"]),
    st.booleans(),
)
# The body's own raw HTML is the author's, passed through as Markdown does: only plain text here,
# the hostile values go into front matter and shortcode parameters.
plain_texts = st.text(alphabet=st.sampled_from(list("ab <>&\"'=/:#()[]{}%*_\n\t")), max_size=40)
body_pieces = st.one_of(plain_texts, shortcodes, iframes,
                        st.sampled_from(["<h2>", "<h2>Head</h2>", "<template>", "<!--", "`"]))
bodies = st.lists(body_pieces, max_size=8).map(lambda parts: "\n\n".join(parts))
formats = st.sampled_from(["yaml", "json", "toml-ish"])

ALLOWED_SCRIPT_SOURCES = ("assets/hugo-meta/", "search/", "js/", "highlight.js", "highlight.min.js")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")


def _page(front: dict[str, Any], body: str, fmt: str, index: int) -> bytes:
    marker = f"SENTINEL-fuzz-{index} survives."
    if fmt == "json":
        head = json.dumps(front, default=str) + "\n"
    else:
        head = "---\n" + yaml.safe_dump(front, allow_unicode=True, default_flow_style=False)
        head += "---\n"
    return (head + "\n" + body + "\n\n" + marker + "\n").encode("utf-8", "surrogatepass")


def _unsafe_url(value: str) -> bool:
    cleaned = "".join(ch for ch in value if ord(ch) > 0x20).lower()
    if cleaned.startswith(("javascript:", "vbscript:")):
        return True
    return cleaned.startswith("data:") and not cleaned.startswith("data:image/")


def _problems(html: str) -> list[str]:
    """Markup in the page that no clean page of this site has."""
    soup = BeautifulSoup(html, "html.parser")
    found: list[str] = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            texts_of = value if isinstance(value, list) else [value]
            if name.lower() in URL_ATTRIBUTES and any(_unsafe_url(str(v)) for v in texts_of):
                found.append(f"<{tag.name} {name}={value!r}>")
        if tag.name == "script":
            src = str(tag.get("src") or "")
            body = tag.string or ""
            from_us = src and any(part in src for part in ALLOWED_SCRIPT_SOURCES)
            theme_inline = not src and "alert(" not in body
            if not (from_us or theme_inline):
                found.append(f"<script src={src!r}>{body[:40]!r}")
        if tag.name in ("object", "embed", "base"):
            found.append(f"<{tag.name}>")
        if tag.name == "iframe" and _unsafe_url(str(tag.get("src") or "")):
            found.append("<iframe javascript>")
    return found


@settings(
    max_examples=int(os.environ.get("HM_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.tuples(front_matters, bodies, formats), min_size=1, max_size=3))
def test_random_pages_build_safely(pages: list[tuple[dict[str, Any], str, str]]) -> None:
    root = Path(tempfile.mkdtemp(prefix="hm-fuzz-"))
    outer = root / "outer"
    try:
        site_root = outer / "a" / "b"
        sources = {
            f"posts/p{index}.md": _page(front, body, fmt, index)
            for index, (front, body, fmt) in enumerate(pages)
        }
        site = build_site(site_root, sources)
        # The fault barrier is for the unforeseen: random input must not need it.
        assert not [w for w in site.warnings if " left out (" in w], site.warnings
        written = {p for p in outer.rglob("*") if p.is_file()}
        assert all(site_root in p.parents for p in written), "written outside the site folder"
        for index, _ in enumerate(pages):
            out = site.path(f"posts/p{index}.md")
            if not out.exists():
                continue  # a draft, or a page dated in the future or past its expiry
            html = out.read_text(encoding="utf-8")
            assert f"SENTINEL-fuzz-{index} survives." in html
            assert _problems(html) == []
    finally:
        shutil.rmtree(root, ignore_errors=True)
