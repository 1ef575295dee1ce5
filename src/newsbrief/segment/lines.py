"""Page lines with the features segmentation reads: width, punctuation, role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import accumulate

from .. import config
from ..text.normalize import display_width, normalize_line, normalize_text
from .byline import (BULLETS, is_bare_names, is_reporter_line, match_dateline, may_close_on_byline, opens_on_date,
                     split_tail_byline, starts_with_surname, surname_rank)

#: a sentence ends here: 。！？…；：!? possibly followed by closing quotes/brackets.
#: A bare closing quote does not end a sentence: titles end with one
#: (dev page b07: `脱贫不能“等靠要”，而要“加油 / 干”`).
_TERMINAL = re.compile(r"[。！？…；：!?;][”’」』）)》\]]*$|\.{3,}$|[。！？]\s*[）)]$")
#: the marks _TERMINAL's first branch opens with: a line ending on one ends a sentence (keep the two together)
_STOPS = frozenset("。！？…；：!?;")

#: characters of a line's end that _TERMINAL can need: a mark and up to eleven closing quotes and brackets
_TERMINAL_TAIL = 12

#: the characters a line that _TERMINAL or _NOTE matches can end with
ENDING_MARKS = frozenset("。！？…；：!?;”’」』）)》].")

#: a whole line in brackets is a complete note (（讲话全文见第二版）), never a wrapped sentence or a headline
_NOTE = re.compile(rf"^[（(][^（()）]{{2,{config.NOTE_MAX_CHARS - 2}}}[）)]$")

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PAGE = r"[0-9一二三四五六七八九十〇零百A-Za-z]{1,4}"
#: （下转第8版） （上接第1版） (下转二版) and friends (conventions.md, "Jumps").
JUMP = re.compile(rf"[（(]\s*(?P<dir>[上下])\s*[转接轉]\s*第?\s*(?P<page>{_PAGE})\s*版\s*[)）]")
#: a whole line that is only 下转第8版 / 转8版 / 详见第5版▶ without brackets.
JUMP_BARE = re.compile(rf"^(?:(?P<dir>[上下])\s*)?[转接轉]\s*第?\s*(?P<page>{_PAGE})\s*版\s*[▶►>]?$")

#: an editor's role in a staff credit (FURNITURE, STAFF_CREDITS)
_EDITOR_ROLE = r"责任编辑|本版编辑|编辑|責任編輯|美编|美編|校对|校對|版式|责编|制图|排版|责任校对"
#: masthead and page-header lines (conventions.md, "Page furniture"): editor
#: credits (责任编辑：X, 本期值班副总编/ X: real page zghysyb), serial numbers, 今日N版, a bare 第N版.
FURNITURE = re.compile(
    rf"(?:{_EDITOR_ROLE}|(?:本期)?值班(?:副)?总编)\s*[：:/／]"
    r"|今日\s*\d+\s*版|第\s*[0-9一二三四五六七八九十]+\s*版$")
#: a staff line naming the page's editors with no colon (real page lswb-20210323-05, pdftotext: `编辑 白琳`; a PDF's
#: `本版编辑 王静 美术编辑 李明 校对 张华` just above its footer band was read into an article's body between
#: its columns, session 38): editors' roles, each with a space and names after it, and nothing else on the line
STAFF_CREDITS = re.compile(
    rf"(?:(?:美术编辑|{_EDITOR_ROLE})\s+[\u4e00-\u9fff·]{{2,4}}(?:\s+[\u4e00-\u9fff·]{{2,4}})*\s*)+$")
#: the characters a FURNITURE or STAFF_CREDITS match opens with: looked for first, since most lines open with none
#: of them (keep the two together: a pattern added without its first character never matches)
_FURNITURE_FIRST = frozenset("责本编責美校版制排值今第")
#: a campaign banner printed across a page over its articles (通栏口号: real pages rmrb-20180109-07,
#: rmrb-20180112-07, `认真学习宣传贯彻党的十九大精神`): the slogan to study and carry out a congress's
#: spirit or a leader's thought, a line of its own; no article's kicker or headline (pdftotext prints it
#: over the first title under it, whose kicker it became)
_CAMPAIGN_BANNER = re.compile(r"^(?:认真|深入|全面|坚持|持续)?学习(?:宣传)?贯彻\S*(?:精神|思想)$")
#: the paper's contact lines printed among a page's columns (real page gsfzb: `新闻热线：0931-8151111`,
#: `邮箱：fzb8151111@163.com` between two lines of one paragraph): a phone number or an address, nothing else
_CONTACT_LABELS = "新闻热线|新聞熱線|热线电话|热线|熱線|投稿邮箱|电子邮箱|邮箱|郵箱|传真|傳真|电话|電話"
_CONTACT_CHARS = r"[0-9A-Za-z@._\-（）()\s]"  # what a number or an address is written with
_CONTACT = re.compile(rf"^(?:{_CONTACT_LABELS})\s*[：:]\s*{_CONTACT_CHARS}+$")
#: masthead lines: serial numbers and the paper's owners (中国海洋石油集团有限公司主管主办, real page zghysyb).
#: is_furniture looks first for what every match holds (号 CN 主管 主办), since most lines hold none
#: of them: keep the two together, a pattern added without its hint never matches
FURNITURE_ANYWHERE = re.compile(r"国内统一连续出版物号|国内统一刊号|邮发代号|CN\s*\d{2}\s*[-－]\s*\d{4}|主管\s*主办|主管单位|主办单位")
_DATE_FULL = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|农历")
_PAGE_NO = re.compile(r"第\s*[0-9一二三四五六七八九十]+\s*版|(?<![A-Za-z0-9])[A-D]\d{2}(?![0-9])")


def page_number(token: str) -> str:
    """A page number as digits where it is a number (第八版 -> '8'); else as printed."""
    token = token.strip()
    if token.isdigit():
        return str(int(token))
    if all(c in _CN_DIGITS or c in "十百" for c in token):
        total, cur = 0, 0
        for c in token:
            if c == "百":
                total += (cur or 1) * 100
                cur = 0
            elif c == "十":
                total += (cur or 1) * 10
                cur = 0
            else:
                cur = _CN_DIGITS[c]
        return str(total + cur)
    return token


def is_note(text: str) -> bool:
    """Whether text is one complete note in brackets: （作者为中国财政科学研究院研究员）, （讲话全文见第二版）."""
    return bool(_NOTE.match(text))


def unclosed_bracket(text: str) -> bool:
    """Whether text opens more brackets than it closes."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def open_quote(text: str) -> bool:
    """Whether text opens more quotations (“) than it closes."""
    return text.count("“") > text.count("”")


