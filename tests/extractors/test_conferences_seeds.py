"""Conferences on every real seed plan against the gold: kinds, times, durations, places, no extras."""
from __future__ import annotations

import pytest

from extractors.conferences import extract_conferences
from extractors.context import DocContext
from tests.conftest import SEED_IDS, seed_text
from tests.extractors.seed_gold import _gold, _norm, _year


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_conferences_seed_matches_gold(doc_id: str) -> None:
    g = _gold(doc_id)
    got = extract_conferences(seed_text(doc_id), DocContext(year=_year(doc_id)))
    pairs = [(c.kind, c.time.value if c.time else None) for c in got]
    for want in g["conferences"]:
        assert (want["kind"], want["time"]) in pairs, (want, pairs)
        c = next(c for c in got if c.kind == want["kind"] and c.time and c.time.value == want["time"])
        assert c.duration == want.get("duration")
        if want.get("location"):
            assert _norm(want["location"]) in _norm(c.location or "")
    optional = g.get("optional_conferences", [])
    extras = [p for p in pairs if p not in {(w["kind"], w["time"]) for w in g["conferences"]}
              and not any(o["kind"] == p[0] and o.get("time") in (None, p[1]) for o in optional)]
    assert extras == []
