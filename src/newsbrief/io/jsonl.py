"""JSONL in and out: one function turns records into lines, one turns lines back."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..records import Article, from_dict, to_dict

# Line separators that some readers (JavaScript, Python's str.splitlines) split
# on; escaped so that no reader ever cuts a record in two (issue 4).
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def dumps(article: Article) -> str:
    """One record as one JSON line (UTF-8 Chinese left readable), without the newline."""
    line = json.dumps(to_dict(article), ensure_ascii=False)
    for ch, esc in _LINE_BREAKERS.items():
        line = line.replace(ch, esc)
    return line


class RecordError(ValueError):
    """A JSONL line that is not a valid record, with its line number."""


def read_records(stream: IO[str], name: str = "<stdin>") -> Iterator[Article]:
    """Records from a JSONL stream; splits on \\n only; raises RecordError naming the bad line."""
    for no, line in enumerate(stream.read().split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield from_dict(json.loads(line))
        except (json.JSONDecodeError, ValueError, TypeError) as e:
            raise RecordError(f"{name}: line {no}: {e}") from None


def write_atomic(path: str | os.PathLike, articles: Iterable[Article]) -> int:
    """Write records to path through a temporary file renamed into place; returns the count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    n = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for a in articles:
                f.write(dumps(a) + "\n")
                n += 1
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n
