"""Movements: quoted names after a trigger, lists of quotes, national campaigns without quotes."""
from __future__ import annotations

import pytest

from extractors.movements import extract_movements


@pytest.mark.parametrize("phrase,names", [
    ("Tiếp tục thực hiện phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau”.",
     ["Vì người nghèo - Không để ai bị bỏ lại phía sau"]),
    ("đẩy mạnh phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” ở khu dân cư",
     ["Toàn dân đoàn kết xây dựng đời sống văn hóa"]),
    ("hưởng ứng cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam\" trong toàn ngành",
     ["Người Việt Nam ưu tiên dùng hàng Việt Nam"]),
    ("phát động đợt thi đua “100 ngày đêm hoàn thành kế hoạch thu ngân sách năm 2025” trong toàn ngành Thuế",
     ["100 ngày đêm hoàn thành kế hoạch thu ngân sách năm 2025"]),
    ("các phong trào thi đua: “Dạy tốt, học tốt”; “Xây dựng trường học hạnh phúc” giai đoạn 2023-2025; "
     "“Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo”...",
     ["Dạy tốt, học tốt", "Xây dựng trường học hạnh phúc", "Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo"]),
    ("các phong trào do Thủ tướng Chính phủ phát động: *“Cả nước chung tay vì người nghèo”*; Cả nước chung tay "
     "“Xóa nhà tạm, nhà dột nát”", ["Cả nước chung tay vì người nghèo", "Xóa nhà tạm, nhà dột nát"]),
    ("Trưởng Ban Chỉ đạo thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh Hà Tĩnh",
     ["Toàn dân bảo vệ an ninh Tổ quốc"]),
    ("kết quả chương trình về “Cả nước chung sức, xây dựng nông thôn mới” giai đoạn 2016-2020",
     ["Cả nước chung sức, xây dựng nông thôn mới"]),
])
def test_movements_names(phrase: str, names: list[str]) -> None:
    got = extract_movements(phrase)
    assert [m.name.lower() for m in got] == [n.lower() for n in names]
    for m in got:
        for ev in m.evidence:
            assert phrase[ev.start:ev.end] == ev.text


def test_movements_kind_follows_the_trigger() -> None:
    (m,) = extract_movements("hưởng ứng cuộc vận động “Ngày vì người nghèo” năm 2025")
    assert m.kind == "cuộc vận động"


@pytest.mark.parametrize("phrase", [
    "Ban hành Kế hoạch “Chuyển đổi số tỉnh Thái Bình đến năm 2025, định hướng đến năm 2030”",
    "Tổ chức “Hội nghị tuyên dương điển hình tiên tiến” cấp huyện",
    "phong trào thi đua nhằm thực hiện thắng lợi “mục tiêu kép” của ngành",
    "các phong trào thi đua gắn với Nghị quyết chuyên đề của Tỉnh ủy như: “Phát triển du lịch bền vững”",
    "đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2021",
])
def test_movements_titles_and_quotes_that_are_not_campaigns(phrase: str) -> None:
    assert extract_movements(phrase) == []


def test_movements_repeated_name_is_one_item() -> None:
    text = "phong trào “Dân vận khéo”. Sơ kết phong trào thi đua “Dân vận khéo” năm 2024."
    (m,) = extract_movements(text)
    assert len(m.evidence) == 2


def test_movements_quote_across_a_pdf_page_break() -> None:
    text = "các phong trào thi đua: “Vì người nghèo - Không để ai bị bỏ lại\n\nphía sau”, “Dân vận khéo”."
    got = extract_movements(text)
    assert [m.name for m in got] == ["Vì người nghèo - Không để ai bị bỏ lại phía sau", "Dân vận khéo"]
    assert got[0].evidence[0].text == "Vì người nghèo - Không để ai bị bỏ lại\n\nphía sau"


@pytest.mark.parametrize("text, names", [
    ("Đẩy mạnh phong trào thi đua ”Xanh hóa công sở” tại các phòng, ban chuyên môn.", ["Xanh hóa công sở"]),
    ("Hội Nông dân xã tiếp tục phong trào ‘Nông dân chung tay bảo vệ môi trường’ năm 2026.",
     ["Nông dân chung tay bảo vệ môi trường"]),
    ("Công đoàn phát động phong trào thi đua «Năng suất, chất lượng, hiệu quả» trong công nhân.",
     ["Năng suất, chất lượng, hiệu quả"]),
    ("Liên đội thực hiện phong trào ''Kế hoạch nhỏ'' và phong trào ''Áo ấm tặng bạn''.",
     ["Kế hoạch nhỏ", "Áo ấm tặng bạn"]),
])
def test_movements_names_in_the_quotes_word_processors_type(text, names) -> None:
    got = extract_movements(text)
    assert [m.name for m in got] == names
    assert all(text[e.start:e.end] == e.text for m in got for e in m.evidence)