def open_quotation(text: str) -> bool:
    """Whether text leaves a quotation open, in mainland (“) or Hong Kong and Taiwan (「) marks."""
    return open_quote(text) or text.count("「") > text.count("」")


def closes_quotation(head: str, rest: str) -> bool:
    """Whether rest closes the quotation head leaves open: the rest of one headline, whatever gap stands between."""
    return open_quotation(head) and not open_quotation(head + rest)


def opens_bracket(text: str) -> bool:
    """Whether text opens with a bracket that it does not close: a note going on in the next line."""
    return text[:1] in "（(" and unclosed_bracket(text)


def is_terminal(text: str) -> bool:
    """Whether a line ends a sentence (and so may end a paragraph).

    A sentence followed by the article's byline (`…主力军。读者 薛芳玲`) ends
    there too: the byline closes the text (gen pages, issue 9).
    """
    # most lines end in an ideograph: only a line ending in a mark can end a sentence or be a note
    # (_TERMINAL searched in the line's tail only: it is anchored at the end, and a search of the
    # whole line tries every position)
    last = text[-1:]
    if last in _STOPS:
        return True  # (_TERMINAL's first branch, with no closing quote: most sentences end so)
    if last in ENDING_MARKS and (_TERMINAL.search(text[-_TERMINAL_TAIL:]) or _NOTE.match(text)):
        return True
    if last in _CREDIT_LAST and _CAPTION.search(text):
        # a photo's caption ends its sentence, then names who took it (gen page q10307/p05, a photo story:
        # `…加紧订单生` / `产。 张凯峰摄（影像中国）`, read as a headline's last line over the next caption)
        return True
    # (split_tail_byline's first look asked of the whole line before the call: most lines hold no role word)
    return may_close_on_byline(text) and split_tail_byline(text)[1] is not None


#: a character that each hint of is_furniture's last tests holds (a colon; 号 CN 主管 主办; 年 星期 农历):
#: keep it with them, a test whose hint holds none of these is never asked
_FURNITURE_HINT_CHARS = "：:号C主年星农"
_FURNITURE_HINT = re.compile(f"[{_FURNITURE_HINT_CHARS}]")


_HEADER_FIELD = re.compile(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期[一二三四五六日天])?"
                           r"|[\u4e00-\u9fff]{2,6}(?:日报|晚报|都市报|时报|商报|日報|晚報))$")


def is_furniture(text: str, hinted: bool | None = None) -> bool:
    """Whether a line is page furniture: masthead, page header, editor credits, the paper's contact lines.

    hinted: whether the line holds a character of _FURNITURE_HINT, where the caller knows (read_lines
    finds the lines that do over its whole page at once); else the line is searched for one.
    """
    if not text:
        return False
    # by what it opens or closes with: an editor's credit, a page header's date or paper (a first or last
    # character looked at before each pattern: most lines open and close with none of them)
    first = text[0]
    if first in _FURNITURE_FIRST and (FURNITURE.match(text) or STAFF_CREDITS.match(text)) \
            or (first.isdigit() or text[-1] in "报報") and _HEADER_FIELD.match(text):
        return True
    if hinted is None:
        hinted = _FURNITURE_HINT.search(text) is not None
    return hinted and _hinted_furniture(text)


def campaign_banner(text: str) -> bool:
    """Whether a line is a campaign slogan printed as a banner over a page (学习贯彻…精神).

    (its last character looked at first: most lines end on neither 神 nor 想; a body line
    that holds the slogan runs past it, or is longer than a banner is set)
    """
    return text[-1] in "神想" and len(text) <= config.CAMPAIGN_BANNER_MAX_CHARS \
        and _CAMPAIGN_BANNER.match(text) is not None


def _hinted_furniture(text: str) -> bool:
    """Whether a line holding a character of _FURNITURE_HINT is furniture: a contact, masthead or page-header line.

    (asked only of such lines: is_furniture searches a line for them, read_lines its whole page)
    """
    if ("：" in text or ":" in text) and _CONTACT.match(text):
        return True
    if ("号" in text or "CN" in text or "主管" in text or "主办" in text) and FURNITURE_ANYWHERE.search(text):
        return True
    # a page header names a date and a page: 齐鲁晚报 2025年4月16日 第1版 要闻; a body line
    # that ends on a date and a jump marker does too (gen page f9001/p07: `2004年5月25日，（下转
    # 第10版）`, the last line of a column at the page's foot), but points to another page
    # what _DATE_FULL needs, looked for first (keep the two together): a line holding a year's 年
    # and no day is body text more often than not
    dated = "年" in text and "月" in text and "日" in text or "星期" in text or "农历" in text
    return bool(dated and _DATE_FULL.search(text) and _PAGE_NO.search(text) and not JUMP.search(text))


def find_all(text: str, chars: str | tuple[str, ...]) -> list[int]:
    """Every position in text of any of chars, characters or words (read_lines, and byline_pass over its page).

    (str.find a character at a time: over the seed page 13 µs against 68 µs for a regex character
    class of the same characters, which tests every character of the page against the class)
    """
    found = []
    for c in chars:
        at = text.find(c)
        while at >= 0:
            found.append(at)
            at = text.find(c, at + 1)
    return found


def rows(page: str, positions: list[int]) -> list[int]:
    """The numbers (from 0) of the lines of page (lines joined by newlines) that hold positions, in order, once each.

    (the newlines counted from one position to the next: counted from the page's start for each
    position, a page with many positions was read from its start that many times)
    """
    found: list[int] = []
    row = start = 0
    for at in sorted(positions):
        row += page.count("\n", start, at)
        start = at
        if not found or found[-1] != row:
            found.append(row)
    return found


#: quotation marks, which a CJK font may set half-width (config.SQUEEZED_MARK_WIDTH)
_QUOTE_MARKS = "“”‘’"


