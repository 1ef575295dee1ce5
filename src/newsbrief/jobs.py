"""The job engine: every model call of every stage goes through run_jobs.

It sorts the jobs of all articles of an input by length, batches them by a
token budget, halves a batch that fails (a GPU out of memory, or the one input
that breaks a model), retries a degenerate output once with anti-repetition
settings, and puts the results back in the jobs' order. A job that fails gets
an error in its Result; the other jobs go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import config
from .errors import disk_full
from .models.base import Generator, Job, Output, Settings
from .text.quality import is_loop, repeat_ratio

Progress = Callable[[int], None]


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


#: how problems() names an output cut at its length cap
CUT = "stopped at the length cap"


def problems(out: Output) -> list[str]:
    """What is wrong with an output: empty, a repetition loop, or cut off at its length cap.

    Empty covers an output of nothing but special tokens and whitespace (they
    are dropped in decoding): issue 12 saw a random Qwen2 summariser write 160
    tokens that decoded to ''.
    """
    found = []
    if not out.text.strip():
        found.append(f"empty output ({out.output_tokens} tokens, none of them text)")
    elif is_loop(out.text):
        found.append(f"repetition loop (repeated {config.REPEAT_NGRAM}-gram share {repeat_ratio(out.text):.2f})")
    if out.hit_cap:
        found.append(f"{CUT} ({out.output_tokens} tokens)")
    return found


RETRY_SETTINGS = Settings(no_repeat_ngram_size=config.RETRY_NO_REPEAT_NGRAM_SIZE,
                          repetition_penalty=config.RETRY_REPETITION_PENALTY)


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
    for r in results:
        r.flags = problems(r.output) if r.output is not None else []
    # one retry for degenerate outputs, batched like the first pass
    bad = [i for i, r in enumerate(results) if retry and r.flags]
    settings = Settings(jobs[0].settings.num_beams, RETRY_SETTINGS.no_repeat_ngram_size,
                        RETRY_SETTINGS.repetition_penalty)
    retries = [Job(jobs[i].task, jobs[i].text, jobs[i].max_new_tokens, jobs[i].input_tokens, settings) for i in bad]
    for i, again in zip(bad, _run_batched(gen, retries, max_batch_tokens, None, should_stop)):
        r = results[i]
        r.retried = True
        r.seconds += again.seconds
        if again.output is not None:
            r.output = again.output
        r.flags = problems(r.output)
    return results


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
        if disk_full(e):  # but a full disk is the machine's: the pipeline stops the run on it
            raise
        if len(jobs) == 1:
            outs = [e]
        else:
            half = len(jobs) // 2
            outs = _generate(gen, jobs[:half])[0] + _generate(gen, jobs[half:])[0]
    return outs, time.perf_counter() - start


def _run_batched(gen: Generator, jobs: list[Job], max_batch_tokens: int, progress: Progress | None,
                 should_stop: Callable[[], bool] | None) -> list[Result]:
    """One pass over jobs: longest first, batched by the token budget, results put back in order."""
    order = sorted(range(len(jobs)), key=lambda i: -jobs[i].input_tokens)
    results: list[Result] = [Result(None)] * len(jobs)  # every slot is replaced below
    for batch in _batches(order, jobs, gen.call_tokens(max_batch_tokens)):
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
