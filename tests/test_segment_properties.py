"""Segmentation never raises and never loses a character, whatever the text (issues 2, 4)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import given, settings, strategies as st

from newsbrief.records import Article, to_dict
from newsbrief.segment import segment_text
from newsbrief.segment.cohesion import coheres, cohesion
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


def test_regression_a_jump_marker_under_a_title_whose_body_moved_away_is_kept():
    # eight seed lines, shuffled (session-25 review's fuzzing): rethreading moved the only body under
    # `印发《全国党员教育培训工作规划…》` to the next article, and the title's record, a teaser, dropped the
    # `（下转第8版）` that had closed that body
    picked = ["求，是举措，更是承诺。", "飞期，招商引资更加精准高效。 （下转第8版）", "印发《全国党员教育培训工作规划（2024—2028年）》",
              "投资。健全“6+3”招商机制，主攻生物", "断统一深化，带动政协事业不断创新发", "究解决办法，要求有关部门要认真核实",
              "产等大宗产品零售行业监测分析，确保", "以习近平新时代中国特色社会主义思想为核心内容，在开展"]
    assert all(line in SEED_LINES for line in picked)
    records = assert_lossless("\n".join(picked))
    assert [r.markers for r in records if r.fragment_type == "teaser"] == [["（下转第8版）"]]



#: the seed page as one line: stretches of it are cut at random places (the generators draw where)
SEED_TEXT = "".join(SEED_LINES)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(SEED_TEXT)), st.integers(0, 600), st.integers(0, len(SEED_TEXT)), st.integers(0, 300),
       st.sampled_from([0.0, 0.01, 0.03, 0.05, 0.2, 0.5]))
def test_coheres_answers_as_the_whole_share_does_on_any_two_stretches(i, n, j, m, least):
    # coheres stops reading once enough shared bigrams are found, in whatever order it reads them
    # (after's pieces first since af00550): the answer must stay exactly cohesion's
    before, after = SEED_TEXT[i:i + n], SEED_TEXT[j:j + m]
    assert coheres(before, after, least) == (cohesion(before, after) >= least)
