"""Who owns what on a page: title groups, captions, furniture, and the title each body block belongs to.

A title owns the body text below it within the columns it heads (its *span*), down to the next title over
those columns or a rule that separates them; a vertical title owns the text beside it. Text that no title
can own (page furniture, captions by pictures, adverts, notices) becomes a fragment: nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import config
from ..segment.byline import is_bare_names, is_reporter_line, match_dateline
from ..segment.lines import JUMP, is_furniture
from .layout import Block, Extent, Line
from .reader import Rect

_SENTENCE = re.compile(r"[，。；？！、]")
_SUBTITLE_DASH = re.compile(r"^\s*[—－\-]{1,2}")
_CREDIT = re.compile(r"(?:摄|攝|摄影|供图|图片来源.*|资料图片?|制图)\s*$|^\s*(?:图|圖)\s*[为為：:]|^\s*[（(]?图\s*\d")


@dataclass
class Title(Extent):
    """A title group: kicker, headline and subtitle lines, and the span of columns it heads."""

    lines: list[Line]
    vertical: bool = False
    span: tuple[float, float] = (0.0, 0.0)
    items: list = field(default_factory=list)  # body blocks and subheads it owns
    heads: set = field(default_factory=set)  # ids of the blocks that start right under it (set_spans)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """Length shared by the intervals [a0, a1] and [b0, b1] (0 when apart)."""
    return max(0.0, min(a1, b1) - max(a0, b0))


def _connected(a: Line, b: Line, body: float) -> bool:
    """Whether two display lines belong to one title group."""
    size = max(a.size, b.size)
    if a.vertical or b.vertical:
        if not (a.vertical and b.vertical):
            return False
        gap = max(a.x0, b.x0) - min(a.x1, b.x1)
        return gap <= config.PDF_TITLE_LINE_GAP_EM * size and _overlap(a.y0, a.y1, b.y0, b.y1) > 0
    same_row = abs((a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2) <= config.PDF_SAME_LINE_EM * size
    if same_row:
        # parts of one title line set apart by a space come from one text frame: their
        # characters are consecutive in the content stream; side-by-side headlines of two
        # articles are not (zghysyb front page: two 50pt headlines 0.5 em apart)
        left, right = (a, b) if a.x0 <= b.x0 else (b, a)
        gap = right.x0 - left.x1
        close_in_stream = abs(right.chars[0].index - left.chars[-1].index) <= 3
        return 0 <= gap <= config.PDF_TITLE_ROW_GAP_EM * size and close_in_stream
    upper, lower = (a, b) if a.y0 <= b.y0 else (b, a)
    gap = lower.y0 - upper.y1
    if not (-0.2 * size <= gap <= config.PDF_TITLE_LINE_GAP_EM * size and _overlap(a.x0, a.x1, b.x0, b.x1) > 0):
        return False
    small = min(a.size, b.size) < config.PDF_TITLE_MIN_RATIO * body
    if small:
        # a kicker or subtitle is centred on its headline or shares its left edge; a subhead
        # just under a headline sits at its column's edge (generated page c04)
        centred = abs((a.x0 + a.x1) - (b.x0 + b.x1)) / 2 <= config.PDF_TITLE_CENTRE_SLACK * max(
            a.x1 - a.x0, b.x1 - b.x0)
        return centred or abs(a.x0 - b.x0) <= min(a.size, b.size)
    return True


def _find(parent: list[int], i: int) -> int:
    """The root of i in a union-find forest (path halving)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def group_titles(display: list[Line], body: float) -> list[list[Line]]:
    """Display lines grouped into title groups (connected components of `_connected`)."""
    parent = list(range(len(display)))

    order = sorted(range(len(display)), key=lambda i: display[i].y0)
    for pos, i in enumerate(order):
        a = display[i]
        below = None  # a line joins only the next display line under it, never one beyond
        for j in order[pos + 1:]:
            b = display[j]
            if b.y0 - a.y1 > config.PDF_TITLE_LINE_GAP_EM * max(a.size, b.size) and not a.vertical and not b.vertical:
                break
            stacked = not a.vertical and not b.vertical and b.y0 - a.y1 >= -0.2 * max(a.size, b.size) \
                and _overlap(a.x0, a.x1, b.x0, b.x1) > 0 \
                and abs((a.y0 + a.y1) - (b.y0 + b.y1)) / 2 > config.PDF_SAME_LINE_EM * max(a.size, b.size)
            if stacked:
                if below is not None and b.y0 > below.y1 - 0.2 * b.size:
                    continue
                below = b
            if _connected(a, b, body):
                parent[_find(parent, i)] = _find(parent, j)
    groups: dict[int, list[Line]] = {}
    for i in range(len(display)):
        groups.setdefault(_find(parent, i), []).append(display[i])
    return [sorted(g, key=lambda ln: (ln.y0, ln.x0)) for g in groups.values()]


