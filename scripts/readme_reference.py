"""Generate the README's configuration and front-matter reference from the code.

    python scripts/readme_reference.py          # print the tables
    python scripts/readme_reference.py --write  # rewrite them in README.md

tests/test_readme.py fails when README.md differs from what this prints, so the README cannot
drift from the config classes and the flag catalogue.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mkdocs_hugo_meta.source import params  # noqa: E402

CONFIG_SOURCE = ROOT / "mkdocs_hugo_meta" / "config.py"
README = ROOT / "README.md"
MARKERS = {
    "config": ("<!-- config-reference:start -->", "<!-- config-reference:end -->"),
    "flags": ("<!-- flag-reference:start -->", "<!-- flag-reference:end -->"),
}


def _options(tree: ast.Module) -> dict[str, list[tuple[str, str, str]]]:
    """Class name -> [(option, default, docstring)] in source order."""
    classes: dict[str, list[tuple[str, str, str]]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        rows: list[tuple[str, str, str]] = []
        body = node.body
        for i, stmt in enumerate(body):
            if not (isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name)):
                continue
            doc = ""
            following = body[i + 1] if i + 1 < len(body) else None
            if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                doc = " ".join(str(following.value.value).split())
            rows.append((stmt.targets[0].id, _default(stmt.value), doc))
        classes[node.name] = rows
    return classes


def _default(call: ast.expr) -> str:
    if isinstance(call, ast.Call):
        for keyword in call.keywords:
            if keyword.arg == "default":
                return _yaml(ast.literal_eval(keyword.value))
        if isinstance(call.func, ast.Attribute) and call.func.attr == "Optional":
            return "none"
        if isinstance(call.func, ast.Attribute) and call.func.attr == "SubConfig":
            return "(section)"
    return ""


def _yaml(value: object) -> str:
    """A default as it would be written in mkdocs.yml."""
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def config_table() -> str:
    classes = _options(ast.parse(CONFIG_SOURCE.read_text(encoding="utf-8")))
    lines = ["| option | default | what it does |", "|---|---|---|"]

    def emit(class_name: str, prefix: str) -> None:
        for name, default, doc in classes[class_name]:
            lines.append(f"| `{prefix}{name}` | {default} | {doc} |")
            sub = _subconfig_class(class_name, name)
            if sub:
                emit(sub, f"{prefix}{name}.")

    emit("HugoMetaConfig", "")
    return "\n".join(lines)


def _subconfig_class(class_name: str, option: str) -> str | None:
    tree = ast.parse(CONFIG_SOURCE.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for stmt in node.body:
                if (
                    isinstance(stmt, ast.Assign)
                    and isinstance(stmt.targets[0], ast.Name)
                    and stmt.targets[0].id == option
                    and isinstance(stmt.value, ast.Call)
                    and isinstance(stmt.value.func, ast.Attribute)
                    and stmt.value.func.attr == "SubConfig"
                    and stmt.value.args
                    and isinstance(stmt.value.args[0], ast.Name)
                ):
                    return stmt.value.args[0].id
    return None


def flag_table() -> str:
    lines = [
        "| front matter | kind | default | site `params` | what it does |",
        "|---|---|---|---|---|",
    ]
    for flag in params.FLAGS:
        names = ", ".join(f"`{n}`" for n in (flag.name, *flag.aliases))
        default = "auto" if flag.default is None and flag.kind == params.BOOL else (
            _yaml(flag.default) if flag.default not in (None, "", [], {}) else "")
        site = "yes" if flag.site else "page only"
        lines.append(f"| {names} | {flag.kind} | {default} | {site} | {flag.doc} |")
        for sub in flag.fields:
            sub_default = _yaml(sub.default) if sub.default not in (None, "") else ""
            lines.append(f"| `{flag.name}.{sub.name}` | {sub.kind} | {sub_default} | | {sub.doc} |")
    return "\n".join(lines)


def render(readme: str) -> str:
    tables = {"config": config_table(), "flags": flag_table()}
    for key, (start, end) in MARKERS.items():
        head, found, rest = readme.partition(start)
        if not found:
            raise SystemExit(f"README.md has no {start} marker")
        _, found, tail = rest.partition(end)
        if not found:
            raise SystemExit(f"README.md has no {end} marker")
        readme = f"{head}{start}\n{tables[key]}\n{end}{tail}"
    return readme


if __name__ == "__main__":
    current = README.read_text(encoding="utf-8")
    if "--write" in sys.argv:
        README.write_text(render(current), encoding="utf-8")
    else:
        print(config_table())
        print()
        print(flag_table())
