"""--engine ray (issue 11): the same records and the same resume as the local engine, across workers that die.

The first tests need no Ray; the others start a local Ray (2 cores, no
dashboard) in a `newsbrief run --engine ray` subprocess with the tiny T5, and
are skipped where ray is not installed. Kills are driven by completion markers
appearing, never by sleeping.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.errors import UsageError
from newsbrief.io.read import ReadOptions
from newsbrief.models import threads
from newsbrief.options import StageOptions
from newsbrief.ray_engine import Plan, UnitWorker, plan_workers, worker_setup
from newsbrief.reaper import alive, ray_descendants
from newsbrief.unit import UnitTask

from .conftest import SEED
from .test_batch import records_of
from .test_stitch import CONT_MEETING, OWN_ARTICLE, SEED_TEXT, _issue

runner = CliRunner()


@pytest.mark.parametrize("nodes, workers, gpus, plan", [
    ([(3, 0)], None, 0, Plan(1, 2, 0)),  # a local Ray on 2 cores (one spare logical CPU): both cores to one worker
    ([(3, 0)], 2, 0, Plan(2, 1, 0)),
    ([(16, 0), (16, 0), (16, 0)], None, 0, Plan(3, 15, 0)),  # one worker per node; one CPU left for Ray
    ([(16, 0), (8, 0)], 4, 0, Plan(4, 4, 0)),  # every node can hold its share
    ([(8, 4), (8, 4)], None, 1, Plan(8, 1, 1)),  # one worker per GPU
    ([(8, 1)], None, 0.5, Plan(2, 3, 0.5)),  # two workers share a GPU
    ([(4, 0), (32, 2)], None, 1, Plan(2, 16, 1)),  # a CPU-only head node gets no GPU worker, and runs Ray's tasks
])
def test_plan_workers(nodes, workers, gpus, plan):
    assert plan_workers(nodes, workers, gpus) == plan


@pytest.mark.parametrize("nodes, workers, gpus, message", [
    ([(2, 0)], 3, 0, "--workers 3: the cluster has 2 CPU(s) on 1 node(s)"),
    # issue 11: a pool that took every CPU deadlocked Ray Data on 2 cores
    ([(2, 0)], 2, 0, "1 must stay free for Ray's own tasks"),
    ([(8, 0)], None, 1, "--gpus-per-worker 1: the cluster has 0 GPU(s)"),
    ([(8, 2)], 3, 1, "GPU(s) hold 2 such worker(s)"),
])
def test_plan_workers_refuses_a_pool_that_cannot_be_placed(nodes, workers, gpus, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        plan_workers(nodes, workers, gpus)


@pytest.mark.parametrize("args, message", [
    (["-o", "OUT.jsonl"], "--engine ray writes one file per input: give -o DIR/"),
    (["-o", "-"], "--engine ray writes one file per input: give -o DIR/"),
    (["--workers", "2", "--engine", "local", "-o", "OUT/"], "--workers: only with --engine ray"),
    (["--engine", "spark", "-o", "OUT/"], "'spark' is not one of 'local', 'ray'"),
])
def test_engine_options_are_checked_before_any_work(tmp_path, args, message):
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    engine = [] if "--engine" in args else ["--engine", "ray"]
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", "none", *engine, *args])
    assert res.exit_code == 2 and message in res.stderr
    assert not (tmp_path / "out").exists()


def test_regression_ray_missing_is_said_before_the_output_folder_is_made(tmp_path, monkeypatch):
    # the import of ray came after the output folder had been made and locked: a machine
    # without Ray was left an empty out/ behind the message
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else find_spec(name, *a))
    out = tmp_path / "out"
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", "none", "--engine", "ray",
                              "-o", f"{out}/"])
    assert res.exit_code == 2 and "pip install 'newsbrief[ray]'" in res.stderr
    assert not out.exists()


def _unit_worker(out: Path, probe: bool = True) -> tuple[UnitWorker, dict]:
    """A UnitWorker in this process (Ray calls the same methods), and a task for the seed page into out/."""
    (out / ".newsbrief").mkdir(parents=True)
    seen = out / ".newsbrief" / "probe-test"
    if probe:
        seen.write_text("", encoding="utf-8")
    worker = UnitWorker(worker_setup(ReadOptions(), ("summarize",), StageOptions(), 1, seen))
    return worker, dataclasses.asdict(UnitTask((str(SEED),), ("seed.jsonl",), (None,), str(out), True))


def test_a_unit_done_twice_costs_a_marker_check_and_the_worker_says_its_signature_once(tmp_path, monkeypatch):
    monkeypatch.setattr(threads, "_budget", None)  # the worker sets its CPUs; not for the tests after this one
    worker, task = _unit_worker(tmp_path / "out")
    batch = worker({"index": [7], "task": [json.dumps(task)]})  # as Ray Data calls it
    assert batch["index"] == [7]
    first = json.loads(batch["answer"][0])
    written = (tmp_path / "out" / "seed.jsonl").stat().st_mtime_ns
    again = worker.answer(task)  # a retried or duplicated task
    assert [r["status"] for r in first["reports"]] == ["done"] and first["reports"][0]["articles"] == 7
    assert [r["status"] for r in again["reports"]] == ["resumed"]
    assert (tmp_path / "out" / "seed.jsonl").stat().st_mtime_ns == written
    assert first["signature"]["summarizer"]["id"] == "lead" and "signature" not in again
    assert first["key"] == again["key"]


def test_a_worker_that_does_not_see_the_output_folder_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(threads, "_budget", None)
    worker, task = _unit_worker(tmp_path / "out", probe=False)
    assert "cannot run: does not see the output folder" in worker.answer(task)["fatal"]
    assert not (tmp_path / "out" / "seed.jsonl").exists()


def test_regression_a_worker_whose_write_fails_answers_its_inputs_failed_with_the_error(tmp_path, monkeypatch):
    # the worker answered a write error alone, without the unit's reports: its inputs read "pending" in
    # run.json where the local engine has them failed
    monkeypatch.setattr(threads, "_budget", None)
    worker, task = _unit_worker(tmp_path / "out")
    (tmp_path / "out" / "seed.jsonl").mkdir()  # an output that cannot be written (rename onto a folder)
    answer = worker.answer(task)
    assert "seed.jsonl: cannot write: Is a directory" in answer["write_error"]
    assert [(r["status"], r["error"]) for r in answer["reports"]] == [("failed", answer["write_error"])]
    assert answer["signature"]["summarizer"]["id"] == "lead"  # run.json keeps the run's signature


def _assert_gone(noted: dict[int, int], timeout: float = 30) -> None:
    """Every noted process ends (the reaper gives them REAPER_GRACE_S after the driver goes)."""
    deadline = time.monotonic() + timeout
    while alive(noted) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert alive(noted) == [], "Ray processes left behind"


def test_reaper_ends_what_a_killed_driver_left():
    # a driver that starts a reaper and a child titled like a Ray agent, then is killed with SIGKILL
    script = ("import subprocess, sys, time; from newsbrief import reaper; r = reaper.start(); "
              "subprocess.Popen(['bash', '-c', 'exec -a ray::FakeAgent sleep 300']); "
              "time.sleep(1.5); print('up', flush=True); time.sleep(300)")
    driver = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert driver.stdout.readline().strip() == "up"
    noted = ray_descendants(driver.pid)
    assert len(noted) == 1  # the fake agent (the reaper is not Ray's)
    driver.kill()
    driver.wait()
    _assert_gone(noted)


# --- with Ray ---------------------------------------------------------------------------------

needs_ray = pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                               reason="--engine ray needs ray: pip install 'newsbrief[ray]'")


class RayRun:
    """`newsbrief run --engine ray` in a subprocess, noting the Ray processes under it while it runs."""

    def __init__(self, args: list[str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "newsbrief", *args], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.noted: dict[int, int] = {}
        self._watch = threading.Thread(target=self._note, daemon=True)
        self._watch.start()

    def _note(self) -> None:
        while self.proc.poll() is None:
            self.noted.update(ray_descendants(self.proc.pid))
            time.sleep(0.2)

    def wait_for_markers(self, out: Path, n: int, timeout: float = 120) -> int:
        """Block until n completion markers exist (or the run ends); returns how many there are."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            found = len(list((out / ".newsbrief").glob("*.done")))
            if found >= n:
                return found
            time.sleep(0.05)
        return len(list((out / ".newsbrief").glob("*.done")))

    def finish(self, timeout: float = 180) -> tuple[int, str]:
        _, err = self.proc.communicate(timeout=timeout)
        self._watch.join()
        return self.proc.returncode, err

    def workers(self) -> list[int]:
        """The pids of our Ray workers (Ray Data titles their processes ray::MapWorker(MapBatches(UnitWorker)))."""
        found = []
        for pid in ray_descendants(self.proc.pid):
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if cmd.startswith(b"ray::MapWorker"):
                found.append(pid)
        return found


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, tiny):
    """The seed page and a folder of two pages one jump joins, the model options, and the local engine's records.

    Three inputs, two units of work: the folder's pages are one (issue 13).
    """
    root = tmp_path_factory.mktemp("ray")
    front = "\n".join(SEED_TEXT.split("\n")[96:182]) + "\n"  # two of the seed page's articles, one jumping to page 8
    folder = _issue(root / "issue", {"page01.txt": front, "page08.txt": CONT_MEETING + "\n" + OWN_ARTICLE})
    paths = [str(SEED), str(folder)]
    # the tiny T5 on every article, its abstracts capped at 8 tokens: a model in each worker, a second a page.
    # The Ray runs have two workers of one torch thread each: on a loaded 2-core machine two threads on a
    # tiny model wait for each other (README, "What to expect"), and the tests would take twice as long
    options = ["--summarizer", str(tiny["t5"]), "--summary-tokens", "8", "--translator", "none", "--device", "cpu",
               "--on-degenerate", "flag", "--quiet"]
    res = runner.invoke(app, ["run", *paths, *options, "-o", f"{root / 'local'}/"])
    assert res.exit_code == 0, res.stderr
    local = records_of(root / "local")
    assert sum(len(r["source"]["parts"]) == 2 for r in local) == 1  # the jump is joined
    return {"args": ["run", *paths, *options], "local": local, "count": 3}


