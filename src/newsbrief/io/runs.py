"""A finished run's records read back: its output folder, or JSONL files, as one list of articles."""

from __future__ import annotations

import json
from pathlib import Path

from .. import log
from ..records import Article
from .jsonl import RecordError, read_records
from .read import unique_files


class RunFilesError(ValueError):
    """A path that does not hold a run's records, with a message a user can act on."""


def run_files(paths: list[str]) -> list[Path]:
    """The JSONL files of a run: files as given, folders' *.jsonl in name order (run.json and markers left out)."""
    files: list[Path] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = sorted(f for f in p.glob("*.jsonl") if not f.name.startswith("."))
            if not found:
                raise RunFilesError(f"{arg}: is a directory with no records (*.jsonl)")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise RunFilesError(f"{arg}: no such file")
    return [Path(f) for f in unique_files([str(f) for f in files])]  # a file named twice is read once


def read_file(path: Path) -> list[Article]:
    """The records of one JSONL file; raises RunFilesError naming the bad line."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return list(read_records(f, str(path)))
    except RecordError as e:
        raise RunFilesError(f"not valid article JSONL: {e}") from None
    except UnicodeDecodeError:
        raise RunFilesError(f"{path}: not UTF-8 JSONL") from None


def read_run(paths: list[str]) -> list[Article]:
    """Every record of a run (folders and files), in file order; a file whose records a newer file holds is left out.

    A run's output names depend on the other inputs of that run (`page1.jsonl` alone,
    `issue__page1.jsonl` beside another folder's page1), so a folder that two runs wrote
    can hold one input's records twice; report and eval counted them twice (session-23 review).
    A record is known by where its text was printed (source file, page, lines), not by its id,
    which two inputs may share and a rename changes.
    """
    files = run_files(paths)
    records = {f: read_file(f) for f in files}
    holder: dict[tuple, Path] = {}  # each place -> the newest file kept that holds it
    left_out: set[Path] = set()
    for f in sorted(files, key=lambda f: f.stat().st_mtime_ns, reverse=True):
        places = {_place(a) for a in records[f]}
        twins = {holder.get(p) for p in places}
        if len(twins) == 1 and None not in twins:
            left_out.add(f)
            log.warning(f"{f}: left out: its records are all in {twins.pop()}, written later (an earlier run that "
                        "named its outputs otherwise); delete the older file")
            continue
        for p in places:
            holder.setdefault(p, f)
    return [a for f in files if f not in left_out for a in records[f]]


def _place(a: Article) -> tuple:
    """Where a record's text was printed: kind, source file, PDF page and line span."""
    s = a.source
    return a.kind, s.path, s.pdf_page, s.line_start, s.line_end


def read_run_json(paths: list[str]) -> dict | None:
    """The run.json beside a run's records (the first folder that has one), or None."""
    for arg in paths:
        p = Path(arg)
        cand = p / "run.json" if p.is_dir() else p.parent / "run.json"
        if cand.is_file():
            try:
                return json.loads(cand.read_text(encoding="utf-8"))
            except ValueError:
                return None
    return None


def read_refs(path: str) -> dict[str, dict]:
    """Reference records by id from a JSONL file: any object with an `id` and the reference fields."""
    p = Path(path)
    if not p.is_file():
        raise RunFilesError(f"{path}: no such file")
    refs: dict[str, dict] = {}
    for no, line in enumerate(p.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError as e:
            raise RunFilesError(f"{path}: line {no}: {e}") from None
        if not isinstance(d, dict) or not isinstance(d.get("id"), str):
            raise RunFilesError(f"{path}: line {no}: a reference needs an \"id\" naming the article it is for")
        refs[d["id"]] = d
    return refs
