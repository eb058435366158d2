"""Time values reach the archive and the exports with the days they cover, so a range filter is one SQL line."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from pipeline.archive import build_index
from pipeline.export import fact_tables, load_records
from pipeline.extract import extract_file

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"
PLAN = SEEDS / "001_0a1aa67df8461fe0.txt"


def test_archive_answers_a_quarter_query_with_plain_sql(tmp_path):
    db = tmp_path / "a.sqlite"
    build_index([extract_file(PLAN)], db)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT time, time_start, time_end FROM conferences "
                       "WHERE time_start <= '2024-09-30' AND time_end >= '2024-07-01'").fetchall()
    assert ("2024-Q3", "2024-07-01", "2024-09-30") in rows
    assert con.execute("SELECT count(*) FROM dates WHERE date_start IS NULL AND granularity != 'duration'"
                       ).fetchone() == (0,)
    issued = con.execute("SELECT issued, issued_start, issued_end FROM documents").fetchone()
    assert issued[1] is not None and issued[1][:4] == issued[0][:4] and issued[1] <= issued[2]


def test_archive_conferences_keep_host_and_participants_with_the_list_separator(tmp_path):
    db = tmp_path / "a.sqlite"
    record = extract_file(SEEDS / "000_0a0c4b2e8b83855c.txt")
    build_index([record], db)
    hosts = [r[0] for r in sqlite3.connect(db).execute("SELECT host FROM conferences ORDER BY idx")]
    assert hosts == ["; ".join(c.host) for c in record.conferences] and "; " in hosts[0]


def test_archive_built_by_an_older_version_gains_the_new_columns(tmp_path):
    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE dates (doc_id TEXT NOT NULL, idx INTEGER, text TEXT, value TEXT, granularity TEXT, "
                "modifier TEXT, role TEXT, start INTEGER, end INTEGER, page INTEGER, evidence TEXT)")
    con.close()
    summary = build_index([extract_file(PLAN)], db)
    assert summary.indexed == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM dates WHERE date_start IS NOT NULL").fetchone()[0] > 0


def test_export_time_columns_carry_start_and_end(tmp_path):
    build_dir = tmp_path / "records"
    build_dir.mkdir()
    (build_dir / "p.json").write_text(extract_file(PLAN).model_dump_json(), encoding="utf-8")
    tables = fact_tables(load_records(build_dir))
    conf = tables["conferences"]
    assert {"time_start", "time_end"} <= set(conf.columns)
    q3 = conf[conf["time_value"] == "2024-Q3"].iloc[0]
    assert (q3["time_start"], q3["time_end"]) == ("2024-07-01", "2024-09-30")
    assert {"start", "end"} <= set(tables["dates"].columns)
    assert {"issued_start", "issued_end"} <= set(tables["documents"].columns)
