"""Where a batch's outputs go, and the checks that keep them from destroying or lying about data.

- names: one output file name (and record-id stem) per input, distinct in linear time;
- check_output: refuse an output that is an input or lies inside a folder being walked;
- completion markers: what a finished input's output must look like to be resumed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError
from .read import STDIN, file_identity, shown
from .write import write_text_atomic


def _parts(paths: list[str]) -> dict[str, list[str]]:
    """Each input's absolute path as components, the last without its suffix (stdin is 'stdin').

    Plain string operations with the working folder read once: pathlib and
    abspath per path cost seconds at 40,000 inputs.
    """
    cwd = os.getcwd()
    out = {}
    for path in paths:
        if path == STDIN:
            out[path] = ["stdin"]
            continue
        full = os.path.normpath(os.path.join(cwd, shown(path)))
        parts = [x for x in full.split(os.sep) if x]
        parts[-1] = os.path.splitext(parts[-1])[0]
        out[path] = parts
    return out


def unique_suffixes(paths: list[str], least: int) -> dict[str, tuple[str, ...]]:
    """For each path, its shortest trailing components (at least `least`) that no other path shares.

    Each round lengthens only the suffixes that still collide, so 40,000 inputs
    take a few rounds, not 40,000 comparisons each (finding 7: naming was quadratic).
    """
    parts = _parts(paths)
    length = {p: min(least, len(parts[p])) for p in paths}
    pending = list(paths)
    while pending:
        groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for p in paths:
            groups[tuple(parts[p][-length[p]:])].append(p)
        # (a group whose paths differ only in their suffix, a01.txt and a01.pdf, no folder tells apart:
        # lengthening them ran up to the root, `tmp__issue__a01.jsonl`; output_names numbers them)
        pending = [p for group in groups.values() if len(group) > 1 and len({tuple(parts[q]) for q in group}) > 1
                   for p in group if length[p] < len(parts[p])]
        for p in pending:
            length[p] += 1
    return {p: tuple(parts[p][-length[p]:]) for p in paths}


def output_names(paths: list[str]) -> dict[str, str]:
    """A distinct output file name per input: its stem, with as many folder names before it as tell it apart."""
    names = {p: "__".join(s) for p, s in unique_suffixes(paths, 1).items()}
    # paths that differ only in their suffix (page1.txt, page1.jsonl) still share a name: numbered.
    # Compared casefolded and NFC-normalised: on macOS's and Windows' file systems A.jsonl and a.jsonl
    # (and café in either Unicode form) are one file, where the second input's records replaced the first's
    named = _numbered([(p, names[p]) for p in paths], _same_file_name, set())
    return {p: n + ".jsonl" for p, n in named.items()}


def _same_file_name(name: str) -> str:
    """name as a case-insensitive, normalising file system compares it."""
    return unicodedata.normalize("NFC", name).casefold()


def _numbered(bases: list[tuple[str, str]], fold: Callable[[str], str], others: set[str]) -> dict[str, str]:
    """A distinct name per (path, base): the base, or base-K, K the least that no name or other takes.

    Compared as fold gives them. A number never lands on another input's name (a01.txt, a01.pdf,
    a01-2.txt: a01, a01-3, a01-2); each base's count goes on from where it stopped, so 8,000 inputs
    of one name are numbered in linear time.
    """
    taken = {fold(b) for _, b in bases} | {fold(o) for o in others}
    used: set[str] = set()
    next_k: dict[str, int] = {}
    out = {}
    for p, base in bases:
        name = base
        if fold(name) in used:
            k = next_k.get(fold(base), 2)
            while fold(f"{base}-{k}") in used or fold(f"{base}-{k}") in taken:
                k += 1
            next_k[fold(base)] = k + 1
            name = f"{base}-{k}"
        used.add(fold(name))
        out[p] = name
    return out


def default_id_stems(paths: list[str]) -> dict[str, str]:
    """Each input's default record-id stem, as records.id_stem gives it, for many paths at once.

    Written again rather than calling id_stem per path because abspath per path costs
    seconds at 40,000 inputs; the two must agree or clashes go unseen
    (tests/test_robust.py: test_default_id_stems_agree_with_id_stem).
    """
    return {p: "/".join(parts[-2:]) for p, parts in _parts(paths).items()}


def id_stems(paths: list[str]) -> dict[str, str]:
    """Record-id stems for the inputs whose default stem (folder/file, records.id_stem) another input shares.

    Two page1.txt in two folders named 2025 would share ids, so those get more
    of their path (finding 7); two that differ only in their suffix (a01.txt,
    a01.md) are numbered as their output files are (a01, a01-2).
    """
    default = default_id_stems(paths)
    count: dict[str, int] = defaultdict(int)
    for s in default.values():
        count[s] += 1
    clashing = [p for p in paths if count[default[p]] > 1]
    stems = {p: "/".join(s) for p, s in unique_suffixes(clashing, 2).items()}
    return _numbered([(p, stems[p]) for p in clashing], str, set(default.values()))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _not_a_file(path: str) -> str | None:
    """What path is when renaming a file over it would silently replace it: 'a device', 'a pipe', …; else None.

    A regular file is replaced as intended; a folder is not replaced at all (the write fails
    and says so), nor is a missing path anything to lose.
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return "a broken symbolic link" if os.path.islink(path) else None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"


