"""Citations: number forms, date forms, issuer, basis; phrases from provinces and ministries not in the seeds."""
from __future__ import annotations

import pytest

from extractors.citations import extract_citations


def _one(text: str):
    cits = extract_citations(text)
    assert len(cits) == 1, [c.number or c.title for c in cits]
    c = cits[0]
    for ev in c.evidence:
        assert text[ev.start:ev.end] == ev.text
    return c


@pytest.mark.parametrize("phrase, type_, number, date", [
    ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;", "Nghị định", "98/2023/NĐ-CP", "2023-12-31"),
    ("Căn cứ Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị;", "Chỉ thị", "34-CT/TW", "2014-04-07"),
    ("Căn cứ Văn bản số 02/HĐTĐKT-P.I ngày 20/5/2024 của Hội đồng;", "Văn bản", "02/HĐTĐKT-P.I", "2024-05-20"),
    ("Căn cứ Kết luận số 01-KL/TW ngày 18 tháng 5 năm 2021 của Bộ Chính trị;", "Kết luận", "01-KL/TW", "2021-05-18"),
    ("Căn cứ Nghị quyết số 14-NQ/TU ngày 24/11/2022 của Ban Chấp hành Đảng bộ tỉnh;", "Nghị quyết", "14-NQ/TU",
     "2022-11-24"),
    ("Căn cứ Thông tư số 01/2024/TT-BNV ngày 08/02/2024 của Bộ Nội vụ;", "Thông tư", "01/2024/TT-BNV", "2024-02-08"),
    ("Căn cứ Quyết định số 1234/QĐ-BGDĐT ngày 05/5/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo;", "Quyết định",
     "1234/QĐ-BGDĐT", "2023-05-05"),
    ("Căn cứ Hướng dẫn số 56/HD-BTĐKTTW ngày 10/01/2024 của Ban Thi đua - Khen thưởng Trung ương;", "Hướng dẫn",
     "56/HD-BTĐKTTW", "2024-01-10"),
    ("Thực hiện Chỉ thị số 20/CT - VNPT - CĐ VNPT, ngày 23/9/2021 của Tập đoàn;", "Chỉ thị", "20/CT-VNPT-CĐVNPT",
     "2021-09-23"),
    ("Căn cứ Công văn số 5007/BNV-TĐKT ngày 03/10/2023 của Bộ Nội vụ;", "Công văn", "5007/BNV-TĐKT", "2023-10-03"),
    ("Căn cứ Chương trình số 12-CTr/TU ngày 15/3/2021 của Tỉnh ủy Sóc Trăng;", "Chương trình", "12-CTr/TU",
     "2021-03-15"),
])
def test_citations_number_and_date_forms(phrase, type_, number, date):
    c = _one(phrase)
    assert (c.type, c.number, c.date.value) == (type_, number, date)


@pytest.mark.parametrize("phrase, issuer", [
    ("Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết;", "Chính phủ"),
    ("Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập;", "Bộ Chính trị"),
    ("Căn cứ Nghị quyết số 45/NQ-HĐND ngày 08/12/2023 của Hội đồng nhân dân tỉnh Kiên Giang;",
     "Hội đồng nhân dân tỉnh Kiên Giang"),
])
def test_citations_issuer(phrase, issuer):
    assert _one(phrase).issuer == issuer


@pytest.mark.parametrize("phrase, title, date", [
    ("Căn cứ Luật Thi đua, khen thưởng năm 2022;", "Luật Thi đua, khen thưởng", "2022"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", "Luật Tổ chức chính quyền địa phương", "2015-06-19"),
    ("Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;", "Luật Giáo dục", "2019-06-14"),
    ("Căn cứ Luật Phổ biến, giáo dục pháp luật;", "Luật Phổ biến, giáo dục pháp luật", None),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
     "ngày 22/11/2019;", "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
     "địa phương", "2019-11-22"),
])
def test_citations_law_titles(phrase, title, date):
    c = _one(phrase)
    assert c.title == title and c.number is None
    assert (c.date.value if c.date else None) == date


def test_citations_basis_flag():
    text = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;\n\n"
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 02/02/2024 của UBND tỉnh Hậu Giang;\n\n"
            "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\n"
            "1. Quán triệt Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị.")
    got = {c.number: c.basis for c in extract_citations(text)}
    assert got == {"98/2023/NĐ-CP": True, "45/KH-UBND": True, "34-CT/TW": False}


