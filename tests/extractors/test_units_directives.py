"""units.py on directives (công điện, thông báo kết luận, duties per level, issue 10): numbered items in
parentheses, the unit heading a list of duties that directs through a "Chỉ đạo ..." sub-item, subjects that
direct after an insertion, addressees followed by the provinces they stand for, lists of levels, and a web
portal's field labels. None of these phrases is in a set."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.names import find_unit_mentions
from extractors.units import extract_units

NGHE_AN = DocContext(year=2025, province="Nghệ An", level="tỉnh")


def responsible(text, context=None):
    return {u.name: set(u.roles) for u in extract_units(text, context)
            if set(u.roles) & {"lead", "support", "director"}}


@pytest.mark.parametrize("text, name, want", [
    ("(2) Bộ Tư pháp chỉ đạo các cơ quan liên quan hoàn thiện hồ sơ trước ngày 15/12/2025.",
     "Bộ Tư pháp", {"lead", "director"}),
    ("(b) Ủy ban nhân dân tỉnh Sơn La khẩn trương rà soát các điểm sạt lở.",
     "Ủy ban nhân dân tỉnh Sơn La", {"lead"}),
])
def test_units_numbered_item_in_parentheses_opens_a_clause(text, name, want):
    assert want <= responsible(text).get(name, set())


DUTIES = """Bộ Nội vụ yêu cầu các cơ quan, đơn vị:
1. Cục Văn thư và Lưu trữ nhà nước
- Chỉ đạo các đơn vị lưu trữ rà soát hồ sơ.
- Khẩn trương tổng hợp kết quả, báo cáo Bộ trưởng.
2. Bộ Giáo dục và Đào tạo chủ trì, phối hợp với các Bộ, cơ quan liên quan và các địa phương:
a) Rà soát danh mục thiết bị dạy học.
b) Chỉ đạo các trường đại học sẵn sàng tiếp nhận sinh viên.
3. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:
a) Theo dõi sát diễn biến.
b) Tổ chức tiếp nhận hàng hỗ trợ. Chỉ đạo các cấp chính quyền cơ sở phân bổ đến từng hộ dân.
4. Bộ Tài chính tham mưu chỉ đạo, hướng dẫn các địa phương.
- Chỉ đạo các đơn vị dự trữ xuất cấp hàng.
5. Sở Y tế
- Rà soát cơ sở khám bệnh.
6. Sở Công Thương phối hợp kiểm tra thị trường.
"""


@pytest.mark.parametrize("name", ["Cục Văn thư và Lưu trữ nhà nước", "Bộ Giáo dục và Đào tạo",
                                  "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"])
def test_units_chi_dao_sub_item_makes_the_heading_unit_director(name):
    assert {"lead", "director"} <= responsible(DUTIES)[name]


@pytest.mark.parametrize("name", ["Bộ Tài chính", "Sở Y tế", "Sở Công Thương"])
def test_units_no_director_without_a_heading_over_a_chi_dao_item(name):
    # "tham mưu chỉ đạo" is advice, and a sentence (not a heading) holds no sub-items; a numbered item ends
    # the duties above it
    assert "director" not in responsible(DUTIES).get(name, set())


@pytest.mark.parametrize("text, name", [
    ("(6) Ủy ban nhân dân tỉnh Nghệ An theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo các cơ quan liên quan đẩy "
     "nhanh tiến độ.", "Ủy ban nhân dân tỉnh Nghệ An"),
    ("Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng trực tiếp chỉ đạo Sở Nông nghiệp và Môi trường thực hiện các biện "
     "pháp phòng cháy.", "Ủy ban nhân dân tỉnh Lâm Đồng"),
])
def test_units_subject_directs_after_an_insertion_or_directly(text, name):
    assert {"lead", "director"} <= responsible(text)[name]


def test_units_chi_dao_at_a_clause_start_gives_the_named_body_the_lead():
    got = responsible("3. Bộ Y tế\n- Chỉ đạo Sở Y tế tỉnh Gia Lai rà soát cơ số thuốc dự phòng.")
    assert "lead" in got.get("Sở Y tế tỉnh Gia Lai", set())


def test_units_provinces_after_an_addressees_colon_are_no_duties():
    text = ("- Bí thư Tỉnh ủy, Thành ủy, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: "
            "Sơn La, Lào Cai, Hà Tĩnh và Quảng Ngãi.")
    assert not responsible(text)


@pytest.mark.parametrize("text, name", [
    ("Đề nghị Ủy ban nhân dân các xã, phường và đặc khu tổ chức kiểm tra.",
     "Ủy ban nhân dân các xã, phường và đặc khu"),
    ("Đề nghị Ủy ban nhân dân phường, xã và thị trấn đánh giá, xếp loại.", "Ủy ban nhân dân phường, xã và thị trấn"),
])
def test_units_list_of_levels_closed_by_the_conjunction(text, name):
    assert "lead" in responsible(text, NGHE_AN).get(name, set())


@pytest.mark.parametrize("text, name", [
    ("Số hiệu: 12/CĐ-BNV Loại văn bản: Công điện Nơi ban hành: Bộ Nội vụ Người ký: Trần Văn Bình", "Bộ Nội vụ"),
    ("Nơi ban hành: Ủy ban nhân dân tỉnh Gia Lai Người ký: Lê Thị Hoa Ngày ban hành: 02/12/2025",
     "Ủy ban nhân dân tỉnh Gia Lai"),
])
def test_units_portal_field_label_ends_a_name(text, name):
    assert name in [m[2] for m in find_unit_mentions(text)]
    assert not responsible(text)


@pytest.mark.parametrize("text, name, role", [
    ("Lực lượng Công an phối hợp với lực lượng Kiểm lâm, lực lượng Quân đội tăng cường tuần tra.",
     "Lực lượng Kiểm lâm", "support"),
    ("Ban Chỉ huy Quân sự xã phối hợp với lực lượng Dân quân tự vệ tổ chức tuần tra.", "Lực lượng Dân quân tự vệ",
     "support"),
    ("Giao Lực lượng Công an chủ trì bảo đảm an ninh trật tự tại các điểm sơ tán.", "Lực lượng Công an", "lead"),
])
def test_units_forces_named_without_a_level(text, name, role):
    assert role in responsible(text).get(name, set())


def test_units_lower_case_force_word_alone_names_nothing():
    assert not responsible("Lực lượng canh phòng trực 24/24 giờ; huy động lực lượng dập tắt đám cháy.")


@pytest.mark.parametrize("text, name", [
    ("**Điều 7. Nội\ndung Bộ Chỉ huy quân sự tỉnh có trách nhiệm chủ trì**\n\n1. Tham mưu xử lý các vụ việc.",
     "Bộ Chỉ huy Quân sự tỉnh Nghệ An"),
    ("Điều 9. Các nội dung Sở Tư pháp có trách nhiệm chủ trì", "Sở Tư pháp"),
])
def test_units_heading_over_the_content_a_body_leads(text, name):
    assert "lead" in responsible(text, NGHE_AN).get(name, set())


def test_units_content_word_without_a_body_gives_nothing():
    assert not responsible("Nội dung kế hoạch gồm các phần sau.", NGHE_AN)


@pytest.mark.parametrize("text, name", [
    ("b) Cơ quan, tổ chức, đơn vị cấp trên và Ủy ban nhân dân cấp xã có trách nhiệm đối chiếu số liệu.",
     "Ủy ban nhân dân cấp xã"),
    ("3. Các sở, ban, ngành, cơ quan, đơn vị cấp tỉnh và Ban Quản lý các khu công nghiệp\n\na) Tổ chức khai thác "
     "phần mềm.", "Ban Quản lý các khu công nghiệp"),
])
def test_units_body_after_a_collective_with_commas_of_its_own(text, name):
    assert "lead" in responsible(text, NGHE_AN).get(name, set())


@pytest.mark.parametrize("text, name", [
    ("(iii) Ủy ban nhân dân tỉnh Tây Ninh chỉ đạo đơn vị liên quan rà soát.", "Ủy ban nhân dân tỉnh Tây Ninh"),
    ("7. Văn phòng Chính phủ theo chức năng, nhiệm vụ được giao theo dõi, đôn đốc thực hiện Công điện này.",
     "Văn phòng Chính phủ"),
])
def test_units_roman_item_and_follow_up_after_an_insertion(text, name):
    assert "lead" in responsible(text).get(name, set())


def test_units_force_with_a_place_is_the_body_of_that_level():
    got = responsible("Các đơn vị phối hợp chặt chẽ với lực lượng Công an tỉnh thực hiện các nội dung.", NGHE_AN)
    assert "Công an tỉnh Nghệ An" in got and not any(n.startswith("Lực lượng") for n in got)


def test_units_collective_of_provinces_with_or_without_central_is_one_unit():
    text = ("1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chủ trì rà soát.\n"
            "2. Đề nghị Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chỉ đạo quyết liệt.")
    assert list(responsible(text)) == ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_units_digital_transformation_is_a_field_of_a_name():
    got = responsible("Giao Trung tâm Chuyển đổi số Thành phố Cần Thơ chủ trì triển khai nền tảng số.")
    assert "Trung tâm Chuyển đổi số Thành phố Cần Thơ" in got


@pytest.mark.parametrize("text, name", [
    ("Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo Ban Chỉ huy phòng cháy, chữa cháy rừng cấp xã và các chủ rừng phối "
     "hợp với lực lượng Kiểm lâm triển khai phương án.", "Ban Chỉ huy phòng cháy, chữa cháy rừng cấp xã"),
    ("Giao Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh chủ trì tổ chức diễn tập.",
     "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn tỉnh Nghệ An"),
])
def test_units_command_boards_of_every_level(text, name):
    got = {n.lower(): r for n, r in responsible(text, NGHE_AN).items()}
    assert "lead" in got.get(name.lower(), set())
