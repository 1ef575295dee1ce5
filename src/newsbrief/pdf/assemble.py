"""A PDF page's layout to article records: titles, their bodies in reading order, bylines, jumps, fragments."""

from __future__ import annotations

import re
import statistics
from collections import Counter

from .. import config
from ..records import Article, Source
from ..segment.byline import (dateline_date, is_author_line, is_reporter_line, match_dateline, reporters,
                              split_tail_byline)
from ..segment.lines import JUMP, page_number
from ..segment.lines import is_terminal
from .layout import Block, Line, body_size, build_blocks, build_lines, role_of, rows_of, spaced
from .reader import PdfPage
from .regions import (Title, centred_in, group_titles, is_caption, is_page_furniture, joins, leading_byline,
                      nearest_title, owner, page_bands, set_spans, standalone_byline, table_regions, _SUBTITLE_DASH)

_PAGE_NO = re.compile(r"第\s*([0-9一二三四五六七八九十]+)\s*版")


def _column_width(blocks: list[Block]) -> float:
    """The typical width of a body column on the page (points)."""
    widths = [b.x1 - b.x0 for b in blocks if b.role == "body" and len(b.lines) >= 3]
    return statistics.median(widths) if widths else 0.0


def _order(items: list[Block], body: float) -> list[Block]:
    """An article's blocks in reading order: a lead set across the columns first, then column by column."""
    widths = sorted(b.x1 - b.x0 for b in items if len(b.lines) > 1)
    if widths:
        typical = widths[len(widths) // 2]
        wide = [b for b in items if b.x1 - b.x0 > config.PDF_WIDE_BLOCK_RATIO * typical]
        narrow = [b for b in items if b not in wide]
        if wide and narrow:
            top = min(b.y0 for b in narrow)
            first = sorted((b for b in wide if b.y0 < top), key=lambda b: b.y0)
            last = sorted((b for b in wide if b.y0 >= top), key=lambda b: b.y0)
            return first + _columns_order(narrow, body) + last
    return _columns_order(items, body)


def _columns_order(items: list[Block], body: float) -> list[Block]:
    """Blocks column by column, left to right, each top to bottom."""
    cols: list[list[float]] = []  # [x0, x1] of each column

    def within(b: Block, col: list[float]) -> bool:
        centre = (b.x0 + b.x1) / 2
        return col[0] - body <= centre <= col[1] + body and \
            abs(b.x0 - col[0]) <= (col[1] - col[0]) * config.PDF_COLUMN_LEFT_SHARE

    for b in sorted(items, key=lambda b: (-(len(b.lines) > 1), b.x1 - b.x0)):
        for col in cols:
            if within(b, col):
                col[0], col[1] = min(col[0], b.x0), max(col[1], b.x1)
                break
        else:
            cols.append([b.x0, b.x1])
    cols.sort()

    def key(b: Block) -> tuple[int, float]:
        return next((i for i, col in enumerate(cols) if within(b, col)), len(cols)), b.y0
    return sorted(items, key=key)


def _split_author(title: Title) -> str | None:
    """Take the author line off the end of a title group (尹蔚民, 李 斌 set large under an essay's title)."""
    if len(title.lines) < 2:
        return None
    # a vertical title reads right to left: its last line is the leftmost
    last = min(title.lines, key=lambda ln: ln.x0) if title.vertical else title.lines[-1]
    big = max(ln.size for ln in title.lines)
    if last.size < config.PDF_HEADLINE_SIZE_SHARE * big and not _SUBTITLE_DASH.match(last.text) and \
            (is_author_line(last.text) or is_reporter_line(last.text)):
        title.lines.remove(last)
        return last.text.strip()
    return None


def _title_fields(title: Title) -> tuple[str | None, str | None, str | None]:
    """Kicker, headline and subtitle of a title group, from relative size and order (—— opens a subtitle)."""
    lines = title.lines
    big = max(ln.size for ln in lines)
    if title.vertical:
        # vertical lines read right to left, but a smaller line beside a vertical headline is its
        # subtitle on whichever side it stands (real page gsfzb: the subtitle between headline and text)
        lines = sorted(lines, key=lambda ln: -ln.x0)
        head = [ln for ln in lines if ln.size >= config.PDF_HEADLINE_SIZE_SHARE * big]
        rest = [ln for ln in lines if ln not in head]
        return None, "".join(ln.text for ln in head), "".join(ln.text for ln in rest) or None
    head = [i for i, ln in enumerate(lines) if ln.size >= config.PDF_HEADLINE_SIZE_SHARE * big]
    first, last = head[0], head[-1]
    for i, ln in enumerate(lines):
        if i > first and _SUBTITLE_DASH.match(ln.text):
            last = min(last, i - 1)
            break

    def join(part: list[Line]) -> str | None:
        out = ""
        for j, ln in enumerate(part):
            same_row = j and abs(ln.y0 - part[j - 1].y0) < 0.5 * ln.size and not ln.vertical
            out += (" " if same_row else "") + ln.text
        return out.strip() or None
    return join(lines[:first]), join(lines[first:last + 1]), join(lines[last + 1:])


def _paragraphs(items: list[Block], taken: set[int]) -> tuple[list[str], list[str], list[Line]]:
    """Paragraphs and subheads of ordered blocks (less the byline's lines), and the body lines in order."""
    paragraphs: list[str] = []
    subheads: list[str] = []
    lines: list[Line] = []
    cur = ""
    for b in items:
        if b.role == "subhead":
            if cur:
                paragraphs.append(cur)
                cur = ""
            text = b.text
            subheads.append(text)
            paragraphs.append(text)
            continue
        x0, x1 = b.x0, b.x1
        for ln in b.lines:
            if id(ln) in taken:
                continue
            lines.append(ln)
            indent = ln.x0 - x0 >= config.PDF_INDENT_MIN_EM * ln.size
            if cur and indent:
                paragraphs.append(cur)
                cur = ""
            cur += ln.text
            short = x1 - ln.x1 >= config.PDF_INDENT_MIN_EM * ln.size
            if short and is_terminal(ln.text) and len(b.lines) > 1:
                paragraphs.append(cur)
                cur = ""
    if cur:
        paragraphs.append(cur)
    return paragraphs, subheads, lines


_WIRE_TITLE = re.compile(r"^\s*[题題]\s*[：:]")
#: reporters after a bare dateline, closed by 报道 (real page lswb: 本报讯 辽沈晚报记者闫柳报道)
_REPORTED = re.compile(r"\s*[\u4e00-\u9fff·]{0,12}?(?:记者|記者|通讯员|通訊員)\s*[\u4e00-\u9fff]{2,3}"
                       r"(?:[\s、][\u4e00-\u9fff]{2,3})*\s*(?:报道|報道)")


def _byline(items: list[Block]) -> tuple[str | None, set[int]]:
    """The byline of an article's ordered blocks and the ids of the lines it takes out of the body.

    A reporter line heading the body (■ 本报记者 X), a wire title with its reporter line
    (新华社北京8月24日电 题：… / 新华社记者 X) and a reporter line closing the body leave the
    body; a dateline opening the lead (本报讯（记者 X）…) is found later and stays in it.
    """
    lines = [ln for b in items if b.role != "subhead" for ln in b.lines]
    if not lines:
        return None, set()
    for found in (_heading_byline(items) if items[0].role != "subhead" else None, _wire_byline(lines),
                  _closing_byline(lines)):
        if found:
            text, taken = found
            return text, {id(ln) for ln in taken}
    return None, set()


def _heading_byline(items: list[Block]) -> tuple[str, list[Line]] | None:
    """A byline heading the first block: a block of its own, or the first lines of the column."""
    first = items[0]
    if len(items) > 1:
        text = standalone_byline(first.lines)
        if text:
            # the name's last character wrapped back to the column's edge, a block of its own
            # (dev page a03: ■ 本报记者 赵 / 兵)
            tail = items[1].lines if items[1].role != "subhead" and len(items[1].lines) == 1 else []
            if tail and len(tail[0].text.strip()) <= config.NAME_TAIL_MAX_CHARS:
                whole = standalone_byline(first.lines + tail)
                if whole:
                    return whole, first.lines + tail
            return text, first.lines
    return leading_byline(first)


def _wire_byline(lines: list[Line]) -> tuple[str, list[Line]] | None:
    """新华社北京8月24日电 题：… / 新华社记者 X: the dateline may wrap before or inside the wire title."""
    head = "".join(ln.text for ln in lines[:3])
    m = match_dateline(head)
    if not (m and _WIRE_TITLE.match(head[m.end():])):
        return None
    for k in range(1, min(len(lines), config.WIRE_TITLE_MAX_LINES + 1)):
        # the reporter line may wrap after a name: 新華社記者施雨岑、/ 王思北、胡浩
        for j in range(min(config.PDF_BYLINE_MAX_LINES, len(lines) - k), 0, -1):
            names = next((t for t in joins(lines[k:k + j]) if is_reporter_line(t)), None)
            if names:
                return "".join(ln.text for ln in lines[:k]) + "\n" + names, lines[:k + j]
    return None


def _closing_byline(lines: list[Line]) -> tuple[str, list[Line]] | None:
    """A reporter line closing the body on a line of its own (记者 刘涛), perhaps wrapped once."""
    for k in (2, 1):  # the longer reading first: 本报记者 吴铎思 本 / 报通讯员 薛晓秋 摄
        if len(lines) > k:
            for last in joins(lines[-k:]):
                if is_reporter_line(last):
                    return last, lines[-k:]
    return None


def _bbox(boxes) -> list[float]:
    """[x0, y0, x1, y1] around lines or blocks, in points rounded to 0.1."""
    return [round(min(b.x0 for b in boxes), 1), round(min(b.y0 for b in boxes), 1),
            round(max(b.x1 for b in boxes), 1), round(max(b.y1 for b in boxes), 1)]


def _fragment(kind: str, lines: list[Line], source: Source, title: Title | None = None) -> Article:
    """A record for text that belongs to no article: furniture, a caption, a teaser, stray text."""
    src = Source(source.path, source.page, None, min(ln.no for ln in lines), max(ln.no for ln in lines),
                 pdf_page=source.pdf_page, bbox=_bbox(lines))
    rec = Article(id="", kind="fragment", fragment_type=kind, source=src)
    if title is not None:
        rec.kicker, rec.headline, rec.subtitle = _title_fields(title)
    else:
        rec.paragraphs = [ln.text for ln in sorted(lines, key=lambda ln: ln.no)]
    return rec


def _article(title: Title, body: float, source: Source) -> Article:
    """The article record of a title and the blocks it owns."""
    items = _order(title.items, body)
    byline, taken = _byline(items)
    paragraphs, subheads, lines = _paragraphs(items, taken)
    all_lines = title.lines + [ln for b in items for ln in b.lines]
    src = Source(source.path, source.page, None, min(ln.no for ln in all_lines), max(ln.no for ln in all_lines),
                 pdf_page=source.pdf_page, bbox=_bbox(all_lines))
    rec = Article(id="", kind="article", source=src)
    author = _split_author(title)
    rec.kicker, rec.headline, rec.subtitle = _title_fields(title)
    rec.paragraphs = paragraphs
    if author:
        byline = author if byline is None else author + "\n" + byline
    names = []
    if byline is None and paragraphs:
        m = match_dateline(paragraphs[0])
        if m:
            byline = m.group(0).strip()
        else:  # ……。（记者 张三） or ……。本报记者 董怡虹 陈炅玮 closing the text: out of it, as in the text path
            paragraphs[-1], byline = split_tail_byline(paragraphs[-1])
        # 本报讯 辽沈晚报记者闫柳报道 昨日…: reporters named after a bare dateline, closed by 报道
        after = _REPORTED.match(paragraphs[0][m.end():]) if m and not m.groupdict().get("people") else None
        if after:
            byline = paragraphs[0][:m.end() + after.end()].strip()
            names = reporters(after.group(0))
    rec.byline = byline
    rec.subheads = subheads
    rec.reporters = names or (reporters(rec.byline) if rec.byline else [])
    # the dateline stays in the lead here: the lead's date, if any, follows it
    rec.dateline = dateline_date(rec.byline, rec.paragraphs[0][len(rec.byline or ""):] if rec.paragraphs else "")
    for text in (rec.paragraphs[:1] + rec.paragraphs[-1:]):
        for j in JUMP.finditer(text):
            if j.group(0) in rec.markers:
                continue
            rec.markers.append(j.group(0))
            if j.group("dir") == "下":
                rec.continued_on = page_number(j.group("page"))
            else:
                rec.continued_from = page_number(j.group("page"))
    return rec


def segment_page(page: PdfPage, path: str, label: str | None = None) -> list[Article]:
    """Articles and fragments of one PDF page, articles first in reading order, then fragments."""
    lines = build_lines(page.chars)
    body = body_size(page.chars)
    # the header band is the page's 版头 whatever its type size (real page lswb: a 33pt page number)
    bands = page_bands(page.height, lines)
    header = [ln for ln in lines if ln.y1 <= bands[0]]
    lines = [ln for ln in lines if ln.y1 > bands[0]]
    # a ruled table's text is a fragment of its own, whatever its type
    tables = [(t, [ln for ln in lines if centred_in(ln, t)]) for t in table_regions(page.shapes, body)]
    tables = [(t, cells) for t, cells in tables if cells]
    in_table = {id(ln) for _, cells in tables for ln in cells}
    lines = [ln for ln in lines if id(ln) not in in_table]
    display = [ln for ln in lines if role_of(ln, body) == "display"
               or ln.vertical and ln.size >= config.PDF_DISPLAY_MIN_RATIO * body]
    shown = set(map(id, display))
    blocks = build_blocks([ln for ln in lines if id(ln) not in shown], body)
    # a table's icons (lswb: weather symbols) are the table's, not pictures an article owns
    images = [s for s in page.shapes if s.kind == "image" and not any(centred_in(s, t) for t, _ in tables)]
    rules = [s for s in page.shapes if s.kind == "rule"]
    # boxes that cut the page: those framing body text (a boxed article) and those framing a
    # title alone (a banner or a teaser box: real page rmrb-20180109-07), whose title then
    # owns nothing outside
    boxes = [s for s in page.shapes if s.kind == "box" and s.width < config.PDF_PAGE_FRAME_SHARE * page.width
             and (any(_inside(b, s) for b in blocks if b.role == "body" and len(b.lines) >= 3)
                  or any(_inside(ln, s) for ln in display))]
    colw = _column_width(blocks)
    slack = config.PDF_BODY_FONT_SIZE_SLACK_PT
    body_font = Counter([c.font for c in page.chars if abs(c.size - body) < slack]).most_common(1)
    body_font = body_font[0][0] if body_font else ""

    furniture = [b for b in blocks if is_page_furniture(b, bands)]
    furniture.extend(Block([ln], "furniture") for ln in header)
    rest = [b for b in blocks if b not in furniture]
    groups = group_titles(display, body)
    titles: list[Title] = []
    for g in groups:
        # a lead paragraph set in display type (导语, real page lswb) is body text, not title
        lead = [ln for ln in g if not ln.vertical and _is_sentence(ln.text)]
        if lead and len(lead) >= config.PDF_LEAD_MIN_LINES:
            # the lead's other lines (those without punctuation) are set in its size
            sizes = {ln.size for ln in lead}
            lead = [ln for ln in g if not ln.vertical and ln.size in sizes]
            g = [ln for ln in g if ln not in lead]
            rest.append(Block(lead, "body"))
            if not g:
                continue
        t = Title(g, vertical=all(ln.vertical for ln in g))
        # a subtitle set in body type (——…) right under its title joins it
        for b in rest:
            if b.role != "vertical" and _SUBTITLE_DASH.match(b.lines[0].text) and len(b.lines) <= 2 and \
                    0 <= b.y0 - t.y1 <= config.PDF_TITLE_LINE_GAP_EM * t.size and \
                    min(b.x1, t.x1) - max(b.x0, t.x0) > 0:
                t.lines.extend(b.lines)
                rest.remove(b)
                break
        ratio = t.size / body
        if not t.vertical and ratio < config.PDF_TITLE_MIN_RATIO and colw and \
                (t.x1 - t.x0) <= config.PDF_SUBHEAD_MAX_COLUMNS * colw:
            rest.append(Block(list(t.lines), "subhead"))
        elif all(is_page_furniture(Block([ln]), bands) for ln in t.lines) and \
                all(ln.y1 <= bands[0] or ln.y0 >= bands[1] for ln in t.lines):
            furniture.append(Block(list(t.lines), "display"))
        else:
            titles.append(t)
    captions = [b for b in rest if b.role != "subhead" and is_caption(b, images, body, body_font)]
    rest = _attach_bylines([b for b in rest if b not in captions], body)
    set_spans(titles, rest, body, images)
    # a one-column title far smaller than the title heading its columns is a subhead of that
    # article (real pages rmrb: 12.9pt section heads inside a 44pt-titled essay)
    subheads = []
    narrow = [t for t in titles if not t.vertical and colw and (t.x1 - t.x0) <= config.PDF_SUBHEAD_MAX_COLUMNS * colw]
    wide = [t for t in titles if t not in narrow]
    for t in narrow:
        above = owner(t, wide, rules, boxes, body)
        if above is not None and t.size <= config.PDF_SUBHEAD_MAX_SHARE * above.size:
            subheads.append(t)
    if subheads:
        titles = [t for t in titles if t not in subheads]
        rest.extend(Block(list(t.lines), "subhead") for t in subheads)
        set_spans(titles, rest, body, images)
    unowned: list[Block] = []
    for b in rest:
        t = owner(b, titles, rules, boxes, body)
        if t is None and (len(b.lines) >= config.PDF_ORPHAN_MIN_LINES or standalone_byline(b.lines)):
            # a column or a byline begun beside its title (real page gsfzb); short cells (tables)
            # stay fragments
            t = nearest_title(b, titles)
        if t is None:
            unowned.append(b)
        else:
            t.items.append(b)

    label = _label(furniture) or label or str(page.number)
    source = Source(path, label, None, pdf_page=page.number)
    records: list[Article] = []
    for t in sorted(titles, key=lambda t: (t.y0, t.x0)):
        if t.items:
            records.append(_article(t, body, source))
        else:
            records.append(_fragment("teaser", t.lines, source, t))
    for _, cells in tables:
        rec = _fragment("table", cells, source)
        rec.paragraphs = _table_rows(cells)
        records.append(rec)
    for kind, group in (("furniture", furniture), ("caption", captions), ("unassigned", unowned)):
        for b in group:
            records.append(_fragment(kind, b.lines, source))
    return records


def _attach_bylines(blocks: list[Block], body: float) -> list[Block]:
    """Blocks with each byline standing alone joined to the column it heads, right below it.

    ■ 本报记者 X, a blank line, then the column: apart, the column's top lies a line lower
    than its neighbours' and may pass for the column of a title to its left (gen page
    h7001/p02: 姚雪青 钱 艳 宋 岩 over the first column of 攥指成拳).
    """
    out = list(blocks)
    for b in blocks:
        if b.role != "body" or not any(b is o for o in out) or not standalone_byline(b.lines):
            continue  # (a byline already joined to one above it is not in out any more)
        below = [c for c in out if c is not b and c.role == "body" and
                 0 <= c.y0 - b.y1 <= config.PDF_BYLINE_GAP_EM * body and
                 c.x0 - body <= b.x0 and b.x1 <= c.x1 + body]
        if below:
            c = min(below, key=lambda c: c.y0)
            out.remove(b)
            out[out.index(c)] = Block(b.lines + c.lines, c.role)
    return out


#: a line of running text: sentence punctuation inside it (not a title's ，-separated phrases only)
_SENTENCE_END = re.compile(r"[。；！？…]|[，、].{4,}[，、]")


def _is_sentence(text: str) -> bool:
    """Whether a display line reads as running text (a lead paragraph) rather than a title."""
    return bool(_SENTENCE_END.search(text))


def _table_rows(lines: list[Line]) -> list[str]:
    """A table's text row by row, cells a space apart: its characters regrouped into rows, each read left to right.

    Lines built across cells (one-character cells stacked into 晴晴晴) say nothing of the
    table's rows; the characters' own positions do (layout's row and spacing rules).
    """
    # (rows_of reads the characters in stream order itself)
    return [spaced(sorted(row, key=lambda c: c.x0), False) for row in rows_of([c for ln in lines for c in ln.chars])]


def _inside(item, box) -> bool:
    """Whether a block or line lies within a box (a point of slack for rounding)."""
    return box.x0 - 1 <= item.x0 and item.x1 <= box.x1 + 1 and box.y0 - 1 <= item.y0 and item.y1 <= box.y1 + 1


def _label(furniture: list[Block]) -> str | None:
    """The page number the page header prints (第4版), if any."""
    for b in furniture:
        m = _PAGE_NO.search(b.text)
        if m:
            return page_number(m.group(1))
    return None
