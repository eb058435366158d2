"""Party, Youth Union and association headers: the "Số: 225-KH/TWĐTN-CTTN" number style, the organisation line
printed where a state header prints the motto, and organs named with their body (issue 10)."""
from __future__ import annotations

import pytest

from extractors.header import extract_header


def _grounded(text, h):
    for field, evs in h.evidence.items():
        for ev in evs:
            assert text[ev.start:ev.end] == ev.text, field


@pytest.mark.parametrize("number_line, number, code", [
    ("Số: 225 - KH/TWĐTN-CTTN", "225", "KH/TWĐTN-CTTN"),
    ("Số 49-KH/TƯH", "49", "KH/TƯH"),
    ("Số: 12-KH/ĐU", "12", "KH/ĐU"),
    ("Số: 108-QĐ/TU", "108", "QĐ/TU"),
    ("Số: 07-HD/UBH", "07", "HD/UBH"),
    ("Số: 15/KH-UBND", "15", "KH-UBND"),  # the state style is unchanged
])
def test_header_party_style_number_and_code(number_line, number, code):
    text = f"TỈNH ỦY NGHỆ AN\n{number_line}\nVinh, ngày 3 tháng 4 năm 2023\n\nKẾ HOẠCH\nTổ chức Tháng Thanh niên\n\nThực hiện"
    h = extract_header(text)
    assert (h.number, h.code) == (number, code)
    _grounded(text, h)


@pytest.mark.parametrize("header, issuer", [
    # the organ beside the organisation line, on two lines or flattened onto one
    ("BAN CHẤP HÀNH TRUNG ƯƠNG\nĐOÀN TNCS HỒ CHÍ MINH\n***",
     "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH\n***",
     "Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    # a complete body beside the organisation line keeps its own name
    ("TỈNH ĐOÀN BÌNH ĐỊNH\tĐOÀN TNCS HỒ CHÍ MINH\n***", "Tỉnh đoàn Bình Định"),
    # a Party committee under its Party organisation
    ("ĐẢNG BỘ TỈNH HÀ TĨNH\tĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n*", "Tỉnh ủy Hà Tĩnh"),
    ("ĐẢNG BỘ HUYỆN THẠCH HÀ\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY\n*", "Huyện ủy Thạch Hà"),
    ("ĐẢNG BỘ XÃ AN HÒA\tĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY\n*", "Đảng ủy xã An Hòa"),
    # an organ printed alone under its body
    ("UỶ BAN HỘI LHTN VIỆT NAM TỈNH QUẢNG NGÃI\nBAN THƯ KÝ", "Ban thư ký Ủy ban Hội LHTN Việt Nam tỉnh Quảng Ngãi"),
    ("HỘI CỰU CHIẾN BINH VIỆT NAM\nTỈNH LONG AN\nBAN THƯỜNG VỤ", "Ban thường vụ Hội Cựu chiến binh Việt Nam tỉnh Long An"),
    # a department of a Party committee
    ("HUYỆN ỦY CẦN ĐƯỚC\tĐẢNG CỘNG SẢN VIỆT NAM\nBAN TUYÊN GIÁO\n*", "Ban Tuyên giáo Huyện ủy Cần Đước"),
    ("TỈNH ỦY LONG AN\tĐẢNG CỘNG SẢN VIỆT NAM\nVĂN PHÒNG\n*", "Văn phòng Tỉnh ủy Long An"),
])
def test_header_organ_named_with_its_body(header, issuer):
    text = f"{header}\nSố: 31-KH/UBH\tTân An, ngày 2 tháng 3 năm 2023\n\nKẾ HOẠCH\nTổ chức Đại hội Hội các cấp\n\nThực hiện"
    h = extract_header(text)
    assert h.issuer.lower() == issuer.lower()
    assert h.place == "Tân An"
    _grounded(text, h)


@pytest.mark.parametrize("header, issuer", [
    ("UBND PHƯỜNG HÒA KHÁNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTrường Tiểu học Lê Lợi\tĐộc lập - Tự do - Hạnh phúc",
     "Trường Tiểu học Lê Lợi"),
    ("UBND XÃ TAM HIỆP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLiên đội trường Tiểu học Tam Hiệp Độc lập - Tự do - Hạnh phúc",
     "Liên đội Trường Tiểu học Tam Hiệp"),
    ("ĐOÀN TNCS HỒ CHÍ MINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nChi đoàn Trường THPT Phan Bội Châu\tĐộc lập - Tự do - Hạnh phúc",
     "Chi đoàn Trường Trung học phổ thông Phan Bội Châu"),
])
def test_header_lower_body_in_title_case(header, issuer):
    text = f"{header}\nSố: 03/KH-LĐ\nVinh, ngày 2 tháng 3 năm 2023\n\nKẾ HOẠCH\nTổ chức hội thi\n\nThực hiện"
    h = extract_header(text)
    assert h.issuer == issuer
    _grounded(text, h)


@pytest.mark.parametrize("line, issuer, parent", [
    ("BỘ CÔNG AN CÔNG AN TỈNH ĐIỆN BIÊN", "Công an tỉnh Điện Biên", "Bộ Công an"),
    ("BỘ GIAO THÔNG VẬN TẢI CỤC HÀNG HẢI VIỆT NAM", "Cục Hàng hải Việt Nam", "Bộ Giao thông vận tải"),
    ("SỞ Y TẾ CẦN THƠ BỆNH VIỆN NHI ĐỒNG", "Bệnh viện nhi đồng", "Sở Y tế Cần Thơ"),
    ("BỘ Y TẾ", "Bộ Y tế", None),
])
def test_header_parent_and_body_flattened_onto_one_line(line, issuer, parent):
    """A copy that lost the header's line breaks: the parent ends where it is a listed public body or names its
    province."""
    text = f"{line} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố: 15/KH-ABC Cần Thơ, ngày 4 tháng 5 năm 2024\nKẾ HOẠCH\nTổ chức hội thi\nCăn cứ Luật"
    h = extract_header(text)
    assert (h.issuer.lower(), (h.parent_issuer or "").lower()) == (issuer.lower(), (parent or "").lower())
    _grounded(text, h)


@pytest.mark.parametrize("header, issuer", [
    ("Ủy ban nhân dân\ntỉnh Quảng Nam\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc", "Ủy ban nhân dân tỉnh Quảng Nam"),
    ("Ủy ban nhân dân huyện Gia Lâm\nPhòng Nội vụ", "Phòng Nội vụ huyện Gia Lâm"),
    ("Ban hành kèm theo quyết định", None),  # a sentence that opens with a head word is no body
])
def test_header_block_in_mixed_case(header, issuer):
    text = f"{header}\nSố: 12/KH-UBND\nTam Kỳ, ngày 3 tháng 4 năm 2024\n\nKẾ HOẠCH\nTổ chức phong trào thi đua\n\nCăn cứ Luật\n"
    h = extract_header(text)
    assert h.issuer == issuer
    _grounded(text, h)
