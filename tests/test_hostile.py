"""Hostile input through real builds: broken, huge, binary and malicious pages.

Every page of ``tests/hostile/`` (plus a few generated here: 1 MB of front matter, every flag with
every wrong type) goes into ONE site per theme. For each: the build finishes, no markup or script
from the page reaches the output, nothing is written outside ``site_dir``, a warning names the
file when something is wrong with it, and its body text survives.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import Tag
from sitebuilder import Site, build_site

from mkdocs_hugo_meta.source import page as pagedata
from mkdocs_hugo_meta.source import params

CORPUS = Path(__file__).parent / "hostile"
# Where the site is built, several folders below the snapshot root, so an alias that climbs out
# of site_dir with `../..` still lands somewhere the snapshot sees.
DEPTH = ("a", "b", "c", "d", "e")


@dataclass(frozen=True)
class Case:
    warn: bool | None
    """True: a warning must name the file; False: it must not; None: either is fine."""
    sentinel: bool = True
    """Whether the body carries ``SENTINEL-<name>`` text that must survive."""


CASES: dict[str, Case] = {
    "empty.md": Case(False, sentinel=False),
    "front-matter-only.md": Case(False, sentinel=False),
    "unterminated.md": Case(True),
    "bom.md": Case(False),
    "crlf.md": Case(False),
    "tabs-in-yaml.md": Case(True),
    "anchors.md": Case(False),
    "billion-laughs.md": Case(True),
    "binary-junk.md": Case(True),
    "non-utf8.md": Case(True),
    "cover-string.md": Case(True),
    "cover-list.md": Case(True),
    "cover-number.md": Case(True),
    "aliases-escape.md": Case(True),
    "javascript-thumbnail.md": Case(True),
    "javascript-cover.md": Case(True),
    "script-in-text.md": Case(None),
    "script-in-title.md": Case(None),
    "shortcode-script.md": Case(True),
    "impossible-date.md": Case(True),
    # Generated below.
    "huge-front-matter.md": Case(False),
}

# One YAML value of each wrong kind, and the flag kinds for which it is NOT wrong.
WRONG_VALUES: dict[str, tuple[str, tuple[str, ...]]] = {
    "mapping": ("{a: 1, '<script>': x}", (params.MAP,)),
    "list": ("[[1, 2], {b: 2}]", ()),
    "number": ("3", (params.INT,)),
    "bool": ("true", (params.BOOL,)),
    "string": ("'maybe <b>not</b>'",
               (params.TEXT, params.TEXTS, params.AUTHORS, params.URL, params.URLS)),
    "date": ("2020-01-01", (params.DATE,)),
}
# A number is read as text on purpose (`title: 2024`), so it only has to be reported elsewhere.
QUIETLY_COERCED = {"number": (params.TEXT,)}
for _kind in WRONG_VALUES:
    CASES[f"wrong-type-{_kind}.md"] = Case(True)

# The page whose title carries a script: MkDocs' themes print page.title unescaped, so it is kept
# out of the nav (else every page would show it) and checked on its own.
TITLE_PAGE = "script-in-title.md"
HUGE_BYTES = 1_000_000
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'")
PAYLOAD = re.compile(r"alert\(|XSS|evil\.example", re.IGNORECASE)


def wrong_type_page(kind: str) -> str:
    """Every flag of the catalogue set to a value of the wrong kind."""
    value, fine = WRONG_VALUES[kind]
    lines = [f"{flag.name}: {value}" for flag in params.FLAGS if flag.kind not in fine]
    return "---\n" + "\n".join(lines) + f"\n---\n\nSENTINEL-wrong-type-{kind} survives.\n"


def wrong_type_flags(kind: str) -> list[str]:
    """Flags of a wrong-type page that must each be named in a warning."""
    _, fine = WRONG_VALUES[kind]
    quiet = fine + QUIETLY_COERCED.get(kind, ())
    return [flag.name for flag in params.FLAGS if flag.kind not in quiet]


def huge_page() -> str:
    """About 1 MB of front matter: many user keys and a long multi-line value."""
    lines = ["---", "title: Huge front matter"]
    size = 0
    number = 0
    while size < HUGE_BYTES:
        line = f"note_{number:06d}: \"{'x' * 60} {number}\""
        lines.append(line)
        size += len(line) + 1
        number += 1
    lines += ["---", "", "SENTINEL-huge-front-matter survives.", ""]
    return "\n".join(lines)


def corpus() -> dict[str, str | bytes]:
    pages: dict[str, str | bytes] = {
        f"hostile/{path.name}": path.read_bytes() for path in sorted(CORPUS.glob("*.md"))
    }
    pages["hostile/huge-front-matter.md"] = huge_page()
    for kind in WRONG_VALUES:
        pages[f"hostile/wrong-type-{kind}.md"] = wrong_type_page(kind)
    return pages


def snapshot(root: Path) -> set[Path]:
    return {Path(dirpath, name) for dirpath, _, names in os.walk(root) for name in names}


# Absolute places a naive alias writer could reach (the tests may run as root).
ABSOLUTE_TARGETS = (Path("/evil.example"), Path("/x"), Path("/y"), Path("/etc/passwd/index.html"))


@dataclass
class Built:
    site: Site
    seconds: float
    before: set[Path]
    after: set[Path]
    absolute_before: dict[Path, bool]


@pytest.fixture(scope="module", params=("mkdocs", "readthedocs", "material"))
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    theme = str(request.param)
    base = tmp_path_factory.mktemp(f"hostile-{theme}")
    root = base.joinpath(*DEPTH)
    root.mkdir(parents=True)
    pages = corpus()
    nav = ["index.md", *(name for name in pages if not name.endswith(TITLE_PAGE))]
    absolute_before = {p: p.exists() for p in ABSOLUTE_TARGETS}
    before = snapshot(base)
    start = time.perf_counter()
    site = build_site(
        root, pages, theme=theme, extra={"nav": nav, "not_in_nav": f"/hostile/{TITLE_PAGE}"}
    )
    seconds = time.perf_counter() - start
    return Built(site, seconds, before, snapshot(base), absolute_before)


def outputs(site: Site) -> Iterator[tuple[Path, BeautifulSoup]]:
    for path in sorted(site.site_dir.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")


def injected(soup: BeautifulSoup) -> list[str]:
    """Markup in ``soup`` that can only have come from hostile page input."""
    found: list[str] = []
    for element in soup.find_all(True):
        assert isinstance(element, Tag)
        if element.name == "script":
            # Text inside a JS string literal is data (readthedocs writes the title with tojson).
            code = JS_STRING.sub('""', element.string or "")
            source = f"{element.get('src') or ''} {code}"
            if PAYLOAD.search(source):
                found.append(f"script: {source[:80]!r}")
        for name, raw in element.attrs.items():
            values = raw if isinstance(raw, list) else [raw]
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}={raw!r}>")
            for value in values:
                flat = re.sub(r"[\x00-\x20]", "", str(value)).lower()
                if flat.startswith(BAD_SCHEMES) or any(f"url={s}" in flat for s in BAD_SCHEMES):
                    found.append(f"<{element.name} {name}={value!r}>")
    return found


def page_output(site: Site, name: str) -> Path:
    return site.path(f"hostile/{name}")


def test_build_finishes_quickly(built: Built) -> None:
    # Three themes, ~26 pages including 1 MB of front matter and an alias bomb.
    assert built.seconds < 60, built.seconds
    assert (built.site.site_dir / "index.html").is_file()


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# Pages whose output still carries injected markup, by the module that lets it through.
KNOWN_INJECTIONS: dict[str, pytest.MarkDecorator] = {}


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=KNOWN_INJECTIONS.get(n, ())) for n in sorted(CASES)]
)
def test_no_injected_markup(built: Built, name: str) -> None:
    assert injected(built.site.html(f"hostile/{name}")) == []


def test_no_injected_markup_elsewhere(built: Built) -> None:
    """Home page, redirect pages, 404: everything that is not one of the hostile pages."""
    pages = {page_output(built.site, name) for name in CASES}
    problems = {
        str(path.relative_to(built.site.site_dir)): found
        for path, soup in outputs(built.site)
        if path not in pages and (found := injected(soup))
    }
    assert problems == {}


def test_nothing_written_outside_site_dir(built: Built) -> None:
    site_dir = built.site.site_dir.resolve()
    new = {p for p in built.after - built.before if site_dir not in p.resolve().parents}
    root = built.site.root
    # The build's own inputs are written before the snapshot is taken... except docs/ and config.
    new = {p for p in new if not (p == root / "mkdocs.yml" or (root / "docs") in p.parents)}
    assert new == set()
    for target, existed in built.absolute_before.items():
        assert target.exists() == existed, target


def test_aliases_stay_inside_site_dir(built: Built) -> None:
    site_dir = built.site.site_dir.resolve()
    for path in built.site.site_dir.rglob("*"):
        assert site_dir in path.resolve().parents, path
    # A protocol-relative alias must not become a folder named after the other host.
    assert not (site_dir / "evil.example").exists()


def warnings_for(site: Site, name: str) -> list[str]:
    return [w for w in site.warnings if f"hostile/{name}" in w]


@pytest.mark.parametrize("name", sorted(CASES))
def test_warning_names_the_file(built: Built, name: str) -> None:
    expected = CASES[name].warn
    found = warnings_for(built.site, name)
    if expected is True:
        assert found, f"no warning names hostile/{name}"
    elif expected is False:
        assert found == []


@pytest.mark.parametrize("kind", sorted(WRONG_VALUES))
def test_every_wrong_type_is_reported(built: Built, kind: str) -> None:
    found = " ".join(warnings_for(built.site, f"wrong-type-{kind}.md"))
    missing = [name for name in wrong_type_flags(kind) if f"'{name}" not in found]
    assert missing == []


@pytest.mark.parametrize("name", sorted(n for n, case in CASES.items() if case.sentinel))
def test_body_survives(built: Built, name: str) -> None:
    text = built.site.html(f"hostile/{name}").get_text()
    assert f"SENTINEL-{name[:-3]} survives." in text


def test_front_matter_does_not_spill(built: Built) -> None:
    for name in ("bom.md", "crlf.md", "anchors.md", "billion-laughs.md", "non-utf8.md"):
        text = built.site.html(f"hostile/{name}").get_text()
        assert "title:" not in text and "lol" not in text, name


def test_legitimately_empty_pages_build(built: Built) -> None:
    for name in ("empty.md", "front-matter-only.md"):
        assert page_output(built.site, name).is_file(), name


# --- bounded work on the worst pages, without a build ----------------------------------------


@pytest.mark.parametrize(
    ("name", "limit"), [("billion-laughs.md", 1.0), ("huge-front-matter.md", 3.0)]
)
def test_reading_is_bounded(name: str, limit: float) -> None:
    raw = corpus()[f"hostile/{name}"]
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    start = time.perf_counter()
    page = pagedata.read(f"hostile/{name}", data, {}, timezone.utc)
    elapsed = time.perf_counter() - start
    assert elapsed < limit, elapsed
    page.params.as_dict()  # the resolved view must not walk the expansion either
    assert len(repr(page.params.as_dict())) < 10_000


@pytest.mark.parametrize(
    ("html", "caught"),
    [
        ('<script>alert("XSS")</script>', True),
        ('<script src="https://evil.example/a.js"></script>', True),
        ("<script>var theme = 1;</script>", False),
        ('<img src="a.png" onerror="x()">', True),
        ('<a href=" JaVa\tScript:x()">', True),
        ('<a class="x" href="https://ok.example/javascript:">', False),
        ('<meta http-equiv="refresh" content="0; url=javascript:x()">', True),
        ('<iframe src="data:text/html,<b>"></iframe>', True),
        ('<a href="/ok/">fine</a>', False),
    ],
)
def test_injected_detector(html: str, caught: bool) -> None:
    assert bool(injected(BeautifulSoup(html, "html.parser"))) is caught
