"""Pass 4 of segmentation: give each title block to its body and build the articles.

Each title block goes to the body whose words it shares or, where neither body
says, to the side the page's reading order gives (headline-first or
headline-last, from its first and last blocks and the titles' votes); teasers
printed with a title are split off, bylines printed after a body go to that body.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .. import config
from ..text.normalize import drop_quote_gaps, join_lines
from .byline import BULLETS, is_bare_names, is_reporter_line, match_dateline, opens_on_date, split_tail_byline
from .byline_pass import EDITOR_NOTE, opens_byline
from .cohesion import (bigrams, coheres, cohesion, coverage, forget_titles, share_found, title_bigrams, topic_bigrams,
                       word_across)
from .lexicon import cuts_word
from .lines import (AUTHOR_NOTE, BRACKETED_LABEL, BRIEFS_ITEM, CLAUSE_MARK, PARTICLE_HEAD, SECTION_LABEL, Line,
                    bracketed_label, briefs_name, closes_quotation, cut_line, text_of)
from .units import (CREDITED_PHOTO, DASH, OUTSIDE_FLOW, Unit, balances, new_measure, past_edge, phrased_headline,
                    whole_note, text_window)


#: a subtitle that points to another page (——详见第5版, （見第3版）): its title is a teaser (导读)
_POINTER = re.compile(r"^(?:——|─|--)?\s*[（(]?\s*(?:详见|詳見|见|見)\s*第?\s*[0-9一二三四五六七八九十A-Z]{1,3}\s*版")


def _title_blocks(lines: list[Line], body: str = "") -> list[list[Line]]:
    """Split a run of title lines into title blocks (a headline and a teaser, say).

    A second title in the run starts where a second —— subtitle or a subtitle
    pointing to another page (——详见第5版) has its own headline line (gen pages:
    `坚持全国“一盘棋”` / `——优化…` / `数智赋能 创新前行` / `——探寻…` set solid). Within
    each part, lines separated by blank lines still form one block when the first
    part is a single line (a kicker over its headline, seed page lines 136-138); two
    multi-line parts where the second has its own —— subtitle are two titles (seed
    page lines 402-406: an article's title, then a teaser). body: the text either side of
    the run, whose words tell a headline's wrapped rest from a second title (_second_titles).
    """
    blocks: list[list[Line]] = []
    start = 0
    for cut in sorted(set(_second_titles(lines, body) + _briefs_names(lines))) + [len(lines)]:
        blocks.extend(_blank_blocks(lines[start:cut]))
        start = cut
    return blocks


def _briefs_names(lines: list[Line]) -> list[int]:
    """Where a briefs column's name in a title run starts and ends: a title block of its own.

    The name heads the column's bulleted items and no other article, so it is never the kicker or
    the rest of a headline the extractor printed beside it (gen pages w9962/p02, y9793/p10, PyMuPDF
    blocks: `劳伦斯：一个无法定义的“洛克菲勒”` / gap / `要闻简报` / gap / another report;
    f9971/p09, plain pdftotext: `要闻简报` / gap / `災情未止 小海嘯毁污水廠` / its report), set apart
    or set solid with it (m10146/p07, PyMuPDF blocks: `要闻简报` / `奋力书写高质量发展新篇章` / gap / `——详见第5版`).
    """
    cuts: list[int] = []
    for k, ln in enumerate(lines if len(lines) > 1 else []):
        if briefs_name(ln.text):
            cuts += [c for c in (k, k + 1) if 0 < c < len(lines)]
    return cuts


def _second_titles(lines: list[Line], body: str) -> list[int]:
    """Where further titles start in a title run: the headline line(s) over a second or pointing subtitle.

    The part printed apart over such a subtitle may open on the wrapped rest of the title over it, in
    the same block when the extractor sets the two solid (gen page x9786/p05, PyMuPDF blocks: `导各地落实
    分区分级` / gap / `差异化防控策略` / `打造一流营商环境` / gap / `——详见第5版`): a line that
    finishes a word of the body (word_across) is not the second title's.
    """
    dashes = [k for k, ln in enumerate(lines) if ln.text.startswith(DASH) or _POINTER.match(ln.text)]
    cuts: list[int] = []
    for n, d in enumerate(dashes):
        if d == 0 or d - 1 in dashes or not (n or _POINTER.match(lines[d].text)):
            continue  # no headline over it, a subtitle's second line, or the run's own first subtitle
        head = d - 1
        above = dashes[n - 1] + 1 if n else 0  # (the line under the subtitle before, if any)
        if lines[d].blank_before:  # the headline is the whole part printed before it
            # (back to the subtitle over it at most: a block extractor sets a teaser's headline solid under
            # the title's subtitle, gen3 page k10074/p07, PyMuPDF blocks: `——热烈祝贺…开幕` / `春耕备耕正当时` /
            # gap / `——详见第5版`)
            while head > above and not lines[head].blank_before:
                head -= 1
            if head > 0 and head + 1 < d and word_across(lines[head - 1].text, lines[head].text, body):
                head += 1
        if head >= max(above, 1) and head not in cuts:
            cuts.append(head)
    return cuts


#: a line of one ideograph: the rest of a word cut at the end of the line over it, never a phrase of its own
_ONE_CHARACTER = re.compile(r"^[\u4e00-\u9fff]$")
#: a line opening on one ideograph set apart from the rest by a space: a word's rest, then the next phrase
#: (gen3 page k10031/p08, PyMuPDF blocks: `直銷58確診 毒鏈延至尖` / gap / `嘴 魚檔繼續爆` / `大埔墟街市失守`)
_ONE_CHARACTER_PHRASE = re.compile(r"^[\u4e00-\u9fff][ \u3000]")


def _gap_groups(lines: list[Line]) -> list[list[Line]]:
    """Lines split where a blank line stands between two of them, but not before a word's one-character rest.

    A headline wrapped at a narrow measure can carry one character of its last word onto a line of its
    own, which a block extractor prints apart (gen page x9781/p06, PyMuPDF blocks: `为现代化巴彦淖尔建` /
    `设凝聚强大智慧和力` / gap / `量` / `——热烈祝贺…`, read as a teaser over a title `量——…`): no phrase of
    a headline is one character, so that line goes on from the lines over it. Nor does a headline leave
    a quotation open: a line that closes it goes on too (gen3 page k10075/p05: `“这才是真正的河` / gap / `南！”`);
    nor does a phrase end inside a word: a line that finishes one goes on (lexicon.cuts_word; gen3 pages,
    PyMuPDF blocks: `全国党报聚首枣庄 共商报业发` / gap / `展大计`, a kicker over a headline `展大计`).
    """
    groups: list[list[Line]] = []
    for ln in lines:
        if not groups or ln.blank_before and not _ONE_CHARACTER.match(ln.text) \
                and not closes_quotation(text_of(groups[-1]), ln.text) and not cuts_word(groups[-1][-1].text, ln.text):
            groups.append([ln])
        else:
            groups[-1].append(ln)
    return groups


def _blank_blocks(lines: list[Line]) -> list[list[Line]]:
    """Title lines grouped by the blank lines between them into one or more title blocks."""
    if not lines:
        return []
    groups = _gap_groups(lines)
    blocks: list[list[Line]] = [groups[0]]
    for g in groups[1:]:
        prev = blocks[-1]
        has_sub, g_sub = _has_subtitle(prev), _has_subtitle(g)
        starts_sub = g[0].text.startswith(DASH)
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


def title_fields(block: list[Line]) -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, subtitle) of a title block.

    A —— line and what follows is the subtitle. Without one, two printed lines
    apart are kicker and headline, unless the gap only parts a headline wrapped at
    its measure (_wrapped_apart); lines together are one wrapped headline, unless a
    later one is a deck (_deck_start) or, of two lines, the second is far longer:
    that line and the rest are the subtitle. A bracketed label opening the title
    (【武肺再爆發】) is its kicker.
    """
    d = next((k for k, ln in enumerate(block) if ln.text.startswith(DASH)), None)
    subtitle = join_lines([ln.text for ln in block[d:]]) if d is not None else None
    rest = block[:d] if d is not None else block
    if not rest:
        return None, subtitle, None
    kicker, headline, subtitle = _title_split(rest, subtitle)
    whole = join_lines([kicker or "", headline or ""])
    label = _OPENING_LABEL.match(whole)
    if label and (kicker is None or kicker.startswith(label.group(1))):
        # (a column's label printed on the headline's first line, or over a wrapped headline's gap)
        return label.group(1), whole[label.end():], subtitle
    return kicker, headline, subtitle


#: a bracketed label (a column's or a series' name) opening a title, with more of it after
_OPENING_LABEL = re.compile(rf"^({BRACKETED_LABEL})\s*(?=\S)")


def _title_split(rest: list[Line], subtitle: str | None) -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, subtitle) of a title's lines before any —— subtitle, read by their gaps and widths."""
    if len(rest) == 1:
        return None, rest[0].text, subtitle
    parts = _gap_groups(rest)
    if len(parts) >= 2:
        after = [ln for p in parts[1:] for ln in p]
        if _wrapped_apart(parts[0], after):
            return None, join_lines([ln.text for ln in rest]), subtitle
        kicker, rest = join_lines([ln.text for ln in parts[0]]), after
    elif subtitle is not None:
        return rest[0].text, join_lines([ln.text for ln in rest[1:]]), subtitle
    else:
        kicker = None
    deck = _deck_start(rest) if subtitle is None else None
    if deck is not None:
        return kicker, join_lines([ln.text for ln in rest[:deck]]), join_lines([ln.text for ln in rest[deck:]])
    if kicker is None and len(rest) == 2 and rest[1].width >= config.SUBTITLE_LENGTH_RATIO * rest[0].width:
        return None, rest[0].text, rest[1].text
    return kicker, join_lines([ln.text for ln in rest]), subtitle


def _deck_start(lines: list[Line]) -> int | None:
    """Where a subtitle printed without a dash starts under a headline: a wider line that holds a clause.

    A deck is set in smaller type than its headline, so its line holds far more characters, and it
    reads as a sentence where a headline reads as phrases (gen11 page v10805/p01, plain pdftotext:
    `拿起跨界“指挥棒”她跟学生“较着劲儿”` / `成长` / `年过五十的她带领…一路快乐前行，在比赛中拿下不俗的` /
    `成绩`). A headline wraps at its own measure, so no later line of it is much wider than the first
    (DECK_WIDTH_RATIO).
    """
    for k in range(1, len(lines)):
        if CLAUSE_MARK.search(lines[k].text) \
                and lines[k].width >= config.DECK_WIDTH_RATIO * max(ln.width for ln in lines[:k]):
            return k
    return None


def _wrapped_apart(first: list[Line], after: list[Line]) -> bool:
    """Whether a gap inside a title parts one headline wrapped at its measure, not a kicker from its headline.

    A block extractor prints a headline's lines apart where it wrapped them (gen3 pages, PyMuPDF
    blocks: `銀保監向6險企發監管函 劍指違` / gap / `規投資`; `南方报人虎年春节在` / gap / `基层`): the
    part before the gap ends on the title's widest line and the part after is far shorter, a
    wrapped line's rest (KICKER_WRAP_RATIO). A kicker is a line of its own over a headline about as
    wide (`拆房屡出命案 管理形同虚设` / `谁来为无序拆房“埋单”？`), or wider, or narrower by less.
    """
    widest = max(ln.width for ln in first + after)
    return first[-1].width >= widest and max(ln.width for ln in after) < config.KICKER_WRAP_RATIO * first[-1].width


