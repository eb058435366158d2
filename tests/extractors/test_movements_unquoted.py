"""Movements: a launch document's campaign named without quotes, and one name misread by OCR."""
from __future__ import annotations

import pytest

from extractors.movements import extract_movements

HEAD = "TRƯỜNG THCS AN BÌNH\n\nSố: 12/KH-THCS\n\n"


@pytest.mark.parametrize("text,name", [
    (HEAD + "KẾ HOẠCH\nPhát động thi đua năm học 2024-2025\n\nCăn cứ kế hoạch năm học.\n\n"
     "Nhà trường phát động phong trào thi đua lập thành tích chào mừng ngày Nhà giáo Việt Nam 20/11 như sau:",
     "Thi đua lập thành tích chào mừng ngày Nhà giáo Việt Nam 20/11"),
    (HEAD + "KẾ HOẠCH PHÁT ĐỘNG THI ĐUA\n\nCăn cứ Kế hoạch số 05/KH-UBND.\n\n"
     "Ủy ban nhân dân xã phát động đợt thi đua cao điểm chào mừng Đại hội Đảng bộ xã lần thứ XX, nhiệm kỳ 2025-2030.",
     "Đợt thi đua cao điểm chào mừng Đại hội Đảng bộ xã lần thứ XX, nhiệm kỳ 2025-2030"),
    # the name runs on over its commas (issue 10: "not cut at the first comma") ...
    (HEAD + "KẾ HOẠCH\nPhát động phong trào thi đua năm 2025\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022.\n\n"
     "Ủy ban nhân dân xã phát động phong trào thi đua chung tay xây dựng nông thôn mới kiểu mẫu, đô thị văn minh, "
     "giàu đẹp như sau:", "Thi đua chung tay xây dựng nông thôn mới kiểu mẫu, đô thị văn minh, giàu đẹp"),
    (HEAD + "KẾ HOẠCH PHÁT ĐỘNG THI ĐUA\n\nCăn cứ Điều lệ trường trung học.\n\n"
     "Nhà trường phát động phong trào thi đua đổi mới, sáng tạo trong dạy và học, nâng cao chất lượng giáo dục "
     "toàn diện đến toàn thể cán bộ, giáo viên.",
     "Thi đua đổi mới, sáng tạo trong dạy và học, nâng cao chất lượng giáo dục toàn diện"),
    # ... up to a comma that opens a clause of its own
    (HEAD + "KẾ HOẠCH PHÁT ĐỘNG THI ĐUA\n\nCăn cứ Kế hoạch số 31/KH-UBND của UBND huyện.\n\n"
     "Công đoàn cơ sở phát động đợt thi đua lao động giỏi hoàn thành kế hoạch quý IV, góp phần hoàn thành "
     "nhiệm vụ năm 2024.", "Đợt thi đua lao động giỏi hoàn thành kế hoạch quý IV"),
    (HEAD + "KẾ HOẠCH PHÁT ĐỘNG THI ĐUA CHÀO MỪNG\nKỶ NIỆM 50 NĂM GIẢI PHÓNG MIỀN NAM THỐNG NHẤT ĐẤT NƯỚC\n\n"
     "Căn cứ kế hoạch năm 2025.", "Thi đua chào mừng kỷ niệm 50 năm giải phóng miền nam thống nhất đất nước"),
])
def test_movements_unquoted_name_of_a_launch_document(text: str, name: str) -> None:
    got = extract_movements(text)
    assert [m.name for m in got] == [name]
    for m in got:
        for ev in m.evidence:
            assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("text", [
    # not a launch document: an annual plan that mentions launching campaigns
    HEAD + "KẾ HOẠCH\nCông tác thi đua, khen thưởng năm 2025\n\nCăn cứ Luật Thi đua, khen thưởng.\n\n"
    "Các đơn vị phát động phong trào thi đua lập thành tích chào mừng các ngày lễ lớn của đất nước.",
    # launch documents whose clause names no campaign of its own
    HEAD + "KẾ HOẠCH PHÁT ĐỘNG THI ĐUA NĂM 2025\n\nCăn cứ kế hoạch.\n\nPhát động phong trào thi đua giai đoạn 2025-2030.",
    HEAD + "PHÁT ĐỘNG THI ĐUA\n\nCăn cứ kế hoạch.\n\nphát động đợt thi đua đặc biệt, sôi nổi, sâu rộng trong toàn ngành.",
    HEAD + "PHÁT ĐỘNG THI ĐUA\n\nThực hiện Chỉ thị số 05/CT-TTg về việc phát động thi đua thực hiện thắng lợi nhiệm vụ năm "
    "2025 của Thủ tướng Chính phủ",
])
def test_movements_unquoted_needs_a_launch_and_a_name(text: str) -> None:
    assert extract_movements(text) == []


