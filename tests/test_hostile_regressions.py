"""Hostile input found after the first hostile suite: one regression test per reported shape.

The pages of :data:`CASES` go into ONE site per theme. For each page: the build finishes, its body
text (``SENTINEL-<case>``) survives outside any comment, script or head element, no script, event
handler or script URL from the page reaches the output (head included), and a warning names the
file when its input is wrong. Cases that need a check of their own (a draft that must stay out,
an alias two pages claim, the wording of a message) have one below.

Then: site-wide ``params`` problems are blamed on ``mkdocs.yml``; the plugin's own work stays
linear on pages of many unclosed openers (counted, see :func:`measure`); and a running
``mkdocs serve`` survives a page rewritten into each crash shape in turn.
"""

from __future__ import annotations

import re
import sys
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest
from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, PreformattedString, Tag
from servekit import Served, get, serving
from sitebuilder import THEMES, Site, build_site, write_site
from workcount import counted

import mkdocs_hugo_meta

# --- the pages ---------------------------------------------------------------------------------

FOLDER = "regress"
HTTPS_COVER = "https://example.org/images/cover.png"
HLJS_SRC = "https://cdnjs.cloudflare.com/ajax/libs/highlight.js/11.8.0/highlight.min.js"
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><script>alert(1)</script>'
DEEP_YAML = "[" * 400 + "]" * 400
DEEP = "[" * 3000 + "]" * 3000
DIGITS = "9" * 5000
LONG_SEGMENT = "a" * 300


@dataclass(frozen=True)
class Case:
    front: str
    """Front matter with its fences (YAML, TOML or JSON), or the page's first line(s)."""
    body: str = ""
    warn: bool | None = None
    """True: a warning must name the file; False: none may; None: either is fine."""
    published: bool = True
    """False for a draft: ``mkdocs build`` must leave it out entirely."""


def yaml_front(text: str) -> str:
    return f"---\n{text}\n---\n"


def toml_front(text: str) -> str:
    return f"+++\n{text}\n+++\n"


