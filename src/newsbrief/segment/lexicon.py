"""Words of written Chinese (jieba's dictionary): whether a line break falls inside one, and what is a word.

A column wraps wherever its measure ends, so a wrapped line cuts a word about
as often as not: on generated development pages (plain pdftotext) 44% of the
breaks inside a body cut a dictionary word (`…的厚` / `爱，…`), against 5% of
a line's end joined to another article's line. A word across a join is
evidence that the two lines are one sentence, where nothing in the page's
layout is (issue 9). The dictionary also says whether a line opens on a word
(a particle standing alone opens none: _sentence_tail in units.py) and whether two
characters read as a name are a common word instead (byline.is_bare_names). The
words are jieba's dictionary (MIT licence), read on first use and never imported
as a segmenter.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import pathlib

from .. import config
from ..text.normalize import is_cjk


def _dictionary_path() -> pathlib.Path | None:
    """Where jieba's dictionary file is, or None when jieba is not installed (found without importing jieba)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    return pathlib.Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def problem() -> str | None:
    """What keeps the dictionary from being read, as a message a user can act on; None when nothing does.

    Asked before any page is read (options.check_read_options): the dictionary is read on the first
    line break between two Chinese characters, and a missing one would otherwise fail page after page
    as if each page were at fault (session-26 review).
    """
    path = _dictionary_path()
    if path is None:
        return "jieba is not installed, and segmenting page text needs its dictionary: pip install 'jieba>=0.42'"
    if not path.is_file():
        return f"jieba's dictionary {path} is missing: pip install --force-reinstall 'jieba>=0.42'"
    return None


@functools.cache
def _read() -> tuple[frozenset[str], frozenset[str]]:
    """The dictionary read once: its words (words) and its common two-character words (is_common_word)."""
    path = _dictionary_path()
    if path is None or not path.is_file():
        raise RuntimeError(problem())
    found, common = set(), set()
    with path.open(encoding="utf-8") as f:
        for row in f:  # `word frequency part-of-speech`
            word, freq, tag = row.split(" ", 2)
            n, count = len(word), int(freq)
            if 1 < n <= config.LEXICON_MAX_CHARS and count >= config.LEXICON_MIN_FREQ:
                found.add(word)
            # (not a proper noun's tag either: places and brands are given names too, 江山 ns, 江南 ns, 文华 nz)
            if n == 2 and count >= config.WORD_NOT_NAME_MIN_FREQ and not tag.startswith(("nr", "ns", "nz")):
                common.add(word)
    return frozenset(found), frozenset(common)


def words() -> frozenset[str]:
    """The dictionary's words of 2 to LEXICON_MAX_CHARS characters seen at least LEXICON_MIN_FREQ times."""
    return _read()[0]


def is_common_word(word: str) -> bool:
    """Whether two characters are a common word of the dictionary, not a person's name (成绩, 管理, 温度).

    A two-character name opens on a surname, and so do many words (成 管 温). Names are rarely in
    the dictionary as such; those that are carry a person's tag (高峰 nr), and places and brands,
    which people are named after too, a proper noun's (江山 ns, 文华 nz). Common: seen at least
    WORD_NOT_NAME_MIN_FREQ times.
    """
    return len(word) == 2 and word in _read()[1]


def opens_on_word(text: str) -> bool:
    """Whether text opens on a word of the dictionary of two or more characters (就业…, 了解…; not 就到…)."""
    known = words()
    return any(text[:k] in known for k in range(2, config.LEXICON_MAX_CHARS + 1))


def source() -> str:
    """The dictionary the words come from, with its version: it shapes records as the code does."""
    try:
        return f"jieba {importlib.metadata.version('jieba')}"
    except importlib.metadata.PackageNotFoundError:
        return "jieba (not installed)"


@functools.lru_cache(maxsize=65536)
def cuts_word(upper: str, lower: str) -> bool:
    """Whether a dictionary word runs from upper's last characters on into lower's first: the break cuts it.

    Kept for pairs asked again: pieces.put_back_pieces asks each cut about every run that may finish it,
    again after each move.
    """
    upper, lower = upper.replace(" ", ""), lower.replace(" ", "")
    if not (upper and lower and is_cjk(upper[-1]) and is_cjk(lower[0])):
        return False
    known = words()
    longest = config.LEXICON_MAX_CHARS
    for i in range(1, longest):
        for j in range(1, longest - i + 1):
            if upper[-i:] + lower[:j] in known:
                return True
    return False
