"""PDF path speed: pages per second, reading and laying out a real-size newspaper page, one core.

    python bench/bench_pdf.py [PAGE.pdf ...] [--seconds 10] [--compare-pdfplumber] [--json]

Without a PDF the bench builds its own page (needs reportlab, the `test` extra): a broadsheet page
(842 x 1191 pt) of six columns of 9pt text under six headlines, about 7,000 characters, as dense as
a real e-paper page. Each pass opens the PDF from its bytes and runs `newsbrief.pdf.segment_pdf`:
characters from pdfium, lines, blocks, regions, records. Several PDFs are timed one after another,
`--seconds` each, then summed up: all their pages over the sum of each one's fastest pass.
Target (issue 8): at least 10 pages/s.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from newsbrief.pdf import segment_pdf
from newsbrief.pdf.reader import open_pdf, read_page

_SENTENCE = "本市今年推进老旧小区改造，完成管网更新和道路修缮，居民出行条件明显改善。"


def build_page(path: Path) -> int:
    """Write a six-column broadsheet page to path; returns the number of characters on it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.pdfpages import Page, save, wrap

    page, chars = Page(), 0
    width, gap, body = 118.0, 12.0, 9.0
    for row, top in enumerate((60.0, 420.0, 780.0)):
        for half in (0, 1):
            x = 40.0 + half * 3 * (width + gap)
            title = f"第{row * 2 + half + 1}篇 城市更新让生活更美好"
            page.centred(x, x + 3 * width + 2 * gap, top, 20, title)
            lines = wrap(_SENTENCE * 7, int(width // body))[:3 * 20]
            for k in range(3):
                page.column(x + k * (width + gap), top + 36, body, lines[k * 20:(k + 1) * 20])
            chars += len(title) + sum(map(len, lines))
    save(path, [page], size=(842.0, 1191.0))
    return chars


def _rates(run, pages: int, seconds: float) -> dict:
    """Pages per second of run() over `seconds`: best and median wall-clock, median per CPU second.

    timeit's rule: the fastest pass is the machine's speed; slower ones measured whatever else
    was running on it. CPU time is reported too: on a shared machine it is the one-core figure
    wall time cannot give.
    """
    rates, cpu_rates, start = [], [], time.perf_counter()
    while time.perf_counter() - start < seconds:
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        rates.append(pages / (time.perf_counter() - t0))
        cpu_rates.append(pages / max(time.process_time() - c0, 1e-9))
    rates.sort()
    cpu_rates.sort()
    return {"runs": len(rates), "pages_per_second_best": round(rates[-1], 1),
            "pages_per_second_median": round(rates[len(rates) // 2], 1),
            "pages_per_cpu_second_median": round(cpu_rates[len(cpu_rates) // 2], 1)}


def _read_pdfium(data: bytes, pages: int) -> None:
    """What newsbrief reads of every page (characters with box, size, font; rules, boxes, images)."""
    doc = open_pdf(data)
    for i in range(pages):
        read_page(doc, i)
    doc.close()


def _read_pdfplumber(data: bytes, pages: int) -> None:
    """The same through pdfplumber (pdfminer.six): characters with box, size, font; rects, lines, images."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[:pages]:
            page.chars, page.rects, page.lines, page.images


def bench(path: Path, label: str, seconds: float, compare: bool) -> dict:
    """The timings of one PDF (and, with compare, of the two readers alone)."""
    data = path.read_bytes()
    records, _ = segment_pdf(data, str(path))  # warm up: pdfium loads, regexes compile
    pages = len({r.source.pdf_page for r in records})
    result = {"input": label, "pages": pages, "records_per_page": round(len(records) / pages, 1),
              **_rates(lambda: segment_pdf(data, str(path)), pages, seconds)}
    if compare:
        _read_pdfplumber(data, pages)  # warm up
        result["read_pypdfium2"] = _rates(lambda: _read_pdfium(data, pages), pages, seconds)
        result["read_pdfplumber"] = _rates(lambda: _read_pdfplumber(data, pages), pages, seconds)
        result["read_ratio_cpu"] = round(result["read_pypdfium2"]["pages_per_cpu_second_median"]
                                         / result["read_pdfplumber"]["pages_per_cpu_second_median"], 1)
    return result


def _print(result: dict) -> None:
    """One PDF's timings as lines of text."""
    print(f"PDF path on {result['input']}: {result['pages_per_second_best']} pages/s best run, "
          f"{result['pages_per_second_median']} median, {result['pages_per_cpu_second_median']} pages per CPU second "
          f"({result['records_per_page']} records/page)")
    if "read_ratio_cpu" in result:
        for side in ("pypdfium2", "pdfplumber"):
            r = result[f"read_{side}"]
            print(f"  characters read by {side}: {r['pages_per_cpu_second_median']} pages per CPU second "
                  f"({r['pages_per_second_best']} pages/s best run)")
        print(f"  pypdfium2 reads {result['read_ratio_cpu']}x as many pages per CPU second as pdfplumber")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="*", help="PDF pages to time (default: a page the bench builds)")
    ap.add_argument("--seconds", type=float, default=10.0, help="how long to run each side of each PDF")
    ap.add_argument("--compare-pdfplumber", action="store_true",
                    help="also time character extraction alone, newsbrief's pypdfium2 reader against pdfplumber "
                         "(pip install pdfplumber): the measurement behind the choice of library (issue 8)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of lines of text")
    args = ap.parse_args()
    if args.pdf:
        inputs = [(Path(p), p) for p in args.pdf]
    else:
        path = Path(tempfile.mkdtemp()) / "bench.pdf"
        build_page(path)
        inputs = [(path, "a built six-column page")]
    results = [bench(path, label, args.seconds, args.compare_pdfplumber) for path, label in inputs]
    summary = None
    if len(results) > 1:
        pages = sum(r["pages"] for r in results)
        fastest = sum(r["pages"] / r["pages_per_second_best"] for r in results)
        summary = {"inputs": len(results), "pages": pages, "pages_per_second_best_passes": round(pages / fastest, 1),
                   "slowest_best": min(r["pages_per_second_best"] for r in results)}
    if args.json:
        print(json.dumps({"results": results, "summary": summary} if summary else results[0], ensure_ascii=False))
        return
    for r in results:
        _print(r)
    if summary:
        print(f"all {summary['inputs']} PDFs, {summary['pages']} pages: {summary['pages_per_second_best_passes']} "
              f"pages/s over their fastest passes; the slowest PDF's fastest pass {summary['slowest_best']} pages/s")


if __name__ == "__main__":
    main()
