"""Campaigns that name themselves (action months and weeks, drives) and national names that are also the
everyday name of a programme. Phrases written for these tests; in none of the evaluation sets."""
from __future__ import annotations

import pytest

from extractors.movements import extract_movements


@pytest.mark.parametrize("text, name", [
    ("Các cơ quan, đơn vị tổ chức các hoạt động hưởng ứng “Tháng hành động vì trẻ em” năm 2026 trên địa bàn "
     "tỉnh Lào Cai.", "Tháng hành động vì trẻ em"),
    ("Triển khai “Tuần lễ quốc gia an toàn, vệ sinh lao động” lần thứ 10 tại các doanh nghiệp.",
     "Tuần lễ quốc gia an toàn, vệ sinh lao động"),
    ("Đoàn trường phối hợp tổ chức “Chiến dịch tình nguyện Mùa hè xanh” năm 2026.",
     "Chiến dịch tình nguyện Mùa hè xanh"),
])
def test_movements_a_quoted_campaign_that_names_itself_is_a_movement(text, name) -> None:
    assert [m.name for m in extract_movements(text)] == [name]


def test_movements_an_action_month_mentioned_without_quotes_is_not_read_as_a_name() -> None:
    assert extract_movements("Báo cáo kết quả Tháng hành động gửi Sở Y tế trước ngày 20/12/2026.") == []


@pytest.mark.parametrize("text", [
    "Tiếp tục thực hiện Chương trình xóa nhà tạm, nhà dột nát trên địa bàn huyện trong năm 2025.",
    "Thực hiện chủ trương xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo của thị xã.",
])
def test_movements_a_programme_named_like_a_national_campaign_is_no_movement(text) -> None:
    assert extract_movements(text) == []


def test_movements_the_national_campaign_counts_after_its_trigger() -> None:
    found = extract_movements("Đẩy mạnh phong trào thi đua xóa nhà tạm, nhà dột nát trên địa bàn tỉnh Quảng Trị.")
    assert [m.name for m in found] == ["Xóa nhà tạm, nhà dột nát"]
    assert found[0].evidence[0].text.lower().startswith("xóa nhà tạm")