@dataclass(slots=True)
class Line:
    """One non-blank line of a page, normalised, with the features segmentation uses."""

    no: int  # 1-based line number in the source file
    text: str
    width: float  # display width of the printed line (before any split)
    indent: bool  # printed with a leading indent (　　 or two spaces)
    blank_before: bool
    kind: str = "text"  # text | furniture | jump_down | jump_up | byline | stray | caption | roster | roster_more
    page: str | None = None  # the page a jump marker points to
    column: float = 0.0  # estimated width of the column the line sits in
    widest_column: float = 0.0  # the wider of the columns before and after it
    runs_on: bool = False  # the lead after a dateline on the same line: always wraps
    last: int = 0  # a line joined from several (printed vertically, broken after commas): the last one's number
    terminal: bool = field(init=False)
    slack: float = field(init=False)  # these three: set_column, or _place_outside for lines in no column
    full: bool = field(init=False)
    overfull: bool = field(init=False)

    def __post_init__(self) -> None:
        self.terminal = is_terminal(self.text)  # whether the line ends a sentence
        if self.column:  # a line split from a measured one; others are measured in read_lines
            self.set_column(self.column, self.widest_column)

    def set_column(self, column: float, widest: float) -> None:
        """Place the line in a column and work out what its width means there.

        full: it runs to the column's edge (a wrap, not an ending);
        overfull: it is far wider than its column, set across columns like a headline.
        """
        self.column, self.widest_column = column, widest
        # (conditional expressions, not max(): this runs for every line of every page)
        slack = config.FULL_LINE_SLACK_FRACTION * column
        self.slack = slack if slack > config.FULL_LINE_SLACK_COLUMNS else config.FULL_LINE_SLACK_COLUMNS
        self.full = self.width >= column - self.slack
        col = column if column > widest else widest
        over, extra = col * config.OVERFULL_RATIO, col + config.OVERFULL_MIN_EXTRA_COLUMNS
        limit = over if over > extra else extra
        # (quotes counted at their narrowest only for a line past the limit: few are)
        self.overfull = self.width > limit and self.width - (1 - config.SQUEEZED_MARK_WIDTH) * sum(
            map(self.text.count, _QUOTE_MARKS)) > limit

    @property
    def end(self) -> int:
        """The number of the line's last source line (itself, unless joined from several)."""
        return self.last or self.no

    def full_as_first(self) -> bool:
        """Whether the line is full as a paragraph's first line, whose indent the extractor dropped."""
        return self.width >= self.column - self.slack - config.PARAGRAPH_INDENT_COLUMNS


def _split_jumps(no: int, text: str, width: float, indent: bool, blank: bool) -> list[Line]:
    """A line, with any jump marker at its start or end split off as its own Line."""
    bare = JUMP_BARE.match(text)
    if bare and (bare.group("dir") or "下") == "下" and text.startswith(("下", "转", "轉")):
        return [Line(no, text, width, indent, blank, "jump_down", page_number(bare.group("page")))]
    out: list[Line] = []
    rest = text
    m = JUMP.match(rest)
    if m and m.group("dir") == "上":
        out.append(Line(no, m.group(0), width, indent, blank, "jump_up", page_number(m.group("page"))))
        rest = rest[m.end():].strip()
    tail = None
    found = list(JUMP.finditer(rest))
    m2 = found[-1] if found else None
    if m2 and m2.end() == len(rest) and m2.group("dir") == "下":
        tail = Line(no, m2.group(0), width, False, False, "jump_down", page_number(m2.group("page")))
        rest = rest[:m2.start()].strip()
    if rest:
        out.append(Line(no, rest, width, indent and not out, blank and not out))
    if tail:
        out.append(tail)
    return out


def text_of(lines: list[Line]) -> str:
    """The lines' texts run together, as the printed text they were wrapped from."""
    return "".join([ln.text for ln in lines])


def read_lines(text: str) -> list[Line]:
    """The page's non-blank lines, normalised, jump markers split off, columns estimated."""
    lines: list[Line] = []
    blank = True
    raw_lines = text.split("\n")
    # one pass over the whole page is several times faster than line by line
    page = normalize_text(text)
    norm_lines = page.split("\n")
    # the lines holding a character that is_furniture's last tests need, found over the page at once:
    # most lines hold none, and a search of each line costs more than a look for each character of the page
    hinted = set(rows(page, find_all(page, _FURNITURE_HINT_CHARS)))
    # so are the lines holding a jump marker's 转 or 接
    jumps = set(rows(page, find_all(page, "转接轉")))
    for no, (raw, norm) in enumerate(zip(raw_lines, norm_lines), start=1):
        norm = norm.strip()
        if not norm:
            blank = True
            continue
        # a paragraph is indented two characters: one ideographic space opening a line is the gap between a
        # headline's phrases, carried over where the headline wrapped (gen page x9783/p04, PyMuPDF blocks:
        # `【新冠肺炎】機動部隊23歲男警初步確診` / gap / `　同組訓練40多名警員或要檢疫`, read as a paragraph's
        # indented first line and run on into the lead)
        indent = raw.startswith(("\u3000\u3000", "  ", "\t"))
        width = display_width(norm)
        blank_before, blank = blank, False
        if no - 1 not in jumps:
            # no jump marker (转/接 in every one): most lines, made here without _split_jumps' call and list each
            furniture = is_furniture(norm, no - 1 in hinted) or blank_before and campaign_banner(norm)
            lines.append(Line(no, norm, width, indent, blank_before, "furniture" if furniture else "text"))
            continue
        for line in _split_jumps(no, norm, width, indent, blank_before):
            if line.kind == "text" and is_furniture(line.text):
                line.kind = "furniture"
            lines.append(line)
    _unmark_dates_going_on(lines)
    lines = _join_vertical(lines, text)
    lines, joined = _join_broken_at_commas(lines)
    _mark_header_fields(lines)
    _estimate_columns(lines)
    lines = _join_broken_at_quotes(lines)
    lines = _split_glued(lines, raw_lines)
    for ln in joined:
        # a joined piece may run over a printed line's end that fell on a comma: as wide as
        # two lines, it is still body text, never a headline set across columns
        ln.overfull = False
    _place_outside(lines)
    _mark_runaround(lines)
    _mark_tables(lines)
    _mark_strays(lines)
    # (only lines ending as a credit can end a caption: found once, in one comprehension, for both passes
    # below, as most lines are not)
    credits = [i for i, ln in enumerate(lines) if ln.text[-1] in _CREDIT_LAST]
    _mark_captions(lines, credits)
    _end_wrapped_credits(lines, credits)
    return lines


#: one character of a line set vertically: an ideograph, or CJK punctuation and its vertical
#: forms (gsfzb: `﹃` / `投` / `资` … `﹄`)
_VERTICAL_CHAR = re.compile(r"^[\u4e00-\u9fff\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff0f“”‘’]$")


