"""Articles read from PDF pages: characters (reader), lines and blocks (layout), regions, records (assemble)."""

from __future__ import annotations

from ..records import Article, id_stem
from .reader import PdfError


def segment_pdf(data: bytes | str, path: str, label_from_name: str | None = None) -> tuple[list[Article], list[str]]:
    """Articles and fragments of every page of a PDF (its bytes or its path), and one message per unreadable page.

    Raises PdfError when the file as a whole cannot be used (not a PDF, corrupt, encrypted, no pages,
    or not one page with text).
    """
    from .assemble import segment_page
    from .reader import open_pdf, read_page

    doc = open_pdf(data)
    stem = id_stem(path)
    records: list[Article] = []
    problems: list[str] = []
    try:
        n = len(doc)
        for i in range(n):
            try:
                page = read_page(doc, i)
            except PdfError as e:
                problems.append(str(e))
                continue
            label = label_from_name if n == 1 else None
            for rec in segment_page(page, path, label):
                rec.id = f"{stem}#p{page.number}L{rec.source.line_start}-L{rec.source.line_end}"
                records.append(rec)
    finally:
        doc.close()
    if not records:
        raise PdfError(problems[0] if len(problems) == 1 else "; ".join(problems) or "has no text")
    return records, problems


__all__ = ["PdfError", "segment_pdf"]
