"""Markdown from web portals: a body grid (a task or annex table) becomes a table block.

Real file: ``tests/data/ingest/wild_portal_task_table_ec00bd6f58be7864.md`` is copied unchanged from
``../shared/corpus/wild/md/ec00bd6f58be7864.md`` (GitHub ``tnt305/tai_lieu_noi_bo`` @ ``94c5034a``,
``src/etl/dataset``); the name ends with the stem.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.backends.text import MarkdownBackend
from pipeline.ingest import parse

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def _grid(rows: list[list[str]]) -> str:
    """A portal grid: each cell's lines between bars, a row closed by a second bar."""
    out = []
    for row in rows:
        for cell in row:
            out += ["|", cell]
        out += ["|", "|"]
    return "\n".join(out[:-1]) + "\n"


def _tables(doc) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks if b.kind == "table"]


def test_backends_markdown_task_grid_becomes_table_rows_with_wrapped_cells_joined():
    raw = ("Phụ lục nhiệm vụ\n\n" + _grid([
        ["**STT**", "**Nội dung**", "**Đơn vị chủ trì**", "**Thời hạn**"],
        ["**A.\nCÔNG TÁC TUYÊN TRUYỀN**"],
        ["1", "Tổ chức phát động phong trào\nthi đua yêu nước năm 2026", "Phòng Văn hóa\n- Xã hội", "Tháng 3/2026"],
        ["2", "Sơ kết công tác thi đua\n6 tháng đầu năm", "Văn phòng HĐND và UBND", "Tháng 7/2026"],
        ["3", "Tổng kết phong trào", "Phòng Nội vụ", "Tháng 12/2026"],
    ]) + "\nCác đơn vị triển khai\nthực hiện nghiêm túc.\n")
    doc = MarkdownBackend.from_string(raw, name="a.md")
    assert _tables(doc) == [
        "STT\tNội dung\tĐơn vị chủ trì\tThời hạn\n"
        "A. CÔNG TÁC TUYÊN TRUYỀN\t\t\t\n"
        "1\tTổ chức phát động phong trào thi đua yêu nước năm 2026\tPhòng Văn hóa - Xã hội\tTháng 3/2026\n"
        "2\tSơ kết công tác thi đua 6 tháng đầu năm\tVăn phòng HĐND và UBND\tTháng 7/2026\n"
        "3\tTổng kết phong trào\tPhòng Nội vụ\tTháng 12/2026"
    ]
    # the text after the table's last bar is a paragraph again, not a cell
    assert doc.block_text(doc.blocks[-1]) == "Các đơn vị triển khai thực hiện nghiêm túc."


def test_backends_markdown_grid_under_bold_labels_without_row_numbers_is_a_table():
    raw = _grid([
        ["**Danh hiệu**", "**Đối tượng**"],
        ["Lao động tiên tiến", "Cá nhân"],
        ["Tập thể lao động xuất sắc", "Tập thể"],
    ])
    doc = MarkdownBackend.from_string(raw, name="a.md")
    assert _tables(doc) == ["Danh hiệu\tĐối tượng\nLao động tiên tiến\tCá nhân\nTập thể lao động xuất sắc\tTập thể"]


@pytest.mark.parametrize("rows", [
    # a portal's record card: label | value pairs, no header of labels, no row numbers
    [["**Số hiệu:**", "12/KH-UBND"], ["**Loại văn bản:**", "Kế hoạch"], ["**Người ký:**", "Trần Văn An"]],
    # the middle of a table: its first row is figures, not labels
    [["7", "Xã Hòa Bình", "2"], ["8", "Xã Tân Lập", "1"], ["9", "Xã Phú Mỹ", "3"]],
    # rows of every width: no shape to read
    [["**STT**", "**Nội dung**", "**Thời hạn**"], ["1", "Họp"], ["2", "Báo cáo", "Quý I", "x"], ["Ghi chú", "a", "b", "c", "d"]],
])
def test_backends_markdown_grid_that_is_no_consistent_table_stays_paragraphs(rows):
    doc = MarkdownBackend.from_string(_grid(rows), name="a.md")
    assert _tables(doc) == []
    assert rows[1][1].replace("**", "") in doc.text


