"""extractors/text/markup.py: Markdown marks of web copies read as spaces, offsets kept, list bullets kept."""
from __future__ import annotations

import pytest

from extractors.text import without_emphasis, without_stray_stops


@pytest.mark.parametrize("marked, plain", [
    ("**6.** Đề nghị Sở Tư pháp", "  6.   Đề nghị Sở Tư pháp"),
    ("**Điều 4.****", "  Điều 4.    "),
    ("*Căn cứ Luật Thi đua, khen thưởng;*", " Căn cứ Luật Thi đua, khen thưởng; "),
    ("## II. NHIỆM VỤ", "   II. NHIỆM VỤ"),
    ("__Ghi chú__", "  Ghi chú  "),
])
def test_text_markup_emphasis_becomes_spaces(marked: str, plain: str) -> None:
    out = without_emphasis(marked)
    assert out == plain and len(out) == len(marked)


@pytest.mark.parametrize("text", ["* Sở Nội vụ: tổng hợp", "Mẫu số 01_TĐKT", "không có dấu nào", "5 * 3 = 15"])
def test_text_markup_keeps_bullets_and_plain_text(text: str) -> None:
    assert without_emphasis(text) == text


@pytest.mark.parametrize("ocr, plain", [
    ("Tổng công ty Điện lực miền Trung. và các đơn vị", "Tổng công ty Điện lực miền Trung  và các đơn vị"),
    ("Chủ động. phối hợp với Sở Y tế", "Chủ động  phối hợp với Sở Y tế"),
    ("Sở Văn hóa, Thể thao và. Du lịch tỉnh Nghệ An", "Sở Văn hóa, Thể thao và  Du lịch tỉnh Nghệ An"),
    ("báo cáo kết quả về Ban Tuyên giáo của. Tỉnh ủy", "báo cáo kết quả về Ban Tuyên giáo của  Tỉnh ủy"),
])
def test_text_markup_stray_stops_become_spaces(ocr: str, plain: str) -> None:
    out = without_stray_stops(ocr)
    assert out == plain and len(out) == len(ocr)


@pytest.mark.parametrize("text", [
    "Hoàn thành trước ngày 15/8/2025. Sở Nội vụ tổng hợp.",   # a real stop: the next sentence is capitalised
    "các hoạt động văn hóa, thể thao, v.v. và các phong trào khác",  # an abbreviation's dots
    "1. tổ chức hội nghị",                                      # a list number
    "thực hiện.\nđồng thời báo cáo",                            # a stop at a line end is the line's business
])
def test_text_markup_keeps_real_stops(text: str) -> None:
    assert without_stray_stops(text) == text