CASES: dict[str, Case] = {
    # Crashes.
    "crash-iframe-t30sec": Case(
        yaml_front("title: Iframe t=30sec"),
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?t=30sec"></iframe>',
    ),
    "crash-iframe-t-empty": Case(
        yaml_front("title: Iframe empty t"),
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?t="></iframe>',
    ),
    "crash-yaml-deep": Case(yaml_front(f"title: Deep YAML\na: {DEEP_YAML}"), warn=True),
    "crash-json-deep": Case(f'{{"title": "Deep JSON", "a": {DEEP}}}\n', warn=True),
    "crash-toml-deep": Case(toml_front(f'title = "Deep TOML"\na = {DEEP}'), warn=True),
    "crash-yaml-bigint": Case(yaml_front(f"title: Big YAML integer\nweight: {DIGITS}"), warn=True),
    "crash-toml-bigint": Case(
        toml_front(f'title = "Big TOML integer"\nweight = {DIGITS}'), warn=True
    ),
    "crash-json-bigint": Case(f'{{"title": "Big JSON integer", "weight": {DIGITS}}}\n', warn=True),
    "crash-nul-cover": Case(yaml_front('title: NUL cover\ncover: {image: "a\\0b.png"}'), warn=True),
    "crash-surrogate-cover": Case(
        '{"title": "Surrogate cover", "cover": {"image": "\\ud800.png"}}\n', warn=True
    ),
    "crash-surrogate-title": Case('{"title": "a\\ud800b"}\n', warn=True),
    "crash-surrogate-alias": Case(
        '{"title": "Surrogate alias", "aliases": ["/old-\\ud800/"]}\n', warn=True
    ),
    "crash-long-alias": Case(
        yaml_front(f'title: Long alias segment\naliases: ["/{LONG_SEGMENT}/"]'), warn=True
    ),
    # Script.
    "script-cover-caption": Case(
        yaml_front(f"title: Caption script\ncover:\n  image: {HTTPS_COVER}\n  caption: '{SCRIPT}'")
    ),
    "script-description": Case(
        yaml_front(f"title: Description breakout\ndescription: '{BREAKOUT}'")
    ),
    "script-author": Case(yaml_front(f"title: Author breakout\nauthor: '{BREAKOUT}'")),
    "script-caption-link": Case(
        yaml_front(
            f"title: Caption link\ncover:\n  image: {HTTPS_COVER}\n"
            "  caption: '[x](javascript:alert(1))'"
        )
    ),
    "script-figure": Case(
        yaml_front("title: Figure links"),
        '{{< figure src="/a.png" caption="[x](javascript:alert(1))" '
        'attr="[y](javascript:alert(2))" >}}',
    ),
    "script-collapse": Case(
        yaml_front("title: Collapse summary"),
        '{{< collapse summary="[x](javascript:alert(1))" >}}body{{< /collapse >}}',
    ),
    "script-ref": Case(
        yaml_front("title: Ref to a script URL"),
        '[ref]({{< ref "javascript&#58;alert(1)" >}})',
        warn=True,
    ),
    "script-edit-data": Case(
        yaml_front(
            "title: Edit link data URL\n"
            'editPost: {URL: "data:text/html,<script>alert(1)</script>", Text: Edit}'
        ),
        warn=True,
    ),
    "script-canonical-data": Case(
        yaml_front('title: Canonical data URL\ncanonicalURL: "data:text/html,x"'), warn=True
    ),
    # Lost text.
    "lost-jinja-first-line": Case("{% set x = 1 %}", warn=False),
    "lost-attr-list-first-line": Case("{: .lead}\n", warn=False),
    "lost-draft-u2028": Case(yaml_front('title: "a\\u2028b"\ndraft: true'), published=False),
    "lost-draft-raw-u2028": Case(yaml_front('title: "a\u2028b"\ndraft: true'), published=False),
    "lost-hljs-comment": Case(
        yaml_front("title: Commented highlight.js\ndisableHLJS: true"),
        f'<!-- <script src="{HLJS_SRC}"></script> -->',
    ),
    # The same, the commented-out tag never closed: its `</script>` is the theme's next one.
    "lost-hljs-comment-unclosed": Case(
        yaml_front("title: Commented unclosed highlight.js\ndisableHLJS: true"),
        f'<!-- <script src="{HLJS_SRC}"> -->',
    ),
    # Warnings that must blame the right place and keep the author's words.
    "warn-dup-alias-a": Case(yaml_front("title: First owner\naliases: [/shared-old/]")),
    "warn-dup-alias-b": Case(yaml_front("title: Second owner\naliases: [/shared-old/]"), warn=True),
    "warn-unpublishdate": Case(
        yaml_front("title: Bad unpublishdate\nunpublishdate: not-a-date"), warn=True
    ),
    "warn-modified": Case(yaml_front("title: Bad modified\nmodified: bad"), warn=True),
    "warn-both-expiry": Case(
        yaml_front("title: Two expiry names\nexpiryDate: 2999-01-01\nunpublishdate: 2999-06-01"),
        warn=True,
    ),
    "warn-control-key": Case('{"title": "Control key", "bad\\u001bkey": 1}\n', warn=True),
}


def sentinel(name: str) -> str:
    return f"SENTINEL-{name} survives."


def page_source(name: str) -> str:
    """The page: front matter (or first line), then the body, then its sentinel paragraph."""
    case = CASES[name]
    parts = [case.front.rstrip("\n")]
    if case.body:
        parts.append(case.body)
    if case.front.startswith(("---", "+++", '{"')) or case.body:
        parts.append(sentinel(name))
        return "\n\n".join(parts) + "\n"
    # A first line that is page content, then the text right under it.
    return f"{case.front}\n{sentinel(name)}\n"


def src(name: str) -> str:
    return f"{FOLDER}/{name}.md"


def pages() -> dict[str, str]:
    return {src(name): page_source(name) for name in CASES}


