"""Pass 3 of segmentation: join lines into units and decide each unit's kind.

Lines are joined into units by sentence continuity (a wrap, perhaps across a
column break). A unit that stops without sentence punctuation on a short line
is a *short unit*: a title line, an in-body subhead, or a deck. A unit's
neighbours correct what its own widths and punctuation get wrong, and each run
of short units between two stretches of text is scored from named features,
lexical cohesion across it first (``cohesion.py``): a headline between two
articles, or a subhead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import config
from ..text.normalize import display_width
from .byline import (BEFORE_NAME, BULLETS, is_author_line, is_bare_names, match_dateline, number_rest,
                     opens_on_date, split_tail_byline)
from .byline_pass import EDITOR_NOTE, parallel_phrase
from .cohesion import cohesion, word_across
from .lexicon import cuts_word, opens_on_word
from .lines import (CLAUSE_MARK, CREDIT_END, DASH, ENDING_MARKS, HAN_END, Line, MID_SENTENCE, PARTICLE_HEAD,
                    SECTION_LABEL, SIDEBAR_NAME, bracketed_label, briefs_name, closes_quotation, date_goes_on, is_note,
                    open_quotation, open_quote, opens_bracket, text_of, unclosed_bracket)


#: unit kinds printed among the text that belong to no article's flow and say nothing about it
OUTSIDE_FLOW = ("furniture", "stray", "caption")


@dataclass
class Unit:
    """A run of lines of one kind: body text, a short unit, a byline, a marker or furniture."""

    kind: str  # body | open | short | title | subhead | byline | jump_down | jump_up | furniture | stray | caption
    lines: list[Line]
    _text: str = field(default="", init=False, repr=False, compare=False)
    _text_lines: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The unit's lines run together."""
        # (kept: the cohesion windows read each unit's text at every gap near it, a sixth of the seed page's
        # time, bench/bench_segment.py; a unit's lines only ever grow, by append or extend, so their number
        # tells when the text kept is stale)
        if self._text_lines != len(self.lines):
            self._text, self._text_lines = text_of(self.lines), len(self.lines)
        return self._text


#: the rest of a list of names wrapped onto a line of its own: `虹 陈炅玮`, `芳玲`
_NAMES_REST = re.compile(r"^[\u4e00-\u9fff]{1,3}(?: [\u4e00-\u9fff]{1,3})*$")


def _name_cut(line: str, nxt: str) -> bool:
    """Whether a line ends inside a name that nxt finishes, a name having two or three characters.

    `…本报记者 董怡` / `虹 陈炅玮` does; a whole name, then a short line (`读者 王小强` /
    `图书馆 开放了`), does not.
    """
    begun = BEFORE_NAME.split(line)[-1]
    return 0 < len(begun) and len(begun) + len(nxt.split()[0]) <= 3


def _continues(prev: Line, nxt: Line, prev_first: bool) -> bool:
    """Whether nxt carries on prev's sentence (a wrap, perhaps across a column break).

    prev_first: prev opens its unit, so it may be a paragraph's indented first line.
    """
    if prev.runs_on:
        return True
    if prev_first and not nxt.blank_before and opens_bracket(prev.text):
        # a note opened and not closed goes on in the next line, even after a colon (real page
        # rmrb-20180122-07: `（作 者 单 位 ：` / `河北金融学院）`)
        return True
    if prev.terminal and prev.text[-1] not in ENDING_MARKS and not nxt.blank_before and not nxt.full \
            and _NAMES_REST.match(nxt.text) and _name_cut(prev.text, nxt.text) \
            and split_tail_byline(prev.text)[1] is not None:
        # a closing byline begun after the body's last sentence goes on with the rest of its names
        # (gen pages: `…日的热闹。”本报记者 董怡` / `虹 陈炅玮`, `…主力军。读者 薛` / `芳玲`); across a
        # gap such a line is the next article's headline (gen page g202/p12: `减成本 增服务`)
        return True
    if prev.terminal and prev.text[-1] == "：" and phrased_headline(prev.text):
        # a headline of phrases wrapped after a speaker's colon goes on with the words it gives them: the
        # colon ends no sentence there (gen page x9786/p02, pdftotext -raw: `三周两市蒸发21万亿 股民：` /
        # `深市“蒸”没了`, which had read as a paragraph of one line and left the rest to the lead)
        return True
    if prev.terminal or not (prev.full_as_first() if prev_first else prev.full):
        return False
    if nxt.text[0] in BULLETS:
        # a bullet opens an item or a byline, never the rest of a sentence (gen page text-5023/p11:
        # `赵顶良深入基层三年间` / `◆在国庆、中秋来临之际，`, a headline over a column of briefs)
        return False
    # (the tests below that ask for a paragraph's first line or a gap before nxt, under one look at the two:
    # most pairs are two lines inside a paragraph, with neither, and this runs for every pair of lines)
    if prev_first or nxt.blank_before:
        if prev_first and not prev.full and not prev.indent and nxt.text[0].isdigit() and not nxt.blank_before \
                and _reads_as_headline(prev) and opens_on_date(nxt.text) and not _left_open(prev.text):
            # a line short of its column with no punctuation, over a line opening on a date, is a headline
            # over its lead (gen page r9734/p02, plain pdftotext: `夜访城市工人休息室` / `1月7日晚上，…`): a
            # report's lead opens on its date, and a paragraph's first line that ran on would fill its column.
            # Not one left open (_left_open): that is a lead's first line going on into the date (gen page
            # u9761/p09, plain pdftotext: `2004年3月20日至` / `5月7日，…`)
            return False
        if prev_first and nxt.text[0].isdigit() and _DATED_LEAD.match(nxt.text) and not prev.indent \
                and (prev.text.startswith(DASH) or not CLAUSE_MARK.search(prev.text)) \
                and not _left_open(prev.text) and not MID_SENTENCE.search(prev.text):
            # a title line, a —— subtitle or a line with no clause, does not run on into a line opening on a
            # date and a comma: that is a report's lead under it, however full the title line (gen page
            # x9782/p10, pdftotext -raw: `——优化区域经济布局，促进区域协调发展` (19 over 15) / `11月23日，…`,
            # another report's lead read as the subtitle's last line). A paragraph's first line that goes on
            # into a date holds a clause before it or is left open on a preposition (`2004年3月20日至`)
            return False
        if nxt.blank_before and not nxt.full and not nxt.terminal and nxt.text[-1].isalnum() \
                and ("，" in prev.text or "、" in prev.text):
            # across a gap, a sentence cut at the column's edge goes on in a line that fills its column
            # or ends the paragraph on a mark; a short line ending on a word is a headline's (real page
            # lswb, pdftotext: `…锁定嫌疑人胡某，面对` / gap / `本周气温一路回升` / `周末辽宁小范围降雨`).
            # (Only after a line of clauses: a headline's own line goes on so, dev page a03 `广益 研究新情况` /
            # gap / `作出新规划`, dev-v2 c02 `土豆不“土” 土豆无“土”` / gap / `春耕备耕正当时`)
            return False
        if nxt.blank_before and _phrases_set_apart(nxt.text) and not phrased_headline(prev.text):
            # across a gap, a line of phrases set apart is a headline, not a body sentence's rest (gen
            # page h7002/p02: `乱堆乱放、乱搭乱建千余` / gap / `这座城 让人总想留下`, a column cut at its
            # foot), its last phrase perhaps a quotation that goes on in the next line (gen10 page u10701/p10,
            # plain pdftotext: `…哥伦比亚大学教授 Ma` / gap / `去杠杆引发踩踏 “杠` / `杆牛市”渐行渐远`); after a
            # line of phrases it is that headline's next line (`直銷58確診　毒鏈延至` / gap / `尖嘴　魚檔繼續爆　大`)
            return False
        if nxt.blank_before and nxt.text[0] in "【[（(一二三四五六七八九十" and SECTION_LABEL.match(nxt.text):
            # across a gap, a label alone on its line (【香港民研】, (三)) opens a title or a section, never the
            # rest of a sentence (gen page r9733/p12, plain pdftotext: `…包括。他說，美國國` / gap / `【香港民研】`
            # / gap / `35%非泛民支持者反對DQ`, the kicker that had ended another report)
            return False
        if prev_first and nxt.text.startswith(DASH) and not prev.full and _reads_as_headline(prev) \
                or prev.text.startswith(DASH) \
                and (nxt.blank_before and nxt.full_as_first() or nxt.full and prev_first):
            # a headline over its —— subtitle, and a subtitle over a gap before a line that fills its column
            # (gen page r9735/p04, plain pdftotext: a teaser inside a sentence, `…要立足` / gap /
            # `奋力书写高质量发展新篇章` / `——我市扎实推进重点项目建设` / gap / `实际设定发展目标，…`);
            # a subtitle cut at its column's edge goes on after a gap in its short rest only (gen page r9731/p02,
            # PyMuPDF blocks: `——热烈祝贺市政协五届一次会议` / `开幕`, but r9732/p01:
            # `——优化区域经济布局，促进区域协调发展` / `区域协调发展是中国式现代化的内在要`, the lead);
            # with no gap, a subtitle under its headline wraps into its short rest only too, set past the
            # column's edge at its own wider measure (gen page t9741/p01, pdftotext -raw: the same lines, 19
            # columns over 17, no gap) or not (gen page f9973/p01, pdftotext -raw: `——优化区域经济布局，促进区域
            # 协调发展`, 19 in a column taken as 18 / `夏季高温期来临，人社部等四部门3日`, another report's lead,
            # which had made the title a subhead and merged the two reports). (Across a gap, a lead's first
            # line short by the indent the extractor dropped is as much the body's: gen page t9746/p07, plain pdftotext:
            # `——专访国家粮食和物资储备局负责人` / gap / `计划投资2000亿元的大连`, another article's lead)
            return False
        if prev_first and prev.text.startswith(DASH) and "。" in nxt.text[:-1]:
            # a —— subtitle's rest is a phrase: a line that ends a sentence inside it and goes on is the lead's
            # (gen page u9764/p07, plain pdftotext: `——热烈祝贺市政协五届一次会议开幕`, 17 of 18 columns /
            # `新征程催人奋进，新使命激荡人心。今天，`)
            return False
        if not prev_first and new_measure(prev, nxt):
            return False
        if prev_first and phrased_headline(prev.text):
            # two phrases set apart by one space, no sentence punctuation: a headline run straight
            # into its lead, as wide as the column (gen pages: `災情未止 小海嘯毁污水廠` /
            # `超強颱風「山竹」蹂躪本`); unless it runs past the column and wraps there, its rest under
            # it, or wraps at its own measure inside its last phrase, its rest under it
            return _phrased_rest(prev, nxt) or _balancing_rest(prev, nxt)
        if prev_first and prev.blank_before and nxt.blank_before and not prev.indent and not MID_SENTENCE.search(prev.text):
            # a line standing alone between two gaps is a block of its own, as block
            # extractors print each headline line (issue 9, gen pages: `三周两市蒸发21万亿`);
            # a line that stops on a comma is mid-sentence whatever the gaps (seed
            # page 115: `张百顺强调，信访工作是了解民情、` / blank / `集中民智…`)
            return False
        if nxt.blank_before and prev_first and nxt.width > prev.width + config.PARAGRAPH_INDENT_COLUMNS + 2 * prev.slack:
            # a lone line followed, after a gap, by a much wider one stopped short of
            # its column: a kicker over its headline (seed page lines 136-138)
            return False
        if prev_first and prev.blank_before and _past_column(prev) and not prev.overfull \
                and not _past_column(nxt) and _UNPUNCTUATED.match(_speaker_dropped(prev.text)) \
                and CLAUSE_MARK.search(nxt.text):
            # a line standing apart that runs past its column's edge with no punctuation is a headline
            # in a larger type, not a paragraph's first line, which its indent keeps inside the column; the
            # line of clauses under it, at the column's measure, is the lead's (gen page u9763/p04, plain
            # pdftotext: `Manuel Pinho：中国煤炭需求最快5年达顶峰` (19 over 17) / `2015年，中国原油进口…`). (Under
            # it a line with no clause may be another headline's, side by side with it: gen page pdf-1001/p10,
            # PyMuPDF blocks: `加大创新驱动力度强化生态环` / `农机专家李金泽：为农`)
            return False
    # (past_edge's width test written out first: this runs for every pair of lines, few that wide)
    if prev.width > prev.column + 2 * prev.slack and not prev.overfull and _set_wide(prev) and not _set_wide(nxt) \
            and nxt.width <= nxt.column + nxt.slack:
        # a headline line set over two columns does not run on into a line of the column's
        # measure: that is the body under it (real page zghysyb, PyMuPDF text, no blank lines:
        # `汪东进致辞周心怀出席并讲话俞进主持` (17 over 13.5) / `10月9日，中国海油2024年`)
        return False
    if prev.overfull != nxt.overfull:
        if MID_SENTENCE.search(prev.text):
            # a line stopped on a comma or an opening quote goes on, whatever the widths: no headline
            # ends so, and a line of the body can run past its column by marks set half-width in
            # pairs (gen page r9732/p08, pdftotext -raw: `…命名为“` / `吉兴”“吉祥”“吉泰”“吉利”，`,
            # 16 characters in an 11-column measure / `赋予了…`), which had read as a headline
            return True
        # a headline set across columns continues only into its short remainder
        # (dev page a03: `…奋力推动高` / `质量发展走在前列`) or its second line, as wide as
        # the column (_headline_line), and body text never continues into a headline (seed page
        # lines 136-138)
        return prev.overfull and (not nxt.full or _headline_line(prev, nxt) or _wide_rest(prev, nxt))
    return True


def new_measure(prev: Line, nxt: Line) -> bool:
    """Whether nxt, after a gap, opens text set at a far wider measure than prev's column: another article's.

    A column cut at its foot does not go on at a far wider measure: one article's columns share one
    measure, and a line that fills a wider one opens a box or an essay set apart (real page
    rmrb-20180112-07, plain pdftotext: `…健全行业法规标准体` (16 in a 17-column measure) / gap /
    `文化是一个国家、一个民族的灵魂。…`, 24 columns, the boxed essay 大家手笔). Not a line set across
    columns (a headline's), nor one after a comma (marks set half-width pair by pair widen a line). The
    column cut is at least as wide as its own line, where the estimate falls short (real page lswb, PyMuPDF
    blocks: 16-column lines in a column estimated at 11.5 among short table rows).
    """
    if not nxt.blank_before:  # (most pairs: asked first)
        return False
    measure = prev.column if prev.column > prev.width else prev.width
    return (nxt.width > config.MEASURE_CHANGE_RATIO * measure and prev.full and not prev.terminal
            and not nxt.overfull and not MID_SENTENCE.search(prev.text))


