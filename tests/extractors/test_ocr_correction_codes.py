"""OCR confusions inside number-and-code tokens ("228/CĐ-TIg"), mended from the known code parts, nowhere else."""
from __future__ import annotations

import pytest

from extractors.ocr_correction import code_parts, correct_codes, correct_text


@pytest.mark.parametrize("ocr, fixed", [
    ("Số: 17/CĐ-TIg", "Số: 17/CĐ-TTg"),                                        # I for T
    ("theo Quyết định số 905/QĐ-T'Tg ngày 3/4/2024", "theo Quyết định số 905/QĐ-TTg ngày 3/4/2024"),  # a speck
    ("Công văn 412/CĐÐ-TTg năm 2026", "Công văn 412/CĐ-TTg năm 2026"),          # Đ read twice
    ("Số: 56/QÐ-UBND", "Số: 56/QĐ-UBND"),                                      # U+00D0 alone is Đ
    ("Nghị quyết 31/NQ-HÐND ngày", "Nghị quyết 31/NQ-HĐND ngày"),
    ("Thông tư số 12/2023/TT- BYT ngày 2/6/2023", "Thông tư số 12/2023/TT-BYT ngày 2/6/2023"),
    ("văn bản số 1207/STP- VP ngày", "văn bản số 1207/STP-VP ngày"),
    ("công văn số 51/CCT. QN- TTHT ngày 9/5/2025", "công văn số 51/CCT.QN-TTHT ngày 9/5/2025"),
    ("Nghị định 73/2024/NÐ- CP", "Nghị định 73/2024/NĐ-CP"),
])
def test_ocr_correction_mends_codes(ocr: str, fixed: str) -> None:
    assert correct_codes(ocr) == fixed
    assert correct_text(ocr) == fixed


@pytest.mark.parametrize("text", [
    "theo Kế hoạch 20/KH-UBND. UBND huyện giao",     # a sentence ends after the code: the next one is not joined
    "Số: 08/CCT-NVDT",                               # an unknown issuer part is left as printed ("CCT" is no "CT")
    "giai đoạn 2026 - 2030 - Bình Định",             # no code
    "Ông TIg và bà T'Tg",                            # the same letters outside a code
    "Quyết định 1463/QĐ-TTg, 2008",
    "số 225-KH/TWĐTN-CTTN",
])
def test_ocr_correction_leaves_other_text_and_known_codes(text: str) -> None:
    assert correct_codes(text) == text


def test_ocr_correction_code_parts_are_not_corrected_as_syllables() -> None:
    """A code's last part is an abbreviation ("HUE"), not a syllable to give a tone."""
    assert correct_text("số 838/CTKV. XII- NVDT.HUE ngày") == "số 838/CTKV.XII-NVDT.HUE ngày"


def test_ocr_correction_code_parts_come_from_the_reference_data() -> None:
    parts = code_parts()
    assert {"TTg", "QĐ", "CĐ", "UBND", "HĐND", "CP", "BTC"} <= parts
    assert not any(" " in p or not p for p in parts)
