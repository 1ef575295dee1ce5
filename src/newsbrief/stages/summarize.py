"""The Summarize stage and its summarisers: `lead` (extractive, no model) and a generation model.

Both are implementations of one interface: a Summarizer returns an Abstract
for every article it is given. The stage puts them in the records and judges
what is wrong with them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from .. import config
from ..jobs import CUT, RETRY_SETTINGS, Result, run_jobs
from ..models.base import Generator, Job, Settings
from ..options import LongSummary, StageOptions
from ..records import Article
from ..text.sentences import complete_sentences, split_sentences
from . import Counter, Progress, Stage, forget, judge
from .translate import errors_about


@dataclass
class Abstract:
    """One article's abstract with what went into it (meta['summary']) and what is wrong with it."""

    text: str | None
    stats: dict[str, Any]
    flags: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Summarizer(ABC):
    """Something that writes an abstract of an article."""

    @abstractmethod
    def describe(self) -> dict[str, Any]:
        """Provenance and every setting that changes the abstracts."""

    @abstractmethod
    def abstracts(self, articles: list[Article], progress: Progress | None = None) -> list[Abstract]:
        """An abstract for each article, in order."""


def body(a: Article) -> str:
    """What a summariser reads: the headline, then the body paragraphs (subheads left out)."""
    parts = [a.headline] if a.headline else []
    parts += [p for p in a.paragraphs if p not in a.subheads]
    return "\n".join(parts)


def lead_summary(paragraphs: list[str], subheads: list[str]) -> str:
    """The first sentences of the body (subheads skipped), up to SUMMARY_LEAD_* in count and length."""
    out = ""
    taken = 0
    for para in paragraphs:
        if para in subheads:
            continue
        for sentence in split_sentences(para):
            if taken >= config.SUMMARY_LEAD_SENTENCES or (out and len(out) + len(sentence) > config.SUMMARY_LEAD_CHARS):
                return out
            out += sentence
            taken += 1
    return out


class LeadSummarizer(Summarizer):
    """The extractive baseline: an article's leading sentences, no model at all."""

    def describe(self) -> dict[str, Any]:
        return {"id": "lead", "method": "extractive", "sentences": config.SUMMARY_LEAD_SENTENCES,
                "max_chars": config.SUMMARY_LEAD_CHARS}

    def abstracts(self, articles: list[Article], progress: Progress | None = None) -> list[Abstract]:
        out = []
        for a in articles:
            text = lead_summary(a.paragraphs, a.subheads)
            out.append(Abstract(text or None, {"strategy": "lead" if text else "empty", "chunks": 0,
                                               "seconds": 0.0}))
        if progress:
            progress(len(articles))
        return out


def finish(r: Result) -> tuple[str | None, int]:
    """An abstract's text from a result, a capped one trimmed to its last complete sentence; and chars trimmed."""
    if r.output is None:
        return None, 0
    text = r.output.text
    if r.output.hit_cap:
        trimmed = complete_sentences(text)
        return trimmed or None, len(text) - len(trimmed)
    return text or None, 0


