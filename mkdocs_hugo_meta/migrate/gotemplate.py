"""A small Go-template → Jinja2 translator for Hugo shortcode templates.

It ports what has a direct counterpart in the plugin's shortcode templates (see
``shortcodes/site_templates.py``): ``.Get``, ``.Inner``, ``.Params``, ``.Name``, ``.Ordinal``,
``.Page.Title``/``.Params``/``.RelPermalink``, ``.Site.Title``/``.Params``, variables,
``if``/``else if``/``else``, ``with``, ``range``, comments, whitespace trimming, and the
functions in ``FUNCTIONS``. Anything else raises ``Unported`` naming the line and the construct,
so the caller writes a stub instead of a template that would render something different.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

# One token of an action. Strings first, so that `}}` or `|` inside one is never syntax.
_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<string>"(?:[^"\\\n]|\\.)*")
      | (?P<raw>`[^`]*`)
      | (?P<char>'(?:[^'\\\n]|\\.)*')
      | (?P<number>-?\d+(?:\.\d+)?)
      | (?P<declare>:=)
      | (?P<assign>=)
      | (?P<pipe>\|)
      | (?P<open>\()
      | (?P<close>\))
      | (?P<comma>,)
      | (?P<variable>\$[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)
      | (?P<field>(?:\.[A-Za-z0-9_]+)+|\.)
      | (?P<ident>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)
    """,
    re.VERBOSE,
)

ROOT, PAGE, SITE, VALUE, BOOL = "root", "page", "site", "value", "bool"
"""What a dot or a variable holds: the call, ``.Page``, ``.Site``, a boolean (Go prints
``true``, Python ``True``), or any other value."""
COMPARISONS = frozenset(("eq", "ne", "lt", "le", "gt", "ge", "not"))

# Field of each kind of object → (Jinja expression from the parent's, kind of the result).
FIELDS: dict[str, dict[str, tuple[Callable[[str], str], str]]] = {
    ROOT: {
        "inner": (lambda _: "inner", VALUE),
        "innerdeindent": (lambda _: "inner_deindent", VALUE),
        "params": (lambda _: "params", VALUE),
        "isnamedparams": (lambda _: "is_named_params", BOOL),
        "name": (lambda _: "name", VALUE),
        "ordinal": (lambda _: "ordinal", VALUE),
        "page": (lambda _: "page", PAGE),
        "site": (lambda _: "site", SITE),
    },
    PAGE: {
        "title": (lambda e: f"{e}.title", VALUE),
        "params": (lambda e: f"{e}.params", PAGE + ".params"),
        "relpermalink": (lambda e: f'("/" ~ {e}.url)', VALUE),
        "date": (lambda e: f"{e}.date", VALUE),
    },
    SITE: {
        "title": (lambda e: f"{e}.title", VALUE),
        "params": (lambda e: f"{e}.params", VALUE),
    },
}


def _infix(op: str) -> Callable[[list[str]], str]:
    def emit(args: list[str]) -> str:
        return "(" + f" {op} ".join(args) + ")"

    return emit


def _eq(args: list[str]) -> str:
    first, *others = args
    return "(" + " or ".join(f"{first} == {other}" for other in others) + ")"


def _filter(name: str, *fixed: str) -> Callable[[list[str]], str]:
    def emit(args: list[str]) -> str:
        extra = ", ".join(fixed)
        return f"({args[-1]}|{name}({extra}))" if extra else f"({args[-1]}|{name})"

    return emit


