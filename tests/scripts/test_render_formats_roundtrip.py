"""scripts/render_formats.py lays a portal text out as an office's DOCX (two-column header table,
closing table) that the product reads back with its number, date, issuer, title and signer; the PDF
LibreOffice makes of it is read back with the same header (slow: LibreOffice)."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "render_formats.py"
_spec = importlib.util.spec_from_file_location("render_formats", _PATH)
render_formats = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_formats)

# a plan of our own writing, as a web portal copies it: the header and closing tables as bar grids
PLAN_MD = """|
**ỦY BAN NHÂN DÂN
TỈNH KON TUM**
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 187/KH-UBND
|
*Kon Tum, ngày
14 tháng 3 năm 2024*
|


**KẾ HOẠCH**

**Tổ chức Hội nghị điển hình tiên tiến tỉnh Kon Tum lần thứ V**

**I. MỤC ĐÍCH, YÊU CẦU**

Tôn vinh các tập thể, cá nhân tiêu biểu trong phong trào thi đua yêu nước giai đoạn 2020 - 2024.

**II. NỘI DUNG**

1. Thời gian: dự kiến trong tháng 6 năm 2024.

2. Sở Nội vụ chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh chuẩn bị nội dung Hội nghị.

| STT | Nội dung | Cơ quan chủ trì | Thời gian |
| --- | --- | --- | --- |
| 1 | Hướng dẫn lựa chọn điển hình | Sở Nội vụ | Tháng 4/2024 |
| 2 | Tổ chức Hội nghị | Sở Nội vụ | Tháng 6/2024 |

|
*Nơi nhận:*
- Thường trực Tỉnh ủy;
- Các sở, ban, ngành;
- Lưu: VT, NC.
|
**TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH**
Y Ngọc
|
"""


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "kh_187.md").write_text(PLAN_MD, encoding="utf-8")
    return src


def _header(path: Path) -> dict:
    from pipeline.extract import extract_file

    return extract_file(path).document.model_dump()


def test_render_formats_docx_read_back_with_its_header(source: Path, tmp_path: Path):
    made = render_formats.render(source, tmp_path / "out", ["docx"])
    docx_path = made["docx"][0]
    assert docx_path == tmp_path / "out" / "docx" / "kh_187.docx" and docx_path.exists()
    import docx

    document = docx.Document(str(docx_path))
    header = document.tables[0]
    # the two-column header: issuer | motto over number | place-and-date, borderless, Times New Roman
    assert "TỈNH KON TUM" in header.cell(0, 0).text and "CỘNG HÒA" in header.cell(0, 1).text
    assert "187/KH-UBND" in header.cell(1, 0).text and "Kon Tum, ngày 14" in header.cell(1, 1).text
    assert all(r.font.name == "Times New Roman" for p in document.paragraphs for r in p.runs if r.text)
    assert len(document.tables) == 3  # header, the task table, Nơi nhận | signature
    assert document.tables[1].cell(2, 2).text == "Sở Nội vụ"
    head = _header(docx_path)
    assert (head["number"], head["code"]) == ("187", "KH-UBND")
    assert head["issued"]["value"] == "2024-03-14"
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum"
    assert head["place"] == "Kon Tum"
    assert head["signer"]["name"] == "Y Ngọc"


def test_render_formats_same_text_as_the_source(source: Path, tmp_path: Path):
    """The DOCX carries the words of the source as the product reads them, block for block."""
    from pipeline.ingest import parse

    made = render_formats.render(source, tmp_path / "out", ["docx"])
    assert parse(made["docx"][0]).text == parse(source / "kh_187.md").text


def test_render_formats_refuses_an_unknown_format(source: Path, tmp_path: Path, capsys):
    with pytest.raises(SystemExit):
        render_formats.main([str(source), str(tmp_path / "out"), "--to", "docx,odt"])
    assert "unknown format odt" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="needs LibreOffice and poppler")
def test_render_formats_pdf_and_scan_written(source: Path, tmp_path: Path):
    made = render_formats.render(source, tmp_path / "out", ["doc", "pdf", "scan"])
    pdf, doc, scan = made["pdf"][0], made["doc"][0], made["scan"][0]
    assert pdf.exists() and doc.exists() and scan.exists()
    assert not (tmp_path / "out" / "docx").exists()  # only what was asked for
    head = _header(pdf)
    assert (head["number"], head["code"], head["issued"]["value"]) == ("187", "KH-UBND", "2024-03-14")
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Kon Tum"
    assert _header(doc)["number"] == "187"
    import pdfplumber

    with pdfplumber.open(scan) as scanned:  # an image-only PDF: nothing for a text layer to read
        assert not (scanned.pages[0].extract_text() or "").strip()
