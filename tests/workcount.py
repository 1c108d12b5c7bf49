"""Counting the work of the package's scans, not timing it.

While ``counted()`` is active, every compiled pattern of the package (module-level ones, those
in module-level dicts, and those a ``text.Finder`` searches with) is replaced by a proxy that
adds up how many characters each search examined: from where it started to where its match
ended, or to the end of the text when it found none. A scan that searches to the end once per
unclosed opener counts n squared characters for n openers; a linear one about n.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from mkdocs_hugo_meta.markup import text


class Counter:
    def __init__(self) -> None:
        self.characters = 0


class CountingPattern:
    """A compiled pattern that counts the characters its searches examine."""

    def __init__(self, pattern: re.Pattern[str], counter: Counter) -> None:
        self._pattern = pattern
        self._counter = counter

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        found = self._pattern.search(string, pos, endpos)
        stop = found.end() if found else min(len(string), endpos)
        self._counter.characters += max(stop - pos, 1)
        return found

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        found = self._pattern.match(string, pos, endpos)
        self._counter.characters += max(found.end() - pos, 1) if found else 1
        return found

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Any]:
        self._counter.characters += max(min(len(string), endpos) - pos, 1)
        return self._pattern.finditer(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        self._counter.characters += len(string)
        return self._pattern.sub(repl, string, count)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


@contextmanager
def counted() -> Iterator[Counter]:
    """Count the characters every package pattern examines while the block runs."""
    counter = Counter()
    restore: list[Callable[[], None]] = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("mkdocs_hugo_meta") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                setattr(module, attr, CountingPattern(value, counter))
                restore.append(lambda m=module, a=attr, v=value: setattr(m, a, v))
            elif isinstance(value, dict) and any(isinstance(v, re.Pattern) for v in value.values()):
                original = dict(value)
                value.update({k: CountingPattern(v, counter) for k, v in original.items()
                              if isinstance(v, re.Pattern)})
                restore.append(lambda d=value, o=original: (d.clear(), d.update(o)))
    finder_init = text.Finder.__init__

    def counting_init(self: text.Finder, page: str, pattern: re.Pattern[str]) -> None:
        wrapped = pattern if isinstance(pattern, CountingPattern) else CountingPattern(pattern,
                                                                                       counter)
        finder_init(self, page, wrapped)  # type: ignore[arg-type]

    text.Finder.__init__ = counting_init  # type: ignore[method-assign]
    restore.append(lambda: setattr(text.Finder, "__init__", finder_init))
    try:
        yield counter
    finally:
        for undo in reversed(restore):
            undo()
