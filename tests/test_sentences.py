"""Sentence splitting and chunking: tables for the rules, properties for 'nothing lost, nothing too long'."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from newsbrief.text.quality import is_loop, repeat_ratio
from newsbrief.text.sentences import chunk_text, split_sentences


@pytest.mark.parametrize("text, sentences", [
    ("确保全区社零总额增长7.5%以上。推动发展。", ["确保全区社零总额增长7.5%以上。", "推动发展。"]),
    ("确保139.5亿元年度投资尽快到位。", ["确保139.5亿元年度投资尽快到位。"]),
    ("印发了《规划！（2024—2028年）》，并发出通知。", ["印发了《规划！（2024—2028年）》，并发出通知。"]),
    ("“这是两万元。”他说。", ["“这是两万元。”他说。"]),
    ("他说：“我们到了。你们呢？”大家笑了。", ["他说：“我们到了。你们呢？”大家笑了。"]),
    ("真的吗？！是的……好。", ["真的吗？！", "是的……", "好。"]),
    ("没有句号的结尾", ["没有句号的结尾"]),
    ("", []),
])
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    text = "“开头没有结尾。" + "这是一句话。" * 80
    assert len(split_sentences(text)) > 10


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="中文新闻。！？；，、“”《》（）0123456789.% ab", max_size=400), st.integers(3, 40))
def test_chunks_cover_the_text_exactly_and_fit(text, limit):
    chunks = chunk_text(text, len, limit)
    assert "".join(chunks) == text
    assert all(len(c) <= limit for c in chunks)


def test_over_long_sentence_is_cut_at_commas_first():
    sentence = "，".join(["第一部分内容"] * 6) + "。"
    chunks = chunk_text(sentence, len, 15)
    assert all(c.endswith(("，", "。")) for c in chunks)


@pytest.mark.parametrize("text, loop", [
    ("会议听取了关于招商引资工作情况汇报，强调招商引资是经济发展的源头活水。", False),
    ("党党党党党党党党党党党党党党党党党党党", True),
    ("新兴产业新兴产业新兴产业新兴产业新兴产业新兴产业", True),
    ("The mayor said the city will improve the business environment and attract investment.", False),
    ("the city the city the city the city the city the city the city the city", True),
    ("短", False),
])
def test_repetition_loops(text, loop):
    assert is_loop(text) is loop
    assert 0.0 <= repeat_ratio(text) <= 1.0
