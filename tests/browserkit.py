"""Headless Chromium over a built site served from 127.0.0.1.

Every request to another host is aborted and recorded, so a test both proves that nothing is
fetched from the web and can assert which third-party hosts a page tried to reach.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    found = next((p for p in CHROMIUM_CANDIDATES if os.path.exists(p)), None)
    return found or shutil.which("chromium")


def require_chromium() -> str:
    """The Chromium binary; skip the test without one, except in CI where that is a failure."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (apt-get install chromium)")
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is required in CI (pip install -e '.[test]')")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on a free localhost port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class ConsoleEntry:
    """One console message with the script (or resource) URL it came from."""

    type: str
    text: str
    url: str


@dataclass
class Browser:
    page: Any
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    # Every console message with its source URL, to tell our scripts' errors from the theme's.
    console: list[ConsoleEntry] = field(default_factory=list)
    # Uncaught exceptions thrown by any script on the page.
    page_errors: list[str] = field(default_factory=list)

    def messages_from(
        self, fragment: str, types: tuple[str, ...] = ("error",)
    ) -> list[ConsoleEntry]:
        """Console messages of the given types whose source URL contains ``fragment``."""
        return [e for e in self.console if e.type in types and fragment in e.url]


@contextmanager
def browser_page(width: int = 1280, height: int = 900) -> Iterator[Browser]:
    """A fresh page in headless Chromium that may only talk to 127.0.0.1."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            result = Browser(context.new_page())

            def guard(route: Any) -> None:
                host = urlsplit(route.request.url).hostname or ""
                if host in ("127.0.0.1", "localhost") or route.request.url.startswith("data:"):
                    route.continue_()
                else:
                    result.blocked.append(route.request.url)
                    route.abort()

            context.route("**/*", guard)
            result.page.on(
                "console",
                lambda msg: result.console_errors.append(msg.text) if msg.type == "error" else None,
            )
            result.page.on(
                "console",
                lambda msg: result.console.append(
                    ConsoleEntry(msg.type, msg.text, str(msg.location.get("url", "")))
                ),
            )
            result.page.on("pageerror", lambda exc: result.page_errors.append(str(exc)))
            yield result
        finally:
            browser.close()
