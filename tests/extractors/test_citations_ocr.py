"""Citations on OCR text of scans: look-alike characters, spaced codes, noisy "số", glued dates."""
from __future__ import annotations

import pytest

from extractors.citations import extract_citations


def _one(text: str):
    cits = extract_citations(text)
    assert len(cits) == 1, [c.number or c.title for c in cits]
    for ev in cits[0].evidence:
        assert text[ev.start:ev.end] == ev.text
    return cits[0]


@pytest.mark.parametrize("phrase, number, date", [
    # "CĐ VNPT" with a space and the Eth look-alike; the upper-case part after the space is still the code
    ("Thực hiện Chỉ thị số 20/CT - VNPT - CÐ VNPT, ngày 23/9/2021 của Tập đoàn;", "20/CT-VNPT-CĐVNPT", "2021-09-23"),
    ("Thực hiện Chỉ thị số 20/CT-VNPT-CĐ VNPT ngày 23/9/2021 của Tập đoàn;", "20/CT-VNPT-CĐVNPT", "2021-09-23"),
    ("Căn cứ Kế hoạch số 15/KH-BCĐ VNPT; Chương trình công tác năm", "15/KH-BCĐVNPT", None),
    ("Căn cứ Nghị định SỐ, 91⁄2017/NĐ-CP ngày 31/7/2017 của Chính phủ;", "91/2017/NĐ-CP", "2017-07-31"),
    ("Căn cứ Nghị định số91/2017/NĐ-CP ngày31/7/2017 của Chính phủ;", "91/2017/NĐ-CP", "2017-07-31"),
    ("Căn cứ Nghị định sô 91/2017/ND-CP ngày 31/ 7/2017 của Chính phủ;", "91/2017/NĐ-CP", "2017-07-31"),
    ("Căn cử Quyết định số 35/2019/QD-UBND ngày 11/11/2019 của UBND tỉnh;", "35/2019/QĐ-UBND", "2019-11-11"),
    ("Căn cứ Thông tư số 23/2012/TT- BCA ngày 27/4/2012 của Bộ Công an;", "23/2012/TT-BCA", "2012-04-27"),
    ("Căn cứ Hướng dẫn số 56/HD-BTĐKTTW ngày 10/01/2024 của Ban Thi đua;", "56/HD-BTĐKTTW", "2024-01-10"),
    # a day OCR split in two ("1 1") is unknown: no date rather than the 1st
    ("Căn cứ Quyết định số 35/2019/QĐ-UBND ngày 1 1/11/2019 của UBND tỉnh;", "35/2019/QĐ-UBND", None),
])
def test_citations_ocr_numbers(phrase, number, date):
    c = _one(phrase)
    assert c.number == number
    assert (c.date.value if c.date else None) == date


@pytest.mark.parametrize("phrase", [
    # the spaced upper-case word is the start of the next phrase, not a code part
    "Thực hiện Kế hoạch số 12/KH-UBND UBND tỉnh giao nhiệm vụ cho các sở;",
])
def test_citations_ocr_spaced_tail_needs_an_end(phrase):
    assert _one(phrase).number == "12/KH-UBND"


def test_citations_ocr_prose_so_is_not_the_own_number():
    # a lower-case "số" in prose is a citation, never the document's own "Số:" line
    c = _one("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1849/TTr-SNV-TĐKT ngày 18/10/2022.")
    assert (c.number, c.date.value) == ("1849/TTr-SNV-TĐKT", "2022-10-18")