def _past_column(ln: Line) -> bool:
    """Whether a line runs past its column's edge by more than a full line's slack: set at a wider measure.

    Looser than past_edge, on purpose: one slack, not two, and a line joined from pieces counts. A
    headline set in a larger type runs only just past the body's column (gen page u9763/p04, plain
    pdftotext: `Manuel Pinho：中国煤炭需求最快5年达顶峰`, 19 columns over 17).
    """
    return ln.width > ln.column + ln.slack


#: closing quotation marks; with a closing title mark or bracket, the marks that close a quotation or a bracket
_CLOSING_QUOTES = "”’」』"
_CLOSING_MARKS = _CLOSING_QUOTES + "》）)"
#: a line of closing quotation marks only
_CLOSING_ONLY = re.compile(f"^[{_CLOSING_QUOTES}]+$")

#: the marks of a sentence's clauses and its brackets, which no headline's line holds
_CLAUSE_CHARS = "，。、；：！？,;:!?（）()"
#: a line with no punctuation at all (a headline's line; body text has a comma every few words)
_UNPUNCTUATED = re.compile(f"^[^{_CLAUSE_CHARS}《》“”「」]+$")


def _phrased_rest(head: Line, ln: Line) -> bool:
    """Whether ln is the rest of a headline of phrases set past the column's edge, wrapped under it.

    A headline in a larger type than the body runs past the body's column edge and wraps
    where its own measure ends, inside a phrase (gen page q9800/p05, PyMuPDF blocks:
    `2004中国十大科技骗局 老中` / `医绝食49天居首`); its rest, with no punctuation, stops
    short of the column, where a lead's first line fills it. One set across columns
    (overfull) holds the whole headline: the short line under it is the lead's (plain
    pdftotext, gen page g101/p07: `路虎中国黄金5年终结 部分车型价格出现“崩盘”` / `捷豹路虎…`).
    """
    return (past_edge(head) and not head.overfull and not ln.blank_before and not ln.full and not ln.indent
            and _UNPUNCTUATED.match(ln.text) is not None)


#: a line with no sentence punctuation: quotation marks and title marks allowed (`出现“崩盘”`)
_NO_CLAUSE = re.compile(f"^[^{_CLAUSE_CHARS}]+$")


def _balancing_rest(head: Line, ln: Line) -> bool:
    """Whether ln, right under a headline of phrases, is the rest of its last phrase, bringing it near the first.

    A headline of two or more phrases balances them (`全民免費檢測 最快兩周後展開`); one
    wrapped at its own measure, narrower than the phrases need, leaves its last phrase
    short and prints the rest on the next line, which then runs into the lead with no gap
    (plain pdftotext, gen pages r9733/p04 `路虎中国黄金5年终结 部分车型价格` / `出现“崩盘”` /
    `捷豹路虎大中华区`, r9732/p10 `大连太平湾投资2000亿 未批` / `先建开工两年半`). A lead's
    first line joined on throws the phrases further out of balance (`路虎中国黄金5年终结 部分
    车型价格出现“崩盘”` / `捷豹路虎大中华区`, gen page g101/p07, the headline whole on one line).
    """
    return not ln.blank_before and balances(head, ln)


#: a note closing a headline that it comes with a picture or a table: (图), （组图）, (表), （附表）, （视频）
_MEDIA_NOTE = re.compile(r"[（(](?:组图|附图|图|附表|表|视频)[)）]$")


def balances(head: Line, ln: Line) -> bool:
    """Whether ln, a line with no clause under a headline of phrases, brings its last phrase near its first.

    A note that the report comes with a picture or a table closes a headline, not a sentence: its
    brackets are no clause (gen page x9786/p02, pdftotext -raw: `多地高温津贴数年未涨 发放落` /
    `实遭遇尴尬(表)`, which had opened the lead). Nor does a rest run the last phrase far past the
    first (PHRASE_OVERSHOOT_COLUMNS): that line is the lead's first.
    """
    if ln.indent or ln.terminal or _NO_CLAUSE.match(_MEDIA_NOTE.sub("", ln.text)) is None:
        return False
    phrases = head.text.split(" ")
    first, last = display_width(phrases[0]), display_width(phrases[-1])
    return abs(last + ln.width - first) < abs(last - first) and last + ln.width <= first + config.PHRASE_OVERSHOOT_COLUMNS


def _headline_and_rest(head: Line, ln: Line) -> bool:
    """Whether head is a headline of phrases and ln the rest of its last phrase (_balancing_rest)."""
    return phrased_headline(head.text) and _balancing_rest(head, ln)


def _rest_in_title(head: Line, ln: Line) -> bool:
    """Whether ln, under a headline of phrases in a title run, is the rest of its last phrase, printed apart or not.

    A block extractor prints the rest of a headline wrapped at its own measure as a block
    of its own (gen page r9735/p07, PyMuPDF blocks: `居家养老有“医”靠 安宁疗护有` / blank /
    `温度`): inside a title run the gap says nothing, and a rest that balances the phrases
    (balances) is no author's name.
    """
    return phrased_headline(head.text) and balances(head, ln)


def _reads_as_headline(ln: Line) -> bool:
    """Whether a line is worded as a headline: HEADLINE_LINE_MIN_CHARS characters or more, no punctuation."""
    return len(ln.text) >= config.HEADLINE_LINE_MIN_CHARS and _UNPUNCTUATED.match(ln.text) is not None


def _headline_line(over: Line, ln: Line, under: Line | None = None) -> bool:
    """Whether ln, right under a line set across columns, is that headline's next line rather than the lead.

    `上午，记者在奉贤看到市民生活如往昔` / `相信上海不久会恢复热闹` (gen pages text-5023/p09,
    PyMuPDF blocks, and g303/p01, pdftotext -raw): a kicker wider than the column, then the
    main line as wide as the column, with no punctuation. A lead's first line opens a paragraph,
    short of the column by its indent even where the extractor drops the indent (dev-v2 d06:
    `中國銀保監近日向6家`), or follows a gap or a —— subtitle, which ends its title (dev b04,
    dev-v2 e08). A line stopped on a comma or an opening quote is a sentence's, widened by its marks,
    never a headline's (gen page r9732/p08: `吉兴”“吉祥”“吉泰”“吉利”，` / `赋予了产业兴旺的美好寓`).
    The column is measured by the full line under ln where one is given (_measure).
    """
    return (not ln.blank_before and not ln.indent and not over.text.startswith(DASH)
            and ln.width >= _measure(ln, under) - config.HEADLINE_LINE_MAX_SHORTFALL and _reads_as_headline(ln)
            and not MID_SENTENCE.search(over.text))


def _measure(ln: Line, under: Line | None) -> float:
    """The column's width at ln: its estimate, or the width of the full line of text right under it where narrower.

    The estimate runs over the lines about ln, and pdftotext -raw's lines of one column differ by a
    column or two, widened by quotation marks counted full width (gen page u9763/p02: 11, 13, 12 in a
    12-column text): a headline's line as wide as the body's line under it is the column's width
    there, though it falls short of the estimate (`相信上海不久会恢复热闹`, 11 under 12.5).
    """
    if under is not None and under.kind == "text" and not under.blank_before and under.full and under.width < ln.column:
        return under.width
    return ln.column


def _wide_rest(over: Line, ln: Line) -> bool:
    """Whether ln, under a line set across columns, is its rest at the same wide measure: past the edge, ending on a word.

    A subtitle set across columns wraps at its own measure, so its rest runs past the body's
    column too (gen page t9746/p01, pdftotext -raw: `追授邵云环等三位烈士和授予吕岩松等七位同志“优秀新闻`,
    26 columns over 16 / `工作者”称号，为赵金河等八位同志记一等功`, 20 / the caption under it, 16); a
    body's line runs past its column only by marks set full width, and then stops on a mark (gen
    page r9732/p08: `吉兴”“吉祥”“吉泰”“吉利”，`). The title ends with it: the line under it is the body's.
    Where the body's own lines run wide too, the rest runs no further past the column than they do, but it
    closes a quotation the line over it left open, which a title closes within itself (gen page x9782/p03,
    pdftotext -raw: the same lines, 26 and 20 columns over 18, the lead's first line 19).
    """
    return ((past_edge(ln) or _closes_quote(over.text, ln.text)) and HAN_END.search(ln.text) is not None
            and not MID_SENTENCE.search(over.text))


def _closes_quote(text: str, rest: str) -> bool:
    """Whether text leaves a quotation open (more “ than ”) that rest, the line under it, closes."""
    return open_quote(text) and rest.count("”") > rest.count("“")


def _lead_under_wide_title(ln: Line, nxt: Line | None) -> bool:
    """Whether ln, right under a line set across columns, is a lead's first line rather than that line's rest.

    A headline or kicker set across columns runs on into its short rest (dev page a03: `…奋力推动高` /
    `质量发展走在前列`, a gap after it). A line short of the column by a paragraph's indent, with a
    line of the column's full measure straight under it, is the body's first line, its indent dropped
    by the extractor: read as the rest, it was joined into the headline. A line opening on a comma
    or a stop opens no lead: it ends a sentence a wide line of the body began (gen page g303/p11,
    a line widened by its quotation marks: `…命名为“吉兴”“吉祥”“吉泰”“吉利”` / `，赋予了…`).
    """
    return (not ln.overfull and not ln.full and ln.full_as_first() and not CLAUSE_MARK.match(ln.text)
            and nxt is not None and nxt.kind == "text" and not nxt.blank_before and nxt.full and not nxt.overfull)


#: words that need what follows them: a preposition or a conjunction, which no headline ends on
_NEEDS_OBJECT = frozenset(config.DANGLING_WORDS)


def _left_open(text: str) -> bool:
    """Whether a line with no clause is left open: a quotation it does not close, or a last word that needs more.

    A headline is a whole phrase and closes its quotation marks (dev page b07: `脱贫不能“等靠要”`); a
    lead's first line stops wherever the column does, inside a quotation (`陕工报日前推出的“高温`) or after
    a preposition (`中國銀保監近日向`, `2004年3月20日至`, gen pages u9761/p10, p09, plain pdftotext).
    """
    return (text[-1] in _NEEDS_OBJECT and not text.endswith(config.WHOLE_ON_DANGLING_WORDS)
            or open_quotation(text))


def _lead_left_open(cur: list[Line], ln: Line, nxt: Line | None) -> bool:
    """Whether ln, under a headline's lines, is the lead's first line, left open into the full line under it.

    Plain pdftotext prints a headline wrapped at a narrow column right over its lead, no gap between
    (gen pages u9761/p09: `銀保監向6險企發監管` / `函 劍指違規投資` / `中國銀保監近日向` / `6家保險企業開出監管`;
    u9761/p10: `这样的报道让职工感动` / `陕工报日前推出的“高温` / `酷暑访一线”栏目中…`). The lead's first line,
    short of the column by its dropped indent, reads as the headline's last line; but a headline ends on
    a whole phrase with its quotes closed, where that line is left open (_left_open) into the line under
    it, which fills the column (_lead_under_wide_title), or stops inside a word that line finishes
    (lexicon.cuts_word; gen pages m10139/p02, v10808/p09: `夏季高温期来` / `临，人社部等四部`). The
    headline's own lines hold no clause, and the last ends on no sentence (dev a02: `…捐助故事…` / `…` /
    `今年30岁的刘格格是河` / `北献县人，…`, where the ellipsis is no title).
    """
    # (the flags and the width first: this is asked of every line under a short unit's lines, most of them full)
    return (not ln.full and not ln.blank_before and not ln.indent
            and (_left_open(ln.text) or nxt is not None and not cur[-1].terminal and cuts_word(ln.text, nxt.text))
            and not CLAUSE_MARK.search(ln.text) and _lead_under_wide_title(ln, nxt)
            and not any(CLAUSE_MARK.search(c.text) for c in cur))


def _lead_under_short_title_line(first: Line, ln: Line, nxt: Line | None) -> bool:
    """Whether ln, under a lone line stopped short of its column, is a lead's first line rather than that line's next.

    A headline's last line, short of the column by little, reads as a paragraph's first line whose
    indent the extractor dropped, and so runs on into the line under it (gen page r9732/p02,
    pdftotext -raw: `駕超跑重返深水埗派錢遭警截 涉策劃` / `撒錢「幣少爺」被捕` / `昨天晚上，“上海奉` /
    `贤”发布《告奉贤市民书》`). A paragraph has one first line: a line under it that runs on into
    a full line, itself short by an indent and holding a clause (_lead_under_wide_title), is the
    first line, and the one over it, ending on a word, a title's. (A line with no clause under a line
    with none is the title's next line: gen page pdf-1002/p05, `生产一线开足马力` / `经济复苏动力强劲`.) Under
    a title line that holds a clause the lines are no headline of two phrases wrapped, and the lead's first
    line needs no clause of its own (gen page x9781/p04, pdftotext -raw: `“哥”啊，首付“割”没了` /
    `本港第三波新冠肺炎疫情仍` / `然嚴峻，…`).
    """
    return (not first.full and not ln.terminal and HAN_END.search(first.text) is not None
            and (CLAUSE_MARK.search(ln.text) is not None or CLAUSE_MARK.search(first.text) is not None)
            and _lead_under_wide_title(ln, nxt))


def _line_between_paragraphs(ln: Line, nxt: Line, under: Line | None) -> bool:
    """Whether ln, a full line after a sentence's end, is a line of its own (a headline or a subhead), not a paragraph's first.

    pdftotext -raw prints a headline as wide as the column straight after the text above it, no gap
    (gen3 page k10064/p05: `…改善公司治理。` / `夜访城市工人休息室` / `1月7日晚上，福` / `建省人大常委会副主任、`),
    and read as a paragraph's first line it ran into the next report's lead. A paragraph's
    first line is short by its indent, and a line with no clause mark that ends no sentence is no
    paragraph of its own; so ln, holding none, is a unit of its own when the line under it opens a
    paragraph: short by its indent, a clause in it, a full line under it (_lead_under_wide_title). (Where
    paragraphs print no indent, gen3 page k10027/p01, `…香港又成出氣筒。` / `Manuel Pinho：中国煤炭需求最快5年达
    顶峰` / `2015 年，中国原油进口首超美国，成为全`, a full headline looks like a paragraph's first line, and a
    headline short by an indent does not: _paragraphs_open_full and _titled_open.)
    """
    return (not ln.indent and not ln.overfull and not ln.terminal and CLAUSE_MARK.search(ln.text) is None
            and CLAUSE_MARK.search(nxt.text) is not None and not nxt.terminal and _lead_under_wide_title(nxt, under))