def test_citations_thuc_hien_without_can_cu_is_not_basis():
    got = extract_citations("Thực hiện Kế hoạch số 88/KH-UBND ngày 01/3/2024 của UBND tỉnh Phú Yên, Sở Y tế ...")
    assert [(c.number, c.basis) for c in got] == [("88/KH-UBND", False)]


def test_citations_several_in_one_can_cu_paragraph():
    text = ("Căn cứ Nghị quyết số 01/NQ-CP ngày 01/01/2020 của Chính phủ về nhiệm vụ; Nghị quyết số 02/NQ-CP "
            "ngày 01/01/2020 của Chính phủ về môi trường kinh doanh;")
    assert [c.number for c in extract_citations(text)] == ["01/NQ-CP", "02/NQ-CP"]


def test_citations_same_document_twice_is_one_citation_basis_wins():
    text = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;\n\nI. NỘI DUNG\n\n"
            "Triển khai Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ.")
    cits = extract_citations(text)
    assert len(cits) == 1 and cits[0].basis and len(cits[0].evidence) == 2


def test_citations_law_with_different_years_stay_apart():
    text = "Căn cứ Luật Thi đua khen thưởng, Nghị định số 91/2017/NĐ-CP;\n\nI. NỘI DUNG\n\n" \
           "Tổ chức triển khai Luật Thi đua, khen thưởng năm 2022 và các văn bản."
    laws = [(c.basis, c.date.value if c.date else None) for c in extract_citations(text) if c.type == "Luật"]
    assert laws == [(True, None), (False, "2022")]


@pytest.mark.parametrize("text", [
    "Số: 2352/KH-CDNB\n\nKẾ HOẠCH",                                   # the plan's own number
    "(Kèm theo Kế hoạch số 2352/KH-CDNB ngày 02/7/2020 của Cụm thi đua)",  # annex self-reference
    "Kế hoạch này được triển khai đến các đơn vị.",
    "Kế hoạch 05 năm (2016-2020) theo Nghị quyết Đại hội Đảng các cấp",
    "phát động phong trào “Cả nước chung sức xây dựng nông thôn mới”",
    "Luật sư Nguyễn Văn A tham gia tư vấn",
    "Điện thoại số 0233/3822 liên hệ",
])
def test_citations_not_a_citation(text):
    assert extract_citations(text) == []


def test_citations_ocr_bad_year_gives_no_date():
    c = _one("Triển khai thực hiện Chỉ thị số 05-CT/TW ngày 15/5/20106 của Bộ Chính trị")
    assert c.number == "05-CT/TW" and c.date is None


@pytest.mark.parametrize("phrase, title, number, date", [
    # an ordinance of the Standing Committee is cited by title as a law is
    ("Căn cứ Pháp lệnh Quản lý thị trường ngày 08 tháng 3 năm 2016;", "Pháp lệnh Quản lý thị trường", None,
     "2016-03-08"),
    ("Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14 ngày 09 tháng 12 năm 2020;",
     "Pháp lệnh Ưu đãi người có công với cách mạng", "02/2020/UBTVQH14", "2020-12-09"),
])
def test_citations_ordinance_titles(phrase, title, number, date):
    c = _one(phrase)
    assert (c.title, c.number, c.date.value if c.date else None) == (title, number, date)


@pytest.mark.parametrize("phrase, title", [
    # a known title typed in lower case in the body's prose, whole even across a line break
    ("Kinh phí do các sở bố trí theo quy định của Luật ngân sách nhà\nnước hiện hành.", "Luật ngân sách nhà nước"),
    ("Thân nhân liệt sĩ được hưởng chế độ theo Pháp lệnh ưu đãi người có công với cách mạng và văn bản hướng dẫn.",
     "Pháp lệnh ưu đãi người có công với cách mạng"),
])
def test_citations_known_title_in_lower_case(phrase, title):
    assert " ".join(_one(phrase).title.split()) == title


@pytest.mark.parametrize("phrase", [
    # a lower-case name that is no known title stays out of the body's prose, as does the bare word
    "Các xã thực hiện theo luật định và pháp lệnh hiện hành.",
    "Dự thảo được xây dựng theo đúng trình tự của Pháp lệnh theo quy định.",
    "Việc chi trả thực hiện theo Luật ngân sách của địa phương và hướng dẫn của Sở.",
])
def test_citations_unknown_lower_case_name_not_cited(phrase):
    assert extract_citations(phrase) == []
