"""extractors/data/layout_cues.yaml: the layout markers the backends split two-column tables by."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml


def test_data_integrity_layout_cues() -> None:
    d = read_yaml("layout_cues.yaml")
    assert set(d) == {"motto", "day_word", "month_word", "recipients_label", "unmarked_letters", "signing_titles"}
    words = [*d["motto"], d["day_word"], d["month_word"], d["recipients_label"]]
    for w in words:
        assert w == w.strip().lower() == unicodedata.normalize("NFC", w) and "  " not in w, w
    for title in d["signing_titles"]:
        assert title == title.upper() == unicodedata.normalize("NFC", title), title
    assert len(d["signing_titles"]) == len(set(d["signing_titles"]))
    # each marked letter accepts itself and one plain ASCII letter, and occurs in a word it serves
    text = " ".join(words)
    for letter, readings in d["unmarked_letters"].items():
        assert readings[0] == letter and len(readings) == 2 and readings[1].isascii(), letter
        assert letter in text, letter


def test_layout_cues_accept_text_typed_without_marks() -> None:
    from pipeline.backends.base import MOTTO, PLACE_DATE, RECIPIENTS, SIGNATURE
    assert MOTTO.search("CONG HOA XA HOI CHU NGHIA VIET NAM") and MOTTO.search("Độc lập - Tự do - Hạnh phúc")
    assert PLACE_DATE.search("Hưng Yên, ngay 12 thang 3 nam 2024") and RECIPIENTS.match("Noi nhan:")
    assert SIGNATURE.match("GIÁM ĐỐC") and not SIGNATURE.match("trưởng ban")
