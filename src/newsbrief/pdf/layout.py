"""Lines from characters, blocks from lines, and what each block is: body, display type, small print.

Every length is in PDF points, compared through thresholds in em of the text concerned (config.py, "PDF
pages"), so the rules hold for any page and type size.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from .. import config
from .reader import Char


@dataclass(slots=True)
class Line:
    """A run of characters read as one line: horizontal, or a vertical stack read top to bottom."""

    chars: list[Char]
    vertical: bool = False
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float = 0.0
    no: int = 0  # position in the page's line order, 1-based
    text: str = ""  # the characters, a space where the PDF prints one or a gap stands out (spaced)

    def __post_init__(self) -> None:
        chars = self.chars
        self.x0 = min([c.x0 for c in chars])
        self.y0 = min([c.y0 for c in chars])
        self.x1 = max([c.x1 for c in chars])
        self.y1 = max([c.y1 for c in chars])
        self.size = self.chars[len(self.chars) // 2].size  # the middle character: cheap, and not an edge mark
        self.text = spaced(self.chars, self.vertical)

    @property
    def font(self) -> str:
        """The font most of the line is set in."""
        return Counter(c.font for c in self.chars).most_common(1)[0][0]


class Extent:
    """The box and type size of a group of lines: what blocks and titles share."""

    lines: list[Line]

    @property
    def x0(self) -> float:
        """Left edge (points)."""
        return min([ln.x0 for ln in self.lines])

    @property
    def x1(self) -> float:
        """Right edge (points)."""
        return max([ln.x1 for ln in self.lines])

    @property
    def y0(self) -> float:
        """Top edge (points)."""
        return min([ln.y0 for ln in self.lines])

    @property
    def y1(self) -> float:
        """Bottom edge (points)."""
        return max([ln.y1 for ln in self.lines])

    @property
    def size(self) -> float:
        """The largest type size in the group (points): a title's headline size."""
        return max(ln.size for ln in self.lines)


@dataclass
class Block(Extent):
    """Lines of one size stacked in one column: a paragraph run, a title line group, a caption."""

    lines: list[Line] = field(default_factory=list)
    role: str = "body"  # body | display | small | vertical

    @property
    def text(self) -> str:
        """The block's lines joined without separators (Chinese wraps without spaces)."""
        return "".join(ln.text for ln in self.lines)


