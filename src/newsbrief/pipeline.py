"""The model stages: abstracts and translations for a list of articles, batched across all of them.

Every model call goes through `run_jobs`, which sorts all chunks of all
articles by length, batches them by a token budget, halves a batch that runs
out of GPU memory, retries a degenerate output once with anti-repetition
settings, and puts the results back in order. A failure inside one article
becomes an error in that article's record, never a lost article.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import __version__, config
from .models.base import Generator, Job, ModelError, Output, Settings
from .records import Article
from .text.quality import is_loop, repeat_ratio
from .text.sentences import chunk_text

Progress = Callable[[int], None]


@dataclass
class StageOptions:
    """Settings of the model stages, as the CLI gives them; recorded in every record's meta."""

    summarizer: str = "lead"
    translator: str = "none"
    summary_max_new_tokens: int = config.SUMMARY_MAX_NEW_TOKENS
    device: str = "auto"
    dtype: str = "auto"
    max_batch_tokens: int = config.MAX_BATCH_TOKENS
    num_beams: int = 1
    long_summary: str = "map-reduce"  # or "lead-truncate"
    on_degenerate: str = "error"  # or "flag"
    offline: bool = False
    backend: str = "transformers"  # or "ctranslate2" (seq2seq models)
    compute_type: str = "auto"  # CTranslate2 only: int8, int8_float16, float16, float32 …
    #: asked between batches; True stops the run (SIGINT/SIGTERM) by raising Interrupted
    should_stop: Callable[[], bool] | None = field(default=None, repr=False, compare=False)


class Interrupted(Exception):
    """The run was asked to stop; raised after the batch in flight."""


@dataclass
class Result:
    """What became of one job: its output, whether it was retried, what is wrong with it, its share of time."""

    output: Output | None
    retried: bool = False
    flags: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


def _problems(out: Output, task: str) -> list[str]:
    """What is wrong with an output: a repetition loop, or a translation cut off at the length cap."""
    found = []
    if is_loop(out.text):
        found.append(f"repetition loop (repeated {config.REPEAT_NGRAM}-gram share {repeat_ratio(out.text):.2f})")
    if out.hit_cap and task == "translate":
        found.append(f"stopped at the length cap ({out.output_tokens} tokens)")
    return found


def _batches(order: list[int], jobs: list[Job], budget: int) -> list[list[int]]:
    """Consecutive jobs (longest first) grouped so that batch size x longest input stays within budget."""
    batches: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        longest = max([jobs[k].input_tokens for k in cur] + [jobs[i].input_tokens])
        if cur and (len(cur) + 1) * longest > budget:
            batches.append(cur)
            cur = []
        cur.append(i)
    if cur:
        batches.append(cur)
    return batches


def _generate(gen: Generator, jobs: list[Job]) -> tuple[list[Output | Exception], float]:
    """Outputs for a batch, or the exception for each job that failed.

    A batch that fails is halved and each half run again: that finds the batch
    size that fits when the GPU runs out of memory, and the one job that fails
    when an input breaks the model, without losing the other jobs.
    """
    start = time.perf_counter()
    try:
        outs: list[Output | Exception] = list(gen.generate(jobs))
    except Exception as e:  # noqa: BLE001 - any model failure must stay inside its article
        if len(jobs) == 1:
            outs = [e]
        else:
            half = len(jobs) // 2
            outs = _generate(gen, jobs[:half])[0] + _generate(gen, jobs[half:])[0]
    return outs, time.perf_counter() - start


def run_jobs(gen: Generator, jobs: list[Job], max_batch_tokens: int, progress: Progress | None = None,
             should_stop: Callable[[], bool] | None = None, retry: bool = True) -> list[Result]:
    """Results for jobs of one task, in the jobs' order (see the module docstring).

    retry=False skips the retry of degenerate outputs (benchmarks compare raw generation).
    """
    if not jobs:
        return []
    # count only what the caller has not counted already (chunking counts every chunk)
    uncounted = [j for j in jobs if not j.input_tokens]
    if uncounted:
        for j, n in zip(uncounted, gen.count_tokens(jobs[0].task, [j.text for j in uncounted])):
            j.input_tokens = n
    results = _run_batched(gen, jobs, max_batch_tokens, progress, should_stop)
    # one retry for degenerate outputs, batched like the first pass
    bad = [i for i, r in enumerate(results) if retry and r.output is not None and _problems(r.output, jobs[i].task)]
    retry_settings = Settings(jobs[0].settings.num_beams, config.RETRY_NO_REPEAT_NGRAM_SIZE,
                              config.RETRY_REPETITION_PENALTY)
    retries = [Job(jobs[i].task, jobs[i].text, jobs[i].max_new_tokens, jobs[i].input_tokens, retry_settings)
               for i in bad]
    for i, again in zip(bad, _run_batched(gen, retries, max_batch_tokens, None, should_stop)):
        r = results[i]
        r.retried = True
        r.seconds += again.seconds
        if again.output is not None:
            r.output = again.output
        r.flags = _problems(r.output, jobs[i].task)
    return results


