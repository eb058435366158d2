"""extractors/data/eval_words.yaml: the abbreviations `vnplan eval` expands in names, one word each, lower case."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml


def test_data_integrity_eval_name_abbreviations() -> None:
    abbr = read_yaml("eval_words.yaml")["name_abbreviations"]
    assert abbr
    for short, full in abbr.items():
        assert short == short.lower() and " " not in short, short  # a word of a name, after splitting on spaces
        assert full == full.strip().lower() == unicodedata.normalize("NFC", full), full
        assert short != full