# Go function → (how many arguments: exact, or minimum when negative; Jinja expression).
FUNCTIONS: dict[str, tuple[int, Callable[[list[str]], str]]] = {
    "markdownify": (1, _filter("markdownify")),
    "safeHTML": (1, _filter("safe")),
    "safeURL": (1, lambda a: a[0]),
    "default": (2, lambda a: f"({a[1]}|default({a[0]}, true))"),
    "lower": (1, _filter("lower")),
    "upper": (1, _filter("upper")),
    "strings.ToLower": (1, _filter("lower")),
    "strings.ToUpper": (1, _filter("upper")),
    "strings.TrimSpace": (1, _filter("trim")),
    "plainify": (1, _filter("striptags")),
    "eq": (-2, _eq),
    "ne": (2, _infix("!=")),
    "lt": (2, _infix("<")),
    "le": (2, _infix("<=")),
    "gt": (2, _infix(">")),
    "ge": (2, _infix(">=")),
    "and": (-1, _infix("and")),
    "or": (-1, _infix("or")),
    "not": (1, lambda a: f"(not {a[0]})"),
    "len": (1, _filter("length")),
    "add": (2, _infix("+")),
    "sub": (2, _infix("-")),
    "mul": (2, _infix("*")),
    "index": (-2, lambda a: a[0] + "".join(f"[{k}]" for k in a[1:])),
    "in": (2, lambda a: f"({a[1]} in {a[0]})"),
    "print": (1, lambda a: a[0]),
}


class Unported(Exception):
    """A construct with no direct counterpart, at ``line`` of the template."""

    def __init__(self, line: int, construct: str) -> None:
        super().__init__(f"{line}: {construct}")
        self.line = line
        self.construct = construct


@dataclass
class _Value:
    expr: str
    kind: str = VALUE


@dataclass
class _Block:
    keyword: str
    """``if``, ``with`` or ``range``."""
    outer_dot: _Value
    closing: str
    has_else: bool = False


@dataclass
class _State:
    dot: _Value = field(default_factory=lambda: _Value("", ROOT))
    variables: dict[str, _Value] = field(default_factory=dict)
    blocks: list[_Block] = field(default_factory=list)
    counter: int = 0
    line: int = 1

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"_{stem}{self.counter}"


def translate(source: str) -> str:
    """``source`` (a Go template) as a Jinja2 template; ``Unported`` if it cannot be."""
    state = _State()
    out: list[str] = []
    pos = 0
    while True:
        start = source.find("{{", pos)
        text = source[pos:] if start < 0 else source[pos:start]
        out.append(_text(text))
        if start < 0:
            break
        state.line = source.count("\n", 0, start) + 1
        end = _action_end(source, start + 2, state.line)
        inside = source[start + 2 : end]
        left = inside.startswith("- ") or inside == "-" or inside.startswith("-\n")
        right = inside.endswith(" -") or inside.endswith("\n-") or inside == "-"
        body = inside[1 if left else 0 : len(inside) - 1 if right else len(inside)].strip()
        out.append(_action(body, left, right, state))
        pos = end + 2
    if state.blocks:
        raise Unported(state.line, f"'{{{{ {state.blocks[-1].keyword} }}}}' never closed")
    return "".join(out)


def _action_end(source: str, pos: int, line: int) -> int:
    """Where the action opened before ``pos`` ends (its ``}}``), skipping strings and
    comments."""
    comment = re.compile(r"-?\s*/\*")
    if comment.match(source, pos):
        close = source.find("*/", pos)
        if close < 0:
            raise Unported(line, "unclosed comment")
        end = source.find("}}", close)
        if end < 0:
            raise Unported(line, "unclosed action")
        return end
    i = pos
    while i < len(source):
        ch = source[i]
        if ch in "\"'`":
            j = i + 1
            while j < len(source) and source[j] != ch:
                j += 2 if source[j] == "\\" and ch != "`" else 1
            i = j + 1
            continue
        if source.startswith("}}", i):
            return i
        i += 1
    raise Unported(line, "unclosed action")


def _text(text: str) -> str:
    """Literal text, kept out of Jinja's hands when it holds Jinja syntax."""
    if not text:
        return ""
    if "{%" in text or "{#" in text or "{{" in text or text.endswith("{") or "raw %}" in text:
        if "endraw" in text:
            return "".join(f"{{{{ {json.dumps(text)} }}}}")
        return "{% raw %}" + text + "{% endraw %}"
    return text


