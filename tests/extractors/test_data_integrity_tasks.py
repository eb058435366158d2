"""extractors/data/task_words.yaml: every list present, non-empty, NFC, no word twice; lower case except the
titles of a person, which are matched as written."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import read_yaml

WORD_LISTS = {"assign_verbs", "lead_cues", "support_cues", "timing_words", "label_starts", "no_deadline",
              "list_links", "unit_heading_tails", "article_words", "recipients_words", "quantity_openers",
              "person_titles", "name_links", "plan_period_headings", "collective_ends",
              "clause_verbs", "topic_openers",
              "collective_openers", "collective_heads", "direct_cues",
              "lead_mid_links", "collective_closers", "directive_cues", "remit_openers", "remit_words",
              "lead_list_links", "dependent_times", "trailing_time_labels", "sub_item_marks", "owner_openers",
              "member_openers", "actor_heads", "day_words", "recurring_before",
              "addressee_openers", "heading_assign_verbs", "speech_endings",
              "lead_ins", "lead_in_ends", "qualifier_markers", "trailing_deadline_verbs",
              "recurring_after", "list_tail_openers", "refer_back_openers"}
AS_WRITTEN = {"person_titles"}  # matched case-sensitively: "Ông" is a title, "ông" inside a name is not


def _words_ok(key: str, words) -> None:
    assert isinstance(words, list) and words, key
    assert len(words) == len(set(words)), key
    for w in words:
        assert isinstance(w, str) and w == unicodedata.normalize("NFC", w) and w == w.strip(), w
        assert key in AS_WRITTEN or w == w.lower(), w
        re.compile(re.escape(w))


def test_task_words_yaml() -> None:
    d = read_yaml("task_words.yaml")
    assert set(d) == WORD_LISTS | {"column_prefixes"}
    for key in WORD_LISTS:
        _words_ok(key, d[key])
    # a lead cue that is also a support cue would make one unit both
    assert not set(d["lead_cues"]) & set(d["support_cues"])


def test_task_words_column_prefixes_name_known_columns() -> None:
    d = read_yaml("task_words.yaml")
    columns = read_yaml("unit_heads.yaml")["table_columns"]
    assert set(d["column_prefixes"]) == {"time", "description"}
    for kind, words in d["column_prefixes"].items():
        _words_ok(kind, words)
        # a prefix is itself a header word of its column, so an exact header and a longer one agree
        assert set(words) <= set(columns[kind]), kind


def test_task_table_columns_have_no_word_under_two_kinds() -> None:
    cols = read_yaml("unit_heads.yaml")["table_columns"]
    seen: dict[str, str] = {}
    for kind, words in cols.items():
        for w in words:
            assert seen.setdefault(w, kind) == kind, w


def test_task_trailing_time_labels_are_time_column_words() -> None:
    # a label after an item names the same time a task table's time column does; a bare "thời gian" is a meeting's
    d = read_yaml("task_words.yaml")
    columns = read_yaml("unit_heads.yaml")["table_columns"]
    assert set(d["trailing_time_labels"]) <= set(columns["time"])
    assert "thời gian" not in d["trailing_time_labels"]


def test_task_heading_assign_verbs_are_assign_verbs() -> None:
    d = read_yaml("task_words.yaml")
    assert set(d["heading_assign_verbs"]) < set(d["assign_verbs"])
