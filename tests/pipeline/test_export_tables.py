"""Fact tables: one row per fact, with doc_id, normalised values and evidence offsets."""
from __future__ import annotations

import pandas as pd
import pytest

from extractors.evidence import evidence
from pipeline.batch import atomic_write
from pipeline.export import TABLES, export, fact_tables, load_records
from pipeline.extract import extract_file
from schemas.errors import NoDocumentsError, RecordFormatError
from schemas.record import Citation, DateMention, Task, TimeValue, Unit
from tests.conftest import SEED_IDS, seed_path


def _with_facts(doc_id: str):
    """A real seed record plus facts whose evidence is found in its text (extractors may add more)."""
    record = extract_file(seed_path("txt", doc_id))
    text = record.text
    k = text.index("Căn cứ") if "Căn cứ" in text else 0
    record.citations.insert(0, Citation(number="98/2023/NĐ-CP", basis=True,
                                        date=TimeValue(text="31/12/2023", value="2023-12-31", granularity="day"),
                                        evidence=[evidence(text, k, k + 6)]))
    record.dates.insert(0, DateMention(text="tháng 7/2024", value="2024-07", granularity="month", role="deadline",
                                       evidence=[evidence(text, 0, 5), evidence(text, 10, 20)]))
    record.units.insert(0, Unit(name="Sở Nội vụ", roles=["lead", "support"], evidence=[evidence(text, 0, 3)]))
    record.tasks.insert(0, Task(description="Tổ chức sơ kết", lead=["Sở Nội vụ"], support=["Sở Tài chính", "Công an tỉnh"],
                                period=TimeValue(text="năm 2024", value="2024", granularity="year"),
                                evidence=[evidence(text, 4, 9)]))
    return record


def test_export_tables_flatten_values_and_evidence():
    records = [_with_facts(SEED_IDS[0]), extract_file(seed_path("txt", SEED_IDS[1]))]
    tables = fact_tables(records)
    assert tuple(tables) == TABLES
    docs = tables["documents"]
    assert list(docs["doc_id"]) == [r.doc_id for r in records]
    assert list(docs["document_key"]) == [r.document_key for r in records]
    assert (docs["chars"] > 0).all()

    cit = tables["citations"]
    first = cit[cit.doc_id == records[0].doc_id].iloc[0]
    assert (first["number"], first["date_value"], first["date_granularity"]) == ("98/2023/NĐ-CP", "2023-12-31", "day")
    assert bool(first["basis"]) is True
    assert first["evidence_end"] - first["evidence_start"] == 6 and first["evidence_count"] == 1

    date = tables["dates"].iloc[0]
    assert (date["value"], date["granularity"], date["text"], date["role"]) == ("2024-07", "month", "tháng 7/2024",
                                                                                 "deadline")
    assert (date["evidence_start"], date["evidence_end"], date["evidence_count"]) == (0, 5, 2)
    assert pd.isna(date["evidence_page"])  # a TXT has no pages

    task = tables["tasks"].iloc[0]
    assert task["support"] == ["Sở Tài chính", "Công an tỉnh"] and task["period_value"] == "2024"
    assert tables["units"].iloc[0]["roles"] == ["lead", "support"]
    # every row of every table belongs to a document and points into its text
    lengths = dict(zip(docs["doc_id"], docs["chars"]))
    for name, df in tables.items():
        assert "doc_id" in df and "evidence_start" in df, name
        for _, row in df.dropna(subset=["evidence_start"]).iterrows():
            assert 0 <= row["evidence_start"] <= row["evidence_end"] <= lengths[row["doc_id"]]


def test_export_writes_parquet_and_csv_that_read_back(tmp_path):
    records = tmp_path / "records"
    records.mkdir()
    kept = (_with_facts(SEED_IDS[0]), extract_file(seed_path("txt", SEED_IDS[2])))
    for r in kept:
        atomic_write(records / f"{r.source.name}.json", r.model_dump_json(indent=1))
    written = export(records, tmp_path / "pq", "parquet")
    assert sorted(written) == sorted(TABLES)
    tasks = pd.read_parquet(written["tasks"])
    assert list(tasks.iloc[0]["support"]) == ["Sở Tài chính", "Công an tỉnh"]  # a list column
    assert len(pd.read_parquet(written["documents"])) == 2

    written = export(records, tmp_path / "csv", "csv")
    tasks = pd.read_csv(written["tasks"])
    assert tasks.iloc[0]["support"] == "Sở Tài chính; Công an tỉnh"
    assert tasks.iloc[0]["doc_id"] == kept[0].doc_id
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == sorted(f"{t}.csv" for t in TABLES)


def test_export_load_records_reports_files_that_are_not_records(tmp_path):
    atomic_write(tmp_path / "a.json", extract_file(seed_path("txt", SEED_IDS[0])).model_dump_json())
    (tmp_path / "b.json").write_text('{"doc_id": "b", "surprise": 1}', encoding="utf-8")
    errors: list[dict] = []
    assert [r.source.name for r in load_records(tmp_path, errors=errors)] == [f"{SEED_IDS[0]}.txt"]
    assert [e["code"] for e in errors] == ["record_format"]
    with pytest.raises(RecordFormatError):
        load_records(tmp_path)
    with pytest.raises(NoDocumentsError):
        load_records(tmp_path / "nothing-here")
