"""Segmentation gate: score every page set against its gold and fail on any drop from the baseline (issue 9).

    python bench/eval_segment.py [--shared ../shared] [--extra DIR ...] [--update-baseline] [--json FILE]

Every set ``SHARED/segmentation-*`` is scored once per extraction: ``txt``
(each page's ``PAGE.txt``), ``alt:NAME`` (each ``alt/PAGE.NAME.txt``, scored
against the same gold) and ``pdf`` (each ``PAGE.pdf``). Pages go through the
real command (``newsbrief segment PAGES -o DIR/``), all pages of a row in one
call inside this process, and are scored with ``SHARED/tools/segscore.py``.

A page the command refuses or fails on scores no article right and is named
under its row: a crash in the PDF path is a drop, never a skipped row.

Each row also says, of the gold articles whose title the scorer accepts (it
compares kicker, headline and subtitle run together), how many have gold's own
split into the three fields (column ``fields``): the record's ``headline`` is what
a reader sees first. Not gated.

Each text row also says how many gold articles the text holds nearly as printed
(column ``in text``; held_in): a guide to what a text segmenter can get right there.
Pages made by ``pagegen.py`` can lay a column past the page's foot, which
extractors drop, while the gold keeps the whole body (59 of 606 gold articles on
eleven generated sets, issue 9). A body that plain pdftotext breaks into pieces of
a line or two among other columns' lines counts as not held too (real lswb and
zghysyb pages), though joining those pieces again is not impossible.

Only scores are kept in the baseline (``bench/segment_baseline.json``), never
page text. Exit status: 0 when no row scores below its baseline, 1 on a drop,
2 when the shared folder is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "bench" / "segment_baseline.json"

#: characters in each stretch of a gold body looked for in the page's text: long enough that a stretch is
#: seldom found by chance in another article, short enough that pdftotext's interleaved columns, which
#: break a body every line or so, still leave most stretches whole
HELD_STRETCH_CHARS = 6
#: share of a body's stretches the text must hold for the body to count as in it: a body laid past the
#: page's foot loses a whole column (well over 10%), a body only reordered or broken by the extractor a few
HELD_MIN_SHARE = 0.9


@dataclass
class Row:
    """One set scored on one extraction: pages in, articles right out of the gold's articles."""

    set: str
    extraction: str
    pages: int
    ok: int = 0
    total: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # page name -> the command's error
    held: int | None = None  # gold articles whose body the text holds nearly as printed (held_in); None for PDFs
    titled: int = 0  # gold articles whose title the scorer accepts
    fields: int = 0  # of those, the ones whose kicker, headline and subtitle are each gold's (same_fields)

    @property
    def key(self) -> str:
        return f"{self.set}/{self.extraction}"


