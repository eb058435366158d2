"""Dates: a year named by its lunar name before its number, a table's last cell holding only a year, a day left
blank before its month, and a spoken compound number that is no duration. Phrases written here."""
from __future__ import annotations

import pytest

from extractors.dates import find_times


def _values(text: str) -> list[str]:
    return [tv.value for _, _, tv in find_times(text)]


@pytest.mark.parametrize("text, value", [
    ("bảo đảm hàng hóa dịp trước, trong và sau Tết Nguyên đán Bính Ngọ 2026, không để thiếu hàng", "2026"),
    ("Chương trình mừng Xuân Giáp Thìn 2024 tại nhà văn hóa xã", "2024"),
    ("đón Tết Nguyên đán Đinh Mùi 2027 an toàn, tiết kiệm", "2027"),
    ("trong dịp Tết Kỷ Hợi 2019", "2019"),
])
def test_dates_lunar_year_name_before_the_number(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text, values", [
    ("2\tRà soát quy hoạch vùng nguyên liệu\tSở Nông nghiệp và Môi trường\tCác xã\t2027\n3\tTổng kết", ["2027"]),
    ("1\tSố hộ được hỗ trợ\t2000\thộ\n", []),  # a count in a middle column
    ("Quý 2026 có nhiều việc", []),  # a stem word alone names no year
])
def test_dates_year_cell_at_the_row_end(text: str, values: list[str]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize("text, value", [
    ("(Trích biên bản họp Hội đồng trường ngày /9/2023)", "2023-09"),
    ("Lạng Sơn, ngày ..../11/2024", "2024-11"),
    ("Hà Giang, ngày ___/3/2022", "2022-03"),
])
def test_dates_day_left_blank_before_its_month(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize("text, values", [
    ("các lễ cúng ba ngày, bảy ngày, bốn chín ngày chỉ tổ chức trong gia đình", ["P3D", "P7D"]),
    ("Hội nghị diễn ra trong hai ngày", ["P2D"]),
    ("thời hạn mười lăm ngày làm việc", ["P15D"]),
])
def test_dates_spoken_compound_number_is_no_duration(text: str, values: list[str]) -> None:
    assert _values(text) == values
