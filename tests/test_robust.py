"""Regression tests for the hostile test's findings (issue 10): nothing overwritten, nothing aborted, no resume
that lies, no traceback for a file-system error, bounded reads, prompt signals, messages that say what is wrong.

Each test is named after the finding it reproduces; models are left out (segment, or --summarizer lead
--translator none) except where a model is the point.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app

from .conftest import SEED, validate
from .test_batch import make_issue, records_of

runner = CliRunner()
SEED_TEXT = SEED.read_text(encoding="utf-8")
NO_MODELS = ["--summarizer", "lead", "--translator", "none"]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsbrief", *args]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes (to show that none was lost or changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _no_temporaries(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*.tmp")]


# --- finding 1: -o FILE destroys data --------------------------------------------------------------


def test_finding1_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path):
    page = tmp_path / "self.txt"
    page.write_text(SEED_TEXT, encoding="utf-8")
    res = runner.invoke(app, ["segment", str(page), "-o", str(page)])
    assert res.exit_code == 2
    assert "would overwrite the input" in res.stderr and "self.txt" in res.stderr
    assert page.read_text(encoding="utf-8") == SEED_TEXT


def test_finding1_output_folder_file_that_is_an_input_is_refused(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    jsonl = folder / "seed.jsonl"
    assert runner.invoke(app, ["segment", str(SEED), "-o", str(jsonl)]).exit_code == 0
    before = jsonl.read_bytes()
    res = runner.invoke(app, ["summarize", *NO_MODELS[:2], str(jsonl), "-o", f"{folder}/"])
    assert res.exit_code == 2 and "would overwrite the input" in res.stderr
    assert jsonl.read_bytes() == before


def test_finding1_run_where_every_input_fails_leaves_an_existing_output_as_it_was(tmp_path):
    good = tmp_path / "good.jsonl"
    assert runner.invoke(app, ["segment", str(SEED), "-o", str(good)]).exit_code == 0
    before = good.read_bytes()
    res = runner.invoke(app, ["segment", str(tmp_path / "nope.txt"), "-o", str(good)])
    assert res.exit_code == 1
    assert "no such file" in res.stderr and "left as it was" in res.stderr
    assert good.read_bytes() == before


@pytest.mark.parametrize("where", ["issue/", "issue/out/"])
def test_finding1_output_inside_the_walked_input_folder_is_refused(tmp_path, where):
    issue = make_issue(tmp_path / "issue", 2)
    before = _snapshot(issue)
    res = runner.invoke(app, ["segment", str(issue), "-o", f"{tmp_path / where}"])
    assert res.exit_code == 2
    assert "is inside the input folder" in res.stderr
    assert _snapshot(issue) == before


@pytest.mark.parametrize("make, target, what", [
    (os.mkfifo, "out.jsonl", "is a pipe"),
    (lambda p: os.symlink(p.parent / "nowhere", p), "out.jsonl", "is a broken symbolic link"),
    (os.mkfifo, f"out/{SEED.stem}.jsonl", "is a pipe"),
], ids=["fifo", "broken-link", "fifo-in-output-folder"])
def test_regression_output_that_is_no_file_is_refused_not_replaced(tmp_path, make, target, what):
    # outputs are renamed into place: run as root, -o /dev/null replaced the device with a file of records
    path = tmp_path / target
    path.parent.mkdir(exist_ok=True)
    make(path)
    before = os.lstat(path).st_mode
    output = f"{path.parent}/" if target.startswith("out/") else str(path)
    res = runner.invoke(app, ["segment", str(SEED), "-o", output])
    assert res.exit_code == 2
    assert what in res.stderr and "leave -o out" in res.stderr
    assert os.lstat(path).st_mode == before


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600)])
def test_finding1_outputs_respect_the_umask(tmp_path, umask, mode):
    out = tmp_path / "out"
    argv = ["newsbrief", "segment", str(SEED), "-o", f"{out}/"]
    code = f"import os, sys; os.umask({umask}); from newsbrief.cli import run_cli; sys.argv = {argv!r}; run_cli()"
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    for name in ("000_eedb6a7ca95d22b6.jsonl", "run.json"):
        assert (out / name).stat().st_mode & 0o777 == mode, name


# --- finding 2: one bad input aborts the batch -----------------------------------------------------------


def _record(**change) -> str:
    res = runner.invoke(app, ["segment", str(SEED)])
    rec = json.loads(res.stdout.split("\n")[0])
    rec.update(change)
    return json.dumps(rec, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("change, message", [
    ({"meta": [1, 2]}, "field meta: [1, 2] is not of type 'object'"),
    ({"headline": 12345}, "field headline: 12345 is not of type 'string', 'null'"),
    ({"kind": "banana"}, "field kind: 'banana' is not one of ['article', 'fragment']"),
    ({"source": {"path": "x", "line_start": "one"}}, "field source.line_start: 'one' is not of type"),
], ids=["meta-list", "headline-number", "kind-banana", "line-start-string"])
def test_finding2_bad_jsonl_record_names_file_and_line_and_the_rest_still_run(tmp_path, change, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(_record() + _record(**change), encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["run", *NO_MODELS, str(bad), str(SEED), "-o", f"{out}/"])
    assert res.exit_code == 1
    assert f"{bad}: line 2: {message}" in res.stderr and "Traceback" not in res.output
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["done"] == 1 and run["counts"]["failed"] == 1
    assert sum(r["kind"] == "article" for r in records_of(out)) == 7


def test_finding2_unknown_jsonl_fields_are_kept_under_meta_extra(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(_record(desk="metro", page_url="https://example.org/1"), encoding="utf-8")
    res = runner.invoke(app, ["summarize", "--summarizer", "lead", str(jsonl)])
    assert res.exit_code == 0, res.stderr
    rec = json.loads(res.stdout)
    validate(rec)
    assert rec["meta"]["extra"] == {"desk": "metro", "page_url": "https://example.org/1"}


def test_finding2_file_names_that_are_not_utf8_are_escaped(tmp_path):
    folder = tmp_path / "issue"
    folder.mkdir()
    name = os.fsdecode(b"p\xff1.txt")
    (folder / name).write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    res = subprocess.run(_cli("segment", str(folder), "-o", f"{out}/"), capture_output=True)
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in out.glob("*.jsonl")) == ["p\\xff1.jsonl"]
    recs = records_of(out)
    assert recs[0]["id"].startswith("issue/p\\xff1#L") and recs[0]["source"]["path"].endswith("p\\xff1.txt")
    json.loads((out / "run.json").read_text(encoding="utf-8"))
    res = subprocess.run(_cli("segment", str(folder)), capture_output=True)
    assert res.returncode == 0 and "p\\\\xff1" in res.stdout.decode("utf-8")  # valid UTF-8, escaped in JSON


# --- finding 3: resume reuses wrong or stale outputs --------------------------------------------------------


@pytest.mark.parametrize("damage", ["emptied", "truncated", "edited"])
def test_finding3_resume_redoes_an_output_damaged_after_its_marker(tmp_path, damage):
    issue = make_issue(tmp_path / "issue", 2)
    out = tmp_path / "out"
    assert runner.invoke(app, ["segment", str(issue), "-o", f"{out}/"]).exit_code == 0
    whole = records_of(out)
    page = out / "page1.jsonl"
    data = page.read_bytes()
    page.write_bytes({"emptied": b"", "truncated": data[:len(data) // 2],
                      "edited": data.replace("本报讯".encode(), "本报记".encode(), 1)}[damage])
    res = runner.invoke(app, ["segment", str(issue), "-o", f"{out}/"])
    assert res.exit_code == 0, res.stderr
    assert "page1.jsonl: changed since it was written; redoing it" in res.stderr
    counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
    assert (counts["done"], counts["resumed"]) == (1, 1)
    assert records_of(out) == whole


def test_finding3_every_input_option_is_part_of_the_completion_key(tmp_path):
    issue = make_issue(tmp_path / "issue", 1)
    out = tmp_path / "out"
    runs = [[], ["--encoding", "utf-8"], ["--errors", "replace"], ["--input-format", "page"]]
    for extra in runs:
        res = runner.invoke(app, ["segment", str(issue), "-o", f"{out}/", *extra])
        assert res.exit_code == 0
        assert json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]["done"] == 1, extra
    runner.invoke(app, ["segment", str(issue), "-o", f"{out}/", *runs[-1]])
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]["resumed"] == 1


def test_finding3_model_files_are_fingerprinted_by_content_with_hashes_cached(tmp_path, monkeypatch):
    from newsbrief.io import digest

    monkeypatch.setenv("NEWSBRIEF_CACHE", str(tmp_path / "cache"))
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    weights = model / "model.safetensors"
    weights.write_bytes(b"\x01" * 4096)
    first = digest.folder_fingerprint(model)
    real, hashed = digest._sha256, []
    monkeypatch.setattr(digest, "_sha256", lambda p: hashed.append(p.name) or real(p))
    assert digest.folder_fingerprint(model) == first and hashed == []  # unchanged: the cached hashes serve
    stat = weights.stat()
    weights.write_bytes(b"\x02" * 4096)  # new weights of the same size beside the same config.json
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # written a second later
    assert digest.folder_fingerprint(model) != first and hashed == ["model.safetensors"]


def test_finding3_new_weights_of_the_same_size_change_the_completion_key(tiny, tmp_path, monkeypatch):
    import shutil

    from newsbrief.io.read import ReadOptions
    from newsbrief.options import StageOptions
    from newsbrief.pipeline import Pipeline

    monkeypatch.setenv("NEWSBRIEF_CACHE", str(tmp_path / "cache"))
    model = tmp_path / "marian"
    shutil.copytree(tiny["marian"], model)
    opts = StageOptions(summarizer="lead", translator=str(model), device="cpu")

    def key() -> dict:
        return Pipeline.build(("summarize", "translate"), opts, ReadOptions()).signature.as_dict()

    before = key()
    weights = model / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-8:] = bytes(8) if data[-8:] != bytes(8) else b"\x01" * 8  # the last weights change, the size does not
    stat = weights.stat()
    weights.write_bytes(bytes(data))
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    after = key()
    assert after["translator"]["files"] != before["translator"]["files"]
    assert after["translator"]["revision"] != before["translator"]["revision"]
    assert {k: v for k, v in after.items() if k != "translator"} == \
        {k: v for k, v in before.items() if k != "translator"}


# --- finding 4: file-system errors are tracebacks --------------------------------------------------------


@pytest.mark.parametrize("output, message", [
    ("{seed}/x", "seed.txt: cannot create folder: a file of that name exists"),
    ("/proc/version", "cannot create the work folder"),
    ("/proc/newsbrief-out/", "cannot create folder"),
], ids=["under-a-file", "proc-file", "proc-folder"])
def test_finding4_output_that_cannot_be_written_is_one_clear_message(tmp_path, output, message):
    page = tmp_path / "seed.txt"
    page.write_text(SEED_TEXT, encoding="utf-8")
    res = subprocess.run(_cli("segment", str(page), "-o", output.format(seed=page)), capture_output=True, text=True)
    assert res.returncode == 3
    assert message in res.stderr and "Traceback" not in res.stderr
    assert page.read_text(encoding="utf-8") == SEED_TEXT


@pytest.mark.parametrize("redirect, message", [(">&-", "standard output is closed"),
                                               (">/dev/full", "No space left on device")])
def test_finding4_stdout_closed_or_full_is_one_clear_message(redirect, message):
    res = subprocess.run(["bash", "-c", " ".join(_cli("segment", str(SEED))) + " " + redirect],
                         capture_output=True, text=True)
    assert res.returncode == 3
    assert message in res.stderr and "Traceback" not in res.stderr and "Exception ignored" not in res.stderr


def test_finding4_second_run_on_a_locked_folder_names_the_holder(tmp_path):
    from newsbrief.io.lock import FolderLock

    out = tmp_path / "out"
    (out / ".newsbrief").mkdir(parents=True)
    with FolderLock(out / ".newsbrief", f"{out}/"):
        res = runner.invoke(app, ["segment", str(SEED), "-o", f"{out}/"])
        assert res.exit_code == 2
        assert f"another newsbrief run (pid {os.getpid()}) is writing there" in res.stderr
    assert runner.invoke(app, ["segment", str(SEED), "-o", f"{out}/"]).exit_code == 0


def test_regression_a_lock_taken_on_a_lock_file_removed_meanwhile_is_taken_again(tmp_path, monkeypatch):
    """Session-24 review: a run that could not begin removed the lock file it had made while a second run had it
    open; the second run's lock held a file no third run would see."""
    from newsbrief.errors import OutputLocked
    from newsbrief.io.lock import FolderLock

    real, opened = FolderLock._open_locked, []

    def removed_after_open(self):
        fd = real(self)
        if not opened:
            self.path.unlink()
        opened.append(fd)
        return fd

    monkeypatch.setattr(FolderLock, "_open_locked", removed_after_open)
    with FolderLock(tmp_path, "out/") as lock:
        assert len(opened) == 2 and lock.path.read_text() == f"{os.getpid()}\n"
        with pytest.raises(OutputLocked):
            FolderLock(tmp_path, "out/").__enter__()


