"""The searchable archive: records -> one plain SQLite database with an FTS5 index.

Layout (plain tables and columns, so ``datasette archive.sqlite`` opens it as it is):

- ``documents``: one row per record (header fields, year, province, the full text);
- one table per fact kind (``citations``, ``dates``, ``units``, ``conferences``, ``awards``,
  ``movements``, ``tasks``): ``doc_id``, ``idx`` (position in the record), normalised values,
  the first evidence span (``start``, ``end``, ``page``) and all spans as JSON in ``evidence``;
- ``documents_fts``: FTS5 over the title and text as written *and* over a folded copy of both
  (``title_folded``, ``text_folded``: no diacritics, đ->d, character for character), tokenizer
  ``unicode61 remove_diacritics 2``. That tokenizer drops marks but keeps đ (a letter of its own), so a
  query as typed by any SQLite client meets the original ("Đông Nam Bộ" -> đong nam bo) and a query
  without diacritics meets the copy ("dong nam bo"): ``thi đua`` and ``thi dua`` give the same documents
  in sqlite3 and in Datasette's ``_search``;
- ``documents_exact``: FTS5 over title and text with ``remove_diacritics 0``, for
  ``vnplan search --exact`` ("sơ" finds "sơ", neither "số" nor "Sở").
Both are external-content tables (``content="documents"``) kept in step by triggers, so ``rebuild`` is
safe; Datasette finds ``documents_fts`` (the first) as the search index of ``documents``.

Re-indexing is idempotent: a record is replaced by ``doc_id`` (its content's id) together with all its
facts. Renditions of one document (same ``document_key``) are rows of their own; a search shows one hit
per document, with its renditions listed.
"""
from __future__ import annotations

import json
import re
import sqlite3
import typing
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractors.header import document_year
from extractors.header.lexicon import header_words
from extractors.text import word_alternation
from pipeline.folding import fold_d, fold_marks, search_key
from pipeline.kinds import KINDS, range_of, value_of
from schemas.errors import (ArchiveError, ArchiveNotFoundError, InputNotFoundError, LexiconMissingError,
                            NotAnArchiveError, QueryTooLongError, RecordFormatError, UnknownValueError, describe)
from schemas.record import ConferenceKind, Evidence, Record

FACT_KINDS = tuple(k.key for k in KINDS)


# -- provinces and the 2025 merger ---------------------------------------------------------------

@dataclass(frozen=True)
class Province:
    old: str
    new: str
    keys: tuple[str, ...]  # folded old name and aliases


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The province lexicon (extractors/data/provinces.csv): old name -> province after the 2025 merger."""
    from extractors import lexicon

    try:
        rows = lexicon.read_csv("provinces.csv")
    except FileNotFoundError:
        raise LexiconMissingError(lexicon.DATA / "provinces.csv") from None
    out = []
    for row in rows:
        old = (row.get("old_province") or "").strip()
        if not old:
            continue
        aliases = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        keys = tuple(dict.fromkeys(k for k in (search_key(old), *map(search_key, aliases)) if k))
        out.append(Province(old=old, new=(row.get("new_province") or old).strip(), keys=keys))
    return tuple(out)


def _province_pattern() -> re.Pattern[str]:
    keys = sorted({k for p in provinces() for k in p.keys}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


def _province_by_key() -> dict[str, Province]:
    return {k: p for p in provinces() for k in p.keys}


def find_province(name: str | None) -> Province | None:
    """The (old) province a place name, issuer or phrase names, if any."""
    if not name:
        return None
    key = search_key(name)
    by_key = _province_by_key()
    if key in by_key:
        return by_key[key]
    m = _province_pattern().search(key)
    return by_key[m.group(0)] if m else None


def document_province(record: Record) -> Province | None:
    """A document's province: the header's place, else its issuer, else title, else the text's most named one."""
    doc = record.document
    for candidate in (doc.place, doc.issuer, doc.parent_issuer, doc.title):
        found = find_province(candidate)
        if found:
            return found
    # context: "tỉnh X" / "thành phố X" in the text, the most frequent wins (earliest on ties)
    by_key = _province_by_key()
    pattern = _province_pattern()
    folded = search_key(record.text)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in re.finditer(r"\b(?:tinh|thanh pho|tp) (.{2,40})", folded):
        hit = pattern.match(m.group(1))
        if hit:
            old = by_key[hit.group(0)].old
            counts[old] += 1
            first.setdefault(old, m.start())
    if not counts:
        return None
    best = max(counts, key=lambda o: (counts[o], -first[o]))
    return next(p for p in provinces() if p.old == best)


