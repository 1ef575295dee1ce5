"""The article record: one dataclass for every stage, a dict only at the JSONL boundary."""

from __future__ import annotations

import dataclasses
import functools
import json
import os
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


#: the path of text handed to segment_text in memory, from no file
NO_PATH = "<text>"


def id_stem(path: str) -> str:
    """A record id's stem: `<folder>/<file stem>` of the file's absolute path ('stdin' for standard input).

    From the absolute path, so that an id does not depend on how the path was typed
    (`page1.txt` and `/issue/2025/page1.txt` had given `page1#…` and `2025/page1#…`, README
    audit). Text from no file (NO_PATH) keeps that name. Only that exact name: a file
    called `<a>.txt` had kept its suffix and disagreed with io.outputs.default_id_stems.
    """
    if path == "-":
        return "stdin"
    if path == NO_PATH:
        return path
    folder, name = os.path.split(os.path.abspath(path))
    stem = os.path.splitext(name)[0]
    return f"{os.path.basename(folder)}/{stem}" if os.path.basename(folder) else stem


@dataclass
class Part:
    """One printed piece of an article that jumps across pages (issue 13), as segmentation found it."""

    id: str  # the piece's own record id before stitching
    path: str
    page: str | None
    line_start: int | None
    line_end: int | None
    continued_on: str | None = None  # id of the next piece (its 下转第N版 resolved)
    continued_from: str | None = None  # id of the previous piece (its 上接第N版 resolved)


@dataclass
class Source:
    """Where a record's text came from: file, page, encoding and line span (and its pieces, when stitched)."""

    path: str
    page: str | None = None
    encoding: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    replaced: int = 0  # undecodable bytes read as U+FFFD (--errors replace)
    pdf_page: int | None = None  # 1-based page of the PDF the record was read from (PDF input only)
    bbox: list[float] | None = None  # [x0, y0, x1, y1] in PDF points, origin top left (PDF input only)
    parts: list[Part] = field(default_factory=list)  # in reading order; empty for an article printed in one place


@dataclass
class Article:
    """One article (or a fragment of page text that belongs to no article).

    Segmentation fills the source-side fields; the model stages fill the
    ``*_en``/``summary_*`` fields and ``meta``. Every field is always present
    in the JSONL output (null or empty when unknown).
    """

    id: str
    kind: str  # "article" | "fragment"
    source: Source
    fragment_type: str | None = None  # furniture | teaser | caption | table | unassigned (fragments only)
    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    reporters: list[str] = field(default_factory=list)
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    continued_on: str | None = None
    continued_from: str | None = None
    markers: list[str] = field(default_factory=list)  # jump markers as printed
    # model stages (issue 3)
    summary_zh: str | None = None
    summary_en: str | None = None
    kicker_en: str | None = None
    headline_en: str | None = None
    subtitle_en: str | None = None
    paragraphs_en: list[str] | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = "ok"  # "ok" | "error"
    errors: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Body paragraphs joined with newlines."""
        return "\n".join(self.paragraphs)

    @property
    def text_en(self) -> str | None:
        """English paragraphs joined with newlines, or None before translation."""
        return None if self.paragraphs_en is None else "\n".join(self.paragraphs_en)

    @property
    def title(self) -> str:
        """Kicker, headline and subtitle joined as printed."""
        return "".join(x for x in (self.kicker, self.headline, self.subtitle) if x)


# Key order of the JSONL record; `text` and `text_en` are derived on output.
_ORDER = ["id", "kind", "fragment_type", "status", "errors", "source", "kicker", "headline", "subtitle",
          "byline", "reporters", "dateline", "paragraphs", "subheads", "text", "continued_on",
          "continued_from", "markers", "summary_zh", "summary_en", "kicker_en", "headline_en",
          "subtitle_en", "paragraphs_en", "text_en", "meta"]


def to_dict(article: Article) -> dict[str, Any]:
    """The JSONL form of an article: every schema key, in a fixed order."""
    d = dataclasses.asdict(article)
    d["text"] = article.text
    d["text_en"] = article.text_en
    return {k: d[k] for k in _ORDER}


#: the fields an input record must have; the others default (null or empty) when absent
INPUT_REQUIRED = ("id", "kind", "source", "paragraphs")


@functools.cache
def _input_schema():
    """The record schema as a validator of input records: INPUT_REQUIRED only, unknown keys allowed."""
    import jsonschema

    schema = json.loads(resources.files("newsbrief").joinpath("schema/record.schema.json").read_text("utf-8"))
    props = dict(schema["properties"])
    props["source"] = {**props["source"], "required": ["path"]}
    schema = {**schema, "properties": props, "required": list(INPUT_REQUIRED), "additionalProperties": True}
    return jsonschema.Draft202012Validator(schema)


def from_dict(d: dict[str, Any]) -> Article:
    """An article back from its JSONL form, checked against the record schema; raises ValueError saying what is wrong.

    Keys the schema does not know are kept in meta["extra"]; the derived keys
    text and text_en are recomputed from paragraphs (README: the record).
    """
    if not isinstance(d, dict):
        raise ValueError("record is not a JSON object")
    missing = [k for k in INPUT_REQUIRED if k not in d]
    if missing:
        raise ValueError(f"record lacks required field(s): {', '.join(missing)}")
    problems = sorted(_input_schema().iter_errors(d), key=lambda e: list(map(str, e.absolute_path)))
    if problems:
        where = ".".join(map(str, problems[0].absolute_path)) or "record"
        raise ValueError(f"field {where}: {problems[0].message}")
    names = {f.name for f in dataclasses.fields(Article)}
    kwargs = {k: v for k, v in d.items() if k in names and k != "source"}
    src = dict(d["source"])
    src["parts"] = [Part(**p) for p in src.get("parts") or []]
    kwargs["source"] = Source(**src)
    for key in ("reporters", "subheads", "markers", "errors"):
        if kwargs.get(key) is None:
            kwargs[key] = []
    kwargs["meta"] = dict(kwargs.get("meta") or {})
    extra = {k: v for k, v in d.items() if k not in names and k not in ("text", "text_en")}
    if extra:
        kwargs["meta"]["extra"] = {**kwargs["meta"].get("extra", {}), **extra}
    return Article(**kwargs)