def _join_vertical(lines: list[Line], page: str) -> list[Line]:
    """Join runs of one-character lines into the vertical line they were printed as.

    A vertical title or author comes out of an extractor one character to a line
    (real rmrb and gsfzb pages, every extraction but plain pdftotext). Joined, it
    is a short line standing apart, which is what it was on the page: blank
    lines are set around it, as the space beside a vertical line stood for.
    A run ending in a name not printed anywhere else on the page is a title and
    its author, printed as one run (_trailing_name). A vertical name is a byline.
    """
    # most pages have no two one-character lines in a row: looked for first, in one comprehension,
    # since this sees every line of every page
    ones = [i for i, ln in enumerate(lines) if len(ln.text) == 1]
    if not any(b == a + 1 for a, b in zip(ones, ones[1:])):
        return lines
    single = [len(ln.text) == 1 and ln.kind == "text" and bool(_VERTICAL_CHAR.match(ln.text)) for ln in lines]
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and single[j] and (j == i or not lines[j].blank_before):
            j += 1
        run = text_of(lines[i:j])
        # (a run starts on a character: a mark closing the line before is that line's end)
        if j - i < config.VERTICAL_MIN_CHARS or run[0] in ENDING_MARKS or run[0] in "，、" \
                or sum("\u4e00" <= c <= "\u9fff" for c in run) < config.VERTICAL_MIN_CHARS:
            out.append(lines[i])
            i += 1
            continue
        name = _trailing_name(run, page) if len(run) >= config.VERTICAL_TITLE_AND_NAME_MIN_CHARS else None
        parts = [run[:-len(name)], name] if name else [run]
        k = i
        for part in parts:
            out.append(Line(lines[k].no, part, display_width(part), False, True, last=lines[k + len(part) - 1].no))
            if len(part) <= 3 and is_bare_names(part) and part not in page:
                # a name printed vertically, and nowhere else on the page, is an author: no title is a
                # name (`陈` / `龙`), while a two-character name printed across is as often a title's
                # wrapped tail, and a word of the page (`金` / `川`, gsfzb) a label
                out[-1].kind = "byline"
            k += len(part)
        if j < len(lines):
            lines[j].blank_before = True
        i = j
    return out


def _trailing_name(run: str, page: str) -> str | None:
    """The author's name a vertical title's run ends with, or None.

    A surname and one or two characters that the page prints nowhere else, cut
    from the title where no word of the page is cut: a title's words recur in
    its article (`…进入新时代` ends in `时代`, `…工程开工` has 程 and 工程, 时 and
    程 being surnames), an author's name does not.
    """
    found = [run[-k:] for k in (3, 2) if starts_with_surname(run[-k:]) and run[-k:] not in page
             and run[-k - 1:-k + 1] not in page]
    return min(found, key=surname_rank) if found else None


#: the marks after which pdftotext -raw breaks a printed line (a comma, a quotation mark, a
#: book title's bracket ...): a piece ending on one goes on in the next piece (；： end sentences)
_BROKEN_AFTER = frozenset("，、,:“”‘’《》〈〉「」『』（）()—")


def _broken_after(ln: Line) -> bool:
    """Whether a piece ends on a mark that pdftotext -raw breaks after, mid-sentence."""
    return ln.text[-1] in _BROKEN_AFTER and not ln.terminal


