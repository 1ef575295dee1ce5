"""The newsbrief command line: a thin layer over segmentation, the model stages and the writers.

Nothing here imports torch or transformers at module level, so `newsbrief
--help` and `newsbrief segment` start fast; models load on first use.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Optional

import typer

from . import __version__, config
from .eval.cli import app as eval_app
from .report.cli import report as report_command

app = typer.Typer(help="Chinese newspaper pages to per-article abstracts (摘要) and English translations.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
models_app = typer.Typer(help="List and download the models newsbrief uses.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(eval_app, name="eval")
app.command("report")(report_command)

Paths = Annotated[list[str], typer.Argument(help="Page text files, folders of pages, globs, article JSONL, or - for stdin.")]
OutOpt = Annotated[str, typer.Option("--output", "-o", help="Where to write JSONL: - for stdout, a file, or a "
                                     "folder (ending in /) for one file per input plus run.json.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Redo inputs a previous run finished (default: resume).")]
EncOpt = Annotated[Optional[str], typer.Option("--encoding", help="Decode input with this encoding instead of "
                                               "detecting it (BOM, UTF-8, GB18030, Big5).")]
SumOpt = Annotated[Optional[str], typer.Option("--summarizer", help="lead (no model), none, a preset, a Hugging "
                                               "Face id or a local model folder [default: the preset's].")]
TrOpt = Annotated[Optional[str], typer.Option("--translator", help="none, a preset, a Hugging Face id or a local "
                                              "model folder [default: the preset's].")]
PresetOpt = Annotated[str, typer.Option("--preset", help="Model pair: cpu (qwen2.5-0.5b + opus-mt-zh-en), gpu "
                                        "(qwen2.5-7b + m2m100-1.2b), offline-baseline (lead, no translation).")]
DevOpt = Annotated[str, typer.Option("--device", help="auto (CUDA when available), cpu, cuda, cuda:N or mps.")]
DtypeOpt = Annotated[str, typer.Option("--dtype", help="auto (bf16/fp16 on GPU, fp32 on CPU), float32, float16 "
                                       "or bfloat16.")]
BatchOpt = Annotated[int, typer.Option("--max-batch-tokens", min=1, help="Padded input tokens per generation batch.")]
BeamsOpt = Annotated[int, typer.Option("--num-beams", min=1, help="Beam width; 1 is greedy (fastest).")]
LongOpt = Annotated[str, typer.Option("--long-summary", help="Articles longer than the summariser's input: "
                                      "map-reduce or lead-truncate.")]
DegOpt = Annotated[str, typer.Option("--on-degenerate", help="A repetition loop the retry did not fix: error "
                                     "(status error) or flag (kept, noted in meta).")]
SumTokOpt = Annotated[int, typer.Option("--summary-tokens", min=1, help="Most tokens of an abstract.")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Never contact the Hugging Face Hub; use local models only.")]
BackendOpt = Annotated[str, typer.Option("--backend", help="transformers, or ctranslate2 for seq2seq models "
                                         "(pip install 'newsbrief[ct2]'; int8 on CPU).")]
ComputeOpt = Annotated[str, typer.Option("--compute-type", help="CTranslate2 compute type: auto (int8 on CPU, "
                                         "int8_float16 on GPU), int8, float16, float32 ...")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")]
FormatOpt = Annotated[str, typer.Option("--input-format", help="page (text to segment), jsonl (article records) "
                                        "or auto (*.jsonl, or text whose first line is a JSON object).")]
ErrorsOpt = Annotated[str, typer.Option("--errors", help="Undecodable bytes: strict (the input fails, naming "
                                        "the byte) or replace (U+FFFD, counted in source.replaced).")]


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


def _batch(paths: list[str], output: str, read, stages: tuple[str, ...], opts, force: bool, quiet: bool) -> None:
    """Check the options, run a batch and exit with its status (errors.py says which)."""
    from .batch import Batch
    from .errors import RunError, exit_code
    from .models.base import ModelError
    from .options import check_read_options, check_stage_options

    try:
        check_read_options(read)
        check_stage_options(opts)
        code = Batch(paths, output, read, stages, opts, force=force, quiet=quiet).run()
    except (RunError, ModelError) as e:
        _err(str(e))
        raise typer.Exit(exit_code(e)) from None
    if code:
        raise typer.Exit(code)


def _read(encoding: str | None, input_format: str, errors: str):
    """How inputs are read, from the command line."""
    from .io.read import ReadOptions

    return ReadOptions(encoding=encoding, errors=errors, input_format=input_format)


@app.command()
def segment(paths: Paths, output: OutOpt = "-", encoding: EncOpt = None, force: ForceOpt = False,
            quiet: QuietOpt = False, input_format: FormatOpt = "auto", errors: ErrorsOpt = "strict") -> None:
    """Split page text into articles: one JSONL record per article or fragment."""
    from .pipeline import StageOptions

    _batch(paths, output, _read(encoding, input_format, errors), (), StageOptions(), force, quiet)


def _run_stages(paths: list[str], output: str, read, stages: tuple[str, ...], force: bool,
                quiet: bool, **options) -> None:
    """Run the batch with the model stages (options are checked in _batch)."""
    if options.get("offline"):
        # before transformers is imported: it reads these once
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from .pipeline import StageOptions

    _batch(paths, output, read, stages, StageOptions(**options), force, quiet)


def _pair(preset: str, summarizer: str | None, translator: str | None) -> tuple[str, str]:
    """The summarizer and translator to use: those given, else the preset's."""
    from .models.presets import PROFILES

    if preset not in PROFILES:
        raise typer.BadParameter(f"expected one of {', '.join(PROFILES)}", param_hint="--preset")
    default = PROFILES[preset]
    return summarizer or default[0], translator or default[1]


