"""Hugo itself is the oracle for a page's dates: the real ``hugo`` binary builds pages that set
one or two of the date keys under Hugo's different names, prints the ``.Date``,
``.PublishDate`` and ``.Lastmod`` it settled on, and the plugin must settle on the same."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from mkdocs_hugo_meta.source import page as page_source

HUGO = shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")
pytestmark = pytest.mark.skipif(HUGO is None, reason="the hugo binary is not installed")

LAYOUT = "2006-01-02T15:04:05Z07:00"
ZERO = "0001-01-01T00:00:00Z"
PAGES = {
    "only-published": "published: 2024-03-01T10:00:00Z",
    "only-pubdate": "pubdate: 2024-03-02T10:00:00Z",
    "only-publishdate": "publishDate: 2024-03-03T10:00:00Z",
    "only-lastmod": "lastmod: 2024-03-04T10:00:00Z",
    "only-modified": "modified: 2024-03-05T10:00:00Z",
    "only-date": "date: 2024-03-06T10:00:00Z",
    "date-and-lastmod": "date: 2024-03-07T10:00:00Z\nlastmod: 2024-04-07T10:00:00Z",
    "published-and-modified": "published: 2024-03-08T10:00:00Z\nmodified: 2024-05-08T10:00:00Z",
    "date-and-publishdate": "date: 2024-03-09T10:00:00Z\npublishDate: 2024-03-10T10:00:00Z",
    "none": "draft: false",
}


def _hugo_dates(root: Path) -> dict[str, str]:
    root.mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]\n',
        encoding="utf-8",
    )
    (root / "layouts").mkdir()
    (root / "layouts" / "single.html").write_text(
        f'{{{{ .Date.Format "{LAYOUT}" }}}}|{{{{ .PublishDate.Format "{LAYOUT}" }}}}|'
        f'{{{{ .Lastmod.Format "{LAYOUT}" }}}}',
        encoding="utf-8",
    )
    (root / "layouts" / "home.html").write_text("home", encoding="utf-8")
    (root / "layouts" / "section.html").write_text("section", encoding="utf-8")
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    for name, keys in PAGES.items():
        (posts / f"{name}.md").write_text(f"---\ntitle: {name}\n{keys}\n---\n\nText.\n", "utf-8")
    assert HUGO is not None
    done = subprocess.run(
        [HUGO, "--source", str(root), "--destination", str(root / "public"), "--quiet"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return {
        name: (root / "public" / "posts" / name / "index.html").read_text("utf-8").strip()
        for name in PAGES
    }


def _shown(moment: datetime | None) -> str:
    if moment is None:
        return ZERO
    text = moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S%z")
    return text.replace("+0000", "Z")


def test_dates_fill_from_one_another_as_in_hugo(tmp_path: Path) -> None:
    hugo = _hugo_dates(tmp_path / "hugo")
    ours = {}
    for name, keys in PAGES.items():
        source = f"---\ntitle: {name}\n{keys}\n---\n\nText.\n".encode()
        data = page_source.read(f"posts/{name}.md", source, {}, timezone.utc)
        ours[name] = "|".join(
            _shown(data.params.date(key)) for key in ("date", "publishDate", "lastmod")
        )
    assert ours == hugo