def standalone_byline(lines: list[Line]) -> str | None:
    """The text of a few lines that are a reporter line or bare author names (■ 本报记者 X Y), else None."""
    if not lines or len(lines) > config.PDF_BYLINE_MAX_LINES:
        return None
    for text in joins(lines):
        if is_reporter_line(text) or is_bare_names(text):
            return text
    return None


def joins(lines: list[Line]) -> list[str]:
    """A wrapped name list joined as one word (肖 / 家鑫), then at a space (董怡虹 / 陈炅玮).

    A line of a name list breaks inside a name or at the space between two; the
    reporter grammar decides which reading is a list of names.
    """
    tight = "".join(ln.text for ln in lines).strip()
    spaced = " ".join(ln.text.strip() for ln in lines)
    return [tight] if tight == spaced else [tight, spaced]


#: what only a byline line has: a bullet, names set apart by spaces, a trailer (马俊峰/文, 摄)
_UNMISTAKABLE_BYLINE = re.compile(r"^[■□●◆]|\S\s+\S|[/／]\s*[文图圖]$|[摄攝]$")


def leading_byline(block: Block) -> tuple[str, list[Line]] | None:
    """A reporter line opening a column with its text running on under it, and the lines it takes.

    Gen pages: ■ 本报记者 徐锦庚 肖 / 家鑫 李洪兴 / 特意保留的…: lines up to one that stops short
    or stands apart (assemble's _attach_bylines); the longest such reading, so a wrapped name stays.
    """
    for k in range(min(len(block.lines) - 1, config.PDF_BYLINE_MAX_LINES), 0, -1):
        last, nxt = block.lines[k - 1], block.lines[k]
        # a full line that runs on may be a sentence naming its reporter (本报记者王某 / 日前…);
        # one with names set apart, a bullet or a trailer (/文, 摄) is a byline however wide,
        # unless a dateline opens it: that runs on into the lead (real page lswb: 本报讯 …报 / 道 昨日)
        if block.x1 - last.x1 < config.PDF_INDENT_MIN_EM * last.size and \
                nxt.y0 - last.y1 <= config.PDF_BLOCK_LINE_GAP_EM * last.size and \
                not (k == 1 and _UNMISTAKABLE_BYLINE.search(last.text.strip()) and not match_dateline(last.text)):
            continue
        text = standalone_byline(block.lines[:k])
        if text:
            return text, block.lines[:k]
    return None


def is_caption(block: Block, images: list[Rect], body: float, body_font: str) -> bool:
    """Whether a short block is a picture's caption or credit: next to a picture, set apart from the body."""
    if len(block.lines) > config.PDF_CAPTION_MAX_LINES:
        return False
    reach = config.PDF_CAPTION_MAX_GAP_EM * body
    # within reach of the picture, or a caption of several lines starting right under it and
    # running on past the reach (real page gsfzb: 辅警开展专项训练。… two lines under a photo)
    start = config.PDF_CAPTION_START_GAP_EM * body
    near = any(_overlap(block.x0, block.x1, im.x0, im.x1) > config.PDF_CAPTION_MIN_OVERLAP * (block.x1 - block.x0)
               and (im.y0 - reach <= block.y0 and block.y1 <= im.y1 + reach or 0 <= block.y0 - im.y1 <= start)
               for im in images)
    if not near:
        return False
    text = block.text
    if not _CREDIT.search(text) and is_reporter_line(text):
        return False  # a byline in its own font under a picture (real page gsfzb) is no caption
    distinct = block.role == "small" or block.lines[0].font != body_font
    return bool(_CREDIT.search(text)) or distinct


