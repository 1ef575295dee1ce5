"""Split one page's text into articles and fragments.

The page is read in four passes:

1. lines: normalised, jump markers split off, furniture marked, column width
   estimated (``lines.py``);
2. bylines: datelines and reporter lines found by grammar (``byline.py``);
3. units: runs of lines joined by sentence continuity. A unit that stops
   without sentence punctuation on a short line is a *short unit*: a title
   line, an in-body subhead, or a deck; a unit's neighbours correct what its
   own widths and punctuation get wrong (a title line ending like a sentence,
   a paragraph cut at a column's foot). Each run of short units between two
   stretches of text is scored from named features, lexical cohesion across
   it first (``cohesion.py``): a headline between two articles, or a subhead;
4. assembly: each title block is given to the body whose words it shares,
   or, where neither body says, to the side the page's reading order gives
   (headline-first or headline-last, from its first and last blocks and the
   titles' votes); teasers printed with a title are split off, bylines
   printed after a body go to that body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import config
from ..records import Article, Source, id_stem
from ..text.normalize import display_width, join_lines
from .byline import (BEFORE_NAME, BULLETS, DATELINE, NAMED_REPORTER, SOURCE_HINT, broken_role, dateline_date,
                     is_author_line, is_bare_names, is_reporter_line, is_source, match_dateline, names_a_role,
                     reporters, split_tail_byline, starts_with_surname)
from .cohesion import bigrams, cohesion, coverage, share_found
from .lines import (AUTHOR_NOTE, CREDIT_END, ENDING_MARKS, Line, is_note, is_terminal, opens_bracket, page_number,
                    read_lines, unclosed_bracket)

_DASH = ("——", "─", "--")
#: unit kinds printed among the text that belong to no article's flow and say nothing about it
_OUTSIDE_FLOW = ("furniture", "stray", "caption")


@dataclass
class Unit:
    """A run of lines of one kind: body text, a short unit, a byline, a marker or furniture."""

    kind: str  # body | open | short | title | subhead | byline | jump_down | jump_up | furniture | stray | caption
    lines: list[Line]


# --- pass 2: bylines ---------------------------------------------------------------


#: the label of an editor's note, which opens an article before its report: 编者按 / 【编者按】 / 編者按：
_EDITOR_NOTE = re.compile(r"^[【\[]?(?:编者按|编者的话|編者按|編者的話)[】\]]?(?:[：:]|$)")


#: a credit for the text or the pictures, which opens a byline: 文/ 图文/ 文／图
_CREDIT = re.compile(r"^(?:文|图文|圖文|文/图|文／图|撰文)\s*[/／]")


#: a line that may be one person's name in a roster: two to four characters, nothing else
_ROSTER_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")


def _roster_name(ln: Line) -> bool:
    """Whether a line could be a name heading an entry of a roster: short, alone, ending no sentence."""
    return 2 <= len(ln.text) <= 4 and ln.kind == "text" and not ln.full and _ROSTER_NAME.match(ln.text) is not None


def _roster_post(lines: list[Line], k: int, entry: list[bool]) -> int:
    """How many lines from lines[k] hold one person's post: one phrase wrapped, up to the next name.

    A post ends where a name follows it (entry[j]: lines[j] opens an entry), unless its line
    stops on 、 or ， (`…研究室主任、` / `教授`); the last post of a list ends on a line short
    of its column.
    """
    n = 0
    while k + n < len(lines) and n < config.ROSTER_POST_MAX_LINES:
        ln = lines[k + n]
        if ln.kind != "text" or ln.terminal or _SECTION_LABEL.match(ln.text):
            break
        n += 1
        if _MID_SENTENCE.search(ln.text):
            continue
        if entry[k + n] or not ln.full and not (n == 1 and ln.indent and ln.full_as_first()):
            return n
    return n if n and entry[k + n] else 0


def _roster_posts(lines: list[Line]) -> list[int]:
    """For each line, how many lines from it hold one person's post (_roster_post; 0: none).

    Whether a post ends depends on whether an entry (a name with its own post) follows, so
    the lines are read from the page's end: each answer needs only those after it. (Asked
    line by line from the top, the question recursed down a whole list: quadratic, and past
    Python's recursion limit on a list of a thousand names.)
    """
    posts = [0] * (len(lines) + 2)
    entry = [False] * (len(lines) + 2)  # entry[k]: lines[k] opens an entry, a name with its post under it
    for k in range(len(lines) - 1, -1, -1):
        posts[k] = _roster_post(lines, k, entry)
        # (`上海`, a subhead's wrapped rest with the lead under it, opens none)
        entry[k] = _roster_name(lines[k]) and posts[k + 1] > 0
    return posts


def _mark_rosters(lines: list[Line]) -> None:
    """Mark lists of people printed inside an article (name / post / name / post …) as roster lines.

    An interview prints its guests so (gen pages, 解放日报: `【訪談嘉賓】` / `徐建剛` /
    `中共上海市委黨史研究室主` / `任、教授` / `洪民榮` / …): each name alone on a line reads as
    a byline and the posts between them as titles, cutting the article into pieces. Three names
    (config.ROSTER_MIN_ENTRIES), each followed by its post wrapped like text, make a list; a
    byline stands once, above or below its article. A label right over the list goes with it.
    """
    # (the length asked before the call: most lines are longer than a name)
    names = [k for k, ln in enumerate(lines) if _roster_name(ln)]
    if len(names) < config.ROSTER_MIN_ENTRIES:
        return  # most pages: too few lines that could head an entry
    posts = _roster_posts(lines)  # (marking below changes only lines before those still to be read)
    i = 0
    while i < len(lines):
        if not _roster_name(lines[i]):
            i += 1
            continue
        k, entries, surnamed = i, 0, 0
        while k < len(lines) and _roster_name(lines[k]) and (entries or starts_with_surname(lines[k].text)):
            post = posts[k + 1]
            if not post:
                break
            entries += 1
            surnamed += starts_with_surname(lines[k].text)
            k += 1 + post
        if entries < config.ROSTER_MIN_ENTRIES or surnamed < 2:
            i += 1
            continue
        start = i - 1 if i and lines[i - 1].kind == "text" and _SECTION_LABEL.match(lines[i - 1].text) else i
        for ln in lines[start:k]:
            ln.kind = "roster"
        i = k


#: a bullet; after a line's first character, where a byline printed beside a title may begin
_BULLET = re.compile(f"[{BULLETS}]")


def _bullet_inside_a_line(page: str) -> bool:
    """Whether a bullet stands inside a line of page (lines joined by newlines), not at a line's start."""
    # (str.find for each bullet in turn: a pattern's search for any of them looks at each character of
    # the page in turn, find runs over it several times faster)
    for bullet in BULLETS:
        i = page.find(bullet, 1)
        while i > 0:
            if page[i - 1] != "\n":
                return True
            i = page.find(bullet, i + 1)
    return False


def _split_run_in_bylines(lines: list[Line]) -> list[Line]:
    """Lines where a reporter line runs on after other text, split before its bullet.

    pdftotext -raw puts text objects that stand side by side on one line, so a headline's last
    line and the next article's byline printed beside it come out as one (gen pages text-5011/p03
    and text-5023/p11: `铁总辟谣称消息不实 ■ 李洪兴`, `民：深市“蒸”没了 ■ 中共将乐县委通讯组 福建` /
    `日报记者`). A bullet opens a byline or an item, never the middle of a title or a sentence.
    """
    # (most pages hold no bullet inside a line: the page's bullets looked at once, over its lines
    # joined, before a search per line; a search with a lookbehind costs 4 times as much)
    if not _bullet_inside_a_line("\n".join([ln.text for ln in lines])):
        return lines
    out: list[Line] = []
    for i, ln in enumerate(lines):
        m = _BULLET.search(ln.text, 1) if ln.kind == "text" else None  # (most lines hold no bullet)
        if m is None:
            out.append(ln)
            continue
        tail = ln.text[m.start():]
        nxt = lines[i + 1].text if i + 1 < len(lines) and lines[i + 1].kind == "text" else ""
        if not (is_reporter_line(tail) or nxt and is_reporter_line(tail + nxt)):
            out.append(ln)
            continue
        head = ln.text[:m.start()].rstrip()
        out.append(Line(ln.no, head, display_width(head), ln.indent, ln.blank_before, column=ln.column,
                        widest_column=ln.widest_column))
        out.append(Line(ln.no, tail, display_width(tail), False, False, column=ln.column, widest_column=ln.widest_column))
    return out


