"""The CTranslate2 backend (optional extra `newsbrief[ct2]`): int8 on CPU, float16 on GPU.

A Hugging Face seq2seq model is converted once into a cached CTranslate2
model and run with the requested compute type. CTranslate2 silently falls back
to another compute type when a device lacks one, so the type actually used is
read back, recorded in meta and warned about. Inputs still go through
newsbrief's chunking, and the input and output limits are set explicitly:
CTranslate2's own defaults would cut inputs at 1,024 tokens and outputs at 256.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from .. import config
from .base import Generator, Job, ModelError, Output
from .hf import Seq2SeqGenerator

#: compute types by device when --compute-type is auto
DEFAULT_COMPUTE = {"cpu": "int8", "cuda": "int8_float16"}


def cache_dir() -> Path:
    """Where converted models are kept: $NEWSBRIEF_CT2_CACHE or ~/.cache/newsbrief/ct2."""
    return Path(os.environ.get("NEWSBRIEF_CT2_CACHE", Path.home() / ".cache" / "newsbrief" / "ct2"))


class CT2Generator(Generator):
    """A seq2seq model run by CTranslate2, with the Hugging Face tokenizer in front of it."""

    backend = "ctranslate2"

    def __init__(self, hf: Seq2SeqGenerator, device: str, compute_type: str) -> None:
        try:
            import ctranslate2
            from ctranslate2.converters import TransformersConverter
        except ImportError:
            raise ModelError("--backend ctranslate2 needs the ct2 extra: pip install 'newsbrief[ct2]'") from None
        self.hf, self.tokenizer = hf, hf.tokenizer
        kind = "cuda" if device.startswith("cuda") else "cpu"
        if device not in ("cpu", "cuda") and not device.startswith("cuda"):
            raise ModelError(f"--backend ctranslate2 runs on cpu or cuda, not {device}")
        self.requested = DEFAULT_COMPUTE[kind] if compute_type == "auto" else compute_type
        key = hashlib.sha256(f"{hf.model_id}@{hf.revision}".encode()).hexdigest()[:16]
        path = cache_dir() / key
        if not (path / "model.bin").exists():
            print(f"newsbrief: converting {hf.model_id} to CTranslate2 (once) in {path}", file=sys.stderr)
            source = str(hf.source)
            tmp = path.with_name(path.name + ".partial")
            try:
                TransformersConverter(source).convert(str(tmp), quantization=None, force=True)
                tmp.rename(path)
            except Exception as e:  # noqa: BLE001 - a failed conversion is a model that cannot be used: exit 2
                shutil.rmtree(tmp, ignore_errors=True)
                raise ModelError(f"{hf.model_id}: conversion to CTranslate2 failed ({type(e).__name__}: {e}); "
                                 "use --backend transformers") from None
        index = int(device.split(":", 1)[1]) if ":" in device else 0
        # on a CPU, two translators of half the cores each, fed halves of a batch at once,
        # beat one translator on all cores (bench_translate: +17% on 2 cores)
        self.workers = config.CT2_CPU_WORKERS if kind == "cpu" else 1
        threads = max(1, (os.cpu_count() or 1) // self.workers) if kind == "cpu" else 0
        self.model = ctranslate2.Translator(str(path), device=kind, device_index=index, compute_type=self.requested,
                                            inter_threads=self.workers, intra_threads=threads)
        self.applied = self.model.compute_type
        self.device = device
        hf.model = None  # CTranslate2 runs the model now: free the torch copy
        if not self.applied.startswith(self.requested.split("_")[0]):
            print(f"newsbrief: warning: CTranslate2 runs {self.applied}, not the {self.requested} asked for "
                  "(this device does not support it)", file=sys.stderr)
        self.prefix: list[str] | None = None
        bos = hf.extra.get("forced_bos_token_id")
        if bos is not None:  # M2M100/NLLB: the target language token opens the output
            self.prefix = [self.tokenizer.convert_ids_to_tokens(bos)]

    def input_limit(self, task: str) -> int:
        return self.hf.input_limit(task)

    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        return self.hf.count_tokens(task, texts)

    def generate(self, jobs: list[Job]) -> list[Output]:
        tok = self.tokenizer
        source = [tok.convert_ids_to_tokens(tok(self.hf._input(j.task, j.text))["input_ids"]) for j in jobs]
        step = -(-len(jobs) // self.workers)  # the batch in one part per worker, run at once
        pending = []
        for k in range(0, len(jobs), step):
            part = jobs[k:k + step]
            s, cap = part[0].settings, max(j.max_new_tokens for j in part) + (1 if self.prefix else 0)
            pending += self.model.translate_batch(
                source[k:k + step], target_prefix=[self.prefix] * len(part) if self.prefix else None,
                beam_size=s.num_beams, no_repeat_ngram_size=s.no_repeat_ngram_size,
                repetition_penalty=s.repetition_penalty,
                max_input_length=self.input_limit(part[0].task) + 2,  # explicit: never CTranslate2's 1,024 default
                max_decoding_length=cap,  # explicit: never its 256 default
                min_decoding_length=cap if s.full_length else 1, asynchronous=True)
        outs = []
        for j, src, r in zip(jobs, source, pending):
            tokens = r.result().hypotheses[0][(1 if self.prefix else 0):][:j.max_new_tokens]
            ids = tok.convert_tokens_to_ids(tokens)
            outs.append(Output(tok.decode(ids, skip_special_tokens=True).strip(), len(src), len(ids),
                               hit_cap=len(ids) >= j.max_new_tokens))
        return outs

    def describe(self) -> dict[str, Any]:
        d = self.hf.describe()
        d.update({"backend": self.backend, "device": self.device, "dtype": None,
                  "compute_type_requested": self.requested, "compute_type": self.applied})
        return d