# --- what must not reach the output ------------------------------------------------------------

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]")
JS_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'")
PAYLOAD = re.compile(r"alert\(", re.IGNORECASE)


def bad_url(value: str) -> bool:
    """A ``javascript:``, ``vbscript:`` or non-image ``data:`` URL, however it is spaced."""
    flat = _CONTROL_OR_SPACE.sub("", value).lower()
    if flat.startswith(("javascript:", "vbscript:")):
        return True
    return flat.startswith("data:") and not flat.startswith("data:image/")


def injected(soup: BeautifulSoup) -> list[str]:
    """Markup in ``soup`` (head included) that can only have come from hostile page input."""
    found: list[str] = []
    for element in soup.find_all(True):
        assert isinstance(element, Tag)
        if element.name == "script":
            # Text inside a JS string literal is data (readthedocs writes the title with tojson).
            code = JS_STRING.sub('""', element.string or "")
            source = f"{element.get('src') or ''} {code}"
            if PAYLOAD.search(source):
                found.append(f"<script>: {source.strip()[:80]!r}")
        for name, raw in element.attrs.items():
            values = raw if isinstance(raw, list) else [raw]
            handler = name.lower().startswith("on")
            if handler or (name.lower() in URL_ATTRIBUTES and any(bad_url(str(v)) for v in values)):
                found.append(f"<{element.name} {name}={raw!r}>")
            elif element.name == "meta" and name.lower() == "content":
                flat = _CONTROL_OR_SPACE.sub("", str(raw)).lower()
                if re.search(r"url=['\"]?(javascript:|vbscript:|data:(?!image/))", flat):
                    found.append(f"<meta content={raw!r}>")
    return found


HIDDEN = ("script", "style", "template", "textarea", "title", "head", "noscript")


def visible_strings(soup: BeautifulSoup) -> Iterator[NavigableString]:
    """Text a reader sees: not in a comment, script, style, template or the head."""
    for string in soup.find_all(string=True):
        if isinstance(string, PreformattedString):  # comments, doctype, CDATA
            continue
        if any(parent.name in HIDDEN for parent in string.parents if isinstance(parent, Tag)):
            continue
        yield string


def visible_text(soup: BeautifulSoup) -> str:
    return " ".join(str(s) for s in visible_strings(soup))


# --- one site per theme ------------------------------------------------------------------------


@dataclass
class Built:
    theme: str
    site: Site
    seconds: float
    crashed: dict[str, str] = field(default_factory=dict)
    """Case -> the exception its page alone raised, when the whole site would not build."""
    soups: dict[str, BeautifulSoup] = field(default_factory=dict, repr=False)

    def soup(self, name: str) -> BeautifulSoup:
        if name not in self.soups:
            self.soups[name] = self.site.html(src(name))
        return self.soups[name]

    def warnings_for(self, name: str) -> list[str]:
        return [w for w in self.site.warnings if src(name) in w]


def _crash(error: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(error), error)).strip()[-300:]


