"""A document signed late in one year for the next one ("Kế hoạch ... năm 2026" of November 2025): its dates
written without a year fall in the year the title plans for; with a range or a school year in the title, or
a title of the year of issue, they keep the year of issue (ANNOTATION.md: the nearest explicit year)."""
from __future__ import annotations

import pytest

from extractors.dates import find_times
from extractors.header import build_context, extract_header

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 415/KH-UBND\nHà Tĩnh, ngày 24 tháng 11 năm 2025\n\nKẾ HOẠCH\n{title}\n\n")
BODY = "Các đơn vị gửi báo cáo về Sở Nội vụ trước ngày 15/10 để tổng hợp.\n"


def _values(title: str) -> list[str]:
    text = HEAD.format(title=title) + BODY
    context = build_context(text, extract_header(text))
    return [v.value for s, e, v in find_times(text, context) if text[s:e].endswith("15/10")]


@pytest.mark.parametrize("title, year", [
    ("Công tác thi đua, khen thưởng năm 2026", "2026"),
    ("Tổ chức các hoạt động kỷ niệm Ngày thành lập tỉnh năm 2026", "2026"),
    ("Công tác thi đua, khen thưởng năm 2025", "2025"),            # the year of issue
    ("Phát triển giáo dục giai đoạn 2026 - 2030", "2025"),          # a range names no single year
    ("Nhiệm vụ năm học 2025-2026", "2025"),                         # a school year
    ("Chuyển đổi số năm 2027", "2025"),                             # not the next year
])
def test_unyeared_date_takes_the_year_the_title_plans_for(title, year):
    assert _values(title) == [f"{year}-10-15"]
