"""The segmentation gate (bench/eval_segment.py): scores every set, compares with the baseline, fails on a drop.

Runs on a shared folder made here: one set with a page written for the test,
its gold, an alternative extraction and a PDF, and a small scorer standing in
for ../shared/tools/segscore.py (same two functions, same result shape).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GATE = ROOT / "bench" / "eval_segment.py"

BODY = ("城南水库扩建工程昨天正式开工。水库扩建后库容将增加三千万立方米，可以解决城南五个乡镇的灌溉用水问题。"
        "水库管理处负责人介绍，扩建工程分三期进行，预计明年汛期前完工。")
PAGE = "水库扩建开工\n\n本报讯（记者 王明）\n" + "\n".join(BODY[i:i + 12] for i in range(0, len(BODY), 12)) + "\n"
GOLD = {"articles": [{"id": "a", "title": "水库扩建开工", "byline": "本报讯（记者 王明）", "reporters": ["王明"],
                      "body": "本报讯（记者王明）" + BODY, "continued_on": None}]}

#: what the shared scorer offers the gate: load_jsonl and score_page(gold, preds, verbose, label) -> (rows, ...)
SCORER = '''
import json, pathlib
def load_jsonl(p):
    return [json.loads(l) for l in pathlib.Path(p).read_text(encoding="utf-8").splitlines() if l.strip()]
def score_page(gold, preds, verbose=False, label=""):
    bodies = ["".join(p["paragraphs"]) for p in preds if p["kind"] == "article"]
    rows = [dict(id=g["id"], ok=g["body"].endswith(bodies[0]) if bodies else False, title=bool(bodies), pred=0)
            for g in gold["articles"]]
    return rows, 0, 0, len(bodies)
'''


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    s = root / "segmentation-test"
    (s / "alt").mkdir(parents=True)
    (root / "tools").mkdir()
    (root / "tools" / "segscore.py").write_text(SCORER, encoding="utf-8")
    (s / "p1.txt").write_text(PAGE, encoding="utf-8")
    (s / "alt" / "p1.other.txt").write_text(PAGE.replace("\n\n", "\n"), encoding="utf-8")
    (s / "p1.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (s / "p1.pdf").write_bytes(b"%PDF-1.4\n\x00\x01binary\n%%EOF\n")
    return root


def gate(shared: Path, baseline: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(GATE), "--shared", str(shared), "--baseline", str(baseline), *extra],
                          capture_output=True, text=True, timeout=120)


def test_gate_scores_txt_and_alt_rows_and_writes_a_baseline_of_scores_only(shared, tmp_path):
    baseline = tmp_path / "baseline.json"
    r = gate(shared, baseline, "--update-baseline")
    assert r.returncode == 0, r.stderr
    assert "segmentation-test        txt" in r.stdout and "alt:other" in r.stdout
    saved = json.loads(baseline.read_text(encoding="utf-8"))
    assert saved == {"segmentation-test/alt:other": {"ok": 1, "total": 1}, "segmentation-test/pdf": {"ok": 0, "total": 1},
                     "segmentation-test/txt": {"ok": 1, "total": 1}}


def test_gate_passes_at_the_baseline_and_fails_on_a_drop(shared, tmp_path):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"segmentation-test/txt": {"ok": 1, "total": 1}}), encoding="utf-8")
    assert gate(shared, baseline).returncode == 0
    (shared / "segmentation-test" / "p1.txt").write_text("一行\n", encoding="utf-8")  # the page loses its article
    r = gate(shared, baseline)
    assert r.returncode == 1
    assert "DROP segmentation-test/txt: 0/1, baseline 1/1" in r.stderr


def test_pdf_row_a_failing_command_is_a_drop_not_a_skip(shared, tmp_path):
    # the gate once reported a PDF row as "skipped" whenever no PDF came out, so a crash in
    # the PDF path (a SyntaxError in regions.py) passed the gate
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"segmentation-test/pdf": {"ok": 1, "total": 1}}), encoding="utf-8")
    r = gate(shared, baseline)
    assert r.returncode == 1
    assert "DROP segmentation-test/pdf: 0/1, baseline 1/1" in r.stderr
    assert "not segmented: p1: " in r.stdout and "not a readable PDF" in r.stdout


def test_gate_without_shared_sets_says_so(tmp_path):
    r = gate(tmp_path, tmp_path / "baseline.json")
    assert r.returncode == 2
    assert "no segmentation-* sets" in r.stderr


def test_committed_baseline_holds_scores_only():
    saved = json.loads((ROOT / "bench" / "segment_baseline.json").read_text(encoding="utf-8"))
    for key, value in saved.items():
        assert "/" in key and set(value) == {"ok", "total"} and all(isinstance(v, int) for v in value.values())


def _gate_module():
    import importlib.util
    spec = importlib.util.spec_from_file_location("eval_segment", GATE)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # (its dataclass looks its module up there)
    spec.loader.exec_module(mod)
    return mod


OTHER = "村民老李说，往年一到夏天，田里就缺水，玉米常常减产。今年灌溉渠通到了村口，老李打算明年多种两亩玉米。"


@pytest.mark.parametrize("text, held", [
    (PAGE, True),  # wrapped in lines: line breaks are no gap in the body
    (PAGE[: len(PAGE) * 2 // 3], False),  # its last column laid past the page's foot (pagegen)
    (BODY[len(BODY) // 2:] + "\n\n" + BODY[: len(BODY) // 2], True),  # its halves printed in the other order
    # broken every 6 characters by another column's lines: not as printed
    ("\n".join(BODY[i:i + 6] + "\n" + OTHER[i:i + 6] for i in range(0, len(BODY), 6)), False),
])
def test_held_in_says_whether_the_text_holds_a_gold_body_nearly_as_printed(text, held):
    gate = _gate_module()
    assert gate.held_in(BODY, gate.squash(text)) is held


def test_gate_counts_the_gold_articles_the_text_holds(shared, tmp_path):
    # generated pages whose gold lists a body the extraction dropped (pagegen laid it past the page's foot)
    gold = {"articles": [*GOLD["articles"], {"id": "b", "title": "老李的玉米地", "byline": None, "reporters": [],
                                             "body": OTHER, "continued_on": None}]}
    (shared / "segmentation-test" / "p1.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "scores.json"
    r = gate(shared, tmp_path / "baseline.json", "--json", str(out))
    assert r.returncode == 0, r.stderr
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["segmentation-test/txt"]["held"] == 1 and scores["segmentation-test/txt"]["total"] == 2
    assert scores["segmentation-test/alt:other"]["held"] == 1 and scores["segmentation-test/pdf"]["held"] is None
    assert "in text" in r.stdout.splitlines()[0]


@pytest.mark.parametrize("gold, rec, same", [
    ({"kicker": None, "headline": "水库扩建 今日开工", "subtitle": None}, {"headline": "水库扩建今日开工"}, True),
    ({"kicker": None, "headline": "水库扩建今日开工"}, {"kicker": "水库扩建", "headline": "今日开工"}, False),
    ({"kicker": "【民生】", "headline": "水库扩建"}, {"kicker": "【民生】", "headline": "水库扩建", "subtitle": None}, True),
])
def test_same_fields_compares_kicker_headline_and_subtitle_spacing_aside(gold, rec, same):
    assert _gate_module().same_fields(gold, rec) is same


@pytest.mark.parametrize("gold_fields, fields", [
    ({"kicker": None, "headline": "水库扩建开工", "subtitle": None}, 1),  # the record's headline is gold's
    ({"kicker": "水库", "headline": "扩建开工", "subtitle": None}, 0),  # gold reads a kicker the record does not
])
def test_gate_counts_titles_split_into_golds_fields(shared, tmp_path, gold_fields, fields):
    gold = {"articles": [{**GOLD["articles"][0], **gold_fields}]}
    (shared / "segmentation-test" / "p1.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "scores.json"
    r = gate(shared, tmp_path / "baseline.json", "--json", str(out))
    assert r.returncode == 0, r.stderr
    row = json.loads(out.read_text(encoding="utf-8"))["segmentation-test/txt"]
    assert (row["fields"], row["titled"]) == (fields, 1)
    assert "fields" in r.stdout.splitlines()[0]
