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


@pytest.mark.parametrize("text, name, kind", [
    ("Chi bộ tiếp tục thực hiện Cuộc vận động học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh "
     "trong đảng viên.", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "cuộc vận động"),
    ("Tổ Toán - Tin đẩy mạnh phong trào thi đua Dạy tốt - Học tốt trong học kỳ II năm học 2025-2026.",
     "Dạy tốt - Học tốt", "phong trào"),
    ("Hội Sinh viên trường triển khai phong trào Sinh viên 5 tốt đến từng chi hội.", "Sinh viên 5 tốt", "phong trào"),
    ("Huyện đoàn Krông Pắc đẩy mạnh phong trào Thanh niên tình nguyện ở các xã vùng sâu.",
     "Thanh niên tình nguyện", "phong trào"),
])
def test_movements_a_school_or_youth_campaign_named_without_quotes_after_its_trigger(text, name, kind) -> None:
    assert [(m.name, m.kind) for m in extract_movements(text)] == [(name, kind)]


@pytest.mark.parametrize("text", [
    # the same words as plain prose: no trigger before them
    "Gắn với việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Kết luận số 01-KL/TW.",
    "Giáo viên thực hiện tốt quy chế chuyên môn để dạy tốt - học tốt trong năm học mới.",
    "Lực lượng thanh niên tình nguyện hỗ trợ người dân thu hoạch lúa.",
    # the name of a contest, a prize or a badge
    "Đề nghị Ban Chấp hành Trung ương Đoàn tặng Huy hiệu “Tuổi trẻ sáng tạo” cho 03 đoàn viên.",
    "Giải thưởng Tuổi trẻ sáng tạo năm 2026 được trao cho 10 công trình tiêu biểu.",
    "Tỉnh đoàn Sóc Trăng tổ chức Hội thi Tuổi trẻ sáng tạo cấp tỉnh lần thứ V.",
])
def test_movements_campaign_words_in_prose_or_as_a_prize_name_are_no_movement(text) -> None:
    assert extract_movements(text) == []


def test_movements_a_later_trigger_in_a_list_gives_its_own_kind() -> None:
    text = ("Đẩy mạnh phong trào “Xây dựng cơ quan, đơn vị văn hóa”; thực hiện có hiệu quả Cuộc vận động "
            "“Người Việt Nam ưu tiên dùng hàng Việt Nam” tại Sở Công Thương tỉnh Đồng Tháp.")
    assert [(m.name, m.kind) for m in extract_movements(text)] == [
        ("Xây dựng cơ quan, đơn vị văn hóa", "phong trào"),
        ("Người Việt Nam ưu tiên dùng hàng Việt Nam", "cuộc vận động")]


@pytest.mark.parametrize("text", [
    "Cán bộ, hội viên tích cực hưởng ứng cuộc vận động ủng hộ Quỹ “Vì người nghèo” năm 2026.",
    "Triển khai phong trào thi đua trên ứng dụng “Công dân số Hải Dương” của tỉnh.",
    "Đoàn viên tham gia phong trào tình nguyện tại công trình “Con đường bích họa” ở thôn Đông.",
])
def test_movements_a_fund_an_app_or_a_project_after_a_trigger_is_no_movement(text) -> None:
    assert extract_movements(text) == []
