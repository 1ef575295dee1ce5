"""Input of any kind as articles: page text is segmented, article JSONL from an earlier stage is read back."""

from __future__ import annotations

import hashlib
import io
import sys
from dataclasses import dataclass, field

from ..records import Article
from .jsonl import RecordError, read_records
from .read import PDF_MAGIC, InputError, PageText, decode, read_page


@dataclass
class Input:
    """One input (a file or stdin): the articles it holds, or the error that stopped it."""

    name: str
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    kind: str = "page"  # page | pdf | jsonl


def _looks_like_jsonl(text: str) -> bool:
    """Whether text is JSONL records rather than page text: its first non-blank character is '{'."""
    stripped = text.lstrip()
    return stripped.startswith("{")


def read_input(path: str, encoding: str | None = None) -> PageText | Input:
    """One input's text (a file, or - for stdin), or an Input holding the error that stopped it."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            if not data.strip():
                raise InputError("is empty")
            if PDF_MAGIC in data[:1024]:
                return PageText("-", "", "pdf", None, hashlib.sha256(data).hexdigest(), data)
            text, enc = decode(data, encoding)
            return PageText("-", text.replace("\r\n", "\n").replace("\r", "\n"), enc, None,
                            hashlib.sha256(data).hexdigest())
        return read_page(path, encoding)
    except InputError as e:
        return Input(path, error=str(e))
    except OSError as e:
        return Input(path, error=e.strerror or str(e))


def parse_input(page: PageText) -> Input:
    """The articles of an input's text: article JSONL read back, page text segmented."""
    from ..segment import segment_page

    if page.pdf is not None:
        return _parse_pdf(page)
    if _looks_like_jsonl(page.text):
        try:
            return Input(page.path, list(read_records(io.StringIO(page.text), page.path)), kind="jsonl")
        except RecordError as e:
            return Input(page.path, error=f"not valid article JSONL: {e}", kind="jsonl")
    return Input(page.path, segment_page(page))


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