def _mark_bylines(lines: list[Line]) -> list[Line]:
    """Mark byline lines; split a dateline that runs into the lead into byline + text."""
    lines = _split_run_in_bylines(lines)
    _mark_rosters(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind != "text":
            out.append(ln)
            i += 1
            continue
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if prev is not None and prev.kind == "text" and not prev.terminal and not prev.full and \
                is_author_line(ln.text, config.BARE_NAME_MAX_COLUMNS) and not _parallel_phrase(prev, ln, nxt):
            # names under a short line that ends no sentence: a title's author (`攥指成拳 生威发力` /
            # `姚雪青 钱 艳 宋 岩`, gen page h7001/p02), who would otherwise run on into the lead
            ln.kind = "byline"
            out.append(ln)
            i += 1
            continue
        # a whole reporter line under one line standing between a sentence's end and it is the byline
        # under a headline, both as wide as the column (real page gsfzb, PyMuPDF text: `…劳务工资。` /
        # `劳务工资被拖欠检察监督全追回` / `新甘肃·甘肃法治报通讯员庞俊宝` / the lead)
        t = ln.text
        under_title = (("者" in t or "员" in t or "員" in t or "生" in t)  # a role word: looked for first, cheaply
                       and i >= 2 and prev is not None and prev.kind == lines[i - 2].kind == "text" and lines[i - 2].terminal
                       and not prev.terminal and _HAN_END.search(prev.text) is not None
                       and NAMED_REPORTER.match(ln.text) is not None and is_reporter_line(ln.text))
        # a body line that merely names a reporter (`新华社记者杨成明、`, dev page
        # a03) sits mid-paragraph at full width; a byline opens with a bullet or
        # follows a gap, a sentence end or a short line. A colon ends no sentence here: it
        # announces what follows (gen page text-5023/p01, PyMuPDF blocks: `…人事部决定：` /
        # `追授新华社记者邵云环、光明日`)
        mid_paragraph = (not under_title and prev is not None and prev.kind == "text" and not ln.blank_before
                         and (not prev.terminal or prev.text[-1] in "：:") and prev.full and not prev.overfull
                         and ln.full and ln.text[0] not in BULLETS
                         # names set apart by spaces are a list, not a sentence (gen pages:
                         # `本报记者 徐锦庚 肖家鑫 李` right under a headline of the same width)
                         and " " not in ln.text
                         # `文/` credits the text: no sentence goes on with it (gen page text-5011/p07:
                         # `“哥”啊，首付“割”没了` / `文/广州日报记者赖伟`, under a headline as wide as the column)
                         and not _CREDIT.match(ln.text))
        head = ln.text[:16]
        if mid_paragraph and "月" not in head and not ln.text.startswith("【") and "（" not in head and "(" not in head:
            # most lines of a page: no byline, and no dateline that could open an article mid-column
            # (which needs a date, 【, or its reporters in brackets) either
            out.append(ln)
            i += 1
            continue
        # a reporter line broken inside a word, its short rest on the next line (dev-v2 c03:
        # `中共将乐县委通讯` / `组 福建日报记者`), or a rest as wide as the column when it lists
        # names apart (dev-v2 e09: `新华网黑龙江频` / `道 记者 伊琳 李清芬`)
        broken = (not mid_paragraph and nxt is not None and nxt.kind == "text" and (not nxt.full or " " in nxt.text)
                  and not nxt.blank_before and is_reporter_line(ln.text + nxt.text)
                  # the break falls inside a word: `赛中拿下不俗的成绩` / `本报记者 李 纵 周小苑` is a
                  # title's tail, then a byline whose first word stands whole (gen page text-5011/p05)
                  and (not is_reporter_line(ln.text) or broken_role(ln.text, nxt.text)) and not _opens_byline(nxt.text)
                  # nor between a headline and a byline that opens with its source's whole name
                  # (`水库扩建开工` / `城南日报 记者 伊琳`)
                  and not is_source(nxt.text.split()[0]))
        if broken:
            ln.kind = nxt.kind = "byline"
            out.extend((ln, nxt))
            i += 2
            continue
        # a full-width line naming a reporter and running straight on into more
        # full-width text is a sentence about them (dev page a07: 工人日報記者鄧崎凡 / 來到這里);
        # so is a paragraph's indented first line, full but for its indent (gen page pdf-1002/p12,
        # PyMuPDF blocks: `　　在与新文化记者` / `谈及本周的市场走势时，…`)
        # (not when the next line is the names themselves, set apart: `光明日报记者` / `王建宏 张文攀`,
        # gen page h7001/p03)
        names_subject = (not under_title and (ln.full or ln.indent and ln.full_as_first()) and " " not in ln.text and ln.text[0] not in BULLETS and nxt is not None and nxt.kind == "text"
                         and not nxt.blank_before and nxt.full and not (" " in nxt.text and _names_after_role(ln, nxt)))
        reporter = not mid_paragraph and not names_subject and is_reporter_line(ln.text)
        if reporter and _byline_begun(prev, ln):
            # the rest of a closing byline ends its paragraph and article: what follows a gap is the
            # next headline, not more of the sentence (gen page g202/p12: `…热闹。”本` / `报记者 董怡虹
            # 陈炅玮` / gap / `夜访城市工人休息室`, which had run on into the byline)
            ln.terminal = True
        elif reporter and not _bulleted_item(ln, nxt):
            ln.kind = "byline"
            out.append(ln)
            i += 1
            n = _name_tail(lines, i) or int(_names_after_role(ln, nxt))
            for ln2 in lines[i:i + n]:
                ln2.kind = "byline"
                out.append(ln2)
            i += n
            continue
        # a full dateline (source, place, date, 电) opens an article even right after a
        # line that fills the column: a headline of that width (gen pages, pdftotext)
        # (so does a dateline that names its reporters in brackets: a title set solid over it fills
        # the column as well, real page gsfzb, pdftotext: `千里奔袭忙执行 执结案件解民忧` /
        # `本报讯（新甘肃·甘肃法治报记者` / `陈孝志 通讯员 马鹏奇）8月3日，`)
        taken = _take_dateline(lines, i, mid_paragraph)
        if taken:
            consumed, new_lines = taken
            out.extend(new_lines)
            i += consumed
            continue
        out.append(ln)
        i += 1
    return out


#: a closing byline begun after a paragraph's last sentence, on the same printed line: …热闹。”本
_BYLINE_START = re.compile(r"(?<=[。！？!?”」』])[\u4e00-\u9fff]{1,4}$")


_HAN_END = re.compile(r"[\u4e00-\u9fff]$")


def _parallel_phrase(prev: Line, ln: Line, nxt: Line | None) -> bool:
    """Whether ln is one of a stack of phrases as long as each other: a kicker, not an author.

    `防风险` / `严监管` / `活实体` / `促发展` (real page rmrb-20180122-07): 严监管 opens with a
    surname, but the lines either side, as long and naming nobody, make it a phrase of the stack.
    """
    return nxt is not None and not ln.blank_before and not nxt.blank_before and \
        len(prev.text) == len(ln.text) == len(nxt.text) and \
        not any(is_bare_names(x.text, config.BARE_NAME_MAX_COLUMNS) for x in (prev, nxt))


def _byline_begun(prev: Line | None, ln: Line) -> bool:
    """Whether ln finishes a byline that began at the end of prev, after its last sentence.

    `…上海不久就会恢复平日的热闹。”本` / `报记者 董怡虹 陈炅玮` (gen page g202/p12): the
    second line reads as a byline alone, but taking it would leave 本 in the text; left as
    text, the paragraph's closing byline is split off whole (split_tail_byline).
    """
    if prev is None or prev.kind != "text" or not prev.full:
        return False
    m = _BYLINE_START.search(prev.text)
    return bool(m) and is_reporter_line(m.group(0) + ln.text) and split_tail_byline(prev.text + ln.text)[1] is not None


def _bulleted_item(ln: Line, nxt: Line | None) -> bool:
    """Whether a bullet opens an item of briefs rather than a list of names.

    `◆在国庆、中秋来` / `临之际，为促进…` (gen page text-5011/p06) reads as two names after
    a bullet; but the line fills its column, runs on into the next, and its "names"
    open with no surname, and it names no role (`■中共将乐县委通讯组 福建` / `日报记者` is a byline).
    """
    return (ln.text[0] in BULLETS and ln.full and not ln.terminal and nxt is not None and nxt.kind == "text"
            and not names_a_role(ln.text) and not all(starts_with_surname(n) for n in reporters(ln.text)))


def _names_after_role(ln: Line, nxt: Line | None) -> bool:
    """Whether ln is a role with no names (光明日报记者) and nxt the names, set apart by spaces (王建宏 张文攀)."""
    return (nxt is not None and nxt.kind == "text" and " " in nxt.text and not reporters(ln.text)
            and is_bare_names(nxt.text, config.BARE_NAME_MAX_COLUMNS) and is_reporter_line(ln.text))


def _opens_byline(text: str) -> bool:
    """Whether a line's first word stands whole as a byline (本报记者 …), not the rest of a word broken off."""
    words = text.split()
    return bool(words) and is_reporter_line(words[0])


def _name_tail(lines: list[Line], i: int) -> int:
    """How many lines from lines[i] carry on a reporter line's names.

    Names wrap like text: ■ 本报记者 赵 / 兵, 福建 / 日报记者, 施雨岑、/ 王思北、胡浩.
    A carried-on line holds only names or roles, and is short or stops short of its column:
    a name with its credits may be most of a line (gen page text-5023/p04, PyMuPDF blocks:
    `顶端新闻·河南商报记者` / `马俊峰/文受访者供图`).
    """
    n = 0
    while (i + n < len(lines) and lines[i + n].kind == "text" and not lines[i + n - 1].terminal
           and (lines[i + n].width < 0.75 * max(lines[i + n].column, 1) or not lines[i + n].full)
           and is_reporter_line("■" + lines[i + n].text)
           # 编者按 under the byline opens the body (gen pages, 钱江晚报), though it reads as a name
           and not _EDITOR_NOTE.match(lines[i + n].text)):
        n += 1
    return n


def _take_dateline(lines: list[Line], i: int, strong_only: bool = False) -> tuple[int, list[Line]] | None:
    """A dateline starting at lines[i] (wrapped over up to three lines) split off as byline lines.

    Returns how many input lines were used and the lines that replace them:
    byline lines, then the rest of the last one as a text line (the lead).
    strong_only: take only a full wire dateline (source, place, date, 电), a
    bracketed one (【本報訊】) or one naming its reporters in brackets (_names_reporters);
    the caller looks for a date (月), 【 or （ first.
    """
    if len(lines[i].text) >= 14 and not SOURCE_HINT.search(lines[i].text, 0, 14):
        return None  # a dateline names its source in its first characters
    group, text = [lines[i]], lines[i].text
    # (more than three lines only for a dateline opening a bracket on its first line: looked for once)
    limit = config.DATELINE_MAX_LINES if "（" in lines[i].text or "(" in lines[i].text else 3
    for k, ln in enumerate(lines[i + 1:i + limit], start=1):
        # a dateline that opens a line after a gap opens there: the line before is a title's rest
        # (gen page pdf-1001/p05: `多名警員或要檢疫` / gap / `南方日报讯`, read as one source 多名…南方日报)
        if ln.kind != "text" or ln.blank_before and match_dateline(ln.text):
            break
        # past three lines only while its bracket of reporters is open: a narrow column wraps it
        # over five (real page gsfzb, PyMuPDF: `本报讯（新` / `甘肃·甘肃法治` / `报见习记者` / `鲜` / `晓苏）…`)
        if k >= 3 and not unclosed_bracket(text):
            break
        group.append(ln)
        text += ln.text
    m = match_dateline(text)
    if not m or strong_only and not (m.re is DATELINE and m.group("date") and m.group("kind") in "电電"
                                     or m.group(0).startswith("【") or _names_reporters(m)):
        return None
    end, pos, used = m.end(), 0, 0
    out: list[Line] = []
    rest = ""
    for ln in group:
        if pos >= end:
            break
        used += 1
        cut = end - pos
        head, rest = ln.text[:cut].strip(), ln.text[cut:].strip()
        if head:
            out.append(Line(ln.no, head, ln.width, ln.indent, ln.blank_before, "byline", column=ln.column, widest_column=ln.widest_column))
        pos += len(ln.text)
    last = group[used - 1]
    if not rest and i + used < len(lines) and lines[i + used].kind == "text" and _is_wire_title(lines[i + used].text):
        used += 1
        last, rest = lines[i + used - 1], lines[i + used - 1].text
    if rest and _is_wire_title(rest):
        # 新华社北京8月24日电 题：… ——专访… / 新华社记者 王立彬: the title and the
        # reporter line belong to the byline (dev pages a01, a07).
        out.append(Line(last.no, rest, last.width, False, False, "byline", column=last.column, widest_column=last.widest_column))
        for j in range(i + used, min(i + used + config.WIRE_TITLE_MAX_LINES, len(lines))):
            if lines[j].kind != "text":
                break
            if is_reporter_line(lines[j].text):
                end_j = j + 1 + _name_tail(lines, j + 1)
                for k in range(i + used, end_j):
                    lines[k].kind = "byline"
                    out.append(lines[k])
                used = end_j - i
                break
    elif rest:
        # the lead runs on from the dateline: its line is as wide as the column
        width = max(last.width, last.column)
        out.append(Line(last.no, rest, width, False, False, "text", column=last.column,
                        widest_column=last.widest_column, runs_on=not is_terminal(rest)))
    return used, out


def _names_reporters(m: re.Match) -> bool:
    """Whether a dateline names its reporters in brackets after 讯: 本报讯（记者 X 通讯员 Y）.

    Such a dateline opens an article wherever it stands: no sentence goes on into a
    source, 讯 and a bracket of roles and names.
    """
    return m.re is DATELINE and bool(m.group("people")) and is_reporter_line(m.group("people"))


def _is_wire_title(text: str) -> bool:
    """Whether text opens a wire title (题：…) printed after a dateline."""
    return text.startswith(("题：", "題：", "题:", "題:"))


# --- pass 3: units --------------------------------------------------------------------


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
    if prev.terminal or not (prev.full_as_first() if prev_first else prev.full):
        return False
    if nxt.blank_before and not nxt.full and not nxt.terminal and nxt.text[-1].isalnum() \
            and ("，" in prev.text or "、" in prev.text):
        # across a gap, a sentence cut at the column's edge goes on in a line that fills its column
        # or ends the paragraph on a mark; a short line ending on a word is a headline's (real page
        # lswb, pdftotext: `…锁定嫌疑人胡某，面对` / gap / `本周气温一路回升` / `周末辽宁小范围降雨`).
        # (Only after a line of clauses: a headline's own line goes on so, dev page a03 `广益 研究新情况` /
        # gap / `作出新规划`, dev-v2 c02 `土豆不“土” 土豆无“土”` / gap / `春耕备耕正当时`)
        return False
    if nxt.blank_before and _PHRASED_HEADLINE.match(nxt.text) and not _PHRASED_HEADLINE.match(prev.text):
        # across a gap, a line of phrases set apart is a headline, not a body sentence's rest (gen
        # page h7002/p02: `乱堆乱放、乱搭乱建千余` / gap / `这座城 让人总想留下`, a column cut at its
        # foot); after a line of phrases it is that headline's next line (`直銷58確診　毒鏈延至` /
        # gap / `尖嘴　魚檔繼續爆　大`)
        return False
    if nxt.text[0] in BULLETS:
        # a bullet opens an item or a byline, never the rest of a sentence (gen page text-5023/p11:
        # `赵顶良深入基层三年间` / `◆在国庆、中秋来临之际，`, a headline over a column of briefs)
        return False
    if prev_first and _PHRASED_HEADLINE.match(prev.text):
        # two phrases set apart by one space, no sentence punctuation: a headline run straight
        # into its lead, as wide as the column (gen pages: `災情未止 小海嘯毁污水廠` /
        # `超強颱風「山竹」蹂躪本`)
        return False
    if prev_first and prev.blank_before and nxt.blank_before and not prev.indent and not _MID_SENTENCE.search(prev.text):
        # a line standing alone between two gaps is a block of its own, as block
        # extractors print each headline line (issue 9, gen pages: `三周两市蒸发21万亿`);
        # a line that stops on a comma is mid-sentence whatever the gaps (seed
        # page 115: `张百顺强调，信访工作是了解民情、` / blank / `集中民智…`)
        return False
    if nxt.blank_before and prev_first and nxt.width > prev.width + config.PARAGRAPH_INDENT_COLUMNS + 2 * prev.slack:
        # a lone line followed, after a gap, by a much wider one stopped short of
        # its column: a kicker over its headline (seed page lines 136-138)
        return False
    # (_past_edge's width test written out first: this runs for every pair of lines, few that wide)
    if prev.width > prev.column + 2 * prev.slack and not prev.overfull and _set_wide(prev) and not _set_wide(nxt) \
            and nxt.width <= nxt.column + nxt.slack:
        # a headline line set over two columns does not run on into a line of the column's
        # measure: that is the body under it (real page zghysyb, PyMuPDF text, no blank lines:
        # `汪东进致辞周心怀出席并讲话俞进主持` (17 over 13.5) / `10月9日，中国海油2024年`)
        return False
    if prev.overfull != nxt.overfull:
        # a headline set across columns continues only into its short remainder
        # (dev page a03: `…奋力推动高` / `质量发展走在前列`) or its second line, as wide as
        # the column (_headline_line), and body text never continues into a headline (seed page
        # lines 136-138)
        return prev.overfull and (not nxt.full or _headline_line(prev, nxt))
    return True


#: a line of closing quotation marks only
_CLOSING_QUOTES = "”’」』"
_CLOSING_ONLY = re.compile(f"^[{_CLOSING_QUOTES}]+$")


#: a line with no punctuation at all (a headline's line; body text has a comma every few words)
_UNPUNCTUATED = re.compile(r"^[^，。、；：！？,;:!?（）()《》“”「」]+$")


def _reads_as_headline(ln: Line) -> bool:
    """Whether a line is worded as a headline: HEADLINE_LINE_MIN_CHARS characters or more, no punctuation."""
    return len(ln.text) >= config.HEADLINE_LINE_MIN_CHARS and _UNPUNCTUATED.match(ln.text) is not None


def _headline_line(over: Line, ln: Line) -> bool:
    """Whether ln, right under a line set across columns, is that headline's next line rather than the lead.

    `上午，记者在奉贤看到市民生活如往昔` / `相信上海不久会恢复热闹` (gen pages text-5023/p09,
    PyMuPDF blocks, and g303/p01, pdftotext -raw): a kicker wider than the column, then the
    main line as wide as the column, with no punctuation. A lead's first line opens a paragraph,
    short of the column by its indent even where the extractor drops the indent (dev-v2 d06:
    `中國銀保監近日向6家`), or follows a gap or a —— subtitle, which ends its title (dev b04,
    dev-v2 e08).
    """
    return (not ln.blank_before and not ln.indent and not over.text.startswith(_DASH)
            and ln.width >= ln.column - config.HEADLINE_LINE_MAX_SHORTFALL and _reads_as_headline(ln))


def _title_after_closing_byline(units: list[Unit], ln: Line) -> bool:
    """Whether ln, the first line after a byline that closes the body above it, is the next article's title.

    A byline printed under a body's last sentence ends that article, so the line after it opens
    the next one: a title, not the lead. An unpunctuated line short of its column is one, though
    it could pass for a lead's first line whose indent the extractor dropped (gen page f9001/p05,
    pdftotext -raw: `…服务计划。` / `记者 刘涛` / `夜访城市工人休息室` / `1月7日晚上，…`).
    """
    return (len(units) >= 2 and units[-1].kind == "byline" and units[-2].kind == "body" and not ln.full
            and _reads_as_headline(ln))


def _text_unit_kind(lines: list[Line]) -> str:
    """body (ends a sentence), short (stops short without one) or open (cut at a column end)."""
    last = lines[-1]
    if last.terminal and not (len(lines) == 1 and _EXCLAIMED_TITLE.match(last.text)):
        return "body"
    if len(lines) <= config.SHORT_UNIT_MAX_LINES and _whole_note(lines):
        # a closing note wrapped over lines ends its article like a sentence (real page
        # rmrb-20180109-07: `（作者为中国财政科学研究院研究` / `员）` had become a headline)
        return "body"
    if len(lines) == 1 and last.full and "。" in last.text[:-1] and _HAN_END.search(last.text):
        # a line filling the column with a sentence ended inside it, cut inside a word, is a
        # paragraph's line cut at a block's end, never a title (real page lswb, PyMuPDF blocks:
        # `肇事逃逸，致人死亡。民警深`)
        return "open"
    if len(lines) <= config.SHORT_UNIT_MAX_LINES and (len(lines) == 1 or not last.full
                                                      or any(ln.overfull or _set_wide(ln) for ln in lines)):
        return "short"
    return "open"


def _whole_note(lines: list[Line]) -> bool:
    """Whether lines, the last ending on a closing bracket, are one whole note wrapped: nothing runs on after it.

    (real page rmrb-20180122-07, PyMuPDF blocks: `（作者单位：河北经贸大学、中国社科` /
    `院中国特色社会主义理论体系研究中心）`, both as wide as the column, had run on into the
    next essay's title after a gap)
    """
    return lines[0].text[:1] in "（(" and is_note("".join(ln.text for ln in lines))


def _units(lines: list[Line]) -> list[Unit]:
    """Group lines into units; consecutive byline lines form one unit."""
    units: list[Unit] = []
    cur: list[Line] = []

    def flush() -> None:
        if cur:
            units.append(Unit(_text_unit_kind(cur), cur.copy()))
            cur.clear()

    for ln in lines:
        if ln.kind != "text":
            flush()
            if ln.kind == "byline" and units and units[-1].kind == "byline":
                units[-1].lines.append(ln)
            elif ln.kind == "roster":
                # a roster is text of the article it stands in, set apart like a subhead
                if units and units[-1].kind == "subhead" and units[-1].lines[-1].kind == "roster":
                    units[-1].lines.append(ln)
                else:
                    units.append(Unit("subhead", [ln]))
            else:
                units.append(Unit(ln.kind, [ln]))
            continue
        # (the first character looked at before the pattern: this runs for every line)
        if cur and ln.text[0] in _CLOSING_QUOTES and _CLOSING_ONLY.match(ln.text):
            # a closing quotation mark wrapped onto a line of its own ends the line before it
            # (gen page h7002/p04, pdftotext -raw: `…良种覆盖率接近100%。` / `”`), which had
            # read as a one-character title between two bodies
            prev = cur[-1]
            cur[-1] = Line(prev.no, prev.text + ln.text, prev.width + ln.width, prev.indent, prev.blank_before,
                           column=prev.column, widest_column=prev.widest_column, last=ln.end)
            continue
        if cur and (ln.indent or cur[-1].text[-1] in "）)" and _whole_note(cur)
                    # a headline set across columns ends with the line at the column's width under it
                    or len(cur) >= 2 and cur[-2].overfull and not cur[-1].overfull and _headline_line(cur[-2], cur[-1])
                    or len(cur) == 1 and _title_after_closing_byline(units, cur[0])
                    or not _continues(cur[-1], ln, len(cur) == 1)):
            flush()
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

#: marks inside a sentence that a headline line seldom holds: a comma, a full stop
_CLAUSE_MARK = re.compile(r"[，。、；,;]")

#: a line ending here stops mid-sentence: a comma, an enumeration comma, an opening bracket or quote
_MID_SENTENCE = re.compile(r"[，、,；;（(“《「]$")

#: one line that is a single quoted exclamation or question: a headline
#: such as `“这才是真正的河南！”` may end like a sentence (dev-v2 c01, e02), and may
#: fill its column (dev-v2 c01, 12 columns); whether it is a headline or a quoted line
#: inside the body is then left to the cohesion across it (_headline_evidence). An
#: unquoted one (`预祝大会圆满成功！`) is as often a body's closing sentence.
_EXCLAIMED_TITLE = re.compile(r"^[“「『][^。，、；：！？!?,;:]{2,24}[！？!?][”」』]$")

#: a line ending on a question or exclamation mark, perhaps inside closing quotes
_ASKED_TITLE = re.compile(r"[？！?!][”」』]?$")

#: a line that is only a label: 【执纪者说】, (三), 四、, 之3 — how sections inside an article are marked
_SECTION_LABEL = re.compile(r"^(?:【[^【】]{1,10}】|\[[^\]]{1,10}\]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                            r"|[一二三四五六七八九十]{1,3}[、.]|\S{1,8}之[一二三四五六七八九十\d]{1,3})$")
_TITLE_SPACE = re.compile(f"{_GAP_BEFORE} {_GAP_AFTER}")
#: a photographer's credit alone on a line: a name (perhaps spaced out), 摄, perhaps the agency in brackets
_PHOTO_CREDIT = re.compile(rf"^[\u4e00-\u9fff· ]{{2,8}}{CREDIT_END}")
#: a line ending on a photographer's credit
_CREDITED_PHOTO = re.compile(CREDIT_END)


def _correct_kinds(units: list[Unit]) -> None:
    """Correct the kinds that a unit's own widths and punctuation get wrong, from its neighbours.

    A title line that ends like a sentence or fills its column reads as body text,
    and a body line cut at a column's foot reads as a title line; what stands
    around them says which they are.
    """
    # a question or exclamation on a line of its own between a title line and the next
    # article's byline or title is the title's headline, not a one-sentence body (gen pages,
    # 钱江晚报: `拆房屡出命案 管理形同虚设` / `谁来为无序拆房“埋单”？` / `■【文匯網訊】…`); so is one
    # wrapped at the column, its rest a block of its own after a gap, as a block extractor prints a
    # headline's lines (gen page g101/p04, PyMuPDF blocks: `谁来为无序拆房“埋` / gap / `单”？`)
    for k in range(1, len(units)):
        u, nxt = units[k], units[k + 1] if k + 1 < len(units) else None
        if u.kind != "body" or len(u.lines) > 2 or len(u.lines) == 2 and not u.lines[1].blank_before:
            continue
        if (units[k - 1].kind == "short" and _ASKED_TITLE.search(u.lines[-1].text)
                and (nxt is None or nxt.kind in ("byline", "furniture", "short"))):
            u.kind = "short"
        # a headline of phrases broken after a speaker's colon, its rest after a gap (gen page
        # g303/p04: `三周两市蒸发21万亿 股民：` / gap / `深市“蒸”没了`): the colon ends no sentence
        if (u.lines[0].text.endswith(("：", ":")) and _PHRASED_HEADLINE.match(u.lines[0].text)
                and nxt is not None and nxt.kind == "short" and nxt.lines[0].blank_before):
            u.kind = "short"
    # a block of a few lines that stops mid-sentence, then a gap and a bulleted line (a byline or
    # an item of briefs), is a title as wide as its column: no sentence goes on into a bullet
    # (gen page text-5011/p06: `路虎中国黄金5年终结` / `部分车型价格出现“崩盘”` / gap / `◆在国庆、…`)
    for k in range(len(units) - 1):
        u, nxt = units[k], units[k + 1]
        if (u.kind == "open" and len(u.lines) <= config.TITLE_MAX_LINES and u.lines[0].blank_before
                and nxt.lines[0].blank_before and nxt.lines[0].text[:1] in BULLETS):
            u.kind = "short"
    # the same holds for a byline: a few lines opening the page that stop mid-sentence right over
    # a byline are a title as wide as the column (gen page h7002/p04, pdftotext -raw: `【新春走基层】` /
    # `土豆不“土”土豆无“土”` / `光明日报记者 王建宏` / `张文攀`)
    for k in range(len(units) - 1):
        u = units[k]
        if (u.kind == "open" and len(u.lines) <= config.TITLE_MAX_LINES // 2 and units[k + 1].kind == "byline"
                and all(x.kind == "furniture" for x in units[:k])):
            u.kind = "short"
    # one full line printed in the block of a body that ends a sentence above it, a gap
    # after it, is that block's last line: a paragraph begun and cut at the column's foot,
    # not a title line (gen page text-5011/p07: `安徽成为“领头羊”。` / `“逆袭”的背后，是一场` /
    # gap / the next article's headline)
    for k in range(1, len(units) - 1):
        u = units[k]
        if (u.kind == "short" and len(u.lines) == 1 and u.lines[0].full and not u.lines[0].blank_before
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
    for k in range(2, len(units)):
        if (units[k].kind in ("open", "short") and len(units[k].lines) <= 3 and units[k - 1].kind == "byline"
                and units[k - 2].kind in ("body", "subhead")):
            if _quote_runs_on(units, k):
                units[k].kind = "open"
            elif units[k].kind == "open":
                units[k].kind = "short"
    # a block cut at the column's edge whose last line opens with —— is a headline over its
    # subtitle, both filling the column (real page rmrb-20180129-07, PyMuPDF text:
    # `从三个层面促进实体经济由大向强` / `——“第六届中国工业发展论坛”述要`)
    for u in units:
        if u.kind == "open" and 2 <= len(u.lines) <= 3 and u.lines[-1].text.startswith(_DASH):
            u.kind = "short"
    # a photographer's credit on a line of its own ends the caption above it, a sentence's end:
    # never a title or a subhead (gen page text-5011/p06, PyMuPDF blocks: `…调速转把生产线上作业。` /
    # `李 鑫摄（影像中国）`, which had become the headline of the report under it)
    for u in units:
        if u.kind == "short" and len(u.lines) == 1 and _PHOTO_CREDIT.match(u.lines[0].text):
            u.kind = "body"
    # the text right before a continuation marker is the body's last line, cut mid-sentence to go on
    # on another page, never a title (gen pages: `溆浦县北斗溪镇准备依托` / `（下转第19 版）`)
    for k in range(len(units) - 1):
        if units[k].kind == "short" and units[k + 1].kind == "jump_down":
            units[k].kind = "open"
    # two or three wide lines cut at the edge right before a short unit are the
    # top of the same title block (dev page b08: a kicker over two lines that
    # just fill the measure, then the headline set across columns), when they stand
    # apart: right after a paragraph's end they open the next paragraph, cut at the
    # column's foot (gen page text-5011/p07: `安徽成为“领头羊”。` / `“逆袭”的背后，是一场`)
    for k in range(len(units) - 1):
        if (units[k].kind == "open" and len(units[k].lines) <= 3 and units[k + 1].kind == "short"
                and any(ln.overfull for ln in units[k + 1].lines)
                and (k == 0 or units[k].lines[0].blank_before or units[k - 1].kind != "body")):
            units[k].kind = "short"


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
    text = "".join(ln.text for ln in units[k].lines)
    return text.count("“") > text.count("”") or unclosed_bracket(text)


def _classify_short_runs(units: list[Unit]) -> None:
    """Turn each run of short units into a title run or in-body subheads.

    A run is a title when it stands at an article boundary (page edge,
    furniture, a jump marker, or right before a byline) or looks like a
    headline (a —— subtitle, a line set across columns, a space between two
    phrases: `依法依规解决群众合理诉求 推动实现“事心双解”`). A run right after a
    byline is the article's deck or first subhead, never a title.
    """
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
        # a byline that follows body text ends that article (记者 刘涛 after the body):
        # what comes after it starts the next one
        tail_byline = i >= 2 and units[i - 2].kind in ("body", "subhead")
        # a run after such a byline is a title (that article's, printed after it, or the next
        # one's), never a subhead inside a body, however much the articles either side share
        # their subject (real page lswb: `…处七年以上有期徒刑。` / `辽沈晚报特派朝阳记者 张辉` /
        # `早市附近发生车祸 民警菜市场揪出逃逸车主`)
        at_edge = (nxt is None or nxt.kind in ("byline", "jump_up", "furniture")
                   or prev is None or prev.kind in ("furniture", "jump_down")
                   or prev.kind == "byline" and tail_byline)
        looks = any(ln.text.startswith(_DASH) or ln.overfull for ln in lines) or (
            len(lines) <= 3 and any(_TITLE_SPACE.search(ln.text) for ln in lines))
        after_byline = (prev is not None and prev.kind == "byline" and nxt is not None and nxt.kind != "byline"
                        and not tail_byline)
        if not at_edge and not after_byline:
            # between two stretches of text: one article goes on across a subhead,
            # two articles meet at a headline (issue 9: merges, split articles)
            evidence = _headline_evidence(units, i, j, lines, nxt)
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
        if title:
            replacement = [Unit("title", lines)]
            # a bare name under a title is its author's byline (dev page b01: 张志锋)
            # and what follows it is the deck that opens the body
            b = next((k for k in range(1, len(lines))
                      if is_bare_names(lines[k].text, config.BARE_NAME_MAX_COLUMNS)
                      and not _parallel_phrase(lines[k - 1], lines[k], lines[k + 1] if k + 1 < len(lines) else None)),
                     None)
            if b is not None and (nxt is None or nxt.kind != "byline"):
                lines[b].kind = "byline"
                replacement = [Unit("title", lines[:b]), Unit("byline", [lines[b]])]
                if lines[b + 1:]:
                    replacement.append(Unit("subhead", lines[b + 1:]))
            elif len(lines) > 1 and _SECTION_LABEL.match(lines[-1].text):
                # a label under a title (`攥指成拳 生威发力` / `(一)`) opens the body's first section
                replacement = [Unit("title", lines[:-1]), Unit("subhead", lines[-1:])]
            elif len(lines) > 1 and lines[-1].text.count("，") >= 2 and not lines[-1].terminal:
                # a line of clauses under a title is the first line of the lead, cut from the rest of
                # its paragraph (real page lswb, PyMuPDF: `早市附近发生车祸民警菜市场揪出逃逸车主` /
                # `8旬老人在医院住院，清晨出来想回家吃饭，没想到，刚出` / `医院大门，…`)
                replacement = [Unit("title", lines[:-1]), Unit("open", lines[-1:])]
            units[i:j] = replacement
            j = i + len(replacement)
        i = j


def _headline_evidence(units: list[Unit], i: int, j: int, lines: list[Line], nxt: Unit | None) -> float | None:
    """How strongly a short run between two stretches of text is a headline rather than a subhead.

    A sum of named features (config.py, "headline or subhead"); positive means
    headline. None when there is too little text either side to measure
    cohesion, the feature that carries most of the decision.
    """
    before = _window(units, range(i - 1, -1, -1), config.COHESION_BEFORE_CHARS)
    after = _window(units, range(j, len(units)), config.COHESION_AFTER_CHARS)
    if min(len(before), len(after)) < config.COHESION_MIN_CHARS:
        return None
    if any(ln.text.startswith(_DASH) or ln.overfull for ln in lines):
        return config.HEADLINE_STRONG  # a —— subtitle or a line set across columns
    # (cohesion last: its bigram sets of both windows are the costliest feature)
    score = (config.COHESION_MIDPOINT - cohesion(before, after)) / config.COHESION_SCALE
    if _wider_than_column(lines):
        score += config.HEADLINE_WIDE
    if len(lines) <= 3 and any(_TITLE_SPACE.search(ln.text) for ln in lines):
        score += config.HEADLINE_PHRASE_GAP
    if len(lines) == 1 and _SECTION_LABEL.match(lines[0].text):
        score -= config.SUBHEAD_LABEL
    if len(lines) >= 2 and is_author_line(lines[-1].text, config.BARE_NAME_MAX_COLUMNS):
        score += config.HEADLINE_AUTHOR
    if j - i >= config.HEADLINE_STACKED_BLOCKS and not any(_MID_SENTENCE.search(ln.text) for ln in lines):
        # (pdftotext -raw breaks body lines after commas: a stack of such pieces is a sentence)
        score += config.HEADLINE_STACKED
    return score


def _past_edge(ln: Line) -> bool:
    """Whether a printed line (not one joined from pieces) runs past its column's edge by more than twice a full line's slack."""
    return ln.width > ln.column + 2 * ln.slack and not ln.last


def _set_wide(ln: Line) -> bool:
    """Whether a line runs past its column's edge (_past_edge), holding no comma or stop: set over two columns."""
    return _past_edge(ln) and not _CLAUSE_MARK.search(ln.text)


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
    return any(_set_wide(ln) for ln in lines) and not any(_CLAUSE_MARK.search(ln.text) for ln in lines)


def _window(units: list[Unit], order: range, limit: int) -> str:
    """Up to limit characters of text from the units in order, stopping at a title or furniture.

    It stops at a byline too, once it holds COHESION_EDGE_MIN_CHARS: a reporter line stands at
    an article's edge, so the text past it is another article's, which would dilute the
    cohesion across a subhead near an article's end (gen page text-5023/p08, pdftotext -raw:
    `街市提早一小時關門消毒`, its short last section, the article's byline, then the next
    article, read as a headline). A dateline is no such edge: under an editor's note it opens
    the report of the same article (gen pages, 钱江晚报: `编者按` / … / `本报讯`).
    """
    parts: list[str] = []
    n = 0
    for k in order:
        u = units[k]
        if u.kind in ("title", "furniture") or (u.kind == "byline" and n >= config.COHESION_EDGE_MIN_CHARS
                                                 and not any(match_dateline(ln.text) for ln in u.lines)):
            break
        if u.kind in ("jump_up", "jump_down", "stray", "caption"):
            continue
        t = "".join([ln.text for ln in u.lines])
        parts.append(t)
        n += len(t)
        if n >= limit:
            break
    if order.step < 0:
        parts.reverse()
        return "".join(parts)[-limit:]
    return "".join(parts)[:limit]


def _is_lead_in(unit: Unit) -> bool:
    """Whether a unit is one short line ending in a colon: the first line of a two-line subhead."""
    ln = unit.lines[0]
    return unit.kind == "body" and len(unit.lines) == 1 and ln.text.endswith(("：", ":")) and not ln.full


# --- pass 4: assembly -------------------------------------------------------------------


#: a subtitle that points to another page (——详见第5版, （見第3版）): its title is a teaser (导读)
_POINTER = re.compile(r"^(?:——|─|--)?\s*[（(]?\s*(?:详见|詳見|见|見)\s*第?\s*[0-9一二三四五六七八九十A-Z]{1,3}\s*版")


def _title_blocks(lines: list[Line]) -> list[list[Line]]:
    """Split a run of title lines into title blocks (a headline and a teaser, say).

    A second title in the run starts where a second —— subtitle or a subtitle
    pointing to another page (——详见第5版) has its own headline line (gen pages:
    `坚持全国“一盘棋”` / `——优化…` / `数智赋能 创新前行` / `——探寻…` set solid). Within
    each part, lines separated by blank lines still form one block when the first
    part is a single line (a kicker over its headline, seed page lines 136-138); two
    multi-line parts where the second has its own —— subtitle are two titles (seed
    page lines 402-406: an article's title, then a teaser).
    """
    blocks: list[list[Line]] = []
    start = 0
    for cut in _second_titles(lines) + [len(lines)]:
        blocks.extend(_blank_blocks(lines[start:cut]))
        start = cut
    return blocks


def _second_titles(lines: list[Line]) -> list[int]:
    """Where further titles start in a title run: the headline line(s) over a second or pointing subtitle."""
    dashes = [k for k, ln in enumerate(lines) if ln.text.startswith(_DASH) or _POINTER.match(ln.text)]
    cuts: list[int] = []
    for n, d in enumerate(dashes):
        if d == 0 or d - 1 in dashes or not (n or _POINTER.match(lines[d].text)):
            continue  # no headline over it, a subtitle's second line, or the run's own first subtitle
        head = d - 1
        if lines[d].blank_before:  # the headline is the whole part printed before it
            while head > 0 and not lines[head].blank_before:
                head -= 1
        floor = dashes[n - 1] + 1 if n else 1
        if head >= floor and head not in cuts:
            cuts.append(head)
    return cuts


def _blank_blocks(lines: list[Line]) -> list[list[Line]]:
    """Title lines grouped by the blank lines between them into one or more title blocks."""
    if not lines:
        return []
    groups: list[list[Line]] = []
    for ln in lines:
        if not groups or ln.blank_before:
            groups.append([ln])
        else:
            groups[-1].append(ln)
    blocks: list[list[Line]] = [groups[0]]
    for g in groups[1:]:
        prev = blocks[-1]
        has_sub, g_sub = _has_subtitle(prev), _has_subtitle(g)
        starts_sub = g[0].text.startswith(_DASH)
        # one short line closing the run after a subtitle is its wrapped rest, not a teaser
        # (dev-v2 c03: `——优化区域经济布局，促进区域` / blank / `协调发展`); with more
        # title lines after it, it is the next title's kicker (seed page, headline first:
        # `——探寻…密码` / `中共中央办公厅` / `印发《…》`)
        sub_rest = has_sub and g is groups[-1] and len(g) == 1 and _subtitle_rest(prev[-1], g[0])
        if (has_sub and not starts_sub and not sub_rest) or \
                (len(prev) >= 2 and len(g) >= 2 and g_sub and not starts_sub):
            blocks.append(g)
        else:
            prev.extend(g)
    return blocks


def _subtitle_rest(upper: Line, lower: Line) -> bool:
    """Whether lower, a short line under upper, is the wrapped rest of a subtitle rather than a title of its own."""
    return lower.width <= config.SUBTITLE_REST_MAX_SHARE * upper.width


def _title_fields(block: list[Line]) -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, subtitle) of a title block.

    A —— line and what follows is the subtitle. Without one, two printed lines
    apart are kicker and headline; two lines together are one wrapped headline
    unless the second is far longer (then it is the subtitle).
    """
    d = next((k for k, ln in enumerate(block) if ln.text.startswith(_DASH)), None)
    subtitle = join_lines([ln.text for ln in block[d:]]) if d is not None else None
    rest = block[:d] if d is not None else block
    if not rest:
        return None, subtitle, None
    if len(rest) == 1:
        return None, rest[0].text, subtitle
    parts: list[list[Line]] = []
    for ln in rest:
        if not parts or ln.blank_before:
            parts.append([ln])
        else:
            parts[-1].append(ln)
    if len(parts) >= 2:
        return join_lines([ln.text for ln in parts[0]]), join_lines([ln.text for p in parts[1:] for ln in p]), subtitle
    if subtitle is not None:
        return rest[0].text, join_lines([ln.text for ln in rest[1:]]), subtitle
    if len(rest) == 2 and rest[1].width >= config.SUBTITLE_LENGTH_RATIO * rest[0].width:
        return None, rest[0].text, rest[1].text
    return None, join_lines([ln.text for ln in rest]), None


@dataclass
class _Draft:
    """An article being put together from units."""

    title: list[Line] | None = None
    byline: list[Line] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    jumps: list[Line] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return bool(self.body)


def _neighbour_bodies(units: list[Unit]) -> dict[int, tuple[str, str]]:
    """For each title unit, the text before it and after it, each running to the next title."""
    titles = [k for k, u in enumerate(units) if u.kind == "title"]
    texts = ["" if u.kind in _OUTSIDE_FLOW else "".join([ln.text for ln in u.lines]) for u in units]
    out: dict[int, tuple[str, str]] = {}
    for n, k in enumerate(titles):
        lo = titles[n - 1] + 1 if n else 0
        hi = titles[n + 1] if n + 1 < len(titles) else len(units)
        before, after = "".join(texts[lo:k]), "".join(texts[k + 1:hi])
        limit = config.TITLE_BODY_WINDOW_CHARS
        out[k] = (before[-limit:], after[:limit])
    return out


def _split_title_runs(units: list[Unit], bodies: dict[int, tuple[str, str]]) -> list[Unit]:
    """Title runs that hold the headline of the body before and that of the body after, split in two.

    Printed apart (a blank line between), one part names the text before it
    and the next part the text after it: one article's headline printed after
    its body, then the next article's before its own (gen pages, pdftotext:
    `居家养老有“医”靠 安宁疗护有温度` / blank / `法国全国大罢工再次严重影响交通`).
    bodies: _neighbour_bodies(units). The list given, the same object, where no run splits.
    """
    if not any(u.kind == "title" and any(ln.blank_before for ln in u.lines[1:]) for u in units):
        return units
    out: list[Unit] = []
    for k, u in enumerate(units):
        if u.kind != "title" or not any(ln.blank_before for ln in u.lines[1:]):
            out.append(u)
            continue
        before, after = bodies[k]
        cut = next((c for c in range(1, len(u.lines)) if u.lines[c].blank_before
                    and _leans(u.lines[:c], before, after) < -config.TITLE_VOTE_MARGIN
                    and _leans(u.lines[c:], before, after) > config.TITLE_VOTE_MARGIN), None)
        if cut is None:
            out.append(u)
        else:
            out += [Unit("title", u.lines[:cut]), Unit("title", u.lines[cut:])]
    return out if len(out) > len(units) else units


def _leans(lines: list[Line], before: str, after: str) -> float:
    """How much more of these title lines' bigrams the text after holds than the text before."""
    text = "".join(ln.text for ln in lines)
    return coverage(text, after) - coverage(text, before)