def _lead_under_full_title(units: list[Unit], cur: list[Line], ln: Line, nxt: Line | None) -> bool:
    """Whether ln, under full lines with no clause that open a unit (two or more, or one: below), is a lead's first line.

    A headline wrapped at the body's measure fills the column line by line with no punctuation;
    the lead under it opens short of the column by the indent the extractor dropped, on a clause
    (gen page t9745/p06, plain pdftotext: `多地高温津贴数年未涨` / `发放落实遭遇尴尬(表)` /
    `夏季高温期来临，` / `人社部等四部门3日下发`). Text opening that full after a sentence's end, a gap or
    an article's closing byline (gen3 page k10042/p05, pdftotext -raw: `作者：李金磊` / `Manuel Pinho：中国煤` /
    `炭需求最快5年达顶峰` / `2015年，中国原`), or a jump marker that closes the article before (gen page r10408/p02,
    pdftotext -raw: `（下转第 3 版）` / `农机专家李金泽：为农机` / `行业搭建现代化信息平台` / `11月28日，福建省三`)
    is no paragraph's first line (that one is short by its indent), and a paragraph holds a
    clause mark every line or two; so the short line with a clause, a full line under it
    (_lead_under_wide_title), is the lead, which had run into the headline. (One such line
    alone may be a line of a neighbouring column that plain pdftotext prints between a
    paragraph's lines, gen page g101/p07: `难的含义不仅包括短期销量和市` / `在过去相当长一段时间里，`)
    One full line is a headline so only after the page's header, a gap or another title line (gen3
    pages k10058/p10, pdftotext -raw: the header / `夜访城市工人休息室` / `1月7日晚上，福建`; k10070/p12,
    plain pdftotext: `Manuel Pinho：中国煤炭需` / `求最快5年达顶峰` / `2015年，中国原油`): after a body
    it is as often a paragraph's line with no mark.
    """
    # (ln's tests first: most lines under a unit's full lines are full too and fail at once, where the
    # test of cur reads its lines, a whole paragraph's for a paragraph of full lines)
    return ((len(cur) >= 2 and (cur[0].blank_before or not units or units[-1].kind in ("body", "byline", "jump_down"))
             or len(cur) == 1 and (cur[0].blank_before or not units or units[-1].kind in ("furniture", "short")))
            and _lead_under_wide_title(ln, nxt) and not ln.terminal and CLAUSE_MARK.search(ln.text) is not None
            and all(c.full and not c.overfull and CLAUSE_MARK.search(c.text) is None for c in cur))


def _title_after_closing_byline(units: list[Unit], ln: Line) -> bool:
    """Whether ln, the first line after a byline that closes the body above it, is the next article's title.

    A byline printed under a body's last sentence ends that article, so the line after it opens
    the next one: a title, not the lead. An unpunctuated line short of its column is one, though
    it could pass for a lead's first line whose indent the extractor dropped (gen page f9001/p05,
    pdftotext -raw: `…服务计划。` / `记者 刘涛` / `夜访城市工人休息室` / `1月7日晚上，…`).
    """
    if ln.full or not units:
        return False
    if units[-1].kind == "body":
        # the byline run on into the body's last line (`…的主力军。读者 薛芳玲`, gen page r9732/p12,
        # pdftotext -raw, the title after it printed after its own body) closes the body as one on a
        # line of its own does. (Its last character first: a line ending on a mark ends on no name)
        last = units[-1].lines[-1].text
        return last[-1] not in ENDING_MARKS and _reads_as_headline(ln) and split_tail_byline(last)[1] is not None
    return _byline_closes_body(units, len(units) - 1) and _reads_as_headline(ln)


def _headline_under_label(units: list[Unit], ln: Line) -> bool:
    """Whether ln, printed right under a bracketed label alone on its line (【香港民研】), is the headline it heads.

    A label over a line that stops short of its column with no clause is a kicker over its
    headline, which ends at the gap after it (gen page r9732/p09, PyMuPDF blocks: `【香港民研】` /
    `35%非泛民支持者反對DQ` / gap / the next report, which it had run on into, its width short of
    the column by no more than a paragraph's indent). A label over a section's text heads a line
    that fills the column (gen pages: `【执纪者说】` / `纪检监察机关作为政治`), justified to its full
    measure. Asked only with a gap after ln, where the block ends, so a line short of the measure by less
    than the slack that calls it full is a headline too (gen page f9971/p05, PyMuPDF blocks:
    `35%非泛民支持者反對DQ`, 10.5 columns of 12, then a gap and the next report's lead, which it had run
    on into as that report's first paragraph); and so is one past the measure even with its quotation marks
    narrow (_squeezed_width), which no justified line of text is (gen5 page n10206/p03, PyMuPDF blocks: the same
    headline, 10.5 columns of 10).
    """
    if not units or units[-1].kind != "short" or len(units[-1].lines) != 1 or ln.blank_before:
        return False
    label = units[-1].lines[0].text
    return (bracketed_label(label) and (ln.width < ln.column or _squeezed_width(ln) > ln.column) and not ln.indent
            and not ln.terminal and not CLAUSE_MARK.search(ln.text))


def _label_over_wide_line(label: Line, ln: Line) -> bool:
    """Whether a bracketed label alone on its line (【香港民研】) stands over a headline set past the column's edge.

    A kicker label heads its headline, set in a larger type across the article's columns: a line with no
    clause that runs past the body's column (_past_column) is that headline, however full (gen page
    y9795/p10, pdftotext -raw: `【香港民研】` / `35%非泛民支持者反對DQ`, 10.5 columns over 8, then the next
    report's first line at the column's width, which it had run on into).
    """
    return (bracketed_label(label.text) and _past_column(ln)
            and not ln.terminal and not CLAUSE_MARK.search(ln.text))


def _wide_line_ends_title(units: list[Unit], cur: list[Line], ln: Line) -> bool:
    """Whether the last line of cur, set past its column's edge after a break, ends a title, ln opening the text.

    A body's line runs only just to its column's edge; one past it, opening a unit after a jump marker
    (the text above it ends there), or under a kicker label (_label_over_wide_line), is set at a title's
    wider measure, and the line under it back at the column's width opens the text under the title:
    pdftotext -raw, printing a headline after its body, reads the next report's first line right under
    it (gen page y9794/p12: `（下转第13版）` / `走得再遠，也不能忘記為什麼出發`, 15 columns over 13 /
    `2004年3月20日至5月7日，`, the next report's lead, which the headline had opened). That line fills the
    column and holds a mark, as text does.
    """
    last = cur[-1]
    if not ln.full or _past_column(ln) or not _past_column(last) or last.terminal:
        return False
    if _UNPUNCTUATED.match(ln.text) is not None or _closes_quote(last.text, ln.text):
        # a line with no mark at all, or one closing the quotation the wide line opened, is the title's
        # wrapped rest (gen pages, PyMuPDF blocks: `农机专家李金泽：为农机行业` / `搭建现代化信息平台`; pdftotext
        # -raw: `去杠杆引发踩踏“杠杆牛` / `市”渐行渐远`); text holds a mark every few words
        return False
    if len(cur) == 1:
        return bool(units) and units[-1].kind == "jump_down"
    return len(cur) == 2 and _label_over_wide_line(cur[0], last)


def _second_title_line(units: list[Unit], ln: Line) -> bool:
    """Whether ln, right under a short unit's last line stopped short of its column, is that title's next line.

    A headline of two lines, each short of the column with no clause, is one block to a block
    extractor, a gap after it (gen page t9744/p08, PyMuPDF blocks: `证监会又出五大招` / `能否有“疗效”
    周一见` / gap / the next report's lead, which the second line had run on into, being short of the
    column by no more than a paragraph's dropped indent). A paragraph's first line under a short line
    fills its column or goes on in its own block; one indented is a paragraph's whatever its width (gen
    page r9733/p03, PyMuPDF blocks: `(四)` / `　　股市惊魂15日人均亏42` / gap / `万！…`, a column cut).
    """
    if not units or units[-1].kind != "short" or ln.blank_before or ln.full or ln.indent:
        return False
    over = units[-1].lines[-1]
    # (quotation marks allowed: a headline quotes a word, `能否有“疗效”`)
    return (over.kind == "text" and not over.full and len(ln.text) >= config.HEADLINE_LINE_MIN_CHARS
            and _NO_CLAUSE.match(ln.text) is not None)


def _speaker_dropped(text: str) -> str:
    """text with the colon after a speaker or a source that opens it dropped (`农机专家李金泽：为…`)."""
    k = text.find("：")
    return text[:k] + text[k + 1:] if 2 <= k < len(text) - 2 else text


def _headline_at_foot(cur: list[Line], ln: Line, nxt: Line | None) -> bool:
    """Whether ln, after a gap under a sentence cut at its column's foot, is a headline rather than the sentence's rest.

    Plain pdftotext prints a column's last line, then what stands next on the page:
    another article's headline (real page gsfzb: `…坚持每日驻` / gap / `金川警方破获一起特大传销案` /
    gap; gen page pdf-1001/p08: `…街头群众` / gap / `北方地区部分重点省市外贸外资` /
    `工作座谈会召开`). The rest of a cut sentence is a column's first line, with more of
    the column under it; a headline's line has no punctuation and stands alone, or over
    a short unpunctuated line, its next.
    """
    prev = cur[-1]
    if prev.terminal or not prev.full:
        return False  # no sentence cut at the column's foot (asked first: most gaps follow a sentence's end)
    # (prev or the line over it a line of clauses: a headline's own line wrapped over a gap holds none, gen
    # pages `门问策集思广益 研究` / gap / `新情况作出新规划`; a sentence's last line may hold none, gen page
    # r9734/p11: `铁路部门提醒广大旅客，` / `请通过铁路12306官方网站` / gap / `外媒称不到10%中国家庭持股`;
    # and a —— subtitle goes on a title, not a body)
    # (a headline may open on a speaker or a source and a colon, gen page r9732/p07: `…自娛自樂的話，` / gap /
    # `农机专家李金泽：为农机行业搭建` / `现代化信息平台`)
    text = _speaker_dropped(ln.text)
    # a line of phrases set apart under it is a headline's next line, whatever the widths: the line is that
    # headline's first, however short (gen pages u9762/p05, u9763/p01, plain pdftotext: `…上午` / gap /
    # `銀保監向6險企發監` / `管函 劍指違規投資`; `…脱贫` / gap / `深入基層感受時` / `代脈搏 不負使命`)
    phrased_under = nxt is not None and nxt.kind == "text" and not nxt.blank_before and phrased_headline(nxt.text)
    if len(text) < config.HEADLINE_LINE_MIN_CHARS and not phrased_under \
            or _NO_CLAUSE.match(text) is None or text.startswith(DASH) \
            or not (CLAUSE_MARK.search(prev.text) or len(cur) >= 2 and CLAUSE_MARK.search(cur[-2].text)):
        return False
    # (under a line that fills its column a gap is a block extractor's, not a headline's end: gen page
    # pdf-1002/p12, PyMuPDF blocks: `年金融危机爆发时，` / gap / `A股市场在当年的1月` / gap / `份一度…`)
    # (nor over a —— subtitle: a sentence's rest goes on in text, gen page t9741/p07, plain pdftotext:
    # `…筛查出30多` / gap / `亮亮百姓“粮仓家底”` / `——专访国家粮食和物资储备局负责人`, its quotation
    # marks a headline's as much as a sentence's)
    return nxt is None or nxt.kind != "text" or nxt.text.startswith(DASH) or phrased_under or (
        not nxt.full and not nxt.terminal and (nxt.blank_before or _UNPUNCTUATED.match(nxt.text) is not None))


def _text_unit_kind(lines: list[Line]) -> str:
    """body (ends a sentence), short (stops short without one) or open (cut at a column end)."""
    last = lines[-1]
    # (a quoted exclamation wrapped at its column counts whole: gen3 page k10033/p10, pdftotext -raw:
    # `“这才是真正的河` / `南！”`, a headline read as a paragraph of the report over it)
    if last.terminal and not (len(lines) <= 2 and _EXCLAIMED_TITLE.match(text_of(lines))):
        return "body"
    if len(lines) <= config.SHORT_UNIT_MAX_LINES and whole_note(lines):
        # a closing note wrapped over lines ends its article like a sentence (real page
        # rmrb-20180109-07: `（作者为中国财政科学研究院研究` / `员）` had become a headline)
        return "body"
    if len(lines) == 1 and last.full and "。" in last.text[:-1] and HAN_END.search(last.text):
        # a line filling the column with a sentence ended inside it, cut inside a word, is a
        # paragraph's line cut at a block's end, never a title (real page lswb, PyMuPDF blocks:
        # `肇事逃逸，致人死亡。民警深`)
        return "open"
    # (a line set wide counts only in a unit with no clause: a paragraph's lines cut at its column's
    # foot, one of them reading wider than a column estimated from a narrower one beside it, hold a
    # comma; real page gsfzb-20240809-08, plain pdftotext: `为讨回自己的辛苦钱，陈某某便通过` /
    # `12309检察服务热线向平川区检察院`, whose sentence goes on far below, had joined the next headline)
    if len(lines) <= config.SHORT_UNIT_MAX_LINES and (len(lines) == 1 or not last.full
                                                      or any(ln.overfull for ln in lines)
                                                      or _wider_than_column(lines)):
        if len(lines) > 1 and "。" in last.text[:-1] and HAN_END.search(last.text):
            # a last line that ends a sentence inside it and opens the next, stopped inside a word, is a
            # paragraph's first line under the line over it, never a title's (gen page y9794/p06, pdftotext
            # -raw: a subhead `振奮，聆聽時代進步足音` / `10月的北京已露秋寒。周` / `日一大早，…`, which had cut
            # the article there under a headline made of the two lines); a headline holds no full stop
            return "open"
        return "short"
    if len(lines) == 2 and (_headline_and_rest(lines[0], lines[1]) or _label_over_wide_line(lines[0], lines[1])):
        # a headline and its wrapped rest, which may fill the column (gen page r9736/p10); a kicker label
        # and its headline set past the column's edge
        return "short"
    return "open"


def whole_note(lines: list[Line]) -> bool:
    """Whether lines, the last ending on a closing bracket, are one whole note wrapped: nothing runs on after it.

    (real page rmrb-20180122-07, PyMuPDF blocks: `（作者单位：河北经贸大学、中国社科` /
    `院中国特色社会主义理论体系研究中心）`, both as wide as the column, had run on into the
    next essay's title after a gap)
    """
    return lines[0].text[:1] in "（(" and is_note(text_of(lines))


#: the kinds of a roster's lines: one opening a part of the list (its label, a name, a post), a post's wrapped rest
ROSTER_KINDS = ("roster", "roster_more")


#: a line opening on a date and a comma (`11月23日，…`, `2020年1月7日,…`), perhaps the time of day between
#: (`1月7日晚上，…`: gen3 page k10024/p03, pdftotext -raw): how a report's lead opens
_DATED_LEAD = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下中]午|早上|晚上|凌晨|清晨|傍晚|深夜|[早晚])?[，,]")