@pytest.fixture(scope="module", params=THEMES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    theme = str(request.param)
    base = tmp_path_factory.mktemp(f"regress-{theme}")
    everything = pages()
    start = time.perf_counter()
    try:
        site = build_site(base / "all", everything, theme=theme)
    except Exception as error:
        # Find which pages take the build down, then build the rest so every other case is
        # still checked.
        crashed: dict[str, str] = {"(whole site)": _crash(error)}
        for name in CASES:
            try:
                build_site(base / f"alone-{name}", {src(name): everything[src(name)]}, theme=theme)
            except Exception as alone:
                crashed[name] = _crash(alone)
        rest = {path: text for path, text in everything.items()
                if path[len(FOLDER) + 1 : -3] not in crashed}  # fmt: skip
        site = build_site(base / "rest", rest, theme=theme)
        return Built(theme, site, time.perf_counter() - start, crashed)
    return Built(theme, site, time.perf_counter() - start)


def published(name: str) -> bool:
    return CASES[name].published


PUBLISHED = sorted(n for n in CASES if published(n))


def _require_page(built: Built, name: str) -> None:
    assert name not in built.crashed, f"building {src(name)} raised: {built.crashed[name]}"
    assert built.site.path(src(name)).is_file(), f"{src(name)} was not written"


@pytest.mark.parametrize("name", sorted(CASES))
def test_build_finishes(built: Built, name: str) -> None:
    assert name not in built.crashed, f"building {src(name)} raised: {built.crashed[name]}"
    if published(name):
        assert built.site.path(src(name)).is_file(), f"{src(name)} was not written"


def test_whole_site_builds(built: Built) -> None:
    assert built.crashed == {}
    assert (built.site.site_dir / "index.html").is_file()
    assert built.seconds < 60, built.seconds


@pytest.mark.parametrize("name", PUBLISHED)
def test_body_survives(built: Built, name: str) -> None:
    _require_page(built, name)
    assert sentinel(name) in visible_text(built.soup(name))


@pytest.mark.parametrize("name", PUBLISHED)
def test_no_injected_markup(built: Built, name: str) -> None:
    _require_page(built, name)
    assert injected(built.soup(name)) == []


def test_no_injected_markup_elsewhere(built: Built) -> None:
    """Home page, alias redirects, 404: every output that is not one of the case pages."""
    own = {built.site.path(src(name)).resolve() for name in CASES}
    problems = {}
    for path in sorted(built.site.site_dir.rglob("*.html")):
        if path.resolve() in own:
            continue
        found = injected(BeautifulSoup(path.read_text("utf-8", errors="replace"), "html.parser"))
        if found:
            problems[str(path.relative_to(built.site.site_dir))] = found
    assert problems == {}


@pytest.mark.parametrize("name", sorted(CASES))
def test_warning_names_the_file(built: Built, name: str) -> None:
    expected = CASES[name].warn
    found = built.warnings_for(name)
    if expected is True:
        assert found, f"no warning names {src(name)}"
    elif expected is False:
        assert found == []


def test_warnings_are_one_printable_line(built: Built) -> None:
    bad = [w for w in built.site.warnings if re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", w)]
    assert bad == []


# --- cases with checks of their own ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(n for n in CASES if not published(n)))
def test_draft_stays_out(built: Built, name: str) -> None:
    assert not built.site.path(src(name)).exists(), f"draft {src(name)} was published"
    leaked = []
    for path in built.site.site_dir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            text = path.read_text("utf-8", errors="replace")
            if sentinel(name) in text or "draft: true" in text:
                leaked.append(str(path.relative_to(built.site.site_dir)))
    assert leaked == []


@pytest.mark.parametrize("name", ["lost-hljs-comment", "lost-hljs-comment-unclosed"])
def test_hljs_comment_keeps_the_paragraph(built: Built, name: str) -> None:
    _require_page(built, name)
    soup = built.soup(name)
    holders = [s.parent for s in visible_strings(soup) if sentinel(name) in s]
    assert [h.name for h in holders if isinstance(h, Tag)] == ["p"]
    # The commented-out tag stays a comment, and the page loads no highlight.js at all.
    live = [s.get("src") for s in soup.find_all("script", src=True) if "highlight" in s["src"]]
    assert live == []
    comments = [c for c in soup.find_all(string=lambda s: isinstance(s, Comment))
                if sentinel(name) in c]  # fmt: skip
    assert comments == []


def test_description_and_author_are_not_double_escaped(built: Built) -> None:
    for name, meta in (("script-description", "description"), ("script-author", "author")):
        _require_page(built, name)
        for tag in built.soup(name).find_all("meta", attrs={"name": meta}):
            content = str(tag.get("content") or "")
            assert not re.search(r"&(?:amp|quot|lt|gt|#\d+);", content), (name, content)


def test_canonical_and_edit_link_keep_their_scheme_out(built: Built) -> None:
    canonical = built.soup("script-canonical-data").find_all("link", rel="canonical")
    assert all(not bad_url(str(link.get("href") or "")) for link in canonical)
    edit = built.soup("script-edit-data")
    assert all(not bad_url(str(a.get("href") or "")) for a in edit.find_all("a"))
    # The edit link text may stay, but not as a link to the data URL.
    assert "data:text/html" not in " ".join(str(a.get("href") or "") for a in edit.find_all("a"))


ALIAS_LOCATION = re.compile(r"(?P<file>[\w./-]+\.md)(?::\d+)?:")


def test_shared_alias_is_reported_once_against_the_later_page(built: Built) -> None:
    first, second = src("warn-dup-alias-a"), src("warn-dup-alias-b")
    about = [w for w in built.site.warnings if "shared-old" in w]
    assert len(about) == 1, about
    message = about[0]
    assert first in message and second in message, message
    located = ALIAS_LOCATION.search(message)
    assert located and located.group("file") == second, message
    # The earlier page keeps the alias.
    redirect = built.site.site_dir / "shared-old" / "index.html"
    assert redirect.is_file()
    assert "warn-dup-alias-a" in redirect.read_text("utf-8")
    assert "warn-dup-alias-b" not in redirect.read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "said", "not_said"),
    [
        ("warn-unpublishdate", "unpublishdate", "expirydate"),
        ("warn-modified", "modified", "lastmod"),
    ],
)
def test_message_keeps_the_authors_spelling(
    built: Built, name: str, said: str, not_said: str
) -> None:
    found = built.warnings_for(name)
    assert found, f"no warning names {src(name)}"
    assert any(said in w for w in found), found
    assert not any(not_said in w.lower() for w in found), found


