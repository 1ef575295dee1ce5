"""The newsbrief command line: a thin layer over segmentation, the model stages and the writers.

Nothing here imports torch or transformers at module level, so `newsbrief
--help` and `newsbrief segment` start fast; models load on first use.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from typing import Annotated, Optional

import typer

from . import __version__, log
from .options import (TASKS, Backend, ComputeType, DecodeErrors, Dtype, Engine, InputFormat, LongSummary,
                      OnDegenerate, Preset, StageOptions)
from .eval.cli import app as eval_app
from .report.cli import report as report_command

app = typer.Typer(help="Chinese newspaper pages to per-article abstracts (摘要) and English translations.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)  # help text is printed as written: [ct2] and [default: …] stay
models_app = typer.Typer(help="List and download the models newsbrief uses.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(models_app, name="models")
app.add_typer(eval_app, name="eval")
app.command("report")(report_command)

_D = StageOptions()  # the defaults, written once in options.py

# --- every option, declared once ------------------------------------------------------------------

Paths = Annotated[list[str], typer.Argument(help="Pages (PDF or extracted text), folders of pages, globs, article "
                                                 "JSONL, or - for stdin.")]
OutOpt = Annotated[str, typer.Option("--output", "-o", help="Where to write JSONL: - for stdout, a file, or a "
                                     "folder (ending in /) for one file per input plus run.json.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Redo inputs a previous run finished (default: resume).")]
EncOpt = Annotated[Optional[str], typer.Option("--encoding", help="Decode input with this encoding instead of "
                                               "detecting it (BOM, UTF-8, GB18030, Big5).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Nothing on stderr but warnings and errors.")]
FormatOpt = Annotated[InputFormat, typer.Option("--input-format", help="page (text to segment), jsonl (article records) "
                                        "or auto (*.jsonl, or text whose first line is a JSON object).")]
ErrorsOpt = Annotated[DecodeErrors, typer.Option("--errors", help="Undecodable bytes: strict (the input fails, naming "
                                        "the byte) or replace (U+FFFD, counted in source.replaced).")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Also show what transformers and "
                                          "huggingface_hub print while loading models.")]
SumOpt = Annotated[Optional[str], typer.Option("--summarizer", help="lead (no model), none, a preset, a Hugging "
                                               "Face id or a local model folder [default: the preset's].")]
TrOpt = Annotated[Optional[str], typer.Option("--translator", help="none, a preset, a Hugging Face id or a local "
                                              "model folder [default: the preset's].")]
#: translate's own: a translate command with no translator would have nothing to do
TrModelOpt = Annotated[Optional[str], typer.Option("--translator", help="A preset, a Hugging Face id or a local "
                                                   "model folder [default: the preset's].")]
PresetOpt = Annotated[Preset, typer.Option("--preset", help="Model pair: cpu (qwen2.5-0.5b + opus-mt-zh-en), gpu "
                                           "(qwen2.5-7b + m2m100-1.2b), offline-baseline (lead, no translation).")]
DevOpt = Annotated[str, typer.Option("--device", metavar="[auto|cpu|cuda|cuda:N|mps]",
                                     help="Where models run; auto is CUDA when available.")]
DtypeOpt = Annotated[Dtype, typer.Option("--dtype", help="auto: bf16/fp16 on GPU, fp32 on CPU.")]
BatchOpt = Annotated[int, typer.Option("--max-batch-tokens", min=1, help="Padded input tokens per generation batch.")]
BeamsOpt = Annotated[int, typer.Option("--num-beams", min=1, help="Beam width; 1 is greedy (fastest).")]
LongOpt = Annotated[LongSummary, typer.Option("--long-summary", help="Articles longer than the summariser's input.")]
DegOpt = Annotated[OnDegenerate, typer.Option("--on-degenerate", help="A degenerate output (loop, empty, cut at "
                                              "its cap) the retry did not fix: error (status error) or flag "
                                              "(kept, noted in meta).")]
SumTokOpt = Annotated[int, typer.Option("--summary-tokens", min=1, help="Most tokens of an abstract.")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Never contact the Hugging Face Hub; use local models only.")]
BackendOpt = Annotated[Backend, typer.Option("--backend", help="What runs the models: transformers, or ctranslate2 "
                                             "(pip install 'newsbrief[ct2]'; int8 on CPU; seq2seq models and "
                                             "causal LMs such as Qwen2).")]
ComputeOpt = Annotated[ComputeType, typer.Option("--compute-type", help="CTranslate2 compute type; auto is int8 "
                                                 "on CPU, int8_float16 on GPU.")]

EngineOpt = Annotated[Engine, typer.Option("--engine", help="What runs the pages: local (this process) or ray "
                                           "(workers across a Ray cluster; needs -o DIR/ and pip install "
                                           "'newsbrief[ray]').")]
RayAddressOpt = Annotated[Optional[str], typer.Option("--ray-address", help="--engine ray: auto or HOST:PORT of a "
                                                      "running cluster [default: a local Ray for this run].")]
WorkersOpt = Annotated[Optional[int], typer.Option("--workers", min=1, help="--engine ray: workers, each loading "
                                                   "the models once [default: one per node, or per GPU share].")]
GpusOpt = Annotated[float, typer.Option("--gpus-per-worker", min=0.0, help="--engine ray: GPUs each worker "
                                        "reserves (0.5: two workers share a GPU).")]

#: option groups shared by commands: parameter name -> (annotated type, default)
IO_OPTIONS = {"output": (OutOpt, "-"), "encoding": (EncOpt, None), "input_format": (FormatOpt, InputFormat.auto),
              "errors": (ErrorsOpt, DecodeErrors.strict), "force": (ForceOpt, False), "quiet": (QuietOpt, False),
              "verbose": (VerboseOpt, False)}
MODEL_OPTIONS = {"device": (DevOpt, _D.device), "dtype": (DtypeOpt, _D.dtype),
                 "backend": (BackendOpt, _D.backend), "compute_type": (ComputeOpt, _D.compute_type),
                 "max_batch_tokens": (BatchOpt, _D.max_batch_tokens), "num_beams": (BeamsOpt, _D.num_beams),
                 "on_degenerate": (DegOpt, _D.on_degenerate), "offline": (OfflineOpt, _D.offline)}
ENGINE_OPTIONS = {"engine": (EngineOpt, Engine.local), "ray_address": (RayAddressOpt, None),
                  "workers": (WorkersOpt, None), "gpus_per_worker": (GpusOpt, 0.0)}
SUMMARY_OPTIONS = {"long_summary": (LongOpt, _D.long_summary),
                   "summary_max_new_tokens": (SumTokOpt, _D.summary_max_new_tokens)}


def with_options(*groups: dict) -> Callable:
    """Add shared option groups to a command; the command gets them as one `options` dict.

    Typer reads a command's parameters from its signature, so the signature
    is extended here instead of each command repeating a dozen options.
    """
    def decorate(fn: Callable) -> Callable:
        own = [p for p in inspect.signature(fn, eval_str=True).parameters.values() if p.name != "options"]
        extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann, default=default)
                 for group in groups for name, (ann, default) in group.items()]

        @functools.wraps(fn)
        def command(**kwargs):
            options = {name: kwargs.pop(name) for group in groups for name in group}
            return fn(**kwargs, options=options)

        command.__signature__ = inspect.Signature(own + extra)
        command.__annotations__ = {p.name: p.annotation for p in own + extra}
        return command
    return decorate


def _err(msg: str) -> None:
    """One line to stderr."""
    print(f"newsbrief: {msg}", file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"newsbrief {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """Chinese newspaper pages to per-article abstracts (摘要) and English translations."""


def _batch(paths: list[str], tasks: tuple[str, ...], options: dict) -> None:
    """Check every option, run a batch and exit with its status (errors.py says which)."""
    from .batch import Batch
    from .errors import RunError, exit_code
    from .io.read import ReadOptions
    from .models.base import ModelError
    from .options import check_read_options, check_stage_options, engine_options

    io = {k: options.pop(k) for k in IO_OPTIONS}
    engine = {k: options.pop(k, default) for k, (_, default) in ENGINE_OPTIONS.items()}
    log.setup(log.QUIET if io["quiet"] else log.VERBOSE if io["verbose"] else log.NORMAL)
    read = ReadOptions(encoding=io["encoding"], errors=io["errors"], input_format=io["input_format"])
    opts = StageOptions(**options)
    try:
        check_read_options(read)
        check_stage_options(opts)
        ray = engine_options(**engine)  # by name: ENGINE_OPTIONS' keys are its parameters
        if opts.offline:
            # before transformers is imported: it reads these once
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
        code = Batch(paths, io["output"], read, tasks, opts, force=io["force"], quiet=io["quiet"], ray=ray).run()
    except (RunError, ModelError) as e:
        _err(str(e))
        raise typer.Exit(exit_code(e)) from None
    if code:
        raise typer.Exit(code)


def _pair(preset: str, summarizer: str | None, translator: str | None) -> tuple[str, str]:
    """The summarizer and translator to use: those given, else the preset's."""
    from .models.presets import PROFILES

    default = PROFILES[preset]
    return summarizer or default[0], translator or default[1]