def require_choice(option: str, value: str, allowed: Iterable[str]) -> str:
    """``value`` if it is one of ``allowed``, else an UnknownValueError naming the allowed ones."""
    allowed = list(allowed)
    if value not in allowed:
        raise UnknownValueError(option, value=value, allowed=", ".join(allowed))
    return value


def require_province(option: str, name: str) -> list[str]:
    """The old provinces a province filter covers; an UnknownValueError (with every known name) when none."""
    olds = provinces_for_filter(name)
    if not olds:
        names = sorted({p.new for p in provinces()} | {p.old for p in provinces()})
        raise UnknownValueError(option, value=name, allowed=", ".join(names))
    return olds


def provinces_for_filter(name: str) -> list[str]:
    """Old province names a province filter covers: a new (post-2025) province covers every old one merged
    into it; an old name or alias covers itself."""
    key = search_key(name)
    merged = [p.old for p in provinces() if search_key(p.new) == key]
    if merged:
        return merged
    found = find_province(name)
    return [found.old] if found else []


# -- loading records -----------------------------------------------------------------------------

@dataclass
class IndexSummary:
    indexed: int = 0
    failed: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    db_path: str = ""


def load_record(path: Path) -> Record:
    try:
        return Record.model_validate_json(path.read_bytes())
    except ValueError as exc:
        raise RecordFormatError(path, reason=" ".join(str(exc).split())[:200]) from None


def iter_records(source: str | Path | Iterable[Record], errors: list[dict[str, str]] | None = None
                 ) -> Iterable[Record]:
    """Records from a list, or from a folder: ``<stem>.json`` records (as ``vnplan extract`` writes them)
    and input documents of any supported type (extracted on the fly). Bad files become error lines."""
    if not isinstance(source, (str, Path)):
        yield from source
        return
    from pipeline.ingest import SUPPORTED_SUFFIXES

    root = Path(source)
    if not root.exists():
        raise InputNotFoundError(root)
    # hidden files are bookkeeping (the batch manifest), never records or documents
    files = [root] if root.is_file() else sorted(
        p for p in root.rglob("*") if p.is_file() and not any(x.startswith(".") for x in p.relative_to(root).parts))
    from pipeline.corrections import apply_saved_corrections, is_corrections_file

    for path in files:
        suffix = path.suffix.lower()
        if suffix not in (".json", *SUPPORTED_SUFFIXES) or is_corrections_file(path):
            continue
        try:
            if suffix == ".json":
                # a reviewer's corrections saved next to the record hold in the archive too
                yield apply_saved_corrections(load_record(path), path)
            else:
                from pipeline.extract import extract_file
                yield extract_file(path)
        except Exception as exc:  # noqa: BLE001 - every bad file becomes an error line, the rest goes on
            if errors is None:
                raise
            errors.append(describe(exc, path))


# -- the database --------------------------------------------------------------------------------

_SPAN = "start INTEGER, end INTEGER, page INTEGER, evidence TEXT"
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, document_key TEXT, title TEXT, type TEXT, number TEXT, code TEXT, issuer TEXT, place TEXT,
    issued TEXT, issued_text TEXT, issued_start TEXT, issued_end TEXT, year INTEGER, province TEXT, province_new TEXT,
    source_name TEXT, source_format TEXT, sha256 TEXT, schema_version TEXT, text TEXT,
    title_folded TEXT, text_folded TEXT);