def check_output(output: str, targets: list[str], inputs: list[str], folders: list[Path],
                 stdout_ok: bool = True) -> None:
    """Refuse outputs that would destroy an input or be read back as one; raises UsageError (finding 1).

    targets are the files the run may write (the -o file, or each input's file in -o DIR/);
    a target is an input when it is the same file (same inode: symlinks and hard links too).
    stdout_ok says whether the command can write to standard output instead.
    """
    real_inputs = {file_identity(p) for p in inputs if p != STDIN} - {None}
    for t in targets:
        if file_identity(t) in real_inputs:
            raise UsageError(f"-o {shown(output)}: would overwrite the input {shown(t)}; choose another output")
        what = _not_a_file(t)
        if what:
            # outputs are renamed into place, which replaces what is there: run as root, -o /dev/null
            # replaced the device itself with a file of records (found by a README audit)
            instead = ("choose another -o (a file, or a folder DIR/), or leave -o out to write to standard output"
                       if stdout_ok else "choose another -o")
            raise UsageError(f"-o {shown(output)}: {shown(t)} is {what}, not a file, and outputs are renamed "
                             f"into place over what is there: {instead}")
    out = os.path.realpath(output)
    for folder in folders:
        if _inside(out, os.path.realpath(folder)):
            raise UsageError(f"-o {shown(output)}: is inside the input folder {shown(str(folder))}, which is read "
                             "with its sub-folders: a rerun would read the outputs back as inputs; "
                             "choose an output outside it")


# --- completion markers ---------------------------------------------------------------------


def write_marker(marker: Path, key: str, size: int, sha256: str, source: str) -> None:
    """Record that an input is finished: its key, the size and hash its output file was written with, and the
    input it was written from (source: its absolute path)."""
    # (ASCII JSON: a file name that is not UTF-8 holds a lone surrogate, test_robust finding 2)
    write_text_atomic(marker, json.dumps({"key": key, "bytes": size, "sha256": sha256, "source": source}) + "\n")


def read_marker(marker: Path) -> dict:
    """A completion marker's fields ({} when there is none, or it cannot be read)."""
    try:
        m = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return m if isinstance(m, dict) else {}


def marker_state(out: Path, m: dict, key: str, source: str) -> str:
    """'finished' when the marker m's key and source match and out is the file it recorded; 'changed' when
    they match but the output was altered since (emptied, truncated, edited); else 'missing' (finding 3).

    A marker of another source (the same input moved, or its folder renamed, since) is not this input's:
    its records' ids name the old folder.
    """
    if m.get("key") != key or m.get("source", source) != source:
        return "missing"
    try:
        if out.stat().st_size != m.get("bytes"):
            return "changed"
        with open(out, "rb") as f:
            same = hashlib.file_digest(f, "sha256").hexdigest() == m.get("sha256")
    except OSError:
        return "changed"
    return "finished" if same else "changed"
