"""extractors/data/time_words.yaml: the shape and values the dates extractor relies on."""
from __future__ import annotations

import unicodedata

import pytest
import yaml

from extractors.lexicon import DATA

PATH = DATA / "time_words.yaml"
ROLE_LISTS = ("deadline_immediate", "deadline_labels", "deadline_verbs", "deadline_prepositions", "event_immediate",
              "event_labels", "law_types", "anniversary_cues", "period_cues", "deadline_blockers", "ago_words", "event_place_after", "event_sentence_words", "instant_cues")
WORD_LISTS = ("approx_cues", "day_month_cues", "day_month_context", "duration_blockers", "signing_stamp_cues",
              "month_name_blockers", "commemoration_cues", "clock_after",
              "next_year_after", "previous_year_after")


@pytest.fixture(scope="module")
def data() -> dict:
    # read the raw file (not the cached loader) so that a duplicate key is seen
    text = PATH.read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text), "time_words.yaml must be NFC"

    class NoDuplicates(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        assert len(keys) == len(set(keys)), f"duplicate keys: {keys}"
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    NoDuplicates.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    return yaml.load(text, Loader=NoDuplicates)


def _lower_words(words) -> None:
    assert words, "empty list"
    assert len(words) == len(set(words)), "duplicates"
    for w in words:
        assert isinstance(w, str) and w == w.strip() and w == w.lower(), w
        assert "  " not in w, w


def test_data_integrity_dates_sections(data: dict) -> None:
    for key in ("quarter_numerals", "number_words", "duration_units", "half_words", "position_modifiers", "roles",
                *WORD_LISTS):
        assert key in data, key
    for key in ROLE_LISTS:
        assert key in data["roles"], key


def test_data_integrity_dates_word_lists(data: dict) -> None:
    for key in WORD_LISTS:
        _lower_words(data[key])
    for key in ROLE_LISTS:
        _lower_words(data["roles"][key])


def test_data_integrity_dates_values(data: dict) -> None:
    assert sorted(set(data["quarter_numerals"].values())) == [1, 2, 3, 4]
    assert all(str(k) == str(k).lower() for k in data["quarter_numerals"])
    assert "năm" not in data["number_words"], "'năm' is the word for year"
    assert all(isinstance(v, int) and v > 0 for v in data["number_words"].values())
    for unit, (designator, mult, is_time) in data["duration_units"].items():
        assert designator in {"D", "W", "M", "Y", "H"}, unit
        assert isinstance(mult, int) and mult > 0, unit
        assert isinstance(is_time, bool), unit
        assert not is_time or designator in {"H", "M"}, unit
    assert data["duration_units"]["buổi"] == ["H", 4, True], "a session is PT4H"
    assert set(data["half_words"].values()) == {1, 2}
    assert set(data["position_modifiers"].values()) <= {"START", "MID", "END"}


def test_data_integrity_dates_loads_and_compiles() -> None:
    from extractors.dates.lexicon import date_lexicon
    assert date_lexicon().patterns


def test_data_integrity_dates_grammar_words(data: dict) -> None:
    """The words the date patterns are built from: plain lower-case words (no regex), each OCR reading keeps its letter."""
    g = data["grammar"]
    single = ("day", "month", "year", "quarter", "half", "from", "hour", "minute", "until_end", "and", "or", "number",
              "clock_at", "of")
    lists = ("range_to", "fraction_after", "day_parts")
    assert set(g) == {*single, *lists, "school_year"}
    words = [g[k] for k in single] + [w for k in lists for w in g[k]]
    words += [w for s in g["school_year"] for w in s["words"]]
    for w in words:
        # plain words, one space between ("diện tích")
        assert isinstance(w, str) and w == w.strip().lower() and all(p.isalpha() for p in w.split(" ")), w
    for k in lists:
        assert len(g[k]) == len(set(g[k])), k
    assert len(g["range_to"]) == 2  # the range word that takes "hết" after it, then the other
    for s in g["school_year"]:
        for letter, readings in s["ocr_letters"].items():
            assert letter in "".join(s["words"]) and letter in readings, (s, letter)
    # the grammar's year is the duration unit and the word "năm" kept out of the number words
    assert g["year"] in data["duration_units"] and g["day"] in data["duration_units"]
