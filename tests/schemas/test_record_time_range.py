"""Every TimeValue carries the first and last day it covers (start/end), derived from its value in one place."""
from __future__ import annotations

import pytest

from schemas import DateMention, Record, TimeValue
from schemas.record import time_range


@pytest.mark.parametrize("text,value,granularity,start,end", [
    ("ngày 30/5/2024", "2024-05-30", "day", "2024-05-30", "2024-05-30"),
    ("tháng 02/2024", "2024-02", "month", "2024-02-01", "2024-02-29"),  # a leap year
    ("tháng 02/2023", "2023-02", "month", "2023-02-01", "2023-02-28"),
    ("quý III năm 2024", "2024-Q3", "quarter", "2024-07-01", "2024-09-30"),
    ("quý IV/2023", "2023-Q4", "quarter", "2023-10-01", "2023-12-31"),
    ("6 tháng đầu năm 2024", "2024-H1", "half", "2024-01-01", "2024-06-30"),
    ("6 tháng cuối năm 2025", "2025-H2", "half", "2025-07-01", "2025-12-31"),
    ("năm 2024", "2024", "year", "2024-01-01", "2024-12-31"),
    ("giai đoạn 2021-2025", "2021/2025", "interval", "2021-01-01", "2025-12-31"),
    ("từ ngày 01/01 đến 15/6/2020", "2020-01-01/2020-06-15", "interval", "2020-01-01", "2020-06-15"),
    ("từ quý IV/2024 đến 6 tháng đầu năm 2025", "2024-Q4/2025-H1", "interval", "2024-10-01", "2025-06-30"),
    ("từ tháng 11/2024 đến tháng 2/2025", "2024-11/2025-02", "interval", "2024-11-01", "2025-02-28"),
])
def test_record_time_value_covers_its_days(text, value, granularity, start, end):
    tv = TimeValue(text=text, value=value, granularity=granularity)
    assert (tv.start, tv.end) == (start, end)


@pytest.mark.parametrize("value", ["P2D", "PT4H", "P5Y"])
def test_record_duration_has_no_days(value):
    tv = TimeValue(text="2 ngày", value=value, granularity="duration")
    assert (tv.start, tv.end) == (None, None) == time_range(value, "duration")


def test_record_time_range_is_derived_not_read_from_input():
    stale = {"text": "quý I/2025", "value": "2025-Q1", "granularity": "quarter", "start": "1999-01-01",
             "end": "1999-12-31", "role": "deadline", "evidence": []}
    assert (DateMention.model_validate(stale).start, DateMention.model_validate(stale).end) == \
        ("2025-01-01", "2025-03-31")


def test_record_time_range_is_in_the_json_schema():
    schema = Record.model_json_schema()["$defs"]["TimeValue"]["properties"]
    assert {"start", "end"} <= set(schema)
