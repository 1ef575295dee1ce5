"""Input of any kind as articles: page text is segmented, article JSONL from an earlier stage is read back."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import PurePath

from ..records import Article
from .jsonl import RecordError, read_records
from .read import STDIN, InputError, PageText, ReadOptions, read_page, shown


@dataclass
class Input:
    """One input (a file or stdin): the articles it holds, or the error that stopped it."""

    name: str
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    kind: str = "page"  # page | pdf | jsonl


def _looks_like_jsonl(page: PageText) -> bool:
    """Whether an input is article JSONL: named *.jsonl, or its first non-blank line is a JSON object.

    A page whose text merely starts with '{' is page text (finding 7).
    """
    if page.path != STDIN and PurePath(page.path).suffix.lower() == ".jsonl":
        return True
    first = next((line for line in page.text.split("\n") if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def read_input(path: str, opts: ReadOptions | None = None) -> PageText | Input:
    """One input's text (a file, or - for stdin), or an Input holding the error that stopped it."""
    try:
        return read_page(path, opts)
    except InputError as e:
        return Input(shown(path), error=str(e))
    except OSError as e:
        return Input(shown(path), error=e.strerror or str(e))


def parse_input(page: PageText, input_format: str = "auto") -> Input:
    """The articles of an input's text: article JSONL read back, page text segmented."""
    from ..segment import segment_page

    if page.pdf is not None and input_format == "jsonl":  # it read as 0 records and "done" (session-23 review)
        return Input(page.path, error="is a PDF, not article JSONL: leave out --input-format jsonl to segment it",
                     kind="pdf")
    if input_format == "jsonl" or input_format == "auto" and page.pdf is None and _looks_like_jsonl(page):
        try:
            return Input(page.path, list(read_records(io.StringIO(page.text), page.path)), kind="jsonl")
        except RecordError as e:
            return Input(page.path, error=f"not valid article JSONL: {e}", kind="jsonl")
    if page.pdf is not None:
        return _parse_pdf(page)
    articles = segment_page(page)
    for a in articles:
        a.source.replaced = page.replaced
    return Input(page.path, articles)


def _parse_pdf(page: PageText) -> Input:
    """The articles of a PDF's pages; a page that cannot be read is reported and the others go on."""
    from ..pdf import PdfError, segment_pdf

    try:
        records, problems = segment_pdf(page.pdf, page.path, page.page)
    except PdfError as e:
        return Input(page.path, error=str(e), kind="pdf")
    for problem in problems:
        print(f"newsbrief: {page.path}: warning: {problem}", file=sys.stderr)
    return Input(page.path, records, kind="pdf")