@app.command()
def run(paths: Paths, output: OutOpt = "-", encoding: EncOpt = None,
        preset: PresetOpt = "cpu", summarizer: SumOpt = None, translator: TrOpt = None, device: DevOpt = "auto",
        dtype: DtypeOpt = "auto", max_batch_tokens: BatchOpt = config.MAX_BATCH_TOKENS, num_beams: BeamsOpt = 1,
        long_summary: LongOpt = "map-reduce", on_degenerate: DegOpt = "error",
        summary_tokens: SumTokOpt = config.SUMMARY_MAX_NEW_TOKENS, offline: OfflineOpt = False,
        backend: BackendOpt = "transformers", compute_type: ComputeOpt = "auto", force: ForceOpt = False,
        quiet: QuietOpt = False, input_format: FormatOpt = "auto", errors: ErrorsOpt = "strict") -> None:
    """Segment pages, then summarise and translate every article."""
    summarizer, translator = _pair(preset, summarizer, translator)
    stages = ("summarize",) + (("translate",) if translator != "none" else ())
    _run_stages(paths, output, _read(encoding, input_format, errors), stages, force, quiet, summarizer=summarizer,
                translator=translator, device=device, dtype=dtype, max_batch_tokens=max_batch_tokens,
                num_beams=num_beams,
                long_summary=long_summary, on_degenerate=on_degenerate, summary_max_new_tokens=summary_tokens,
                offline=offline, backend=backend, compute_type=compute_type)


@app.command()
def summarize(paths: Paths, output: OutOpt = "-", encoding: EncOpt = None, preset: PresetOpt = "cpu",
              summarizer: SumOpt = None,
              device: DevOpt = "auto", dtype: DtypeOpt = "auto",
              max_batch_tokens: BatchOpt = config.MAX_BATCH_TOKENS, num_beams: BeamsOpt = 1,
              long_summary: LongOpt = "map-reduce", on_degenerate: DegOpt = "error",
              summary_tokens: SumTokOpt = config.SUMMARY_MAX_NEW_TOKENS, offline: OfflineOpt = False,
              backend: BackendOpt = "transformers", compute_type: ComputeOpt = "auto", force: ForceOpt = False,
              quiet: QuietOpt = False, input_format: FormatOpt = "auto", errors: ErrorsOpt = "strict") -> None:
    """Add Chinese abstracts (summary_zh) to article JSONL."""
    _run_stages(paths, output, _read(encoding, input_format, errors), ("summarize",), force, quiet,
                summarizer=_pair(preset, summarizer, None)[0], device=device, dtype=dtype,
                max_batch_tokens=max_batch_tokens, num_beams=num_beams,
                long_summary=long_summary, on_degenerate=on_degenerate, summary_max_new_tokens=summary_tokens,
                offline=offline, backend=backend, compute_type=compute_type)


@app.command()
def translate(paths: Paths, output: OutOpt = "-", encoding: EncOpt = None, preset: PresetOpt = "cpu",
              translator: TrOpt = None,
              device: DevOpt = "auto", dtype: DtypeOpt = "auto",
              max_batch_tokens: BatchOpt = config.MAX_BATCH_TOKENS, num_beams: BeamsOpt = 1,
              on_degenerate: DegOpt = "error", offline: OfflineOpt = False, backend: BackendOpt = "transformers",
              compute_type: ComputeOpt = "auto", force: ForceOpt = False, quiet: QuietOpt = False,
              input_format: FormatOpt = "auto", errors: ErrorsOpt = "strict") -> None:
    """Add English translations (headline_en, paragraphs_en, summary_en …) to article JSONL."""
    translator = _pair(preset, None, translator)[1]
    if translator == "none":
        raise typer.BadParameter("translate needs a model", param_hint="--translator")
    _run_stages(paths, output, _read(encoding, input_format, errors), ("translate",), force, quiet,
                translator=translator, device=device, dtype=dtype, max_batch_tokens=max_batch_tokens,
                num_beams=num_beams, on_degenerate=on_degenerate,
                offline=offline, backend=backend, compute_type=compute_type)


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
    """Console-script entry point: ends quietly when the reader of stdout goes away (| head)."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
