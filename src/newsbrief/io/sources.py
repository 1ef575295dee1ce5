"""Input of any kind as articles: page text is segmented, article JSONL from an earlier stage is read back."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, field

from ..records import Article
from .jsonl import RecordError, read_records
from .read import InputError, PageText, decode, read_page


@dataclass
class Input:
    """One input (a file or stdin): the articles it holds, or the error that stopped it."""

    name: str
    articles: list[Article] = field(default_factory=list)
    error: str | None = None
    kind: str = "page"  # page | jsonl
    digest: str | None = None  # sha256 of the input's bytes


def _looks_like_jsonl(text: str) -> bool:
    """Whether text is JSONL records rather than page text: its first non-blank character is '{'."""
    stripped = text.lstrip()
    return stripped.startswith("{")


def _from_text(name: str, page: PageText) -> Input:
    from ..segment import segment_page

    if _looks_like_jsonl(page.text):
        try:
            return Input(name, list(read_records(io.StringIO(page.text), name)), kind="jsonl")
        except RecordError as e:
            return Input(name, error=f"not valid article JSONL: {e}", kind="jsonl")
    return Input(name, segment_page(page))


def load_input(path: str, encoding: str | None = None) -> Input:
    """One input read: segmented page text or article JSONL, or the error that stopped it."""
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
        return Input(path, error=str(e))
    except OSError as e:
        return Input(path, error=e.strerror or str(e))
    src = _from_text(path, page)
    src.digest = page.digest
    return src