def _check_once_each(out: Path, inputs) -> dict:
    """Each input's file is there once, no record is duplicated, and the records are the local engine's."""
    recs = records_of(out)
    assert len(list(out.glob("*.jsonl"))) == inputs["count"]
    assert len({r["id"] for r in recs}) == len(recs)
    assert recs == inputs["local"]
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


@needs_ray
def test_ray_gives_the_records_of_the_local_engine(inputs, tmp_path):
    out = tmp_path / "out"
    run = RayRun([*inputs["args"], "--engine", "ray", "--workers", "2", "-o", f"{out}/"])
    code, err = run.finish()
    assert code == 0, err
    assert err == ""  # Ray's own noise kept off stderr
    doc = _check_once_each(out, inputs)
    assert doc["engine"]["name"] == "ray" and doc["engine"]["workers"] == 2
    assert doc["counts"]["done"] == inputs["count"] and doc["status"] == "complete"
    assert doc["signature"]["summarizer"]["id"] == str(inputs["args"][inputs["args"].index("--summarizer") + 1])
    _assert_gone(run.noted)


@needs_ray
def test_a_worker_killed_mid_run_is_restarted_and_each_input_done_once(inputs, tmp_path):
    out = tmp_path / "out"
    run = RayRun([*inputs["args"], "--engine", "ray", "--workers", "2", "-o", f"{out}/"])
    assert run.wait_for_markers(out, 1) < inputs["count"], "the run ended before a worker could be killed"
    killed = run.workers()[:1]
    assert killed, "no worker to kill"
    os.kill(killed[0], signal.SIGKILL)
    code, err = run.finish()
    assert code == 0, err
    assert set(run.noted) - set(killed), "no worker replaced the one killed"
    doc = _check_once_each(out, inputs)
    assert doc["counts"]["done"] + doc["counts"]["resumed"] == inputs["count"]
    _assert_gone(run.noted)


