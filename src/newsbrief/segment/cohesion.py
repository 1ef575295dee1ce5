"""Lexical cohesion: whether two stretches of page text share the vocabulary of one article.

Two stretches of one article repeat its names and terms (港鐵, 沉降, 石屎躉);
two articles side by side share little beyond function words. Counting the
Chinese character bigrams two stretches share tells a subhead (high cohesion
across it) from a headline between two articles (low), and tells which body
a headline belongs to (its words recur in its own body). Issue 9: these
decisions made from widths and punctuation alone merged neighbouring articles
and gave titles to the wrong body on pages never seen in development.

Cohesion counts only bigrams that can tell what a stretch is about
(topic_bigrams): two unrelated reports still share the grammar of written
Chinese (的是, 一个) and the commonest words of news (发展, 工作, 全国, 记者),
enough to read the headline between them as a subhead (gen pages g303/p05,
g303/p08, text-5011/p08, f9001/p02: 7-11% of bigrams shared, all of that kind).
"""

from __future__ import annotations

import functools
import math
import re

from .. import config


#: what breaks a chain of topic words: any character that is not Han, and the grammatical
#: characters among the commonest of written Chinese (particles 的 了 着 之, the copula 是,
#: prepositions and conjunctions 在 和 与 而 以 将 把 被 于 并 及 为 对 从, pronouns 这 那 其,
#: adverbs 也 就 都, the numeral 一, 不, 有, 个, 等): any two stretches of prose share the
#: bigrams they form (的是, 是一, 了一, 一个, 这些), whatever their subjects. The traditional forms
#: of those that have one (這 與 將 於 並 為 對 從 個) are the same words in Hong Kong and Taiwan
#: reports (這個, 為了, 對於): simplified forms only had left them topic words there (generated
#: development sets, plain pdftotext: +2 articles, none lost; the gate +0).
GRAMMATICAL = "的了是在和也就这那都着与而之以将把被于并及其为对从等个一不有這與將於並為對從個"
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
#: a run of characters that are not Han
_HAN = re.compile("[^%s]+" % "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _HAN_RANGES))


def _topic_chars() -> str:
    """The Han ranges with the grammatical characters cut out, written as the inside of a character class."""
    parts = []
    for lo, hi in _HAN_RANGES:
        for c in sorted(ord(ch) for ch in GRAMMATICAL if lo <= ord(ch) <= hi):
            if lo < c:
                parts.append(f"{chr(lo)}-{chr(c - 1)}")
            lo = c + 1
        if lo <= hi:
            parts.append(f"{chr(lo)}-{chr(hi)}")
    return "".join(parts)


# (one class, not a branch for what is not Han and one for the grammatical characters: a pattern of
# one class is searched for it, one of two branches tries both at every position)
_TOPIC_BREAK = re.compile(f"[^{_topic_chars()}]+")


def bigrams(text: str) -> set[str]:
    """The set of Chinese character bigrams of text (other characters break the chain)."""
    return {run[i:i + 2] for run in _HAN.split(text) for i in range(len(run) - 1)}


def _chained(text: str) -> set[str]:
    """The bigrams of text that hold no _TOPIC_BREAK character."""
    return {run[i:i + 2] for run in _TOPIC_BREAK.split(text) for i in range(len(run) - 1)}


def topic_bigrams(text: str) -> set[str]:
    """The bigrams of text that can tell what it is about: none with a grammatical character, none a common word."""
    return _chained(text) - config.COMMON_WORDS


def word_across(upper: str, lower: str, body: str) -> bool:
    """Whether a title's break from line upper to line lower falls inside a word its body prints: one headline wrapped.

    A headline wraps at its own measure, larger type than the body's, so the body's column cannot tell
    a wrapped line from a whole one (gen page x9783/p05, PyMuPDF blocks: `2004中国十大科技骗` / `局 老中医…`,
    9 columns in a 10-column measure, had been cut into a title and a teaser); but the headline's words
    recur in its body, and one broken at the line's end is whole there (骗局, 指导, 级差). The two
    characters either side of the break must make a topic bigram (topic_bigrams): a grammatical
    character or a common word across a cut says nothing.
    """
    pair = upper[-1:] + lower[:1]
    return len(pair) == 2 and pair in body and bool(topic_bigrams(pair))


def share_found(grams: set[str] | frozenset[str], text: str, least: float = 0.0) -> float:
    """Share of the bigrams that occur in text (0 when there are none); 0 as soon as it cannot reach least.

    A substring search each: no set of the long text is built. The misses allowed are counted
    in whole bigrams (a share in floating point let 1.9999 misses of 10 stand for 2: review).
    """
    if not grams:
        return 0.0
    n = len(grams)
    # (each bigram's first character looked for before the bigram: CPython finds one character several
    # times as fast as two, and over half the bigrams a text lacks lack their first character there too)
    if least <= 0.0:
        return len([g for g in grams if g[0] in text and g in text]) / n
    spare = n - math.ceil(least * n - 1e-9)  # a far text misses most bigrams early: stop there
    missed = 0
    for g in grams:
        if g[0] not in text or g not in text:
            missed += 1
            if missed > spare:
                return 0.0
    return (n - missed) / n


def _count_found(grams: set[str], text: str) -> int:
    """How many of grams (two characters each) occur in text.

    Each pair of neighbouring characters is read as one integer: text in UTF-32, so two
    characters are 8 bytes, cast as unsigned integers from even and from odd positions. The
    pairs of a long text are then looked up in C, with no string made for each (a set of its
    bigrams as strings costs a slice and a hash a pair, a substring search a pass per gram).
    """
    wanted = set(_as_codes("".join(grams)).cast("Q"))  # each gram one integer: it is two characters
    raw = _as_codes(text)
    n = len(raw)
    found = wanted.intersection(raw[:n // 8 * 8].cast("Q"))  # pairs from even positions
    found.update(wanted.intersection(raw[4:4 + max(n - 4, 0) // 8 * 8].cast("Q")))  # from odd ones
    return len(found)


def _as_codes(text: str) -> memoryview:
    """text in UTF-32: one 4-byte unit per character (a surrogate kept as its own unit)."""
    return memoryview(text.encode("utf-32-le", "surrogatepass"))


def cohesion(a: str, b: str, a_grams: set[str] | None = None) -> float:
    """Share of the shorter stretch's topic bigrams that occur in the longer one (0 when either has none).

    a_grams: topic_bigrams(a), where the caller asks about one stretch against many.
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    grams = a_grams if short is a and a_grams is not None else topic_bigrams(short)
    if not grams or not long:
        return 0.0
    # two stretches of hundreds of characters: the long one's character pairs looked up among the short
    # one's topic bigrams, which choose what is counted
    return _count_found(grams, long) / len(grams)


def coheres(before: str, after: str, least: float) -> bool:
    """Whether cohesion(before, after) is at least least, read outward from the break between the two stretches.

    A topic bigram found in both stretches is one whichever side it is read from, and the shorter
    stretch has fewer distinct bigrams than characters: as many shared as least of its length already
    make the share. So pieces are read outward from the break (shares) until that many are found;
    only where they are not (two articles' text) is the whole share counted. One article's text either
    side of a gap shares its words near the gap (assembly._body_apart asks this at every gap after a
    finished sentence: counting whole shares there cost the seed page a third of its speed,
    bench/bench_segment.py).
    """
    enough = math.ceil(least * max(min(len(before), len(after)) - 1, 1) - 1e-9)
    return shares(before, after, enough) or cohesion(before, after) >= least


def shares(before: str, after: str, count: int) -> bool:
    """Whether before and after share at least count topic bigrams, each read in pieces outward from the break between them.

    after's pieces first, searched for in before: before is the longer stretch where _body_apart asks
    (400 characters against 200), so the words of one article turn up there soonest (the seed page's
    gaps: a third less time than pieces taken alternately from each side).
    """
    found: set[str] = set()
    step = _COHERES_STEP_CHARS
    # (each piece takes one character past its edge too: no bigram across the cut is lost)
    for at in range(0, len(after), step):
        if _finds(after[max(at - 1, 0):at + step], before, found, count):
            return True
    for at in range(len(before), 0, -step):
        if _finds(before[max(at - step, 0):at + 1], after, found, count):
            return True
    return False


def _finds(piece: str, other: str, found: set[str], count: int) -> bool:
    """Whether the topic bigrams of piece that other holds, added to found, make count."""
    for run in _TOPIC_BREAK.split(piece):
        for i in range(len(run) - 1):
            g = run[i:i + 2]
            # (other searched first: most bigrams are not in it, and most of those lack their first character
            # there too, which CPython finds several times as fast as two (share_found); no set of the piece's
            # bigrams is made, which cost more than the searches its few repeats save)
            if g[0] in other and g in other and g not in config.COMMON_WORDS and g not in found:
                found.add(g)
                if len(found) >= count:
                    return True
    return False


#: characters read at a time from each side of the break by shares before it asks whether enough are found
_COHERES_STEP_CHARS = 16


def coverage(title: str, body: str) -> float:
    """Share of a title's bigrams that occur in a body: how much the body talks about what the title names.

    Every bigram counts here, common words too: a title is a few words, and counting only its
    topic bigrams lost dev-v2 and real articles to titles given to the wrong body.
    """
    return share_found(title_bigrams(title), body)


@functools.lru_cache(maxsize=256)
def title_bigrams(title: str) -> frozenset[str]:
    """bigrams(title), kept: a title is asked about several bodies (each neighbour, a teaser's, a far one's)."""
    return frozenset(bigrams(title))


def forget_titles() -> None:
    """Drop the titles' bigrams kept so far: called once a page, so that a page gains only from its own titles.

    (Kept across pages, they would serve only a page printed again, as a benchmark repeats one.)
    Safe were pages ever segmented in threads of one process (none are: each engine segments a
    page in one thread, Ray's workers in processes of their own): the cache holds a pure function
    of the title and lru_cache is thread-safe, so a clear from another page's thread costs a few
    bigrams computed again, never a different answer.
    """
    title_bigrams.cache_clear()
