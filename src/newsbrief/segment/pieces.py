"""Column pieces put back after the sentence they finish, before any unit is built.

Plain pdftotext runs a page's columns into one stream in its own order: a
column's last sentence stops at the column's foot, a gap, and the text after
the gap is some other article's, while the rest of the sentence comes out far
away (generated page x9782/p02: `…鉴于职工对当日报纸的厚` / gap / another
report's subhead; 200 lines on, under a third report's byline, `爱，西安煤矿
机械厂…`). Read in that order, the cut sentence runs on into the wrong article
and the piece that finishes it opens a body of its own. A piece goes back after
a cut when the break between them falls inside a word (lexicon.cuts_word), it
shares the words of the text before the cut (cohesion), and the text that
follows the cut shares none of them; each cut takes the piece closest to it in
words, and a piece no other cut claims with more. Where no piece finishes a word
of the cut, a piece may still go back on its words alone (_piece_by_words): it
must share far more of them with the cut than any other run does, and none with
the finished sentence it now follows.
"""

from __future__ import annotations

from .. import config
from ..text.normalize import is_cjk
from .cohesion import cohesion, shares, topic_bigrams
from .lexicon import cuts_word
from .lines import Line, text_of

#: clause and sentence marks: a cut must stop inside prose, not inside a headline set over lines
_CLAUSE_MARKS = "，。、；："


def _has_clause(text: str) -> bool:
    """Whether text holds a clause or sentence mark (_CLAUSE_MARKS): prose, not a headline's words."""
    return any(m in text for m in _CLAUSE_MARKS)


