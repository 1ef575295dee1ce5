"""Jumps stitched across pages: a part ending （下转第N版） on page P and a part on page N that starts
（上接第P版） become one article record (issue 13).

Front-page stories continue inside the issue (the seed page: two of seven
articles end with 下转第8版). Left apart, the abstract and translation of such a
story cover only its first half and its continuation has no headline. Parts
are matched by page numbers first: the head's 下转 page and the continuation's
page, the continuation's 上接 page and the head's page, both in one issue (one
folder of pages). When a page holds several continuations from the same page,
each head takes the continuation whose title is most like its own (a
continuation often repeats the headline or a short form of it), then the one
with which it shares the most words (character bigrams). A part whose other
half is not in the run stays as it is.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections import defaultdict
from pathlib import Path

from .records import Article, Part, Source
from .segment.lines import is_terminal, page_number

Loc = tuple[int, int]  # (group, index in group): where a record sits among the inputs' records


def _page(value: str | None) -> str | None:
    return page_number(value) if value else None


def _issue(a: Article) -> str:
    """Pages of one issue share a folder: a run over several days' archives never joins day 1 to day 2."""
    return str(Path(a.source.path).parent)


def _squash(s: str) -> str:
    return "".join(s.split())


def _bigrams(text: str) -> set[str]:
    t = _squash(text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def likeness(head: Article, tail: Article) -> tuple[float, float]:
    """How alike two candidate parts are: (title similarity, share of the continuation's bigrams in the head)."""
    title = 0.0
    if head.title and tail.title:
        title = difflib.SequenceMatcher(None, _squash(head.title), _squash(tail.title), autojunk=False).ratio()
    tb = _bigrams(tail.text)
    shared = len(tb & _bigrams(head.text)) / len(tb) if tb else 0.0
    return title, shared


def find_links(groups: list[list[Article]]) -> dict[Loc, Loc]:
    """Head part -> continuation part, for every jump whose both halves are among the records."""
    heads: dict[tuple, list[Loc]] = defaultdict(list)
    tails: dict[tuple, list[Loc]] = defaultdict(list)
    for g, records in enumerate(groups):
        for i, a in enumerate(records):
            if a.kind != "article":
                continue
            # a record stitched in an earlier stage jumps on from its last piece's page
            last = _page(a.source.parts[-1].page if a.source.parts else a.source.page)
            first = _page(a.source.page)
            if a.continued_on and last:
                heads[(_issue(a), last, _page(a.continued_on))].append((g, i))
            if a.continued_from and first:
                tails[(_issue(a), _page(a.continued_from), first)].append((g, i))
    links: dict[Loc, Loc] = {}
    for key in heads.keys() & tails.keys():
        # every pairing of this page pair, best first; each part is used once
        pairs = sorted(((likeness(groups[h[0]][h[1]], groups[t[0]][t[1]]), h, t)
                        for h in heads[key] for t in tails[key] if h != t), key=lambda x: x[0], reverse=True)
        used: set[Loc] = set()
        for _, h, t in pairs:
            if h not in used and t not in used:
                links[h] = t
                used.update((h, t))
    return links


def chains(links: dict[Loc, Loc]) -> list[list[Loc]]:
    """The linked parts as chains in reading order (a three-page story is one chain of three)."""
    starts = [h for h in links if h not in set(links.values())]
    out = []
    for loc in starts:
        chain, seen = [loc], {loc}
        while chain[-1] in links and links[chain[-1]] not in seen:  # a cycle (P→N→P) is cut, not followed
            chain.append(links[chain[-1]])
            seen.add(chain[-1])
        out.append(chain)
    return out


def merge(parts: list[Article]) -> Article:
    """One article from its parts in reading order: the head's title block and byline, paragraphs in order."""
    head = parts[0]
    titled = next((p for p in parts if p.headline), head)
    paragraphs = list(head.paragraphs)
    for p in parts[1:]:
        more = list(p.paragraphs)
        if paragraphs and more and not is_terminal(paragraphs[-1]):
            paragraphs[-1] += more.pop(0)  # the jump cut a sentence: its two halves are one paragraph again
        paragraphs += more
    spans: list[Part] = []
    for p in parts:  # a part stitched in an earlier stage brings its own pieces
        own = [dataclasses.replace(x) for x in p.source.parts] or [
            Part(p.id, p.source.path, p.source.page, p.source.line_start, p.source.line_end)]
        if spans:
            spans[-1].continued_on, own[0].continued_from = own[0].id, spans[-1].id
        spans += own
    src = head.source
    errors = [e for p in parts for e in p.errors]
    byline = next((p for p in parts if p.byline), head)
    # the head's keys first; a key only a later part had is kept too (session-23 review, finding 8: extra was dropped)
    extra = {k: v for p in reversed(parts) for k, v in (p.meta.get("extra") or {}).items()}
    # the model fields of a part described half an article: the stages make them again from the whole
    return Article(
        id=head.id, kind="article",
        # the head part's PDF page and box: where the article starts (finding 8: they were dropped)
        source=Source(src.path, src.page, src.encoding, src.line_start, src.line_end,
                      replaced=sum(p.source.replaced for p in parts), pdf_page=src.pdf_page,
                      bbox=list(src.bbox) if src.bbox is not None else None, parts=spans),
        kicker=titled.kicker, headline=titled.headline, subtitle=titled.subtitle, byline=byline.byline,
        reporters=list(byline.reporters), dateline=byline.dateline, paragraphs=paragraphs,
        subheads=[s for p in parts for s in p.subheads], continued_on=parts[-1].continued_on,
        continued_from=head.continued_from, markers=[m for p in parts for m in p.markers],
        meta={"extra": extra} if extra else {}, status="error" if errors else "ok", errors=errors)


def stitch(groups: list[list[Article]]) -> list[list[Article]]:
    """The inputs' records with every jump joined: the whole article where its head was, its other parts gone."""
    out = [list(g) for g in groups]
    drop: set[Loc] = set()
    for chain in chains(find_links(groups)):
        g, i = chain[0]
        out[g][i] = merge([groups[c][k] for c, k in chain])
        drop.update(chain[1:])
    return [[a for i, a in enumerate(g) if (gi, i) not in drop] for gi, g in enumerate(out)]


def units(groups: list[list[Article]]) -> list[list[int]]:
    """Inputs that must be processed together: those joined by a jump (connected), each alone otherwise, in order."""
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (g, _), (h, _) in find_links(groups).items():
        parent[root(h)] = root(g)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(groups)):
        members[root(i)].append(i)
    return sorted(members.values())
