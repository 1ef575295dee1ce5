"""Character and spacing normalisation for text extracted from newspaper PDFs."""

from __future__ import annotations

import re
import unicodedata

from .. import config

# Full-width digits and Latin letters become ASCII; Chinese punctuation is kept
# as printed (issue 4: "Full-width digits and Latin letters normalised").
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))}
_FULLWIDTH.update({0x3000: 0x20, 0xA0: 0x20})  # ideographic and no-break space


_FULLWIDTH_CHARS = {chr(k): chr(v) for k, v in _FULLWIDTH.items()}
_FULLWIDTH_RE = re.compile("[" + "".join(re.escape(c) for c in _FULLWIDTH_CHARS) + "]")


def normalize_chars(text: str) -> str:
    """Map full-width digits and Latin letters to ASCII, odd spaces to a plain space."""
    # a regular expression finds the few such characters far faster than
    # str.translate looks up every character of a Chinese page (30x on the seed page)
    return _FULLWIDTH_RE.sub(lambda m: _FULLWIDTH_CHARS[m.group()], text)


def is_cjk(ch: str) -> bool:
    """Whether ch is a CJK ideograph (the characters Chinese body text is made of)."""
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F
            or 0xF900 <= o <= 0xFAFF)


def _word(ch: str) -> str:
    """Class of a character for the spacing rule: 'cjk', 'alnum' or 'other'."""
    if is_cjk(ch):
        return "cjk"
    if ch.isascii() and ch.isalnum():
        return "alnum"
    return "other"


_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
#: _SPACES where the text holds plain spaces only (normalize_chars has mapped the odd ones): a pattern
#: that opens on a literal is searched for that character alone, 4 times faster than one opening on a class
_PLAIN_SPACES = re.compile("  *")


#: quotes and title marks a headline's phrase may stand in (not 【】: a label, or a dateline, before its text)
_OPENING = "“「《"
_CLOSING = "”」》"


def _space(m: re.Match) -> str:
    """What a run of spaces becomes: one space between two Chinese or Latin words or a word and a quote, else none."""
    text, i, j = m.string, m.start(), m.end()
    left = text[i - 1] if i > 0 else "\n"
    right = text[j] if j < len(text) else "\n"
    if left == "\n" or right == "\n":
        return ""  # spaces at a line's ends
    lw = _word(left)
    if lw == "cjk" and right in _OPENING or left in _CLOSING and _word(right) == "cjk":
        # a gap between a phrase and a quoted one is a headline's phrase gap (gen pages, pdftotext -raw:
        # `去杠杆引发踩踏 “杠杆牛市”渐行渐远`, `旺角「殺街」 有人轉場尖沙咀`), which tells a headline from a
        # line of text; a sentence's gap there is its line's justification, which drop_quote_gaps takes
        # out of body text
        return " "
    return " " if lw == _word(right) and lw != "other" else ""


def fix_spacing(text: str) -> str:
    """Drop the spaces a PDF extractor puts around numbers, Latin and punctuation.

    `2 月 26 日` -> `2月26日`, `“ 6 + 3 ”` -> `“6+3”`; a space between two Chinese
    phrases (`新质生产力 加快建设`) or two Latin words is real and stays (issue 2), and so is one between
    a phrase and a quoted one (`新质生产力 “加快建设”`, issue 9).
    Works on one line or a whole page (spaces at line ends go).
    """
    plain = "\t" not in text and "\u3000" not in text and "\u00a0" not in text
    return (_PLAIN_SPACES if plain else _SPACES).sub(_space, text)


_HAN = r"[\u4e00-\u9fff]"
_HAN_RE = re.compile(_HAN)
_GAP_IN_SPACED = re.compile(rf"(?<={_HAN})[ \u3000]+(?={_HAN})")
#: a gap to drop in a letter-spaced line: between characters, quotes and brackets alike (`织 《全 球`, `2025” 实 施`),
#: which fix_spacing would keep beside a quote as a phrase gap
_GAP_IN_SPACED_LINE = re.compile(r"(?<=[\u4e00-\u9fff“”「」《》【】])[ \u3000]+(?=[\u4e00-\u9fff“”「」《》【】])")
_SPACED_HINT = re.compile(rf"{_HAN} +{_HAN} +{_HAN}")  # a cheap first look: most pages have none
#: what every _SPACED_HINT match holds, opening on a space: looked for first, as a pattern that opens
#: on a literal is searched for that character alone, 40 times faster than one opening on a class
_SPACED_HINT_TAIL = re.compile(rf" {_HAN} +{_HAN}")