def _join_broken_at_commas(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Join the pieces of a page that pdftotext -raw broke after most punctuation; also the joined lines.

    On pages typeset with a text object per phrase (real pages rmrb, gsfzb,
    lswb), `pdftotext -raw` ends a line after most commas and quotation marks:
    `文化是一个国家、` / `一个民族的灵魂。文化兴国运兴，` / `文`, so no line is as wide as
    its column and short pieces read as headlines everywhere. Where at least
    RAW_BROKEN_SHARE of a page's lines end on such a mark, a piece ending on one
    is joined to the next: what is left ends where a printed line ended (a
    wrap, no mark), at a sentence's end, or at a title's end.
    """
    # (list comprehensions, not a generator: this sees every line of every page)
    text = [ln for ln in lines if ln.kind == "text"]
    # (the last character asked before the call: most lines end on none of these marks)
    broken = [ln for ln in text if ln.text[-1] in _BROKEN_AFTER and _broken_after(ln)]
    if not text or len(broken) < config.RAW_BROKEN_SHARE * len(text):
        return lines, []
    out: list[Line] = []
    joined: dict[int, Line] = {}  # by position in out
    for ln in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == ln.kind == "text" and not ln.blank_before
                and (_broken_after(prev) or _note_goes_on(prev.text, ln.text))):
            text = prev.text + ln.text
            out[-1] = joined[len(out) - 1] = Line(prev.no, text, display_width(text), prev.indent, prev.blank_before,
                                                  last=ln.end)
        else:
            out.append(ln)
    return out, list(joined.values())


#: marks where plain pdftotext breaks a printed line: an opening quote or book-title bracket after a
#: comma, a colon or a closing quote, and after a closing quote the mark that follows it
_QUOTE_OPENS = "“《"
_AFTER_CLOSE = "，。、；：“《"
#: the marks a justified line squeezes (标点挤压, config.SQUEEZED_MARK_WIDTH), which is what leaves
#: pdftotext the gaps it breaks at
_SQUEEZED = re.compile("[，。、；：“”《》（）]")


def _broken_at_quote(prev: Line, ln: Line) -> bool:
    """Whether ln is the rest of prev's printed line, which plain pdftotext broke at a quotation mark.

    A justified line squeezes its punctuation to half width; pdftotext (default mode, and PyMuPDF's
    blocks) breaks such a line where a quotation mark leaves a wide gap: `…中国智慧与中国方案，` /
    `“ 一 带 一 路 ”建 设 就 是`, `音乐，` / `“南海舶”` / `“ 西 域 舶 ”和 日 本…` (real pages rmrb, gsfzb).
    The pieces, none as wide as the column, read as short lines, subheads and titles everywhere.
    Pieces of one printed line fit in its column together, their marks at half width; a paragraph's
    last line, ending on a stop, and the next paragraph's first do not go together, nor do a title's lines.
    """
    if prev.kind != "text" or ln.kind != "text" or ln.blank_before or prev.full:
        return False
    a, b = prev.text[-1], ln.text[0]
    if not (b in _QUOTE_OPENS and a in "，、：”" or a == "”" and b in _AFTER_CLOSE):
        return False
    if prev.terminal and not (a == "：" or a == "”" and len(prev.text) > 1 and prev.text[-2] not in ENDING_MARKS):
        return False
    text = prev.text + ln.text
    squeeze = (1 - config.SQUEEZED_MARK_WIDTH) * len(_SQUEEZED.findall(text))
    return display_width(text) - squeeze <= prev.column + prev.slack


def _join_broken_at_quotes(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line that the extractor broke at quotation marks, joined (_broken_at_quote)."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and ln.text[0] in _AFTER_CLOSE and _broken_at_quote(prev, ln):
            text = prev.text + ln.text
            out[-1] = Line(prev.no, text, display_width(text), prev.indent, prev.blank_before, last=ln.end,
                           column=prev.column, widest_column=prev.widest_column)
            # it fits its column squeezed: body text, never a line set across columns (session-24 review: a
            # joined `校长说：“多”“快”“好”地` read as overfull had made the line over it a headline's)
            out[-1].overfull = False
        else:
            out.append(ln)
    return out


def _split_glued(lines: list[Line], raw_lines: list[str]) -> list[Line]:
    """Split a title line that pdftotext -raw ran on into the next column's text on the same baseline.

    `pdftotext -raw` joins what stands on one baseline in the order the page draws it, with a
    space between: a title's last line and the first line of the column beside it come out as
    one line far wider than any column (gen pages q9700/p07 and p12: `——专访国家粮食和物资储备局
    负责人 11月23日，市政府新闻办举行新闻发布`, q9700/p10: `渐行渐远 新华社巴黎12月9日电`), so
    the next article's first line became part of the title. Split at a single space where the
    title's piece ends no sentence and what follows opens a byline or a dateline, or is a whole
    reporter line (gen page t9744/p12: `劍指違規投資 光明日报记者 王建宏 张文攀`, the next
    article's byline, had made its title's end and left that article without reporters), or is as wide
    as a line of the column, after a —— subtitle (which ends its title) or holding a clause mark and
    ending no sentence, a body's line that wraps on (gen page u9763/p02, headline-last: `…周一见
    昨天晚上，“上海奉贤”发`, the next report's first line); or where what follows
    is another headline letter-spaced to fill its box, which plain pdftotext prints on the same
    baseline (_set_aside).
    """
    # (overfull asked first, in one comprehension: few lines are, and this sees every line of every page;
    # lines of other kinds than text have no width features yet)
    glued = {i: parts for i, ln in enumerate(lines)
             if ln.kind == "text" and ln.overfull and not ln.last and " " in raw_lines[ln.no - 1]
             and (parts := _glued_parts(ln, raw_lines[ln.no - 1].strip())) is not None}
    pieces: dict[int, list[Line]] = {}
    for i, parts in glued.items():
        ln = lines[i]
        pieces[i] = []
        # the next column's piece opens a block of its own, as an indented first line does; the
        # title's piece ends where its title ends, wrapping into nothing
        for k, text in enumerate(parts[:2]):
            piece = Line(ln.no, text, display_width(text), ln.indent if not k else True, ln.blank_before and not k)
            piece.set_column(ln.column, ln.widest_column)
            piece.full = piece.full and bool(k)
            pieces[i].append(piece)
        if parts[2]:
            _set_aside(lines, i, pieces)
    return splice(lines, pieces)


def _set_aside(lines: list[Line], i: int, pieces: dict[int, list[Line]]) -> None:
    """Move the letter-spaced piece split from lines[i] (its pieces) after the block that line opens, as a stray piece.

    Another article's headline set beside this one, letter-spaced to fill its box: plain
    pdftotext prints its first line on this one's baseline and its rest far away (real page
    zghysyb: `中国海油“海能”人工智能模型发布 中 国 海 油 党 组 召 开` / `汪东进致辞 周心怀出席并讲话
    俞进主持`, the first headline's subtitle, under it). Kept, in no article; the first headline
    goes on under its piece, as wide as it was printed, into the rest of its title block.
    """
    head, aside = pieces[i]
    head.full = head.width >= head.column - head.slack
    aside.kind = "stray"
    end = next((m for m in range(i + 1, len(lines)) if lines[m].blank_before or m in pieces), len(lines)) - 1
    if end == i:
        return
    pieces[i] = [head]
    pieces[end] = [lines[end], aside]


def cut_line(ln: Line, head: str, tail: str) -> list[Line]:
    """A line cut in two: head keeps its place, tail opens a line of its own under it (no indent, no gap).

    Each part keeps the line's other features; a line joined from several ends in its tail, and
    neither part is a lead run on after a dateline.
    """
    return [replace(ln, text=head, width=display_width(head), last=0, runs_on=False),
            replace(ln, text=tail, width=display_width(tail), indent=False, blank_before=False, runs_on=False)]


def splice(lines: list[Line], pieces: dict[int, list[Line]]) -> list[Line]:
    """lines with the line at each index of pieces replaced by its pieces (lines itself when there are none)."""
    if not pieces:
        return lines
    out: list[Line] = []
    for i, ln in enumerate(lines):
        out.extend(pieces.get(i, (ln,)))
    return out


#: marks inside a sentence that a headline line seldom holds: a comma, a stop, a list comma, a semicolon
CLAUSE_MARK = re.compile(r"[，。、；,;]")

#: how a —— subtitle opens (a headline's deck), as extractors print the dash
DASH = ("——", "─", "--")


#: a headline letter-spaced to fill its box: single characters set apart by single spaces (`中 国 海 油 党 组 召 开`)
_LETTER_SPACED = re.compile(rf"^[\u4e00-\u9fff](?: [\u4e00-\u9fff]){{{config.LETTER_SPACED_MIN_CHARS - 1},}}$")


#: the marks a headline may end on though a sentence ends on them too
_ASKED_OR_EXCLAIMED = "？！?!"


def _glued_parts(ln: Line, raw: str) -> tuple[str, str, bool] | None:
    """The title piece and the next column's piece of a line that _split_glued splits, or None.

    The third value says whether the second piece is another headline's letter-spaced line.
    """
    for p, ch in enumerate(raw):
        if ch != " " or raw[p - 1] == " " or raw[p + 1:p + 2] in (" ", ""):
            continue  # one space only: plain pdftotext sets columns apart with several
        left, right = normalize_line(raw[:p]), normalize_line(raw[p + 1:])
        if not left or not right or CLAUSE_MARK.search(left):
            continue
        opens = right[0] in BULLETS or match_dateline(right) is not None or is_reporter_line(right)
        if is_terminal(left):
            # a headline may end on a question or an exclamation: a piece so ending is a title's where a
            # byline opens after it (gen page y9796/p02, pdftotext -raw: `谁来为无序拆房“埋单”？ 文/广州日报
            # 记者赖`, the next report's byline, which had made its title's end); else a sentence's end
            if opens and left[-1] in _ASKED_OR_EXCLAIMED:
                return left, right, False
            continue
        if _LETTER_SPACED.match(raw[p + 1:].strip()) and " " not in raw[p - 2:p]:
            head, _, name = left.rpartition(" ")
            if head and is_bare_names(f"{name} {right}"):
                # a list of names, one spaced out to line up with the others (钱 艳), beside a headline's last
                # words: the names are the next report's authors, not another headline's letters (gen3 page
                # k10047/p07, pdftotext -raw: `未批先建开工两年半 姚雪青 钱 艳 宋 岩`)
                return head, f"{name} {right}", False
            return left, right, True
        width = display_width(right)
        # (a body's line holds a clause mark and wraps on; a headline's phrase as wide as the column holds
        # none: gen pages u9763/p09 `去杠杆引发踩踏 “杠杆牛市”渐行渐远`, u9765/p05 `三周两市蒸发21万亿 股民：深市“蒸”没了`)
        column_line = ((left.startswith(DASH)
                        or CLAUSE_MARK.search(right) is not None and not is_terminal(right))
                       and abs(width - ln.column) <= config.GLUED_LINE_SLACKS * ln.slack)
        if opens or column_line:
            return left, right, False
    return None


#: an author's note that closes an essay: （作者为…）, （作者单位：…）, （本文作者…）
AUTHOR_NOTE = re.compile(r"[（(]\s*(?:本文)?作\s*者")


def _note_goes_on(text: str, nxt: str) -> bool:
    """Whether an author's note opened in text and not closed goes on in nxt.

    After its colon or a comma (`（作者单位：` / `中国劳动和社会保障`), or into the piece that
    closes it (`…保障` / `科学研究院）`), no longer than a note can be: a note whose closing
    bracket was lost does not take the lines after it.
    """
    return (len(text) <= config.NOTE_MAX_CHARS and (text[-1] in "：:、，," or nxt[-1] in "）)")
            and opens_bracket(text) and bool(AUTHOR_NOTE.match(text)))


def _place_outside(lines: list[Line]) -> None:
    """Give the lines in no column (jump markers, furniture) no width features: neither full nor overfull.

    Done here, for the few such lines, rather than as field defaults that every
    line of every page would pay for.
    """
    for ln in lines:
        if ln.kind != "text":
            ln.slack, ln.full, ln.overfull = 0.0, False, False


#: a page number printed alone in a page header: 8, 05, A05
_BARE_PAGE_NO = re.compile(r"^[A-Z]?\d{1,3}$")
#: a page number and its section name on one line: 7 理论 (normalised to 7理论), A05 要闻, 05 综合新闻
_NUMBERED_SECTION = re.compile(r"^[A-Z]?\d{1,3}\s*(?:%s){1,2}$" % "|".join(sorted(config.SECTION_NAMES)))
#: a label of any words printed in a page header, alone or after its page number (法治一线, 8 法治一线):
#: a header's only between other header parts
_HEADER_LABEL = re.compile(r"^(?:[A-Z]?\d{1,3}\s*)?[\u4e00-\u9fff]{2,6}$")


#: a contact field's label closing a line (`…责任校对 / 赵秀娟 电话：`), its number wrapped to the next
_CONTACT_LABEL_END = re.compile(rf"(?:{_CONTACT_LABELS})\s*[：:]$")
#: a contact field's value alone on a line: a telephone number, an address (`（010）84528274`)
_CONTACT_VALUE = re.compile(rf"^{_CONTACT_CHARS}*\d{_CONTACT_CHARS}*$")


def _contact_value(lines: list[Line], i: int) -> bool:
    """Whether lines[i] is the number of a contact field that the furniture line before it labels.

    The editors' credits end on a telephone label and the number wraps to a line of
    its own (real page zghysyb, pdftotext: `…责任校对 / 赵秀娟 电话：` / `（010）84528274`);
    read alone, a short line at the page's end, it was taken for a title printed after
    its body and tipped the page's reading order to headline-last.
    """
    return i > 0 and lines[i - 1].kind == "furniture" and bool(_CONTACT_LABEL_END.search(lines[i - 1].text)) \
        and bool(_CONTACT_VALUE.match(lines[i].text))


#: what opens the rest of a date range or a clause a date began: no page header's date goes on into these
_DATE_GOES_ON = tuple("至到起，、")
#: a dash or a tilde between two dates; after a header's date it may open the page number (`-2-`), so only
#: with a date after it
_DATE_RANGE = tuple("—－-~～")


def _unmark_dates_going_on(lines: list[Line]) -> None:
    """Give back to the text a line holding only a date that the line under it goes on from (`至5月7日，…`).

    A page header prints its date on a line of its own, and so may a narrow column its lead's first words (gen10
    page u10703/p01, pdftotext -raw: `2004 年 3 月 20 日` / `至 5 月 7 日，来自四川泸州的…`), which had been
    taken for the header's date and dropped from the report.
    """
    for ln, nxt in zip(lines, lines[1:]):
        if ln.kind == "furniture" and nxt.kind == "text" and not nxt.blank_before and date_goes_on(ln.text, nxt.text):
            ln.kind = "text"


def date_goes_on(line: str, nxt: str) -> bool:
    """Whether line holds only a date and nxt goes on from it (`2004年3月20日` / `至5月7日，…`): a sentence's first words."""
    if not (line[:1].isdigit() and _HEADER_FIELD.match(line)):
        return False
    return nxt.startswith(_DATE_GOES_ON) or nxt.startswith(_DATE_RANGE) and opens_on_date(nxt[1:].lstrip())


def _mark_header_fields(lines: list[Line]) -> None:
    """Mark the parts of a page header printed on lines of their own next to other header lines as furniture.

    A section name (要闻), a bare page number (8), a page number with its section (`7 理论`,
    real pages rmrb) and a section label beside a bare number (real page gsfzb, PyMuPDF
    blocks: `8` / `法治一线` / `2024 年8 月9 日星期五`); a label
    counts only between a page number and other header parts, so a short headline next to
    the header stays a headline.
    """
    todo = [i for i, ln in enumerate(lines) if ln.kind == "furniture"]  # only lines next to these can change
    while todo:
        marked = []
        for i in sorted({j for f in todo for j in (f - 1, f + 1) if 0 <= j < len(lines) and lines[j].kind == "text"}):
            ln = lines[i]
            near = lines[max(0, i - 1):i] + lines[i + 1:i + 2]
            # a label stands between header parts only: a page number on one side, header on the other
            numbered = any(_BARE_PAGE_NO.match(x.text) for x in near) and \
                all(x.kind == "furniture" or _BARE_PAGE_NO.match(x.text) for x in near)
            # (a label, or a page number with its label, between header parts: real page gsfzb, pdftotext
            # -raw: `8` / `8 法治一线` / `2024 年 8 月 9 日 星期五`, whose label is no section name of the list)
            if ln.text in config.SECTION_NAMES or _BARE_PAGE_NO.match(ln.text) or _NUMBERED_SECTION.match(ln.text) \
                    or numbered and _HEADER_LABEL.match(ln.text) \
                    or _contact_value(lines, i):
                ln.kind = "furniture"
                marked.append(i)
        todo = marked


#: a cell of a table: a word or a figure, no sentence punctuation (沈阳, 晴转多云, 17~4, PM2.5)
_CELL = re.compile(r"^[^，。、；：！？,;:!?]+$")


def _mark_tables(lines: list[Line]) -> None:
    """Mark a long run of table cells, one to a line, and the table's title over them as furniture.

    A table printed on the page (a weather table: 城市 / 沈阳 / 今天 / 晴转多云 / 17~4,
    real page lswb, every extraction) comes out one cell to a line; read as text, its
    cells became a stack of subheads inside the article beside it, and its first cells
    a title with an author (城市 / 沈阳). No article prints TABLE_MIN_CELLS lines that
    short in a row without a mark of a sentence.
    """
    # most pages have no TABLE_MIN_CELLS short lines in a row: looked for first, over the short
    # lines' positions (one comprehension), since this sees every line of every page
    short, m = [i for i, ln in enumerate(lines) if ln.width <= config.TABLE_CELL_MAX_COLUMNS], config.TABLE_MIN_CELLS
    if not any(short[k + m - 1] - short[k] == m - 1 for k in range(len(short) - m + 1)):
        return
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].kind == "text" and lines[j].width <= config.TABLE_CELL_MAX_COLUMNS \
                and _CELL.match(lines[j].text):
            j += 1
        if j - i >= config.TABLE_MIN_CELLS:
            lo = i
            # the table's title and first cells over it (`城市` / `沈阳` / `沈阳今日空气质量预报`)
            while lo > 0 and i - lo < config.TABLE_NOTE_LINES and lines[lo - 1].kind == "text" \
                    and lines[lo - 1].width <= 2 * config.TABLE_CELL_MAX_COLUMNS and _CELL.match(lines[lo - 1].text):
                lo -= 1
            for ln in lines[lo:j]:
                ln.kind = "furniture"
        i = max(j, i + 1)


