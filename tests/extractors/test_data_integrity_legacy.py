"""extractors/data/legacy_words.yaml: the syllable parts legacy-encoding detection counts with, and the Latin-1
letters of Unicode Vietnamese."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import read_yaml


def test_data_integrity_legacy_syllable_parts() -> None:
    d = read_yaml("legacy_words.yaml")
    assert set(d) == {"onsets", "nuclei", "codas", "latin1_letters"}
    for part in ("onsets", "nuclei", "codas"):
        words = d[part]
        assert words and len(words) == len(set(words)), part
        assert all(w == w.lower() == unicodedata.normalize("NFC", w) and w.isalpha() for w in words), part
    assert all(re.fullmatch(r"[bcdđghklmnpqrstvx]+|gi|qu", w) for w in d["onsets"] + d["codas"])
    assert all(re.fullmatch(r"[aăâeêioôơuưy]+", w) for w in d["nuclei"])
    # an alternation tries the longer onset first ("ngh" before "ng" before "n")
    assert d["onsets"].index("ngh") < d["onsets"].index("ng") < d["onsets"].index("n")


def test_data_integrity_legacy_latin1_letters() -> None:
    letters = read_yaml("legacy_words.yaml")["latin1_letters"]
    assert len(letters) == len(set(letters))
    assert all(0xC0 <= ord(c) <= 0xFF and c.isalpha() for c in letters)
    assert letters == unicodedata.normalize("NFC", letters)
