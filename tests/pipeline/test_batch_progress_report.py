"""Following long work: outside a terminal one line per finished file with its time; every document's
status, time and warnings in the manifest; --no-ocr says that OCR was switched off."""
from __future__ import annotations

import json
import re
import shutil

from typer.testing import CliRunner

from pipeline.batch import MANIFEST
from pipeline.cli import app
from tests.conftest import seed_path

runner = CliRunner()


def test_batch_outside_a_terminal_prints_one_line_per_finished_file(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for doc_id in ("000_0a0c4b2e8b83855c", "003_be6c1cea0ccb87ad"):
        shutil.copyfile(seed_path("txt", doc_id), src / f"{doc_id}.txt")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    result = runner.invoke(app, ["extract", str(src), "--out", str(out), "-j", "1"])
    lines = [x for x in result.output.splitlines() if x.startswith("[")]
    assert len(lines) == 3, result.output
    assert {re.match(r"\[(\d)/3\] ", x).group(1) for x in lines} == {"1", "2", "3"}
    assert any(re.search(r"000_0a0c4b2e8b83855c\.txt  \d+\.\d\d s  ok", x) for x in lines)
    assert any(re.search(r"broken\.pdf  \d+\.\d\d s  failed \(corrupt_file\)", x) for x in lines)
    quiet = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "q"), "-j", "1", "-q"])
    assert not [x for x in quiet.output.splitlines() if x.startswith("[")]

    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for entry in manifest["records"].values():
        assert entry["status"] == "done" and entry["seconds"] > 0 and isinstance(entry["warnings"], list)
    failed = manifest["failures"]["broken.json"]
    assert failed["status"] == "failed" and failed["error"]["code"] == "corrupt_file" and "seconds" in failed


def test_cli_extract_no_ocr_says_ocr_was_switched_off(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(seed_path("scan", "002_4be30ec671f9d110"), src / "scan.pdf")
    result = runner.invoke(app, ["extract", str(src), "--out", str(tmp_path / "out"), "-j", "1", "--no-ocr", "-q"])
    assert "OCR was switched off (--no-ocr)" in result.output
    assert "install" not in result.output and "unavailable" not in result.output
