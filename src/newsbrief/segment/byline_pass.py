"""Pass 2 of segmentation: mark a page's bylines, datelines and rosters.

The grammar of one byline lives in ``byline.py``; this pass decides, line by
line, where a byline stands on the page: a dateline opening a lead (split off
it), a reporter line over or under a body, names wrapped under their role, a
roster of people inside an article (not bylines at all).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import config
from ..text.normalize import display_width
from .byline import (BEFORE_NAME, BRACKET_DATELINE, BULLETS, DATELINE, ENDS_ON_ROLE, NAMED_REPORTER, ROLE_OPENING,
                     SOURCE_HINT, broken_role, credit_broken, is_author_line, is_bare_names, is_reporter_line, is_source,
                     match_dateline, may_close_on_byline, may_open_dateline, names_a_role, number_rest, reporters,
                     split_tail_byline, starts_with_surname)
from .cohesion import GRAMMATICAL
from .lines import (DASH, HAN_END, Line, MID_SENTENCE, SECTION_LABEL, cut_line, find_all, is_terminal, rows, splice,
                    text_of, unclosed_bracket)


#: the label of an editor's note, which opens an article before its report: 编者按 / 【编者按】 / 編者按：
EDITOR_NOTE = re.compile(r"^[【\[]?(?:编者按|编者的话|編者按|編者的話)[】\]]?(?:[：:]|$)")


#: a credit for the text or the pictures, which opens a byline: 文/ 图文/ 文／图
_CREDIT = re.compile(r"^(?:文|图文|圖文|文/图|文／图|撰文)\s*[/／]")
#: the characters a _CREDIT match opens with: looked at first, as nearly every line opens with none
#: (keep the two together: a credit added without its first character is never matched)
_CREDIT_FIRST = "文图圖撰"

#: a writer's role and a colon opening a line (`作者：李金磊`): a credit that names who wrote the text, never the
#: subject of a sentence, which would go on with a verb, not a colon. Not 记者：, which opens an
#: interviewer's question in a Q&A as often as a credit (session-25 review: `记者：王校长` / `您今后…？`)
_ROLE_COLON = re.compile(r"^(?:作者|采写|採寫|撰文)\s*[︰：:]")


#: a line that may be one person's name in a roster: two to four characters, nothing else
_ROSTER_NAME_MAX = 4
_ROSTER_NAME = re.compile(rf"^[\u4e00-\u9fff·]{{2,{_ROSTER_NAME_MAX}}}$")


def _roster_name(ln: Line) -> bool:
    """Whether a line could be a name heading an entry of a roster: short, alone, ending no sentence."""
    return 2 <= len(ln.text) <= _ROSTER_NAME_MAX and ln.kind == "text" and not ln.full \
        and _ROSTER_NAME.match(ln.text) is not None


def _roster_post(lines: list[Line], k: int, entry: list[bool]) -> int:
    """How many lines from lines[k] hold one person's post: one phrase wrapped, up to the next name.

    A post ends where a name follows it (entry[j]: lines[j] opens an entry), unless its line
    stops on 、 or ， (`…研究室主任、` / `教授`); the last post of a list ends on a line short
    of its column, or short of the post's line over it (config.ROSTER_POST_LAST_SHORTFALL).
    """
    n = 0
    while k + n < len(lines) and n < config.ROSTER_POST_MAX_LINES:
        ln = lines[k + n]
        if ln.kind != "text" or ln.terminal or SECTION_LABEL.match(ln.text):
            break
        n += 1
        if MID_SENTENCE.search(ln.text):
            continue
        if entry[k + n] or not ln.full and not (n == 1 and ln.indent and ln.full_as_first()) \
                or n >= 2 and ln.width <= lines[k + n - 2].width - config.ROSTER_POST_LAST_SHORTFALL:
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
        # (`上海`, a subhead's wrapped rest with the lead under it, opens none; nor a post's rest under a
        # line that fills its column, a wrap, unless it opens on a surname: gen page x9782/p03, pdftotext
        # -raw: `上海市地方志辦公室黨組書記、主任，研` / `究員` / `邢建榕`, where `究員` had read as a name;
        # or unless a post filling its column starts under it: a wrapped rest has a name under it, a name
        # its post (gen page s9952/p06, pdftotext -raw: `研究室主任、教授` / `洪民榮` / `上海市地方志辦公`,
        # 洪 being no listed surname, the post above had run on over the name; +1 development article, +8
        # on the re-extracted corpora, none lost. Adding 洪 to the surnames instead cost the PDF path two
        # roster articles, the name read there as a byline)
        entry[k] = _roster_name(lines[k]) and posts[k + 1] > 0 and not (
            k and lines[k - 1].full and not starts_with_surname(lines[k].text) and not lines[k + 1].full)
    return posts


def _mark_rosters(lines: list[Line]) -> None:
    """Mark lists of people printed inside an article (name / post / name / post …) as roster lines.

    An interview prints its guests so (gen pages, 解放日报: `【訪談嘉賓】` / `徐建剛` /
    `中共上海市委黨史研究室主` / `任、教授` / `洪民榮` / …): each name alone on a line reads as
    a byline and the posts between them as titles, cutting the article into pieces. Three names
    (config.ROSTER_MIN_ENTRIES), each followed by its post wrapped like text, make a list; a
    byline stands once, above or below its article. A label right over the list goes with it.
    """
    # (the length asked before the call: every line of every page comes here, few are that short)
    names = [k for k, ln in enumerate(lines) if len(ln.text) <= _ROSTER_NAME_MAX and _roster_name(ln)]
    if len(names) < config.ROSTER_MIN_ENTRIES:
        return  # most pages: too few lines that could head an entry
    posts = _roster_posts(lines)  # (marking below changes only lines before those still to be read)
    done = 0  # the lines before it belong to a list already marked
    for i in names:  # (a list opens on a name: the lines that could, found above, not all lines walked again)
        if i < done:
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
            continue
        start = i - 1 if i and lines[i - 1].kind == "text" and SECTION_LABEL.match(lines[i - 1].text) else i
        for ln in lines[start:k]:
            ln.kind = "roster_more"
        # the label, each name and each post's first line open a part of the list: the article's
        # text keeps them apart (run together, `【访谈嘉宾】王建华城南水库管理处主任` reads as one phrase)
        lines[start].kind = "roster"
        j = i
        while j < k:
            lines[j].kind = lines[j + 1].kind = "roster"
            j += 1 + posts[j + 1]
        done = k


#: a bullet; after a line's first character, where a byline printed beside a title may begin
_BULLET = re.compile(f"[{BULLETS}]")


def _split_run_in_bylines(lines: list[Line], page: str) -> list[Line]:
    """Lines where a reporter line runs on after other text, split before its bullet.

    pdftotext -raw puts text objects that stand side by side on one line, so a headline's last
    line and the next article's byline printed beside it come out as one (gen pages text-5011/p03
    and text-5023/p11: `铁总辟谣称消息不实 ■ 李洪兴`, `民：深市“蒸”没了 ■ 中共将乐县委通讯组 福建` /
    `日报记者`). A bullet opens a byline or an item, never the middle of a title or a sentence; a dateline
    after it opens the byline as a reporter line does (gen3 page k10063/p09: `消息不实 ■ 【文匯網訊】(…記者 …`, the
    names run together on the next line, read as the headline's end, which then took the next headline too), and
    so does a dateline whole only with the next line (gen10 page u10703/p01, pdftotext -raw: `天居首 ■ （中央社記者`
    / `戴雅真台北29日電）`, which had merged two reports).
    """
    # (most lines hold no bullet inside them: the page's bullets found at once, over its lines joined by
    # newlines, page, and only the lines holding one past their start searched; a search with a lookbehind
    # costs 4 times as much)
    inside = [at for at in find_all(page, BULLETS) if at and page[at - 1] != "\n"]
    if not inside:
        return lines  # most pages
    pieces: dict[int, list[Line]] = {}
    for i in rows(page, inside):
        ln = lines[i]
        if ln.kind != "text":
            continue
        m = _BULLET.search(ln.text, 1)  # (the line's first bullet past its start)
        tail = ln.text[m.start():]
        nxt = lines[i + 1].text if i + 1 < len(lines) and lines[i + 1].kind == "text" else ""
        if is_reporter_line(tail) or nxt and is_reporter_line(tail + nxt) or match_dateline(tail) \
                or nxt and match_dateline(tail + nxt):
            head = ln.text[:m.start()].rstrip()
            pieces[i] = cut_line(ln, head, tail)
    return splice(lines, pieces)


#: the last words of a headline before a dateline on one line: characters only, no punctuation
_TITLE_TAIL = re.compile(r"[\u4e00-\u9fff]+")
#: what every strong dateline (_strong_dateline) holds: 电 of a wire, the bracket of its reporters, 【
_STRONG_HINT = "电電【（("


def _split_title_tail_datelines(lines: list[Line], page: str) -> list[Line]:
    """Lines where a headline's last words run on into a dateline, split before the dateline.

    A headline wrapped by a word or two can come out on the line of the dateline under it
    (`城南水库扩建工程正式` / `开工本报讯（记者 王明）…`): read whole, the line is a subtitle and the
    article loses its byline. Only a strong dateline (reporters in brackets, a full wire dateline,
    【】) is looked for after a few characters: no sentence runs on into a source, 讯 and reporters.
    A dateline alone after a space, beside a headline's last words, is split off too (_dateline_beside).
    """
    # (the lines holding what a dateline holds found by one search over page, the lines joined by
    # newlines, as a test per line would see every line of a body in Python)
    hint_end = config.TITLE_TAIL_MAX_CHARS + 8
    pieces: dict[int, list[Line]] = {}
    for i in rows(page, find_all(page, _STRONG_HINT + "讯訊")):
        ln, t = lines[i], lines[i].text
        # (a source's hint in the line's head, or a space for one beside a headline, asked first: most lines
        # holding a bracket or 电 have neither)
        hinted = SOURCE_HINT.search(t, 1, hint_end) is not None
        if not hinted and " " not in t:
            continue
        # a line that opens on a dateline already keeps it whole: a source read from its second
        # character on is a part of its name (gen page f9001/p09: `新京报快讯（记者…` is no `新` / `京报快讯`)
        if ln.kind != "text" or not i or lines[i - 1].kind != "text" or lines[i - 1].terminal or match_dateline(t):
            continue
        cut = 0
        if hinted:
            cut = next((p for p in range(1, min(config.TITLE_TAIL_MAX_CHARS, len(t) - 1) + 1)
                        if _TITLE_TAIL.fullmatch(t, 0, p) and _strong_dateline(match_dateline(t[p:]))), 0)
        if not cut:
            after = lines[i + 1].text if i + 1 < len(lines) and lines[i + 1].kind == "text" else ""
            cut = _dateline_beside(t, after)
        if cut:
            pieces[i] = cut_line(ln, t[:cut].rstrip(), t[cut:].lstrip())
    return splice(lines, pieces)


def _dateline_beside(text: str, after: str) -> int:
    """Where a dateline standing alone after a headline's last words and a space starts in text, else 0.

    pdftotext -raw puts text on one baseline on one line: a headline's last line and the next article's
    dateline set beside it come out as one (gen3 k10048/p03: `型价格出现“崩盘” 南方日报讯` / `徐林`). The
    dateline must end the line (or run on into the next, `【文匯網訊】(香港文` / `匯報記者 顏晉傑 文森)`): a
    source with a lead after it on the line is a sentence's words.
    """
    for sp in _spaces(text):
        tail = text[sp + 1:].lstrip()
        m = match_dateline(tail)
        if m is None and after:
            m = match_dateline(tail + after)
        if m is not None and m.end() >= len(tail.rstrip()) and _title_words(text[:sp].rstrip()):
            return sp
    return 0


#: a character that every role (byline._ROLE, which ROLE_OPENING asks for) holds: 者 of 记者 and its compounds,
#: 作者： and 读者, 讯 of 通讯员 and 通讯组, 习 of 实习生, 写 of 采写：, and their traditional forms (keep with _ROLE:
#: a role holding none of them is never found here). Characters, not the words: str.find looks for one character
#: four times as fast as for a word (the seed page: 17 µs against 71 µs), and the few more lines found
#: (学习, 写作) are let through at their first look
_ROLE_CHARS = "者讯訊习習写寫"


def _split_title_tail_reporters(lines: list[Line], page: str) -> list[Line]:
    """Lines where a headline's last words run on into a reporter line beside it, split before the reporters.

    pdftotext -raw puts text that stands on one baseline on one line, so a headline's last line and the
    byline set beside it come out as one (gen page x9782/p07: `全国党报聚首枣庄 共商报业发展` /
    `大计 本报记者 张腾扬`; gen3 k10065/p06: `輕鐵屯門泳池站月台沉降 驚見石` / `屎躉「離地」60毫米 本报实习生
    刘国栋 周炜`), and the words read as a reporter's name. A byline names its people after their role:
    the words before the first role after a space, under a line that ends no sentence, are the title's,
    if they end no clause themselves.
    """
    pieces: dict[int, list[Line]] = {}
    # (the roles' characters found over the page at once; then a space, which most lines naming one lack)
    for i in rows(page, find_all(page, _ROLE_CHARS)):
        ln, t = lines[i], lines[i].text
        if " " not in t or ln.kind != "text" or not i or lines[i - 1].kind != "text" or lines[i - 1].terminal:
            continue
        for sp in _spaces(t):
            head, tail = t[:sp].rstrip(), t[sp + 1:].lstrip()
            if not head or not ROLE_OPENING.match(tail) or not _title_words(head):
                continue
            # (a line opening on a dateline keeps it: `本报讯 城南日报记者王小明报道` is one byline; and so do a
            # reporter line broken inside its organisation's name, dev-v2 e09: `新华网黑龙江频` / `道 记者 伊琳 李清芬`,
            # and one whose organisation stands apart, gen3 k10024/p06: `新华网黑龙江频道 记者` / `伊琳 李清芬`)
            if is_reporter_line(tail) and not match_dateline(t) \
                    and not is_reporter_line(lines[i - 1].text + t) and not is_source(head.lstrip(BULLETS)):
                pieces[i] = cut_line(ln, head, tail)
            break  # (the first role after a space decides: a later space falls among the byline's names)
    return splice(lines, pieces)


def _spaces(text: str) -> list[int]:
    """The positions of the spaces in text that stand between two words, not at its ends."""
    # (str.find, not a look at every character: this runs for every line holding a role's or a source's character)
    found, at = [], text.find(" ", 1)
    while 0 < at < len(text) - 1:
        found.append(at)
        at = text.find(" ", at + 1)
    return found


def _title_words(head: str) -> bool:
    """Whether text before a byline on its line may end a headline: a short word, or words ending no clause."""
    if len(head) <= config.TITLE_TAIL_MAX_CHARS:
        return _TITLE_TAIL.fullmatch(head) is not None
    return not is_terminal(head) and MID_SENTENCE.search(head) is None


def _strong_dateline(m: re.Match | None) -> bool:
    """Whether a dateline opens an article wherever it stands: a whole wire dateline, 【】, reporters in brackets."""
    return m is not None and (m.re is DATELINE and bool(m.group("date")) and m.group("kind") in "电電"
                              or m.group(0).startswith("【") or _names_reporters(m) or _wire_in_brackets(m))


def _names_its_reporter(text: str) -> bool:
    """Whether a reporter line names its reporter as a byline does: a name on a surname, or a source's name before the role.

    A body line wrapped inside a sentence may read as organisation, role and name run
    together (gen page u9761/p05, PyMuPDF blocks: `…2005年也未上涨。` / `中国社科院法学所副研究员支振`
    / `锋此前在接受中新网记者采访时` / `表示，…`; u9766/p05: `…负责人罗成鑫给记者算了一`): what
    follows 记者 there is the sentence's next words, what stands before it no source's name.
    """
    names = reporters(text)
    if all(starts_with_surname(name) for name in names):
        return True
    if any(name[:1] in GRAMMATICAL and not starts_with_surname(name) for name in names):
        # no name opens on a grammatical character but a surname (于, 和): the sentence's next words (gen pages
        # x9782/p02, x9786/p12, PyMuPDF blocks: `…编出来的。` / `她希望更多的记者能` / `像陕工报记者一样真`
        # / `正到一线去采访职工，`, where 像陕工报 reads as a paper's name and had cut the article)
        return False
    role = BEFORE_NAME.search(text)
    source = text[:role.start()].lstrip(BULLETS) if role else ""
    return is_source(_CREDIT.sub("", source).strip())


def mark_bylines(lines: list[Line]) -> list[Line]:
    """Mark byline lines; split a dateline that runs into the lead into byline + text."""
    # (the page's lines joined once for the two splits' first looks: again only if the first split one)
    page = "\n".join([ln.text for ln in lines])
    split = _split_run_in_bylines(lines, page)
    if split is not lines:
        page = "\n".join([ln.text for ln in split])
    lines = _split_title_tail_datelines(split, page)
    if lines is not split:
        page = "\n".join([ln.text for ln in lines])
    split = _split_title_tail_reporters(lines, page)
    if split is not lines:
        lines = split
        page = "\n".join([ln.text for ln in lines])
    # the lines holding what a dateline mid-column needs (a date's 月, 【, a bracket), found over the page at
    # once: a line inside a paragraph holding none is let through without a look at its head
    dated = set(rows(page, find_all(page, "月【（(")))
    _mark_rosters(lines)
    out: list[Line] = []
    i, count = 0, len(lines)  # (the list is read here, never changed: its length counted once)
    while i < count:
        ln = lines[i]
        if ln.kind != "text":
            out.append(ln)
            i += 1
            continue
        prev = lines[i - 1] if i else None
        # a whole reporter line under one line standing between a sentence's end and it is the byline
        # under a headline, both as wide as the column (real page gsfzb, PyMuPDF text: `…劳务工资。` /
        # `劳务工资被拖欠检察监督全追回` / `新甘肃·甘肃法治报通讯员庞俊宝` / the lead)
        # (the line two before asked first: few lines follow a sentence's end by two lines; then a role word)
        t = ln.text
        under_title = (i >= 2 and lines[i - 2].terminal and not prev.terminal
                       and prev.kind == lines[i - 2].kind == "text" and may_close_on_byline(t)
                       and HAN_END.search(prev.text) is not None
                       and NAMED_REPORTER.match(t) is not None and is_reporter_line(t) and _names_its_reporter(t))
        # a body line that merely names a reporter (`新华社记者杨成明、`, dev page
        # a03) sits mid-paragraph at full width; a byline opens with a bullet or
        # follows a gap, a sentence end or a short line. A colon ends no sentence here: it
        # announces what follows (gen page text-5023/p01, PyMuPDF blocks: `…人事部决定：` /
        # `追授新华社记者邵云环、光明日`)
        mid_paragraph = (not under_title and prev is not None and prev.kind == "text" and not ln.blank_before
                         and (not prev.terminal or prev.text[-1] in "：:") and prev.full and not prev.overfull
                         # (nor the rest of a line set wider than the column: a deck's, gen page z9802/p05,
                         # pdftotext -raw: `年过五十的她带领学校民乐团的孩子们一路快乐`, 21 columns in 15 /
                         # `前行，在比赛中拿下不俗的成绩` / `顶端新闻·河南商报记者马俊峰/文`)
                         and not (i >= 2 and lines[i - 2].overfull and not prev.blank_before)
                         and ln.full and ln.text[0] not in BULLETS
                         # names set apart by spaces are a list, not a sentence (gen pages:
                         # `本报记者 徐锦庚 肖家鑫 李` right under a headline of the same width)
                         and " " not in ln.text
                         # `文/` credits the text: no sentence goes on with it (gen page text-5011/p07:
                         # `“哥”啊，首付“割”没了` / `文/广州日报记者赖伟`, under a headline as wide as the column)
                         and not (ln.text[0] in _CREDIT_FIRST and _CREDIT.match(ln.text))
                         # nor a reporter line broken inside its role, its rest and names on the next line
                         # (gen3 page k10078/p03, pdftotext -raw: `赵顶良深入基层三年间` (10 in 8) /
                         # `中共将乐县委通讯` / `组 福建日报记者`, under a headline set past its column)
                         and not (i + 1 < count and " " in lines[i + 1].text and broken_role(t, lines[i + 1].text)))
        if mid_paragraph and (i not in dated or "月" not in (head := t[:config.DATELINE_HEAD_CHARS])
                              and not t.startswith("【") and "（" not in head and "(" not in head):
            # most lines of a page: no byline, and no dateline that could open an article mid-column
            # (which needs a date, 【, or its reporters in brackets) either
            out.append(ln)
            i += 1
            continue
        if not mid_paragraph:
            # (a line mid-paragraph is none of what these tests find: it follows a full line, and may only
            # open a strong dateline, _take_dateline's strong_only)
            nxt = lines[i + 1] if i + 1 < count else None
            # (the widths and the gap asked here first: this sees most lines, few of them short before a gap)
            if not ln.full and (nxt is None or nxt.blank_before) and _closing_names_rest(prev, ln) and out \
                    and out[-1] is prev:
                # (one line, as printed before the column wrapped it)
                text = f"{prev.text.rstrip()} {t}"
                out[-1] = replace(prev, text=text, width=display_width(text), last=ln.end)
                i += 1
                continue
            # (asked after the test above: a line inside a paragraph follows a full line and holds no space)
            if prev is not None and prev.kind == "text" and not prev.terminal and (
                    not prev.full or nxt is not None and nxt.blank_before and " " in ln.text) and \
                    is_author_line(t) and not parallel_phrase(prev, ln, nxt) and not number_rest(prev.text, t) \
                    and not (nxt is not None and nxt.text.startswith(DASH)):
                # names under a short line that ends no sentence: a title's author (`攥指成拳 生威发力` /
                # `姚雪青 钱 艳 宋 岩`, gen page h7001/p02), who would otherwise run on into the lead; so are
                # names set apart by spaces under a line as wide as the column, a gap after them, where a
                # block extractor prints a headline, then the next report's byline in one block (gen page
                # r9734/p08, PyMuPDF blocks: `土豆不“土”土豆无“土”` / `姚雪青 钱 艳 宋 岩` / gap / its lead); never
                # over a —— subtitle, which no author stands before: a headline's rest that reads as a name
                # (gen3 page k10046/p02, pdftotext -raw: `建设凝聚强大智慧` / `和力量` / `——热烈祝贺…`)
                ln.kind = "byline"
                out.append(ln)
                i += 1
                continue
            # a reporter line broken inside a word, its short rest on the next line (dev-v2 c03:
            # `中共将乐县委通讯` / `组 福建日报记者`), or a rest as wide as the column when it lists
            # names apart (dev-v2 e09: `新华网黑龙江频` / `道 记者 伊琳 李清芬`)
            broken = (nxt is not None and nxt.kind == "text" and (not nxt.full or " " in nxt.text)
                      and not nxt.blank_before and is_reporter_line(ln.text + nxt.text)
                      # the break falls inside a word: `赛中拿下不俗的成绩` / `本报记者 李 纵 周小苑` is a
                      # title's tail, then a byline whose first word stands whole (gen page text-5011/p05)
                      and (not is_reporter_line(ln.text) or broken_role(ln.text, nxt.text)
                           # or inside its picture credit (gen3 page k10022/p11, plain pdftotext:
                           # `顶端新闻·河南商报记者马俊峰/文受` / `访者供图`, whose 文受 had read as a name)
                           or credit_broken(ln.text, nxt.text)) and not opens_byline(nxt.text)
                      # nor between a headline and a byline that opens with its source's whole name
                      # (`水库扩建开工` / `城南日报 记者 伊琳`)
                      and not is_source(nxt.text.split()[0]))
            if broken:
                ln.kind = nxt.kind = "byline"
                out.extend((ln, nxt))
                i += 2
                continue
            # (few lines open on a bullet, or open a block indented)
            opens = ln.text[0] in BULLETS or ln.indent and ln.blank_before
            wrapped = _wrapped_bulleted_byline(lines, i) if opens else 0
            if wrapped:
                # (one line, as printed before the column wrapped it: its pieces are no reporter lines each)
                text = text_of(lines[i:i + wrapped])
                out.append(replace(ln, text=text, width=display_width(text), kind="byline",
                                   last=lines[i + wrapped - 1].end))
                i += wrapped
                continue
            # a full-width line naming a reporter and running straight on into more
            # full-width text is a sentence about them (dev page a07: 工人日報記者鄧崎凡 / 來到這里);
            # so is a paragraph's indented first line, full but for its indent (gen page pdf-1002/p12,
            # PyMuPDF blocks: `　　在与新文化记者` / `谈及本周的市场走势时，…`)
            # (not when the next line is the names themselves, set apart: `光明日报记者` / `王建宏 张文攀`,
            # gen page h7001/p03)
            names_subject = (not under_title and _fills(ln) and " " not in ln.text and ln.text[0] not in BULLETS and nxt is not None and nxt.kind == "text"
                             and not nxt.blank_before and nxt.full
                             and not (" " in nxt.text and _names_after_role(ln, nxt))
                             # (nor a role and a colon: a credit, in a column as narrow as the name, over a headline
                             # that fills it, gen pages x9785/p05, y9793/p01, pdftotext -raw: `作者：李金磊` /
                             # `茅坡村的变化为什么这么大`, which had read as a title's first line)
                             and not _ROLE_COLON.match(ln.text)
                             # (nor a credit, `文/`, which no sentence opens on: gen page w9961/p08, plain
                             # pdftotext: `“哥”啊，首付“割”没了` / `文/广州日报记者赖伟行` / the lead, all as wide)
                             and not (ln.text[0] in _CREDIT_FIRST and _CREDIT.match(ln.text)))
            reporter = not names_subject and is_reporter_line(ln.text)
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
    return _join_byline_heads(out)


def _join_byline_heads(lines: list[Line]) -> list[Line]:
    """Lines with each byline wrapped under a title from its organisation's line joined into one byline line.

    An extractor that prints every line at the column's width wraps a byline like text, and its first
    line reads as the title's last (gen pages f9973/p08, f9974/p05, f9977/p04, k9100/p01, pdftotext -raw:
    `中共将乐县委通讯组` / `福建日报记者`; `新华网黑龙江频道` / `记者 伊琳 李清芬`; `■ 中共将乐县委` /
    `通讯组 福建日报记者`; `顶端新闻·河南商报` / `记者马俊峰/文受访者供` / `图`). The head is a bulleted line, a
    source's whole name or a reporter line ending on its role (not a sentence's line that names a reporter:
    `她希望更多的记者能`, `追授新华社记者邵云环、`), or a source's name with its role's first character
    (`…河南商报记` / `者马俊峰…`); with the line under it, opening on a role, and perhaps a third (a credit's
    or a name's rest) it makes one reporter line, over no gap. Joined as printed on one line, set solid where
    that reads as a reporter line (`■中共将乐县委通讯组`), else with a space (`中共将乐县委通讯组 福建日报记者`:
    a role's 讯 is no organisation's character).
    """
    out: list[Line] = []
    done = 0  # the lines before this one are in out
    # (the lines that can be a head found first, in one comprehension: a text line ending no sentence that
    # opens on a bullet or ends on _HEAD_ENDS. Few lines are, and this sees every line of every page)
    for i in [i for i, ln in enumerate(lines) if ln.kind == "text" and not ln.terminal
              and (ln.text[0] in BULLETS or ln.text[-1] in _HEAD_ENDS)]:
        if i < done:
            continue  # joined into the byline before
        joined = _byline_head_at(lines, i)
        if joined is None:
            continue
        text, n = joined
        out.extend(lines[done:i])
        out.append(replace(lines[i], text=text, width=display_width(text), kind="byline", last=lines[i + n - 1].end))
        done = i + n
    out.extend(lines[done:])
    return out


#: the last characters of a source's name or a role (报 网 社 台 频道 新闻; 记者 通讯员 通讯组 实习生 作者：), or
#: of a role's first half (记): a head ending on none of them is neither, and most lines are let through on that look
#: (keep with byline._SOURCE and byline._ROLE: a source or role added there ending on another character is never
#: found here; tests/test_segment_rules.py checks every suffix)
_HEAD_ENDS = "报報网網社台道闻聞者員员组組生：:︰记記"


def _byline_head_at(lines: list[Line], i: int) -> tuple[str, int] | None:
    """The byline a head at lines[i] opens, joined, and how many lines it takes; None where no byline opens there.

    (asked only of a text line ending no sentence that opens on a bullet or ends on _HEAD_ENDS:
    _join_byline_heads finds those first)
    """
    head = lines[i]
    if i + 1 >= len(lines):
        return None
    nxt = lines[i + 1]
    t = head.text
    if nxt.kind not in ("text", "byline") or nxt.blank_before:
        return None
    if t[-1] in "记記":
        # the role word broken after the source's name (gen page x9785/p10, PyMuPDF blocks: `顶端新闻·河南商报记` /
        # `者马俊峰/文受访者供` / `图`)
        if not (is_source(t[:-1]) and ROLE_OPENING.match(t[-1] + nxt.text)):
            return None
    elif not (t[0] in BULLETS or is_source(t) or ENDS_ON_ROLE.search(t) and is_reporter_line(t)) \
            or not ROLE_OPENING.match(nxt.text):
        return None
    rests = [[nxt]]
    # (a credit's rest may have been read as a stray piece of a name: gen page s9953/p01, PyMuPDF blocks, `图`)
    if i + 2 < len(lines) and lines[i + 2].kind in (nxt.kind, "stray") and not lines[i + 2].blank_before:
        rests.append([nxt, lines[i + 2]])
    for rest in rests:
        tail = "".join(ln.text for ln in rest)
        for text in (t + tail, t + " " + tail):
            if is_reporter_line(text):
                return text, 1 + len(rest)
    return None


#: a closing byline begun after a paragraph's last sentence, on the same printed line: …热闹。”本. A closing
#: quote ends a sentence only after a stop: one closing a quoted word does not (a headline's `首付“割”没了`
#: over its byline, gen page t9746/p05, PyMuPDF blocks, had read as a sentence ended, then 没了 a byline's start)
_BYLINE_START = re.compile(r"(?:(?<=[。！？!?])|(?<=[。！？!?][”」』]))[\u4e00-\u9fff]{1,4}$")


def parallel_phrase(prev: Line, ln: Line, nxt: Line | None) -> bool:
    """Whether ln is one of a stack of phrases as long as each other: a kicker, not an author.

    `防风险` / `严监管` / `活实体` / `促发展` (real page rmrb-20180122-07): 严监管 opens with a
    surname, but the lines either side, as long and naming nobody, make it a phrase of the stack.
    """
    return nxt is not None and not ln.blank_before and not nxt.blank_before and \
        len(prev.text) == len(ln.text) == len(nxt.text) and \
        not any(is_bare_names(x.text) for x in (prev, nxt))


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


def _closing_names_rest(prev: Line | None, ln: Line) -> bool:
    """Whether ln, names alone before a gap, is the rest of the byline closing the paragraph's last line, prev.

    `…会恢复平日的热闹。”本报记者 董怡虹 ` / `陈炅玮` / gap / the headline printed after its body (gen3 page
    k10045/p08, PyMuPDF blocks): left alone, the last name had opened the headline. The closing byline's
    last name must stand whole: one character is a name broken at the line's end, whose rest is no name.
    (mark_bylines asks first that ln falls short of its column before a gap or the page's end.)
    """
    if prev is None or prev.kind != "text":
        return False
    # (the byline asked before the names: most paragraphs' last lines follow a line that closes on none)
    byline = split_tail_byline(prev.text)[1]
    # (its last name whole: `…需求。 本报记者 张` / `武军摄` is one name broken, not a second one)
    return byline is not None and len(byline.split()[-1]) >= 2 and is_bare_names(ln.text)


def _wrapped_bulleted_byline(lines: list[Line], i: int) -> int:
    """How many lines from lines[i], opening on a bullet or a block indented, a byline wrapped inside its words takes.

    (0: none.)

    A bullet opens a byline or an item of briefs; in a narrow column a long byline wraps like
    text, inside its words, over lines that each fill the column (gen page r9735/p09, pdftotext
    -raw, a 9-column measure: `■ 顶端新闻·河南商` / `报记者马俊峰/文受` / `访者供图`). No piece
    reads as a byline alone, and the two-line rest (_name_tail, broken) reads as names only once
    joined; the longest run of up to BULLET_BYLINE_MAX_LINES lines, each but the last filling
    its column, that reads as a reporter line whole is the byline. A byline indented as a
    paragraph, a block of its own, wraps so too (gen page t9743/p01, PyMuPDF blocks: `　　顶端新闻·河南` /
    `商报记者马俊峰/文` / `受访者供图`); a paragraph's lines joined do not read as a reporter line.
    """
    ln = lines[i]
    if ln.terminal or not _fills(ln) or is_reporter_line(ln.text):
        return 0
    for n in range(config.BULLET_BYLINE_MAX_LINES, 1, -1):
        part = lines[i:i + n]
        if (len(part) == n and all(x.kind == "text" and not x.blank_before for x in part[1:])
                and all(_fills(x) and not x.terminal for x in part[1:-1]) and is_reporter_line(text_of(part))):
            return n
    return 0


def _fills(ln: Line) -> bool:
    """Whether a line fills its column, an indented line by its indent less.

    A byline indented as a paragraph's first line wraps where its text and its indent fill the column
    (gen page t9744/p03, PyMuPDF blocks: `　　■ 中共将乐县委` / `通讯组 福建日报记者`, 7 columns of text
    after an indent of 2 in a 9-column measure).
    """
    return ln.full or ln.indent and ln.full_as_first()


def _bulleted_item(ln: Line, nxt: Line | None) -> bool:
    """Whether a bullet opens an item of briefs rather than a list of names.

    `◆在国庆、中秋来` / `临之际，为促进…` (gen page text-5011/p06) reads as two names after
    a bullet; but the line fills its column, runs on into the next, and its "names"
    open with no surname, and it names no role (`■中共将乐县委通讯组 福建` / `日报记者` is a byline).
    An indented line opens an item whatever its width, as it opens a paragraph (gen page r10403/p07,
    PyMuPDF blocks: `　　◆在国庆、中` / `秋来临之际，…`, short of its column by the indent, had become a
    byline and parted the briefs at each item).
    """
    return (ln.text[0] in BULLETS and (ln.full or ln.indent) and not ln.terminal and nxt is not None and nxt.kind == "text"
            and not names_a_role(ln.text) and not all(starts_with_surname(n) for n in reporters(ln.text)))


def _names_after_role(ln: Line, nxt: Line | None) -> bool:
    """Whether ln is a role with no names (光明日报记者) and nxt the names, set apart by spaces (王建宏 张文攀)."""
    return (nxt is not None and nxt.kind == "text" and " " in nxt.text and not reporters(ln.text)
            and is_bare_names(nxt.text) and is_reporter_line(ln.text))


def opens_byline(text: str) -> bool:
    """Whether a line's first word stands whole as a byline (本报记者 …), not the rest of a word broken off."""
    words = text.split()
    return bool(words) and is_reporter_line(words[0])


#: the first word of a line: up to its first space or separator
_FIRST_WORD = re.compile(r"[^\s、，,/／]+")


def _ends_whole(ln: Line, nxt: Line) -> bool:
    """Whether a byline line ends its byline: the first word of the line under it would have fit on it.

    Names wrap only where the next one no longer fits: a line with room for the word under it
    (`本报记者 王明`, 7 of 12 columns) was not wrapped, and a short line of phrases under it (`好消息
    好日子`) is a deck, the next lead's first line (`记者 刘涛` / `高新区`) the next article, though
    each reads as a name. `城南日报记者 王建宏` / `张文攀` (11 of 12) wraps; so does a line that ends on
    a separator (`施雨岑、` / `王思北、胡浩`) or on one character, a name broken (`■ 本报记者 赵` / `兵`).
    """
    if ln.full or not _ends_on_name(ln.text):
        return False
    m = _FIRST_WORD.match(nxt.text)
    # (an indented line has its indent less room: `　　■ 文/广州日报记者赖伟` / `行`, gen page t9745/p10,
    # PyMuPDF blocks, 10.5 columns of text and an indent of 2 in a 13-column measure, was wrapped)
    room = ln.column - (config.PARAGRAPH_INDENT_COLUMNS if ln.indent else 0)
    return m is not None and ln.width + 1 + display_width(m.group(0)) <= room


def _ends_on_name(text: str) -> bool:
    """Whether a byline line ends on a whole name: not on a separator (`施雨岑、`) or on one character (`赵`)."""
    return len(text) >= 2 and text[-1] not in "、，,/／" and bool(text[-2].strip())


#: a line of names only, set apart by spaces or 、, each of one to four characters (the rest of a name broken may be one)
_NAMES_APART = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:[ 、][\u4e00-\u9fff]{1,4})+$")


def _name_tail(lines: list[Line], i: int) -> int:
    """How many lines from lines[i] carry on a reporter line's names.

    Names wrap like text: ■ 本报记者 赵 / 兵, 福建 / 日报记者, 施雨岑、/ 王思北、胡浩.
    A carried-on line holds only names or roles, and is short or stops short of its column:
    a name with its credits may be most of a line (gen page text-5023/p04, PyMuPDF blocks:
    `顶端新闻·河南商报记者` / `马俊峰/文受访者供图`).
    """
    n = 0
    while (i + n < len(lines) and lines[i + n].kind == "text" and not lines[i + n - 1].terminal
           and not _ends_whole(lines[i + n - 1], lines[i + n])
           # a gap after a whole name ends the byline: names wrap inside their block, and a line of phrases set
           # apart under it is the next headline (gen page f9973/p05, PyMuPDF blocks: `　　作者：王辛夷` / gap /
           # `减成本 增服务` / gap / the next byline), which had read as two more names
           and not (lines[i + n].blank_before and _ends_on_name(lines[i + n - 1].text))
           and (lines[i + n].width < config.NAME_TAIL_MAX_FRACTION * max(lines[i + n].column, 1)
                or not lines[i + n].full
                # names listed apart fill a narrow column as text does (gen pages t9744/p03, t9743/p01, PyMuPDF
                # blocks, 8-column measures: `新華社記者 施雨` / `岑、王思北、胡浩`, `■本报记者 徐` / `锦庚 肖家鑫
                # 李洪兴`); a sentence's line holds more than names between its separators
                or _NAMES_APART.match(lines[i + n].text) is not None)
           and is_reporter_line("■" + lines[i + n].text)
           # 编者按 under the byline opens the body (gen pages, 钱江晚报), though it reads as a name
           and not EDITOR_NOTE.match(lines[i + n].text)):
        n += 1
    return n


def _take_dateline(lines: list[Line], i: int, strong_only: bool = False) -> tuple[int, list[Line]] | None:
    """A dateline starting at lines[i] (wrapped over up to three lines, more in a bracket) split off as byline lines.

    Returns how many input lines were used and the lines that replace them:
    byline lines, then the rest of the last one as a text line (the lead).
    strong_only: take only a full wire dateline (source, place, date, 电), a
    bracketed one (【本報訊】) or one naming its reporters in brackets (_names_reporters);
    the caller looks for a date (月), 【 or （ first.
    """
    head = config.DATELINE_SOURCE_LOOK_CHARS
    if len(lines[i].text) >= head and not SOURCE_HINT.search(lines[i].text, 0, head):
        return None  # a dateline names its source in its first characters
    group, text = [lines[i]], lines[i].text
    # (more than three lines only for a dateline opening a bracket on its first line: looked for once)
    limit = config.DATELINE_MAX_LINES if "（" in lines[i].text or "(" in lines[i].text \
        else config.DATELINE_PLAIN_MAX_LINES
    # match_dateline's first looks asked once of the most lines a group can hold: the text of any group
    # opens with its first DATELINE_HEAD_CHARS, so with no source there (and no bracket opening it) no group
    # holds a dateline, and the lines after need no look each (joined only when the first line is shorter)
    if not may_open_dateline(text if len(text) >= config.DATELINE_HEAD_CHARS else text_of(lines[i:i + limit])):
        return None
    for k, ln in enumerate(lines[i + 1:i + limit], start=1):
        # a dateline that opens a line after a gap opens there: the line before is a title's rest
        # (gen page pdf-1001/p05: `多名警員或要檢疫` / gap / `南方日报讯`, read as one source 多名…南方日报)
        if ln.kind != "text" or ln.blank_before and match_dateline(ln.text):
            break
        # nor does a dateline that opens the line after one stopped short of its column: nothing
        # wraps from a line that does not reach the column's edge, so that line is a title's rest
        # (gen page q9700/p04, pdftotext -raw, no gaps: `南方报人虎年春节在` / `基层` / `南方日报讯`)
        if k == 1 and not lines[i].full and match_dateline(ln.text):
            break
        # past three lines only while its bracket of reporters is open: a narrow column wraps it
        # over five (real page gsfzb, PyMuPDF: `本报讯（新` / `甘肃·甘肃法治` / `报见习记者` / `鲜` / `晓苏）…`)
        if k >= config.DATELINE_PLAIN_MAX_LINES and not unclosed_bracket(text):
            break
        group.append(ln)
        text += ln.text
    m = match_dateline(text)
    if not m or strong_only and not _strong_dateline(m):
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
            # (a stray piece goes on: the title's last characters, printed apart as a block of their own
            # after a gap, gen page t9743/p06, PyMuPDF blocks: `…蹲點采訪報道綜` / gap / `述` / `新華社記者 …`)
            if lines[j].kind not in ("text", "stray"):
                break
            if is_reporter_line(lines[j].text):
                end_j = j + 1 + _name_tail(lines, j + 1)
                for k in range(i + used, end_j):
                    lines[k].kind = "byline"
                    out.append(lines[k])
                used = end_j - i
                break
    elif (not rest and not _names_reporters(m) and i + used < len(lines) and lines[i + used].kind == "text"
          and not lines[i + used].full and is_bare_names(lines[i + used].text)):
        # a dateline alone on its line naming nobody, then its reporter's name alone on the next
        # (gen page q9700/p04, pdftotext -raw: `南方日报讯` / `徐林` / the lead): the name is the byline's
        lines[i + used].kind = "byline"
        out.append(lines[i + used])
        used += 1
    elif rest:
        # the lead runs on from the dateline: its line is as wide as the column
        width = max(last.width, last.column)
        out.append(Line(last.no, rest, width, False, False, "text", column=last.column,
                        widest_column=last.widest_column, runs_on=not is_terminal(rest)))
    return used, out


def _wire_in_brackets(m: re.Match) -> bool:
    """Whether a dateline is a whole wire dateline in brackets: （中央社記者戴雅真台北29日電）.

    Its reporter, place, date and 电 in one bracket open an article wherever it stands, even
    under a headline as wide as the column (gen page q9700/p05, pdftotext -raw: `旺角「殺街」有人
    轉場尖沙咀` / `（中央社記者戴雅真台北` / `29日電）`, which had become the headline's rest).
    """
    return m.re is BRACKET_DATELINE and m.group("inner") is not None and m.group("inner")[-1] in "电電"


def _names_reporters(m: re.Match) -> bool:
    """Whether a dateline names its reporters in brackets after 讯: 本报讯（记者 X 通讯员 Y）.

    Such a dateline opens an article wherever it stands: no sentence goes on into a
    source, 讯 and a bracket of roles and names.
    """
    return m.re is DATELINE and bool(m.group("people")) and is_reporter_line(m.group("people"))


def _is_wire_title(text: str) -> bool:
    """Whether text opens a wire title (题：…) printed after a dateline."""
    return text.startswith(("题：", "題：", "题:", "題:"))
