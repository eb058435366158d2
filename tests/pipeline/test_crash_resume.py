"""Kill a batch with SIGKILL midway, run it again: the output folder is byte for byte the one an
uninterrupted run writes (no partial file, no lost record, no duplicate line)."""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.ingest import SUPPORTED_SUFFIXES
from tests.conftest import SEED_IDS, seed_path

pytestmark = pytest.mark.slow  # kills and restarts batch subprocesses

ROOT = Path(__file__).resolve().parents[2]


def _corpus(src: Path) -> int:
    src.mkdir()
    formats = ["txt"] + (["docx"] if ".docx" in SUPPORTED_SUFFIXES else [])
    copies = -(-40 // (len(SEED_IDS) * len(formats)))  # at least 40 files
    n = 0
    for k in range(copies):
        for fmt in formats:
            for doc_id in SEED_IDS:
                shutil.copyfile(seed_path(fmt, doc_id), src / f"c{k}_{doc_id}.{fmt}")
                n += 1
    return n


def _records(out: Path) -> list[Path]:
    return [p for p in out.glob("*.json") if not p.name.startswith(".")]  # not the manifest


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every output file; in the manifest, every document's status and warnings but not its time (a clock's)."""
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    manifest = json.loads(files.pop(".vnplan-manifest.json"))
    for entry in manifest["records"].values():
        assert entry.pop("status") == "done" and isinstance(entry["warnings"], list)
        entry.pop("seconds", None)
    files[".vnplan-manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def test_crash_resume_after_sigkill_gives_the_uninterrupted_output(tmp_path):
    src = tmp_path / "in"
    n = _corpus(src)
    assert n >= 40
    reference = run_batch([src], tmp_path / "ref", options=BatchOptions(jobs=1, progress=False))
    assert reference.done == n

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline.cli", "extract", str(src), "--out", str(out), "--jobs", "2", "-q"]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and len(_records(out)) >= 5:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the batch finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, mid-run
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    written = _records(out)
    assert 5 <= len(written) < n
    assert not (out / "records.jsonl").exists()  # killed before the end of the run
    for p in written:  # whatever was written is whole
        json.loads(p.read_text(encoding="utf-8"))

    rerun = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    # every record written before the kill is whole and reused, even those the manifest missed
    assert re.search(r"skipped (\d+)", rerun.stdout).group(1) == str(len(written))
    assert _snapshot(out) == _snapshot(tmp_path / "ref")
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    # one line per input file (the copies share content ids, so count them by source path)
    paths = [json.loads(x)["source"]["path"] for x in lines]
    assert len(paths) == n == len(set(paths))
