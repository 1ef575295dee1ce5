"""Segmentation speed: pages per second on the seed page, one core.

    python bench/bench_segment.py [--seconds 5] [--json]

Target (issue 2): at least 200 pages/s on one core.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsbrief.segment import segment_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_eedb6a7ca95d22b6.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="how long to run")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a line of text")
    args = ap.parse_args()
    text = SEED.read_text(encoding="utf-8")
    segment_text(text, str(SEED))  # warm up (regex compilation)
    # timeit's rule: the fastest of repeated batches is the machine's speed; the
    # slower ones measured whatever else was running on it
    batch, rates, n, start = 10, [], 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        t0 = time.perf_counter()
        for _ in range(batch):
            segment_text(text, str(SEED))
        rates.append(batch / (time.perf_counter() - t0))
        n += batch
    rates.sort()
    best, median = rates[-1], rates[len(rates) // 2]
    result = {"pages": n, "batches": len(rates), "pages_per_second_best": round(best, 1),
              "pages_per_second_median": round(median, 1), "chars_per_second_best": round(best * len(text))}
    print(json.dumps(result) if args.json else
          f"segmentation on the seed page: {result['pages_per_second_best']} pages/s best batch, "
          f"{result['pages_per_second_median']} median ({result['chars_per_second_best']} chars/s)")

if __name__ == "__main__":
    main()
