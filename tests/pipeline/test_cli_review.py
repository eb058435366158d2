"""`vnplan review FILE -o page.html`, end to end, from a document and from a record JSON."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.extract import extract_file

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt" / "003_be6c1cea0ccb87ad.txt"


def test_cli_review_writes_one_page_from_a_document_or_a_record(tmp_path):
    runner = CliRunner()
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["review", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark" in page and "data-target" in page
    record = tmp_path / f"{SEED.stem}.json"  # as `vnplan extract` names it: the corrections file is named alike
    record.write_text(extract_file(SEED).model_dump_json(), encoding="utf-8")
    again = runner.invoke(app, ["review", str(record), "-o", str(tmp_path / "r.html")])
    assert again.exit_code == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == page


def test_cli_review_of_a_missing_file_is_one_error_line(tmp_path):
    result = runner_result = CliRunner().invoke(app, ["review", str(tmp_path / "none.docx"), "-o",
                                                      str(tmp_path / "p.html")])
    assert runner_result.exit_code == 2 and "no such file" in result.output
    assert not (tmp_path / "p.html").exists()
