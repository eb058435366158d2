"""Header: an office-holder's document names its office in the header block ("CHỦ TỊCH / ỦY BAN NHÂN DÂN TỈNH X"),
sometimes with the body's head left out ("CHỦ TỊCH NHÂN DÂN / THÀNH PHỐ X"); a Công văn's trích yếu printed "Về ..."
under the number, without "V/v". Headers written for these tests, in layouts of the sets (lines, portal grids)."""
from __future__ import annotations

import pytest

from extractors.header import build_context, extract_header

_TAIL = "\nQUYẾT ĐỊNH\nVề việc khen thưởng phong trào thi đua\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"


@pytest.mark.parametrize("head,code,issuer", [
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", "45/QĐ-CTUBND", "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"),
    ("CHỦ TỊCH\nỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "112/QĐ-CT", "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"),
    ("CHỦ TỊCH NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ", "7/2025/QĐ-CTUBND", "Chủ tịch Ủy ban nhân dân thành phố Cần Thơ"),
    ("CHỦ TỊCH NHÂN\nDÂN\nHUYỆN CAN LỘC", "31/QĐ-HĐND", "Chủ tịch Hội đồng nhân dân huyện Can Lộc"),
    ("GIÁM ĐỐC\nSỞ Y TẾ TỈNH ĐỒNG NAI", "45/QĐ-SYT", "Giám đốc Sở Y tế tỉnh Đồng Nai"),
    # the body alone stays the body, and an authority of its own stays itself
    ("CHỦ TỊCH NƯỚC", "45/QĐ-CTN", "Chủ tịch nước"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "45/QĐ-TTg", "Thủ tướng Chính phủ"),
    ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", "45/QĐ-UBND", "Ủy ban nhân dân tỉnh Lào Cai"),
])
def test_header_office_holder_keeps_its_office(head: str, code: str, issuer: str) -> None:
    text = f"{head}\nSố: {code}\nVinh, ngày 3 tháng 2 năm 2024{_TAIL}"
    h = extract_header(text)
    assert h.issuer == issuer
    assert h.parent_issuer is None


def test_header_office_holder_in_a_portal_grid() -> None:
    text = ("|\n**CHỦ TỊCH NHÂN\nDÂN **\nTỈNH QUẢNG TRỊ\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
            "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố:\n58/2025/QĐ-CTUBND\n|\n*Quảng Trị, ngày 2\n"
            "tháng 12 năm 2025 *\n|\n\n** **\n\n**QUYẾT ĐỊNH**\n\nVỀ VIỆC PHÂN CẤP QUẢN LÝ TÀI SẢN\n\n*Căn cứ Luật;*\n")
    h = extract_header(text)
    assert h.issuer == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị"
    # the other extractors read the body the office issues for
    assert build_context(text, h).issuer == "Ủy ban nhân dân tỉnh Quảng Trị"
    assert build_context(text, h).province == "Quảng Trị"


@pytest.mark.parametrize("text,title", [
    ("SỞ Y TẾ\nTỈNH LÀO CAI\nSố: 812/SYT-NVY\nVề tăng cường phòng chống dịch sốt xuất huyết\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày 12 tháng 8 năm 2024\n\n"
     "Kính gửi: Các bệnh viện trực thuộc\n", "Về tăng cường phòng chống dịch sốt xuất huyết"),
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nHUYỆN ĐÔNG ANH\nSố: 45/PGDĐT\nVề Kế hoạch tổ chức Hội khỏe Phù Đổng cấp huyện\n"
     "Đông Anh, ngày 2 tháng 3 năm 2023\nKính gửi: Hiệu trưởng các trường\n",
     "Về Kế hoạch tổ chức Hội khỏe Phù Đổng cấp huyện"),
])
def test_header_subject_under_number_without_vv(text: str, title: str) -> None:
    h = extract_header(text)
    assert h.title == title
    assert h.type == "Công văn"


def test_header_about_line_after_place_is_not_a_letter() -> None:
    # a decision's own "Về việc ..." under its type line: the type stays the decision's
    h = extract_header("ỦY BAN NHÂN DÂN\nHUYỆN CỦ CHI\nSố: 31/QĐ-UBND\nCủ Chi, ngày 12 tháng 8 năm 2024\n" + _TAIL)
    assert h.type == "Quyết định"
    assert h.title == "Về việc khen thưởng phong trào thi đua"


@pytest.mark.parametrize("head,code,issuer", [
    # the head's title printed under its body: the body issues ...
    ("CỤM THI ĐUA CÁC TỈNH ĐÔNG NAM BỘ\nCỤM TRƯỞNG", "05/TB-CTĐ", "Cụm thi đua các tỉnh Đông Nam Bộ"),
    ("KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG\nKHỐI TRƯỞNG", "12/KH-KTĐ", "Khối thi đua các cơ quan Đảng"),
    # ... and an office that issues in its own name keeps it, as when printed above the body
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nCHỦ TỊCH", "88/QĐ-CT", "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"),
    # an organ is no position: "THƯỜNG TRỰC" stays the organ of its body
    ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\nTỈNH BÌNH PHƯỚC\nTHƯỜNG TRỰC", "17/TB-HĐTĐKT",
     "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh Bình Phước"),
])
def test_header_position_under_its_body(head: str, code: str, issuer: str) -> None:
    text = f"{head}\nSố: {code}\nVinh, ngày 3 tháng 2 năm 2024{_TAIL}"
    h = extract_header(text)
    assert h.issuer == issuer
    assert all(text[ev.start:ev.end] == ev.text for ev in h.evidence["issuer"])
