"""`vnplan export`: records folder in, one table per fact kind out."""
from __future__ import annotations

import shutil

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import TABLES
from tests.conftest import SEED_IDS, seed_path

runner = CliRunner()


def test_cli_export_csv_and_parquet_from_an_extracted_folder(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for doc_id in SEED_IDS[:2]:
        shutil.copyfile(seed_path("txt", doc_id), src / f"{doc_id}.txt")
    assert runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"]).exit_code == 0

    result = runner.invoke(app, ["export", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "export").iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    docs = pd.read_csv(out / "export" / "documents.csv")
    assert list(docs["source_name"]) == [f"{d}.txt" for d in SEED_IDS[:2]]
    assert docs["doc_id"].str.len().eq(16).all() and docs["document_key"].str.startswith(("h-", "t-")).all()

    result = runner.invoke(app, ["export", str(out), "-f", "parquet", "--out", str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    dates = pd.read_parquet(tmp_path / "pq" / "dates.parquet")
    assert {"doc_id", "value", "granularity", "text", "evidence_start", "evidence_end"} <= set(dates.columns)
    assert set(dates["doc_id"]) <= set(docs["doc_id"])


def test_cli_export_rejects_unknown_format_and_missing_folder(tmp_path):
    bad = runner.invoke(app, ["export", str(tmp_path), "--format", "xlsx"])
    assert bad.exit_code == 2 and "parquet, csv" in bad.output
    missing = runner.invoke(app, ["export", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "no supported documents" in missing.output