def _tag(kind: str, inner: str, left: bool, right: bool) -> str:
    opener, closer = {"stmt": ("{%", "%}"), "expr": ("{{", "}}"), "comment": ("{#", "#}")}[kind]
    return f"{opener}{'-' if left else ''} {inner} {'-' if right else ''}{closer}"


def _action(body: str, left: bool, right: bool, state: _State) -> str:
    if body.startswith("/*"):
        note = body[2:-2].strip() if body.endswith("*/") else body[2:]
        return _tag("comment", note.replace("#}", "# }"), left, right)
    tokens = _tokens(body, state.line)
    if not tokens:
        raise Unported(state.line, "empty action")
    kind, word = tokens[0]
    keyword = word if kind == "ident" else ""
    if keyword in ("if", "with", "range"):
        return _open(keyword, tokens[1:], left, right, state)
    if keyword == "else":
        return _else(tokens[1:], left, right, state)
    if keyword == "end":
        if len(tokens) != 1 or not state.blocks:
            raise Unported(state.line, "'{{ end }}' without a block")
        block = state.blocks.pop()
        state.dot = block.outer_dot
        return block.closing.replace("{%", "{%-" if left else "{%", 1)[:-2] + (
            "-%}" if right else "%}"
        )
    if keyword in ("define", "template", "block", "break", "continue", "return", "try"):
        raise Unported(state.line, f"'{{{{ {keyword} }}}}'")
    if len(tokens) >= 2 and tokens[0][0] == "variable" and tokens[1][0] in ("declare", "assign"):
        name = tokens[0][1][1:]
        if not name or "." in name:
            raise Unported(state.line, f"assignment to '{tokens[0][1]}'")
        if tokens[1][0] == "assign" and any(b.keyword == "range" for b in state.blocks):
            raise Unported(state.line, f"'${name} =' inside range (Go keeps it, Jinja does not)")
        value = _pipeline(tokens[2:], state)
        state.variables[name] = _Value(f"v_{name}", value.kind)
        return _tag("stmt", f"set v_{name} = {value.expr}", left, right)
    value = _pipeline(tokens, state)
    if value.kind == BOOL:
        return _tag("expr", f'"true" if {value.expr} else "false"', left, right)
    return _tag("expr", value.expr, left, right)


def _open(keyword: str, tokens: list[tuple[str, str]], left: bool, right: bool,
          state: _State) -> str:  # fmt: skip
    names: list[str] = []
    if keyword in ("with", "range"):
        names, tokens = _declared(tokens, state)
    value = _pipeline(tokens, state)
    outer = state.dot
    if keyword == "if":
        state.blocks.append(_Block("if", outer, "{% endif %}"))
        return _tag("stmt", f"if {value.expr}", left, right)
    if keyword == "with":
        if len(names) > 1:
            raise Unported(state.line, "'with' with two variables")
        var = f"v_{names[0]}" if names else state.fresh("with")
        bound = _Value(var, value.kind)
        if names:
            state.variables[names[0]] = bound
        state.dot = bound
        state.blocks.append(_Block("with", outer, "{% endif %}{% endwith %}"))
        return (_tag("stmt", f"with {var} = {value.expr}", left, False)
                + _tag("stmt", f"if {var}", False, right))  # fmt: skip
    # range: a mapping iterates its values by sorted key, as in Go; `$k, $v :=` gets both.
    seq, item = state.fresh("range"), state.fresh("item")
    element = f"({item}[1] if {seq} is mapping else {item})"
    index = f"({item}[0] if {seq} is mapping else loop.index0)"
    parts = [
        _tag("stmt", f"set {seq} = {value.expr}", left, False),
        _tag("stmt", f"for {item} in ({seq}|dictsort if {seq} is mapping else {seq})", False,
             False),
    ]  # fmt: skip
    if len(names) == 2:
        parts.append(_tag("stmt", f"set v_{names[0]} = {index}", False, False))
        state.variables[names[0]] = _Value(f"v_{names[0]}")
    var = f"v_{names[-1]}" if names else state.fresh("dot")
    parts.append(_tag("stmt", f"set {var} = {element}", False, right))
    if names:
        state.variables[names[-1]] = _Value(var)
    state.dot = _Value(var)
    state.blocks.append(_Block("range", outer, "{% endfor %}"))
    return "".join(parts)