def table_regions(shapes: list[Rect], body: float) -> list[Rect]:
    """The regions of ruled tables: groups of at least PDF_TABLE_MIN_CELLS cell boxes that touch.

    A table drawn cell by cell (real page lswb: a weather table, one box per cell, 今天/明天,
    晴转多云, 14~7) is no article's text; its single-character cells stack into what reads
    as vertical lines (晴晴晴) and ran into the lead beside it.
    """
    tall = config.PDF_TABLE_CELL_MAX_EM * body
    touch = config.PDF_TABLE_CELL_GAP_EM * body
    cells = [s for s in shapes if s.kind == "box" and s.height <= tall]
    parent = list(range(len(cells)))

    order = sorted(range(len(cells)), key=lambda i: cells[i].x0)
    for n, i in enumerate(order):  # a sweep along x: only cells that start before this one ends can touch it
        a = cells[i]
        for j in order[n + 1:]:
            b = cells[j]
            if b.x0 > a.x1 + touch:
                break
            if b.y0 <= a.y1 + touch and a.y0 <= b.y1 + touch:
                parent[_find(parent, i)] = _find(parent, j)
    groups: dict[int, list[Rect]] = {}
    for i, c in enumerate(cells):
        groups.setdefault(_find(parent, i), []).append(c)
    tables = [(Rect(min(c.x0 for c in g), min(c.y0 for c in g), max(c.x1 for c in g), max(c.y1 for c in g),
                    "table"), len(g)) for g in groups.values()]
    # the rows of one table may be drawn apart (lswb: each city's two rows a group of their own,
    # 2 em below the last): groups over the same columns close under each other are one table
    merged: list[list] = []
    for t, n in sorted(tables, key=lambda tn: tn[0].y0):
        last = next((m for m in merged if abs(m[0].x0 - t.x0) <= body and abs(m[0].x1 - t.x1) <= body
                     and 0 <= t.y0 - m[0].y1 <= config.PDF_TABLE_ROW_GAP_EM * body), None)
        if last is None:
            merged.append([t, n])
        else:
            last[0] = Rect(min(last[0].x0, t.x0), last[0].y0, max(last[0].x1, t.x1), t.y1, "table")
            last[1] += n
    out = []
    for t, n in merged:
        if n < config.PDF_TABLE_MIN_CELLS:
            continue
        # a last row closed by the column rules alone, not boxed (lswb: 葫芦岛): the rules that
        # run on from inside the table bound it
        for r in shapes:
            if r.kind == "rule" and t.x0 - touch <= r.x0 and r.x1 <= t.x1 + touch and t.y0 <= r.y0 <= t.y1:
                t = Rect(t.x0, t.y0, t.x1, max(t.y1, r.y1), "table")
        out.append(t)
    return out


def is_page_furniture(block: Block, bands: tuple[float, float]) -> bool:
    """Whether a block is page furniture: in the header or footer band (page_bands), or worded like a page header."""
    in_band = block.y1 <= bands[0] or block.y0 >= bands[1]
    # a band line with sentence punctuation is body text run to the edge (generated pages), not a
    # header; a jump marker or a byline closing a column at the foot (real page lswb) belongs to
    # its article
    if in_band and len(block.lines) <= config.PDF_FURNITURE_MAX_LINES and not JUMP.search(block.text) \
            and not is_reporter_line(block.text) \
            and (is_furniture(block.text) or not _SENTENCE.search(block.text)):
        return True
    return len(block.lines) <= 2 and is_furniture(block.text)


def page_bands(height: float, lines: list) -> tuple[float, float]:
    """Where the header band ends and the footer band begins (points from the top).

    Text set past the page's foot (generated pages whose last article runs over the
    edge) is still the page's: the footer band is then below all of it.
    """
    lowest = max((ln.y1 for ln in lines), default=0.0)
    footer = config.PDF_FOOTER_BAND * height if lowest <= height else lowest + 1.0
    return config.PDF_HEADER_BAND * height, footer