#: marks that end a sentence: a run holding one is prose, not a headline set over lines
_SENTENCE_ENDS = "。！？"


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """The page's lines in runs, a run ending at each gap (a blank line)."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if ln.blank_before or not blocks:
            blocks.append([ln])
        else:
            blocks[-1].append(ln)
    return blocks


def _is_cut(block: list[Line]) -> bool:
    """Whether a run stops mid-sentence at its column's foot: its last line full of prose, unfinished.

    Over it, a full line of the same measure with a clause mark in the run's last three lines (two lines
    of prose may hold none: gen3 page k10079/p11, plain pdftotext: `等旅游景点和羊肉汤等特` /
    `色名吃给浦争鸣留下了深`, its rest `刻的印象。` after another report), or a paragraph's last line
    with the cut line a new paragraph's, holding a clause mark itself (gen3 page k10074/p08, plain
    pdftotext: `的太棒了！”` / `年过五十，郭荣梅觉得自己的教师`), full or not.

    Not a line set wider than its column: that is a headline or its deck (generated page x9786/p01,
    PyMuPDF blocks: `——优化区域经济布局，促进区域协调发展`, which `局，…` elsewhere seemed to finish). Nor two
    full lines of different measures (MEASURE_CHANGE_RATIO): a column's lines share one, and a headline's wide
    line over its narrower second, both taken as full where the column's estimate is rough, is no column's
    foot (gen3 page k10055/p10, PyMuPDF blocks: `上午，记者在奉贤看到市民生活如往昔` (17) /
    `相信上海不久会恢复热闹` (11), which another report's `市民搶錢及聚集，…` seemed to finish). Nor a
    heading opening unindented after a paragraph's end (_heading_after_paragraph).
    """
    if len(block) < 2:
        return False
    upper, last = block[-2], block[-1]
    if not (last.kind == "text" and upper.kind == "text" and last.full and not last.terminal and not last.overfull
            and is_cjk(last.text[-1])):
        return False
    if upper.terminal:
        cut = _has_clause(last.text)
    else:
        cut = (upper.full and max(upper.width, last.width) <= config.MEASURE_CHANGE_RATIO * min(upper.width, last.width)
               and _has_clause(text_of(block[-3:])))
    return cut and not _heading_after_paragraph(block)


def _heading_after_paragraph(block: list[Line]) -> bool:
    """Whether a run's last sentence opens unindented after a paragraph's end, where the run indents its paragraphs.

    A paragraph's last line falls short of its column, and the next line opens a new paragraph, indented
    where the extractor keeps indents: one that is not is a heading, not prose cut at the column's foot
    (gen page r10403/p07, PyMuPDF blocks: `…快速` / `增长。` / `輕鐵屯門泳池站` / `月台沉降 驚見石`, a
    headline whose 石 and another report's `头屯河区…` made 石头, and which was moved after it).
    """
    # (read back from the run's end: the last sentence's end is near it, and the run may be a whole column)
    k = len(block) - 2
    while k >= 0 and not block[k].terminal:
        k -= 1
    return k >= 0 and not block[k].full and not block[k + 1].indent and any(ln.indent for ln in block)


def _may_finish(block: list[Line]) -> bool:
    """Whether a run may open on the rest of a sentence: a full line of text, run on in full lines or ended.

    A headline is no such run: a line standing alone between gaps that ends no sentence (real page
    rmrb-20180122-07, plain pdftotext: `解决好科技体系发展不平衡不充分问题`), or one wrapped to a short
    line that ends none; nor is a line of a few characters ending a sentence (real page
    zghysyb-20241016-01, plain: `行建设。`), which finishes too many cuts by chance.
    """
    first = block[0]
    if not (first.kind == "text" and first.full and not first.overfull and is_cjk(first.text[0])):
        return False
    if len(block) == 1:
        return first.terminal
    return block[1].kind == "text" and (block[1].full or block[1].terminal)


def _in_phrase(cut: str, start: str, page: str) -> bool:
    """Whether the break from line cut to line start falls inside a phrase of three or four characters the page prints.

    Such a phrase is a word too (real page gsfzb-20240809-08, PyMuPDF blocks: `…筑牢安全` / gap /
    `防线，…`, the headline printing 筑牢安全防线); the break itself is never found in the page's text, a
    newline standing in it. Asked only to keep the page's order: as evidence for a piece far away,
    three characters of common words recur on any page (`…一家的` / `习近平…`: 的习近, real page
    rmrb-20180129-07, PyMuPDF blocks).
    """
    cut, start = cut.replace(" ", "")[-3:], start.replace(" ", "")[:3]
    return any(cut[-i:] + start[:n - i] in page
               for n in (3, 4) for i in range(1, n) if i <= len(cut) and n - i <= len(start))


def _under_own_heading(block: list[Line], before: str, grams: set[str]) -> bool:
    """Whether a run is a heading (a line or two, short or set across columns, ending no sentence) sharing words.

    A section headed by the essay's headline restated may come out after another report; moved alone,
    its text would leave the head behind (assembly._restated_headlines; real page rmrb-20180109-07).
    """
    return (len(block) <= 2 and all(ln.kind == "text" and (ln.overfull or not ln.full) and not ln.terminal
                                    for ln in block)
            and cohesion(before, text_of(block), grams) > 0.0)


def _tail(block: list[Line]) -> str:
    """The run's last characters: the text a piece that finishes its sentence talks about."""
    return text_of(block)[-config.RETHREAD_NEAR_CHARS:]


def _head(block: list[Line]) -> str:
    """The run's first characters, as much as _tail takes."""
    return text_of(block)[:config.RETHREAD_NEAR_CHARS]


def _piece_for(blocks: list[list[Line]], k: int, openers: list[int], page: str) -> int | None:
    """Index of the run to put after run k's cut, if one finishes it clearly; None to leave the page's order.

    openers: the runs that may open on a sentence's rest (_may_finish).
    """
    cut = blocks[k][-1].text
    nxt = blocks[k + 1] if k + 1 < len(blocks) else None
    # (the cheap tests first: most cuts go on in the run after their gap, which finishes the word or shares
    # a word with the text before the cut, the first such word ending the search)
    if nxt is not None and cuts_word(cut, nxt[0].text):
        return None  # the run after the gap finishes the word: the column goes on there
    before = _tail(blocks[k])
    if nxt is not None:
        # (read outward from the gap, stopping at the first word shared: the bigram sets are made only past here)
        if shares(before, _head(nxt), 1) or _in_phrase(cut, nxt[0].text, page):
            return None  # the run after the gap shares a word with the cut's text: it may well go on there
    grams = topic_bigrams(before)
    finishing = [p for p in openers if p != k and p != k + 1 and cuts_word(cut, blocks[p][0].text)]
    best, found = 0.0, None
    for p in finishing:
        if p and _under_own_heading(blocks[p - 1], before, grams):
            continue  # a section of the cut's article under its own head: the title passes place both
        share = cohesion(before, _head(blocks[p]), grams)
        if share >= config.PIECE_MIN_COHESION and (found is None or share > best):
            best, found = share, p
    word = found is not None
    if found is None:
        found, best = _piece_by_words(blocks, k, openers, before, grams)
        if found is None:
            return None
    # a piece another cut finishes as well (one found by words alone: any other cut) goes to neither where that
    # cut shares more with it
    piece, start = _head(blocks[found]), blocks[found][0].text
    for o, block in enumerate(blocks):
        if o != k and o != found and _is_cut(block) and (cuts_word(block[-1].text, start) or not word) \
                and cohesion(piece, _tail(block)) > best:
            return None
    return found


def _ends_prose(block: list[Line]) -> bool:
    """Whether a run ends a sentence of prose: its last line finishes one, and the run holds a clause mark before that."""
    return block[-1].terminal and _has_clause(text_of(block)[:-1])


def _piece_by_words(blocks: list[list[Line]], k: int, openers: list[int], before: str,
                    grams: set[str]) -> tuple[int | None, float]:
    """The run that goes on after run k's cut by its words alone, with its cohesion; (None, 0) when none stands out.

    No word runs across the break where it falls between two words (generated page y9793/p12, plain
    pdftotext: `…作用，加强京津冀` / gap / another report / `地区联防联控，…`), or in a term or a
    traditional word the dictionary lacks (n9400/p07: 安宁 / 疗护; z9802/p03: 密切接 / 觸).
    Only a piece set after a finished sentence of prose, which it cannot go on from, is asked (not one
    under a headline that ends on a question mark: generated cross-check page g9731/p06, PyMuPDF blocks,
    `…谁来为无序拆房“埋单”？` over another report's lead, had lent that lead to a cut); and only one
    holding a sentence's end, not a headline wrapped over two full lines (z9802/p06, PyMuPDF blocks:
    `思来氏CEO张韫：用` / `第三方评价促进教育`, its report's own words).
    """
    heads = {p: _head(blocks[p]) for p in openers
             if p not in (0, k, k + 1) and len(blocks[p]) >= 2 and _ends_prose(blocks[p - 1])}
    ranked = sorted(((cohesion(before, head, grams), p) for p, head in heads.items()
                     if any(m in head for m in _SENTENCE_ENDS)), reverse=True)
    if not ranked:
        return None, 0.0
    best, p = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best < config.PIECE_WORDS_MIN_COHESION or best < config.PIECE_WORDS_MIN_RATIO * runner_up:
        return None, 0.0
    if cohesion(_tail(blocks[p - 1]), heads[p]) > 0.0:
        return None, 0.0  # the run shares words with the text it follows: it may well be where it belongs
    return p, best


def _section_after(piece: list[Line], block: list[Line]) -> bool:
    """Whether the run printed under a piece is its article's next section: a heading over prose sharing its words.

    The heading is a line short of its column with no clause mark, and prose follows it in the same run;
    sharing SECTION_MIN_COHESION of the topic words tells the same article's section from another
    article's headline and lead printed under the piece.
    """
    return (len(block) >= 3 and block[0].kind == "text" and not block[0].full and not block[0].terminal
            and not _has_clause(block[0].text) and _has_clause(text_of(block[1:3]))
            and cohesion(text_of(piece), text_of(block)) >= config.SECTION_MIN_COHESION)


def _openers(blocks: list[list[Line]]) -> list[int]:
    """The runs that may open on a sentence's rest (_may_finish), but the page's first run of text.

    Nothing is printed before that one for a sentence to go on from (gen3 page k10029/p11, PyMuPDF
    blocks: the page's first report, `区域协调发展是中国式现代化的内在`, had been moved after a cut
    `…观察两个省`, 省区 a word, its own rest `域样本，…` right after the gap).
    """
    first = next((p for p, block in enumerate(blocks) if any(ln.kind == "text" for ln in block)), None)
    return [p for p, block in enumerate(blocks) if p != first and _may_finish(block)]


def put_back_pieces(lines: list[Line]) -> list[Line]:
    """The page's lines with each column piece that finishes a cut sentence moved to just after the cut."""
    blocks = _blocks(lines)
    if len(blocks) < 3:
        return lines
    page = "\n".join([ln.text for ln in lines])
    openers = _openers(blocks)
    moved = False
    k = 0
    while k < len(blocks):  # (each move leaves one run fewer: it ends)
        found = _piece_for(blocks, k, openers, page) if _is_cut(blocks[k]) else None
        if found is None:
            k += 1
            continue
        piece = blocks.pop(found)
        piece[0].blank_before = False  # one sentence now: no gap between the cut and its rest
        at = k if found > k else k - 1
        blocks[at].extend(piece)
        if found < len(blocks) and _section_after(piece, blocks[found]):
            # the rest of the piece's column goes with it when it is the same article's next section
            section = blocks.pop(found)
            at -= found < at
            blocks.insert(at + 1, section)
        moved = True
        openers = _openers(blocks)
        # the cut's run now ends on the piece's last line, which may itself be cut, and the run before the
        # piece's old place has a new run after its gap: look again from the earlier of the two (from the
        # page's start each time, a text of thousands of lines took minutes: session-26 review)
        k = max(min(at, found - 1), 0)
    if not moved:
        return lines
    return [ln for block in blocks for ln in block]