def _declared(
    tokens: list[tuple[str, str]], state: _State
) -> tuple[list[str], list[tuple[str, str]]]:
    """``$a, $b :=`` at the start of a with/range: the names and the rest."""
    for i, (kind, _) in enumerate(tokens):
        if kind == "declare":
            names = [word[1:] for k, word in tokens[:i] if k == "variable"]
            if not names or len(names) > 2 or any(not n or "." in n for n in names):
                raise Unported(state.line, "variables of a with/range")
            return names, tokens[i + 1 :]
        if kind not in ("variable", "comma"):
            break
    return [], tokens


def _else(tokens: list[tuple[str, str]], left: bool, right: bool, state: _State) -> str:
    if not state.blocks:
        raise Unported(state.line, "'{{ else }}' without a block")
    block = state.blocks[-1]
    if block.has_else:
        raise Unported(state.line, "'{{ else }}' after '{{ else }}'")
    if not tokens:
        block.has_else = True
        state.dot = block.outer_dot
        return _tag("stmt", "else", left, right)
    if tokens[0] == ("ident", "if") and block.keyword == "if":
        return _tag("stmt", f"elif {_pipeline(tokens[1:], state).expr}", left, right)
    raise Unported(state.line, f"'{{{{ else {tokens[0][1]} }}}}' in {block.keyword}")


def _tokens(body: str, line: int) -> list[tuple[str, str]]:
    tokens = []
    pos = 0
    while pos < len(body):
        match = _TOKEN.match(body, pos)
        if match is None:
            raise Unported(line, f"'{body[pos:pos + 20]}'")
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append((kind, match.group()))
        pos = match.end()
    return tokens


def _pipeline(tokens: list[tuple[str, str]], state: _State) -> _Value:
    """A pipeline ``cmd | cmd …``: each command's value is the last argument of the next."""
    commands: list[list[tuple[str, str]]] = [[]]
    depth = 0
    for token in tokens:
        if token[0] == "open":
            depth += 1
        elif token[0] == "close":
            depth -= 1
        if token[0] == "pipe" and depth == 0:
            commands.append([])
        else:
            commands[-1].append(token)
    if depth != 0 or any(not c for c in commands):
        raise Unported(state.line, "unbalanced pipeline")
    value: _Value | None = None
    for command in commands:
        value = _command(command, value, state)
    assert value is not None
    return value


def _command(tokens: list[tuple[str, str]], piped: _Value | None, state: _State) -> _Value:
    head_kind, head = tokens[0]
    if head_kind == "ident" and head not in FUNCTIONS and head not in ("printf", "true",
                                                                       "false", "nil"):
        raise Unported(state.line, f"function '{head}'")
    tail = [v.expr for v in _operands(tokens[1:], state)] + ([piped.expr] if piped else [])
    is_get = (head_kind == "field" and head.lower() == ".get" and state.dot.kind == ROOT) or (
        head_kind == "variable" and head.lower() == "$.get"
    )
    if is_get:
        if len(tail) != 1:
            raise Unported(state.line, "'.Get' with other than one argument")
        return _Value(f"get({tail[0]})")
    if head_kind == "ident" and head == "printf":
        return _printf(tokens[1:], tail, state)
    if head_kind == "ident" and head in FUNCTIONS:
        count, emit = FUNCTIONS[head]
        if (count >= 0 and len(tail) != count) or (count < 0 and len(tail) < -count):
            raise Unported(state.line, f"'{head}' with {len(tail)} arguments")
        return _Value(emit(tail), BOOL if head in COMPARISONS else VALUE)
    if tail:
        raise Unported(state.line, f"'{head}' called with arguments")
    return _operands(tokens[:1], state)[0]


