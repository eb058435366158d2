"""The header and citation lexicons: columns present, allowed values, no duplicates, NFC text."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import read_csv, read_yaml


def _nfc(s: str) -> bool:
    return unicodedata.normalize("NFC", s) == s


def test_data_integrity_header_doc_types():
    rows = read_csv("doc_types.csv")
    assert rows and set(rows[0]) == {"abbr", "name", "regime", "header", "source"}
    seen = set()
    for r in rows:
        assert r["name"] and r["source"], r
        assert r["regime"] in {"admin", "qppl", "party", "other", "historical"}, r
        assert r["header"] in {"yes", "no"}, r
        assert all(_nfc(v) for v in r.values()), r
        assert r["name"][0].isupper() and r["name"] == r["name"].strip(), r
        key = (r["abbr"], r["name"], r["regime"])
        assert key not in seen, key
        seen.add(key)
    names = {r["name"] for r in rows}
    # the types the header and citations must know (Decree 30/2020 Điều 7, QPPL, Party)
    assert {"Kế hoạch", "Quyết định", "Hướng dẫn", "Luật", "Nghị định", "Thông tư", "Kết luận", "Công văn",
            "Văn bản", "Phát động"} <= names
    current = [r["abbr"] for r in rows if r["regime"] == "admin" and r["abbr"]]
    assert len(current) == len(set(current))


def test_data_integrity_header_words():
    d = read_yaml("header_words.yaml")
    for key in ("authorities", "positions", "issuer_heads", "body_heads", "self_verbs", "place_designators",
                "title_stops", "recipient_purposes", "surnames", "signature_marks", "name_honorifics"):
        assert d.get(key), key
    assert set(d["authorities"]) == {"TM.", "KT.", "TL.", "TUQ.", "Q."}
    assert set(d["place_designators"].values()) <= {"tỉnh", "huyện", "xã"}
    for key in ("positions", "issuer_heads", "body_heads", "title_stops", "surnames", "signature_marks",
                "name_honorifics", "office_issuers"):
        items = d[key]
        assert len(items) == len(set(items)), key
        assert all(isinstance(x, str) and x == x.strip() and _nfc(x) for x in items), key
    assert all(h == h.upper() for h in d["issuer_heads"])
    assert all(p[0].isupper() for p in d["positions"])
    assert all(s[0].isupper() and len(s.split()) <= 2 for s in d["surnames"])


def test_data_integrity_header_word_lists_moved_from_code():
    d = read_yaml("header_words.yaml")
    lists = ("bare_designators", "people_committee", "people_council", "collective_authorities", "national_tails",
             "national_tail_abbreviations", "open_tails", "title_open_tails", "name_connectors", "emulation_clusters",
             "collective_words", "campaign_words", "title_verb_stops", "body_sentence_cues", "standing_words",
             "name_stops", "two_level_designators", "archive_title_types")
    for key in lists:
        items = d[key]
        assert items and len(items) == len(set(items)), key
        assert all(isinstance(x, str) and x == x.strip() and _nfc(x) for x in items), key
    for key in ("collective_authorities", "national_tails", "open_tails", "title_open_tails", "archive_title_types"):
        assert all(x == x.upper() for x in d[key]), key  # matched against upper-case header lines
    for key in ("bare_designators", "two_level_designators", "name_connectors", "name_stops", "collective_words",
                "emulation_clusters"):
        assert all(x == x.lower() for x in d[key]), key
    assert set(d["bare_designators"]) | set(d["two_level_designators"]) <= set(d["place_designators"])
    assert set(d["levels"]) == {"province", "district", "commune"}
    assert set(d["levels"].values()) == set(d["place_designators"].values())
    assert all(d["place_designators"][lv] == lv for lv in d["levels"].values())  # "tỉnh" is a designator of its level
    assert len(d["standing_words"]) == 2
    heads = d["signature_heads"]
    assert heads["positions"] and heads["bodies"] and all(x == x.upper() for x in heads["positions"] + heads["bodies"])
    bodies = d["authority_line_bodies"]
    assert all(" " not in w for w in bodies["words"]) and all(" " in w for w in bodies["prefixes"])
    words = d["reference_words"]
    assert set(words) == {"attached", "number", "day", "month", "year", "of", "about", "about_short"}
    assert len(words["about"].split()) == 2 and words["about"].startswith(words["about_short"])
    for key in ("level_word", "department", "and_word", "school_word", "cluster_head", "letter_type", "salutation",
                "purpose_word", "file_copy", "people_committee_abbreviation"):
        assert isinstance(d[key], str) and d[key] == d[key].strip() and _nfc(d[key]), key
        assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", d[key]), key  # plain words, no regex


def test_data_integrity_header_adoption_words():
    a = read_yaml("header_words.yaml")["adoption"]
    assert set(a) == {"self", "passive", "verbs", "body_max"}
    for word in [a["self"]] + a["passive"] + a["verbs"]:
        assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", word) and word == word.lower() and _nfc(word), word
    assert a["passive"] == sorted(a["passive"], key=len, reverse=True)  # "đã được" tried before "được"
    assert isinstance(a["body_max"], int) and 50 <= a["body_max"] <= 400


def test_data_integrity_header_patterns_compile():
    p = read_yaml("header_patterns.yaml")
    fragments = p["motto"] + p["body_openers"] + [p[k] for k in (
        "number_label", "number_label_lower", "number_label_ocr", "recipients_label", "recipients_label_ocr")]
    fragments += list(p["date_words_ocr"].values())
    assert set(p["date_words_ocr"]) == {"day", "month", "year"}
    for f in fragments:
        assert isinstance(f, str) and f and _nfc(f), f
        re.compile(f, re.MULTILINE)
    for cls in ("code_letters", "title_case_lower"):
        re.compile("[" + p[cls] + "]")
    assert re.fullmatch("[" + p["code_letters"] + "]+", "QĐ") and not re.match("[" + p["code_letters"] + "]", "q")
    assert all(len(k) == 1 and len(v) == 1 for k, v in {**p["code_ocr_chars"], **p["code_lost_stroke"]}.items())
    # a confusion inside a code: one glyph for one letter, or a speck for nothing
    assert all(len(k) == 1 and len(v) <= 1 and k != v for k, v in p["code_ocr_confusions"].items())
    # a letter for a digit: one letter, one digit
    assert all(len(k) == 1 and k.isalpha() and v.isdigit() and len(v) == 1 for k, v in p["code_ocr_digits"].items())
    # the year-carrying types and the term-carrying parts are code parts the corrector knows
    from extractors.ocr_correction import code_parts
    assert set(p["code_year_types"]) <= code_parts() and all(x.isupper() for x in p["code_term_parts"])
    # the subject mark's OCR glyphs: one-character classes, none of them a letter of the mark itself
    mark = p["subject_mark_ocr"]
    assert set(mark) == {"stroke", "slanted", "letter", "joined", "specks"} and p["subject_mark"] == "V/v"
    assert set(mark["slanted"]) <= set(mark["stroke"]) and not set("Vv") & set("".join(mark.values()))
    assert all(_nfc(k) and _nfc(v) and len(k) == len(v) == 2 for k, v in p["syllable_tones"].items())
    assert len(p["vowels"]) == len(set(p["vowels"])) and p["vowels"] == p["vowels"].lower() and _nfc(p["vowels"])
    # the motto as the page prints it, and as OCR misreads it
    motto = re.compile("|".join(p["motto"]), re.MULTILINE)
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CONG HOA XA HOI CHU NGHIA", "Độc lập - Tự do - Hạnh phúc"):
        assert motto.search(line), line
    assert re.fullmatch(p["recipients_label"], "Noi nhân", re.I)