@needs_ray
def test_driver_killed_then_rerun_equals_an_uninterrupted_run(inputs, tmp_path):
    out = tmp_path / "out"
    args = [*inputs["args"], "--engine", "ray", "--workers", "2", "-o", f"{out}/"]
    run = RayRun(args)
    assert run.wait_for_markers(out, 1) < inputs["count"], "the run ended before it could be killed"
    noted = {**run.noted, **ray_descendants(run.proc.pid)}
    run.proc.send_signal(signal.SIGKILL)
    run.finish()
    _assert_gone({**noted, **run.noted})
    again = RayRun(args)
    code, err = again.finish()
    assert code == 0, err
    doc = _check_once_each(out, inputs)
    assert doc["counts"]["resumed"] >= 1 and doc["counts"]["resumed"] + doc["counts"]["done"] == inputs["count"]
    assert [p for p in out.rglob("*.tmp")] == [] and list((out / ".newsbrief").glob("probe-*")) == []
    _assert_gone(again.noted)


@pytest.mark.parametrize("engine", ["local", pytest.param("ray", marks=needs_ray)])
def test_regression_an_input_whose_output_cannot_be_written_is_failed_with_the_error_not_pending(tmp_path, engine):
    # under --engine ray a write error came back without the unit's reports: run.json had the input
    # pending and no failure, where the local engine had it failed
    out = tmp_path / "out"
    (out / f"{SEED.stem}.jsonl").mkdir(parents=True)  # the seed page's output: a folder cannot be replaced
    args = ["run", str(SEED), "--summarizer", "lead", "--translator", "none", "--engine", engine, "-o", f"{out}/"]
    res = subprocess.run([sys.executable, "-m", "newsbrief", *args], capture_output=True, text=True, timeout=180)
    assert res.returncode == 3, res.stderr
    message = f"{out / SEED.stem}.jsonl: cannot write: Is a directory"
    assert res.stderr.count(message) == 1 and "run the same command again" in res.stderr
    doc = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert doc["status"] == "failed"
    assert (doc["counts"]["failed"], doc["counts"]["pending"]) == (1, 0)
    assert [(r["path"], r["status"], r["error"]) for r in doc["inputs"]] == [(str(SEED), "failed", message)]
    assert doc["failures"] == [{"input": str(SEED), "error": message}]
