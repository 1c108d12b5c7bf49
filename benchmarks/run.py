"""Measure what the plugin adds to a build: generated sites, plugin off and on in alternation.

    python benchmarks/run.py [--sizes 250 1000 2000] [--pairs 3] [--theme mkdocs] [--together]

For each size N a site of N posts is generated (benchmarks/generate.py) and built ``--pairs``
times with the plugin disabled and enabled, alternating which side goes first, each build in a
fresh ``mkdocs build`` subprocess. Both sides read the same mkdocs.yml; only the environment
variable ``HUGO_META_ENABLED`` differs, so theme and Markdown extension work is identical.

The figure to keep is CPU time (user + sys) of the child process, from ``os.wait4``: unlike
wall-clock time it barely moves when other work shares the machine. MkDocs' own nav rendering
makes bare builds superlinear in N, so the ratio flatters large sites; the per-page cost
``(enabled - disabled) / N`` is the figure that should stay flat as N grows.

On a shared machine the same build's CPU time drifts by 10% and more within minutes. The
median of the per-pair ratios cancels drift between pairs; ``--together`` runs the two builds
of a pair at the same time, one pinned to each of two cores, so drift within a pair hits both.
``instructions.py`` counts instructions instead, which no drift moves.
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


@dataclass
class Started:
    enabled: bool
    proc: subprocess.Popen[bytes]
    log: Path
    start: float


def start_build(config: Path, site_dir: Path, *, enabled: bool, cpu: int | None = None) -> Started:
    """Start one ``mkdocs build`` in a fresh interpreter (pinned to core ``cpu`` if given)."""
    if site_dir.exists():
        shutil.rmtree(site_dir)  # outside the measurement, so both sides write a full site
    env = {**os.environ, "HUGO_META_ENABLED": "true" if enabled else "false"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
               "-d", str(site_dir)]
    log = site_dir.with_suffix(".log")
    pin = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None else None
    with log.open("wb") as out:  # a file, not a pipe: two builds at once never block on it
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                preexec_fn=pin)
    return Started(enabled, proc, log, time.perf_counter())


def finish_build(started: Started) -> Run:
    """Wait for a build; its CPU time (user + sys, from ``wait4``) and peak memory."""
    _, status, usage = os.wait4(started.proc.pid, 0)
    wall = time.perf_counter() - started.start
    text = started.log.read_text(encoding="utf-8", errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.stderr.write(text)
        raise SystemExit(f"build failed: {' '.join(map(str, started.proc.args))}")  # type: ignore[arg-type]
    return Run(
        enabled=started.enabled,
        cpu=usage.ru_utime + usage.ru_stime,
        wall=wall,
        peak_rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        warnings=sum(1 for line in text.splitlines() if line.startswith("WARNING")),
    )


def measure(
    size: int, pairs: int, theme: str, workdir: Path, *, together: bool
) -> dict[str, object]:
    root = workdir / f"n{size}"
    config = generate(root, size, theme=theme)
    runs: list[Run] = []
    for pair in range(pairs):
        # Alternate the order (or the cores) so a drift in the machine hits both sides alike.
        order = (False, True) if pair % 2 == 0 else (True, False)
        if together:
            started = [start_build(config, root / f"site-{on}", enabled=on, cpu=core)
                       for core, on in enumerate(order)]
            found = [finish_build(s) for s in started]
        else:
            found = [finish_build(start_build(config, root / "site", enabled=on)) for on in order]
        for run in found:
            runs.append(run)
            side = "on " if run.enabled else "off"
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
    # Runs come in pairs (off and on next to each other, or at the same time): the ratio within
    # a pair cancels what drifts between pairs.
    pair_ratios = [b.cpu / a.cpu for a, b in zip(off, on)]
    return {
        "posts": size,
        "ratio_pair_median": statistics.median(pair_ratios),
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
            "| median of pair ratios | plugin ms/page fastest / median | peak RSS off / on MB |")
    rows = [head, "|" + "---|" * 7]
    for r in results:
        off, on = r["disabled"], r["enabled"]
        assert isinstance(off, dict) and isinstance(on, dict)
        rows.append(
            f"| {r['posts']} | {off['fastest_cpu']:.2f} / {off['median_cpu']:.2f} "
            f"| {on['fastest_cpu']:.2f} / {on['median_cpu']:.2f} "
            f"| {r['ratio_fastest']:.3f} / {r['ratio_median']:.3f} | {r['ratio_pair_median']:.3f} "
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
    parser.add_argument("--together", action="store_true",
                        help="run the two builds of a pair at the same time, one per core")
    args = parser.parse_args()
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")
    with tempfile.TemporaryDirectory(prefix="hugo-meta-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        results = [measure(n, args.pairs, args.theme, workdir, together=args.together)
                   for n in args.sizes]
    print()
    how = "together, one per core" if args.together else "one after the other"
    print(f"theme {args.theme}, {args.pairs} pairs ({how}), CPU = user + sys of each build process")
    print(table(results))
    warned = [r for r in results if r["enabled"]["warnings"]]  # type: ignore[index]
    if warned:
        print("note: the enabled builds logged warnings; the generated posts should be clean")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
