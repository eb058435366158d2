"""Awards the 2022 Law does not list, named in the text: a prize named after a person or a thing and a title quoted
after "danh hiệu"; their level is the issuer's. Phrases written for these tests; in none of the evaluation sets."""
from __future__ import annotations

import pytest

from extractors.awards import extract_awards
from extractors.context import DocContext

MINISTRY = DocContext(issuer="Bộ Khoa học và Công nghệ")
PROVINCE = DocContext(province="Nghệ An", level="tỉnh", issuer="Ủy ban nhân dân tỉnh Nghệ An")
DISTRICT = DocContext(district="Yên Thành", level="huyện", issuer="Ủy ban nhân dân huyện Yên Thành")


@pytest.mark.parametrize("text, context, name, level", [
    ("Hội đồng xét tặng Giải thưởng Tạ Quang Bửu năm 2026 nhận hồ sơ đến hết ngày 30/6/2026.", MINISTRY,
     "Giải thưởng Tạ Quang Bửu", "provincial"),
    # lower case, wrapped over a line
    ("Ủy ban nhân dân tỉnh xét tặng giải thưởng Võ\nTrường Toản cho các nhà giáo có nhiều đóng góp.", PROVINCE,
     "Giải thưởng Võ Trường Toản", "provincial"),
    ("Hồ sơ đề nghị Giải thưởng “Bông lúa vàng” của huyện nộp về Phòng Kinh tế.", DISTRICT,
     "Giải thưởng “Bông lúa vàng”", "grassroots"),
    ("Quy chế xét tặng danh hiệu “Công dân ưu tú tỉnh Nghệ An” được ban hành kèm theo Quyết định này.", PROVINCE,
     "Công dân ưu tú tỉnh Nghệ An", "provincial"),
    ("Tặng danh hiệu \"Doanh nhân tiêu biểu\" cho 05 doanh nhân có thành tích xuất sắc.", None,
     "Doanh nhân tiêu biểu", "unknown"),
])
def test_awards_a_named_prize_or_a_quoted_title_outside_the_law_counts(text, context, name, level) -> None:
    got = [(a.name, a.level) for a in extract_awards(text, context)]
    assert got == [(name, level)]
    (award,) = extract_awards(text, context)
    assert award.award_id is None and all(text[e.start:e.end] == e.text for e in award.evidence)


@pytest.mark.parametrize("text", [
    # a prize named by a common noun, or a sentence's capital; an abbreviation
    "Trao Giải thưởng Báo chí về phòng, chống tham nhũng năm 2026.",
    "Đơn vị đạt giải thưởng Trong năm được tuyên dương.",
    "Hồ sơ đề nghị giải thưởng HTLÔ gửi về Vụ Thi đua.",
    # "giải" alone: a rank in a contest
    "Tặng giải Nhất, giải Nhì cho các đội thi xuất sắc.",
    # a quote after "danh hiệu" that is not a name
    "Các tập thể được công nhận danh hiệu “đạt chuẩn” theo quy định.",
])
def test_awards_no_named_award_in_these(text) -> None:
    assert [a.name for a in extract_awards(text) if a.award_id is None] == []


def test_awards_a_title_of_the_law_in_quotes_keeps_its_official_name() -> None:
    text = "Xét tặng danh hiệu “Chiến sĩ thi đua cơ sở” và danh hiệu “Lao động tiên tiến” năm 2026."
    assert [a.name for a in extract_awards(text)] == ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"]


def test_awards_one_prize_named_in_full_and_cut_short_is_one_award() -> None:
    text = ("Kế hoạch xét tặng giải thưởng Lê Quý Đôn năm 2026.\n\nBiểu mẫu: Danh sách đề nghị Giải thưởng Lê Quý\n\n"
            "Hồ sơ gửi Sở Nội vụ. Hội đồng giải thưởng Lê Quý Đôn họp ngày 15/8/2026.")
    (award,) = extract_awards(text, PROVINCE)
    assert award.name == "Giải thưởng Lê Quý Đôn" and len(award.evidence) == 3


def test_awards_a_title_named_first_in_capitals_takes_the_body_s_spelling() -> None:
    text = ("QUY CHẾ XÉT TẶNG DANH HIỆU “CÔNG DÂN ƯU TÚ TỈNH NGHỆ AN”\n\nĐiều 1. Danh hiệu “Công dân ưu tú tỉnh "
            "Nghệ An” được xét tặng 05 năm một lần.")
    (award,) = extract_awards(text, PROVINCE)
    assert award.name == "Công dân ưu tú tỉnh Nghệ An" and len(award.evidence) == 2


SCHOOL = DocContext(issuer="Trường Trung học cơ sở Lê Lợi")


@pytest.mark.parametrize("text, context, names", [
    ("Tặng danh hiệu Giáo viên dạy giỏi cấp huyện cho 04 giáo viên của trường.", SCHOOL,
     [("Giáo viên dạy giỏi cấp huyện", "grassroots")]),
    ("Liên đội đề nghị công nhận danh hiệu cháu ngoan Bác Hồ cho 35 đội viên.", SCHOOL,
     [("Cháu ngoan Bác Hồ", "grassroots")]),
    ("Cuối năm học, khen thưởng học sinh đạt danh hiệu Học sinh xuất sắc, Học sinh giỏi và Học sinh tiên tiến.",
     SCHOOL, [("Học sinh xuất sắc", "grassroots"), ("Học sinh giỏi", "grassroots"), ("Học sinh tiên tiến", "grassroots")]),
    ("Hội Sinh viên tỉnh tuyên dương 120 sinh viên đạt danh hiệu “Sinh viên 5 tốt” cấp tỉnh.", None,
     [("Sinh viên 5 tốt", "unknown")]),
])
def test_awards_a_school_or_youth_title_after_danh_hieu(text, context, names) -> None:
    assert [(a.name, a.level) for a in extract_awards(text, context)] == names


@pytest.mark.parametrize("text", [
    "Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh lớp 9 năm học 2025-2026.",
    "Bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu kém.",
    "Hội thi giáo viên dạy giỏi cấp huyện diễn ra từ ngày 10/11/2025.",
])
def test_awards_a_school_title_s_words_as_plain_nouns_are_no_award(text) -> None:
    assert extract_awards(text, SCHOOL) == []


def test_awards_each_quoted_title_of_a_list_after_danh_hieu_counts() -> None:
    text = ("Chủ tịch Ủy ban nhân dân xã tặng danh hiệu “Gia đình văn hóa”, “Khối phố văn hóa” và "
            "“Doanh nghiệp văn hóa tiêu biểu” năm 2026.")
    got = [(a.name, a.level) for a in extract_awards(text, DISTRICT)]
    assert got == [("Gia đình văn hóa", "grassroots"), ("Thôn, tổ dân phố văn hóa", "grassroots"),
                   ("Doanh nghiệp văn hóa tiêu biểu", "grassroots")]


@pytest.mark.parametrize("text", [
    "Xét tặng danh hiệu ”Doanh nghiệp xanh tiêu biểu” năm 2026 cho 05 doanh nghiệp.",
    "Xét tặng danh hiệu ‘Doanh nghiệp xanh tiêu biểu’ năm 2026 cho 05 doanh nghiệp.",
])
def test_awards_a_title_in_the_quotes_word_processors_type(text) -> None:
    assert [a.name for a in extract_awards(text, PROVINCE)] == ["Doanh nghiệp xanh tiêu biểu"]
