"""extractors/data/movement_triggers.yaml: kinds, unique national names, NFC."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml
from extractors.text import fold

KINDS = {"phong trào", "cuộc vận động", "đợt thi đua"}


def test_movement_triggers_yaml() -> None:
    cfg = read_yaml("movement_triggers.yaml")
    assert set(cfg["triggers"].values()) <= KINDS
    assert isinstance(cfg["max_gap_words"], int) and 2 <= cfg["max_gap_words"] <= 20
    names = [fold(e["name"]) for e in cfg["national"]]
    assert len(names) == len(set(names))
    for e in cfg["national"]:
        assert e["kind"] in KINDS
        assert e["name"] == unicodedata.normalize("NFC", e["name"]) and e["name"] == e["name"].strip()
        assert len(e["name"].split()) >= 3  # a short phrase would fire inside ordinary prose
    for w in [*cfg["triggers"], *cfg["not_movement_before"]]:
        assert w == unicodedata.normalize("NFC", w) and w == w.lower()
