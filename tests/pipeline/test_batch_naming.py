"""Which files a batch reads and the name of each record (pipeline.batch.discover / assign_names)."""
from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.batch import discover
from tests.conftest import SEED_IDS, seed_path


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


def test_batch_same_stem_in_two_formats_gets_two_names(tmp_path):
    doc_id = SEED_IDS[0]
    _copy(seed_path("txt", doc_id), tmp_path / "in" / f"{doc_id}.txt")
    _copy(seed_path("docx", doc_id), tmp_path / "in" / f"{doc_id}.docx")
    _copy(seed_path("txt", SEED_IDS[1]), tmp_path / "in" / "sub" / f"{SEED_IDS[1]}.txt")
    files, errors = discover([tmp_path / "in"], tmp_path / "out")
    assert errors == []
    names = {f.rel: f.name for f in files}
    # folders are read in path order: .docx sorts before .txt, so the DOCX keeps the plain name
    assert names == {f"{doc_id}.docx": f"{doc_id}.json", f"{doc_id}.txt": f"{doc_id}.txt.json",
                     f"sub/{SEED_IDS[1]}.txt": f"{SEED_IDS[1]}.json"}
    assert {f.out_stem for f in files} == {doc_id, f"{doc_id}.txt", SEED_IDS[1]}


def test_batch_same_name_in_two_folders_never_collides(tmp_path):
    a = _copy(seed_path("txt", SEED_IDS[0]), tmp_path / "a" / "plan.txt")
    b = _copy(seed_path("txt", SEED_IDS[1]), tmp_path / "b" / "plan.txt")
    _copy(seed_path("txt", SEED_IDS[2]), tmp_path / "c" / "plan.txt.txt")  # its stem is "plan.txt"
    files, _ = discover([tmp_path / "a", tmp_path / "b", tmp_path / "c"])
    assert [f.path for f in files[:2]] == [a, b]
    # b/plan.txt would be plan.txt.json, but c/plan.txt.txt owns that name: it gets a number
    assert [f.name for f in files] == ["plan.json", "plan.txt.2.json", "plan.txt.json"]


def test_batch_skips_hidden_lock_unsupported_and_output_files(tmp_path):
    src = tmp_path / "in"
    _copy(seed_path("txt", SEED_IDS[0]), src / "keep.txt")
    _copy(seed_path("txt", SEED_IDS[0]), src / ".hidden.txt")
    _copy(seed_path("txt", SEED_IDS[0]), src / ".git" / "inside.txt")
    _copy(seed_path("txt", SEED_IDS[0]), src / "~$lock.txt")
    _copy(seed_path("txt", SEED_IDS[0]), src / "notes.xyz")
    _copy(seed_path("txt", SEED_IDS[0]), src / "out" / "old.txt")  # the output folder inside the input
    files, errors = discover([src], src / "out")
    assert [f.rel for f in files] == ["keep.txt"]
    assert errors == []


def test_batch_missing_input_is_an_error_line_and_a_named_file_is_taken_as_is(tmp_path):
    odd = _copy(seed_path("txt", SEED_IDS[0]), tmp_path / "notes.xyz")
    files, errors = discover([tmp_path / "nope", odd, odd])
    assert [f.rel for f in files] == ["notes.xyz"]  # named twice, read once
    assert [e["code"] for e in errors] == ["not_found"]
    assert "no such file" in errors[0]["message"]
