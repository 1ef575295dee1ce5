"""One unit of work, the unit of resume and of distribution: read → segment → stages → JSONL → markers.

A unit is one input, or the pages a jump joins (issue 13). The local engine
(batch.py) and every Ray worker (ray_engine.py) call the same
`Runner.process` with a `UnitTask`, a plain spec of where the inputs are and
where their outputs go (issue 11). Each input's records go to a file of their
own, written atomically (io/write.py); then a completion marker records a key
made of the unit's input bytes and the run's signature, and the output file's
size and hash. A unit whose markers all match costs a marker check, so a task
run twice (a rerun, a retried or duplicated Ray task) writes nothing twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import OutputError
from .io.jsonl import read_records, write_atomic
from .io.outputs import marker_state, read_marker, write_marker
from .io.read import STDIN, PageText, shown
from .io.sources import Input, read_input
from .jobs import Interrupted, Progress
from .pipeline import Pipeline
from .records import Article
from .stages.segment import Segment

MARKERS = ".newsbrief"  # folder of completion markers inside an output folder

#: records of a unit, for a run without a work folder (stdout)
Sink = Callable[[list[Article]], None]
#: inputs read and segmented before their unit ran (batch.py finds jumps that way): path -> (page, articles)
Parsed = dict[str, tuple[PageText | Input, Input | None]]


@dataclass(frozen=True)
class UnitTask:
    """One unit of work as plain values, so that it travels to a worker on another machine as a dict."""

    paths: tuple[str, ...]  # as the run found them; relative paths are relative to the run's folder
    names: tuple[str, ...]  # each input's output file name in the work folder
    id_stems: tuple[str | None, ...]  # each input's record-id stem, when another input shares the default one
    work: str | None = None  # the work folder (-o DIR/, or -o FILE's hidden parts folder); None: records to a sink
    report_output: bool = False  # whether the reports name the output files (-o DIR/)
    force: bool = False  # redo the unit even when its markers match

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> UnitTask:
        """The task a dict (as made by dataclasses.asdict, and through JSON) describes."""
        # every field by name, so one added later cannot silently take its default (JSON made the tuples lists)
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in d.items()})


@dataclass
class InputReport:
    """What became of one input."""

    path: str
    output: str | None = None
    status: str = "pending"  # done | resumed | failed | pending
    articles: int = 0
    fragments: int = 0
    failed_articles: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    #: lines for stderr (warnings, articles' errors); the driver prints them, wherever the input ran
    messages: list[str] = field(default_factory=list, repr=False)


def reports_for(paths: Iterable[str], **fields: Any) -> list[InputReport]:
    """A report for each input path, named as the run shows it, each with the same fields set (status, error)."""
    return [InputReport(shown(p), **fields) for p in paths]


class NoStop:
    """The stop request of a process no signal reaches (a Ray worker: the driver stops the run)."""

    def __call__(self) -> bool:
        return False

    def immediate(self):
        """Nothing to interrupt."""
        return contextlib.nullcontext()


def parse(segment: Segment, page: PageText, id_stem: str | None) -> Input:
    """An input's articles; a crash of the segmenter fails this input only (rule 4), saying so."""
    try:
        src = segment(page)
    except Interrupted:
        raise
    except Exception as e:  # noqa: BLE001 - one page must not kill the batch
        return Input(page.path, error=f"internal error while segmenting ({type(e).__name__}: {e}); "
                                      "please report it with this page")
    if src.kind in ("page", "pdf") and id_stem:
        for r in src.articles:  # the segmenter's <folder>/<stem> is shared by another input
            r.id = id_stem + r.id[r.id.find("#"):]
    return src


def read_back(out: Path) -> list[Article]:
    """The records of a finished input's output file."""
    with open(out, encoding="utf-8", newline="") as f:
        return list(read_records(f, str(out)))


