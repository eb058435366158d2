"""Dates on OCR text of scans: glued and spaced dates, garbled header dates, signature stamps, quarter headings."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.dates import extract_dates


def _values(text: str, context: DocContext | None = None) -> list[str]:
    out = extract_dates(text, context)
    for d in out:
        for ev in d.evidence:
            assert text[ev.start:ev.end] == ev.text
    return sorted(d.value for d in out)


@pytest.mark.parametrize("phrase, values", [
    ("Căn cứ Nghị định số 91/2017/NĐ-CP ngày31/7/2017 của Chính phủ;", ["2017-07-31"]),
    ("Tờ trình số 2753/TTr-STP ngày 28/ 9/2022 của Sở Tư pháp", ["2022-09-28"]),
    ("hoàn thành trước ngày 15 /12/2023", ["2023-12-15"]),
    ("(Kèm theo Quyết định số 12/QĐ-UBND ngày32/12/2021 của UBND tỉnh)", []),   # impossible day: nothing
    ("Căn cứ Quyết định số 35/2019/QĐ-UBND ngày 1 1/11/2019;", []),            # a split day is unknown
    ("Quảng Bình, ngày {tháng 12 năm 2021", []),                               # garbled day: no partial date
    ("Quảng Bình, ngày,4/Ƒtháng fnăm 2022", []),
    ("(Kèm theo Quyết định số..0ƒ7Í' /QĐ-UBND ngàyZ/tháng 10 năm 2022", []),
    # words between "ngày" and "tháng" are prose, not a garbled date
    ("Tổ chức ngày hội tháng 3 năm 2024 tại tỉnh", ["2024-03"]),
    ("Hà Nội, ngày   tháng 5 năm 2024", ["2024-05"]),                           # a blank day stays a month
    ("Hà Nội, ngày ... tháng ... năm 2024", ["2024"]),
])
def test_dates_ocr_values(phrase, values):
    assert _values(phrase) == values


@pytest.mark.parametrize("text, context, values", [
    ("Cơ quan: UBND tỉnh Giờ ký; 24/10/2032 15:17:35\n\nQuảng Bình, ngày 24 tháng 10 năm 2022\n",
     None, ["2022-10-24"]),
    ("Thời gian ký: 05.06.2033 09:10:11\n\nBáo cáo năm 2023", DocContext(year=2023), ["2023", "2023-06-05"]),
    # a stamp in the document's year, or earlier, is kept as written
    ("Ngày ký: 30/12/2021 10:00:00\n\nHà Tĩnh, ngày 30 tháng 12 năm 2021\n", None, ["2021-12-30"]),
    # not a stamp: a future date in prose stays
    ("Phấn đấu đến ngày 24/10/2032 hoàn thành.\n\nHà Tĩnh, ngày 30 tháng 12 năm 2022\n", None,
     ["2022-12-30", "2032-10-24"]),
])
def test_dates_ocr_signature_stamp(text, context, values):
    assert sorted(set(_values(text, context))) == values


def test_dates_ocr_quarter_heading_lost_stroke():
    # "III" read as "II" in the third section heading of a plan's table
    rows = ["STT\tNội dung\tThời gian", "I\tQuý I\t", "1\tBan hành kế hoạch\t", "II\tQuý II\t", "1\tSơ kết\t",
            "HÌ|\tQuý II\t", "1\tTổng kết năm học\t", "IV\tQuý IV\t", "1\tTổng kết\t"]
    text = "Kế hoạch năm 2024\n\n" + "\n".join(rows)
    assert set(_values(text, DocContext(year=2024))) >= {"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"}


def test_dates_ocr_quarter_heading_real_repeat_kept():
    # a quarter repeated without a gap after it is left alone (no Q3 invented)
    rows = ["I\tQuý I\t", "II\tQuý II\t", "II\tQuý II\t", "III\tQuý III\t"]
    text = "Kế hoạch năm 2024\n\n" + "\n".join(rows)
    assert "2024-Q4" not in _values(text, DocContext(year=2024))
    assert _values(text, DocContext(year=2024)).count("2024-Q3") == 1
