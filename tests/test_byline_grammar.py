"""The byline grammar on the forms issue 9 found unknown: parameter tables, one row per form."""

from __future__ import annotations

import pytest

from newsbrief.segment.byline import (broken_role, credit_broken, dateline_date, is_author_line, is_bare_names, is_reporter_line, match_dateline,
                                      reporters, split_run_names, split_tail_byline)
from newsbrief.text.normalize import normalize_line


@pytest.mark.parametrize("text, dateline", [
    ("【本報訊】港府押後選舉", "【本報訊】"),
    ("【明報專訊】警方昨日", "【明報專訊】"),
    ("【環球時報綜合報道】股市大跌", "【環球時報綜合報道】"),
    ("【文匯網訊】(香港文匯報記者 顏晉傑 文森)這一夜", "【文匯網訊】(香港文匯報記者 顏晉傑 文森)"),
    ("(星島日報報道)港鐵再爆出", "(星島日報報道)"),
    ("（中央社記者戴雅真台北29日電）台北市政府", "（中央社記者戴雅真台北29日電）"),
    ("新京报快讯（记者 裴剑飞）昨日", "新京报快讯（记者 裴剑飞）"),
    ("南方日报讯", "南方日报讯"),
    ("福州晚报讯日前记者在现场看到", "福州晚报讯"),  # the dateline stops at 讯: the lead is not swallowed
    ("■ 本报讯（记者 张三）昨天", "■ 本报讯（记者 张三）"),
    ("本报讯（新甘肃·甘肃法治报见习记者 鲜晓苏）", "本报讯（新甘肃·甘肃法治报见习记者 鲜晓苏）"),
])
def test_datelines_of_other_papers(text, dateline):
    m = match_dateline(text)
    assert m is not None and m.group(0) == dateline


@pytest.mark.parametrize("byline, lead, date", [
    ("新华社北京8月24日电", "", "8月24日"),
    ("新华社北京 8 月 24 日电", "", "8月24日"),  # a PDF line spaces its figures out (gen pages)
    ("本报讯（记者 张三）", "3月5日，本市…", "3月5日"),  # no date in the dateline: the lead's
    ("【本報訊】", "昨日港府…", None),
    ("■ 本报记者 王培源", "3月5日，本市…", None),  # a reporter line is no dateline
])
def test_dateline_date(byline, lead, date):
    assert dateline_date(byline, lead) == date


@pytest.mark.parametrize("text", [
    "进行集体学习研讨本报讯（记者 江平波）",  # a headline's second line before a dateline (seed page 181)
    "【执纪者说】",
    "要闻简报新华社青岛8月24日电",
    "新甘肃·甘肃法治报通讯员庞俊宝",  # 通讯员 is a role, not a dateline's 讯 (segmentation-real gsfzb)  # a column heading joined to the dateline under it (dev-v2 e04)
    "（见本报昨天6版相关报道）昨天",  # a cross-reference, not a dateline (gen pages)
    # 讯息, 讯号 and 资讯 are words, not a dateline's 讯 (gen page s10508/p10, a paragraph's rest after a gap)
    "加强工作报告和对外讯息发布",
    "城南晚报讯号塔昨天完工",
    "城南日报资讯版",
])
def test_not_datelines(text):
    assert match_dateline(text) is None


