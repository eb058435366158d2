"""extractors/data/text_words.yaml: the words the shared text layer builds its patterns from."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import DATA, read_yaml


def test_data_integrity_text_is_nfc_and_has_every_section() -> None:
    raw = (DATA / "text_words.yaml").read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    d = read_yaml("text_words.yaml")
    assert set(d) == {"place_designators", "sentence_end", "legal_basis", "roman_numerals", "syllable",
                      "old_tone_placement", "fold_spellings", "date_number_words", "article_word", "paragraph_openers",
                      "never_last_words"}


def test_data_integrity_text_place_designators() -> None:
    words = read_yaml("text_words.yaml")["place_designators"]
    assert len(words) == len(set(words))
    assert {"tỉnh", "thành phố", "huyện", "xã", "phường", "thị trấn"} <= set(words)
    assert all(w == w.lower().strip() and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", w) for w in words)


def test_data_integrity_text_legal_basis_and_punctuation() -> None:
    d = read_yaml("text_words.yaml")
    basis = d["legal_basis"]
    assert " ".join(basis["words"]) == "Căn cứ"
    for letter, readings in basis["ocr_letters"].items():
        assert letter in readings  # the right letter is always accepted
        assert letter in "".join(basis["words"]).lower()
    assert d["sentence_end"] and not any(c.isalnum() or c.isspace() for c in d["sentence_end"])


def test_data_integrity_text_roman_numerals_count_up_from_one() -> None:
    roman = read_yaml("text_words.yaml")["roman_numerals"]
    assert sorted(roman.values()) == list(range(1, len(roman) + 1))
    assert all(re.fullmatch(r"[IVXLC]+", k) for k in roman)


def test_data_integrity_text_syllable_parts_are_lower_case_consonants() -> None:
    syl = read_yaml("text_words.yaml")["syllable"]
    for part in ("onsets", "codas"):
        assert syl[part] and len(syl[part]) == len(set(syl[part]))
        assert all(re.fullmatch(r"[bcdđghklmnpqrstvx]+|gi|qu", x) for x in syl[part])
    # longest first, so that "ngh" is tried before "ng" and "nh" before "n"
    assert syl["onsets"].index("ngh") < syl["onsets"].index("ng") < syl["onsets"].index("n")
    assert syl["codas"].index("ng") < syl["codas"].index("n")


def test_data_integrity_text_tone_placement_moves_only_the_mark() -> None:
    """Each old placement and its new one are the same two letters, lower case, with the one tone mark moved;
    a fold spelling keeps the length (fold keeps offsets)."""
    d = read_yaml("text_words.yaml")
    for old, new in d["old_tone_placement"].items():
        assert len(old) == len(new) == 2 and old == old.lower() and old != new, old
        bare = lambda s: "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
        assert bare(old) == bare(new) and old[0] in "ou" and new[1] in "aey", old
    assert len(set(d["old_tone_placement"].values())) == len(d["old_tone_placement"])
    for variant, spelling in d["fold_spellings"].items():
        assert len(variant) == len(spelling) and variant == variant.lower() != spelling, variant


def test_data_integrity_text_line_joining_words() -> None:
    """Plain words (no regex), NFC; the date words lower case, the openers capitalised as they open a line."""
    d = read_yaml("text_words.yaml")
    words = [*d["date_number_words"], d["article_word"], *d["paragraph_openers"]]
    for w in words:
        assert w == w.strip() == unicodedata.normalize("NFC", w) and re.escape(w).replace("\\ ", " ") == w, w
    assert all(w == w.lower() for w in d["date_number_words"])
    assert all(w[0].isupper() for w in [d["article_word"], *d["paragraph_openers"]])
    assert len(d["paragraph_openers"]) == len(set(d["paragraph_openers"]))


def test_data_integrity_text_never_last_words() -> None:
    words = read_yaml("text_words.yaml")["never_last_words"]
    assert len(words) == len(set(words)) and "và" in words
    assert all(re.fullmatch(r"[^\W\d_]+", w) and w == w.lower() for w in words)
