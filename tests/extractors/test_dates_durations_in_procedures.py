"""dates: durations in administrative procedures, the number also written in words in brackets ("20 (hai mươi) ngày
làm việc"), across a line break; what stays no duration. Phrases written for these tests."""
from __future__ import annotations

import pytest

from extractors.dates import extract_dates


def _values(text: str) -> list[str]:
    return [d.value for d in extract_dates(text)]


@pytest.mark.parametrize("text, value", [
    ("Trong thời hạn 15 (mười lăm) ngày làm việc kể từ ngày nhận hồ sơ hợp lệ, Sở Nội vụ thẩm định.", "P15D"),
    ("Sau 05 (năm) ngày làm việc, Phòng Tư pháp trả kết quả cho công dân.", "P5D"),
    ("Trong vòng 25 (hai mươi lăm)\nngày làm việc, Ủy ban nhân dân cấp xã niêm yết công khai.", "P25D"),
    ("Thời gian niêm yết là 07 ( bảy ) ngày.", "P7D"),
    ("Hội đồng họp xét trong 02 (hai) buổi.", "PT8H"),
    ("trong thời hạn 10 ngày làm việc", "P10D"),
])
def test_dates_duration_with_number_in_words(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text", [
    "Các xã có 12 (mười hai) thôn đạt chuẩn.",
    "Điều 5 (năm) năm nay",
    "Tổ chức 03 (ba) lớp tập huấn cho cán bộ.",
])
def test_dates_bracketed_number_without_unit_is_no_duration(text: str) -> None:
    assert _values(text) == []
