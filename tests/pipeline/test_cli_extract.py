"""`vnplan extract`: end to end through the CLI."""
from __future__ import annotations

import hashlib

import json
import shutil

from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SEED_IDS, seed_path

runner = CliRunner()


def test_cli_extract_writes_records_then_skips_them(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for doc_id in SEED_IDS[:2]:
        shutil.copyfile(seed_path("txt", doc_id), src / f"{doc_id}.txt")
    result = runner.invoke(app, ["extract", str(src), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "done 2, skipped 0, failed 0" in result.output and "slowest" in result.output
    record = json.loads((out / f"{SEED_IDS[0]}.json").read_text(encoding="utf-8"))
    assert record["text"].strip() and record["source"]["name"] == f"{SEED_IDS[0]}.txt"
    assert record["doc_id"] == hashlib.sha256((src / f"{SEED_IDS[0]}.txt").read_bytes()).hexdigest()[:16]
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == 2

    again = runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"])
    assert again.exit_code == 0 and "done 0, skipped 2, failed 0" in again.output


def test_cli_extract_failures_are_lines_and_exit_status_follows_strict(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(seed_path("txt", SEED_IDS[0]), src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    relaxed = runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"])
    assert relaxed.exit_code == 0
    assert "failed 1" in relaxed.output and "empty.txt: the file is empty" in relaxed.output
    assert "Traceback" not in relaxed.output
    strict = runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q", "--strict"])
    assert strict.exit_code == 1
    all_bad = runner.invoke(app, ["extract", str(src / "empty.txt"), "--out", str(tmp_path / "o2"), "-q"])
    assert all_bad.exit_code == 1
    nothing = runner.invoke(app, ["extract", str(tmp_path / "missing-folder"), "--out", str(tmp_path / "o3")])
    assert nothing.exit_code == 1 and "no such file or folder" in nothing.output


def test_cli_extract_two_formats_of_one_plan_give_two_records(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(seed_path("txt", SEED_IDS[0]), src / f"{SEED_IDS[0]}.txt")
    shutil.copyfile(seed_path("txt", SEED_IDS[0]), src / f"{SEED_IDS[0]}.md")
    result = runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    # .md sorts before .txt: it keeps <stem>.json, the TXT gets <stem>.txt.json
    assert (out / f"{SEED_IDS[0]}.json").is_file() and (out / f"{SEED_IDS[0]}.txt.json").is_file()
    lines = [json.loads(x) for x in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"]["name"] for r in lines] == [f"{SEED_IDS[0]}.md", f"{SEED_IDS[0]}.txt"]
    # the same bytes under two names: one content id and one document key, two record files
    assert len({r["doc_id"] for r in lines}) == 1 and len({r["document_key"] for r in lines}) == 1


def test_cli_extract_help_documents_naming_and_options():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    for word in ("--jobs", "--force", "--strict", "--engine", "--scheduler", "--time-limit", "<stem>.<ext>.json",
                 "errors.jsonl"):
        assert word in result.output, word
