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


def test_citations_amended_law_named_on_the_next_line_is_part_of_the_amending_title():
    text = ("Căn cứ Luật Sửa đổi, bổ sung một số điều của\nLuật Đầu tư công số 90/2025/QH15;\n"
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;")
    got = [(c.number, c.title) for c in extract_citations(text)]
    assert got[0][0] == "90/2025/QH15" and got[0][1].endswith("của Luật Đầu tư công"), got
    assert len(got) == 2


@pytest.mark.parametrize("text, numbers", [
    ("Thực hiện các văn bản số: 2231/VPCP-KTTH ngày 3/4/2025, 4410/VPCP-KTTH ngày 20/5/2025 của Văn phòng Chính phủ;",
     ["2231/VPCP-KTTH", "4410/VPCP-KTTH"]),
    ("Căn cứ các Quyết định số 12/2024/QĐ-UBND và 19/2024/QĐ-UBND của UBND tỉnh;", ["12/2024/QĐ-UBND", "19/2024/QĐ-UBND"]),
])
def test_citations_a_list_of_numbers_after_one_type_word_gives_each(text, numbers):
    assert [c.number for c in extract_citations(text)] == numbers


@pytest.mark.parametrize("text", [
    "Người lao động kê khai theo Mẫu số 02/PLII Phụ lục II ban hành kèm theo Nghị định số 12/2022/NĐ-CP.",
    "Đơn vị lập báo cáo theo Biểu số 03/TH gửi về Sở trước ngày 15/12.",
])
def test_citations_form_and_appendix_labels_are_not_citations(text):
    assert [c.number for c in extract_citations(text) if c.number] == [n for n in ["12/2022/NĐ-CP"] if n in text]


def test_citations_a_portal_footer_naming_luat_viet_nam_is_no_law():
    assert extract_citations("Trang thông tin của cộng đồng Dân Luật Việt Nam, kết nối người dùng.") == []


@pytest.mark.parametrize("text, title, date", [
    ("1. Thực hiện Luật Giá ngày 19 tháng 6 năm 2023 có hiệu lực từ ngày 01/7/2024.", "Luật Giá", "2023-06-19"),
    ("Các trường đảm bảo đạt chuẩn theo quy định của Luật Giáo dục năm 2019.", "Luật Giáo dục", "2019"),
    ("I. CĂN CỨ\n1. Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", None),
])
def test_citations_laws_named_without_number(text, title, date):
    cits = extract_citations(text)
    assert [(c.title, c.date.value if c.date else None) for c in cits] == [(title, date)]


def test_citations_law_title_cut_in_running_prose_is_the_law_named_in_full():
    text = ("Tổng kết 10 năm thi hành Luật Hòa giải ở cơ sở.\n"
            "Khen thưởng tập thể có thành tích trong 10 năm thực hiện Luật Tiếp cận thông tin, hòa giải cơ sở và "
            "10 năm hưởng ứng Ngày Pháp luật; các tập thể thực hiện tốt Luật Tiếp cận thông tin, hòa giải cơ sở, cụ thể:")
    assert [c.title for c in extract_citations(text)] == ["Luật Hòa giải ở cơ sở", "Luật Tiếp cận thông tin, hòa giải cơ sở"]


def test_citations_documents_named_in_a_basis_documents_description_are_not_basis():
    text = ("Căn cứ Thông tư số 12/2019/TT-BNV ngày 04/11/2019 của Bộ Nội vụ hướng dẫn thi hành một số điều của "
            "Nghị định số 91/2017/NĐ-CP, Nghị định số 28/2018/NĐ-CP và Nghị định số 11/2020/NĐ-CP;\n"
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;")
    got = {c.number: c.basis for c in extract_citations(text)}
    assert got == {"12/2019/TT-BNV": True, "91/2017/NĐ-CP": False, "28/2018/NĐ-CP": False, "11/2020/NĐ-CP": False,
                   "98/2023/NĐ-CP": True}


def test_citations_quoted_document_of_the_same_issuer_with_another_number_is_cited():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n\nSố: 310/QĐ-UBND\n\nQUYẾT ĐỊNH\n\n"
            "Căn cứ Quy chế làm việc ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 05/02/2024 của UBND tỉnh;")
    assert [c.number for c in extract_citations(text)] == ["88/QĐ-UBND"]


@pytest.mark.parametrize("text, number", [
    ("Căn cứ Quyết định số 01/2017/QĐ\nTTg ngày 13/01/2017 của Thủ tướng Chính phủ;", "01/2017/QĐ-TTg"),
    ("Thực hiện Công văn số 512/SNV\nTĐKT ngày 02/3/2025 của Sở Nội vụ;", "512/SNV-TĐKT"),
])
def test_citations_code_broken_at_a_line_end_without_its_hyphen_is_joined(text, number):
    assert [c.number for c in extract_citations(text)] == [number]


def test_citations_broken_code_is_not_joined_to_an_ordinary_next_line():
    assert [c.number for c in extract_citations("Căn cứ Quyết định số 15/QĐ\nNgày hôm sau, đoàn làm việc.")] == ["15/QĐ"]


def test_citations_ocr_doubled_hyphen_and_misread_amendment():
    text = ("tại Quyết định số 01/2017/QĐ- -TTg ngày 17/01/2017 của Thủ tướng Chính phủ;\n"
            "Căn cứ Luật Thi đua, Khen thưởng năm 2003, Luật sửa đối, bổ sung một số điều của Luật Thi đua, Khen thưởng "
            "năm 2013;")
    got = [(c.number, c.title) for c in extract_citations(text)]
    assert got[0][0] == "01/2017/QĐ-TTg"
    assert any(t and t.startswith("Luật sửa đối, bổ sung một số điều của Luật Thi đua") for _, t in got), got
