"""Two runs side by side: which articles changed, and how their lengths and (with references) scores moved."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..records import Article

#: what counts as a change of an article between two runs
COMPARED = ("status", "kicker", "headline", "subtitle", "paragraphs", "summary_zh", "summary_en",
            "headline_en", "paragraphs_en")


@dataclass
class ArticleChange:
    """One article in A and/or B."""

    id: str
    change: str  # same | changed | only_a | only_b
    fields: list[str] = field(default_factory=list)
    summary_chars: tuple[int | None, int | None] = (None, None)
    translation_chars: tuple[int | None, int | None] = (None, None)
    rougeL: tuple[float | None, float | None] = (None, None)  # of summary_zh, with references
    chrf: tuple[float | None, float | None] = (None, None)  # of the body translation, with references


@dataclass
class Comparison:
    """The articles of two runs matched by id, with totals."""

    a_articles: int
    b_articles: int
    changed: int
    only_a: int
    only_b: int
    mean_delta: dict[str, float | None]  # B minus A over articles in both
    rows: list[ArticleChange]

    def as_dict(self) -> dict:
        """The JSON form."""
        return asdict(self)


def _len(s: str | None) -> int | None:
    return None if s is None else len(s)


def _mean_delta(rows: list[ArticleChange], attr: str) -> float | None:
    d = [b - a for r in rows if r.change in ("same", "changed")
         for a, b in [getattr(r, attr)] if a is not None and b is not None]
    return round(sum(d) / len(d), 4) if d else None


def compare(a_run: list[Article], b_run: list[Article], refs: dict[str, dict] | None = None) -> Comparison:
    """Match the articles of A and B by id; say what changed; score both sides when references are given."""
    a = {r.id: r for r in a_run if r.kind == "article"}
    b = {r.id: r for r in b_run if r.kind == "article"}
    scorer = chrf = None
    if refs:
        from sacrebleu.metrics import CHRF

        from .summaries import ref_text, make_scorer
        from .translations import segment

        scorer, chrf = make_scorer("char"), CHRF()

    def scores(rec: Article | None) -> tuple[float | None, float | None]:
        ref = refs.get(rec.id) if refs and rec is not None else None
        if ref is None:
            return None, None
        rs = ref_text(ref)
        rouge = round(100 * scorer.score(rs, rec.summary_zh or "")["rougeL"].fmeasure, 4) if rs else None
        rt = segment(ref, "body")
        c = round(chrf.sentence_score(segment(rec, "body") or "", [rt]).score, 4) if rt else None
        return rouge, c

    rows = []
    for i in list(a) + [i for i in b if i not in a]:
        x, y = a.get(i), b.get(i)
        if x is None or y is None:
            change, fields = ("only_b" if x is None else "only_a"), []
        else:
            fields = [f for f in COMPARED if getattr(x, f) != getattr(y, f)]
            change = "changed" if fields else "same"
        (ra, ca), (rb, cb) = scores(x), scores(y)
        rows.append(ArticleChange(
            i, change, fields,
            (_len(x.summary_zh) if x else None, _len(y.summary_zh) if y else None),
            (_len(x.text_en) if x else None, _len(y.text_en) if y else None), (ra, rb), (ca, cb)))
    return Comparison(
        len(a), len(b), sum(r.change == "changed" for r in rows), sum(r.change == "only_a" for r in rows),
        sum(r.change == "only_b" for r in rows),
        {k: _mean_delta(rows, k) for k in ("summary_chars", "translation_chars", "rougeL", "chrf")}, rows)
