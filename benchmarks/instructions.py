"""Count the instructions of one build per side, plugin off and on, under Valgrind's cachegrind.

    python benchmarks/instructions.py [--sizes 250 1000] [--theme mkdocs] [--same-lookups]

CPU time on a shared machine swings by about ±10% between identical builds, which is as large as
the effect being measured. Executed instructions do not depend on what else the machine runs, so
one build per side gives a ratio that repeats to three decimals. The price is time: cachegrind
(with its cache simulation off) runs a build about 20 times slower, so the two sides run at the
same time, one per core. Instructions are not time: they miss cache misses and memory traffic,
which the enabled build has more of (a larger ``page.content``), so keep ``run.py`` for the CPU
figure and use this one to compare changes.

With the plugin on, the theme's templates read attributes without raising exceptions
(``site/template_lookups.py``), which makes every nav entry of every page cheaper, so on Material
the build with the plugin gets cheaper per page as N grows. ``--same-lookups`` gives the build
with the plugin off the same lookup (through an MkDocs hook), so the difference is the plugin's
own work alone.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

_TOTAL = re.compile(rb"I\s+refs:\s+([\d,]+)")


def start_build(
    config: Path, site_dir: Path, out_file: Path, *, enabled: bool
) -> subprocess.Popen[bytes]:
    if site_dir.exists():
        shutil.rmtree(site_dir)
    # A fixed hash seed: with a random one the same build moves by up to 0.14 G.
    env = {"PYTHONHASHSEED": "0", **os.environ, "HUGO_META_ENABLED": "true" if enabled else "false"}
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
               f"--cachegrind-out-file={out_file}", sys.executable, "-m", "mkdocs", "build",
               "-q", "-f", str(config), "-d", str(site_dir)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def instructions(proc: subprocess.Popen[bytes]) -> int:
    out, err = proc.communicate()
    if proc.returncode != 0:
        sys.stderr.write(out.decode(errors="replace") + err.decode(errors="replace"))
        raise SystemExit(f"build failed with exit code {proc.returncode}")
    found = _TOTAL.search(err)
    if not found:
        raise SystemExit("valgrind printed no instruction total")
    return int(found.group(1).replace(b",", b""))


LOOKUPS_HOOK = """\
from mkdocs_hugo_meta.site import template_lookups


def on_env(env, config, files):
    template_lookups.speed_up(env)
    return env
"""


def with_lookups(config: Path) -> Path:
    """A copy of ``config`` whose build has the plugin's template lookup, plugin on or off."""
    hook = config.parent / "lookups_hook.py"
    hook.write_text(LOOKUPS_HOOK, encoding="utf-8")
    copy = config.with_name(config.stem + "-lookups.yml")
    copy.write_text(config.read_text(encoding="utf-8") + f"hooks:\n  - {hook.name}\n",
                    encoding="utf-8")  # fmt: skip
    return copy


def measure(size: int, theme: str, workdir: Path, same_lookups: bool) -> tuple[int, int, int]:
    """Instructions of the build with the plugin off, on without its generated list pages
    and feeds, and on with them."""
    root = workdir / f"n{size}"
    config = generate(root, size, theme=theme)
    bare = generate(root, size, theme=theme, lists=False)
    off_config = with_lookups(config) if same_lookups else config
    off = start_build(off_config, root / "site-off", root / "cg.off", enabled=False)
    pages = start_build(bare, root / "site-pages", root / "cg.pages", enabled=True)
    off_count, pages_count = instructions(off), instructions(pages)
    on = start_build(config, root / "site-on", root / "cg.on", enabled=True)
    return off_count, pages_count, instructions(on)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000])
    parser.add_argument("--theme", default="mkdocs")
    parser.add_argument("--workdir", type=Path, help="keep generated sites here (default: tmp)")
    parser.add_argument("--same-lookups", action="store_true",
                        help="the build with the plugin off gets its template lookup too")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    rows = ["| N | off (G) | on, no lists (G) | ratio | plugin M/page "
            "| on with lists (G) | lists M/post |", "|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory(prefix="hugo-meta-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        for size in args.sizes:
            off, pages, on = measure(size, args.theme, workdir, args.same_lookups)
            print(f"  N={size}: off {off:,}  on {pages:,}  with lists {on:,}", flush=True)
            rows.append(f"| {size} | {off / 1e9:.2f} | {pages / 1e9:.2f} | {pages / off:.3f} "
                        f"| {(pages - off) / size / 1e6:.2f} | {on / 1e9:.2f} "
                        f"| {(on - pages) / size / 1e6:.2f} |")
    print()
    lookups = ", off with the plugin's template lookup" if args.same_lookups else ""
    print(f"theme {args.theme}, one build per side under cachegrind, instructions{lookups}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
