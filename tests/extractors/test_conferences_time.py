"""A meeting's time and duration are read by the one date parser (extractors.dates): the first point in the
phrase (a day, a month, a quarter; a span gives its start), a year carried over a soft line break, a quarter in
prose only after "vào / trong / dự kiến", and durations in days, sessions or hours."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.conferences.frames import duration, meeting_time
from extractors.conferences.lexicon import key
from extractors.context import DocContext

CTX = DocContext(year=2025)


def _time(phrase: str, prose: bool = False) -> tuple[str, str, str | None] | None:
    tv = meeting_time(phrase, key(phrase), CTX.year, CTX, quarter_needs_preposition=prose)
    return (tv.value, tv.granularity, tv.modifier) if tv else None


@pytest.mark.parametrize("phrase, expected", [
    ("02 ngày, dự kiến trong tháng 7/2025", ("2025-07", "month", None)),  # "dự kiến" hedges: no APPROX
    ("dự kiến vào cuối tháng 11 năm 2025", ("2025-11", "month", "END")),
    ("Vào hồi 8 giờ 30 phút, ngày 14 tháng 10 năm 2025", ("2025-10-14", "day", None)),
    ("buổi sáng ngày 12/9", ("2025-09-12", "day", None)),  # the plan's year
    ("01 buổi vào Quý III năm 2025", ("2025-Q3", "quarter", None)),
    ("từ ngày 10/5 đến ngày 12/5/2025", ("2025-05-10", "day", None)),  # a span: its start
    ("6 tháng đầu năm 2025", None),  # a half-year is no meeting date
    ("trong năm 2025", None),
])
def test_conferences_time_is_the_first_point_the_date_parser_reads(phrase, expected) -> None:
    assert _time(phrase) == expected


def test_conferences_time_in_prose_takes_a_quarter_only_after_a_preposition() -> None:
    assert _time(" quý I năm 2025 của ngành", prose=True) is None  # "Hội nghị sơ kết quý I": the review's name
    assert _time(" dự kiến tổ chức trong quý II/2025", prose=True) == ("2025-Q2", "quarter", None)


def test_conferences_time_reads_a_year_across_a_soft_line_break() -> None:
    phrase = " vào ngày 30 tháng 9 năm\n2011"
    folded = key(phrase).replace("\n", " ")  # the view's flowed text: the break reads as a space
    tv = meeting_time(phrase, folded, 2024, DocContext(year=2024), quarter_needs_preposition=True)
    assert (tv.value, tv.text) == ("2011-09-30", "ngày 30 tháng 9 năm\n2011")


@pytest.mark.parametrize("phrase, expected", [
    ("02 ngày, dự kiến trong tháng 7/2025", "P2D"),
    ("hai ngày (thứ Năm và thứ Sáu)", "P2D"),
    ("01 buổi, ngày 28 tháng 3 năm 2025", "PT4H"),
    ("03 giờ, bắt đầu từ 14 giờ 00", "PT3H"),
    ("nửa ngày", "PT4H"),
    ("buổi chiều ngày 12/9/2025", "PT4H"),  # a named session
    ("8 giờ 30 phút, ngày 14/10/2025", None),  # a clock time is no duration
    ("trong tháng 7/2025", None),
])
def test_conferences_duration_in_days_sessions_or_hours(phrase, expected) -> None:
    assert duration(phrase, key(phrase)) == expected


def test_conferences_time_label_value_goes_through_the_date_parser() -> None:
    # a labelled span of days is the meeting's interval, as the gold writes a meeting held over days
    text = ("KẾ HOẠCH\nTổ chức Hội nghị sơ kết công tác thi đua năm 2025\n"
            "1. Thời gian: 01 buổi, từ ngày 10/7/2025 đến ngày 11/7/2025\n2. Địa điểm: Hội trường tỉnh\n")
    (conf,) = extract_conferences(text, CTX)
    assert (conf.kind, conf.time.value, conf.duration, conf.location) == (
        "interim_review", "2025-07-10/2025-07-11", "PT4H", "Hội trường tỉnh")