def test_both_expiry_names_are_one_warning(built: Built) -> None:
    found = built.warnings_for("warn-both-expiry")
    assert len(found) == 1, found
    assert "expiryDate" in found[0] and "unpublishdate" in found[0], found


def test_control_character_in_a_key_is_shown_escaped(built: Built) -> None:
    found = built.warnings_for("warn-control-key")
    assert found, f"no warning names {src('warn-control-key')}"
    assert not any("\x1b" in w for w in found), found
    escaped = ("bad\\x1bkey", "bad\\u001bkey", "bad\\033key", "bad\\ekey")
    assert any(any(e in w for e in escaped) for w in found), found


# --- site-wide params are blamed on mkdocs.yml -------------------------------------------------

PAGE_NAMED = re.compile(r"[\w./-]+\.md\b")


@pytest.fixture(scope="module", params=THEMES)
def params_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    theme = str(request.param)
    root = tmp_path_factory.mktemp(f"regress-params-{theme}")
    posts = {
        f"posts/{n}.md": f"---\ntitle: Post {n}\n---\n\n{sentinel(n)}\n" for n in ("one", "two")
    }
    return build_site(
        root, posts, theme=theme, plugin={"params": {"comments": True, "images": ["missing.png"]}}
    )


@pytest.mark.parametrize("needle", ["comment", "missing.png"])
def test_site_params_are_blamed_on_mkdocs_yml(params_site: Site, needle: str) -> None:
    about = [w for w in params_site.warnings if needle in w.lower()]
    assert len(about) == 1, about
    assert "mkdocs.yml" in about[0], about
    assert not PAGE_NAMED.search(about[0]), about


def test_site_params_pages_build(params_site: Site) -> None:
    for name in ("one", "two"):
        assert sentinel(name) in visible_text(params_site.html(f"posts/{name}.md"))


# --- the plugin's own work stays linear --------------------------------------------------------

PACKAGE_DIR = str(Path(mkdocs_hugo_meta.__file__).resolve().parent)
BUILD_LIMIT = 20.0
"""Seconds one measured build may take before the test gives up on it."""
SMALL = 1000
GROWTH = 4
MAX_RATIO = 8.0
"""Linear work grows ~4x for 4x the input, quadratic ~16x."""


class _Overtime(BaseException):
    """Raised from the profiler: a BaseException, so no fault barrier of the plugin catches it."""


@dataclass
class Work:
    calls: int
    """Python calls into the package plus C calls made from it."""
    characters: int
    """Characters the package's pattern searches examined (see ``workcount``)."""


