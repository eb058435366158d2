"""The header (issuer | motto) on an OCR page read as two columns also where other text stands above it with no
gap (a portal's banner, a registry or fax line across the page): the issuer's wrapped lines stay whole, the code
and the place line are not cut row by row.

Page geometry written here (word boxes in pixels of an A4 page at 300 dpi), no OCR: ``layout_blocks`` is pure.
"""
from __future__ import annotations

import pytest

from pipeline.backends.ocr import Word, layout_blocks
from tests.pipeline.ocr_geometry import printed_line as _line

WIDTH, HEIGHT, CHAR = 2480, 3508, 40


BANNER = ["Văn bản này được cung cấp bởi Cổng thông tin điện tử tỉnh để tra cứu, mọi sao chép lại cần",
          "ghi rõ nguồn. Số hiệu: 318/SYT-NVY Loại văn bản: Công văn Ngày ban hành: 14/01/2026"]
ISSUER = ["UBND TỈNH BÌNH", "PHƯỚC", "SỞ Y TẾ", "Số: 318/SYT-", "NVY", "V/v tăng cường phòng, chống", "dịch bệnh mùa đông xuân"]
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Bình Phước, ngày 14 tháng 01 năm 2026"]
BODY = ["Kính gửi: Các cơ sở khám bệnh, chữa bệnh trên địa bàn tỉnh.",
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về công tác phòng, chống dịch bệnh mùa đông xuân",
        "năm 2026, Sở Y tế đề nghị các đơn vị triển khai ngay các nội dung sau đây:"]


def _page(banner: list[str]) -> list[Word]:
    words, key, y = [], 1, 200
    for text in banner:
        words += _line(text, 300, y, key, width=1880)
        key, y = key + 1, y + 62
    top = y + 20  # the banner's line pitch: no gap sets the header apart
    for i, text in enumerate(ISSUER):
        words += _line(text, 420 - len(text) * 4, top + i * 62, key)
        key += 1
    for i, text in enumerate(MOTTO):
        if text:
            words += _line(text, 1180, top + i * 62, key)
        key += 1
    y = top + len(ISSUER) * 62 + 120
    for text in BODY:
        words += _line(text, 300, y, key, width=1880)
        key, y = key + 1, y + 62
    return words


def test_backends_ocr_header_found_below_a_banner() -> None:
    blocks = layout_blocks(_page(BANNER), WIDTH, HEIGHT, correct=False)
    kinds = [b.kind for b in blocks]
    assert kinds[:3] == ["paragraph", "header", "header"]
    assert blocks[0].text == " ".join(BANNER)
    assert blocks[1].role == "issuer" and blocks[1].text.splitlines() == ISSUER
    assert blocks[2].role == "motto" and blocks[2].text.splitlines() == [m for m in MOTTO if m]


def test_backends_ocr_header_at_the_top_unchanged() -> None:
    blocks = layout_blocks(_page([]), WIDTH, HEIGHT, correct=False)
    assert [b.kind for b in blocks[:2]] == ["header", "header"] and blocks[0].text.splitlines() == ISSUER


def test_backends_ocr_header_below_only_on_the_first_page() -> None:
    """On a later page two columns under the body's text are no header (an unruled table, a closing)."""
    blocks = layout_blocks(_page(BANNER), WIDTH, HEIGHT, correct=False, first_page=False)
    assert "header" not in [b.kind for b in blocks]


@pytest.mark.parametrize("banner", [BANNER, []])
def test_backends_ocr_header_ends_at_the_gap_before_the_salutation(banner: list[str]) -> None:
    """Under the motto's last line the issuer column goes on at line spacing (the wrapped code, the "V/v"); the
    salutation and its list after a wider gap are the body's, also when they stand in the left half."""
    page = _page(banner)
    body_top = min(w.y0 for w in page if w.text == BODY[0].split()[0])
    words = [w for w in page if w.y0 < body_top]
    last = max(w.y1 for w in words)
    salutation = ["Kính gửi:", "- Các bệnh viện tuyến tỉnh;", "- Trung tâm Y tế các huyện."]
    for i, text in enumerate(salutation):
        words += _line(text, 420, last + 120 + i * 62, 200 + i)
    words += _line(BODY[1], 300, last + 120 + 3 * 62 + 40, 300, width=1880)
    blocks = layout_blocks(words, WIDTH, HEIGHT, correct=False)
    assert next(b for b in blocks if b.role == "issuer").text.splitlines() == ISSUER
    assert any(b.kind == "paragraph" and b.text.startswith("Kính gửi:") for b in blocks)


def test_backends_ocr_no_header_from_a_closing_on_a_short_first_page() -> None:
    words, key, y = [], 1, 200
    for text in BODY[1:]:
        words += _line(text, 300, y, key, width=1880)
        key, y = key + 1, y + 62
    for i, (left, right) in enumerate(zip(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ""])):
        words += _line(left, 300, y + 60 + i * 62, key)
        if right:
            words += _line(right, 1500, y + 60 + i * 62, key + 50)
        key += 1
    assert "header" not in [b.kind for b in layout_blocks(words, WIDTH, HEIGHT, correct=False)]


def test_backends_ocr_closing_at_the_top_of_a_later_page_keeps_its_list() -> None:
    """A later page opening with the closing table (the recipients going on beside the signer): its list runs past
    the signer's name, across wider gaps, and stays in its column."""
    items = ["- Bộ Nội vụ;", "- Ban Thi đua - Khen thưởng Trung ương;", "- Thường trực Tỉnh ủy;",
             "- Các sở, ban, ngành;", "- Lưu: VT, NC."]
    words, y = [], 200
    for i, text in enumerate(items):
        words += _line(text, 300, y, 10 + i)
        y += 62 if i != 2 else 110
    for i, text in enumerate(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Hùng"]):
        words += _line(text, 1500, 200 + i * 62, 30 + i)
    words += _line(BODY[1], 300, y + 200, 50, width=1880) + _line(BODY[2], 300, y + 262, 51, width=1880)
    blocks = layout_blocks(words, WIDTH, HEIGHT, correct=False, first_page=False)
    assert blocks[0].text.splitlines() == items
