"""Render a run's records as one self-contained, escaped HTML page: abstracts first, Chinese beside English.

No script, no web font, nothing fetched: the page opens from a USB stick or an
e-mail attachment and shows the same. Every text from a record goes through
`html.escape` (articles are untrusted input: a `<script>` headline stays text).
"""

from __future__ import annotations

import json
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

from .. import __version__
from ..records import Article


def _e(s: Any) -> str:
    return escape("" if s is None else str(s), quote=True)


def page_key(a: Article) -> str:
    """The page an article is filed under in the contents: its 第N版 number, else its file's name."""
    return a.source.page or Path(a.source.path).stem


def _page_label(key: str) -> str:
    return f"第{key}版 · Page {key}" if key.isdigit() else key


def marks(a: Article) -> list[tuple[str, str]]:
    """(css class, label) of what a reader should know before trusting an article's abstract or translation."""
    out = []
    if a.status == "error":
        out.append(("error", "error"))
    flags = [f for stage in ("summary", "translation") for f in (a.meta.get(stage) or {}).get("flags", [])]
    if flags:
        # kept despite a repetition loop or a length cap: --on-degenerate flag
        out.append(("flagged", "flagged: " + "; ".join(dict.fromkeys(flags))))
    if a.source.parts:
        out.append(("stitched", "joined across pages " + " + ".join(p.page or "?" for p in a.source.parts)))
    strategy = (a.meta.get("summary") or {}).get("strategy")
    if strategy == "map-reduce":
        out.append(("mapreduce", "abstract by map-reduce"))
    elif strategy == "lead-truncate":
        out.append(("truncated", "abstract from the lead only"))
    return out


def _pair(zh: str | None, en: str | None, cls: str = "") -> str:
    en_html = f'<p class="en" lang="en">{_e(en)}</p>' if en else '<p class="en missing" lang="en">(no translation)</p>'
    return (f'<div class="pair{" " + cls if cls else ""}"><p class="zh" lang="zh">{_e(zh)}</p>{en_html}</div>')


def _title_en(a: Article) -> str:
    return " — ".join(x for x in (a.kicker_en, a.headline_en, a.subtitle_en) if x)


def _article(a: Article, anchor: str) -> str:
    h: list[str] = [f'<article class="story" id="{anchor}" data-id="{_e(a.id)}" data-status="{_e(a.status)}">',
                    "<header>"]
    m = marks(a)
    if m:
        h.append('<p class="marks">' + "".join(f'<span class="mark {c}">{_e(t)}</span>' for c, t in m) + "</p>")
    if a.kicker:
        h.append(f'<p class="kicker" lang="zh">{_e(a.kicker)}</p>')
    h.append(f'<h2 lang="zh">{_e(a.headline) if a.headline else "<span class=missing>（无标题 no headline）</span>"}</h2>')
    if a.subtitle:
        h.append(f'<p class="subtitle" lang="zh">{_e(a.subtitle)}</p>')
    if _title_en(a):
        h.append(f'<p class="title-en" lang="en">{_e(_title_en(a))}</p>')
    src = a.source
    lines = f" lines {src.line_start}–{src.line_end}" if src.line_start is not None else ""
    h.append(f'<p class="byline">{_e(a.byline or "")}{" · " if a.byline else ""}'
             f'<span class="source">{_e(src.path)}{_e(lines)}</span></p></header>')
    if a.errors:
        h.append('<ul class="errors">' + "".join(f"<li>{_e(x)}</li>" for x in a.errors) + "</ul>")
    if a.summary_zh or a.summary_en:
        h.append('<section class="abstract"><h3>摘要 · Abstract</h3>' + _pair(a.summary_zh, a.summary_en) + "</section>")
    if a.continued_from:
        h.append(f'<p class="jump">（上接第{_e(a.continued_from)}版）continued from page {_e(a.continued_from)}</p>')
    subheads = set(a.subheads)
    en = a.paragraphs_en or []
    for i, p in enumerate(a.paragraphs):
        h.append(_pair(p, en[i] if i < len(en) else None, "subhead" if p in subheads else ""))
    if a.continued_on:
        h.append(f'<p class="jump">（下转第{_e(a.continued_on)}版）continued on page {_e(a.continued_on)}</p>')
    h.append("</article>")
    return "\n".join(h)


