"""Reading page files: find them, check them, decode them, and say clearly what is wrong."""

from __future__ import annotations

import codecs
import glob
import hashlib
import io
import os
import re
import select
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .. import config

STDIN = "-"
INPUT_FORMATS = ("auto", "page", "jsonl")
DECODE_ERRORS = ("strict", "replace")


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
    replaced: int = 0  # U+FFFD put in for undecodable bytes (--errors replace), and stray NULs dropped
    nuls: int = 0  # stray NUL bytes dropped from the text (each counted in replaced too)
    pdf: bytes | None = None  # the file's bytes when it is a PDF (text is then empty)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: --encoding, --errors, --input-format."""

    encoding: str | None = None
    errors: str = "strict"  # strict: undecodable bytes fail the input; replace: U+FFFD, counted
    input_format: str = "auto"  # auto (by content: JSONL records or page text) | page | jsonl


#: what a PDF holds in its first bytes (readers accept the header within the first 1024)
PDF_MAGIC = b"%PDF-"

_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
#: tried in order when there is no BOM: strict UTF-8, then GB18030 (a superset of
#: GBK and GB2312, what mainland tools write), then Big5 (Hong Kong, Taiwan).
FALLBACK_ENCODINGS = ("utf-8", "gb18030", "big5")


def _decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """data decoded with U+FFFD for every undecodable sequence, and how many were replaced."""
    replaced = 0

    def handler(err: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal replaced
        replaced += 1
        return "\ufffd", err.end

    codecs.register_error("newsbrief.count", handler)
    return data.decode(encoding, "newsbrief.count"), replaced


def _bad_byte(data: bytes, encoding: str) -> str:
    """Where data stops being valid in encoding: the byte offset and the byte."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as e:
        return f"byte {e.start} (0x{data[e.start]:02X})"
    return "nowhere"


#: control characters other than tab, newline and CR: text holds next to none
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"
_CONTROL = re.compile(f"[{re.escape(_CONTROL_BYTES.decode('ascii'))}]")
_LOOKS_BINARY = "looks binary (control characters), not page text"


def decode(data: bytes, encoding: str | None = None, errors: str = "strict") -> tuple[str, str, int, int]:
    """Text, its encoding, the U+FFFD put in for bad bytes (errors="replace") and the stray NULs dropped, counted.

    Raises InputError for binary or undecodable data, giving the offset of the first bad byte.
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"--encoding {encoding}: no such encoding") from None
        if errors == "replace":
            text, replaced = _decode_counting(data, encoding)
            return text, encoding, replaced, 0
        try:
            return data.decode(encoding), encoding, 0, 0
        except UnicodeDecodeError as e:
            raise InputError(f"not valid {encoding} at byte {e.start} (0x{data[e.start]:02X}); "
                             "pass --errors replace to read it with U+FFFD for the bad bytes") from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return decode(data, enc, errors)
    nuls = data.count(b"\x00")
    if nuls:
        if nuls > config.STRAY_NUL_MAX_FRACTION * len(data):
            raise InputError("contains NUL bytes: a binary file, or UTF-16 without a byte-order mark "
                             "(pass --encoding utf-16-le)")
        # a few NULs in text an extractor wrote (gen pages through PyMuPDF: 2 in 7,253 bytes); a
        # compressed file holds as few, among many other control bytes (a .gz named .txt was told to
        # pass --errors replace, which then called it binary: README audit)
        if len(data) - len(data.translate(None, _CONTROL_BYTES)) > config.BINARY_CONTROL_FRACTION * len(data):
            raise InputError(_LOOKS_BINARY)
        # a NUL is no character of the text, only a glyph the extractor could not map: dropped under
        # either --errors, with a warning (one in 2% of PyMuPDF's pages; failing the page had lost it)
        text, enc, replaced, _ = decode(data.replace(b"\x00", b""), None, errors)
        return text, enc, replaced + nuls, nuls
    decoded = {}
    for enc in FALLBACK_ENCODINGS:
        try:
            decoded[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8":
            return decoded[enc], enc, 0, 0
    if len(decoded) == 2:
        # Big5 bytes nearly always decode as GB18030 too (as nonsense); let a
        # charset detector judge which reading is language
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(decoded)).best()
        if best is not None and best.encoding in decoded:
            return decoded[best.encoding], best.encoding, 0, 0
    for enc, text in decoded.items():
        return text, enc, 0, 0
    if errors == "replace":  # the reading that needs the fewest replacements
        readings = [(enc, *_decode_counting(data, enc)) for enc in FALLBACK_ENCODINGS]
        enc, text, replaced = min(readings, key=lambda r: r[2])
        return text, enc, replaced, 0
    raise InputError(f"not text in UTF-8, GB18030 or Big5 (not UTF-8 at {_bad_byte(data, 'utf-8')}); pass "
                     "--encoding to name the encoding, or --errors replace to read it with U+FFFD for bad bytes")


