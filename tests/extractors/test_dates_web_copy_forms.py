"""Dates: failure classes found on an independent set (dev3), with phrases of other documents too."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.dates import extract_dates
from extractors.lexicon import read_yaml


def _values(text: str, year: int, month: int | None = None) -> dict[str, str]:
    return {d.value: d.role for d in extract_dates(text, DocContext(year=year, month=month))}


@pytest.mark.parametrize("text,year,month,want", [
    # school-year plan: September-December in the first year, January-August in the second
    ("KẾ HOẠCH tổ chức Hội khỏe Phù Đổng năm học 2023 - 2024. Thi đấu vào ngày 15/1.", 2023, 10, "2024-01-15"),
    ("Kế hoạch năm học 2019 - 2020: nộp bài dự thi trước ngày 20/ 11.", 2019, 9, "2019-11-20"),
    ("Kế hoạch hoạt động năm học 2015-2016; sơ kết học kỳ I vào ngày 12/1.", 2015, 8, "2016-01-12"),
])
def test_dates_school_year_fill(text: str, year: int, month: int, want: str) -> None:
    assert want in _values(text, year, month)


@pytest.mark.parametrize("text,year,month,want", [
    # a past school year being reviewed does not move the plan's dates
    ("Tuyên dương học sinh giỏi năm học 2010 - 2011. Nộp danh sách trước ngày 15/9.", 2011, 9, "2011-09-15"),
    # a commemorated day keeps the plan's year
    ("Kế hoạch năm học 2010 - 2011: thi đua chào mừng ngày 19/8.", 2010, 9, "2010-08-19"),
])
def test_dates_school_year_not_moved(text: str, year: int, month: int, want: str) -> None:
    assert want in _values(text, year, month)


@pytest.mark.parametrize("text,want", [
    ("Các lớp nộp bài về trường vào ngày 12, 13/ 9", {"2024-09-12", "2024-09-13"}),
    ("Tổ chức giải vào các ngày 10 và 11/5/2024.", {"2024-05-10", "2024-05-11"}),
    ("Hội thi diễn ra ngày 20 - 21/4", {"2024-04-20/2024-04-21"}),
    # the day word repeated before a written date: each bare day takes its month and year
    ("Từ ngày 05 đến ngày 07 tháng 6 năm 2024, Đoàn công tác làm việc tại tỉnh Sơn La.", {"2024-06-05/2024-06-07"}),
    ("Giải chạy tổ chức trong các ngày 14 và ngày 15 tháng 9 năm 2024.", {"2024-09-14", "2024-09-15"}),
    # the written form without "ngày" before the last day: each listed day takes its month and year
    ("Trong các ngày 21 và 22 tháng 10 năm 2024, Đoàn công tác của Bộ làm việc tại tỉnh Cà Mau.",
     {"2024-10-21", "2024-10-22"}),
    ("Tập huấn vào các ngày 3, 4 và 5 tháng 7 năm 2024 tại Hội trường Sở.", {"2024-07-03", "2024-07-04", "2024-07-05"}),
])
def test_dates_day_lists(text: str, want: set[str]) -> None:
    assert want <= set(_values(text, 2024))


def test_dates_day_list_shares_role() -> None:
    got = _values("Học sinh nộp sản phẩm về trường vào ngày 12, 13/9", 2024)
    assert got["2024-09-12"] == got["2024-09-13"] == "deadline"


@pytest.mark.parametrize("text,want", [
    ("Ban giám khảo tiến hành chấm vào ngày 14/ 9", "2024-09-14"),
    ("Hội thi được tổ chức vào ngày 5/ 12", "2024-12-05"),
])
def test_dates_spaced_day_month_event(text: str, want: str) -> None:
    assert _values(text, 2024).get(want) == "event"


@pytest.mark.parametrize("text", [
    "lập thành tích chào mừng Cách mạng tháng 8 thành công",
    "kỷ niệm 107 năm Cách mạng Tháng 10 Nga",
])
def test_dates_revolution_month_not_a_date(text: str) -> None:
    assert not [v for v in _values(text, 2024) if v.startswith("2024-")]


def test_dates_school_year_span_not_event() -> None:
    got = _values("ban hành Khung kế hoạch thời gian năm học 2017 - 2018", 2017)
    assert got.get("2017/2018") != "event"


def test_dates_data_new_lists() -> None:
    w = read_yaml("time_words.yaml")
    for key in ("month_name_blockers", "commemoration_cues"):
        assert w[key] and all(x == x.lower().strip() for x in w[key])
