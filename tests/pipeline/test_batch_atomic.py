"""Atomic writes: a reader or a crash sees the old file or the new one, never part of one."""
from __future__ import annotations

import os

import pytest

from pipeline import batch
from pipeline.batch import atomic_write, clean_temp


def test_batch_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "r.json"
    atomic_write(target, "{}\n")
    atomic_write(target, "{\"a\": \"Kế hoạch\"}\n")
    assert target.read_text(encoding="utf-8") == "{\"a\": \"Kế hoạch\"}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    assert target.stat().st_mode & 0o044  # readable by others like any output, not mkstemp's 0600


def test_batch_atomic_write_failure_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    atomic_write(target, "old")

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(batch.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_batch_clean_temp_removes_leftovers_of_a_killed_run(tmp_path):
    (tmp_path / ".r.json.abc.vnplan-tmp").write_text("half")
    (tmp_path / "r.json").write_text("{}")
    clean_temp(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
    assert os.path.exists(tmp_path / "r.json")
