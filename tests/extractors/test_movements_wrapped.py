"""Movements named in full across wrapped lines: a launch title with commas, a quote on the line after its
trigger, a straight-quoted name broken by a line end; the title's campaign repeated in the body is one campaign."""
from __future__ import annotations

import pytest

from extractors.movements import extract_movements

HEAD = "UBND HUYỆN TÂN PHÚ\n\nSố: 45/CT-UBND\n\n"


def _grounded(text, got):
    for m in got:
        for ev in m.evidence:
            assert text[ev.start:ev.end] == ev.text


def test_movements_launch_title_keeps_its_commas_and_wrapped_lines_beside_a_quoted_national_campaign():
    text = (HEAD + "CHỈ THỊ\nVề việc phát động đợt thi đua cao điểm chung sức, đồng lòng vượt qua thiên tai, hoàn thành\n"
            "thắng lợi nhiệm vụ kinh tế - xã hội năm 2025\n\n"
            "Hưởng ứng phong trào thi đua “Cả nước chung tay khắc phục hậu quả thiên tai” do Thủ tướng Chính phủ phát động;\n\n"
            "II. KHẨU HIỆU THI ĐUA\n“Thi đua cao điểm chung sức, đồng lòng vượt qua thiên tai, hoàn thành thắng lợi nhiệm vụ "
            "kinh tế - xã hội năm 2025”\n")
    got = extract_movements(text)
    names = [m.name for m in got]
    assert names == ["Cả nước chung tay khắc phục hậu quả thiên tai",
                     "Đợt thi đua cao điểm chung sức, đồng lòng vượt qua thiên tai, hoàn thành thắng lợi nhiệm vụ kinh tế - "
                     "xã hội năm 2025"], names
    assert len(got[1].evidence) == 2  # the title and the slogan line are one campaign
    _grounded(text, got)


def test_movements_title_naming_a_quoted_campaign_again_is_one_campaign():
    text = (HEAD + "KẾ HOẠCH\nPhát động phong trào thi đua Dân vận khéo năm 2025\n\n"
            "Căn cứ Kế hoạch số 10/KH-UBND.\n\nTiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” trong các cơ quan.")
    assert [m.name for m in extract_movements(text)] == ["Dân vận khéo"]


@pytest.mark.parametrize("text, name", [
    ("Đoàn viên hưởng ứng phong trào thi đua\n“Tuổi trẻ chung tay vì biển, đảo quê hương” trong năm 2025.",
     "Tuổi trẻ chung tay vì biển, đảo quê hương"),
    ("Hưởng ứng Phong trào\nthi đua “Nông thôn sáng, xanh, sạch, đẹp” của huyện.", "Nông thôn sáng, xanh, sạch, đẹp"),
    ('Tham gia phong trào "Ngày Chủ nhật\nxanh - sạch - đẹp" do Huyện đoàn phát động.', "Ngày Chủ nhật xanh - sạch - đẹp"),
])
def test_movements_trigger_and_quote_across_a_line_break(text, name):
    got = extract_movements(text)
    assert [m.name for m in got] == [name]
    _grounded(text, got)


def test_movements_quote_after_a_paragraph_break_is_not_the_triggers_name():
    text = "Các đơn vị tổ chức phong trào thi đua\n\n“Một con đường, một dòng sông” là khẩu hiệu của Hội."
    assert extract_movements(text) == []


@pytest.mark.parametrize("text, name", [
    ("Nhà trường phát động thi đua “Lập thành tích chào mừng 80 năm Cách mạng Tháng Tám” trong toàn trường.",
     "Lập thành tích chào mừng 80 năm Cách mạng Tháng Tám"),
    ("Toàn thể hội viên hưởng ứng thi đua “Ba sẵn sàng, bốn giỏi” của Hội.", "Ba sẵn sàng, bốn giỏi"),
])
def test_movements_launched_or_answered_thi_dua_with_a_quote_is_a_campaign(text, name):
    assert [m.name for m in extract_movements(text)] == [name]


def test_movements_award_title_in_quotes_after_thi_dua_is_not_a_campaign():
    text = "Cá nhân đạt danh hiệu thi đua “Lao động tiên tiến” được xét tặng Giấy khen."
    assert extract_movements(text) == []


def test_movements_longer_national_name_wins_over_the_shorter_inside_it():
    text = ("Tiếp tục thực hiện phong trào thi đua Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau "
            "và phong trào Bình dân học vụ số trên địa bàn xã.")
    assert [m.name for m in extract_movements(text)] == [
        "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau", "Bình dân học vụ số"]


def test_movements_quote_left_open_does_not_swallow_the_next_heading():
    text = ("Tiếp tục thực hiện phong trào “Xanh - Sạch - Đẹp của đơn vị\nII. NHIỆM VỤ TRỌNG TÂM\n"
            "1. Tổ chức tốt công tác thi đua” và các nhiệm vụ khác.")
    assert extract_movements(text) == []


def test_movements_upper_case_title_quote_over_two_lines_is_one_name_in_body_casing():
    text = ("KẾ HOẠCH\nTRIỂN KHAI PHONG TRÀO THI ĐUA “CHUNG TAY XÂY DỰNG\nĐÔ THỊ VĂN MINH, HIỆN ĐẠI”\n\n"
            "Căn cứ kế hoạch của tỉnh.\n\nĐẩy mạnh phong trào thi đua “Chung tay xây dựng đô thị văn minh, hiện đại” trong toàn xã.")
    got = extract_movements(text)
    assert [m.name for m in got] == ["Chung tay xây dựng đô thị văn minh, hiện đại"]
    assert len(got[0].evidence) == 2


def test_movements_page_break_inside_a_quoted_name_keeps_the_list_going():
    text = ("các phong trào thi đua: “Cả nước chung sức xây dựng nông thôn mới”, “Vì người nghèo - Không để ai bị bỏ lại\n\n"
            "phía sau”, “Chung tay xây dựng phường văn minh, sạch đẹp giai đoạn 2025-2030”; và các phong trào khác.")
    names = [m.name for m in extract_movements(text)]
    assert "Chung tay xây dựng phường văn minh, sạch đẹp giai đoạn 2025-2030" in names, names


def test_movements_ocr_title_with_blank_lines_between_its_lines_is_one_name():
    text = (HEAD + "CHỈ THỊ\n\nVề việc phát động đợt thi đua cao điểm chung sức, đồng lòng vượt qua\n\n"
            "thiên tai, hoàn thành kế hoạch năm 2025\n\nHưởng ứng phong trào thi đua “Cả nước chung tay khắc phục hậu quả "
            "thiên tai” do Thủ tướng Chính phủ phát động;")
    names = [m.name for m in extract_movements(text)]
    assert "Đợt thi đua cao điểm chung sức, đồng lòng vượt qua thiên tai, hoàn thành kế hoạch năm 2025" in names, names
