"""Chinese sentence splitting and packing sentences into chunks that fit a model."""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import config

_ENDS = "。！？；!?…"
_CLOSERS = "”’」』）)》"
_OPEN = {"“": "”", "《": "》", "「": "」", "『": "』"}
_COMMAS = re.compile(r"(?<=[，、,：:])")
#: a sentence end with the closing quotes and brackets after it (“…落实。”)
_SENTENCE_END = re.compile(f"[{_ENDS}][{_ENDS}{re.escape(_CLOSERS)}]*")


def split_sentences(text: str) -> list[str]:
    """Sentences of a Chinese paragraph; joined back they give the text exactly.

    A sentence ends at 。！？；… (with the closing quotes or brackets after it);
    a decimal point (`7.5%`, `139.5亿元`) never ends one, and nothing inside
    `“…”` or `《…》` does unless the quote runs on past
    QUOTE_MAX_CHARS (an unbalanced quote must not swallow the paragraph).
    """
    out: list[str] = []
    start = 0
    stack: list[str] = []
    opened_at = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN:
            if not stack:
                opened_at = i
            stack.append(_OPEN[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        if stack and i - opened_at > config.QUOTE_MAX_CHARS:
            stack.clear()
        if ch in _ENDS and not stack:
            j = i + 1
            while j < n and (text[j] in _ENDS or text[j] in _CLOSERS):
                j += 1
            out.append(text[start:j])
            start = i = j
            continue
        i += 1
    if start < n:
        out.append(text[start:])
    return [s for s in out if s]


def split_long(sentence: str, count: Callable[[str], int], limit: int) -> list[str]:
    """A sentence too long for the model cut at commas, then (only if it must) at character boundaries."""
    if count(sentence) <= limit:
        return [sentence]
    parts = [p for p in _COMMAS.split(sentence) if p]
    if len(parts) > 1:
        out: list[str] = []
        for chunk in pack(parts, count, limit):
            out.extend(split_long(chunk, count, limit))
        return out
    # no comma to cut at: halve until the pieces fit (a table row, a list of names)
    mid = len(sentence) // 2
    if mid == 0:
        return [sentence]
    return split_long(sentence[:mid], count, limit) + split_long(sentence[mid:], count, limit)


def pack(pieces: list[str], count: Callable[[str], int], limit: int) -> list[str]:
    """Consecutive pieces joined into chunks of at most limit tokens; a piece that fits alone is never split.

    Pieces are counted once each and chunks by the sum of their pieces; a chunk
    whose exact count still exceeds the limit (a tokenizer merging across a
    join) is packed again in halves.
    """
    sizes = [count(p) for p in pieces]
    chunks: list[list[str]] = []
    total = 0
    for p, n in zip(pieces, sizes):
        if chunks and total + n <= limit:
            chunks[-1].append(p)
            total += n
        else:
            chunks.append([p])
            total = n
    out: list[str] = []
    for group in chunks:
        text = "".join(group)
        if len(group) > 1 and count(text) > limit:
            half = len(group) // 2
            out += pack(group[:half], count, limit) + pack(group[half:], count, limit)
        else:
            out.append(text)
    return out


def chunk_text(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    """Text cut into chunks of at most limit tokens: whole sentences where possible.

    Every character of text lands in exactly one chunk, in order.
    """
    sentences: list[str] = []
    for s in split_sentences(text):
        sentences.extend(split_long(s, count, limit))
    return pack(sentences, count, limit)


def complete_sentences(text: str) -> str:
    """Text up to the end of its last complete sentence ('' when no sentence in it ends).

    An abstract cut at its token cap ends mid-sentence (issue 12); what it said
    before the cut still stands.
    """
    ends = list(_SENTENCE_END.finditer(text))
    return text[:ends[-1].end()].strip() if ends else ""
