"""Handwritten header slots on a scan: the number after "Số:" and the day and month of the date,
written in by hand (often in blue ink, which the page pass whites out), are read again as digits.

The page is drawn here (a header no evaluation set holds): printed labels in a serif face, the
handwriting in blue in another face, larger and slanted, as a clerk's pen is.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.backends.handwriting import slot_ink
from pipeline.backends.ocr import blocks_text, ocr_available, ocr_image

FONTS = Path("/usr/share/fonts/truetype/dejavu")
needs_fonts = pytest.mark.skipif(not (FONTS / "DejaVuSerif.ttf").exists(), reason="DejaVu fonts not installed")
needs_ocr = pytest.mark.skipif(not ocr_available("vie")[0], reason="tesseract-ocr-vie not installed")
BLUE = (30, 60, 200)


def _header(number: str, day: str, month: str, ink=BLUE) -> np.ndarray:
    """A 300 dpi header: issuer | motto, the number line and the place-and-date line with blank slots
    filled in blue."""
    img = Image.new("RGB", (2480, 1600), "white")
    draw = ImageDraw.Draw(img)
    serif = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 40)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSerif-Bold.ttf"), 40)
    italic = ImageFont.truetype(str(FONTS / "DejaVuSerif-Italic.ttf"), 40)
    pen = ImageFont.truetype(str(FONTS / "DejaVuSans-Oblique.ttf"), 52)
    draw.text((260, 120), "ỦY BAN NHÂN DÂN", font=serif, fill="black")
    draw.text((280, 175), "HUYỆN KIM SƠN", font=bold, fill="black")
    draw.text((1150, 120), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, fill="black")
    draw.text((1390, 175), "Độc lập - Tự do - Hạnh phúc", font=bold, fill="black")

    def slots(x: float, y: int, parts: list[tuple[str, str]], font) -> None:
        for kind, text in parts:
            if kind == "print":
                draw.text((x, y), text, font=font, fill="black")
                x += font.getlength(text)
            else:  # the blank left for the pen, with the pen's digits in it
                draw.text((x + 25, y - 12), text, font=pen, fill=ink)
                x += 190
    slots(250, 270, [("print", "Số:"), ("pen", number), ("print", "/QĐ-UBND")], serif)
    slots(1250, 270, [("print", "Kim Sơn, ngày"), ("pen", day), ("print", "tháng"), ("pen", month),
                      ("print", "năm 2024")], italic)
    draw.text((1000, 420), "QUYẾT ĐỊNH", font=bold, fill="black")
    draw.text((620, 480), "Về việc khen thưởng phong trào thi đua năm 2024", font=bold, fill="black")
    draw.text((300, 600), "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;",
              font=serif, fill="black")
    return np.asarray(img)


@needs_ocr
@needs_fonts
@pytest.mark.slow
@pytest.mark.parametrize("ink", [BLUE, (25, 25, 25)], ids=["blue pen", "black pen"])
def test_backends_ocr_handwritten_number_and_date_are_read(ink):
    text = blocks_text(ocr_image(_header("359", "12", "7", ink), lang="vie"))
    assert "Số: 359 /QĐ-UBND" in text or "Số: 359/QĐ-UBND" in text
    assert "ngày 12 tháng 7 năm 2024" in text
    # the same labels in running text are not slots
    assert "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023" in text


@needs_ocr
@needs_fonts
@pytest.mark.slow
def test_backends_ocr_blank_slots_stay_blank():
    # a draft printed before registration: nothing is invented in the empty slots
    text = blocks_text(ocr_image(_header("", "", ""), lang="vie"))
    number = text.split("Số:")[1].split("/QĐ-UBND")[0]
    date = text.split("ngày")[1].split("năm 2024")[0]
    assert not any(c.isdigit() for c in number + date)


def test_backends_ocr_slot_keeps_marks_inside_and_drops_label_ends():
    grey = np.full((60, 200), 255, np.uint8)
    grey[10:50, 0:8] = 0        # the end of the printed label, cut by the slot's margin
    grey[12:48, 80:90] = 0      # a handwritten stroke inside the slot
    grey[45:48, 120:123] = 0    # a speck: too small to be a digit
    ink = slot_ink(grey, (20, 0, 180, 60), margin=20)
    assert ink is not None
    dark = np.argwhere(ink < 128)
    assert dark[:, 1].min() >= 80 and dark[:, 1].max() <= 90
    assert slot_ink(np.full((60, 200), 255, np.uint8), (20, 0, 180, 60), margin=20) is None


def test_backends_ocr_slot_keeps_pen_ink_written_over_the_label():
    page = np.full((60, 240, 3), 255, np.uint8)
    page[10:50, 30:50] = 0                # the printed label's last letter, in black
    page[8:52, 44:54] = BLUE              # the clerk's first digit, written over the label's end
    page[8:52, 70:80] = BLUE              # and the next one, inside the slot
    ink = slot_ink(page, (60, 0, 180, 60), margin=20)
    assert ink is not None
    dark = np.argwhere(ink < 250)
    assert dark[:, 1].min() >= 44 - 20 and not (ink[:, 30 - 20:44 - 20] < 250).any()  # black print gone


@needs_ocr
@needs_fonts
@pytest.mark.slow
@pytest.mark.parametrize("digits", ["206", "4170", "58"])
def test_backends_ocr_slot_digits_at_the_crop_edge_are_all_read(digits):
    # the slot's box ends where the clerk's ink ends: the first and last digits touch the crop's edge
    from pipeline.backends.handwriting import read_digits

    img = Image.new("RGB", (600, 120), "white")
    draw = ImageDraw.Draw(img)
    pen = ImageFont.truetype(str(FONTS / "DejaVuSans-Oblique.ttf"), 52)
    draw.text((40, 20), digits, font=pen, fill=BLUE)
    page = np.asarray(img)
    cols = np.flatnonzero((page != 255).any(axis=(0, 2)))
    rows = np.flatnonzero((page != 255).any(axis=(1, 2)))
    box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
    assert read_digits(page, box, "vie", line_height=float(rows[-1] - rows[0] + 1))[0] == digits