def test_regression_a_locked_folder_is_refused_before_the_models_load(tmp_path, monkeypatch):
    from newsbrief.io.lock import FolderLock
    from newsbrief.pipeline import Pipeline

    def no_build(*_a, **_k):
        raise AssertionError("the models were loaded")

    monkeypatch.setattr(Pipeline, "build", no_build)
    out = tmp_path / "out"
    (out / ".newsbrief").mkdir(parents=True)
    with FolderLock(out / ".newsbrief", f"{out}/"):
        res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", "none", "-o", f"{out}/"])
    assert res.exit_code == 2 and "is writing there" in res.stderr, res.output


def test_finding4_temporary_files_have_unique_names_and_stale_ones_are_removed(tmp_path):
    out = tmp_path / "out"
    (out / ".newsbrief").mkdir(parents=True)
    stale = [out / ".page1.jsonl.abc123.tmp", out / ".newsbrief" / ".page1.jsonl.done.x9.tmp"]
    for f in stale:
        f.write_text("left by a killed run")
    issue = make_issue(tmp_path / "issue", 2)
    assert runner.invoke(app, ["segment", str(issue), "-o", f"{out}/"]).exit_code == 0
    assert _no_temporaries(out) == []


def test_regression_a_full_disk_under_a_model_stops_the_run_and_keeps_what_was_finished(tmp_path, monkeypatch):
    """Session-24 review: a stage's ENOSPC on the second input fails that input with the reason and stops the
    run (exit 3); the first input's output stays finished."""
    from newsbrief.models import registry

    from .fake_models import FAKE_ID, EchoTranslator

    issue, out = make_issue(tmp_path / "issue", 3), tmp_path / "out"

    def on_batch(jobs):
        if (out / ".newsbrief" / "page1.jsonl.done").exists():
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(registry, "load", lambda spec, device, dtype, offline, **_: EchoTranslator(on_batch))
    res = runner.invoke(app, ["translate", str(issue), "--translator", FAKE_ID, "--device", "cpu", "--quiet",
                              "-o", f"{out}/"])
    assert res.exit_code == 3, res.output
    assert "page2.txt" in res.stderr and "No space left on device (free some space" in res.stderr
    assert "Traceback" not in res.output
    assert sorted(p.name for p in (out / ".newsbrief").glob("*.done")) == ["page1.jsonl.done"]
    inputs = {r["path"]: r for r in json.loads((out / "run.json").read_text(encoding="utf-8"))["inputs"]}
    assert inputs[str(issue / "page2.txt")]["status"] == "failed"
    assert "No space left on device" in inputs[str(issue / "page2.txt")]["error"]