def _title_votes(units: list[Unit], bodies: dict[int, tuple[str, str]]) -> dict[int, float]:
    """For each title unit, how much more it belongs to the body after it than to the body before it.

    A headline's words recur in its own body (coverage, cohesion.py), whatever
    order the extractor gave them in; the bodies looked at run to the next
    title either side. In [-1, 1]; positive means headline-first.
    """
    votes: dict[int, float] = {}
    for k, (before, after) in bodies.items():
        title = "".join(ln.text for ln in units[k].lines)
        votes[k] = coverage(title, after) - coverage(title, before)
    return votes


def _split_teaser(block: list[Line], bodies: tuple[str, str], first: bool) -> tuple[list[Line], list[Line]]:
    """A title block split into (title, teaser): lines at the end away from its body that name neither neighbour.

    A teaser (导读: a headline with no body on this page) printed next to a
    title joins its block when the extractor leaves no blank line between them
    (dev-v2 d06: `奋力书写高质量发展新篇章 / ——我市扎实推进重点项目建设` after a
    headline). Its words occur in neither body; a kicker's or subtitle's
    usually occur in their own.
    """
    n = len(block)
    own_body = bodies[1] if first else bodies[0]

    def names(lines: list[Line], body: str) -> float:
        return coverage("".join(ln.text for ln in lines), body)

    best: tuple[list[Line], list[Line]] = (block, [])
    for cut in range(1, n):  # the longest far-end stretch that qualifies
        title, teaser = (block[cut:], block[:cut]) if first else (block[:n - cut], block[n - cut:])
        if len("".join(ln.text for ln in teaser)) < config.TEASER_MIN_CHARS:
            continue
        if not first and _wraps(block[n - cut - 1]):
            # the cut would fall inside a headline wrapped at its column. (Only a teaser under its
            # title: one over it may fill its column and end on no mark, a banner over the page,
            # real page rmrb-20180112-07, pdftotext: `认真学习宣传贯彻党的十九大精神` / the kicker.)
            continue
        # (each neighbour asked in turn, not both for their max: after one that the teaser names, the
        # other is not needed)
        limit = config.TEASER_MAX_COVERAGE
        if names(teaser, bodies[0]) <= limit and names(teaser, bodies[1]) <= limit and names(title, own_body) > limit:
            best = (title, teaser)
    if best[1]:
        return best
    # a whole teaser title (a line, then its —— subtitle) at either end of a title with no
    # subtitle of its own (gen pages: `大连太平湾投资2000亿` / `未批先建开工两年半` / `数智赋能
    # 创新前行` / `——探寻我市数字经济高质量发展密码`): its words may touch a body
    # (发展, 我市) but far less than the title's own. The two meet at a blank line or after
    # a line that ends a sentence: a headline's second line and its subtitle are no teaser
    # (gen page f9001/p03: `为现代化巴彦淖尔建设凝聚强` / `大智慧和力量` / `——热烈祝贺…`)
    for cut in range(2, n):
        for title, teaser in ((block[:n - cut], block[n - cut:]), (block[cut:], block[:cut])):
            upper, lower = (title, teaser) if title[0] is block[0] else (teaser, title)
            apart = lower[0].blank_before or upper[-1].terminal
            if not apart or not _subtitled(teaser) or _has_subtitle(title):
                continue
            if lower is title and len(title) == 1 and _subtitle_rest(upper[-1], title[0]):
                continue  # `——优化区域经济布局，促进区域` / `协调发展` (dev-v2 c03): one subtitle, wrapped
            teaser_names = max(names(teaser, bodies[0]), names(teaser, bodies[1]))
            if names(title, own_body) > teaser_names + config.TEASER_TITLE_MARGIN:
                return title, teaser
    return best


