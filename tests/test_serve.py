"""`mkdocs serve` shows drafts, future and expired pages, each with the Draft badge."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuilder import write_site

PAGES = {
    "posts/published.md": "---\ntitle: Published\ndate: 2020-01-01\n---\n\nOut already.\n",
    "posts/unpub-draft.md": "---\ntitle: Draft post\ndraft: true\n---\n\nNot yet.\n",
    "posts/unpub-future.md": "---\ntitle: Future post\ndate: 2999-01-01\n---\n\nLater.\n",
    "posts/unpub-expired.md": "---\ntitle: Expired post\nexpiryDate: 2001-01-01\n---\n\nGone.\n",
}
START_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """Base URL of `mkdocs serve` running over a site with unpublished pages."""
    config = write_site(tmp_path, PAGES, theme="mkdocs")
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")  # a file, so a chatty server never blocks on a pipe
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-f", str(config),
         "-a", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/blog/"  # serve mounts the site at site_url's path
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise AssertionError((tmp_path / "serve.log").read_text("utf-8"))
            try:
                if _get(base)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("mkdocs serve did not answer in time")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def test_serve_shows_unpublished_pages_with_badge(served: str) -> None:
    for name, reason in (("unpub-draft", "draft"), ("unpub-future", "future"),
                         ("unpub-expired", "expired")):  # fmt: skip
        status, body = _get(f"{served}posts/{name}/")
        assert status == 200, name
        badge = BeautifulSoup(body, "html.parser").select_one(".hm-header .hm-draft")
        assert badge is not None, name
        assert badge.get("data-reason") == reason
    status, body = _get(f"{served}posts/published/")
    assert status == 200
    assert BeautifulSoup(body, "html.parser").select_one(".hm-draft") is None