def _run_batched(gen: Generator, jobs: list[Job], max_batch_tokens: int, progress: Progress | None,
                 should_stop: Callable[[], bool] | None) -> list[Result]:
    """One pass over jobs: longest first, batched by the token budget, results put back in order."""
    order = sorted(range(len(jobs)), key=lambda i: -jobs[i].input_tokens)
    results: list[Result] = [Result(None)] * len(jobs)  # every slot is replaced below
    for batch in _batches(order, jobs, max_batch_tokens):
        outs, seconds = _generate(gen, [jobs[i] for i in batch])
        total = sum(o.output_tokens + 1 for o in outs if isinstance(o, Output)) or 1
        for i, out in zip(batch, outs):
            if isinstance(out, Exception):
                results[i] = Result(None, error=f"{type(out).__name__}: {out}")
            else:
                results[i] = Result(out, seconds=seconds * (out.output_tokens + 1) / total)
        if progress:
            progress(len(batch))
        if should_stop and should_stop():
            raise Interrupted
    return results


# --- summaries -----------------------------------------------------------------------------


def _body(a: Article) -> str:
    """What a summariser reads: the headline, then the body paragraphs (subheads left out)."""
    parts = [a.headline] if a.headline else []
    parts += [p for p in a.paragraphs if p not in a.subheads]
    return "\n".join(parts)


def _counter(gen: Generator, task: str, limit: int) -> Callable[[str], int]:
    """A memoised count of a text's input tokens as a job of task.

    Raises ModelError when the model's prompt alone leaves no room for text
    within limit (a causal LM with a tiny context).
    """
    cache: dict[str, int] = {}
    room = limit - gen.count_tokens(task, [""])[0]
    if room < config.MIN_CHUNK_TOKENS:
        raise ModelError(f"{gen.describe()['id']}: its input limit ({limit} tokens) leaves {room} for text "
                         f"after the prompt; at least {config.MIN_CHUNK_TOKENS} are needed")

    def count(text: str) -> int:
        if text not in cache:
            cache[text] = gen.count_tokens(task, [text])[0]
        return cache[text]

    return count


def summarize(articles: list[Article], gen: Generator | None, opts: StageOptions,
              progress: Progress | None = None) -> None:
    """Fill summary_zh and meta['summary'] for every article (fragments are left alone)."""
    from .models.lead import lead_summary

    targets = [a for a in articles if a.kind == "article"]
    settings = Settings(num_beams=opts.num_beams)
    if gen is None:
        for a in targets:
            a.summary_zh = lead_summary(a.paragraphs, a.subheads) or None
            a.meta["summary"] = {"strategy": "lead", "chunks": 0, "seconds": 0.0}
            if progress:
                progress(1)
        return
    limit = gen.input_limit("summarize")
    count = _counter(gen, "summarize", limit)
    state: dict[int, dict[str, Any]] = {}
    pending: dict[int, list[str]] = {}
    for k, a in enumerate(targets):
        text = _body(a)
        if not text.strip():
            a.meta["summary"] = {"strategy": "empty", "chunks": 0}
            continue
        chunks = [text] if count(text) <= limit else chunk_text(text, count, limit)
        strategy = "single" if len(chunks) == 1 else "map-reduce"
        if len(chunks) > 1 and opts.long_summary == "lead-truncate":
            chunks, strategy = chunks[:1], "lead-truncation"
        state[k] = {"strategy": strategy, "chunks": len(chunks), "rounds": 0, "input_tokens": 0,
                    "output_tokens": 0, "capped": 0, "retried": False, "flags": [], "notes": [],
                    "seconds": 0.0}
        pending[k] = chunks
    while pending:
        keys = [(k, c) for k, chunks in pending.items() for c in chunks]
        jobs = [Job("summarize", c, opts.summary_max_new_tokens, count(c), settings) for _, c in keys]
        results = run_jobs(gen, jobs, opts.max_batch_tokens, should_stop=opts.should_stop)
        per: dict[int, list[tuple[Job, Result]]] = {}
        for (k, _), j, r in zip(keys, jobs, results):
            per.setdefault(k, []).append((j, r))
        pending = {}
        for k, pairs in per.items():
            s, a = state[k], targets[k]
            s["rounds"] += 1
            for j, r in pairs:
                s["input_tokens"] += j.input_tokens
                s["seconds"] += r.seconds
                s["retried"] |= r.retried
                if r.output:
                    s["output_tokens"] += r.output.output_tokens
                    s["capped"] += r.output.hit_cap
                s["flags"] += [f for f in r.flags if f not in s["flags"]]
                if r.error:
                    a.errors.append(f"summary: {r.error}")
            texts = [r.output.text for _, r in pairs if r.output]
            if len(pairs) == 1 or any(r.error for _, r in pairs):
                a.summary_zh = texts[0] if len(pairs) == 1 and texts else None
                continue
            # reduce: summarise the joined partial summaries (cut again if they are still too long)
            joined = "\n".join(texts)
            if count(joined) <= limit:
                pending[k] = [joined]
            elif s["rounds"] < config.SUMMARY_MAX_ROUNDS:
                pending[k] = chunk_text(joined, count, limit)
            else:  # still too long: reduce what fits, and say so
                pending[k] = chunk_text(joined, count, limit)[:1]
                s["notes"].append("partial summaries cut to fit the last reduce")
        if progress:
            progress(len(per))
    for k, s in state.items():
        a = targets[k]
        s["seconds"] = round(s["seconds"], 3)
        a.meta["summary"] = s
        _judge(a, s["flags"], "summary", opts)


