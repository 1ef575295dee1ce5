"""Summarise-stage throughput: the transformers runtime against CTranslate2 for the cpu preset's summariser.

    python bench/bench_summarize.py [--sides transformers,ct2-int8] [--tokens 160] [--rounds N] [--json FILE]

The model is a random-weight Qwen2 with Qwen/Qwen2.5-0.5B-Instruct's real
configuration (24 layers, hidden 896, vocabulary 151,936; built by
bench_memory.build_qwen, no download). Every side summarises the seed page's
articles as the Summarize stage does (each article's text cut by the model's
own counter, the stage's chat prompt, run_jobs' length-sorted token batches),
with every abstract forced to exactly --tokens new tokens, so both sides do
the same work and the greedy outputs can be compared token for token.

Each side runs in its own process (bench/sides.py), the sides alternating
over --rounds rounds with each side's fastest round kept, so its peak memory
is its own. Ratios are taken within this one run, on this one machine; the
load before and after each round is in the JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import build_qwen  # noqa: E402
from bench_translate import SEED  # noqa: E402
from sides import agreement, machine, options, print_table, run, timed  # noqa: E402


def run_side(side: str, args: argparse.Namespace) -> dict:
    """Summarise the seed page on one side, as the Summarize stage does; its outputs and measurements."""
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
    gen = Models(opts).get(str(build_qwen(Path(args.cache))), "summarize")
    summarizer = ModelSummarizer(gen, opts)
    arts = [a for a in segment_text(SEED.read_text(encoding="utf-8"), str(SEED)) if a.kind == "article"]
    chunks = [c for a in arts for c in summarizer.count.chunks(body(a))]
    full = Settings(full_length=True)
    jobs = [Job("summarize", c, args.tokens, summarizer.count(c), full) for c in chunks]
    # no retries: a random model loops everywhere
    results, seconds, cpu = timed(lambda: run_jobs(gen, jobs, opts.max_batch_tokens, retry=False))
    info = gen.describe()
    return {"side": side, "seconds": seconds, "cpu_seconds": cpu, "articles": len(arts), "jobs": len(jobs),
            "input_tokens": sum(j.input_tokens for j in jobs),
            "generated_tokens": sum(r.output.output_tokens for r in results),
            "compute_type": info.get("compute_type") or info.get("dtype"), "torch_threads": torch.get_num_threads(),
            "chunks": chunks, "ids": [r.output.ids for r in results]}


def main() -> None:
    ap = options(__doc__, "transformers,ct2-int8")
    ap.add_argument("--tokens", type=int, default=160, help="new tokens forced per abstract (default: the cap)")
    args = ap.parse_args()
    if not args.side:  # once, in the parent, before the sides: a side's time and memory are its own
        build_qwen(Path(args.cache))
    rows = run(__file__, args, run_side, ["--tokens", str(args.tokens)])
    if rows is None:
        return
    base = rows.get("transformers")
    table = []
    for side, r in rows.items():
        table.append({
            "side": side, "compute": r["compute_type"], "seconds": round(r["seconds"], 1),
            "cpu_seconds": round(r["cpu_seconds"], 1),
            "generated_tokens_per_s": round(r["generated_tokens"] / r["seconds"], 2),
            "peak_rss_mb": round(r["peak_rss_mb"]),
            "x_transformers": round(base["seconds"] / r["seconds"], 2) if base else None,
            "same_chunks": r["chunks"] == base["chunks"] if base else None,
            "token_agreement": round(agreement(r["ids"], base["ids"]), 4) if base else None,
            "seconds_by_round": [x["seconds"] for x in r["runs"]],
            "load_by_round": [(x["load_before"], x["load_after"]) for x in r["runs"]],
        })
    first, host = next(iter(rows.values())), machine(args.rounds)
    print(f"{first['articles']} articles, {first['jobs']} jobs, {first['input_tokens']} prompt tokens, "
          f"{args.tokens} new tokens each; {host['method']}")
    print_table(table)
    if args.json:
        result = {"machine": host, "articles": first["articles"], "jobs": first["jobs"],
                  "input_tokens": first["input_tokens"], "tokens_per_abstract": args.tokens, "sides": table}
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