def _separated(title: Title, item, rules: list[Rect], boxes: list[Rect]) -> bool:
    """Whether a rule or a box edge stands between a title and a block below it."""
    width = max(item.x1 - item.x0, 1.0)
    top = title.y1 + config.PDF_UNDERLINE_MAX_EM * title.size
    for r in rules:
        # a separator runs across the title's whole span; a rule framing a lead or a picture
        # inside the article (real page lswb) runs across part of it
        span = max(title.span[1] - title.span[0], 1.0)
        if r.width >= r.height and top < r.y0 < item.y0 and \
                _overlap(r.x0, r.x1, item.x0, item.x1) >= config.PDF_RULE_MIN_COVER * width and \
                _overlap(r.x0, r.x1, title.span[0], title.span[1]) >= config.PDF_RULE_MIN_COVER * span:
            return True
    return any(centred_in(title, b) != centred_in(item, b) for b in boxes)


def centred_in(item, region) -> bool:
    """Whether the centre of a line, block or title lies within a region."""
    x, y = (item.x0 + item.x1) / 2, (item.y0 + item.y1) / 2
    return region.x0 <= x <= region.x1 and region.y0 <= y <= region.y1


def set_spans(titles: list[Title], blocks: list[Block], body: float, images: list[Rect] = ()) -> None:
    """Widen each horizontal title's span to the body columns that start right under it.

    A title heads the columns its own text covers, then the columns level with those and beside
    them; a column beside two titles goes to the one whose text is horizontally nearer (dev page
    a04: a headline centred over the right part of its three columns, a briefs title to the left).
    """
    starts = [b for b in blocks if b.role in ("body", "small")]
    flat = [t for t in titles if not t.vertical]
    for t in titles:
        t.span = (t.x0, t.x1)
    # an article begins where its byline stands: a column left of the one its byline heads is
    # the article on the left's (dev-v2 page e02: 褐冠鹃隼… between 增收致富门路宽 and
    # 攥指成拳, whose first column opens 姚雪青 钱 艳 宋 岩)
    opens = {id(b) for b in starts if leading_byline(b)}
    under: dict[int, list[Block]] = {}
    claimed: dict[int, list[Block]] = {id(t): [] for t in flat}
    taken: set[int] = set()
    for t in flat:
        reach = t.y1 + config.PDF_SPAN_REACH_EM * body
        # a picture right under a title is the title's: its columns may start under the picture
        # (real page rmrb-20180109-07: a column logo between a title and its first column)
        for im in sorted(images, key=lambda im: im.y0):
            if t.y1 - body <= im.y0 <= reach and _overlap(im.x0, im.x1, t.x0 - config.PDF_SPAN_GUTTER_EM * body,
                                                         t.x1 + config.PDF_SPAN_GUTTER_EM * body) > 0:
                if any(o is not t and t.y1 <= o.y0 <= im.y0 + body and _overlap(o.x0, o.x1, t.x0, t.x1) > 0
                       for o in flat):
                    break  # another title stands before the picture: it is that title's
                reach = max(reach, im.y1 + config.PDF_SPAN_REACH_EM * body)
        # a column its byline heads may start level with the title, left of it: the title set
        # over the article's other columns (real page gsfzb: 岷县检察… over three columns, the
        # first, 新甘肃·甘肃法治报通讯员 庞俊宝, beside it)
        under[id(t)] = [b for b in starts if t.y1 - 0.5 * body <= b.y0 <= reach
                        or id(b) in opens and t.y0 - 0.5 * body <= b.y0 <= t.y1 and b.x1 <= t.x0]
    # a vertical title heads the columns beside it, on either side (real pages: gsfzb's on the
    # left of its text, rmrb's on the right)
    for t in titles:
        if t.vertical:
            claimed[id(t)] = []
            reach = config.PDF_VERTICAL_REACH_EM * t.size
            for b in starts:
                if id(b) not in taken and _overlap(b.y0, b.y1, t.y0, t.y1) > 0 and \
                        (0 <= b.x0 - t.x1 <= reach or 0 <= t.x0 - b.x1 <= reach):
                    claimed[id(t)].append(b)
                    taken.add(id(b))
                    t.span = (min(t.span[0], b.x0), max(t.span[1], b.x1))
    for b in starts:
        if id(b) in taken:
            continue
        heads = [t for t in flat if b in under[id(t)]
                 and _overlap(t.x0, t.x1, b.x0, b.x1) >= config.PDF_TITLE_MIN_OVERLAP * (b.x1 - b.x0)]
        if heads:
            t = min(heads, key=lambda t: b.y0 - t.y1)
            claimed[id(t)].append(b)
            taken.add(id(b))
            t.span = (min(t.span[0], b.x0), max(t.span[1], b.x1))
    changed = True
    while changed:
        changed = False
        # full columns first: a short byline line does not reach across the gutter
        for b in sorted(starts, key=lambda b: -len(b.lines)):
            if id(b) in taken:
                continue
            best, best_d = None, None
            for t in flat:
                if b not in under[id(t)]:
                    continue
                # a short title centred over the gutter of its two columns covers a little of each
                # (generated page: 要闻简报 over two 120pt columns)
                if not claimed[id(t)] and _overlap(t.x0, t.x1, b.x0, b.x1) <= 0:
                    continue
                x0, x1 = t.span
                inside = _overlap(x0, x1, b.x0, b.x1) >= config.PDF_TITLE_MIN_OVERLAP * (b.x1 - b.x0)
                if not inside and max(b.x0 - x1, x0 - b.x1, 0.0) > config.PDF_SPAN_GUTTER_EM * body:
                    continue
                if not inside and _runs_past(b, t, blocks):
                    continue
                if not inside and any(id(c) in opens and c.x0 >= b.x1 - body for c in claimed[id(t)]):
                    continue
                d = 0.0 if inside else max(t.x0 - b.x1, b.x0 - t.x1, 0.0)
                if best_d is None or d < best_d:
                    best, best_d = t, d
            if best is not None:
                claimed[id(best)].append(b)
                taken.add(id(b))
                best.span = (min(best.span[0], b.x0), max(best.span[1], b.x1))
                changed = True
    for t in titles:
        t.heads = {id(b) for b in claimed[id(t)]}


