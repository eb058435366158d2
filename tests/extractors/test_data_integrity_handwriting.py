"""The handwritten-slot labels read by the OCR backend (NFC, three date labels in order, sane limits)."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml


def test_data_integrity_handwritten_slot_labels():
    d = read_yaml("handwritten_slots.yaml")
    assert set(d) == {"number_label", "date_labels", "limits"}
    labels = [d["number_label"], *d["date_labels"]]
    assert d["date_labels"] == ["ngày", "tháng", "năm"]
    assert all(unicodedata.normalize("NFC", w) == w and w == w.strip() and " " not in w for w in labels)
    assert d["limits"] == {"number": 999999, "day": 31, "month": 12}
