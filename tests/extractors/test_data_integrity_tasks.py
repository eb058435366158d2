"""extractors/data/task_words.yaml: every list present, non-empty, lower case NFC, no word twice."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml

KEYS = {"assign_verbs", "lead_cues", "support_cues", "timing_words", "label_starts", "no_deadline", "list_links",
        "unit_heading_tails", "article_words", "recipients_words", "quantity_openers"}


def test_task_words_yaml() -> None:
    d = read_yaml("task_words.yaml")
    assert set(d) == KEYS
    for key, words in d.items():
        assert isinstance(words, list) and words, key
        assert len(words) == len(set(words)), key
        for w in words:
            assert w == unicodedata.normalize("NFC", w) and w == w.strip() and w == w.lower(), w
    # a lead cue that is also a support cue would make one unit both
    assert not set(d["lead_cues"]) & set(d["support_cues"])


def test_task_table_columns_have_no_word_under_two_kinds() -> None:
    cols = read_yaml("unit_heads.yaml")["table_columns"]
    seen: dict[str, str] = {}
    for kind, words in cols.items():
        for w in words:
            assert seen.setdefault(w, kind) == kind, w
