"""The CTranslate2 runtime (optional extra `newsbrief[ct2]`): int8 on CPU, int8_float16 on GPU.

A Hugging Face model is converted once into a cached CTranslate2 model and
run with the requested compute type: seq2seq models (Marian, M2M100, NLLB,
T5) by a `ctranslate2.Translator`, chat-prompted causal LMs (the Qwen2
family among others) by a `ctranslate2.Generator`. CTranslate2 silently falls
back to another compute type when a device lacks one, so the type actually
used is read back, recorded in meta and warned about. Inputs still go through
newsbrief's chunking (the transformers tokenizer stays in front), and the
input and output limits are set explicitly: CTranslate2's own defaults would
cut inputs at 1,024 tokens and outputs at 256 or 512.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .. import config, log
from .base import Generator, Job, ModelError, Output
from .hf import CausalGenerator, HFGenerator, Seq2SeqGenerator, own_output
from .threads import budget

#: compute types by device when --compute-type is auto
DEFAULT_COMPUTE = {"cpu": "int8", "cuda": "int8_float16"}


def cache_dir() -> Path:
    """Where converted models are kept: $NEWSBRIEF_CT2_CACHE or ~/.cache/newsbrief/ct2."""
    return Path(os.environ.get("NEWSBRIEF_CT2_CACHE", Path.home() / ".cache" / "newsbrief" / "ct2"))


def converted(hf: HFGenerator, compute_type: str) -> Path:
    """The CTranslate2 copy of a model in a compute type, converted on first use and kept (keyed by id and revision).

    Stored in the compute type it runs in: a float32 copy loaded as int8 is
    read whole and then quantised, a peak of four times the int8 model
    (1.9 GB against 0.55 GB for Qwen2.5-0.5B, issue 12).
    """
    from ctranslate2.converters import TransformersConverter

    key = hashlib.sha256(f"{hf.model_id}@{hf.revision}:{compute_type}".encode()).hexdigest()[:16]
    path = cache_dir() / key
    if not (path / "model.bin").exists():
        log.info(f"converting {hf.model_id} to CTranslate2 (once) in {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
        # a folder of this run's own beside the target: runs converting at once each write their own
        # (session-23 review, finding 7: a shared `<key>.partial` with force=True failed "Directory not empty")
        tmp = Path(tempfile.mkdtemp(prefix=f"{path.name}.partial-", dir=path.parent))
        try:
            with log.libraries_hushed():
                TransformersConverter(str(hf.source)).convert(str(tmp), quantization=compute_type, force=True)
            try:
                tmp.rename(path)  # a converted model is either complete or absent
            except OSError:
                if not (path / "model.bin").exists():
                    raise
                shutil.rmtree(tmp, ignore_errors=True)  # another run put its copy there first: that one serves
        except Exception as e:  # noqa: BLE001 - a failed conversion is a model that cannot be used: exit 2
            shutil.rmtree(tmp, ignore_errors=True)
            raise ModelError(f"{hf.model_id}: conversion to CTranslate2 failed ({type(e).__name__}: {e}); "
                             "use --backend transformers") from None
    return path


class CT2Generator(Generator):
    """A model run by CTranslate2, with its Hugging Face tokenizer in front (shared by both architectures)."""

    runtime = "ctranslate2"

    def __init__(self, hf: HFGenerator, device: str, compute_type: str) -> None:
        try:
            import ctranslate2
        except ImportError:
            raise ModelError("--backend ctranslate2 needs the ct2 extra: pip install 'newsbrief[ct2]'") from None
        if device != "cpu" and not device.startswith("cuda"):
            raise ModelError(f"--backend ctranslate2 runs on cpu or cuda, not {device}")
        self.hf, self.tokenizer, self.architecture = hf, hf.tokenizer, hf.architecture
        kind = "cuda" if device.startswith("cuda") else "cpu"
        self.requested = DEFAULT_COMPUTE[kind] if compute_type == "auto" else compute_type
        index = int(device.split(":", 1)[1]) if ":" in device else 0
        # on a CPU, two workers of half the cores each, fed halves of a batch at once,
        # beat one worker on all cores (bench_translate: +17% on 2 cores)
        self.workers = config.CT2_CPU_WORKERS if kind == "cpu" else 1
        threads = max(1, budget() // self.workers) if kind == "cpu" else 0
        cls = ctranslate2.Translator if hf.architecture == "seq2seq" else ctranslate2.Generator
        self.model = cls(str(converted(hf, self.requested)), device=kind, device_index=index,
                         compute_type=self.requested, inter_threads=self.workers, intra_threads=threads)
        self.applied = self.model.compute_type
        self.device = device
        if not self.applied.startswith(self.requested.split("_")[0]):
            log.warning(f"CTranslate2 runs {self.applied}, not the {self.requested} asked for "
                        "(this device does not support it)")

    def input_limit(self, task: str, output_tokens: int | None = None) -> int:
        return self.hf.input_limit(task, output_tokens)

    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        return self.hf.count_tokens(task, texts)

    def describe(self) -> dict[str, Any]:
        d = self.hf.describe()
        d.update({"runtime": self.runtime, "device": self.device, "dtype": None,
                  "compute_type_requested": self.requested, "compute_type": self.applied})
        return d


class CT2Translator(CT2Generator):
    """A seq2seq model (Marian, M2M100, NLLB, T5) on a ctranslate2.Translator."""

    def __init__(self, hf: Seq2SeqGenerator, device: str, compute_type: str) -> None:
        super().__init__(hf, device, compute_type)
        self.prefix: list[str] | None = None
        bos = hf.extra.get("forced_bos_token_id")
        if bos is not None:  # M2M100/NLLB: the target language token opens the output
            self.prefix = [self.tokenizer.convert_ids_to_tokens(bos)]

    def generate(self, jobs: list[Job]) -> list[Output]:
        step = -(-len(jobs) // self.workers)  # the batch in one part per worker, run at once
        parts = [jobs[k:k + step] for k in range(0, len(jobs), step)]
        pending = [self._submit(part) for part in parts]
        return [out for part, (source, results) in zip(parts, pending) for out in self._collect(part, source, results)]

    def _submit(self, part: list[Job]) -> tuple[list, list]:
        """Start one part of a batch asynchronously: its source tokens and the pending results."""
        tok = self.tokenizer
        source = [tok.convert_ids_to_tokens(tok(self.hf._input(j.task, j.text))["input_ids"]) for j in part]
        s = part[0].settings
        # within the decoder's positions (the target prefix takes one), as the transformers path caps: past
        # them every chunk failed "No position encodings ... >= 64" on a small model (session-23 review, finding 13)
        cap = min(max(j.max_new_tokens for j in part) + (1 if self.prefix else 0), self.hf.max_positions())
        pending = self.model.translate_batch(
            source, target_prefix=[self.prefix] * len(part) if self.prefix else None,
            beam_size=s.num_beams, no_repeat_ngram_size=s.no_repeat_ngram_size,
            repetition_penalty=s.repetition_penalty,
            max_input_length=self.input_limit(part[0].task) + 2,  # explicit: never CTranslate2's 1,024 default
            max_decoding_length=cap,  # explicit: never its 256 default
            min_decoding_length=cap if s.full_length else 1, asynchronous=True)
        return source, pending

    def _collect(self, part: list[Job], source: list, pending: list) -> list[Output]:
        """The outputs of a part once its results are in."""
        tok, outs = self.tokenizer, []
        lead = 1 if self.prefix else 0
        room = self.hf.max_positions() - lead  # what _submit's decoding cap leaves a job, the prefix taken
        for j, src, r in zip(part, source, pending):
            tokens = r.result().hypotheses[0][lead:][:j.max_new_tokens]
            ids = tok.convert_tokens_to_ids(tokens)
            outs.append(Output(tok.decode(ids, skip_special_tokens=True).strip(), len(src), len(ids),
                               hit_cap=len(ids) >= min(j.max_new_tokens, room), ids=ids))
        return outs


class CT2CausalGenerator(CT2Generator):
    """A chat-prompted causal LM (Qwen2 family, Llama, Mistral ...) on a ctranslate2.Generator.

    The prompts are the transformers generator's own (its chat template), so
    both runtimes see the same tokens. A call is regrouped into batches of
    like-length prompts (see schedule()), run side by side on the workers.
    """

    def __init__(self, hf: CausalGenerator, device: str, compute_type: str, max_batch_tokens: int) -> None:
        super().__init__(hf, device, compute_type)
        self.eos_ids = hf.eos_ids
        #: the user's budget of one batch; schedule() keeps every regrouped batch within it
        self.max_batch_tokens = max_batch_tokens

    def call_tokens(self, max_batch_tokens: int) -> int:
        # like-length groups form only among enough prompts: a call takes several
        # batches' worth, and schedule() cuts it back into batches within the budget
        return max_batch_tokens * config.CT2_CAUSAL_CALL_BATCHES

    def generate(self, jobs: list[Job]) -> list[Output]:
        tok = self.tokenizer
        prompts = tok([self.hf.prompt(j.task, j.text) for j in jobs], add_special_tokens=False)["input_ids"]
        room = self.hf.max_positions() - max(len(p) for p in prompts)
        cap = max(1, min(max(j.max_new_tokens for j in jobs), room))
        lengths = [len(p) for p in prompts]
        groups = schedule(lengths, cap, self.max_batch_tokens, self.workers)
        s = jobs[0].settings
        static: list[str] | None = None
        if s.no_repeat_ngram_size == 0 and s.repetition_penalty == 1.0:  # penalties may weigh the prompt: keep it whole
            # the instructions before the text are the same in every prompt: ctranslate2
            # reads them once per worker and keeps their state (static_prompt)
            head = self._head(jobs[0].task, prompts)
            static, prompts = tok.convert_ids_to_tokens(head), [p[len(head):] for p in prompts]
        # submitted dearest first: ctranslate2 hands each free worker the next batch queued
        pending = [self.model.generate_batch(
            [tok.convert_ids_to_tokens(prompts[i]) for i in group], static_prompt=static, beam_size=s.num_beams,
            no_repeat_ngram_size=s.no_repeat_ngram_size, repetition_penalty=s.repetition_penalty,
            end_token=sorted(self.eos_ids), return_end_token=True,  # kept, to tell an end from the cap
            include_prompt_in_result=False,  # the prompt is read at once, and max_length counts new tokens only
            max_length=cap, min_length=cap if s.full_length else 0, asynchronous=True) for group in groups]
        outs: list[Output | None] = [None] * len(jobs)
        for group, results in zip(groups, pending):
            for i, r in zip(group, results):
                outs[i] = own_output(tok, jobs[i], r.result().sequences_ids[0], lengths[i], self.eos_ids, cap)
        return outs

    def _head(self, task: str, prompts: list[list[int]]) -> list[int]:
        """The token ids every prompt of a call opens with: the prompt's text before the article, at most."""
        head = self.hf.head_ids(task)  # the prompt with no text, as far as the text's tokens cannot change it
        n = min(len(head), min(len(p) for p in prompts) - 1)  # a prompt keeps a token of its own to start from
        for p in prompts:  # a merge across the join can change the last tokens before the text
            n = next((k for k in range(n) if p[k] != head[k]), n)
        return head[:n]


