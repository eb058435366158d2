"""CSV exports open cleanly: UTF-8 with a BOM for Excel (or without, on request), the archive's list
separator, and document numbers that stay text when read back."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.batch import atomic_write
from pipeline.cli import app
from pipeline.export import export, read_table
from pipeline.extract import extract_file
from schemas.record import LIST_SEPARATOR
from tests.conftest import SEED_IDS, seed_path

NUMBERED = "003_be6c1cea0ccb87ad"  # "Số: 2352/KH-CDNB"


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    folder = tmp_path_factory.mktemp("records")
    for doc_id in (NUMBERED, SEED_IDS[0]):
        r = extract_file(seed_path("txt", doc_id))
        atomic_write(folder / f"{r.doc_id}.json", r.model_dump_json())
    return folder


def test_export_csv_starts_with_a_bom_by_default_and_not_on_request(records, tmp_path):
    with_bom = export(records, tmp_path / "a", "csv")
    assert with_bom["documents"].read_bytes().startswith(b"\xef\xbb\xbfdoc_id,")
    without = export(records, tmp_path / "b", "csv", bom=False)
    assert without["documents"].read_bytes().startswith(b"doc_id,")
    # Vietnamese survives both ways, and pandas reads the BOM file without a stray character
    assert "Kế hoạch" in with_bom["documents"].read_text(encoding="utf-8-sig")
    assert list(pd.read_csv(with_bom["documents"]).columns)[0] == "doc_id"


def test_export_read_table_keeps_document_numbers_as_text(records, tmp_path):
    for fmt in ("csv", "parquet"):
        docs = read_table(export(records, tmp_path / fmt, fmt)["documents"]).set_index("source_name")  # doc_id: the content hash
        assert docs.loc[f"{NUMBERED}.txt", "number"] == "2352"
        assert pd.isna(docs.loc[f"{SEED_IDS[0]}.txt", "number"])  # a blank number stays missing, not "nan"
        assert pd.api.types.is_integer_dtype(docs["chars"])


def test_export_csv_uses_the_archive_list_separator(records, tmp_path):
    conferences = read_table(export(records, tmp_path / "c", "csv")["conferences"])
    hosts = list(conferences.dropna(subset=["host"])["host"])
    # a meeting with two hosts (the seeds have one: "Ủy ban nhân dân tỉnh Nam Định; ... Hải Dương") is one cell
    assert any(LIST_SEPARATOR in h for h in hosts) and not any(h.startswith("[") for h in hosts)


def test_cli_export_no_bom_option(records, tmp_path):
    out = tmp_path / "x"
    result = CliRunner().invoke(app, ["export", str(records), "-f", "csv", "--out", str(out), "--no-bom"])
    assert result.exit_code == 0, result.output
    assert (out / "dates.csv").read_bytes().startswith(b"doc_id,")