def measure(root: Path, source: str) -> Work:
    """Build a site of one page while counting the plugin's own work, deterministically.

    Python-level work is counted by calls: each call into the package and each C call made from
    it. A scan inside one C call (a search to the end of the page once per opener) makes no more
    calls however long it runs, so the characters each of the package's searches examined are
    counted too. A wall-clock guard only stops a build that would not end.
    """
    mine: dict[CodeType, bool] = {}
    calls = 0
    events = 0
    deadline = time.monotonic() + BUILD_LIMIT

    def ours(code: CodeType) -> bool:
        found = mine.get(code)
        if found is None:
            found = mine[code] = code.co_filename.startswith(PACKAGE_DIR)
        return found

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls, events
        if event == "call":
            calls += ours(frame.f_code)
            events += 1
            if not events & 0xFF and time.monotonic() > deadline:
                raise _Overtime
        elif event == "c_call" and ours(frame.f_code):
            calls += 1

    with counted() as counter:
        sys.setprofile(profile)
        try:
            build_site(root, {"q.md": source})
        except _Overtime:
            pytest.fail(f"one build took over {BUILD_LIMIT:.0f} s: the work is far from linear")
        finally:
            sys.setprofile(None)
    return Work(calls, counter.characters)


# Every content scanner runs: the inline TOC and the reading time both read the whole page.
SCANNED = "---\nshowToc: true\nShowReadingTime: true\n---\n\n"
SHAPES: dict[str, str] = {
    # name: one repeated unit of the body
    "template": "text <template> more\n\n",
    "script": "text <script> more\n\n",
    "style": "text <style> more\n\n",
    "iframe-element": '<iframe src="https://example.org/player/1">\n\n',
    "iframe-tag": "text <iframe more\n\n",
    "h2": "text <h2> more\n\n",
    # One long word makes the page long per opener (a search to the end per opener shows) and
    # costs Markdown little.
    "collapse": '{{< collapse summary="x" >}} ' + "x" * 500 + "\n\n",
}
# An unclosed `<iframe` tag costs Python-Markdown's own HTML parser quadratic time (outside this
# package); a smaller page keeps that build short.
SHAPE_SIZE = {"iframe-tag": 200}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_plugin_work_is_linear(tmp_path: Path, shape: str) -> None:
    unit = SHAPES[shape]
    small = SHAPE_SIZE.get(shape, SMALL)
    measured = []
    for index, n in enumerate((small, small * GROWTH)):
        source = f"{SCANNED}{sentinel('linear')}\n\n{unit * n}"
        measured.append(measure(tmp_path / f"site{index}", source))
    low, high = measured
    call_ratio = high.calls / max(low.calls, 1)
    assert call_ratio < MAX_RATIO, f"{shape}: calls {low.calls} -> {high.calls} ({call_ratio:.1f}x)"
    scanned = high.characters / max(low.characters, 1)
    assert scanned < MAX_RATIO, (
        f"{shape}: characters searched {low.characters} -> {high.characters} ({scanned:.1f}x)"
    )


# --- a running `mkdocs serve` survives each crash shape ----------------------------------------

REBUILD_WAIT = 10.0
SERVED_PAGE = "posts/changing.md"
SERVE_SHAPES = (
    "crash-iframe-t30sec",
    "crash-yaml-deep",
    "crash-surrogate-title",
    "crash-nul-cover",
    "crash-long-alias",
)
SERVED_ORIGINAL = "---\ntitle: Changing\n---\n\nMARK-original\n"


def _serve_source(shape: str, marker: str) -> str:
    """The page of a crash shape, its sentinel replaced by ``marker``."""
    return page_source(shape).replace(sentinel(shape), marker)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    config = write_site(tmp_path, {SERVED_PAGE: SERVED_ORIGINAL}, theme="mkdocs")
    # Live reload stays on: without it `mkdocs serve` watches nothing and never rebuilds.
    with serving(config, livereload=True) as server:
        yield server