def _headline_over_dated_lead(cur: list[Line], ln: Line) -> bool:
    """Whether cur, a few lines set apart with no clause, is a headline over the lead ln opens on its date.

    A block extractor sets a headline in a block of its own, as wide as the column its body is set
    in, and the report's lead after a gap (gen page y9795/p09, PyMuPDF blocks: `60万"12306账号"外泄? 中` /
    `铁总辟谣称消息不实` / gap / `11月28日，福建省三明…`, which had run on into that lead and joined two
    reports). A column cut mid-sentence at its foot goes on the same way, but in a block of a column's
    length whose lines hold clauses; a report's lead opens on its date and a comma (_DATED_LEAD).
    """
    return len(cur) <= config.TITLE_MAX_LINES and cur[0].blank_before and ln.text[0].isdigit() \
        and _DATED_LEAD.match(ln.text) is not None and not any(CLAUSE_MARK.search(c.text) for c in cur) \
        and not _left_open(cur[-1].text)


#: the characters an editor's note's label opens with (编者按, 【编者按】, [编者按])
_NOTE_LABEL_FIRST = "编編【["


def _note_label(ln: Line) -> bool:
    """Whether a line is the label of an editor's note alone (编者按, 【编者按】, 编者按：).

    The label opens the note, which opens its article's text: run on from the headline over
    it (a headline as wide as the column continues) it made the headline end in 编者按, and
    standing alone, short and unpunctuated, it could read as a headline itself (gen page pdf-1001/p03).
    """
    m = EDITOR_NOTE.match(ln.text)
    return m is not None and m.end() == len(ln.text)


def _titles_over_bylines(lines: list[Line]) -> dict[int, int]:
    """The titles right over a byline, after a gap under a sentence cut at its column's foot: first line -> the byline's.

    Plain pdftotext prints a column's last line, then what stands next on the page: another
    article's title and the byline under it (gen page y9794/p07: `…安全措施更不要说了。结` / gap /
    `用爱心回报爱心` / `本报记者 张腾扬`; x9786/p08: `…铁路12306网站未发生` / gap / `駕超跑重返深水埗派` /
    `錢遭警截 涉策劃撒錢` / `「幣少爺」被捕` / `【明報專訊】`). The cut line, or the one over it, holds a
    clause mark, as a paragraph does every line or two: a headline's own line with none, set apart as a
    block extractor prints it, is followed by its rest (gen page x9783/p10, PyMuPDF blocks: `…研究新情况` /
    gap / `作出新规划` / `新华社北京8月24日电`). A sentence cut at the foot goes on in the
    next column's text, and no sentence goes on into a byline: one that closes a body follows that
    body's last sentence. So the few lines between the gap and the byline, the last not ending a
    sentence, are the title of the article the byline opens, however short or punctuated. The byline may
    stand after a gap of its own (a block extractor's: requiring it set solid loses one article on the
    development pages' PyMuPDF blocks). A jump marker closes the article above as surely, gap or none (gen
    page s10504/p11, pdftotext -raw: `（下转第 18 版）` / `60万"12306账号"外泄?` / `中铁总辟谣称消息不实` /
    `新京报快讯（记者 …）`, whose first line, ending on a question mark, had stood alone as a paragraph).
    Every line down to the byline is the title's, however the lines part among themselves (gen10 page
    u10705/p08, plain pdftotext: `…然` / gap / `农机专家李金泽：` / `为农机行业搭建` / `现代化信息平台` /
    the byline, whose speaker line, wider than the rest, had left the rest to read as a paragraph cut short).
    """
    found = {}
    for k in range(1, len(lines)):
        ln, prev = lines[k], lines[k - 1]
        # (the jump marker and the gap first: most lines follow neither)
        jump = prev.kind == "jump_down" and ln.kind == "text"
        if not jump and (not ln.blank_before or ln.kind != "text" or prev.kind != "text" or prev.terminal
                         or not prev.full):
            continue
        m = k + 1
        while m < len(lines) and lines[m].kind == "text" and not lines[m].blank_before \
                and m - k < config.TITLE_OVER_BYLINE_MAX_LINES:
            m += 1
        if m < len(lines) and lines[m].kind == "byline" and not lines[m - 1].terminal \
                and (jump or CLAUSE_MARK.search(prev.text) or k >= 2 and CLAUSE_MARK.search(lines[k - 2].text)):
            found[k] = m
    return found


def _paragraphs_open_full(lines: list[Line]) -> bool:
    """Whether the page prints its paragraphs with no indent: the lines opening them after a sentence's end fill their column.

    Most pages indent a paragraph two characters, which extractors drop: its first line is then short of
    the column by just that much, as a headline of the same length is (OPEN_FULL_MIN_LINES, _SHARE). A
    line after a sentence's end inside a paragraph fills its column on any page, so the count wants a
    share: an indented page opens most paragraphs short.
    """
    full = short = 0
    for a, b in zip(lines, lines[1:]):
        if a.terminal and not b.terminal and b.kind == "text" and a.kind == "text":
            if b.full:
                full += 1
            elif b.full_as_first():
                short += 1
    return full >= config.OPEN_FULL_MIN_LINES and full >= config.OPEN_FULL_MIN_SHARE * (full + short)


def _titled_open(ln: Line, nxt: Line) -> bool:
    """Whether ln, shaped as a paragraph's first line (_lead_under_wide_title) but holding no clause, may be a title line.

    (A title only where paragraphs open full: read_units asks _paragraphs_open_full first.)
    """
    return not ln.terminal and CLAUSE_MARK.search(ln.text) is None and _lead_under_wide_title(ln, nxt)


#: full-width quotation marks, which a font may set narrow and so widen a paragraph's line past its column (gen2
#: page g10016/p04, pdftotext -raw: `要认真组织编制“十四五”粮食物流基础设施`, which _wide_title_over_lead had made
#: a subhead); the corner brackets too, which Line.set_column's overfull test leaves at full width
_FULL_WIDTH_QUOTES = re.compile("[“”‘’「」『』]")


def _squeezed_width(ln: Line) -> float:
    """A line's width with its quotation marks at their narrowest (config.SQUEEZED_MARK_WIDTH): what its column holds."""
    return ln.width - (1 - config.SQUEEZED_MARK_WIDTH) * len(_FULL_WIDTH_QUOTES.findall(ln.text))


def _wide_title_over_lead(ln: Line, nxt: Line) -> bool:
    """Whether ln, a line with no clause running past its column, over a line of clauses filling it, is a title line.

    (Asked where paragraphs open full, of a line after a sentence's end: read_units.) pdftotext -raw prints a
    headline whole on one line, wider than the column, and the lead straight under it (gen10 page u10702/p06,
    headline-last: `…购票带来的风险。` / `60万"12306账号"外泄?中铁总辟谣称消息不实`, 20 columns over 17 /
    `新征程催人奋进，新使命激荡人心。今`, the next report's lead), where a paragraph's first line keeps to the
    column and holds a clause every line or two. Not a line that its full-width quotation marks widen, one
    left open or cutting a word with the line under it, all a paragraph's (`第四个理念是“信息网络”` / `，我们把…`;
    `然而这并不是故事的结` / `尾。`), nor a speaker's turn in an interview, whose colon opens the answer (gen3 page
    k10027/p01, pdftotext -raw: `李金泽：政府通过实行“一增一减”的农业政` / `策来…`): each made paragraphs or
    articles of one paragraph's lines on the generated pages.
    """
    if not _past_column(ln) or ln.terminal or CLAUSE_MARK.search(ln.text) or "：" in ln.text or ":" in ln.text \
            or _left_open(ln.text):
        return False
    if _squeezed_width(ln) <= ln.column + ln.slack:
        return False  # (past the column only by its quotation marks' full width)
    return (nxt.full and not _past_column(nxt) and CLAUSE_MARK.search(nxt.text) is not None
            and not cuts_word(ln.text, nxt.text))


def read_units(lines: list[Line]) -> list[Unit]:
    """Group lines into units; consecutive byline lines form one unit."""
    units: list[Unit] = []
    cur: list[Line] = []
    over_byline = _titles_over_bylines(lines)
    title_end = 0  # (the byline's index under the title being read, if any)
    # whether the unit being read opens inside one of those titles (a flag, not the line: a closing quote
    # wrapped onto a line of its own replaces the line before it in cur); set where a unit's first line is taken
    opens_title = False
    flush_open = _paragraphs_open_full(lines)

    def flush() -> None:
        if cur:
            units.append(Unit("short" if opens_title else _text_unit_kind(cur), cur.copy()))
            cur.clear()

    # (each line with the one after it, and below the lines taken so far counted once: the test that
    # ends a unit runs for every line)
    for k, (ln, nxt) in enumerate(zip(lines, [*lines[1:], None])):
        if k in over_byline:
            # (_titles_over_bylines: a title opens here, whatever runs on into it)
            flush()
            title_end = over_byline[k]
        if ln.kind != "text":
            flush()
            if ln.kind == "byline" and units and units[-1].kind == "byline":
                units[-1].lines.append(ln)
            elif ln.kind in ROSTER_KINDS:
                # a roster is text of the article it stands in, set apart like a subhead
                if units and units[-1].kind == "subhead" and units[-1].lines[-1].kind in ROSTER_KINDS:
                    units[-1].lines.append(ln)
                else:
                    units.append(Unit("subhead", [ln]))
            else:
                units.append(Unit(ln.kind, [ln]))
            continue
        # (the first character looked at before the pattern: this runs for every line)
        first = ln.text[0]  # (taken once for the looks below: a character taken from a line is a new string)
        if cur and first in _CLOSING_QUOTES and _CLOSING_ONLY.match(ln.text):
            # a closing quotation mark wrapped onto a line of its own ends the line before it
            # (gen page h7002/p04, pdftotext -raw: `…良种覆盖率接近100%。` / `”`), which had
            # read as a one-character title between two bodies
            prev = cur[-1]
            cur[-1] = replace(prev, text=prev.text + ln.text, width=prev.width + ln.width, last=ln.end)
            continue
        if cur and cur[-1].terminal and ln.full and nxt is not None and not nxt.full \
                and _line_between_paragraphs(ln, nxt, lines[k + 2] if k + 2 < len(lines) else None):
            # (ln's and nxt's widths first: most lines after a sentence's end are short by an indent or fill on)
            flush()
            units.append(Unit("short", [ln]))
            continue
        if first in _NOTE_LABEL_FIRST and _note_label(ln):  # (its first character first: this sees every line)
            # the label of an editor's note is a subhead of the article the note opens (gen pages,
            # 钱江晚报: gold `编者按` among the subheads), neither a headline's rest nor a headline
            flush()
            units.append(Unit("subhead", [ln]))
            continue
        # (ln's width asked first by both tests below: a lead's first line is short of its column by the
        # indent the extractor dropped (_lead_under_wide_title), and most lines fill theirs)
        if cur and not ln.full and cur[0].full and _lead_under_full_title(units, cur, ln, nxt):
            # a headline's lines, however full: short, not a column's text cut at its foot
            units.append(Unit("short", cur.copy()))
            cur.clear()
        if cur and not ln.full and len(cur) <= config.SHORT_UNIT_MAX_LINES and _lead_left_open(cur, ln, nxt):
            # a lead's first line left open under a headline's lines starts the body: the lines over
            # it are short, however full
            units.append(Unit("short", cur.copy()))
            cur.clear()
        if len(cur) >= 2 and ln.blank_before and _headline_over_dated_lead(cur, ln):
            # (one line over such a lead: _continues)
            units.append(Unit("short", cur.copy()))
            cur.clear()
        # (an editor's note opens its article's text, so nothing runs on into it: the line over it is
        # the title's, however full; gen page r9732/p05, pdftotext -raw: `…敬请垂注。` /
        # `南方报人虎年春节在基层` / `编者按：不论我们愿不愿意`, which had joined two articles)
        n = len(cur)
        if n and (ln.indent or cur[-1].text[-1] in "）)" and whole_note(cur)
                  or first in _NOTE_LABEL_FIRST and EDITOR_NOTE.match(ln.text)
                  # a headline set across columns ends with the line at the column's width under it
                  or n >= 2 and cur[-2].overfull and not cur[-1].overfull
                  and (_headline_line(cur[-2], cur[-1], ln) or _wide_rest(cur[-2], cur[-1]))
                  # on a page of unindented paragraphs, a line after a sentence's end (or the page's header)
                  # short by an indent is a headline over the text under it (gen page q10303/p01, pdftotext
                  # -raw: `…的良好政治生态。` / `这样的报道让职工感动` / `陕工报日前推出的“高温酷暑`, merged)
                  or n == 1 and flush_open and (k < 2 or lines[k - 2].terminal or lines[k - 2].kind == "furniture")
                  and (_titled_open(cur[0], ln) or _wide_title_over_lead(cur[0], ln))
                  or n == 1 and (_title_after_closing_byline(units, cur[0])
                                 or not cur[0].full and _lead_under_short_title_line(cur[0], ln, nxt))
                  or n == 1 and ln.blank_before and (_headline_under_label(units, cur[0])
                                                     or _second_title_line(units, cur[0]))
                  # a headline's wrapped rest ends it: the lead starts under it
                  or n == 2 and _headline_and_rest(cur[0], cur[1])
                  # (the width of the line over ln first: few lines run past their column)
                  or _past_column(cur[-1]) and _wide_line_ends_title(units, cur, ln)
                  or ln.blank_before and _headline_at_foot(cur, ln, nxt)
                  # a lead's first line under a headline set across columns starts the body, unless it
                  # is the rest of that headline's last phrase
                  or cur[-1].overfull and _lead_under_wide_title(ln, nxt) and not (n == 1 and _headline_and_rest(cur[0], ln))
                  # (_continues measures a kicker's main line against the column's estimate alone: the
                  # line under it, the lead's, measures it here; a headline of phrases set across columns
                  # holds the whole headline, _continues)
                  or not (_continues(cur[-1], ln, n == 1)
                          or n == 1 and cur[0].overfull and not ln.overfull and not phrased_headline(cur[0].text)
                          and _headline_line(cur[0], ln, nxt))):
            flush()
        if not cur:
            opens_title = k < title_end
        cur.append(ln)
    flush()
    return units


#: a space between two phrases of a headline falls after a character or a closing quote and
#: before a character or an opening quote (a space elsewhere is the extractor's)
_GAP_BEFORE = "[\u4e00-\u9fff”》」]"


_GAP_AFTER = "[\u4e00-\u9fff“《「]"


#: a line of phrases set apart by single spaces, with no sentence punctuation: how a headline prints
#: (`直銷58確診　毒鏈延至尖嘴　魚`, gen pages). A phrase after the first may name a speaker before a
#: colon (gen pages: `三周两市蒸发21万亿 股民：深市“蒸”没了`)
_PHRASED_HEADLINE = re.compile(rf"^[^\s，。、；：！？,;:!?]+{_GAP_BEFORE}"
                               rf"(?: {_GAP_AFTER}[^\s，。、；！？,;!?]*{_GAP_BEFORE})*"
                               rf" {_GAP_AFTER}[^\s，。、；！？,;!?]*$")


