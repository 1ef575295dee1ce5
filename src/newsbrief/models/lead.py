"""The extractive baseline: an article's leading sentences, no model at all."""

from __future__ import annotations

from .. import config
from ..text.sentences import split_sentences


def lead_summary(paragraphs: list[str], subheads: list[str]) -> str:
    """The first sentences of the body (subheads skipped), up to SUMMARY_LEAD_* in count and length."""
    out = ""
    taken = 0
    for para in paragraphs:
        if para in subheads:
            continue
        for sentence in split_sentences(para):
            if taken >= config.SUMMARY_LEAD_SENTENCES or (out and len(out) + len(sentence) > config.SUMMARY_LEAD_CHARS):
                return out
            out += sentence
            taken += 1
    return out
