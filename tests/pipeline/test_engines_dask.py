"""--engine dask: a LocalCluster of 2 worker processes writes the same bytes as the local engine."""
from __future__ import annotations

import shutil

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.engines import DaskEngine
from schemas.errors import EngineError
from tests.conftest import SEED_IDS, seed_path
from tests.pipeline.test_engines_local import _files

pytestmark = pytest.mark.slow  # starts a Dask cluster

pytest.importorskip("distributed")


def test_engines_dask_local_cluster_matches_local_engine(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for doc_id in SEED_IDS:
        shutil.copyfile(seed_path("txt", doc_id), src / f"{doc_id}.txt")
        shutil.copyfile(seed_path("docx", doc_id), src / f"{doc_id}.docx")
    local = run_batch([src], tmp_path / "local", options=BatchOptions(jobs=1, progress=False))
    dask = run_batch([src], tmp_path / "dask", options=BatchOptions(jobs=2, engine="dask", progress=False))
    assert dask.done == local.done >= len(SEED_IDS)
    assert dask.errors == local.errors
    files = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "dask").iterdir())
    assert _files(tmp_path / "dask") == _files(tmp_path / "local")  # the manifest's clock times aside


def test_engines_dask_unreachable_scheduler_is_a_clean_error(tmp_path):
    engine = DaskEngine(1, scheduler="tcp://127.0.0.1:9", connect_timeout=1)  # the discard port: nothing listens
    with pytest.raises(EngineError, match="cannot reach the scheduler"):
        list(engine.run(print, []))
