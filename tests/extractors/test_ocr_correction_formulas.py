"""Fixed formulas of administrative text ("sửa đổi, bổ sung") restored from the skeletons of their syllables, where
OCR gave each syllable a valid but wrong tone that the bigram model alone keeps ("sửa đối, bố sung")."""
from __future__ import annotations

import pytest

from extractors.ocr_correction import correct_text


@pytest.mark.parametrize("ocr, fixed", [
    ("Căn cứ Luật sửa đối, bố sung một số điều của Luật Đất đai", "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai"),
    ("Luật Giáo dục được sửa đối, bổ sung năm 2019", "Luật Giáo dục được sửa đổi, bổ sung năm 2019"),
    ("DANH MỤC THỦ TỤC HÀNH CHỈNH THUỘC THẤM QUYỀN GIẢI QUYẾT CỦA SỞ Y TẾ",
     "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ Y TẾ"),
    ("Nghị định quy định chỉ tiết một số điều của Luật Đầu tư", "Nghị định quy định chi tiết một số điều của Luật Đầu tư"),
])
def test_ocr_correction_restores_fixed_formulas(ocr: str, fixed: str) -> None:
    assert correct_text(ocr) == fixed


@pytest.mark.parametrize("text", [
    "sửa đối. Bổ sung thêm",          # a sentence ends between them: no formula
    "Bên sửa đổi đối chiếu",          # two syllables of it only
    "phân cấp thẩm quyền",            # a formula's part outside it is left to the bigram model
])
def test_ocr_correction_formulas_need_the_whole_run(text: str) -> None:
    assert correct_text(text) == text


@pytest.mark.parametrize("ocr, fixed", [
    ("Căn cứ Luật Khám bệnh. chữa bệnh số 15/2023/QH15", "Căn cứ Luật Khám bệnh chữa bệnh số 15/2023/QH15"),
    ("thuộc phạm. vi quản lý của tỉnh Gia Lai", "thuộc phạm vi quản lý của tỉnh Gia Lai"),
    ("Luật Bảo hiểm. y tế số 51/2024/QH15", "Luật Bảo hiểm y tế số 51/2024/QH15"),
])
def test_ocr_correction_drops_a_speck_period_inside_a_sentence(ocr: str, fixed: str) -> None:
    assert correct_text(ocr) == fixed


@pytest.mark.parametrize("text", [
    "hoàn thành trước ngày 15/12/2026. Tổ chức sơ kết",   # a sentence ends: the next opens with a capital
    "các nội dung sau. a) Tổ chức",                       # a list item after it
    "vật tư, thiết bị v.v. và các",                       # an abbreviation's dots
    "tại TP. Hồ Chí Minh",
])
def test_ocr_correction_keeps_real_periods(text: str) -> None:
    assert correct_text(text) == text
