"""units.py and names/: a head with two or more numbers is as many bodies (issue 10, round 4): "Cục Thuế khu
vực I, II", "Chi cục Hải quan khu vực 3 và 4", "Khu Quản lý đường bộ II và V", also after "các"; the communes of a
development class ("các xã khu vực II, III") and a count after the number stay as they are. None of these phrases
is in a set."""
from __future__ import annotations

import pytest

from extractors.units import extract_units


def responsible(text):
    return {u.name: set(u.roles) for u in extract_units(text)
            if set(u.roles) & {"lead", "support", "director"}}


@pytest.mark.parametrize("text, names", [
    ("Cục Thuế khu vực I, II phối hợp với Sở Tài chính rà soát các khoản thu.",
     ["Cục Thuế khu vực I", "Cục Thuế khu vực II"]),
    ("Đề nghị Chi cục Hải quan khu vực 3 và 4 khẩn trương kiểm tra hàng hóa tồn đọng.",
     ["Chi cục Hải quan khu vực 3", "Chi cục Hải quan khu vực 4"]),
    ("Giao Kho bạc Nhà nước khu vực XI, XII và XIV thực hiện thanh toán trước ngày 15/12/2026.",
     ["Kho bạc Nhà nước khu vực XI", "Kho bạc Nhà nước khu vực XII", "Kho bạc Nhà nước khu vực XIV"]),
    ("Khu Quản lý đường bộ IV chủ trì kiểm tra các tuyến quốc lộ qua tỉnh Kon Tum.", ["Khu Quản lý đường bộ IV"]),
    ("2. Cục Đường bộ Việt Nam\n- Chỉ đạo các Khu Quản lý đường bộ II và V phối hợp với địa phương tổ chức "
     "phân luồng.", ["Khu Quản lý đường bộ II", "Khu Quản lý đường bộ V"]),
    ("Giao các Chi cục Hải quan khu vực 3 và 4 tăng cường kiểm soát hàng hóa qua biên giới.",
     ["Chi cục Hải quan khu vực 3", "Chi cục Hải quan khu vực 4"]),
])
def test_units_head_with_several_numbers_is_several_bodies(text, names):
    got = responsible(text)
    assert all("lead" in got.get(n, set()) for n in names), got


def test_units_communes_of_a_class_are_not_split():
    got = responsible("Giao Ủy ban nhân dân các xã khu vực II, III rà soát danh sách hộ nghèo.")
    assert not any(n.endswith(" khu vực III") for n in got)


def test_units_count_after_a_region_number_is_no_region():
    got = {u.name for u in extract_units("Chi cục Hải quan khu vực 8, 15 người tham gia tập huấn.")}
    assert "Chi cục Hải quan khu vực 15" not in got
