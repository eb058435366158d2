"""The layout lexicons read by the backends: signature-stamp labels and item heads (keys, NFC, no duplicates)."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml


def test_data_integrity_signature_stamp_words():
    d = read_yaml("signature_stamp.yaml")
    assert set(d) == {"anchors", "labels", "system_lines"}
    words = [w for key in d for w in d[key]]
    assert {"Ký bởi", "Thời gian ký"} <= set(d["anchors"])
    assert len(words) == len(set(words))
    assert all(isinstance(w, str) and w == w.strip() and not w.endswith(":") for w in words)
    assert all(unicodedata.normalize("NFC", w) == w and w[0].isupper() for w in words)


def test_data_integrity_layout_words():
    d = read_yaml("layout_words.yaml")
    heads = d["item_heads"]
    assert {"Điều", "Chương"} <= set(heads) and len(heads) == len(set(heads))
    assert all(unicodedata.normalize("NFC", w) == w and w[0].isupper() and " " not in w for w in heads)
