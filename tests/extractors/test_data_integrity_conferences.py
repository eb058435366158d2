"""extractors/data/conference_kinds.yaml and conference_words.yaml: the contract's kinds only, no keyword
under two kinds, NFC, lower case where matched on folded text, every pattern built from them compiles."""
from __future__ import annotations

import re
import unicodedata

import pytest

from extractors.conferences.lexicon import conference_words
from extractors.lexicon import read_yaml

KINDS = {"interim_review", "final_review", "experience_exchange", "exemplars", "emulation_congress", "launch", "other"}
ROLES = {"lead", "support", "director"}
SLOTS = {"participants", "agenda", "assignments"}
# values that are regular-expression class ranges, with upper-case letters by design
CLASS_RANGES = ("item_letters", "place_name_initials", "number_symbol_letters")


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def test_conference_kinds_yaml() -> None:
    cfg = read_yaml("conference_kinds.yaml")
    assert set(cfg["kinds"]) <= KINDS and set(cfg["row_starts"]) <= KINDS
    assert set(cfg["head_kinds"].values()) <= KINDS and set(cfg["ceremony_kinds"]) <= KINDS
    assert set(cfg["ceremony_keywords"]) <= KINDS
    seen: dict[str, str] = {}
    for kind, words in cfg["kinds"].items():
        for w in words:
            assert seen.setdefault(w, kind) == kind, w
    for s in _strings(cfg):
        assert s == unicodedata.normalize("NFC", s) and s == s.strip() and s == s.lower(), s
    assert cfg["heads"] and cfg["anchor_verbs"]
    assert set(cfg["heading_starts"]) <= KINDS
    assert cfg["review_acts"] and {k for ks in cfg["review_acts"].values() for k in ks} <= KINDS - {"other"}
    assert cfg["review_act_links"] and cfg["notice_words"] and cfg["notice_preposition"] and cfg["notice_plurals"]
    # an `other` head must not also be a kind keyword, or a kind would be read as `other`
    keywords = {w for words in cfg["kinds"].values() for w in words}
    assert cfg["other_heads"] and not set(cfg["other_heads"]) & keywords
    # a title head names a meeting of no kind by itself: it is neither a kind keyword nor a plain head; the words
    # of a back reference name no meeting ("được tổ chức"), so none is a head or a kind keyword
    assert cfg["title_heads"] and not set(cfg["title_heads"]) & (keywords | set(cfg["heads"]) | set(cfg["other_heads"]))
    assert cfg["back_reference_words"] and not set(cfg["back_reference_words"]) & (keywords | set(cfg["heads"]))
    assert len(set(cfg["title_heads"])) == len(cfg["title_heads"])
    # an opening of minutes must be a phrase: "hồi" alone is also "hội" without its tone mark
    assert all(" " in w for w in cfg["minutes_openings"]) and cfg["minutes_titles"]


WORD_KEYS = ("time_label", "place_label", "duration_label", "day_word", "month_word", "quarter_word", "year_word", "number_word",
             "place_preposition", "visit_marker", "participant_link")
LIST_KEYS = ("time_label_qualifiers", "place_label_qualifiers", "content_columns", "meeting_words",
             "mention_cut_after_comma", "mention_cut_words", "place_lead_words", "place_designators_dropped",
             "lead_date_openers", "lead_date_prepositions", "lead_date_sessions", "lead_date_links", "online_point_words",
             "place_reference_words",
             "quarter_prepositions", "half_day", "visit_verbs", "participant_openers", "per_session_words",
             "clock_from_words", "clock_to_words", "clock_units", "place_plurals", "cancelled_time_words",
             "main_point_words", "main_point_links")


def test_conference_words_yaml_keys_and_entries() -> None:
    w = read_yaml("conference_words.yaml")
    for k in WORD_KEYS:
        assert isinstance(w[k], str) and w[k], k
    for k in LIST_KEYS:
        assert w[k] and len(set(w[k])) == len(w[k]), k  # present, no duplicates
    assert set(w["subsections"]) == SLOTS and set(w["roles"].values()) <= ROLES and set(w["column_roles"]) <= ROLES
    for k in ("subsections", "column_roles"):
        words = [x for ws in w[k].values() for x in ws]
        assert len(set(words)) == len(words), k
    for k, v in w.items():
        for s in _strings(v):
            assert s == unicodedata.normalize("NFC", s) and s == s.strip(), s
            assert k in CLASS_RANGES or s == s.lower(), s
            assert "|" not in s and "(" not in s, s  # words, not patterns: the code builds the patterns
    for k in CLASS_RANGES:
        re.compile("[" + w[k] + "]")


def test_conference_words_every_pattern_compiles() -> None:
    cw = conference_words()
    assert all(isinstance(v, re.Pattern) for k, v in cw.items() if k.endswith(("_rx", "_label")))
    assert [slot for _, slot in cw["subsections"]] == ["participants", "agenda", "assignments"]


@pytest.mark.parametrize("line, label", [
    ("Thời gian: 02 ngày", "time_label"), ("b) Thời gian tổ chức: tháng 7/2024", "time_label"),
    ("2. Thời gian, địa điểm tổ chức: ...", "time_label"), ("Địa điểm: Hội trường", "place_label"),
    ("c) Địa điểm tổ chức: tại tỉnh Hải Dương", "place_label"),
])
def test_conference_words_labels_read_from_data(line: str, label: str) -> None:
    from extractors.conferences.lexicon import key
    assert conference_words()[label].match(key(line))
