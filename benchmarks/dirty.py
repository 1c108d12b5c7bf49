"""CPU time of a `mkdocs serve --dirty` rebuild after one post is edited, plugin off and on.

    python benchmarks/dirty.py [--sizes 1000] [--rebuilds 5] [--theme mkdocs]

Each side runs in its own process, as `mkdocs serve --dirty` would: one full build, then
``--rebuilds`` times an edit to one post followed by a dirty rebuild (the config loaded again,
as serve does). The figure is the fastest rebuild's CPU time (user + sys of the process), so a
busy moment on a shared machine does not count.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate


def rebuilds(config_file: Path, count: int) -> list[float]:
    """In this process: CPU seconds of each dirty rebuild after an edit to one post."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = config_file.parent / ("site-" + os.environ["HUGO_META_ENABLED"])
    edited = sorted((config_file.parent / "docs" / "posts").iterdir())[0]
    original = edited.read_text(encoding="utf-8")

    def rebuild(dirty: bool) -> float:
        start = time.process_time()
        config = load_config(str(config_file), site_dir=str(site_dir))
        config.plugins.on_startup(command="serve", dirty=dirty)
        build(config, dirty=dirty)
        config.plugins.on_shutdown()
        return time.process_time() - start

    rebuild(False)
    times = []
    for round_ in range(count):
        edited.write_text(original + f"\nEdit {round_}.\n", encoding="utf-8")
        later = time.time_ns() + 2_000_000_000  # newer than its output, so it is rebuilt
        os.utime(edited, ns=(later, later))
        times.append(rebuild(True))
    edited.write_text(original, encoding="utf-8")
    return times


def side(config_file: Path, enabled: bool, count: int) -> float:
    env = {**os.environ, "HUGO_META_ENABLED": "true" if enabled else "false"}
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(config_file), "--rebuilds", str(count)],
        env=env, check=True, capture_output=True, text=True,
    ).stdout
    return min(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--rebuilds", type=int, default=5)
    parser.add_argument("--theme", default="mkdocs")
    parser.add_argument("--workdir", type=Path, help="keep generated sites here (default: tmp)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(rebuilds(args.child, args.rebuilds)))
        return
    rows = ["| N | off CPU s | on CPU s | ratio |", "|---|---|---|---|"]
    with tempfile.TemporaryDirectory(prefix="hugo-meta-dirty-") as tmp:
        workdir = args.workdir or Path(tmp)
        for size in args.sizes:
            config = generate(workdir / f"n{size}", size, theme=args.theme)
            off = side(config, False, args.rebuilds)
            on = side(config, True, args.rebuilds)
            rows.append(f"| {size} | {off:.3f} | {on:.3f} | {on / off:.2f} |")
            print(f"  N={size}: off {off:.3f} s  on {on:.3f} s", flush=True)
    print()
    print(f"theme {args.theme}, fastest of {args.rebuilds} dirty rebuilds after a one-post edit")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
