"""`--engine ray`: a run's units of work spread over a pool of Ray actors that load the models once (issue 11).

The driver (batch.Batch) expands the inputs, finds the units, names their
outputs and holds the output folder's lock; this module starts a local Ray (or
joins a cluster) and runs the units as a Ray Data pipeline:
`from_items(tasks).map_batches(UnitWorker, compute=ActorPoolStrategy(size=N))`,
one unit per batch, each task a plain dict (as JSON) and each answer a unit's
small reports. A worker calls the same unit.Runner.process as the local
engine, reading the inputs and writing the per-input files and completion
markers itself, so the records, the files and resume are the same.

`ray.data.llm` is not used: it serves vLLM/SGLang, which do not run
encoder-decoder models such as Marian. Ray Data's `write_json` is not used
either: it is not atomic and has no resume (issue 11: a driver killed with
`kill -9` and rerun appended every row again).

Failures: Ray restarts a worker that dies (killed, out of memory, its node
lost) and runs its unit again (at-least-once); the unit's markers make a
second run of it cost a marker check. A unit that kills RAY_TASK_RETRIES + 1
workers is skipped by Ray Data (max_errored_blocks) and fails here with a
message; no unit finishing for RAY_NO_PROGRESS_TIMEOUT_S stops the run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import math
import os
import queue
import socket
import sys
import tempfile
import threading
import time
import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from . import config, reaper
from .errors import EngineError, EngineStopped, OutputError, RunError, UsageError
from .io.read import ReadOptions, shown
from .io.write import write_text_atomic
from .jobs import Interrupted
from .models import threads
from .models.base import ModelError
from .options import RayOptions, StageOptions
from .unit import MARKERS, InputReport, UnitTask, fail_on_bug, reports_for

#: the environment that says where models are and whether the hub may be asked:
#: passed from the driver to every worker, which may run under another environment
FORWARDED_ENV = ("NEWSBRIEF_MODELS", "NEWSBRIEF_CT2_CACHE", "NEWSBRIEF_CACHE", "HF_HOME", "HF_HUB_CACHE",
                 "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")

#: what a driver without Ray is told (batch.Batch checks before it touches the output folder)
RAY_MISSING = "--engine ray needs Ray on this machine and every worker: pip install 'newsbrief[ray]'"


def quiet_env() -> dict[str, str]:
    """Ray's own lines kept off stderr, where newsbrief keeps its progress and messages (issue 11).

    The C++ core logs only fatal errors (errors become Python exceptions,
    which newsbrief reports); Ray Data logs to its file in the session folder
    and only errors to the console; no "repeated Nx" hints.
    """
    return {"RAY_BACKEND_LOG_LEVEL": "fatal", "RAY_DEDUP_LOGS": "0",
            "RAY_DATA_LOGGING_CONFIG": str(resources.files("newsbrief") / "ray_logging.yaml")}


@dataclass(frozen=True)
class Plan:
    """The worker pool: how many workers, and what each reserves (its CPUs are its torch threads)."""

    workers: int
    cpus: int
    gpus: float


def plan_workers(nodes: list[tuple[float, float]], workers: int | None, gpus_per_worker: float) -> Plan:
    """The pool for a cluster of nodes given as (CPUs, GPUs); raises UsageError for one that cannot be placed.

    Each worker gets an equal whole number of CPUs that every node used can
    give its share of workers, and the pool leaves RAY_SPARE_CPUS of the
    cluster free for Ray's own tasks; Ray's scheduler spreads the workers.
    """
    if gpus_per_worker < 0:
        raise UsageError(f"--gpus-per-worker {gpus_per_worker:g}: must be 0 or more")
    used = [(c, g) for c, g in nodes if c >= 1 and (gpus_per_worker == 0 or g >= gpus_per_worker)]
    if not used:
        have = f"{sum(g for _, g in nodes):g} GPU(s)" if gpus_per_worker else "no CPU"
        raise UsageError(f"--gpus-per-worker {gpus_per_worker:g}: the cluster has {have} on "
                         f"{len(nodes)} node(s); no worker can be placed")
    if gpus_per_worker:
        fit = sum(math.floor(g / gpus_per_worker + 1e-9) for _, g in used)
        workers = workers or fit
        if workers > fit:
            raise UsageError(f"--workers {workers} --gpus-per-worker {gpus_per_worker:g}: the cluster's "
                             f"{sum(g for _, g in used):g} GPU(s) hold {fit} such worker(s)")
    workers = workers or len(used)
    total = sum(c for c, _ in nodes)
    cpus = max(1, int(min(c for c, _ in used) // math.ceil(workers / len(used))))
    while cpus > 1 and total - workers * cpus < config.RAY_SPARE_CPUS:
        cpus -= 1
    if sum(int(c // cpus) for c, _ in used) < workers or total - workers * cpus < config.RAY_SPARE_CPUS:
        raise UsageError(f"--workers {workers}: the cluster has {total:g} CPU(s) on {len(nodes)} node(s); each "
                         f"worker needs one at least, and {config.RAY_SPARE_CPUS} must stay free for Ray's own "
                         "tasks")
    return Plan(workers, cpus, gpus_per_worker)


def worker_setup(read: ReadOptions, stages: tuple[str, ...], opts: StageOptions, cpus: int,
                 probe: Path) -> dict[str, Any]:
    """What a worker is made from, plain values only: the run's options, its CPUs, the file that shows it
    sees the output folder (probe, inside it), the driver's working folder and the environment it forwards."""
    options = {f.name: getattr(opts, f.name) for f in dataclasses.fields(opts) if f.name != "should_stop"}
    return {"env": {k: os.environ[k] for k in FORWARDED_ENV if k in os.environ}, "cwd": os.getcwd(),
            "cpus": cpus, "read": dataclasses.asdict(read), "stages": list(stages), "options": options,
            "probe": str(probe.resolve()), "work": shown(str(probe.parent.parent.resolve()))}


