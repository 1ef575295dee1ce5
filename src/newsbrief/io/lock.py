"""One run at a time per output folder: a lock file that names the run holding it.

The lock is an flock on `FOLDER/.newsbrief/lock`, which the kernel drops when
the holder ends in any way (even kill -9), so a crashed run never leaves a
stale lock. The holder writes its pid into the file for the next run's
message (issue 10, finding 4: two runs on one -o DIR/ crashed each other).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from ..errors import OutputError, OutputLocked
from .read import file_identity
from .write import describe_os_error

LOCK_NAME = "lock"
#: times a lock is taken again when the file it locked was removed meanwhile (by a run that could not begin and
#: removed the folder it had just made: batch.Batch._unmake); one retry is the usual most
LOCK_TRIES = 3


class FolderLock:
    """An exclusive lock on an output folder, held from __enter__ to __exit__."""

    def __init__(self, folder: Path, output: str) -> None:
        self.path = folder / LOCK_NAME
        self.output = output
        self._fd: int | None = None

    def __enter__(self) -> "FolderLock":
        for _ in range(LOCK_TRIES):
            fd = self._open_locked()
            if _same_file(fd, self.path):
                break
            os.close(fd)  # a run that could not begin removed the file it had made after we opened it
        else:
            raise OutputError(f"{self.path}: the lock file keeps being replaced; run again")
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def _open_locked(self) -> int:
        """The lock file, opened (created if need be) and locked; OutputLocked when another run holds it."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as e:
            raise OutputError(f"{self.path}: cannot create the lock file: {describe_os_error(e)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise OutputLocked(f"{self.output}: another newsbrief run (pid {holder}) is writing there; "
                               "wait for it to finish or choose another -o") from None
        return fd

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock; the file stays (removing it would race a waiting run)
            self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    """Whether the open file fd is still the one at path (not removed or replaced since it was opened)."""
    st = os.fstat(fd)
    return file_identity(str(path)) == (st.st_dev, st.st_ino)
