"""Plain-text tables for the terminal, aligned by display width (a CJK character is two columns)."""

from __future__ import annotations

import unicodedata


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _cell(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def table(headers: list[str], rows: list[list]) -> str:
    """The rows under their headers, columns padded to the widest cell; numbers right-aligned."""
    cells = [headers] + [[_cell(v) for v in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool) or r[i] is None for r in rows)
               for i in range(len(headers))]
    lines = []
    for r in cells:
        parts = []
        for i, c in enumerate(r):
            pad = " " * (widths[i] - _width(c))
            parts.append(pad + c if numeric[i] and r is not cells[0] else c + pad)
        lines.append("  ".join(parts).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
