"""Input of any kind as articles: page text is segmented, article JSONL from an earlier stage is read back."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article
from .jsonl import RecordError, read_records
from .read import InputError, PageText, decode, expand_inputs, read_page


@dataclass
class Source:
    """One input (a file or stdin) and the articles it holds, or the error that stopped it."""

    name: str
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    kind: str = "page"  # page | jsonl
    digest: str | None = None  # sha256 of the input's bytes


def _looks_like_jsonl(text: str) -> bool:
    """Whether text is JSONL records rather than page text: its first non-blank character is '{'."""
    stripped = text.lstrip()
    return stripped.startswith("{")


def _from_text(name: str, page: PageText) -> Source:
    from ..segment import segment_page

    if _looks_like_jsonl(page.text):
        try:
            return Source(name, list(read_records(io.StringIO(page.text), name)), kind="jsonl")
        except RecordError as e:
            return Source(name, error=f"not valid article JSONL: {e}", kind="jsonl")
    return Source(name, segment_page(page))


def load_source(path: str, encoding: str | None = None) -> Source:
    """One input as a Source: segmented page text or article JSONL, or the error that stopped it."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
            if not data.strip():
                raise InputError("is empty")
            text, enc = decode(data, encoding)
            page = PageText("-", text.replace("\r\n", "\n").replace("\r", "\n"), enc, None)
        else:
            page = read_page(path, encoding)
    except InputError as e:
        return Source(path, error=str(e))
    except OSError as e:
        return Source(path, error=e.strerror or str(e))
    src = _from_text(path, page)
    src.digest = page.digest
    return src


def iter_sources(args: list[str], encoding: str | None = None) -> Iterator[Source]:
    """Sources for command-line inputs, in order; a bad one comes with its error and the rest still come."""
    paths, errors = expand_inputs(args)
    for arg, msg in errors:
        yield Source(arg, error=msg)
    for path in paths:
        yield load_source(path, encoding)


def stem(name: str) -> str:
    """A file-name stem for an input's output file (stdin is 'stdin')."""
    return "stdin" if name == "-" else Path(name).stem