def batch_steps(lengths: list[int], new_tokens: int) -> float:
    """Estimated cost of one ctranslate2.Generator batch of prompts, in decoding steps of a batch of one.

    ctranslate2 reads a batch's prompts at once only up to the shortest; the
    rest of each longer prompt is stepped through one token per decoding step
    (its generate_batch docs), so a batch takes (spread + new_tokens) steps,
    each dearer by CT2_BATCH_STEP_GROWTH per extra prompt.
    """
    steps = max(lengths) - min(lengths) + new_tokens
    return steps * (1 + config.CT2_BATCH_STEP_GROWTH * (len(lengths) - 1))


def schedule(lengths: list[int], new_tokens: int, max_batch_tokens: int, workers: int) -> list[list[int]]:
    """Prompt indices grouped into batches of the least estimated cost (batch_steps), dearest batch first.

    The batches are runs of the prompts sorted by length, found by dynamic
    programming over where each run ends; each stays within max_batch_tokens
    (batch size x longest prompt). While there are fewer batches than workers,
    the largest is halved so that every worker runs.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    sizes = [lengths[i] for i in order]
    best, cut = [0.0] + [float("inf")] * len(order), [0] * (len(order) + 1)
    for end in range(1, len(order) + 1):
        for start in range(end - 1, -1, -1):
            if start < end - 1 and (end - start) * sizes[start] > max_batch_tokens:
                break  # longer runs from further back only grow
            cost = best[start] + batch_steps(sizes[start:end], new_tokens)
            if cost < best[end]:
                best[end], cut[end] = cost, start
    groups, end = [], len(order)
    while end:
        groups.append(order[cut[end]:end])
        end = cut[end]
    while len(groups) < workers and any(len(g) > 1 for g in groups):
        big = max(groups, key=len)
        groups.remove(big)
        groups += [big[:len(big) // 2], big[len(big) // 2:]]
    return sorted(groups, key=lambda g: -batch_steps([lengths[i] for i in g], new_tokens))


def on_ctranslate2(hf: HFGenerator, device: str, compute_type: str, max_batch_tokens: int) -> CT2Generator:
    """The CTranslate2 version of a loaded transformers model, for its architecture."""
    if isinstance(hf, Seq2SeqGenerator):
        return CT2Translator(hf, device, compute_type)
    return CT2CausalGenerator(hf, device, compute_type, max_batch_tokens)