class Runner:
    """A run's pipeline (stages, loaded models, signature) and `process`, which does one unit with it."""

    def __init__(self, pipeline: Pipeline, tasks: tuple[str, ...]) -> None:
        self.pipeline = pipeline
        # a command with model tasks stitches jumps and stamps provenance, even when each method is none
        self.tasks = tasks
        self.key_base = pipeline.signature.key()

    def process(self, task: UnitTask, reports: list[InputReport], stop=None, progress: Progress | None = None,
                sink: Sink | None = None, parsed: Parsed | None = None) -> None:
        """Do one unit, or skip it when its completion markers and outputs match; fills reports (one per path).

        stop is the run's StopRequest (raises Interrupted), None where no signal
        arrives; parsed holds inputs already read and segmented. Records go to
        `task.work/name` and then its marker, or to sink without a work folder.
        Raises OutputError when an output cannot be written, the unit's inputs
        not written by then failed with its message in their reports.
        """
        stop = stop or NoStop()
        parsed = {} if parsed is None else parsed
        t0 = time.perf_counter()
        live: list[tuple[int, PageText, Input | None]] = []
        for i, (path, report) in enumerate(zip(task.paths, reports)):
            page, src = parsed.pop(path, (None, None))
            if page is None:
                with stop.immediate():
                    page = read_input(path, self.pipeline.segment.read)
            if isinstance(page, Input):
                report.status, report.error = "failed", page.error
            else:
                live.append((i, page, src))
        # one key over the unit's pages: a changed page redoes every page its articles span
        key = hashlib.sha256(("".join(p.digest or "" for _, p, _ in live) + self.key_base).encode()).hexdigest()
        outs: dict[int, tuple[Path, Path]] = {}  # (output, marker) of each input written to a work folder
        sources: dict[int, str] = {}  # what each one's marker says it was written from
        if task.work is not None and live:
            work = Path(task.work)
            for i, _, _ in live:
                outs[i] = (work / task.names[i], work / MARKERS / (task.names[i] + ".done"))
                reports[i].output = shown(str(outs[i][0])) if task.report_output else None
            marks = {i: read_marker(outs[i][1]) for i, _, _ in live}
            sources = {i: _source(task.paths[i]) for i, _, _ in live}
            if task.report_output:  # -o DIR/ (-o FILE's parts folder is its own, redone for another input)
                live = [x for x in live if not _taken(outs[x[0]][0], marks[x[0]], sources[x[0]], key, reports[x[0]])]
            states = {i: "missing" if task.force else marker_state(outs[i][0], marks[i], key, sources[i])
                      for i, _, _ in live}
            if all(state == "finished" for state in states.values()):
                for i, _, _ in live:
                    _count(reports[i], read_back(outs[i][0]))
                    reports[i].status = "resumed"
                return
            for i, state in states.items():
                if state == "changed":
                    reports[i].messages.append(f"{shown(str(outs[i][0]))}: changed since it was written; redoing it")
        groups: list[list[Article]] = []
        done: list[int] = []
        for i, page, src in live:
            if src is None:  # only now: a resumed input is not segmented again
                with stop.immediate():
                    src = parse(self.pipeline.segment, page, task.id_stems[i])
            if src.error:
                reports[i].status, reports[i].error = "failed", src.error
                continue
            if page.nuls:
                reports[i].messages.append(f"{page.path}: warning: {page.nuls} stray NUL byte(s) dropped (counted "
                                           "in source.replaced)")
            if src.kind in ("page", "pdf") and not any(r.kind == "article" for r in src.articles):
                reports[i].messages.append(f"{page.path}: warning: no article recognised; its text is kept "
                                           "as fragments")
            groups.append(src.articles)
            done.append(i)
        if self.tasks:
            from .stitch import stitch

            groups = stitch(groups)
        try:
            # (segment alone too: every record says which tool made it, rule 5; its records had meta {})
            self.pipeline.apply([a for g in groups for a in g], progress)  # OutputError: the disk is full
            for i, records in zip(done, groups):
                if i not in outs:
                    sink(records)
                else:
                    size, sha = write_atomic(outs[i][0], records)
                    write_marker(outs[i][1], key, size, sha, sources[i])
                _count(reports[i], records)
                reports[i].status = "done"
                reports[i].seconds = round(time.perf_counter() - t0, 3)
        except OutputError as e:  # every engine's run report says why the unit's unwritten inputs failed
            for report in reports:
                if report.status == "pending":
                    report.status, report.error = "failed", str(e)
            raise


def fail_on_bug(reports: list[InputReport], e: Exception, where: str = "") -> None:
    """A bug met on a unit fails its inputs not failed yet, with a message to report, and not the run (rule 4)."""
    for r in reports:
        if r.status != "failed":
            r.status, r.error = "failed", (f"internal error{where} ({type(e).__name__}: {e}); please report it "
                                           "with this input")


def _source(path: str) -> str:
    """What a marker says its output was written from: the input's absolute path (a Ray worker works in the
    driver's folder), or - for standard input."""
    return path if path == STDIN else os.path.abspath(path)


def _taken(out: Path, m: dict, source: str, key: str, report: InputReport) -> bool:
    """Whether an earlier run wrote output out (its marker m) from another input; if so, the input fails saying so.

    Two runs of day folders into one -o DIR/ (`arch/2025-02-01/p1.txt`, then
    `arch/2025-02-02/p1.txt`) both name their output p1.jsonl: the second replaced the
    first day's records without a word (session-23 review). The same input moved or its
    folder renamed (same bytes, same settings: the same key) is no other input: it is
    redone, its ids made from the new name.
    """
    owner = m.get("source")
    if not isinstance(owner, str) or owner == source or m.get("key") == key or not out.exists():
        return False
    report.status, report.error = "failed", (
        f"{shown(str(out))} holds the records of {shown(owner)}, written by an earlier run into this folder, "
        f"and this input would replace them: give this run another -o, name both inputs in one run (outputs are "
        f"then named apart by their folders), or delete {shown(str(out))} if those records may go")
    return True


def _count(report: InputReport, records: list[Article]) -> None:
    """A report's counts from its records; each failed article's errors become a message."""
    report.articles = sum(r.kind == "article" for r in records)
    report.fragments = len(records) - report.articles
    report.failed_articles = [r.id for r in records if r.status == "error"]
    report.messages += [f"{r.id}: {'; '.join(r.errors)}" for r in records if r.status == "error"]
