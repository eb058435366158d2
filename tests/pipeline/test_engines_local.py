"""The local process pool: same records as in-process, stuck documents and dead workers contained."""
from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.engines import InProcessEngine, Job, LocalEngine, make_engine
from schemas.errors import TimeLimitError, WorkerCrashError
from tests.conftest import SEED_IDS, seed_path

pytestmark = pytest.mark.slow  # process pools and killed workers


def _files(out):
    """Every output file; the manifest without its clock times (each run's own)."""
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    manifest = json.loads(files.pop(".vnplan-manifest.json"))
    for entry in [*manifest["records"].values(), *manifest["failures"].values()]:
        entry.pop("seconds", None)
    files[".vnplan-manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def test_engines_pool_writes_the_same_bytes_as_in_process(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for doc_id in SEED_IDS[:2]:
        shutil.copyfile(seed_path("txt", doc_id), src / f"{doc_id}.txt")
        shutil.copyfile(seed_path("docx", doc_id), src / f"{doc_id}.docx")
    one = run_batch([src], tmp_path / "one", options=BatchOptions(jobs=1, progress=False))
    two = run_batch([src], tmp_path / "two", options=BatchOptions(jobs=2, progress=False))
    assert one.done == two.done >= 2 and one.done + one.failed == 4  # TXT always; DOCX as its backend allows
    assert one.errors == two.errors
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_engines_make_engine_choices():
    assert isinstance(make_engine("local", jobs=1, n_docs=10, time_limit=1), InProcessEngine)
    assert isinstance(make_engine("local", jobs=4, n_docs=1, time_limit=1), InProcessEngine)
    assert make_engine("local", jobs=3, n_docs=10, time_limit=1).workers == 3


# Module-level functions so that worker processes can import them.
def sleepy(job: Job) -> str:
    if job.out_stem == "stuck":
        time.sleep(60)  # ignores the soft limit (no SIGALRM here): only the hard deadline stops it
    return job.out_stem


def crashing(job: Job) -> str:
    if job.out_stem == "boom":
        os._exit(3)  # a worker dying (segfault, OOM kill)
    return job.out_stem


def _jobs(*ids):
    return [Job(path=f"{i}.txt", rel=f"{i}.txt", out_stem=i, time_limit=0.2) for i in ids]


def test_engines_stuck_document_is_stopped_and_the_rest_finish():
    engine = LocalEngine(2, time_limit=0.2, grace=0.3)
    results = dict(engine.run(sleepy, _jobs("a", "stuck", "b", "c")))
    assert [results[i] for i in (0, 2, 3)] == ["a", "b", "c"]
    assert isinstance(results[1], TimeLimitError)


def test_engines_dead_worker_fails_only_its_document():
    engine = LocalEngine(2, time_limit=30)
    results = dict(engine.run(crashing, _jobs("a", "boom", "b", "c", "d")))
    assert [results[i] for i in (0, 2, 3, 4)] == ["a", "b", "c", "d"]
    assert isinstance(results[1], WorkerCrashError)


def reporting(job: Job) -> str:
    from pipeline.backends.base import report_progress

    report_progress("OCR page 1/2")
    time.sleep(0.6)  # still in flight when the parent reads the report
    return job.out_stem


def test_engines_tell_which_document_starts_and_what_it_is_doing():
    for engine in (InProcessEngine(), LocalEngine(1)):
        events: list[tuple[int, str]] = []
        results = dict(engine.run(reporting, _jobs("a", "b"), on_event=lambda i, e: events.append((i, e))))
        assert results == {0: "a", 1: "b"}
        for i in (0, 1):
            assert events.index((i, "start")) < events.index((i, "OCR page 1/2")), (engine.name, events)
