"""Incremental batches: unchanged files are skipped, changed ones re-extracted, --force redoes all."""
from __future__ import annotations

import json
import shutil

from pipeline.batch import MANIFEST, BatchOptions, run_batch
from tests.conftest import SEED_IDS, seed_path

ONE = BatchOptions(jobs=1, progress=False)


def _inputs(tmp_path, n=2):
    src = tmp_path / "in"
    src.mkdir()
    for doc_id in SEED_IDS[:n]:
        shutil.copyfile(seed_path("txt", doc_id), src / f"{doc_id}.txt")
    return src


def test_batch_second_run_skips_unchanged_and_redoes_changed(tmp_path):
    src, out = _inputs(tmp_path), tmp_path / "out"
    first = run_batch([src], out, options=ONE)
    assert (first.done, first.skipped, first.failed) == (2, 0, 0)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    again = run_batch([src], out, options=ONE)
    assert (again.done, again.skipped, again.failed) == (0, 2, 0)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before

    changed = src / f"{SEED_IDS[1]}.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nPhụ lục kèm theo.\n", encoding="utf-8")
    third = run_batch([src], out, options=ONE)
    assert (third.done, third.skipped) == (1, 1)
    record = json.loads((out / f"{SEED_IDS[1]}.json").read_text(encoding="utf-8"))
    assert record["text"].rstrip().endswith("Phụ lục kèm theo.")

    forced = run_batch([src], out, options=BatchOptions(jobs=1, progress=False, force=True))
    assert (forced.done, forced.skipped) == (2, 0)


def test_batch_records_are_relative_and_listed_once_in_records_jsonl(tmp_path):
    src, out = _inputs(tmp_path, 3), tmp_path / "out"
    run_batch([src], out, options=ONE)
    run_batch([src], out, options=ONE)
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(x) for x in lines]
    assert [r["source"]["name"] for r in records] == [f"{d}.txt" for d in SEED_IDS[:3]]  # sorted, no duplicates
    for r, stem in zip(records, SEED_IDS[:3]):
        assert r["source"]["path"] == f"{stem}.txt"  # relative to the input folder: no tmp path
        assert r["doc_id"] == r["source"]["sha256"][:16]  # from the content, not the name
        assert str(tmp_path) not in json.dumps(r, ensure_ascii=False)
        assert r["text"].strip()
        assert r == json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest["records"]) == [f"{d}.json" for d in SEED_IDS[:3]]


def test_batch_record_written_before_a_crash_is_reused_without_manifest(tmp_path):
    src, out = _inputs(tmp_path), tmp_path / "out"
    run_batch([src], out, options=ONE)
    (out / MANIFEST).unlink()  # as if killed after writing the records, before saving the manifest
    again = run_batch([src], out, options=ONE)
    assert (again.done, again.skipped) == (0, 2)
    assert (out / MANIFEST).is_file()