@pytest.mark.parametrize("line, expected", [
    ("文/广州日报记者赖伟行", True),
    ("顶端新闻·河南商报记者马俊峰/文受访者供图", True),  # a picture credit after the names (dev-v2 e06)
    ("文·本报记者 付毅飞", True),
    ("□ 本报记者 王亚楠", True),
    ("采写：南都记者 王五", True),
    ("記者︰張三", True),
    ("作者：李慧敏", True),
    ("读者 薛芳玲", True),
    ("■记者李晖通讯员余建李明", True),
    ("新华网黑龙江频道 记者 伊琳 李清芬", True),
    ("辽沈晚报特派朝阳记者 张辉", True),
    ("本报记者 吴铎思 本报通讯员 薛晓秋 摄", True),
    ("■ 姚雪青 钱 艳 宋 岩", True),
    ("■谈会召开", False),  # the tail of a wrapped headline: four characters are a word, not a name
    ("福州晚报讯日前记者李四", False),  # a dateline with its lead, not a reporter line
    ("记者：首先欢迎您来到节目", False),  # an interview question, not a byline
    ("图书馆的负责人王小明给记者算了一", False),  # a sentence cut by its column: told a reporter (_TOLD_REPORTER)
    ("馆长向记者介绍", False),
    # four characters glued to a role: a name of three and the sentence going on (_glued_name; gen3 page
    # k10049/p05, pdftotext -raw: `工人日報記者鄧崎凡來` / `到這里，…`), unless two names or a compound surname
    ("工人日報記者鄧崎凡來", False),
    ("工人日报记者张晓华来", False),  # 张晓 / 华来 would split as two names: 来 ends none (_AFTER_NAME)
    ("工人日报记者王海林到", False),
    ("新华社记者欧阳明华", True),
])
def test_reporter_lines_of_other_papers(line, expected):
    assert is_reporter_line(line) is expected


@pytest.mark.parametrize("byline, names", [
    ("【文匯網訊】(香港文匯報記者 顏晉傑 文森)", ["顏晉傑", "文森"]),
    ("（中央社記者戴雅真台北29日電）", ["戴雅真"]),
    ("■ （中央社記者戴雅真台北29 日電）", ["戴雅真"]),  # a PDF line may space the figures out
    ("新京报快讯（记者 裴剑飞）", ["裴剑飞"]),
    ("文/广州日报记者赖伟行", ["赖伟行"]),
    ("顶端新闻·河南商报记者马俊峰\n/文受访者供图", ["马俊峰"]),
    ("采写：南都记者 王五", ["王五"]),
    ("記者︰張三", ["張三"]),
    ("■记者李晖通讯员余建李明", ["李晖", "余建", "李明"]),
    ("本报讯（记者徐昕联通讯员 田明宋宗泽姜山）", ["徐昕联", "田明", "宋宗泽", "姜山"]),
    ("本报讯 辽沈晚报记者闫柳报道", ["闫柳"]),
    ("本报讯（新甘肃·甘肃法治报记者魏 世 东）", ["魏世东"]),
    ("■ 姚雪青 钱 艳 宋 岩", ["姚雪青", "钱艳", "宋岩"]),
    ("（记者 胡晓蓉）", ["胡晓蓉"]),
    ("新甘肃·甘肃法治报通讯员庞俊宝", ["庞俊宝"]),
    ("【文匯網訊】(香\n港文匯報記者 顏晉傑 文森)", ["顏晉傑", "文森"]),  # wrapped inside the bracket
    ("本报实习生 刘国栋 周炜\n本报记者 王燕平 方云凤 柏建斌", ["刘国栋", "周炜", "王燕平", "方云凤", "柏建斌"]),
])
def test_reporters_of_other_papers(byline, names):
    assert reporters(byline) == names


@pytest.mark.parametrize("run, names", [
    ("余建李明", ["余建", "李明"]),
    ("田明宋宗泽姜山", ["田明", "宋宗泽", "姜山"]),  # 宋 is commoner than 宗
    ("欧阳娜娜", ["欧阳娜娜"]),
    ("徐昕联", ["徐昕联"]),
    ("的的的的的", ["的的的的的"]),  # no surname: kept whole
])
def test_split_run_names(run, names):
    assert split_run_names(run) == names


@pytest.mark.parametrize("paragraph, body, byline", [
    ("他说。（记者 胡晓蓉）", "他说。", "（记者 胡晓蓉）"),
    ("工作正在推进。本报记者 董怡虹 陈炅玮", "工作正在推进。", "本报记者 董怡虹 陈炅玮"),
    ("他说：“好。”记者 刘涛", "他说：“好。”", "记者 刘涛"),
    ("新华社记者杨成明说。", "新华社记者杨成明说。", None),
    ("这是一句话。", "这是一句话。", None),
])
def test_split_tail_byline(paragraph, body, byline):
    assert split_tail_byline(paragraph) == (body, byline)


