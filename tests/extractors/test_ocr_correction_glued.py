"""OCR drops the space between two words; the correction puts it back where case or lexicon prove it."""
from __future__ import annotations

import pytest

from extractors.ocr_correction import correct_text, split_glued


@pytest.mark.parametrize("noisy,clean", [
    ("Trương CôngMinh", "Trương Công Minh"),
    ("Đ/cHoàng Thị ThuHiền", "Đ/c Hoàng Thị Thu Hiền"),
    ("Hội đồng TĐKTtỉnh", "Hội đồng TĐKT tỉnh"),
    ("UBNDtỉnh giao", "UBND tỉnh giao"),
    ("ỦY BANNHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    ("Sở Lao động, Thương binhVà Xã hội", "Sở Lao động, Thương binh Và Xã hội"),
    ("PHÓ CHỦTỊCH", "PHÓ CHỦ TỊCH"),
])
def test_ocr_correction_splits_glued_words(noisy: str, clean: str) -> None:
    assert split_glued(noisy) == clean


@pytest.mark.parametrize("text", [
    "QĐ-TTg", "HĐND, UBND, MTTQ", "TP.HCM", "ThS. Nguyễn", "PGS.TS", "NGHIÊNG", "KHUYẾN KHÍCH", "TRƯỜNG",
    "NGƯỜI LAO ĐỘNG", "QUYẾT ĐỊNH", "UBNDtinhh", "VNPT-QB-TĐKT", "Số: 2352/KH-CDNB",
])
def test_ocr_correction_leaves_abbreviations_and_words_whole(text: str) -> None:
    assert split_glued(text) == text


def test_ocr_correction_split_then_diacritics_in_one_pass() -> None:
    assert correct_text("Hội đồng TĐKTtỉnh") == "Hội đồng TĐKT tỉnh"