def _mark_runaround(lines: list[Line]) -> None:
    """Mark the lines of a sentence set narrow around a picture as running on.

    Text set around a picture or a box comes out as a few lines of one short width
    inside a paragraph (real page rmrb-20180129-07: `…正因` / `为如此，` / `“一带一` /
    `路”建设` / `得到众多` / `国家和国` / `际组织的响应和支持，…`); none ends a
    sentence, so each runs on into the next, where they read as a stack of title lines.
    A run of at least RUNAROUND_MIN_LINES lines of one width, under half their column,
    none ending a sentence, after a line cut at the column's edge or on a comma.
    """
    i = 1
    # (the lines that can open such a run found first, in one comprehension: few can, and this sees
    # every line of every page)
    for start in [k for k, ln in enumerate(lines) if ln.width * 2 <= ln.column and ln.kind == "text" and not ln.terminal]:
        if start < i:
            continue  # inside a run already looked at
        i = start
        ln = lines[i]
        j = i
        while j < len(lines) and lines[j].kind == "text" and not lines[j].terminal \
                and abs(lines[j].width - ln.width) <= config.RUNAROUND_WIDTH_SLACK:
            j += 1
        prev = lines[i - 1]
        # (the line before runs to the column's edge or stops on a comma: a stack of title
        # lines of one width, `防风险` / `严监管` / `活实体`, follows no such line)
        if j - i >= config.RUNAROUND_MIN_LINES and prev.kind == "text" and (prev.full or prev.text[-1] in "，、,") \
                and not prev.terminal and j < len(lines):
            for x in lines[i - 1:j]:
                x.runs_on = True
        i = max(j, i + 1)


