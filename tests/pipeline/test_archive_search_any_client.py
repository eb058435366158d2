"""The archive's full-text index answers diacritic and plain queries alike for any SQLite client (sqlite3,
Datasette), and `vnplan search` pages through hits, matches diacritics exactly on request, and names the
allowed values of a facet it does not know."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.archive import FACT_KINDS, build_index, fold_marks, search_page
from pipeline.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"
METADATA = Path(__file__).resolve().parents[2] / "datasette" / "metadata.json"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fts") / "archive.sqlite"
    build_index(SEEDS, path)
    return path


def _count(db: Path, query: str) -> int:
    con = sqlite3.connect(db)  # a plain client: no functions or tokenizers of ours
    try:
        return con.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query,)).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("written,plain", [
    ("thi đua", "thi dua"),
    ("Đông Nam Bộ", "dong nam bo"),
    ("Đồng bằng sông Hồng", "dong bang song hong"),
    ("KHEN THƯỞNG", "khen thuong"),
    ("Đề nghị", "de nghi"),
])
def test_archive_fts_answers_written_and_plain_queries_alike_in_sqlite3(db, written, plain):
    assert _count(db, written) == _count(db, plain) > 0


def test_archive_fts_does_not_answer_words_that_are_not_there(db):
    assert _count(db, "xylophone") == 0


def test_archive_folded_copy_keeps_every_offset():
    text = "Đồng bằng sông Hồng: Hội nghị sơ kết, Sở Nội vụ, số 2352/KH-UBND"
    folded = fold_marks(text)
    assert folded == "Dong bang song Hong: Hoi nghi so ket, So Noi vu, so 2352/KH-UBND"
    assert len(folded) == len(text)


def test_archive_exact_search_matches_diacritics_as_typed(db):
    loose = search_page(db, "sơ", limit=50)
    exact = search_page(db, "sơ", exact=True, limit=50)
    assert 0 < exact.total < loose.total  # "sơ" alone, without every "số" and "Sở"
    for hit in exact.hits:
        assert "[sơ]" in hit.snippet.lower() or "[sơ]" in hit.snippet
    assert any("[Số]" in h.snippet or "[số]" in h.snippet for h in loose.hits)
    # the default stays diacritic-insensitive: written and plain words give the same hits
    assert [h.doc_id for h in search_page(db, "Hội nghị sơ kết").hits] == \
        [h.doc_id for h in search_page(db, "hoi nghi so ket").hits]


def test_archive_search_pages_through_every_hit(db):
    first = search_page(db, "thi dua", limit=2)
    assert (first.total, first.pages) == (5, 3)
    pages = [search_page(db, "thi dua", limit=2, page=p).hits for p in (1, 2, 3)]
    ids = [h.doc_id for page in pages for h in page]
    assert len(ids) == len(set(ids)) == 5
    assert search_page(db, "thi dua", limit=2, page=4).hits == []


def test_archive_search_hits_carry_type_number_code_and_date(db):
    hit = next(h for h in search_page(db, "sơ kết giao ước").hits if h.source_name.startswith("003"))
    assert (hit.type, hit.number, hit.code, hit.issued) == ("Kế hoạch", "2352", "KH-CDNB", "2020-07-02")


def test_cli_search_shows_total_pages_and_each_hits_reference(db):
    out = CliRunner().invoke(app, ["search", "hoi nghi", "--db", str(db), "-n", "2", "--page", "2"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].startswith("3. ")
    assert "hits 3-4 of 5, page 2 of 3" in out.output
    ref = CliRunner().invoke(app, ["search", "giao ước", "--db", str(db)])
    assert "Kế hoạch 2352/KH-CDNB, 2020-07-02" in ref.output


@pytest.mark.parametrize("option,value,allowed", [
    ("--kind", "meeting", "interim_review, final_review"),
    ("--province", "Atlantis", "Ninh Bình"),
])
def test_cli_search_answers_an_unknown_facet_value_with_the_allowed_ones(db, option, value, allowed):
    out = CliRunner().invoke(app, ["search", "", "--db", str(db), option, value])
    assert out.exit_code == 2
    assert f"unknown value '{value}'" in out.output and allowed in out.output


def test_archive_datasette_metadata_names_only_real_tables_columns_and_facets(db):
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    tables = metadata["databases"]["archive"]["tables"]
    con = sqlite3.connect(db)
    for table, config in tables.items():
        columns = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
        assert columns, table
        for key in ("facets", "sortable_columns"):
            assert set(config.get(key, [])) <= columns, (table, key)
        assert set(config.get("columns", {})) <= columns, table
    assert {"documents", *FACT_KINDS} <= set(tables)
    con.close()


@pytest.mark.parametrize("with_metadata", [True, False])
def test_archive_datasette_search_answers_written_and_plain_queries_alike(db, with_metadata):
    from datasette.app import Datasette

    metadata = json.loads(METADATA.read_text(encoding="utf-8")) if with_metadata else None

    async def rows(query: str) -> int:
        ds = Datasette([str(db)], metadata=metadata)
        name = next(iter(ds.databases.keys() - {"_internal"}))
        response = await ds.client.get(f"/{name}/documents.json", params={"_search": query, "_col": "title"})
        assert response.status_code == 200
        return len(response.json()["rows"])

    for written, plain in (("thi đua", "thi dua"), ("Đông Nam Bộ", "dong nam bo")):
        assert asyncio.run(rows(written)) == asyncio.run(rows(plain)) > 0


def test_archive_from_an_older_version_gets_the_new_index_on_the_next_index_run(tmp_path):
    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)
    con.executescript("""
        CREATE TABLE documents (doc_id TEXT PRIMARY KEY, title TEXT, text TEXT);
        CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content="documents",
                                                      tokenize="unicode61 remove_diacritics 2");
        INSERT INTO documents (doc_id, title, text) VALUES ('old', 'Kế hoạch thi đua', 'Phong trào thi đua');
        INSERT INTO documents_fts (rowid, title, text) VALUES (1, 'Ke hoach thi dua', 'Phong trao thi dua');
    """)
    con.commit()
    con.close()
    build_index(SEEDS, old)
    assert _count(old, "thi đua") == _count(old, "thi dua") == 6  # the old document and the five seeds
    assert search_page(old, "phong trao thi dua").total >= 1
