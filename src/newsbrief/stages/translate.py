"""The Translate stage: every title part, paragraph and abstract into English, chunk by chunk."""

from __future__ import annotations

import math
from typing import Any

from .. import config
from ..jobs import RETRY_SETTINGS, run_jobs
from ..models.base import Generator, Job, Settings
from ..options import StageOptions
from ..records import Article
from . import Counter, Progress, Stage, forget, judge

#: the errors of this stage: a chunk's ("translation of p3: …") and a degenerate output's ("translation: …")
TRANSLATION_ERRORS = ("translation of ", "translation: ")


def errors_about(unit: str) -> tuple[str, str]:
    """How this stage's errors about one translated unit (p3, headline, summary) begin: a chunk's, a degenerate's."""
    # (the second as judge() writes a degenerate output's error: "translation: " and the flag, "p3: …")
    return f"{TRANSLATION_ERRORS[0]}{unit}: ", f"{TRANSLATION_ERRORS[1]}{unit}: "


#: the fields translated besides the paragraphs, with where their English goes
FIELDS = {"kicker": "kicker_en", "headline": "headline_en", "subtitle": "subtitle_en", "summary": "summary_en"}


def chunk_budget(gen: Generator) -> int:
    """Source tokens per translation chunk for this model (see config): set by what the model is, not what runs it.

    Issue 12: keyed on the runtime, opus-mt under CTranslate2 got ~510-token chunks.
    """
    per_architecture = (config.SEQ2SEQ_TRANSLATION_CHUNK_TOKENS if gen.architecture == "seq2seq"
                        else config.CAUSAL_TRANSLATION_CHUNK_TOKENS)
    return min(per_architecture, gen.input_limit("translate"))


def chunker(gen: Generator) -> Counter:
    """What cuts text into this model's translation chunks (`.chunks(text)`) and counts their tokens."""
    return Counter(gen, "translate", chunk_budget(gen))


def output_cap(input_tokens: int) -> int:
    """Most output tokens for a chunk of this many input tokens."""
    return max(config.TRANSLATION_MIN_NEW_TOKENS, math.ceil(input_tokens * config.TRANSLATION_OUTPUT_RATIO))


class Translate(Stage):
    """Fill the *_en fields and meta['translation']: paragraphs_en[i] translates paragraphs[i]."""

    name = "translate"
    meta_key = "translator"
    error_prefix = TRANSLATION_ERRORS[1]

    def __init__(self, gen: Generator, opts: StageOptions) -> None:
        self.gen, self.opts = gen, opts
        self.count = chunker(gen)

    def signature(self) -> dict[str, Any]:
        return {**self.gen.describe(), "settings": Settings(num_beams=self.opts.num_beams).as_kwargs(),
                "retry": RETRY_SETTINGS.as_kwargs(), "chunk_tokens": self.count.limit,
                "max_new_tokens":
                    f"{config.TRANSLATION_OUTPUT_RATIO} x input (min {config.TRANSLATION_MIN_NEW_TOKENS})",
                "max_batch_tokens": self.opts.max_batch_tokens, "on_degenerate": str(self.opts.on_degenerate)}

    def __call__(self, articles: list[Article], progress: Progress | None = None) -> None:
        targets = [a for a in articles if a.kind == "article"]
        settings = Settings(num_beams=self.opts.num_beams)
        # (article, unit) for every chunk of every unit of every article
        keys: list[tuple[int, str]] = []
        jobs: list[Job] = []
        for k, a in enumerate(targets):
            units = {"kicker": a.kicker, "headline": a.headline, "subtitle": a.subtitle, "summary": a.summary_zh}
            units.update({f"p{i}": p for i, p in enumerate(a.paragraphs)})
            for name, text in units.items():
                if not text or not text.strip():
                    continue
                for chunk in self.count.chunks(text):
                    n = self.count(chunk)
                    keys.append((k, name))
                    jobs.append(Job("translate", chunk, output_cap(n), n, settings))
        results = run_jobs(self.gen, jobs, self.opts.max_batch_tokens, progress, self.opts.should_stop)
        pieces: dict[tuple[int, str], list[str]] = {}
        errors: list[list[str]] = [[] for _ in targets]
        stats = [{"chunks": 0, "input_tokens": 0, "output_tokens": 0, "retried": 0, "flags": [], "seconds": 0.0}
                 for _ in targets]
        for (k, name), j, r in zip(keys, jobs, results):
            s = stats[k]
            s["chunks"] += 1
            s["input_tokens"] += j.input_tokens
            s["seconds"] += r.seconds
            s["retried"] += r.retried
            s["flags"] += [f"{name}: {f}" for f in r.flags if f"{name}: {f}" not in s["flags"]]
            if r.error:
                errors[k].append(f"{errors_about(name)[0]}{r.error}")
            if r.output:
                s["output_tokens"] += r.output.output_tokens
            pieces.setdefault((k, name), []).append(r.output.text if r.output else "")

        def english(k: int, name: str) -> str | None:
            got = pieces.get((k, name))
            return " ".join(x for x in got if x) if got else None

        for k, a in enumerate(targets):
            forget(a, TRANSLATION_ERRORS)  # a rerun's errors replace the last run's (session-23 review, finding 6)
            a.errors += errors[k]
            for name, dest in FIELDS.items():
                setattr(a, dest, english(k, name))
            a.paragraphs_en = [english(k, f"p{i}") or "" for i in range(len(a.paragraphs))]
            s = stats[k]
            s["seconds"] = round(s["seconds"], 3)
            a.meta["translation"] = s
            judge(a, s["flags"], "translation", self.opts.on_degenerate)
