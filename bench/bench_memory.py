"""Peak memory of a full `newsbrief run` on the seed page with the CPU preset's real-size models.

    python bench/bench_memory.py [--summary-tokens 160]

The cpu preset is Qwen/Qwen2.5-0.5B-Instruct (summaries) + Helsinki-NLP/opus-mt-zh-en
(translation). Both are built here with random weights from their real
configurations (no download), saved, and run through the real CLI in a child
process that reports its own peak resident memory (bench/sides.py: not
RUSAGE_CHILDREN, which also holds the peak of this parent that built the
models). Target (issue 5): under 4 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_translate import SEED, build_model  # noqa: E402

QWEN25_05B = dict(vocab_size=151936, hidden_size=896, intermediate_size=4864, num_hidden_layers=24,
                  num_attention_heads=14, num_key_value_heads=2, max_position_embeddings=32768,
                  rope_theta=1000000.0, tie_word_embeddings=True, rms_norm_eps=1e-6)
CHAT_TEMPLATE = ("{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
                 "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")


def build_qwen(folder: Path) -> Path:
    """A random-weight Qwen2 with Qwen2.5-0.5B-Instruct's configuration and a BPE tokenizer from the seed page."""
    out = folder / "qwen2.5-0.5b-random"
    if (out / "config.json").exists():  # built by an earlier run: no torch import for nothing
        return out
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    text = SEED.read_text(encoding="utf-8")
    bpe.train_from_iterator([text[i:i + 200] for i in range(0, len(text), 200)],
                            trainers.BpeTrainer(vocab_size=4000, special_tokens=["<|endoftext|>", "<|im_start|>",
                                                                                  "<|im_end|>"],
                                                initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tok = PreTrainedTokenizerFast(tokenizer_object=bpe, eos_token="<|im_end|>", pad_token="<|endoftext|>",
                                  chat_template=CHAT_TEMPLATE, model_max_length=32768)
    torch.manual_seed(0)
    cfg = Qwen2Config(**QWEN25_05B, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
    Qwen2ForCausalLM(cfg).eval().save_pretrained(out)
    tok.save_pretrained(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summary-tokens", type=int, default=160)
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "newsbrief-bench"))
    args = ap.parse_args()
    cache = Path(args.cache)
    qwen, marian = build_qwen(cache), build_model(cache)
    out, peak = cache / "memory-run.jsonl", cache / "memory-peak.json"
    for stale in (out, peak):  # a run killed for memory writes neither: never report the last run's
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(Path(__file__).with_name("sides.py")), str(peak), "newsbrief", "run",
                           str(SEED), "--summarizer", str(qwen), "--translator", str(marian), "--device", "cpu",
                           "--summary-tokens", str(args.summary_tokens), "--on-degenerate", "flag", "--force",
                           "-o", str(out)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    # no peak file: the run was killed (out of memory, a signal) before it could write one
    peak_mb = json.loads(peak.read_text(encoding="utf-8"))["peak_rss_mb"] if peak.exists() else None
    arts = [json.loads(x) for x in out.read_text(encoding="utf-8").split("\n") if x.strip()] if out.exists() else []
    result = {"exit": proc.returncode, "seconds": round(seconds, 1),
              "peak_rss_mb": None if peak_mb is None else round(peak_mb),
              "articles": sum(a["kind"] == "article" for a in arts), "target_mb": 4096,
              "under_target": peak_mb is not None and peak_mb < 4096}
    print(json.dumps(result))
    if proc.returncode not in (0, 1):
        print(proc.stderr[-2000:], file=sys.stderr)


if __name__ == "__main__":
    main()