@dataclass
class Draft:
    """An article being put together from units."""

    title: list[Line] | None = None
    byline: list[Line] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    jumps: list[Line] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return bool(self.body)

    @property
    def empty(self) -> bool:
        """Whether the passes that move units between drafts have left it no line at all."""
        return not (self.title or self.byline or self.body or self.jumps)


def _neighbour_bodies(units: list[Unit]) -> dict[int, tuple[str, str]]:
    """For each title unit, the text before it and after it, each running to the next title."""
    titles = [k for k, u in enumerate(units) if u.kind == "title"]
    texts = ["" if u.kind in OUTSIDE_FLOW else u.text for u in units]
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
        cut = next((c for c in range(1, len(u.lines)) if u.lines[c].blank_before and not _wrapped_rest(u.lines, c)
                    and _leans(u.lines[:c], before, after) < -config.TITLE_VOTE_MARGIN
                    and _leans(u.lines[c:], before, after) > config.TITLE_VOTE_MARGIN), None)
        if cut is None:
            out.append(u)
        else:
            out += [Unit("title", u.lines[:cut]), Unit("title", u.lines[cut:])]
    return out if len(out) > len(units) else units


def _wrapped_rest(lines: list[Line], k: int) -> bool:
    """Whether title line k, alone after a gap, is the short rest of the headline line over it, wrapped at its measure.

    A block extractor prints a headline's last line apart when it is centred (gen3 page k10058/p02, PyMuPDF
    blocks: `生产一线开足马力 经济复苏` (full) / gap / `动力强劲`); its words may name the next report as much.
    Not two lines or more after the gap, nor one as wide: those open a title of their own.
    """
    return (_wraps(lines[k - 1]) and lines[k].width < lines[k - 1].width
            and (k + 1 == len(lines) or lines[k + 1].blank_before))


def _leans(lines: list[Line], before: str, after: str) -> float:
    """How much more of these title lines' bigrams the text after holds than the text before."""
    text = text_of(lines)
    return coverage(text, after) - coverage(text, before)


def _title_votes(units: list[Unit], bodies: dict[int, tuple[str, str]]) -> dict[int, float]:
    """For each title unit, how much more it belongs to the body after it than to the body before it.

    A headline's words recur in its own body (coverage, cohesion.py), whatever
    order the extractor gave them in; the bodies looked at run to the next
    title either side. In [-1, 1]; positive means headline-first.
    """
    votes: dict[int, float] = {}
    for k, (before, after) in bodies.items():
        title = units[k].text
        votes[k] = coverage(title, after) - coverage(title, before)
    return votes


#: a line opening on one character set apart by a space from what follows: a word's rest (`務 騰訊 阿里被點名`)
_WORD_REST = re.compile(r"^[\u4e00-\u9fff] [\u4e00-\u9fff“「《]")


def _split_teaser(block: list[Line], bodies: tuple[str, str], first: bool,
                  own_text: str = "") -> tuple[list[Line], list[Line]]:
    """A title block split into (title, teaser) (_teaser_cut), a bracketed label at the cut going with the part below.

    A label (【新春走基层】) is a kicker over the headline under it, never a title's last line (gen page
    x9783/p01, PyMuPDF blocks: `去杠杆引发踩踏“杠杆牛市”渐行渐远` / `【新春走基层】` / `奋力书写高质量发展新篇章`
    / `——探寻…`, a teaser under a title printed after its body, which had kept the teaser's kicker).
    """
    title, teaser = _teaser_cut(block, bodies, first, own_text)
    if teaser and all(bracketed_label(ln.text) for ln in title):
        # a label alone is no title: the kicker of the headline under it, which the cut had taken for a teaser
        # (gen3 pages k10026/p11, k10040/p12, PyMuPDF blocks: `【香港民研】` / `35%非泛民支持者反對DQ` at the
        # page's foot, a title printed after its body that names it little)
        return block, []
    upper, lower = (teaser, title) if first else (title, teaser)
    if len(upper) > 1 and lower and bracketed_label(upper[-1].text):
        upper, lower = upper[:-1], upper[-1:] + lower
        return (lower, upper) if first else (upper, lower)
    return title, teaser


def _teaser_cut(block: list[Line], bodies: tuple[str, str], first: bool,
                own_text: str = "") -> tuple[list[Line], list[Line]]:
    """A title block split into (title, teaser): lines at the end away from its body that name neither neighbour.

    A teaser (导读: a headline with no body on this page) printed next to a
    title joins its block when the extractor leaves no blank line between them
    (dev-v2 d06: `奋力书写高质量发展新篇章 / ——我市扎实推进重点项目建设` after a
    headline). Its words occur in neither body; a kicker's or subtitle's
    usually occur in their own. own_text, the whole body of the article a title
    printed after it closes: the title's words stand in its lead, which may lie
    further back than the window of bodies (gen page r9732/p06, PyMuPDF blocks:
    `是“收割韭菜”还是“回归理性”` named nothing in its body's last 800 characters). So may a
    teaser's candidate under such a title, its headline's next line: it is asked against that whole
    body (gen3 page k10066/p11, PyMuPDF blocks: `2004中国十大科技骗局` / `老中医绝食49天居首`, whose
    老中医 the body names only in its first half).
    """
    n = len(block)
    own = own_text or (bodies[1] if first else bodies[0])  # the words of the article the title is printed with

    def names(lines: list[Line], body: str) -> float:
        return coverage(text_of(lines), body)

    best: tuple[list[Line], list[Line]] = (block, [])
    for cut in range(1, n):  # the longest far-end stretch that qualifies
        title, teaser = (block[cut:], block[:cut]) if first else (block[:n - cut], block[n - cut:])
        words = text_of(teaser)
        if first:
            # a whole title printed apart over a title printed before its body (gen page y9791/p10, plain
            # pdftotext: `股民跌成段子手`, 7 characters / gap / `赵顶良深入基层三年间` / its byline and report,
            # which had been read as a kicker; neither side names it, as below), not a headline over its own
            # —— subtitle
            whole = title[0].blank_before and not title[0].text.startswith(DASH) \
                and len(bigrams(words)) >= config.TEASER_WHOLE_MIN_BIGRAMS
        else:
            # a whole title under a title printed after its body: named nowhere in that body, own_text
            whole = _whole_title(teaser) and coverage(words, own_text) <= config.TEASER_MAX_COVERAGE
        if (len(words) < config.TEASER_MIN_CHARS and not whole) or len(bigrams(words)) < config.TEASER_MIN_BIGRAMS:
            continue
        if not first and teaser[0].text.startswith(DASH):
            # a —— subtitle is printed under its own headline line: cut from it, it is no teaser, but
            # the rest of a whole teaser title left in the title (gen page q9700/p01, PyMuPDF blocks:
            # `这样的报道让职工感动` / `打造一流营商环境` / `——我市扎实推进重点项目建设`, which had
            # given the headline a kicker); the whole teaser is asked for below
            continue
        if not first and (_wraps(block[n - cut - 1]) and not teaser[0].text.startswith("【")
                          or _WORD_REST.match(teaser[0].text)) and not whole:
            # the cut would fall inside a headline wrapped at its column. (Only a teaser under its
            # title: one over it may fill its column and end on no mark, a banner over the page,
            # real page rmrb-20180112-07, pdftotext: `认真学习宣传贯彻党的十九大精神` / the kicker.)
            # A line opening on one character set apart from the phrases after it holds the rest of
            # a word the line over it cut, whatever that line's width: no phrase of a headline is one
            # character (gen page x9785/p01, pdftotext -raw: `…限制華企雲端服` (27 over 15) / `務 騰訊 阿里被點名`).
            # A line opening on 【 opens a label or a dateline, never a wrapped headline's rest (gen3 page
            # k10033/p12, pdftotext -raw: `旺角「殺街」 有人轉場尖沙咀` (13 in 14) / `【訪談嘉賓】洪民榮 …`).
            continue
        if word_across(block[cut - 1].text, block[cut].text, own) if first else \
                word_across(block[n - cut - 1].text, block[n - cut].text, own):
            continue  # the cut would fall inside a word of the headline, wrapped at its own measure
        # (each neighbour asked in turn, not both for their max: after one that the teaser names, the
        # other is not needed)
        limit = config.TEASER_MAX_COVERAGE
        if names(teaser, bodies[0] if first else own) <= limit and names(teaser, bodies[1]) <= limit and \
                names(title, own) > limit:
            best = (title, teaser)
    if best[1]:
        title, teaser = best
        if first and len(teaser) > 1 and SECTION_LABEL.match(teaser[0].text) and teaser[1].blank_before \
                and len(text_of(teaser[1:])) >= config.TEASER_MIN_CHARS:  # (what is left is still a teaser)
            # a bracketed label over the teaser is the kicker of the title under them, read apart from it
            # (gen page x9784/p05, plain pdftotext: `【新春走基层】` / gap / another report's headline / gap /
            # `土豆不“土” 土豆无“土”` / its report): a label names a column or a series, never a teaser
            return teaser[:1] + title, teaser[1:]
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
            # (or two headlines of phrases, the upper stopping short of its column: each a whole title,
            # as pdftotext -raw prints them with no gap, gen page q9700/p07: `重大突破 我们在记录` /
            # `数智赋能 创新前行` / `——探寻我市…`)
            # (or a teaser of one line over a subtitle pointing to another page, which no headline has
            # of its own: a block extractor sets it solid under the title, gen page u9766/p12, PyMuPDF
            # blocks: `大连太平湾投资2000亿 未批先建开工两年半` / `打造一流营商环境` / `——详见第5版`)
            # (or after a headline's short rest, a line no narrower than it: a headline wraps at one measure,
            # so only its last line falls short, and a line as wide or wider under that opens another title;
            # gen pages x9782/p03, pdftotext -raw: `思来氏CEO张韫：用第三方评价促进` / `教育变革` /
            # `奋力书写高质量发展新篇章` / `——探寻…`, 15.5, 4, 12; y9793/p08, y9796/p10: `着眼长远把握大势开门问策
            # 集思广益 研` / `究新情况作出新规划` / `数智赋能 创新前行` / `——探寻…`, 18, 9, 9)
            # (or after a headline of phrases on one line, a line that does not balance its phrases as the
            # rest of its last one would (balances): that headline is whole, and the line opens another title;
            # gen page s424208/p04, pagegen.py --seed 424208, pdftotext -raw: `全国党报聚首枣庄 共商报业发展大计` /
            # `春耕备耕正当时` / `——探寻我市数字经济高质量发展密码`, a teaser printed after the title of the body above)
            # (or, under a title at the page's foot, no body after it, a whole title set solid under it
            # (_whole_other_title): gen page w9962/p11, pdftotext -raw: `…同組訓` / `練40多名警員或要檢疫` / `春耕备耕正当时` / `——探寻…`)
            apart = lower[0].blank_before or upper[-1].terminal or (
                not upper[-1].full and phrased_headline(upper[-1].text) and phrased_headline(lower[0].text)) or (
                len(teaser) == 2 and _POINTER.match(teaser[1].text) is not None) or (
                len(upper) >= 2 and upper[-2].width > upper[-1].width <= lower[0].width) or (
                phrased_headline(upper[-1].text) and not balances(upper[-1], lower[0])) or (
                lower is teaser and not first and not bodies[1].strip() and _whole_other_title(upper[-1], lower, own))
            if not apart or not _subtitled(teaser) or _has_subtitle(title):
                continue
            if lower is title and len(title) == 1 and _subtitle_rest(upper[-1], title[0]):
                continue  # `——优化区域经济布局，促进区域` / `协调发展` (dev-v2 c03): one subtitle, wrapped
            # (a part whose words the body holds as much as a title's is that title's rest, however much
            # more the first line names it: WHOLE_TEASER_MAX_COVERAGE.) A part that names neither body at
            # all is a teaser whatever the title names: a headline may name nothing of its own report
            # (gen page r10401/p01, PyMuPDF blocks: `增收致富门路宽` / gap / `数智赋能 创新前行` / gap /
            # `——我市…`, the page's foot), and a subtitle of the title's own would name it
            other = bodies[0] if first else bodies[1]
            teaser_names = _named_most(teaser, own, other)
            if teaser_names <= config.TEASER_MAX_COVERAGE or (
                    _names_own_far_more(title, teaser, own, other, named=teaser_names)
                    and teaser_names <= config.WHOLE_TEASER_MAX_COVERAGE):
                return title, teaser
    if not first:
        return _teaser_beside(block, own, bodies[1]) or _named_less_apart(block, bodies[1], own, best)
    return best


