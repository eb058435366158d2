"""names: a body named at one level and then at others is one body at each level ("Ban Chỉ huy Phòng thủ dân sự
cấp tỉnh, cấp xã"), and the board of an economic zone that also runs the industrial parks keeps its whole name.
Phrases written here, for other provinces; none is in a set."""
from __future__ import annotations

import pytest

from extractors.names import find_unit_mentions


def surfaces(text):
    return [m[2] for m in find_unit_mentions(text)]


@pytest.mark.parametrize("text, want", [
    ("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã tổng hợp danh mục công trình.",
     ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh", "Ban Chỉ huy Phòng thủ dân sự cấp xã"]),
    ("Ủy ban nhân dân cấp huyện và cấp xã có trách nhiệm tuyên truyền.",
     ["Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân cấp xã"]),
])
def test_names_a_name_listed_at_several_levels(text, want):
    assert surfaces(text) == want


def test_names_a_level_word_not_in_a_list_adds_nothing():
    assert surfaces("Ủy ban nhân dân cấp xã, các hội, đoàn thể tuyên truyền.") == ["Ủy ban nhân dân cấp xã"]


@pytest.mark.parametrize("text, want", [
    ("Sở Tài chính phối hợp Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp Thanh Hóa hướng dẫn.",
     "Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp Thanh Hóa"),
    ("Ban Quản lý Khu kinh tế Vân Phong và các Khu công nghiệp tỉnh Khánh Hòa chủ trì thẩm định.",
     "Ban Quản lý Khu kinh tế Vân Phong và các Khu công nghiệp tỉnh Khánh Hòa"),
])
def test_names_economic_zone_board_with_its_parks(text, want):
    assert want in surfaces(text)


def test_names_parks_after_another_body_are_not_its_name():
    assert surfaces("Sở Công Thương và các khu công nghiệp trên địa bàn tỉnh rà soát.") == ["Sở Công Thương"]


def test_names_short_form_of_a_name_given_in_full():
    text = ("Báo cáo về Ban Chỉ huy Phòng thủ dân sự tỉnh qua Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh.\n"
            "3. Văn phòng Ban Chỉ huy chủ trì tổng hợp kết quả.")
    got = find_unit_mentions(text)
    short = [m for m in got if text[m[0]:m[1]] == "Văn phòng Ban Chỉ huy"]
    assert [m[2] for m in short] == ["Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh"], got


def test_names_short_form_two_full_names_start_with_names_neither():
    text = ("Văn phòng Ban Chỉ đạo 35 tỉnh và Văn phòng Ban Chỉ đạo 389 tỉnh phối hợp.\n"
            "Văn phòng Ban Chỉ đạo chủ trì tổng hợp.")
    assert all(text[s:e] != "Văn phòng Ban Chỉ đạo" for s, e, _ in find_unit_mentions(text))
