"""factcheck.segment: sentences, clauses, paragraphs and headings of normalized text."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import Sentence
from factcheck.segment import segment


def texts(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def _check_offsets(text: str, sentences: list[Sentence]) -> None:
    last_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text
        assert s.start >= last_end
        last_end = s.end
        clause_end = s.start
        for c in s.clauses:
            assert s.start <= c.start < c.end <= s.end and c.start >= clause_end
            assert text[c.start:c.end] == c.text
            clause_end = c.end
    paragraphs = [s.paragraph for s in sentences]
    assert paragraphs == sorted(paragraphs)


def test_chinese_sentence_ends_and_closing_quotes() -> None:
    text = "“在家门口就能享受北京的优质医疗服务,太好了!”看到妻子康复,他轻松了不少。她说:“好。”真的吗?是的!"
    assert texts(text) == ["“在家门口就能享受北京的优质医疗服务,太好了!”", "看到妻子康复,他轻松了不少。",
                           "她说:“好。”", "真的吗?", "是的!"]


def test_semicolons_make_clauses_not_sentences() -> None:
    text = ("2023年数据显示,北京市细颗粒物(PM2.5)年均浓度32微克/立方米;河北PM2.5平均浓度降至38.6微克/立方米、"
            "比2014年下降57.6%;天津PM2.5平均浓度比2013年下降57%。")
    sentences = segment(text)
    assert len(sentences) == 1
    clauses = [c.text for c in sentences[0].clauses]
    assert clauses == ["2023年数据显示", "北京市细颗粒物(PM2.5)年均浓度32微克/立方米",
                       "河北PM2.5平均浓度降至38.6微克/立方米", "比2014年下降57.6%",
                       "天津PM2.5平均浓度比2013年下降57%。"]
    _check_offsets(text, sentences)


def test_numbers_and_clock_times_do_not_split_clauses() -> None:
    (s,) = segment("约1,100万户,2024年02月23日07:30发布")
    assert [c.text for c in s.clauses] == ["约1,100万户", "2024年02月23日07:30发布"]
    (s,) = segment("分别为1,2,3个")
    assert [c.text for c in s.clauses] == ["分别为1", "2", "3个"]


def test_english_sentences_keep_decimals_abbreviations_and_pm25() -> None:
    text = ("PM2.5 fell 48.6 percent to 38.6 micrograms, the U.S. embassy said. Dr. Li agreed, e.g. in Jan. 2023. "
            "\"It is real.\" No. 5 was next! Was it? Yes.")
    assert texts(text) == [
        "PM2.5 fell 48.6 percent to 38.6 micrograms, the U.S. embassy said.",
        "Dr. Li agreed, e.g. in Jan. 2023.",
        "\"It is real.\"",
        "No. 5 was next!",
        "Was it?",
        "Yes.",
    ]


def test_lower_case_after_a_full_stop_continues_the_sentence() -> None:
    assert texts("The rate was 5 p.m. today. and more") == ["The rate was 5 p.m. today. and more"]


def test_hard_wrapped_english_lines_are_joined_but_chinese_lines_are_not() -> None:
    text = "The city's PM2.5 fell 48.6 percent from 35 micrograms in\n2014 to 18 in 2023, officials said.\nNext one."
    sentences = segment(text)
    assert [s.text for s in sentences] == [
        "The city's PM2.5 fell 48.6 percent from 35 micrograms in\n2014 to 18 in 2023, officials said.", "Next one."]
    assert sentences[0].paragraph == 0 and sentences[1].paragraph == 1
    zh = segment("人民网联合报道组\n2024年02月23日07:30 | 来源:人民网-河北频道")
    assert len(zh) == 2 and zh[0].paragraph != zh[1].paragraph


def test_paragraphs_count_line_blocks() -> None:
    text = "第一段。第一段第二句。\n\n第二段。\n第三段。"
    sentences = segment(text)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 2]
    _check_offsets(text, sentences)


@pytest.mark.parametrize(("text", "heading"), [
    ("瓣瓣不同 瓣瓣同心 京津冀协同发展张家口这十年\n\n正文第一句。", True),
    ("牵住“牛鼻子” 京津冀协同发展迈向更高水平\n正文。", True),
    ("# 2023年空气质量公报\n正文。", True),
    ("Beijing's PM2.5 density slashed over past decade\n\nBody text here.", True),
    ("2024年02月23日07:30 | 来源:人民网-河北频道\n正文。", False),  # a dateline, not a title
    ("2024-12-12 08:55:07  来源:张家口新闻网\n正文。", False),
    ("1. 第一项\n正文。", False),  # a list item
    ("2024年是京津冀协同发展上升为国家战略十周年。\n正文。", False),  # a sentence
    ("这是一个很长很长的句子没有标点但是长度超过了标题的上限所以不能算作标题来处理的这一行文字内容\n正文。", False),
    ("(Reporting by Staff Reporter; Editing by Desk Editor)\nBody.", False),
])
def test_headings(text: str, heading: bool) -> None:
    sentences = segment(text)
    assert sentences[0].heading is heading
    assert not sentences[-1].heading


def test_heading_must_stand_alone_in_its_paragraph() -> None:
    sentences = segment("短标题\n另一行也很短")
    assert [s.heading for s in sentences] == [True, True]
    sentences = segment("短句。短句二。")
    assert [s.heading for s in sentences] == [False, False]


def test_empty_and_blank_text() -> None:
    assert segment("") == []
    assert segment("\n\n   \n") == []


_ALPHABET = st.sampled_from([*"京津冀一二三。!?;,、:“”. \n\n0123456789AbcPM%万亿", "PM2.5", "U.S. ", "e.g. "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_offsets_hold_for_any_text(text: str) -> None:
    _check_offsets(text, segment(text))


def test_linear_time_on_pathological_input() -> None:
    for text in ("。" * 100_000, "a. " * 30_000, "1,1" * 30_000, "x" * 100_000, "\n" * 100_000):
        started = time.perf_counter()
        segment(text)
        assert time.perf_counter() - started < 2.0, text[:10]
