"""Reading page files: find them, check them, decode them, and say clearly what is wrong."""

from __future__ import annotations

import glob
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .. import config


class InputError(Exception):
    """A page file that cannot be used, with a message a user can act on."""


@dataclass
class PageText:
    """One page's decoded text and where it came from."""

    path: str
    text: str
    encoding: str
    page: str | None
    digest: str | None = None  # sha256 of the file's bytes: what resume keys on
    pdf: bytes | None = None  # the file's bytes when it is a PDF (text is then empty)


#: what a PDF file holds in its first bytes (the header may follow some junk: readers look
#: within the first 1024 bytes)
PDF_MAGIC = b"%PDF-"

_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
#: tried in order when there is no BOM: strict UTF-8, then GB18030 (a superset of
#: GBK and GB2312, what mainland tools write), then Big5 (Hong Kong, Taiwan).
FALLBACK_ENCODINGS = ("utf-8", "gb18030", "big5")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Text and the encoding that decoded it; raises InputError for binary or undecodable data."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(f"cannot decode as {encoding}: {e}") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    if b"\x00" in data:
        raise InputError("contains NUL bytes: a binary file, or UTF-16 without a byte-order mark "
                         "(pass --encoding utf-16-le)")
    decoded = {}
    for enc in FALLBACK_ENCODINGS:
        try:
            decoded[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8":
            return decoded[enc], enc
    if len(decoded) == 2:
        # Big5 bytes nearly always decode as GB18030 too (as nonsense); let a
        # charset detector judge which reading is language
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(decoded)).best()
        if best is not None and best.encoding in decoded:
            return decoded[best.encoding], best.encoding
    for enc, text in decoded.items():
        return text, enc
    raise InputError("not text in UTF-8, GB18030 or Big5 (pass --encoding to name the encoding)")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_page(path: str, encoding: str | None = None) -> PageText:
    """A page file read, decoded and checked; raises InputError saying what is wrong."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file")
    if p.is_dir():
        raise InputError("is a directory with no page files (*.txt, *.pdf)")
    size = p.stat().st_size
    with open(p, "rb") as f:
        head = f.read(1024)
    # a PDF is known by its magic bytes, whatever its name (a PDF named .txt is no page text)
    if PDF_MAGIC in head:
        if size > config.MAX_PDF_BYTES:
            raise InputError(f"is a {size / 2**20:.0f} MB PDF; at most {config.MAX_PDF_BYTES // 2**20} MB is read")
        data = p.read_bytes()
        return PageText(str(path), "", "pdf", page_from_name(p.name), hashlib.sha256(data).hexdigest(), data)
    if p.suffix.lower() == ".pdf":
        raise InputError("is named .pdf but is not a PDF (it does not start with %PDF-)")
    if size > config.MAX_PAGE_BYTES:
        raise InputError(f"is {size / 2**20:.0f} MB; a page is at most {config.MAX_PAGE_BYTES // 2**20} MB of text "
                         "(is this really a page?)")
    data = p.read_bytes()
    if not data.strip():
        raise InputError("is empty")
    text, enc = decode(data, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if len(_CONTROL.findall(text)) > config.BINARY_CONTROL_FRACTION * max(len(text), 1):
        raise InputError("looks binary (control characters), not page text")
    if not text.strip():
        raise InputError("is empty")
    return PageText(str(path), text, enc, page_from_name(p.name), hashlib.sha256(data).hexdigest())


_PAGE_IN_NAME = re.compile(r"(?:^|[_\-.\s])(?:page|p|pg|第)?[_\-]?0*([1-9]\d{0,2})(?:版)?(?=$|[_\-.\s])", re.I)


def page_from_name(name: str) -> str | None:
    """The page number a file name gives (page08.txt, 2024-03-01_p3.txt, 第8版.txt), else None."""
    stem = Path(name).stem
    matches = list(_PAGE_IN_NAME.finditer(stem))
    return matches[-1].group(1) if matches else None


def _natural_key(path: Path) -> list:
    """Sort key that orders page2 before page10."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name)]


def expand_inputs(args: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Page paths from files, directories (pages in page order) and globs, plus (arg, error) pairs."""
    paths: list[str] = []
    errors: list[tuple[str, str]] = []
    for arg in args:
        if arg == "-":
            paths.append("-")
            continue
        p = Path(arg)
        if p.is_dir():
            pages = sorted((f for f in p.iterdir()
                            if f.is_file() and f.suffix.lower() in (".txt", ".jsonl", ".pdf")), key=_natural_key)
            if not pages:
                errors.append((arg, "is a directory with no page files (*.txt, *.pdf)"))
            paths.extend(str(f) for f in pages)
        elif p.exists():
            paths.append(arg)
        elif glob.has_magic(arg):
            found = sorted(glob.glob(arg), key=lambda s: _natural_key(Path(s)))
            if not found:
                errors.append((arg, "pattern matches no file"))
            paths.extend(found)
        else:
            errors.append((arg, "no such file"))
    # a page named twice (a file and its folder, overlapping globs) is read once
    unique: dict[str, str] = {}
    for p in paths:
        unique.setdefault("-" if p == "-" else str(Path(p).resolve()), p)
    return list(unique.values()), errors
