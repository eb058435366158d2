"""extractors/data/period_words.yaml: spelling variants the period reader of tables respells, and its OCR pattern."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import read_yaml


def test_data_integrity_periods_yaml() -> None:
    d = read_yaml("period_words.yaml")
    assert set(d) == {"spelling_variants", "ocr_quarter_word"}
    variants = d["spelling_variants"]
    assert variants
    for variant, standard in variants.items():
        for w in (variant, standard):
            assert w == unicodedata.normalize("NFC", w) and w == w.strip() and w == w.lower(), w
        # respelling keeps offsets: a variant and its standard spelling have the same length
        assert len(variant) == len(standard) and variant != standard, variant
    assert not set(variants) & set(variants.values()), "a standard spelling is no variant"
    word = re.compile(f"(?i)^{d['ocr_quarter_word']}$")
    assert word.match("Quý") and word.match("Quy")
