"""Evidence on the page (pipeline/boxes.py): every span of a PDF carries the rectangles where the page shows it."""
from __future__ import annotations

import pdfplumber
import pytest

from pipeline.folding import search_key
from pipeline.boxes import PageMap
from pipeline.extract import extract_file
from schemas.document import PageInfo, WordBox
from schemas.record import Record
from tests.conftest import seed_path

PDF = seed_path("pdf", "003_be6c1cea0ccb87ad")


@pytest.fixture(scope="module")
def record():
    return extract_file(PDF)


def test_boxes_pages_carry_their_size_in_points(record):
    assert record.pages and all(abs(p.width - 595.3) < 1 and abs(p.height - 841.9) < 1 for p in record.pages)


def test_boxes_of_a_pdf_show_the_words_of_the_evidence(record):
    spans = [e for items in (record.units, record.dates, record.citations) for item in items for e in item.evidence]
    with_boxes = [e for e in spans if e.boxes]
    assert len(with_boxes) >= 0.8 * len(spans)
    with pdfplumber.open(PDF) as pdf:
        for ev in with_boxes:
            shown = " ".join(pdf.pages[b.page - 1].within_bbox((b.x0 - 1, b.top - 1, b.x1 + 1, b.bottom + 1))
                             .extract_text() for b in ev.boxes)
            assert search_key(ev.text).split()[0] in search_key(shown), (ev.text, shown)
            assert all(b.page == ev.page for b in ev.boxes[:1])


def test_boxes_are_in_the_json_schema():
    defs = Record.model_json_schema()["$defs"]
    assert "boxes" in defs["Evidence"]["properties"] and {"width", "height"} <= set(defs["PageInfo"]["properties"])


def test_boxes_follow_words_the_layout_moved_and_merge_one_line():
    # the page shows the right-hand header column first; the text lays the left one out first
    text = "ỦY BAN NHÂN DÂN\n\nCỘNG HÒA XÃ HỘI"
    page = PageInfo(number=1, start=0, end=len(text), width=600, height=800)
    words = [WordBox(page=1, text=t, x0=x, top=10, x1=x + 30, bottom=20)
             for t, x in (("CỘNG", 300), ("HÒA", 335), ("XÃ", 370), ("HỘI", 405))]
    words += [WordBox(page=1, text=t, x0=x, top=10, x1=x + 30, bottom=20)
              for t, x in (("ỦY", 50), ("BAN", 85), ("NHÂN", 120), ("DÂN", 155))]
    pages = PageMap(text, [page], words)
    start = text.index("NHÂN DÂN")
    (box,) = pages.boxes(start, start + 8)
    assert (box.x0, box.x1, box.top) == (120, 185, 10)
    (box,) = pages.boxes(text.index("CỘNG"), len(text))
    assert (box.x0, box.x1) == (300, 435)
