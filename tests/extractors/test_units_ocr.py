"""units.py / names.py on OCR text: recognition lists, names with lower-case syllables, glued table cells."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.names import find_unit_mentions, repair_ocr_name
from extractors.units import extract_units

QB = DocContext(year=2021, province="Quảng Bình", level="tỉnh")
BN = DocContext(year=2024, province="Bắc Ninh", level="tỉnh")

DECISION = ("Điều 1. Công nhận 5 cơ quan, doanh nghiệp đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2021 "
            "(có danh sách kèm theo).\n\n"
            "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Công an tỉnh và các cơ quan, doanh nghiệp "
            "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.\n\n")
ENTRIES = ("1. Ban Quản lý Vườn Quốc gia Phong Nha- Kẻ Bàng:\n\n"
           "2. Cục Dự trữ Nhà nước khu vực Bình Trị Thiên; u\n\n"
           "3. Đài Phát thanh - Truyền hình tỉnh Quảng Bình\n\n"
           "4ó. Ngân hàng TMCP Sài Gòn thương tín chỉ nhánh Quảng Bình;\n\n"
           "A5. Trung tâm Huấn luyện và Thi đấu TDTT tỉnh Quảng Bình ./.\n")


def responsible(text, context):
    return {u.name: u.roles for u in extract_units(text, context) if set(u.roles) & {"lead", "support", "director"}}


@pytest.mark.parametrize("heading", [
    "DANH SÁCH CÔNG NHẬN CƠ QUAN, DOANH NGHIỆP\n\n",
    "ĐANH SÁCH CÔNG NHẬN CƠ QUAN, DOANH NGHIỆP,\n\n",      # OCR: D read as Đ
    "DANH SACH TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN\n\n",            # the accent lost
    "“DANHSÁCH CÁC ĐƠN VỊ ĐẠT TIÊU CHUẨN\n\n",
    "Xanh SÁCI CÔNG NHẬN CƠ QUAN\n\n",                      # the heading unreadable: the numbered list still tells
    "",
])
def test_units_ocr_recognition_list_is_not_responsible(heading):
    got = responsible(DECISION + "KT. CHỦ TỊCH\n\n" + heading + ENTRIES, QB)
    assert set(got) == {"Văn phòng Ủy ban nhân dân tỉnh Quảng Bình", "Công an tỉnh Quảng Bình"}
    assert all(r == ["lead"] for r in got.values())


def test_units_ocr_heading_over_duties_still_leads():
    text = ("1. Sở Nội vụ:\n- Chủ trì tổ chức Hội nghị sơ kết.\n\n"
            "2. Sở Tài chính:\n- Bố trí kinh phí khen thưởng.\n\n"
            "3. Sở Y tế:\n- Tổ chức phát động phong trào thi đua.\n")
    got = responsible(text, QB)
    assert {"Sở Nội vụ", "Sở Tài chính", "Sở Y tế"} <= set(got)


@pytest.mark.parametrize("text, name", [
    ("2. Ban Quản lý Vườn Quốc gia Phong Nha- Kẻ Bàng;", "Ban Quản lý Vườn Quốc gia Phong Nha- Kẻ Bàng"),
    ("Ban Quản lý Vườn Quốc gia Bạch Mã tổ chức tuyên truyền.", "Ban Quản lý Vườn Quốc gia Bạch Mã"),
    ("Ngân hàng Chính sách xã hội tỉnh chủ trì cho vay.", "Ngân hàng Chính sách xã hội tỉnh"),
    ("Ngân hàng Hợp tác xã Việt Nam chi nhánh Nghệ An;", "Ngân hàng Hợp tác xã Việt Nam chi nhánh Nghệ An"),
    ("Cục Thi hành án dân sự tỉnh Hà Tĩnh phối hợp.", "Cục Thi hành án dân sự tỉnh Hà Tĩnh"),
    ("34. Cục Dự trữ Nhà nước khu vực Bình Trị Thiên;", "Cục Dự trữ Nhà nước khu vực Bình Trị Thiên"),
    ("Đài Phát thanh và Truyền hình tỉnh đưa tin.", "Đài Phát thanh và Truyền hình tỉnh"),
    ("Trung tâm Huấn luyện và Thi đấu TDTT tỉnh Quảng Bình;", "Trung tâm Huấn luyện và Thi đấu TDTT tỉnh Quảng Bình"),
    ("Hội Văn học Nghệ thuật tỉnh Thái Bình phát động cuộc thi.", "Hội Văn học Nghệ thuật tỉnh Thái Bình"),
    ("Công ty Cổ phần Quản lý và Xây dựng đường bộ Hà Tĩnh;", "Công ty Cổ phần Quản lý và Xây dựng đường bộ Hà Tĩnh"),
    ("Trung tâm Kiểm soát bệnh tật tỉnh triển khai.", "Trung tâm Kiểm soát bệnh tật tỉnh"),
    ("Hội Phụ nữ huyện Lệ Thủy tham gia.", "Hội Phụ nữ huyện Lệ Thủy"),
    ("Công ty Xăng dầu Quảng Bình;", "Công ty Xăng dầu Quảng Bình"),
])
def test_units_ocr_names_not_cut_at_lower_case_syllables(text, name):
    assert name in [m[2] for m in find_unit_mentions(text)]


@pytest.mark.parametrize("text, name, role", [
    ("Ngân hàng Chính sách xã hội tỉnh chủ trì, phối hợp với Hội Phụ nữ tỉnh triển khai cho vay.",
     "Ngân hàng Chính sách xã hội tỉnh Quảng Bình", "lead"),
    ("Ngân hàng Chính sách xã hội tỉnh chủ trì, phối hợp với Hội Phụ nữ tỉnh triển khai cho vay.",
     "Hội Phụ nữ tỉnh Quảng Bình", "support"),
    ("- Trung tâm Kiểm soát bệnh tật tỉnh thực hiện tiêm phòng cho trẻ em trong độ tuổi.", "Trung tâm Kiểm soát bệnh tật tỉnh Quảng Bình",
     "lead"),
])
def test_units_ocr_full_names_keep_their_roles(text, name, role):
    assert role in responsible(text, QB).get(name, [])


HEADER = "STT\tNội dung thực hiện\tĐơn vị ch: đạo\t- Đơn vị thực hiện\tĐơn vị phối hợp\tGhi chú\n\tQuý I\t\t\t\t\n"


@pytest.mark.parametrize("cells, name, role", [
    ("UBNDtinhh\tBan Thi đua - Khen thưởng, Sở Nội vụ\t", "Ủy ban nhân dân tỉnh Bắc Ninh", "director"),
    ("UJBNDItinh\tSở Nội vụ\t", "Ủy ban nhân dân tỉnh Bắc Ninh", "director"),
    ("Hội đồng TĐKTtinh\tSở Nội vụ\t", "Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh", "director"),
    ("Cụm trưởng cụm TÐ các tỉnh ĐBSH\tSở Nội vụ\t", "Cụm thi đua các tỉnh Đồng bằng sông Hồng", "director"),
    ("“Thường trực Hội đồng TĐKT tỉnh\tSở Nội vụ\t", "Thường trực Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh",
     "director"),
    ("UBND tỉnh\tSở Lao động, Thương binhvà Xã hội\t", "Sở Lao động - Thương binh và Xã hội", "lead"),
    ("UBND tỉnh\tBan Thiđua - Khen thưởng, Sở Nội vụ\t", "Ban Thi đua - Khen thưởng, Sở Nội vụ", "lead"),
])
def test_units_ocr_table_cells(cells, name, role):
    text = HEADER + f"1\tXây dựng Kế hoạch công tác thi đua\t{cells}\t\n"
    got = responsible(text, BN)
    assert role in got.get(name, []), got
    for u in extract_units(text, BN):
        for ev in u.evidence:
            assert text[ev.start:ev.end] == ev.text


def test_units_ocr_collective_in_a_cell_gives_no_unit():
    text = HEADER + "1\tXây dựng Kế hoạch\tUBND tỉnh\tCác địa phương, đơn vị được UBNDtinh giao\t\t\n"
    got = responsible(text, BN)
    assert got == {"Ủy ban nhân dân tỉnh Bắc Ninh": ["director"]}


def test_units_ocr_mention_without_its_parent_merges():
    text = (HEADER + "1\tXây dựng Kế hoạch\tUBND tỉnh\tBan Thi đua - Khen thưởng, Sở Nội vụ\t\t\n"
            "2\tTổ chức tập huấn\tUBND tỉnh\tBan Thi đua - khen thưởng,\t\t\n")
    names = [n for n in responsible(text, BN) if n.startswith("Ban Thi đua")]
    assert names == ["Ban Thi đua - Khen thưởng, Sở Nội vụ"]


@pytest.mark.parametrize("raw, want", [
    ("UBNDtinhh", "UBND tỉnh"),
    ("UBNDItinh", "UBND tỉnh"),
    ("DBNDtinh", "UBND tỉnh"),
    ("Hội đồng TĐKTtỉnh", "Hội đồng TĐKT tỉnh"),
    ("Cụm trưởng cụm TĐcác tỉnhÐBSH", "Cụm trưởng cụm TĐ các tỉnh ĐBSH"),
    ("Ban Thiđua - Khen thưởng", "Ban Thi đua - Khen thưởng"),
    ("Sở Lao động, Thương binhvà Xã hội", "Sở Lao động, Thương binh và Xã hội"),
    ("UBND huyệnĐBSH", "UBND huyện ĐBSH"),
    # nothing to repair, or not safe to: left as it is
    ("UBND tỉnh", "UBND tỉnh"),
    ("Công ty TNHH Buntaphan", "Công ty TNHH Buntaphan"),
    ("Công ty ABCxyz", "Công ty ABCxyz"),
    ("Trường THPTchuyên", "Trường THPT chuyên"),  # a known abbreviation glued to the next word
    ("tình hình thực hiện", "tình hình thực hiện"),
])
def test_units_ocr_repair_name(raw, want):
    assert repair_ocr_name(raw) == want


@pytest.mark.parametrize("article, unit", [
    # OCR specks read as stops inside the executing clause: the clause, and the roles in it, go on
    ("Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế, Giám đốc Bảo hiểm xã hội tỉnh. và "
     "các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.", "Bảo hiểm xã hội tỉnh Quảng Bình"),
    ("Điều 2. Chánh Văn phòng Bộ, Vụ trưởng Vụ Thi đua - Khen thưởng, Tổng Giám đốc Tổng công ty Điện lực miền "
     "Bắc. và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.", "Tổng công ty Điện lực miền Bắc"),
])
def test_units_ocr_stray_stop_keeps_the_clause(article, unit):
    got = responsible("Điều 1. Tặng Bằng khen cho 3 tập thể (có danh sách kèm theo).\n\n" + article + "\n", QB)
    assert got.get(unit) == ["lead"]


def test_units_ocr_stray_stop_after_and_keeps_the_name():
    got = responsible("3. Công an tỉnh: Phối hợp với Sở Văn hóa, Thể thao và. Du lịch hướng dẫn các huyện.\n", BN)
    assert got.get("Sở Văn hóa, Thể thao và Du lịch") == ["support"]


@pytest.mark.parametrize("first", [
    "1. Phòng Cảnh sát giao thông đường bộ, Công an tỉnh Hà Tĩnh",
    "1. Phòng Quản lý xuất nhập cảnh, Công an tỉnh Nghệ An;",
    "1. Phòng Phỗ biến, giáo dục pháp luật, Sở Tư pháp tỉnh Hà Tĩnh",   # OCR slip: the name is read short
])
def test_units_ocr_list_entry_with_its_parent_body_is_an_entry(first):
    # the name finder reads the first name short; the words after it end at the body it belongs to, so the
    # line is one more entry of the list of recipients, not a subject with a verb
    text = ("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể sau:\n\n" + first + "\n\n"
            "2. Ban Chỉ huy Quân sự huyện Kỳ Anh\n\n3. Trung tâm Y tế huyện Hương Khê\n\n"
            "4. Trường Trung học phổ thông Nguyễn Du\n")
    assert responsible(text, QB) == {}
