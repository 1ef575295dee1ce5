"""Option checks made before any input is read or any model loaded, whatever the stages (finding 6).

`--device tpu` or `--dtype float8` with `--summarizer lead --translator none`
loads no model, so nothing downstream would ever look at them: they are
checked here, once, for every command.
"""

from __future__ import annotations

import codecs
import re

from .errors import UsageError
from .io.read import DECODE_ERRORS, INPUT_FORMATS, ReadOptions
from .pipeline import StageOptions

_DEVICE = re.compile(r"auto|cpu|mps|cuda(:\d+)?")

#: the stage options that take one of a few words
CHOICES = {"long_summary": ("map-reduce", "lead-truncate"), "on_degenerate": ("error", "flag"),
           "backend": ("transformers", "ctranslate2")}


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def check_read_options(read: ReadOptions) -> None:
    """Raise UsageError for an --encoding, --errors or --input-format no input could be read with."""
    if read.encoding:
        try:
            codecs.lookup(read.encoding)
        except LookupError:
            raise UsageError(f"--encoding {read.encoding}: no such encoding (e.g. utf-8, gb18030, big5, "
                             "utf-16)") from None
    if read.errors not in DECODE_ERRORS:
        raise UsageError(f"--errors {read.errors}: expected {' or '.join(DECODE_ERRORS)}")
    if read.input_format not in INPUT_FORMATS:
        raise UsageError(f"--input-format {read.input_format}: expected one of {', '.join(INPUT_FORMATS)}")


def check_stage_options(opts: StageOptions) -> None:
    """Raise UsageError (or DeviceError, exit 2 too) for a device, dtype or choice no stage can use."""
    from .models.device import DEVICES, DTYPES, resolve_device

    device = opts.device.strip().lower()
    if not _DEVICE.fullmatch(device):
        raise UsageError(f"--device {opts.device}: expected one of {DEVICES}")
    if opts.dtype not in DTYPES:
        raise UsageError(f"--dtype {opts.dtype}: expected one of {', '.join(DTYPES)}")
    for name, allowed in CHOICES.items():
        if getattr(opts, name) not in allowed:
            raise UsageError(f"{_flag(name)} {getattr(opts, name)}: expected {' or '.join(allowed)}")
    if device not in ("auto", "cpu"):
        resolve_device(device)  # cuda, cuda:N, mps: is it there? (imports torch)