def _teaser_beside(block: list[Line], own: str, after: str) -> tuple[list[Line], list[Line]] | None:
    """A title printed after its body split inside the line over its —— subtitle: a teaser set beside the headline.

    pdftotext -raw joins with a space what is printed at one height, so a teaser title set beside a
    headline comes out at the end of the headline's line, the teaser's subtitle under it (gen pages
    y9793/p06, y9795/p09, pdftotext -raw: `“哥”啊，首付“割”没了 奋力书写高质量发展新篇章` / `——探寻…`;
    `台北商圈認證 寧夏西門獲3星 打造一流营商环境` / `——详见第5版`). The headline's side names its
    body far more (TEASER_TITLE_MARGIN) than the phrases after the space and the subtitle do, or
    these name neither body at all (TEASER_MAX_COVERAGE; gen3 page k10029/p05, pdftotext -raw); a
    subtitle of the headline's own names that body too. After a briefs column's name, which names
    none of its items, what the line holds is another title whatever it names (gen page r10401/p10,
    pdftotext -raw: `要闻简报 春耕备耕正当时` / `——探寻…`, whose 发展 the items named). The shortest
    such teaser is taken.
    """
    if len(block) < 2:
        return None
    line, sub = block[-2], block[-1]
    if not sub.text.startswith(DASH) or " " not in line.text or _has_subtitle(block[:-1]):
        return None
    for at in reversed([m.start() for m in re.finditer(" ", line.text)]):
        head, tail = line.text[:at], line.text[at + 1:]
        if len(title_bigrams(tail)) < config.TEASER_APART_MIN_BIGRAMS:
            continue
        cut = cut_line(line, head, tail)
        title, teaser = block[:-2] + cut[:1], [cut[1], sub]
        named = _named_most(teaser, own, after)
        if briefs_name(text_of(title)) or named <= config.TEASER_MAX_COVERAGE \
                or _names_own_far_more(title, teaser, own, after, named=named):
            return title, teaser
    return None


def _named_most(part: list[Line], own: str, other: str) -> float:
    """How much the more naming of two bodies names a title part: the larger coverage of its bigrams."""
    words = text_of(part)
    return max(coverage(words, own), coverage(words, other))


def _names_own_far_more(title: list[Line], part: list[Line], own: str, after: str,
                        margin: float = config.TEASER_TITLE_MARGIN, named: float | None = None) -> bool:
    """Whether title lines name their own body far more (margin) than a part cut off names either.

    A bracketed kicker over the headline (【新春走基层】) names a series, not the report, and is left
    out of the title weighed (gen page c9811/p07, PyMuPDF blocks: `【新春走基层】` / `土豆不“土” 土豆无“土”`
    / gap / `劳伦斯：一个无法定义的“洛克菲勒”`: the kicker had brought the title's share down to 0.29,
    the other title's 0.09, and the two stayed one title). named: _named_most(part, own, after), where
    the caller has it.
    """
    if named is None:
        named = _named_most(part, own, after)
    head = title[1:] if len(title) > 1 and bracketed_label(title[0].text) else title
    return coverage(text_of(head), own) > named + margin


def _named_less_apart(block: list[Line], after: str, own: str,
                      best: tuple[list[Line], list[Line]]) -> tuple[list[Line], list[Line]]:
    """A title printed after its body split from the part printed apart at its foot that names that body far less.

    A block extractor prints each title as a block of its own, and under a title
    printed after its body a further block is another title: a teaser, or the
    headline of an article whose body is not on this page (gen page u9766/p01,
    PyMuPDF blocks: `查处诬告陷害 及时澄清正名` / blank / `国务院联防联控机制印发通知
    进一步指导…`, 0.70 of its bigrams in the body over it against 0.09). A headline's
    words recur in its own body, another title's at most in a common word or two, so
    the body is asked how much more it names the title than the part, not whether it
    names the part at all (TEASER_MAX_COVERAGE); a headline's wrapped rest holds too
    few bigrams to count (TEASER_APART_MIN_BIGRAMS), and a rest wrapped at its column
    is no wider than the line over it. At the page's foot, no body after the title, a whole
    title (_whole_other_title) may be narrower, and a part far wider than the line over it
    (FOOT_WIDER_RATIO) may be set solid under it. Anywhere, a part of two lines or more printed apart
    may be narrower too when it is a whole title (_whole_other_title), naming the body over it in
    common words at most (gen9 page t10601/p06, PyMuPDF blocks: `大连太平湾投资2000亿 未批先建开工两年半`
    / gap / `忠诚于党的新闻事业视祖国利益高于一切` / `中宣部人事部表彰我驻南新闻工作者`, a kicker and a headline
    sharing common words with the report after them); a headline's rest wrapped over two lines names
    its body. best: the split found so far.
    """
    if best[1]:
        return best
    if _briefs_label(block, own):
        return block[:1], block[1:]
    foot = not after.strip()  # no body after the title: it stands at the page's foot
    for cut in range(len(block) - 1, 0, -1):  # the shortest part at the foot first
        title, part = block[:cut], block[cut:]
        if part[0].text.startswith(DASH):
            continue
        # (the line a part is measured against: the headline's line, not one character of its word carried
        # over, gen3 page k10081/p10, PyMuPDF blocks: `上午，记者在奉贤看到市民生活如往` / gap / `昔` / `相信上海
        # 不久会恢复` at the page's foot, far wider than `昔`, had been cut off as a whole title)
        last = title[-2] if len(title) > 1 and _ONE_CHARACTER.match(title[-1].text) else title[-1]
        if not part[0].blank_before and not (foot and part[0].width > config.FOOT_WIDER_RATIO * last.width):
            # (set solid under the title, a part is its rest, but at the page's foot not a line far wider than
            # the one over it (FOOT_WIDER_RATIO), which wraps no further: gen page x9785/p01, pdftotext -raw:
            # `减成本 增服务` / `国务院联防联控机制印发通知 进一步指导各地落实分区分级` / `春耕备耕正当时` / `——探寻…`)
            continue
        closed = _closed_headline(last) or (foot or len(part) > 1) and _whole_other_title(last, part, own)
        if part[0].width <= last.width and not closed:
            # a headline wrapped at its column is printed apart when its lines are centred (gen pages
            # u9763/p12, t9743/p10: `思来氏CEO张韫：用第三方` / `评价促进教育变革`, 8 columns under 12;
            # dev-v2 c04, where the column is taken wider than the headline's line), and its rest is
            # no wider than the line it wrapped from; another title's line may be (`查处诬告陷害
            # 及时澄清正名`, 13 columns / `国务院联防联控机制印发通知 进一步…`, 25)
            continue
        if len(title_bigrams(text_of(part))) >= config.TEASER_APART_MIN_BIGRAMS \
                and _names_own_far_more(title, part, own, after,
                                        config.STOPPED_TITLE_MARGIN if closed else config.TEASER_TITLE_MARGIN):
            return title, part
    return best


def _whole_other_title(last: Line, part: list[Line], own: str) -> bool:
    """Whether a part under a title printed after its body (last, its line over the part) is a whole title of its own.

    Asked at the page's foot, the part apart or set solid, and anywhere of a part of two lines or more
    printed apart (_named_less_apart). Under the page's last title printed after its body may stand
    headlines whose bodies did not fit and teasers (gen page w9961/p04, PyMuPDF blocks:
    `思来氏CEO张韫：用第三方评价促进教育变革` / gap /
    `重大突破我们在记录` / `春耕备耕正当时`, narrower than the title). No next body tells them from the
    title's wrapped rest there, but a whole title holds a headline's worth of words
    (TEASER_WHOLE_MIN_BIGRAMS), shares only common words with the body over it (FOOT_TITLE_MAX_COVERAGE),
    and no word runs across the break into it, nor opens it with a lone character before a space
    (_ONE_CHARACTER_PHRASE).
    """
    return len(title_bigrams(text_of(part))) >= config.TEASER_WHOLE_MIN_BIGRAMS \
        and coverage(text_of(part), own) <= config.FOOT_TITLE_MAX_COVERAGE \
        and not word_across(last.text, part[0].text, own) and not cuts_word(last.text, part[0].text) \
        and not _ONE_CHARACTER_PHRASE.match(part[0].text)


def _closed_headline(ln: Line) -> bool:
    """Whether a title line ends on a question or an exclamation mark: the headline it ends has ended there.

    A headline closed so wraps no further, so a part printed apart under it is no rest of it, however
    narrow; and only a kicker over a headline names the body less than the line under it, so the part
    need only be named less (STOPPED_TITLE_MARGIN) to be another title (gen pages y9793/p10, PyMuPDF blocks:
    `拆房屡出命案 管理形同虚设` / `谁来为无序拆房“埋单”？` / gap / `这座城让人总想留下来`, narrower than the line over it,
    0.33 of the title's bigrams in its body against 0.22 of the part's, common words).
    """
    return ln.text[-1] in "？！?!"


def _briefs_label(block: list[Line], own: str) -> bool:
    """Whether a title printed after its body opens on a briefs column's label, another title printed apart under it.

    A briefs column (简讯, 要闻简报) is a label over items on unrelated things, each opened by a
    bullet (conventions: teasers and briefs); the label names none of them, so coverage cannot
    weigh it against the next part (gen pages x9784/p02, x9786/p04, PyMuPDF blocks: `要闻简报` / gap /
    `全民免費檢測最快兩周`). A label is one short line (BRIEFS_LABEL_MAX_COLUMNS) with a gap under it;
    the part under the gap is a title when it holds a headline's worth of words
    (TEASER_APART_MIN_BIGRAMS) and is no —— subtitle. A label of the names lines.BRIEFS_NAME knows
    (要闻简报) is set apart before this is asked (_briefs_names, on every page of the development and
    shared sets); this one takes the others, by width and the bullets of its items (一周简讯).
    """
    if len(block) < 2 or not block[1].blank_before or block[0].width > config.BRIEFS_LABEL_MAX_COLUMNS:
        return False
    return not block[1].text.startswith(DASH) and sum(own.count(b) for b in BULLETS) >= config.BRIEFS_MIN_ITEMS \
        and len(title_bigrams(text_of(block[1:]))) >= config.TEASER_APART_MIN_BIGRAMS


def _whole_title(lines: list[Line]) -> bool:
    """Whether title lines printed apart (after a blank line) hold a headline's worth of words: a title of their own.

    A block extractor prints the lines of one title apart when they are set apart
    (centred lines of different widths): a headline's wrapped rest, a few characters
    (`居家养老有“医”靠 安宁疗护有` / `温度`), and a teaser or a title whose body is not
    on the page under a title printed after its body (gen page r9731/p08, PyMuPDF blocks:
    `南方报人虎年春节在基层` / `打造一流营商环境`, both as wide as the column).
    """
    return (lines[0].blank_before and not any(ln.blank_before for ln in lines[1:])
            and len(bigrams(text_of(lines))) >= config.TEASER_WHOLE_MIN_BIGRAMS)


