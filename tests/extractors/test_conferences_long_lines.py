"""Conferences on very long lines: the sentence around a mention is found from an index of the text, and
reaches at most SENTENCE_REACH characters where no punctuation ends it (a whole file on one line)."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from extractors.conferences import SENT_END, SENTENCE_REACH, Sentences, extract_conferences
from extractors.context import DocContext

CTX = DocContext(year=2024)
FILLER = "các cơ quan đơn vị tiếp tục đẩy mạnh phong trào thi đua yêu nước trong toàn ngành "


def _scan_back(folded: str, pos: int, floor: int) -> int:
    """The sentence start as it was found before the index: scanning back over the text every time."""
    best = floor
    for m in SENT_END.finditer(folded, floor, pos):
        best = m.end()
    dash = folded.rfind("- ", best, pos)
    if dash != -1 and not folded[best:dash].strip(" +-*"):
        best = dash + 2
    return best


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" -+*.;:!?\n\tab", max_size=60), st.data())
def test_conferences_sentence_index_agrees_with_a_scan_back(text: str, data) -> None:
    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, pos))
    assert Sentences(text).start(pos, floor) == _scan_back(text, pos, floor)


def test_conferences_found_in_a_line_without_punctuation() -> None:
    meeting = "Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024 vào tháng 7/2024"
    line = FILLER * 200 + meeting + " " + FILLER * 200
    assert "\n" not in line and not re.search(r"[.;!?]", line)
    confs = extract_conferences(line, CTX)
    assert [(c.kind, c.time.value if c.time else None) for c in confs] == [("interim_review", "2024-07")]
    assert confs[0].evidence[0].text.startswith("Hội nghị sơ kết")


def test_conferences_sentence_reach_bounds_where_the_time_is_read() -> None:
    # without a stop, the meeting's time is read only within SENTENCE_REACH characters after it
    def time_of(gap: int) -> str | None:
        line = "Tổ chức Hội nghị sơ kết " + "x " * gap + "vào tháng 7/2024"
        (conf,) = extract_conferences(line, CTX)
        return conf.time.value if conf.time else None

    assert time_of(10) == "2024-07"
    assert time_of(SENTENCE_REACH // 2 + 10) is None
