"""Markdown as copied from web portals: header grid, closing grid, paragraphs, pipe tables.

Real files: ``tests/data/ingest/wild_*.md`` are copied unchanged from ``../shared/corpus/wild/md``
(GitHub ``tnt305/tai_lieu_noi_bo`` @ ``94c5034a``, ``src/etl/dataset``); the name ends with the stem.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.backends.text import MarkdownBackend, TextBackend
from pipeline.ingest import parse

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def _blocks(doc, *kinds):
    return [(b.kind, b.role, doc.block_text(b)) for b in doc.blocks if b.kind in kinds]


def test_backends_markdown_portal_header_grid_becomes_header_blocks():
    doc = parse(DATA / "wild_portal_grid_001c610b2efdcf0c.md")
    assert _blocks(doc, "header") == [
        ("header", "issuer", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 2820/QĐ-UBND"),
        ("header", "motto", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        ("header", "place_date", "Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025"),
    ]
    assert "**" not in doc.text and "\n|\n" not in doc.text


def test_backends_markdown_portal_metadata_then_header_and_closing():
    doc = parse(DATA / "wild_portal_metadata_005d8820eb95c1cb.md")
    header = _blocks(doc, "header")
    assert header[0] == ("header", "issuer", "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 5348/CT-CS\nV/v hướng dẫn góp vốn điều lệ")
    assert header[2] == ("header", "place_date", "Hà Nội, ngày 20 tháng 11 năm 2025")
    closing = _blocks(doc, "recipients", "signature")
    assert closing[0][2].startswith("Nơi nhận:\n- Như trên;\n")
    assert closing[1][2].splitlines()[0] == "TL. CỤC TRƯỞNG"
    # no blank lines in this file: clauses still end paragraphs
    paras = [doc.block_text(b) for b in doc.blocks if b.kind == "paragraph"]
    assert any(p.startswith("Căn cứ tại Điều 34 Luật Doanh nghiệp số 59/2020/QH14") and p.endswith(";") for p in paras)


@pytest.mark.parametrize("raw, want", [
    # parent body above the issuing body, the place-date line wrapped inside its italics
    ("|\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n**TRƯỜNG THPT\nLÊ LỢI**\n-----\n|\n**CỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM**\n"
     "Độc lập - Tự do - Hạnh phúc\n|\n|\nSố:\n15/KH-THPT\n|\n*Đông Hà,\nngày 3 tháng 9 năm 2024*\n|\n\nNội dung.",
     ["SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THPT LÊ LỢI\nSố: 15/KH-THPT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
      "Đông Hà, ngày 3 tháng 9 năm 2024"]),
    # no number cell, a closing span after a space
    ("|\n**ỦY BAN NHÂN DÂN XÃ AN PHÚ**\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n|\n*An Phú, ngày 05 tháng 01\nnăm 2025 *\n|\n",
     ["ỦY BAN NHÂN DÂN XÃ AN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "An Phú, ngày 05 tháng 01 năm 2025"]),
    # a stray bold marker inside a word ("Nh**ơn") keeps the year's wrap apart: the year stays with its place line
    ("|\n**ỦY BAN NHÂN DÂN**\n**TỈNH GIA LAI**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
     "**Độc lập - Tự do - Hạnh phúc**\n---------------\n|\n|\nSố: 1207/QĐ-UBND\n|\n*Quy Nh**ơn, ngày 21 tháng 10 năm\n"
     "2025*\n|\n\n**QUYẾT ĐỊNH**\n",
     ["ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 1207/QĐ-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
      "Quy Nhơn, ngày 21 tháng 10 năm\n2025"]),
])
def test_backends_markdown_header_grid_shapes(raw, want):
    doc = MarkdownBackend.from_string(raw, name="a.md")
    assert [t for _, _, t in _blocks(doc, "header")] == want


def test_backends_markdown_soft_wraps_and_items():
    raw = ("Ủy ban nhân dân huyện ban hành Kế hoạch tổ chức\nHội nghị điển hình tiên tiến, cụ thể như\nsau:\n"
           "1. Thời gian: ngày 15/7/2025;\n2. Địa điểm: Hội trường\nỦy ban nhân dân huyện.\n\n*Lời kêu\ngọi thi đua*")
    doc = MarkdownBackend.from_string(raw, name="a.md")
    assert [doc.block_text(b) for b in doc.blocks] == [
        "Ủy ban nhân dân huyện ban hành Kế hoạch tổ chức Hội nghị điển hình tiên tiến, cụ thể như sau:",
        "1. Thời gian: ngày 15/7/2025;",
        "2. Địa điểm: Hội trường Ủy ban nhân dân huyện.",
        "Lời kêu gọi thi đua",
    ]


def test_backends_markdown_pipe_table_becomes_table_block():
    raw = "Danh sách:\n\n| STT | Đơn vị | Hình thức |\n|---|:---:|---|\n| 1 | Sở Nội vụ | **Bằng khen** |\n| 2 | Sở Y tế | Cờ thi đua |\n"
    doc = MarkdownBackend.from_string(raw, name="a.md")
    table = doc.blocks[-1]
    assert table.kind == "table" and len(table.rows) == 3
    assert doc.block_text(table).splitlines()[1] == "1\tSở Nội vụ\tBằng khen"


def test_backends_text_plain_file_is_not_read_as_markdown():
    raw = "Điểm 3 * 4 = 12; thưởng **\nNgày | Nội dung\n\nCăn cứ Luật Thi đua, khen thưởng\nngày 15/6/2022;"
    doc = TextBackend.from_string(raw)
    assert "Căn cứ Luật Thi đua, khen thưởng\nngày 15/6/2022;" in doc.text


def test_backends_text_file_with_portal_grid_is_read_as_markdown():
    raw = (DATA / "wild_portal_grid_001c610b2efdcf0c.md").read_text(encoding="utf-8")
    doc = TextBackend.from_string(raw, name="copied.txt")
    assert [b.role for b in doc.blocks[:3]] == ["issuer", "motto", "place_date"]


@pytest.mark.parametrize("raw, want", [
    # a portal wraps inside hyphenated official names: the dash line continues the paragraph
    ("Giao Chủ tịch Hội đồng Thi đua\n- Khen thưởng thị xã Ba Đồn quyết định thành phần hội đồng\ncấp cơ sở.",
     ["Giao Chủ tịch Hội đồng Thi đua - Khen thưởng thị xã Ba Đồn quyết định thành phần hội đồng cấp cơ sở."]),
    ("Phòng Văn hóa\n- Thông tin huyện Mộc Châu chủ trì, phối hợp với Phòng Kinh tế\n- Hạ tầng triển khai.",
     ["Phòng Văn hóa - Thông tin huyện Mộc Châu chủ trì, phối hợp với Phòng Kinh tế - Hạ tầng triển khai."]),
    # an item wrapped at the name's dash is one item: "Khen thưởng tỉnh" alone names no body
    ("Nơi nhận:\n- Hội đồng Thi đua\n- Khen thưởng tỉnh;\n- Lưu: VT.",
     ["Nơi nhận:", "- Hội đồng Thi đua - Khen thưởng tỉnh;", "- Lưu: VT."]),
    # real bullets stay items: after a clause end, after a bold line, and where no known name is split
    ("Nơi nhận:\n- Phòng Kinh tế;\n- Hạ tầng kỹ thuật xã;\n- Lưu: VT.",
     ["Nơi nhận:", "- Phòng Kinh tế;", "- Hạ tầng kỹ thuật xã;", "- Lưu: VT."]),
    ("Thành viên gồm Trưởng Phòng Văn hóa.\n- Thông tin về hồ sơ gửi trước ngày 10/5.",
     ["Thành viên gồm Trưởng Phòng Văn hóa.", "- Thông tin về hồ sơ gửi trước ngày 10/5."]),
    ("**Phòng Văn hóa**\n- Thông tin tuyên truyền.", ["Phòng Văn hóa", "- Thông tin tuyên truyền."]),
    ("Các hình thức khen thưởng gồm\n- Bằng khen\n- Giấy khen", ["Các hình thức khen thưởng gồm", "- Bằng khen", "- Giấy khen"]),
])
def test_backends_markdown_dash_wrapped_inside_a_name_is_not_a_bullet(raw, want):
    doc = MarkdownBackend.from_string(raw, name="a.md")
    assert [doc.block_text(b) for b in doc.blocks] == want


# A GitHub-flavoured pipe table with "<br>" line breaks in its cells is how HTML-to-Markdown converters write a
# portal's or a DOCX's layout tables. Written here (no set holds one): another issuer, place and signer.
_BR_TABLES = """| UBND TỈNH TÂY NINH<br>**SỞ NỘI VỤ**<br>------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>--------------- |
|---|---|
| Số: 118/KH-SNV | *Tây Ninh, ngày 12 tháng 02 năm 2026* |

