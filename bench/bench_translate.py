"""Translation throughput: newsbrief against the plain transformers loop, and the CTranslate2 backend.

    python bench/bench_translate.py [--sides plain,newsbrief,ct2-int8,ct2-float32] [--rounds N] [--json FILE]

Every side translates the seed page's paragraphs, each cut into chunks by
that side's own runtime as a user's run cuts them (issue 12: cutting every
side's chunks through transformers hid the CTranslate2 chunk bug; the table
says whether the chunks came out the same), with a random-weight model built from the real
configuration of Helsinki-NLP/opus-mt-zh-en (d_model 512, 6+6 layers, vocab
65,001), so no download is needed. Generation is forced to a fixed length
proportional to each input (LENGTH_RATIO x its tokens), so every side does
the same work and greedy outputs can be compared token for token.

- plain: what a user writes with transformers 5: tokenize one chunk,
  generate(), decode, one at a time (forced_eos_token_id=None, as newsbrief,
  so that outputs are comparable);
- newsbrief: the tool's own path (run_jobs: length-sorted token-budget batches);
- ct2-int8 / ct2-float32: the CTranslate2 backend.

Each side runs in its own process (bench/sides.py), the sides alternating
over --rounds rounds with each side's fastest round kept, so its peak memory
is its own. Ratios are taken within this one run, on this one machine; the
load before and after each round is in the JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sides import agreement, machine, options, print_table, run, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eedb6a7ca95d22b6.txt"
LENGTH_RATIO = 1.2  # output tokens per input token, forced
OPUS_MT_ZH_EN = dict(vocab_size=65001, d_model=512, encoder_layers=6, decoder_layers=6, encoder_attention_heads=8,
                     decoder_attention_heads=8, encoder_ffn_dim=2048, decoder_ffn_dim=2048,
                     max_position_embeddings=512, activation_function="swish", scale_embedding=True,
                     static_position_embeddings=True, share_encoder_decoder_embeddings=True,
                     pad_token_id=65000, eos_token_id=0, decoder_start_token_id=65000, forced_eos_token_id=0)


def build_model(folder: Path) -> Path:
    """A random-weight Marian with opus-mt-zh-en's configuration and a 65,001-entry vocabulary."""
    out = folder / "opus-mt-zh-en-random"
    if (out / "config.json").exists():  # built by an earlier run: no torch import for nothing
        return out
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    work = folder / "work"
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.txt"
    corpus.write_text("\n".join(x for x in SEED.read_text(encoding="utf-8").split("\n") if x.strip()), encoding="utf-8")
    for name in ("source", "target"):
        spm.SentencePieceTrainer.train(input=str(corpus), model_prefix=str(work / name), vocab_size=1000,
                                       character_coverage=1.0, hard_vocab_limit=False, minloglevel=2)
    sp = spm.SentencePieceProcessor(model_file=str(work / "source.model"))
    pieces = ["</s>", "<unk>"] + [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab = {p: i for i, p in enumerate(dict.fromkeys(pieces))}
    for i in range(len(vocab), 65000):
        vocab[f"▁tok{i}"] = i  # filler to the real vocabulary size: the softmax does the real work
    vocab["<pad>"] = 65000
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(source_spm=str(work / "source.model"), target_spm=str(work / "target.model"),
                          vocab=str(work / "vocab.json"))
    torch.manual_seed(0)
    MarianMTModel(MarianConfig(**OPUS_MT_ZH_EN)).eval().save_pretrained(out)
    tok.save_pretrained(out)
    return out


def inputs(gen) -> list[str]:
    """The seed page's article paragraphs cut into this model's translation chunks, by its own runtime."""
    from newsbrief.segment import segment_text
    from newsbrief.stages.translate import chunker

    cut = chunker(gen)
    arts = [a for a in segment_text(SEED.read_text(encoding="utf-8"), str(SEED)) if a.kind == "article"]
    return [c for a in arts for p in a.paragraphs for c in cut.chunks(p)]


def run_side(side: str, args: argparse.Namespace) -> dict:
    """Translate every input on one side; its outputs and measurements."""
    import torch

    from newsbrief.jobs import run_jobs
    from newsbrief.models.base import Job, Settings
    from newsbrief.models.loader import Models
    from newsbrief.options import StageOptions

    backend = "ctranslate2" if side.startswith("ct2") else "transformers"
    compute = side.split("-", 1)[1] if side.startswith("ct2") else "auto"
    opts = StageOptions(device="cpu", backend=backend, compute_type=compute)
    gen = Models(opts).get(str(build_model(Path(args.cache))), "translate")
    texts = inputs(gen)
    tok = gen.tokenizer
    caps = [math.ceil(LENGTH_RATIO * n) for n in gen.count_tokens("translate", texts)]

    def plain() -> tuple[list[str], int]:
        model, outputs = gen.model, []
        with torch.inference_mode():
            for text, cap in zip(texts, caps):
                enc = tok(text, return_tensors="pt")
                seq = model.generate(**enc, max_new_tokens=cap, min_new_tokens=cap, do_sample=False, num_beams=1,
                                     forced_eos_token_id=None)
                outputs.append(tok.decode(seq[0], skip_special_tokens=True).strip())
        return outputs, sum(caps)

    def newsbrief() -> tuple[list[str], int]:
        full = Settings(full_length=True)
        jobs = [Job("translate", t, c, settings=full) for t, c in zip(texts, caps)]
        # no retries: a random model loops everywhere, and the plain loop has none
        results = run_jobs(gen, jobs, opts.max_batch_tokens, retry=False)
        return [r.output.text for r in results], sum(r.output.output_tokens for r in results)

    (outputs, generated), seconds, cpu = timed(plain if side == "plain" else newsbrief)
    info = gen.describe()
    return {"side": side, "seconds": seconds, "cpu_seconds": cpu, "source_chars": sum(len(t) for t in texts),
            "inputs": len(texts), "generated_tokens": generated,
            "compute_type": info.get("compute_type") or info.get("dtype"), "torch_threads": torch.get_num_threads(),
            "chunks": texts, "outputs": outputs}


def main() -> None:
    ap = options(__doc__, "plain,newsbrief,ct2-int8,ct2-float32")
    args = ap.parse_args()
    if not args.side:  # once, in the parent, before the sides: a side's time and memory are its own
        build_model(Path(args.cache))
    rows = run(__file__, args, run_side, [])
    if rows is None:
        return
    base = rows.get("plain")
    nb = rows.get("newsbrief")
    table = []
    for side, r in rows.items():
        cps = r["source_chars"] / r["seconds"]
        table.append({
            "side": side, "compute": r["compute_type"], "seconds": round(r["seconds"], 2),
            "cpu_seconds": round(r["cpu_seconds"], 1), "source_chars_per_s": round(cps, 1),
            "generated_tokens_per_s": round(r["generated_tokens"] / r["seconds"], 1),
            "peak_rss_mb": round(r["peak_rss_mb"]),
            "x_plain": round(cps / (base["source_chars"] / base["seconds"]), 2) if base else None,
            "x_newsbrief": round(cps / (nb["source_chars"] / nb["seconds"]), 2) if nb else None,
            "same_chunks_as_plain": (r["chunks"] == base["chunks"]) if base else None,
            "same_as_plain": (r["outputs"] == base["outputs"]) if base else None,
            "token_agreement_with_newsbrief": round(agreement(r["outputs"], nb["outputs"]), 4) if nb else None,
            "seconds_by_round": [x["seconds"] for x in r["runs"]],
            "load_by_round": [(x["load_before"], x["load_after"]) for x in r["runs"]],
        })
    seg = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_segment.py"), "--json", "--seconds", "3"],
                         capture_output=True, text=True, check=True)
    result = {"machine": machine(args.rounds), "inputs": next(iter(rows.values()))["inputs"],
              "length_ratio": LENGTH_RATIO, "sides": table, "segmentation": json.loads(seg.stdout)}
    print(f"{result['inputs']} chunks; {result['machine']['method']}")
    print_table(table)
    print(f"\nsegmentation: {result['segmentation']['pages_per_second_best']} pages/s (best batch)")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
