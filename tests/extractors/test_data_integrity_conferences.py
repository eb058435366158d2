"""extractors/data/conference_kinds.yaml: the contract's kinds only, no keyword under two kinds, NFC."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml

KINDS = {"interim_review", "final_review", "experience_exchange", "exemplars", "emulation_congress", "launch", "other"}


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def test_conference_kinds_yaml() -> None:
    cfg = read_yaml("conference_kinds.yaml")
    assert set(cfg["kinds"]) <= KINDS and set(cfg["row_starts"]) <= KINDS
    assert set(cfg["head_kinds"].values()) <= KINDS and set(cfg["lễ_kinds"]) <= KINDS
    seen: dict[str, str] = {}
    for kind, words in cfg["kinds"].items():
        for w in words:
            assert seen.setdefault(w, kind) == kind, w
    for s in _strings(cfg):
        assert s == unicodedata.normalize("NFC", s) and s == s.strip() and s == s.lower(), s
    assert cfg["heads"] and cfg["anchor_verbs"]
    assert set(cfg["heading_starts"]) <= KINDS
    # an `other` head must not also be a kind keyword, or a kind would be read as `other`
    keywords = {w for words in cfg["kinds"].values() for w in words}
    assert cfg["other_heads"] and not set(cfg["other_heads"]) & keywords
    # an opening of minutes must be a phrase: "hồi" alone is also "hội" without its tone mark
    assert all(" " in w for w in cfg["minutes_openings"]) and cfg["minutes_titles"]
