"""Degenerate generation: repetition loops."""

from __future__ import annotations

import re

from .. import config
from .normalize import is_cjk

_WORD = re.compile(r"\w+", re.UNICODE)


def _units(text: str) -> list[str]:
    """Characters for Chinese text, words for the rest."""
    cjk = sum(is_cjk(c) for c in text)
    if cjk * 2 >= len(text.replace(" ", "")):
        return [c for c in text if not c.isspace()]
    return _WORD.findall(text.lower())


def repeat_ratio(text: str, n: int = config.REPEAT_NGRAM) -> float:
    """Share of n-grams that repeat an earlier one (0 = none, near 1 = a loop)."""
    units = _units(text)
    grams = [tuple(units[i:i + n]) for i in range(len(units) - n + 1)]
    if len(grams) < config.REPEAT_MIN_NGRAMS:
        return 0.0
    return 1 - len(set(grams)) / len(grams)


def is_loop(text: str) -> bool:
    """Whether an output is a repetition loop."""
    return repeat_ratio(text) > config.REPEAT_MAX_RATIO
