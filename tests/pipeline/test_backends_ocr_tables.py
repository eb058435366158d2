"""OCR of ruled tables and of the signature area: cells read apart, numerals, merged cells, debris.

Synthetic images and word boxes for the rules; one real appendix page of a seed scan for the whole path.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pipeline.backends.base import IngestOptions
from pipeline.backends.ocr import (Grid, Line, Word, _column_text, _mostly_noise, _number_cell, cells_from_stack,
                                   count_stems, find_tables, fix_roman_strokes, layout_blocks, ocr_available,
                                   ocr_page, stack_cells)

pytestmark = pytest.mark.slow  # Tesseract on real scans

SCAN = Path(__file__).resolve().parents[1] / "data" / "seeds" / "scan" / "001_0a1aa67df8461fe0.pdf"
needs_ocr = pytest.mark.skipif(not ocr_available("vie")[0], reason="tesseract-ocr-vie not installed")


def _strokes(n: int, serif: bool = True, bar: bool = False, slant: int = 0) -> np.ndarray:
    """A bold serif "I" repeated ``n`` times (serifs touching), optionally with a crossbar or slanted."""
    import cv2

    img = np.full((80, 40 + 30 * n), 255, np.uint8)
    for k in range(n):
        x = 20 + 30 * k
        cv2.line(img, (x + 5, 10), (x + 5 + slant, 70), 0, 8)
        if serif:
            cv2.line(img, (x - 5, 10), (x + 17, 10), 0, 4)
            cv2.line(img, (x - 5, 70), (x + 17, 70), 0, 4)
    if bar:
        cv2.line(img, (20, 40), (20 + 30 * (n - 1) + 10, 40), 0, 6)
    return img


@pytest.mark.parametrize("n", [1, 2, 3])
def test_backends_ocr_count_stems_counts_upright_strokes(n: int) -> None:
    assert count_stems(_strokes(n) < 128) == n


@pytest.mark.parametrize("img", [_strokes(2, bar=True), _strokes(2, slant=25), np.full((80, 40), 255, np.uint8)])
def test_backends_ocr_count_stems_refuses_crossbars_and_diagonals(img: np.ndarray) -> None:
    # "H" (crossbar), "V"-like slants, and a blank box are not roman "I"s
    assert count_stems(img < 128) is None


@pytest.mark.parametrize("read,n,want", [("{Í", 2, "II"), ("H", 3, "III"), ("II", 3, "III"), ("|", 1, "I"),
                                         ("II.", 2, "II."), ("1", 1, "1"), ("Quý", 2, "Quý")])
def test_backends_ocr_fix_roman_strokes_rewrites_only_stroke_reads(read: str, n: int, want: str) -> None:
    img = _strokes(n)
    w = Word(read, 0, 0, img.shape[1], img.shape[0], 40, (1, 1, 1))
    assert fix_roman_strokes([w], img)[0].text == want


@pytest.mark.parametrize("cell,want", [("|", "I"), ("||", "II"), ("|l", "II"), ("1", "1"), ("STT", "STT"),
                                       ("I", "I"), ("", "")])
def test_backends_ocr_number_cell_reads_strokes_as_numerals(cell: str, want: str) -> None:
    assert _number_cell(cell) == want


def _table_image(merge_row: int | None = None) -> tuple[np.ndarray, list[int], list[int]]:
    import cv2

    img = np.full((900, 1400), 255, np.uint8)
    xs, ys = [100, 220, 800, 1300], [100, 200, 300, 500, 700]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 0, 3)
    for i, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if merge_row == r and 0 < i < len(xs) - 1 and i >= 2:
                continue  # the rule between the 2nd and 3rd column is absent in this row
            cv2.line(img, (x, ys[r]), (x, ys[r + 1]), 0, 3)
    return img, xs, ys


def test_backends_ocr_find_tables_marks_a_merged_cell() -> None:
    img, xs, ys = _table_image(merge_row=1)
    grids, _ = find_tables(img)
    assert len(grids) == 1
    g = grids[0]
    assert g.spans(1) == [(0, 0), (1, 2)] and g.spans(0) == [(0, 0), (1, 1), (2, 2)]


def test_backends_ocr_stack_cells_reads_each_cell_back_to_its_place() -> None:
    import cv2

    img, xs, ys = _table_image(merge_row=1)
    grids, cleaned = find_tables(img)
    g = grids[0]
    # ink in three cells: (0, 0), the merged (1, 1..2) and (3, 2)
    for (x, y) in [(130, 140), (600, 240), (900, 600)]:
        cv2.rectangle(cleaned, (x, y), (x + 40, y + 25), 0, -1)
    stack, placed = stack_cells(cleaned, g)
    assert [(r, c) for r, c, _y, _h in placed] == [(0, 0), (1, 1), (3, 2)]
    words = [Word(t, 30, y + 2, 60, y + h - 2, 90, (k, 1, 1)) for k, (t, (_r, _c, y, h)) in
             enumerate(zip(["STT", "Quý", "UBND"], placed))]
    cells = cells_from_stack(words, placed, g)
    assert cells[0][0] == "STT" and cells[1][1] == "Quý" and cells[3][2] == "UBND" and cells[2] == ["", "", ""]


def test_backends_ocr_table_rows_keep_a_lone_numeral_and_empty_cells() -> None:
    g = Grid(100, 100, 1300, 500, [100, 220, 800, 1300], [100, 200, 300, 500])
    tables = [[["STT", "Nội dung", "Đơn vị chỉ đạo"], ["|", "Quý I", ""], ["", "", ""]]]
    words = [Word("Kế", 100, 20, 150, 60, 95, (1, 1, 1)), Word("hoạch", 160, 20, 260, 60, 95, (1, 1, 1))]
    blocks = layout_blocks(words, 1400, 900, [g], correct=False, tables=tables)
    table = [b for b in blocks if b.kind == "table"][0]
    assert table.rows == [["STT", "Nội dung", "Đơn vị chỉ đạo"], ["I", "Quý I", ""]]


def test_backends_ocr_page_of_only_a_table_still_gives_the_table() -> None:
    g = Grid(100, 100, 1300, 500, [100, 220, 800, 1300], [100, 200, 300])
    blocks = layout_blocks([], 1400, 900, [g], correct=False, tables=[[["8", "Xây dựng Kế hoạch", "UBND tỉnh"],
                                                                       ["", "", ""]]])
    assert [b.kind for b in blocks] == ["table"] and blocks[0].rows == [["8", "Xây dựng Kế hoạch", "UBND tỉnh"]]


@pytest.mark.parametrize("text", ["'", '"m', "„.", ") : ,", "¬_-.", "` ."])
def test_backends_ocr_mostly_noise_drops_stamp_debris(text: str) -> None:
    assert _mostly_noise(text)


@pytest.mark.parametrize("text", ["-", "Hồ An Phong", "KT. CHỦ TỊCH", "Nơi nhận:", "- Lưu: VT.", "Số: 12/QĐ", "TM."])
def test_backends_ocr_mostly_noise_keeps_text_and_markers(text: str) -> None:
    assert not _mostly_noise(text)


def _line(text: str, x: int, y: int) -> Line:
    ws, pos = [], x
    for t in text.split():
        ws.append(Word(t, pos, y, pos + 20 * len(t), y + 40, 90, (1, 1, 1)))
        pos += 20 * len(t) + 15
    return Line(ws)


def test_backends_ocr_column_text_reads_rows_left_to_right() -> None:
    # two signers side by side, the right name set 20 px higher; a dash apart from its list item
    lines = [_line("Trần Thanh Minh", 900, 2468), _line("Trương Công Minh", 400, 2489),
             _line("-", 560, 2711), _line("Ban Chất lượng;", 640, 2690), _line('"m', 600, 2600)]
    assert _column_text(lines, 40.0).split("\n") == ["Trương Công Minh", "Trần Thanh Minh", "- Ban Chất lượng;"]


@needs_ocr
def test_backends_ocr_real_appendix_table_has_sections_and_directors() -> None:
    """Seed 001 scan, page 7: section rows "II | Quý II" and "III | Quý III" in bold serif, unit cells
    that page-wide OCR glued ("UBNDtinh")."""
    blocks = ocr_page(SCAN, 6, options=IngestOptions())
    rows = [r for b in blocks if b.kind == "table" for r in b.rows]
    firsts = [r[0] for r in rows]
    assert "II" in firsts and "III" in firsts and firsts.index("II") < firsts.index("III")
    assert all(r[1].startswith("Quý") for r in rows if r[0] in ("II", "III"))
    assert any(r[2] == "UBND tỉnh" for r in rows) and any(r[2] == "Hội đồng TĐKT tỉnh" for r in rows)
    assert all(len(r) == 6 for r in rows)
