"""Translations against reference translations: sacreBLEU BLEU and chrF, per field and per article.

The hypotheses are English, so BLEU uses sacreBLEU's default `13a` tokenizer
on detokenised text (what WMT zh→en figures use; `--tokenize` overrides, e.g.
`zh` for Chinese targets). Every score carries its sacreBLEU signature.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..records import Article

#: the fields scored, each read from `<name>_en` (body: `paragraphs_en`, else `text_en`)
FIELDS = ("kicker", "headline", "subtitle", "body", "summary")


def segment(rec: Article | dict, name: str) -> str | None:
    """One field of a record (an Article, or a reference dict) as one line of text, or None when absent."""
    get = (lambda k: getattr(rec, k, None)) if isinstance(rec, Article) else rec.get
    if name == "body":
        paras = get("paragraphs_en")
        text = " ".join(paras) if isinstance(paras, list) else get("text_en")
    else:
        text = get(f"{name}_en")
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())  # one line: sacreBLEU reads segments line by line
    return text or None


@dataclass
class Score:
    """One BLEU and chrF pair over some segments, with their signatures."""

    segments: int
    bleu: float
    chrf: float
    bleu_signature: str
    chrf_signature: str


@dataclass
class ArticleScore(Score):
    """The score of one article over its fields."""

    id: str = ""


@dataclass
class TranslationScore:
    """Corpus scores per field, over all fields, and per article."""

    fields: dict[str, Score]
    articles: list[ArticleScore]
    missing: list[str]  # ids of references with no predicted article

    def as_dict(self) -> dict:
        """The JSON form."""
        return asdict(self)


def _score(hyps: list[str], refs: list[str], tokenize: str | None, effective_order: bool = False) -> Score:
    from sacrebleu.metrics import BLEU, CHRF

    bleu = BLEU(tokenize=tokenize, effective_order=effective_order)  # None: 13a
    chrf = CHRF()
    b, c = bleu.corpus_score(hyps, [refs]), chrf.corpus_score(hyps, [refs])
    return Score(len(hyps), round(b.score, 4), round(c.score, 4), str(bleu.get_signature()),
                 str(chrf.get_signature()))


def pairs(preds: list[Article], refs: dict[str, dict], name: str) -> list[tuple[str, str, str]]:
    """(id, hypothesis, reference) of one field, for every article that has both, in prediction order."""
    out = []
    for a in preds:
        ref = refs.get(a.id)
        if a.kind != "article" or ref is None:
            continue
        h, r = segment(a, name), segment(ref, name)
        if r is not None:
            out.append((a.id, h or "", r))  # a missing hypothesis scores as an empty line, not as skipped
    return out


def score(preds: list[Article], refs: dict[str, dict], tokenize: str | None = None) -> TranslationScore:
    """BLEU and chrF of every field with references, of all fields together, and of each article."""
    fields: dict[str, Score] = {}
    everything: list[tuple[str, str, str]] = []
    for name in FIELDS:
        p = pairs(preds, refs, name)
        if p:
            fields[name] = _score([h for _, h, _ in p], [r for _, _, r in p], tokenize)
            everything += p
    if everything:
        fields["all"] = _score([h for _, h, _ in everything], [r for _, _, r in everything], tokenize)
    per: dict[str, list[tuple[str, str]]] = {}
    for i, h, r in everything:
        per.setdefault(i, []).append((h, r))
    articles = []
    for i, hr in per.items():
        s = _score([h for h, _ in hr], [r for _, r in hr], tokenize, effective_order=True)
        articles.append(ArticleScore(**asdict(s), id=i))
    seen = {a.id for a in preds}
    return TranslationScore(fields, articles, [i for i in refs if i not in seen])
