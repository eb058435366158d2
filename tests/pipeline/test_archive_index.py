"""The searchable archive (pipeline/archive.py) over the records of the five seed plans."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from pipeline.archive import FACT_KINDS, build_index, provinces_for_filter, search
from pipeline.extract import extract_file
from schemas.errors import ArchiveNotFoundError, UnknownValueError
from schemas.record import DocumentHeader

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"
REFERENCE_PROVINCES = Path("/work/shared/reference/provinces.csv")


@pytest.fixture(scope="module")
def records():
    return [extract_file(p) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def db(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("archive") / "archive.sqlite"
    summary = build_index(records, path)
    assert (summary.indexed, summary.failed) == (5, 0)
    return path


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "documents_fts", *FACT_KINDS)}
    finally:
        con.close()


def test_archive_search_without_diacritics_finds_seeds_000_and_003_first(db):
    hits = search(db, "hoi nghi so ket")
    assert {h.source_name[:3] for h in hits[:2]} == {"000", "003"}
    # the same words with their diacritics give the same ranking
    assert [h.doc_id for h in search(db, "Hội nghị sơ kết")] == [h.doc_id for h in hits]


def test_archive_search_folds_d_stroke_and_restores_it_in_snippets(db):
    plain = search(db, "dong bang song hong")
    assert "000_0a0c4b2e8b83855c.txt" in [h.source_name for h in plain]
    assert [h.doc_id for h in search(db, "Đồng bằng sông Hồng")] == [h.doc_id for h in plain]
    hit = next(h for h in plain if h.source_name.startswith("000"))
    assert "[Đồng]" in hit.snippet and "[bằng]" in hit.snippet


def test_archive_search_of_absent_words_and_fts_syntax_is_empty_not_an_error(db):
    assert search(db, "xylophone zzzqqq") == []
    assert search(db, 'sơ"kết) OR NEAR(') == []


def test_archive_reindexing_is_idempotent(records, tmp_path):
    path = tmp_path / "a.sqlite"
    build_index(records, path)
    first = _counts(path)
    build_index(records[:2], path)
    build_index(records, path)
    assert _counts(path) == first
    assert first["documents"] == first["documents_fts"] == 5
    assert first["dates"] == sum(len(r.dates) for r in records)


def test_archive_documents_hold_header_year_province_and_text(db, records):
    con = sqlite3.connect(db)
    rows = {r[0]: r[1:] for r in con.execute("SELECT doc_id, year, province, province_new, text FROM documents")}
    names = dict(con.execute("SELECT source_name, doc_id FROM documents"))
    con.close()
    for record in records:
        year, province, province_new, text = rows[record.doc_id]
        assert text == record.text
        assert year and str(year) in record.text
    assert rows[names["000_0a0c4b2e8b83855c.txt"]][1:3] == ("Nam Định", "Ninh Bình")
    assert rows[names["003_be6c1cea0ccb87ad.txt"]][0] == 2020


def test_archive_fact_rows_keep_values_and_evidence_offsets(db, records):
    con = sqlite3.connect(db)
    for record in records:
        rows = con.execute("SELECT value, start, end FROM dates WHERE doc_id = ? ORDER BY idx",
                           (record.doc_id,)).fetchall()
        assert [r[0] for r in rows] == [d.value for d in record.dates]
        for (_, start, end), date in zip(rows, record.dates):
            assert record.text[start:end] == date.evidence[0].text
    con.close()


def test_archive_province_filter_understands_the_2025_merger(db):
    new = {h.source_name[:3] for h in search(db, "", province="Ninh Bình")}
    assert {"000", "002"} <= new  # old Nam Định (000) and old Hà Nam (002: Kim Bảng, tỉnh Hà Nam)
    assert "001" not in new       # Bắc Ninh
    old = {h.source_name[:3] for h in search(db, "", province="Nam Định")}
    assert "000" in old and "002" not in old
    assert {h.source_name[:3] for h in search(db, "hoi nghi so ket", province="ninh binh")} <= new


def test_archive_province_merger_matches_the_shared_reference():
    if not REFERENCE_PROVINCES.is_file():
        pytest.skip(f"{REFERENCE_PROVINCES} is not present")
    with REFERENCE_PROVINCES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for new in ("Ninh Bình", "Hồ Chí Minh", "Bắc Ninh"):
        expected = {r["old_province"] for r in rows if r["new_province"] == new}
        assert set(provinces_for_filter(new)) == expected


def test_archive_year_kind_and_award_facets_select_documents(db):
    assert [h.source_name[:3] for h in search(db, "", year=2020)] == ["003"]
    con = sqlite3.connect(db)
    kinds = dict(con.execute("SELECT kind, group_concat(DISTINCT doc_id) FROM conferences GROUP BY kind"))
    levels = dict(con.execute("SELECT level, group_concat(DISTINCT doc_id) FROM awards GROUP BY level"))
    con.close()
    for kind, docs in kinds.items():
        assert {h.doc_id for h in search(db, "", kind=kind)} == set(docs.split(","))
    for level, docs in levels.items():
        assert {h.doc_id for h in search(db, "", award=level)} == set(docs.split(","))
    with pytest.raises(UnknownValueError, match="unknown value 'no_such_kind'; allowed: interim_review"):
        search(db, "", kind="no_such_kind")
    with pytest.raises(UnknownValueError, match="unknown value 'Atlantis'; allowed: .*Ninh Bình"):
        search(db, "", province="Atlantis")


def test_archive_folder_with_a_bad_record_indexes_the_rest(records, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / f"{records[0].doc_id}.json").write_text(records[0].model_dump_json(), encoding="utf-8")
    (folder / "broken.json").write_text('{"doc_id": 1', encoding="utf-8")
    summary = build_index(folder, tmp_path / "a.sqlite")
    assert (summary.indexed, summary.failed) == (1, 1)
    assert summary.errors[0]["code"] == "record_format" and "broken.json" in summary.errors[0]["message"]


def test_archive_search_without_a_database_says_how_to_build_it(tmp_path):
    with pytest.raises(ArchiveNotFoundError, match="vnplan index"):
        search(tmp_path / "missing.sqlite", "hoi nghi")


def test_archive_is_plain_sqlite_readable_without_vnplan(db):
    con = sqlite3.connect(db)  # no custom functions or tokenizers registered
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "documents_fts", *FACT_KINDS} <= tables
    assert con.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'nghi'").fetchone()[0] >= 2
    con.close()


def test_archive_reindexing_a_changed_document_forgets_its_old_words(records, tmp_path):
    path = tmp_path / "a.sqlite"
    build_index(records[:1], path)
    assert [h.doc_id for h in search(path, "dong bang song hong")] == [records[0].doc_id]
    changed = records[0].model_copy(update={"text": "Kế hoạch tổ chức Đại hội thi đua", "dates": [],
                                            "document": DocumentHeader(title="Đại hội thi đua")})
    build_index([changed], path)
    assert search(path, "dong bang song hong") == []
    assert [h.doc_id for h in search(path, "dai hoi thi dua")] == [records[0].doc_id]
