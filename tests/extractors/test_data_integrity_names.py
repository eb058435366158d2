"""extractors/data/name_words.yaml: the words the unit-name grammar builds its patterns from."""
from __future__ import annotations

import re
import unicodedata

from extractors.lexicon import DATA, read_yaml

_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # letters only, one space apart: safe inside a pattern


def _words() -> dict:
    return read_yaml("name_words.yaml")


def _flat(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in [k, *_flat(v)]]
    return [x for v in value for x in _flat(v)]


def test_data_integrity_names_is_nfc_and_has_every_section() -> None:
    raw = (DATA / "name_words.yaml").read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    assert set(_words()) == {
        "levels", "collective", "level_of", "conjunction", "district_designators", "fixed_case",
        "official_completions", "number_units", "number_word", "regions", "party_branch", "party_committees",
        "central", "under_central", "joint_units", "numbered_region", "parent_heads", "department_parts",
        "event_head", "motto_starts", "ocr", "list_heads", "level_places", "national_about",
        "short_name_declarations", "school_word", "field_labels", "function_case", "activity_case",
        "clause_verbs", "zone_with_parks", "numbered_heads", "list_other_heads", "local_places", "enterprise_lower",
        "not_bodies"}


def test_data_integrity_names_numbered_heads_are_heads() -> None:
    heads = set(read_yaml("unit_heads.yaml")["heads"])
    assert _words()["numbered_heads"] and set(_words()["numbered_heads"]) <= heads


def test_data_integrity_names_enterprise_lower() -> None:
    # heads of the grammar; the words a legal form or a line of business, in lower case, none of them twice
    el = _words()["enterprise_lower"]
    assert set(el["heads"]) <= set(read_yaml("unit_heads.yaml")["heads"])
    assert el["words"] and all(w == w.lower() for w in el["words"]) and len(el["words"]) == len(set(el["words"]))


def test_data_integrity_names_every_word_is_plain_letters() -> None:
    d = _words()
    for key, value in d.items():
        if key == "ocr":
            continue
        if key == "not_bodies":  # keyed by purpose: the words are its values
            value = list(value.values())
        for w in _flat(value):
            # an activity may join its two verbs by a comma ("phòng, chống"), as official names print it
            assert _WORDS.fullmatch(w.replace(", ", " ") if key == "activity_case" else w), (key, w)


def test_data_integrity_names_lists_have_no_duplicates() -> None:
    d = _words()
    for key in ("district_designators", "fixed_case", "number_units", "parent_heads", "department_parts",
                "motto_starts", "field_labels", "clause_verbs"):
        assert d[key] and len(d[key]) == len(set(d[key])), key
    for key in ("directions",):
        assert len(d["regions"][key]) == len(set(d["regions"][key]))


def test_data_integrity_names_levels_are_place_designators() -> None:
    d = _words()
    designators = set(read_yaml("text_words.yaml")["place_designators"])
    assert set(d["levels"]) == {"province", "city", "district", "commune"}
    assert set(d["levels"].values()) <= designators
    assert set(d["district_designators"]) <= designators
    assert all(w == w.lower() for w in [*d["levels"].values(), *d["district_designators"], d["collective"],
                                        d["level_of"], d["conjunction"], *d["department_parts"]])


def test_data_integrity_names_casing() -> None:
    d = _words()
    assert all(w[0].isupper() for w in d["fixed_case"] + d["parent_heads"] + d["regions"]["directions"]
               + d["party_committees"]["places"])
    assert all(w.isupper() or not w.split()[0].isupper() for w in d["motto_starts"])
    assert d["event_head"][0].isupper()
    assert all(w[0].isupper() for w in d["field_labels"])
    # a function word capitalises its first syllable only; an activity stays in lower case
    assert all(w[0].isupper() and w[1:] == w[1:].lower() for w in d["function_case"])
    assert all(w == w.lower() for w in d["activity_case"])
    assert len(set(d["function_case"] + d["activity_case"])) == len(d["function_case"] + d["activity_case"])
    # a duty verb ends a name only where it is capitalised; never a head, which starts the next name
    heads = {h.lower() for h in read_yaml("unit_heads.yaml")["heads"]}
    assert all(w[0].isupper() and w.lower() not in heads for w in d["clause_verbs"])
    # a completion is the rest of one official name: a head the lexicon knows, continued
    heads = set(read_yaml("unit_heads.yaml")["heads"])
    assert all(name in heads and rest[0].isupper() for name, rest in d["official_completions"].items())


def test_data_integrity_names_parent_heads_are_heads() -> None:
    heads = {h.lower() for h in read_yaml("unit_heads.yaml")["heads"]}
    d = _words()
    assert {h.lower() for h in d["parent_heads"]} <= heads
    assert set(d["department_parts"]) <= heads


def test_data_integrity_names_ocr_slips() -> None:
    ocr = _words()["ocr"]
    assert all(len(a) == 1 and len(b) == 1 and a != b for a, b in ocr["same_length"].items())
    assert len(ocr["syllable_initial"]) == 1 and ocr["syllable_initial"].islower()
    for word, misread in ocr["misread"].items():
        assert word not in misread and len(misread) == len(set(misread))
        assert all(_WORDS.fullmatch(m) and m.islower() for m in [word, *misread])


def test_data_integrity_names_list_heads_are_capitalised_heads_without_duplicates() -> None:
    d = _words()
    assert len(d["list_heads"]) == len(set(d["list_heads"]))
    assert all(h[0].isupper() for h in d["list_heads"])
    # a head that is a name by itself would swallow its list ("các Công an: ...")
    standalone = {h.lower() for h in read_yaml("unit_heads.yaml")["standalone"]}
    assert not {h.lower() for h in d["list_heads"]} & standalone
    # the nouns after the heads are lower case and no head themselves
    assert all(w == w.lower() for w in d["list_other_heads"])
    assert not {w.capitalize() for w in d["list_other_heads"]} & set(d["list_heads"])


def test_data_integrity_names_level_places_are_lower_case_designators_of_known_levels() -> None:
    d = _words()
    assert set(d["level_places"]) <= set(d["levels"])
    places = [w for ws in d["level_places"].values() for w in ws]
    assert len(places) == len(set(places)) and all(w == w.lower() for w in places)
    # every level word is a place word of the unit grammar
    assert set(places) <= set(read_yaml("unit_heads.yaml")["place_words"])
    assert all(d["levels"][k] in ws for k, ws in d["level_places"].items())


def test_data_integrity_names_not_bodies() -> None:
    """The heads named by function and by place are heads; no list repeats a word; the example openers and the
    letter openers among the field labels are capitalised or lower case as written."""
    heads = set(read_yaml("unit_heads.yaml")["heads"])
    d = _words()["not_bodies"]
    assert set(d) == {"function_heads", "place_named_heads", "example_openers"}
    for key in ("function_heads", "place_named_heads"):
        assert d[key] and set(d[key]) <= heads and len(d[key]) == len(set(d[key])), key
    # a head that is a complete name by itself is no function head (a proper name after it is its place)
    standalone = set(read_yaml("unit_heads.yaml")["standalone"])
    assert not set(d["function_heads"]) & standalone
    assert d["example_openers"] and len(d["example_openers"]) == len(set(d["example_openers"]))