_VERB = re.compile(r"%(?:%|[-+ #0]*\d*(?:\.\d+)?([A-Za-z]))")


def _printf(tokens: list[tuple[str, str]], args: list[str], state: _State) -> _Value:
    """``printf`` with a literal format: Go's ``%s %d %f %v`` are Python's ``%s %d %f %s``."""
    if not tokens or tokens[0][0] not in ("string", "raw"):
        raise Unported(state.line, "'printf' with a format that is not a literal")
    word = tokens[0][1]
    layout = json.loads(word) if tokens[0][0] == "string" else word[1:-1]
    verbs = [m.group(1) for m in _VERB.finditer(layout) if m.group(1)]
    if any(v not in "sdfv" for v in verbs):
        raise Unported(state.line, f"'printf' verb %{next(v for v in verbs if v not in 'sdfv')}")
    values = args[1:]
    if len(verbs) != len(values):
        raise Unported(state.line, "'printf' with a different number of values than verbs")
    layout = _VERB.sub(lambda m: m.group(0)[:-1] + "s" if m.group(1) == "v" else m.group(0),
                       layout)  # fmt: skip
    if not values:
        return _Value(repr(layout.replace("%%", "%")))
    return _Value(f"({layout!r}|format({', '.join(values)}))")


def _operands(tokens: list[tuple[str, str]], state: _State) -> list[_Value]:
    values: list[_Value] = []
    i = 0
    while i < len(tokens):
        kind, word = tokens[i]
        if kind == "open":
            depth, j = 1, i + 1
            while j < len(tokens) and depth:
                depth += {"open": 1, "close": -1}.get(tokens[j][0], 0)
                j += 1
            inner = _pipeline(tokens[i + 1 : j - 1], state)
            values.append(_Value(f"({inner.expr})", inner.kind))
            i = j
            continue
        values.append(_operand(kind, word, state))
        i += 1
    return values


def _operand(kind: str, word: str, state: _State) -> _Value:
    if kind == "string":
        try:
            return _Value(repr(json.loads(word)))
        except ValueError:
            raise Unported(state.line, f"string {word}") from None
    if kind == "raw":
        return _Value(repr(word[1:-1]))
    if kind == "number":
        return _Value(word)
    if kind == "ident":
        if word in ("true", "false"):
            return _Value(word, BOOL)
        if word == "nil":
            return _Value("none")
        raise Unported(state.line, f"function '{word}' as an argument (needs parentheses)")
    if kind == "field":
        return _walk(state.dot, word.split(".")[1:], state)
    if kind == "variable":
        name, *fields = word[1:].split(".")
        if name == "":
            base = _Value("", ROOT)
        elif name in state.variables:
            base = state.variables[name]
        else:
            raise Unported(state.line, f"variable '${name}' used before it is set")
        return _walk(base, fields, state)
    raise Unported(state.line, f"'{word}'")


def _walk(start: _Value, fields: list[str], state: _State) -> _Value:
    """``start.Field.Field…`` as Jinja, following what each object is."""
    value = start
    for name in fields:
        if not name:
            continue
        if value.kind == PAGE + ".params":
            # The page's front-matter keys are lower-cased in the template's view, as in Hugo.
            value = _Value(f"{value.expr}[{name.lower()!r}]")
            continue
        table = FIELDS.get(value.kind)
        if table is None:
            value = _Value(f"{value.expr}.{name}" if value.expr else name)
            continue
        if name.lower() not in table:
            owner = {ROOT: "", PAGE: ".Page", SITE: ".Site"}[value.kind]
            raise Unported(state.line, f"'{owner}.{name}'")
        emit, kind = table[name.lower()]
        value = _Value(emit(value.expr), kind)
    if value.kind == ROOT and not value.expr:
        raise Unported(state.line, "the shortcode itself ('.') as a value")
    return value