class UnitWorker:
    """A Ray actor's body: the models loaded once, then one unit of work per call through Runner.process."""

    def __init__(self, setup: dict[str, Any]) -> None:
        self.error: str | None = None
        self.told = False  # whether an answer carried this worker's signature yet
        self.host = socket.gethostname()
        try:
            os.environ.update(setup["env"])  # before transformers is imported: it reads these once
            threads.set_budget(setup["cpus"])
            if not os.path.exists(setup["probe"]):
                raise EngineError(f"does not see the output folder {setup['work']}: --engine ray needs -o DIR/ on "
                                  "a filesystem every node sees (NFS, a cluster filesystem), at the same path")
            os.chdir(setup["cwd"])  # relative input paths mean what they mean to the driver
            from .pipeline import Pipeline
            from .unit import Runner

            tasks, opts = tuple(setup["stages"]), StageOptions(**setup["options"])
            self.runner = Runner(Pipeline.build(tasks, opts, ReadOptions(**setup["read"])), tasks)
        except (RunError, ModelError) as e:  # a model that is not there, an output this node cannot see
            self.error = str(e)
        except Exception as e:  # noqa: BLE001 - said to the driver in each answer, with the node's name
            self.error = f"{type(e).__name__}: {e}"

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        """Ray Data's call: a batch of units (one, as map_batches is told) to their answers, as JSON."""
        return {"index": list(batch["index"]),
                "answer": [json.dumps(self.answer(json.loads(t)), ensure_ascii=False) for t in batch["task"]]}

    def answer(self, task: dict[str, Any]) -> dict[str, Any]:
        """One unit's reports, with the signature its markers are keyed by; or why it cannot be done."""
        if self.error:
            return {"fatal": f"the Ray worker on {self.host} cannot run: {self.error}"}
        unit = UnitTask.from_dict(task)
        reports = reports_for(unit.paths)
        write_error = None
        try:
            self.runner.process(unit, reports)
        except OutputError as e:  # the run stops; the unit's reports say which inputs failed on it
            write_error = str(e)
        except Exception as e:  # noqa: BLE001 - a bug on one unit fails that unit, not the run (rule 4)
            fail_on_bug(reports, e, f" on {self.host}")
        pipeline = self.runner.pipeline
        out = {"reports": [dataclasses.asdict(r) for r in reports], "host": self.host, "key": self.runner.key_base}
        if write_error is not None:
            out["write_error"] = write_error
        if not self.told:  # the whole signature once per worker; its hash with every answer
            out.update(signature=pipeline.signature.as_dict(), device=pipeline.device)
            self.told = True
        return out


