"""pipeline/folding.py: the archive's search key drops diacritics and punctuation; fold_marks keeps offsets."""
from __future__ import annotations

import pytest

from pipeline.folding import fold_marks, search_key


@pytest.mark.parametrize("text, key", [
    ("Hà Nam", "ha nam"),
    ("Ủy ban nhân dân tỉnh Đắk Lắk", "uy ban nhan dan tinh dak lak"),
    ("  Bằng khen, Thủ tướng (Chính phủ)  ", "bang khen thu tuong chinh phu"),
    ("Ha\u0300 Nô\u0323i", "ha noi"),  # marks typed as separate combining characters
])
def test_search_key_drops_marks_case_and_punctuation(text: str, key: str) -> None:
    assert search_key(text) == key


def test_fold_marks_keeps_every_offset() -> None:
    text = "Sở Giáo dục và Đào tạo, Hưng Yên"
    folded = fold_marks(text)
    assert len(folded) == len(text) and folded == "So Giao duc va Dao tao, Hung Yen"