def _wraps(ln: Line) -> bool:
    """Whether a title line runs on into the next: it reaches its column's edge and ends on no mark.

    A headline wraps at the column like text (gen pages f9001/p12 and pdf-1001/p11, PyMuPDF
    blocks: `直銷58確診　毒鏈延至尖嘴　魚` / `檔繼續爆　大埔墟街市失守`, `Manuel Pinho：中国煤炭需` /
    `求最快5年达顶峰`), so no teaser starts on the line after it. A line set across columns is a
    headline whole (gen page h7002/p06: `居家养老有“医”靠 安宁疗护有温度` / `打造一流营商环境`).
    """
    return ln.width >= ln.column and not ln.overfull and ln.text[-1].isalnum()  # (an ideograph is alphanumeric)


def _has_subtitle(lines: list[Line]) -> bool:
    """Whether title lines hold a —— subtitle."""
    return any(ln.text.startswith(_DASH) for ln in lines)


def _subtitled(lines: list[Line]) -> bool:
    """Whether lines are a whole title of their own: a headline line, then a —— subtitle."""
    return not lines[0].text.startswith(_DASH) and _has_subtitle(lines[1:])


def _title_beside_body(blocks: list[list[Line]], body: str, at: int) -> list[list[Line]]:
    """Title blocks with the one that names the body moved to position `at` (the body's side); the rest are teasers.

    The block next to the body is its title unless another names the body clearly
    more (TITLE_VOTE_MARGIN of its bigrams): a teaser printed between a headline and
    its body (gen pages: `加大创新驱动力度…` / `数智赋能 创新前行` / `——详见第5版`).
    """
    if len(blocks) < 2:
        return blocks
    scores = [coverage("".join(ln.text for ln in b), body) for b in blocks]
    best = max(range(len(blocks)), key=lambda n: scores[n])
    if scores[best] <= scores[at] + config.TITLE_VOTE_MARGIN:
        return blocks
    rest = blocks[:best] + blocks[best + 1:]
    return rest + [blocks[best]] if at == -1 else [blocks[best]] + rest


