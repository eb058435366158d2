"""Header fields and context on every real seed and real-dev text, against the gold (with its alternates)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from extractors.header import build_context, extract_header
from pipeline.backends.text import TextBackend

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = [(DATA / "seeds" / "txt" / f"{p.stem}.txt", p) for p in sorted((DATA / "gold").glob("*.json"))]
CASES += [(DATA / "real-dev" / "txt" / f"{p.stem}.txt", p) for p in sorted((DATA / "real-dev" / "gold").glob("*.json"))]


def _norm(s) -> str:
    s = unicodedata.normalize("NFC", str(s or "")).lower()
    for old, new in (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("uỷ", "ủy"), ("uý", "úy")):
        s = s.replace(old, new)
    s = s.replace("ubnd", "ủy ban nhân dân")
    return " ".join(re.sub(r"[-–,.;:/()\"“”]", " ", s).split())


@pytest.mark.parametrize("txt, gold", CASES, ids=[g.stem[:12] for _, g in CASES])
def test_header_seed_against_gold(txt, gold):
    g = json.loads(gold.read_text(encoding="utf-8"))
    text = TextBackend.from_string(txt.read_text(encoding="utf-8")).text
    h = extract_header(text)
    alts = g.get("document_alternates", {})
    got = {"type": h.type, "number": h.number, "code": h.code, "issuer": h.issuer, "place": h.place,
           "issued": h.issued.value if h.issued else None, "title": h.title, "signer": h.signer and h.signer.name}
    for key, want in g["document"].items():
        accepted = {_norm(want)} | {_norm(a) for a in alts.get(key, [])}
        if key in ("code", "number"):
            accepted = {a.replace(" ", "") for a in accepted}
            assert _norm(got[key]).replace(" ", "") in accepted, key
        else:
            assert _norm(got[key]) in accepted, key
    # every field we set carries evidence that reproduces the text
    for key, evs in h.evidence.items():
        assert evs, key
        for ev in evs:
            assert text[ev.start:ev.end] == ev.text
    ctx = build_context(text, h)
    assert ctx.year == int(str(g["document"]["issued"])[:4])
