"""extractors.names: mentions the head grammar reads that name no body (a law's title, a proper name opening with a
head's word, a kind of tax, a template's placeholder, a heading), a head's word inside a name keeping its case, a
letter's opener ending a name, and a declared short name as an alias (phrases written for these tests)."""
from __future__ import annotations

import pytest

from extractors.names import canonical_unit, find_unit_mentions, proper_case
from extractors.units import extract_units


def canon(text):
    return [n for _, _, surf in find_unit_mentions(text) for n in canonical_unit(surf)]


@pytest.mark.parametrize("text, not_a_body, still", [
    # a law's title
    ("Theo Điều 47 Bộ Luật lao động năm 2019, Sở Nội vụ tỉnh Kon Tum hướng dẫn", "Bộ Luật", "Sở Nội vụ tỉnh Kon Tum"),
    ("áp dụng Bộ luật Dân sự; Cục Thi hành án dân sự tỉnh Bến Tre thực hiện", "Bộ luật Dân sự",
     "Cục Thi hành án dân sự tỉnh Bến Tre"),
    ("Luật Viễn thông năm 2023 và Luật Công an nhân dân; Công an tỉnh Lào Cai chủ trì", "Viễn thông",
     "Công an tỉnh Lào Cai"),
    # a proper name opening with a head's word
    ("Lễ hội Đô thị cổ Hội An năm 2026; Sở Du lịch tỉnh Quảng Nam chủ trì", "Hội An", "Sở Du lịch tỉnh Quảng Nam"),
    ("Ủy ban nhân dân huyện Vụ Bản và Hội Nông dân tỉnh Nam Định phối hợp", "Vụ Bản", "Hội Nông dân tỉnh Nam Định"),
    ("trụ sở tại đường Trường Chinh, phường Trường Thi; Trung tâm Y tế huyện thực hiện", "Trường Thi",
     "Trung tâm Y tế huyện"),
    # a kind of tax; the tax office of a place stays
    ("Số thu Thuế TNDN và Thuế GTGT tăng; Thuế tỉnh Hà Nam hướng dẫn", "Thuế GTGT", "Thuế tỉnh Hà Nam"),
    ("Thuế TNCN giảm 5%; Thuế cơ sở 4 tỉnh Thanh Hóa kiểm tra", "Thuế TNCN", "Thuế cơ sở"),
    # a template's placeholder
    ("Ví dụ: Sở XY có hộp thư là soxy@tinh.gov.vn; Sở Thông tin và Truyền thông hướng dẫn", "Sở XY",
     "Sở Thông tin và Truyền thông"),
])
def test_names_not_bodies(text, not_a_body, still):
    got = canon(text)
    assert not_a_body not in got and still in got, got


@pytest.mark.parametrize("text", [
    "Ví dụ: Sở GD&ĐT tỉnh Yên Bái ban hành",  # an example naming a real body
    "Hội Nông dân, Ban Dân vận, Vụ Pháp chế, Bộ Công Thương, Cục Thuế",
    "Bộ Chỉ huy Quân sự tỉnh Gia Lai",
])
def test_names_not_bodies_real_bodies_stay(text):
    got = canon(text)
    assert got and all(len(n.split()) >= 2 for n in got), got


@pytest.mark.parametrize("text, want", [
    ("Giao Vụ Tổ chức cán bộ chủ trì", "Vụ Tổ chức cán bộ"),
    ("Phối hợp với Ban Tổ chức cán bộ", "Ban Tổ chức cán bộ"),
    ("Hội đồng Thi đua - Khen thưởng cấp cơ sở xét", "Hội đồng Thi đua - Khen thưởng cấp cơ sở"),
    ("Ngân hàng Chính sách xã hội huyện Mường Khương", "Ngân hàng Chính sách xã hội huyện Mường Khương"),
    ("Phòng Bảo trợ xã hội thuộc Sở Y tế", "Phòng Bảo trợ xã hội"),
    ("Trung tâm Công báo - Tin học tỉnh Phú Yên", "Trung tâm Công báo - Tin học tỉnh Phú Yên"),
    ("Thanh tra Bộ, Văn phòng Bộ", "Thanh tra Bộ"),
])
def test_names_head_word_inside_a_name_keeps_its_case(text, want):
    assert want in canon(text), canon(text)


@pytest.mark.parametrize("upper, want", [
    ("BAN TỔ CHỨC CÁN BỘ", "Ban Tổ chức cán bộ"),
    ("CỤC VĂN HÓA CƠ SỞ", "Cục Văn hóa cơ sở"),
    ("CÔNG ĐOÀN BỘ Y TẾ", "Công đoàn Bộ Y tế"),  # a head after a head keeps its capital
])
def test_names_head_word_inside_an_upper_case_name(upper, want):
    assert proper_case(upper) == want


