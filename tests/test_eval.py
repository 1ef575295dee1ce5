"""`newsbrief eval`: segmentation, translations, abstracts and two runs compared (issue 13)."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.eval import segments as seg
from newsbrief.io.jsonl import write_atomic
from newsbrief.records import Article, Source

from .conftest import ROOT

runner = CliRunner()
SHARED = ROOT.parent / "shared"
DEV = SHARED / "segmentation-dev"
SEGSCORE = SHARED / "tools" / "segscore.py"

pytest.importorskip("sacrebleu", reason="the eval extra is not installed: pip install -e '.[eval]'")
pytest.importorskip("rouge_score", reason="the eval extra is not installed: pip install -e '.[eval]'")


def _art(id_: str, **kw) -> Article:
    return Article(id=id_, kind="article", source=Source(path=f"{id_.split('#')[0]}.txt"), **kw)


# --- segments ------------------------------------------------------------------------------------------

GOLD = {"articles": [{"id": "g1", "title": "城市更新惠民生", "byline": "本报记者 王明", "reporters": ["王明"],
                      "body": "本报记者王明城市更新让老街换了新颜。居民说，出门就是公园。", "continued_on": "8"}]}
BODY = ["城市更新让老街换了新颜。", "居民说，出门就是公园。（下转第８版）"]


@pytest.mark.parametrize("pred, ok, f1", [
    (dict(headline="城市更新惠民生", reporters=["王明"], byline="本报记者 王明", paragraphs=BODY,
          continued_on="８"), True, 1.0),
    # the byline printed inside the body is ignored, as segscore ignores it
    (dict(headline="城市更新惠民生", reporters=["王明"], paragraphs=["本报记者王明" + BODY[0], BODY[1]],
          byline="本报记者 王明", continued_on="8"), True, 1.0),
    (dict(headline="城市更新惠民生", reporters=["王明"], paragraphs=BODY, continued_on=None), False, 1.0),
    (dict(headline="城市更新", reporters=["王明"], paragraphs=BODY, continued_on="8"), False, 1.0),
    (dict(headline="城市更新惠民生", reporters=[], paragraphs=BODY, continued_on="8"), False, 1.0),
    (dict(headline="城市更新惠民生", reporters=["王明"], paragraphs=BODY[:1], continued_on="8"), False, 0.6857),  # 2*12/(12+23)
])
def test_score_page_table(pred, ok, f1):
    rows, _, _, n = seg.score_page(GOLD, [_art("p#L1-L5", **pred)])
    assert n == 1 and rows[0].ok is ok and rows[0].f1 == pytest.approx(f1, abs=1e-4)


def test_gold_article_with_no_prediction_scores_zero():
    rows, _, _, n = seg.score_page(GOLD, [Article(id="x", kind="fragment", source=Source("p.txt"))])
    assert n == 0 and rows[0].f1 == 0.0 and not rows[0].ok


def _segscore_numbers(line: str) -> dict[str, str]:
    return dict(kv.split("=") for kv in line.split())


def _perturb(records: list[Article], k: int) -> list[Article]:
    """Damage every few articles in different ways, so the two scorers are compared on failures too."""
    out = []
    for i, a in enumerate(records):
        if a.kind != "article":
            out.append(a)
            continue
        j = (i + k) % 5
        if j == 0:
            a = dataclasses.replace(a, paragraphs=a.paragraphs[:-1] or a.paragraphs)
        elif j == 1:
            a = dataclasses.replace(a, reporters=a.reporters[:-1], headline=(a.headline or "")[:2])
        elif j == 2:
            a = dataclasses.replace(a, continued_on="3", paragraphs=[p[:-1] for p in a.paragraphs])
        elif j == 3 and i % 2:
            continue  # dropped: its gold article is matched to another or missed
        out.append(a)
    return out


@pytest.mark.skipif(not (DEV.is_dir() and SEGSCORE.is_file()), reason="../shared/segmentation-dev is not here")
@pytest.mark.parametrize("damage", [False, True])
def test_eval_segments_agrees_with_segscore(tmp_path, damage):
    from newsbrief.io.read import read_page
    from newsbrief.segment import segment_page

    pred = tmp_path / "pred"
    for k, page in enumerate(sorted(DEV.glob("*.txt"))):
        recs = segment_page(read_page(str(page)))
        write_atomic(pred / f"{page.stem}.jsonl", _perturb(recs, k) if damage else recs)
    ref = subprocess.run([sys.executable, str(SEGSCORE), "--dir", str(DEV), "--pred-dir", str(pred), "--verbose"],
                         capture_output=True, text=True, check=True).stdout.strip().split("\n")
    want = _segscore_numbers(ref[-1])
    res = runner.invoke(app, ["eval", "segments", str(pred), "--gold", str(DEV), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert want == {
        "articles_ok": f"{got['articles_ok']}/{got['articles']}", "body_f1": f"{got['body_f1']:.4f}",
        "title_acc": f"{got['title_ok']}/{got['titles']}", "reporter_acc": f"{got['reporters_ok']}/{got['reporters']}",
        "cont_acc": f"{got['continued_on_ok']}/{got['articles']}",
        "broken_para": f"{got['broken_paragraphs']}/{got['paragraphs']}",
        "pred_articles": str(got["pred_articles"]), "gold_articles": str(got["gold_articles"])}
    rows = [json.loads(line.split(" ", 1)[1]) for line in ref if line.split(" ", 1)[1].startswith("{")]
    assert [(r["id"], r["f1"], r["ok"]) for r in rows] == [(r["id"], r["f1"], r["ok"]) for r in got["rows"]]
    if damage:
        assert int(got["articles_ok"]) < got["articles"]
    # one JSONL of the whole run scores the same as one file per page
    whole = tmp_path / "whole.jsonl"
    write_atomic(whole, [a for f in sorted(pred.glob("*.jsonl")) for a in seg_read(f)])
    res2 = runner.invoke(app, ["eval", "segments", str(whole), "--gold", str(DEV), "--json"])
    assert json.loads(res2.stdout)["articles_ok"] == got["articles_ok"]


def seg_read(f: Path) -> list[Article]:
    from newsbrief.io.runs import read_file

    return read_file(f)


def test_eval_segments_table_and_bad_gold(tmp_path):
    gold = tmp_path / "p1.gold.json"
    gold.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    pred = tmp_path / "p1.jsonl"
    write_atomic(pred, [_art("p1#L1-L5", headline="城市更新惠民生", reporters=["王明"], paragraphs=BODY,
                             continued_on="8")])
    res = runner.invoke(app, ["eval", "segments", str(pred), "--gold", str(gold), "--per-article"])
    assert res.exit_code == 0, res.output
    assert "1/1" in res.stdout and "g1" in res.stdout
    res = runner.invoke(app, ["eval", "segments", str(pred), "--gold", str(tmp_path / "nowhere")])
    assert res.exit_code == 1 and "no gold pages" in res.stderr


# --- translations ----------------------------------------------------------------------------------------

HYP = [("a#1", "Shanghai opens a new metro line", ["The line links the airport with the city centre.",
                                                   "It carries 300,000 passengers a day."],
        "A new metro line opens in Shanghai."),
       ("a#2", "Farmers plant rice early", ["Warm weather let farmers plant rice two weeks early."], None),
       ("a#3", "Museum reopens", ["The museum reopened after repairs on Monday, officials said."],
        "The city museum reopened.")]
REF = [("a#1", "Shanghai opens new metro line", ["The line connects the airport and the city centre.",
                                                 "It will carry 300,000 passengers every day."],
        "Shanghai opened a new metro line."),
       ("a#2", "Farmers plant rice early this year", ["Warm weather allowed farmers to plant rice two weeks "
                                                      "early."], "Rice is planted early."),
       ("a#3", "The museum reopens", ["The museum reopened on Monday after repairs, officials said."],
        "The city museum has reopened.")]


@pytest.fixture
def mt_fixture(tmp_path):
    preds = [_art(i, headline="标题", headline_en=h, paragraphs=["段"] * len(p), paragraphs_en=p, summary_en=s)
             for i, h, p, s in HYP]
    write_atomic(tmp_path / "pred.jsonl", preds)
    (tmp_path / "refs.jsonl").write_text("\n".join(json.dumps({"id": i, "headline_en": h, "paragraphs_en": p,
                                                               "summary_en": s}) for i, h, p, s in REF) + "\n")
    return tmp_path


def _sacrebleu_cli(tmp: Path, hyps: list[str], refs: list[str]) -> dict[str, dict]:
    (tmp / "hyp.txt").write_text("\n".join(hyps) + "\n", encoding="utf-8")
    (tmp / "ref.txt").write_text("\n".join(refs) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "sacrebleu", str(tmp / "ref.txt"), "-i", str(tmp / "hyp.txt"),
                          "-m", "bleu", "chrf", "-w", "4"], capture_output=True, text=True, check=True).stdout
    return {d["name"]: d for d in json.loads(out)}


def test_eval_translations_agrees_with_sacrebleu_cli(mt_fixture):
    res = runner.invoke(app, ["eval", "translations", str(mt_fixture / "pred.jsonl"), "--refs",
                              str(mt_fixture / "refs.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    fields = {
        "headline": ([h for _, h, _, _ in HYP], [h for _, h, _, _ in REF]),
        "body": ([" ".join(p) for _, _, p, _ in HYP], [" ".join(p) for _, _, p, _ in REF]),
        # a missing hypothesis is an empty line against its reference, not left out
        "summary": ([s or "" for _, _, _, s in HYP], [s for _, _, _, s in REF]),
    }
    for name, (hyps, refs) in fields.items():
        cli = _sacrebleu_cli(mt_fixture, hyps, refs)
        assert got["fields"][name]["bleu"] == pytest.approx(cli["BLEU"]["score"], abs=1e-4), name
        assert got["fields"][name]["chrf"] == pytest.approx(cli["chrF2"]["score"], abs=1e-4), name
        assert got["fields"][name]["bleu_signature"] == cli["BLEU"]["signature"]
        assert got["fields"][name]["chrf_signature"] == cli["chrF2"]["signature"]
    assert "tok:13a" in got["fields"]["body"]["bleu_signature"]
    assert [a["id"] for a in got["articles"]] == ["a#1", "a#2", "a#3"]
    assert 0 < got["fields"]["body"]["bleu"] < 100


def test_eval_translations_table_and_messages(mt_fixture, tmp_path):
    res = runner.invoke(app, ["eval", "translations", str(mt_fixture / "pred.jsonl"), "--refs",
                              str(mt_fixture / "refs.jsonl"), "--per-article"])
    assert res.exit_code == 0 and "nrefs:1|case:mixed|eff:no|tok:13a" in res.stdout and "a#2" in res.stdout
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "zz", "headline_en": "x"}) + "\n")
    res = runner.invoke(app, ["eval", "translations", str(mt_fixture / "pred.jsonl"), "--refs", str(other)])
    assert res.exit_code == 1 and "no article of the run has a reference translation" in res.stderr
    assert "1 reference(s) with no article in the run, e.g. zz" in res.stderr
    res = runner.invoke(app, ["eval", "translations", str(tmp_path / "nope"), "--refs", str(other)])
    assert res.exit_code == 1 and "nope: no such file" in res.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"headline_en": "x"}\n')
    res = runner.invoke(app, ["eval", "translations", str(mt_fixture / "pred.jsonl"), "--refs", str(bad)])
    assert res.exit_code == 1 and "line 1: a reference needs an \"id\"" in res.stderr


# --- summaries --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("pred, ref, r1, r2, rl", [
    ("今天天气很好。", "今天天气很好", 100.0, 100.0, 100.0),  # punctuation does not count
    ("今天天气不好", "今天天气很好", 83.3333, 60.0, 83.3333),
    ("市场回暖", "今天天气很好", 0.0, 0.0, 0.0),
    ("GDP增长5%", "gdp增长5", 100.0, 100.0, 100.0),  # case folded; a Latin run is one token
])
def test_char_rouge_table(pred, ref, r1, r2, rl):
    from newsbrief.eval.summaries import score

    s = score([_art("x#1", summary_zh=pred)], {"x#1": {"id": "x#1", "summary_zh": ref}}, "char")
    assert (s.rouge1, s.rouge2, s.rougeL) == pytest.approx((r1, r2, rl), abs=1e-3)


def test_regression_default_rouge_tokenizer_scores_chinese_zero():
    """rouge-score's own tokenizer drops every non-ASCII character (models.md §5): ours must not."""
    from rouge_score.rouge_scorer import RougeScorer

    from newsbrief.eval.summaries import make_scorer

    assert RougeScorer(["rouge1"]).score("今天天气很好", "今天天气很好")["rouge1"].fmeasure == 0.0
    assert make_scorer("char").score("今天天气很好", "今天天气很好")["rouge1"].fmeasure == 1.0


