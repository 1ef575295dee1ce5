"""Jumps stitched across pages (issue 13): synthetic issues built from the seed page and small pages of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.io.read import read_page
from newsbrief.records import to_dict
from newsbrief.segment import segment_page
from newsbrief.stitch import stitch, units

from .conftest import SEED, validate

runner = CliRunner()

# page 8 of the seed page's issue, written for these tests: the two front-page jumps continue here
# (the 政协 meeting first, then the feature on the business climate), then an article of its own
CONT_MEETING = "（上接第1版）会议要求，各参加单位\n要把学习成果转化为推动工作的实际\n行动，在协商议政中多建务实之言。\n\n" \
               "市政协各专门委员会负责同志参加学\n习研讨。\n"
CONT_FEATURE = "（上接第1版）在聊城，企业办事更加\n便捷，审批时限进一步压缩，一批重点\n项目相继落地投产。\n\n" \
               "营商环境持续优化，市场主体活力不\n断增强，为高质量发展注入新动能。\n"
OWN_ARTICLE = "城区新增三处口袋公园\n本报讯（记者 李明） 近日，城区新增\n三处口袋公园，方便市民就近休闲。\n\n" \
              "公园内设有步道和座椅，受到周边居\n民欢迎。\n"
MEETING_HEAD = "市政协党组理论学习中心组进行集体学习研讨"
FEATURE_FIRST = "大运河畔，东昌湖碧波荡漾"


def _issue(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _groups(folder: Path) -> list[list]:
    return [segment_page(read_page(str(p))) for p in sorted(folder.glob("*.txt"))]


def _articles(groups) -> list:
    return [a for g in groups for a in g if a.kind == "article"]


def _by_text(arts, text: str):
    found = [a for a in arts if text in "".join(a.paragraphs) or text in (a.headline or "")]
    assert len(found) == 1, (text, [a.id for a in found])
    return found[0]


SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("page8", [CONT_MEETING + "\n" + CONT_FEATURE + "\n" + OWN_ARTICLE,
                                   # the other order: matched by shared words, not by position
                                   CONT_FEATURE + "\n" + OWN_ARTICLE + "\n" + CONT_MEETING])
def test_two_page_issue_joins_both_front_page_jumps(tmp_path, page8):
    folder = _issue(tmp_path / "issue", {"page01.txt": SEED_TEXT, "page08.txt": page8})
    before = _articles(_groups(folder))
    groups = stitch(_groups(folder))
    arts = _articles(groups)
    assert len(arts) == len(before) - 2
    meeting = _by_text(arts, MEETING_HEAD)
    assert meeting.paragraphs[-1] == "市政协各专门委员会负责同志参加学习研讨。"
    assert "会议要求，各参加单位要把学习成果转化为推动工作的实际行动" in "".join(meeting.paragraphs)
    assert [p.page for p in meeting.source.parts] == ["1", "8"]
    head, tail = meeting.source.parts
    assert head.id == meeting.id and tail.id.startswith("issue/page08#")
    assert (head.continued_on, tail.continued_from) == (tail.id, head.id)
    assert meeting.continued_on is None and meeting.continued_from is None
    assert meeting.markers == ["（下转第8版）", "（上接第1版）"]
    feature = _by_text(arts, FEATURE_FIRST)
    assert feature.paragraphs[-1] == "营商环境持续优化，市场主体活力不断增强，为高质量发展注入新动能。"
    assert not any("会议要求" in p for p in feature.paragraphs)
    own = _by_text(arts, "口袋公园")
    assert own.source.parts == [] and own.source.page == "8"
    # the stitched record lives in page 1's output; page 8 keeps only its own article
    assert [a.id for a in groups[1] if a.kind == "article"] == [own.id]
    for g in groups:
        for a in g:
            validate(to_dict(a))


def test_a_sentence_cut_by_the_jump_is_one_paragraph_again(tmp_path):
    head = "老街改造\n本报讯（记者 李明） 老街改造工程进入收尾\n阶段，沿街商铺陆续恢复营业，居民\n出行更加方便，老街的烟火（下转第2版）\n"
    cont = "（上接第1版）气又回来了。\n\n下一步将继续完善配套设施。\n"
    folder = _issue(tmp_path / "issue", {"page1.txt": head, "page2.txt": cont})
    [a] = _articles(stitch(_groups(folder)))
    assert a.paragraphs == ["老街改造工程进入收尾阶段，沿街商铺陆续恢复营业，居民出行更加方便，老街的烟火气又回来了。",
                            "下一步将继续完善配套设施。"]


def test_three_page_chain_with_chinese_numeral_jumps(tmp_path):
    p1 = "产业升级步伐加快\n本报讯（记者 李明） 今年以来，我市产业\n升级步伐加快，新兴产业增势良好。\n（下转第二版）\n"
    p2 = "（上接第一版）市场主体活力不断增强，\n一批重点项目相继落地投产。\n\n下一步，全市将继续优化营商环境，推\n" \
         "动产业升级。（下转第三版）\n\n" + OWN_ARTICLE
    p3 = "（上接第二版）各项工作将统筹推进，确\n保取得实效。\n"
    folder = _issue(tmp_path / "issue", {"page1.txt": p1, "page2.txt": p2, "page3.txt": p3})
    groups = stitch(_groups(folder))
    arts = _articles(groups)
    story = _by_text(arts, "产业升级步伐加快")
    assert [p.page for p in story.source.parts] == ["1", "2", "3"]
    assert [p.continued_on for p in story.source.parts] == [p.id for p in story.source.parts[1:]] + [None]
    assert story.paragraphs[-1] == "各项工作将统筹推进，确保取得实效。"
    assert story.paragraphs.index("下一步，全市将继续优化营商环境，推动产业升级。") == len(story.paragraphs) - 2
    assert len(arts) == 2 and not [a for a in groups[2] if a.kind == "article"]


def test_a_record_stitched_earlier_keeps_its_pieces_when_joined_again(tmp_path):
    p1 = "产业升级步伐加快\n本报讯（记者 李明） 今年以来，我市产业\n升级步伐加快。（下转第2版）\n"
    p2 = "（上接第1版）新兴产业增势良好。\n（下转第3版）\n"
    p3 = "（上接第2版）各项工作将统筹推进。\n"
    folder = _issue(tmp_path / "issue", {"page1.txt": p1, "page2.txt": p2, "page3.txt": p3})
    g1, g2, g3 = _groups(folder)
    first = stitch([g1, g2])  # pages 1 and 2 in one stage, page 3 in a later one
    [story] = _articles(stitch(first + [g3]))
    assert [p.page for p in story.source.parts] == ["1", "2", "3"]
    assert story.source.parts[1].continued_on == story.source.parts[2].id
    assert story.source.parts[2].continued_from == story.source.parts[1].id
    assert "".join(story.paragraphs) == "今年以来，我市产业升级步伐加快。新兴产业增势良好。各项工作将统筹推进。"


@pytest.mark.parametrize("head_extra, tail_extra, kept", [
    ({"issue_no": 7}, {}, {"issue_no": 7}),
    ({}, {"ocr": "v2"}, {"ocr": "v2"}),
    ({"issue_no": 7, "ocr": "v1"}, {"ocr": "v2"}, {"issue_no": 7, "ocr": "v1"}),  # the head's wins
    ({}, {}, None),
])
def test_regression_stitched_record_keeps_pdf_box_and_extra(tmp_path, head_extra, tail_extra, kept):
    """Session-23 review, finding 8: merge() built Source without pdf_page and bbox and dropped meta.extra."""
    p1 = "产业升级步伐加快\n本报讯（记者 李明） 今年以来，我市产业\n升级步伐加快。（下转第2版）\n"
    p2 = "（上接第1版）新兴产业增势良好。\n"
    folder = _issue(tmp_path / "issue", {"page1.txt": p1, "page2.txt": p2})
    g1, g2 = _groups(folder)
    for g, pdf_page, bbox, extra in ((g1, 1, [10.0, 20.0, 300.0, 400.0], head_extra),
                                     (g2, 2, [5.0, 5.0, 50.0, 60.0], tail_extra)):
        for a in g:
            a.source.pdf_page, a.source.bbox = pdf_page, bbox
            if extra:
                a.meta["extra"] = dict(extra)
    [story] = _articles(stitch([g1, g2]))
    assert [p.page for p in story.source.parts] == ["1", "2"]
    assert (story.source.pdf_page, story.source.bbox) == (1, [10.0, 20.0, 300.0, 400.0])
    assert story.meta.get("extra") == kept
    validate(to_dict(story))


def test_a_jump_whose_page_is_missing_stays_as_it_is(tmp_path):
    folder = _issue(tmp_path / "issue", {"page01.txt": SEED_TEXT, "page05.txt": OWN_ARTICLE})
    before = _articles(_groups(folder))
    after = _articles(stitch(_groups(folder)))
    assert [a.id for a in after] == [a.id for a in before]
    assert sorted(a.continued_on for a in after if a.continued_on) == ["8", "8"]
    assert all(a.source.parts == [] for a in after)


def test_continuation_whose_head_page_is_missing_stays(tmp_path):
    folder = _issue(tmp_path / "issue", {"page08.txt": CONT_MEETING + "\n" + OWN_ARTICLE})
    arts = _articles(stitch(_groups(folder)))
    assert sorted(a.continued_from or "-" for a in arts) == ["-", "1"]


def test_pages_of_different_issues_are_never_joined(tmp_path):
    _issue(tmp_path / "day1", {"page01.txt": SEED_TEXT})
    _issue(tmp_path / "day2", {"page08.txt": CONT_MEETING})
    groups = _groups(tmp_path / "day1") + _groups(tmp_path / "day2")
    assert units(groups) == [[0], [1]]
    assert all(a.source.parts == [] for a in _articles(stitch(groups)))


def test_units_join_only_the_linked_inputs(tmp_path):
    folder = _issue(tmp_path / "issue", {"page01.txt": SEED_TEXT, "page05.txt": OWN_ARTICLE, "page08.txt": CONT_MEETING})
    assert units(_groups(folder)) == [[0, 2], [1]]


# --- the whole run with the tiny models ------------------------------------------------------------------

def test_run_summarises_and_translates_each_stitched_article_once(tiny, tmp_path, monkeypatch):
    import newsbrief.jobs
    from newsbrief.stages import summarize, translate

    jobs: list = []
    real = newsbrief.jobs.run_jobs

    def spy(gen, batch, *a, **kw):
        jobs.extend(batch)
        return real(gen, batch, *a, **kw)

    for stage in (summarize, translate):  # every model call of a stage goes through its run_jobs
        monkeypatch.setattr(stage, "run_jobs", spy)
    # two of the seed page's articles (lines 97-182), the second jumping to page 8: fast on two cores
    front = "\n".join(SEED_TEXT.split("\n")[96:182]) + "\n"
    folder = _issue(tmp_path / "issue", {"page01.txt": front, "page08.txt": CONT_MEETING + "\n" + OWN_ARTICLE})
    out = tmp_path / "out"
    args = ["run", str(folder), "--summarizer", str(tiny["qwen"]), "--translator", str(tiny["marian"]),
            "--device", "cpu", "--summary-tokens", "8", "--on-degenerate", "flag", "--quiet", "-o", f"{out}/"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    recs = {f.stem: [json.loads(x) for x in f.read_text(encoding="utf-8").split("\n") if x.strip()]
            for f in out.glob("*.jsonl")}
    meeting = [r for r in recs["page01"] if r["headline"] == MEETING_HEAD]
    assert len(meeting) == 1 and [p["page"] for p in meeting[0]["source"]["parts"]] == ["1", "8"]
    m = meeting[0]
    # 8 tokens of a random tiny model may trim to no abstract at all: that the article was summarised is in meta
    assert m["meta"]["summary"]["strategy"] in ("single", "map-reduce") and len(m["paragraphs_en"]) == len(m["paragraphs"])
    # page 8's output holds only its own article: the continuation is not a record of its own
    assert [r["headline"] for r in recs["page08"] if r["kind"] == "article"] == ["城区新增三处口袋公园"]
    # the continuation is summarised once, in one text with the head: the head's last paragraph runs into it,
    # in one chunk or across two of the article's chunks (consecutive jobs), as its input limit cuts the text
    summaries = [j.text for j in jobs if j.task == "summarize"]
    assert sum("会议要求" in t for t in summaries) == 1 and "履职工作质效。\n会议要求" in "".join(summaries)
    assert sum(j.task == "translate" and "负责同志参加学习研讨" in j.text for j in jobs) == 1
    for rs in recs.values():
        for r in rs:
            validate(r)


def test_resume_unit_is_the_pages_a_jump_joins(tmp_path):
    folder = _issue(tmp_path / "issue", {"page01.txt": SEED_TEXT, "page05.txt": OWN_ARTICLE,
                                         "page08.txt": CONT_MEETING})
    out = tmp_path / "out"
    args = ["run", str(folder), "--summarizer", "lead", "--translator", "none", "--quiet", "-o", f"{out}/"]

    def counts() -> dict:
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.output
        return json.loads((out / "run.json").read_text(encoding="utf-8"))["counts"]

    first = counts()
    assert (first["done"], first["articles"]) == (3, 8)  # the continuation is part of page 1's article
    assert counts()["resumed"] == 3
    # a changed page 8 redoes page 1 too (its article spans both); page 5 is still resumed
    (folder / "page08.txt").write_text(CONT_MEETING + "\n" + OWN_ARTICLE, encoding="utf-8")
    again = counts()
    assert (again["done"], again["resumed"]) == (2, 1)
    page1 = [json.loads(x) for x in (out / "page01.jsonl").read_text(encoding="utf-8").split("\n") if x]
    assert sum(bool(r["source"]["parts"]) for r in page1) == 1
