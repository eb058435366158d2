"""extractors/text/markup.py: Markdown marks of web copies read as spaces, offsets kept, list bullets kept."""
from __future__ import annotations

import pytest

from extractors.text import without_emphasis


@pytest.mark.parametrize("marked, plain", [
    ("**6.** Đề nghị Sở Tư pháp", "  6.   Đề nghị Sở Tư pháp"),
    ("**Điều 4.****", "  Điều 4.    "),
    ("*Căn cứ Luật Thi đua, khen thưởng;*", " Căn cứ Luật Thi đua, khen thưởng; "),
    ("## II. NHIỆM VỤ", "   II. NHIỆM VỤ"),
    ("__Ghi chú__", "  Ghi chú  "),
])
def test_text_markup_emphasis_becomes_spaces(marked: str, plain: str) -> None:
    out = without_emphasis(marked)
    assert out == plain and len(out) == len(marked)


@pytest.mark.parametrize("text", ["* Sở Nội vụ: tổng hợp", "Mẫu số 01_TĐKT", "không có dấu nào", "5 * 3 = 15"])
def test_text_markup_keeps_bullets_and_plain_text(text: str) -> None:
    assert without_emphasis(text) == text
