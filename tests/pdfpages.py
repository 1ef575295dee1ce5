"""Small newspaper-like PDF pages built with reportlab for the PDF tests (the built-in CID font needs no file).

Coordinates are points from the top left of the page, as in newsbrief.pdf; the helpers turn them into
reportlab's bottom-left ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = 595.0, 842.0  # A4: a real-size page for the layout's thresholds


def wrap(text: str, chars: int) -> list[str]:
    """Text cut into lines of `chars` characters (CJK text wraps anywhere)."""
    return [text[i:i + chars] for i in range(0, len(text), chars)]


@dataclass
class Page:
    """Drawing operations of one page, replayed in order (the order is the PDF's content stream)."""

    ops: list[tuple] = field(default_factory=list)

    def text(self, x: float, y: float, size: float, s: str) -> None:
        """One line with its top at y."""
        self.ops.append(("text", x, y, size, s))

    def centred(self, x0: float, x1: float, y: float, size: float, s: str) -> None:
        """One line centred between x0 and x1."""
        w = pdfmetrics.stringWidth(s, FONT, size)
        self.text(x0 + (x1 - x0 - w) / 2, y, size, s)

    def column(self, x: float, y: float, size: float, lines: list[str], leading: float = 1.5) -> float:
        """Lines stacked from y down; returns the y below the last one."""
        for ln in lines:
            self.text(x, y, size, ln)
            y += size * leading
        return y

    def vertical(self, x: float, y: float, size: float, s: str) -> None:
        """Text set vertically: one upright character under the other."""
        for i, ch in enumerate(s):
            self.text(x, y + i * size * 1.05, size, ch)

    def rect(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A box outline."""
        self.ops.append(("rect", x0, y0, x1, y1))

    def image(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A grey picture."""
        self.ops.append(("image", x0, y0, x1, y1))


def save(path, pages: list[Page], size: tuple[float, float] = (W, H), **kwargs) -> str:
    """Write the pages to a PDF of page size `size` (points); extra arguments go to reportlab's Canvas."""
    H = size[1]  # noqa: N806 -- the flip below uses this page's height
    c = canvas.Canvas(str(path), pagesize=size, **kwargs)
    for page in pages:
        for op in page.ops:
            if op[0] == "text":
                _, x, y, size, s = op
                c.setFont(FONT, size)
                c.drawString(x, H - y - size * 0.88, s)
            elif op[0] == "rect":
                _, x0, y0, x1, y1 = op
                c.rect(x0, H - y1, x1 - x0, y1 - y0, stroke=1, fill=0)
            else:
                from PIL import Image
                from reportlab.lib.utils import ImageReader

                _, x0, y0, x1, y1 = op
                c.drawImage(ImageReader(Image.new("RGB", (8, 8), (128, 128, 128))), x0, H - y1, x1 - x0, y1 - y0)
        c.showPage()
    c.save()
    return str(path)
