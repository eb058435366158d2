"""scripts/wild_coverage.py finds the place-and-date line on its own, as web copies print it (wrapped,
italics markers, glyphs split by spaces, a title line just above), and not in a legal basis."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "wild_coverage.py"
_spec = importlib.util.spec_from_file_location("wild_coverage", _PATH)
wild_coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wild_coverage)


@pytest.mark.parametrize("raw, place, day", [
    ("*Thành phố Hồ\nChí Minh, ngày 19 tháng 11 năm 2025*", "Thành phố Hồ Chí Minh", "2025-11-19"),
    ("|\n*Hà Nội, ngày 20\ntháng 11 năm 2025 *\n|", "Hà Nội", "2025-11-20"),
    ("*Lai Châu, ngày\n19 tháng 11 năm 2025*", "Lai Châu", "2025-11-19"),
    ("Số: 11299/VPCP-KGVX\n*V/v\nthành lập mạng lưới quan trắc*\n|\n*Hà Nội, ngày 18\ntháng 11 năm 2025*",
     "Hà Nội", "2025-11-18"),
    ("Hà Nội, ng ày\n01 tháng 12 năm 2025", "Hà Nội", "2025-12-01"),
    ("Hà Nội ngày 01\ntháng 12 năm 2025", "Hà Nội", "2025-12-01"),
    ("Hà Nội, ngày 24 tháng 11 năm\n202 5", "Hà Nội", "2025-11-24"),
    ("**Quảng Trị, ngày 05 tháng 3 năm 2024**", "Quảng Trị", "2024-03-05"),
    ("CHÍNH PHỦ___ Số: 172/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc____ "
     "Hà Nội, ngày 30 tháng 6 năm 2025 |", "Hà Nội", "2025-06-30"),
])
def test_wild_coverage_place_date_line_found(raw, place, day):
    found = wild_coverage.find_place_date(wild_coverage.clean_lines(raw))
    assert found and (found["place"], found["date"]) == (place, day)


@pytest.mark.parametrize("raw", [
    "*Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;*",
    "Nghị quyết này được Ủy ban Thường vụ Quốc hội thông qua ngày 16 tháng 6 năm 2025.",
    "Ngày 18 tháng 11 năm 2025, tại trụ sở Chính phủ, Phó Thủ tướng đã chủ trì cuộc họp",
])
def test_wild_coverage_place_date_not_in_running_text(raw):
    assert wild_coverage.find_place_date(wild_coverage.clean_lines(raw)) is None


@pytest.mark.parametrize("pred, line, same", [
    ("Hà Nội", "Hà Nội", True), ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", True),
    ("Huế", "Thành phố Huế", True), ("Thanh Hoá", "Thanh Hóa", True),
    ("Nội", "Hà Nội", False), ("Chí Minh", "Thành phố Hồ Chí Minh", False), (None, "Hà Nội", False),
])
def test_wild_coverage_place_compared_without_designator_and_case(pred, line, same):
    assert wild_coverage.same_place(pred, line) is same


def test_wild_coverage_portal_metadata_read_from_its_table():
    raw = ("**Số hiệu:**\n|\n631/TB-VPCP\n|\n|\n**Loại văn bản:**\n|\nThông báo\n|\n**Nơi ban hành:**\n|\n"
           "Văn phòng Chính phủ\n|\n|\n**Người ký:**\n|\nPhạm Văn An\n|\n**Ngày ban hành:**\n|\n19/11/2025\n|")
    meta = wild_coverage.portal_metadata(wild_coverage.clean_lines(raw))
    assert meta == {"code": "631/TB-VPCP", "type": "Thông báo", "issuer": "Văn phòng Chính phủ",
                    "signer": "Phạm Văn An", "issued": "19/11/2025"}
    doc = {"type": "Thông báo", "number": "631", "code": "TB-VPCP", "issuer": "Văn phòng Chính phủ",
           "issued": {"value": "2021-05-31"}, "signer": {"name": "Phạm Văn An"}}
    assert wild_coverage.portal_checks(doc, meta) == {"type": True, "number/code": True, "issued": False,
                                                       "signer": True, "issuer": True}
