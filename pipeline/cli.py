"""The ``vnplan`` command: a thin wrapper over the library (every command calls one library function)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Read Vietnamese government plans into normalised, evidence-grounded JSON records.")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vnplan")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"vnplan {_version()}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                       help="print the version and exit")) -> None:
    """Read Vietnamese government plans into normalised, evidence-grounded JSON records."""


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help="files or folders (searched recursively; hidden files skipped)"),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="output folder"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="parallel worker processes (0 = number of cores, 1 = in-process)"),
    force: bool = typer.Option(False, "--force", help="re-extract files whose content has not changed"),
    strict: bool = typer.Option(False, "--strict", help="exit non-zero if any file failed"),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="do not OCR pages without a text layer"),
    engine: str = typer.Option("local", "--engine", help="local (process pool) | dask (dask.distributed)"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                            help="with --engine dask: scheduler address tcp://host:port "
                                                 "(default: a LocalCluster of --jobs workers)"),
    time_limit: float = typer.Option(300.0, "--time-limit", help="seconds per document (0 = no limit)"),
    memory_limit: int = typer.Option(2048, "--memory-limit",
                                     help="MB of memory (address space) per worker; a document that needs "
                                          "more fails alone with resource_limit (0 = no limit)"),
    max_ocr_pages: int = typer.Option(300, "--max-ocr-pages",
                                      help="pages OCR'd per document; the others are named in its warnings"),
    follow_links: bool = typer.Option(False, "--follow-links",
                                      help="follow symbolic links that lead out of the input folders"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Extract one record per document into OUT/<stem>.json (plus records.jsonl and errors.jsonl).

    Names: OUT/<stem>.json; when several inputs share a stem (x.docx and x.pdf), the first in
    input order (folders sorted by path) gets <stem>.json and the next ones <stem>.<ext>.json
    (x.pdf.json). A record's doc_id is its content's id (SHA-256 of the file, 16 hex digits),
    its document_key the same for every rendition of one document; source.name keeps the file name.

    Incremental: files whose content (sha256) is unchanged since the last run are skipped
    (OUT/.vnplan-manifest.json) unless --force. A failure is a line {file, error, code, message}
    in OUT/errors.jsonl and the batch goes on. Every file is written atomically; records.jsonl is
    rebuilt at the end of each run, so an interrupted run is simply run again.

    Exit status: 1 with --strict if any file failed, or when every file failed; 0 otherwise.
    """
    from pipeline.batch import BatchOptions, run_batch
    from schemas.errors import VnplanError

    def show_error(err: dict) -> None:
        typer.echo(f"error: {err['message']}", err=True)

    options = BatchOptions(jobs=jobs, force=force, ocr=not no_ocr, engine=engine, scheduler=scheduler,
                           progress=not quiet, time_limit=time_limit, memory_limit=max(0, memory_limit) * 2**20,
                           max_ocr_pages=max_ocr_pages, follow_links=follow_links)
    try:
        summary = run_batch(inputs, out, options=options, on_error=show_error)
    except VnplanError as exc:  # no documents at all, or the engine cannot start
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1)
    typer.echo(summary.format())
    raise typer.Exit(summary.exit_code(strict=strict))


@app.command("eval")
def eval_(
    gold: Path = typer.Option(..., "--gold", help="folder of gold annotations (<doc>.json)"),
    pred: Path = typer.Option(..., "--pred", help="folder of records (<doc>.json)"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="list every miss and extra"),
) -> None:
    """Score records against gold annotations (same metrics as the shared scorer)."""
    from pipeline.evaluate import evaluate, format_report
    from schemas.errors import VnplanError

    try:
        report = evaluate(gold, pred)
    except VnplanError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(report.summary, ensure_ascii=False) if as_json else format_report(report, verbose=verbose))


