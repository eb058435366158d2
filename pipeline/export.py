"""Tables of facts from a folder of records, for pandas users and spreadsheets.

One table per fact kind (:data:`TABLES`); each row is one fact of one document: ``doc_id``, the
item's position in its record (``item``), its normalised values (a TimeValue ``x`` becomes the
columns ``x_value``, ``x_granularity``, ``x_text``, ``x_modifier``, ``x_start``, ``x_end``: the first
and last ISO day it covers; lists of names stay lists, or
are joined with "; " in CSV, as in the archive), and its evidence: ``evidence_start``, ``evidence_end``,
``evidence_page`` of the first span and ``evidence_count``.

CSV is UTF-8 with a byte-order mark by default, so Excel shows Vietnamese as it is. Every column that is
text in the record stays text: :func:`read_table` reads a table back with those types (a document number
"2352" stays "2352", not 2352.0 as ``pd.read_csv`` would guess).
"""
from __future__ import annotations

import io
import json
import typing
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ValidationError

from pipeline.batch import RECORDS, atomic_write
from pipeline.corrections import is_corrections_file
from pipeline.identity import document_key
from pipeline.kinds import KINDS
from schemas.errors import NoDocumentsError, RecordFormatError, describe
from schemas.record import LIST_SEPARATOR, Evidence, Record, TimeValue

FORMATS = ("parquet", "csv")
#: one table per fact kind, its columns read off the kind's model
ITEM_TABLES: dict[str, type[BaseModel]] = {k.key: k.model for k in KINDS}
TABLES = ("documents", *ITEM_TABLES)
_TIME_PARTS = ("value", "granularity", "text", "modifier", "start", "end")
_EVIDENCE_COLUMNS = ["evidence_start", "evidence_end", "evidence_page", "evidence_count"]