**KẾ HOẠCH**

**Tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025**

Sở Nội vụ chủ trì tổ chức Hội nghị vào ngày 05/3/2026 tại Hội trường Sở.

| TT | Nội dung | Thời gian |
|---|---|---|
| 1 | Gửi báo cáo<br>tổng kết | Trước ngày 25/02/2026 |

| **Nơi nhận:**<br>- UBND tỉnh (b/c);<br>- Lưu: VT, TĐKT. | **KT. GIÁM ĐỐC**<br>**PHÓ GIÁM ĐỐC**<br><br><br>**Nguyễn Thị Lan Hương** |
|---|---|
"""


def test_backends_markdown_pipe_table_with_line_breaks_is_the_header_and_closing(tmp_path):
    path = tmp_path / "gfm_br.md"
    path.write_text(_BR_TABLES, encoding="utf-8")
    doc = parse(path)
    assert _blocks(doc, "header") == [
        ("header", "issuer", "UBND TỈNH TÂY NINH\nSỞ NỘI VỤ\nSố: 118/KH-SNV"),
        ("header", "motto", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        ("header", "place_date", "Tây Ninh, ngày 12 tháng 02 năm 2026"),
    ]
    closing = _blocks(doc, "recipients", "signature")
    assert closing[0][2].splitlines()[0] == "Nơi nhận:"
    assert closing[1][2].splitlines() == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Lan Hương"]
    # a body table keeps its rows; a broken cell reads as one line
    assert "Gửi báo cáo tổng kết\tTrước ngày 25/02/2026" in doc.text and "<br>" not in doc.text


def test_backends_markdown_pipe_table_header_gives_the_record_header(tmp_path):
    from pipeline.extract import extract_file
    path = tmp_path / "gfm_br.md"
    path.write_text(_BR_TABLES, encoding="utf-8")
    d = extract_file(path).document
    assert (d.type, d.number, d.code, d.place, d.issued.value) == ("Kế hoạch", "118", "KH-SNV", "Tây Ninh", "2026-02-12")
    assert d.issuer == "Sở Nội vụ tỉnh Tây Ninh"
    assert d.signer.name == "Nguyễn Thị Lan Hương"