def _judge(a: Article, flags: list[str], stage: str, opts: StageOptions) -> None:
    """Turn a degenerate output the retry did not fix into an error, unless the user asked only to flag it."""
    if flags and opts.on_degenerate == "error":
        a.errors.extend(f"{stage}: {f} after retry" for f in dict.fromkeys(flags))
    if a.errors:
        a.status = "error"


# --- translations ------------------------------------------------------------------------------


def _chunk_budget(gen: Generator) -> int:
    """Source tokens per translation chunk for this backend (see config)."""
    per_backend = (config.SEQ2SEQ_TRANSLATION_CHUNK_TOKENS if gen.backend == "seq2seq"
                   else config.CAUSAL_TRANSLATION_CHUNK_TOKENS)
    return min(per_backend, gen.input_limit("translate"))


def translate(articles: list[Article], gen: Generator, opts: StageOptions, progress: Progress | None = None) -> None:
    """Fill the *_en fields and meta['translation']: paragraphs_en[i] translates paragraphs[i]."""
    targets = [a for a in articles if a.kind == "article"]
    budget = _chunk_budget(gen)
    count = _counter(gen, "translate", budget)
    settings = Settings(num_beams=opts.num_beams)
    # (article, field) for every chunk of every unit of every article
    keys: list[tuple[int, str]] = []
    jobs: list[Job] = []
    for k, a in enumerate(targets):
        units = {"kicker": a.kicker, "headline": a.headline, "subtitle": a.subtitle, "summary": a.summary_zh}
        units.update({f"p{i}": p for i, p in enumerate(a.paragraphs)})
        for name, text in units.items():
            if not text or not text.strip():
                continue
            for chunk in chunk_text(text, count, budget):
                keys.append((k, name))
                n = count(chunk)
                cap = max(config.TRANSLATION_MIN_NEW_TOKENS, math.ceil(n * config.TRANSLATION_OUTPUT_RATIO))
                jobs.append(Job("translate", chunk, cap, n, settings))
    results = run_jobs(gen, jobs, opts.max_batch_tokens, progress, opts.should_stop)
    pieces: dict[tuple[int, str], list[str]] = {}
    stats = {k: {"chunks": 0, "input_tokens": 0, "output_tokens": 0, "retried": 0, "flags": [], "seconds": 0.0}
             for k in range(len(targets))}
    for (k, name), j, r in zip(keys, jobs, results):
        s, a = stats[k], targets[k]
        s["chunks"] += 1
        s["input_tokens"] += j.input_tokens
        s["seconds"] += r.seconds
        s["retried"] += r.retried
        s["flags"] += [f"{name}: {f}" for f in r.flags if f"{name}: {f}" not in s["flags"]]
        if r.error:
            a.errors.append(f"translation of {name}: {r.error}")
        if r.output:
            s["output_tokens"] += r.output.output_tokens
        pieces.setdefault((k, name), []).append(r.output.text if r.output else "")
    def english(k: int, name: str) -> str | None:
        got = pieces.get((k, name))
        return " ".join(x for x in got if x) if got else None

    for k, a in enumerate(targets):
        a.kicker_en, a.headline_en = english(k, "kicker"), english(k, "headline")
        a.subtitle_en, a.summary_en = english(k, "subtitle"), english(k, "summary")
        a.paragraphs_en = [english(k, f"p{i}") or "" for i in range(len(a.paragraphs))]
        s = stats[k]
        s["seconds"] = round(s["seconds"], 3)
        a.meta["translation"] = s
        _judge(a, s["flags"], "translation", opts)


