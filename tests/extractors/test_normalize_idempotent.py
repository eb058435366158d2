"""The one normaliser: NFC, invisible characters, spaces, dashes, legacy text; idempotent."""
from __future__ import annotations

import unicodedata

import pytest

from extractors.legacy import encode
from extractors.normalize import normalize_inline, normalize_text

CASES = [
    (unicodedata.normalize("NFD", "Quyết định khen thưởng"), "Quyết định khen thưởng"),
    ("Thi\u00a0đua\u200b khen\u00adthưởng", "Thi đua khenthưởng"),
    ("2021 \u2013 2025 \u2014 giai đoạn", "2021 - 2025 - giai đoạn"),
    ("Nơi  nhận: \r\n- Lưu", "Nơi nhận:\n- Lưu"),
    (encode("người được khen thưởng", "tcvn3"), "người được khen thưởng"),
    (encode("Ủy ban nhân dân tỉnh Bắc Ninh", "vni"), "Ủy ban nhân dân tỉnh Bắc Ninh"),
]


@pytest.mark.parametrize("raw, want", CASES)
def test_normalize_cases(raw, want):
    assert normalize_text(raw) == want


@pytest.mark.parametrize("raw", [c[0] for c in CASES] + ["Kế hoạch số 12/KH-UBND\tngày 5/1/2024"])
def test_normalize_idempotent(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert normalize_inline(normalize_inline(raw)) == normalize_inline(raw)


@pytest.mark.parametrize("raw", [" \n\x85", "a \n b", "Căn cứ \u2028 Luật", "x\u00a0\n\u00a0y"])
def test_normalize_spaces_around_line_breaks_go_in_one_pass(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert " \n" not in once and "\n " not in once
