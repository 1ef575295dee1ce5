"""Abstracts against reference abstracts: ROUGE-1/2/L with Google's rouge-score and a Chinese tokenizer.

rouge-score's own tokenizer keeps only [a-z0-9] and so scores Chinese as 0
(../shared/notes/models.md §5), so both tokenizers here are passed in:

- `char` (default): every CJK character a token, other runs split on spaces.
  The LCSTS/CPT convention; needs no extra package.
- `jieba`: jieba words. With the same normalisation as the XL-Sum scorer
  (lower-case, punctuation removed by Unicode category, then `jieba.cut`), so
  its numbers are comparable with XL-Sum zh-CN's published 39.41/17.79/33.41
  (mT5_multilingual_XLSum). Never compare a char figure with a jieba one: char
  scores run systematically higher.

Scores are F1 × 100, the mean over articles (XL-Sum reports the bootstrap
median, which agrees with the mean to within the bootstrap noise).
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass

from ..records import Article

TOKENIZERS = ("char", "jieba")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2FA1F
            or 0xF900 <= cp <= 0xFAFF)


def _is_punct(ch: str) -> bool:
    """Punctuation as the XL-Sum scorer (BERT's basic tokenizer) defines it: Unicode P*, and ASCII symbols."""
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def normalise(text: str) -> str:
    """Lower-cased, punctuation turned to spaces, control characters dropped."""
    out = []
    for ch in text.lower():
        if _is_punct(ch) or ch.isspace():
            out.append(" ")
        elif not unicodedata.category(ch).startswith("C"):
            out.append(ch)
    return "".join(out)


class CharTokenizer:
    """Each CJK character one token; runs of other characters split on whitespace."""

    def tokenize(self, text: str) -> list[str]:
        """The tokens of text after normalise()."""
        spaced = "".join(f" {ch} " if _is_cjk(ch) else ch for ch in normalise(text))
        return spaced.split()


class JiebaTokenizer:
    """jieba words after the XL-Sum normalisation."""

    def __init__(self) -> None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)  # it announces its dictionary load on stderr
        self._jieba = jieba

    def tokenize(self, text: str) -> list[str]:
        """The words of text after normalise(), spaces dropped."""
        return [w for w in self._jieba.cut(normalise(text)) if w.strip()]


@dataclass
class ArticleScore:
    """ROUGE F1 × 100 of one abstract."""

    id: str
    rouge1: float
    rouge2: float
    rougeL: float


@dataclass
class SummaryScore:
    """Mean ROUGE F1 × 100 over the articles that have a reference, and each article's."""

    tokenizer: str
    articles: int
    rouge1: float
    rouge2: float
    rougeL: float
    rows: list[ArticleScore]
    missing: list[str]  # ids of references with no predicted article

    def as_dict(self) -> dict:
        """The JSON form."""
        return asdict(self)


def ref_text(ref: dict) -> str | None:
    """The reference abstract: `summary_zh`, or `summary`."""
    for key in ("summary_zh", "summary"):
        if isinstance(ref.get(key), str):
            return ref[key]
    return None


def make_scorer(tokenizer: str):
    """A rouge-score RougeScorer for ROUGE-1/2/L with the named Chinese tokenizer."""
    from rouge_score.rouge_scorer import RougeScorer

    if tokenizer not in TOKENIZERS:
        raise ValueError(f"tokenizer must be one of {', '.join(TOKENIZERS)}")
    tok = CharTokenizer() if tokenizer == "char" else JiebaTokenizer()
    return RougeScorer(list(ROUGE_TYPES), tokenizer=tok)


def score(preds: list[Article], refs: dict[str, dict], tokenizer: str = "char") -> SummaryScore:
    """ROUGE of every predicted abstract that has a reference (a missing abstract scores 0)."""
    scorer = make_scorer(tokenizer)
    rows = []
    for a in preds:
        ref = ref_text(refs[a.id]) if a.kind == "article" and a.id in refs else None
        if ref is None:
            continue
        s = scorer.score(ref, a.summary_zh or "")
        rows.append(ArticleScore(a.id, *(round(100 * s[t].fmeasure, 4) for t in ROUGE_TYPES)))
    n = len(rows)
    mean = [round(sum(getattr(r, t) for r in rows) / n, 4) if n else 0.0 for t in ROUGE_TYPES]
    seen = {a.id for a in preds}
    return SummaryScore(tokenizer, n, *mean, rows=rows, missing=[i for i in refs if i not in seen])
