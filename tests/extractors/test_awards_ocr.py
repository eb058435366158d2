"""Awards: decisions of the Prime Minister, and names with OCR tone slips or glued words."""
from __future__ import annotations

import pytest

from extractors.awards import extract_awards


@pytest.mark.parametrize("phrase,name,level", [
    ("Tặng Cờ thi đua của Chính phủ cho Tổng công ty Dệt May Việt Nam", "Cờ thi đua của Chính phủ", "state"),
    ("Tặng Cờ Thiđua của Chính phủ cho tỉnh Bắc Kạn", "Cờ thi đua của Chính phủ", "state"),
    ("tặng Cờ thi đua của Chính phú cho Công ty", "Cờ thi đua của Chính phủ", "state"),
    ("Tặng Bằng khen của Thủ tướng Chính phủ cho 05 tập thể", "Bằng khen của Thủ tướng Chính phủ", "state"),
    ("tặng Bằng khen của Thủ tướng Chính phũ cho 02 tập thể", "Bằng khen của Thủ tướng Chính phủ", "state"),
    ("Tặng danh hiệu Chiến sĩ thi đua toàn quốc cho 02 cá nhân", "Chiến sĩ thi đua toàn quốc", "state"),
    ("danh hiệu Chiến sỹ thi đua toàn quôc cho ông Nguyễn Văn A", "Chiến sĩ thi đua toàn quốc", "state"),
    ("Huân chương Lao động hạng Nhât cho Công ty", "Huân chương Lao động hạng Nhất", "state"),
    ("tặng Bằng khen của Chủ tịch UBND tỉnh cho 03 cá nhân", "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh",
     "provincial"),
])
def test_awards_prime_minister_decisions_and_ocr(phrase: str, name: str, level: str) -> None:
    got = extract_awards(phrase)
    assert [(a.name, a.level) for a in got] == [(name, level)]
    assert phrase[got[0].evidence[0].start:got[0].evidence[0].end] == got[0].evidence[0].text
