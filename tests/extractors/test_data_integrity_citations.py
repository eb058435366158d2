"""extractors/data/citation_words.yaml: the lists the citations extractor reads, lower case, NFC, no duplicates;
the regex fragments compile; the OCR letter maps hold each letter among its own readings."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import read_yaml

LISTS = {"not_cited_after", "not_law_titles", "clause_after_comma", "links_before_break", "describes",
         "list_joiners", "title_end_words", "date_lead_verbs", "annexed_by", "law_title_stops",
         "law_types", "not_law_after", "low_law_not", "charter_types",
         "charter_ends", "law_prose_stops"}
# lists in the text's own casing, some entries regex fragments ("[Qq]uy định")
CASED_LISTS = {"basis_doc_types", "issuer_ends", "basis_follow", "local_bodies", "local_levels",
                "describing_before"}
WORDS = {"number_word", "constitution", "day_word", "month_word", "year_word", "of_word", "and_word", "about_word",
         "about_matter_word", "joint_word", "attached_word", "issued_word", "basis_joiner"}
OCR_MAPS = {"number_ocr_letters", "own_number_ocr_letters"}


def _nfc(s: str) -> bool:
    return s == s.strip() and s == unicodedata.normalize("NFC", s)


def test_citation_words_yaml() -> None:
    cfg = read_yaml("citation_words.yaml")
    assert set(cfg) == LISTS | CASED_LISTS | WORDS | OCR_MAPS | {"amending", "party_types", "code_lookalikes"}
    # each look-alike is a Cyrillic capital read as the one Latin capital it looks like
    for cyr, lat in cfg["code_lookalikes"].items():
        assert len(cyr) == 1 and "CYRILLIC CAPITAL" in unicodedata.name(cyr) and lat.isascii() and lat.isupper()
    for key in LISTS | CASED_LISTS:
        words = cfg[key]
        assert words and len(words) == len(set(words)), key
        for w in words:
            assert isinstance(w, str) and _nfc(w), (key, w)
            assert key in CASED_LISTS or w == w.lower(), (key, w)
            re.compile(w)
    for key in WORDS:
        assert cfg[key] == cfg[key].strip().lower() == unicodedata.normalize("NFC", cfg[key]), key
        assert re.escape(cfg[key]).replace("\\ ", " ") == cfg[key], key  # a plain word, no regex
    # a type word in these lists would drop real citations
    assert not {"luật", "nghị định", "quyết định", "thông tư"} & set(cfg["not_cited_after"])


def test_citation_words_ocr_letters_keep_the_letter() -> None:
    cfg = read_yaml("citation_words.yaml")
    amending = cfg["amending"]
    assert [w.lower() for w in amending["words"]] == amending["words"]
    maps = [(" ".join(amending["words"]), amending["ocr_letters"])] + [(cfg["number_word"], cfg[k]) for k in OCR_MAPS]
    for word, letters in maps:
        for letter, readings in letters.items():
            assert letter in word and letter in readings and _nfc(readings), (word, letter)
    assert all(k.isupper() and v == v.lower() for k, v in cfg["party_types"].items())
    # the amending words open the "sửa đổi bổ sung" description
    assert any(d.startswith(" ".join(amending["words"]) + " ") for d in cfg["describes"])


def test_law_titles_csv() -> None:
    """extractors/data/law_titles.csv: one row per title, NFC, "Luật"/"Bộ luật"/"Pháp lệnh" then a capitalised name, a year and
    a source tag (documented in law_titles.SOURCES.md)."""
    from extractors.lexicon import read_csv
    rows = read_csv("law_titles.csv")
    titles = [r["title"] for r in rows]
    assert len(rows) > 100 and len(titles) == len(set(titles))
    for r in rows:
        t = r["title"]
        assert _nfc(t) and " ".join(t.split()) == t, t
        head = next((h for h in ("Bộ luật ", "Pháp lệnh ") if t.startswith(h)), "Luật ")
        assert t.startswith(head) and t[len(head)].isupper(), t
        assert re.fullmatch(r"(?:19|20)\d\d", r["year"]), t
        assert r["source"] == "UNVERIFIED" or re.fullmatch(r"vbpl:\S+|wild:[0-9a-f]{16}( \(\d+/\d{4}/QH\d+\))?",
                                                            r["source"]), t
    assert any("," in t for t in titles)  # the titles the rule would cut at a comma are why the list exists
