"""DOC: tables that LibreOffice flattens are recovered from antiword's DocBook."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.backends import doc as doc_backend
from pipeline.backends.docx import DocxBackend
from tests.conftest import seed_path

needs_antiword = pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")

DOCBOOK = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN" "http://www.oasis-open.org/docbook/xml/4.1.2/docbookx.dtd">
<book><chapter><para><emphasis role='bold'>KẾ HOẠCH</emphasis></para>
<para>Tổ chức Hội nghị tổng kết công tác thi đua năm 2025</para>
<para><informaltable><tgroup cols='3'><tbody>
<row><entry>STT</entry><entry>Nội dung</entry><entry>Đơn vị chủ trì</entry></row>
<row><entry>I</entry><entry>Quý III</entry><entry></entry></row>
<row><entry>1</entry><entry>Tổng kết phong trào
thi đua</entry><entry>Sở Nội vụ tỉnh Lào Cai</entry></row>
</tbody></tgroup></informaltable></para></chapter></book>"""


def test_backends_doc_docbook_becomes_paragraphs_and_tables(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    doc_backend.docbook_to_docx(DOCBOOK, out)
    parsed = DocxBackend().convert(out)
    tables = [b for b in parsed.blocks if b.kind == "table"]
    assert len(tables) == 1 and [len(r.cells) for r in tables[0].rows] == [3, 3, 3]
    assert "I\tQuý III" in parsed.text
    assert "1\tTổng kết phong trào thi đua\tSở Nội vụ tỉnh Lào Cai" in parsed.text
    assert parsed.text.index("KẾ HOẠCH") < parsed.text.index("STT")


@needs_antiword
@pytest.mark.slow
def test_backends_doc_appendix_table_survives_conversion() -> None:
    parsed = doc_backend.DocBackend().convert(seed_path("doc", "001_0a1aa67df8461fe0"))
    widths = [max(len(r.cells) for r in b.rows) for b in parsed.blocks if b.kind == "table"]
    assert 6 in widths
    for quarter in ("Quý I", "Quý II", "Quý III", "Quý IV"):
        assert f"\t{quarter}\t" in parsed.text or f"\t{quarter}\n" in parsed.text


@needs_antiword
def test_backends_doc_reads_with_antiword_when_libreoffice_is_missing(monkeypatch) -> None:
    monkeypatch.setattr(doc_backend, "find_soffice", lambda: None)
    parsed = doc_backend.DocBackend().convert(seed_path("doc", "003_be6c1cea0ccb87ad"))
    assert parsed.source.format == "doc"
    assert "Hội nghị sơ kết" in parsed.text
    assert any(b.kind == "table" for b in parsed.blocks)
