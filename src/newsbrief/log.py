"""newsbrief's own messages on stderr, and how loud the libraries under it may be.

Three levels: --quiet (warnings and errors only), the default (newsbrief's
progress lines too), --verbose (also the progress bars and warnings that
transformers and huggingface_hub print while loading a model, which issue 12
found interleaved with newsbrief's own lines).
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

QUIET, NORMAL, VERBOSE = -1, 0, 1

log = logging.getLogger("newsbrief")
_level = NORMAL


class _Stderr(logging.StreamHandler):
    """A handler writing to whatever sys.stderr is when a line is written (a test runner swaps it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def setup(level: int) -> None:
    """Send newsbrief's messages to stderr as `newsbrief: ...` lines at this level."""
    global _level
    _level = level
    if not log.handlers:
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("newsbrief: %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    log.setLevel({QUIET: logging.WARNING, NORMAL: logging.INFO, VERBOSE: logging.DEBUG}[level])


def info(msg: str) -> None:
    """A progress line (not shown with --quiet)."""
    log.info(msg)


def warning(msg: str) -> None:
    """Something the user should know about; always shown."""
    log.warning(f"warning: {msg}")


def verbose() -> bool:
    """Whether --verbose is on."""
    return _level >= VERBOSE


@contextmanager
def libraries_hushed() -> Iterator[None]:
    """Silence transformers' and huggingface_hub's bars, log lines and Python warnings (unless --verbose).

    What they print while loading (`Loading weights: 100%|...`, `Recommended:
    pip install sacremoses`) tells a newsbrief user nothing they can act on.
    """
    if verbose():
        yield
        return
    import huggingface_hub.utils
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    huggingface_hub.utils.disable_progress_bars()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


setup(NORMAL)
