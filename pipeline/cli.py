"""The ``vnplan`` command: a thin wrapper over the library (every command calls one library function)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Read Vietnamese government plans into normalised, evidence-grounded JSON records.")


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help="files or folders (searched recursively)"),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="output folder"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="parallel worker processes (0 = number of cores)"),
    force: bool = typer.Option(False, "--force", help="re-extract files whose content has not changed"),
    strict: bool = typer.Option(False, "--strict", help="exit non-zero if any file failed"),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="do not OCR pages without a text layer"),
    engine: str = typer.Option("local", "--engine", help="local | dask"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="dask scheduler address, tcp://host:port"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Extract one record per document into OUT/<stem>.json (plus records.jsonl and errors.jsonl)."""
    from pipeline.batch import BatchOptions, run_batch

    summary = run_batch(inputs, out, options=BatchOptions(jobs=jobs, force=force, ocr=not no_ocr, engine=engine,
                                                          scheduler=scheduler, progress=not quiet))
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
def schema() -> None:
    """Print the JSON Schema of the record, generated from the pydantic model."""
    from schemas.record import Record

    typer.echo(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
