"""Batch runs over many inputs that survive crashes, signals, full disks and bad input.

Each input (a page file, or article JSONL) is one unit of work. Its records
go to a file of their own, written atomically (io/write.py); then a completion
marker records a key made of the input's bytes, the input and stage options,
the models' revisions and files, and the output file's size and hash. A rerun
skips every input whose marker matches and whose output is still that file, so
a run killed at any moment and rerun ends with exactly the output of an
uninterrupted one (datatrove's completion markers, in miniature). Outputs are
checked before any work (io/outputs.py) and one run at a time holds an output
folder (io/lock.py); what stops a whole run and its exit status is errors.py.
"""

from __future__ import annotations

import contextlib
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

from . import __version__, log
from .errors import EXIT_FAILURES, EXIT_WRITE_FAILED, OutputError, exit_for_signal
from .io.jsonl import dumps, read_records, write_atomic
from .io.lock import FolderLock
from .io.outputs import check_output, id_stems, marker_state, output_names, write_marker
from .io.read import PageText, ReadOptions, expand_inputs, shown
from .io.sources import Input, read_input
from .io.write import describe_os_error, ensure_dir, remove_stale_temporaries, write_text_atomic
from .jobs import Interrupted
from .options import StageOptions
from .pipeline import Pipeline
from .signature import RunSignature
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
    """SIGINT/SIGTERM: stop promptly, finishing the model batch in flight; a second signal ends the process.

    While an input is read or segmented (`immediate()`) the first signal stops at
    once: a read blocked on a FIFO or an open stdin would otherwise never see it
    (finding 5). Elsewhere (models loading or generating, outputs being written)
    it is noted, the model stages stop after their batch in flight, and the run
    stops before the next input.
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self._immediate = False
        self._old: dict[int, Any] = {}

    def __enter__(self) -> "StopRequest":
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)

    def _handle(self, signum, frame) -> None:
        if self.signum is not None:  # a second signal: whatever is running, end now
            print("newsbrief: stopped at once; run the same command again to resume", file=sys.stderr)
            os._exit(exit_for_signal(signum))
        self.signum = signum
        if self._immediate:
            raise Interrupted
        print("newsbrief: stopping after the batch in flight (signal again to stop at once)", file=sys.stderr)

    @contextlib.contextmanager
    def immediate(self):
        """A stretch of work (reading, segmenting) that a signal interrupts at once."""
        if self.signum is not None:
            raise Interrupted
        self._immediate = True
        try:
            yield
        finally:
            self._immediate = False

    def __call__(self) -> bool:
        return self.signum is not None


class Batch:
    """One batch run: inputs to outputs, resumable, with a report."""

    def __init__(self, paths: list[str], output: str, read: ReadOptions, stages: tuple[str, ...],
                 opts: StageOptions, force: bool = False, quiet: bool = False) -> None:
        found = expand_inputs(paths)
        self.paths, self.folders = found.paths, found.folders
        self.output, self.read, self.stages, self.opts = output, read, stages, opts
        self.force, self.quiet = force, quiet
        self.pipeline: Pipeline | None = None
        self.reports = [InputReport(arg, status="failed", error=msg) for arg, msg in found.errors]
        self._first_input = len(self.reports)  # reports past this one are the inputs' own
        self.status = "complete"
        self.signum: int | None = None
        self.write_error: OutputError | None = None
        self.names = output_names(self.paths)
        self.id_stems = id_stems(self.paths)
        self.bar = None  # the progress bar, when stderr is a terminal

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

    def _check_output(self) -> None:
        """Refuse an output that would destroy an input or be read back as one, before any work."""
        if self.mode == "stdout":
            if sys.stdout is None:
                raise OutputError("standard output is closed; pass -o FILE or -o DIR/")
            return
        targets = [self.output] if self.mode == "file" else [str(Path(self.output) / n) for n in self.names.values()]
        check_output(self.output, targets, self.paths, self.folders)

    # --- the run
    def run(self) -> int:
        """Process every input; returns the exit status (see errors.py)."""
        self._check_output()
        started = time.time()
        with StopRequest() as stop:
            self.opts.should_stop = stop
            self.pipeline = Pipeline.build(self.stages, self.opts, self.read)  # loads the models: fail before work
            sig = self.pipeline.signature
            work = None if self.mode == "stdout" else self._work_dir()
            with contextlib.ExitStack() as held:
                if work is not None:
                    ensure_dir(work / MARKERS, "folder" if self.mode == "dir" else "the work folder")
                    held.enter_context(FolderLock(work / MARKERS, self.output))
                    remove_stale_temporaries(work)  # left by a run that was killed; none runs now
                    remove_stale_temporaries(work / MARKERS)
                if self.mode == "dir":  # until the run ends, run.json says so: an old "complete" never stays
                    self._try_write(self._write_run_json, sig, started, "running")
                if self.write_error is None:
                    self._loop(stop, sig, work)
                if self.write_error is None and self.mode == "file" and self.status == "complete":
                    self._try_write(self._assemble, work)
                if self.mode == "dir":
                    self._try_write(self._write_run_json, sig, started)
            if self.mode == "file" and self.status == "complete" and self.write_error is None:
                shutil.rmtree(work, ignore_errors=True)
            self.signum = stop.signum
        return self._summarise()

    def _loop(self, stop: StopRequest, sig: RunSignature, work: Path | None) -> None:
        """Each input in turn, until the end, a stop request or an output that cannot be written."""
        key_base = sig.key()
        self.bar = bar = self._bar()
        for path in self.paths:
            if stop():
                self.status = "interrupted"
                break
            report = InputReport(shown(path))
            self.reports.append(report)
            try:
                self._one(path, key_base, work, report, stop)
            except Interrupted:
                report.status = "pending"
                self.status = "interrupted"
                break
            except OutputError as e:  # disk full, read-only, stdout gone: the next input would fail the same way
                report.status = "failed"
                self.status, self.write_error = "failed", e
                break
            if bar:
                bar.update(1)
                bar.set_postfix(articles=sum(r.articles for r in self.reports), refresh=False)
        if bar:
            bar.close()

    def _try_write(self, write, *args) -> None:
        """Run a final write (run.json, the assembled file); a failure is reported, not a traceback."""
        try:
            write(*args)
        except OutputError as e:
            if self.write_error is None:
                self.write_error = e
                if self.status == "complete":
                    self.status = "failed"

    def _one(self, path: str, key_base: str, work: Path | None, report: InputReport, stop: StopRequest) -> None:
        """Process one input, or skip it when its completion marker and output match."""
        t0 = time.perf_counter()
        with stop.immediate():
            page = read_input(path, self.read)
        if isinstance(page, Input):
            report.status, report.error = "failed", page.error
            return
        key = hashlib.sha256(((page.digest or "") + key_base).encode()).hexdigest()
        name = self.names[path]
        if work is not None:
            out, marker = work / name, work / MARKERS / (name + ".done")
            report.output = shown(str(out)) if self.mode == "dir" else None
            state = "missing" if self.force else marker_state(out, marker, key)
            if state == "finished":
                self._count(report, self._read_back(out))
                report.status = "resumed"
                return
            if state == "changed":
                print(f"newsbrief: {shown(str(out))}: changed since it was written; redoing it", file=sys.stderr)
        with stop.immediate():
            src = self._parse(page)
        if src.error:
            report.status, report.error = "failed", src.error
            return
        records = src.articles
        if src.kind == "page" and not any(r.kind == "article" for r in records):
            print(f"newsbrief: {page.path}: warning: no article recognised; its text is kept as fragments",
                  file=sys.stderr)
        progress = None
        if self.bar:  # the bar moves per page; within a long page, count the model steps done
            steps, articles = itertools.count(1), sum(r.articles for r in self.reports)
            progress = lambda _n: self.bar.set_postfix(articles=articles, steps=next(steps))  # noqa: E731
        self.pipeline.apply(records, progress)
        if work is None:
            self._to_stdout(records)
        else:
            size, sha = write_atomic(out, records)
            write_marker(marker, key, size, sha)
        self._count(report, records)
        report.status = "done"
        report.seconds = round(time.perf_counter() - t0, 3)

    def _parse(self, page: PageText) -> Input:
        """An input's articles; a crash of the segmenter fails this input only (rule 4), saying so."""
        try:
            src = self.pipeline.segment(page)
        except Interrupted:
            raise
        except Exception as e:  # noqa: BLE001 - one page must not kill the batch
            return Input(page.path, error=f"internal error while segmenting ({type(e).__name__}: {e}); "
                                          "please report it with this page")
        stem = self.id_stems.get(page.path)
        if src.kind == "page" and stem:
            for r in src.articles:  # the segmenter's <folder>/<stem> is shared by another input
                r.id = stem + r.id[r.id.find("#"):]
        return src

    @staticmethod
    def _to_stdout(records: list[Article]) -> None:
        """Records as JSONL on stdout; a stdout that cannot be written is an OutputError (finding 4)."""
        try:
            for r in records:
                sys.stdout.write(dumps(r) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away (| head): run_cli ends quietly
        except (OSError, ValueError) as e:  # ValueError: stdout closed under us
            _silence_stdout()
            reason = describe_os_error(e) if isinstance(e, OSError) else str(e)
            raise OutputError(f"standard output: cannot write: {reason}") from None

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

    def _assemble(self, work: Path) -> None:
        """-o FILE: the finished inputs' parts joined in input order into FILE, atomically.

        When no input finished, FILE is left as it was: an existing output is
        replaced only by one this run produced (finding 1).
        """
        finished = {r.path for r in self.reports if r.status in ("done", "resumed")}
        if not finished:
            print(f"newsbrief: no input finished; {shown(self.output)} left as it was", file=sys.stderr)
            return
        records: list[Article] = []
        for path in self.paths:
            if shown(path) in finished:
                records.extend(self._read_back(work / self.names[path]))
        write_atomic(self.output, records)

    def _write_run_json(self, sig: RunSignature, started: float, status: str | None = None) -> None:
        """run.json: status, tool version, the run's signature (input options, models, settings), counts."""
        settled = sum(r.status in ("done", "resumed", "failed") for r in self.reports[self._first_input:])
        doc = {
            "tool": {"name": "newsbrief", "version": __version__},
            "status": status or self.status,
            "command": [shown(a) for a in sys.argv],
            "stages": list(sig.stages),
            "signature": sig.as_dict(),
            "device": self.pipeline.device,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
            "seconds": round(time.time() - started, 3),
            "counts": {
                "inputs": len(self.reports),
                "done": sum(r.status == "done" for r in self.reports),
                "resumed": sum(r.status == "resumed" for r in self.reports),
                "failed": sum(r.status == "failed" for r in self.reports),
                "pending": len(self.paths) - settled,
                "articles": sum(r.articles for r in self.reports),
                "fragments": sum(r.fragments for r in self.reports),
                "failed_articles": sum(len(r.failed_articles) for r in self.reports),
            },
            "inputs": [dataclasses.asdict(r) for r in self.reports],
            "failures": [{"input": r.path, "error": r.error} for r in self.reports if r.error]
                        + [{"input": r.path, "article": a} for r in self.reports for a in r.failed_articles],
        }
        write_text_atomic(Path(self.output) / "run.json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n")

    def _bar(self):
        if self.quiet or not sys.stderr.isatty() or self.mode == "stdout" and sys.stdout.isatty():
            return None
        from tqdm import tqdm

        return tqdm(total=len(self.paths), unit="page", desc="newsbrief", file=sys.stderr)

    def _summarise(self) -> int:
        """Report failures on stderr and return the exit status (errors.py)."""
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
        done = sum(r.status in ("done", "resumed") for r in self.reports)
        if self.write_error is not None:
            print(f"newsbrief: {self.write_error}", file=sys.stderr)
            print(f"newsbrief: stopped: {done} of {len(self.paths)} input(s) finished and kept; run the same "
                  "command again to resume once the output can be written", file=sys.stderr)
            return EXIT_WRITE_FAILED
        if self.status == "interrupted":
            print(f"newsbrief: interrupted: {done} of {len(self.paths)} input(s) finished. Run the same command "
                  "again to resume where it stopped.", file=sys.stderr)
            return exit_for_signal(self.signum or signal.SIGINT)
        if self.pipeline and self.pipeline.device:
            log.info(f"device: {self.pipeline.device}")
        return EXIT_FAILURES if failed_inputs or failed_articles else 0


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's stream): nothing is flushed at exit