def phrased_headline(text: str) -> bool:
    """Whether a line is a headline of phrases set apart by single spaces, with no sentence punctuation.

    Not one that opens a quotation it does not close (“ or 「): its last phrase goes on in the next line
    (gen page n9400/p06, plain pdftotext: `去杠杆引发踩踏 “杠杆牛` / `市”渐行渐远`).
    """
    return _phrases_set_apart(text) and not open_quotation(text)


def _phrases_set_apart(text: str) -> bool:
    """Whether a line sets phrases apart by single spaces with no sentence punctuation, its last perhaps going on below."""
    # (a space looked for first: the pattern needs one, most lines hold none, and a failed match
    # backtracks through the whole line)
    return " " in text and _PHRASED_HEADLINE.match(text) is not None


#: a line (or two, wrapped) that is a single quoted exclamation or question: a headline
#: such as `“这才是真正的河南！”` may end like a sentence (dev-v2 c01, e02), and may
#: fill its column (dev-v2 c01, 12 columns); whether it is a headline or a quoted line
#: inside the body is then left to the cohesion across it (_headline_evidence). An
#: unquoted one (`预祝大会圆满成功！`) is as often a body's closing sentence.
_EXCLAIMED_TITLE = re.compile(r"^[“「『][^。，、；：！？!?,;:]{2,24}[！？!?][”」』]$")


#: a line ending on a question or exclamation mark, perhaps inside closing quotes
_ASKED_TITLE = re.compile(r"[？！?!][”」』]?$")
#: a line ending on a question mark, perhaps inside closing quotes
_ASKS = re.compile(r"[？?][”」』]?$")


_TITLE_SPACE = re.compile(f"{_GAP_BEFORE} {_GAP_AFTER}")


def _phrased_run(lines: list[Line]) -> bool:
    """Whether a run of at most three lines sets two phrases apart by a space, as headlines do (`减成本 增服务`)."""
    return len(lines) <= 3 and any(_TITLE_SPACE.search(ln.text) for ln in lines)


#: a photographer's credit alone on a line: a name (perhaps spaced out), 摄, perhaps the agency in brackets
_PHOTO_CREDIT = re.compile(rf"^[\u4e00-\u9fff· ]{{2,8}}{CREDIT_END}")


#: a line ending on a photographer's credit
CREDITED_PHOTO = re.compile(CREDIT_END)


def correct_kinds(units: list[Unit]) -> None:
    """Correct the kinds that a unit's own widths and punctuation get wrong, from its neighbours.

    A title line that ends like a sentence or fills its column reads as body text,
    and a body line cut at a column's foot reads as a title line; what stands
    around them says which they are.
    """
    # a question or exclamation on a line of its own between a title line and the next
    # article's byline or title is the title's headline, not a one-sentence body (gen pages,
    # 钱江晚报: `拆房屡出命案 管理形同虚设` / `谁来为无序拆房“埋单”？` / `■【文匯網訊】…`); so is one
    # wrapped at the column, its rest a block of its own after a gap, as a block extractor prints a
    # headline's lines (gen page g101/p04, PyMuPDF blocks: `谁来为无序拆房“埋` / gap / `单”？`), or with no
    # gap when it holds no clause: one question wrapped at the column (gen page u9761/p11, plain pdftotext,
    # the same lines), where a sentence of the body has a comma in two lines
    for k in range(1, len(units)):
        u, nxt = units[k], units[k + 1] if k + 1 < len(units) else None
        if u.kind != "body" or len(u.lines) > 2 or len(u.lines) == 2 and not u.lines[1].blank_before \
                and CLAUSE_MARK.search(u.text):
            continue
        if (units[k - 1].kind == "short" and _ASKED_TITLE.search(u.lines[-1].text)
                and (nxt is None or nxt.kind in ("byline", "furniture", "short")
                     or _question_under_phrases(u, units[k - 1]))):
            u.kind = "short"
        # so is a question with no clause over a title line (_question_over_title_line), or over a byline
        # that opens a body (_question_over_byline)
        elif _question_over_title_line(u, units[k - 1], nxt) or _question_over_byline(units, k):
            u.kind = "short"
        # a headline of phrases broken after a speaker's colon, its rest a title line (gen page
        # g303/p04: `三周两市蒸发21万亿 股民：` / gap / `深市“蒸”没了`): the colon ends no sentence; with no
        # gap too (u9764/p03, pdftotext -raw): body text sets no phrases apart by single spaces
        if (u.lines[0].text.endswith(("：", ":")) and _phrases_set_apart(u.lines[0].text)
                and nxt is not None and nxt.kind == "short"):
            u.kind = "short"
    # a block of a few lines that stops mid-sentence, then a gap and a bulleted line (a byline or
    # an item of briefs), is a title as wide as its column: no sentence goes on into a bullet
    # (gen page text-5011/p06: `路虎中国黄金5年终结` / `部分车型价格出现“崩盘”` / gap / `◆在国庆、…`);
    # nor into an indented line, a paragraph's first, after a block with no clause (gen page k9100/p12,
    # PyMuPDF blocks: a headline of three lines of 7 columns, no mark in them, over `　　港鐵再爆出…`,
    # the next report's lead, into whose draft it had gone as text)
    for k in range(len(units) - 1):
        u, nxt = units[k], units[k + 1]
        if (u.kind == "open" and len(u.lines) <= config.TITLE_MAX_LINES and u.lines[0].blank_before
                and nxt.lines[0].blank_before and (nxt.lines[0].text[:1] in BULLETS
                                                   or nxt.lines[0].indent and not CLAUSE_MARK.search(u.text))):
            u.kind = "short"
    # the same holds for a byline: a few lines opening the page, or following a body's last sentence,
    # that stop mid-sentence right over a byline are a title as wide as the column (gen page h7002/p04,
    # pdftotext -raw: `【新春走基层】` / `土豆不“土”土豆无“土”` / `光明日报记者 王建宏` / `张文攀`; r9731/p01:
    # `…发展情况。` / `劳伦斯：一个无法定义` / `的“洛克菲勒”` / `■ 黄宇`): a sentence begun after another
    # ends before the next article's byline. A continuation marker ends a body as its last sentence does
    # (r9735/p09: `（下转第16版）` / `思来氏CEO张韫：用第三方` / `评价促进教育变革` / `■ 顶端新闻…`).
    # Longer blocks with no clause in any line, set apart, are titles there too (_unpunctuated_block;
    # gen page r9731/p11, PyMuPDF blocks, headline-last: `…其餘警員要接受檢疫。` / `【新冠肺炎】機動` …
    # `多名警員或要檢疫` / the next report's byline: the title of the body before)
    for k in range(len(units) - 1):
        u = units[k]
        if u.kind == "open" and units[k + 1].kind == "byline" and (
                len(u.lines) <= config.TITLE_MAX_LINES // 2 and (k and units[k - 1].kind in ("body", "jump_down")
                                                                 or all(x.kind == "furniture" for x in units[:k]))
                or _unpunctuated_block(u, units[k - 1] if k else None)):
            u.kind = "short"
    # so is a block closing the page right after a continuation marker, which ended the body over it: no
    # sentence opens there that the page does not finish (gen3 page k10066/p02, pdftotext -raw, headline-last:
    # `（下转第5版）` / `路虎中国黄金5年终结` / `部分车型价格出现“崩盘”`, read as the body's last words); and a
    # block set apart among a title's short lines (_title_block_among_shorts)
    last = len(units) - 1
    while last >= 0 and units[last].kind == "furniture":
        last -= 1
    if last >= 1 and units[last].kind == "open" and units[last - 1].kind == "jump_down" \
            and len(units[last].lines) <= config.TITLE_MAX_LINES // 2 and not CLAUSE_MARK.search(units[last].text):
        units[last].kind = "short"
    for k in range(1, last):
        if units[k].kind == "open" and _title_block_among_shorts(units, k):
            units[k].kind = "short"
    # a whole line naming a headline's speaker, set apart right over its title line, opens that title
    # (_speaker_over_title_line; asked once the title lines over a byline are known)
    for k in range(len(units) - 1):
        if units[k].kind == "body" and _speaker_over_title_line(units, k):
            units[k].kind = "short"
    # one full line printed in the block of a body that ends a sentence above it, a gap
    # after it, is that block's last line: a paragraph begun and cut at the column's foot,
    # not a title line (gen page text-5011/p07: `安徽成为“领头羊”。` / `“逆袭”的背后，是一场` /
    # gap / the next article's headline); not one set across columns, which no paragraph's line is: a headline's
    # first line, set solid under the body by a block extractor (gen page x9783/p04, PyMuPDF blocks: `…源頭。` /
    # `加大创新驱动力度 强化生态环境治理 奋力`, 20 columns over 10 / gap / `推动高质量发展走在前列`)
    for k in range(1, len(units) - 1):
        u = units[k]
        if (u.kind == "short" and len(u.lines) == 1 and u.lines[0].full and not u.lines[0].blank_before
                and not u.lines[0].overfull
                and units[k - 1].kind == "body" and units[k + 1].lines[0].blank_before
                # (a headline printed so, with its byline under the gap, stays one: dev-v2 c03; so does
                # one over a roster of the people it interviews, gen page text-5023/p12)
                and units[k + 1].kind not in ("byline", "subhead")):
            u.kind = "open"
    # a block cut at its column's edge right after a byline that closes a body is a title as wide
    # as its column: the byline ends that article, and a title comes next, its own printed after
    # it or the next article's (real page lswb, PyMuPDF: `…（失独家庭）。` / `辽沈晚报记者胡月梅` /
    # `沈阳市大力推行节地生态安葬` / `海葬有补贴树葬等减千元购墓费用`, both lines filling the column)
    # (unless it opens a quotation that the text under it closes: a paragraph's first lines, _quote_runs_on)
    # (a longer block too when no line holds a clause: a headline wrapped in a narrow column, gen page
    # s9953/p07, pdftotext -raw: `…服务计划。` / `记者 刘涛` / `【武肺再爆發】` / `直銷58確診 毒鏈延` /
    # `至尖嘴 魚檔繼續爆` / `大埔墟街市失守` / `【本報訊】…`, which had read as the lead under the byline)
    for k in range(2, len(units)):
        if units[k].kind in ("open", "short") and _byline_closes_body(units, k - 1) and (
                len(units[k].lines) <= 3 or _headline_wrapped(units[k])):
            if _quote_runs_on(units, k):
                units[k].kind = "open"
            elif units[k].kind == "open":
                units[k].kind = "short"
    # a block cut at the column's edge whose last line opens with —— is a headline over its
    # subtitle, both filling the column (real page rmrb-20180129-07, PyMuPDF text:
    # `从三个层面促进实体经济由大向强` / `——“第六届中国工业发展论坛”述要`)
    for u in units:
        if u.kind == "open" and 2 <= len(u.lines) <= 3 and u.lines[-1].text.startswith(DASH):
            u.kind = "short"
    # a photographer's credit on a line of its own ends the caption above it, a sentence's end:
    # never a title or a subhead (gen page text-5011/p06, PyMuPDF blocks: `…调速转把生产线上作业。` /
    # `李 鑫摄（影像中国）`, which had become the headline of the report under it)
    for u in units:
        if u.kind == "short" and len(u.lines) == 1 and _PHOTO_CREDIT.match(u.lines[0].text):
            u.kind = "body"
    # a block with no clause whose last characters a block extractor printed apart after a gap, a stray
    # piece, is a title, whatever follows (_rest_printed_apart; gen pages t9742/p07, and t9744/p02, a dateline next)
    for k in range(len(units) - 1):
        if units[k].kind == "open" and _rest_printed_apart(units[k], units[k + 1]):
            units[k].kind = "short"
    # the text right before a continuation marker is the body's last line, cut mid-sentence to go on
    # on another page, never a title (gen pages: `溆浦县北斗溪镇准备依托` / `（下转第19 版）`)
    for k in range(len(units) - 1):
        if units[k].kind == "short" and units[k + 1].kind == "jump_down":
            units[k].kind = "open"
    # two or three wide lines cut at the edge right before a short unit are the
    # top of the same title block (dev page b08: a kicker over two lines that
    # just fill the measure, then the headline set across columns), when they stand
    # apart: right after a paragraph's end they open the next paragraph, cut at the
    # column's foot (gen page text-5011/p07: `安徽成为“领头羊”。` / `“逆袭”的背后，是一场`), unless the
    # short unit opens on a —— subtitle and they hold no clause: a subtitle follows its headline, and a
    # paragraph's opening lines hold a clause mark (gen page t9745/p12, pdftotext -raw: `…圆满成功！` /
    # `为现代化巴彦淖尔建设` / `凝聚强大智慧和力量` / `——热烈祝贺市政协五届一次会议` / `开幕`); so do lines
    # with no clause at all over any such unit (_unpunctuated_block: gen page u9765/p07, pdftotext -raw,
    # headline-last: `…等功奖励。` / a kicker past the column's edge / the headline at its width / the
    # subtitle set across columns / the next report's byline), which had closed the body above
    for k in range(len(units) - 1):
        if (units[k].kind == "open" and len(units[k].lines) <= 3 and units[k + 1].kind == "short"
                and any(ln.overfull for ln in units[k + 1].lines)
                and (k == 0 or units[k].lines[0].blank_before or units[k - 1].kind != "body"
                     or units[k + 1].lines[0].text.startswith(DASH)
                     and not any(CLAUSE_MARK.search(ln.text) for ln in units[k].lines)
                     or _unpunctuated_block(units[k], units[k - 1]))):
            units[k].kind = "short"


