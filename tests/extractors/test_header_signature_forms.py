"""Signature blocks and authority lines in the forms web copies print (issue 10): the position alone in title
case over the signature mark and the name, and a header issuer line cut short that the decision's authority
line names in full."""
from __future__ import annotations

import pytest

from extractors.header import extract_header


@pytest.mark.parametrize("block, name, position", [
    ("Bộ Công Thương\n\nBộ trưởng\n\n(Đã ký)\n\n \n\nLê Văn Thành", "Lê Văn Thành", "Bộ trưởng"),
    ("Ủy ban nhân dân tỉnh Kon Tum\n\nChủ tịch\n\n(Đã ký)\n\nĐỗ Thị Hoa", "Đỗ Thị Hoa", "Chủ tịch"),
    ("Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nKT. Giám đốc\n\nPhó Giám đốc\n\n(Đã ký)\n\nTrần Thị Mai", "Trần Thị Mai",
     "Phó Giám đốc"),
    # the name printed in capitals
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nVÕ THANH HẢI", "Võ Thanh Hải", "Phó Chủ tịch"),
    # a school's Youth Pioneer leader signs for its Liên đội
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. LIÊN ĐỘI\nTỔNG PHỤ TRÁCH\n\nNguyễn Thị Hồng", "Nguyễn Thị Hồng",
     "Tổng phụ trách"),
])
def test_header_signer_under_a_title_case_position(block, name, position):
    text = f"QUYẾT ĐỊNH\n\nVề việc ban hành Quy chế thi đua\n\nĐiều 3. Các đơn vị chịu trách nhiệm thi hành./.\n\n{block}\n"
    h = extract_header(text)
    assert (h.signer.name, h.signer.position) == (name, position)


@pytest.mark.parametrize("header, authority, issuer", [
    ("SỞ GDĐT BẮC GIANG\nTRƯỜNG CAO ĐẲNG NGÔ GIA TỰ", "HIỆU TRƯỞNG TRƯỜNG CAO ĐẲNG NGÔ GIA TỰ BẮC GIANG",
     "Trường Cao đẳng Ngô Gia Tự Bắc Giang"),
    # an authority line that names another body leaves the header's issuer alone
    ("UBND TỈNH BẮC GIANG\nSỞ NỘI VỤ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "Sở Nội vụ tỉnh Bắc Giang"),
])
def test_header_issuer_completed_by_the_authority_line(header, authority, issuer):
    text = (f"{header}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 75/QĐ-CĐ\tBắc Giang, ngày 12 tháng 9 năm 2021\n\n"
            f"QUYẾT ĐỊNH\nBan hành Quy định tiêu chuẩn danh hiệu thi đua\n\n{authority}\n\nCăn cứ Luật Thi đua, khen thưởng;\n")
    h = extract_header(text)
    assert h.issuer.lower() == issuer.lower()


def test_header_capitals_far_below_the_position_are_not_a_name():
    """A signature whose name was lost (a scan): an annex heading in capitals further down is not the signer."""
    text = ("QUYẾT ĐỊNH\n\nVề việc khen thưởng\n\nĐiều 3. Thi hành./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\n"
            "(Đã ký)\n\nPHỤ LỤC\n\nDANH SÁCH CÁ NHÂN\n\nĐỢT 2 NĂM 2024\n\nHỒ SƠ ĐỀ NGHỊ KHEN\n")
    assert extract_header(text).signer is None


def test_header_capitals_over_a_name_are_a_position():
    """A position the list does not know, in capitals over the name in title case."""
    text = ("CÔNG VĂN\n\nV/v thuế suất\n\nTrân trọng./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. TRƯỞNG THUẾ TỈNH\n"
            "PHÓ TRƯỞNG THUẾ TỈNH\nLê Hữu Phước\n")
    assert extract_header(text).signer.name == "Lê Hữu Phước"


_BODY = "Số: 12/QĐ-ABC\n\nHà Nội, ngày 3 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành quy chế\n\nCăn cứ Luật.\n\n" \
        "Điều 1. Nội dung.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\n"


@pytest.mark.parametrize("block,name,position", [
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrung tướng Phạm Văn Dũng", "Phạm Văn Dũng", "Thứ trưởng"),
    ("GIÁM ĐỐC\nĐại tá Nguyễn Đức Hải", "Nguyễn Đức Hải", "Giám đốc"),
    ("HIỆU TRƯỞNG\nThS. Lê Thị Hoa", "Lê Thị Hoa", "Hiệu trưởng"),
    ("TỔNG KIỂM TOÁN NHÀ NƯỚC\nTrần Văn Bình", "Trần Văn Bình", "Tổng Kiểm toán nhà nước"),
    ("KT. THỐNG ĐỐC\nPHÓ THỐNG ĐỐC\nĐào Minh Tú", "Đào Minh Tú", "Phó Thống đốc"),
])
def test_header_signer_after_a_rank_or_a_national_title(block: str, name: str, position: str) -> None:
    h = extract_header("BỘ QUỐC PHÒNG\n" + _BODY + block + "\n")
    assert (h.signer.name, h.signer.position) == (name, position)


@pytest.mark.parametrize("closing, name, authority", [
    # a web copy's closing row left on one line: recipients | signature cell, its lines run together
    # (the glued "DÂNKT." hides the second authority: the name is what counts)
    ("- Bộ Nội vụ;\n- Lưu: VT, TH. | TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH Hồ Văn Mừng |", "Hồ Văn Mừng", "TM."),
    ("- Như trên;\n- Lưu: VT. | TM. HỘI ĐỒNG NHÂN DÂNCHỦ TỊCH Lò Thị Luyến |", "Lò Thị Luyến", "TM."),
    # the mark glued between the position and the name
    ("- Lưu: VT, KTTH. | TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc |", "Hồ Đức Phớc", "TM."),
    ("- Lưu: VT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG (Đã ký) Nguyễn Thị Phương Hoa |", "Nguyễn Thị Phương Hoa", "KT."),
    # only the signature mark before the name: no position, no authority
    ("- Các bộ, cơ quan ngang bộ;\n- Lưu: VT, KGVX (2). | ( Đã ký) Trần Hồng Hà |", "Trần Hồng Hà", None),
])
def test_header_signer_in_a_closing_cell_left_on_one_line(closing, name, authority):
    text = (f"NGHỊ ĐỊNH\n\nQuy định chi tiết một số điều\n\nĐiều 5. Các bộ trưởng chịu trách nhiệm thi hành Nghị định này."
            f"\n\nNơi nhận:\n{closing}\n")
    h = extract_header(text)
    assert (h.signer.name, h.signer.authority) == (name, authority)
    assert all(text[ev.start:ev.end] == ev.text for ev in h.evidence["signer"])


def test_header_no_signer_from_a_mark_without_a_name():
    text = ("NGHỊ QUYẾT\n\nVề việc sắp xếp đơn vị hành chính\n\nĐiều 3. Hiệu lực thi hành.\n\nNơi nhận:\n- Chính phủ;\n"
            "- Lưu: HC. |\n(đã ký)\n|")
    assert extract_header(text).signer is None


@pytest.mark.parametrize("line, name", [
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nPhạm Thị Thanh Trà.", "Phạm Thị Thanh Trà"),  # a speck read as a full stop
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n**Võ Văn Hưng**;", "Võ Văn Hưng"),
])
def test_header_signer_name_without_the_marks_around_it(line, name):
    text = f"KẾ HOẠCH\n\nThi đua năm 2025\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n{line}\n"
    h = extract_header(text)
    assert h.signer.name == name and h.evidence["signer"][0].text == name
