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
