"""extractors.names: the grammar of a unit mention (kinds of schools, companies, associations, ministries)."""
from __future__ import annotations

import pytest

from extractors.names import canonical_unit, find_unit_mentions, proper_case
from extractors.names.grammar import mentions_iter


def canon(text):
    return [n for _, _, surf in find_unit_mentions(text) for n in canonical_unit(surf)]


@pytest.mark.parametrize("text, want", [
    ("Công ty Cổ phần 483 thực hiện", "Công ty Cổ phần 483"),
    ("Công ty Cổ phần Tư vấn Xây dựng Bắc Kạn, tỉnh Bắc Kạn", "Công ty Cổ phần Tư vấn Xây dựng Bắc Kạn"),
    ("Trường Mầm non Hoa Sen tổ chức", "Trường Mầm non Hoa Sen"),
    ("Trường THPT Chu Văn An tổ chức", "Trường Trung học phổ thông Chu Văn An"),
    ("Trường Tiểu học Kim Đồng, huyện Bảo Thắng", "Trường Tiểu học Kim Đồng"),
    ("Hội Khuyến học các xã, thị trấn lập danh sách", "Hội Khuyến học các xã, thị trấn"),
    ("Hội Người cao tuổi tỉnh tham gia", "Hội Người cao tuổi tỉnh"),
    ("Hội đồng Thi đua - Khen thưởng Trường Mầm non Hoa Hồng họp", "Hội đồng Thi đua - Khen thưởng Trường Mầm non Hoa Hồng"),
    ("Ban Thi đua - Khen thưởng Sở Nội vụ tham mưu", "Ban Thi đua - Khen thưởng Sở Nội vụ"),
    ("Bộ Công an chỉ đạo", "Bộ Công an"),
    ("Bộ Ngoại giao chỉ đạo", "Bộ Ngoại giao"),
    ("Văn phòng Chính phủ theo dõi", "Văn phòng Chính phủ"),
    ("Sở Thủy sản tỉnh Bến Tre", "Sở Thủy sản tỉnh Bến Tre"),
    ("Bộ CôngThương", "Bộ Công Thương"),
    ("Thường trực thi đua 2 đơn vị phối hợp", "Thường trực thi đua 2 đơn vị"),
])
def test_names_mentions_full_name(text, want):
    assert want in canon(text), canon(text)


@pytest.mark.parametrize("text", [
    "Tổ chức Hội Nghị sơ kết",
    "Hội Thi văn nghệ quần chúng",
    "Tờ trình số 02/TTr-UBND",
])
def test_names_mentions_not_a_unit(text):
    assert canon(text) == []


@pytest.mark.parametrize("text, want", [
    ("UBND HUYỆN ĐỒNG PHÚ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ủy ban nhân dân huyện Đồng Phú"),
])
def test_names_mentions_header_column_cut(text, want):
    assert canon(text) == [want]


@pytest.mark.parametrize("surface, want", [
    ("sở văn hóa, thể thao và du lịch tỉnh lào cai", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lào Cai"),
    ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HUYỆN", "Hội đồng Thi đua - Khen thưởng huyện"),
    ("TRƯỜNG MẦM NON HOA HỒNG", "Trường Mầm non Hoa hồng"),
])
def test_names_mentions_proper_case(surface, want):
    assert proper_case(surface).lower() == want.lower() and proper_case(surface)[0].isupper()


@pytest.mark.parametrize("text, head, tail, parent", [
    ("Phòng Kế hoạch - Tài chính, Sở Giáo dục và Đào tạo tỉnh Ninh Bình tổng hợp",
     "Phòng", " Kế hoạch - Tài chính", ", Sở Giáo dục và Đào tạo tỉnh Ninh Bình"),
    ("Chi cục Thủy lợi, Sở Nông nghiệp và Môi trường thành phố Cần Thơ", "Chi cục", " Thủy lợi",
     ", Sở Nông nghiệp và Môi trường thành phố Cần Thơ"),
    ("Sở Y tế tỉnh Cà Mau báo cáo", "Sở", " Y tế tỉnh Cà Mau", None),
    ("Ban Tuyên giáo, tỉnh Gia Lai", "Ban", " Tuyên giáo", None),
])
def test_names_mentions_groups(text, head, tail, parent):
    """A mention reads as one match with the groups head, tail and parent (matched one after the other)."""
    m = next(mentions_iter(text))
    assert (m.group("head"), m.group("tail"), m.group("parent")) == (head, tail, parent)
    assert m.group(0) == head + (tail or "") + (parent or "") == text[m.start():m.end()]
