"""Segmentation against gold pages, with the semantics of ../shared/tools/segscore.py.

An article is ok when its body matches the gold (character F1 >=
config.EVAL_BODY_F1_OK; whitespace, jump markers and the leading byline
ignored), its kicker+headline+subtitle read as the printed title (F1 >=
config.EVAL_TITLE_F1_OK), its reporters are the gold names and its
`continued_on` page is right. Each gold article is matched to the predicted
article sharing most characters with it (difflib matching blocks).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import config
from ..records import Article

# a jump marker as printed; wider than the segmenter's own so that scoring does
# not depend on what the segmenter recognises
_MARK = re.compile(r"[（(]\s*[上下]\s*转\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[)）]")
_TERMINAL = set("。！？…”」』；：!?.）)")
_BULLETS = "■□△▲●◆"


@dataclass
class ArticleScore:
    """How one gold article fared."""

    page: str
    id: str
    f1: float
    title: bool | None
    reporters: bool | None
    continued_on: bool
    ok: bool
    matched: str | None = None  # id of the predicted article it was matched to


@dataclass
class SegmentScore:
    """The totals over every gold page (segscore.py's summary line)."""

    articles_ok: int
    articles: int
    body_f1: float
    title_ok: int
    titles: int
    reporters_ok: int
    reporters: int
    continued_on_ok: int
    broken_paragraphs: int
    paragraphs: int
    pred_articles: int
    gold_articles: int
    rows: list[ArticleScore]

    def as_dict(self) -> dict:
        """The JSON form."""
        return asdict(self)


def _squash(s: str | None) -> str:
    return "".join((s or "").split())


def _core(text: str, byline: str | None) -> str:
    """Body without whitespace, jump markers and the leading byline (bullets ignored)."""
    t = _MARK.sub("", _squash(text)).lstrip(_BULLETS)
    b = _squash(byline).lstrip(_BULLETS)
    return t[len(b):] if b and t.startswith(b) else t


def _overlap(a: str, b: str) -> int:
    if not a or not b:
        return 0
    return sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def _f1(gold: str, pred: str) -> float:
    if not gold and not pred:
        return 1.0
    o = _overlap(gold, pred)
    if not o:
        return 0.0
    p, r = o / len(pred), o / len(gold)
    return 2 * p * r / (p + r)


def _digits(x: str | None) -> str | None:
    if x is None:
        return None
    d = re.sub(r"\D", "", str(x).translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return d or None


def _body(a: Article) -> str:
    """The predicted body: paragraphs, plus subheads when they were kept out of the paragraphs."""
    body = "".join(a.paragraphs)
    if a.subheads and not any(s in body for s in a.subheads):
        body += "".join(a.subheads)
    return body


def score_page(gold: dict, preds: list[Article], page: str = "") -> tuple[list[ArticleScore], int, int, int]:
    """Per-article scores of one page, broken and total paragraph counts, predicted article count."""
    arts = [a for a in preds if a.kind == "article"]
    cores = [_core(_body(a), a.byline) for a in arts]
    titles = [_squash(a.title) for a in arts]
    rows = []
    for g in gold["articles"]:
        gcore = _core(g["body"], g.get("byline"))
        best, bi = -1, None
        for i, pc in enumerate(cores):
            o = _overlap(gcore, pc)
            if o > best:
                best, bi = o, i
        if bi is None or best <= 0:
            rows.append(ArticleScore(page, g["id"], 0.0, False if g.get("title") else None, False, False, False))
            continue
        prec, rec = best / max(len(cores[bi]), 1), best / max(len(gcore), 1)
        bf1 = 2 * prec * rec / (prec + rec)
        title_ok = _f1(_squash(g["title"]), titles[bi]) >= config.EVAL_TITLE_F1_OK if g.get("title") else None
        rep_ok = None
        if g.get("reporters") is not None:
            rep_ok = sorted(arts[bi].reporters) == sorted(g["reporters"] or [])
        cont_ok = _digits(arts[bi].continued_on) == _digits(g.get("continued_on"))
        ok = bf1 >= config.EVAL_BODY_F1_OK and title_ok is not False and rep_ok is not False and cont_ok
        rows.append(ArticleScore(page, g["id"], round(bf1, 4), title_ok, rep_ok, cont_ok, ok, arts[bi].id))
    broken, total = _broken_paragraphs(arts)
    return rows, broken, total, len(arts)


def _broken_paragraphs(arts: list[Article]) -> tuple[int, int]:
    """Paragraphs that end mid-sentence (a wrapped line not joined back), out of all body paragraphs."""
    broken = total = 0
    for a in arts:
        subs = set(a.subheads)
        for j, para in enumerate(a.paragraphs):
            s = _squash(para)
            if not s or para in subs or (j == len(a.paragraphs) - 1 and a.continued_on):
                continue
            total += 1
            s = _MARK.sub("", s)
            if s and s[-1] not in _TERMINAL:
                broken += 1
    return broken, total


def gold_pages(gold: str) -> dict[str, dict]:
    """Gold pages by name: every NAME.gold.json in a folder, or one file."""
    p = Path(gold)
    files = sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
    if not files or not all(f.is_file() for f in files):
        raise ValueError(f"{gold}: no gold pages (*.gold.json)")
    return {f.name[:-len(".gold.json")] if f.name.endswith(".gold.json") else f.stem:
            json.loads(f.read_text(encoding="utf-8")) for f in files}


def score(gold: dict[str, dict], preds: dict[str, list[Article]]) -> SegmentScore:
    """Every gold page against the predicted records of the page of the same name (none: all missed)."""
    rows: list[ArticleScore] = []
    broken = total = npred = ngold = 0
    for name, g in gold.items():
        r, b, t, n = score_page(g, preds.get(name, []), name)
        rows += r
        broken, total, npred, ngold = broken + b, total + t, npred + n, ngold + len(g["articles"])
    titles = [r.title for r in rows if r.title is not None]
    reps = [r.reporters for r in rows if r.reporters is not None]
    return SegmentScore(
        articles_ok=sum(r.ok for r in rows), articles=len(rows),
        body_f1=round(sum(r.f1 for r in rows) / max(len(rows), 1), 4),
        title_ok=sum(titles), titles=len(titles), reporters_ok=sum(reps), reporters=len(reps),
        continued_on_ok=sum(r.continued_on for r in rows), broken_paragraphs=broken, paragraphs=total,
        pred_articles=npred, gold_articles=ngold, rows=rows)


def by_page(records: list[Article]) -> dict[str, list[Article]]:
    """Predicted records grouped by the stem of the page file they came from (a01.txt -> a01)."""
    out: dict[str, list[Article]] = {}
    for a in records:
        out.setdefault(Path(a.source.path).stem, []).append(a)
    return out