def _decide_headline_first(units: list[Unit], votes: dict[int, float], bodies: dict[int, tuple[str, str]]) -> bool:
    """Whether this page prints (in its extracted text) headlines before their bodies.

    Evidence: a page whose first block is a title and whose last is body text
    reads headline-first; one that opens on a byline or body and closes on a
    title reads headline-last (seed page); and each title votes for the body
    whose words it shares (_title_votes). A tie goes to headline-first, the
    order most extractors give.
    """
    content = [u for u in units if u.kind not in _OUTSIDE_FLOW]
    if not content:
        return True
    before = (content[0].kind == "title") + (content[-1].kind in ("body", "open", "subhead", "jump_down"))
    after = (content[0].kind in ("byline", "body", "open", "subhead")) + (content[-1].kind == "title")
    # a title with no text on one side (the page's first or last block) votes for the only body it
    # has: the edge terms above count it already (real page rmrb-20180129-07, PyMuPDF text: the
    # banner over the page, 0.8 for the body under it, had tipped a headline-last page)
    both = sum(v for k, v in votes.items() if all(bodies[k]))
    return before - after + config.TITLE_VOTE_WEIGHT * both >= 0


def _next_in_flow(units: list[Unit], k: int) -> Unit | None:
    """The first unit after units[k] that is part of the text's flow (no furniture, caption or stray), or None."""
    return next((u for u in units[k + 1:] if u.kind not in _OUTSIDE_FLOW), None)


