"""Citations: a law's title from the law list read whole, commas included; a type word in lower case before a
number; a code with a space before its dash; a year typed with a digit missing. Phrases written here, in none of
the sets."""
from __future__ import annotations

import pytest

from extractors.citations import extract_citations


@pytest.mark.parametrize("text, title", [
    ("Căn cứ Luật Phòng, chống tham nhũng năm 2018;", "Luật Phòng, chống tham nhũng"),
    ("Thực hiện nghiêm Luật Thực hành tiết kiệm, chống lãng phí, các quy định của tỉnh về chi tiêu.",
     "Luật Thực hành tiết kiệm, chống lãng phí"),
    ("Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;", "Luật Cán bộ, công chức"),
    ("Tài sản được quản lý theo Luật Quản lý, sử dụng tài sản công: các cơ quan, đơn vị rà soát.",
     "Luật Quản lý, sử dụng tài sản công"),
    ("theo quy định tại Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ năm 2024.",
     "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
    ("Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;", "Luật Khám bệnh, chữa bệnh"),
])
def test_citations_law_title_from_the_law_list(text: str, title: str) -> None:
    assert [c.title for c in extract_citations(text)] == [title]


def test_citations_law_not_in_the_list_keeps_the_rule() -> None:
    # an unknown title is still read by the rule: its short parts after commas stay, a long clause ends it
    got = extract_citations("Căn cứ Luật Thủy văn, khí hậu ngày 5/6/2026;")
    assert [c.title for c in got] == ["Luật Thủy văn, khí hậu"]


@pytest.mark.parametrize("text, number, date", [
    ("Căn cứ vào kế hoạch 4156/KH -UBND ngày 02 tháng 3 năm 2023 của Ủy ban nhân dân quận", "4156/KH-UBND",
     "2023-03-02"),
    ("Thực hiện quyết định 45/QĐ-SGDĐT ngày 3/3/2021 của Sở Giáo dục và Đào tạo", "45/QĐ-SGDĐT", "2021-03-03"),
    ("Căn cứ công văn 1502/SNV-TĐKT ngày 12/8/2023 của Sở Nội vụ", "1502/SNV-TĐKT", "2023-08-12"),
    ("Căn cứ Quyết định số 37/201 /QĐ-UBND ngày 5/6/2019 của UBND tỉnh Bắc Kạn", "37/201/QĐ-UBND", "2019-06-05"),
])
def test_citations_code_variants(text: str, number: str, date: str) -> None:
    got = extract_citations(text)
    assert [(c.number, c.date.value if c.date else None) for c in got] == [(number, date)]


@pytest.mark.parametrize("text", [
    "theo kế hoạch năm 2024 của nhà trường",
    "xây dựng kế hoạch 2025-2030 của đơn vị",
    "Quyết định số 7/20/QĐ ghi sai",
])
def test_citations_no_number_no_citation(text: str) -> None:
    assert [c.number for c in extract_citations(text) if c.number] == []


def test_citations_cyrillic_lookalikes_in_a_code() -> None:
    # "Т" and "С" typed in Cyrillic inside a Latin code: one citation, written in Latin letters
    text = "theo Công văn số 2210/ВТС-НСNN ngày 04/3/2026 và Công văn số 2210/BTC-HCNN ngày 04/3/2026 của Bộ Tài chính"
    assert [c.number for c in extract_citations(text)] == ["2210/BTC-HCNN"]


@pytest.mark.parametrize("text, number, date", [
    # a numbered part after the code's hyphen, as companies and some boards number their letters
    ("Trả lời công văn số 07/CV-02 ngày 14/3/2025 của Công ty cổ phần Thép Hòa Phát", "07/CV-02", "2025-03-14"),
    ("Thực hiện Thông báo số 15/TB-BCĐ-03 ngày 02 tháng 4 năm 2024 của Ban Chỉ đạo", "15/TB-BCĐ-03", "2024-04-02"),
    # a number written as the date it was sent
    ("Trả lời văn bản số 20240917/CV-KT ngày 17/9/2024 của Công ty TNHH Điện tử Sao Mai", "20240917/CV-KT",
     "2024-09-17"),
    # a hyphen before a date or a range is not part of the code
    ("Căn cứ Kế hoạch số 88/KH-UBND ngày 03/02/2025-15/02/2025 của Ủy ban nhân dân huyện", "88/KH-UBND",
     "2025-02-03"),
])
def test_citations_numbered_code_parts(text: str, number: str, date: str) -> None:
    got = extract_citations(text)
    assert [(c.number, c.date.value if c.date else None) for c in got] == [(number, date)]