""" + "".join(f"CREATE TABLE IF NOT EXISTS {k.key} (doc_id TEXT NOT NULL REFERENCES documents(doc_id), idx INTEGER,\n"
              f"    {', '.join(k.archive_columns)}, {_SPAN});\n" for k in KINDS) + "".join(f"CREATE INDEX IF NOT EXISTS {k}_doc ON {k}(doc_id);\n" for k in FACT_KINDS)
#: indexes on columns an older archive may lack: created once _add_new_columns has added them
INDEXES = "CREATE INDEX IF NOT EXISTS documents_key ON documents(document_key);"


_FTS_INSERT = """
    INSERT INTO documents_fts (rowid, title, text, title_folded, text_folded)
    VALUES (new.rowid, new.title, new.text, new.title_folded, new.text_folded);
    INSERT INTO documents_exact (rowid, title, text) VALUES (new.rowid, new.title, new.text);"""
_FTS_DELETE = """
    INSERT INTO documents_fts (documents_fts, rowid, title, text, title_folded, text_folded)
    VALUES ('delete', old.rowid, old.title, old.text, old.title_folded, old.text_folded);
    INSERT INTO documents_exact (documents_exact, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);"""
FTS_SCHEMA = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, title_folded, text_folded, content="documents", tokenize="unicode61 remove_diacritics 2");
CREATE VIRTUAL TABLE IF NOT EXISTS documents_exact USING fts5(
    title, text, content="documents", tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN {_FTS_INSERT}
END;
CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN {_FTS_DELETE}
END;
CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE ON documents BEGIN {_FTS_DELETE} {_FTS_INSERT}
END;
"""
#: the columns of documents_fts, in order (bm25 weights and snippet() use their positions)
FTS_COLUMNS = ("title", "text", "title_folded", "text_folded")


def _spans(evidence: list[Evidence]) -> dict[str, object]:
    first = evidence[0] if evidence else None
    return {"start": first.start if first else None, "end": first.end if first else None,
            "page": first.page if first else None,
            "evidence": json.dumps([e.model_dump() for e in evidence], ensure_ascii=False)}


def fact_rows(record: Record) -> dict[str, list[dict[str, object]]]:
    """The rows of every fact table for one record."""
    return {k.key: [{"idx": i, **k.archive_row(item), **_spans(item.evidence)}
                    for i, item in enumerate(getattr(record, k.key))] for k in KINDS}


def _year(record: Record) -> int | None:
    """The plan's year, by the header's rule (the year the other extractors read as the plan's)."""
    return document_year(record.document, record.text)


def _title(record: Record) -> str | None:
    if record.document.title:
        return record.document.title
    # until the header extractor knows the title: the block after the type word, e.g. "KẾ HOẠCH ..."
    m = re.search("^" + word_alternation(header_words()["archive_title_types"]) + r"\b[ \n]*(.{3,300}?)(?:\n\n|\Z)",
                  record.text, re.M | re.S)
    return " ".join(m.group(1).split()) if m else None


def document_row(record: Record) -> dict[str, object]:
    doc = record.document
    province = document_province(record)
    from pipeline.identity import document_key

    return {"doc_id": record.doc_id, "document_key": record.document_key or document_key(record),
            "title": _title(record), "type": doc.type, "number": doc.number,
            "code": doc.code, "issuer": doc.issuer, "place": doc.place, "issued": value_of(doc.issued),
            "issued_text": doc.issued.text if doc.issued else None, **range_of("issued", doc.issued),
            "year": _year(record),
            "province": province.old if province else None, "province_new": province.new if province else None,
            "source_name": record.source.name, "source_format": record.source.format,
            "sha256": record.source.sha256, "schema_version": record.schema_version, "text": record.text,
            "title_folded": fold_marks(title) if (title := _title(record)) else None,
            "text_folded": fold_marks(record.text)}


