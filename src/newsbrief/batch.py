"""Batch runs over many inputs that survive crashes, signals, full disks and bad input.

This is the driver of a run. It expands the inputs, names their outputs, finds
the units of work (an input, or the pages a jump joins: issue 13), holds the
output folder's lock, and hands each unit to an engine as a UnitTask: this
process (the local engine), or a pool of Ray workers (`--engine ray`,
ray_engine.py). Either engine does a unit with the same unit.Runner.process
(read, segment, stages, per-input JSONL written atomically, completion
markers keyed by the unit's input bytes and the run's signature), so the
records and resume are the same. From the reports that come back the driver
keeps the progress, run.json, the -o FILE assembly and the exit status. A
rerun skips every unit whose markers match, so a run killed at any moment and
rerun ends with exactly the output of an uninterrupted one (datatrove's
completion markers, in miniature). Outputs are checked before any work
(io/outputs.py) and one run at a time holds an output folder (io/lock.py);
what stops a whole run and its exit status is errors.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import itertools
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

from . import __version__, log
from .errors import EXIT_FAILURES, OutputError, RunError, UsageError, exit_for_signal
from .io.jsonl import dumps, write_atomic
from .io.lock import FolderLock
from .io.outputs import check_output, id_stems, output_names
from .io.read import STDIN, ReadOptions, expand_inputs, shown
from .io.sources import Input, read_input
from .io.write import describe_os_error, ensure_dir, remove_stale_temporaries, write_text_atomic
from .jobs import Interrupted
from .models import threads
from .options import RayOptions, StageOptions
from .pipeline import Pipeline
from .records import Article
from .stages.segment import Segment
from .unit import MARKERS, InputReport, Parsed, Runner, UnitTask, fail_on_bug, parse, read_back, reports_for


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
            _err("newsbrief: stopped at once; run the same command again to resume")
            os._exit(exit_for_signal(signum))
        self.signum = signum
        if self._immediate:
            raise Interrupted
        _err("newsbrief: stopping after the batch in flight (signal again to stop at once)")

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

    def reinstall(self) -> None:
        """Take SIGINT and SIGTERM back from a library that replaced our handlers (ray.init does: issue 11)."""
        for sig in self._old:
            signal.signal(sig, self._handle)


def _missing(folder: Path) -> list[Path]:
    """The folder and those of its parents that do not exist yet, deepest first.

    A parent that cannot be looked at ends the walk: ensure_dir then says why
    in words (Path.exists raises PermissionError there: session-24 review).
    """
    missing = []
    while folder != folder.parent:
        try:
            os.lstat(folder)
            break
        except FileNotFoundError:
            missing.append(folder)
            folder = folder.parent
        except OSError:
            break
    return missing


class Batch:
    """One batch run: inputs to outputs, resumable, with a report (the driver: see the module docstring)."""

    def __init__(self, paths: list[str], output: str, read: ReadOptions, stages: tuple[str, ...],
                 opts: StageOptions, force: bool = False, quiet: bool = False,
                 ray: RayOptions | None = None) -> None:
        found = expand_inputs(paths)
        self.paths, self.folders = found.paths, found.folders
        self.output, self.read, self.stages, self.opts = output, read, stages, opts
        self.force, self.quiet = force, quiet
        self.ray = ray  # --engine ray's options; None runs every unit in this process
        self.runner: Runner | None = None  # the local engine's
        self.errors = [InputReport(arg, status="failed", error=msg) for arg, msg in found.errors]
        self.slots: list[list[InputReport] | None] = []  # each unit's reports, in unit order, once it settled
        self.articles = 0  # articles in the settled units, for the progress bar
        self.status = "complete"
        self.began = False  # the local models are loaded (or Ray is up): from here on the output folder is the run's
        self.signum: int | None = None
        self.write_error: RunError | None = None  # an output that cannot be written, a Ray cluster that stopped
        self.names = output_names(self.paths)
        self.id_stems = id_stems(self.paths)
        # for run.json: the run's signature and device (from the local pipeline, or from the Ray workers)
        self.signature: dict[str, Any] | None = None
        self.device: str | None = None
        self.engine: dict[str, Any] = {"name": "local"}
        self.bar = None  # the progress bar, when stderr is a terminal
        self._parsed: Parsed = {}  # inputs segmented early to find jumps (_units), for the local engine

    @property
    def reports(self) -> list[InputReport]:
        """Every report so far: arguments that named nothing, then the units' inputs in unit order."""
        return self.errors + [r for unit in self.slots if unit for r in unit]

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
        if self.ray is not None:
            if self.mode != "dir":  # workers on other machines write each input's file themselves
                raise UsageError("--engine ray writes one file per input: give -o DIR/ (ending in /) on a "
                                 "filesystem every node of the cluster sees")
            if STDIN in self.paths:
                raise UsageError("--engine ray reads files the workers can open: standard input (-) cannot "
                                 "be one; save it to a file first")
            if importlib.util.find_spec("ray") is None:  # (find_spec does not import it)
                from .ray_engine import RAY_MISSING

                raise UsageError(RAY_MISSING)
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
        work = None if self.mode == "stdout" else self._work_dir()
        with StopRequest() as stop, contextlib.ExitStack() as held:
            engine = None
            try:
                if work is not None:  # before the models load: a second run is refused in seconds, not minutes
                    self._hold(work, held)
                if self.ray is None:
                    self.opts.should_stop = stop
                    pipeline = Pipeline.build(self.stages, self.opts, self.read)  # loads the models: fail early
                    self.runner = Runner(pipeline, self.stages)
                    self.signature, self.device = pipeline.signature.as_dict(), pipeline.device
                    self.engine = {"name": "local", "threads": threads.budget()}
                if self.ray is not None:  # a cluster is started or joined once the output folder is ours
                    from .ray_engine import RayEngine

                    engine = held.enter_context(RayEngine(self.ray, self.read, self.stages, self.opts, work, stop))
                    self.engine = engine.info
            except Interrupted:  # while Ray and its workers were starting
                self.status = "interrupted"
            self.began = True
            if self.mode == "dir" and self.status == "complete":  # until the run ends, run.json says so
                self._try_write(self._write_run_json, started, "running")
            if self.write_error is None and self.status == "complete":
                self._loop(stop, work, engine)
            if self.write_error is None and self.mode == "file" and self.status == "complete":
                self._try_write(self._assemble, work)
            if self.mode == "dir":
                self._try_write(self._write_run_json, started)
        if self.mode == "file" and self.status == "complete" and self.write_error is None:
            shutil.rmtree(work, ignore_errors=True)
        self.signum = stop.signum
        return self._summarise()

    def _hold(self, work: Path, held: contextlib.ExitStack) -> None:
        """Create the work folder, lock it for this run, and clear what a killed run left there."""
        made = _missing(work / MARKERS)
        held.callback(self._unmake, made)  # (an ExitStack unwinds backwards: this runs once the lock is dropped)
        if self.mode == "file":  # an -o under a file is said of the user's path, not of the hidden work folder's
            ensure_dir(Path(self.output).parent)
        ensure_dir(work / MARKERS, "folder" if self.mode == "dir" else "the work folder")
        lock = held.enter_context(FolderLock(work / MARKERS, self.output))
        if work / MARKERS in made:  # only a lock this run made goes; FolderLock re-checks the file it locked
            held.callback(lambda: self.began or lock.path.unlink(missing_ok=True))
        remove_stale_temporaries(work)  # left by a run that was killed; none runs now
        remove_stale_temporaries(work / MARKERS)

    def _unmake(self, made: list[Path]) -> None:
        """Remove the folders _hold created when the run could not begin (a model that cannot load).

        A mistyped model name used to leave `-o DIR/` behind holding only
        `.newsbrief/lock` (session-23 review). Only empty folders go. With
        --engine ray the workers load their models once the run has begun, so
        a model they cannot load leaves the folder and its run.json.
        """
        if self.began:
            return
        for folder in made:
            try:
                folder.rmdir()
            except OSError:
                return

    def _loop(self, stop: StopRequest, work: Path | None, engine) -> None:
        """Every unit through the engine, until the end, a stop request or a run-stopping error."""
        self.bar = self._bar()
        try:
            units = self._units(stop)
        except Interrupted:
            self.status, units = "interrupted", []
        tasks = [UnitTask(tuple(unit), tuple(self.names[p] for p in unit), tuple(self.id_stems.get(p) for p in unit),
                          None if work is None else str(work), self.mode == "dir", self.force) for unit in units]
        self.slots = [None] * len(tasks)
        if engine is None:
            self._local(stop, tasks)
        elif tasks and self.status == "complete":
            outcome = engine.run(tasks, stop, self._settled)
            self.signature, self.device = engine.signature, engine.device
            if outcome == "interrupted":
                self.status = "interrupted"
            elif isinstance(outcome, RunError):
                self.status, self.write_error = "failed", outcome
        if self.bar:
            self.bar.close()

    def _local(self, stop: StopRequest, tasks: list[UnitTask]) -> None:
        """The local engine: each unit in turn in this process."""
        sink = self._to_stdout if self.mode == "stdout" else None
        for i, task in enumerate(tasks):
            if stop():
                self.status = "interrupted"
                break
            reports = reports_for(task.paths)
            try:
                self.runner.process(task, reports, stop, self._progress(), sink, self._parsed)
            except Interrupted:
                for report in reports:
                    if report.status != "failed":
                        report.status = "pending"
                self.slots[i], self.status = reports, "interrupted"
                self._say(reports)  # what the unit had to say before the stop is still said
                break
            except OutputError as e:  # disk full, read-only, stdout gone: the next unit would fail the same way
                self.slots[i] = reports  # (its inputs not written are failed with e, by process)
                self._say(reports)
                self.status, self.write_error = "failed", e
                break
            except BrokenPipeError:  # the reader of stdout went away (| head): stop, as `yes | head` does; the
                # status says only what failed before (Click's own EPIPE handling exits 1 whatever happened)
                _silence(sys.stdout)
                self.status = "reader gone"
                break
            except Exception as e:  # noqa: BLE001 - as the Ray engine does: the unit fails, the run goes on
                fail_on_bug(reports, e)
            self._settled(i, reports)

    def _settled(self, i: int, reports: list[InputReport]) -> None:
        """A unit's reports came back: keep them, say what they say, move the progress bar."""
        self.slots[i] = reports
        self.articles += sum(r.articles for r in reports)
        self._say(reports)
        if self.bar:
            self.bar.update(len(reports))
            self.bar.set_postfix(articles=self.articles, refresh=False)

    @staticmethod
    def _say(reports: list[InputReport]) -> None:
        """A unit's messages (changed since written, no article recognised, failed articles) on stderr."""
        for report in reports:
            for line in report.messages:
                _err(f"newsbrief: {line}")

    def _progress(self):
        """Within a long page, the bar counts the model steps done (the bar itself moves per page)."""
        if not (self.bar and self.stages):
            return None
        steps, articles = itertools.count(1), self.articles
        return lambda _n: self.bar.set_postfix(articles=articles, steps=next(steps))

    def _try_write(self, write, *args) -> None:
        """Run a final write (run.json, the assembled file); a failure is reported, not a traceback."""
        try:
            write(*args)
        except OutputError as e:
            if self.write_error is None:
                self.write_error = e
                if self.status == "complete":
                    self.status = "failed"

    def _units(self, stop: StopRequest) -> list[list[str]]:
        """Inputs processed together: pages joined by a jump are one unit of work (issue 13), others one each.

        Finding jumps needs every page segmented first (milliseconds a page);
        the local engine keeps the parsed inputs for its units (a Ray worker
        reads and segments its own). Without model stages nothing is stitched,
        so `segment` output stays one record per printed part.
        """
        if not self.stages or len(self.paths) < 2:
            return [[p] for p in self.paths]
        from .stitch import units

        segment = Segment(self.read)
        groups = []
        for path in self.paths:
            with stop.immediate():
                page = read_input(path, self.read)
                src = None if isinstance(page, Input) else parse(segment, page, self.id_stems.get(path))
            if self.ray is None:
                self._parsed[path] = (page, src)
            groups.append(src.articles if src is not None and not src.error else [])
        return [[self.paths[i] for i in unit] for unit in units(groups)]

    @staticmethod
    def _to_stdout(records: list[Article]) -> None:
        """Records as JSONL on stdout; a stdout that cannot be written is an OutputError (finding 4)."""
        try:
            for r in records:
                sys.stdout.write(dumps(r) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away (| head): _local ends the run quietly
        except (OSError, ValueError) as e:  # ValueError: stdout closed under us
            _silence(sys.stdout)
            reason = describe_os_error(e) if isinstance(e, OSError) else str(e)
            raise OutputError(f"standard output: cannot write: {reason}") from None

    def _assemble(self, work: Path) -> None:
        """-o FILE: the finished inputs' parts joined in input order into FILE, atomically.

        When no input finished, FILE is left as it was: an existing output is
        replaced only by one this run produced (finding 1).
        """
        finished = {r.path for r in self.reports if r.status in ("done", "resumed")}
        if not finished:
            _err(f"newsbrief: no input finished; {shown(self.output)} left as it was")
            return
        records: list[Article] = []
        for path in self.paths:
            if shown(path) in finished:
                records.extend(read_back(work / self.names[path]))
        write_atomic(self.output, records)

    def _write_run_json(self, started: float, status: str | None = None) -> None:
        """run.json: status, tool version, engine, the run's signature (input options, models, revisions,
        settings), counts, failures. Under --engine ray the signature is the workers' (null until one answers)."""
        reports = self.reports
        inputs = reports[len(self.errors):]
        settled = sum(r.status in ("done", "resumed", "failed") for r in inputs)
        sig = self.signature
        doc = {
            "tool": {"name": "newsbrief", "version": __version__},
            "status": status or self.status,
            "command": [shown(a) for a in sys.argv],
            "engine": self.engine,
            "stages": sig["stages"] if sig else None,
            "signature": sig,
            "device": self.device,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
            "seconds": round(time.time() - started, 3),
            "counts": {
                "inputs": len(reports),
                "done": sum(r.status == "done" for r in reports),
                "resumed": sum(r.status == "resumed" for r in reports),
                "failed": sum(r.status == "failed" for r in reports),
                "pending": len(self.paths) - settled,
                "articles": sum(r.articles for r in reports),
                "fragments": sum(r.fragments for r in reports),
                "failed_articles": sum(len(r.failed_articles) for r in reports),
            },
            "inputs": [{k: v for k, v in dataclasses.asdict(r).items() if k != "messages"} for r in reports],
            "failures": [{"input": r.path, "error": r.error} for r in reports if r.error]
                        + [{"input": r.path, "article": a} for r in reports for a in r.failed_articles],
        }
        write_text_atomic(Path(self.output) / "run.json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n")

    def _bar(self):
        if self.quiet or not sys.stderr.isatty() or self.mode == "stdout" and sys.stdout.isatty():
            return None
        from tqdm import tqdm

        return tqdm(total=len(self.paths), unit="page", desc="newsbrief", file=sys.stderr)

    def _summarise(self) -> int:
        """Report failures on stderr and return the exit status (errors.py)."""
        reports = self.reports
        for r in reports:
            if r.error:
                _err(f"newsbrief: {r.path}: {r.error}")
        failed_inputs = [r for r in reports if r.status == "failed"]
        failed_articles = sum(len(r.failed_articles) for r in reports)
        articles = sum(r.articles for r in reports)
        if failed_articles:
            _err(f"newsbrief: {failed_articles} of {articles} article(s) failed (status \"error\" in their records)")
        if failed_inputs:
            _err(f"newsbrief: {len(failed_inputs)} input(s) failed")
        done = sum(r.status in ("done", "resumed") for r in reports)
        if self.write_error is not None:
            if all(r.error != str(self.write_error) for r in reports):  # else said above, with its inputs
                _err(f"newsbrief: {self.write_error}")
            what = ("once the output can be written" if isinstance(self.write_error, OutputError)
                    else "once the cluster works again")
            _err(f"newsbrief: stopped: {done} of {len(self.paths)} input(s) finished and kept; run the same "
                 f"command again to resume {what}")
            return self.write_error.exit_code
        if self.status == "interrupted":
            _err(f"newsbrief: interrupted: {done} of {len(self.paths)} input(s) finished. Run the same command "
                 "again to resume where it stopped.")
            return exit_for_signal(self.signum or signal.SIGINT)
        if self.device:
            log.info(f"device: {self.device}")
        return EXIT_FAILURES if failed_inputs or failed_articles else 0


def _silence(stream) -> None:
    """Point stream (stdout, stderr) at /dev/null, so that Python's flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's stream): nothing is flushed at exit


def _err(line: str) -> None:
    """A line on stderr; when its reader has gone (`2>&1 | head`), stderr goes quiet and the run goes on.

    Lost, the run's messages had stopped it part-way with run.json still `running`
    (hostile test, session 23): the records on disk matter more than the lines saying so.
    """
    try:
        print(line, file=sys.stderr)
    except BrokenPipeError:
        _silence(sys.stderr)
