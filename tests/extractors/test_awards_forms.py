"""Award forms named as forms (Huân chương, Huy chương, Huy hiệu), named Kỷ niệm chương and the 2022 Law's
ministry/province-level emulation title written with the conferring body's name."""
from __future__ import annotations

import pytest

from extractors.awards import extract_awards
from extractors.context import DocContext


@pytest.mark.parametrize("text, name, level", [
    ("Thủ trưởng đơn vị đề nghị cấp trên khen thưởng Huân chương, Huy chương cho cá nhân có thành tích.", "Huân chương", "state"),
    ("Hồ sơ đề nghị tặng Huân chương, Huy chương gồm 03 bộ bản chính.", "Huy chương", "state"),
    ("Chi mua Huy hiệu, Kỷ niệm chương và khung Bằng khen cho cán bộ hưu trí.", "Huy hiệu", "provincial"),
    ("Cá nhân được tặng Huân chương các loại do Chủ tịch nước trao.", "Huân chương", "state"),
])
def test_awards_generic_form_named_as_a_form_counts(text, name, level):
    got = {a.name: a.level for a in extract_awards(text)}
    assert got.get(name) == level, got


@pytest.mark.parametrize("text", [
    "Các đơn vị phát huy hiệu quả hoạt động của tổ công tác.",
    "Bảo đảm phát huy hiệu lực, hiệu quả của quy chế.",
    "Vận động viên đạt huy chương Vàng tại Đại hội Thể thao toàn quốc được thưởng.",
    "Đảng viên được tặng Huy hiệu 50 năm tuổi Đảng được thăm hỏi.",
])
def test_awards_words_of_a_form_in_other_senses_are_no_award(text):
    assert extract_awards(text) == []


@pytest.mark.parametrize("text", [
    "Danh hiệu “Chiến sĩ thi đua Bộ Tài chính” được xét tặng cho cá nhân ba lần liên tục đạt Chiến sĩ thi đua cơ sở.",
    "Xét tặng danh hiệu Chiến sĩ thi đua ngành Kiểm sát cho cá nhân tiêu biểu.",
    "Số lượng Chiến sỹ thi đua cấp Bộ không quá 15% tổng số cá nhân đạt Chiến sĩ thi đua cơ sở.",
])
def test_awards_emulation_title_with_its_conferring_body_is_the_ministry_level_title(text):
    names = [a.name for a in extract_awards(text)]
    assert "Chiến sĩ thi đua bộ, ban, ngành, tỉnh" in names and "Chiến sĩ thi đua" not in names, names


def test_awards_named_medals_in_a_list_each_count_with_their_name():
    text = ("Bộ trưởng quyết định tặng các Kỷ niệm chương: “Vì sự nghiệp phát triển nông thôn”, “Vì sự nghiệp "
            "thủy lợi” và “Vì sự nghiệp lâm nghiệp Việt Nam” cho cá nhân có nhiều đóng góp.")
    names = [a.name for a in extract_awards(text)]
    assert names == ["Kỷ niệm chương “Vì sự nghiệp phát triển nông thôn”", "Kỷ niệm chương “Vì sự nghiệp thủy lợi”",
                     "Kỷ niệm chương “Vì sự nghiệp lâm nghiệp Việt Nam”"]
    for a in extract_awards(text):
        assert all(text[e.start:e.end] == e.text for e in a.evidence)


def test_awards_the_issuers_own_medal_is_named_kniem_chuong():
    text = "Kỷ niệm chương “Vì sự nghiệp Tư pháp Việt Nam” và Kỷ niệm chương “Vì sự nghiệp Thống kê Việt Nam”."
    names = [a.name for a in extract_awards(text, DocContext(issuer="Bộ Tư pháp"))]
    assert names == ["Kỷ niệm chương", "Kỷ niệm chương “Vì sự nghiệp Thống kê Việt Nam”"]


@pytest.mark.parametrize("text", [
    "Thư ký: Ông Trần Văn Hùng - Trưởng ban TTND xã Tân Lập.",
    "Mời đại diện Ban TTND các thôn dự họp.",
])
def test_awards_an_abbreviation_after_ban_names_a_body_not_a_title(text) -> None:
    assert extract_awards(text) == []


def test_awards_the_same_abbreviation_as_a_title_still_counts() -> None:
    found = extract_awards("Đề nghị xét tặng danh hiệu TTND cho bác sĩ Lê Văn An, Bệnh viện đa khoa tỉnh.")
    assert [a.name for a in found] == ["Thầy thuốc nhân dân"]


@pytest.mark.parametrize("text, name", [
    ("Khen thưởng: đề nghị Ban Chấp hành Tỉnh đoàn Quảng Ngãi tặng Bằng khen cho 01 tập thể có thành tích xuất sắc.",
     "Bằng khen của bộ, ban, ngành, tỉnh"),
    ("Công đoàn ngành đề nghị Liên đoàn Lao động tỉnh Hà Tĩnh tặng Bằng khen cho 02 công đoàn cơ sở.",
     "Bằng khen của bộ, ban, ngành, tỉnh"),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bến Tre tặng Cờ thi đua cho 01 xã dẫn đầu.",
     "Cờ thi đua của Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh"),
])
def test_awards_a_bare_form_given_by_a_province_s_union_or_front_takes_its_level(text, name):
    assert [(a.name, a.level) for a in extract_awards(text)] == [(name, "provincial")]


@pytest.mark.parametrize("text, name", [
    ("Tỉnh đoàn đề nghị tặng Huy hiệu “Tuổi trẻ sáng tạo” cho 02 đoàn viên có công trình tiêu biểu.",
     "Huy hiệu “Tuổi trẻ sáng tạo”"),
    ("Trung ương Đoàn tặng Huy chương “Vì thế hệ trẻ” cho 01 cá nhân có nhiều đóng góp.", "Huy chương “Vì thế hệ trẻ”"),
])
def test_awards_a_badge_or_medal_named_in_quotes_keeps_its_name(text, name):
    assert [(a.name, a.level) for a in extract_awards(text)] == [(name, "provincial")]


@pytest.mark.parametrize("text, names", [
    ("Kiểm kê tài sản thuộc thiết chế văn hóa, thể thao ở cơ sở (cấp xã, cấp thôn), làng văn hóa trên địa bàn.", []),
    ("Tu sửa nhà văn hóa của các khu phố văn hóa ở phường Nam Lý.", []),
    ("Năm 2026 có 41 thôn đạt danh hiệu thôn văn hóa, 92% hộ đạt gia đình văn hóa.",
     ["Thôn, tổ dân phố văn hóa", "Gia đình văn hóa"]),
    ("Ủy ban nhân dân xã công nhận 08 làng văn hóa năm 2026.", ["Thôn, tổ dân phố văn hóa"]),
    # a council's board and a National Assembly committee, read without tone marks, spell "bản văn hóa"
    ("Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Sơn La chủ trì giám sát việc công nhận danh hiệu.", []),
    ("Kính gửi: Ủy ban Văn hóa và Xã hội của Quốc hội.", []),
    ("Huyện công nhận danh hiệu Bản văn hóa cho 06 bản năm 2026.", ["Thôn, tổ dân phố văn hóa"]),
])
def test_awards_a_village_title_in_lower_case_needs_a_word_that_confers_it(text, names):
    assert [a.name for a in extract_awards(text)] == names
