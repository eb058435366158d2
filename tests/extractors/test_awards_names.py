"""Awards: official names, levels, classes and quotas from the ways plans write them."""
from __future__ import annotations

import pytest

from extractors.awards import extract_awards

CASES = [
    ("Đề nghị tặng Cờ thi đua UBND tỉnh cho 02 tập thể", "Cờ thi đua của Ủy ban nhân dân cấp tỉnh", "provincial"),
    ("tặng Cờ thi đua của Ủy ban nhân dân tỉnh Quảng Ngãi", "Cờ thi đua của Ủy ban nhân dân cấp tỉnh", "provincial"),
    ("Bằng khen của Chủ tịch UBND tỉnh Lào Cai", "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "provincial"),
    ("Bằng khen UBND tỉnh", "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "provincial"),
    ("đề nghị Cờ thi đua Chính phủ", "Cờ thi đua của Chính phủ", "state"),
    ("xét đề nghị Bằng khen của Thủ tướng cho cá nhân", "Bằng khen của Thủ tướng Chính phủ", "state"),
    ("danh hiệu Chiến sỹ thi đua toàn quốc", "Chiến sĩ thi đua toàn quốc", "state"),
    ("danh hiệu Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua toàn quốc", "state"),
    ("danh hiệu Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "provincial"),
    ("danh hiệu Chiến sĩ thi đua cơ sở năm học 2024-2025", "Chiến sĩ thi đua cơ sở", "grassroots"),
    ("đạt danh hiệu Lao động tiên tiến", "Lao động tiên tiến", "grassroots"),
    ("danh hiệu Tập thể lao động xuất sắc", "Tập thể lao động xuất sắc", "provincial"),
    ("danh hiệu Tập thể Lao động tiên tiến", "Tập thể lao động tiên tiến", "grassroots"),
    ("Huân chương Lao động các hạng", "Huân chương Lao động", "state"),
    ("Huân chương Lao động hạng Nhất", "Huân chương Lao động hạng Nhất", "state"),
    ("Huân chương Bảo vệ Tổ quốc hạng Ba", "Huân chương Bảo vệ Tổ quốc hạng Ba", "state"),
    ("Huân chương Lao động hạng III", "Huân chương Lao động hạng Ba", "state"),
    ("Huân chương kháng chiến các hạng", "Huân chương Kháng chiến", "state"),
    ("Huy chương kháng chiến hạng Nhì", "Huy chương Kháng chiến hạng Nhì", "state"),
    ("Bà mẹ Việt Nam anh hùng", "Bà mẹ Việt Nam anh hùng", "state"),
    ("danh hiệu Nhà giáo ưu tú", "Nhà giáo ưu tú", "state"),
    ("Giấy khen của Chủ tịch UBND huyện Thạch Hà", "Giấy khen", "grassroots"),
    ("Cờ thi đua của Bộ Giáo dục và Đào tạo", "Cờ thi đua của bộ, ban, ngành, tỉnh", "provincial"),
    ("Cờ thi đua của Uỷ ban nhân dân tỉnh", "Cờ thi đua của Ủy ban nhân dân cấp tỉnh", "provincial"),
    ("Gia đình văn hoá tiêu biểu", "Gia đình văn hóa", "grassroots"),
]


@pytest.mark.parametrize("phrase,name,level", CASES)
def test_awards_official_name_and_level(phrase: str, name: str, level: str) -> None:
    got = {a.name: a for a in extract_awards(phrase)}
    assert name in got, list(got)
    assert got[name].level == level
    for ev in got[name].evidence:
        assert phrase[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("phrase,name", [
    ("đề nghị Chủ tịch Ủy ban nhân dân tỉnh Nam Định tặng Bằng khen", "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh"),
    ("trình Thủ tướng Chính phủ tặng Bằng khen cho 03 tập thể", "Bằng khen của Thủ tướng Chính phủ"),
    ("đề nghị Chính phủ tặng Cờ thi đua cho đơn vị dẫn đầu", "Cờ thi đua của Chính phủ"),
    ("đề nghị Bộ trưởng Bộ Công Thương tặng Bằng khen", "Bằng khen của bộ, ban, ngành, tỉnh"),
])
def test_awards_bare_form_takes_the_authority_before_it(phrase: str, name: str) -> None:
    assert [a.name for a in extract_awards(phrase)] == [name]


def test_awards_class_and_quota() -> None:
    text = "Mỗi tỉnh giới thiệu 01 đến 02 tập thể, cá nhân đề nghị tặng Huân chương Lao động hạng Nhì."
    (award,) = extract_awards(text)
    assert award.award_class == "hạng Nhì"
    assert award.quota == "01 đến 02 tập thể, cá nhân"
    assert award.evidence[0].text == "Huân chương Lao động hạng Nhì"


def test_awards_all_classes_have_no_class() -> None:
    (award,) = extract_awards("Huân chương Độc lập các hạng")
    assert award.name == "Huân chương Độc lập" and award.award_class is None


def test_awards_mentions_merge_into_one_item() -> None:
    awards = extract_awards("Tặng Bằng khen UBND tỉnh cho 05 tập thể. Danh sách Bằng khen của Chủ tịch UBND tỉnh.")
    assert len(awards) == 1 and len(awards[0].evidence) == 2


@pytest.mark.parametrize("phrase", [
    "Công tác thi đua, khen thưởng năm 2024",
    "trao tặng, đón nhận các danh hiệu thi đua, hình thức khen thưởng theo đúng quy định",
    "Chú trọng khen thưởng tập thể nhỏ, người lao động trực tiếp sản xuất",
    "Hội đồng Thi đua - Khen thưởng tỉnh",
    "quý I năm 2025",
])
def test_awards_generic_words_are_not_awards(phrase: str) -> None:
    assert extract_awards(phrase) == []


def test_awards_authority_across_a_pdf_page_break() -> None:
    text = ("giới thiệu 01 đến 02 tập thể, cá nhân đề nghị Chủ tịch Ủy ban nhân\n\n"
            "dân tỉnh Thái Bình tặng Bằng khen, thành tích đóng góp tích cực")
    assert [a.name for a in extract_awards(text)] == ["Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh"]
