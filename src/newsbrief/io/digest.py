"""Content fingerprints of model folders, with each file's hash cached by size, mtime and inode.

Resume must redo an input when a model's weights change, even when the new
weights have the same size and the same config.json (issue 10, finding 3).
Hashing a 1 GB checkpoint takes seconds, so each file's sha256 is kept in a
cache and recomputed only when the file's size, mtime or inode changes.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..errors import OutputError
from .write import write_text_atomic


def cache_file() -> Path:
    """Where file hashes are cached: $NEWSBRIEF_CACHE, else $XDG_CACHE_HOME/newsbrief, else ~/.cache/newsbrief."""
    base = os.environ.get("NEWSBRIEF_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache",
                                                      "newsbrief")
    return Path(base) / "file-digests.json"


def _load(path: Path) -> dict:
    try:
        cache = json.loads(path.read_text(encoding="utf-8"))
        return cache if isinstance(cache, dict) else {}
    except (OSError, ValueError):
        return {}


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def folder_fingerprint(folder: Path) -> str:
    """A hash of every file under folder: relative names and contents (hashes cached)."""
    cache_path = cache_file()
    cache = _load(cache_path)
    changed = False
    h = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        st = f.stat()
        stamp = [st.st_size, st.st_mtime_ns, st.st_ino]
        key = os.path.realpath(f)
        entry = cache.get(key)
        if not (isinstance(entry, dict) and entry.get("stamp") == stamp):
            entry = cache[key] = {"stamp": stamp, "sha256": _sha256(f)}
            changed = True
        h.update(f"{f.relative_to(folder).as_posix()}\0{entry['sha256']}\n".encode("utf-8", "surrogateescape"))
    if changed:
        try:
            write_text_atomic(cache_path, json.dumps(cache))
        except OutputError:
            pass  # the cache only saves time; without it every run hashes again
    return h.hexdigest()[:16]
