"""`newsbrief eval`: the scorers behind a Typer sub-command each, a table on stdout or --json."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .table import table

app = typer.Typer(help="Measure a run: segmentation against gold, abstracts and translations against "
                       "references, two runs side by side.", no_args_is_help=True)

Pred = Annotated[list[str], typer.Argument(help="A run's output: JSONL files or output folders.")]
Refs = Annotated[str, typer.Option("--refs", help="Reference JSONL: one object per article, its `id` and the "
                                   "reference fields.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON object on stdout instead of a table.")]
PerArticle = Annotated[bool, typer.Option("--per-article", help="A row per article as well.")]


def _fail(msg: str, code: int = 1) -> None:
    print(f"newsbrief: {msg}", file=sys.stderr)
    raise typer.Exit(code)


def _load(paths: list[str]):
    from ..io.runs import RunFilesError, read_run

    try:
        return read_run(paths)
    except RunFilesError as e:
        _fail(str(e))


def _refs(path: str) -> dict[str, dict]:
    from ..io.runs import RunFilesError, read_refs

    try:
        refs = read_refs(path)
    except RunFilesError as e:
        _fail(str(e))
    if not refs:
        _fail(f"{path}: holds no references")
    return refs


def _need(module: str) -> None:
    """Exit 2 with the install command when an optional scorer package is missing."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        _fail(f"{module} is not installed: pip install 'newsbrief[eval]'", 2)


def _missing(ids: list[str]) -> None:
    if ids:
        print(f"newsbrief: warning: {len(ids)} reference(s) with no article in the run, e.g. {ids[0]}",
              file=sys.stderr)


@app.command()
def segments(pred: Pred,
             gold: Annotated[str, typer.Option("--gold", help="Folder of NAME.gold.json pages, or one gold file.")],
             as_json: JsonOpt = False, per_article: PerArticle = False) -> None:
    """Segmentation against gold pages (the semantics of shared/tools/segscore.py)."""
    from ..io.runs import RunFilesError, read_file, run_files
    from .segments import by_page, gold_pages, score

    try:
        pages = gold_pages(gold)
        files = run_files(pred)
        # a page's records: from the file of its name (segscore's --pred-dir), else by their source file
        preds: dict[str, list] = {}
        for f in files:
            recs = read_file(f)
            if f.stem in pages:
                preds.setdefault(f.stem, []).extend(recs)
            else:
                for name, rs in by_page(recs).items():
                    preds.setdefault(name, []).extend(rs)
    except (RunFilesError, ValueError, OSError) as e:
        _fail(str(e))
    if len(pages) == 1 and not set(preds) & set(pages):  # one gold file against one prediction
        preds = {next(iter(pages)): [a for rs in preds.values() for a in rs]}
    s = score(pages, preds)
    if as_json:
        print(json.dumps(s.as_dict(), ensure_ascii=False))
        return
    if per_article:
        print(table(["page", "gold id", "body F1", "title", "reporters", "jump", "ok"],
                    [[r.page, r.id, r.f1, r.title, r.reporters, r.continued_on, r.ok] for r in s.rows]) + "\n")
    print(table(["articles ok", "body F1", "titles", "reporters", "jumps", "broken paragraphs", "predicted",
                 "gold"],
                [[f"{s.articles_ok}/{s.articles}", f"{s.body_f1:.4f}", f"{s.title_ok}/{s.titles}",
                  f"{s.reporters_ok}/{s.reporters}", f"{s.continued_on_ok}/{s.articles}",
                  f"{s.broken_paragraphs}/{s.paragraphs}", s.pred_articles, s.gold_articles]]))


def _show(scores, as_json: bool, per_article: bool, articles: tuple[list, list], totals: tuple[list, list]) -> bool:
    """Print scores as one JSON object, or as tables (per article first when asked); True for JSON."""
    if as_json:
        print(json.dumps(scores.as_dict(), ensure_ascii=False))
        return True
    if per_article:
        print(table(*articles) + "\n")
    print(table(*totals))
    return False