@app.command()
def export(
    folder: Path = typer.Argument(..., help="folder of records written by `vnplan extract`"),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet | csv"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="folder for the tables (default: FOLDER/export)"),
    bom: bool = typer.Option(True, "--bom/--no-bom", help="CSV: start with a UTF-8 byte-order mark, so Excel "
                                                          "reads Vietnamese correctly (default)"),
) -> None:
    """Export the records in FOLDER as one parquet or CSV table per fact kind.

    Tables: documents, citations, dates, units, conferences, awards, movements, tasks. One row per
    fact: doc_id, item (its position in the record), its normalised values (a date x becomes
    x_value, x_granularity, x_text, x_modifier, x_start, x_end; lists of names are list columns in
    parquet and joined with "; " in CSV, as in the archive) and its evidence (evidence_start,
    evidence_end, evidence_page of the first span, evidence_count). CSV is UTF-8 with a BOM (Excel);
    pipeline.export.read_table reads a table back with its types (document numbers stay text).
    """
    from pipeline.export import FORMATS, export as export_tables
    from schemas.errors import VnplanError

    if fmt not in FORMATS:
        typer.echo(f"error: --format must be one of {', '.join(FORMATS)}, not {fmt!r}", err=True)
        raise typer.Exit(2)
    errors: list[dict] = []
    try:
        written = export_tables(folder, out, fmt, errors=errors, bom=bom)
    except VnplanError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1)
    for err in errors:
        typer.echo(f"error: {err['message']}", err=True)
    for name, path in written.items():
        typer.echo(f"{name}: {path}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record, generated from the pydantic model."""
    from schemas.record import Record

    typer.echo(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2))


# -- archive, API, review page (pipeline/archive.py, api.py, review.py) ---------------------------

@app.command()
def index(
    source: Path = typer.Argument(..., help="folder of records (OUT/<stem>.json from `vnplan extract`) "
                                            "and/or input documents, which are extracted on the fly"),
    db: Path = typer.Option(Path("archive.sqlite"), "--db", help="SQLite database to create or update"),
) -> None:
    """Build or update the searchable SQLite archive (documents, one table per fact kind, FTS5 full text).

    Re-indexing is idempotent (upsert by doc_id). Open the result with `datasette archive.sqlite`.
    """
    from pipeline.archive import build_index
    from schemas.errors import VnplanError

    try:
        summary = build_index(source, db)
    except VnplanError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    for line in summary.errors:
        typer.echo(json.dumps(line, ensure_ascii=False), err=True)
    typer.echo(f"indexed {summary.indexed}, failed {summary.failed} -> {db}")
    raise typer.Exit(1 if summary.failed and not summary.indexed else 0)


@app.command()
def search(
    query: str = typer.Argument("", help="words to find, with or without diacritics ('' = all documents)"),
    db: Path = typer.Option(Path("archive.sqlite"), "--db", help="archive built by `vnplan index`"),
    unit: Optional[str] = typer.Option(None, "--unit", help="documents naming a unit (part of its name)"),
    award: Optional[str] = typer.Option(None, "--award", help="documents with an award (part of its name, or "
                                                              "a level: state|provincial|grassroots)"),
    year: Optional[int] = typer.Option(None, "--year", help="the plan's year"),
    kind: Optional[str] = typer.Option(None, "--kind", help="conference kind: interim_review, final_review, "
                                                            "experience_exchange, exemplars, emulation_congress, "
                                                            "launch, other"),
    province: Optional[str] = typer.Option(None, "--province", help="province; a post-2025 province also "
                                                                    "finds the old provinces merged into it"),
    exact: bool = typer.Option(False, "--exact", help="match the words' diacritics as typed ('sơ' finds neither "
                                                      "'số' nor 'Sở')"),
    page: int = typer.Option(1, "--page", "-p", min=1, help="page of hits to show"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="hits per page"),
    as_json: bool = typer.Option(False, "--json", help="one JSON object per hit"),
) -> None:
    """Search the archive: ranked hits (bm25, title matches first) with snippets, filtered by facets, a page at
    a time, with the total number of hits."""
    from pipeline.archive import search_page
    from schemas.errors import VnplanError

    try:
        result = search_page(db, query, unit=unit, award=award, year=year, kind=kind, province=province,
                             exact=exact, page=page, limit=limit)
    except VnplanError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    first = (result.page - 1) * result.limit
    for rank, hit in enumerate(result.hits, first + 1):
        if as_json:
            typer.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
            continue
        ref = "/".join(x for x in (hit.number, hit.code) if x)
        what = " ".join(x for x in (hit.type, ref) if x)
        where = ", ".join(str(x) for x in (what, hit.issued, hit.province) if x)
        typer.echo(f"{rank}. {hit.source_name} [{hit.doc_id}]  {hit.title or ''}" + (f"  ({where})" if where else ""))
        typer.echo(f"   {hit.snippet}")
        if len(hit.renditions) > 1:
            typer.echo("   renditions: " + ", ".join(f"{r['source_name']} [{r['doc_id']}]" for r in hit.renditions))
    if as_json:
        return
    if not result.total:
        typer.echo("no hits")
    elif not result.hits:
        typer.echo(f"{result.total} hits; page {result.page} is past the last page ({result.pages})")
    else:
        typer.echo(f"hits {first + 1}-{first + len(result.hits)} of {result.total}, "
                   f"page {result.page} of {result.pages}"
                   + (f" (next: --page {result.page + 1})" if result.page < result.pages else ""))


