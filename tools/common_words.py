"""Rebuild config.COMMON_WORDS from jieba's dictionary and wordfreq's Chinese list.

    pip install jieba==0.42.1 wordfreq==3.1.1
    python tools/common_words.py [--jieba-top 300] [--wordfreq-top 1500] [--check]

Prints the list as config.py holds it (rows of 35 words); `--check` compares it with the
list in config.py instead and exits 1 on a difference. Neither library is a dependency of
newsbrief: the list is data taken from them once, and this script says how.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources


def common_words(jieba_top: int, wordfreq_top: int) -> list[str]:
    """The jieba_top commonest two-character words of jieba that wordfreq also ranks in its wordfreq_top."""
    from wordfreq import top_n_list

    from newsbrief.segment.cohesion import _TOPIC_BREAK

    rows = []
    with resources.files("jieba").joinpath("dict.txt").open(encoding="utf-8") as f:
        for line in f:
            word, freq = line.split()[:2]
            if len(word) == 2:
                rows.append((int(freq), word))
    # ties between equal frequencies go to the later word, as the list in config.py was cut
    jieba = [w for _, w in sorted(rows, reverse=True)[:jieba_top]]
    web = set(top_n_list("zh", wordfreq_top))
    # a word holding a grammatical character is never read: topic_bigrams drops its bigrams anyway
    return [w for w in jieba if w in web and not _TOPIC_BREAK.search(w)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jieba-top", type=int, default=300, help="commonest two-character jieba words to take")
    ap.add_argument("--wordfreq-top", type=int, default=1500, help="rank in wordfreq's list a word must reach")
    ap.add_argument("--check", action="store_true", help="compare with config.COMMON_WORDS; exit 1 if they differ")
    args = ap.parse_args()
    words = common_words(args.jieba_top, args.wordfreq_top)
    if args.check:
        from newsbrief.config import COMMON_WORDS

        missing, extra = sorted(set(words) - COMMON_WORDS), sorted(COMMON_WORDS - set(words))
        print(f"{len(words)} words; config.py has {len(COMMON_WORDS)}; missing from config: {missing}; "
              f"only in config: {extra}")
        sys.exit(1 if missing or extra else 0)
    for i in range(0, len(words), 35):
        print(" ".join(words[i:i + 35]))


if __name__ == "__main__":
    main()