def test_jieba_rouge_counts_words():
    from newsbrief.eval.summaries import JiebaTokenizer

    assert JiebaTokenizer().tokenize("我们在北京，参加会议。") == ["我们", "在", "北京", "参加", "会议"]
    from newsbrief.eval.summaries import score

    s = score([_art("x#1", summary_zh="我们在北京参加会议")], {"x#1": {"id": "x#1", "summary": "我们在上海参加会议"}},
              "jieba")
    assert s.rouge1 == pytest.approx(80.0)  # 4 of 5 words shared; by characters it would be 7 of 9


def test_eval_summaries_cli(tmp_path):
    write_atomic(tmp_path / "pred.jsonl", [_art("x#1", summary_zh="今天天气不好"), _art("x#2", summary_zh=None)])
    (tmp_path / "refs.jsonl").write_text(
        "\n".join(json.dumps({"id": i, "summary_zh": "今天天气很好"}, ensure_ascii=False) for i in ("x#1", "x#2")))
    res = runner.invoke(app, ["eval", "summaries", str(tmp_path / "pred.jsonl"), "--refs", str(tmp_path / "refs.jsonl"),
                              "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert got["articles"] == 2 and got["rouge1"] == pytest.approx(83.3333 / 2, abs=1e-3)  # no abstract scores 0
    res = runner.invoke(app, ["eval", "summaries", str(tmp_path / "pred.jsonl"), "--refs",
                              str(tmp_path / "refs.jsonl"), "--tokenizer", "bpe"])
    assert res.exit_code == 2 and "expected one of char, jieba" in res.output


# --- compare ----------------------------------------------------------------------------------------------

def test_eval_compare_says_what_changed(tmp_path):
    a = [_art("p#1", headline="甲", summary_zh="今天天气很好", paragraphs_en=["It is fine."]),
         _art("p#2", headline="乙", summary_zh="市场回暖", paragraphs_en=["Markets recover."]),
         _art("p#3", headline="丙")]
    b = [_art("p#1", headline="甲", summary_zh="今天天气很好", paragraphs_en=["It is fine."]),
         _art("p#2", headline="乙", summary_zh="市场明显回暖了", paragraphs_en=["Markets recover strongly."]),
         _art("p#4", headline="丁")]
    write_atomic(tmp_path / "a.jsonl", a)
    write_atomic(tmp_path / "b.jsonl", b)
    (tmp_path / "refs.jsonl").write_text(json.dumps({"id": "p#2", "summary_zh": "市场明显回暖",
                                                     "paragraphs_en": ["Markets recover strongly."]},
                                                    ensure_ascii=False) + "\n")
    res = runner.invoke(app, ["eval", "compare", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"), "--refs",
                              str(tmp_path / "refs.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert (got["changed"], got["only_a"], got["only_b"]) == (1, 1, 1)
    row = {r["id"]: r for r in got["rows"]}
    assert row["p#2"]["fields"] == ["summary_zh", "paragraphs_en"]
    assert row["p#2"]["summary_chars"] == [4, 7]
    assert row["p#2"]["rougeL"][1] > row["p#2"]["rougeL"][0] and row["p#2"]["chrf"][1] == pytest.approx(100.0)
    assert row["p#3"]["change"] == "only_a" and row["p#4"]["change"] == "only_b"
    res = runner.invoke(app, ["eval", "compare", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])
    assert res.exit_code == 0 and "p#2" in res.stdout and "p#1" not in res.stdout.split("\n\n")[0]