def _closes_article(units: list[Unit], k: int) -> bool:
    """Whether the byline unit units[k] ends an article: a reporter line (not a dateline, which
    always opens one) with a title, a jump marker or the end of the page next, not body text."""
    if any(match_dateline(ln.text) for ln in units[k].lines):
        return False
    nxt = _next_in_flow(units, k)
    return nxt is None or nxt.kind in ("title", "jump_down")


def _dateline_after_reporter(lines: list[Line]) -> int:
    """Where a byline unit's dateline starts after reporter lines (记者 X / 本报讯 …); 0 if it does not."""
    if len(lines) < 2:
        return 0
    d = next((n for n, ln in enumerate(lines) if match_dateline(ln.text)), 0)
    return d if d and all(is_reporter_line(ln.text) for ln in lines[:d]) else 0


def _body_text(draft: _Draft) -> str:
    """The text of a draft's body, run together."""
    return "".join([ln.text for u in draft.body for ln in u.lines])


def _two_titles_cut(title: list[Line], earlier: str, own: str) -> int:
    """Where a title printed after its body splits into the title of the untitled body before it and its own; 0 if not.

    The first part must name the earlier body and the second its own body, each
    clearly more than the other (TITLE_VOTE_MARGIN of its bigrams).
    """
    limit = config.TITLE_BODY_WINDOW_CHARS
    earlier, own = earlier[-limit:], own[-limit:]
    return next((cut for cut in range(1, len(title)) if _leans(title[:cut], own, earlier) > config.TITLE_VOTE_MARGIN
                 and _leans(title[cut:], earlier, own) > config.TITLE_VOTE_MARGIN), 0)