def _wraps(ln: Line) -> bool:
    """Whether a title line runs on into the next: it is full (within a full line's slack) and ends on no mark.

    A headline wraps at the column like text (gen pages f9001/p12 and pdf-1001/p11, PyMuPDF
    blocks: `直銷58確診　毒鏈延至尖嘴　魚` / `檔繼續爆　大埔墟街市失守`, `Manuel Pinho：中国煤炭需` /
    `求最快5年达顶峰`), so no teaser starts on the line after it. Full as text is, not only at the column's
    edge: a wrap leaves a character's room as often as not (gen3 pages k10059/p06, k10033/p02, pdftotext
    -raw: `劳伦斯：一个无法定` (9 in 10) / `义的“洛克菲勒”`, whose rest had been cut off as a teaser). A line set
    across columns is a headline whole (gen page h7002/p06: `居家养老有“医”靠 安宁疗护有温度` / `打造一流营商环境`).
    """
    return ln.full and not ln.overfull and ln.text[-1].isalnum()  # (an ideograph is alphanumeric)


def _has_subtitle(lines: list[Line]) -> bool:
    """Whether title lines hold a —— subtitle."""
    return any(ln.text.startswith(DASH) for ln in lines)


def _subtitled(lines: list[Line]) -> bool:
    """Whether lines are a whole title of their own: a headline line, then a —— subtitle."""
    return not lines[0].text.startswith(DASH) and _has_subtitle(lines[1:])


def _title_beside_body(blocks: list[list[Line]], body: str, at: int) -> list[list[Line]]:
    """Title blocks with the one that names the body moved to position `at` (the body's side); the rest are teasers.

    A block whose subtitle points to another page (——详见第5版) is a teaser wherever it
    stands, so only blocks that point nowhere are candidates where there are any (gen page
    m10146/p07, PyMuPDF blocks: `要闻简报` / `奋力书写高质量发展新篇章` / gap / `——详见第5版` /
    the briefs, which name neither title). Of those, the one nearest the body is its title
    unless another names the body clearly more (TITLE_VOTE_MARGIN of its bigrams): a teaser
    printed between a headline and its body (gen pages: `加大创新驱动力度…` / `数智赋能 创新前行` /
    `——详见第5版`).
    """
    if len(blocks) < 2:
        return blocks
    order = range(len(blocks)) if at == 0 else range(len(blocks) - 1, -1, -1)  # (from the body's side)
    candidates = [n for n in order if not any(_POINTER.match(ln.text) for ln in blocks[n])] or list(order)
    near = candidates[0]
    scores = [coverage(text_of(b), body) for b in blocks]
    best = max(candidates, key=lambda n: scores[n])
    if scores[best] <= scores[near] + config.TITLE_VOTE_MARGIN:
        best = near
    if best == order[0]:
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
    content = [u for u in units if u.kind not in OUTSIDE_FLOW]
    if not content:
        return True
    before = (content[0].kind == "title") + (content[-1].kind in ("body", "open", "subhead", "jump_down"))
    after = (content[0].kind in ("byline", "body", "open", "subhead")) + (content[-1].kind == "title")
    # a title with no text on one side (the page's first or last block) votes for the only body it
    # has: the edge terms above count it already (real page rmrb-20180129-07, PyMuPDF text: the
    # banner over the page, 0.8 for the body under it, had tipped a headline-last page)
    both = sum(v for k, v in votes.items() if all(bodies[k]))
    return before - after + config.TITLE_VOTE_WEIGHT * both >= 0


def _lead_under_title(title: list[Line], own: str, after: str, units: list[Unit], k: int) -> bool:
    """Whether the last line of a title printed after its body (k, the title's unit) is the next report's first line.

    pdftotext -raw prints a headline after its body with the next report straight under it, no gap
    between: that report's first line, short of its column by the paragraph indent the extractor
    dropped, reads as the headline's last line (gen pages x9784/p05: `南方报人虎年春节在基层` /
    `超強颱風「山竹」` / `蹂躪本港，…`; y9793/p10: `劳伦斯：一个无法定义的“洛克菲勒”` / `区域协调发展是中国式现代`
    / `化的内在要求。`). A headline's words recur in its own body: that line's recur in the body after it
    more than in the title's own (own: the article the title closes), while the title's other lines name
    their own body clearly (TITLE_VOTE_MARGIN). It opens on no gap, ends no sentence, falls short of the
    column by no more than an indent, and the body under it goes on with no gap.
    """
    if len(title) < 2 or k + 1 >= len(units):
        return False
    ln, nxt = title[-1], units[k + 1]
    if ln.blank_before or ln.terminal or not ln.full_as_first() or nxt.kind not in ("body", "open") \
            or nxt.lines[0].blank_before:
        return False
    rest = text_of(title[:-1])
    return (coverage(ln.text, after) > coverage(ln.text, own)
            and coverage(rest, own) > coverage(rest, after) + config.TITLE_VOTE_MARGIN)


def _next_in_flow(units: list[Unit], k: int) -> Unit | None:
    """The first unit after units[k] that is part of the text's flow (no furniture, caption or stray), or None."""
    return next((u for u in units[k + 1:] if u.kind not in OUTSIDE_FLOW), None)


def _closes_article(units: list[Unit], k: int) -> bool:
    """Whether the byline unit units[k] ends an article: a reporter line (not a dateline, which
    always opens one) with a title, a jump marker or the end of the page next, not body text."""
    if any(match_dateline(ln.text) for ln in units[k].lines):
        return False
    nxt = _next_in_flow(units, k)
    return nxt is None or nxt.kind in ("title", "jump_down") or _set_under_body(units, k, nxt)


def _set_under_body(units: list[Unit], k: int, nxt: Unit) -> bool:
    """Whether the reporter lines units[k] are set flush under a finished body with a gap after them.

    A byline that opens an article stands under its title, its body right after it; one set
    right under a body's last sentence, a gap after it, signs that body off, whatever text the
    extractor runs on with after the gap (gen pages v9772/p02, v9773/p12, plain pdftotext:
    `…服务计划。` / `记者 刘涛` / gap / another column's bulleted items or an unfound headline).
    """
    prev = units[k - 1] if k else None
    # (a paragraph, not one line: a headline taken for body text ends on ？ too, its byline under it,
    # gen page pdf-1001/p03 `谁来为无序拆房“埋单”？`)
    return prev is not None and prev.kind in ("body", "open") and len(prev.lines) > 1 and prev.lines[-1].terminal \
        and not units[k].lines[0].blank_before and nxt.lines[0].blank_before \
        and all(is_reporter_line(ln.text) for ln in units[k].lines)


def _dateline_after_reporter(lines: list[Line]) -> int:
    """Where a byline unit's dateline starts after reporter lines (记者 X / 本报讯 …); 0 if it does not."""
    if len(lines) < 2:
        return 0
    d = next((n for n, ln in enumerate(lines) if match_dateline(ln.text)), 0)
    return d if d and all(is_reporter_line(ln.text) for ln in lines[:d]) else 0


def _body_text(draft: Draft) -> str:
    """The text of a draft's body, run together."""
    # (each unit's text, which Unit.text keeps, not every line again: this is asked of a growing body at
    # each step of assemble, and of every draft by the passes after it)
    return "".join([u.text for u in draft.body])


def _two_titles_cut(title: list[Line], earlier: str, own: str) -> int:
    """Where a title printed after its body splits into the title of the untitled body before it and its own; 0 if not.

    The first part must name the earlier body and the second its own body, each
    clearly more than the other (TITLE_VOTE_MARGIN of its bigrams).
    """
    limit = config.TITLE_BODY_WINDOW_CHARS
    earlier, own = earlier[-limit:], own[-limit:]
    return next((cut for cut in range(1, len(title)) if _leans(title[:cut], own, earlier) > config.TITLE_VOTE_MARGIN
                 and _leans(title[cut:], earlier, own) > config.TITLE_VOTE_MARGIN), 0)


def _apart_in_words(draft: Draft, unit: Unit) -> bool:
    """Whether a unit shares too few topic words with the end of the draft before it to go on from it.

    An article may widen its measure with its sentence going on (seed page: `…真正让每家` (22 columns) /
    gap / `轴承企业“改得起、转得好”，…` (36), past a picture beside the narrow columns); another article
    set at a wider measure talks of other things (real page rmrb-20180112-07: health policy, then a box on
    Chinese culture). The cohesion across the cut is weighed as across a short run (COHESION_MIDPOINT).
    """
    before = _body_text(draft)[-config.COHESION_BEFORE_CHARS:]
    return cohesion(before, unit.text[:config.COHESION_AFTER_CHARS]) < config.COHESION_MIDPOINT


def _body_apart(draft: Draft, units: list[Unit], k: int) -> bool:
    """Whether the text units[k], after a gap under a draft's finished body, shares too few words with it to go on it.

    Two articles with no title between (the extractor lost it or printed it elsewhere) meet at a gap
    after a finished sentence; one article's blocks either side of a column's gap share its names
    and terms (BODY_APART_MAX_COHESION).
    """
    u = units[k]
    if not draft.body or not u.lines[0].blank_before or not draft.body[-1].lines[-1].terminal:
        return False
    after = text_window(units, range(k, len(units)), config.BODY_APART_AFTER_CHARS)
    if len(after) < config.BODY_APART_MIN_CHARS:
        return False
    before = _units_tail(draft.body, config.BODY_APART_BEFORE_CHARS)
    return len(before) >= config.BODY_APART_MIN_CHARS and not coheres(before, after, config.BODY_APART_MAX_COHESION)


def _units_tail(units: list[Unit], limit: int) -> str:
    """The last limit characters of the units' text, read from the last units only (not the whole body)."""
    parts: list[str] = []
    n = 0
    for u in reversed(units):
        parts.append(u.text)
        n += len(parts[-1])
        if n >= limit:
            break
    return "".join(reversed(parts))[-limit:]


def _signs_off(unit: Unit) -> bool:
    """Whether a body unit is an author's closing note: （作者为…）, （作者单位：…）."""
    return whole_note(unit.lines) and bool(AUTHOR_NOTE.match(unit.text))


def _lead_under(units: list[Unit], k: int) -> list[int]:
    """The units right after title units[k] that are a lead set across columns: each line but the last far wider than its column."""
    taken: list[int] = []
    for j in range(k + 1, len(units)):
        u = units[j]
        # (a photo's caption, its credit last, is as wide: real page zghysyb, pdftotext -raw)
        if u.kind not in ("body", "open") or CREDITED_PHOTO.search(u.lines[-1].text) or \
                not all(past_edge(ln) for ln in u.lines[:-1] or u.lines):
            break
        taken.append(j)
    return taken


def _author_follows(units: list[Unit], k: int) -> bool:
    """Whether the title units[k] has its author's bare names right under it."""
    nxt = _next_in_flow(units, k)
    return nxt is not None and nxt.kind == "byline" and \
        all(is_bare_names(ln.text) for ln in nxt.lines)


def _introduces(draft: Draft) -> bool:
    """Whether a draft's body so far is an editor's note, and no report under a dateline has followed it."""
    return bool(draft.body) and bool(EDITOR_NOTE.match(draft.body[0].lines[0].text)) and \
        not any(ln.kind == "byline" for u in draft.body for ln in u.lines)


