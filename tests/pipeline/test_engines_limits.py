"""Worker limits (issue 8): a memory ceiling per worker, the hard deadline killing the worker with
the process groups it started and its temporary folders, workers dying with a killed batch, and the
time limit stopping LibreOffice."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pytest

from pipeline.backends.base import private_tempdir
from pipeline.batch import BatchOptions, run_batch
from pipeline.engines import Job, LocalEngine, set_memory_limit
from schemas.errors import TimeLimitError, describe
from tests.conftest import SEED_IDS, seed_path

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # worker pools, subprocesses, LibreOffice


def _jobs(*ids, path: str = "x.txt"):
    return [Job(path=path, rel=f"{i}.txt", out_stem=i, time_limit=0.5) for i in ids]


# Module-level functions so that worker processes can import them.
def hungry(job: Job) -> dict:
    """Needs 3 GB when the job asks for it; returns its error line like process_document."""
    try:
        if job.out_stem == "hungry":
            block = bytearray(3 * 1024**3)
            return {"code": "ok", "size": len(block)}
        return {"code": "ok", "pid": os.getpid()}
    except MemoryError as exc:
        return describe(exc, job.path)


def starts_a_group_and_hangs(job: Job) -> str:
    """What a worker stuck in LibreOffice looks like: a child in a session of its own, a private
    temporary folder, and no Python code running to notice the deadline."""
    if job.out_stem != "stuck":
        return job.out_stem
    folder = private_tempdir("doc").name  # never cleaned up by this process
    child = subprocess.Popen(["sleep", "300"], start_new_session=True)
    Path(job.path).write_text(f"{child.pid} {folder}", encoding="utf-8")
    time.sleep(120)
    return "not reached"


def test_engines_memory_ceiling_fails_one_document_with_resource_limit_and_the_rest_go_on():
    engine = LocalEngine(2, time_limit=60, memory_limit=2 * 1024**3)
    results = dict(engine.run(hungry, _jobs("a", "hungry", "b")))
    assert results[1]["code"] == "resource_limit" and "2048 MB" in results[1]["message"]
    assert results[0]["code"] == results[2]["code"] == "ok"


def test_engines_set_memory_limit_is_restored_for_the_in_process_engine():
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    old = set_memory_limit(3 * 1024**3)
    try:
        assert resource.getrlimit(resource.RLIMIT_AS)[0] == 3 * 1024**3
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (old, before[1]))
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_engines_hard_deadline_kills_the_process_group_a_worker_started_and_its_temp_folder(tmp_path):
    marker = tmp_path / "stuck.pid"
    engine = LocalEngine(2, time_limit=0.5, grace=1.0)
    jobs = _jobs("a", "stuck", "b", path=str(marker))
    results = dict(engine.run(starts_a_group_and_hangs, jobs))
    assert isinstance(results[1], TimeLimitError) and results[0] == "a" and results[2] == "b"
    pid, folder = marker.read_text(encoding="utf-8").split()
    time.sleep(0.2)
    assert not psutil.pid_exists(int(pid)) or psutil.Process(int(pid)).status() == psutil.STATUS_ZOMBIE
    assert not Path(folder).exists()


def test_engines_workers_exit_when_the_batch_is_killed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for doc_id in SEED_IDS:
        shutil.copyfile(seed_path("scan", doc_id), src / f"{doc_id}.pdf")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    batch = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", str(src), "--out",
                              str(tmp_path / "out"), "-j", "2", "-q"], env=env, cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(batch.pid)
    deadline = time.monotonic() + 60
    workers: list[psutil.Process] = []
    while time.monotonic() < deadline and len(workers) < 2:  # the fork server and two workers
        workers = [p for p in parent.children(recursive=True) if p.ppid() != batch.pid]
        time.sleep(0.2)
    everyone = parent.children(recursive=True)
    assert len(workers) >= 2
    batch.send_signal(signal.SIGKILL)
    batch.wait()
    gone, alive = psutil.wait_procs(everyone, timeout=10)
    for p in alive:  # do not leave them to the next test
        p.kill()
    assert alive == []


def test_engines_time_limit_stops_libreoffice_and_removes_its_private_copy(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copyfile(seed_path("doc", SEED_IDS[1]), src / "slow.doc")
    before = set(Path(tempfile.gettempdir()).glob(f"vnplan-doc-{os.getpid()}-*"))
    summary = run_batch([src], tmp_path / "out",
                        options=BatchOptions(jobs=1, progress=False, time_limit=0.5))
    assert [e["code"] for e in summary.errors] == ["time_limit"]
    time.sleep(0.5)
    office = [p for p in psutil.process_iter(["name", "cmdline"])
              if "soffice" in (p.info["name"] or "") and any(f"vnplan-doc-{os.getpid()}-" in a
                                                              for a in p.info["cmdline"] or [])]
    assert office == []
    assert set(Path(tempfile.gettempdir()).glob(f"vnplan-doc-{os.getpid()}-*")) == before