class _NoAnswer(AssertionError):
    """The server stopped answering: later steps cannot tell anything more."""


def _wait_for(served: Served, url: str, marker: str) -> str:
    """The page at ``url`` once it shows ``marker`` (the rebuild is done), never a hang."""
    deadline = time.monotonic() + REBUILD_WAIT
    last: tuple[int, str] | str = "no answer"
    answered = False
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            raise _NoAnswer("mkdocs serve exited\n" + served.log_tail())
        try:
            status, body = get(url)
        except OSError as error:  # a timeout included: the server must keep answering
            last = f"{type(error).__name__}: {error}"
        else:
            answered = True
            last = (status, body[:200])
            if status == 200 and marker in body:
                return body
        time.sleep(0.2)
    kind = AssertionError if answered else _NoAnswer
    raise kind(f"{url} never showed {marker!r}; last: {last!r}\n{served.log_tail()}")


def _check_step(served: Served, page_url: str, marker: str) -> None:
    body = _wait_for(served, page_url, marker)
    try:
        home_status, _ = get(served.base)
    except OSError as error:
        raise _NoAnswer(f"home page: {type(error).__name__}: {error}") from error
    assert home_status == 200, f"home page answered {home_status}"
    assert marker in visible_text(BeautifulSoup(body, "html.parser")), "body text lost"


def test_serve_survives_each_crash_shape(served: Served) -> None:
    page_url = served.base + SERVED_PAGE[:-3] + "/"
    target = served.log.parent / "docs" / SERVED_PAGE
    _wait_for(served, page_url, "MARK-original")
    failures = []
    for step, shape in enumerate(SERVE_SHAPES):
        marker = f"MARK-{step}-{shape}"
        target.write_text(_serve_source(shape, marker), encoding="utf-8")
        try:
            _check_step(served, page_url, marker)
        except AssertionError as error:
            failures.append(f"{shape}: {str(error).splitlines()[0]}")
            if isinstance(error, _NoAnswer):
                failures.append(
                    f"not tried once the server stopped answering: {SERVE_SHAPES[step + 1 :]}"
                )
                break
    else:
        target.write_text(SERVED_ORIGINAL, encoding="utf-8")
        try:
            _check_step(served, page_url, "MARK-original")
        except AssertionError as error:
            failures.append(f"restored page: {str(error).splitlines()[0]}")
    log = served.log_tail()[-800:]
    assert failures == [], "\n".join([*failures, "--- end of the serve log ---", log])


# --- the helpers themselves --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "caught"),
    [
        ("<script>alert(1)</script>", True),
        ('<script>var t = "alert(1)";</script>', False),
        ('<img src="a.png" onerror="x()">', True),
        ('<a href=" JaVa\tScript:x()">x</a>', True),
        ('<a href="\x01javascript:x()">x</a>', True),
        ('<link rel="canonical" href="data:text/html,x">', True),
        ('<img src="data:image/png;base64,AAAA">', False),
        ('<form action="vbscript:x"></form>', True),
        ('<button formaction="javascript:x">b</button>', True),
        ('<meta http-equiv="refresh" content="0; url=javascript:x()">', True),
        ('<meta name="description" content="&quot;&gt;&lt;script&gt;alert(1)">', False),
        ('<a href="https://ok.example/javascript:">ok</a>', False),
    ],
)
def test_injected_detector(html: str, caught: bool) -> None:
    assert bool(injected(BeautifulSoup(html, "html.parser"))) is caught


def test_visible_text_skips_comments_and_scripts() -> None:
    soup = BeautifulSoup(
        "<head><title>T1</title></head><body><!-- C1 --><script>S1</script><p>P1</p></body>",
        "html.parser",
    )
    assert visible_text(soup).split() == ["P1"]


def test_page_sources_carry_their_sentinel() -> None:
    for name in CASES:
        assert sentinel(name) in page_source(name)
    assert page_source("lost-jinja-first-line").startswith("{% set x = 1 %}\nSENTINEL-")