def test_regression_an_output_under_a_folder_that_cannot_be_looked_at_is_no_traceback(tmp_path, monkeypatch):
    """Session-24 review: Path.exists raised PermissionError while the run looked for the folders it would make."""
    from newsbrief import batch

    real_lstat = os.lstat
    shut = tmp_path / "shut"

    def lstat(path, *a, **kw):
        if str(path).startswith(f"{shut}/"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_lstat(path, *a, **kw)

    monkeypatch.setattr(os, "lstat", lstat)
    assert batch._missing(shut / "a" / "b") == []
    assert batch._missing(tmp_path / "new" / "b") == [tmp_path / "new" / "b", tmp_path / "new"]


@pytest.mark.parametrize("mode", ["dir", "file"])
def test_fault_injection_writes_fail_part_way_then_rerun_equals_an_uninterrupted_run(tmp_path, monkeypatch, mode):
    """Disk full after three file writes: a clear error, nothing partial shown as complete, and after space is
    freed a rerun ends with the records of an uninterrupted run."""
    issue = make_issue(tmp_path / "issue", 4)
    whole = tmp_path / "whole"
    assert runner.invoke(app, ["segment", str(issue), "-o", f"{whole}/"]).exit_code == 0
    out = tmp_path / ("out/" if mode == "dir" else "issue.jsonl")
    target = f"{out}/" if mode == "dir" else str(out)
    if mode == "file":
        out.write_text("an older output\n", encoding="utf-8")
    real_fsync, synced = os.fsync, []

    def full_disk(fd):
        if len(synced) >= 3:  # three files written (page1 and its marker among them), then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    res = runner.invoke(app, ["segment", str(issue), "-o", target])
    assert res.exit_code == 3
    assert "No space left on device" in res.stderr and "run the same command again" in res.stderr
    assert "Traceback" not in res.output
    work = out if mode == "dir" else tmp_path / ".issue.jsonl.newsbrief-work"
    assert _no_temporaries(tmp_path) == []
    assert sorted(p.name for p in (work / ".newsbrief").glob("*.done")) == ["page1.jsonl.done"]
    if mode == "file":
        assert out.read_text(encoding="utf-8") == "an older output\n"
    else:  # written at the start, it could not be updated at the end: it does not claim completion
        assert json.loads((out / "run.json").read_text(encoding="utf-8"))["status"] == "running"
    monkeypatch.setattr(os, "fsync", real_fsync)  # space freed
    res = runner.invoke(app, ["segment", str(issue), "-o", target])
    assert res.exit_code == 0, res.stderr
    if mode == "dir":
        counts = json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]
        assert (counts["resumed"], counts["done"]) == (1, 3)
        assert records_of(out) == records_of(whole)
    else:
        lines = [json.loads(x) for x in out.read_text(encoding="utf-8").split("\n") if x]
        assert sorted(lines, key=lambda r: r["id"]) == records_of(whole)
        assert not work.exists()