@app.command()
def agenda(
    db: Path = typer.Option(Path("archive.sqlite"), "--db", help="archive built by `vnplan index`"),
    date_from: Optional[str] = typer.Option(None, "--from", help="first day, YYYY-MM-DD (default: open)"),
    date_to: Optional[str] = typer.Option(None, "--to", help="last day, YYYY-MM-DD (default: open)"),
    unit: Optional[str] = typer.Option(None, "--unit", help="part of the responsible unit's name"),
    province: Optional[str] = typer.Option(None, "--province", help="province; a post-2025 province also "
                                                                    "finds the old provinces merged into it"),
    kind: Optional[str] = typer.Option(None, "--kind", help="deadline | event | conference (default: all)"),
    fmt: str = typer.Option("text", "--format", "-f", help="text | csv | json | ics"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="file to write (default: standard output)"),
) -> None:
    """Deadlines, events and conferences across every document of the archive whose days overlap
    --from..--to, in date order, each with its document, responsible unit and evidence. A quarter or a
    month is on the agenda of every day it covers. --format ics writes an iCalendar file for any calendar."""
    from pipeline.agenda import agenda as build_agenda, render
    from schemas.errors import VnplanError

    try:
        data = render(build_agenda(db, date_from=date_from, date_to=date_to, unit=unit, province=province,
                                   kind=kind), fmt)
    except VnplanError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        from pipeline.batch import atomic_write

        atomic_write(out, data)
        typer.echo(f"wrote {out}", err=True)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="interface to listen on (loopback by default)"),
    port: int = typer.Option(8000, "--port", help="TCP port"),
    db: Optional[Path] = typer.Option(None, "--db", help="archive for GET /v1/search (from `vnplan index`)"),
    records: Path = typer.Option(Path("data/api_records"), "--records",
                                 help="folder where records extracted through the API are kept"),
    max_upload_mb: float = typer.Option(20.0, "--max-upload-mb", help="largest upload accepted (413 past it)"),
    timeout: float = typer.Option(60.0, "--timeout", help="seconds allowed per document (504 past it)"),
    workers: int = typer.Option(1, "--workers", help="extraction worker processes"),
    queue: int = typer.Option(8, "--queue", help="uploads that may wait for a worker (503 + Retry-After past it)"),
    header_timeout: float = typer.Option(10.0, "--header-timeout", help="seconds to send the request headers"),
    body_timeout: float = typer.Option(30.0, "--body-timeout", help="seconds the request body may stall (408)"),
) -> None:
    """Run the REST API (FastAPI on uvicorn): POST /v1/extract, GET /v1/records/{id}, GET /v1/search,
    GET /healthz; OpenAPI docs at /docs."""
    import uvicorn

    from pipeline.api import ApiSettings, create_app, header_timeout_protocol
    from pipeline.archive import check_archive
    from schemas.errors import VnplanError

    if db is not None and db.exists():
        try:
            check_archive(db)
        except VnplanError as exc:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(2) from None
    settings = ApiSettings(db=db, records_dir=records, max_upload_bytes=int(max_upload_mb * 1024 * 1024),
                           timeout=timeout, workers=workers, queue=queue, header_timeout=header_timeout,
                           body_timeout=body_timeout)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info",
                http=header_timeout_protocol(header_timeout), timeout_keep_alive=5)


@app.command()
def review(
    source: Path = typer.Argument(..., help="an input document (any supported type) or a record JSON"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="HTML file to write (default: <stem>.review.html)"),
    document: Optional[Path] = typer.Option(None, "--document", help="with a record JSON: the PDF or scan it was "
                                                                     "read from (found by itself at its source "
                                                                     "path or beside the record)"),
) -> None:
    """Write a self-contained HTML review workbench: for a PDF or scan the page images with every fact's boxes,
    the text with every evidence span highlighted by kind (toggles per kind, hover names field and role), and
    the facts grouped by value with their counts; click a fact to see it on the page and in the text. Fix,
    delete or add facts and save SOURCE_STEM.corrections.json next to the record: `vnplan extract` and
    `vnplan index` apply it."""
    from pipeline.review import write_review
    from schemas.errors import VnplanError

    try:
        written = write_review(source, out or Path(f"{source.stem}.review.html"), document=document)
    except VnplanError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {written}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
