"""extractors/text: folding keeps offsets, one soft line-break rule, the shared patterns."""
from __future__ import annotations

import re

import pytest

from extractors.text import CAN_CU, PLACE_DESIGNATOR, ROMAN, fold, name_key, toneless
from extractors.text.lines import goes_on_lower, goes_on_paragraph, joined, soft_breaks


@pytest.mark.parametrize("text", ["Uỷ ban nhân dân tỉnh Hoà Bình", "chiến sỹ thi đua", "İstanbul và Hà Nội"])
def test_text_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert len(toneless(fold(text))) == len(text)


def test_text_fold_reads_old_tone_placement_and_sy_as_one_spelling() -> None:
    assert fold("Uỷ ban Hoà Bình") == fold("Ủy ban Hòa Bình")
    assert fold("Chiến sỹ thi đua") == "chiến sĩ thi đua"
    assert name_key("Ủy ban nhân dân tỉnh Hoà Bình") == name_key("UỶ BAN NHÂN DÂN TỈNH HÒA BÌNH")


@pytest.mark.parametrize("line", ["Căn cứ Luật Thi đua", "Can cu Luật Thi đua", "Căn cử Nghị định", "CĂN CỨ Quyết định",
                                  "Căn  cứ Kế hoạch"])
def test_text_can_cu_reads_ocr_forms(line: str) -> None:
    assert re.match(CAN_CU, line)


@pytest.mark.parametrize("line", ["Cần cù lao động", "Căn nhà cứ để"])
def test_text_can_cu_leaves_other_words(line: str) -> None:
    assert not re.match(CAN_CU + r"\b", line)


@pytest.mark.parametrize("phrase, designator", [("thị trấn Lương Bằng", "thị trấn"), ("thành phố Hà Nội", "thành phố"),
                                                 ("xã Tân Hòa", "xã"), ("tỉnh Quảng Bình", "tỉnh")])
def test_text_place_designator(phrase: str, designator: str) -> None:
    assert re.match(PLACE_DESIGNATOR, phrase).group() == designator


def test_text_roman_numerals() -> None:
    assert ROMAN["III"] == 3 and ROMAN["XII"] == 12


def test_text_soft_breaks_join_wrapped_prose_only() -> None:
    text = "Các tập thể có thành\ntích cao.\nII. NHIỆM VỤ\nVào ngày 30 tháng 9 năm\n2011 tổ chức\n- Tổ chức"
    soft = soft_breaks(text, goes_on_lower)
    assert [text[p - 5:p] for p in soft] == ["thành", "9 năm"]
    out = joined(text, goes_on_lower)
    assert len(out) == len(text) and "thành tích" in out and "cao.\nII." in out


def test_text_soft_breaks_paragraph_rule_joins_long_lines_but_not_headings() -> None:
    text = ("Ban Thi đua - Khen thưởng Trung ương phối hợp cùng các bộ, ngành\nBan Tuyên giáo\n"
            "I. MỤC ĐÍCH\n- Tổ chức tốt")
    out = joined(text, goes_on_paragraph)
    assert "ngành Ban Tuyên giáo" in out
    assert "giáo\nI. MỤC ĐÍCH\n- Tổ chức" in out
    assert soft_breaks("một dòng\tbảng\ntiếp theo", goes_on_paragraph) == ()


@pytest.mark.parametrize("words, either_case, text", [
    (["UBND", "Sở", "ủy ban"], False, "Giao UBND huyện Tân Uyên và Sở Y tế, ủy ban xã; xUBND, ỦY BAN"),
    (["các", "những"], True, "Các sở, ngành và những đơn vị; CÁC huyện, Những xã"),
    (["oà", "uỷ", "sỹ"], False, "hoà bình, thuỷ lợi, chiến sỹ, Uỷ ban"),
])
def test_text_starting_with_admits_every_match(words, either_case, text):
    """The lookahead on first letters changes no match of the pattern it is put before, and skips the rest."""
    from extractors.text import starting_with
    flags = re.I if either_case else 0
    plain = r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)"
    guarded = re.compile(starting_with(words, either_case=either_case) + plain, flags)
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in re.finditer(plain, text, flags)]
    assert guarded.findall(text)
    assert not re.match(starting_with(words, either_case=either_case), "xyz")
