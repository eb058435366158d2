"""Citations: failure classes found on an independent set (dev3), with phrases of other documents too."""
from __future__ import annotations

import pytest

from extractors.citations import extract_citations


def _titles(text: str) -> list[tuple[str | None, str | None, str | None, bool]]:
    return [(c.number, c.title, c.date.value if c.date else None, c.basis) for c in extract_citations(text)]


@pytest.mark.parametrize("text,title,date", [
    ("Căn cứ Luật thi đua, khen thưởng ngày 26 tháng 11 năm 2003;", "Luật thi đua, khen thưởng", "2003-11-26"),
    ("Căn cứ Luật tổ chức chính quyền địa phương;", "Luật tổ chức chính quyền địa phương", None),
    ("Căn cứ Luật ngân sách nhà nước năm 2015;", "Luật ngân sách nhà nước", "2015"),
])
def test_citations_lower_case_law(text: str, title: str, date: str | None) -> None:
    assert (None, title, date, True) in _titles(text)


@pytest.mark.parametrize("text", [
    "Theo Luật này, các cơ quan phải báo cáo.",
    "Mời Luật sư tham gia tư vấn.",
    "Việc khen thưởng thực hiện theo Luật quy định hiện hành.",
])
def test_citations_lower_case_law_not_prose(text: str) -> None:
    assert not [t for t in _titles(text) if t[1]]


@pytest.mark.parametrize("text,title,date", [
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND ngày 03/12/2004;",
     "Luật Ban hành văn bản quy phạm pháp luật của HĐND, UBND", "2004-12-03"),
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân ngày 03 tháng 12 năm 2004;",
     "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân", "2004-12-03"),
])
def test_citations_law_name_with_local_bodies(text: str, title: str, date: str) -> None:
    assert (None, title, date, True) in _titles(text)


def test_citations_law_issuer_not_in_title() -> None:
    got = _titles("Căn cứ Luật Đất đai của Quốc hội ngày 29/11/2013;")
    assert got[0][1] == "Luật Đất đai"


def test_citations_consolidated_law_title_stops() -> None:
    got = _titles("Căn cứ Luật Thi đua, Khen thưởng hợp nhất tại văn bản số 16/VBHN-VPQH ngày 13/12/2013;")
    assert ("16/VBHN-VPQH", None, "2013-12-13", True) in [(n, None, d, b) for n, _, d, b in got if n]
    assert any(t == "Luật Thi đua, Khen thưởng" for _, t, _, _ in got)


@pytest.mark.parametrize("text,number,date", [
    ("QUYẾT ĐỊNH\nSỬA ĐỔI QUY CHẾ BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 13/2018/QĐ-UBND NGÀY 27 THÁNG 4 NĂM 2018 CỦA UBND",
     "13/2018/QĐ-UBND", "2018-04-27"),
    ("Sửa đổi Quy định ban hành kèm theo Quyết định số 25/2019/QĐ-UBND ngày 10/6/2019 của UBND tỉnh.",
     "25/2019/QĐ-UBND", "2019-06-10"),
    ("BÃI BỎ NGHỊ QUYẾT SỐ 05/2016/NQ-HĐND NGÀY 8/7/2016", "05/2016/NQ-HĐND", "2016-07-08"),
])
def test_citations_in_title_and_kem_theo(text: str, number: str, date: str) -> None:
    got = {n: d for n, _, d, _ in _titles("Số: 31/2020/QĐ-UBND\n\n" + text)}  # the document's own number first
    assert got.get(number) == date


def test_citations_annex_self_reference_skipped() -> None:
    text = "Số: 12/KH-UBND\n\nPHỤ LỤC\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2024 của UBND huyện)"
    assert not [n for n, *_ in _titles(text) if n and n.startswith("12/")]


@pytest.mark.parametrize("text", [
    "V/v hướng dẫn Kính gửi: các trường; Căn cứ Quyết định số 36/2017/QĐ-UBND ngày 04/11/2017 của UBND tỉnh;",
    "Kính gửi: các đơn vị; Căn Công văn số 1459/SNV-TĐKT ngày 14/11/2017 của Sở Nội vụ, Sở hướng dẫn",
])
def test_citations_inline_basis(text: str) -> None:
    assert all(b for *_, b in _titles(text)) and _titles(text)
