"""The language data of names/units/tasks: columns, no duplicates, NFC, allowed values."""
from __future__ import annotations

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
    assert d["sub_bodies"] and set(d["sub_bodies"]) <= set(d["heads"])
    assert set(d["table_columns"]) == {"director", "lead", "support", "description", "time", "number", "note"}
    assert all(h[0].isupper() for h in d["heads"])
