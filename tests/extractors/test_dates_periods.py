"""dates.parse_period / ocr_quarter: a period as a table's time cell or section row writes it."""
from __future__ import annotations

import pytest

from extractors.context import DocContext
from extractors.dates import ocr_quarter, parse_period

CTX = DocContext(year=2025)


@pytest.mark.parametrize("phrase, value, text", [
    ("Quý II", "2025-Q2", "Quý II"),
    ("Tháng 5/2024", "2024-05", "Tháng 5/2024"),
    ("6 tháng đầu năm", "2025-H1", "6 tháng đầu năm"),
    # a spelling variant of the quarter word: read as "Quý", text as written
    ("Quí IV-2025", "2025-Q4", "Quí IV-2025"),
    ("  QUÍ III năm 2026 ", "2026-Q3", "QUÍ III năm 2026"),
    ("trong quí I", "2025-Q1", "quí I"),
])
def test_parse_period_reads_cells_and_spelling_variants(phrase: str, value: str, text: str) -> None:
    got = parse_period(phrase, CTX)
    assert got is not None and got.value == value and got.text == text


@pytest.mark.parametrize("phrase", ["", "Thường xuyên", "Hằng năm", "PHÁT TRIỂN NGUỒN NHÂN LỰC", "quít"])
def test_parse_period_finds_no_period_where_none_is_written(phrase: str) -> None:
    assert parse_period(phrase, CTX) is None


@pytest.mark.parametrize("phrase, value", [("Quy Il", "2025-Q2"), ("Quí 1I", "2025-Q2"), ("Quý |V", "2025-Q4"),
                                           ("quý III.", "2025-Q3"), ("QuýI", "2025-Q1")])
def test_ocr_quarter_reads_misread_quarter_headings(phrase: str, value: str) -> None:
    got = ocr_quarter(phrase, 2025)
    assert got is not None and got.value == value and got.granularity == "quarter"


@pytest.mark.parametrize("phrase, year", [("Quy Il", None), ("Quý V", 2025), ("Quý II năm nay", 2025), ("Quyết", 2025)])
def test_ocr_quarter_needs_a_year_and_a_quarter_heading_alone(phrase: str, year: int | None) -> None:
    assert ocr_quarter(phrase, year) is None
