"""The closing table (recipients | signature) on an OCR page read as two columns, also where text follows it.

Page geometry written here (word boxes in pixels of an A4 page at 300 dpi), no OCR: ``layout_blocks`` is pure.
"""
from __future__ import annotations

import pytest

from pipeline.backends.ocr import Word, layout_blocks
from tests.pipeline.ocr_geometry import printed_line as _line

WIDTH, HEIGHT, CHAR = 2480, 3508, 40


BODY = ["Sở Tư pháp chủ trì, phối hợp với các sở, ban, ngành tổ chức tuyên truyền, phổ biến",
        "pháp luật cho cán bộ, công chức trên địa bàn tỉnh, hoàn thành trước ngày 15/9/2026./."]
RECIPIENTS = ["Nơi nhận:", "- Bộ Tư pháp;", "- Thường trực Tỉnh ủy;", "- Các sở, ban, ngành;", "- Lưu: VT, NC."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Lê Thị Hồng Vân"]
AFTER = ["Phụ lục kèm theo Kế hoạch này gồm danh mục các nhiệm vụ và thời hạn hoàn thành của",
         "từng cơ quan, đơn vị được giao chủ trì thực hiện trong năm 2026 trên địa bàn tỉnh."]


def _page(after: list[str], closing_top: int) -> list[Word]:
    words, key, y = [], 1, closing_top - 300
    for text in BODY:
        words += _line(text, 300, y, key, width=1880)
        key, y = key + 1, y + 70
    y = closing_top
    for left, right in zip(RECIPIENTS, SIGNATURE):
        words += _line(left, 300, y, key)
        if right:
            words += _line(right, 1400, y + 6, key + 100)
        key, y = key + 1, y + 60
    y += 80
    for text in after:
        words += _line(text, 300, y, key, width=1880)
        key, y = key + 1, y + 70
    return words


@pytest.mark.parametrize("after, closing_top", [
    (AFTER, 1200),      # an annex's opening follows the closing on its page
    (AFTER[:1], 2400),  # one line of a portal's footer under it, low on the page
    ([], 1800),         # nothing after it: the page's bottom zone, as before
])
def test_backends_ocr_closing_read_as_two_columns_when_text_follows(after: list[str], closing_top: int) -> None:
    blocks = layout_blocks(_page(after, closing_top), WIDTH, HEIGHT, correct=False)
    kinds = [b.kind for b in blocks]
    assert kinds.count("recipients") == 1 and kinds.count("signature") == 1
    recipients = next(b.text for b in blocks if b.kind == "recipients")
    signature = next(b.text for b in blocks if b.kind == "signature")
    assert recipients.splitlines() == RECIPIENTS
    assert signature.splitlines() == [s for s in SIGNATURE if s]
    # reading order: the body, the closing table, then what follows it
    i = kinds.index("recipients")
    assert kinds[i + 1] == "signature" and all(k == "paragraph" for k in kinds[:i] + kinds[i + 2:])
    assert [b.text for b in blocks[i + 2:]] == ([" ".join(after)] if after else [])


def test_backends_ocr_closing_needs_its_label_when_text_follows() -> None:
    """Without the recipients' label, two short columns above more text are left to the body (an unruled list)."""
    words = [w for w in _page(AFTER, 1200) if w.text not in ("Nơi", "nhận:")]
    assert not any(b.kind in ("recipients", "signature") for b in layout_blocks(words, WIDTH, HEIGHT, correct=False))


def test_backends_ocr_signature_column_has_no_list_dash() -> None:
    """A speck read as a dash before the signer's name ("- Lê Thị Hồng Vân") is dropped; the recipients keep theirs."""
    words = _page(AFTER, 1200)
    name = next(w for w in words if w.text == "Lê")
    words.append(Word("-", name.x0 - 40, name.y0, name.x0 - 18, name.y1, 60.0, name.key))
    blocks = layout_blocks(words, WIDTH, HEIGHT, correct=False)
    assert next(b.text for b in blocks if b.kind == "signature").splitlines()[-1] == "Lê Thị Hồng Vân"
    assert next(b.text for b in blocks if b.kind == "recipients").splitlines() == RECIPIENTS


def test_backends_ocr_closing_label_opens_a_list_not_a_sentence() -> None:
    """A body line that opens with the label's words ("Nơi nhận hồ sơ: ...") does not start a closing table."""
    words = _page(AFTER, 1200)
    label = [w for w in words if w.text in ("Nơi", "nhận:")]
    words = [w for w in words if w not in label]
    words += _line("Nơi nhận hồ sơ:", label[0].x0, label[0].y0, label[0].key[0])
    assert not any(b.kind in ("recipients", "signature") for b in layout_blocks(words, WIDTH, HEIGHT, correct=False))
