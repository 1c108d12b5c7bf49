"""Hugo itself is the oracle for a page's dates: the real ``hugo`` binary builds pages that set
one or two of the date keys under Hugo's different names, prints the ``.Date``,
``.PublishDate`` and ``.Lastmod`` it settled on, and the plugin must settle on the same."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from hugokit import build_hugo, needs_hugo

from mkdocs_hugo_meta.source import page as page_source

pytestmark = needs_hugo

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
    keys = ("Date", "PublishDate", "Lastmod")
    dates = "|".join(f'{{{{ .{key}.Format "{LAYOUT}" }}}}' for key in keys)
    files = {"layouts/single.html": dates}
    for name, keys in PAGES.items():
        files[f"content/posts/{name}.md"] = f"---\ntitle: {name}\n{keys}\n---\n\nText.\n"
    public = build_hugo(root, files)
    return {
        name: (public / "posts" / name / "index.html").read_text("utf-8").strip() for name in PAGES
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