def test_backends_markdown_real_portal_task_table_reads_every_numbered_row():
    doc = parse(DATA / "wild_portal_task_table_ec00bd6f58be7864.md")
    tables = _tables(doc)
    assert len(tables) == 1
    rows = [r.split("\t") for r in tables[0].splitlines()]
    assert rows[0] == ["STT", "Tên nhiệm vụ/dự án", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả dự kiến",
                       "Thời gian triển khai"]
    assert rows[2][0] == "1" and rows[2][2] == "Bộ Xây dựng" and rows[2][5] == "2026"
    numbered = [r for r in rows[1:] if r[0].isdigit()]
    assert len(numbered) >= 20 and all(len(r) == 6 for r in numbered)
    # the header grid above the table is still the header
    assert [b.role for b in doc.blocks if b.kind == "header"][:2] == ["issuer", "motto"]


def test_backends_markdown_grid_with_spanning_sections_and_left_out_empty_cells_is_a_table():
    # section rows "II | TITLE" span the table; a row's empty last cells are left out by the portal; a line of dots
    # splits the table and its second part has no header
    grid = _grid([
        ["**TT**", "**Nội dung công việc**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời hạn**",
         "**Sản phẩm**"],
        ["**I**", "**CÔNG TÁC CHỈ ĐẠO**"],
        ["1", "Kiện toàn Ban Chỉ đạo\ncấp tỉnh", "Sở Nội vụ", "Các sở, ngành", "Tháng 3/2026", "Quyết định"],
        ["2", "Ban hành quy chế hoạt động", "Sở Tư pháp", "Sở Nội vụ", "Năm 2026"],
        ["**II**", "**TUYÊN TRUYỀN**"],
        ["1", "Tuyên truyền trên báo, đài", "Sở Văn hóa, Thể thao và Du lịch", "Báo Quảng Trị", "Quý II/2026"],
        ["2", "Tập huấn nghiệp vụ", "Sở Nội vụ", "UBND các xã", "Tháng 5/2026", "Tài liệu"],
    ])
    more = _grid([["3", "Sơ kết 6 tháng", "Sở Nội vụ", "Các sở", "Tháng 7/2026", "Báo cáo"],
                  ["4", "Tổng kết năm", "Sở Nội vụ", "Các sở", "Tháng 12/2026"]])
    doc = MarkdownBackend.from_string(grid.rstrip("\n").rsplit("\n", 1)[0] + "\n|\n…….......\n" + more, name="a.md")
    rows = [r.split("\t") for t in _tables(doc) for r in t.splitlines()]
    assert all(len(r) == 6 for r in rows)
    assert [r[0] for r in rows] == ["TT", "I", "1", "2", "II", "1", "2", "3", "4"]
    assert rows[3][1:5] == ["Ban hành quy chế hoạt động", "Sở Tư pháp", "Sở Nội vụ", "Năm 2026"]
    assert rows[8][4] == "Tháng 12/2026"


def test_backends_markdown_row_without_its_number_lacks_the_number_cell():
    # the second task of row 1 sits on a row of its own: its number (and time) cells are merged with the row above
    doc = MarkdownBackend.from_string(_grid([
        ["**STT**", "**Nội dung**", "**Cơ quan chủ trì**", "**Thời gian hoàn thành**"],
        ["1", "Nâng cấp trung tâm dữ liệu tỉnh", "Sở Khoa học và Công nghệ", "Quý III/2026"],
        ["Sao lưu dữ liệu dự phòng", "Công an tỉnh"],
        ["2", "Tập huấn cán bộ chuyên trách", "Sở Nội vụ", "Quý IV/2026"],
        ["3", "Kiểm tra an toàn thông tin", "Công an tỉnh", "Tháng 11/2026"],
        ["4", "Tổng kết, đánh giá", "Sở Khoa học và Công nghệ", "Tháng 12/2026"],
    ]), name="a.md")
    rows = [r.split("\t") for t in _tables(doc) for r in t.splitlines()]
    assert rows[2] == ["", "Sao lưu dữ liệu dự phòng", "Công an tỉnh", ""]