def _load_scorer(shared: Path):
    """The shared scorer (segscore.py) as a module."""
    spec = importlib.util.spec_from_file_location("segscore", shared / "tools" / "segscore.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _segment(paths: list[Path], out: Path) -> tuple[dict[str, Path], dict[str, str]]:
    """Run `newsbrief segment PATHS -o OUT/` in this process; (input -> output file, input -> error)."""
    from newsbrief.cli import app

    # the command's own complaints (a refused PDF) are read back from run.json instead
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            app(["segment", *map(str, paths), "-o", f"{out}/", "--quiet", "--force"], standalone_mode=False)
        except SystemExit:
            pass
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    outputs = {r["path"]: Path(r["output"]) for r in run["inputs"] if r.get("output") and r["status"] == "done"}
    errors = {r["path"]: r["error"] for r in run["inputs"] if r.get("error")}
    return outputs, errors


def _pages(set_dir: Path) -> dict[str, dict[str, Path]]:
    """extraction -> {page name -> input file} for the pages of a set that have a gold."""
    names = sorted(p.name[: -len(".gold.json")] for p in set_dir.glob("*.gold.json"))
    rows: dict[str, dict[str, Path]] = {"txt": {}, "pdf": {}}
    for n in names:
        for ext in ("txt", "pdf"):
            if (set_dir / f"{n}.{ext}").exists():
                rows[ext][n] = set_dir / f"{n}.{ext}"
        for alt in sorted((set_dir / "alt").glob(f"{n}.*.txt")):
            extraction = alt.name[len(n) + 1: -len(".txt")]
            rows.setdefault(f"alt:{extraction}", {})[n] = alt
    return {k: v for k, v in rows.items() if v}


def squash(text: str) -> str:
    """text with its whitespace removed: line breaks and the spaces of letter-spaced lines are no gap in a body."""
    return "".join(text.split())


def held_in(body: str, squashed: str) -> bool:
    """Whether a page's text, squashed (its whitespace removed), holds a gold body: HELD_MIN_SHARE of its stretches."""
    body = squash(body)
    n = HELD_STRETCH_CHARS
    stretches = [body[i:i + n] for i in range(0, max(1, len(body) - n + 1), n // 2)]
    return sum(s in squashed for s in stretches) >= HELD_MIN_SHARE * len(stretches)


#: the title fields a record and its gold article share
TITLE_FIELDS = ("kicker", "headline", "subtitle")


def same_fields(gold: dict, rec: dict) -> bool:
    """Whether a record splits its title into kicker, headline and subtitle as its gold article does (spacing aside)."""
    return all(squash(gold.get(f) or "") == squash(rec.get(f) or "") for f in TITLE_FIELDS)


def score_set(set_dir: Path, scorer, verbose: bool = False) -> list[Row]:
    """Every extraction of one set segmented and scored."""
    rows = []
    for extraction, pages in _pages(set_dir).items():
        row = Row(set_dir.name, extraction, len(pages), held=None if extraction == "pdf" else 0)
        with tempfile.TemporaryDirectory() as tmp:
            outputs, errors = _segment(list(pages.values()), Path(tmp))
            for name, path in pages.items():
                if str(path) in errors:
                    row.failed[name] = errors[str(path)]
                gold = json.loads((set_dir / f"{name}.gold.json").read_text(encoding="utf-8"))
                out = outputs.get(str(path))
                preds = scorer.load_jsonl(out) if out else []
                result = scorer.score_page(gold, preds, verbose, f"{row.key}/{name}")
                row.ok += sum(r["ok"] for r in result[0])
                row.total += len(gold["articles"])
                # (the scorer's "pred" counts the page's article records only)
                arts = [p for p in preds if p.get("kind", "article") == "article"]
                titled = [(g, arts[r["pred"]]) for g, r in zip(gold["articles"], result[0]) if r.get("title")]
                row.titled += len(titled)
                row.fields += sum(same_fields(g, rec) for g, rec in titled)
                if row.held is not None:
                    squashed = squash(path.read_text(encoding="utf-8", errors="replace"))  # (once a page)
                    row.held += sum(held_in(a["body"], squashed) for a in gold["articles"])
        rows.append(row)
    return rows


def compare(rows: list[Row], baseline: dict[str, dict[str, int]]) -> list[str]:
    """The rows that score fewer articles right than the baseline says they did."""
    drops = []
    for r in rows:
        base = baseline.get(r.key)
        if base is None:
            continue
        if r.ok < base["ok"]:
            drops.append(f"{r.key}: {r.ok}/{r.total}, baseline {base['ok']}/{base['total']}")
    return drops


def table(rows: list[Row], baseline: dict[str, dict[str, int]]) -> str:
    """The scores as a text table, with the baseline and the change."""
    out = [f"{'set':<24} {'extraction':<20} {'pages':>5} {'ok':>9} {'%':>6} {'baseline':>9} {'change':>6} {'in text':>7}"
           f" {'fields':>9}"]
    for r in rows:
        base = baseline.get(r.key)
        pct = 100 * r.ok / max(r.total, 1)
        b = f"{base['ok']}/{base['total']}" if base else "-"
        change = f"{r.ok - base['ok']:+d}" if base else "new"
        held = "-" if r.held is None else str(r.held)
        out.append(f"{r.set:<24} {r.extraction:<20} {r.pages:>5} {f'{r.ok}/{r.total}':>9} {pct:>5.1f}% {b:>9} {change:>6}"
                   f" {held:>7} {f'{r.fields}/{r.titled}':>9}")
        out.extend(f"    not segmented: {name}: {error}" for name, error in r.failed.items())
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default ../shared)")
    ap.add_argument("--extra", type=Path, nargs="*", default=[],
                    help="further page folders (e.g. pagegen output) to score; never compared with the baseline")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="baseline scores (JSON)")
    ap.add_argument("--update-baseline", action="store_true", help="write the scores as the new baseline")
    ap.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    ap.add_argument("--verbose", action="store_true", help="print the scorer's row for every gold article")
    args = ap.parse_args()
    sets = sorted(p for p in args.shared.glob("segmentation-*") if p.is_dir())
    if not sets:
        print(f"eval_segment: no segmentation-* sets under {args.shared}", file=sys.stderr)
        return 2
    scorer = _load_scorer(args.shared)
    rows = [row for s in sets for row in score_set(s, scorer, args.verbose)]
    extra = [row for d in args.extra for row in score_set(d, scorer, args.verbose)]
    baseline = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline.exists() else {}
    print(table(rows + extra, baseline))
    scores = {r.key: {"ok": r.ok, "total": r.total} for r in rows}
    if args.json:
        args.json.write_text(json.dumps({r.key: {"ok": r.ok, "total": r.total, "held": r.held, "titled": r.titled,
                                                 "fields": r.fields, "failed": r.failed}
                                         for r in rows + extra}, indent=1) + "\n", encoding="utf-8")
    if args.update_baseline:
        # rows of sets not present now keep what they had
        merged = {**baseline, **scores}
        args.baseline.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"baseline written: {args.baseline}")
        return 0
    drops = compare(rows, baseline)
    for d in drops:
        print(f"DROP {d}", file=sys.stderr)
    return 1 if drops else 0


if __name__ == "__main__":
    sys.exit(main())
