"""The header and citation lexicons: columns present, allowed values, no duplicates, NFC text."""
from __future__ import annotations

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
                "title_stops", "recipient_purposes", "surnames", "signature_marks"):
        assert d.get(key), key
    assert set(d["authorities"]) == {"TM.", "KT.", "TL.", "TUQ.", "Q."}
    assert set(d["place_designators"].values()) <= {"tỉnh", "huyện", "xã"}
    for key in ("positions", "issuer_heads", "body_heads", "title_stops", "surnames", "signature_marks"):
        items = d[key]
        assert len(items) == len(set(items)), key
        assert all(isinstance(x, str) and x == x.strip() and _nfc(x) for x in items), key
    assert all(h == h.upper() for h in d["issuer_heads"])
    assert all(p[0].isupper() for p in d["positions"])
    assert all(s[0].isupper() and len(s.split()) <= 2 for s in d["surnames"])