# --- finding 5: unbounded reads and ignored signals ----------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_finding5_endless_devices_are_cut_at_the_size_limit(monkeypatch, device):
    from newsbrief import config

    monkeypatch.setattr(config, "MAX_PAGE_BYTES", 2**20)
    res = runner.invoke(app, ["segment", device, str(SEED)])
    assert res.exit_code == 1
    assert f"{device}: is more than 1 MB; a page is at most 1 MB" in res.stderr
    assert res.stdout.count('"kind": "article"') == 7


@pytest.mark.parametrize("content, message", [
    ("正文。\n" * 200_000, "-: is more than 1 MB; a page is at most 1 MB"),
    ("正文" + "\x01\x02\x03" * 50, "-: looks binary (control characters)"),
    ("  \n", "-: is empty"),
], ids=["too-big", "control-characters", "empty"])
def test_finding5_stdin_gets_the_same_checks_as_files(monkeypatch, content, message):
    from newsbrief import config

    monkeypatch.setattr(config, "MAX_PAGE_BYTES", 2**20)
    res = runner.invoke(app, ["segment", "-"], input=content)
    assert res.exit_code == 1 and message in res.stderr


def test_finding5_sigterm_while_blocked_on_a_fifo_exits_promptly(tmp_path):
    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen(_cli("segment", str(fifo)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with open(fifo, "w", encoding="utf-8") as writer:  # returns once newsbrief has opened it: it is reading now
        writer.write("本报讯 正文")  # a first part; the writer stays open, so the read blocks for the rest
        writer.flush()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert "interrupted: 0 of 1 input(s) finished" in err and "Traceback" not in err


SIGNAL_TWICE = """
import os, signal, sys, time
from newsbrief.pipeline import Pipeline
def stuck(*args, **kwargs):  # a model stage that would run for a long time
    os.kill(os.getpid(), signal.SIGTERM)  # the first asks to stop after the batch in flight
    os.kill(os.getpid(), signal.SIGTERM)  # the second must end the process at once
    time.sleep(60)
Pipeline.apply = stuck
from newsbrief.cli import run_cli
sys.argv = ["newsbrief", "run", "--summarizer", "lead", "--translator", "none", {page!r}, "-o", {out!r}]
run_cli()
"""


def test_finding5_a_second_signal_always_ends_the_process(tmp_path):
    out = f"{tmp_path / 'out'}/"
    t0 = time.monotonic()
    res = subprocess.run([sys.executable, "-c", SIGNAL_TWICE.format(page=str(SEED), out=out)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 143 and time.monotonic() - t0 < 50
    assert "stopping after the batch in flight" in res.stderr and "stopped at once" in res.stderr


# --- finding 6: messages that mislead ----------------------------------------------------------------------


def _safetensors(n_floats: int) -> bytes:
    header = json.dumps({"w": {"dtype": "F32", "shape": [n_floats], "data_offsets": [0, 4 * n_floats]}}).encode()
    return len(header).to_bytes(8, "little") + header + bytes(4 * n_floats)


@pytest.mark.parametrize("files, message", [
    ({"config.json": b"{garbage"}, "config.json is not valid JSON"),
    ({"config.json": b'{"model_type": "marian"}'}, "no weights"),
    ({"config.json": b'{"model_type": "marian"}', "model.safetensors": _safetensors(64)[:-100]},
     "model.safetensors: truncated or corrupt"),
], ids=["garbage-config", "no-weights", "truncated-safetensors"])
def test_finding6_a_broken_model_folder_says_which_file_and_exits_2(tmp_path, files, message):
    model = tmp_path / "model"
    model.mkdir()
    for name, data in files.items():
        (model / name).write_bytes(data)
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", str(model)])
    assert res.exit_code == 2
    assert f"model folder {model}: {message}" in res.stderr
    assert "Hub could not be reached" not in res.stderr and "Traceback" not in res.output


@pytest.mark.parametrize("source, message", [
    (b"{garbage", ".newsbrief-source.json is not valid JSON"),
    (b"", ".newsbrief-source.json is not valid JSON"),
    (b'["abc"]', ".newsbrief-source.json is not a JSON object"),
    (b"\xff\xfe", ".newsbrief-source.json is not valid JSON"),
], ids=["garbage", "empty", "list", "not-utf8"])
def test_regression_corrupt_source_json_is_a_folder_problem_not_a_traceback(tmp_path, source, message):
    """Session-23 review, finding 14: a corrupt .newsbrief-source.json raised JSONDecodeError from hf._revision."""
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    (model / "model.safetensors").write_bytes(_safetensors(64))
    (model / ".newsbrief-source.json").write_bytes(source)
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", str(model)])
    assert res.exit_code == 2
    assert f"model folder {model}: {message}" in res.stderr
    assert "pull the model again, or delete that file" in res.stderr and "Traceback" not in res.output


def test_finding6_models_list_shows_a_corrupt_folder_as_broken(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_MODELS", str(tmp_path))
    folder = tmp_path / "Helsinki-NLP__opus-mt-zh-en"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    (folder / "model.safetensors").write_bytes(_safetensors(64)[:-1])
    res = runner.invoke(app, ["models", "list"])
    assert res.exit_code == 0
    assert f"{folder}: BROKEN: model.safetensors: truncated or corrupt" in res.stdout


@pytest.mark.parametrize("option, message", [
    (["--device", "tpu"], "--device tpu: expected auto, cpu, cuda, cuda:N or mps"),
    (["--device", "cuda:9"], "--device cuda:9:"),
    (["--dtype", "float8"], "'float8' is not one of 'auto', 'float32', 'float16', 'bfloat16'"),
    (["--backend", "onnx"], "'onnx' is not one of 'transformers', 'ctranslate2'"),
    (["--errors", "ignore"], "'ignore' is not one of 'strict', 'replace'"),
    (["--input-format", "pdf"], "'pdf' is not one of 'auto', 'page', 'jsonl'"),
    (["--encoding", "klingon"], "--encoding klingon: no such encoding"),
], ids=["tpu", "cuda-9", "float8", "backend", "errors", "input-format", "encoding"])
def test_finding6_options_are_checked_before_any_work_whatever_the_stages(tmp_path, option, message):
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["run", *NO_MODELS, *option, str(SEED), "-o", str(out)])
    assert res.exit_code == 2
    assert message in res.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_finding6_a_failed_ctranslate2_conversion_is_a_model_error(tiny, tmp_path, monkeypatch):
    pytest.importorskip("ctranslate2")
    import ctranslate2.converters

    class Broken:
        def __init__(self, *args, **kwargs):
            pass

        def convert(self, *args, **kwargs):
            raise RuntimeError("unsupported architecture")

    monkeypatch.setattr(ctranslate2.converters, "TransformersConverter", Broken)
    monkeypatch.setenv("NEWSBRIEF_CT2_CACHE", str(tmp_path / "ct2"))
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", str(tiny["marian"]),
                              "--backend", "ctranslate2", "--device", "cpu"])
    assert res.exit_code == 2
    assert "conversion to CTranslate2 failed (RuntimeError: unsupported architecture)" in res.stderr
    assert not any((tmp_path / "ct2").glob("*.partial"))


# --- finding 7: smaller ones ----------------------------------------------------------------------------------


def test_finding7_a_page_that_starts_with_a_brace_is_page_text(tmp_path):
    page = tmp_path / "brace.txt"
    page.write_text("{编者按} 本期关注招商引资。\n\n" + SEED_TEXT, encoding="utf-8")
    res = runner.invoke(app, ["segment", str(page)])
    assert res.exit_code == 0, res.stderr
    assert res.stdout.count('"kind": "article"') >= 7
    res = runner.invoke(app, ["segment", "--input-format", "jsonl", str(page)])
    assert res.exit_code == 1 and "not valid article JSONL" in res.stderr


def test_finding7_input_format_page_reads_jsonl_named_text_as_a_page(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(_record(), encoding="utf-8")
    assert runner.invoke(app, ["segment", str(jsonl)]).stdout.count("\n") == 1  # read back: one record
    res = runner.invoke(app, ["segment", "--input-format", "page", str(jsonl)])
    assert res.exit_code == 0
    assert all(json.loads(x)["source"]["path"] == str(jsonl) for x in res.stdout.split("\n") if x)
    [rec] = [json.loads(x) for x in res.stdout.split("\n") if x]
    assert rec["id"].endswith("/a#L1-L1") and "article" in json.dumps(rec["headline"])  # the line, as page text


def _seed_with(tmp_path, bad: bytes) -> tuple[str, int]:
    """The seed page with bytes put in at the start of a line past byte 2,000; its path and their offset."""
    data = SEED_TEXT.encode("utf-8")
    at = data.index(b"\n", 2000) + 1
    page = tmp_path / "bad.txt"
    page.write_bytes(data[:at] + bad + data[at:])
    return str(page), at


def _replaced(page: str) -> list[dict]:
    """The records of `segment --errors replace PAGE`, which must succeed."""
    res = runner.invoke(app, ["segment", "--errors", "replace", page])
    assert res.exit_code == 0
    return [json.loads(x) for x in res.stdout.split("\n") if x]


def test_finding7_a_stray_byte_is_located_and_errors_replace_counts_it(tmp_path):
    page, at = _seed_with(tmp_path, b"\xff")
    res = runner.invoke(app, ["segment", page])
    assert res.exit_code == 1
    assert f"not UTF-8 at byte {at} (0xFF)" in res.stderr and "--errors replace" in res.stderr
    recs = _replaced(page)
    assert {r["source"]["replaced"] for r in recs} == {1} and {r["source"]["encoding"] for r in recs} == {"utf-8"}
    assert sum("".join(r["paragraphs"]).count("\ufffd") for r in recs) == 1
    for r in recs:
        validate(r)


def test_regression_a_stray_nul_byte_in_extracted_text_is_dropped_with_a_warning_not_the_page_lost(tmp_path):
    # gen page h7002/p09: PyMuPDF wrote 2 NUL bytes into 7,253 bytes of page text; the page was
    # called binary or UTF-16. Then it failed unless --errors replace was passed (25 of 1,215
    # generated pages, each a page's articles lost to a glyph the extractor could not map)
    page, _ = _seed_with(tmp_path, b"\x00")
    res = runner.invoke(app, ["segment", page])
    assert res.exit_code == 0
    assert f"{page}: warning: 1 stray NUL byte(s) dropped (counted in source.replaced)" in res.stderr
    recs = [json.loads(x) for x in res.stdout.split("\n") if x]
    assert recs == _replaced(page)
    assert sum(r["kind"] == "article" for r in recs) == 7
    assert {r["source"]["replaced"] for r in recs} == {1}
    assert not any("\x00" in "".join(r["paragraphs"]) for r in recs)


def test_finding7_output_naming_is_distinct_for_many_colliding_inputs():
    from newsbrief.io.outputs import id_stems, output_names

    paths = [f"/archive/2025-{m:02d}-{d:02d}/page{p}.txt" for m in range(1, 13) for d in range(1, 29)
             for p in range(1, 13)]
    names = output_names(paths)
    assert len(set(names.values())) == len(paths) == 4032
    assert names["/archive/2025-03-04/page7.txt"] == "2025-03-04__page7.jsonl"
    assert id_stems(paths) == {}  # folder/stem already tells them apart
    same = ["/a/2025/page1.txt", "/b/2025/page1.txt", "/b/2025/page1.jsonl", "/c/page2.txt"]
    assert output_names(same) == {"/a/2025/page1.txt": "a__2025__page1.jsonl",
                                  "/b/2025/page1.txt": "b__2025__page1.jsonl",
                                  "/b/2025/page1.jsonl": "b__2025__page1-2.jsonl", "/c/page2.txt": "page2.jsonl"}
    # regression: names that differ only in their suffix are numbered, not lengthened up to the root
    assert output_names(["/tmp/issue/a01.txt", "/tmp/issue/a01.pdf"]) == {"/tmp/issue/a01.txt": "a01.jsonl",
                                                                          "/tmp/issue/a01.pdf": "a01-2.jsonl"}
    assert output_names(["i/a01.txt", "i/a01.pdf", "i/a01-2.txt"]) == {
        "i/a01.txt": "a01.jsonl", "i/a01.pdf": "a01-3.jsonl", "i/a01-2.txt": "a01-2.jsonl"}
    assert id_stems(["/tmp/issue/a01.txt", "/tmp/issue/a01.md"]) == {"/tmp/issue/a01.txt": "issue/a01",
                                                                    "/tmp/issue/a01.md": "issue/a01-2"}
    assert id_stems(["i/a01.txt", "i/a01.md", "i/a01-2.txt"]) == {"i/a01.txt": "i/a01", "i/a01.md": "i/a01-3"}


def test_regression_inputs_named_alike_but_for_case_get_output_files_apart():
    # A.txt and a.txt had been written to A.jsonl and a.jsonl: one file on macOS's and Windows' file
    # systems, where the second input's records replaced the first's
    from newsbrief.io.outputs import output_names

    names = output_names(["issue/A.txt", "issue/a.txt", "issue/b.txt"])
    assert names == {"issue/A.txt": "A.jsonl", "issue/a.txt": "a-2.jsonl", "issue/b.txt": "b.jsonl"}
    # so are the two Unicode forms of one name (APFS: one file)
    nfc, nfd = "caf\u00e9", "cafe\u0301"
    assert output_names([f"i/{nfc}.txt", f"i/{nfd}.txt"]) == {f"i/{nfc}.txt": f"{nfc}.jsonl",
                                                            f"i/{nfd}.txt": f"{nfd}-2.jsonl"}
    many = output_names([f"i/a.{k}" for k in range(3000)] + ["i/a-2.txt"])
    assert len(set(many.values())) == 3001 and many["i/a-2.txt"] == "a-2.jsonl" and many["i/a.1"] == "a-3.jsonl"


@pytest.mark.parametrize("path", [
    "page1.txt", "issue/a01.txt", "./a/../b/p.txt", "/p.txt", "/x/y/z.tar.gz", "-", ".hidden",
    "<a>.txt",  # regression: a file named like NO_PATH had kept its suffix in id_stem
    os.fsdecode(b"issue/\xff01.txt"),  # a name that is not UTF-8: both see it as shown() gives it
])
def test_default_id_stems_agree_with_id_stem(path, tmp_path, monkeypatch):
    from newsbrief.io.outputs import default_id_stems
    from newsbrief.io.read import shown
    from newsbrief.records import id_stem

    monkeypatch.chdir(tmp_path)
    assert default_id_stems([path]) == {path: id_stem(shown(path))}


def test_finding7_the_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    for side in ("a", "b"):
        make_issue(tmp_path / side / "2025", 1)
    out = tmp_path / "out"
    res = runner.invoke(app, ["segment", str(tmp_path / "a" / "2025"), str(tmp_path / "b" / "2025"),
                              "-o", f"{out}/"])
    assert res.exit_code == 0
    assert sorted(p.name for p in out.glob("*.jsonl")) == ["a__2025__page1.jsonl", "b__2025__page1.jsonl"]
    ids = [r["id"] for r in records_of(out)]
    assert len(ids) == len(set(ids)) == 18  # 7 articles and 2 fragments a page
    assert {i.split("#")[0] for i in ids} == {"a/2025/page1", "b/2025/page1"}


def test_finding7_sub_folders_are_read_and_hidden_ones_skipped(tmp_path):
    issue = tmp_path / "issue"
    make_issue(issue / "a", 1)
    make_issue(issue / "b", 2)
    make_issue(issue / ".cache", 1)
    res = runner.invoke(app, ["segment", str(issue), "-o", f"{tmp_path / 'out'}/"])
    assert res.exit_code == 0
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert [Path(r["path"]).relative_to(issue).as_posix() for r in run["inputs"]] == \
        ["a/page1.txt", "b/page1.txt", "b/page2.txt"]


@pytest.mark.parametrize("args, why", [(["--translator", "none"], "none leaves it nothing to do"),
                                       (["--preset", "offline-baseline"], "the offline-baseline preset has none")])
def test_translate_without_a_translator_says_why_and_what_to_do(tmp_path, args, why):
    res = runner.invoke(app, ["translate", str(SEED), *args])
    assert res.exit_code == 2
    assert why in res.stderr and "newsbrief models list" in res.stderr


def test_summarize_with_summarizer_none_says_why_and_what_to_do():
    res = runner.invoke(app, ["summarize", str(SEED), "--summarizer", "none"])
    assert res.exit_code == 2
    assert "none leaves it nothing to do" in res.stderr and "newsbrief models list" in res.stderr
