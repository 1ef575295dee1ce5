"""The seed page (a real front page): what it must and must not yield (issue 2)."""

from __future__ import annotations

import pytest

from newsbrief.records import to_dict
from newsbrief.segment import segment_text

from .conftest import SEED, validate

# kicker, headline, subtitle, reporters, continued_on — the table in issue 2.
SEED_ARTICLES = [
    ("优化提升“三大环境”聚力实现“三大跨越”", "争当改革创新发展新标杆",
     "——访市政府党组成员，开发区党工委书记、管委会主任贾鹏柱", ["刘敏"], None),
    ("张百顺在公开接待群众来访时强调", "依法依规解决群众合理诉求 推动实现“事心双解”", None, ["赵琦", "黄振"], None),
    (None, "市政协党组理论学习中心组进行集体学习研讨", None, ["江平波"], "8"),
    (None, "曾晓黎到东阿县调研康养产业发展和政协工作情况", None, ["江平波"], None),
    (None, None, None, ["王培源", "赵宗锋", "李政哲"], "8"),
    (None, "市政府常务会议召开", "研究招商引资、就业、培育发展新质生产力等工作", ["林金彦", "杨光"], None),
    ("中共中央办公厅", "印发《全国党员教育培训工作规划（2024—2028年）》", None, [], None),
]


@pytest.fixture(scope="module")
def records(seed_text):
    return segment_text(seed_text, str(SEED))


@pytest.fixture(scope="module")
def articles(records):
    return [r for r in records if r.kind == "article"]


def test_seed_has_exactly_seven_articles(articles):
    assert len(articles) == 7


@pytest.mark.parametrize("n", range(7))
def test_seed_article_titles_reporters_jumps(articles, n):
    kicker, headline, subtitle, reporters, cont = SEED_ARTICLES[n]
    a = articles[n]
    assert (a.kicker, a.headline, a.subtitle) == (kicker, headline, subtitle)
    assert a.reporters == reporters
    assert a.continued_on == cont


def test_seed_teaser_is_a_fragment_not_glued_to_a_neighbour(records, articles):
    teasers = [r for r in records if r.fragment_type == "teaser"]
    assert [(t.headline, t.subtitle) for t in teasers] == [("数智赋能 创新前行", "——探寻聊城数字经济高质量发展密码")]
    assert not any("数智赋能" in a.title for a in articles)


def test_seed_bylines_and_datelines(articles):
    assert articles[1].byline == "本报讯（记者 赵琦 黄振）"
    assert articles[1].dateline == "2月27日"
    assert articles[1].paragraphs[0].startswith("2月27日上午，市委副书记")
    assert articles[6].byline == "据新华社北京2月27日电"
    assert articles[6].dateline == "2月27日"
    assert articles[6].paragraphs[0].startswith("近日，中共中央办公厅印发了《全国党员教育培训工作规划")


def test_seed_paragraphs_rejoin_across_column_breaks(articles):
    body = articles[0].text
    assert "精准服务企业" in body  # `精准服` / blank / `务企业`
    assert "建区30周年" in body and "2月26日" in body  # extraction spaces dropped
    assert "“6+3”招商机制" in body
    assert articles[1].paragraphs[1].startswith("在信访接待室")  # paragraph break with no blank line
    for a in articles:
        for p in a.paragraphs:
            if p in a.subheads or p is a.paragraphs[-1] and a.continued_on:
                continue
            assert p[-1] in "。！？…”）：；", p


def test_seed_jump_markers_removed_from_text_and_kept_as_markers(articles):
    assert all("下转" not in a.text for a in articles)
    assert articles[2].markers == ["（下转第8版）"]


def test_seed_subheads_stay_in_the_body(articles):
    feature = articles[4]
    assert feature.subheads == ["栽好梧桐引凤栖：营商环境的“聊城温度”", "千帆竞发势如虹：招商引资的“聊城路径”"]
    assert all(s in feature.paragraphs for s in feature.subheads)


def test_seed_headline_space_between_phrases_is_kept(articles):
    assert "新质生产力 加快建设" in articles[5].text


def test_seed_ids_are_stable_and_unique(records, seed_text):
    again = segment_text(seed_text, str(SEED))
    assert [r.id for r in records] == [r.id for r in again]
    assert len({r.id for r in records}) == len(records)


def test_seed_records_match_schema(records):
    for r in records:
        validate(to_dict(r))


def _seed_headline_first(lines: list[str]) -> str:
    """The seed page re-laid with every title block before its body, as other extractors give it."""
    def span(a: int, b: int) -> list[str]:
        return lines[a - 1:b]

    blocks = [((1, 91), (93, 95)), ((97, 134), (136, 138)), ((140, 179), (181, 182)), ((184, 223), (225, 226)),
              ((228, 332), None), ((333, 400), (402, 403)), ((408, 425), (427, 429))]
    out: list[str] = []
    for body, title in blocks:
        out += (span(*title) + [""] if title else []) + span(*body) + [""]
        if body == (333, 400):
            out += span(405, 406) + [""]  # the teaser stays where it was printed
    return "\n".join(out)


VARIANTS = {
    "headline first": _seed_headline_first,
    "jump pages in Chinese numerals": lambda lines: "\n".join(lines).replace("（下转第8版）", "（下转第八版）"),
    "CRLF line endings": lambda lines: "\r\n".join(lines),
    "ideographic paragraph indents": lambda lines: "\n".join(
        "\u3000\u3000" + ln if ln.startswith(("聚力", "会议", "曾晓黎", "张百顺强调")) else ln for ln in lines),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_seed_variants_yield_the_same_articles(seed_text, articles, name):
    variant = segment_text(VARIANTS[name](seed_text.split("\n")), "variant.txt")
    got = [a for a in variant if a.kind == "article"]
    assert [(a.kicker, a.headline, a.subtitle, a.reporters, a.continued_on) for a in got] == \
        [(a.kicker, a.headline, a.subtitle, a.reporters, a.continued_on) for a in articles]
    assert ["".join(a.paragraphs) for a in got] == ["".join(a.paragraphs) for a in articles]


def test_rotated_seed_page_keeps_paragraphs_broken_by_a_column_end(seed_text, articles):
    # regression (issue 9 work): with the page starting at line 97, `在信访接待室，张百顺详细了解问`
    # stands first in its paragraph right before a blank line; it runs on, it is no headline
    lines = seed_text.split("\n")
    rotated = segment_text("\n".join(lines[96:] + lines[:96]), "rotated.txt")
    got = next(a for a in rotated if a.kind == "article" and a.headline == articles[1].headline)
    assert got.paragraphs == articles[1].paragraphs


def test_seed_line_between_gaps_that_stops_on_a_comma_runs_on(articles):
    # regression (issue 9 work): seed line 115 `张百顺强调，信访工作是了解民情、` stands between
    # two blank lines yet stops mid-sentence; it is no subhead
    assert not articles[1].subheads
    assert any(p.startswith("张百顺强调，信访工作是了解民情、集中民智") for p in articles[1].paragraphs)