def split_run_in_headlines(units: list[Unit]) -> None:
    """Split off a headline line run into the lead under it: after a body's last sentence, or under a wide kicker.

    A headline is set in larger type, so as few characters as its column's measure fill it, and an
    extractor that keeps no sizes (plain pdftotext) runs it on into the lead printed under it
    (gen page x9785/p09, plain pdftotext: `…全方位报道。` / gap / `夜访城市工人休息室` / `1月7日晚上，…`,
    the next report read as a paragraph of the one before). A paragraph opening after a column break
    reads so too, so the line is split off as a short unit only where the headline evidence across it
    (_headline_evidence, lexical cohesion first) says two articles meet there; classify_short_runs then
    reads it as any short run between two stretches of text. A line whose last characters and the next
    line's first make a word (lexicon.cuts_word) is a sentence wrapped, never a headline over its lead: the
    seed page's paragraphs opening short of the column (`…山东瑞生药用辅` / `料…`) are passed over so,
    with no cohesion to compute (a shortcut for speed: the cohesion rejects them too). Under a lone
    kicker set across columns the line is the headline's main line on its own evidence
    (_main_line_under_wide_kicker). A headline wrapped over several lines of a narrow column,
    gaps between its blocks, runs on into its lead like text: those lines, up to the last gap
    before the first clause, are split off on the same evidence (_wrapped_head).
    """
    k = 1
    while k < len(units):
        u, prev = units[k], units[k - 1]
        first = u.lines[0]
        if u.kind in ("body", "open") and len(u.lines) >= 2 and first.blank_before:
            head = _wrapped_head(u) if prev.kind == "body" and prev.lines[-1].terminal else 0
            if head:
                units[k:k + 1] = [Unit("short", u.lines[:head]), Unit(u.kind, u.lines[head:])]
                evidence = _headline_evidence(units, k, k + 1, u.lines[:head], units[k + 1], False)
                if evidence is not None and evidence > 0:
                    k += 2
                    continue
                units[k:k + 2] = [u]  # (not two articles meeting: the one-line head below may still be)
            under_kicker = _main_line_under_wide_kicker(prev, first, u.lines[1])
            if under_kicker or (prev.kind == "body" and prev.lines[-1].terminal
                                and first.width <= first.column - config.SPLIT_HEADLINE_MIN_SHORTFALL
                                and _reads_as_headline(first) and not cuts_word(first.text, u.lines[1].text)):
                units[k:k + 1] = [Unit("short", [first]), Unit(u.kind, u.lines[1:])]
                if not under_kicker:
                    # (the line opens after a gap: never set solid, so the page's gaps tell nothing here)
                    evidence = _headline_evidence(units, k, k + 1, [first], units[k + 1], False)
                    if evidence is None or evidence <= 0:
                        units[k:k + 2] = [u]
        k += 1


def _wrapped_head(u: Unit) -> int:
    """How many of u's first lines, up to the last gap before its first clause, are a headline wrapped (0 if none).

    A clause as _headline_wrapped reads one (_clauseless). Only the first TITLE_MAX_LINES + 1
    lines are read: a headline holds no more. Two lines at least: one line is the one-line rule's
    (split_run_in_headlines), which weighs its width too.
    """
    gap = 0
    for g, ln in enumerate(u.lines[:config.TITLE_MAX_LINES + 1]):
        if g and ln.blank_before:
            gap = g
        if not _clauseless(ln):
            break
    else:
        return 0
    return gap if gap >= 2 else 0


#: a line whose first clause ends a sentence: the sentence began on the line over it
_FIRST_CLAUSE_ENDS_SENTENCE = re.compile(r"[^，、；：,;:。！？!?]*[。！？!?]")


def _main_line_under_wide_kicker(prev: Unit, first: Line, second: Line) -> bool:
    """Whether first, after a gap under a lone line set across columns, is the headline's main line run into the lead.

    A kicker wider than the column (set across columns, in its own type) stands over the headline's
    main line, and plain pdftotext prints a gap between the two sizes of type but none between the
    headline and the lead under it (gen pages x9781/p05, x9783/p03, plain pdftotext: `上午，记者在奉贤看到
    市民生活如往昔` / gap / `相信上海不久会恢复热闹` / `昨天晚上，…`): the article's title lost its main line
    to the body. A headline's line has no punctuation and ends where its phrase ends; a column of text
    wraps wherever its measure ends, inside a word about as often as not (lexicon), so a line under
    the wide one that runs a word on into the next line is the lead's first line and stays. So does
    one whose sentence ends in the first clause of the line under it (a banner over a lead:
    `…正式` / `开工。…`): the lead under a headline opens a sentence there, it does not end one; and
    one indented, a paragraph's first line, and one the line under it goes on from on a particle
    (_OPENS_ON_PARTICLE). The wide line is a kicker only where nothing ends the
    title with it: a —— subtitle is set under the headline, and a headline's phrases set apart by a
    space on one line are the main line itself (gen pages x9782/p05, y9791/p01, PyMuPDF blocks:
    `全民免費檢測 最快兩周後展開` / gap / `第三波疫情爆發近`, the lead; the lexicon holds no traditional
    characters' words, so the break tells nothing there).
    """
    wide = prev.lines[0].text
    return (len(prev.lines) == 1 and prev.kind in ("short", "open") and prev.lines[0].overfull and not first.indent
            and not MID_SENTENCE.search(wide) and not wide.startswith(DASH) and not _TITLE_SPACE.search(wide)
            and _reads_as_headline(first) and not _FIRST_CLAUSE_ENDS_SENTENCE.match(second.text)
            and not cuts_word(first.text, second.text) and not _OPENS_ON_PARTICLE.match(second.text))


#: a line opening on a particle no sentence opens on: the line over it runs on into it (gen page v10805/p10,
#: PyMuPDF blocks: `奋力推动高质量发展走在前列` / gap / `计划投资2000 亿元` / `的大连太平湾临港`)
_OPENS_ON_PARTICLE = re.compile(f"^(?:{PARTICLE_HEAD})")


def _one_line_no_clause(u: Unit) -> bool:
    """Whether a unit is one line with no clause mark: how a question set as a headline stands (the two rules below)."""
    return len(u.lines) == 1 and CLAUSE_MARK.search(u.lines[0].text) is None


def _question_over_title_line(u: Unit, prev: Unit, nxt: Unit | None) -> bool:
    """Whether the one-line question u, with no clause, over a title line (nxt) opens that title.

    A headline may ask its question in its first line and answer in the second (gen pages
    t9742/p02, PyMuPDF blocks: gap / `60万"12306账号"外泄?` / `中铁总辟谣称消息不实` / gap; t9746/p08,
    pdftotext -raw: `…带来的风险。` / the same two lines / the lead). A question so placed is no
    one-sentence paragraph: a paragraph's sentence goes on in text, not in a line that reads as a
    title. Placed means set apart over the title line in one block, as a block extractor prints
    them, or right after a body's last sentence, short of its column, asking (an exclamation there
    is as often a speech's last paragraph, gen page q9700/p12: `预祝大会圆满成功！` over the next
    article's headline) over a title line with no clause. The question may fill its column where the
    body's last line stops short of it (gen page u9764/p12, pdftotext -raw): that short line ended its
    paragraph, and a paragraph's first line is short by its indent, so a full line after it opens none.
    """
    if nxt is None or nxt.kind != "short" or not _one_line_no_clause(u):
        return False
    line = u.lines[0]
    return (line.blank_before and not nxt.lines[0].blank_before and _ASKED_TITLE.search(line.text) is not None
            or prev.kind == "body" and (not line.full or not prev.lines[-1].full)
            and _ASKS.search(line.text) is not None and not CLAUSE_MARK.search(nxt.text))


def _question_over_byline(units: list[Unit], k: int) -> bool:
    """Whether units[k], one line asking a question with no clause, set apart after a finished sentence, heads the byline under it.

    pdftotext prints a headline that asks right over its byline (gen10 page u10702/p07, plain pdftotext:
    `…记一等功奖励。` / gap / `谁来为无序拆房“埋单”？` / `本报实习生 刘国栋 周炜` / `本报记者 …` / `编者按`), where
    it had read as a one-sentence paragraph. A byline with text under it opens that text: one closing a body
    follows the body's last sentence, and what comes after it opens another article.
    """
    u, prev = units[k], units[k - 1]
    if not _one_line_no_clause(u) or not u.lines[0].blank_before or not _ASKS.search(u.text) \
            or prev.kind != "body" or not prev.lines[-1].terminal:
        return False
    return k + 2 < len(units) and units[k + 1].kind == "byline" and units[k + 2].kind in ("body", "open", "subhead")


def _title_block_among_shorts(units: list[Unit], k: int) -> bool:
    """Whether units[k], a block cut at its column's edge with no clause, set apart among a title's short lines, is one of them.

    A block extractor prints a headline's lines in blocks of their own, and one that fills its column reads as
    text cut at a block's end (gen9 page t10608/p12, PyMuPDF blocks, headline-last: `…空間。` / gap /
    `美國擴「潔淨網絡」` / gap / `中國不可信程式須下` / `架 限制華企雲端服務` / gap / `騰訊 阿里被點名`, the page's
    end; gen10 page u10702/p04, the same lines over the next report's byline). Between a finished sentence
    (short lines perhaps between; over a byline, at least one) and short lines running on to a byline or the
    page's end, no sentence goes on from it.
    """
    u = units[k]
    if len(u.lines) > config.TITLE_MAX_LINES // 2 or not u.lines[0].blank_before or CLAUSE_MARK.search(u.text):
        return False
    above = k - 1
    while above >= 0 and units[above].kind == "short":
        above -= 1
    below = k + 1
    while below < len(units) and units[below].kind == "short":
        below += 1
    if above < 0 or units[above].kind != "body" or not units[above].lines[-1].terminal or below == k + 1:
        return False
    # (over a byline, only a block with short lines over it too: a paragraph's first lines after the body's last
    # sentence, right over the next report's title, stop at a block's end as well; gen5 page n10213/p10, plain
    # pdftotext: `…郭荣梅说。` / gap / `发现学生每一个细小的闪光点` / … / gap / `攥指成拳 生威发力` / its byline)
    return below == len(units) or all(x.kind == "furniture" for x in units[below:]) \
        or units[below].kind == "byline" and above < k - 1


def _speaker_over_title_line(units: list[Unit], k: int) -> bool:
    """Whether the one line units[k], ending on a colon with no clause, set apart over a title, opens that title.

    A headline that quotes its speaker names them before a colon and may break there, the name filling
    the column (generated page f9975/p12, plain pdftotext: `…位报道。` / gap / `农机专家李金泽：` /
    `为农机行业搭建` / `现代化信息平台` / the byline); the name had read as a one-line paragraph closing the
    body above. Only a title over its byline is asked: a label opening a paragraph (`个人简介：`) has the
    paragraph's text under it, a credit its value (real page lswb-20210323-05, PyMuPDF blocks: `气象数据来源：`
    / `中国天气网` / gap / the next report's headline), and a section's subhead may break after its colon
    too, its section under it (the seed page: `栽好梧桐引凤栖：` / `营商环境的“聊城温度”`).
    """
    u, line = units[k], units[k].lines[0]
    if not (len(u.lines) == 1 and line.text.endswith(("：", ":")) and line.blank_before
            and " " not in line.text and not CLAUSE_MARK.search(line.text)):
        return False
    if k + 1 >= len(units) or units[k + 1].kind != "short" or units[k + 1].lines[0].blank_before:
        return False
    j = k + 2
    while j < len(units) and units[j].kind == "short":
        j += 1  # (the title's rest: a block extractor prints a gap inside a headline, gen page w9961/p11)
    return j < len(units) and units[j].kind == "byline"


def _rest_printed_apart(u: Unit, nxt: Unit) -> bool:
    """Whether u, a few lines with no clause cut at the column's edge, is a headline whose last characters stand apart.

    A block extractor prints a headline's last character or two wrapped onto a line of its own as a
    block of its own, after a gap (gen page t9742/p07, PyMuPDF blocks: `【新冠肺炎】機動部隊2` / `3歲男警初步確診
    同組` / `訓練40多名警員或要檢` / gap / `疫` / gap / the next report); the lines read as a paragraph cut
    at a block's end. A sentence's rest goes on in a line of text, not in a stray piece; and body text
    holds a comma or a stop every line or two.
    """
    return (nxt.kind == "stray" and nxt.lines[0].blank_before and len(u.lines) <= config.TITLE_MAX_LINES // 2
            and all(_NO_CLAUSE.match(ln.text) for ln in u.lines))


def _question_under_phrases(u: Unit, prev: Unit) -> bool:
    """Whether the one-line question u, right under a headline line of phrases, is that title's headline.

    pdftotext -raw prints a kicker, its headline and the next text with no gap between (gen pages x9783/p01,
    y9794/p07: `拆房屡出命案 管理形同虚设` / `谁来为无序拆房“埋单”？` / the text), a block extractor with a
    gap before the text only (gen page r9731/p06, PyMuPDF blocks). A line of phrases set apart by single
    spaces is a headline's (phrased_headline), and a question with no clause right under it, no gap
    between, goes on with that title: a paragraph's first sentence after a subhead runs on in clauses.
    Before this, the question stood as a paragraph of one line, and its words, shared with the body the
    title closes, made the title a subhead.
    """
    line = u.lines[0]
    return (len(u.lines) == 1 and not line.blank_before and not CLAUSE_MARK.search(line.text)
            and phrased_headline(prev.lines[-1].text))


def _unpunctuated_block(u: Unit, prev: Unit | None) -> bool:
    """Whether u, standing apart, is a few lines with no sentence punctuation: a headline wrapped at a narrow column.

    A headline set in a narrow column wraps over four or five lines, inside its phrases, and
    runs on to the column's edge like text (gen page r9732/p10, plain pdftotext: `加大创新驱动力`
    / `度 强化生态环境` / `治理 奋力推动高` / `质量发展走在前` / `列` / its dateline); body text
    holds a comma or a stop every line or two. It stands apart after a gap, or right under a
    sentence's end, and may open on a speaker and a colon (gen page r9731/p01: `…发展情况。` /
    `劳伦斯：一个无法定义` / `的“洛克菲勒”` / `■ 黄宇`).
    """
    apart = u.lines[0].blank_before or prev is not None and prev.kind == "body"
    return apart and _headline_wrapped(u)


def _clauseless(ln: Line) -> bool:
    """Whether a line holds no clause mark, a speaker's colon opening it aside: a headline's line."""
    return _NO_CLAUSE.match(_speaker_dropped(ln.text)) is not None


def _headline_wrapped(u: Unit) -> bool:
    """Whether u is a few lines with no sentence punctuation (a speaker's colon aside): a headline wrapped."""
    return (len(u.lines) <= config.TITLE_MAX_LINES
            and all(_clauseless(ln) for ln in u.lines))


def _quote_runs_on(units: list[Unit], k: int) -> bool:
    """Whether units[k] opens a quotation or a bracket it does not close, the text under it going on with no gap.

    A paragraph's first lines, wider than the column measured around them, come out as
    a block apart from the rest of the paragraph (a headline set across columns does
    not run on into the column's text) and, after the byline that closes the essay
    before, read as a title run (real page rmrb-20180129-07, pdftotext: `华 东 理 工 大 学 、…
    智 库“ 社 会 工` / `作与社会政策研究院”联合主办的“新时代` / `中国特色社会…研讨会”近日…`).
    A headline closes its quotes; one wrapped inside a quotation has a gap before its
    rest (dev page b07: `脱贫不能“等靠要”，而要“加油` / gap / `干”`).
    """
    nxt = units[k + 1] if k + 1 < len(units) else None
    if nxt is None or nxt.kind not in ("body", "open") or nxt.lines[0].blank_before:
        return False
    text = units[k].text
    return open_quote(text) or unclosed_bracket(text)


