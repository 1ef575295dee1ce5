"""Segmentation never raises and never loses a character, whatever the text (issues 2, 4)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import given, settings, strategies as st

from newsbrief.records import Article, to_dict
from newsbrief.segment import segment_text
from newsbrief.text.normalize import normalize_chars

from .conftest import SEED, validate

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")


def _chars(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def record_chars(records: list[Article]) -> Counter:
    """Every printed character a list of records holds (derived fields left out)."""
    c: Counter = Counter()
    for r in records:
        for part in (r.kicker, r.headline, r.subtitle, r.byline, *r.paragraphs, *r.markers):
            c.update(_chars(part or ""))
    return c


def input_chars(text: str) -> Counter:
    return _chars(normalize_chars(unicodedata.normalize("NFC", text)))


def assert_lossless(text: str) -> list[Article]:
    records = segment_text(text, "page.txt")
    assert record_chars(records) == sum((input_chars(line) for line in text.split("\n")), Counter())
    return records


def test_seed_page_loses_nothing():
    assert_lossless(SEED.read_text(encoding="utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises_never_loses(text):
    assert_lossless(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SEED_LINES), max_size=60))
def test_shuffled_seed_lines_never_raise_never_lose(lines):
    for r in assert_lossless("\n".join(lines)):
        validate(to_dict(r))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(SEED_LINES), st.text(alphabet="（）下转第上接版8一■□记者本报讯电 \u3000——。，“”0123456789", max_size=20)),
                max_size=40))
def test_marker_and_byline_soup_never_raises_never_loses(lines):
    assert_lossless("\n".join(lines))
