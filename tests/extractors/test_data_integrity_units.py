"""The language data of names/units/tasks: columns, no duplicates, NFC, allowed values."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import read_csv, read_yaml


def _nfc(s: str) -> bool:
    return unicodedata.normalize("NFC", s) == s


def test_data_integrity_units_abbreviations():
    rows = read_csv("abbreviations.csv")
    assert rows and set(rows[0]) >= {"abbr", "expansion", "kind", "source"}
    abbrs = [r["abbr"] for r in rows]
    assert len(abbrs) == len(set(abbrs))
    assert all(r["kind"] in {"unit", "place"} for r in rows)
    assert all(_nfc(r["abbr"]) and _nfc(r["expansion"]) and r["expansion"].strip() for r in rows)


def test_data_integrity_units_provinces():
    rows = read_csv("provinces.csv")
    assert len(rows) == 63
    assert set(rows[0]) >= {"old_province", "new_province", "aliases"}
    olds = [r["old_province"] for r in rows]
    assert len(olds) == len(set(olds))
    news = {r["new_province"] for r in rows}
    assert len(news) == 34  # the 2025 merger (Resolution 202/2025/QH15)
    assert news <= set(olds)
    assert all(_nfc(r["old_province"]) and _nfc(r["aliases"]) for r in rows)


def test_data_integrity_units_heads_yaml():
    d = read_yaml("unit_heads.yaml")
    for key in ("heads", "standalone", "container_heads", "sectors", "positions", "place_words",
                "lead_before", "not_verbs", "modifier_before", "table_columns", "role_holders"):
        assert d.get(key), key
    for key in ("heads", "sectors", "positions"):
        assert len(d[key]) == len(set(d[key])), key
        assert all(_nfc(x) for x in d[key])
    assert set(d["standalone"]) <= set(d["heads"])
    assert set(d["container_heads"]) <= set(d["heads"])
    assert d["owner_heads"] and set(d["owner_heads"]) <= set(d["heads"])
    # a head prose writes in lower case opens heads that go on with a capital ("lực lượng Kiểm lâm")
    assert all(any(h.startswith(p + " ") and h != h.lower() for h in d["heads"]) for p in d["prose_lower_heads"])
    assert d["sub_bodies"] and set(d["sub_bodies"]) <= set(d["heads"])
    assert set(d["table_columns"]) == {"director", "lead", "support", "description", "time", "number", "note"}
    assert all(h[0].isupper() for h in d["heads"])
    # a body inside an organisation opens with a head; the bare organisation words after it are heads too, none of
    # them an owner the document names in full (those are completed by unit_owners)
    assert d["inner_heads"] and set(d["inner_heads"]) <= set(d["heads"])
    assert d["bare_owners"] and set(d["bare_owners"]) <= set(d["heads"])
    assert len(d["inner_heads"]) == len(set(d["inner_heads"])) and len(d["bare_owners"]) == len(set(d["bare_owners"]))


UNIT_WORD_LISTS = {
    "clause_openers", "member_quantifiers", "members", "member_links", "list_links", "collective_ends",
    "collective_openers", "holder_links", "paren_place_words", "no_role_line_starts", "state_motto",
    "support_mid", "support_mid_adverbs", "support_mid_links", "lead_mid", "lead_mid_links", "ask_mid",
    "director_mid", "not_actions", "subject_director", "subject_lead_links", "not_subject_links", "not_duties",
    "country", "parent_heads", "owner_end_words", "link_verbs", "insertion_openers", "insertion_verbs",
    "phrase_openers", "duty_headings", "execution_formulas", "phrase_closers", "duty_director", "duty_support",
    "content_openers", "collective_nouns", "telegram_not_ordered",
    "inform_before", "inform_after", "report_verbs", "report_compiled", "agency_labels",
    "agency_label_support", "agency_label_not", "body_nouns", "issuing_verbs", "standing_roles", "award_verbs",
}
UNIT_WORD_STRINGS = {"list_letters", "year_word", "province_committee", "recipients_heading", "name_list_heading",
                     "province_word", "place_date_word", "sub_item", "telegram_word", "report_to"}
# lists matched in any case or with either case of the first letter, and name keys: written in lower case
LOWER_CASE = {"member_quantifiers", "members", "member_links", "collective_openers", "holder_links",
              "support_mid", "support_mid_adverbs", "support_mid_links", "lead_mid", "lead_mid_links", "ask_mid",
              "director_mid", "not_actions", "subject_director", "subject_lead_links", "not_subject_links",
              "not_duties", "country", "parent_heads", "owner_end_words", "paren_place_words", "province_word",
              "link_verbs", "insertion_openers", "insertion_verbs", "duty_headings",
              "execution_formulas", "phrase_closers", "duty_director", "duty_support",
              "collective_nouns", "report_verbs", "report_compiled", "report_to", "agency_labels",
              "agency_label_support", "agency_label_not", "body_nouns", "issuing_verbs", "standing_roles", "award_verbs"}
PATTERNS = {"members", "state_motto", "inform_after"}  # entries are regex fragments, not literal words


def test_data_integrity_units_words_yaml():
    d = read_yaml("unit_words.yaml")
    assert set(d) == UNIT_WORD_LISTS | UNIT_WORD_STRINGS
    for key in UNIT_WORD_LISTS:
        words = d[key]
        assert isinstance(words, list) and words, key
        assert len(words) == len(set(words)), key
        for w in words:
            assert isinstance(w, str) and w == w.strip() and _nfc(w), (key, w)
            if key in LOWER_CASE:
                assert w == w.lower(), (key, w)
            if key in PATTERNS:
                re.compile(w)
    for key in UNIT_WORD_STRINGS:
        assert isinstance(d[key], str) and d[key] == d[key].strip() and _nfc(d[key]), key
    re.compile(d["name_list_heading"])
    re.compile(d["sub_item"])
    re.compile(f"[{d['list_letters']}]")
    # a word the clause may open with is written as a sentence writes it
    assert all(w[0].isupper() for w in d["clause_openers"] + d["phrase_openers"] + d["content_openers"] + [d["year_word"], d["recipients_heading"]])
    # a verb that opens with a link word is read before that link ends the subject
    assert all(v.split()[0] in d["not_subject_links"] for v in d["link_verbs"])
    # the committee a bracketed place stands for ends with the place word the brackets use
    assert d["province_committee"].split()[-1] in d["paren_place_words"]
    # a collective ends only at a word that also links the units of a list
    assert set(d["collective_ends"]) <= set(d["list_links"])
    # a telegram's opening word is one lower-case word; what it does not order are Party committees
    assert d["telegram_word"] == d["telegram_word"].lower() and " " not in d["telegram_word"]
    assert all(w.split()[-1] in ("ủy", "uỷ") for w in d["telegram_not_ordered"])


def test_data_integrity_units_patterns_compile_and_read_their_examples():
    from extractors.unit_words import unit_words
    w = unit_words()
    assert w["members"].match("Các thành viên của Ban")
    assert w["members"].match("các ông (bà) trong Hội đồng")
    assert w["collective"].match("các đơn vị có liên quan, Sở Y tế")
    assert w["no_role_line"].match("TM. ỦY BAN NHÂN DÂN")
    assert w["state_motto"].search("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert w["name_list"].search("DANH SACH tập thể")
    assert w["support_mid"].match("phối hợp chặt chẽ với ")
    assert w["lead_mid"].match("Giao cho ")
    assert not w["action_after"].match(" của Sở")
    assert w["action_after"].match(" lập danh sách")
    assert w["sub_item"].match("b) Chỉ đạo") and w["sub_item"].match("- Chỉ đạo") and not w["sub_item"].match("2. Sở")
    assert w["duty_director"].search("Tổ chức tiếp nhận. Chỉ đạo các cấp")
    assert not w["duty_director"].search("Tham mưu chỉ đạo")
    assert w["duty_support"].search("Tổ chức tập huấn. Phối hợp với Sở Y tế") and not w["duty_support"].search("Chủ trì, phối hợp")
