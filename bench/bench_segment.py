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
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        segment_text(text, str(SEED))
        n += 1
    elapsed = time.perf_counter() - start
    result = {"pages": n, "seconds": round(elapsed, 3), "pages_per_second": round(n / elapsed, 1),
              "chars_per_second": round(n * len(text) / elapsed)}
    print(json.dumps(result) if args.json else
          f"segmentation: {result['pages_per_second']} pages/s ({result['chars_per_second']} chars/s) on the seed page")


if __name__ == "__main__":
    main()
