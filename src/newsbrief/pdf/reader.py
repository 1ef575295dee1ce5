"""Characters with position, size and font, and the page's rules, boxes and images, read with pypdfium2.

pypdfium2 (Apache-2.0 / BSD-3-Clause) was chosen by measurement over pdfminer.six / pdfplumber (MIT): on the
real e-paper pages of ../shared/segmentation-real it reads a page's characters in 0.1-0.3 s where pdfminer
takes seconds, and it exposes the page's path and image objects that cut a page into regions. PyMuPDF is
AGPL and is not used.

Coordinates are PDF points with the origin at the top left of the page (y grows downwards), so that "above"
means a smaller y everywhere in the layout code.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

from .. import config


class PdfError(Exception):
    """A PDF (or one of its pages) that cannot be read, with a message a user can act on."""


@dataclass(slots=True)
class Char:
    """One printed character: its text and box (points, top-left origin), size (points) and font."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    font: str
    upright: bool = True  # False: the glyph itself is rotated (text set sideways)
    index: int = 0  # position in the page's content stream: one text frame's characters are consecutive
    space_before: bool = False  # the PDF itself has a space character before this one


@dataclass(slots=True)
class Rect:
    """A drawn rule, box or image on the page (points, top-left origin)."""

    x0: float
    y0: float
    x1: float
    y1: float
    kind: str  # "rule" (thin line) | "box" (rectangle outline or fill) | "image"

    @property
    def width(self) -> float:
        """Width in points."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """Height in points."""
        return self.y1 - self.y0


@dataclass
class PdfPage:
    """What the layout reads of one page: characters, drawn shapes and the page size (points)."""

    number: int  # 1-based page number in the PDF
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    shapes: list[Rect] = field(default_factory=list)


def _is_private_or_garbage(ch: str) -> bool:
    """Whether a character is what a font without a Unicode map gives: private use, replacement, control."""
    o = ord(ch)
    return 0xE000 <= o <= 0xF8FF or o == 0xFFFD or o < 0x20 and ch not in "\t\r\n" or 0xF0000 <= o


def open_pdf(source: bytes | str):
    """The pypdfium2 document of a PDF's bytes or path; raises PdfError saying what is wrong with it."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(source)
    except pdfium.PdfiumError:
        # pdfium's error code is stale when a load fails without setting one (an empty page
        # tree after an encrypted file reads as "password"), so the file itself is asked
        data = source if isinstance(source, bytes) else open(source, "rb").read()
        if b"/Encrypt" in data:
            raise PdfError("is an encrypted PDF (password required); decrypt it first, e.g. qpdf --decrypt") from None
        if re.search(rb"/Type\s*/Pages\b", data) and not re.search(rb"/Count\s+[1-9]", data):
            raise PdfError("is a PDF with no pages") from None
        raise PdfError("is not a readable PDF (truncated or corrupt)") from None
    if len(doc) == 0:
        doc.close()
        raise PdfError("is a PDF with no pages")
    return doc


_OBJECT_ADDRESS = None


def _object_of_char():
    """FPDFText_GetTextObject returning the object's address as an int: a cheap cache key."""
    global _OBJECT_ADDRESS
    if _OBJECT_ADDRESS is None:
        import pypdfium2.raw as raw

        proto = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
        _OBJECT_ADDRESS = ctypes.cast(raw.FPDFText_GetTextObject, proto)
    return _OBJECT_ADDRESS


def _object_style(address: int) -> tuple[float, str, bool]:
    """Type size (points, the text matrix applied), base font name and uprightness of a text object."""
    import pypdfium2.raw as raw

    obj = ctypes.cast(ctypes.c_void_p(address), raw.FPDF_PAGEOBJECT)
    size = ctypes.c_float(0.0)
    raw.FPDFTextObj_GetFontSize(obj, size)
    m = raw.FS_MATRIX()
    raw.FPDFPageObj_GetMatrix(obj, m)
    name = ""
    font = raw.FPDFTextObj_GetFont(obj)
    if font:
        buf = ctypes.create_string_buffer(128)
        n = raw.FPDFFont_GetBaseFontName(font, buf, 128)
        name = buf.raw[: max(n - 1, 0)].decode("latin-1", "replace")
    scale = max((m.c * m.c + m.d * m.d) ** 0.5, 1e-6)
    return round(size.value * scale, 2), name, abs(m.a) >= abs(m.b)


def _shapes(page, height: float) -> list[Rect]:
    """Rules, boxes and images of a page (form objects looked into), in top-left coordinates."""
    import pypdfium2.raw as raw

    out: list[Rect] = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE), max_depth=3):
        try:
            left, bottom, right, top = obj.get_bounds()
        except Exception:  # a malformed object: skip it, the text does not depend on it
            continue
        x0, y0, x1, y1 = left, height - top, right, height - bottom
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            kind = "image"
        elif min(x1 - x0, y1 - y0) <= config.PDF_RULE_MAX_THICKNESS:
            kind = "rule"
        else:
            kind = "box"
        out.append(Rect(x0, y0, x1, y1, kind))
    return out


def read_page(doc, index: int) -> PdfPage:
    """Characters and shapes of page `index` (0-based); raises PdfError for a page that cannot be used."""
    import pypdfium2.raw as raw

    page = doc[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    chars: list[Char] = []
    box = raw.FS_RECTF()
    styles: dict[int, tuple[float, str, bool]] = {}
    object_of = _object_of_char()
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p)
    garbage = printed = 0
    space = False
    # get_text_range gives one character per index except where pdfium adds none for a
    # zero-width index; read per index so text and boxes stay aligned
    if len(text) != n:
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    for i, ch in enumerate(text):
        if ch in " \r\n\t\x00\ufffe\u3000":
            # a space the PDF prints (not one pdfium inserts for a gap) separates names
            # (记者 徐昕联 通讯员 田明): remember it
            space = space or (ch in " \u3000" and raw.FPDFText_IsGenerated(textpage, i) != 1)
            continue
        raw.FPDFText_GetLooseCharBox(textpage, i, box)
        printed += 1
        # pdfium flags characters its font could not map; checking every 4th finds a garbage
        # page just as well at a quarter of the calls
        if _is_private_or_garbage(ch) or i % 4 == 0 and raw.FPDFText_HasUnicodeMapError(textpage, i) == 1:
            garbage += 1 if _is_private_or_garbage(ch) else 4
        address = object_of(handle, i)
        style = styles.get(address) if address else (0.0, "", True)
        if style is None:
            style = styles[address] = _object_style(address)
        size, font, upright = style
        if not size:
            size = round(box.top - box.bottom, 2)
        chars.append(Char(ch, box.left, height - box.top, box.right, height - box.bottom, size, font, upright, i,
                          space))
        space = False
    shapes = _shapes(page, height)
    textpage.close()
    page.close()
    visible = [c for c in chars if c.text.strip()]
    if not visible:
        raise PdfError(f"page {index + 1} has no text layer; run OCR first, e.g. ocrmypdf")
    if garbage > config.PDF_UNMAPPED_MAX_FRACTION * printed:
        raise PdfError(f"page {index + 1}: {garbage} of {printed} characters have no Unicode mapping (fonts "
                       "embedded without a ToUnicode table); its text would be garbage. Run OCR on it, "
                       "e.g. ocrmypdf --force-ocr")
    return PdfPage(index + 1, width, height, visible, shapes)