_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


def _mark_strays(lines: list[Line]) -> None:
    """Mark a character or two standing apart inside a sentence as a stray piece.

    A two-character author name printed down the side of its article (`莫` / `荣`)
    comes out of pdftotext one character in the title block and the other
    among the body lines, where it cuts a sentence in two (real rmrb pages:
    `一是坚持就业优先战略和积极就业` / `荣` / `政策。这是…`). Only where the line
    before runs on to the column's edge without ending a sentence, in a block of
    body lines, and a full body line follows.
    """
    # (the short lines found first, in one comprehension: most lines are longer, and this sees every line)
    for i in [i for i in range(3, len(lines) - 2) if len(lines[i].text) <= config.STRAY_MAX_CHARS]:
        ln, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
        if (ln.kind == "text" and (ln.blank_before or nxt.blank_before)
                and _HAN_ONLY.match(ln.text) and nxt.kind == "text" and nxt.full
                # inside a paragraph: the two lines before both run on, so the piece cuts a sentence.
                # A title's or a subhead's last characters wrapped to a line of their own follow one
                # line that runs on, under a gap or a paragraph's end (gen pages: `机行业搭建现代化信息`
                # / `平台`; dev b06: `憧憬。` / `振奮，聆聽時代進步足` / `音`)
                and all(x.kind == "text" and x.full and not x.terminal for x in lines[i - 2:i])
                and not (prev.blank_before or lines[i - 2].blank_before or lines[i + 2].blank_before)):
            ln.kind = "stray"


#: a photographer's credit closing a line: 摄, perhaps the agency in brackets (`王程龙摄（影像中国）`)
CREDIT_END = r"[摄攝](?:[（(][^（()）]{1,8}[)）])?$"
#: the characters a line ending on CREDIT_END ends with (keep the two together)
_CREDIT_LAST = "摄攝)）"
#: a photo caption: what the picture shows, ending a sentence, then who took it
#: (`…平台完工装船。特约记者杜鹏辉摄`, `…正在焊接。 王程龙摄（影像中国）`)
_CAPTION = re.compile(rf"[。！？]\s*[^。！？，,\s][^。！？，,]{{1,30}}?\s*{CREDIT_END}")


def _mark_captions(lines: list[Line], credits: list[int]) -> None:
    """Mark a block of its own that describes a picture and ends on its credit as a caption.

    A caption printed by its picture comes out of PyMuPDF as a block of its own
    between the articles' blocks (real page zghysyb: two one-line captions
    between the 锦州 article's title and a commentary's byline), where it read as
    the end of one article's body and hid the title before it. Only a whole block
    (blank lines around it) of at most CAPTION_MAX_LINES: a photo story's captions
    run in its body (dev page a02) and a credit closing an article stands alone
    (`本报记者 吴铎思 本报通讯员 薛晓秋 摄`), with no sentence before it. credits: the indices of the
    lines ending on _CREDIT_LAST.
    """
    for i in credits:
        if i + 1 < len(lines) and not lines[i + 1].blank_before:
            continue  # not a block's last line
        start = i
        while start > 0 and not lines[start].blank_before and i - start < config.CAPTION_MAX_LINES:
            start -= 1
        block = lines[start:i + 1]
        if (lines[start].blank_before and len(block) <= config.CAPTION_MAX_LINES
                and all(x.kind == "text" for x in block) and _CAPTION.search(text_of(block))):
            for x in block:
                x.kind = "caption"


