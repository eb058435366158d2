"""dates: each real seed and real-dev text against its gold (values, deadlines, events), as the scorer counts."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors.dates import extract_dates
from tests.conftest import GOLD, REAL_DEV, SEED_IDS, seed_text

REAL_DEV_IDS = sorted(p.stem for p in (REAL_DEV / "gold").glob("*.json"))


def _norm(v: str) -> str:
    return re.sub(r"\s+", "", str(v)).upper().replace("T00:00:00", "")


def _endpoints(v: str) -> set[str]:
    return set(v.split("/")) if "/" in v and not v.startswith("P") else set()


def _check(gold: dict, text: str) -> None:
    dates = extract_dates(text)
    values = {_norm(d.value) for d in dates}
    expanded = values | {e for v in values for e in _endpoints(v)}
    want = {_norm(v) for v in gold["dates"]}
    allowed = want | {_norm(v) for v in gold.get("optional_dates", [])}
    missed = want - expanded
    extra = {v for v in values if v not in allowed and not _endpoints(v) & allowed}
    assert not missed, f"missed {sorted(missed)}"
    assert not extra, f"extra {sorted(extra)}"
    for role, key in (("deadline", "deadlines"), ("event", "events")):
        want_r = {_norm(v) for v in gold.get(key, [])}
        maybe = {_norm(v) for v in gold.get(f"optional_{key}", [])}
        got = {_norm(d.value) for d in dates if d.role == role}
        assert want_r <= got, f"{role}: missed {sorted(want_r - got)}"
        assert not got - want_r - maybe, f"{role}: extra {sorted(got - want_r - maybe)}"
    for d in dates:
        ev = d.evidence[0]
        assert text[ev.start:ev.end] == ev.text == d.text


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_dates_seed_matches_gold(doc_id: str) -> None:
    _check(json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8")), seed_text(doc_id))


@pytest.mark.parametrize("doc_id", REAL_DEV_IDS)
def test_dates_real_dev_matches_gold(doc_id: str) -> None:
    gold = json.loads((REAL_DEV / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))
    _check(gold, Path(REAL_DEV / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8"))
