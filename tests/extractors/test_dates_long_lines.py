"""Dates on long lines: the digit-before check reads back from the mention, not from the start of the text."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from extractors.dates import extract_dates
from extractors.dates.atoms import _DIGIT_BEFORE, _digit_before


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="12 \t\nab", max_size=40), st.data())
def test_dates_digit_before_agrees_with_a_search_from_the_start(text: str, data) -> None:
    pos = data.draw(st.integers(0, len(text)))
    assert _digit_before(text, pos) == bool(_DIGIT_BEFORE.search(text, 0, pos))


def test_dates_month_after_a_long_line_still_checks_the_digit_before() -> None:
    filler = "các đơn vị tiếp tục đẩy mạnh phong trào thi đua " * 2000
    assert [d.value for d in extract_dates(filler + "hoàn thành trong tháng 7/2024")] == ["2024-07"]
    assert "2024-07" not in [d.value for d in extract_dates(filler + "mục 12 tháng 7/2024")]
