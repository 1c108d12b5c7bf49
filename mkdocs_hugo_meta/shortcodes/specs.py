"""One declarative description per shortcode: its parameters, their kinds, and whether it is
paired. The extension checks every call against it before the shortcode's renderer runs.

Hugo's shortcodes read parameters by name (``{{< figure src="…" >}}``) or by position
(``{{< youtube ID >}}``); a spec's ``positional`` names what each position stands for, so a
renderer reads one mapping whichever form the author used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..markup import text, urls
from ..source.params import read_bool

TEXT, FLAG, SECONDS, URL, CHOICE = "text", "flag", "seconds", "url", "choice"
"""Parameter kinds: free text, a boolean word, a duration (``90``, ``1m30s``), a URL that must
not run code, one of a few words."""

_TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


class ShortcodeError(ValueError):
    """The shortcode cannot be rendered; the message says why (it then stays as text)."""


@dataclass(frozen=True)
class Param:
    """One parameter, spelled as Hugo documents it (looked up case-insensitively)."""

    name: str
    kind: str = TEXT
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Spec:
    """What a shortcode takes."""

    name: str
    params: tuple[Param, ...] = ()
    positional: tuple[str, ...] = ()
    """Parameter names, in the order Hugo reads positional parameters."""
    paired: bool = False
    """Takes the text up to ``{{< /name >}}`` as its inner content."""
    strict: bool = False
    """A parameter it does not know, or a value of the wrong kind, leaves the tag as text
    (video embeds, whose every parameter changes the player); else it is ignored with a warning,
    as Hugo ignores what a shortcode does not read."""

    def arguments(
        self,
        positional: Sequence[str],
        named: Mapping[str, str],
        warn: Callable[[str], None] | None = None,
    ) -> dict[str, str]:
        """The call's parameters by lower-case name, checked against this spec.

        Raises :class:`ShortcodeError` for what leaves the tag as text; reports the rest
        through ``warn`` (in strict mode, or without ``warn``, everything raises).
        """
        by_key = {param.key: param for param in self.params}

        def problem(message: str, ignored: str) -> None:
            if self.strict or warn is None:
                raise ShortcodeError(message)
            warn(f"{{{{< {self.name} >}}}}: {message}{ignored}")

        if len(positional) > len(self.positional):
            raise ShortcodeError(
                f"takes at most {len(self.positional)} positional parameters"
                if self.positional else "takes named parameters"
            )
        found = dict(zip(self.positional, positional))
        for name in sorted(named):
            if name.lower() not in by_key:
                problem(f"unknown parameter {text.show(name)!r}", " ignored")
                continue
            found[name.lower()] = named[name]
        for key in list(found):
            param = by_key.get(key)
            reason = _wrong_kind(param, found[key]) if param is not None else None
            if reason is not None:
                assert param is not None
                if param.kind == URL:  # never rendered, whatever the mode
                    raise ShortcodeError(reason)
                problem(reason, "; ignored")
                del found[key]
        return found


def _wrong_kind(param: Param, value: str) -> str | None:
    """Why ``value`` does not fit ``param``'s kind, or ``None`` when it does."""
    if param.kind == FLAG and value != "" and read_bool(value) is None:
        return f"{param.name} must be true or false, not {text.show(value)!r}"
    if param.kind == SECONDS:
        try:
            seconds(value or "0")
        except ShortcodeError as error:
            return str(error)
    if param.kind == URL and not urls.is_safe(value):
        return f"unsafe URL {text.show(value, 40)!r}"
    if param.kind == CHOICE and value.strip().lower() not in param.choices:
        return f"{param.name} must be {' or '.join(param.choices)}, not {text.show(value)!r}"
    return None


def flag(arguments: Mapping[str, str], name: str, default: bool) -> bool:
    """A checked ``FLAG`` parameter's value, ``default`` when absent or empty."""
    meant = read_bool(arguments.get(name.lower()) or "")
    return default if not arguments.get(name.lower()) or meant is None else meant


def seconds(value: str) -> int:
    """``90``, ``90s``, ``1m30s`` or ``1h2m3s`` in seconds."""
    match = _TIME.match(value.strip().lower())
    if not value.strip() or not match:
        raise ShortcodeError(f"{text.show(value)!r} is not a time in seconds")
    hours, minutes, secs = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + secs
