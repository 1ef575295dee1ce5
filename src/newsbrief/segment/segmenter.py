"""Split one page's text into articles and fragments: the four passes in order, then the records.

1. lines (``lines.py``): normalised, jump markers split off, furniture marked,
   column width estimated;
2. bylines (``byline_pass.py``, the grammar of one byline in ``byline.py``):
   datelines and reporter lines found, rosters of people told from them; then
   column pieces that finish a sentence cut elsewhere put back after it
   (``pieces.py``, words across the break from ``lexicon.py``);
3. units (``units.py``): runs of lines joined by sentence continuity. A unit
   that stops without sentence punctuation on a short line is a *short unit*:
   a title line, an in-body subhead, or a deck; a unit's neighbours correct
   what its own widths and punctuation get wrong (a title line ending like a
   sentence, a paragraph cut at a column's foot). Each run of short units
   between two stretches of text is scored from named features, lexical
   cohesion across it first (``cohesion.py``): a headline between two
   articles, or a subhead;
4. assembly (``assembly.py``): each title block is given to the body whose
   words it shares, or, where neither body says, to the side the page's
   reading order gives (headline-first or headline-last, from its first and
   last blocks and the titles' votes); teasers printed with a title are split
   off, bylines printed after a body go to that body, and a title printed far
   from its body (plain pdftotext) is given to the untitled body it names.
"""

from __future__ import annotations

import re

from ..records import NO_PATH, Article, Source, id_stem
from ..text.normalize import drop_quote_gaps
from .assembly import Draft, assemble, body_paragraphs, byline_text, title_fields
from .byline import dateline_date, reporters, split_tail_byline
from .byline_pass import mark_bylines
from .lines import Line, page_number, read_lines
from .pieces import put_back_pieces
from .units import classify_short_runs, correct_kinds, read_units, split_run_in_headlines


def _page_from_furniture(lines: list[Line]) -> str | None:
    """The page number a page header prints (第4版), if any."""
    for ln in lines:
        if ln.kind == "furniture":
            m = re.search(r"第\s*([0-9一二三四五六七八九十]+)\s*版", ln.text)
            if m:
                return page_number(m.group(1))
    return None


def segment_text(text: str, path: str = NO_PATH, page: str | None = None,
                 encoding: str | None = None) -> list[Article]:
    """Articles and fragments of one page's text, in reading order."""
    read = mark_bylines(read_lines(text))
    lines = put_back_pieces(read)
    units = read_units(lines)
    correct_kinds(units)
    split_run_in_headlines(units)
    classify_short_runs(units)
    page = page or _page_from_furniture(lines)
    stem = id_stem(path)
    records: list[Article] = []
    # (a column piece put back: the extractor broke the page's reading order, _runs_home)
    for kind, item in assemble(units, scrambled=lines is not read):
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
        rec.kicker, rec.headline, rec.subtitle = title_fields(lines)
    elif kind == "unassigned":
        rec.markers = [ln.text for ln in lines]
    elif kind == "caption":  # (read as a body's text: a justified line's gap beside a quote dropped, issue 9)
        rec.paragraphs = [drop_quote_gaps(ln.text) for ln in lines]
    else:
        rec.paragraphs = [ln.text for ln in lines]
    return rec


def _draft_to_article(d: Draft, path: str, page: str | None, encoding: str | None) -> Article:
    """The article record for a draft; one with neither body nor byline is a teaser fragment."""
    all_lines = (d.title or []) + d.byline + [ln for u in d.body for ln in u.lines] + d.jumps
    paragraphs, subheads = body_paragraphs(d.body)
    if not paragraphs and not d.byline and d.title:
        # a jump marker left under a title whose body rethreading moved to another article stays, as
        # printed, in the title's record (found by the session-25 review's fuzzing: it had been dropped)
        rec = _fragment("teaser", d.title, path, page, encoding)
        if d.jumps:
            rec.markers = [j.text for j in d.jumps]
            rec.source.line_start = min([ln.no for ln in all_lines])
            rec.source.line_end = max([ln.end for ln in all_lines])
        return rec
    byline = byline_text(d.byline) if d.byline else None
    if byline is None and paragraphs:
        paragraphs[-1], byline = split_tail_byline(paragraphs[-1])
    # (lists, not generators, and each line's end written out, not its property: these see every line)
    rec = Article(id="", kind="article", source=Source(path, page, encoding, min([ln.no for ln in all_lines]),
                                                       max([ln.last or ln.no for ln in all_lines])))
    if d.title:
        rec.kicker, rec.headline, rec.subtitle = title_fields(d.title)
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
