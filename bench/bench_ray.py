"""Local engine against --engine ray on one machine: what Ray costs, and what is per page and per worker.

    python bench/bench_ray.py [--pages 20] [--workers N] [--summary-tokens 16] [--rounds 1] [--json FILE]

Both sides run `newsbrief run` over the same folder of pages (the seed page
with its articles rotated and its own page line, tests/test_batch.py's
make_issue) with a random-weight T5 summariser built on the fly
(tests/tiny_models.py; no download), its abstracts capped at --summary-tokens,
and no translation. Each side runs in its own process, one after the other;
with --rounds 2 the order is local, ray, ray, local, so that a load that
drifts during the bench (a shared machine) weighs on both sides alike.
Reported: wall seconds of each and the ratio of their sums (the overhead, in one run);
Ray's start-up as run.json records it (engine.start_seconds: a local Ray
started; engine.first_unit_seconds: workers placed, models loaded, the first
unit done); the sum of per-page seconds each side's run.json records; and
whether the two sides wrote the same records.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def side(name: str, pages: Path, model: Path, tokens: int, out: Path, extra: list[str]) -> dict:
    """One `newsbrief run` in its own process: wall seconds and what its run.json says."""
    cmd = [sys.executable, "-m", "newsbrief", "run", str(pages), "--summarizer", str(model), "--summary-tokens",
           str(tokens), "--translator", "none", "--device", "cpu", "--on-degenerate", "flag", "--quiet",
           "-o", f"{out}/", *extra]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - t0
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    per_page = [r["seconds"] for r in run["inputs"]]
    return {"side": name, "wall_s": round(wall, 2), "engine": run["engine"], "page_s_sum": round(sum(per_page), 2),
            "page_s_mean": round(sum(per_page) / len(per_page), 3), "pages": len(per_page)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--workers", type=int, default=None, help="Ray workers (default: one per node)")
    ap.add_argument("--summary-tokens", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=1, help="2: local, ray, ray, local")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from tests.test_batch import make_issue, records_of
    from tests.tiny_models import build_t5

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        model = build_t5(root)
        pages = make_issue(root / "pages", args.pages)
        extra = {"local": [], "ray": ["--engine", "ray", *(["--workers", str(args.workers)] if args.workers else [])]}
        order = [("local", "ray"), ("ray", "local")] * args.rounds
        runs = []
        for k, name in enumerate(name for pair in order[:args.rounds] for name in pair):
            runs.append(side(name, pages, model, args.summary_tokens, root / f"{name}{k}", extra[name]))
        outs = [root / f"{r['side']}{k}" for k, r in enumerate(runs)]
        same = all(records_of(out) == records_of(outs[0]) for out in outs[1:])

    def total(name: str, key: str) -> float:
        return sum(r[key] for r in runs if r["side"] == name)

    ray = [r["engine"] for r in runs if r["side"] == "ray"]
    result = {"model": "random-weight T5 (tests/tiny_models.py)", "summary_tokens": args.summary_tokens,
              "pages": args.pages, "runs": runs,
              "ratio_wall_ray_over_local": round(total("ray", "wall_s") / total("local", "wall_s"), 2),
              "ray_start_to_first_unit_s": [round(e["start_seconds"] + e["first_unit_seconds"], 2) for e in ray],
              "ratio_page_seconds": round(total("ray", "page_s_sum") / total("local", "page_s_sum"), 2),
              "same_records": same}
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
