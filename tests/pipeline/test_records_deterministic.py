"""A record is a function of the file alone: two processes with different string hashes (Python randomises
them per process) must write the same bytes. A word table built from a set once let the hash order pick
between two spellings of one name ("Trưởng Ban" / "Trưởng ban") in a title."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]

# real documents whose headers and bodies name many bodies and positions (where word tables are consulted)
DOCS = sorted((DATA / "dev6" / "txt").glob("*.md")) + sorted((DATA / "seeds" / "docx").glob("*.docx"))[:2]


def _extract(seed: str, out: Path) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", "--out", str(out), "--force",
                    *map(str, DOCS)], check=True, env=env, capture_output=True, cwd=ROOT)
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json")) if not p.name.startswith(".")}


@pytest.mark.slow
def test_records_are_byte_identical_whatever_the_hash_seed(tmp_path):
    assert len(DOCS) >= 10
    first = _extract("1", tmp_path / "a")
    second = _extract("2", tmp_path / "b")
    assert len(first) == len(DOCS)
    assert first == second
