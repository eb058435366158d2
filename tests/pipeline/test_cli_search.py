"""`vnplan search QUERY --db ...`, end to end."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.archive import build_index
from pipeline.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"


def test_cli_search_prints_ranked_hits_with_snippets_and_facets(tmp_path):
    db = tmp_path / "archive.sqlite"
    build_index(SEEDS, db)
    runner = CliRunner()
    result = runner.invoke(app, ["search", "hoi nghi so ket", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    ranked = [line.split()[1][:3] for line in lines if line[:1].isdigit()]
    assert set(ranked[:2]) == {"000", "003"}
    assert "[Hội] [nghị] [sơ] [kết]" in result.output
    as_json = runner.invoke(app, ["search", "hoi nghi", "--db", str(db), "--year", "2020", "--json"])
    hits = [json.loads(line) for line in as_json.output.splitlines()]
    assert [h["source_name"][:3] for h in hits] == ["003"]
    merged = runner.invoke(app, ["search", "", "--db", str(db), "--province", "Ninh Bình", "--json"])
    assert {json.loads(line)["province"] for line in merged.output.splitlines()} <= {"Nam Định", "Hà Nam",
                                                                                       "Ninh Bình"}


def test_cli_search_without_an_archive_says_how_to_build_one(tmp_path):
    result = CliRunner().invoke(app, ["search", "hoi nghi", "--db", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2
    assert "vnplan index" in result.output