def _byline_closes_body(units: list[Unit], k: int) -> bool:
    """Whether units[k] is a byline that closes the body above it (or a subhead in it): what follows opens an article.

    (one test for the three rules that read a title after a closing byline: _title_after_closing_byline,
    correct_kinds (a block cut at its column's edge), classify_short_runs)
    """
    return k >= 1 and units[k].kind == "byline" and units[k - 1].kind in ("body", "subhead")


#: characters that open no headline as a word of their own: a particle, or 就 that needs the words before it
#: (就到底了！); a line opening on one, not on a longer word (就业, 了解, 的哥), is a sentence's tail. None opens
#: a headline, kicker, subtitle or subhead of the 203 in segmentation-dev-v2's articles. Not 也 都 又 才 还,
#: adverbs a headline may open on with its subject left out (`又一批企业复工`, `还绿于民`, `也谈改革`), nor 啊
#: (`啊，故乡的小河`)
_TAIL_OPENERS = "的了就地得吗呢吧"
#: a line ending a sentence: a stop, perhaps inside closing quotes (not a bracket: `（含 20 年）` ends none)
_ENDS_SENTENCE = re.compile(r"[。！？!?][”’」』]?$")


def _sentence_tail(text: str) -> bool:
    """Whether a line opens on a character that only goes on a sentence (_TAIL_OPENERS) standing as a word."""
    return text[:1] in _TAIL_OPENERS and not opens_on_word(text)


def classify_short_runs(units: list[Unit]) -> None:
    """Turn each run of short units into a title run or in-body subheads.

    A run is a title when it stands at an article boundary (page edge,
    furniture, a jump marker, or right before a byline) or looks like a
    headline (a —— subtitle, a line set across columns, a space between two
    phrases: `依法依规解决群众合理诉求 推动实现“事心双解”`). A run right after a
    byline is the article's deck or first subhead, never a title; so is one right after the
    roster of the people an interview asks (gen9 page t10601/p09, pdftotext -raw: `【訪談嘉賓】` /
    names and posts / `打進上海，但不可「打碎」上海`), whose names share no words with the
    text under it. Last, a title
    takes back the short line closing its quotation and its first line set solid
    over it (_join_title_pieces).
    """
    gapped = prints_gaps(units)
    i = 0
    while i < len(units):
        if units[i].kind != "short":
            i += 1
            continue
        j = i
        while j < len(units) and units[j].kind == "short":
            j += 1
        prev = units[i - 1] if i > 0 else None
        nxt = units[j] if j < len(units) else None
        lines = [ln for u in units[i:j] for ln in u.lines]
        if len(units[i].lines) == 1 and prev is not None and prev.kind in ("body", "open") \
                and _sentence_tail(units[i].lines[0].text) \
                and (units[i].lines[0].terminal or not _ENDS_SENTENCE.search(prev.lines[-1].text)):
            # a sentence's last words, cut at a column's foot into a block of their own (gen page p9500/p02,
            # PyMuPDF blocks: `…一天跌300 点顶多再跌13 天！` / gap / `就到底了！`): text, not a headline. After a
            # sentence's end only a tail that ends one too: a headline may open on such a character standing
            # alone (`就在你我身边`, `得与失`: session-27 review), and stops on no mark
            units[i].kind = "body"
            i += 1
            continue
        # a byline that follows body text ends that article (记者 刘涛 after the body):
        # what comes after it starts the next one
        tail_byline = _byline_closes_body(units, i - 1)
        # a run after such a byline is a title (that article's, printed after it, or the next
        # one's), never a subhead inside a body, however much the articles either side share
        # their subject (real page lswb: `…处七年以上有期徒刑。` / `辽沈晚报特派朝阳记者 张辉` /
        # `早市附近发生车祸 民警菜市场揪出逃逸车主`)
        at_edge = (nxt is None or nxt.kind in ("byline", "jump_up", "furniture")
                   # (the page's end, whatever stray lines the reader set after it: gen3 page k10047/p07,
                   # pdftotext -raw, a headline printed after its body on the page's last line, a line of
                   # names split off a line far up the page standing after it, had become a subhead)
                   or all(u.kind in OUTSIDE_FLOW for u in units[j:])
                   or prev is None or prev.kind in ("furniture", "jump_down")
                   or prev.kind == "byline" and tail_byline
                   # so does one printed at the end of the body's last sentence (gen page x9784/p10, PyMuPDF
                   # blocks: `…企业的主力军。读者 薛芳玲` / gap / `这样的报道让职工感动` / gap / the next
                   # article's lead, on workers too, which had made the headline a subhead)
                   or prev.kind == "body" and split_tail_byline(prev.text)[1] is not None
                   or _announces_title(units, j))
        looks = _set_as_headline(lines) or _phrased_run(lines)
        after_byline = (prev is not None and nxt is not None and nxt.kind != "byline" and (
            prev.kind == "byline" and not tail_byline or prev.kind == "subhead" and prev.lines[-1].kind in ROSTER_KINDS))
        if not at_edge and not after_byline:
            # between two stretches of text: one article goes on across a subhead,
            # two articles meet at a headline (issue 9: merges, split articles)
            evidence = _headline_evidence(units, i, j, lines, nxt, gapped)
            if evidence is not None:
                looks = evidence > 0
        title = (at_edge or looks) and not after_byline and len(lines) <= config.TITLE_MAX_LINES * 2
        for u in units[i:j]:
            u.kind = "title" if title else "subhead"
        if not title and prev is not None and _is_lead_in(prev):
            # `栽好梧桐引凤栖：` / `营商环境的“聊城温度”` is one two-line subhead (seed page 249-250)
            prev.kind = "subhead"
            prev.lines.extend(lines)
            del units[i:j]
            continue
        if title and prev is not None and _title_lead_in(prev, units[i - 2] if i >= 2 else None) \
                and (not lines[0].blank_before or prev.lines[0].blank_before):
            # so is a title: its first part, a source or a speaker before a colon, on a line of its
            # own right over the rest (real page gsfzb, pdftotext -raw: `岷县检察：` / `驻村帮扶助力乡村振兴`),
            # or a block of its own over it (gen page x9785/p10, PyMuPDF blocks: `（下转第17版）` / gap /
            # `农机专家李金泽：` / gap / `为农机行业搭建` / `现代化信息平台`)
            i -= 1
            lines = prev.lines + lines
        foot = _text_over_title(lines) if title else 0
        if foot:
            # the lines of text over the title are the foot of the column before it
            head, lines = [Unit("open", lines[:foot])], lines[foot:]
        else:
            head = []
        if title:
            replacement = [Unit("title", lines)]
            # a bare name under a title is its author's byline (dev page b01: 张志锋)
            # and what follows it is the deck that opens the body; not the rest of a headline's last
            # phrase that reads as a name (gen page t9741/p03, plain pdftotext: `居家养老有“医”靠 安宁疗护有` /
            # `温度`, _rest_in_title)
            # (nor a headline's rest that finishes a word of the text around it, wrapped at the headline's own
            # measure: gen page x9783/p03, PyMuPDF blocks: `中宣部人事部表彰我驻南新` / gap / `闻工作者`, word_across)
            b = next((k for k in range(1, len(lines))
                      if is_bare_names(lines[k].text) and not number_rest(lines[k - 1].text, lines[k].text)
                      and not parallel_phrase(lines[k - 1], lines[k], lines[k + 1] if k + 1 < len(lines) else None)
                      and not _rest_in_title(lines[k - 1], lines[k])
                      # (nor one over a —— subtitle: no author stands between a headline and its subtitle, gen3
                      # page k10046/p02, pdftotext -raw: `建设凝聚强大智慧` / `和力量` / `——热烈祝贺…`)
                      and not (k + 1 < len(lines) and lines[k + 1].text.startswith(DASH))
                      and not word_across(lines[k - 1].text, lines[k].text,
                                          text_window(units, range(i - 1, -1, -1), config.COHESION_BEFORE_CHARS)
                                          + text_window(units, range(j, len(units)), config.COHESION_AFTER_CHARS))),
                     None)
            if _author_over_lead(prev, lines, nxt):
                lines[0].kind = "byline"
                replacement = [Unit("byline", lines[:1])]
                if lines[1:]:
                    replacement.append(Unit("subhead", lines[1:]))
            elif b is not None and (nxt is None or nxt.kind != "byline"):
                lines[b].kind = "byline"
                replacement = [Unit("title", lines[:b]), Unit("byline", [lines[b]])]
                if lines[b + 1:]:
                    replacement.append(Unit("subhead", lines[b + 1:]))
            elif len(lines) > 1 and SECTION_LABEL.match(lines[-1].text):
                # a label under a title (`攥指成拳 生威发力` / `(一)`) opens the body's first section
                replacement = [Unit("title", lines[:-1]), Unit("subhead", lines[-1:])]
            elif _lead_start(lines, nxt) < len(lines):
                # a line of clauses under a title is the first line of the lead, cut from the rest of
                # its paragraph (real page lswb, PyMuPDF: `早市附近发生车祸民警菜市场揪出逃逸车主` /
                # `8旬老人在医院住院，清晨出来想回家吃饭，没想到，刚出` / `医院大门，…`)
                k = _lead_start(lines, nxt)
                replacement = [Unit("title", lines[:k]), Unit("open", lines[k:])]
            replacement[:0] = head
            units[i:j] = replacement
            j = i + len(replacement)
        i = j
    _join_title_pieces(units)


def _join_title_pieces(units: list[Unit]) -> None:
    """Each title joined with the unit next to it that is a piece of it printed apart (_quote_rest, _title_head)."""
    for k in range(len(units) - 2, -1, -1):
        u, nxt = units[k], units[k + 1]
        if _quote_rest(u, nxt) or _title_head(units, k):
            units[k:k + 2] = [Unit("title", u.lines + nxt.lines)]


def _quote_rest(title: Unit, rest: Unit) -> bool:
    """Whether rest is a short line closing the quotation a title leaves open: the title's rest.

    A headline closes its quotes; wrapped at a narrow measure, a block extractor prints its last
    characters apart, and the line ending a sentence reads as a paragraph of the body (gen3 page
    k10075/p05, PyMuPDF blocks: `“这才是真正的河` / gap / `南！”` / gap / the lead).
    """
    return title.kind == "title" and rest.kind in ("title", "body", "open", "short") and len(rest.lines) == 1 \
        and len(rest.lines[0].text) <= config.TITLE_QUOTE_REST_MAX_CHARS and closes_quotation(title.text, rest.text)


def _title_head(units: list[Unit], k: int) -> bool:
    """Whether units[k], one line with no clause over the title units[k + 1], is its first line: the title finishes its last word.

    A block extractor may print a headline's first line in the block of the text before it, set solid
    under its last sentence, and the rest apart (gen3 page k10040/p06, PyMuPDF blocks: `…快速增长。` /
    `国务院联防联控机制印发通知 进` / gap / `一步指导各地落实分区分级差异` / gap / `化防控策略`): read as a
    paragraph of one line, it had closed the report before. Text does not go on into a headline, so a
    word cut between the two (进 / 一步, lexicon.cuts_word) is the headline's own; so is one the text
    under the title prints whole (gen9 page t10608/p03, PyMuPDF blocks: `全民免費檢測 最快兩` / gap /
    `周後展開`, its lead saying 最快兩周; the lexicon holds no traditional characters' words).
    """
    head, title = units[k], units[k + 1]
    if not (title.kind == "title" and head.kind in ("body", "open") and len(head.lines) == 1
            and title.lines[0].blank_before and _NO_CLAUSE.match(head.lines[0].text) is not None):
        return False
    upper, lower = head.lines[0].text, title.lines[0].text
    return cuts_word(upper, lower) or word_across(upper, lower, text_window(units, range(k + 2, len(units)),
                                                                           config.COHESION_AFTER_CHARS))


#: a sentence's end inside a line, with more of the text after it on the line
_STOP_INSIDE = re.compile(r"[。！？!?][^”’」』）)\s]")


#: a sentence's end or a clause mark
_SENTENCE_MARKS = re.compile(r"[。！？!?，、；,;]")


def _text_over_title(lines: list[Line]) -> int:
    """How many lines at the head of a title run are text cut at a column's foot: 0 when none are.

    Plain pdftotext reads the last lines of a column that stop short of its foot without a
    sentence end together with the title set apart under them (gen page y9793/p03: `(五)` /
    `大家不要太担心了，股市快见底了！` / `一天跌 300 点顶多再跌 13 天！就到` / gap / the next
    article's headline): a line that ends a sentence and goes on after it is a paragraph's, as
    no title line is, where the lines down to the gap under it hold a sentence's marks
    (TEXT_OVER_TITLE_MIN_MARKS; a headline may ask a question and go on: `60万"12306账号"` /
    `外泄？中铁总辟谣`, gen page x9786/p08). Those lines, with no gap among them, are the text;
    the title starts at that gap.
    """
    last = max((k for k, ln in enumerate(lines[:-1]) if _STOP_INSIDE.search(ln.text)), default=-1)
    gap = next((k for k in range(last + 1, len(lines)) if lines[k].blank_before), None) if last >= 0 else None
    if gap is None or any(ln.blank_before for ln in lines[1:gap]):
        return 0
    marks = sum(len(_SENTENCE_MARKS.findall(ln.text)) for ln in lines[:gap])
    return gap if marks >= config.TEXT_OVER_TITLE_MIN_MARKS else 0


def _announces_title(units: list[Unit], j: int) -> bool:
    """Whether units[j], a block of a few lines that stops on a colon, stands right over a title block: its lead-in.

    A colon announces what follows it, and no article ends on one: a sentence set apart that
    stops on a colon over a title set apart introduces that title (a teaser box, 导读:
    `…出版的第20期《求是》` / `杂志发表习近平总书记重要文章：` / gap / `《在文艺工作座谈会上的讲话》`,
    real page zghysyb, PyMuPDF blocks), so it is no body that the short run over it goes on into:
    that run stands at an article's edge (there, the headline of the commentary printed after its
    body, which had become a subhead of it). Both set apart, as a box prints: a colon inside a
    paragraph introduces a quotation that the text goes on into (real page rmrb-20180112-07,
    pdftotext: `本纪》中只记一句话：` / `“（万历二十八年十二月）大西洋利玛`).
    """
    if j + 1 >= len(units):
        return False
    u, nxt = units[j], units[j + 1]
    return (u.kind in ("body", "open") and u.lines[-1].text[-1] in "：:" and u.lines[0].blank_before
            and nxt.kind == "short" and nxt.lines[0].blank_before
            and len(u.lines) <= config.TITLE_LEAD_IN_MAX_LINES)


