"""Parameter tables for the pure text functions: normalisation, bylines, markers."""

from __future__ import annotations

import pytest

from newsbrief.segment.byline import is_bare_names, is_reporter_line, match_dateline, reporters
from newsbrief.segment.lines import _median, _medians_before, is_furniture, is_terminal, page_number
from newsbrief.io.read import page_from_name
from newsbrief.text.normalize import display_width, drop_quote_gaps, fix_spacing, join_lines, normalize_line


@pytest.mark.parametrize("raw, expected", [
    ("2 月 26 日，市政", "2月26日，市政"),
    ("今年是开发区建区 30 周年", "今年是开发区建区30周年"),
    ("健全“ 6 + 3 ”招商机制", "健全“6+3”招商机制"),
    ("新质生产力 加快建设现代化产业体系", "新质生产力 加快建设现代化产业体系"),
    ("依法依规解决群众合理诉求 推动实现“事心双解”", "依法依规解决群众合理诉求 推动实现“事心双解”"),
    ("当地10 - 15 天市场供应", "当地10-15天市场供应"),
    ("的农业IP 。今年初", "的农业IP。今年初"),
    ("２０２４年３月", "2024年3月"),
    ("ＡＢＣ公司", "ABC公司"),
    ("　　■ 本报记者 赵 ", "■本报记者 赵"),
    ("Xi Jinping 说", "Xi Jinping说"),
    ("（记者 赵琦 黄振）", "（记者 赵琦 黄振）"),
    # a phrase gap beside a quote is a headline's (gen pages, pdftotext -raw)
    ("去杠杆引发踩踏 “杠杆牛市”渐行渐远", "去杠杆引发踩踏 “杠杆牛市”渐行渐远"),
    ("旺角「殺街」 有人轉場尖沙咀", "旺角「殺街」 有人轉場尖沙咀"),
    # but a justified line spaces its quotes out as its characters (real page rmrb-20180122-07, pdftotext)
    ("水 库 管 理 处 《城 南 水 库 年 报》 显 示 ， 今", "水库管理处《城南水库年报》显示，今"),
    ("库 。“ 城 南 水 库 2025” 扩 建 工 程 开", "库。“城南水库2025”扩建工程开"),
    # a label's or a dateline's bracket is no quote: the gap after it goes (review of issue 9)
    ("记者从【城南发布】 获悉", "记者从【城南发布】获悉"),
])
def test_normalize_line(raw, expected):
    assert normalize_line(raw) == expected


@pytest.mark.parametrize("plain", ["2 月 26 日，市政", "新质生产力 加快建设", "the  Belt 和 Road", " 中 \n 文 "])
def test_fix_spacing_same_for_every_space(plain):
    """A tab, an ideographic or a no-break space is fixed as a plain one (fix_spacing takes a faster pattern for plain)."""
    for odd in ("\t", "\u3000", "\u00a0"):
        assert fix_spacing(plain.replace(" ", odd)) == fix_spacing(plain)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_medians_before_are_the_windows_medians(k):
    """_medians_before gives, for each position, _median of the up to k values before it (None under 3)."""
    values = [22.0, 21.5, 22.0, 9.0, 36.0, 35.5, 36.0, 36.0, 12.5, 22.0]
    for n in range(len(values) + 1):
        v = values[:n]
        assert _medians_before(v, k) == [_median(v[max(0, lo - k):lo]) if lo >= 3 else None for lo in range(n + 1)]


@pytest.mark.parametrize("parts, expected", [
    (["精准服", "务企业"], "精准服务企业"),
    (["the Belt and", "Road Initiative"], "the Belt and Road Initiative"),
    (["3", "47112元"], "347112元"),
])
def test_join_lines(parts, expected):
    assert join_lines(parts) == expected


