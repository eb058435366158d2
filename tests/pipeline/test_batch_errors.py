"""Every failure is one line in errors.jsonl and the batch goes on; exit codes follow --strict."""
from __future__ import annotations

import json
import shutil

import pytest

from pipeline.batch import BatchOptions, run_batch
from schemas.errors import NoDocumentsError
from tests.conftest import SEED_IDS, seed_path

ONE = BatchOptions(jobs=1, progress=False)


def _errors(out):
    return [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def test_batch_bad_files_become_error_lines_and_good_ones_records(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(seed_path("txt", SEED_IDS[0]), src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "junk.txt").write_bytes(bytes(range(256)) * 20)
    odd = tmp_path / "table.xyz"
    odd.write_text("a,b\n", encoding="utf-8")
    seen = []
    summary = run_batch([src, odd, tmp_path / "missing"], out, options=ONE, on_error=seen.append)
    assert (summary.done, summary.failed) == (1, 4)
    errors = _errors(out)
    assert sorted(map(str, errors)) == sorted(map(str, seen))  # each printed as it happened
    by_file = {e["file"].rsplit("/", 1)[-1]: e for e in errors}
    assert by_file["empty.txt"]["code"] == "empty_file"
    assert by_file["table.xyz"]["code"] == "unsupported_format"
    assert by_file["missing"]["code"] == "not_found"
    assert by_file["junk.txt"]["error"] != "internal_error"
    for e in errors:
        assert set(e) == {"file", "error", "code", "message"}
        assert "\n" not in e["message"] and "Traceback" not in e["message"]
    assert (out / "good.json").is_file() and not (out / "empty.json").exists()
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    assert summary.exit_code(strict=False) == 0
    assert summary.exit_code(strict=True) == 1


def test_batch_exit_code_when_every_file_failed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = run_batch([tmp_path / "empty.txt"], tmp_path / "out", options=ONE)
    assert (summary.done, summary.failed) == (0, 1)
    assert summary.exit_code(strict=False) == 1


def test_batch_time_limit_gives_a_time_limit_line(tmp_path):
    # an absurdly small limit: no real document can be read in 1 ms
    options = BatchOptions(jobs=1, progress=False, time_limit=0.001)
    summary = run_batch([seed_path("txt", SEED_IDS[0])], tmp_path / "out", options=options)
    assert summary.failed == 1
    [error] = _errors(tmp_path / "out")
    assert (error["error"], error["code"]) == ("TimeLimitError", "time_limit")


def test_batch_file_that_turns_bad_loses_its_old_record(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    doc = src / "plan.txt"
    shutil.copyfile(seed_path("txt", SEED_IDS[0]), doc)
    assert run_batch([src], out, options=ONE).done == 1
    doc.write_bytes(b"")
    summary = run_batch([src], out, options=ONE)
    assert summary.failed == 1
    assert not (out / "plan.json").exists()  # a record of other content would be a lie
    assert (out / "records.jsonl").read_text(encoding="utf-8") == ""


def test_batch_folder_without_documents_raises(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")  # images are documents now (OCR)
    with pytest.raises(NoDocumentsError):
        run_batch([tmp_path / "in"], tmp_path / "out", options=ONE)


def test_batch_unchanged_file_that_failed_for_good_is_not_retried(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    shutil.copyfile(seed_path("txt", SEED_IDS[0]), src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    first = run_batch([src], out, options=ONE)
    again = run_batch([src], out, options=ONE)
    assert (again.done, again.skipped, again.failed, again.not_retried) == (0, 1, 1, 1)
    assert _errors(out) == first.errors  # still listed
    forced = run_batch([src], out, options=BatchOptions(jobs=1, progress=False, force=True))
    assert (forced.done, forced.failed, forced.not_retried) == (1, 1, 0)
    (src / "empty.txt").write_text("Kế hoạch tổ chức Hội nghị sơ kết.\n", encoding="utf-8")  # fixed
    fixed = run_batch([src], out, options=ONE)
    assert (fixed.done, fixed.skipped, fixed.failed) == (1, 1, 0)
    assert _errors(out) == [] and (out / "empty.json").is_file()
