"""dates: one expression -> TIMEX3 value and granularity; year inference; what is not a date."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.dates import extract_dates, find_times, parse_time

CTX_2024 = DocContext(year=2024)


@pytest.mark.parametrize("phrase, value, granularity", [
    # full days, every separator and the spelled-out form
    ("ngày 13/7/2023", "2023-07-13", "day"),
    ("ngày 09/01/2024", "2024-01-09", "day"),
    ("15-6-2020", "2020-06-15", "day"),
    ("ngày 02.9.2025", "2025-09-02", "day"),
    ("ngày 07 tháng 4 năm 2014", "2014-04-07", "day"),
    ("ngày 24 tháng 10 năm 2022", "2022-10-24", "day"),
    ("Hà Giang, ngày 05 tháng 3 năm 2025", "2025-03-05", "day"),
    ("ngày 29/02/2024", "2024-02-29", "day"),
    # header dates with blanks keep only what is written
    ("ngày   tháng 5 năm 2024", "2024-05", "month"),
    ("ngày tháng năm 2024", "2024", "year"),
    ("ngày.....tháng.....năm 2025", "2025", "year"),
    ("ngày tháng 01 năm 2024", "2024-01", "month"),
    ("ngày     tháng 11 năm 2023", "2023-11", "month"),
    # months
    ("tháng 7/2024", "2024-07", "month"),
    ("tháng 02 năm 2023", "2023-02", "month"),
    ("trong tháng 12-2025", "2025-12", "month"),
    ("Tháng 9 năm 2026", "2026-09", "month"),
    # quarters, halves
    ("Quý I năm 2025", "2025-Q1", "quarter"),
    ("quý II/2024", "2024-Q2", "quarter"),
    ("quý 3 năm 2023", "2023-Q3", "quarter"),
    ("QUÝ IV NĂM 2022", "2022-Q4", "quarter"),
    ("6 tháng đầu năm 2024", "2024-H1", "half"),
    ("06 tháng cuối năm 2020", "2020-H2", "half"),
    ("sáu tháng đầu năm 2021", "2021-H1", "half"),
    ("nửa cuối năm 2025", "2025-H2", "half"),
    ("3 tháng đầu năm 2024", "2024-Q1", "quarter"),
    ("9 tháng đầu năm 2023", "2023-01/2023-09", "interval"),
    # years and spans
    ("năm 2024", "2024", "year"),
    ("cuối năm 2019", "2019", "year"),
    ("giai đoạn 2021-2025", "2021/2025", "interval"),
    ("giai đoạn 2021 - 2025", "2021/2025", "interval"),
    ("Giai đoạn 2026-2030", "2026/2030", "interval"),
    ("nhiệm kỳ 2020 - 2025", "2020/2025", "interval"),
    ("(2016-2020)", "2016/2020", "interval"),
    ("năm học 2023 - 2024", "2023/2024", "interval"),
    ("năm học 2024-2025", "2024/2025", "interval"),
    ("từ năm 2021 đến năm 2025", "2021/2025", "interval"),
    # intervals of days and months
    ("từ ngày 01/10/2021 đến hết ngày 31/12/2021", "2021-10-01/2021-12-31", "interval"),
    ("từ ngày 01/01/2020 đến ngày 15/6/2020", "2020-01-01/2020-06-15", "interval"),
    ("Từ ngày 15/3 đến ngày 30/4/2025", "2025-03-15/2025-04-30", "interval"),
    ("từ tháng 3 đến tháng 6 năm 2024", "2024-03/2024-06", "interval"),
    ("tháng 7 - 8/2024", "2024-07/2024-08", "interval"),
    # durations
    ("02 ngày", "P2D", "duration"),
    ("01 buổi", "PT4H", "duration"),
    ("10 năm", "P10Y", "duration"),
    ("90 ngày đêm", "P90D", "duration"),
    ("30 phút", "PT30M", "duration"),
    ("06 tháng", "P6M", "duration"),
    ("hai ngày", "P2D", "duration"),
    ("03 tuần", "P3W", "duration"),
    ("trong 2 giờ", "PT2H", "duration"),
])
def test_dates_parse_time_values(phrase: str, value: str, granularity: str) -> None:
    tv = parse_time(phrase, CTX_2024)
    assert tv is not None, phrase
    assert (tv.value, tv.granularity) == (value, granularity)


@pytest.mark.parametrize("phrase, value", [
    ("Quý II", "2024-Q2"),  # a section row in a table of a 2024 plan
    ("tháng 10", "2024-10"),
    ("6 tháng đầu năm", "2024-H1"),
    ("6 tháng cuối năm", "2024-H2"),
    ("nhân ngày Thương binh liệt sỹ 27/7", "2024-07-27"),
    ("Quốc khánh 02/9", "2024-09-02"),
    ("chào mừng Ngày Nhà giáo Việt Nam 20/11", "2024-11-20"),
    ("trước ngày 15/12", "2024-12-15"),
])
def test_dates_missing_year_from_context(phrase: str, value: str) -> None:
    assert value in {tv.value for _, _, tv in find_times(phrase, CTX_2024)}


def test_dates_missing_year_without_context_uses_header_date() -> None:
    text = "Quảng Trị, ngày 12 tháng 3 năm 2025\n\nKẾ HOẠCH\n\nHoàn thành trước 31/10; sơ kết trong Quý III."
    values = {d.value for d in extract_dates(text)}
    assert {"2025-03-12", "2025-10-31", "2025-Q3"} <= values


def test_dates_missing_year_from_a_following_list_item() -> None:
    text = "Tổ chức vào quý I và quý II năm 2026."
    assert [tv.value for _, _, tv in find_times(text, DocContext(year=2025))] == ["2026-Q1", "2026-Q2"]


def test_dates_interval_start_takes_the_end_year() -> None:
    tv = parse_time("từ ngày 01/01 đến 15/6/2020")
    assert tv is not None and tv.value == "2020-01-01/2020-06-15"


@pytest.mark.parametrize("phrase, value, modifier", [
    ("cuối tháng 7 năm 2020", "2020-07", "END"),
    ("đầu tháng 3/2025", "2025-03", "START"),
    ("giữa năm 2024", "2024", "MID"),
    ("cuối quý II năm 2024", "2024-Q2", "END"),
    ("dự kiến trong tháng 7/2024", "2024-07", "APPROX"),
    ("khoảng tháng 10/2024", "2024-10", "APPROX"),
    ("tháng 10/2024", "2024-10", None),
])
def test_dates_modifiers(phrase: str, value: str, modifier: str | None) -> None:
    (_, _, tv), = find_times(phrase)
    assert (tv.value, tv.modifier) == (value, modifier)


@pytest.mark.parametrize("text, forbidden", [
    ("Nghị định số 98/2023/NĐ-CP của Chính phủ", "2023"),
    ("Số: 02/HĐTĐKT-P.I", "2024-02"),
    ("Doanh thu tối thiểu đạt 125,932 tỷ đồng", "P932Y"),
    ("Điều 5. Tổ chức thực hiện", "P5Y"),
    ("Nghị quyết Trung ương 4 khóa XII", "2024-Q4"),
    ("Đại hội lần thứ XII", "2024-Q2"),
    ("trên 2/3 số thành viên Hội đồng", "2024-03-02"),
    ("giảm 0,05-0,1%/ năm", "P1Y"),
    ("Giờ ký: 24/10/2022 15:17:35", "PT15H"),
    ("Chỉ thị số 05-CT/TW ngày 15/5/20106", "2010-05-15"),
    ("năm 20201", "2020"),
    ("Công ty Cổ phần 483", "483"),
    ("Quyết định số 1234/QĐ-UBND", "1234"),
    ("lúc 14 giờ 30 ngày 20/5/2025", "PT14H"),
    ("ngày 31/2/2024", "2024-02-31"),
])
def test_dates_not_a_date(text: str, forbidden: str) -> None:
    values = {d.value for d in extract_dates(text, CTX_2024)}
    assert forbidden not in values
    assert not any(v.startswith(forbidden) and len(v) == len(forbidden) for v in values)


def test_dates_citation_number_year_is_not_a_date_but_its_date_is() -> None:
    values = [d.value for d in extract_dates("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;")]
    assert values == ["2023-12-31"]


def test_dates_anniversary_pairs_give_both_days() -> None:
    text = ("kỷ niệm 94 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024); "
            "134 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2024)")
    got = {(d.value, d.role) for d in extract_dates(text)}
    assert {("1930-02-03", "anniversary"), ("2024-02-03", "anniversary"),
            ("1890-05-19", "anniversary"), ("2024-05-19", "anniversary")} <= got


def test_dates_anniversary_year_pair_vs_plan_period() -> None:
    anniversary = extract_dates("kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (1954 - 2024)")
    assert {(d.value, d.role) for d in anniversary} >= {("1954", "anniversary"), ("2024", "anniversary")}
    plan = extract_dates("hoàn thành các chỉ tiêu kế hoạch 5 năm (2021-2025)")
    assert "2021/2025" in {d.value for d in plan}


def test_dates_find_times_is_ordered_and_non_overlapping() -> None:
    text = ("Thời gian: 02 ngày, dự kiến trong tháng 7/2024; báo cáo gửi trước ngày 05/7/2024 "
            "và tổng kết giai đoạn 2021-2025 vào Quý I năm 2025.")
    spans = find_times(text)
    assert [tv.value for _, _, tv in spans] == ["P2D", "2024-07", "2024-07-05", "2021/2025", "2025-Q1"]
    for (s1, e1, _), (s2, _, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    for s, e, tv in spans:
        assert text[s:e] == tv.text


def test_dates_evidence_reproduces_the_mention() -> None:
    text = "Tổ chức Hội nghị vào cuối tháng 7 năm 2020 tại tỉnh Bà Rịa - Vũng Tàu."
    (d,) = extract_dates(text)
    assert d.evidence[0].text == text[d.evidence[0].start:d.evidence[0].end] == d.text == "cuối tháng 7 năm 2020"


def test_dates_empty_text() -> None:
    assert extract_dates("") == []
    assert find_times("") == []
    assert parse_time("không có ngày nào") is None
