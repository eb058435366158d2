"""dates: durations in administrative procedures, the number also written in words in brackets ("20 (hai mươi) ngày
làm việc"), across a line break; clock times that are no duration; a full day without "ngày"; amounts and fractions
that are no month. Phrases written for these tests."""
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


@pytest.mark.parametrize("text", [
    "Hội thi tổ chức 08 giờ ngày 12 tháng 4 năm 2025, tại Nhà văn hóa huyện.",
    "Hôm nay, vào hồi 9 giờ, ngày 20 tháng 12 năm 2023, tại Hội trường xã.",
    "Không sử dụng loa trước 06 giờ sáng và sau 22 giờ đêm.",
    # an hour of the day after "sau"/"trước"/"lúc", with no day or part of the day beside it
    "Hồ sơ nhận sau 15 giờ được tính vào ngày làm việc tiếp theo.",
    "Các xã gửi số liệu trước 16 giờ hằng ngày qua hệ thống.",
    "Đoàn kiểm tra có mặt lúc 7 giờ tại trụ sở.",
])
def test_dates_clock_time_is_no_duration(text: str) -> None:
    assert not [v for v in _values(text) if v.startswith("P")]


@pytest.mark.parametrize("text, value", [
    ("hỗ trợ trong 24 giờ đầu kể từ khi có thông báo", "PT24H"),
    ("giải quyết trong vòng 48 giờ kể từ khi nhận đơn", "PT48H"),
    ("trả lời sau 24 giờ kể từ khi tiếp nhận phản ánh", "PT24H"),
    ("Buổi tập huấn kéo dài 3 giờ.", "PT3H"),
])
def test_dates_hour_count_stays_a_duration(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text, value", [
    ("Đăng ký các công trình khánh thành dịp 19 tháng 12 năm 2025, trên tinh thần tiết kiệm.", "2025-12-19"),
    ("chào mừng Ngày Giải phóng miền Nam (dịp 30 tháng 4 năm 2026) và Quốc khánh", "2026-04-30"),
    ("Khai mạc 02 tháng 9/2024 tại Quảng trường tỉnh.", "2024-09-02"),
])
def test_dates_day_month_year_without_the_word_ngay(text: str, value: str) -> None:
    assert value in _values(text) and not [v for v in _values(text) if v.startswith("P")]


@pytest.mark.parametrize("text", [
    "Thành viên Ban chỉ đạo 3.000.000 đồng/người / tháng\n\n2.400.000 đồng/người/ tháng\n\n6.2\n\nĐối với",
    "Kế hoạch năm 2024. Thời gian phục vụ dưới 15 ngày, chi bồi dưỡng bằng 1/2 mức chi quy định.",
    "Kế hoạch năm 2024. Nghỉ 02 ngày, hoàn thành 2/3 khối lượng.",
])
def test_dates_amounts_and_fractions_are_no_months(text: str) -> None:
    assert [v for v in _values(text) if len(v) > 4 and not v.startswith("P")] == []


@pytest.mark.parametrize("text, value", [
    ("3. Thời gian thực hiện: Từ năm 2026 đến hết năm 2030.", "2026/2030"),
    ("Chương trình thực hiện từ năm 2022 tới năm 2024 trên địa bàn huyện.", "2022/2024"),
])
def test_dates_from_year_to_end_of_year_is_an_interval(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text, value", [
    ("Kế hoạch năm 2025. Trong quý I của năm liền kề, Sở Nội vụ tổng hợp kết quả.", "2026-Q1"),
    ("Kế hoạch năm 2024. Các đơn vị báo cáo trước ngày 15 tháng 01 năm sau.", "2025-01-15"),
])
def test_dates_period_of_the_following_year(text: str, value: str) -> None:
    assert value in _values(text)


@pytest.mark.parametrize("text, value", [
    ("Sở Công Thương\n|\nQuí IV-2024\n|", "2024-Q4"),
    ("Hoàn thành trong quí 3/2023.", "2023-Q3"),
])
def test_dates_quarter_in_its_older_spelling(text: str, value: str) -> None:
    assert _values(text) == [value]
