"""A line that opens with a dash continues a name wrapped at its own dash, judged from the lexicons' dash joins."""
from __future__ import annotations

import pytest

from extractors.names import dash_continues_name, name_goes_on


@pytest.mark.parametrize("prev, follow", [
    ("Giao Phó Chủ tịch Hội đồng Thi đua", "- Khen thưởng huyện Yên Thủy tổng hợp hồ sơ"),
    ("phối hợp với Phòng Kinh tế", "- Hạ tầng thị xã kiểm tra các công trình"),
    ("đề nghị Sở Lao động", "- Thương binh và Xã hội tỉnh Sóc Trăng hướng dẫn"),
    ("Trưởng Phòng Tài chính", "- Kế hoạch quận Ba Đình"),
    ("TRƯỞNG BAN THI ĐUA", "- KHEN THƯỞNG SỞ NỘI VỤ"),
    ("Đài Phát thanh", "- Truyền hình tỉnh Lai Châu"),
])
def test_names_dash_inside_a_known_name_continues_the_line(prev, follow):
    assert name_goes_on(prev, follow, at_dash=True)
    assert dash_continues_name(prev, follow)


@pytest.mark.parametrize("prev, follow", [
    # a real bullet after an unfinished line: the words around the dash form no known name
    ("Các nội dung trọng tâm gồm", "- Khen thưởng đột xuất cho tập thể"),
    ("tiếp tục đẩy mạnh phong trào thi đua", "- Khen thưởng kịp thời các điển hình"),  # lower-case left side
    ("Phòng Văn hóa", "- thông tin đến người dân"),  # lower-case right side
    ("Hội đồng Thi đua", "Khen thưởng tỉnh"),  # no dash at all
    ("Sở Lao động", "- Sở Y tế"),
    ("Hội đồng Thi đua", "- Khen thưởngx"),  # the right side must end at a word boundary
])
def test_names_dash_bullet_outside_a_known_name_stays_a_bullet(prev, follow):
    assert not name_goes_on(prev, follow, at_dash=True)
    assert not dash_continues_name(prev, follow)


@pytest.mark.parametrize("prev, follow, at_dash, want", [
    # a list mark after a head-started name part: the line rule reads it as the rest of the name
    ("Chủ tịch Hội đồng Thi đua", "- Khen thưởng tỉnh", False, True),
    ("Chủ tịch Hội đồng Thi đua", "- Khen thưởng tỉnh", True, True),
    # a sector's own dash join ("Văn hóa - Thông tin") is a dash rule only: no head starts the split
    ("Trưởng Phòng Văn hóa", "- Thông tin huyện", True, True),
    # a wrapped line without a dash is the line rule's
    ("Sở Giáo dục và", "Đào tạo tỉnh Bắc Ninh", False, True),
    ("Sở Giáo dục và", "Đào tạo tỉnh Bắc Ninh", True, False),
])
def test_names_line_and_dash_splits_are_one_rule_on_two_tables(prev, follow, at_dash, want):
    assert name_goes_on(prev, follow, at_dash=at_dash) is want
