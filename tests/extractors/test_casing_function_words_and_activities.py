"""Official casing of a body's name: the words of its function or field with their first syllable capitalised
("Ban Thư ký", "Ban Chỉ huy", "Sư phạm"), the activities a board is for in lower case ("phòng cháy, chữa cháy");
a school's own name keeps its field in that casing. Names written here, in none of the sets."""
from __future__ import annotations

import pytest

from extractors.header.issuer import canonical_issuer
from extractors.names import official_forms, proper_case


@pytest.mark.parametrize("upper, cased", [
    ("BAN THƯ KÝ HỘI ĐỒNG NHÂN DÂN TỈNH NINH THUẬN", "Ban Thư ký Hội đồng nhân dân tỉnh Ninh Thuận"),
    ("BAN CHỈ HUY PHÒNG CHÁY, CHỮA CHÁY RỪNG HUYỆN TAM ĐẢO", "Ban Chỉ huy phòng cháy, chữa cháy rừng huyện Tam Đảo"),
    ("BAN CHỈ ĐẠO PHÒNG, CHỐNG THAM NHŨNG TỈNH", "Ban Chỉ đạo phòng, chống tham nhũng tỉnh"),
    ("BAN THƯỜNG VỤ HỘI ĐỒNG NHÂN DÂN TỈNH GIA LAI", "Ban Thường vụ Hội đồng nhân dân tỉnh Gia Lai"),
    ("PHÒNG NỘI VỤ HUYỆN AN LÃO", "Phòng Nội vụ huyện An Lão"),  # "Phòng" as a room keeps its capital
])
def test_casing_function_words_and_activities(upper: str, cased: str) -> None:
    assert proper_case(upper) == cased


@pytest.mark.parametrize("upper, cased", [
    ("TRƯỜNG CAO ĐẲNG SƯ PHẠM ĐẮK LẮK", "Trường Cao đẳng Sư phạm Đắk Lắk"),
    ("TRƯỜNG ĐẠI HỌC SƯ PHẠM KỸ THUẬT NAM ĐỊNH", "Trường Đại học Sư phạm Kỹ thuật Nam Định"),
    ("TRƯỜNG THCS HÒA BÌNH", "Trường Trung học cơ sở Hòa Bình"),  # the letters as printed, only the case changes
])
def test_casing_school_field_in_its_official_case(upper: str, cased: str) -> None:
    assert canonical_issuer(upper) == cased


def test_casing_official_forms_keeps_other_words() -> None:
    assert official_forms("Ban Chỉ Huy Quân Sự Xã Tân Lập") == "Ban Chỉ huy Quân sự Xã Tân Lập"