def _archive_error(db_path: str | Path, exc: sqlite3.DatabaseError) -> ArchiveError:
    """A one-line error for a database we cannot use: another kind of file, or a damaged/locked archive."""
    reason = " ".join(str(exc).split())
    if "not a database" in reason or "malformed" in reason or "encrypted" in reason:
        return NotAnArchiveError(db_path, reason=reason)
    return ArchiveError(db_path, reason=reason)


def connect(db_path: str | Path) -> sqlite3.Connection:
    con = sqlite3.connect(str(db_path))
    try:
        con.executescript(SCHEMA)
        _add_new_columns(con)  # an archive from before document keys or time ranges: its rows get none
        con.executescript(INDEXES)
        _upgrade_search_index(con)
    except sqlite3.DatabaseError as exc:
        con.close()
        raise _archive_error(db_path, exc) from None
    return con


def _upgrade_search_index(con: sqlite3.Connection) -> None:
    """Create the search index; an archive whose index predates the folded copy gets the copy filled in
    and its index rebuilt (the old index folded đ in its input and cannot be kept in step by triggers)."""
    old = con.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()
    if old and "text_folded" in old[0]:
        con.executescript(FTS_SCHEMA)  # nothing to do but what CREATE ... IF NOT EXISTS does
        return
    with con:
        if old:
            con.execute("DROP TABLE documents_fts")
        for rowid, title, text in con.execute(
                "SELECT rowid, title, text FROM documents WHERE text_folded IS NULL").fetchall():
            con.execute("UPDATE documents SET title_folded = ?, text_folded = ? WHERE rowid = ?",
                        (fold_marks(title) if title else None, fold_marks(text or ""), rowid))
        con.executescript(FTS_SCHEMA)
        con.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")
        con.execute("INSERT INTO documents_exact (documents_exact) VALUES ('rebuild')")


def _add_new_columns(con: sqlite3.Connection) -> None:
    """An archive built by an older version lacks the newer columns: add them (empty until re-indexed),
    so ``vnplan index`` updates an old archive in place instead of failing on its first insert."""
    wanted = sqlite3.connect(":memory:")
    wanted.executescript(SCHEMA)
    for table in ("documents", *FACT_KINDS):
        have = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
        for _, name, kind, *_ in wanted.execute(f"PRAGMA table_info({table})"):
            if name not in have:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}')
    wanted.close()


def _insert(con: sqlite3.Connection, table: str, row: dict[str, object], *, upsert_key: str | None = None) -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    sql = f'INSERT INTO {table} ({cols}) VALUES ({", ".join("?" * len(row))})'
    if upsert_key:
        sql += f' ON CONFLICT({upsert_key}) DO UPDATE SET ' + ", ".join(
            f'"{c}"=excluded."{c}"' for c in row if c != upsert_key)
    con.execute(sql, list(row.values()))


def add_record(con: sqlite3.Connection, record: Record) -> None:
    """Insert or replace one document and all its facts (one transaction is the caller's)."""
    _insert(con, "documents", document_row(record), upsert_key="doc_id")  # triggers keep the index in step
    for kind, rows in fact_rows(record).items():
        con.execute(f"DELETE FROM {kind} WHERE doc_id = ?", (record.doc_id,))
        for fact in rows:
            _insert(con, kind, {"doc_id": record.doc_id, **fact})


