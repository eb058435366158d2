"""A Công văn's "V/v" as OCR prints its italic slash ("V⁄v", "VXv", "VW", "V⁄: ..."), read back at the start of a
line; Roman numerals, words and other lines keep their letters."""
from __future__ import annotations

import pytest

from extractors.ocr_correction import correct_subject_mark, correct_text


@pytest.mark.parametrize("ocr, fixed", [
    ("V⁄v triển khai Tháng hành động vì an toàn thực phẩm", "V/v triển khai Tháng hành động vì an toàn thực phẩm"),
    ("V⁄: Hướng dẫn quyết toán thuế TNDN", "V/v: Hướng dẫn quyết toán thuế TNDN"),   # the "v" lost before the colon
    ("V⁄% góp ý dự thảo Quy chế thi đua", "V/v góp ý dự thảo Quy chế thi đua"),      # a speck for the "v"
    ("V∕%v đăng ký danh hiệu thi đua năm 2026", "V/v đăng ký danh hiệu thi đua năm 2026"),
    ("VXv tổ chức Hội nghị cán bộ, công chức", "V/v tổ chức Hội nghị cán bộ, công chức"),
    ("VW cung cấp thông tin khen thưởng", "V/v cung cấp thông tin khen thưởng"),
    ("V|v rà soát hồ sơ đề nghị khen thưởng", "V/v rà soát hồ sơ đề nghị khen thưởng"),
    ("-_V⁄v báo cáo kết quả công tác quý III", "V/v báo cáo kết quả công tác quý III"),
    ("Số: 214/SNV-TĐKT\nV⁄v xét tặng Kỷ niệm chương", "Số: 214/SNV-TĐKT\nV/v xét tặng Kỷ niệm chương"),
])
def test_ocr_correction_reads_the_subject_mark(ocr: str, fixed: str) -> None:
    assert correct_subject_mark(ocr) == fixed
    assert correct_text(ocr) == fixed


@pytest.mark.parametrize("text", [
    "V/v tổ chức Hội nghị tổng kết",
    "VI TỔ CHỨC THỰC HIỆN",                    # a Roman numeral without its dot
    "V. KINH PHÍ THỰC HIỆN",
    "VII. Khen thưởng",
    "Vĩnh Long, ngày 12 tháng 3 năm 2026",
    "V| 2026",                                 # no word after it
    "VW 2025 đạt chuẩn",
    "theo đề nghị tại V⁄v số 12",              # not at the start of a line
])
def test_ocr_correction_leaves_other_v_lines(text: str) -> None:
    assert correct_subject_mark(text) == text
