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
    # a digit read as a letter in the number that ends a part ("QHI5"), the letters before it kept
    ("Luật số 47/2019/QHl4 ngày 22/11/2019", "Luật số 47/2019/QH14 ngày 22/11/2019"),
    ("Nghị quyết số 35/2023/UBTVQHI5 ngày 12/7/2023", "Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023"),
    ("Báo cáo thẩm tra số 118/BC-UBKTI5 ngày", "Báo cáo thẩm tra số 118/BC-UBKT15 ngày"),
    ("Quyết định số 12/QĐ-BCĐ3I9 ngày", "Quyết định số 12/QĐ-BCĐ319 ngày"),
    # a space OCR leaves between the number and its slash
    ("Số: 214 /NQ-HĐND", "Số: 214/NQ-HĐND"),
    # a code part cut before its lower-case letters, joined where that is a known part
    ("Tờ trình số 61/TT r-SNV ngày 3/3/2025", "Tờ trình số 61/TTr-SNV ngày 3/3/2025"),
    ("Quyết định 1720/QĐ-TT g, ngày", "Quyết định 1720/QĐ-TTg, ngày"),
    # the slash before the year lost in a normative document's number
    ("Số: 182024/QĐ-UBND", "Số: 18/2024/QĐ-UBND"),
    ("Nghị quyết số 092026/NQ-HĐND ngày", "Nghị quyết số 09/2026/NQ-HĐND ngày"),
    ("Thông tư số 102023/TT-BTC", "Thông tư số 10/2023/TT-BTC"),
    # the legislature's term set apart from its part
    ("Luật Đất đai số 31/2024/QH 15;", "Luật Đất đai số 31/2024/QH15;"),
    ("Pháp lệnh số 02/2020/UBTVQH 14 ngày", "Pháp lệnh số 02/2020/UBTVQH14 ngày"),
    # a capital OCR added inside a mixed-case part
    ("Chỉ thị số 05/CT-TTEg ngày", "Chỉ thị số 05/CT-TTg ngày"),
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
    "Số: 12/KH-UBND ngày 14/2/2025",                 # a digit after a code, outside it
    "Kế hoạch số 08/KH-BCĐ389 năm 2025",             # a code's number as printed
    "số 30/TB-UBND h ngày",                          # a lone letter no known part ends with
    "Số:    /QĐ-UBND",                               # a number left blank for the hand
    "ngày 14 /2025",                                 # no code after the slash
    "trả lời văn bản số 20251104/CV-KT ngày",        # a long number of a type that carries no year
    "Số: 12021/BTC-QLCS",                            # nor of an issuer
    "Số: 2025/QĐ-UBND",                              # four digits: a number of its own
    "theo Kế hoạch 14/KH-UBND 15 đơn vị",            # digits after a part that carries no term
    "số 12/QĐ-UBNDT",                                # an unknown all-capital part is left as printed
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
