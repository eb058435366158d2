"""Body lines of an OCR page into paragraphs: a centred title wrapped over lines stays one paragraph; a dot OCR read
as a dash is no list marker. Page geometry written here (word boxes of an A4 page at 300 dpi), no OCR."""
from __future__ import annotations

import pytest

from pipeline.backends.ocr import Word, layout_blocks
from tests.pipeline.ocr_geometry import printed_line

WIDTH, HEIGHT, CHAR = 2480, 3508, 44
LEFT, MEASURE = 356, 1944


def _line(text: str, x0: int, y: int, key: int, width: int | None = None) -> list[Word]:
    return printed_line(text, x0, y, key, width, height=CHAR, letter=24)


def _centred(text: str, y: int, key: int, width: int | None = None) -> list[Word]:
    natural = sum(len(w) * 24 for w in text.split()) + 14 * (len(text.split()) - 1)
    span = width or natural
    return _line(text, LEFT + (MEASURE - span) // 2, y, key, width)


BODY = ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Căn cứ Nghị định số 98/2023/NĐ-CP",
        "ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua,",
        "khen thưởng; Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV."]
TITLE = ["BAN HÀNH QUY CHẾ THI ĐUA, KHEN THƯỞNG TRONG CÁC CƠ QUAN",
         "HÀNH CHÍNH, ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP THUỘC ỦY BAN NHÂN",
         "DÂN TỈNH"]


def _page(title: list[str], widths: list[int | None]) -> list[Word]:
    words, key, y = _centred("QUYẾT ĐỊNH", 400, 1), 2, 480
    for text, width in zip(title, widths):
        words += _centred(text, y, key, width)
        key, y = key + 1, y + 66
    y += 60
    words += _line(BODY[0], LEFT + 118, y, key, width=MEASURE - 118)
    for text in BODY[1:]:
        key, y = key + 1, y + 66
        words += _line(text, LEFT, y, key, width=MEASURE if text != BODY[-1] else None)
    return words


@pytest.mark.parametrize("widths", [[1860, 1900, None], [1840, 1880, None], [1860, None, None],
                                    [1930, 1900, None]])  # capitals that nearly fill the measure
def test_backends_ocr_wrapped_centred_title_is_one_paragraph(widths: list[int | None]) -> None:
    title = TITLE if widths[1] else [TITLE[0], TITLE[1] + " " + TITLE[2]]
    blocks = layout_blocks(_page(title, widths[:len(title)]), WIDTH, HEIGHT, correct=False)
    texts = [b.text for b in blocks]
    assert texts[0] == "QUYẾT ĐỊNH"
    assert texts[1] == " ".join(title)
    assert texts[2].startswith("Căn cứ Luật Thi đua")


def test_backends_ocr_centred_lines_that_do_not_wrap_stay_apart() -> None:
    """The motto's two lines, a short type line and its title: none fills the measure, so none continues another."""
    words = _centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 200, 1) + _centred("Độc lập - Tự do - Hạnh phúc", 266, 2)
    words += _centred("KẾ HOẠCH", 420, 3) + _centred("Tổ chức Hội nghị tổng kết công tác năm 2025", 486, 4)
    texts = [b.text for b in layout_blocks(words, WIDTH, HEIGHT, correct=False)]
    assert texts == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                     "Tổ chức Hội nghị tổng kết công tác năm 2025"]


def test_backends_ocr_a_dot_read_as_a_dash_is_no_list_marker() -> None:
    """A speck before a line ("- Trần Văn Bình" under the signer's title) goes; a printed dash stays."""
    words = _line("KT. GIÁM ĐỐC", 1500, 400, 1) + _line("PHÓ GIÁM ĐỐC", 1500, 466, 2)
    name = _line("Trần Văn Bình", 1500, 700, 3)
    words += name + [Word("-", name[0].x0 - 42, 718, name[0].x0 - 40, 720, 86.0, (3, 1, 1))]
    item = _line("Các phòng chuyên môn thuộc Sở;", LEFT + 40, 900, 4)
    words += item + [Word("-", LEFT, 916, LEFT + 16, 922, 93.0, (4, 1, 1))]
    text = "\n".join(b.text for b in layout_blocks(words, WIDTH, HEIGHT, correct=False))
    assert "- Trần" not in text and "Trần Văn Bình" in text
    assert "- Các phòng chuyên môn thuộc Sở;" in text


def test_backends_ocr_authority_line_after_a_title_stays_apart() -> None:
    """The issuing authority's line under a wrapped title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") stands a little further
    down than the title's own lines: it is a paragraph of its own."""
    words, key, y = _centred("QUYẾT ĐỊNH", 400, 1), 2, 480
    for text, width in zip(TITLE[:2], (1930, 1900)):
        words += _centred(text, y, key, width)
        key, y = key + 1, y + 66
    words += _centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", y - 66 + 96, key)
    y += 120
    words += _line(BODY[0], LEFT + 118, y, key + 1, width=MEASURE - 118)
    for i, text in enumerate(BODY[1:]):
        words += _line(text, LEFT, y + 66 * (i + 1), key + 2 + i, width=MEASURE if text != BODY[-1] else None)
    texts = [b.text for b in layout_blocks(words, WIDTH, HEIGHT, correct=False)]
    assert texts[1] == " ".join(TITLE[:2]) and texts[2] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"


def test_backends_ocr_a_title_line_that_did_not_wrap_ends_it() -> None:
    """The authority's short line ("CHÍNH PHỦ") under a title's last line, on its axis and close to it: that last
    line had room for the next word, so the title ended there."""
    words, key, y = _centred("NGHỊ QUYẾT", 400, 1), 2, 480
    for text, width in zip(TITLE[:2], (1930, 1640)):
        words += _centred(text, y, key, width)
        key, y = key + 1, y + 66
    words += _centred("CHÍNH PHỦ", y, key)
    words += _line(BODY[0], LEFT + 118, y + 110, key + 1, width=MEASURE - 118)
    words += _line(BODY[1], LEFT, y + 176, key + 2, width=MEASURE)
    texts = [b.text for b in layout_blocks(words, WIDTH, HEIGHT, correct=False)]
    assert texts[1] == " ".join(TITLE[:2]) and texts[2] == "CHÍNH PHỦ"