@contextlib.contextmanager
def _quiet_stderr(doing: str):
    """Ray's C++ core writes log lines to fd 2 as it starts and stops; keep them, and show them only on failure."""
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 2)
        try:
            yield
        except Interrupted:
            raise
        except Exception as e:
            os.dup2(saved, 2)
            caught.seek(0)
            lines = caught.read().decode("utf-8", "replace").strip().splitlines()
            raise EngineError(f"Ray did not {doing}: {type(e).__name__}: {_first_line(e)}"
                              + "".join(f"\n  {ln}" for ln in lines[-5:])) from None
        finally:
            os.dup2(saved, 2)
            os.close(saved)


class RayEngine:
    """A Ray session for one run: the cluster (started or joined), and the pool of workers its units run on."""

    def __init__(self, options: RayOptions, read: ReadOptions, stages: tuple[str, ...], opts: StageOptions,
                 work: Path, stop) -> None:
        self.options, self.read, self.stages, self.opts, self.work, self.stop = (options, read, stages, opts,
                                                                                 work, stop)
        self.plan: Plan | None = None
        self.info: dict[str, Any] = {"name": "ray", "address": options.address or "local"}  # run.json's engine
        self.signature: dict[str, Any] | None = None  # the workers' (they load the models; the driver does not)
        self.device: str | None = None
        self._key: str | None = None
        self._reaper = None
        self._probe = work / MARKERS / f"probe-{uuid.uuid4().hex}"

    # --- start and stop
    def __enter__(self) -> RayEngine:
        try:
            import ray
        except ImportError:
            raise UsageError(RAY_MISSING) from None
        self.ray = ray
        try:
            with self.stop.immediate():  # Ctrl-C while Ray starts: stop at once, what started is ended
                self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        # the run's outcome is settled: what Ray Data says while a stopped run is torn down is noise
        logging.getLogger("ray.data").setLevel(logging.CRITICAL)
        if self.ray.is_initialized():  # a local Ray ends its processes; a cluster keeps running
            with contextlib.suppress(Exception), _quiet_stderr("shut down"):
                self.ray.shutdown()
        if self._reaper is not None:  # what shutdown left (its agents) goes now
            self._reaper.stdin.close()
            self._reaper.wait()
            self._reaper = None
        self._probe.unlink(missing_ok=True)

    def _start(self) -> None:
        """Start or join Ray and plan the pool of workers (they start with the run)."""
        ray = self.ray
        t0 = time.monotonic()
        for k, v in quiet_env().items():
            os.environ.setdefault(k, v)
        kwargs = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        with _quiet_stderr("start"):
            if self.options.address is None:
                self._reaper = reaper.start()
                # "local": a new Ray for this run, even where RAY_ADDRESS names a cluster; the spare
                # logical CPUs let the workers have every core and Ray's own tasks still run. No idle
                # Python workers started in advance: the pool's actors start their own, and on 2 cores
                # the idle ones only slowed the start (8.4 s -> 4.9 s to a running Ray, issue 11)
                ray.init(address="local", num_cpus=threads.available_cpus() + config.RAY_SPARE_CPUS,
                         _system_config={"enable_worker_prestart": False, "prestart_worker_first_driver": False},
                         **kwargs)
            else:
                ray.init(address=self.options.address, **kwargs)
        self.stop.reinstall()  # ray.init takes SIGTERM; our handler stops the run cleanly
        nodes = [(n["Resources"].get("CPU", 0.0), n["Resources"].get("GPU", 0.0)) for n in ray.nodes() if n["Alive"]]
        self.plan = p = plan_workers(nodes, self.options.workers, self.options.gpus_per_worker)
        for old in self._probe.parent.glob("probe-*"):  # a killed run's; the folder lock says none runs now
            old.unlink(missing_ok=True)
        write_text_atomic(self._probe, "newsbrief: each worker checks that it sees this file\n")
        self.info.update(workers=p.workers, cpus_per_worker=p.cpus, gpus_per_worker=p.gpus, threads_per_worker=p.cpus,
                         nodes=len(nodes), start_seconds=round(time.monotonic() - t0, 3))

    def _dataset(self, tasks: list[UnitTask]):
        """The pipeline: one block and one batch per unit, through a fixed pool of UnitWorkers."""
        from ray.data import ActorPoolStrategy, DataContext, from_items

        ctx = DataContext.get_current()
        ctx.enable_progress_bars = False  # newsbrief keeps its own progress
        ctx.max_errored_blocks = -1  # a unit whose workers all died fails alone (see run); the others go on
        ctx.execution_no_progress_timeout_s = config.RAY_NO_PROGRESS_TIMEOUT_S
        items = [{"index": i, "task": json.dumps(dataclasses.asdict(t), ensure_ascii=False)}
                 for i, t in enumerate(tasks)]
        with warnings.catch_warnings():
            # max_task_retries has no named parameter yet (Ray 2.60 deprecates the others' kwargs form);
            # without it Ray Data retries a unit that kills its worker for ever
            warnings.simplefilter("ignore", DeprecationWarning)
            return from_items(items, override_num_blocks=len(items)).map_batches(
                UnitWorker, batch_size=1,
                fn_constructor_kwargs={"setup": worker_setup(self.read, self.stages, self.opts, self.plan.cpus,
                                                             self._probe)},
                compute=ActorPoolStrategy(size=self.plan.workers), num_cpus=self.plan.cpus,
                num_gpus=self.plan.gpus or None, max_task_retries=config.RAY_TASK_RETRIES)

    # --- the run
    def run(self, tasks: list[UnitTask], stop, settled: Callable[[int, list[InputReport]], None]):
        """Run every unit, calling settled(index, reports) as each comes back.

        Returns None when every unit settled, "interrupted" after a stop
        request (the units in flight are redone by a rerun), or the RunError
        that stopped the run.
        """
        from ray.data.exceptions import ExecutionTimeoutError

        t0 = time.monotonic()
        left = set(range(len(tasks)))
        hosts: set[str] = set()
        rows: queue.Queue = queue.Queue()
        # Ray Data is driven from a thread of its own: a signal then stops the run here, at once (waiting
        # for the workers could take minutes), never by an exception raised inside Ray's code
        threading.Thread(target=self._pump, args=(tasks, rows), daemon=True, name="newsbrief-ray").start()
        while True:
            try:
                with stop.immediate():
                    kind, row = rows.get()
            except Interrupted:
                return "interrupted"
            if kind == "end":
                break
            if kind == "error":
                if isinstance(row, ExecutionTimeoutError):
                    return EngineStopped(f"no unit of work finished in {config.RAY_NO_PROGRESS_TIMEOUT_S} s on "
                                         f"{self.plan.workers} Ray worker(s): the cluster looks stuck (`ray status`, "
                                         "and the logs under /tmp/ray/session_latest/logs on each node)")
                return EngineStopped(f"Ray stopped the run: {type(row).__name__}: {_first_line(row)}")
            answer = json.loads(row["answer"])
            if "fatal" in answer:
                return (EngineStopped if len(left) < len(tasks) else EngineError)(answer["fatal"])
            problem = self._check(answer)
            if problem:
                return EngineStopped(problem)
            i = int(row["index"])
            hosts.add(answer["host"])
            self.info.update(hosts=sorted(hosts))
            self.info.setdefault("first_unit_seconds", round(time.monotonic() - t0, 3))
            left.discard(i)
            settled(i, [InputReport(**r) for r in answer["reports"]])
            if "write_error" in answer:  # the next unit would fail the same way (as in the local engine)
                return OutputError(answer["write_error"])
        for i in sorted(left):  # Ray Data skipped them: every worker that tried died
            settled(i, reports_for(tasks[i].paths, status="failed",
                                   error=f"{config.RAY_TASK_RETRIES + 1} Ray workers died while doing it (out of "
                                         "memory?); run again to retry it"))
        return None

    def _pump(self, tasks: list[UnitTask], rows: queue.Queue) -> None:
        """Put the units' answers on rows as Ray Data yields them, then ("end", None) or ("error", exception)."""
        try:
            for row in self._dataset(tasks).iter_rows():
                rows.put(("row", row))
            rows.put(("end", None))
        except Exception as e:  # noqa: BLE001 - whatever stopped Ray Data, run() says it in one line
            rows.put(("error", e))

    def _check(self, answer: dict[str, Any]) -> str | None:
        """Why the workers would not make the same records (their signatures differ), or None."""
        if self._key is None:
            self._key = answer["key"]
        if "signature" in answer and self.signature is None:
            self.signature, self.device = answer["signature"], answer["device"]
        if answer["key"] == self._key:
            return None
        mine, theirs = self.signature or {}, answer.get("signature") or {}
        differ = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)) or ["settings"]
        return (f"the Ray worker on {answer['host']} would not produce the same records as the others (they differ "
                f"in: {', '.join(differ)}): every node needs the same newsbrief, torch and model files")


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