def _signs_off(unit: Unit) -> bool:
    """Whether a body unit is an author's closing note: （作者为…）, （作者单位：…）."""
    return _whole_note(unit.lines) and bool(AUTHOR_NOTE.match("".join(ln.text for ln in unit.lines)))


def _lead_under(units: list[Unit], k: int) -> list[int]:
    """The units right after title units[k] that are a lead set across columns: each line but the last far wider than its column."""
    taken: list[int] = []
    for j in range(k + 1, len(units)):
        u = units[j]
        # (a photo's caption, its credit last, is as wide: real page zghysyb, pdftotext -raw)
        if u.kind not in ("body", "open") or u.lines[-1].text.endswith(("摄", "攝")) or \
                not all(_past_edge(ln) for ln in u.lines[:-1] or u.lines):
            break
        taken.append(j)
    return taken


def _author_follows(units: list[Unit], k: int) -> bool:
    """Whether the title units[k] has its author's bare names right under it."""
    nxt = _next_in_flow(units, k)
    return nxt is not None and nxt.kind == "byline" and \
        all(is_bare_names(ln.text, config.BARE_NAME_MAX_COLUMNS) for ln in nxt.lines)


def _introduces(draft: _Draft) -> bool:
    """Whether a draft's body so far is an editor's note, and no report under a dateline has followed it."""
    return bool(draft.body) and bool(_EDITOR_NOTE.match(draft.body[0].lines[0].text)) and \
        not any(ln.kind == "byline" for u in draft.body for ln in u.lines)


def _teaser_inside_sentence(units: list[Unit], k: int, cur: _Draft | None, bodies: tuple[str, str]) -> bool:
    """Whether the title units[k] stands inside a sentence of the body before it and names neither neighbour.

    An extractor can print a teaser box between a column's last line and the next
    column's first, inside a sentence (gen page g303/p12, pdftotext: `…海濱事` / gap /
    `奋力书写高质量发展新篇章` / `——我市扎实推进重点项目建设` / `務委員會新任主席…`):
    the body goes on after it. A headline there names the text after it (real page
    lswb: `…面对` / gap / `本周气温一路回升` / `周末辽宁小范围降雨` / `新的一周开始了…`).
    """
    if cur is None or not cur.body or cur.body[-1].kind not in ("body", "open"):
        return False
    last = cur.body[-1].lines[-1]
    nxt = _next_in_flow(units, k)
    if last.terminal or not last.full or nxt is None or nxt.kind not in ("body", "open"):
        return False
    grams = bigrams("".join(ln.text for ln in units[k].lines))
    # (a title with no bigrams, a Latin or one-character headline, says nothing either way: review)
    return bool(grams) and all(share_found(grams, body) <= config.TEASER_MAX_COVERAGE for body in bodies)


def _assemble(units: list[Unit]) -> list[tuple[str, object]]:
    """Order units into drafts and fragments: [('article', _Draft) | ('furniture'|'caption'|'teaser'|'unassigned', lines)]."""
    bodies = _neighbour_bodies(units)
    split = _split_title_runs(units, bodies)
    if split is not units:  # (the bodies change only where a title run was split: most pages, none)
        units, bodies = split, _neighbour_bodies(split)
    votes = _title_votes(units, bodies)
    page_first = _decide_headline_first(units, votes, bodies)
    out: list[tuple[str, object]] = []
    cur: _Draft | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            out.append(("article", cur))
        cur = None

    first = page_first
    titled: _Draft | None = None  # the article a title printed after its body has just closed
    last_titled: _Draft | None = None  # titled, as the unit before this one left it
    lead: set[int] = set()  # units taken as a lead printed under a title after its body
    for k, u in enumerate(units):
        if k in lead:
            continue
        if u.kind not in _OUTSIDE_FLOW:
            last_titled, titled = titled, None
        if u.kind == "furniture":
            out.append(("furniture", u.lines))
        elif u.kind == "stray":  # a piece of an author's name printed inside a paragraph: kept, in no article
            out.append(("unassigned", u.lines))
        elif u.kind == "caption":
            out.append(("caption", u.lines))
        elif u.kind == "title" and _teaser_inside_sentence(units, k, cur, bodies[k]):
            out.append(("teaser", u.lines))
        elif u.kind == "title":
            blocks = _title_blocks(u.lines)
            # a title whose words clearly sit in one neighbour goes with it, whatever the page's order
            vote = votes[k]
            first = vote > 0 if abs(vote) >= config.TITLE_VOTE_MARGIN else page_first
            if first:
                close()
                blocks = _title_beside_body(blocks, bodies[k][1], -1)
                title, teaser = _split_teaser(blocks[-1], bodies[k], True)
                for b in blocks[:-1] + ([teaser] if teaser else []):
                    out.append(("teaser", b))
                cur = _Draft(title=title)
            else:
                if cur is not None and cur.has_body and cur.title is not None and not cur.byline \
                        and _author_follows(units, k):
                    # a title after the body with its author under it is the body's own; the one
                    # printed before it, with none, a banner over the page (real page rmrb-20180129-07:
                    # `深入学习贯彻习近平新时代中国特色社会主义思想` / the essay / its title / its author)
                    out.append(("teaser", cur.title))
                    cur.title = None
                if cur is not None and cur.has_body and cur.title is None:
                    blocks = _title_beside_body(blocks, bodies[k][0], 0)
                    cur.title, teaser = _split_teaser(blocks[0], bodies[k], False)
                    blocks = ([teaser] if teaser else []) + blocks[1:]
                    titled = cur
                    taken = _lead_under(units, k)
                    if taken:
                        # the lead set across the columns under a headline printed after its body
                        # opens that body (real page lswb, PyMuPDF text: `…（失独家庭）。` / byline /
                        # title / `每份海葬骨灰补贴400元、选择树葬、…` over the article's width)
                        cur.body[:0] = [units[j] for j in taken]
                        lead.update(taken)
                    untitled = out[-1][1] if out and out[-1][0] == "article" else None
                    if isinstance(untitled, _Draft) and untitled.has_body and untitled.title is None:
                        cut = _two_titles_cut(cur.title, _body_text(untitled), _body_text(cur))
                        if cut:
                            # the titles of two bodies printed together after both, in the bodies'
                            # order (real page lswb, Founder PDF: `本周气温一路回升` / `周末辽宁小范围降雨`
                            # / `3名政法系统干部接受审查调查` after the weather report and the next item)
                            untitled.title, cur.title = cur.title[:cut], cur.title[cut:]
                close()
                for b in blocks:
                    out.append(("teaser", b))
        elif u.kind == "byline":
            if last_titled is not None and not last_titled.byline and all(
                    is_bare_names(ln.text, config.BARE_NAME_MAX_COLUMNS) for ln in u.lines):
                # an author's bare name under a title printed after its body is that article's
                # (real rmrb pages: an essay, its vertical title, its author `祝灵君`, the next essay)
                last_titled.byline.extend(u.lines)
                continue
            d = _dateline_after_reporter(u.lines) if cur is not None and cur.has_body and not cur.byline else 0
            if d:
                # a reporter line between a body and a dateline closes that body: the dateline opens
                # the next article (real page lswb: `…气温稍有回落。` / `辽沈晚报记者 胡月梅` /
                # `本报讯 辽沈晚报记者闫柳报道 昨日…`)
                cur.byline.extend(u.lines[:d])
                close()
                cur = _Draft(byline=list(u.lines[d:]))
                continue
            if cur is not None and cur.has_body and not cur.byline and _closes_article(units, k):
                # printed after the body (记者 刘涛, 作者：X): the byline of the article it ends
                cur.byline.extend(u.lines)
                continue
            if (cur is not None and cur.has_body and _CREDITED_PHOTO.search(u.lines[-1].text)
                    and not _closes_article(units, k)):
                # a photographer's credit between two captions of a photo story is the first caption's
                # end, text of the story (gen page pdf-1002/p05, pdftotext -raw: `…满足上下游客户订单需求。` /
                # `本报记者 张武军摄` / `11月29日，在江苏省…`), not the byline of a new article
                cur.body.append(Unit("body", u.lines))
                continue
            if cur is not None and _introduces(cur) and any(match_dateline(ln.text) for ln in u.lines):
                # an editor's note opens the article whose report follows under its dateline
                # (gen pages, 钱江晚报: `编者按` / … / `本报讯 经过有关部门的调查，`)
                cur.body.append(Unit("body", u.lines))
                continue
            if cur is None or cur.has_body or cur.byline:
                close()
                cur = _Draft()
            cur.byline.extend(u.lines)
        elif u.kind == "jump_up":
            if cur is None or cur.has_body:
                close()
                cur = _Draft()
            cur.jumps.append(u.lines[0])
        elif u.kind == "jump_down":
            if cur is None:
                out.append(("unassigned", u.lines))
                continue
            cur.jumps.append(u.lines[0])
            if page_first:
                close()
        else:
            if cur is not None and cur.body and _signs_off(cur.body[-1]):
                # an author's note closes an essay: text after it is another article's (real page
                # rmrb-20180112-07, pdftotext: `（作者单位：中共四川省委党校）`, then another essay's section)
                close()
            if cur is None:
                cur = _Draft()
            cur.body.append(u)
    close()
    return _give_far_titles(out)