@app.command()
def translations(pred: Pred, refs: Refs, as_json: JsonOpt = False, per_article: PerArticle = False,
                 tokenize: Annotated[Optional[str], typer.Option(
                     "--tokenize", help="sacreBLEU tokenizer [default: 13a, for English output].")] = None) -> None:
    """English translations against references: sacreBLEU BLEU and chrF per field and per article."""
    _need("sacrebleu")
    from .translations import score

    if tokenize is not None:
        from sacrebleu.metrics import BLEU

        if tokenize not in BLEU.TOKENIZERS:
            raise typer.BadParameter(f"expected one of {', '.join(BLEU.TOKENIZERS)}", param_hint="--tokenize")
    s = score(_load(pred), _refs(refs), tokenize)
    _missing(s.missing)
    if not s.fields:
        _fail("no article of the run has a reference translation (matched by id)")
    if _show(s, as_json, per_article,
             (["article", "fields", "BLEU", "chrF"], [[a.id, a.segments, a.bleu, a.chrf] for a in s.articles]),
             (["field", "segments", "BLEU", "chrF"],
              [[name, f.segments, f.bleu, f.chrf] for name, f in s.fields.items()])):
        return
    any_field = next(iter(s.fields.values()))
    print(f"\nBLEU: {any_field.bleu_signature}\nchrF: {any_field.chrf_signature}")


@app.command()
def summaries(pred: Pred, refs: Refs, as_json: JsonOpt = False, per_article: PerArticle = False,
              tokenizer: Annotated[str, typer.Option(
                  "--tokenizer", help="char (each Chinese character a token; LCSTS convention) or jieba (words; "
                                      "comparable with XL-Sum's published scores).")] = "char") -> None:
    """Chinese abstracts against reference abstracts: ROUGE-1/2/L F1 on characters or jieba words."""
    from .summaries import TOKENIZERS, score

    if tokenizer not in TOKENIZERS:
        raise typer.BadParameter(f"expected one of {', '.join(TOKENIZERS)}", param_hint="--tokenizer")
    _need("rouge_score")
    s = score(_load(pred), _refs(refs), tokenizer)
    _missing(s.missing)
    if not s.articles:
        _fail("no article of the run has a reference abstract (matched by id)")
    _show(s, as_json, per_article,
          (["article", "ROUGE-1", "ROUGE-2", "ROUGE-L"], [[r.id, r.rouge1, r.rouge2, r.rougeL] for r in s.rows]),
          (["tokens", "articles", "ROUGE-1", "ROUGE-2", "ROUGE-L"],
           [[s.tokenizer, s.articles, s.rouge1, s.rouge2, s.rougeL]]))


@app.command()
def compare(a: Annotated[str, typer.Argument(help="The first run (JSONL file or output folder).")],
            b: Annotated[str, typer.Argument(help="The second run.")],
            refs: Annotated[Optional[str], typer.Option("--refs", help="Reference JSONL: adds ROUGE-L of the "
                                                        "abstracts and chrF of the translations per side.")] = None,
            as_json: JsonOpt = False, all_rows: Annotated[bool, typer.Option(
                "--all", help="List unchanged articles too.")] = False) -> None:
    """Two runs side by side: which articles changed, length and score deltas (B minus A)."""
    from .compare import compare as run_compare

    if refs:
        _need("sacrebleu")
        _need("rouge_score")
    c = run_compare(_load([a]), _load([b]), _refs(refs) if refs else None)
    if as_json:
        print(json.dumps(c.as_dict(), ensure_ascii=False))
        return

    def delta(pair):
        x, y = pair
        return None if x is None or y is None else round(y - x, 2)

    rows = [r for r in c.rows if all_rows or r.change != "same"]
    if rows:
        print(table(["article", "change", "fields", "Δ abstract chars", "Δ translation chars", "Δ ROUGE-L", "Δ chrF"],
                    [[r.id, r.change, ",".join(r.fields), delta(r.summary_chars), delta(r.translation_chars),
                      delta(r.rougeL), delta(r.chrf)] for r in rows]) + "\n")
    md = c.mean_delta
    print(table(["A articles", "B articles", "changed", "only A", "only B", "mean Δ abstract", "mean Δ translation",
                 "mean Δ ROUGE-L", "mean Δ chrF"],
                [[c.a_articles, c.b_articles, c.changed, c.only_a, c.only_b, md["summary_chars"],
                  md["translation_chars"], md["rougeL"], md["chrf"]]]))
    print(f"\nA: {Path(a)}\nB: {Path(b)}")