def _lead_start(lines: list[Line], nxt: Unit | None) -> int:
    """Where the lead's first lines begin at the foot of a title run; len(lines) when none do.

    A line of clauses (two commas) is a sentence's, and so is a line that stops on a comma or an
    enumeration comma: no headline's last line leaves its phrase open. Plain pdftotext breaks a
    deck's lines after such marks, so a short piece of the lead may stand under the title (real page
    lswb-20210323-05: `海葬有补贴 树葬等减千元购墓费用` / `每份海葬骨灰补贴 400 元、` / `选择树葬、`).
    So is a last line as wide as a paragraph's first whose indent the extractor dropped (full_as_first)
    and whose number the text under it (nxt) goes on with: the lead's first line (gen3 page k10040/p05,
    pdftotext -raw, a headline printed after its body: `股民跌成段子手` / `计划投资2000` / `亿元的大连太平湾`,
    the next report's lead). A headline's last line ending on a year over a lead opening on 年 is narrower.
    So is a last line holding only a date that the text under it goes on from (date_goes_on; gen10 page
    u10703/p01, pdftotext -raw: `…搭建现代化信息平台` / `2004年3月20日` / `至5月7日，来自…`).
    """
    k = len(lines)
    if k > 1 and nxt is not None and nxt.kind in ("body", "open") and (
            lines[-1].full_as_first() and number_rest(lines[-1].text, nxt.lines[0].text)
            or date_goes_on(lines[-1].text, nxt.lines[0].text)):
        k -= 1
    while k > 1 and not lines[k - 1].terminal and (
            lines[k - 1].text[-1] in "，、" or k == len(lines) and lines[k - 1].text.count("，") >= 2):
        k -= 1
    return k


def _author_over_lead(prev: Unit | None, lines: list[Line], nxt: Unit | None) -> bool:
    """Whether a title run opening the page's text is only an author's bare names (is_author_line) over a body.

    A headline is never a bare name; the author of an essay is set between its headline and its
    lead, and where pdftotext reads the headline elsewhere in the stream (set across columns, or
    after the body), the name is left alone over the lead (real page rmrb-20180109-07, pdftotext:
    `尹蔚民` over `社会保障是民生安全网、…`, the headline read ~400 lines on). Only at the top of
    the stream (under the page's header, if any): further on, a short line over a lead that reads
    as a name is as often a headline's or a lead's first word (`高新区` after a closing byline).
    The name may stand over a deck that opens the body, a line or two of clauses, where pdftotext -raw
    reads the headline after the body (gen page x9785/p08: `张志锋` / `扶贫要多做打基础、利长远的实事，` /
    `持续用力，久久为功` / the lead), every line of it holding a clause, as no headline under a kicker does;
    wrapped in a narrow column, its clauses fall across the lines, a mark for each line but the last
    (gen page n9400/p12, PyMuPDF blocks: `扶贫要多做打` / `基础、利长远的实` / `事，持续用力，久` / `久为功`).
    """
    return ((prev is None or prev.kind == "furniture") and nxt is not None and nxt.kind in ("body", "open")
            and _deck_of_clauses(lines[1:]) and is_author_line(lines[0].text))


def _deck_of_clauses(deck: list[Line]) -> bool:
    """Whether lines under an author's name are a lead's deck of clauses (no line at all counts).

    A clause mark on every line, or, over AUTHOR_DECK_MIN_LINES lines or more, one for each line but the last.
    """
    return (all(CLAUSE_MARK.search(ln.text) for ln in deck)
            or len(deck) >= config.AUTHOR_DECK_MIN_LINES
            and len(CLAUSE_MARK.findall(text_of(deck))) >= len(deck) - 1)


def prints_gaps(units: list[Unit]) -> bool:
    """Whether the page's text prints a gap (a blank line) where its blocks part, as pdftotext and PyMuPDF blocks do.

    pdftotext -raw and PyMuPDF's plain text print almost none (under 1% of lines, on every page of
    the development sets and the real ones); the others 3-23% (PAGE_GAPS_MIN_SHARE).
    """
    text = [ln for u in units for ln in u.lines if ln.kind == "text"][1:]  # (the first opens the page, after no gap)
    return sum(ln.blank_before for ln in text) >= config.PAGE_GAPS_MIN_SHARE * len(text) > 0


def _headline_evidence(units: list[Unit], i: int, j: int, lines: list[Line], nxt: Unit | None,
                       gapped: bool) -> float | None:
    """How strongly a short run between two stretches of text is a headline rather than a subhead.

    A sum of named features (config.py, "headline or subhead"); positive means
    headline. None when there is too little text either side to measure
    cohesion, the feature that carries most of the decision. gapped: the page
    prints gaps where its blocks part (prints_gaps).
    """
    before = text_window(units, range(i - 1, -1, -1), config.COHESION_BEFORE_CHARS)
    after = text_window(units, range(j, len(units)), config.COHESION_AFTER_CHARS)
    if min(len(before), len(after)) < config.COHESION_MIN_CHARS:
        return None
    if _set_as_headline(lines) or len(lines) == 1 and briefs_name(lines[0].text):
        # a —— subtitle or a line set across columns; or a briefs column's name (要闻简报), which heads items of
        # their own, whatever they share with the text over it (gen3 page k10051/p10, plain pdftotext)
        return config.HEADLINE_STRONG
    # (cohesion last: its bigram sets of both windows are the costliest feature)
    score = (config.COHESION_MIDPOINT - cohesion(before, after)) / config.COHESION_SCALE
    if _wider_than_column(lines):
        score += config.HEADLINE_WIDE
    if _phrased_run(lines):
        score += config.HEADLINE_PHRASE_GAP
    if nxt is not None and opens_on_date(nxt.lines[0].text):
        score += config.HEADLINE_DATED_LEAD
    if SECTION_LABEL.match(lines[0].text) and (len(lines) == 1 or _next_in_series(units[:i], lines[0].text)):
        # a label alone is a section's; one over a line is a kicker, unless it numbers the next of the
        # sections before it (gen pages t9746/p10, t9741/p05, PyMuPDF blocks: subheads `骗局之1`, `骗局之2`,
        # then `骗局之3` / `干细胞美容：纯属概念炒作` had become a headline, the section a new article)
        score -= config.SUBHEAD_LABEL
    elif len(lines) == 1 and SIDEBAR_NAME.match(lines[0].text):
        # a box of the article's own (gen page v10803/p02, plain pdftotext: `…为无序拆房“埋单”吗？` / gap /
        # `附件` / the month's accident figures, few of the report's words: a one-word title, the list an
        # untitled article)
        score -= config.SUBHEAD_LABEL
    # (not under lines of clauses: there the 'name' is a sentence's next words that pdftotext -raw
    # broke off, real page gsfzb: `…了解到李俊义有扩大养殖规模的想法，及` / `时与村`)
    if len(lines) >= 2 and (is_author_line(lines[-1].text) and not number_rest(lines[-2].text, lines[-1].text)
                            or _name_under_whole_line(lines[-2], lines[-1])) \
            and not any(CLAUSE_MARK.search(ln.text) for ln in lines[:-1]):
        score += config.HEADLINE_AUTHOR
    if gapped and not lines[0].blank_before and nxt is not None and not nxt.lines[0].blank_before:
        # set solid between two paragraphs on a page that parts its blocks with gaps: a line of the
        # column's own text block (gen pages s9952/p03, w9963/p07, PyMuPDF blocks: `…美好憧憬。` /
        # `振奮，聆聽時代進步足音` / `10月的北京已露秋寒。…`, two sections sharing few words)
        score -= config.SUBHEAD_SET_SOLID
    if j - i >= config.HEADLINE_STACKED_BLOCKS and not any(MID_SENTENCE.search(ln.text) for ln in lines):
        # (pdftotext -raw breaks body lines after commas: a stack of such pieces is a sentence)
        score += config.HEADLINE_STACKED
    return score


#: a section label's number at its end, perhaps in brackets or before a mark: 骗局之3, (三), 四、
_LABEL_NUMBER = re.compile(r"([一二三四五六七八九十]|\d{1,2})([)）、.]?)$")


_HAN_NUMBERS = "一二三四五六七八九十"


def _next_in_series(before: list[Unit], label: str) -> bool:
    """Whether a numbered section label (骗局之3) follows a subhead before it numbered one less (骗局之2)."""
    m = _LABEL_NUMBER.search(label)
    if m is None:
        return False
    num = m.group(1)
    if num.isdigit():
        prev = str(int(num) - 1)
    else:
        k = _HAN_NUMBERS.index(num)
        if k == 0:
            return False
        prev = _HAN_NUMBERS[k - 1]
    wanted = label[:m.start()] + prev + m.group(2)
    return any(u.kind == "subhead" and u.lines[0].text == wanted for u in before)


def _name_under_whole_line(upper: Line, ln: Line) -> bool:
    """Whether ln, a two-character name alone, stands under a title line that ends on a closing mark.

    A lone two-character word that opens with a surname is as often a headline's wrapped tail
    (is_author_line); under a line closed by a quotation mark or a bracket, which no headline
    wraps inside, it is the author's name (gen page r9733/p06, PyMuPDF blocks:
    `劳伦斯：一个无法定义的“洛克菲勒”` / `黄宇`).
    """
    return len(ln.text) == 2 and upper.text[-1] in _CLOSING_MARKS and is_bare_names(ln.text)


def past_edge(ln: Line) -> bool:
    """Whether a printed line (not one joined from pieces) runs past its column's edge by more than twice a full line's slack.

    Stricter than _past_column (a subtitle's wider measure): a line this far past the edge is set over two columns.
    """
    return ln.width > ln.column + 2 * ln.slack and not ln.last


def _set_wide(ln: Line) -> bool:
    """Whether a line runs past its column's edge (past_edge), holding no comma or stop: set over two columns."""
    return past_edge(ln) and not CLAUSE_MARK.search(ln.text)


def _wider_than_column(lines: list[Line]) -> bool:
    """Whether a run of phrase lines has a line wider than the column it stands in.

    A subhead is printed inside its column; a line that runs past the column's edge
    by more than the squeeze of a full line (twice its slack) is set over two
    columns, as a headline is (real page zghysyb, PyMuPDF blocks: `中国海油“海能”人工
    智能模型发布`, 16 columns over 13.5-column text; cohesion cannot tell there, every
    article of an industry paper names the company). Lines joined from pieces (last)
    are as wide as two printed lines, and a line holding a comma or a full stop is a
    sentence's, whatever its width (pdftotext -raw).
    """
    return any(_set_wide(ln) for ln in lines) and not any(CLAUSE_MARK.search(ln.text) for ln in lines)


def _set_as_headline(lines: list[Line]) -> bool:
    """Whether a short run is set as a headline: a line opening on a —— subtitle, or one set across columns."""
    return any(ln.text.startswith(DASH) or ln.overfull for ln in lines)


def text_window(units: list[Unit], order: range, limit: int) -> str:
    """Up to limit characters of text from the units in order, stopping at a title or furniture.

    It stops at a byline too, once it holds COHESION_EDGE_MIN_CHARS: a reporter line stands at
    an article's edge, so the text past it is another article's, which would dilute the
    cohesion across a subhead near an article's end (gen page text-5023/p08, pdftotext -raw:
    `街市提早一小時關門消毒`, its short last section, the article's byline, then the next
    article, read as a headline). A dateline is no such edge: under an editor's note it opens
    the report of the same article (gen pages, 钱江晚报: `编者按` / … / `本报讯`). Read forward it
    stops at a jump marker (（下转第5版）) and read back at one that resumes an article (（上接第1版））:
    the text past it is another article's, whose words diluted the cohesion across the subhead
    of a last short section, read as a new article's headline (gen pages u9766/p04, t9744/p01, PyMuPDF blocks: `热爱自然` / two
    sentences / `（下转第5版）` / the next article's title and text); once it holds COHESION_MIN_CHARS,
    so that a section too short to measure is still measured with the text past the marker.
    For the same reason, and as far in, it stops read forward after a short run set as a headline
    (_set_as_headline: gen3 page k10034/p04, plain pdftotext: a section of 180 characters under
    `振奮，聆聽時代進步足音`, then `亮亮百姓“粮仓家底”` / `——专访…` and that report's lead, whose words had
    made the subhead a headline) or holding a headline's phrases (_phrased_run: gen9 page t10601/p01, plain
    pdftotext: `平均每户损失42万` over 110 characters, then `60万"12306账号"外泄? 中铁总辟谣称消息不实`; on the
    2,463 text pages checked, +14 -1). The run's own words stay in: printed after its body, the headline
    is the section's article's. Not at a run over a reporter line: tried, that lost two articles of
    real pdftotext -raw pages (zghysyb, gsfzb), where the window cut short there held too few words
    for the cohesion to tell (a headline printed after its body stands over the next report's byline).
    """
    parts: list[str] = []
    n = 0
    for k in order:
        u = units[k]
        if u.kind in ("title", "furniture") or (u.kind == "byline" and n >= config.COHESION_EDGE_MIN_CHARS
                                                and not any(match_dateline(ln.text) for ln in u.lines)):
            break
        if u.kind == ("jump_down" if order.step > 0 else "jump_up") and n >= config.COHESION_MIN_CHARS:
            break
        if u.kind in ("jump_up", "jump_down", "stray", "caption"):
            continue
        t = u.text
        parts.append(t)
        n += len(t)
        if n >= limit:
            break
        if order.step > 0 and u.kind == "short" and n - len(t) >= config.COHESION_MIN_CHARS \
                and (_set_as_headline(u.lines) or _phrased_run(u.lines)):
            break
    if order.step < 0:
        parts.reverse()
        return "".join(parts)[-limit:]
    return "".join(parts)[:limit]


def _colon_line(unit: Unit) -> bool:
    """Whether a unit is a body's one line ending in a colon."""
    return unit.kind == "body" and len(unit.lines) == 1 and unit.lines[0].text.endswith(("：", ":"))


def _is_lead_in(unit: Unit) -> bool:
    """Whether a unit is one short line ending in a colon: the first line of a two-line subhead."""
    return _colon_line(unit) and not unit.lines[0].full


def _title_lead_in(unit: Unit, before: Unit | None) -> bool:
    """Whether a unit over a title run (before it: the unit over it, if any) is that title's first part, a lead-in.

    As over a subhead (_is_lead_in), or a line filling its column with no clause, opening after a finished
    sentence, a byline or a jump marker: a headline's speaker, named in a larger type than the title lines
    under it are counted in (gen10 page u10702/p05, PyMuPDF blocks: `…权威性。` / `作者：李金磊` / gap /
    `农机专家李金泽：`, 8 columns over the 7 of `为农机行业搭建` / `现代化信息平台`). A paragraph's line so
    full ending on a colon goes on into its quotation, and one that a sentence runs on into is text (real
    page zghysyb-20241016-01, pdftotext -raw: `…出版的第20期` / `《求是》` / `杂志发表习近平总书记重要文章：` /
    the teaser's title).
    """
    if not _colon_line(unit):
        return False
    ln = unit.lines[0]
    return not ln.full or not CLAUSE_MARK.search(ln.text) and (
        before is None or before.kind in ("byline", "jump_down", "furniture") or before.lines[-1].terminal)
