"""Input as it arrives: images (PNG, JPG, multi-page TIFF) through the OCR path with the same records and
boxes as a scanned PDF, and word-processor files read by what their content really is (.doc that is HTML
or RTF, .odt, .rtf)."""
from __future__ import annotations

import difflib
import html
import shutil
from pathlib import Path

import pypdfium2
import pytest

from pipeline.backends.base import IngestOptions
from pipeline.backends.doc import sniff_word
from pipeline.backends.ocr import blocks_text, ocr_page
from pipeline.batch import BatchOptions, run_batch
from pipeline.extract import extract_file
from schemas.errors import OcrSwitchedOffError
from schemas.record import Record
from tests.conftest import seed_path, seed_text

SCAN_ID = "002_4be30ec671f9d110"
TEXT_ID = "003_be6c1cea0ccb87ad"


def _page(index: int, dpi: int):
    pdf = pypdfium2.PdfDocument(str(seed_path("scan", SCAN_ID)))
    try:
        return pdf[index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("arrived")
    _page(0, 300).save(folder / "page1.png", dpi=(300, 300))
    first, second = _page(0, 200), _page(1, 200)
    first.save(folder / "pages.tif", save_all=True, append_images=[second], dpi=(200, 200), compression="tiff_lzw")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in seed_text(TEXT_ID).split("\n\n"))
    (folder / "portal.doc").write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>',
                                       encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def batch(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    # memory_limit=0: with jobs=1 the ceiling caps the address space of this whole test process, which
    # holds whatever earlier tests loaded (it is tested on its own in test_engines_limits.py)
    summary = run_batch([inputs], out, options=BatchOptions(jobs=1, progress=False, memory_limit=0))
    assert (summary.done, summary.failed) == (3, 0), summary.errors
    return out


def _record(out: Path, name: str) -> Record:
    return Record.model_validate_json((out / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_input_png_of_a_seed_page_reads_like_its_scan(batch):
    png = _record(batch, "page1")
    scan_page = blocks_text(ocr_page(seed_path("scan", SCAN_ID), 0, options=IngestOptions()))
    assert difflib.SequenceMatcher(None, png.text, scan_page).ratio() > 0.98
    assert png.source.format == "scan" and png.source.ocr_pages == [1]
    page = png.pages[0]
    assert abs(page.width - 595) < 2 and abs(page.height - 842) < 2  # A4 in points, from 300 dpi
    evidence = [e for u in png.units for e in u.evidence]
    assert evidence and all(e.boxes for e in evidence)
    assert all(0 <= b.x0 < b.x1 <= page.width and 0 <= b.top < b.bottom <= page.height
               for e in evidence for b in e.boxes)
    assert png.document.code == "KH-UBND"


@pytest.mark.slow
def test_input_multi_page_tiff_gives_one_record_with_every_page(batch):
    tif = _record(batch, "pages")
    assert [p.number for p in tif.pages] == [1, 2] and tif.source.ocr_pages == [1, 2]
    assert all(abs(p.width - 595) < 2 for p in tif.pages)
    assert tif.pages[1].end > tif.pages[1].start  # the second page has its own text


@pytest.mark.slow
def test_input_image_keeps_the_ocr_page_cap_and_the_pixel_budget(inputs):
    # 200 dpi A4 pages (~3.9 Mpx) under a 2 Mpx budget: read at half the resolution, in the same points
    tif = extract_file(inputs / "pages.tif", options=IngestOptions(max_ocr_pages=1, max_page_pixels=2_000_000))
    assert tif.source.ocr_pages == [1] and [p.number for p in tif.pages] == [1]
    assert abs(tif.pages[0].width - 595) < 3
    assert any("page 2 not read: over the OCR cap of 1 pages" in w for w in tif.warnings)
    assert tif.document.code == "KH-UBND"


@pytest.mark.slow
def test_input_doc_that_is_html_reads_like_the_text(batch):
    portal = _record(batch, "portal")
    plain = extract_file(seed_path("txt", TEXT_ID))
    assert (portal.document.type, portal.document.number, portal.document.code) == \
        (plain.document.type, plain.document.number, plain.document.code) == ("Kế hoạch", "2352", "KH-CDNB")
    # paragraphs without the header's two-column layout: the same dates and conferences
    assert {d.value for d in portal.dates} == {d.value for d in plain.dates}
    assert [c.kind for c in portal.conferences] == [c.kind for c in plain.conferences]
    assert any("really HTML" in w for w in portal.warnings)


@pytest.mark.slow
@pytest.mark.parametrize("target", ["odt", "rtf"])
def test_input_odt_and_rtf_are_read(tmp_path, target):
    src = tmp_path / "plan.docx"
    shutil.copyfile(seed_path("docx", TEXT_ID), src)
    import subprocess

    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to",
                    target, "--outdir", str(tmp_path), str(src)], capture_output=True, timeout=180, check=True)
    record = extract_file(tmp_path / f"plan.{target}")
    assert record.source.format == target and record.document.number == "2352"
    # an RTF served as .doc is read too
    if target == "rtf":
        disguised = tmp_path / "plan_rtf.doc"
        shutil.copyfile(tmp_path / "plan.rtf", disguised)
        assert extract_file(disguised).document.number == "2352"


@pytest.mark.parametrize("head,kind", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "doc"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text", "odt"),
    (b"PK\x03\x04[Content_Types].xml", "docx"),
    (b"{\\rtf1\\ansi", "rtf"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
    (b"  <HTML><HEAD><META http-equiv", "html"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "html"),
])
def test_input_word_files_are_known_by_their_content(head, kind):
    assert sniff_word(head) == kind


def test_input_image_with_ocr_switched_off_says_so(inputs):
    with pytest.raises(OcrSwitchedOffError):
        extract_file(inputs / "page1.png", options=IngestOptions(ocr=False))
