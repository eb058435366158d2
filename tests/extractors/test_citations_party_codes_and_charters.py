"""Party, Youth Union and Front numbers (type before the slash, joined by a hyphen, a space or nothing), charters cited
by name under "Căn cứ", laws named in the body's prose, a law named again without its number, and a plan issued with
a decision. Phrases written for these tests, in none of the evaluation sets."""
from __future__ import annotations

import pytest

from extractors.citations import extract_citations


def _cits(text: str) -> list[tuple[str | None, str | None, str | None, bool]]:
    return [(c.number, c.title, c.date.value if c.date else None, c.basis) for c in extract_citations(text)]


@pytest.mark.parametrize("text,number,date", [
    ("Căn cứ Kế hoạch số 312 KH/TWĐTN ngày 05/8/2016 của Ban Chấp hành Trung ương Đoàn;", "312KH/TWĐTN", "2016-08-05"),
    ("Thực hiện Hướng dẫn số 27HD/TWH ngày 3/2/2019 của Trung ương Hội.", "27HD/TWH", "2019-02-03"),
    ("Căn cứ Kế hoạch số 17- KH/TƯH ngày 12/4/2013 của Ủy ban Trung ương Hội;", "17-KH/TƯH", "2013-04-12"),
    ("Căn cứ Hướng dẫn số 41-HD/BTCTW ngày 20/10/2019 của Ban Tổ chức Trung ương;", "41-HD/BTCTW", "2019-10-20"),
    ("Thực hiện Chỉ thị số 09-CT/TU ngày 15/5/2023 của Ban Thường vụ Tỉnh ủy Gia Lai;", "09-CT/TU", "2023-05-15"),
    ("theo Kế hoạch số 03/KH-BTC ngày 2/3/2022 của Ban Tổ chức Hội thi", "03/KH-BTC", "2022-03-02"),
    ("Căn cứ Nghị quyết số 11 NQ/ĐH ngày 9/9/2022 của Đại hội Hội Nông dân tỉnh;", "11NQ/ĐH", "2022-09-09"),
])
def test_citations_party_number_joined_by_space_or_nothing(text: str, number: str, date: str) -> None:
    assert [(n, d) for n, _, d, _ in _cits(text)] == [(number, date)]


@pytest.mark.parametrize("text", [
    "trong 30 ngày kể từ ngày nhận hồ sơ",
    "Có 12 ĐVTN đạt danh hiệu",
    "Điện thoại số 0233/3822 liên hệ",
])
def test_citations_no_party_number_in_counts(text: str) -> None:
    assert _cits(text) == []


@pytest.mark.parametrize("text,title", [
    ("Căn cứ Điều lệ Công đoàn Việt Nam khóa XII; Căn cứ Kế hoạch số 12/KH-LĐLĐ ngày 3/1/2024",
     "Điều lệ Công đoàn Việt Nam"),
    ("Căn cứ Điều lệ Hội Cựu chiến binh Việt Nam và Hướng dẫn số 05-HD/CCB ngày 7/3/2022 của Trung ương Hội;",
     "Điều lệ Hội Cựu chiến binh Việt Nam"),
    ("Căn cứ vào Điều lệ Đảng Cộng sản Việt Nam;", "Điều lệ Đảng Cộng sản Việt Nam"),
    ("Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh được Đại hội đại biểu toàn quốc lần thứ XII thông qua;",
     "Điều lệ Đoàn TNCS Hồ Chí Minh"),
])
def test_citations_charter_under_basis(text: str, title: str) -> None:
    charters = [(t, b) for n, t, _, b in _cits(text) if n is None]
    assert charters == [(title, True)]


@pytest.mark.parametrize("text", [
    "Nghị định số 13/2012/NĐ-CP ngày 02/3/2012 của Chính phủ ban hành Điều lệ Sáng kiến;",
    "11. Điều lệ Hội Nông dân Việt Nam (QĐ số 574/QĐ-BNV, ngày 06/6/2025 của Bộ Nội vụ);",
    "Dự thảo Điều lệ Hội Doanh nhân trẻ tỉnh trình Đại hội.",
])
def test_citations_charter_elsewhere_not_cited_by_name(text: str) -> None:
    assert all(n is not None for n, _, _, _ in _cits(text))


