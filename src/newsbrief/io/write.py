"""Every file newsbrief writes goes through here: atomically, under a unique temporary name, with the umask's mode.

A write either puts the whole new file in place or leaves the old one as it
was: the bytes go to a temporary file of a name no other run can pick
(mkstemp), are flushed to disk, and the file is renamed over the target. Any
failure removes the temporary file and raises OutputError naming the path and
the reason (issue 10, finding 4: disk full left `.run.json.tmp` behind; two runs
on one folder crashed on a shared fixed temporary name).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

TMP_SUFFIX = ".tmp"


def _umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: mode of the files newsbrief creates: what open() would give (mkstemp alone gives 0600; finding 1)
FILE_MODE = 0o666 & ~_umask()


def describe_os_error(e: OSError) -> str:
    """An OSError as a short reason, with what to do for the common ones."""
    reason = e.strerror or str(e)
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        reason += " (free some space and run the same command again: finished inputs are kept)"
    elif e.errno == errno.EROFS:
        reason += " (choose another -o)"
    return reason


def ensure_dir(path: Path, what: str = "folder") -> None:
    """Create a folder and its parents, or raise OutputError saying why not."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{path}: cannot create {what}: a file of that name exists") from None
    except OSError as e:
        raise OutputError(f"{path}: cannot create {what}: {describe_os_error(e)}") from None


def write_atomic(path: str | os.PathLike, chunks: Iterable[bytes]) -> int:
    """Write chunks to path atomically; returns the bytes written. Raises OutputError."""
    path = Path(path)
    ensure_dir(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {describe_os_error(e)}") from None
    size = 0
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
                size += len(chunk)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{path}: cannot write: {describe_os_error(e)}") from None
        raise
    return size


def write_text_atomic(path: str | os.PathLike, text: str) -> int:
    """Write a UTF-8 text file atomically (see write_atomic)."""
    return write_atomic(path, [text.encode("utf-8")])


def remove_stale_temporaries(folder: Path) -> None:
    """Remove temporary files a killed run left in folder (call only while holding its lock)."""
    try:
        for f in folder.glob(f".*{TMP_SUFFIX}"):
            f.unlink(missing_ok=True)
    except OSError:
        pass  # a folder we cannot clean is reported when we write to it
