"""Summarise-stage throughput: the transformers runtime against CTranslate2 for the cpu preset's summariser.

    python bench/bench_summarize.py [--sides transformers,ct2-int8] [--tokens 160] [--json FILE]

The model is a random-weight Qwen2 with Qwen/Qwen2.5-0.5B-Instruct's real
configuration (24 layers, hidden 896, vocabulary 151,936; built by
bench_memory.build_qwen, no download). Every side summarises the seed page's
articles as the Summarize stage does (each article's text cut by the model's
own counter, the stage's chat prompt, run_jobs' length-sorted token batches),
with every abstract forced to exactly --tokens new tokens, so both sides do
the same work and the greedy outputs can be compared token for token.

Each side runs in its own process, one after the other, so its peak memory is
its own. Ratios are taken within this one run, on this one machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import build_qwen  # noqa: E402
from bench_translate import SEED, agreement  # noqa: E402


def run_side(side: str, model_dir: Path, tokens: int, out: Path) -> None:
    """Summarise the seed page on one side; write outputs and measurements to out."""
    import torch

    from newsbrief.jobs import run_jobs
    from newsbrief.models.base import Job, Settings
    from newsbrief.models.loader import Models
    from newsbrief.options import StageOptions
    from newsbrief.segment import segment_text
    from newsbrief.stages.summarize import ModelSummarizer, body

    backend = "ctranslate2" if side.startswith("ct2") else "transformers"
    compute = side.split("-", 1)[1] if side.startswith("ct2") else "auto"
    opts = StageOptions(device="cpu", backend=backend, compute_type=compute)
    gen = Models(opts).get(str(model_dir), "summarize")
    summarizer = ModelSummarizer(gen, opts)
    arts = [a for a in segment_text(SEED.read_text(encoding="utf-8"), str(SEED)) if a.kind == "article"]
    chunks = [c for a in arts for c in summarizer.count.chunks(body(a))]
    full = Settings(full_length=True)
    jobs = [Job("summarize", c, tokens, summarizer.count(c), full) for c in chunks]
    start = time.perf_counter()
    # no retries: a random model loops everywhere
    results = run_jobs(gen, jobs, opts.max_batch_tokens, retry=False)
    seconds = time.perf_counter() - start
    info = gen.describe()
    out.write_text(json.dumps({
        "side": side, "seconds": seconds, "articles": len(arts), "jobs": len(jobs),
        "input_tokens": sum(j.input_tokens for j in jobs),
        "generated_tokens": sum(r.output.output_tokens for r in results),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "compute_type": info.get("compute_type") or info.get("dtype"), "torch_threads": torch.get_num_threads(),
        "chunks": chunks, "ids": [r.output.ids for r in results]}), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sides", default="transformers,ct2-int8")
    ap.add_argument("--tokens", type=int, default=160, help="new tokens forced per abstract (default: the cap)")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsbrief-bench"))
    ap.add_argument("--side", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    cache = Path(args.cache)
    os.environ.setdefault("NEWSBRIEF_CT2_CACHE", str(cache / "ct2"))
    model_dir = build_qwen(cache)
    if args.side:
        run_side(args.side, model_dir, args.tokens, Path(args.out))
        return
    rows = {}
    for side in args.sides.split(","):
        out = cache / f"summarize-{side}.json"
        subprocess.run([sys.executable, __file__, "--side", side, "--out", str(out), "--cache", str(cache),
                        "--tokens", str(args.tokens)], check=True)
        rows[side] = json.loads(out.read_text(encoding="utf-8"))
    base = rows.get("transformers")
    table = []
    for side, r in rows.items():
        tps = r["generated_tokens"] / r["seconds"]
        table.append({
            "side": side, "compute": r["compute_type"], "seconds": round(r["seconds"], 1),
            "generated_tokens_per_s": round(tps, 2), "peak_rss_mb": round(r["peak_rss_mb"]),
            "x_transformers": round(base["seconds"] / r["seconds"], 2) if base else None,
            "same_chunks": r["chunks"] == base["chunks"] if base else None,
            "token_agreement": round(agreement(r["ids"], base["ids"]), 4) if base else None,
        })
    first = next(iter(rows.values()))
    result = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "articles": first["articles"],
              "jobs": first["jobs"], "input_tokens": first["input_tokens"], "tokens_per_abstract": args.tokens,
              "sides": table}
    cols = list(table[0])
    print(f"{first['articles']} articles, {first['jobs']} jobs, {first['input_tokens']} prompt tokens, "
          f"{args.tokens} new tokens each")
    print("| " + " | ".join(cols) + " |\n|" + "---|" * len(cols))
    for t in table:
        print("| " + " | ".join(str(t[c]) for c in cols) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