def _contents(groups: dict[str, list[tuple[str, Article]]]) -> str:
    out = ['<nav class="contents" aria-label="contents"><h2>目录 · Contents</h2>']
    for key, items in groups.items():
        out.append(f"<h3>{_e(_page_label(key))}</h3><ol>")
        for anchor, a in items:
            en = f' <span class="en" lang="en">{_e(a.headline_en)}</span>' if a.headline_en else ""
            head = _e(a.headline) if a.headline else _e((a.paragraphs or [""])[0][:24]) + "…"
            flag = " ⚠" if a.status == "error" else ""
            out.append(f'<li><a href="#{anchor}" lang="zh">{head}</a>{en}{flag}</li>')
        out.append("</ol>")
    out.append("</nav>")
    return "\n".join(out)


def _fragments(frags: list[Article]) -> str:
    if not frags:
        return ""
    out = ['<section class="fragments"><h2>Fragments · 版面其他文字</h2>',
           "<p>Text on the pages that belongs to no article: teasers, captions, tables, page furniture.</p><ul>"]
    for f in frags:
        text = " ".join(x for x in (f.kicker, f.headline, f.subtitle, *f.paragraphs) if x)
        out.append(f'<li data-id="{_e(f.id)}"><span class="type">{_e(f.fragment_type or "fragment")}</span>'
                   f'<span lang="zh">{_e(text)}</span> <span class="source">({_e(page_key(f))})</span></li>')
    out.append("</ul></section>")
    return "\n".join(out)


def _describe_model(m: dict) -> str:
    bits = [m.get("id") or "?"]
    if m.get("revision"):
        bits.append(f"@ {m['revision']}")
    extra = [f"{k} {m[k]}" for k in ("architecture", "runtime", "device", "dtype", "compute_type") if m.get(k)]
    if extra:
        bits.append(f"({', '.join(extra)})")
    if m.get("settings"):
        bits.append("settings " + json.dumps(m["settings"], ensure_ascii=False, sort_keys=True))
    return " ".join(str(b) for b in bits)


def provenance_rows(records: list[Article], run: dict | None) -> list[tuple[str, str]]:
    """(what, value) rows for the foot of the page: tool, models and revisions, settings, the run."""
    rows: list[tuple[str, str]] = []

    def distinct(values) -> list[str]:
        return list(dict.fromkeys(v for v in values if v))

    tools = distinct((a.meta.get("tool") or {}).get("version") for a in records)
    if run and (run.get("tool") or {}).get("version"):
        tools = distinct([run["tool"]["version"], *tools])
    rows.append(("records made by", ", ".join(f"newsbrief {v}" for v in tools) or "newsbrief (segmentation only)"))
    for role in ("summarizer", "translator"):
        models = distinct(_describe_model(a.meta[role]) for a in records if isinstance(a.meta.get(role), dict))
        if models:
            rows.append((role, "; ".join(models)))
    if run:
        for key, label in (("device", "device"), ("started", "run started"), ("status", "run status")):
            if run.get(key):
                rows.append((label, str(run[key])))
        if run.get("command"):
            rows.append(("command", " ".join(map(str, run["command"]))))
    n_art = sum(a.kind == "article" for a in records)
    rows.append(("records", f"{n_art} articles, {len(records) - n_art} fragments, "
                            f"{sum(a.status == 'error' for a in records)} in error"))
    rows.append(("report made by", f"newsbrief {__version__}"))
    return rows


def render(records: list[Article], run: dict | None = None, title: str = "newsbrief") -> str:
    """The whole HTML document for a run's records (and its run.json, when there is one)."""
    css = files("newsbrief.report").joinpath("report.css").read_text(encoding="utf-8")
    articles = [a for a in records if a.kind == "article"]
    groups: dict[str, list[tuple[str, Article]]] = {}
    for i, a in enumerate(articles):
        groups.setdefault(page_key(a), []).append((f"a{i + 1}", a))
    body = []
    for key, items in groups.items():
        body.append(f'<h2 class="page-head">{_e(_page_label(key))}</h2>')
        body.extend(_article(a, anchor) for anchor, a in items)
    foot = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in provenance_rows(records, run))
    pages = len(groups)
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing may be fetched: the page is self-contained by design
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{css}</style></head><body>",
        f'<header class="masthead"><h1>{_e(title)}</h1><p>{len(articles)} articles on {pages} page(s) · '
        "Chinese with English translation · 中英对照</p></header>",
        "<main>", _contents(groups), *body, _fragments([a for a in records if a.kind != "article"]), "</main>",
        f'<footer><h2>Provenance · 来源</h2><table>{foot}</table></footer>', "</body></html>", ""])
