"""What can stop a whole run, and the exit status each kind gives (the README's troubleshooting table).

Exit statuses:
  0    every input and article done
  1    some inputs or articles failed (each named on stderr; the others are written)
  2    the run could not start: a bad option, an output that is refused, an output
       folder another run holds, a model that cannot be used, a Ray cluster that
       cannot be started or joined or whose workers cannot run (--engine ray)
  3    the run stopped part-way: an output could not be written (disk full,
       read-only, permission, stdout closed), or a Ray run stopped (no progress,
       workers that disagree); what was finished is kept and a rerun resumes
  130  stopped by SIGINT (Ctrl-C); 143 stopped by SIGTERM
Failures of single inputs or articles never stop the run (README: "failures stay local").
"""

from __future__ import annotations

import errno

EXIT_FAILURES, EXIT_CANNOT_START, EXIT_WRITE_FAILED = 1, 2, 3


def exit_for_signal(signum: int) -> int:
    """The shell's convention: 128 + the signal number (130 for SIGINT, 143 for SIGTERM)."""
    return 128 + int(signum)


class RunError(Exception):
    """Something that stops the whole run; its class says the exit status."""

    exit_code = EXIT_CANNOT_START


class UsageError(RunError):
    """An option or an output that cannot work, found before any work is done."""


class OutputLocked(RunError):
    """Another run is writing to the same output folder."""


class OutputError(RunError):
    """An output that could not be written (an OSError, said in words)."""

    exit_code = EXIT_WRITE_FAILED


class EngineError(RunError):
    """A Ray cluster that cannot be started or joined, or whose workers cannot run (--engine ray)."""


class EngineStopped(RunError):
    """A Ray run that stopped part-way: nothing finished for too long, or workers that disagree."""

    exit_code = EXIT_WRITE_FAILED


#: links of an exception's cause chain looked along for a full disk (a ModelError over a library error over it)
CAUSE_DEPTH = 4


def disk_full(e: BaseException) -> OSError | None:
    """The full-disk (or over-quota) OSError that e is or was raised from, if any.

    A full disk is the machine's failure, not an article's: the model stages
    let it through to stop the run (session-23 hostile test; a library may wrap
    it, session-24 review).
    """
    cause: BaseException | None = e
    for _ in range(CAUSE_DEPTH):
        if cause is None:
            return None
        if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def exit_code(exc: BaseException) -> int:
    """The exit status for an exception that stopped the run (models' errors included)."""
    from .models.base import ModelError

    if isinstance(exc, RunError):
        return exc.exit_code
    if isinstance(exc, ModelError):
        return EXIT_CANNOT_START
    raise TypeError(f"no exit status for {type(exc).__name__}")
