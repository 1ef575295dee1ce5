"""Lexical cohesion: whether two stretches of page text share the vocabulary of one article.

Two stretches of one article repeat its names and terms (港鐵, 沉降, 石屎躉);
two articles side by side share little beyond function words. Counting the
Chinese character bigrams two stretches share tells a subhead (high cohesion
across it) from a headline between two articles (low), and tells which body
a headline belongs to (its words recur in its own body). Issue 9: these
decisions made from widths and punctuation alone merged neighbouring articles
and gave titles to the wrong body on pages never seen in development.
"""

from __future__ import annotations

import re

_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def bigrams(text: str) -> set[str]:
    """The set of Chinese character bigrams of text (other characters break the chain)."""
    return {run[i:i + 2] for run in _HAN.split(text) for i in range(len(run) - 1)}


def _found(grams: set[str], text: str) -> int:
    """How many of the bigrams occur in text (a substring search each: no set of the long text is built)."""
    return sum(map(text.__contains__, grams))


def cohesion(a: str, b: str) -> float:
    """Share of the shorter stretch's bigrams that occur in the longer one (0 when either has none)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    grams = bigrams(short)
    if not grams or not long:
        return 0.0
    # two stretches of hundreds of characters: one set intersection beats a substring search per bigram
    return len(grams & bigrams(long)) / len(grams)


def coverage(title: str, body: str) -> float:
    """Share of a title's bigrams that occur in a body: how much the body talks about what the title names."""
    grams = bigrams(title)
    if not grams:
        return 0.0
    return _found(grams, body) / len(grams)
