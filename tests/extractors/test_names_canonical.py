"""extractors.names: abbreviation expansion, official casing, list distribution, place resolution."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.names import (
    canonical_unit,
    expand_abbreviations,
    find_places,
    find_unit_mentions,
    new_tones,
    proper_case,
)

BAC_NINH = DocContext(province="Bắc Ninh", level="tỉnh")
KIM_BANG = DocContext(province="Hà Nam", district="Kim Bảng", level="huyện")


@pytest.mark.parametrize("surface, want", [
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ("HĐND huyện", "Hội đồng nhân dân huyện"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("Hội đồng TĐKT tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("VP UBND tỉnh Lào Cai", "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"),
    ("Sở TN&MT tỉnh Cà Mau", "Sở Tài nguyên và Môi trường tỉnh Cà Mau"),
])
def test_names_expand_abbreviations(surface, want):
    assert expand_abbreviations(surface) == want


@pytest.mark.parametrize("surface, want", [
    ("ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", "Ủy ban nhân dân tỉnh Nam Định"),
    ("ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG", "Ủy ban nhân dân huyện Kim Bảng"),
    ("SỞ NỘI VỤ TỈNH THÁI NGUYÊN", "Sở Nội vụ tỉnh Thái Nguyên"),
    ("BAN THI ĐUA - KHEN THƯỞNG", "Ban Thi đua - Khen thưởng"),
])
def test_names_proper_case(surface, want):
    assert proper_case(surface) == want


@pytest.mark.parametrize("surface, context, want", [
    ("Ủy ban nhân dân tỉnh Hải Dương, Hưng Yên, Bắc Ninh", None,
     ["Ủy ban nhân dân tỉnh Hải Dương", "Ủy ban nhân dân tỉnh Hưng Yên", "Ủy ban nhân dân tỉnh Bắc Ninh"]),
    ("UBND tỉnh Sơn La, Điện Biên và Lai Châu", None,
     ["Ủy ban nhân dân tỉnh Sơn La", "Ủy ban nhân dân tỉnh Điện Biên", "Ủy ban nhân dân tỉnh Lai Châu"]),
    ("UBND tỉnh", BAC_NINH, ["Ủy ban nhân dân tỉnh Bắc Ninh"]),
    ("Ủy ban nhân dân huyện", KIM_BANG, ["Ủy ban nhân dân huyện Kim Bảng"]),
    ("UBND các huyện, thành phố", BAC_NINH, ["Ủy ban nhân dân các huyện, thành phố"]),
    ("Giám đốc Sở Tư pháp", None, ["Sở Tư pháp"]),
    ("Chánh Văn phòng UBND tỉnh", BAC_NINH, ["Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh"]),
    ("Phòng Văn hóa- thông tin", None, ["Phòng Văn hóa - Thông tin"]),
    ("Uỷ ban MTTQ tỉnh", None, ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
    ("Uỷ ban nhân dân tỉnh Bà Rịa-Vũng Tàu", None, ["Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"]),
])
def test_names_canonical_unit(surface, context, want):
    assert canonical_unit(surface, context) == want


def test_names_find_places_lexicon_and_districts():
    text = "UBND tỉnh Thừa Thiên Huế, huyện Mường Lát và tỉnh Kon Tum"
    got = [p[2] for p in find_places(text)]
    assert got == ["Huế", "Mường Lát", "Kon Tum"]
    for s, e, _ in find_places(text):
        assert text[s:e].strip()


@pytest.mark.parametrize("text, want", [
    ("Sở Tài nguyên và Môi trường tỉnh Lào Cai phối hợp", "Sở Tài nguyên và Môi trường tỉnh Lào Cai"),
    ("giao Sở Kế hoạch và Đầu tư chủ trì", "Sở Kế hoạch và Đầu tư"),
    ("Ban Tuyên giáo Tỉnh ủy tăng cường", "Ban Tuyên giáo Tỉnh ủy"),
    ("Thường trực Hội đồng TĐKT tỉnh xây dựng", "Thường trực Hội đồng TĐKT tỉnh"),
    ("Liên đoàn Lao động tỉnh Gia Lai vận động", "Liên đoàn Lao động tỉnh Gia Lai"),
    ("Công an tỉnh chủ trì", "Công an tỉnh"),
    ("Ban Thi đua - Khen thưởng, Sở Nội vụ tham mưu", "Ban Thi đua - Khen thưởng, Sở Nội vụ"),
])
def test_names_find_unit_mentions(text, want):
    assert [m[2] for m in find_unit_mentions(text)][0] == want


@pytest.mark.parametrize("text", ["các sở, ban, ngành", "BÁO CÁO KẾT QUẢ", "Phòng III", "Báo cáo kết quả"])
def test_names_no_unit_in_generic_words(text):
    assert find_unit_mentions(text) == []


@pytest.mark.parametrize("old,new", [
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"), ("tỉnh Khánh Hoà", "tỉnh Khánh Hòa"), ("thuỷ lợi", "thủy lợi"),
    ("Đoàn Thanh niên", "Đoàn Thanh niên"), ("Quý I", "Quý I"), ("Hoàng Văn Thụ", "Hoàng Văn Thụ"),
    ("toàn quốc", "toàn quốc"), ("Hoà Bình", "Hòa Bình"),
])
def test_names_new_tones_moves_only_open_final_syllables(old: str, new: str) -> None:
    assert new_tones(old) == new


@pytest.mark.parametrize("surface, want", [
    ("SỞ TƯ PHÁP TỈNH HÀ NAM", "Sở Tư pháp tỉnh Hà Nam"),
    ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "Bộ Kế hoạch và Đầu tư"),
    ("PHÒNG TƯ PHÁP HUYỆN ĐÔNG ANH", "Phòng Tư pháp huyện Đông Anh"),
    ("BAN TĐKT TƯ", "Ban Thi đua - Khen thưởng Trung ương"),
])
def test_names_abbreviation_that_is_also_a_word_expands_only_alone(surface, want):
    from extractors.header import canonical_issuer
    assert canonical_issuer(surface) == want


@pytest.mark.parametrize("text, want", [
    ("Quỹ hỗ trợ doanh nghiệp TƯ NHÂN", "Quỹ hỗ trợ doanh nghiệp TƯ NHÂN"),
    ("Ban Dân vận TƯ", "Ban Dân vận Trung ương"),
    ("Hội đồng TĐKT TW", "Hội đồng Thi đua - Khen thưởng Trung ương"),
])
def test_names_expand_abbreviations_whole_tokens_in_context(text, want):
    assert expand_abbreviations(text) == want
