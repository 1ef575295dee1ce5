"""What the side-by-side benchmarks share: one process per side, sides alternating over rounds, each side's own peak.

A benchmark script gives its description, its sides and a function that runs
one side in the current process and returns its measurements; run() parses
the shared options, runs every side in a child process of its own (the script
again, with --side), alternating A B A B over --rounds rounds, keeps each
side's fastest round, and records the machine's load before and after.

    python bench/sides.py OUT MODULE ARGS...

runs `python -m MODULE ARGS...` and writes that process's own peak memory
to OUT (bench_memory.py measures a whole `newsbrief run` this way).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import runpy
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Side = Callable[[str, argparse.Namespace], dict[str, Any]]


def own_peak_mb() -> float:
    """This process's own peak resident memory in MB: VmHWM on Linux, ru_maxrss elsewhere.

    Not ru_maxrss on Linux: there a process started by subprocess inherits its
    parent's peak (the kernel keeps the larger across exec), so both sides of
    bench_summarize reported the 2,751 MB of the parent that had just built the
    model (issue 12).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KB elsewhere


def timed(work: Callable[[], Any]) -> tuple[Any, float, float]:
    """work()'s result, its wall seconds and the CPU seconds of all this process's threads meanwhile."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def load() -> float:
    """The machine's one-minute load average (the benchmark machine is shared)."""
    return round(os.getloadavg()[0], 2)


def options(doc: str, sides: str) -> argparse.ArgumentParser:
    """The options every side benchmark takes; a script adds its own before calling run()."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--sides", default=sides, help=f"comma-separated (default: {sides})")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run the sides this many times, alternating, and keep each side's fastest (default 1)")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsbrief-bench"),
                    help="where the random-weight models and converted copies are kept")
    ap.add_argument("--side", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    return ap


def run(script: str, args: argparse.Namespace, side: Side, passed: list[str]) -> dict[str, dict] | None:
    """Each side's measurements (its fastest round, with every round's seconds and load), or None in a child.

    In a child (--side given) runs that one side, adds its own peak memory and
    writes the measurements to --out. passed: the script's own options, given
    again to each child.
    """
    cache = Path(args.cache)
    os.environ.setdefault("NEWSBRIEF_CT2_CACHE", str(cache / "ct2"))
    if args.side:
        row = side(args.side, args)
        row["peak_rss_mb"] = own_peak_mb()
        Path(args.out).write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
        return None
    rows: dict[str, dict] = {}
    for _ in range(args.rounds):
        for name in args.sides.split(","):
            out = cache / f"{Path(script).stem}-{name}.json"
            before = load()
            subprocess.run([sys.executable, script, "--side", name, "--out", str(out), "--cache", str(cache),
                            *passed], check=True)
            row = json.loads(out.read_text(encoding="utf-8"))
            runs = rows[name]["runs"] if name in rows else []
            runs.append({"seconds": round(row["seconds"], 2), "cpu_seconds": round(row["cpu_seconds"], 2),
                         "load_before": before, "load_after": load()})
            if name not in rows or row["seconds"] < rows[name]["seconds"]:
                rows[name] = row
            rows[name]["runs"] = runs
    return rows


def machine(rounds: int) -> dict[str, Any]:
    """The machine and how the sides were run, for a result's header."""
    return {"cpus": os.cpu_count(), "python": sys.version.split()[0], "load_at_end": load(),
            "method": f"one process per side, sides alternating over {rounds} round(s), each side's fastest kept"}


def print_table(table: list[dict[str, Any]]) -> None:
    """A Markdown table of rows with the same keys."""
    cols = list(table[0])
    print("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for t in table:
        print("| " + " | ".join(str(t[c]) for c in cols) + " |")


def agreement(a: list, b: list) -> float:
    """Share of output tokens (characters of a text, or ids of a token list) that agree position by position."""
    same = total = 0
    for x, y in zip(a, b):
        total += max(len(x), len(y))
        same += sum(1 for p, q in zip(x, y) if p == q)
    return same / total if total else 1.0


def _run_module(out: str, module: str, argv: list[str]) -> None:
    """Run `python -m module argv...` in this process and write its own peak memory (MB) to out, however it ends."""
    sys.argv = [module, *argv]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        Path(out).write_text(json.dumps({"peak_rss_mb": own_peak_mb()}), encoding="utf-8")


if __name__ == "__main__":
    _run_module(sys.argv[1], sys.argv[2], sys.argv[3:])