def _end_wrapped_credits(lines: list[Line], credits: list[int]) -> None:
    """Mark a line that finishes a caption's credit begun on the line over it as ending its sentence.

    A photo story's caption may wrap inside its credit (gen page r10405/p09, pdftotext -raw: `…加紧订单
    生产。 张` / `凯峰摄（影像中国）`; or inside the agency's brackets, `…罗大富摄（影像` / `中国）`):
    is_terminal, asking one line, sees no sentence end there, and the caption read as a headline over the next.
    credits: the indices of the lines ending on _CREDIT_LAST.
    """
    for i in credits:
        ln = lines[i]
        if i and not ln.terminal and not ln.blank_before and _CAPTION.search(lines[i - 1].text + ln.text):
            ln.terminal = True


def _median(values) -> float:
    """Median of a non-empty sequence of numbers (statistics.median, without its overhead)."""
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def _medians_before(values: list[float], k: int) -> list[float | None]:
    """For each position lo (0 to len(values)), the median of the k values before it (those there are); None under 3."""
    start = max(k, 3)
    half = k // 2
    # (the windows of k values, nearly all of them, sorted and their middle taken as _median takes it,
    # without a call each: this runs for every page. The windows ending at start to the last value are
    # zipped from k copies of the values, each shifted one further, and sorted by map: no slice each)
    full = map(sorted, zip(*[values[i:] for i in range(start - k, start)]))
    middles = [v[half] for v in full] if k % 2 else [(v[half - 1] + v[half]) / 2 for v in full]
    return [_median(values[max(0, lo - k):lo]) if lo >= 3 else None for lo in range(min(start, len(values) + 1))] \
        + middles


def _estimate_columns(lines: list[Line]) -> None:
    """Set each text line's column width: the median width of the wrapped lines nearest it.

    Wrapped (non-terminal) body lines run to the column edge, so their median
    is the column width even with a title line or two among them; taking only
    the nearest ones follows a page that changes column width part-way (seed
    page lines 300-332: 22 columns, then 36).
    """
    text = [ln for ln in lines if ln.kind == "text"]
    if not text:
        return
    fallback = _median([ln.width for ln in text])
    # lines far shorter than the page's typical line (a bare name, the tail of
    # a wrapped headline) say nothing about the column they sit in
    least = config.COLUMN_MIN_FRACTION * fallback
    wrapped = [not ln.terminal and ln.width >= least for ln in text]
    k = config.COLUMN_NEIGHBOURS
    widths = [ln.width for ln, w in zip(text, wrapped) if w]
    # the median of the k wrapped lines before position lo and of those from position hi
    # (3 to k at the page's ends), every window computed once
    n = len(widths)
    before_med = _medians_before(widths, k)
    # (the k lines from hi are the k before hi + k: before_med's windows, shifted; then the page's last ones)
    after_med = before_med[k:] + [_median(widths[hi:]) if n - hi >= 3 else None
                                  for hi in range(max(0, n - k + 1), n + 1)]
    # the wrapped lines before each line (lo) and up to it (hi): a running count, not a pointer walked
    counts = list(accumulate(wrapped, initial=0))
    for ln, lo, hi in zip(text, counts, counts[1:]):
        # where the column width changes, a line belongs to the wider side as
        # far as being set across columns goes (seed page lines 305, 331)
        before, after = before_med[lo], after_med[hi]
        if before is None or after is None:
            if before is None and after is None:
                near = widths[max(0, lo - k):lo] + widths[hi:hi + k]
                before = after = _median(near) if len(near) >= 3 else fallback
            else:
                before = after = before if after is None else after
        # (a comparison, not min() and max(): this runs for every line of every page)
        if after < before:
            ln.set_column(after, before)
        else:
            ln.set_column(before, after)


#: a line ending on a Chinese character
HAN_END = re.compile(r"[\u4e00-\u9fff]$")


#: a line ending here stops mid-sentence: a comma, an enumeration comma, an opening bracket or quote
MID_SENTENCE = re.compile(r"[，、,；;（(“《「]$")

#: a particle that never opens a sentence (的, 们, 吗, 呢, 吧): a line opening on one goes on from the line over it.
#: Not the words they open (的确, 的士, 的哥, 呢子, 吧台), which may open one
PARTICLE_HEAD = r"们|的(?![确士哥])|吗|呢(?!子)|吧(?!台)"


#: a label in lenticular brackets (【执纪者说】, 【武肺再爆發】): a section's, a column's or a series' name
BRACKETED_LABEL = r"【[^【】]{1,10}】"

#: a line that is only a label: 【执纪者说】, (三), 四、, 之3 — how sections inside an article are marked
SECTION_LABEL = re.compile(rf"^(?:{BRACKETED_LABEL}|\[[^\]]{{1,10}}\]|[（(][一二三四五六七八九十\d]{{1,3}}[)）]"
                           r"|[一二三四五六七八九十]{1,3}[、.]|\S{1,8}之[一二三四五六七八九十\d]{1,3})$")


#: the name of a briefs column (conventions: teasers and briefs): 简讯, 短波, 要闻简报, 快讯, 新闻速览
BRIEFS_NAME = re.compile(r"^(?:要闻|新闻|本地|国内|国际|综合)?(?:简讯|简报|短波|快讯|速览|速递)$")


#: the name of a box set inside an article on what it adds (相关链接, 延伸阅读, 附件: a sidebar).
#: Bare, it reads as a one-word headline; it heads the article's own closing section
SIDEBAR_NAME = re.compile(rf"^(?:[{BULLETS}]\s*)?(?:(?:相关|新闻|背景|知识)?链接|(?:相关|延伸)阅读|附件|附表|名词解释|小贴士)$")


#: a briefs item's opening: a bullet (◆ 9月27日，…); not ■, which as often opens a byline or a subhead
BRIEFS_ITEM = re.compile(r"^[◆●▲]")


def briefs_name(text: str) -> bool:
    """Whether a line is only a briefs column's name (要闻简报), set bare or in 【】."""
    return BRIEFS_NAME.match(text.strip().strip("【】[] ")) is not None


def bracketed_label(text: str) -> bool:
    """Whether a line is only a bracketed label (【新春走基层】): a column's or a series' name, a kicker over a headline."""
    return text[:1] == "【" and SECTION_LABEL.match(text) is not None