def check_archive(db_path: str | Path) -> None:
    """Raise NotAnArchiveError/ArchiveError unless ``db_path`` is an SQLite archive we can read."""
    con = sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True)
    try:
        con.execute("SELECT doc_id FROM documents LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise _archive_error(db_path, exc) from None
    finally:
        con.close()


def build_index(records_or_dir: str | Path | Iterable[Record], db_path: str | Path) -> IndexSummary:
    """Index records (a list, or a folder of record JSON files and/or input documents) into ``db_path``.

    Idempotent: documents are upserted by ``doc_id``. Each record is committed on its own, so a bad
    file costs only its own line in ``summary.errors``.
    """
    summary = IndexSummary(db_path=str(db_path))
    con = connect(db_path)
    try:
        for record in iter_records(records_or_dir, summary.errors):
            with con:
                add_record(con, record)
            summary.indexed += 1
    finally:
        con.close()
    summary.failed = len(summary.errors)
    return summary


# -- search --------------------------------------------------------------------------------------

@dataclass
class Hit:
    doc_id: str
    title: str | None
    score: float  # bm25: lower is better
    snippet: str
    year: int | None = None
    province: str | None = None
    province_new: str | None = None
    type: str | None = None
    number: str | None = None
    code: str | None = None
    issued: str | None = None
    document_key: str | None = None
    source_name: str | None = None
    #: every archived rendition of this document (this hit's first): DOCX, PDF, scan...
    renditions: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class SearchPage:
    """One page of ranked hits and the size of the whole answer."""

    total: int
    page: int
    pages: int
    limit: int
    hits: list[Hit]


#: bm25 column weights, in FTS_COLUMNS order (title, text, and their folded copies): a query that names
#: the plan's subject ranks it first
TITLE_WEIGHT, TEXT_WEIGHT = 10.0, 1.0
_MARK_OPEN, _MARK_CLOSE, _ELLIPSIS = "\x02", "\x03", "\x04"
CONFERENCE_KINDS = typing.get_args(ConferenceKind)


#: words a search query may have: enough for a pasted title or paragraph, and a bound on the work per query
MAX_QUERY_WORDS = 500
#: query words the snippet marks: FTS5's snippet() costs the product of phrases and text tokens
SNIPPET_WORDS = 16


def query_words(query: str, *, exact: bool = False) -> list[str]:
    """The distinct words of a free-text query (NFC; đ folded unless ``exact``), in order; a repeated word
    adds nothing to an every-word-required query."""
    query = unicodedata.normalize("NFC", query)
    return list(dict.fromkeys(re.findall(r"\w+", query if exact else fold_d(query))))


def fts_query(query: str | list[str], *, exact: bool = False) -> str:
    """Words of a free-text query as an FTS5 query: every word required, each quoted (no syntax injection).
    Diacritic-insensitive words are folded (they meet the folded copy); exact words are kept as typed."""
    words = query_words(query, exact=exact) if isinstance(query, str) else query
    if not exact:
        words = list(dict.fromkeys(fold_marks(w) for w in words))
    return " ".join(f'"{w}"' for w in words)


def _index(exact: bool) -> tuple[str, str, str, int]:
    """The FTS table, its title and text columns to match, and the text column's position (for snippet)."""
    return ("documents_exact", "title", "text", 1) if exact else \
        ("documents_fts", "title_folded", "text_folded", FTS_COLUMNS.index("text_folded"))


def _marks(snippet: str) -> str:
    """Readable markers: [match] and an ellipsis, on one line."""
    for mark, text in ((_MARK_OPEN, "["), (_MARK_CLOSE, "]"), (_ELLIPSIS, "…")):
        snippet = snippet.replace(mark, text)
    return " ".join(snippet.split())


def _unfold_snippet(snippet: str, text: str, folded: str) -> str:
    """A snippet of the folded copy shown in the original text: the copy is aligned character for character,
    so the snippet's place in the copy is its place in the original."""
    plain = "".join(c for c in snippet if c not in (_MARK_OPEN, _MARK_CLOSE, _ELLIPSIS))
    at = folded.find(plain)
    if at < 0:
        return snippet
    out, k = [], at
    for c in snippet:
        if c in (_MARK_OPEN, _MARK_CLOSE, _ELLIPSIS):
            out.append(c)
        else:
            out.append(text[k])
            k += 1
    return "".join(out)


def search_page(db_path: str | Path, query: str, *, unit: str | None = None, award: str | None = None,
                year: int | None = None, kind: str | None = None, province: str | None = None,
                exact: bool = False, page: int = 1, limit: int = 20) -> SearchPage:
    """Ranked documents (bm25, title weighted) whose text matches ``query`` and every facet given, one page
    of ``limit`` at a time, with the total. An empty query lists the documents the facets select.

    The query ignores diacritics and đ ("hoi nghi" finds "Hội nghị"); with ``exact`` its words match as
    typed, diacritics included ("sơ" finds "sơ" but neither "số" nor "Sở"; case still does not matter).
    Facets: ``unit`` and ``award`` match a part of a name (diacritic-insensitive; ``award`` also matches a
    level such as ``state``); ``kind`` a conference kind; ``province`` a province, where a post-2025
    province also finds the old provinces merged into it. An unknown kind or province is an
    UnknownValueError that names the allowed values.
    """
    db_path = Path(db_path)
    if not db_path.is_file():
        raise ArchiveNotFoundError(db_path)
    page, limit = max(1, int(page)), max(1, int(limit))
    where, params = [], []
    if unit:
        where.append("d.doc_id IN (SELECT doc_id FROM units WHERE name_key LIKE ?)")
        params.append(f"%{search_key(unit)}%")
    if award:
        where.append("d.doc_id IN (SELECT doc_id FROM awards WHERE name_key LIKE ? OR level = ?)")
        params += [f"%{search_key(award)}%", award]
    if year is not None:
        where.append("d.year = ?")
        params.append(int(year))
    if kind:
        where.append("d.doc_id IN (SELECT doc_id FROM conferences WHERE kind = ?)")
        params.append(require_choice("--kind", kind, CONFERENCE_KINDS))
    if province:
        olds = require_province("--province", province)
        where.append(f"d.province IN ({', '.join('?' * len(olds))})")
        params += olds
    words = query_words(query, exact=exact)
    if len(words) > MAX_QUERY_WORDS:
        raise QueryTooLongError("query", words=len(words), limit=MAX_QUERY_WORDS)
    match = fts_query(words, exact=exact)
    fts, title_col, text_col, snippet_col = _index(exact)
    columns = "doc_id, title, score, {third}, year, province, province_new, document_key, type, number, code, issued"
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        if match:
            # the whole query as a phrase, in the title first, then in the text, ranks above scattered words:
            # bm25 alone cannot tell words that every plan uses (IDF ~ 0 in a small archive)
            phrase = '"' + match.replace('"', "") + '"'
            matches = f"{{{title_col} {text_col}}} : ({match})"
            where_sql = (f"FROM {fts} JOIN documents d ON d.rowid = {fts}.rowid "
                         f"WHERE {fts} MATCH ? " + "".join(f"AND {w} " for w in where))
            # one hit per document: its best-ranked rendition stands for all (see _renditions)
            total = con.execute("SELECT count(DISTINCT coalesce(d.document_key, d.doc_id)) " + where_sql,
                                [matches, *params]).fetchone()[0]
            weights = ", ".join(str(w) for w in (TITLE_WEIGHT, TEXT_WEIGHT) * (1 if exact else 2))
            ranked = (f"SELECT d.doc_id, d.title, bm25({fts}, {weights}) AS score, {fts}.rowid AS fts_row, "
                      "d.year, d.province, d.province_new, d.document_key, d.type, d.number, d.code, d.issued, "
                      f"{fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?) AS in_title, "
                      f"{fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?) AS in_text " + where_sql)
            sql = (f"SELECT {columns.format(third='fts_row')} FROM ("
                   "SELECT *, ROW_NUMBER() OVER (PARTITION BY coalesce(document_key, doc_id) "
                   "ORDER BY in_title DESC, in_text DESC, score, doc_id) AS nth FROM (" + ranked + ")) "
                   "WHERE nth = 1 ORDER BY in_title DESC, in_text DESC, score, doc_id LIMIT ? OFFSET ?")
            rows = con.execute(sql, [f"{title_col} : {phrase}", f"{text_col} : {phrase}", matches, *params,
                                     limit, (page - 1) * limit]).fetchall()
            # snippets only for the hits, from the first words: the same snippet as the whole query gives
            # for short queries, and work bounded by the hits for long ones
            marked = f"{{{title_col} {text_col}}} : ({fts_query(words[:SNIPPET_WORDS], exact=exact)})"
            snippet_sql = (f"SELECT snippet({fts}, {snippet_col}, '{_MARK_OPEN}', '{_MARK_CLOSE}', '{_ELLIPSIS}', 16), "
                           f"d.text, d.text_folded FROM {fts} JOIN documents d ON d.rowid = {fts}.rowid "
                           f"WHERE {fts} MATCH ? AND {fts}.rowid = ?")
            snippets = []
            for r in rows:
                found = con.execute(snippet_sql, (marked, r[3])).fetchone()
                snippet = found[0] if found else ""
                snippets.append(_unfold_snippet(snippet, found[1] or "", found[2] or "")
                                if found and not exact else snippet)
            rows = [(*r[:3], s, *r[4:]) for r, s in zip(rows, snippets)]
        else:
            filtered = "FROM documents d " + ("WHERE " + " AND ".join(where) if where else "")
            total = con.execute("SELECT count(DISTINCT coalesce(d.document_key, d.doc_id)) " + filtered,
                                params).fetchone()[0]
            sql = (f"SELECT {columns.format(third='snippet')} FROM ("
                   "SELECT d.doc_id, d.title, 0.0 AS score, substr(d.text, 1, 160) AS snippet, d.year, d.province, "
                   "d.province_new, d.document_key, d.type, d.number, d.code, d.issued, d.source_name, "
                   "ROW_NUMBER() OVER (PARTITION BY coalesce(d.document_key, d.doc_id) "
                   "ORDER BY d.source_name, d.doc_id) AS nth " + filtered +
                   ") WHERE nth = 1 ORDER BY source_name, doc_id LIMIT ? OFFSET ?")
            rows = con.execute(sql, [*params, limit, (page - 1) * limit]).fetchall()
        renditions = {r[0]: _renditions(con, r[0], r[7]) for r in rows}
    except sqlite3.DatabaseError as exc:
        raise _archive_error(db_path, exc) from None
    finally:
        con.close()
    hits = [Hit(doc_id=r[0], title=r[1], score=round(r[2], 4), snippet=_marks(r[3]),
                year=r[4], province=r[5], province_new=r[6], document_key=r[7],
                type=r[8], number=r[9], code=r[10], issued=r[11],
                source_name=renditions[r[0]][0]["source_name"] if renditions[r[0]] else None,
                renditions=renditions[r[0]]) for r in rows]
    return SearchPage(total=total, page=page, pages=max(1, -(-total // limit)), limit=limit, hits=hits)


def search(db_path: str | Path, query: str, *, limit: int = 20, **facets) -> list[Hit]:
    """The first ``limit`` hits of :func:`search_page` (same query, facets and ``exact``)."""
    return search_page(db_path, query, limit=limit, **facets).hits


def _renditions(con: sqlite3.Connection, doc_id: str, document_key: str | None) -> list[dict[str, str]]:
    """Every archived rendition of a hit's document (the hit's own first), as ``{doc_id, source_name,
    source_format}``."""
    rows = con.execute("SELECT doc_id, source_name, source_format FROM documents WHERE doc_id = ? OR "
                       "(document_key IS NOT NULL AND document_key = ?) "
                       "ORDER BY doc_id != ?, source_format, source_name, doc_id",
                       (doc_id, document_key, doc_id)).fetchall()
    return [{"doc_id": r[0], "source_name": r[1], "source_format": r[2]} for r in rows]


__all__ = ["build_index", "check_archive", "search", "search_page", "SearchPage", "fold_marks", "Hit", "IndexSummary",
           "fold", "fold_d", "find_province",
           "document_province", "provinces_for_filter", "iter_records", "load_record", "FACT_KINDS"]