def test_citations_law_in_body_prose_is_cited() -> None:
    # the law named twice on its own: the third mention's run-on words ("bảo đảm kịp thời, ...") are not its name
    text = ("Kế hoạch triển khai thi hành Luật Đất đai. Tuyên truyền Luật Đất đai trên địa bàn. Tổ chức thi hành "
            "Luật Đất đai bảo đảm kịp thời, đồng bộ, hiệu quả. Kinh phí theo quy định của Luật Ngân sách nhà nước và "
            "các văn bản hướng dẫn.")
    assert [t for _, t, _, _ in _cits(text)] == ["Luật Đất đai", "Luật Ngân sách nhà nước"]


def test_citations_law_described_by_a_basis_document_is_not_cited() -> None:
    text = ("Căn cứ Nghị định số 126/2020/NĐ-CP ngày 19/10/2020 của Chính phủ quy định chi tiết một số điều của "
            "Luật Quản lý thuế;")
    assert [n for n, _, _, _ in _cits(text)] == ["126/2020/NĐ-CP"]


def test_citations_law_named_again_without_number_is_the_numbered_law() -> None:
    text = ("Căn cứ Luật Quản lý thuế số 38/2019/QH14;\n"
            "Căn cứ Thông tư số 80/2021/TT-BTC của Bộ Tài chính hướng dẫn thi hành Luật Quản lý thuế và Nghị định "
            "số 126/2020/NĐ-CP;\n\nCác sở triển khai Luật Quản lý thuế trên địa bàn tỉnh.")
    cits = _cits(text)
    assert [n for n, _, _, _ in cits] == ["38/2019/QH14", "80/2021/TT-BTC", "126/2020/NĐ-CP"]


def test_citations_undated_body_mention_joins_the_dated_basis_law() -> None:
    text = ("Căn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;\n\nII. NỘI DUNG\n\n"
            "Thực hiện đúng quy định của Luật Viên chức, Luật Thanh tra và các văn bản khác.")
    assert _cits(text) == [(None, "Luật Viên chức", "2010-11-15", True), (None, "Luật Thanh tra", None, False)]


def test_citations_plan_issued_with_a_decision_cites_it() -> None:
    text = ("KẾ HOẠCH\nTriển khai phong trào thi đua ngành Y tế giai đoạn 2026-2030\n"
            "(Ban hành kèm theo Quyết định số 412/QĐ-BYT ngày 10 tháng 3 năm 2026 của Bộ trưởng Bộ Y tế)\n\n"
            "I. MỤC ĐÍCH")
    assert _cits(text) == [("412/QĐ-BYT", None, "2026-03-10", False)]


def test_citations_annex_of_a_numbered_plan_is_itself() -> None:
    text = ("UBND TỈNH NINH BÌNH\nSố: 55/KH-UBND\n\nKẾ HOẠCH\nVề công tác thi đua\n\n"
            "PHỤ LỤC\n(Ban hành kèm theo Kế hoạch số 55/KH-UBND ngày 3/2/2024)")
    assert _cits(text) == []


@pytest.mark.parametrize("text", [
    "Căn cứ Quy chế Thi đua Khen thưởng của Tổng công ty Điện lực Miền Bắc và Quy chế Thi đua Khen thưởng "
    "của Công ty Điện lực Thái Bình;",
    "      Căn cứ Quy chế Thi đua Khen thưởng của Tổng công ty Điện lực\nMiền Bắc và Quy chế Thi đua Khen thưởng "
    "của Công ty Điện lực Thái Bình;\n      Theo đề nghị của Hội đồng Thi đua - Khen thưởng Công ty.",
])
def test_citations_regulations_cited_by_name_under_basis(text: str) -> None:
    assert [(t, b) for _, t, _, b in _cits(text)] == [
        ("Quy chế Thi đua Khen thưởng của Tổng công ty Điện lực Miền Bắc", True),
        ("Quy chế Thi đua Khen thưởng của Công ty Điện lực Thái Bình", True)]


