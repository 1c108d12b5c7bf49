"""Measure what the plugin adds to a build: generated sites, plugin off and on in alternation.

    python benchmarks/run.py [--sizes 250 1000 2000] [--pairs 3] [--theme mkdocs]

For each size N a site of N posts is generated (benchmarks/generate.py) and built ``--pairs``
times with the plugin disabled and enabled, alternating which side goes first, each build in a
fresh ``mkdocs build`` subprocess. Both sides read the same mkdocs.yml; only the environment
variable ``HUGO_META_ENABLED`` differs, so theme and Markdown extension work is identical.

The figure to keep is CPU time (user + sys) of the child process, from ``os.wait4``: unlike
wall-clock time it barely moves when other work shares the machine. MkDocs' own nav rendering
makes bare builds superlinear in N, so the ratio flatters large sites; the per-page cost
``(enabled - disabled) / N`` is the figure that should stay flat as N grows.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate


@dataclass
class Run:
    enabled: bool
    cpu: float
    """User + system CPU seconds of the build process."""
    wall: float
    peak_rss_mb: float
    warnings: int


def build_once(config: Path, site_dir: Path, *, enabled: bool) -> Run:
    """One ``mkdocs build`` in a fresh interpreter; its CPU time and peak memory."""
    if site_dir.exists():
        shutil.rmtree(site_dir)  # outside the measurement, so both sides write a full site
    env = {**os.environ, "HUGO_META_ENABLED": "true" if enabled else "false"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
               "-d", str(site_dir)]
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read the pipes before reaping, so a chatty build cannot block on a full pipe.
    out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    if proc.returncode != 0:
        sys.stderr.write(out.decode(errors="replace") + err.decode(errors="replace"))
        raise SystemExit(f"build failed with exit code {proc.returncode}: {' '.join(command)}")
    log = err.decode(errors="replace")
    return Run(
        enabled=enabled,
        cpu=usage.ru_utime + usage.ru_stime,
        wall=wall,
        peak_rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        warnings=sum(1 for line in log.splitlines() if line.startswith("WARNING")),
    )


def measure(size: int, pairs: int, theme: str, workdir: Path) -> dict[str, object]:
    root = workdir / f"n{size}"
    config = generate(root, size, theme=theme)
    site_dir = root / "site"
    runs: list[Run] = []
    for pair in range(pairs):
        # Alternate the order so a drift in machine load hits both sides alike.
        order = (False, True) if pair % 2 == 0 else (True, False)
        for enabled in order:
            run = build_once(config, site_dir, enabled=enabled)
            runs.append(run)
            side = "on " if enabled else "off"
            print(f"  N={size} pair {pair + 1} plugin {side}: cpu {run.cpu:6.2f} s  "
                  f"wall {run.wall:6.2f} s  rss {run.peak_rss_mb:6.1f} MB", flush=True)
    return summarise(size, runs)


def summarise(size: int, runs: list[Run]) -> dict[str, object]:
    off = [r for r in runs if not r.enabled]
    on = [r for r in runs if r.enabled]

    def side(items: list[Run]) -> dict[str, float]:
        cpus = [r.cpu for r in items]
        return {
            "fastest_cpu": min(cpus),
            "median_cpu": statistics.median(cpus),
            "median_wall": statistics.median(r.wall for r in items),
            "peak_rss_mb": max(r.peak_rss_mb for r in items),
            "warnings": max(r.warnings for r in items),
        }

    s_off, s_on = side(off), side(on)
    return {
        "posts": size,
        "disabled": s_off,
        "enabled": s_on,
        "ratio_fastest": s_on["fastest_cpu"] / s_off["fastest_cpu"],
        "ratio_median": s_on["median_cpu"] / s_off["median_cpu"],
        "ms_per_page_fastest": 1000 * (s_on["fastest_cpu"] - s_off["fastest_cpu"]) / size,
        "ms_per_page_median": 1000 * (s_on["median_cpu"] - s_off["median_cpu"]) / size,
        "runs": [asdict(r) for r in runs],
    }


def table(results: list[dict[str, object]]) -> str:
    head = ("| N | off fastest / median CPU s | on fastest / median CPU s | ratio fastest / median "
            "| plugin ms/page fastest / median | peak RSS off / on MB |")
    rows = [head, "|" + "---|" * 6]
    for r in results:
        off, on = r["disabled"], r["enabled"]
        assert isinstance(off, dict) and isinstance(on, dict)
        rows.append(
            f"| {r['posts']} | {off['fastest_cpu']:.2f} / {off['median_cpu']:.2f} "
            f"| {on['fastest_cpu']:.2f} / {on['median_cpu']:.2f} "
            f"| {r['ratio_fastest']:.3f} / {r['ratio_median']:.3f} "
            f"| {r['ms_per_page_fastest']:.2f} / {r['ms_per_page_median']:.2f} "
            f"| {off['peak_rss_mb']:.0f} / {on['peak_rss_mb']:.0f} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 2000])
    parser.add_argument("--pairs", type=int, default=3, help="off/on build pairs per size")
    parser.add_argument("--theme", default="mkdocs")
    parser.add_argument("--workdir", type=Path, help="keep generated sites here (default: tmp)")
    parser.add_argument("--json", type=Path, help="also write every run to this JSON file")
    args = parser.parse_args()
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")
    with tempfile.TemporaryDirectory(prefix="hugo-meta-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        results = [measure(n, args.pairs, args.theme, workdir) for n in args.sizes]
    print()
    print(f"theme {args.theme}, {args.pairs} pairs, CPU = user + sys of each build process")
    print(table(results))
    warned = [r for r in results if r["enabled"]["warnings"]]  # type: ignore[index]
    if warned:
        print("note: the enabled builds logged warnings; the generated posts should be clean")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
