"""OCR post-correction: known diacritic confusions are fixed, correct Vietnamese is left alone."""
from __future__ import annotations

import unicodedata

import pytest

from extractors.lexicon import DATA
from extractors.ocr_correction import (BIGRAMS_FILE, SYLLABLES_FILE, _bigrams, _lexicon, correct_text,
                                       is_valid_syllable, skeleton)


@pytest.mark.parametrize("ocr, fixed", [
    ("Căn cứ Luật Tổ chức Chính quyên địa phương", "Căn cứ Luật Tổ chức Chính quyền địa phương"),
    ("Tùy theo nguôn kinh phí từng đơn vị", "Tùy theo nguồn kinh phí từng đơn vị"),
    ("đạt thành tích xuât sắc trong năm", "đạt thành tích xuất sắc trong năm"),
    ("trong quá trình triên khai thực hiện", "trong quá trình triển khai thực hiện"),
    ("QUYÉT ĐỊNH:", "QUYẾT ĐỊNH:"),
    ("Luật Thì đua, Khen thưởng", "Luật Thi đua, Khen thưởng"),
    ("phong trào thi đua yêu nươc", "phong trào thi đua yêu nước"),
])
def test_ocr_correction_fixes_known_confusions(ocr: str, fixed: str) -> None:
    assert correct_text(ocr) == fixed


@pytest.mark.parametrize("text", [
    "Căn cứ Luật Thi đua, Khen thưởng ngày 26/11/2003;",
    "đẩy mạnh phong trào thi đua yêu nước",
    "Đây là nhiệm vụ trọng tâm của năm 2025",
    "chuyên môn nghiệp vụ và chuyển đổi số",
    "Ông Nguyễn Văn Tình, Phó Chủ tịch UBND thị xã Ba Đồn./.",
    "Bảo đảm an ninh trật tự trên địa bàn huyện Lệ Thủy",
    "Fiber VNN 2.100 tb; MyTV 3.050 tb",
    "Số: 2871/QĐ-UBND ngày 24 tháng 10 năm 2022",
    "Công ty TNHH MTV Xổ số kiến thiết Quảng Bình",
])
def test_ocr_correction_leaves_correct_text_unchanged(text: str) -> None:
    assert correct_text(text) == text


def test_ocr_correction_keeps_case_and_punctuation() -> None:
    assert correct_text("NGUÔN VỐN, nguôn vốn; Nguôn vốn.") == "NGUỒN VỐN, nguồn vốn; Nguồn vốn."


def test_ocr_correction_skeleton_groups_diacritic_variants() -> None:
    assert skeleton("Nguồn") == skeleton("nguôn") == "nguon"
    assert skeleton("đẩy") == skeleton("đây") == "day"
    assert is_valid_syllable("nguồn") and not is_valid_syllable("xuât")


def test_ocr_correction_data_files_are_well_formed() -> None:
    """The lexicon files: NFC lower-case syllables with positive counts; bigrams over known syllables."""
    counts, _groups = _lexicon()
    assert len(counts) > 5000
    for syl, n in counts.items():
        assert syl == unicodedata.normalize("NFC", syl).lower() and syl.isalpha() and " " not in syl, syl
        assert n > 0
    bigrams = _bigrams()
    assert len(bigrams) > 20000
    for (a, b), n in bigrams.items():
        assert a in counts and b in counts and n > 0, (a, b)
    for name in (SYLLABLES_FILE, BIGRAMS_FILE):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        body = [x for x in lines if not x.startswith("#")]
        assert body == sorted(body) and len(body) == len(set(body)), name
