"""Header components on realistic Vietnamese headers, including provinces, ministries and layouts not in the seeds."""
from __future__ import annotations

import pytest

from extractors.header import build_context, document_year, extract_header
from schemas.record import DocumentHeader, TimeValue

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"


def _key(s: str | None) -> str:
    """Case and tone placement (hoá/hóa) do not matter for a name."""
    s = (s or "").lower()
    for old, new in (("oá", "óa"), ("oà", "òa"), ("oả", "ỏa"), ("uỷ", "ủy"), ("uý", "úy")):
        s = s.replace(old, new)
    return s


def _doc(top: str, body: str = "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n\nI. MỤC ĐÍCH, YÊU CẦU") -> str:
    return f"{top}\n\n{body}"


@pytest.mark.parametrize("line, number, code", [
    ("Số: 2352/KH-CDNB", "2352", "KH-CDNB"),
    ("Số: /KH-UBND", None, "KH-UBND"),
    ("Số:      /KH-UBND", None, "KH-UBND"),
    ("Số:1088/VNPT - QB - TĐKT", "1088", "VNPT-QB-TĐKT"),
    ("Sô: 15/KH-SGDĐT", "15", "KH-SGDĐT"),
    ("S6: 412/QĐ-UBND", "412", "QĐ-UBND"),
    ("Số: 28/HD-TĐKT", "28", "HD-TĐKT"),
    ("Số: 05/KH-THCS", "05", "KH-THCS"),
])
def test_header_number_and_code(line, number, code):
    h = extract_header(_doc(f"ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\n{line}\n\nYên Bái, ngày 09 tháng 01 năm 2024\n\nKẾ HOẠCH\n"
                            "Tổ chức phong trào thi đua năm 2024"))
    assert (h.number, h.code) == (number, code)
    assert h.evidence["code"][0].text.replace(" ", "").startswith(code.split("-")[0])


@pytest.mark.parametrize("line, place, value", [
    ("Nam Định, ngày tháng 5 năm 2024", "Nam Định", "2024-05"),
    ("Bắc Ninh, ngày tháng năm 2024", "Bắc Ninh", "2024"),
    ("Quảng Bình, ngày 27 tháng 9 năm 2021", "Quảng Bình", "2021-09-27"),
    ("Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2023", "Bà Rịa - Vũng Tàu", "2023-03-05"),
    ("Thành phố Hồ Chí Minh, ngày ... tháng 4 năm 2022", "Thành phố Hồ Chí Minh", "2022-04"),
    ("Đông Anh, ngày 15 tháng 02 năm 2024", "Đông Anh", "2024-02-15"),
])
def test_header_place_and_issue_date(line, place, value):
    h = extract_header(_doc(f"ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG ANH\nSố: /KH-UBND\n\n{line}\n\nKẾ HOẠCH\nThi đua năm 2024"))
    assert h.place == place
    assert h.issued is not None and h.issued.value == value


@pytest.mark.parametrize("lines, issuer, parent", [
    ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH", "Ủy ban nhân dân tỉnh Bắc Ninh", None),
    # a local body printing no place of its own takes its people's committee's place
    ("UBND TỈNH THANH HÓA\nSỞ NỘI VỤ", "Sở Nội vụ tỉnh Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa"),
    ("UBND HUYỆN CÁI NƯỚC\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo huyện Cái Nước",
     "Ủy ban nhân dân huyện Cái Nước"),
    ("CỤM THI ĐUA CÁC TỈNH\nTÂY NGUYÊN", "Cụm thi đua các tỉnh Tây Nguyên", None),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG ĐẠI HỌC VINH", "Trường Đại học Vinh", "Bộ Giáo dục và Đào tạo"),
])
def test_header_issuer_from_block(lines, issuer, parent):
    h = extract_header(_doc(f"{lines}\n{MOTTO}\nSố: 12/KH-UBND\nHà Nội, ngày 02 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
                            "Công tác thi đua năm 2024"))
    assert _key(h.issuer) == _key(issuer)
    assert _key(h.parent_issuer) == _key(parent)


def test_header_issuer_from_one_line_table_cells():
    # DOCX header tables arrive as one row, each cell on one line
    top = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI Số: 101/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
           "Hạnh phúc Lào Cai, ngày 14 tháng 3 năm 2024\n\nKẾ HOẠCH\nTổ chức Đại hội Thi đua yêu nước")
    h = extract_header(_doc(top))
    assert h.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert (h.number, h.code, h.place, h.issued.value) == ("101", "KH-UBND", "Lào Cai", "2024-03-14")


@pytest.mark.parametrize("top, type_, title", [
    ("KẾ HOẠCH Hoạt động của Khối thi đua các sở năm 2024", "Kế hoạch", "Hoạt động của Khối thi đua các sở năm 2024"),
    ("KẾ HOẠCH\nTổ chức Hội nghị điển hình tiên tiến các cấp,\ntiến tới Đại hội Thi đua yêu nước tỉnh Lạng Sơn",
     "Kế hoạch", "Tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh Lạng Sơn"),
    ("QUYẾT ĐỊNH\nVề việc tặng Bằng khen của Chủ tịch UBND tỉnh\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CÀ MAU",
     "Quyết định", "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"),
    ("HƯỚNG DẪN\n\nCông tác thi đua, khen thưởng năm học 2023 - 2024", "Hướng dẫn",
     "Công tác thi đua, khen thưởng năm học 2023 - 2024"),
    ("PHÁT ĐỘNG\nĐợt thi đua cao điểm 100 ngày", "Phát động", "Đợt thi đua cao điểm 100 ngày"),
])
def test_header_type_and_title(top, type_, title):
    h = extract_header(_doc("Số: /KH-UBND\n\nHà Tĩnh, ngày tháng năm 2024\n\n" + top))
    assert h.type == type_
    assert h.title == title


