"""notebooks/analyst.ipynb runs headless (nbclient) and draws its three plots, so it can't rot."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.extract import extract_file

pytestmark = pytest.mark.slow  # runs the notebook in a Jupyter kernel subprocess

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "analyst.ipynb"
SEEDS = ROOT / "tests" / "data" / "seeds" / "txt"


def test_notebook_analyst_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code")


def test_notebook_analyst_runs_and_draws_three_plots(tmp_path, monkeypatch):
    records = tmp_path / "records"
    records.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        (records / f"{path.stem}.json").write_text(extract_file(path).model_dump_json(), encoding="utf-8")
    (records / "broken.json").write_text("{}", encoding="utf-8")  # reported and skipped, not fatal
    # another rendition of the first plan (its PDF): counted once
    first = extract_file(sorted(SEEDS.glob("*.txt"))[0])
    first.doc_id, first.source.name, first.source.format = first.doc_id + ".pdf", first.source.name[:-4] + ".pdf", "pdf"
    (records / f"{first.doc_id}.json").write_text(first.model_dump_json(), encoding="utf-8")
    monkeypatch.setenv("VNPLAN_RECORDS", str(records))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # figures as PNG outputs
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
                   ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 3
    text = "".join(o.get("text", "") for o in outputs)
    assert "3 records (1 other renditions left out)" in text and "skipped broken.json" in text
