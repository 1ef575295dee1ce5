"""`newsbrief report`: read a run back and write the reader page atomically."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer


def report(paths: Annotated[list[str], typer.Argument(help="A run's output folder (-o DIR/) or its JSONL files.")],
           output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write.")] = "issue.html",
           title: Annotated[Optional[str], typer.Option("--title", help="Page title [default: the run's name].")]
           = None) -> None:
    """Write a run as one self-contained bilingual HTML page: contents, abstracts, Chinese beside English."""
    from ..errors import OutputError, UsageError
    from ..io.outputs import check_output
    from ..io.runs import RunFilesError, read_run, read_run_json
    from ..io.write import write_text_atomic
    from .render import render

    # (before the records are read: a refused -o costs nothing)
    try:  # `report run.jsonl -o run.jsonl` replaced the run with the page; -o /dev/null the device (session-23 review)
        check_output(output, [output], [str(f) for p in paths for f in _files(Path(p))], [], stdout_ok=False)
        if output.lower().endswith(".jsonl") or Path(output).is_dir():
            # (a page named .jsonl in a run folder is read back as records, and breaks every later report)
            raise UsageError(f"-o {output}: give the name of the HTML file to write (issue.html)")
    except UsageError as e:
        print(f"newsbrief: {e}", file=sys.stderr)
        raise typer.Exit(e.exit_code) from None
    try:
        records = read_run(paths)
    except RunFilesError as e:
        print(f"newsbrief: {e}", file=sys.stderr)
        raise typer.Exit(1) from None
    if not records:
        print(f"newsbrief: {' '.join(paths)}: holds no records", file=sys.stderr)
        raise typer.Exit(1)
    name = title or Path(paths[0].rstrip("/\\")).name or "newsbrief"
    html = render(records, read_run_json(paths), name)
    try:
        write_text_atomic(output, html)
    except OutputError as e:
        print(f"newsbrief: {e}", file=sys.stderr)
        raise typer.Exit(e.exit_code) from None
    out = Path(output)
    n = sum(a.kind == "article" for a in records)
    print(f"newsbrief: {out}: {n} articles, {len(records) - n} fragments", file=sys.stderr)


def _files(path: Path) -> list[Path]:
    """The files a report argument stands for: a run folder's every file (records, run.json, markers), or itself."""
    return [f for f in path.rglob("*") if f.is_file()] if path.is_dir() else [path]