@app.command()
@with_options(IO_OPTIONS)
def segment(paths: Paths, options: dict) -> None:
    """Split pages (PDF or text) into articles: one JSONL record per article or fragment."""
    _batch(paths, (), options)


@app.command()
@with_options(IO_OPTIONS, MODEL_OPTIONS, SUMMARY_OPTIONS, ENGINE_OPTIONS)
def run(paths: Paths, options: dict, preset: PresetOpt = Preset.cpu, summarizer: SumOpt = None,
        translator: TrOpt = None) -> None:
    """Segment pages, then summarise and translate every article."""
    summarizer, translator = _pair(preset, summarizer, translator)
    _batch(paths, TASKS, {**options, "summarizer": summarizer, "translator": translator})


@app.command()
@with_options(IO_OPTIONS, MODEL_OPTIONS, SUMMARY_OPTIONS, ENGINE_OPTIONS)
def summarize(paths: Paths, options: dict, preset: PresetOpt = Preset.cpu, summarizer: SumOpt = None) -> None:
    """Add Chinese abstracts (summary_zh) to article JSONL."""
    if summarizer == "none":  # a run of this command that writes every record unchanged helps no one
        raise typer.BadParameter("summarize needs a summarizer and none leaves it nothing to do; name one (lead, a "
                                 "preset, a Hugging Face id or a model folder: newsbrief models list)",
                                 param_hint="--summarizer")
    _batch(paths, ("summarize",), {**options, "summarizer": _pair(preset, summarizer, None)[0]})