@pytest.mark.parametrize("text, want", [
    ("Kính gửi: Bộ Tài chính Xét đề nghị của Sở Tài chính tỉnh Sơn La tại Tờ trình số 15/TTr-STC", "Bộ Tài chính"),
    ("Kính gửi: Ủy ban nhân dân tỉnh Bình Phước Xét Tờ trình số 3/TTr-SNV ngày 2/4/2026", "Ủy ban nhân dân tỉnh Bình Phước"),
    ("Kính gửi: Thuế tỉnh Lâm Đồng Trả lời công văn số 77/CV-HT của Hợp tác xã", "Thuế tỉnh Lâm Đồng"),
])
def test_names_letter_opener_ends_a_name(text, want):
    got = canon(text)
    assert got[0] == want, got


@pytest.mark.parametrize("text", ["THÔNG BÁO\nKết luận của Giám đốc Sở Công Thương",
                                  "PHÓ TRƯỞNG BAN\nTrần Thị Hoa"])
def test_names_heading_leaves_no_bare_head(text):
    names = [u.name for u in extract_units(text)]  # the units read the heading's lines joined
    assert all(len(n.split()) >= 2 for n in names), names


@pytest.mark.parametrize("text, full", [
    ("1. Giao Công ty Cổ phần Môi trường Đô thị Quy Nhơn (sau đây viết tắt là Công ty Môi trường Quy Nhơn) chủ trì "
     "thu gom; Sở Xây dựng phối hợp với Công ty Môi trường Quy Nhơn.",
     "Công ty Cổ phần Môi trường Đô thị Quy Nhơn"),
    ("Giao Trung tâm Phát triển quỹ đất tỉnh Hậu Giang (sau đây gọi tắt là Trung tâm Phát triển quỹ đất) chủ trì; "
     "Trung tâm Phát triển quỹ đất báo cáo Sở Tài chính.", "Trung tâm Phát triển quỹ đất tỉnh Hậu Giang"),
])
def test_names_declared_short_name_is_an_alias(text, full):
    names = [u.name for u in extract_units(text)]
    assert full in names and not any(n != full and n in full for n in names), names


def test_names_declared_short_name_wrapped_over_a_line_is_an_alias():
    text = ("2. Giao Công ty Trách nhiệm hữu hạn Thương mại Minh Phát - Hòn La (sau đây viết tắt là Công ty Minh Phát -\n"
            "Hòn La) chủ trì; các đơn vị phối hợp với Công ty Minh Phát - Hòn La khi bố trí phương tiện.")
    names = [u.name for u in extract_units(text)]
    assert names == ["Công ty Trách nhiệm hữu hạn Thương mại Minh Phát - Hòn La"], names


@pytest.mark.parametrize("text, want, not_a_body", [
    # a person's title ends a colon list of heads
    ("Điều 4. Bộ trưởng các Bộ: Xây dựng, Y tế và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành.",
     ["Bộ Xây dựng", "Bộ Y tế"], "Bộ Thủ trưởng"),
])
def test_names_list_of_heads_ends_at_a_title(text, want, not_a_body):
    got = canon(text)
    assert all(n in got for n in want) and not_a_body not in got, got


@pytest.mark.parametrize("surface, want", [
    # a list of levels keeps its comma, as the collective with "các" does
    ("Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương",
     "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương"),
    # a recipient line's colon after a standing body
    ("Thường trực: HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"),
])
def test_names_canonical_spelling_of_one_body(surface, want):
    assert canonical_unit(surface) == [want]


@pytest.mark.parametrize("text, want", [
    ("Cơ quan thực hiện: Sở Tư pháp TP.HCM tiếp nhận", "Sở Tư pháp Thành phố Hồ Chí Minh"),
    ("phối hợp với Công an TPHCM", "Công an Thành phố Hồ Chí Minh"),
])
def test_names_city_abbreviation(text, want):
    assert want in canon(text), canon(text)


@pytest.mark.parametrize("text, want", [
    # a field named like a body of its own, after another head: one body, not the field alone
    ("báo cáo Bộ Khoa học và Công nghệ (Cục Viễn thông) để tổng hợp", "Cục Viễn thông"),
    ("phối hợp với Cục Báo chí và Cục Bưu điện Trung ương", "Cục Báo chí"),
    ("phối hợp với Cục Báo chí và Cục Bưu điện Trung ương", "Cục Bưu điện Trung ương"),
    ("Viễn thông Lạng Sơn phối hợp", "Viễn thông Lạng Sơn"),  # the head by itself still names its body
])
def test_names_field_after_a_head(text, want):
    got = canon(text)
    assert want in got and "Viễn thông" not in got, got


def test_names_declared_level_name_keeps_its_reading():
    # the bodies of a level, which the text names either way: the declared name is kept
    text = ("2. Ủy ban nhân dân các xã, thị trấn (sau đây gọi là Ủy ban nhân dân cấp xã).\n\n"
            "c) Ủy ban nhân dân cấp xã ban hành danh mục tài sản.")
    assert [u.name for u in extract_units(text)] == ["Ủy ban nhân dân cấp xã"]
