"""Movements on every real seed plan against the gold: names, no extras."""
from __future__ import annotations

import pytest

from extractors.movements import extract_movements
from extractors.context import DocContext
from tests.conftest import SEED_IDS, seed_text
from tests.extractors.seed_gold import _gold, _same, _year


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_movements_seed_matches_gold(doc_id: str) -> None:
    g = _gold(doc_id)
    got = [m.name for m in extract_movements(seed_text(doc_id), DocContext(year=_year(doc_id)))]
    gold = [m if isinstance(m, dict) else {"name": m} for m in g["movements"]]
    for want in gold:
        assert any(_same(n, a) for n in got for a in [want["name"], *want.get("aliases", [])]), want["name"]
    allowed = [a for w in gold for a in [w["name"], *w.get("aliases", [])]] + g.get("optional_movements", [])
    assert [n for n in got if not any(_same(n, a) for a in allowed)] == []
