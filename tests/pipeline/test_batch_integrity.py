"""Batch integrity (issue 8): odd names, a locked output folder, index files that always agree with
the records, transient failures retried, bugs reported as bugs, a full disk, links, ignored files."""
from __future__ import annotations

import errno
import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from pipeline import batch
from pipeline.backends.base import IngestOptions
from pipeline.batch import BatchOptions, discover, output_lock, run_batch
from pipeline.cli import app
from pipeline.extract import extract_file
from schemas.errors import InternalError, OutputLockedError, OutputWriteError, printable
from tests.conftest import SEED_IDS, seed_path

ONE = BatchOptions(jobs=1, progress=False)


def _plan(folder, name: str | bytes, doc_id: str = SEED_IDS[0]):
    folder.mkdir(parents=True, exist_ok=True)
    target = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    shutil.copyfile(seed_path("txt", doc_id), target)
    return target


def _lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_batch_non_utf8_and_escape_names_are_processed_and_printed_safely(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    _plan(src, b"k\xe9 hoach.txt")                # Latin-1 byte from a zip made on Windows
    _plan(src, "red\x1b[31mname.txt", SEED_IDS[1])  # a terminal escape sequence
    (src / "bad\x1b]0;owned\x07.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"])
    assert "done 2, skipped 0, failed 1" in result.stdout
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "bad\\x1b]0;owned\\x07.txt: the file is empty" in result.output
    records = _lines(out / "records.jsonl")
    assert sorted(r["source"]["path"] for r in records) == ["k\\xe9 hoach.txt", "red\\x1b[31mname.txt"]
    assert sorted(p.name for p in out.glob("[!.]*.json")) == ["k\\xe9 hoach.json", "red\\x1b[31mname.json"]
    rerun = run_batch([src], out, options=ONE)  # and it is stable: nothing re-extracted
    assert (rerun.skipped, rerun.done) == (2, 0)


def test_batch_second_batch_on_a_locked_output_folder_refuses_with_one_line(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    _plan(src, "a.txt")
    out.mkdir()
    with output_lock(out):
        with pytest.raises(OutputLockedError):
            run_batch([src], out, options=ONE)
        result = CliRunner().invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q"])
        assert result.exit_code == 1
        assert result.output.count("\n") == 1 and "another vnplan batch is writing" in result.output
    assert run_batch([src], out, options=ONE).done == 1  # released when the first batch ends


def test_batch_rerun_repairs_records_jsonl_and_manifest_that_miss_record_files(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    for k, doc_id in enumerate(SEED_IDS[:3]):
        _plan(src, f"p{k}.txt", doc_id)
    run_batch([src], out, options=ONE)
    # what two unlocked batches left: a record file that neither index file lists
    manifest = json.loads((out / batch.MANIFEST).read_text(encoding="utf-8"))
    del manifest["records"]["p1.json"]
    (out / batch.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (out / batch.RECORDS).write_text("\n".join(json.dumps(r) for r in _lines(out / batch.RECORDS)[:1]) + "\n",
                                     encoding="utf-8")
    summary = run_batch([src], out, options=ONE)
    assert summary.skipped == 3 and summary.done == 0
    assert [r["source"]["name"] for r in _lines(out / batch.RECORDS)] == ["p0.txt", "p1.txt", "p2.txt"]
    manifest = json.loads((out / batch.MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["records"]) == ["p0.json", "p1.json", "p2.json"]


def test_batch_file_that_vanishes_is_a_transient_error_retried_next_run(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    _plan(src, "a.txt")
    _plan(src, "b.txt", SEED_IDS[1])
    real = batch.file_sha256

    def vanished(path):
        if path.name == "b.txt":
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))
        return real(path)

    monkeypatch.setattr(batch, "file_sha256", vanished)
    first = run_batch([src], out, options=ONE)
    assert (first.done, first.failed) == (1, 1) and first.errors[0]["code"] == "unreadable"
    monkeypatch.undo()
    second = run_batch([src], out, options=ONE)
    assert (second.done, second.skipped, second.failed) == (1, 1, 0)


def test_batch_document_deleted_before_its_worker_reads_it_is_unreadable_not_corrupt(tmp_path):
    from pipeline.engines import Job

    result = batch.process_document(Job(path=str(tmp_path / "gone.pdf"), rel="gone.pdf", out_stem="gone"))
    assert result["error"]["code"] == "unreadable" and "retried on the next run" in result["error"]["message"]


def test_batch_bug_in_vnplan_is_internal_error_with_its_type_not_a_corrupt_pdf(monkeypatch):
    from pipeline.backends import ocr

    def missing_data(*args, **kwargs):  # what an install without extractors/data/vi_bigrams.tsv raised
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "extractors/data/vi_bigrams.tsv")

    monkeypatch.setattr(ocr, "ocr_page", missing_data)
    with pytest.raises(InternalError) as info:
        extract_file(seed_path("scan", SEED_IDS[3]), options=IngestOptions())
    assert info.value.code == "internal_error"
    assert "FileNotFoundError" in info.value.message and "vi_bigrams.tsv" in info.value.message
    assert "cannot read this PDF" not in info.value.message


def test_batch_full_disk_is_one_line_and_keeps_what_was_written_valid(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    for k, doc_id in enumerate(SEED_IDS[:3]):
        _plan(src, f"p{k}.txt", doc_id)
    real = batch.atomic_write
    written = []

    def filling(path, data):
        if path.name.endswith(".json") and not path.name.startswith(".") and len(written) >= 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)
        written.append(path.name)

    monkeypatch.setattr(batch, "atomic_write", filling)
    with pytest.raises(OutputWriteError) as info:
        run_batch([src], out, options=ONE)
    assert "\n" not in info.value.message and "No space left on device" in info.value.message
    assert [r["source"]["name"] for r in _lines(out / batch.RECORDS)] == ["p0.txt"]  # the index matches the disk
    monkeypatch.setattr(batch, "atomic_write", lambda p, d: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(out), "-j", "1", "-q", "--force"])
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "No space left" in result.output
    monkeypatch.undo()
    assert run_batch([src], out, options=ONE).done == 2  # the next run finishes the job


def test_batch_links_out_of_the_input_folder_are_not_followed_unless_asked(tmp_path):
    src, outside = tmp_path / "in", tmp_path / "elsewhere"
    _plan(src, "inside.txt")
    secret = _plan(outside, "secret.txt", SEED_IDS[1])
    os.symlink(secret, src / "link.txt")
    os.symlink(outside, src / "linked_dir")
    os.symlink(src / "inside.txt", src / "alias.txt")  # a link that stays inside is fine
    files, _ = discover([src])
    assert [f.rel for f in files] == ["alias.txt"]  # one file, once (alias.txt sorts first)
    followed, _ = discover([src], follow_links=True)
    assert [f.rel for f in followed] == ["alias.txt", "link.txt"]  # the secret once, under its first name


def test_batch_unsupported_files_are_counted_in_the_summary_and_listed_in_the_manifest(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    _plan(src, "plan.txt")
    for name in ("a.xlsx", "sub/b.xlsx", "c.zip"):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(b"PK\x03\x04")
    summary = run_batch([src], out, options=ONE)
    assert "ignored 3: .xlsx ×2, .zip ×1" in summary.format()
    manifest = json.loads((out / batch.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["ignored"] == sorted(printable(src / n) for n in ("a.xlsx", "c.zip", "sub/b.xlsx"))
