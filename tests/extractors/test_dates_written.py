"""A date as a header or citation writes it, read by the date parser to the precision written."""
from __future__ import annotations

import pytest

from extractors.dates import read_written_date, written_time


@pytest.mark.parametrize("phrase, value, granularity", [
    ("ngày 05 tháng 3 năm 2024", "2024-03-05", "day"),
    ("05/3/2024", "2024-03-05", "day"),
    ("ngày 24.10.2022", "2022-10-24", "day"),
    ("ngày   tháng 5 năm 2024", "2024-05", "month"),
    ("ngày    tháng    năm 2023", "2023", "year"),
    ("Ngày 1 tháng 12 năm 2025", "2025-12-01", "day"),
])
def test_dates_written_reads_the_precision_written(phrase, value, granularity):
    tv = read_written_date(phrase)
    assert (tv.value, tv.granularity, tv.text) == (value, granularity, phrase)


def test_dates_written_numeric_date_wins_over_worded_and_text_is_kept():
    tv = read_written_date("ngày 12/12/2002 (tháng 1 năm 2003)", "12/12/2002")
    assert (tv.value, tv.text) == ("2002-12-12", "12/12/2002")


@pytest.mark.parametrize("phrase", ["Kế hoạch số 15/KH-UBND", "ngày 05 tháng 3", "năm học mới"])
def test_dates_written_without_a_year_is_none(phrase):
    assert read_written_date(phrase) is None


@pytest.mark.parametrize("d, m, y, value", [
    ("5", "3", "2024", "2024-03-05"), (None, "3", "2024", "2024-03"), ("40", "3", "2024", "2024-03"),
    (None, "13", "2024", "2024"), (None, None, "1850", None),
])
def test_dates_written_time_keeps_only_valid_slots(d, m, y, value):
    tv = written_time("x", d, m, y)
    assert (tv.value if tv else None) == value
