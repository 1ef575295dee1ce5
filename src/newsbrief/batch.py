"""Batch runs over many inputs that survive crashes, Ctrl-C and bad input.

Each input (a page file, or article JSONL) is one unit of work, except that
with model stages the pages a jump joins (issue 13) are one unit together.
Each input's records go to a file of their own, written to a temporary name
and renamed into place; then a completion marker records a key made of the
unit's input bytes, the settings and the models' revisions. A rerun skips
every input whose marker matches, so a run killed at any moment and rerun ends
with exactly the output of an uninterrupted one (datatrove's completion
markers, in miniature).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import os
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .io.jsonl import RecordError, dumps, read_records, write_atomic
from .io.read import expand_inputs
from .io.sources import Input, parse_input, read_input
from .pipeline import Interrupted, Models, StageOptions, apply_stages, provenance
from .records import Article

MARKERS = ".newsbrief"  # folder of completion markers inside an output folder


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


class StopRequest:
    """SIGINT/SIGTERM handling: the first signal asks the run to stop after the batch in flight."""

    def __init__(self) -> None:
        self.requested = False
        self._old: dict[int, Any] = {}

    def __enter__(self) -> "StopRequest":
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)

    def _handle(self, signum, frame) -> None:
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt  # a second Ctrl-C: stop now
        self.requested = True
        print("newsbrief: stopping after the batch in flight (Ctrl-C again to stop at once)", file=sys.stderr)

    def __call__(self) -> bool:
        return self.requested


def _names(paths: list[str]) -> dict[str, str]:
    """A distinct output file name for each input: its stem, with its folder's name where stems collide."""
    stems = [("stdin" if p == "-" else Path(p).stem) for p in paths]
    out: dict[str, str] = {}
    used: set[str] = set()
    for p, s in zip(paths, stems):
        name = s if stems.count(s) == 1 else f"{Path(p).parent.name}__{s}"
        base, n = name, 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        out[p] = name + ".jsonl"
    return out


def signature(stages: tuple[str, ...], opts: StageOptions, models: Models) -> dict[str, Any]:
    """Every setting that shapes the output, models' revisions included: what resume keys on."""
    settings = {k: v for k, v in dataclasses.asdict(opts).items() if k not in ("should_stop", "offline", "device")}
    loaded = {}
    for stage, name in (("summarize", opts.summarizer), ("translate", opts.translator)):
        if stage in stages:
            gen = models.get(name, stage)
            loaded[stage] = gen.describe() if gen else {"id": name}
    return {"tool": __version__, "stages": list(stages), "options": settings, "models": loaded}


