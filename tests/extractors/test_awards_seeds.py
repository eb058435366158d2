"""Awards on every real seed plan against the gold: names, levels, no extras."""
from __future__ import annotations

import pytest

from extractors.awards import extract_awards
from extractors.context import DocContext
from tests.conftest import SEED_IDS, seed_text
from tests.extractors.seed_gold import _gold, _same, _year


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_awards_seed_matches_gold(doc_id: str) -> None:
    g = _gold(doc_id)
    got = extract_awards(seed_text(doc_id), DocContext(year=_year(doc_id)))
    for want in g["awards"]:
        hit = [a for a in got if any(_same(a.name, n) for n in [want["name"], *want.get("aliases", [])])]
        assert hit, want["name"]
        assert hit[0].level == want["level"]
    allowed = [n for w in g["awards"] + g.get("optional_awards", []) for n in [w["name"], *w.get("aliases", [])]]
    assert [a.name for a in got if not any(_same(a.name, n) for n in allowed)] == []