def _teaser_inside_sentence(units: list[Unit], k: int, cur: Draft | None, bodies: tuple[str, str]) -> bool:
    """Whether the title units[k] stands inside a sentence of the body before it (a teaser read mid-sentence).

    It does when it names neither neighbour, or when the text after it opens on
    the sentence's tail (_opens_on_tail).

    An extractor can print a teaser box between a column's last line and the next
    column's first, inside a sentence (gen page g303/p12, pdftotext: `…海濱事` / gap /
    `奋力书写高质量发展新篇章` / `——我市扎实推进重点项目建设` / `務委員會新任主席…`):
    the body goes on after it. A headline there names the text after it (real page
    lswb: `…面对` / gap / `本周气温一路回升` / `周末辽宁小范围降雨` / `新的一周开始了…`).
    """
    if cur is None or not cur.body or cur.body[-1].kind not in ("body", "open"):
        return False
    if any(j.kind == "jump_down" for j in cur.jumps):
        # the body before is continued on another page (（下转第14版）): its cut sentence goes on there, and
        # the title after the marker is its own, printed after it (gen page s9952/p07, PyMuPDF blocks:
        # `…后创办自己的` / `（下转第14 版）` / `这座城 让人总想留` / `下来`, which names neither body)
        return False
    last = cur.body[-1].lines[-1]
    nxt = _next_in_flow(units, k)
    if last.terminal or not last.full or nxt is None or nxt.kind not in ("body", "open"):
        return False
    if _opens_on_tail(nxt):
        # the text after it opens on the tail of a sentence (`局，发挥…`), as no lead does: the sentence cut
        # before the title goes on there, whatever words the title shares with it (gen page x9786/p01,
        # plain pdftotext: `…优化重大生产力布` / gap / `奋力书写高质量发展新篇章` / `——探寻我市数字经济
        # 高质量发展密码` / gap / `局，发挥重点区域增长…`, a teaser naming 发展 and 经济 of the report)
        return True
    grams = title_bigrams(units[k].text)
    # (a title with no bigrams, a Latin or one-character headline, says nothing either way: review)
    return bool(grams) and all(share_found(grams, body) <= config.TEASER_MAX_COVERAGE for body in bodies)


def _pointer_teaser(units: list[Unit], k: int, cur: Draft | None) -> int | None:
    """Where the teaser starts in the title units[k] whose last block points to another page, set inside a
    body that goes on after it; None where it is no such teaser.

    A title over `——详见第5版` is a teaser (导读) whose article is printed on another page: it owns no
    body here, so the text after it is the body before it going on (gen pages y9791/p06 and y9795/p01,
    plain pdftotext: `…稳就业等情况。他` / gap / `数智赋能 创新前行` / `——详见第5版` / gap / `指出，…`,
    the teaser box read between a column's foot and the next column). Lines before the teaser that
    run to the column's edge with no gap above them and no sentence end are that column's foot, read
    with the title lines (`记者：这么看你平时也很关注` over the teaser): text of the body.
    """
    if cur is None or not cur.body or not _POINTER.match(units[k].lines[-1].text):
        return None
    nxt = _next_in_flow(units, k)
    if nxt is None or nxt.kind not in ("body", "open"):
        return None
    start = _title_blocks(units[k].lines)[-1][0]
    at = next(i for i, ln in enumerate(units[k].lines) if ln is start)
    foot = units[k].lines[:at]
    if foot and (foot[0].blank_before or not all(ln.full and not ln.terminal for ln in foot)):
        return None  # a title of its own over the teaser: not a body's text
    return at


def _teaser_between(block: list[Line], bodies: tuple[str, str]) -> tuple[list[Line], list[Line]]:
    """A title block printed before its body with a part printed apart inside it that names neither body cut out.

    Plain pdftotext reads a teaser set beside a headline between that headline's kicker and
    its main line (gen page x9781/p12: `【香港民研】` / gap / `打造一流营商环境` / gap /
    `35%非泛民支持者反對DQ` / the report): the far end is the kicker, so _split_teaser's
    teaser at the far end is not there. A part between two others, set apart by gaps on both
    sides, is a teaser when it is as long as one (TEASER_MIN_CHARS), names neither the text
    before nor the text after (TEASER_MAX_COVERAGE) and the lines left name the body after.
    (title, teaser) as _split_teaser gives them; the block whole where no part qualifies.
    """
    cuts = [c for c in range(1, len(block)) if block[c].blank_before]
    limit = config.TEASER_MAX_COVERAGE
    for lo, hi in zip(cuts, cuts[1:]):
        part, rest = block[lo:hi], block[:lo] + block[hi:]
        words = text_of(part)
        if len(words) < config.TEASER_MIN_CHARS or part[0].text.startswith(DASH) or \
                any(coverage(words, body) > limit for body in bodies):
            continue
        if coverage(text_of(rest), bodies[1]) > limit:
            return rest, part
    return block, []


def _beside_cut(title: list[Line], after: str) -> int:
    """Where a title printed before its body ends in another article's headline set beside it; 0 if it does not.

    Plain pdftotext reads two headlines set side by side over their columns one after
    the other, the second with its byline, then the first one's body (gen page
    x9781/p01: `路虎中国黄金5年终结 部分车型价格出` / `现“崩盘”` / gap / `用爱心回报爱心` /
    `本报记者 张腾扬` / gap / the 路虎 report). The part printed apart nearest the body is
    the other article's when it names that body not at all (TEASER_MAX_COVERAGE) and the
    part before it does (TITLE_VOTE_MARGIN): a headline under its kicker names its own body
    too, if less than the kicker (real page rmrb-20180109-07, pdftotext: `既提高就业数量` /
    `又提高就业质量` / gap / `抓好就业这个最大民生工程`, 0.70 and 0.33), and a —— subtitle or a
    rest of few bigrams (TEASER_APART_MIN_BIGRAMS) is left whole.
    """
    for c in range(len(title) - 1, 0, -1):  # the shortest part nearest the body first
        near = title[c:]
        if not near[0].blank_before or near[0].text.startswith(DASH) or \
                len(title_bigrams(text_of(near))) < config.TEASER_APART_MIN_BIGRAMS:
            continue
        if coverage(text_of(near), after) <= config.TEASER_MAX_COVERAGE and \
                coverage(text_of(title[:c]), after) > config.TITLE_VOTE_MARGIN:
            return c
    return 0