class Batch:
    """One batch run: inputs to outputs, resumable, with a report."""

    def __init__(self, paths: list[str], output: str, encoding: str | None, stages: tuple[str, ...],
                 opts: StageOptions, force: bool = False, quiet: bool = False) -> None:
        self.paths, self.errors = expand_inputs(paths)
        self.output, self.encoding, self.stages, self.opts = output, encoding, stages, opts
        self.force, self.quiet = force, quiet
        self.models = Models(opts)
        self.reports = [InputReport(arg, status="failed", error=msg) for arg, msg in self.errors]
        self.status = "complete"
        self.bar = None  # the progress bar, when stderr is a terminal
        self._parsed: dict[str, tuple] = {}  # inputs segmented early to find jumps (_units)

    # --- where things go
    @property
    def mode(self) -> str:
        """stdout, dir (one file per input + run.json) or file (one file, assembled at the end)."""
        if self.output == "-":
            return "stdout"
        if self.output.endswith(("/", os.sep)) or Path(self.output).is_dir():
            return "dir"
        return "file"

    def _work_dir(self) -> Path:
        if self.mode == "dir":
            return Path(self.output)
        out = Path(self.output)
        return out.with_name(f".{out.name}.newsbrief-work")

    # --- the run
    def run(self) -> int:
        """Process every input; returns the exit status (0, 1 for failures, 130 when stopped)."""
        sig = signature(self.stages, self.opts, self.models)  # loads the models: fail before any work
        key_base = json.dumps(sig, sort_keys=True, ensure_ascii=False)
        names = _names(self.paths)
        work = None if self.mode == "stdout" else self._work_dir()
        if work is not None:
            (work / MARKERS).mkdir(parents=True, exist_ok=True)
        started = time.time()
        self.bar = bar = self._bar()
        with StopRequest() as stop:
            self.opts.should_stop = stop
            for unit in self._units():
                if stop():
                    self.status = "interrupted"
                    break
                reports = [InputReport(path) for path in unit]
                self.reports.extend(reports)
                try:
                    self._one(unit, names, key_base, work, reports)
                except Interrupted:
                    for report in reports:
                        report.status = "pending"
                    self.status = "interrupted"
                    break
                if bar:
                    bar.update(len(unit))
                    bar.set_postfix(articles=sum(r.articles for r in self.reports), refresh=False)
        if bar:
            bar.close()
        if self.mode == "file" and self.status == "complete":
            self._assemble(names, work)
        if self.mode == "dir":
            self._write_run_json(sig, started)
        return self._summarise()

    def _units(self) -> list[list[str]]:
        """Inputs processed together: pages joined by a jump are one unit of work (issue 13), others one each.

        Finding jumps needs every page segmented first (milliseconds a page);
        the parsed inputs are kept for _one. Without model stages nothing is
        stitched, so `segment` output stays one record per printed part.
        """
        if not self.stages or len(self.paths) < 2:
            return [[p] for p in self.paths]
        from .stitch import units

        groups = []
        for path in self.paths:
            page = read_input(path, self.encoding)
            src = None if isinstance(page, Input) else parse_input(page)
            self._parsed[path] = (page, src)
            groups.append(src.articles if src is not None and not src.error else [])
        return [[self.paths[i] for i in unit] for unit in units(groups)]

    def _one(self, unit: list[str], names: dict[str, str], key_base: str, work: Path | None,
             reports: list[InputReport]) -> None:
        """Process one unit of work (an input, or the pages a jump joins), or skip it when its markers match."""
        t0 = time.perf_counter()
        live: list[tuple[str, InputReport, Any]] = []
        for path, report in zip(unit, reports):
            page, src = self._parsed.pop(path, (None, None))
            page = page or read_input(path, self.encoding)
            if isinstance(page, Input):
                report.status, report.error = "failed", page.error
            else:
                live.append((path, report, (page, src)))
        # one key over the unit's pages: a changed page redoes every page its articles span
        key = hashlib.sha256(("".join(p.digest or "" for _, _, (p, _) in live) + key_base).encode()).hexdigest()
        outs = {path: (work / names[path], work / MARKERS / (names[path] + ".done")) for path, _, _ in live} \
            if work is not None else {}
        for path, report, _ in live:
            report.output = str(outs[path][0]) if self.mode == "dir" else None
        if outs and not self.force and all(self._finished(*outs[path], key) for path, _, _ in live):
            for path, report, _ in live:
                self._count(report, self._read_back(outs[path][0]))
                report.status = "resumed"
            return
        groups, done = [], []
        for path, report, (page, src) in live:
            src = src or parse_input(page)  # only now: a resumed input is not segmented again
            if src.error:
                report.status, report.error = "failed", src.error
                continue
            if src.kind == "page" and not any(r.kind == "article" for r in src.articles):
                print(f"newsbrief: {path}: warning: no article recognised; its text is kept as fragments",
                      file=sys.stderr)
            groups.append(src.articles)
            done.append((path, report))
        if self.stages:
            from .stitch import stitch

            groups = stitch(groups)
            progress = None
            if self.bar:  # the bar moves per page; within a long page, count the model steps done
                steps, articles = itertools.count(1), sum(r.articles for r in self.reports)
                progress = lambda _n: self.bar.set_postfix(articles=articles, steps=next(steps))  # noqa: E731
            apply_stages([a for g in groups for a in g], self.models, self.opts, self.stages, progress)
        for (path, report), records in zip(done, groups):
            if work is None:
                for r in records:
                    sys.stdout.write(dumps(r) + "\n")
                sys.stdout.flush()
            else:
                write_atomic(outs[path][0], records)
                _write_marker(outs[path][1], key)
            self._count(report, records)
            report.status = "done"
            report.seconds = round(time.perf_counter() - t0, 3)

    @staticmethod
    def _finished(out: Path, marker: Path, key: str) -> bool:
        try:
            return out.exists() and json.loads(marker.read_text(encoding="utf-8")).get("key") == key
        except (OSError, ValueError):
            return False

    @staticmethod
    def _read_back(out: Path) -> list[Article]:
        with open(out, encoding="utf-8", newline="") as f:
            return list(read_records(f, str(out)))

    @staticmethod
    def _count(report: InputReport, records: list[Article]) -> None:
        report.articles = sum(r.kind == "article" for r in records)
        report.fragments = len(records) - report.articles
        report.failed_articles = [r.id for r in records if r.status == "error"]
        for r in records:
            if r.status == "error":
                print(f"newsbrief: {r.id}: {'; '.join(r.errors)}", file=sys.stderr)

    def _assemble(self, names: dict[str, str], work: Path) -> None:
        """-o FILE: the inputs' parts joined in input order into FILE, atomically; then the parts go."""
        records: list[Article] = []
        for path in self.paths:
            part = work / names[path]
            if part.exists():
                try:
                    records.extend(self._read_back(part))
                except RecordError:
                    continue
        write_atomic(self.output, records)
        shutil.rmtree(work, ignore_errors=True)

    def _write_run_json(self, sig: dict[str, Any], started: float) -> None:
        """run.json: tool version, configuration, models and revisions, counts, timings, failures."""
        summarizer = self.models.get(self.opts.summarizer, "summarize") if "summarize" in self.stages else None
        translator = self.models.get(self.opts.translator, "translate") if "translate" in self.stages else None
        doc = {
            "tool": {"name": "newsbrief", "version": __version__},
            "status": self.status,
            "command": sys.argv,
            "stages": list(self.stages),
            "configuration": sig["options"],
            "models": provenance(self.opts, summarizer, translator) if self.stages else {},
            "device": self.models.device,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
            "seconds": round(time.time() - started, 3),
            "counts": {
                "inputs": len(self.reports),
                "done": sum(r.status == "done" for r in self.reports),
                "resumed": sum(r.status == "resumed" for r in self.reports),
                "failed": sum(r.status == "failed" for r in self.reports),
                "pending": len(self.paths) - sum(r.status in ("done", "resumed", "failed") for r in self.reports
                                                 if r.path in self.paths),
                "articles": sum(r.articles for r in self.reports),
                "fragments": sum(r.fragments for r in self.reports),
                "failed_articles": sum(len(r.failed_articles) for r in self.reports),
            },
            "inputs": [dataclasses.asdict(r) for r in self.reports],
            "failures": [{"input": r.path, "error": r.error} for r in self.reports if r.error]
                        + [{"input": r.path, "article": a} for r in self.reports for a in r.failed_articles],
        }
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        _write_text_atomic(Path(self.output) / "run.json", text)

    def _bar(self):
        if self.quiet or not sys.stderr.isatty() or self.mode == "stdout" and sys.stdout.isatty():
            return None
        from tqdm import tqdm

        return tqdm(total=len(self.paths), unit="page", desc="newsbrief", file=sys.stderr)

    def _summarise(self) -> int:
        """Report failures on stderr and return the exit status."""
        for r in self.reports:
            if r.error:
                print(f"newsbrief: {r.path}: {r.error}", file=sys.stderr)
        failed_inputs = [r for r in self.reports if r.status == "failed"]
        failed_articles = sum(len(r.failed_articles) for r in self.reports)
        articles = sum(r.articles for r in self.reports)
        if failed_articles:
            print(f"newsbrief: {failed_articles} of {articles} article(s) failed (status \"error\" in their records)",
                  file=sys.stderr)
        if failed_inputs:
            print(f"newsbrief: {len(failed_inputs)} input(s) failed", file=sys.stderr)
        if self.status == "interrupted":
            done = sum(r.status in ("done", "resumed") for r in self.reports)
            print(f"newsbrief: interrupted: {done} of {len(self.paths)} input(s) finished. Run the same command "
                  "again to resume where it stopped.", file=sys.stderr)
            return 130
        if not self.quiet and self.models.device:
            print(f"newsbrief: device: {self.models.device}", file=sys.stderr)
        return 1 if failed_inputs or failed_articles else 0


def _write_text_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _write_marker(marker: Path, key: str) -> None:
    _write_text_atomic(marker, json.dumps({"key": key}) + "\n")
