"""The settings of a run, their allowed values, and the checks made before any input is read or model loaded.

The CLI builds its options from these enums (so `--help` lists the choices)
and its defaults from StageOptions (so they are written once). `--device tpu`
or `--dtype float8` with `--summarizer lead --translator none` loads no model,
so nothing downstream would ever look at them: they are checked here, once,
for every command (issue 10 finding 6, issue 12).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from . import config
from .errors import UsageError
from .io.read import DECODE_ERRORS, INPUT_FORMATS, ReadOptions
from .models.presets import PROFILES


class Backend(StrEnum):
    """What runs the models (the runtime; a model's architecture is read from its config)."""

    transformers = "transformers"
    ctranslate2 = "ctranslate2"


class Dtype(StrEnum):
    """torch precision of the transformers runtime."""

    auto = "auto"
    float32 = "float32"
    float16 = "float16"
    bfloat16 = "bfloat16"


class ComputeType(StrEnum):
    """CTranslate2 compute types (its documentation's list)."""

    auto = "auto"
    int8 = "int8"
    int8_float32 = "int8_float32"
    int8_float16 = "int8_float16"
    int8_bfloat16 = "int8_bfloat16"
    int16 = "int16"
    float16 = "float16"
    bfloat16 = "bfloat16"
    float32 = "float32"


class LongSummary(StrEnum):
    """What to do with an article longer than the summariser's input."""

    map_reduce = "map-reduce"
    lead_truncate = "lead-truncate"


class OnDegenerate(StrEnum):
    """What a degenerate output the retry did not fix makes of its article."""

    error = "error"
    flag = "flag"


class Engine(StrEnum):
    """What runs a batch's units of work: this process, or a pool of Ray workers (issue 11)."""

    local = "local"
    ray = "ray"


#: how input files are read (io/read.py)
InputFormat = StrEnum("InputFormat", {name: name for name in INPUT_FORMATS})
DecodeErrors = StrEnum("DecodeErrors", {name: name for name in DECODE_ERRORS})

#: model pairs by name, as models/presets.py defines them
Preset = StrEnum("Preset", {name.replace("-", "_"): name for name in PROFILES})


#: the model stages a command may ask for, in the order they run (translation reads the abstract)
TASKS = ("summarize", "translate")

#: what --device accepts; whether the device is there is checked by check_device
DEVICE_PATTERN = re.compile(r"auto|cpu|mps|cuda(:\d+)?")


@dataclass
class StageOptions:
    """Settings of the model stages, as the CLI gives them; the defaults of the CLI's options."""

    summarizer: str = "lead"
    translator: str = "none"
    summary_max_new_tokens: int = config.SUMMARY_MAX_NEW_TOKENS
    device: str = "auto"
    dtype: Dtype = Dtype.auto
    max_batch_tokens: int = config.MAX_BATCH_TOKENS
    num_beams: int = 1
    long_summary: LongSummary = LongSummary.map_reduce
    on_degenerate: OnDegenerate = OnDegenerate.error
    offline: bool = False
    backend: Backend = Backend.transformers
    compute_type: ComputeType = ComputeType.auto
    #: asked between batches; True stops the run (SIGINT/SIGTERM) by raising Interrupted
    should_stop: Callable[[], bool] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class RayOptions:
    """--engine ray's options."""

    address: str | None = None  # None: a local Ray for this run; auto or HOST:PORT: join that cluster
    workers: int | None = None  # None: one per node (one per --gpus-per-worker share of the GPUs)
    gpus_per_worker: float = 0.0


def engine_options(engine: str, ray_address: str | None, workers: int | None,
                   gpus_per_worker: float) -> RayOptions | None:
    """RayOptions for --engine ray, None for local; raises UsageError for Ray options given without it."""
    if engine == Engine.local:
        given = [flag for flag, value in (("--ray-address", ray_address), ("--workers", workers),
                                          ("--gpus-per-worker", gpus_per_worker or None)) if value is not None]
        if given:
            raise UsageError(f"{', '.join(given)}: only with --engine ray")
        return None
    return RayOptions(ray_address, workers, gpus_per_worker)


def check_read_options(read: ReadOptions) -> None:
    """Raise UsageError for an --encoding, --errors or --input-format no input could be read with, or no dictionary."""
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
    if read.input_format != "jsonl":
        from .segment import lexicon  # (here, not at the top: `newsbrief --help` loads no segmenter)

        missing = lexicon.problem()
        if missing:
            raise UsageError(missing)


def check_stage_options(opts: StageOptions) -> None:
    """Check every stage option before any work, whatever the stages; raises UsageError saying what to do.

    Issue 12: `--device tpu` and `--device cuda:9` used to pass unnoticed when
    no model was loaded (--summarizer lead --translator none).
    """
    for name, kind in (("dtype", Dtype), ("backend", Backend), ("compute_type", ComputeType),
                       ("long_summary", LongSummary), ("on_degenerate", OnDegenerate)):
        value = getattr(opts, name)
        if value not in {k.value for k in kind}:
            raise UsageError(f"--{name.replace('_', '-')} {value}: expected one of "
                              f"{', '.join(k.value for k in kind)}")
    for name in ("summary_max_new_tokens", "max_batch_tokens", "num_beams"):
        if getattr(opts, name) < 1:
            raise UsageError(f"{name}: must be at least 1, not {getattr(opts, name)}")
    check_device(opts.device)
    if opts.backend == Backend.ctranslate2:
        try:
            import ctranslate2  # noqa: F401
        except ImportError:
            raise UsageError("--backend ctranslate2 needs the ct2 extra: pip install 'newsbrief[ct2]'") from None
        if opts.device == "mps":
            raise UsageError("--backend ctranslate2 runs on cpu or cuda, not mps")


def check_device(device: str) -> None:
    """Raise UsageError for a --device that is malformed or not on this machine (imports torch for GPUs only)."""
    if not DEVICE_PATTERN.fullmatch(device.strip().lower()):
        raise UsageError(f"--device {device}: expected auto, cpu, cuda, cuda:N or mps")
    if device in ("auto", "cpu"):
        return
    from .models.base import DeviceError
    from .models.device import resolve_device

    try:
        resolve_device(device)
    except DeviceError as e:
        raise UsageError(str(e)) from None
