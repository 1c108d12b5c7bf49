"""A real ``mkdocs serve`` in a subprocess, for the tests that need one running."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 60.0
HTTP_TIMEOUT = 5.0


@dataclass
class Served:
    base: str
    """The site's URL (``mkdocs serve`` mounts it at ``site_url``'s path)."""
    log: Path
    process: subprocess.Popen[bytes]

    def log_tail(self) -> str:
        return self.log.read_text("utf-8", errors="replace")[-2000:]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = HTTP_TIMEOUT) -> tuple[int, str]:
    """Status and body of ``url`` (an HTTP error status too, with an empty body)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


@contextmanager
def serving(config: Path, path: str = "/blog/", *, livereload: bool = False) -> Iterator[Served]:
    """``mkdocs serve`` of ``config`` until the block ends; waits until it answers."""
    port = free_port()
    log_path = config.parent / "serve.log"
    log = log_path.open("wb")  # a file, so a chatty server never blocks on a pipe
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config),
               "-a", f"127.0.0.1:{port}"]  # fmt: skip
    if not livereload:
        command.append("--no-livereload")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    served = Served(f"http://127.0.0.1:{port}{path}", log_path, process)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise AssertionError(served.log_tail())
            try:
                if get(served.base)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("mkdocs serve did not answer in time\n" + served.log_tail())
            time.sleep(0.2)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
