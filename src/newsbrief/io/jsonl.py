"""JSONL in and out: one function turns records into lines, one turns lines back."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO

from ..records import Article, from_dict, to_dict
from .write import write_atomic as write_file

# Line separators that some readers (JavaScript, Python's str.splitlines) split
# on; escaped so that no reader ever cuts a record in two (issue 4).
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(article: Article) -> str:
    """One record as one JSON line (UTF-8 Chinese left readable), without the newline.

    A lone surrogate (from a JSON input's \\udcXX, which UTF-8 cannot hold) is
    written back as the same JSON escape, so every record can be written.
    """
    line = json.dumps(to_dict(article), ensure_ascii=False)
    for ch, esc in _LINE_BREAKERS.items():
        line = line.replace(ch, esc)
    return LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


class RecordError(ValueError):
    """A JSONL line that is not a valid record, with its line number."""


def read_records(stream: IO[str], name: str = "<stdin>") -> Iterator[Article]:
    """Records from a JSONL stream, split on \\n only.

    Every line is checked against the record schema first; raises RecordError
    naming the first bad line and how many more there are (finding 2).
    """
    records, bad = [], []
    for no, line in enumerate(stream.read().split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append(from_dict(json.loads(line)))
        except (json.JSONDecodeError, ValueError, TypeError) as e:
            bad.append(f"{name}: line {no}: {e}")
    if bad:
        more = f" (and {len(bad) - 1} more bad line(s))" if len(bad) > 1 else ""
        raise RecordError(bad[0] + more)
    yield from records


def write_atomic(path: str | os.PathLike, articles: Iterable[Article]) -> tuple[int, str]:
    """Write records to path atomically (io.write); returns the file's size and sha256."""
    digest = hashlib.sha256()

    def lines() -> Iterator[bytes]:
        for a in articles:
            data = (dumps(a) + "\n").encode("utf-8")
            digest.update(data)
            yield data

    size = write_file(path, lines())
    return size, digest.hexdigest()
