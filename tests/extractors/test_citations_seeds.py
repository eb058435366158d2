"""Citations on every real seed and real-dev text, against the gold: every gold citation found with its date and
basis flag, no extra citation beyond the optional ones."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors.citations import extract_citations
from extractors.header import build_context, extract_header
from pipeline.backends.text import TextBackend

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = [(DATA / "seeds" / "txt" / f"{p.stem}.txt", p) for p in sorted((DATA / "gold").glob("*.json"))]
CASES += [(DATA / "real-dev" / "txt" / f"{p.stem}.txt", p) for p in sorted((DATA / "real-dev" / "gold").glob("*.json"))]


def _key(s) -> str:
    return " ".join(re.sub(r"[-,.;:/]", " ", str(s or "").lower()).split())


@pytest.mark.parametrize("txt, gold", CASES, ids=[g.stem[:12] for _, g in CASES])
def test_citations_seed_against_gold(txt, gold):
    g = json.loads(gold.read_text(encoding="utf-8"))
    text = TextBackend.from_string(txt.read_text(encoding="utf-8")).text
    cits = extract_citations(text, build_context(text, extract_header(text)))
    left = list(cits)
    for gc in g["citations"]:
        hit = None
        for c in left:
            if gc.get("number") and (c.number or "").replace(" ", "").upper() == gc["number"].replace(" ", "").upper():
                hit = c
            elif not gc.get("number") and _key(gc["title"]) in _key(c.title):
                hit = c
            if hit:
                break
        assert hit is not None, gc
        left.remove(hit)
        assert hit.basis == gc["basis"], gc
        dates = {gc.get("date")} | set(gc.get("date_alternates", []))
        assert (hit.date.value if hit.date else None) in dates, gc
    optional = [_key(o.get("title") or o.get("number")) for o in g.get("optional_citations", [])]
    extra = [c for c in left if not any(o in _key(c.title or c.number) for o in optional)]
    assert extra == []
    for c in cits:
        for ev in c.evidence:
            assert text[ev.start:ev.end] == ev.text