def assemble(units: list[Unit], scrambled: bool = False) -> list[tuple[str, object]]:
    """Order units into drafts and fragments: [('article', Draft) | ('furniture'|'caption'|'teaser'|'unassigned', lines)].

    scrambled: the page's reading order is known to be broken already (a column piece put back, pieces.py).
    """
    forget_titles()  # (the titles' bigrams are kept for one page: coverage)
    bodies = _neighbour_bodies(units)
    split = _split_title_runs(units, bodies)
    if split is not units:  # (the bodies change only where a title run was split: most pages, none)
        units, bodies = split, _neighbour_bodies(split)
    votes = _title_votes(units, bodies)
    page_first = _decide_headline_first(units, votes, bodies)
    out: list[tuple[str, object]] = []
    cur: Draft | None = None

    # (a draft, the headline read beside its own that stays apart from it: recorded right after it)
    apart: list[tuple[Draft, Draft]] = []

    def close() -> None:
        nonlocal cur
        if cur is not None:
            out.append(("article", cur))
            out.extend(("article", d) for first_draft, d in apart if first_draft is cur)
        cur = None

    first = page_first
    titled: Draft | None = None  # the article a title printed after its body has just closed
    last_titled: Draft | None = None  # titled, as the unit before this one left it
    lead: set[int] = set()  # units taken as a lead printed under a title after its body
    # a headline read beside another's, its byline, the article it was read with (_beside_cut), and whether
    # that article's own byline came after a gap under the waiting one's
    waiting: tuple[list[Line], list[Line], Draft, bool] | None = None

    def give_back() -> None:
        """The waiting headline and its byline back with the headline it was read with, as printed, or apart."""
        nonlocal waiting
        headline, byline, first_draft, signed_apart = waiting
        if signed_apart:
            # the first headline's article has a byline of its own, read after the gap under the waiting
            # one's: two bylines are two articles, so the waiting headline is not the first one's kicker.
            # Recorded after the first's article, in reading order, closed already or when it closes
            # (session-25 review: another title coming first had put it before)
            alone = Draft(title=headline, byline=byline)
            at = next((n for n, (_, d) in enumerate(out) if d is first_draft), None)
            if at is None:
                apart.append((first_draft, alone))
            else:
                out.insert(at + 1, ("article", alone))
        else:
            first_draft.title += headline
            first_draft.byline[:0] = byline
        waiting = None

    def new_draft(**parts: list[Line]) -> Draft:
        """A new draft with no title of its own: the waiting headline and its byline are its."""
        nonlocal waiting
        d = Draft(**parts)
        if waiting is not None:
            d.title, d.byline[:0] = waiting[0], waiting[1]
            waiting = None
        return d
    for k, u in enumerate(units):
        if k in lead:
            continue
        if u.kind not in OUTSIDE_FLOW:
            last_titled, titled = titled, None
        if u.kind == "furniture":
            out.append(("furniture", u.lines))
        elif u.kind == "stray":  # a piece of an author's name printed inside a paragraph: kept, in no article
            out.append(("unassigned", u.lines))
        elif u.kind == "caption":
            out.append(("caption", u.lines))
        elif u.kind == "title" and _teaser_inside_sentence(units, k, cur, bodies[k]):
            out.append(("teaser", u.lines))
        elif u.kind == "title" and (at := _pointer_teaser(units, k, cur)) is not None:
            if at:
                cur.body.append(Unit("body", u.lines[:at]))
            out.append(("teaser", u.lines[at:]))
        elif u.kind == "title":
            if waiting is not None:  # another title came first: the waiting one stays where it was printed
                give_back()
            # (the whole body before too: a headline's words may stand only in the lead, past the window)
            blocks = _title_blocks(u.lines, bodies[k][1] + (_body_text(cur) if cur is not None else bodies[k][0]))
            # a title whose words clearly sit in one neighbour goes with it, whatever the page's order
            vote = votes[k]
            first = vote > 0 if abs(vote) >= config.TITLE_VOTE_MARGIN else page_first
            if first:
                close()
                blocks = _title_beside_body(blocks, bodies[k][1], -1)
                title, teaser = _split_teaser(blocks[-1], bodies[k], True)
                if not teaser:
                    title, teaser = _teaser_between(title, bodies[k])
                for b in blocks[:-1] + ([teaser] if teaser else []):
                    out.append(("teaser", b))
                nxt = units[k + 1] if k + 1 < len(units) else None
                # (only a headline read with its byline under it: a deck apart under a headline has none)
                signed = nxt is not None and nxt.kind == "byline" and not nxt.lines[0].blank_before
                # the byline set solid under the headline; one after a gap opens the body read next
                under = next((j for j in range(1, len(nxt.lines)) if nxt.lines[j].blank_before),
                             len(nxt.lines)) if signed else 0
                cut = _beside_cut(title, bodies[k][1][len(text_of(nxt.lines[:under])):]) if signed else 0
                cur = Draft(title=title[:cut] if cut else title)
                if cut:
                    # the headline set beside it waits, with the byline under it, for the next body
                    # that comes with no title of its own: plain pdftotext reads that one next
                    waiting = (title[cut:], list(nxt.lines[:under]), cur, under < len(nxt.lines))
                    cur.byline.extend(nxt.lines[under:])
                    lead.add(k + 1)
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
                    cur.title, teaser = _split_teaser(blocks[0], bodies[k], False, _body_text(cur))
                    more: list[Line] = []
                    if teaser:
                        # over a teaser, another title printed apart, as _named_less_apart finds one with no
                        # teaser under it (gen page w9962/p12, PyMuPDF blocks: a headline, then at the page's
                        # foot `北方地区部分重点省市外贸外资工作座谈会召` and the teaser `数智赋能 创新前行`)
                        cur.title, more = _named_less_apart(cur.title, bodies[k][1], _body_text(cur), (cur.title, []))
                    if not teaser and len(blocks) == 1 and _lead_under_title(cur.title, _body_text(cur),
                                                                               bodies[k][1], units, k):
                        # the next report's first line, read as the title's last, opens that report
                        units[k + 1] = Unit(units[k + 1].kind, [cur.title[-1], *units[k + 1].lines])
                        cur.title = cur.title[:-1]
                    blocks = [b for b in (more, teaser) if b] + blocks[1:]
                    titled = cur
                    taken = _lead_under(units, k)
                    if taken:
                        # the lead set across the columns under a headline printed after its body
                        # opens that body (real page lswb, PyMuPDF text: `…（失独家庭）。` / byline /
                        # title / `每份海葬骨灰补贴400元、选择树葬、…` over the article's width)
                        cur.body[:0] = [units[j] for j in taken]
                        lead.update(taken)
                    untitled = out[-1][1] if out and out[-1][0] == "article" else None
                    if isinstance(untitled, Draft) and untitled.has_body and untitled.title is None:
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
                    is_bare_names(ln.text) for ln in u.lines):
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
                cur = new_draft(byline=list(u.lines[d:]))
                continue
            if cur is not None and cur.has_body and not cur.byline and _closes_article(units, k):
                # printed after the body (记者 刘涛, 作者：X): the byline of the article it ends
                cur.byline.extend(u.lines)
                nxt = _next_in_flow(units, k)
                if nxt is not None and nxt.kind in ("body", "open"):
                    close()  # signed off with body text after the gap (_set_under_body): that is another's
                continue
            if (cur is not None and cur.has_body and CREDITED_PHOTO.search(u.lines[-1].text)
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
                cur = new_draft()
            cur.byline.extend(u.lines)
        elif u.kind == "jump_up":
            if cur is None or cur.has_body:
                close()
                cur = new_draft()
            cur.jumps.append(u.lines[0])
        elif u.kind == "jump_down":
            if cur is None:
                out.append(("unassigned", u.lines))
                continue
            cur.jumps.append(u.lines[0])
            if page_first:
                close()
        else:
            if cur is not None and cur.body and cur.body[-1].kind in ("body", "open") \
                    and new_measure(cur.body[-1].lines[-1], u.lines[0]):
                # text at a far wider measure than the column cut before it, on another subject, is
                # another article's (new_measure); on the same, it is the cut sentence going on
                if _apart_in_words(cur, u):
                    close()
                else:
                    cur.body[-1] = Unit(u.kind, cur.body[-1].lines + u.lines)
                    continue
            if cur is not None and _body_apart(cur, units, k):
                close()
            if cur is not None and cur.body and _signs_off(cur.body[-1]):
                # an author's note closes an essay: text after it is another article's (real page
                # rmrb-20180112-07, pdftotext: `（作者单位：中共四川省委党校）`, then another essay's section)
                close()
            if cur is None:
                cur = new_draft()
            cur.body.append(u)
    close()
    if waiting is not None:  # no body came for it
        give_back()
    # (the cut-offs before _rethread mends some of them: a page whose reading order the extractor broke)
    ends = _cut_offs([d for kind, d in out if kind == "article"])
    scrambled = scrambled or bool(ends)
    done = _briefs_name_home(
        _labels_home(_restated_headlines(_give_far_titles(_far_headline_lines(_rethread(_tiny_titles(out), ends))))))
    if scrambled:
        done = _runs_home(done)
    done = _orphans_home(done)
    # a draft whose every unit the passes above moved to others holds no line: no record (one emptied after
    # _rethread crashed the page on min() of no line numbers: session-24 review, generated page 9803/p07)
    return [(kind, d) for kind, d in done if kind != "article" or not d.empty]


#: the start of a body unit that opens on the tail of a sentence begun elsewhere: a clause of
#: one or two characters closed by sentence punctuation (`求助。`, `凸显。`) or of one closed by
#: a comma (`处，`), which no sentence is, or a particle that never opens one (的, 们, 吗, 呢, 吧)
_TAIL_HEAD = re.compile(rf"^(?:[\u4e00-\u9fff]{{1,2}}[。！？；]|[\u4e00-\u9fff][，、]|{PARTICLE_HEAD})")


def _opens_on_tail(unit: Unit) -> bool:
    """Whether a body unit opens on the tail of a sentence begun elsewhere (_TAIL_HEAD)."""
    head = unit.lines[0].text[:6].replace(" ", "")
    # (the characters that can close such a tail looked for before the pattern: this sees every body unit)
    return bool(head) and ("。" in head or "，" in head or "、" in head or "！" in head or "？" in head
                           or "；" in head or head[0] in "们的吗呢吧") and _TAIL_HEAD.match(head) is not None


def _may_continue(draft: Draft, j: int) -> bool:
    """Whether body unit j of a draft may be the rest of a sentence cut off elsewhere on the page.

    After a body's sentence cut at its column's foot (full), a block after a gap that does not open
    like a report's lead (a date, a dateline): two columns cut at their feet may come out one after
    the other (gen5 page n10222/p01, plain pdftotext: `…应收尽收、应治尽治，` / gap / a column of a Hong
    Kong poll report), and the words decide whose rest it is.
    At a draft's start or after a sentence's end: one that opens on a sentence's tail, or,
    inside a draft or opening one with no title or byline (a column's text that came out
    after another article's jump marker: gen pages v9771/p06, u9763/p01, plain pdftotext,
    `（下转第13版）` / gap / `滨江环境整治情况；前`), a block after a gap (where
    plain pdftotext starts a column's text) that does not open like a report's lead (a
    dateline, a date: gen page g101/p09 `11月23日，…`). A report's own start has its title or
    byline over it; text with neither is a piece of some article, and the cohesion tests decide whose.
    A byline printed after the text (_byline_over) is no such start, nor a title that names nothing
    of the text under it (_names_none).
    """
    unit = draft.body[j]
    if unit.kind not in ("body", "open"):
        return False
    cut = j > 0 and not draft.body[j - 1].lines[-1].terminal
    if not cut and _opens_on_tail(unit):
        return True
    first = unit.lines[0].text
    if not unit.lines[0].blank_before or opens_on_date(first) or match_dateline(first) is not None:
        return False
    if cut:
        return draft.body[j - 1].lines[-1].full and draft.body[j - 1].kind in ("body", "open")
    return j > 0 or not _byline_over(draft) and (draft.title is None or _names_none(draft))


def _names_none(draft: Draft) -> bool:
    """Whether a draft's title shares not one topic bigram with its body: a headline whose own text the extractor lost.

    (gen3 page k10026/p01, plain pdftotext: `重大突破 我们在记录`, its report past the page's foot, over
    `府彻底取消退休制度改革计划为止。…`, the rest of another report cut at `…直到政`.) Topic bigrams, not
    all: the commonest words of news name no report (k10048/p12: pagegen's orphan `奋力书写高质量发展新篇章`
    over the rest of a report on stock markets that says 发展).
    """
    return cohesion(text_of(draft.title), _body_text(draft)) == 0.0


def _byline_over(draft: Draft) -> bool:
    """Whether a draft's byline stands over its body: a closing one, printed after the text, says nothing of where it starts.

    (gen3 page k10023/p05, plain pdftotext: `…中国对于全球能` at a column's foot, its rest
    `源格局的变化起着重要作用。…` after another article's jump marker, closed by that article's
    `作者：王辛夷`, had been read as a report of its own for that byline). One printed on the text's first
    line (`新华社北京2月29日电 2月28日，…`, split off it) stands over it.
    """
    return bool(draft.byline) and draft.byline[0].no <= draft.body[0].lines[0].no


def _byline_after(draft: Draft) -> bool:
    """Whether a draft's byline is printed after all its text: a closing one, which goes where that text goes (_rethread)."""
    return bool(draft.byline) and draft.byline[0].no > draft.body[-1].lines[-1].no


def _cut_offs(drafts: list[Draft]) -> list[tuple[Draft, int]]:
    """(draft, index) of each body unit stopped mid-sentence at its column's foot with nothing in its draft going on from it."""
    ends = []
    for d in drafts:
        # (a body that closes on a jump marker goes on on another page, not here)
        jumps = any(j.kind == "jump_down" for j in d.jumps)
        for i, u in enumerate(d.body):
            last = u.lines[-1]
            if u.kind not in ("body", "open") or last.terminal or not last.full:
                continue
            nxt = d.body[i + 1] if i + 1 < len(d.body) else None
            if nxt is None and not jumps or nxt is not None and (
                    nxt.kind not in ("body", "open") or nxt.lines[0].blank_before):
                ends.append((d, i))
    return ends


def _tiny_titles(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Titles of TINY_TITLE_MAX_CHARS characters or fewer that their body does not name, taken off as fragments.

    Plain pdftotext prints the rest of a name wrapped in a byline, or a label, where a column starts,
    and over a body it reads as that body's headline (gen page z9804/p11: `本报记者 李 纵 周` under two
    headlines at the page's head, `小苑` 300 lines on over the report those words belong to; w9961/p09,
    PyMuPDF blocks: an author's name `黄宇`). A headline names its report; two characters that name
    nothing of it are no headline, and the body left untitled may take its own from far away
    (_give_far_titles). A briefs column's name (要闻简报) names none of its items and stays.
    """
    result: list[tuple[str, object]] = []
    for kind, item in out:
        if kind == "article" and item.title and item.has_body:
            title = text_of(item.title).replace(" ", "")
            if len(title) <= config.TINY_TITLE_MAX_CHARS and not briefs_name(title) \
                    and coverage(title, _body_text(item)) == 0.0:
                result.append(("teaser", item.title))
                item.title = None
        result.append((kind, item))
    return result


def _labels_home(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Each bracketed label printed apart over a headline whose article does not name it moved to the article that does.

    Plain pdftotext reads a label set over one headline (【香港民研】, a Hong Kong paper's
    series over its poll report) first, then whatever its reading order reaches next: another
    report's headline (gen page p9600/p11: `【香港民研】` / gap / `攥指成拳 生威发力` / its report, the
    poll report's headline far below; q9910/p02 the same over `赵顶良深入基层三年间`). A series' name
    is words of its own report, not of the one under it: the label goes over the title of the one
    article whose body holds at least LABEL_HOME_MIN_COVERAGE of its bigrams, where its own holds
    none and that title has no label.
    """
    drafts = [d for kind, d in out if kind == "article" and d.title and d.has_body]
    for d in drafts:
        label = d.title[0]
        if len(d.title) < 2 or not d.title[1].blank_before or not bracketed_label(label.text) \
                or briefs_name(label.text):
            continue
        words = label.text.strip("【】")
        if coverage(words, text_of(d.title[1:]) + _body_text(d)) > config.TEASER_MAX_COVERAGE:
            continue  # (the floor under which a title names no body: none of its bigrams there)
        shares = sorted(((coverage(words, _body_text(o)), n) for n, o in enumerate(drafts) if o is not d),
                        reverse=True)
        if not shares or shares[0][0] < config.LABEL_HOME_MIN_COVERAGE or \
                len(shares) > 1 and shares[1][0] >= shares[0][0]:
            continue
        home = drafts[shares[0][1]]
        if bracketed_label(home.title[0].text):
            continue
        d.title = d.title[1:]
        home.title = [label, *home.title]
    return out


def _briefs_name_home(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """A briefs column's name left alone (要闻简报) made the title of the one untitled article of bulleted items.

    Plain pdftotext may read the column's name far from its items: at the page's head, or between
    other reports (gen3 pages k10024/p05, k10045/p10: `要闻简报` on line 1, `◆在国庆、中秋来临之际，…`
    far below), where it became a teaser and the items an untitled article. A page has one such column,
    and its items open on a bullet (lines.BRIEFS_ITEM).
    """
    names = [n for n, (kind, item) in enumerate(out) if kind == "teaser" and len(item) == 1
             and briefs_name(item[0].text)]
    items = [d for kind, d in out if kind == "article" and not d.title and d.has_body
             and BRIEFS_ITEM.match(d.body[0].lines[0].text)]
    if len(names) != 1 or len(items) != 1:
        return out
    items[0].title = out[names[0]][1]
    return out[:names[0]] + out[names[0] + 1:]


def _rethread(out: list[tuple[str, object]], ends: list[tuple[Draft, int]]) -> list[tuple[str, object]]:
    """Body pieces that go on from a sentence cut off elsewhere moved after that cut, in reading order.

    Plain pdftotext runs a page's columns into one stream in its own order, so
    a column's last sentence may stop at the column's foot and go on far away,
    after other articles' text (gen page h7002/p02: `…乱搭乱建千余` / the next
    column's headline … `（下转第5版）` / `处，村容村貌焕然一新。`; g101/p07:
    `…联合市场营销与售` / another report / gap / `后服务机构（IMSS）…`). A piece
    that may go on from such a cut (_may_continue) goes, with the rest of its
    draft, after the cut-off unit of the article whose words it shares far more
    than any other's (RETHREAD_MIN_RATIO times every other article's and its own
    draft's cohesion); where the whole bodies do not tell, after the cut whose last
    lines it shares that much more with (_nearest_cut). ends: the drafts' _cut_offs, as assemble found them.
    """
    if not ends:
        return out
    drafts = [d for kind, d in out if kind == "article"]
    texts = {id(d): _body_text(d) for d in drafts}
    for e in drafts:
        before = ""  # e's body before unit j
        for j, u in enumerate(e.body):
            text = u.text
            if _may_continue(e, j) and any(d is not e for d, _ in ends):
                # the piece judged by its own block, up to the next gap (the rest of a long draft
                # would make this quadratic), its own draft's text before it a rival
                block = text + "".join([v.text for v in itertools.takewhile(
                    lambda v: not v.lines[0].blank_before, e.body[j + 1:])])
                grams = topic_bigrams(block)
                shares = {id(d): cohesion(block, texts[id(d)], grams) for d in drafts if d is not e and d.has_body}
                d, i = max(((d, i) for d, i in ends if d is not e), key=lambda end: shares[id(end[0])])
                best = shares.pop(id(d))
                rival = max(max(shares.values(), default=0.0), cohesion(block, before, grams))
                moves = best >= config.RETHREAD_MIN_COHESION and best >= config.RETHREAD_MIN_RATIO * rival
                if not moves:
                    # the whole bodies do not tell: the text just before each cut may
                    near = _nearest_cut(block, grams, [end for end in ends if end[0] is not e], before)
                    if near is not None:
                        (d, i), moves = near, True
                if moves:
                    # (a byline printed after the text that moves closes that text: its article's)
                    closing = _byline_after(e)
                    d.body[i + 1:i + 1] = e.body[j:]
                    del e.body[j:]
                    if closing and not d.byline:
                        d.byline, e.byline = e.byline, []
                    ends = _cut_offs(drafts)
                    texts[id(d)], texts[id(e)] = _body_text(d), _body_text(e)
                    break
            before += text
    return out


def _run_starts(draft: Draft) -> list[int]:
    """Where the runs of a draft's body start: its first unit, and each one set after a gap where a sentence ended."""
    return [0] + [j for j in range(1, len(draft.body)) if draft.body[j].kind in ("body", "open")
                  and draft.body[j].lines[0].blank_before and draft.body[j - 1].lines[-1].terminal]


def _runs_home(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Runs of a body that share far more words with another titled article's lead than with their own, moved there.

    Plain pdftotext reads a page's columns in its own order, so a column that opens
    on a new paragraph may come out under another article's text (gen pages x9781/p12,
    z9804/p02, c9813/p08, plain pdftotext: `…位同志记一等功奖励。` / gap / `社區檢測，
    呼籲外界不要以陰謀論…`, a column of a report on testing under the last paragraph
    of one on awards). Nothing at the join tells: the sentence before it ends, the one
    after it begins. The words do. A run (a block after a gap that opens a sentence,
    with what follows up to the next such block; not the tail of a sentence cut
    elsewhere, which _rethread places) of RUN_HOME_MIN_LINES lines or more goes to
    the end of the titled article, not one closing on a jump marker, whose lead (its
    body's first run) shares RUN_HOME_MIN_RATIO times as much of it as the rest of
    its own draft does, and at least RUN_HOME_MIN_COHESION; only from a draft whose
    rest holds RUN_HOME_MIN_OWN_BIGRAMS topic bigrams to judge by (a lead of a line
    or two says nothing: gen page f9973/p02, a dialogue's first exchange). Leads are
    taken before any run moves, so a run joins an article by the text its title
    heads, never by another run moved there. assemble asks this only of a page
    whose reading order the extractor broke, a column cut mid-sentence with its
    rest not after it (_cut_offs) or a column piece put back (pieces.py): there a
    run far from its article is to be expected, and on other pages comparing every
    run with every lead cost the seed page, which has neither, a third of its
    speed (bench/bench_segment.py).
    """
    drafts = [d for kind, d in out if kind == "article" and d.body]
    starts = {id(d): _run_starts(d) + [len(d.body)] for d in drafts}
    leads = {id(d): "".join(u.text for u in d.body[:starts[id(d)][1]]) for d in drafts}
    # (not one that closes on a jump marker: its text goes on on another page, not under its last line)
    titled = [d for d in drafts if d.title and not any(j.kind == "jump_down" for j in d.jumps)]
    moves: list[tuple[Draft, list[Unit], Draft]] = []
    for d in drafts:
        bounds = starts[id(d)]
        for lo, hi in zip(bounds[1:-1], bounds[2:]):
            run = d.body[lo:hi]
            if sum(len(u.lines) for u in run) < config.RUN_HOME_MIN_LINES or _opens_on_tail(run[0]):
                continue
            rest = "".join(u.text for u in d.body[:lo] + d.body[hi:])
            text = "".join(u.text for u in run)
            grams = topic_bigrams(text)
            # (its own draft first: most runs share its words, and the leads need not be asked)
            own = cohesion(text, rest, grams)
            if own >= config.RUN_HOME_MAX_OWN_COHESION:
                continue
            shares = [(cohesion(text, leads[id(a)], grams), n) for n, a in enumerate(titled) if a is not d]
            if not shares:
                continue
            best, n = max(shares)
            if best >= config.RUN_HOME_MIN_COHESION and best >= config.RUN_HOME_MIN_RATIO * own \
                    and len(topic_bigrams(rest)) >= config.RUN_HOME_MIN_OWN_BIGRAMS:
                moves.append((d, run, titled[n]))
    for d, run, home in moves:
        d.body = [u for u in d.body if not any(u is v for v in run)]
        home.body.extend(run)
    return out


def _orphans_home(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Each draft of text alone (no title, byline or jump) that shares far more words with one titled article than any other, joined to it.

    Plain pdftotext prints pieces of a column far from the rest of their article, where no cut or
    gap ties them to it (gen3 pages k10027/p02, k10067/p12: a report's last columns, printed after
    other reports' text, became an untitled article). Its words tell: the piece shares
    ORPHAN_MIN_COHESION of its topic bigrams with the article's body and ORPHAN_MIN_RATIO times any
    other article's; an article whose title the extractor lost shares little with any other. The piece
    goes to the article's end, in reading order its text's.
    """
    drafts = [d for kind, d in out if kind == "article" and d.has_body]
    alone = [d for d in drafts if not (d.title or d.byline or d.jumps)]
    homes = [d for d in drafts if d.title]
    if not alone or not homes:
        return out  # (most pages: the titled articles' texts are not needed)
    texts = [_body_text(h) for h in homes]
    for d in alone:
        text = _body_text(d)
        # (too short a piece says nothing by its words: real page rmrb-20180129-07, pdftotext -raw, a sentence's
        # last words `“走出去”并重转变。`; nor is a photo's caption closed by its credit any article's text: real page
        # zghysyb-20241016-01, plain pdftotext: `10月13日，…完工装船。特约记者 杜鹏辉 摄`)
        if len(text) < config.COHESION_MIN_CHARS or split_tail_byline(text)[1] is not None:
            continue
        piece = text[:config.COHESION_AFTER_CHARS]
        grams = topic_bigrams(piece)
        shares = sorted(((cohesion(piece, home, grams), n) for n, home in enumerate(texts)), reverse=True)
        best, n = shares[0]
        runner_up = shares[1][0] if len(shares) > 1 else 0.0
        if best >= config.ORPHAN_MIN_COHESION and best >= config.ORPHAN_MIN_RATIO * runner_up:
            homes[n].body.extend(d.body)
            d.body = []
    return out


def _nearest_cut(block: str, grams: set[str], ends: list[tuple[Draft, int]], before: str) -> tuple[Draft, int] | None:
    """The cut-off whose last lines the piece shares far more words with than any other cut's, if one does.

    Where two articles on one subject share alike with the piece as wholes (real page
    gsfzb-20240809-08, plain pdftotext: reports on policing and on the law, the longer holding more
    of any piece's words), the sentence cut at its column's foot still goes on about what the lines
    just before the cut say: the piece is judged against the same length of text before each cut
    (RETHREAD_NEAR_CHARS), and against as much of its own draft before it; with one cut only, none.
    """
    n = config.RETHREAD_NEAR_CHARS
    if len(ends) < 2:
        # (with one cut only there is no other to be far above: the whole bodies' verdict stands; real
        # page rmrb-20180129-07, pdftotext -raw, a lead essay's section moved after the one cut there)
        return None
    near = [(cohesion(block, _units_tail(d.body[:i + 1], n), grams), d, i) for d, i in ends]
    best, d, i = max(near, key=lambda x: x[0])
    rival = max([x for x, dd, ii in near if dd is not d or ii != i] + [cohesion(block, before[-n:], grams)])
    if best >= config.RETHREAD_MIN_COHESION and best >= config.RETHREAD_MIN_RATIO * rival:
        return d, i
    return None


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
    holding most of its bigrams (FAR_TITLE_MIN_COVERAGE), best matches first; one
    no body of its own names (none names it at all, or it has none), to the only
    body on the page that holds any of its bigrams, if that one holds
    FAR_TITLE_SOLE_COVERAGE of them. A whole title printed with its byline and no body
    (their text printed far on) may also go to a body with no byline whose own title names
    nothing of it (_names_none): that title, a teaser set over the body, is left as a teaser,
    and the byline goes with the title it stood under (gen10 page u10701/p04, plain
    pdftotext: `駕超跑重返深水埗派錢遭警截` / `涉策劃撒錢 「幣少爺」被捕` / `■ 【明報專訊】` at the
    page's head, its report under `春耕备耕正当时` / `——探寻…` far on). Letting any title
    replace such a title changed 30 of the 2,463 text pages, +4 -3. A body whose title leaves
    for another takes none in its place, and one retitled gives none away.
    """
    untitled = [d for kind, d in out if kind == "article" and d.has_body and d.title is None]
    # (bodies whose title names nothing of them, with no byline: taken last, and only by a bodiless title)
    plain = len(untitled)
    if any(kind == "article" and d.title and _bodiless(d) for kind, d in out):
        untitled += [d for kind, d in out if kind == "article" and d.has_body and d.title and not d.byline
                     and _names_none(d)]
    if not untitled:
        return out
    texts = [_body_text(d) for d in untitled]
    bodies: list[tuple[Draft, str]] = []

    def everyone() -> list[tuple[Draft, str]]:
        """Every article's draft with its body's text (built once, when a title first needs them)."""
        if not bodies:
            bodies.extend((d, _body_text(d)) for kind, d in out if kind == "article" and d.has_body)
        return bodies
    moves: list[tuple[float, int, int, int, int]] = []  # (coverage, source, part start, part end, body)
    for n, (kind, item) in enumerate(out):
        if kind == "teaser":
            lines = item
        elif kind == "article" and item.title:
            lines = item.title
        else:
            continue
        own = _body_text(item) if kind == "article" else None
        bodiless = kind == "article" and _bodiless(item)
        for lo, hi in _title_parts(lines):
            title = text_of(lines[lo:hi])
            # the share it must hold of a far body; a title naming its own body (most) can never reach
            # it, which its lead alone shows most often (a bigram missing from a whole body is searched
            # to its end: this runs for every title of every page)
            least = config.FAR_TITLE_MIN_COVERAGE
            owned = 0.0
            if own is not None:
                if coverage(title, own[:_LEAD_CHARS]) + config.FAR_TITLE_MARGIN > 1.0:
                    continue
                owned = coverage(title, own)
                least = max(least, owned + config.FAR_TITLE_MARGIN)
                if least > 1.0:
                    continue
            grams = title_bigrams(title)
            # a title its own body names none of may name its far body by less, if no other body names it at all
            sole = config.FAR_TITLE_SOLE_COVERAGE if not owned and len(grams) >= config.TEASER_APART_MIN_BIGRAMS \
                else least
            for b, text in enumerate(texts if bodiless and (lo, hi) == (0, len(lines)) else texts[:plain]):
                c = share_found(grams, text, min(least, sole))
                if c >= least or (c >= sole and _named_by_none(grams, [t for d, t in everyone()
                                                                        if d is not untitled[b]])):
                    moves.append((c, n, lo, hi, b))
    if not moves:
        return out
    # a run may give each of its parts to another body: two headlines set side by side come out
    # as one stack (real page rmrb-20180109-07, pdftotext: `协同推进社会革命和自我革命` / blank /
    # `全面建成多层次社会保障体系`, two essays' headlines, each far from its body)
    moved: dict[int, list[tuple[int, int]]] = {}
    taken: set[int] = set()
    # (each source's title lines as they stood before any move: a body retitled here may have been one)
    titles = {n: item if kind == "teaser" else item.title for n, (kind, item) in enumerate(out)
              if kind in ("teaser", "article")}
    displaced: dict[int, list[Line]] = {}  # the titles naming nothing of their bodies that others replaced
    for c, n, lo, hi, b in sorted(moves, key=lambda m: -m[0]):
        target, source = untitled[b], out[n][1]
        if b in taken or any(lo < h and l < hi for l, h in moved.get(n, ())) \
                or b >= plain and any(out[m][1] is target for m in moved) or id(source) in displaced:
            continue  # (a body whose title leaves for another keeps what is left of it: it takes none)
        moved.setdefault(n, []).append((lo, hi))
        taken.add(b)
        lines = titles[n]
        if target.title:
            displaced[id(target)] = target.title
        target.title = lines[lo:hi]
        if out[n][0] == "article" and not source.has_body and (lo, hi) == (0, len(lines)) and not target.byline:
            # a title printed with its byline far from its text: the byline goes with it
            target.byline, source.byline = source.byline, []
    result: list[tuple[str, object]] = []
    for n, (kind, item) in enumerate(out):
        if n in moved:
            rest = [ln for k, ln in enumerate(titles[n]) if not any(lo <= k < hi for lo, hi in moved[n])]
            if kind == "teaser":
                if rest:
                    result.append((kind, rest))
                continue
            item.title = rest or None
            if item.empty:
                continue
        if kind == "article" and id(item) in displaced:
            result.append(("teaser", displaced[id(item)]))
        result.append((kind, item))
    return result


def _bodiless(draft: Draft) -> bool:
    """Whether a draft has a byline and no body: a title and byline printed apart from their text (_give_far_titles)."""
    return bool(draft.byline) and not draft.has_body


def _named_by_none(grams: frozenset[str], texts: list[str]) -> bool:
    """Whether none of a title's bigrams occurs in any of the texts."""
    return not any(g in text for text in texts for g in grams)


def _far_headline_lines(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """In-body subheads that name another article far more than their own, moved over that article's title.

    Plain pdftotext reads a headline's first line apart from the rest where the headline is set
    over several columns: it comes out inside a neighbouring column's report, where it reads as
    a subhead (real page gsfzb-20240809-08: `金川警方破获一起特大传销案` among a police station's
    report, its rest `摧毁一个…犯罪团伙` over the body it names). A subhead is its own body's when
    that body holds its words; one whose words another body holds (FAR_TITLE_MIN_COVERAGE), by
    FAR_TITLE_MARGIN more than its own, is that body's headline line.
    """
    drafts = [d for kind, d in out if kind == "article" and d.has_body]
    # (a piece of a sentence set short, `“党的`, `“枫桥经验”，不`, is no headline line: too few
    # bigrams, found in some body by chance; real pages, PyMuPDF blocks and pdftotext -raw; nor
    # is the rest of a wrapped line, opening on a particle: rmrb-20180112-07 `的重要意义和作用`)
    heads = [(a, u) for a, d in enumerate(drafts) for u in d.body
             if u.kind == "subhead" and len(u.lines) == 1 and len(u.text) >= config.FAR_HEADLINE_LINE_MIN_CHARS
             and "，" not in u.text and not _TAIL_HEAD.match(u.text)]
    if len(drafts) < 2 or not heads:  # (asked first: most pages have none, and the bodies' texts cost)
        return out
    texts = [_body_text(d) for d in drafts]
    set_aside: dict[int, list[Line]] = {}  # titles taken off the bodies they stood over, by draft
    for a, u in heads:
        d = drafts[a]
        title = u.text
        own = "".join([v.text for v in d.body if v is not u])
        least = max(config.FAR_TITLE_MIN_COVERAGE, coverage(title, own) + config.FAR_TITLE_MARGIN)
        if least > 1.0:
            continue
        grams = title_bigrams(title)
        best = max(((share_found(grams, texts[b], least), b) for b in range(len(drafts)) if b != a),
                   default=(0.0, a))
        if best[0] >= least:
            d.body.remove(u)
            texts[a] = own
            other = drafts[best[1]]
            old = other.title or []
            if old and coverage(text_of(old), texts[best[1]]) + config.FAR_TITLE_MARGIN <= best[0]:
                # the title it stood under names it far less: another article's, printed over it
                # (real page rmrb-20180122-07, pdftotext: an essay's headline comes out in a
                # neighbour's text, two other essays' headlines over its body); left as a teaser
                # for the body it names (_give_far_titles)
                set_aside[id(other)] = old
                old = []
            other.title = u.lines + old
    if not set_aside:
        return out
    result: list[tuple[str, object]] = []
    for kind, item in out:
        if kind == "article" and id(item) in set_aside:
            result.append(("teaser", set_aside[id(item)]))
        result.append((kind, item))
    return result


def _restated_headlines(out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Drafts headed by a title that restates another article's headline, moved into that article as a section.

    An essay's section heads restate its headline with more words (theory pages: `全面建成多层次
    社会保障体系` heads sections `充分认识全面建成多层次社会保障体系的重大意义`, …); plain pdftotext
    reads such a section apart, after other essays' text, where its head is taken for a headline
    (real page rmrb-20180109-07). A title no longer than the headline it holds is that article's
    headline printed twice, not a section head, and stays. Title lines before the section head
    (another essay's author, printed beside it) are left as a fragment.
    """
    titled = [item for kind, item in out if kind == "article" and item.title and item.has_body]
    if len(titled) < 2 or all(item.byline for item in titled):  # (asked first: title_fields costs)
        return out
    heads = [(d, h) for d, h in ((d, title_fields(d.title)[1]) for d in titled)
             if h and len(h) >= config.RESTATED_HEADLINE_MIN_CHARS]
    if len(heads) < 2:
        return out
    result: list[tuple[str, object]] = []
    for kind, item in out:
        if kind == "article" and item.title and item.has_body and not item.byline:
            found = None
            for lo, hi in _title_parts(item.title)[::-1]:
                text = text_of(item.title[lo:hi])
                found = next(((d, lo, hi) for d, h in heads if d is not item and h in text and len(text) > len(h)),
                              None)
                if found is not None:
                    break
            if found is not None and found[2] == len(item.title):
                target, lo, _ = found
                if lo:
                    result.append(("teaser", item.title[:lo]))
                # the section's text goes on from a sentence the essay leaves cut off at a column's foot,
                # the cut whose last lines it shares most words with (_rethread's judgement), else at its end
                block = _body_text(item)
                grams = topic_bigrams(block)
                cuts = [i for _, i in _cut_offs([target])]
                at = max(cuts, key=lambda i: cohesion(block, "".join(u.text for u in target.body[max(0, i - 2):i + 1]),
                                                      grams), default=len(target.body) - 1)
                target.body[at + 1:at + 1] = [Unit("subhead", item.title[lo:])] + item.body
                target.jumps.extend(item.jumps)
                continue
        result.append((kind, item))
    return result


def body_paragraphs(units: list[Unit]) -> tuple[list[str], list[str]]:
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
            paras.append(drop_quote_gaps(join_lines(cur)))
            cur.clear()

    lines = [(u, ln) for u in units for ln in u.lines]
    for k, (u, ln) in enumerate(lines):
        if u.kind == "subhead":
            if k == 0 or lines[k - 1][0] is not u:
                flush()
            # a roster's label, names and posts stay apart, a space between them
            cur.append(" " + ln.text if cur and ln.kind == "roster" else ln.text)
            if k + 1 == len(lines) or lines[k + 1][0] is not u:
                subheads.append(drop_quote_gaps(join_lines(cur)))  # (as flush gives it: the same string)
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


#: a byline line ending on a name of two or three characters set apart by a space, or on a
#: two-character name spaced out to line up with longer ones (`本报记者 李 纵`)
_WHOLE_NAME_END = re.compile(r"\s(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff] [\u4e00-\u9fff])$")


def byline_text(lines: list[Line]) -> str:
    """A byline as printed: pieces of one line joined by a space, wrapped lines rejoined,
    a reporter line on a line of its own."""
    out = ""
    prev: Line | None = None
    for ln in lines:
        if prev is None:
            out = ln.text
        elif ln.no == prev.no:
            out += " " + ln.text
        elif is_reporter_line(ln.text) and opens_byline(ln.text) or match_dateline(ln.text):
            out += "\n" + ln.text
        elif not prev.full and match_dateline(prev.text) and is_bare_names(ln.text):
            # a reporter's name on a line of its own under a dateline that stops short of its column
            # (gen page q9700/p04: `南方日报讯` / `徐林`): printed apart, not wrapped
            out += "\n" + ln.text
        elif _WHOLE_NAME_END.search(out) and is_bare_names(ln.text):
            # a list of names set apart by spaces, wrapped after a whole name (gen page g303/p03:
            # `新华网黑龙江频道 记者 伊琳` / `李清芬`): the break is one more space, not inside a name
            out += " " + ln.text
        else:
            out = join_lines([out, ln.text])
        prev = ln
    return drop_quote_gaps(out)  # (a justified line's gaps beside a quote, as in body text: issue 9 review)