def shown(path: str) -> str:
    """A path as text: bytes of a file name that are not UTF-8 become \\xNN (README: file names)."""
    if path == STDIN:
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


#: bytes asked of the system per read
READ_CHUNK = 1 << 20


def _wait_readable(fd: int) -> None:
    """Wait until a pipe, FIFO or device has data or has ended, returning to Python now and then.

    A Python signal handler runs between bytecodes: a signal that arrives just
    before a blocking read() leaves that read blocked for good (the hostile
    test's SIGTERM while reading a FIFO; finding 5). Waiting in slices lets the
    handler run within config.SIGNAL_POLL_SECONDS whenever the signal came.
    """
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    while not poller.poll(config.SIGNAL_POLL_SECONDS * 1000):
        pass


def _read_fd(fd: int, n: int) -> bytes:
    """Up to n bytes from fd, in chunks, waiting on non-regular files with _wait_readable."""
    regular = stat.S_ISREG(os.fstat(fd).st_mode)
    chunks, size = [], 0
    while size < n:
        if not regular:
            _wait_readable(fd)
        chunk = os.read(fd, min(READ_CHUNK, n - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_stdin(n: int) -> bytes:
    """Up to n bytes of standard input."""
    if sys.stdin is None:
        raise InputError("standard input is closed")
    stream = sys.stdin.buffer
    try:
        fd = stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return stream.read(n)  # not a real file (a test runner's stream): cannot block
    return _read_fd(fd, n)


def _read_path(path: str, n: int, too_big: str) -> bytes:
    """Up to n bytes of a file, a FIFO or a device.

    Opened without blocking (a FIFO's open would otherwise wait for a writer
    where no signal can reach it), then read in blocking mode.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(NO_PAGES)
        if stat.S_ISREG(st.st_mode) and st.st_size > n:
            raise InputError(f"is {st.st_size / 2**20:.0f} MB; {too_big}")
        os.set_blocking(fd, True)
        return _read_fd(fd, n)
    finally:
        os.close(fd)


def read_bounded(path: str, limit: int) -> bytes:
    """At most limit bytes of a file, a device, a FIFO or stdin (-); raises InputError when there are more.

    The size a file reports is not trusted: /dev/zero and /dev/urandom report 0
    and never end, and stdin has none: limit + 1 bytes are read at most (finding 5).
    """
    too_big = (f"a page is at most {limit // 2**20} MB of text (is this really a page?)" if limit >= 2**20
               else f"a page is at most {limit} bytes of text")
    data = _read_stdin(limit + 1) if path == STDIN else _read_path(path, limit + 1, too_big)
    if len(data) > limit:
        raise InputError(f"is more than {limit / 2**20:.0f} MB; {too_big}")
    return data


def read_page(path: str, opts: ReadOptions | None = None) -> PageText:
    """A page file (or - for stdin) read, decoded and checked; raises InputError saying what is wrong."""
    opts = opts or ReadOptions()
    if path != STDIN:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file")
        if p.is_dir():
            raise InputError(NO_PAGES)
    # a PDF is known by its first bytes, whatever its name (issue 8: a PDF named .txt was read as text)
    limit = config.MAX_PAGE_BYTES
    if path != STDIN and os.path.isfile(path):
        with open(path, "rb") as f:
            if PDF_MAGIC in f.read(1024):
                limit = config.MAX_PDF_BYTES
    data = read_bounded(path, limit)
    if PDF_MAGIC in data[:1024]:
        page = None if path == STDIN else page_from_name(Path(path).name)
        return PageText(shown(path), "", "pdf", page, hashlib.sha256(data).hexdigest(), pdf=data)
    if path != STDIN and Path(path).suffix.lower() == ".pdf":
        raise InputError("is named .pdf but is not a PDF (it does not start with %PDF-)")
    if not data.strip():
        raise InputError("is empty")
    text, enc, replaced, nuls = decode(data, opts.encoding, opts.errors)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if len(_CONTROL.findall(text)) > config.BINARY_CONTROL_FRACTION * max(len(text), 1):
        raise InputError(_LOOKS_BINARY)
    if not text.strip():
        raise InputError("is empty")
    page = None if path == STDIN else page_from_name(Path(path).name)
    return PageText(shown(path), text, enc, page, hashlib.sha256(data).hexdigest(), replaced, nuls)


_PAGE_IN_NAME = re.compile(r"(?:^|[_\-.\s])(?:page|p|pg|第)?[_\-]?0*([1-9]\d{0,2})(?:版)?(?=$|[_\-.\s])", re.I)


def page_from_name(name: str) -> str | None:
    """The page number a file name gives (page08.txt, 2024-03-01_p3.txt, 第8版.txt), else None."""
    stem = Path(name).stem
    matches = list(_PAGE_IN_NAME.finditer(stem))
    return matches[-1].group(1) if matches else None


_DIGITS = re.compile(r"(\d+)")


def _natural_key(path: str) -> list:
    """Sort key that orders page2 before page10 (folder by folder)."""
    return [int(t) if t.isdigit() else t for part in path.split(os.sep) for t in _DIGITS.split(part)]


#: what a folder walk picks up: page text and article JSONL (hidden files and folders,
#: such as an output folder's .newsbrief/ markers, are skipped)
PAGE_SUFFIXES = (".txt", ".jsonl", ".pdf")
NO_PAGES = "is a directory with no page files (*.txt, *.pdf, *.jsonl)"


def _walk(folder: str) -> list[str]:
    """Page files under a folder and its sub-folders, in page order (finding 7: sub-folders were skipped).

    Strings, not pathlib: 40,000 pages take a fraction of a second.
    """
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(root, folder)
        found += [(os.path.normpath(os.path.join(rel, f)), os.path.join(root, f)) for f in files
                  if not f.startswith(".") and f.lower().endswith(PAGE_SUFFIXES)]
    return [full for _, full in sorted(found, key=lambda pair: _natural_key(pair[0]))]


@dataclass
class Inputs:
    """The inputs a command line names: paths in order, arguments that named nothing, folders walked."""

    paths: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)


def expand_inputs(args: list[str]) -> Inputs:
    """Page paths from files, folders (walked, pages in page order) and globs; stdin as -."""
    found = Inputs()

    def add(arg: str) -> None:
        p = Path(arg)
        if p.is_dir():
            pages = _walk(arg)
            if not pages:
                found.errors.append((shown(arg), NO_PAGES))
            found.folders.append(p)
            found.paths.extend(pages)
        else:
            found.paths.append(arg)

    for arg in args:
        if arg == STDIN:
            found.paths.append(STDIN)
        elif os.path.exists(arg) or os.path.islink(arg):
            add(arg)
        elif glob.has_magic(arg):  # quoted, or from a shell that does not expand it
            matched = sorted(glob.glob(arg), key=_natural_key)
            if not matched:
                found.errors.append((shown(arg), "pattern matches no file"))
            for m in matched:  # a folder it matches is walked like one named (`'arch/2025-02-*/'`, session 23)
                add(m)
        else:
            found.errors.append((shown(arg), "no such file"))
    # a page named twice (a file and its folder, overlapping globs, a link) is read once:
    # the same device and inode, one stat a file (realpath costs one per path component)
    found.paths = unique_files(found.paths)
    return found


def unique_files(paths: list[str]) -> list[str]:
    """paths, each file once (the first naming of it): one file is one device and inode, stdin is itself."""
    unique: dict[object, str] = {}
    for p in paths:
        unique.setdefault(p if p == STDIN else file_identity(p) or p, p)
    return list(unique.values())


def file_identity(path: str) -> tuple[int, int] | None:
    """What makes two paths one file: its (device, inode); None when there is no such file."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino
