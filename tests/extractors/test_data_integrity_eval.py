"""extractors/data/eval_words.yaml (the abbreviations `vnplan eval` expands in names, one word each, lower case) and
display_labels.yaml (the Vietnamese labels vnplan writes for a reader)."""
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


def test_data_integrity_display_labels() -> None:
    """The agenda's ICS labels: every line label present, NFC, one line each."""
    labels = read_yaml("display_labels.yaml")["agenda_event"]
    assert set(labels) == {"unit", "document", "quote", "character", "page"}
    for label in labels.values():
        assert label == label.strip() == unicodedata.normalize("NFC", label) and "\n" not in label and ":" not in label
