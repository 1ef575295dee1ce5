"""The newsbrief command line: a thin layer over segmentation, the model stages and the writers.

Nothing here imports torch or transformers at module level, so `newsbrief
--help` and `newsbrief segment` start fast on a laptop.
"""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from . import __version__

app = typer.Typer(help="Chinese newspaper pages to per-article abstracts (摘要) and English translations.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

OutOpt = Annotated[str, typer.Option("--output", "-o", help="Where to write JSONL: a file, or - for stdout.")]
EncOpt = Annotated[Optional[str], typer.Option("--encoding", help="Decode input with this encoding instead of "
                                               "detecting it (BOM, UTF-8, GB18030, Big5).")]


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


@app.command()
def segment(paths: Annotated[list[str], typer.Argument(help="Page text files, folders of pages, globs, or - for stdin.")],
            output: OutOpt = "-", encoding: EncOpt = None) -> None:
    """Split page text into articles: one JSONL record per article or fragment."""
    from .io.jsonl import dumps, write_atomic
    from .io.read import InputError, expand_inputs, read_page, read_stdin
    from .segment import segment_page

    files, errors = expand_inputs(paths)
    records = []
    for path in files:
        try:
            page = read_stdin(encoding) if path == "-" else read_page(path, encoding)
        except InputError as e:
            errors.append((path, str(e)))
            continue
        except OSError as e:
            errors.append((path, e.strerror or str(e)))
            continue
        recs = segment_page(page)
        if not any(r.kind == "article" for r in recs):
            _err(f"{path}: warning: no article recognised; its text is kept as fragments")
        records.extend(recs)
    if output == "-":
        for r in records:
            sys.stdout.write(dumps(r) + "\n")
        sys.stdout.flush()
    else:
        write_atomic(output, records)
    for path, msg in errors:
        _err(f"{path}: {msg}")
    if errors:
        _err(f"{len(errors)} input(s) failed; {len(files) - len([e for e in errors if e[0] in files])} read")
        raise typer.Exit(1)


def run() -> None:
    """Console-script entry point: ends quietly when the reader of stdout goes away (| head)."""
    try:
        app()
    except BrokenPipeError:
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