@pytest.mark.parametrize("text, expected", [
    ("水库管理处推进“互联网+” 水利行动", "水库管理处推进“互联网+”水利行动"),
    ("按照有关规定和 《城南水库管理条例》", "按照有关规定和《城南水库管理条例》"),
    ("新质生产力 加快建设", "新质生产力 加快建设"),  # a gap between two phrases is not a quote's
])
def test_drop_quote_gaps(text, expected):
    assert drop_quote_gaps(text) == expected


@pytest.mark.parametrize("text, width", [("市政府常务会议召开", 9), ("2月26日", 3.5), ("新质 加快", 5), ("", 0)])
def test_display_width(text, width):
    assert display_width(text) == width


@pytest.mark.parametrize("line, expected", [
    ("求，全力维护社会和谐稳定大局。", True),
    ("“政策及时雨，帮了我们大忙。”", True),
    ("有目共睹：", True),
    ("精准服", False),
    ("而要“加油干”", False),  # a title ends with a closing quote, not a sentence
    ("印发《全国党员教育培训工作规划（2024—2028年）》", False),
    # a caption's sentence and its photographer's credit (_CAPTION; gen page q10307/p05, a photo story)
    ("固。 王小川摄（影像中国）", True),
    ("正在加固大坝。李文华摄", True),
    ("他拿起相机拍摄", False),  # 摄 ending a word, not a credit after a sentence
])
def test_is_terminal(line, expected):
    assert is_terminal(line) is expected


@pytest.mark.parametrize("text, source, date", [
    ("本报讯（记者 赵琦 黄振）2月27", "本报", None),
    ("新华社北京2月27日电（记者 李四、王五）", "新华社", "2月27日"),
    ("据新华社北京2月27日电 近日", "新华社", "2月27日"),
    ("本报济南10月16日讯", "本报", "10月16日"),
    ("中新社江门1月12日电", "中新社", "1月12日"),
    ("人民网北京8月25日电（记者 X）", "人民网", "8月25日"),
    ("香港中通社9月27日電（記者 X）", "香港中通社", "9月27日"),
    ("齐鲁晚报讯 昨天", "齐鲁晚报", None),
])
def test_match_dateline(text, source, date):
    m = match_dateline(text)
    assert m and m.group("source") == source and m.group("date") == date


@pytest.mark.parametrize("text", ["本报记者到现场采访", "新华社记者24日专访了国家粮食和物资储备局负责人", "近日，中共中央"])
def test_not_a_dateline(text):
    assert match_dateline(text) is None


@pytest.mark.parametrize("line, expected", [
    ("■ 本报记者 王培源 赵宗锋 李政哲", True),
    ("本报记者 宋豪新", True),
    ("新华社记者王立彬", True),
    ("□记者 魏然 报道", True),
    ("□ 王亚楠 张素华", True),
    ("■ 李洪兴", True),
    ("本报记者 张三 通讯员 李四", True),
    ("作者：王五", True),
    ("新華社記者 施雨岑、", True),
    ("广大新闻工作者树立", False),
    ("驻南新闻工作者", False),
    ("◆在国庆、中秋来临之际，", False),
    ("新华社记者24日专访了", False),
])
def test_is_reporter_line(line, expected):
    assert is_reporter_line(line) is expected


@pytest.mark.parametrize("text, expected", [
    ("张志锋", True),
    ("李华", True),  # a name the dictionary does not know
    ("高峰", True),  # a word the dictionary tags as a person's name too
    ("江南", True),  # a place's name (ns, 4986), which people are named after
    ("王小明 成绩", True),  # in a list, the other names vouch for a name that is also a word
    ("钱 艳 宋 岩", True),
    ("成绩", False),  # a common word opening on a surname's character (gen page x9785/p10: a headline's tail)
    ("管理", False),
    ("温度", False),
    ("协调发展", False),  # no surname
])
def test_is_bare_names(text, expected):
    # byline.is_bare_names, lexicon.is_common_word (WORD_NOT_NAME_MIN_FREQ)
    assert is_bare_names(text) is expected


