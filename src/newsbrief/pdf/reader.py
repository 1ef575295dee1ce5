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
import functools
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


#: what a font without a Unicode map gives: private use, replacement, control characters (NUL is skipped as a space)
_GARBAGE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")


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


class _Calls:
    """pdfium's per-character and per-object functions as bare C function pointers, made once.

    pypdfium2's wrappers check and convert every argument; at 10,000 characters and 2,000
    text objects a page those conversions cost as much as pdfium's own work (bench_pdf on
    real page rmrb-20180122-07), so the hot loops pass plain addresses instead.
    """

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        P, I, F, S = ctypes.c_void_p, ctypes.c_int, ctypes.c_float, ctypes.c_size_t

        def fn(name: str, restype, *argtypes):
            return ctypes.cast(getattr(raw, name), ctypes.CFUNCTYPE(restype, *argtypes))
        self.char_box = fn("FPDFText_GetLooseCharBox", I, P, I, P)
        self.char_object = fn("FPDFText_GetTextObject", P, P, I)
        self.char_unmapped = fn("FPDFText_HasUnicodeMapError", I, P, I)
        self.font_size = fn("FPDFTextObj_GetFontSize", I, P, P)
        self.matrix = fn("FPDFPageObj_GetMatrix", I, P, P)
        self.font = fn("FPDFTextObj_GetFont", P, P)
        self.font_name = fn("FPDFFont_GetBaseFontName", S, P, ctypes.c_char_p, S)
        self.count = {False: fn("FPDFPage_CountObjects", I, P), True: fn("FPDFFormObj_CountObjects", I, P)}
        self.object = {False: fn("FPDFPage_GetObject", P, P, I), True: fn("FPDFFormObj_GetObject", P, P, ctypes.c_ulong)}
        self.object_type = fn("FPDFPageObj_GetType", I, P)
        self.bounds = fn("FPDFPageObj_GetBounds", I, P, P, P, P, P)
        self.F, self.matrix_type = F, raw.FS_MATRIX
        self.IMAGE, self.PATH, self.FORM = raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM


@functools.cache
def _calls() -> _Calls:
    """The one _Calls, made on first use (pypdfium2 is imported only when a PDF is read)."""
    return _Calls()


class _Styles:
    """Type size, base font name and uprightness of text objects, with font names kept per font."""

    def __init__(self, calls: _Calls) -> None:
        self.calls = calls
        self.size = ctypes.c_float(0.0)
        self.matrix = calls.matrix_type()
        self.name = ctypes.create_string_buffer(128)
        self.names: dict[int, str] = {}
        self.styles: dict[int, tuple[float, str, bool]] = {}

    def of(self, obj: int) -> tuple[float, str, bool]:
        """The style of the text object at address `obj` (size in points, the text matrix applied)."""
        style = self.styles.get(obj)
        if style is None:
            c, m = self.calls, self.matrix
            c.font_size(obj, ctypes.addressof(self.size))
            c.matrix(obj, ctypes.addressof(m))
            font = c.font(obj) or 0
            name = self.names.get(font)
            if name is None:
                n = c.font_name(font, self.name, 128) if font else 0
                name = self.names[font] = self.name.raw[: max(n - 1, 0)].decode("latin-1", "replace")
            scale = max((m.c * m.c + m.d * m.d) ** 0.5, 1e-6)
            style = self.styles[obj] = (round(self.size.value * scale, 2), name, abs(m.a) >= abs(m.b))
        return style


def _shapes(page, height: float) -> list[Rect]:
    """Rules, boxes and images of a page (form objects looked into, 3 levels deep), in top-left coordinates."""
    c = _calls()
    bounds = [c.F() for _ in range(4)]
    where = [ctypes.addressof(b) for b in bounds]
    out: list[Rect] = []

    def walk(parent: int, form: bool, level: int) -> None:
        for i in range(max(c.count[form](parent), 0)):
            obj = c.object[form](parent, i)
            if not obj:
                continue
            kind = c.object_type(obj)
            if kind == c.FORM and level < 2:
                walk(obj, True, level + 1)
            # a malformed object has no bounds: skip it, the text does not depend on it
            if kind not in (c.PATH, c.IMAGE) or not c.bounds(obj, *where):
                continue
            left, bottom, right, top = (b.value for b in bounds)
            x0, y0, x1, y1 = left, height - top, right, height - bottom
            if kind == c.IMAGE:
                shape = "image"
            elif min(x1 - x0, y1 - y0) <= config.PDF_RULE_MAX_THICKNESS:
                shape = "rule"
            else:
                shape = "box"
            out.append(Rect(x0, y0, x1, y1, shape))
    walk(ctypes.cast(page.raw, ctypes.c_void_p).value, False, 0)
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
    calls = _calls()
    styles = _Styles(calls)
    cache = styles.styles  # looked up inline: a method call per character costs more than the lookup
    box = raw.FS_RECTF()
    where = ctypes.addressof(box)
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    printed = 0
    space = False
    # get_text_range gives one character per index except where pdfium adds none for a
    # zero-width index; read per index so text and boxes stay aligned
    if len(text) != n:
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    garbage = len(_GARBAGE.findall(text))
    for i, ch in enumerate(text):
        if ch in " \r\n\t\x00\ufffe\u3000":
            # a space the PDF prints (not one pdfium inserts for a gap) separates names
            # (记者 徐昕联 通讯员 田明): remember it
            space = space or (ch in " \u3000" and raw.FPDFText_IsGenerated(textpage, i) != 1)
            continue
        calls.char_box(handle, i, where)
        printed += 1
        # pdfium flags characters its font could not map; checking every 4th finds a garbage
        # page just as well at a quarter of the calls
        if i % 4 == 0 and calls.char_unmapped(handle, i) == 1 and not _GARBAGE.match(ch):
            garbage += 4
        address = calls.char_object(handle, i)
        size, font, upright = cache.get(address) or styles.of(address) if address else (0.0, "", True)
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
