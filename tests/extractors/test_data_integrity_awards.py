"""extractors/data/awards.csv: columns, unique ids and surface forms, allowed values, NFC."""
from __future__ import annotations

import unicodedata

from extractors.awards import award_key
from extractors.lexicon import read_csv

COLUMNS = ["id", "name", "kind", "level", "recipient", "classes", "authority", "aliases", "source"]


def test_awards_csv_shape_and_values() -> None:
    rows = read_csv("awards.csv")
    assert rows and list(rows[0]) == COLUMNS
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["kind"] in {"emulation_title", "commendation", "historical"}, r["id"]
        assert r["level"] in {"state", "provincial", "grassroots", "unknown"}, r["id"]
        assert set(r["recipient"].split(";")) <= {"individual", "collective", "household"}, r["id"]
        assert r["classes"] in {"", "Nhất;Nhì;Ba", "Nhất;Nhì"}, r["id"]
        assert r["source"].strip(), r["id"]
        for value in r.values():
            assert value == unicodedata.normalize("NFC", value) and value == value.strip()


def test_awards_csv_surface_forms_name_one_award() -> None:
    owner: dict[str, str] = {}
    for r in read_csv("awards.csv"):
        for surface in [r["name"], *[a for a in r["aliases"].split(";") if a]]:
            key = award_key(surface)
            assert owner.setdefault(key, r["id"]) == r["id"], f"{surface!r} names {owner[key]} and {r['id']}"


def test_awards_csv_has_the_historical_orders_plans_still_name() -> None:
    names = {r["name"] for r in read_csv("awards.csv")}
    assert {"Huân chương Kháng chiến", "Huy chương Kháng chiến", "Cờ thi đua của Ủy ban nhân dân cấp tỉnh",
            "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "Bằng khen của Thủ tướng Chính phủ"} <= names


def test_award_words_yaml() -> None:
    """extractors/data/award_words.yaml: lower case, NFC, no duplicates; the named medal's form is in awards.csv."""
    from extractors.lexicon import read_yaml
    cfg = read_yaml("award_words.yaml")
    for key in ("conferring_body_after", "sector_name_words", "bare_form_not_before", "bare_form_not_after",
                "list_joiners"):
        words = cfg[key]
        assert words and len(words) == len(set(words)), key
        for w in words:
            assert w == w.strip() == w.lower() == unicodedata.normalize("NFC", w), (key, w)
    for key in ("country", "party_badge_after", "level_word"):
        assert cfg[key] == cfg[key].strip().lower() == unicodedata.normalize("NFC", cfg[key]), key
    assert "ky_niem_chuong" in {r["id"] for r in read_csv("awards.csv")}


def test_award_words_yaml_patterns_and_classes() -> None:
    """The class readings give the classes awards.csv lists; the authority patterns compile and give known ids."""
    import re

    from extractors.lexicon import read_yaml
    cfg = read_yaml("award_words.yaml")
    ids = {r["id"] for r in read_csv("awards.csv")}
    classes = {c for r in read_csv("awards.csv") for c in r["classes"].split(";") if c}
    readings = cfg["award_class"]["readings"]
    assert set(readings.values()) == classes
    assert all(k == k.lower() and (k.isdigit() or k.isalpha()) for k in readings)
    for a in cfg["authority_before"]:
        re.compile(a["pattern"])
        assert a["pattern"] == a["pattern"].lower() == unicodedata.normalize("NFC", a["pattern"])
        assert set(a["ids"]) == {"bang_khen", "co_thi_dua"} and set(a["ids"].values()) <= ids, a
    for key in ("give_verbs", "ministry_after"):
        assert len(cfg[key]) == len(set(cfg[key])), key
    words = [cfg["of_word"], cfg["award_class"]["word"], cfg["award_class"]["all_classes"], *cfg["give_verbs"],
             *cfg["ministry_after"], *cfg["quota"]["recipients"], cfg["quota"]["from"], cfg["quota"]["to"],
             cfg["quota"]["and"], *cfg["body_abbreviations"], *cfg["body_abbreviations"].values()]
    for w in words:
        assert w == w.strip().lower() == unicodedata.normalize("NFC", w) and re.escape(w).replace("\\ ", " ") == w, w


def test_award_words_yaml_outside_law() -> None:
    """The words of awards outside the Law's list: NFC, lower case where matched folded, kinds of the contract."""
    from extractors.lexicon import read_yaml
    cfg = read_yaml("award_words.yaml")["outside_law"]
    assert cfg["prize_kind"] in {"emulation_title", "commendation"} and cfg["title_kind"] in {"emulation_title",
                                                                                               "commendation"}
    assert isinstance(cfg["prize_min_name_words"], int) and cfg["prize_min_name_words"] >= 2
    assert cfg["prize_name"].lower() in cfg["prize_words"]
    for key in ("prize_words", "title_words", "central_issuer_start", "central_issuer_words", "grassroots_issuer_start"):
        assert cfg[key] and len(cfg[key]) == len(set(cfg[key])), key
        for w in cfg[key]:
            assert w == w.strip() == w.lower() == unicodedata.normalize("NFC", w), (key, w)
    titles = cfg["titles_after_word"]
    assert len({t.lower() for t in titles}) == len(titles)
    assert all(t == t.strip() == unicodedata.normalize("NFC", t) and t[0].isupper() for t in titles)
    assert set(cfg["title_level_after"].values()) <= {"state", "provincial", "grassroots"}
    assert all(k == k.lower() for k in cfg["title_level_after"])


def test_award_words_yaml_named_form_level() -> None:
    from extractors.lexicon import read_yaml
    assert read_yaml("award_words.yaml")["named_form_level"] in {"state", "provincial", "grassroots"}


def test_award_words_yaml_lower_case_title_cues() -> None:
    from extractors.lexicon import read_yaml
    cfg = read_yaml("award_words.yaml")["lower_case_title_needs_cue"]
    assert set(cfg["ids"]) <= {r["id"] for r in read_csv("awards.csv")}
    assert cfg["cues"] and len(cfg["cues"]) == len(set(cfg["cues"]))
    assert all(w == w.strip().lower() == unicodedata.normalize("NFC", w) for w in cfg["cues"])
