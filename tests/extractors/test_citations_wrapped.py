"""Citations whose number or law title is wrapped onto the next line, as web copies, PDFs and OCR break them."""
from __future__ import annotations

import pytest

from extractors.citations import extract_citations


@pytest.mark.parametrize("text, number, basis", [
    ("Căn cứ Nghị định số\n45/2024/NĐ-CP ngày 02 tháng 5 năm 2024 của Chính phủ về công tác dân tộc;", "45/2024/NĐ-CP", True),
    ("Căn cứ Quyết định số\n1832/QĐ-UBND ngày 09/8/2023 của UBND tỉnh Gia Lai;", "1832/QĐ-UBND", True),
    ("Thực hiện Chương trình hành động số\n19-CTr/TU ngày 05/6/2022 của Ban Thường vụ Huyện ủy;", "19-CTr/TU", False),
    ("Triển khai Chỉ thị số\n08-CT/TU ngày 14/4/2023 của Ban Thường vụ Thành ủy về đẩy mạnh thi đua;", "08-CT/TU", False),
    ("Căn cứ Quyết định số 25/2019/QĐ-\nUBND ngày 11/6/2019 của UBND tỉnh Bến Tre;", "25/2019/QĐ-UBND", True),
])
def test_citations_number_wrapped_after_its_type_word_is_found(text, number, basis):
    cits = extract_citations(text)
    assert [(c.number, c.basis) for c in cits] == [(number, basis)]
    ev = cits[0].evidence[0]
    assert text[ev.start:ev.end] == ev.text and "\n" in ev.text


@pytest.mark.parametrize("text, title", [
    ("Căn cứ Luật Tổ chức chính\nquyền địa phương ngày 19 tháng 02 năm 2025;", "Luật Tổ chức chính quyền địa phương"),
    ("Căn cứ Luật Thi đua, khen\nthưởng ngày 15 tháng 6 năm 2022;", "Luật Thi đua, khen thưởng"),
    ("Căn cứ Luật Phòng, chống\nthiên tai ngày 19 tháng 6 năm 2013;", "Luật Phòng, chống thiên tai"),
])
def test_citations_law_title_wrapped_keeps_its_whole_name(text, title):
    cits = extract_citations(text)
    assert [c.title for c in cits] == [title]
    assert cits[0].basis


def test_citations_next_basis_line_is_not_joined_to_the_previous_one():
    text = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ\nCăn cứ Quyết định số\n77/QĐ-UBND ngày 3/1/2024;"
    assert [c.number for c in extract_citations(text)] == ["98/2023/NĐ-CP", "77/QĐ-UBND"]