@app.command()
@with_options(IO_OPTIONS, MODEL_OPTIONS, ENGINE_OPTIONS)
def translate(paths: Paths, options: dict, preset: PresetOpt = Preset.cpu, translator: TrModelOpt = None) -> None:
    """Add English translations (headline_en, paragraphs_en, summary_en …) to article JSONL."""
    chosen = _pair(preset, None, translator)[1]
    if chosen == "none":  # (--translator none, or a preset without one, offline-baseline: nothing to do)
        why = "none leaves it nothing to do" if translator else f"the {preset.value} preset has none"
        raise typer.BadParameter(f"translate needs a translation model and {why}; name one (a preset, a Hugging "
                                 "Face id or a model folder: newsbrief models list)", param_hint="--translator")
    _batch(paths, ("translate",), {**options, "translator": chosen})


@models_app.command("list")
def models_list() -> None:
    """The presets, what each is for, its licence, and whether it is on this machine."""
    from .models.hub import local_status
    from .models.presets import BUILTIN, PRESETS, PROFILES

    for p in PRESETS.values():
        print(f"{p.name:<15} {p.model_id:<36} {'/'.join(p.tasks):<19} {p.size:<22} {p.licence}"
              f"{'' if p.commercial else '  [NON-COMMERCIAL]'}\n{'':<15} {p.why}\n{'':<15} {local_status(p.model_id)}")
    for name, what in BUILTIN.items():
        print(f"{name:<15} {what}")
    print("\nprofiles (summarizer, translator): " + "; ".join(f"{k}: {v[0]} + {v[1]}" for k, v in PROFILES.items()))


@models_app.command("pull")
def models_pull(names: Annotated[Optional[list[str]], typer.Argument(
        help="Presets or Hugging Face ids; default: the cpu profile's models.")] = None) -> None:
    """Download models into models/ (or $NEWSBRIEF_MODELS) at a pinned revision, for offline use after."""
    from .models.base import ModelError
    from .models.hub import pull
    from .models.presets import PRESETS, PROFILES

    failed = False
    for name in names or list(PROFILES["cpu"]):
        preset = PRESETS.get(name)
        model_id, revision = (preset.model_id, preset.revision) if preset else (name, None)
        if "/" not in model_id:
            _err(f"{name}: not a preset or a Hugging Face id (org/name)")
            failed = True
            continue
        try:
            path, sha = pull(model_id, revision)
            print(f"{name}: {path} at {sha}")
        except ModelError as e:
            _err(str(e))
            failed = True
    if failed:
        raise typer.Exit(2)


def run_cli() -> None:
    """Console-script entry point (a batch whose stdout reader goes away ends itself quietly: batch._local)."""
    app()
