"""Every seed read from DOCX, DOC and PDF says what its plain-text version says, with its layout."""
from __future__ import annotations

import difflib
import re
from functools import cache

import pytest

from pipeline.backends.doc import find_soffice
from pipeline.ingest import parse
from tests.conftest import SEED_IDS, seed_path

MIN_RATIO = 0.97


@cache
def parsed(fmt: str, doc_id: str):
    return parse(seed_path(fmt, doc_id))


def _ratio(a: str, b: str) -> float:
    a, b = " ".join(a.split()), " ".join(b.split())
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.mark.slow  # a character-level diff of whole plans (quadratic); the layout tests below stay fast
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_backends_text_matches_txt(fmt, doc_id):
    assert _ratio(parsed(fmt, doc_id).text, parsed("txt", doc_id).text) >= MIN_RATIO


@pytest.mark.slow  # LibreOffice
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("doc_id", SEED_IDS[1:3])  # LibreOffice takes seconds per file: two are enough
def test_backends_doc_text_matches_txt(doc_id):
    doc = parsed("doc", doc_id)
    assert doc.source.format == "doc"
    assert _ratio(doc.text, parsed("txt", doc_id).text) >= MIN_RATIO
    assert [b.role for b in doc.blocks if b.kind == "header"][:2] == ["issuer", "motto"]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_backends_header_blocks(fmt, doc_id):
    doc = parsed(fmt, doc_id)
    header = {b.role: doc.block_text(b) for b in doc.blocks if b.kind == "header"}
    issuer, motto = header["issuer"], header["motto"]
    assert re.search(r"ỦY BAN NHÂN DÂN|CỤM THI ĐUA", issuer)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" in motto.replace("\n", " ") and "Độc lập - Tự do - Hạnh phúc" in motto
    assert "ngày" not in motto and "Số" not in motto
    txt = parsed("txt", doc_id).text
    number = re.search(r"^Số:.*$", txt, re.M)
    if number:  # the number line sits in the issuer block; the place-and-date line in its own
        assert number.group().split()[-1] in issuer
        place_date = re.search(r"^.*, ngày .*$", txt, re.M).group()
        assert " ".join(header["place_date"].split()) == " ".join(place_date.split())


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_backends_closing_blocks(fmt, doc_id):
    doc = parsed(fmt, doc_id)
    kinds = [b.kind for b in doc.blocks]
    recipients = doc.block_text(doc.blocks[kinds.index("recipients")])
    signature = doc.block_text(doc.blocks[kinds.index("signature")])
    assert recipients.startswith("Nơi nhận") and "- Lưu" in recipients
    assert re.search(r"CHỦ TỊCH|TRƯỞNG", signature) and "Nơi nhận" not in signature
    assert kinds.index("signature") == kinds.index("recipients") + 1


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_backends_appendix_one_table(fmt):
    doc = parsed(fmt, "001_0a1aa67df8461fe0")
    txt = parsed("txt", "001_0a1aa67df8461fe0")
    expected = [b for b in txt.blocks if b.kind == "table"][-1]
    appendix = [b for b in doc.blocks if b.kind == "table"]
    assert len(appendix) == 1
    table = appendix[0]
    assert {len(r.cells) for r in table.rows} == {6}
    assert len(table.rows) == len(expected.rows) == 30
    first_cells = [doc.text[r.cells[1].start:r.cells[1].end] for r in table.rows]
    sections = [i for i, c in enumerate(first_cells) if re.fullmatch(r"Quý [IV]+", c)]
    want = [i for i, r in enumerate(expected.rows)
            if re.fullmatch(r"Quý [IV]+", txt.text[r.cells[1].start:r.cells[1].end])]
    assert sections == want and len(sections) == 4
    for row in table.rows:  # cells are one line each and tab-separated in text
        line = doc.text[row.cells[0].start:row.cells[-1].end]
        assert "\n" not in line and line.count("\t") == 5


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_backends_pdf_pages_kept(doc_id):
    doc = parsed("pdf", doc_id)
    assert [p.number for p in doc.pages] == list(range(1, doc.source.pages + 1))
    assert all(b.page is not None for b in doc.blocks)
    assert doc.blocks[-1].page > 1