def load_records(folder: str | Path, *, errors: list[dict] | None = None) -> list[Record]:
    """Every record in ``folder`` (``*.json``, or ``records.jsonl`` when there is none), sorted by
    file name. A file that is not a record raises ``RecordFormatError``, or, when ``errors`` is
    given, is skipped and its error line appended there."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NoDocumentsError(folder)
    sources: list[tuple[str, str]] = []
    for p in sorted(folder.glob("*.json")):
        if not p.name.startswith(".") and not is_corrections_file(p):
            sources.append((str(p), p.read_text(encoding="utf-8")))
    if not sources and (folder / RECORDS).is_file():
        with open(folder / RECORDS, encoding="utf-8") as fh:
            sources = [(f"{folder / RECORDS}:{n}", line) for n, line in enumerate(fh, 1) if line.strip()]
    records = []
    for name, text in sources:
        try:
            records.append(Record.model_validate_json(text))
        except ValidationError as exc:
            err = RecordFormatError(name, reason=f"{exc.error_count()} schema errors, first: "
                                               f"{_first_error(exc)}")
            if errors is None:
                raise err from None
            errors.append(describe(err, name))
    if not records and errors is None:
        raise NoDocumentsError(folder)
    return records


def _first_error(exc: ValidationError) -> str:
    e = exc.errors()[0]
    return f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}"


def _is_time(annotation: object) -> bool:
    return annotation is TimeValue or TimeValue in typing.get_args(annotation)


def _columns(model: type[BaseModel]) -> list[str]:
    cols = []
    for name, info in model.model_fields.items():
        if name == "evidence":
            continue
        if name == "text" and issubclass(model, TimeValue):
            cols.append("text")
        elif _is_time(info.annotation):
            cols += [f"{name}_{p}" for p in _TIME_PARTS]
        else:
            cols.append(name)
    return cols


def _evidence(spans: list[Evidence] | dict[str, list[Evidence]]) -> dict[str, object]:
    if isinstance(spans, dict):  # the header: evidence per field; the first span in the text
        spans = sorted((e for v in spans.values() for e in v), key=lambda e: (e.start, e.end))
    first = spans[0] if spans else None
    return {"evidence_start": first.start if first else None, "evidence_end": first.end if first else None,
            "evidence_page": first.page if first else None, "evidence_count": len(spans)}


def _is_str_list(annotation: object) -> bool:
    """list[str] or list[Literal["a", "b"]] (e.g. unit roles)."""
    if typing.get_origin(annotation) is not list:
        return False
    (arg,) = typing.get_args(annotation) or (None,)
    return arg is str or (typing.get_origin(arg) is typing.Literal
                          and all(isinstance(x, str) for x in typing.get_args(arg)))


def _cell(value: object, annotation: object) -> object:
    """Lists of names stay lists (joined in CSV); nested models become a JSON string, so a column
    has one type whatever the row (parquet needs that)."""
    if _is_str_list(annotation):
        return list(value or [])
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json"), ensure_ascii=False)
    if isinstance(value, list):
        return json.dumps([x.model_dump(mode="json") if isinstance(x, BaseModel) else x for x in value],
                          ensure_ascii=False)
    return value


def _item_row(doc_id: str, index: int, item: BaseModel) -> dict[str, object]:
    row: dict[str, object] = {"doc_id": doc_id, "item": index}
    for name, info in type(item).model_fields.items():
        value = getattr(item, name)
        if name == "evidence":
            continue
        if _is_time(info.annotation) and not (name == "text" and isinstance(item, TimeValue)):
            for p in _TIME_PARTS:
                row[f"{name}_{p}"] = getattr(value, p) if value is not None else None
        else:
            row[name] = _cell(value, info.annotation)
    row.update(_evidence(item.evidence))
    return row


_DOC_COLUMNS = ["doc_id", "document_key", "source_path", "source_name", "source_format", "source_sha256", "pages", "chars",
                "type", "number", "code", "issuer", "parent_issuer", "place",
                *[f"issued_{p}" for p in _TIME_PARTS], "title", "signer_name", "signer_position",
                "recipients", *[f"n_{k}" for k in ITEM_TABLES], "warnings", *_EVIDENCE_COLUMNS]


def _document_row(r: Record) -> dict[str, object]:
    d = r.document
    row: dict[str, object] = {
        "doc_id": r.doc_id, "document_key": r.document_key or document_key(r), "source_path": r.source.path,
        "source_name": r.source.name,
        "source_format": r.source.format, "source_sha256": r.source.sha256,
        "pages": r.source.pages, "chars": len(r.text),
        "type": d.type, "number": d.number, "code": d.code, "issuer": d.issuer,
        "parent_issuer": d.parent_issuer, "place": d.place,
        **{f"issued_{p}": getattr(d.issued, p) if d.issued else None for p in _TIME_PARTS},
        "title": d.title, "signer_name": d.signer.name if d.signer else None,
        "signer_position": d.signer.position if d.signer else None,
        "recipients": [x.name for x in d.recipients],
        **{f"n_{k}": len(getattr(r, k)) for k in ITEM_TABLES},
        "warnings": list(r.warnings),
    }
    row.update(_evidence(d.evidence))
    return row


def fact_tables(records: list[Record]) -> dict[str, pd.DataFrame]:
    """One DataFrame per fact kind (:data:`TABLES`), with the same columns even when empty."""
    tables = {"documents": pd.DataFrame([_document_row(r) for r in records], columns=_DOC_COLUMNS)}
    for key, model in ITEM_TABLES.items():
        rows = [_item_row(r.doc_id, i, item) for r in records for i, item in enumerate(getattr(r, key))]
        tables[key] = pd.DataFrame(rows, columns=["doc_id", "item", *_columns(model), *_EVIDENCE_COLUMNS])
    for df in tables.values():  # nullable integers: a missing page is <NA>, not a float NaN
        for col in ("evidence_start", "evidence_end", "evidence_page", "evidence_count", "pages", "item"):
            if col in df:
                df[col] = df[col].astype("Int64")
    return tables


def _for_csv(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for col in df.columns:
        if df[col].dtype == object:
            df[col] = df[col].map(lambda v: LIST_SEPARATOR.join(v) if isinstance(v, list) else v)
    return df


#: columns that are numbers (nullable integers) or flags; every other column is text
_INTEGER_COLUMNS = {"item", "pages", "chars", *_EVIDENCE_COLUMNS, *(f"n_{k}" for k in ITEM_TABLES)}
_FLAG_COLUMNS = {"basis"}


def read_table(path: str | Path) -> pd.DataFrame:
    """A table written by :func:`export` (CSV or parquet), with its types: text columns as text (document
    numbers, codes and ids are never guessed to be numbers), counts and offsets as nullable integers."""
    path = Path(path)
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    header = pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns
    df = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, na_values=[""],
                     dtype={c: ("Int64" if c in _INTEGER_COLUMNS else "boolean" if c in _FLAG_COLUMNS
                                else "string") for c in header})
    return df


def export(folder: str | Path, out: str | Path | None = None, fmt: str = "parquet", *,
           errors: list[dict] | None = None, bom: bool = True) -> dict[str, Path]:
    """Write ``<out>/<table>.<fmt>`` for every table of the records in ``folder`` (``out``
    defaults to ``<folder>/export``), each atomically. Returns the paths by table name. CSV is UTF-8,
    with a byte-order mark unless ``bom`` is false (Excel needs it to read UTF-8)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    folder = Path(folder)
    out = Path(out) if out is not None else folder / "export"
    tables = fact_tables(load_records(folder, errors=errors))
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, df in tables.items():
        buf = io.BytesIO()
        if fmt == "parquet":
            df.to_parquet(buf, index=False)
        else:
            buf.write(_for_csv(df).to_csv(index=False).encode("utf-8-sig" if bom else "utf-8"))
        path = out / f"{name}.{fmt}"
        atomic_write(path, buf.getvalue())
        written[name] = path
    return written