def test_header_type_from_code_when_type_line_missing():
    h = extract_header("Số: 45/KH-UBND\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022;")
    assert h.type == "Kế hoạch"


@pytest.mark.parametrize("block, name, position, authority, on_behalf", [
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An", "Nguyễn Văn An", "Phó Chủ tịch", "KT.",
     "Ủy ban nhân dân"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Thị Hồng Vân", "Lê Thị Hồng Vân", "Chủ tịch", "TM.", "Ủy ban nhân dân"),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐỗ Quang Huy", "Đỗ Quang Huy", "Phó Giám đốc", "KT.", None),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nHoàng Minh Đức", "Hoàng Minh Đức", "Chánh Văn phòng", "TL.", None),
    ("HIỆU TRƯỞNG\n\nTrần Hải", "Trần Hải", "Hiệu trưởng", None, None),
])
def test_header_signature_block(block, name, position, authority, on_behalf):
    text = _doc("Số: /KH-UBND\n\nKẾ HOẠCH\nThi đua năm 2024",
                "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n\nTrên đây là Kế hoạch./.\n\nNơi nhận:\n- Sở Nội vụ;\n"
                "- Lưu: VT.\n\n" + block)
    s = extract_header(text).signer
    assert (s.name, s.position, s.authority, s.on_behalf_of) == (name, position, authority, on_behalf)


def test_header_signer_first_of_several_names_on_one_line():
    text = ("Số: 12/PĐ-CĐ\n\nPHÁT ĐỘNG\nThi đua\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022;\n\n"
            "GIÁM ĐỐC CHỦ TỊCH CÔNG ĐOÀN\n\nPhan Văn Tú Lê Thị Mai\n\nNơi nhận:\n- Các phòng;")
    assert extract_header(text).signer.name == "Phan Văn Tú"


def test_header_recipients_with_purpose():
    text = ("Số: /KH-UBND\n\nKẾ HOẠCH\nThi đua\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022;\n\nNơi nhận:\n"
            "- Bộ Nội vụ (để b/c);\n- Thường trực Tỉnh ủy;\n- Các sở, ban, ngành;\n- Lưu: VT, NC.\n\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nVõ Văn Hùng")
    h = extract_header(text)
    assert [(r.name, r.purpose) for r in h.recipients] == [
        ("Bộ Nội vụ", "để báo cáo"), ("Thường trực Tỉnh ủy", None), ("Các sở, ban, ngành", None)]
    for r in h.recipients:
        assert text[r.evidence[0].start:r.evidence[0].end] == r.name


def test_header_issuer_without_header_block_from_self_description_and_place():
    text = ("Số: /KH-UBND\n\nĐà Lạt, ngày tháng 3 năm 2024\n\nKẾ HOẠCH\nThi đua năm 2024\n\n"
            "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n\nỦy ban nhân dân thành phố Đà Lạt ban hành Kế hoạch như sau:")
    h = extract_header(text)
    assert h.issuer == "Ủy ban nhân dân thành phố Đà Lạt"
    ctx = build_context(text, h)
    assert (ctx.year, ctx.month, ctx.district, ctx.level) == (2024, 3, "Đà Lạt", "huyện")


def test_header_issuer_bare_tinh_resolved_from_place():
    text = ("Số: /KH-UBND\n\nTây Ninh, ngày tháng 02 năm 2024\n\nKẾ HOẠCH\nThi đua năm 2024\n\n"
            "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
    h = extract_header(text)
    assert h.issuer == "Ủy ban nhân dân tỉnh Tây Ninh"
    ctx = build_context(text, h)
    assert (ctx.province, ctx.level) == ("Tây Ninh", "tỉnh")


def test_header_annex_self_reference_fills_number_and_date():
    text = ("KẾ HOẠCH\nThi đua của Khối thi đua\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022;\n\n"
            "PHỤ LỤC\n(kèm theo Kế hoạch số 77/KH-KTĐ ngày 12/3/2021 của Khối thi đua các cơ quan Đảng tỉnh Gia Lai)")
    h = extract_header(text)
    assert (h.number, h.code, h.issued.value) == ("77", "KH-KTĐ", "2021-03-12")


def test_header_empty_text_gives_empty_header():
    h = extract_header("")
    assert h.type is None and h.signer is None and h.recipients == []


def test_header_context_year_from_text_when_no_date():
    h = extract_header("Tổ chức thi đua\n\nnăm 2019 và năm 2019, năm 2020")
    assert build_context("năm 2019 và năm 2019, năm 2020", h).year == 2019


@pytest.mark.parametrize("header, text, year", [
    (DocumentHeader(issued=TimeValue(text="ngày 05 tháng 3 năm 2021", value="2021-03-05", granularity="day"),
                    title="Thi đua giai đoạn 2021 - 2025"), "năm 2030", 2021),
    (DocumentHeader(title="Thi đua giai đoạn 2021 - 2025"), "năm 2030", 2025),
    (DocumentHeader(), "Hà Nội, ngày 10 tháng 5 năm 2023\n\nnăm 2024, năm 2024", 2023),
    (DocumentHeader(), "Tổng kết năm 2024 và tháng 3/2024; kế hoạch năm 2025", 2024),
    (DocumentHeader(), "Không có năm nào", None),
])
def test_header_document_year_from_date_title_then_plan_year(header, text, year):
    assert document_year(header, text) == year
