"""awards.py: a bare "bằng khen" / "cờ thi đua" in lower case, in a document that names that form with its
authority, is the form named again in a list of things, not one more award (issue 10, round 4). Phrases written
here, in none of the sets."""
from __future__ import annotations

from extractors.awards import extract_awards


def names(text):
    return {a.name: len(a.evidence) for a in extract_awards(text)}


def test_awards_lower_case_form_joins_the_award_of_that_form():
    got = names("Tặng Cờ thi đua của Chính phủ cho 02 tập thể dẫn đầu. Chi in ấn hiện vật khen thưởng (giấy khen, "
                "cờ thi đua, khung, hộp) theo quy định.")
    assert "Cờ thi đua" not in got and got["Cờ thi đua của Chính phủ"] == 2


def test_awards_lower_case_form_alone_stays_an_award():
    got = names("Kinh phí in ấn hiện vật khen thưởng (giấy khen, bằng khen, cờ thi đua) lấy từ Quỹ thi đua, khen thưởng.")
    assert {"Cờ thi đua", "Bằng khen"} <= set(got)


def test_awards_capitalised_bare_form_stays_its_own_award():
    got = names("Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 05 cá nhân; Cờ thi đua cho đơn vị dẫn đầu khối.")
    assert "Cờ thi đua" in got
