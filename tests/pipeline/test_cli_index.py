"""`vnplan index DIR --db archive.sqlite`, end to end."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"


def test_cli_index_builds_the_archive_and_reports_bad_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(p, folder)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "archive.sqlite"
    runner = CliRunner()
    result = runner.invoke(app, ["index", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "indexed 2, failed 1" in result.output
    assert "empty_file" in result.output  # the error line names the bad file and its code
    again = runner.invoke(app, ["index", str(folder), "--db", str(db)])
    assert again.exit_code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    con.close()


def test_cli_index_of_a_missing_folder_is_one_error_line(tmp_path):
    result = CliRunner().invoke(app, ["index", str(tmp_path / "nope"), "--db", str(tmp_path / "a.sqlite")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_cli_index_skips_the_batch_manifest(tmp_path) -> None:
    """A folder written by `vnplan extract` (with its hidden manifest) indexes with no error line."""
    from typer.testing import CliRunner

    from pipeline.cli import app
    from tests.conftest import seed_path

    src = tmp_path / "in"
    src.mkdir()
    (src / "kh.txt").write_bytes(seed_path("txt", "003_be6c1cea0ccb87ad").read_bytes())
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "out"), "-j", "1", "-q"]).exit_code == 0
    assert (tmp_path / "out" / ".vnplan-manifest.json").exists()
    res = runner.invoke(app, ["index", str(tmp_path / "out"), "--db", str(tmp_path / "a.sqlite")])
    assert res.exit_code == 0, res.output
    assert "failed" not in res.output or "failed 0" in res.output
    assert "RecordFormatError" not in res.output