@pytest.mark.parametrize("line, expected", [("张志锋", True), ("李洪兴", True), ("姚雪青 钱 艳 宋 岩", True),
                                            ("檢疫", False), ("协调发展", False),
                                            # a rarer surname signs an essay (real page rmrb-20180122-07); a
                                            # headline's wrapped tail opening with a common word stays a title
                                            ("习亚哲 杨静", True), ("谈会召开", False),
                                            # a lone common word opening on a surname's character is a headline's
                                            # wrapped tail (`成绩` under `…拿下不俗的`, lexicon.is_common_word); in a
                                            # list the other names vouch for it (江山 is a place's name too)
                                            ("成绩", False), ("管理", False), ("王小明 江山", True)])
def test_bare_names_start_with_a_surname(line, expected):
    assert is_bare_names(line) is expected


@pytest.mark.parametrize("raw, expected", [
    ("近 年 来，清 水 县 公 安 局 城", "近年来，清水县公安局城"),
    ("本 报 讯（新 甘 肃·甘 肃 法 治 报 见 习", "本报讯（新甘肃·甘肃法治报见习"),
    ("■ 姚雪青 钱 艳 宋 岩", "■姚雪青 钱 艳 宋 岩"),  # a name list: four spaced single characters stay
    ("新质生产力 加快建设", "新质生产力 加快建设"),
    # five phrase gaps in a long line: far fewer than one per two characters (LETTER_SPACED_MIN_SHARE)
    ("依法依规 解决诉求 推动发展 事心双解 取得成效 形成合力", "依法依规 解决诉求 推动发展 事心双解 取得成效 形成合力"),
])
def test_letter_spaced_lines_unspaced(raw, expected):
    assert normalize_line(raw) == expected


@pytest.mark.parametrize("line, expected", [
    ("李洪兴", True),
    ("胡鞍钢 张 新", True),
    ("李 斌", True),  # a two-character name spaced out to line up is a name
    ("姚雪青 钱 艳 宋 岩", True),
    ("成绩", False),  # a subtitle's wrapped tail that opens with a surname (dev-v2 e06)
    ("管理", False),
    ("谈会召开", False),
])
def test_author_line_under_a_title(line, expected):
    assert is_author_line(line) is expected


@pytest.mark.parametrize("line, rest, expected", [
    ("河南商报记者马俊峰/文受", "访者供图", True),  # broken inside 受访者 (gen3 page k10022/p11)
    ("河南商报记者马俊峰/文 受访", "者供图", True),
    ("河南商报记者马俊峰/文", "受访者供图", False),  # broken before the credit: the line stands whole
    ("河南商报记者马俊峰/文受", "访者说", False),  # no credit at all
])
def test_picture_credit_broken_between_two_lines(line, rest, expected):
    assert credit_broken(line, rest) is expected


@pytest.mark.parametrize("line, nxt, expected", [
    ("本报记者 吴铎思 本报通", "讯员 薛晓秋 摄", True),  # 通讯员 broken (gen page h7002/p09)
    ("本报记者 王明 实习", "生 李华", True),  # 实习生
    ("本报记者 吴铎思 本报通讯员", "薛晓秋 摄", False),  # the role whole on the line: nothing broken
    ("城南水库 扩建", "工程 开工", False),  # no role word across the break
    ("水库扩建工程开工 本报", "讯 城南", False),  # 本报讯 is a dateline's source, no role
    ("本报记者 王明", "", False),
])
def test_role_word_broken_at_a_lines_end(line, nxt, expected):
    # broken_role: only a role word cut inside (通/讯员) joins two lines into one byline
    assert broken_role(line, nxt) is expected
