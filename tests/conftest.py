"""Shared test fixtures: the real seed plans and real scans copied into tests/data."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a small profile by default (CI), `--hypothesis-profile=deep` for 10,000 examples per test.
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("ci")

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
GOLD = DATA / "gold"
REAL_DEV = DATA / "real-dev"
SEED_IDS = sorted(p.stem for p in (SEEDS / "txt").glob("*.txt"))
FORMATS = ("txt", "docx", "doc", "pdf", "scan")
SUFFIX = {"txt": ".txt", "docx": ".docx", "doc": ".doc", "pdf": ".pdf", "scan": ".pdf"}


def seed_path(fmt: str, doc_id: str) -> Path:
    return SEEDS / fmt / f"{doc_id}{SUFFIX[fmt]}"


def seed_text(doc_id: str) -> str:
    return seed_path("txt", doc_id).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_ids() -> list[str]:
    return SEED_IDS