def test_movements_quoted_name_wins_over_its_unquoted_repeat() -> None:
    text = (HEAD + "PHÁT ĐỘNG\nĐợt thi đua đặc biệt 100 ngày đêm hoàn thành kế hoạch năm 2025\n\n"
            "Công ty phát động Đợt “Thi đua đặc biệt 100 ngày đêm hoàn thành kế hoạch năm 2025” với nội dung sau:")
    assert [m.name for m in extract_movements(text)] == ["Thi đua đặc biệt 100 ngày đêm hoàn thành kế hoạch năm 2025"]


def test_movements_ocr_slip_is_the_same_campaign() -> None:
    text = ("phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau”; tiếp tục phong trào "
            "“Vì người nghèo - Không để đi bị bỏ lại phía sau”.")
    (m,) = extract_movements(text)
    assert m.name == "Vì người nghèo - Không để ai bị bỏ lại phía sau" and len(m.evidence) == 2


PROVINCE_HEAD = "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n\nSố: 210/KH-UBND\n\n"


@pytest.mark.parametrize("title, name, kind", [
    ("KẾ HOẠCH\nTriển khai đợt thi đua lập thành tích chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
     "Đợt thi đua lập thành tích chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "đợt thi đua"),
    ("KẾ HOẠCH\nTRIỂN KHAI ĐỢT THI ĐUA CAO ĐIỂM 90 NGÀY ĐÊM\nHOÀN THÀNH CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2026",
     "Đợt thi đua cao điểm 90 ngày đêm hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026", "đợt thi đua"),
    ("KẾ HOẠCH\nTổ chức phong trào thi đua đẩy mạnh chuyển đổi số trên địa bàn tỉnh năm 2026",
     "Thi đua đẩy mạnh chuyển đổi số", "phong trào"),
])
def test_movements_a_plan_that_carries_out_a_campaign_names_it_in_its_title(title, name, kind) -> None:
    text = PROVINCE_HEAD + title + "\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022;\n\nI. MỤC ĐÍCH"
    assert [(m.name, m.kind) for m in extract_movements(text)] == [(name, kind)]


@pytest.mark.parametrize("title", [
    "KẾ HOẠCH\nTổ chức phong trào thi đua năm 2026",
    "KẾ HOẠCH\nThực hiện phong trào thi đua yêu nước giai đoạn 2026 - 2030",
    "KẾ HOẠCH\nTổ chức thi đua hoàn thành nhiệm vụ năm 2026",
    "KẾ HOẠCH\nTriển khai phong trào thi đua trong cán bộ, công chức năm 2026",
])
def test_movements_a_plan_title_without_a_campaign_name_gives_none(title) -> None:
    text = PROVINCE_HEAD + title + "\n\nCăn cứ Luật Thi đua, khen thưởng năm 2022;\n\nI. MỤC ĐÍCH"
    assert extract_movements(text) == []


def test_movements_a_title_s_campaign_that_the_body_quotes_in_full_is_one() -> None:
    text = (PROVINCE_HEAD + "KẾ HOẠCH\nThực hiện phong trào thi đua xây dựng nông thôn mới giai đoạn 2026 - 2030\n\n"
            "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n\nTiếp tục đẩy mạnh phong trào thi đua “Cả nước chung sức "
            "xây dựng nông thôn mới” trên địa bàn tỉnh.")
    assert [m.name for m in extract_movements(text)] == ["Cả nước chung sức xây dựng nông thôn mới"]


@pytest.mark.parametrize("title, name", [
    # an "đợt thi đua" is named with its kind word, over the title's wrapped lines (a blank line between them)
    ("KẾ HOẠCH\n\nPhát động đợt thi đua cao điểm chào mừng\n\nkỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9",
     "Đợt thi đua cao điểm chào mừng kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9"),
    ("KẾ HOẠCH\n\nPhát động đợt thi đua lập thành tích chào mừng\n\nĐại hội Công đoàn tỉnh lần thứ XVIII, nhiệm kỳ "
     "2028 - 2033", "Đợt thi đua lập thành tích chào mừng"),  # a capitalised line after a blank one is no wrap
])
def test_movements_launch_title_over_a_blank_line(title: str, name: str) -> None:
    text = PROVINCE_HEAD + title + "\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nPhát động " + name.lower() + " trong toàn thể cán bộ."
    assert [m.name for m in extract_movements(text)] == [name]