def _title_parts(lines: list[Line]) -> list[tuple[int, int]]:
    """Spans of a title run that may be one title: the whole run, and its head or tail cut at a blank line."""
    cuts = [c for c in range(1, len(lines)) if lines[c].blank_before]
    return [(0, len(lines))] + [(0, c) for c in cuts] + [(c, len(lines)) for c in cuts]


#: characters of a body's start asked first whether it names its title (only a faster path: a title's
#: words come in a report's first sentences)
_LEAD_CHARS = 300


def _give_far_titles(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Untitled bodies given the title printed far from them that names them clearly.

    A reader finds a report's headline by its words wherever it stands. Plain
    pdftotext runs a page's columns into one stream, so a headline may come out
    after other columns' text, a teaser or another report's title beside it
    (real pages gsfzb, pdftotext: `忘记投保交强险 自掏腰包赔损失` after the next
    report; rmrb-20180109-07: `协同推进社会革命和自我革命` printed over another
    essay's title). A title that is no body's (a teaser, a title with no body) or
    names its own body far less (FAR_TITLE_MARGIN) goes to the untitled body
    holding most of its bigrams (FAR_TITLE_MIN_COVERAGE), best matches first.
    """
    untitled = [d for kind, d in out if kind == "article" and d.has_body and d.title is None]
    if not untitled:
        return out
    texts = [_body_text(d) for d in untitled]
    moves: list[tuple[float, int, int, int, int]] = []  # (coverage, source, part start, part end, body)
    for n, (kind, item) in enumerate(out):
        if kind == "teaser":
            lines = item
        elif kind == "article" and item.title:
            lines = item.title
        else:
            continue
        own = _body_text(item) if kind == "article" else None
        for lo, hi in _title_parts(lines):
            title = "".join(ln.text for ln in lines[lo:hi])
            # the share it must hold of a far body; a title naming its own body (most) can never reach
            # it, which its lead alone shows most often (a bigram missing from a whole body is searched
            # to its end: this runs for every title of every page)
            least = config.FAR_TITLE_MIN_COVERAGE
            if own is not None:
                if coverage(title, own[:_LEAD_CHARS]) + config.FAR_TITLE_MARGIN > 1.0:
                    continue
                least = max(least, coverage(title, own) + config.FAR_TITLE_MARGIN)
                if least > 1.0:
                    continue
            grams = bigrams(title)
            for b, text in enumerate(texts):
                c = share_found(grams, text, least)
                if c and c >= least:
                    moves.append((c, n, lo, hi, b))
    if not moves:
        return out
    moved: dict[int, tuple[int, int]] = {}
    taken: set[int] = set()
    for c, n, lo, hi, b in sorted(moves, key=lambda m: -m[0]):
        if n in moved or b in taken:
            continue
        moved[n] = (lo, hi)
        taken.add(b)
        lines = out[n][1] if out[n][0] == "teaser" else out[n][1].title
        untitled[b].title = lines[lo:hi]
    result: list[tuple[str, object]] = []
    for n, (kind, item) in enumerate(out):
        if n in moved:
            lo, hi = moved[n]
            if kind == "teaser":
                rest = item[:lo] + item[hi:]
                if rest:
                    result.append((kind, rest))
                continue
            item.title = item.title[:lo] + item.title[hi:] or None
            if item.title is None and not item.has_body and not item.byline and not item.jumps:
                continue
        result.append((kind, item))
    return result


def _paragraphs(units: list[Unit]) -> tuple[list[str], list[str]]:
    """Body paragraphs in reading order, and which of them are subheads.

    A paragraph ends on a line that ends a sentence and stops short of its
    column, or before an indented line or a blank line; a line cut at the
    column edge never ends one (issue 2: `精准服` / blank / `务企业`).
    """
    paras: list[str] = []
    subheads: list[str] = []
    cur: list[str] = []

    def flush() -> None:
        if cur:
            paras.append(join_lines(cur))
            cur.clear()

    lines = [(u, ln) for u in units for ln in u.lines]
    for k, (u, ln) in enumerate(lines):
        if u.kind == "subhead":
            if k == 0 or lines[k - 1][0] is not u:
                flush()
            cur.append(ln.text)
            if k + 1 == len(lines) or lines[k + 1][0] is not u:
                subheads.append(join_lines(cur))
                flush()
            continue
        if cur and ln.indent:
            flush()
        cur.append(ln.text)
        if ln.terminal:  # (the next line looked up only then: most lines wrap)
            nxt = lines[k + 1][1] if k + 1 < len(lines) else None
            if not ln.full or nxt is None or nxt.indent or nxt.blank_before:
                flush()
    flush()
    return paras, subheads


#: a byline line ending on a name of two or three characters set apart by a space
_WHOLE_NAME_END = re.compile(r"\s[\u4e00-\u9fff]{2,3}$")


def _byline_text(lines: list[Line]) -> str:
    """A byline as printed: pieces of one line joined by a space, wrapped lines rejoined,
    a reporter line on a line of its own."""
    out = ""
    prev: Line | None = None
    for ln in lines:
        if prev is None:
            out = ln.text
        elif ln.no == prev.no:
            out += " " + ln.text
        elif is_reporter_line(ln.text) and _opens_byline(ln.text) or match_dateline(ln.text):
            out += "\n" + ln.text
        elif _WHOLE_NAME_END.search(out) and is_bare_names(ln.text, config.BARE_NAME_MAX_COLUMNS):
            # a list of names set apart by spaces, wrapped after a whole name (gen page g303/p03:
            # `新华网黑龙江频道 记者 伊琳` / `李清芬`): the break is one more space, not inside a name
            out += " " + ln.text
        else:
            out = join_lines([out, ln.text])
        prev = ln
    return out


def _page_from_furniture(lines: list[Line]) -> str | None:
    """The page number a page header prints (第4版), if any."""
    for ln in lines:
        if ln.kind == "furniture":
            m = re.search(r"第\s*([0-9一二三四五六七八九十]+)\s*版", ln.text)
            if m:
                return page_number(m.group(1))
    return None


def segment_text(text: str, path: str = "<text>", page: str | None = None,
                 encoding: str | None = None) -> list[Article]:
    """Articles and fragments of one page's text, in reading order."""
    lines = _mark_bylines(read_lines(text))
    units = _units(lines)
    _correct_kinds(units)
    _classify_short_runs(units)
    page = page or _page_from_furniture(lines)
    stem = id_stem(path)
    records: list[Article] = []
    for kind, item in _assemble(units):
        if kind == "article":
            records.append(_draft_to_article(item, path, page, encoding))
        else:
            records.append(_fragment(kind, item, path, page, encoding))
    for rec in records:
        rec.id = f"{stem}#L{rec.source.line_start}-L{rec.source.line_end}"
    return records


def _fragment(kind: str, lines: list[Line], path: str, page: str | None, encoding: str | None) -> Article:
    """A record for text that belongs to no article: furniture, a caption, a teaser, a stray marker."""
    rec = Article(id="", kind="fragment", fragment_type=kind,
                  source=Source(path, page, encoding, lines[0].no, lines[-1].end))
    if kind == "teaser":
        rec.kicker, rec.headline, rec.subtitle = _title_fields(lines)
    elif kind == "unassigned":
        rec.markers = [ln.text for ln in lines]
    else:
        rec.paragraphs = [ln.text for ln in lines]
    return rec


def _draft_to_article(d: _Draft, path: str, page: str | None, encoding: str | None) -> Article:
    """The article record for a draft; one with neither body nor byline is a teaser fragment."""
    all_lines = (d.title or []) + d.byline + [ln for u in d.body for ln in u.lines] + d.jumps
    paragraphs, subheads = _paragraphs(d.body)
    if not paragraphs and not d.byline and d.title:
        return _fragment("teaser", d.title, path, page, encoding)
    byline = _byline_text(d.byline) if d.byline else None
    if byline is None and paragraphs:
        paragraphs[-1], byline = split_tail_byline(paragraphs[-1])
    # (lists, not generators, and each line's end written out, not its property: these see every line)
    rec = Article(id="", kind="article", source=Source(path, page, encoding, min([ln.no for ln in all_lines]),
                                                       max([ln.last or ln.no for ln in all_lines])))
    if d.title:
        rec.kicker, rec.headline, rec.subtitle = _title_fields(d.title)
    rec.byline = byline
    rec.reporters = reporters(byline) if byline else []
    rec.paragraphs, rec.subheads = paragraphs, subheads
    rec.dateline = dateline_date(byline, paragraphs[0] if paragraphs else "")
    for j in d.jumps:
        rec.markers.append(j.text)
        if j.kind == "jump_down":
            rec.continued_on = j.page
        else:
            rec.continued_from = j.page
    return rec