def _runs_past(b: Block, t: Title, blocks: list[Block]) -> bool:
    """Whether b's column was already running beside title t, so b goes on with that column's article.

    A column that runs from above t's top to its bottom, beside it, is another article's;
    what follows in that column (after a subhead: gen page g303/p06) is that article's too.
    """
    width = b.x1 - b.x0
    return any(c is not b and c.role != "vertical" and c.y0 < t.y0 and c.y1 >= t.y1 and c.y1 <= b.y0 + 0.5 * b.size
               and _overlap(c.x0, c.x1, b.x0, b.x1) >= 0.5 * width for c in blocks)


def owner(item, titles: list[Title], rules: list[Rect], boxes: list[Rect], body: float) -> Title | None:
    """The title that owns a block: the nearest one above whose span covers it, or a vertical title beside it."""
    best, best_d = None, None
    width = max(item.x1 - item.x0, 1.0)
    for t in titles:
        if id(item) in t.heads:
            return t  # a column that starts right under (or level with) the title set_spans gave it
    for t in titles:
        if t.vertical and _overlap(item.y0, item.y1, t.y0, t.y1) > 0:
            d = max(item.x0 - t.x1, t.x0 - item.x1, 0.0)
            if d > config.PDF_VERTICAL_REACH_EM * t.size + (item.x1 - item.x0):
                continue
        else:
            if t.y1 > item.y0 + 0.5 * body:
                continue
            if _overlap(t.span[0], t.span[1], item.x0, item.x1) < config.PDF_TITLE_MIN_OVERLAP * width:
                continue
            if _separated(t, item, rules, boxes):
                continue
            d = item.y0 - t.y1
        if best_d is None or d < best_d:
            best, best_d = t, d
    return best


def nearest_title(item, titles: list[Title]) -> Title | None:
    """The title closest to a block that no title heads (a body begun beside its title)."""
    def dist(t: Title) -> float:
        dx = max(t.x0 - item.x1, item.x0 - t.x1, 0.0)
        dy = max(t.y0 - item.y1, item.y0 - t.y1, 0.0)
        return dx + dy
    reach = config.PDF_ORPHAN_TITLE_REACH_EM
    candidates = [t for t in titles if _overlap(item.y0, item.y1, t.y0 - reach * t.size, t.y1 + reach * t.size) > 0]
    return min(candidates, key=dist) if candidates else None