class ModelSummarizer(Summarizer):
    """Abstracts from a generation model; an article past its input limit goes through map-reduce."""

    def __init__(self, gen: Generator, opts: StageOptions) -> None:
        self.gen, self.opts = gen, opts
        self.limit = gen.input_limit("summarize", opts.summary_max_new_tokens)
        self.count = Counter(gen, "summarize", self.limit)

    def describe(self) -> dict[str, Any]:
        return {**self.gen.describe(), "settings": Settings(num_beams=self.opts.num_beams).as_kwargs(),
                "retry": RETRY_SETTINGS.as_kwargs(), "max_new_tokens": self.opts.summary_max_new_tokens,
                "input_limit": self.limit, "long_summary": str(self.opts.long_summary),
                "max_batch_tokens": self.opts.max_batch_tokens}

    def abstracts(self, articles: list[Article], progress: Progress | None = None) -> list[Abstract]:
        out: list[Abstract] = []
        pending: dict[int, list[str]] = {}
        for k, a in enumerate(articles):
            text = body(a)
            chunks = self.count.chunks(text) if text.strip() else []
            strategy = "empty" if not chunks else "single" if len(chunks) == 1 else "map-reduce"
            if len(chunks) > 1 and self.opts.long_summary == LongSummary.lead_truncate:
                # named as the flag is (session-23 review, finding 16: meta said "lead-truncation")
                chunks, strategy = chunks[:1], str(LongSummary.lead_truncate)
            out.append(Abstract(None, {"strategy": strategy, "chunks": len(chunks), "rounds": 0, "input_tokens": 0,
                                       "output_tokens": 0, "capped": 0, "trimmed_chars": 0, "retried": False,
                                       "flags": [], "notes": [], "seconds": 0.0}))
            if chunks:
                pending[k] = chunks
        while pending:
            pending = self._round(pending, out)
            if progress:
                progress(1)
        for ab in out:
            ab.stats["seconds"] = round(ab.stats["seconds"], 3)
            ab.flags = ab.stats["flags"]
        return out

    def _round(self, pending: dict[int, list[str]], out: list[Abstract]) -> dict[int, list[str]]:
        """One map (or reduce) round over every pending chunk; returns what the next round must reduce."""
        keys = [(k, c) for k, chunks in pending.items() for c in chunks]
        settings = Settings(num_beams=self.opts.num_beams)
        jobs = [Job("summarize", c, self.opts.summary_max_new_tokens, self.count(c), settings) for _, c in keys]
        results = run_jobs(self.gen, jobs, self.opts.max_batch_tokens, should_stop=self.opts.should_stop)
        per: dict[int, list[tuple[Job, Result]]] = {}
        for (k, _), j, r in zip(keys, jobs, results):
            per.setdefault(k, []).append((j, r))
        again: dict[int, list[str]] = {}
        for k, pairs in per.items():
            ab, s = out[k], out[k].stats
            s["rounds"] += 1
            texts: list[str] = []
            for j, r in pairs:
                s["input_tokens"] += j.input_tokens
                s["seconds"] += r.seconds
                s["retried"] |= r.retried
                if r.output:
                    s["output_tokens"] += r.output.output_tokens
                    s["capped"] += r.output.hit_cap
                # a partial summary cut at its cap still serves the reduce: only the abstract's cut counts
                flags = r.flags if len(pairs) == 1 else [f for f in r.flags if not f.startswith(CUT)]
                s["flags"] += [f for f in flags if f not in s["flags"]]
                if r.error:
                    ab.errors.append(f"summary: {r.error}")
                if r.output and r.output.text:
                    texts.append(r.output.text)
            if len(pairs) == 1:  # the abstract itself: trimmed to whole sentences if it was cut
                ab.text, s["trimmed_chars"] = finish(pairs[0][1])
                continue
            if ab.errors or not texts:
                continue
            # reduce: summarise the joined partial summaries as written (cut again if still too long)
            joined = "\n".join(texts)
            if self.count(joined) <= self.limit:
                again[k] = [joined]
            elif s["rounds"] < config.SUMMARY_MAX_ROUNDS:
                again[k] = self.count.chunks(joined)
            else:  # still too long: reduce what fits, and say so
                again[k] = self.count.chunks(joined)[:1]
                s["notes"].append("partial summaries cut to fit the last reduce")
        return again


#: the errors about an abstract, its own and its translation's
SUMMARY_ERRORS = ("summary: ", *errors_about("summary"))


class Summarize(Stage):
    """Fill summary_zh and meta['summary'] of every article with a summariser's abstracts."""

    name = "summarize"
    meta_key = "summarizer"
    error_prefix = SUMMARY_ERRORS[0]

    def __init__(self, summarizer: Summarizer, on_degenerate: str) -> None:
        self.summarizer, self.on_degenerate = summarizer, on_degenerate

    def signature(self) -> dict[str, Any]:
        return {**self.summarizer.describe(), "on_degenerate": str(self.on_degenerate)}

    def __call__(self, articles: list[Article], progress: Progress | None = None) -> None:
        targets = [a for a in articles if a.kind == "article"]
        for a, ab in zip(targets, self.summarizer.abstracts(targets, progress)):
            # a rerun replaces the abstract: its old errors go, and its old English with theirs (finding 6)
            forget(a, SUMMARY_ERRORS)
            a.summary_en = None
            if "translation" in a.meta:
                flags = a.meta["translation"].get("flags") or []
                a.meta["translation"]["flags"] = [f for f in flags if not f.startswith("summary: ")]
            a.summary_zh = ab.text
            a.meta["summary"] = ab.stats
            a.errors.extend(ab.errors)
            judge(a, ab.flags, "summary", self.on_degenerate)
