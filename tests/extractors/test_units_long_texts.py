"""Units named thousands of times: one evidence span per mention, none twice."""
from __future__ import annotations

from extractors.context import DocContext
from extractors.units import extract_units


def test_units_each_mention_of_a_repeated_unit_is_evidence_once() -> None:
    sentence = "Sở Nội vụ chủ trì, phối hợp với các sở, ngành thực hiện kế hoạch. "
    units = extract_units(sentence * 500, DocContext())
    home = next(u for u in units if u.name.startswith("Sở Nội vụ"))
    spans = [(e.start, e.end) for e in home.evidence]
    assert len(spans) == len(set(spans)) == 500