@pytest.mark.parametrize("text,number", [
    ("Căn cứ Quy chế Thi đua - Khen thưởng của Ủy ban nhân dân huyện ban hành kèm theo Quyết định số 27/QĐ-UBND "
     "ngày 3/3/2020 của UBND huyện;", "27/QĐ-UBND"),
    ("Căn cứ Quy chế Khen thưởng của Hội đồng quản trị tại doanh nghiệp ban hành kèm theo Quyết định số "
     "112/QĐ-HĐQT ngày 9/9/2019;", "112/QĐ-HĐQT"),
    ("Căn cứ Quy chế phối hợp giữa UBND huyện và Ủy ban MTTQ huyện số 05/QC-UBND-MTTQ ngày 2/2/2022;",
     "05/QC-UBND-MTTQ"),
])
def test_citations_regulation_with_a_number_is_cited_by_it(text: str, number: str) -> None:
    assert [n for n, _, _, _ in _cits(text)] == [number]


@pytest.mark.parametrize("text,number", [
    ("theo Nghị quyết số 12.3/2024/NQ-CP ngày 5/2/2024 của Chính phủ", "12.3/2024/NQ-CP"),
])
def test_citations_numbered_part_of_a_resolution(text: str, number: str) -> None:
    assert [n for n, _, _, _ in _cits(text)] == [number]


def test_citations_one_line_header_opening_a_copy_is_the_document_itself() -> None:
    text = ("Hướng dẫn số 12/HD-TĐKT ngày 03/4/2019 của Hội đồng Thi đua - Khen thưởng tỉnh về việc tổng kết phong "
            "trào\n\nI. MỤC ĐÍCH\n\nThực hiện Kế hoạch số 40/KH-UBND ngày 2/3/2019 của UBND tỉnh.")
    assert [n for n, _, _, _ in _cits(text)] == ["40/KH-UBND"]


def test_citations_law_in_body_first_then_with_its_number_in_basis() -> None:
    text = ("Thực hiện Luật Điện lực năm 2024, tỉnh triển khai các nhiệm vụ.\n\n"
            "Căn cứ Luật Điện lực số 61/2024/QH15;\n\nTuyên truyền Luật Điện lực đến người dân.")
    assert _cits(text) == [("61/2024/QH15", "Luật Điện lực", None, True)]


def test_citations_title_two_numbered_laws_share_stays_apart() -> None:
    text = ("Căn cứ Luật Di sản văn hóa số 45/2024/QH15;\n"
            "Căn cứ Luật Di sản văn hóa số 28/2001/QH10 đã được sửa đổi;\n\n"
            "Các di tích được xếp hạng theo Luật Di sản văn hóa.")
    numbers = [n for n, _, _, _ in _cits(text)]
    assert numbers[:2] == ["45/2024/QH15", "28/2001/QH10"] and len(numbers) == 3


def test_citations_law_described_across_a_wrapped_line_is_not_cited() -> None:
    text = ("hồ sơ thực hiện theo Nghị định số 213/2025/NĐ-CP ngày 30 tháng 7 năm 2025 của\nChính phủ quy định chi tiết "
            "một số điều của Luật Quản lý, bảo vệ công trình quốc\nphòng và khu quân sự, cụ thể gồm: văn bản đề nghị.")
    assert [n for n, _, _, _ in _cits(text)] == ["213/2025/NĐ-CP"]


@pytest.mark.parametrize("text,title", [
    ("Trường hợp đủ điều kiện theo quy định của Luật Đất đai thì Ủy ban nhân dân cấp xã xác nhận.", "Luật Đất đai"),
    ("Kinh phí bảo đảm theo Luật Ngân sách nhà nước hiện hành.", "Luật Ngân sách nhà nước"),
    ("Di vật được giám định theo Luật Di sản văn hóa do Sở Văn hóa thực hiện.", "Luật Di sản văn hóa"),
    ("Từ khi Luật Phí và lệ phí có hiệu lực thi hành, các khoản thu được rà soát.", "Luật Phí và lệ phí"),
])
def test_citations_law_name_ends_before_the_sentence_runs_on(text: str, title: str) -> None:
    assert [t for _, t, _, _ in _cits(text)] == [title]