_HAN_PAIR = re.compile(f"{_HAN}{_HAN}")
#: a mark inside a piece of a justified line (never in a list of names)
_PIECE_MARK = re.compile(r"[，、。；：（）·“”《》]")


def _letter_spaced(line: str) -> bool:
    """Whether a line is justified by spacing out its characters: many gaps, at least one per two characters.

    A short piece of such a line (pdftotext -raw breaks a justified line after its marks:
    `本 报 讯（新` / `甘 肃·甘 肃 法 治`, real page gsfzb) has too few gaps to count, but no two
    characters together and a mark among them, which a list of spaced names (`钱 艳 宋 岩`) has not.
    """
    gaps = len(_GAP_IN_SPACED.findall(line))
    if gaps >= config.LETTER_SPACED_MIN_GAPS and gaps >= config.LETTER_SPACED_MIN_SHARE * len(_HAN_RE.findall(line)):
        return True
    return gaps >= 2 and not _HAN_PAIR.search(line) and bool(_PIECE_MARK.search(line))


def unspace_letter_spaced(text: str) -> str:
    """Lines justified by spacing out every character (`城 乡 统 筹 、权 责 清 晰`) with those spaces removed.

    A line counts as letter-spaced when it has LETTER_SPACED_MIN_GAPS spaces
    between two Chinese characters and one for at least every other character;
    a name list (`姚雪青 钱 艳 宋 岩`: four) or a phrase gap (`新质生产力 加快建设`)
    has fewer (issue 9, segmentation-real pdftotext pages).
    """
    if not _SPACED_HINT_TAIL.search(text) or not _SPACED_HINT.search(text):
        return text
    return "\n".join(_GAP_IN_SPACED_LINE.sub("", ln) if _letter_spaced(ln) else ln for ln in text.split("\n"))


def normalize_text(text: str) -> str:
    """Extracted text normalised, line by line: characters mapped, spacing fixed.

    Never adds or removes a newline, so line numbers stay those of the input.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return fix_spacing(unspace_letter_spaced(normalize_chars(text)))


def normalize_line(line: str) -> str:
    """One extracted line, normalised and trimmed."""
    return normalize_text(line).strip()


_PHRASE_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def display_width(text: str) -> float:
    """Width in typeset columns: CJK characters, full-width marks and the gap
    between two Chinese phrases 1, other ASCII 1/2."""
    if " " not in text:
        # (most lines: no spaces to count, no gaps between phrases; this runs for every line)
        return len(text) - len(text.encode("ascii", "ignore")) / 2
    # (str.count converts an ASCII needle for a Chinese string each call: asked only of the few lines with a space)
    spaces = text.count(" ")
    ascii_chars = len(text.encode("ascii", "ignore")) - spaces
    gaps = len(_PHRASE_GAP.findall(text))
    return len(text) - spaces - ascii_chars / 2 + gaps


#: the ranges is_cjk tests, as a character class
_CJK_CLASS = "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002fa1f\uf900-\ufaff"
#: a gap fix_spacing keeps beside a quote or a title mark (_OPENING, _CLOSING: not 【】, which keep none)
_QUOTE_GAP = re.compile(f"(?<=[{_CJK_CLASS}]) (?=[{_OPENING}])|(?<=[{_CLOSING}]) (?=[{_CJK_CLASS}])")


def drop_quote_gaps(text: str) -> str:
    """Text of a body with the spaces fix_spacing keeps beside quotes removed: a phrase gap in a headline only.

    A justified line spaces a quote out from its sentence as it spaces characters (real page
    rmrb-20180122-07, PyMuPDF blocks: `“中国制造 2025” 实施`; zghysyb-20241016-01, pdftotext: `政策和 《中国`).
    Applied to body paragraphs, subheads, captions and bylines; a headline and its kicker and subtitle
    keep the gap, as they keep a gap between two phrases.
    """
    return _QUOTE_GAP.sub("", text) if " " in text else text


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: Chinese rejoins with nothing, Latin words with a space."""
    out = ""
    for p in parts:
        if out and p and out[-1].isascii() and out[-1].isalpha() and p[0].isascii() and p[0].isalpha():
            out += " " + p
        else:
            out += p
    return out