# --- provenance ------------------------------------------------------------------------------------


def provenance(opts: StageOptions, summarizer: Generator | None, translator: Generator | None) -> dict[str, Any]:
    """What produced a record: tool version, models and revisions, device, generation settings."""
    def model(name: str, gen: Generator | None, task: str, max_new: str) -> dict[str, Any]:
        if gen is None:
            return {"id": name, "revision": None, "backend": "builtin" if name != "none" else None}
        return {**gen.describe(), "settings": Settings(num_beams=opts.num_beams).as_kwargs(),
                "max_new_tokens": max_new, "input_limit": gen.input_limit(task)}

    return {"tool": {"name": "newsbrief", "version": __version__},
            "summarizer": model(opts.summarizer, summarizer, "summarize", str(opts.summary_max_new_tokens)),
            "translator": model(opts.translator, translator, "translate",
                                f"{config.TRANSLATION_OUTPUT_RATIO} x input (min {config.TRANSLATION_MIN_NEW_TOKENS})"),
            "options": {"max_batch_tokens": opts.max_batch_tokens, "num_beams": opts.num_beams,
                        "long_summary": opts.long_summary, "on_degenerate": opts.on_degenerate},
            "retry": {"no_repeat_ngram_size": config.RETRY_NO_REPEAT_NGRAM_SIZE,
                      "repetition_penalty": config.RETRY_REPETITION_PENALTY}}


class Models:
    """The stages' models, loaded on first use and shared when one model does both tasks."""

    def __init__(self, opts: StageOptions) -> None:
        self.opts = opts
        self._loaded: dict[str, Generator] = {}
        self.device: str | None = None

    def get(self, name: str, task: str) -> Generator | None:
        """The loaded model for a stage, or None for a built-in method (lead, none)."""
        from .models import registry
        from .models.device import resolve_device, resolve_dtype

        spec = registry.resolve(name, task)
        if spec.builtin:
            return None
        if spec.model_id not in self._loaded:
            if self.device is None:
                self.device = resolve_device(self.opts.device)
            dtype = resolve_dtype(self.opts.dtype, self.device)
            gen = registry.load(spec, self.device, dtype, self.opts.offline)
            if self.opts.backend == "ctranslate2":
                gen = self._ct2(gen)
            self._loaded[spec.model_id] = gen
        return self._loaded[spec.model_id]

    def _ct2(self, gen: Generator) -> Generator:
        """The CTranslate2 version of a seq2seq model; a causal LM stays on transformers, and says so."""
        from .models.ct2 import CT2Generator
        from .models.hf import Seq2SeqGenerator

        if not isinstance(gen, Seq2SeqGenerator):
            print(f"newsbrief: {gen.describe()['id']}: CTranslate2 runs seq2seq models here; this causal LM "
                  "runs on transformers", file=sys.stderr)
            return gen
        return CT2Generator(gen, self.device or "cpu", self.opts.compute_type)


def apply_stages(articles: list[Article], models: Models, opts: StageOptions, stages: tuple[str, ...],
                 progress: Progress | None = None) -> None:
    """Run the named stages ('summarize', 'translate') over articles and stamp their provenance."""
    summarizer = models.get(opts.summarizer, "summarize") if "summarize" in stages else None
    translator = models.get(opts.translator, "translate") if "translate" in stages else None
    if "summarize" in stages:
        summarize(articles, summarizer, opts, progress)
    if "translate" in stages and translator is not None:
        translate(articles, translator, opts, progress)
    prov = provenance(opts, summarizer, translator)
    for a in articles:
        a.meta.update({k: v for k, v in prov.items() if k in ("tool", "options", "retry")})
        if "summarize" in stages:
            a.meta["summarizer"] = prov["summarizer"]
        if "translate" in stages:
            a.meta["translator"] = prov["translator"]


__all__ = ["Interrupted", "ModelError", "Models", "StageOptions", "apply_stages", "run_jobs", "summarize", "translate"]
