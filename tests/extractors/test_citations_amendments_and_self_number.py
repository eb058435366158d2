"""Citation failure classes of unseen real documents: amendment laws, glued words of web copies, the document's
own number repeated in its body, OCR-damaged "Căn cứ"."""
from __future__ import annotations

import pytest

from extractors.citations import extract_citations


def _grounded(text, cits):
    for c in cits:
        for ev in c.evidence:
            assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("phrase, title, date", [
    ("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003 và Luật Sửa đổi, bổ sung một số điều của Luật "
     "Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005;",
     "Luật Sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng", "2005-06-14"),
    ("Căn cứ Luật Sửa đổi, bổsung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;",
     "Luật Sửa đổi, bổsung một số điều của Luật Thi đua, Khen thưởng", "2013-11-16"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức ngày 25/11/2019;",
     "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức", "2019-11-25"),
    ("Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Giáo dục đại học năm 2018.",
     "Luật Sửa đổi, bổ sung một số điều của Luật Giáo dục đại học", "2018"),
])
def test_citations_amendment_law_keeps_its_full_title(phrase, title, date):
    cits = extract_citations(phrase)
    amend = [c for c in cits if "đổi" in (c.title or "")]
    assert len(amend) == 1, [c.title for c in cits]
    assert (amend[0].title, amend[0].date.value) == (title, date)
    assert amend[0].basis
    assert all(c.title != "Luật Sửa đổi" for c in cits)  # never the amendment's first words alone
    _grounded(phrase, cits)


def test_citations_amendment_law_repeated_in_a_description_is_one_citation():
    text = ("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003 và Luật Sửa đổi, bổ sung một số điều của Luật "
            "Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005;\nCăn cứ Nghị định số 121/2005/NĐ-CP ngày 30 tháng 9 năm "
            "2005 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, Khen thưởng và Luật sửa đổi, "
            "bổsung một số điều của Luật Thi đua, Khen thưởng;")
    cits = extract_citations(text)
    assert [(c.title or c.number, c.date.value if c.date else None) for c in cits] == [
        ("Luật Thi đua, Khen thưởng", "2003-11-26"),
        ("Luật Sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng", "2005-06-14"),
        ("121/2005/NĐ-CP", "2005-09-30")]


@pytest.mark.parametrize("phrase, title, number, date", [
    ("Căn cứ Luật Tổ chức Chính phủngày 25 tháng 12 năm 2001;", "Luật Tổ chức Chính phủ", None, "2001-12-25"),
    ("Căn cứ Luật Tổ chức chính quyền địa phươngngày 19/6/2015;", "Luật Tổ chức chính quyền địa phương", None,
     "2015-06-19"),
    ("Xét đề nghị của Bộ trưởng (Tờ trình số 0017/TTr-BCT ngày 02 tháng01 năm 2008)", None, "0017/TTr-BCT",
     "2008-01-02"),
    ("Trưởng ban (Tờ tình số 19/TTr-BTĐKT ngày 03 tháng 01năm 2008)", None, "19/TTr-BTĐKT", "2008-01-03"),
])
def test_citations_glued_words_of_web_copies(phrase, title, number, date):
    cits = extract_citations(phrase)
    assert len(cits) == 1
    assert (cits[0].title if title else cits[0].number, cits[0].date.value) == (title or number, date)
    _grounded(phrase, cits)


@pytest.mark.parametrize("text", [
    "SỞ GD-ĐT BÌNH PHƯỚC\nTRƯỜNG THPT TX. PHƯỚC LONG\n\nSố 04/ KH-THPTTX. PL\n\nKẾ HOẠCH PHÁT ĐỘNG THI ĐUA\n\n"
    "Căn cứ vào kế hoạch năm học 2014 -2015 của Nhà trường.",
    "Số: 125/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022;\n\n"
    "Các đơn vị báo cáo kết quả thực hiện Kế hoạch số 125/KH-UBND về Văn phòng trước ngày 15/12/2024.",
    "Số 37 /QĐ-THCS\n\nQUYẾT ĐỊNH\nVề việc khen thưởng\n\nĐiều 1. Khen thưởng.",
    "Số: 09/KH-THCS.LL\n\nKẾ HOẠCH\nThi đua\n\nI. MỤC ĐÍCH\n\nTổ chức thực hiện Kế hoạch số 09/KH-THCS đúng tiến độ.",
])
def test_citations_own_number_is_not_a_citation(text):
    assert [c.number for c in extract_citations(text) if c.number] == []


def test_citations_own_number_does_not_hide_other_numbers():
    text = ("Số: 125/KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024\n\nCăn cứ Kế hoạch số 12/KH-UBND ngày 02/01/2024 của "
            "UBND tỉnh; Kế hoạch số 125/KH-UBND-VX ngày 05/01/2024 của UBND huyện;")
    assert [c.number for c in extract_citations(text)] == ["12/KH-UBND", "125/KH-UBND-VX"]


@pytest.mark.parametrize("line", [
    "Căn cử Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;",
    "Can cu Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;",
    "CĂN CỨ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;",
])
def test_citations_basis_tolerates_ocr_on_can_cu(line):
    cits = extract_citations(line)
    assert [(c.number, c.basis) for c in cits] == [("91/2017/NĐ-CP", True)]