@pytest.mark.parametrize("text, tail", [
    ("就到底了！", True),  # gen page p9500/p02: the last words of a sentence cut at a column's foot
    ("的沈阳", True),  # real page lswb-20210323-05: `…（含20年）` / `的沈阳` / `户籍死亡人员家属…`
    ("了工程进度。", True),
    ("就业形势稳中向好", False),  # 就业 is a word: a headline may open on it
    ("了解城南水库", False),
    ("又一批企业复工", False),  # an adverb a headline may open on, its subject left out
    ("城南水库扩建开工", False),
])
def test_sentence_tail(text, tail):
    # units._sentence_tail, _TAIL_OPENERS, lexicon.opens_on_word
    from newsbrief.segment.units import _sentence_tail
    assert _sentence_tail(text) is tail


@pytest.mark.parametrize("byline, names", [
    ("本报讯（记者 赵琦 黄振）", ["赵琦", "黄振"]),
    ("■本报记者 王培源 赵宗锋 李政哲", ["王培源", "赵宗锋", "李政哲"]),
    ("■ 本报记者 赵 兵", ["赵兵"]),
    ("本报记者 李 纵 周小苑", ["李纵", "周小苑"]),
    ("新华社北京8月24日电 题：亮亮百姓“粮仓家底”\n新华社记者王立彬", ["王立彬"]),
    ("新華社記者 施雨岑、王思北、胡浩", ["施雨岑", "王思北", "胡浩"]),
    ("本报记者 张三 通讯员 李四", ["张三", "李四"]),
    ("□记者 魏然 报道", ["魏然"]),
    ("据新华社北京2月27日电", []),
    ("■ 中共将乐县委通讯组 福建日报记者", []),
])
def test_reporters(byline, names):
    assert reporters(byline) == names


@pytest.mark.parametrize("line, expected", [
    ("齐鲁晚报    2025年4月16日    第1版    要闻    责任编辑：李强", True),
    ("责任编辑：张华", True),
    ("2025年12月28日", True),
    ("聊城日报", True),
    ("第8版", True),
    ("国内统一连续出版物号 CN37-0001", True),
    ("中国海洋石油集团有限公司主管主办", True),  # the masthead's owners (real page zghysyb)
    # one row per FURNITURE_ANYWHERE alternative: each must hold a hint is_furniture looks for first too
    ("国内统一刊号：CN37-0001", True),
    ("邮发代号：23-1", True),
    ("主管单位：城南市委", True),
    ("主办单位：城南日报社", True),
    ("本期值班副总编/ 姜啸啸责任编辑/ 常容轩", True),  # editor credits with slashes (zghysyb)
    # staff lines with no colon (STAFF_CREDITS; real page lswb, pdftotext): roles and names, nothing else
    ("编辑 白琳", True),
    ("本版编辑 王静 美术编辑 李明 校对 张华", True),
    ("编辑 王静表示，今年", False),
    ("编辑部的故事", False),
    ("主办方宣称，老中医禁食实践", False),
    ("2月27日上午，市委副书记、市长张百顺到市信", False),
    ("市政府常务会议召开", False),
    # a column's last line with a date and a jump marker (gen page f9001/p07)
    ("2004年5月25日，（下转第10版）", False),
])
def test_is_furniture(line, expected):
    assert is_furniture(line) is expected


@pytest.mark.parametrize("token, page", [("8", "8"), ("08", "8"), ("八", "8"), ("十二", "12"), ("二十", "20"), ("A3", "A3")])
def test_page_number(token, page):
    assert page_number(token) == page


@pytest.mark.parametrize("name, page", [
    ("page08.txt", "8"), ("2024-03-01_p3.txt", "3"), ("第8版.txt", "8"), ("12.txt", "12"),
    ("000_eedb6a7ca95d22b6.txt", None), ("a01.txt", None),
])
def test_page_from_name(name, page):
    assert page_from_name(name) == page
