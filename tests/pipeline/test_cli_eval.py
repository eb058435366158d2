"""`vnplan eval` end to end."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import GOLD


def test_cli_eval_prints_table_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "overall" in res.output and "missing records" in res.output
    res = runner.invoke(app, ["eval", "--gold", str(GOLD), "--pred", str(tmp_path), "--json"])
    summary = json.loads(res.output)
    assert summary["overall"] < 0.2 and len(summary["missing_records"]) == 5


def test_cli_eval_bad_gold_is_one_line_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "x.json").write_text("{not json", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "--gold", str(gold), "--pred", str(tmp_path)])
    assert res.exit_code == 2
    assert "not a gold annotation file" in res.output and "Traceback" not in res.output
