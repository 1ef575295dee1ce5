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


def bigrams(text: str) -> frozenset[str]:
    """The set of Chinese character bigrams of text (other characters break the chain)."""
    out: set[str] = set()
    for run in _HAN.split(text):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return frozenset(out)


def cohesion(a: str, b: str) -> float:
    """Share of bigrams two stretches have in common, over the smaller set (0 when either has none)."""
    ba, bb = bigrams(a), bigrams(b)
    if not ba or not bb:
        return 0.0
    return len(ba & bb) / min(len(ba), len(bb))


def coverage(title: str, body: str) -> float:
    """Share of a title's bigrams that occur in a body: how much the body talks about what the title names."""
    bt = bigrams(title)
    if not bt:
        return 0.0
    return len(bt & bigrams(body)) / len(bt)