def spaced(chars: list[Char], vertical: bool) -> str:
    """Characters joined, with a space where the PDF prints one or where a gap is wide for its line.

    A gap is a space when it is wide in itself (PDF_SPACE_GAP_EM) or clearly wider than the
    line's usual letter spacing (PDF_SPACE_OVER_TYPICAL_EM): names spaced 0.3 em apart in a
    byline set solid (gen pages: 本报记者 李 纵 周小苑), while a justified line spreads
    every gap alike and gets none.
    """
    gaps = [(c.y0 - p.y1) if vertical else (c.x0 - p.x1) for p, c in zip(chars, chars[1:])]
    # whether each character is a CJK ideograph, tested inline: this runs for every character of the page
    ideo = ["\u4e00" <= t <= "\u9fff" or "\u3400" <= t <= "\u4dbf" for t in [c.text for c in chars]]
    both = [a and b for a, b in zip(ideo, ideo[1:])]  # gap k lies between two ideographs
    # the lower quartile of the gaps between two ideographs (in 姚雪青 钱 艳 宋 岩 most gaps are
    # the spaces themselves); punctuation is left out: a justified line squeezes its brackets
    # and dots and widens every other gap (real page gsfzb: 本报讯（新甘肃·甘肃法治报见习记者 鲜晓苏）)
    between = sorted([g for g, b in zip(gaps, both) if b])
    typical = between[len(between) // 4] if between else float("inf")
    wide, over = config.PDF_SPACE_GAP_EM, config.PDF_SPACE_OVER_TYPICAL_EM
    out = [chars[0].text]
    for gap, p, c, b in zip(gaps, chars, chars[1:], both):
        # the relative test only between two ideographs: figures and Latin letters beside them
        # sit in loose boxes of their own width (29 日)
        if c.space_before or gap > wide * p.size or b and gap > typical + over * p.size:
            out.append(" ")
        out.append(c.text)
    return "".join(out)


def _round_size(size: float) -> float:
    """A type size rounded to the step sizes are compared at."""
    step = config.PDF_SIZE_STEP
    return round(size / step) * step


def body_size(chars: list[Char]) -> float:
    """The page's body type size: the size most characters are set in (points)."""
    raw = Counter([c.size for c in chars if c.upright]) or Counter([c.size for c in chars])
    counts: Counter[float] = Counter()
    for size, n in raw.items():  # rounded once per distinct size, not per character
        counts[_round_size(size)] += n
    return counts.most_common(1)[0][0]


def _runs(chars: list[Char]) -> list[list[Char]]:
    """Characters in content-stream order cut into runs: one text frame's stretch of one line.

    A line's characters come one after another in the stream; a run ends where the
    stream jumps, the text moves off the line or turns back left.
    """
    runs: list[list[Char]] = []
    cur: list[Char] = []
    twice_em, ratio = 2 * config.PDF_SAME_LINE_EM, config.PDF_SAME_LINE_SIZE_RATIO
    index_gap = config.PDF_STREAM_INDEX_GAP
    p = None
    for c in sorted(chars, key=lambda c: c.index):  # already in stream order: a linear pass
        # (centres compared doubled: y0 + y1 is twice the centre, the tolerance doubled to match)
        if p is not None and (c.index - p.index > index_gap or c.x0 < p.x0
                              or abs(c.y0 + c.y1 - p.y0 - p.y1) > twice_em * c.size
                              or c.size > ratio * p.size or p.size > ratio * c.size):
            runs.append(cur)
            cur = []
        cur.append(c)
        p = c
    if cur:
        runs.append(cur)
    return runs


def rows_of(chars: list[Char]) -> list[list[Char]]:
    """Upright characters grouped into rows: same vertical centre and similar size.

    Whole runs (_runs) join a row, so a line whose baseline sits at the edge of a neighbouring
    column's row is not torn in two (gen pages: 王建宏 张文攀 beside a column 3 pt higher lost
    王 and 攀 to another row).
    """
    rows: list[tuple[float, float, list[Char]]] = []  # (centre, size, chars)
    active: list[int] = []
    keyed = []
    for run in _runs(chars):
        mid = run[len(run) // 2]
        keyed.append(((mid.y0 + mid.y1) / 2, mid.size, run))
    for yc, size, run in sorted(keyed, key=lambda k: k[0]):
        tol = config.PDF_SAME_LINE_EM * size
        keep, home = [], None
        for i in active:
            ryc, rsize, _ = rows[i]
            if yc - ryc > config.PDF_ROW_PASSED_EM * max(rsize, size):
                continue  # passed: no later run can join it
            keep.append(i)
            if home is None and abs(yc - ryc) <= tol and max(rsize, size) <= config.PDF_SAME_LINE_SIZE_RATIO * min(rsize, size):
                home = i
        active = keep
        if home is None:
            rows.append((yc, size, list(run)))
            active.append(len(rows) - 1)
        else:
            rows[home][2].extend(run)
    return [r[2] for r in rows]


def _split_row(row: list[Char]) -> list[list[Char]]:
    """A row cut into segments at gaps clearly wider than its letter spacing (column gutters)."""
    row.sort(key=lambda c: c.x0 + c.x1)  # by centre: a comma's loose box can start left of its neighbour
    gaps = [b.x0 - a.x1 if b.x0 > a.x1 else 0.0 for a, b in zip(row, row[1:])]
    if not gaps:
        return [row]
    typical = statistics.median(gaps)
    index_gap = config.PDF_STREAM_INDEX_GAP
    out, cur = [], [row[0]]
    for gap, c in zip(gaps, row[1:]):
        # characters next to each other in the content stream are one frame's line: a space
        # between names (赵 兵) is no gutter
        consecutive = 0 < c.index - cur[-1].index <= index_gap
        wide = gap > typical + config.PDF_SPLIT_GAP_EM * c.size
        # two text frames side by side (zghysyb front page: two headlines 0.6 em apart on one
        # baseline) are not consecutive in the stream
        other_frame = not consecutive and gap > config.PDF_FRAME_GAP_EM * c.size
        if (wide and not (consecutive and gap <= config.PDF_STREAM_GAP_MAX_EM * c.size)) or other_frame \
                or c.x0 < cur[-1].x0:
            out.append(cur)
            cur = []
        cur.append(c)
    out.append(cur)
    return out


def _stack_vertical(singles: list[Char]) -> tuple[list[Line], list[Char]]:
    """Vertical lines from characters standing alone (one-character segments, rotated glyphs)."""
    singles = sorted(singles, key=lambda c: ((c.x0 + c.x1) / 2, c.y0))
    stacks: list[list[Char]] = []
    for c in sorted(singles, key=lambda c: c.y0):
        xc = (c.x0 + c.x1) / 2
        for st in stacks:
            last = st[-1]
            if (abs((last.x0 + last.x1) / 2 - xc) <= config.PDF_SAME_LINE_EM * c.size
                    and max(last.size, c.size) <= config.PDF_SAME_LINE_SIZE_RATIO * min(last.size, c.size)
                    and -config.PDF_VERTICAL_OVERLAP_EM * c.size <= c.y0 - last.y1 <= config.PDF_SPLIT_GAP_EM * c.size):
                st.append(c)
                break
        else:
            stacks.append([c])
    lines = [Line(st, vertical=True) for st in stacks if len(st) > 1]
    rest = [st[0] for st in stacks if len(st) == 1]
    return lines, rest


def build_lines(chars: list[Char]) -> list[Line]:
    """The page's lines: horizontal segments and vertical stacks, numbered top to bottom, left to right."""
    upright = [c for c in chars if c.upright]
    turned = [c for c in chars if not c.upright]
    lines: list[Line] = []
    singles: list[Char] = list(turned)
    for row in rows_of(upright):
        for seg in _split_row(row):
            if len(seg) == 1:
                singles.append(seg[0])
            else:
                lines.append(Line(seg))
    vertical, rest = _stack_vertical(singles)
    lines.extend(vertical)
    lines.extend(Line([c]) for c in rest)
    lines.sort(key=lambda ln: (round(ln.y0), ln.x0))
    for i, ln in enumerate(lines, 1):
        ln.no = i
    return lines


def role_of(line: Line, body: float) -> str:
    """What a line's type says it is: vertical, display (larger than body), small print, or body."""
    if line.vertical:
        return "vertical"
    ratio = line.size / body
    if ratio >= config.PDF_DISPLAY_MIN_RATIO:
        return "display"
    if ratio < config.PDF_SMALL_MAX_RATIO:
        return "small"
    return "body"


def build_blocks(lines: list[Line], body: float) -> list[Block]:
    """Lines grouped into blocks: same role and size, one column, stacked at line spacing."""
    blocks: list[Block] = []
    open_: list[Block] = []
    for ln in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        role = role_of(ln, body)
        if role == "vertical":
            blocks.append(Block([ln], role))
            continue
        slack = config.PDF_BLOCK_X_SLACK_EM * ln.size
        gap_max = (config.PDF_TITLE_LINE_GAP_EM if role == "display" else config.PDF_BLOCK_LINE_GAP_EM) * ln.size
        home = None
        for b in open_:
            last = b.lines[-1]
            if b.role != role or abs(last.size - ln.size) > config.PDF_BLOCK_SIZE_SLACK * ln.size and role != "display":
                continue
            same_row = (role == "display" and abs(ln.y0 - last.y0) <= config.PDF_SAME_LINE_EM * ln.size
                        and 0 <= ln.x0 - last.x1 <= config.PDF_TITLE_ROW_GAP_EM * ln.size)
            if same_row:
                home = b
                break
            if not (-config.PDF_BLOCK_LINE_OVERLAP_EM * ln.size <= ln.y0 - last.y1 <= gap_max):
                continue
            if role == "display":
                # a title's lines are centred or aligned on each other: they overlap
                if min(ln.x1, b.x1) - max(ln.x0, b.x0) <= 0:
                    continue
            elif abs(ln.x0 - b.x0) > slack or ln.x1 > b.x1 + slack or ln.x1 < b.x0:
                continue
            home = b
            break
        if home is None:
            home = Block([ln], role)
            blocks.append(home)
            open_.append(home)
        else:
            home.lines.append(ln)
        open_ = [b for b in open_ if ln.y0 - b.lines[-1].y1 <= config.PDF_BLOCK_CLOSE_EM * ln.size]
    return blocks
