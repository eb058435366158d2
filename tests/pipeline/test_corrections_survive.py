"""A reviewer's corrections, saved next to the record, hold after `vnplan extract --force` and `vnplan index`,
and the record says that they were applied."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.corrections import apply_corrections
from pipeline.extract import extract_file
from schemas.record import Record
from tests.conftest import seed_path

DOC = "000_0a0c4b2e8b83855c"
runner = CliRunner()


@pytest.fixture(scope="module")
def machine() -> Record:
    return extract_file(seed_path("txt", DOC))


def _corrections(machine: Record) -> dict:
    wrong, misspelt = machine.units[0].name, machine.units[1].name
    return {"doc_id": DOC, "corrections": [
        {"op": "delete", "kind": "units", "match": {"name": wrong}},
        {"op": "fix", "kind": "units", "match": {"name": misspelt}, "set": {"name": misspelt + " (đã sửa)"}},
        {"op": "add", "kind": "units", "item": {"name": "Sở Tài chính tỉnh Nam Định", "roles": ["support"]},
         "evidence_text": "Nam Định"},
        {"op": "fix", "kind": "dates", "match": {"value": machine.dates[0].value}, "set": {"value": "2024-07-15"}},
        {"op": "fix", "kind": "document", "set": {"number": "123"}},
    ]}


def test_corrections_fix_delete_and_add_and_say_so(machine):
    fixed = apply_corrections(machine, _corrections(machine)["corrections"])
    names = [u.name for u in fixed.units]
    assert machine.units[0].name not in names
    assert machine.units[1].name + " (đã sửa)" in names
    added = fixed.units[-1]
    assert added.name == "Sở Tài chính tỉnh Nam Định" and fixed.text[added.evidence[0].start:].startswith("Nam Định")
    date = next(d for d in fixed.dates if d.value == "2024-07-15")
    assert (date.granularity, date.start) == ("day", "2024-07-15")  # granularity follows the new value
    assert fixed.document.number == "123"
    assert len(fixed.corrections) == 5 and not any("not applied" in c for c in fixed.corrections)
    assert machine.corrections == []  # the machine's record is left as it was


def test_corrections_that_match_nothing_are_reported_not_dropped(machine):
    fixed = apply_corrections(machine, [{"op": "delete", "kind": "units", "match": {"name": "Không có"}},
                                        {"op": "fix", "kind": "dates", "match": {"value": machine.dates[0].value},
                                         "set": {"value": "tháng bảy"}}])
    assert [c.split(" (")[0] for c in fixed.corrections] == ["corrections: not applied"] * 2
    assert fixed.units == machine.units


def test_corrections_survive_extract_force_and_index(machine, tmp_path):
    src, out, db = tmp_path / "in", tmp_path / "out", tmp_path / "archive.sqlite"
    src.mkdir()
    shutil.copyfile(seed_path("txt", DOC), src / f"{DOC}.txt")
    assert runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"]).exit_code == 0
    (out / f"{DOC}.corrections.json").write_text(json.dumps(_corrections(machine), ensure_ascii=False),
                                                 encoding="utf-8")
    wrong = machine.units[0].name

    # the archive built from the records as they were extracted before the review: corrections applied
    assert runner.invoke(app, ["index", str(out), "--db", str(db)]).exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM units WHERE name = ?", (wrong,)).fetchone() == (0,)
    assert con.execute("SELECT number FROM documents").fetchone() == ("123",)
    con.close()

    for args in ([], ["--force"]):  # new corrections re-make the record; --force re-makes it anyway
        result = runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q", *args])
        assert result.exit_code == 0, result.output
        record = Record.model_validate_json((out / f"{DOC}.json").read_text(encoding="utf-8"))
        assert wrong not in [u.name for u in record.units] and record.document.number == "123"
        assert len(record.corrections) == 5 and all(c.startswith(f"{DOC}.corrections.json: ") for c in record.corrections)
    # an unchanged file with unchanged corrections is skipped, and its record stays corrected
    again = runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"])
    assert "skipped 1" in again.output

    assert runner.invoke(app, ["index", str(out), "--db", str(db)]).exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)  # the corrections file is no record
    assert con.execute("SELECT count(*) FROM units WHERE name = ?", (wrong,)).fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM units WHERE name = 'Sở Tài chính tỉnh Nam Định'").fetchone() == (1,)
    con.close()
    assert runner.invoke(app, ["export", str(out), "-f", "csv"]).exit_code == 0  # nor a record to export
