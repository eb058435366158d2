"""The header's lexicons: document types, provinces and the words of header_words.yaml (loaded once)."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import read_csv, read_yaml
from extractors.text import name_key, place_designators, word_alternation

@lru_cache(maxsize=1)
def header_words() -> dict:
    return read_yaml("header_words.yaml")


@lru_cache(maxsize=1)
def header_patterns() -> dict:
    """The OCR-tolerant regex fragments of header_patterns.yaml (motto, "Số:", date words, "Nơi nhận")."""
    return read_yaml("header_patterns.yaml")


LEVELS = header_words()["levels"]
PROVINCE, DISTRICT, COMMUNE = LEVELS["province"], LEVELS["district"], LEVELS["commune"]
WORDS = header_words()["reference_words"]


def designators_of(level: str) -> tuple[str, ...]:
    """The place designators of one level ("tỉnh", "thành phố" for the province), in the data's order."""
    return tuple(d for d, lv in header_words()["place_designators"].items() if lv == level)


@lru_cache(maxsize=1)
def doc_types() -> tuple[dict[str, str], ...]:
    return read_csv("doc_types.csv")


@lru_cache(maxsize=1)
def type_by_abbr() -> dict[str, str]:
    """Type abbreviation in a code ("KH" in "KH-UBND") -> full type name; current types win over older ones."""
    out: dict[str, str] = {}
    for regime in ("admin", "qppl", "party", "other", "historical"):
        for row in doc_types():
            if row["regime"] == regime and row["abbr"] and row["abbr"] not in out:
                out[row["abbr"]] = row["name"]
    return out


@lru_cache(maxsize=1)
def type_names() -> tuple[str, ...]:
    """Every type name, longest first (so "Thông tư liên tịch" wins over "Thông tư")."""
    return tuple(sorted({r["name"] for r in doc_types()}, key=len, reverse=True))


@lru_cache(maxsize=1)
def header_types() -> tuple[str, ...]:
    return tuple(sorted({r["name"] for r in doc_types() if r["header"] == "yes"}, key=len, reverse=True))


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Lower-cased province name or alias -> province name (the pre-2025 63 units and their aliases)."""
    out: dict[str, str] = {}
    try:
        rows = read_csv("provinces.csv")  # owned by the units extractor; read only
    except FileNotFoundError:
        rows = ()
    for row in rows:
        for name in [row.get("old_province", ""), row.get("new_province", "")] + (row.get("aliases") or "").split(";"):
            name = name.strip()
            if name:
                out.setdefault(name.lower(), row.get("old_province") or name)
    return out


_PROVINCE_PREFIX = re.compile("^" + word_alternation(designators_of(PROVINCE), r"tp\.?") + r"\s+")


def province_of(name: str | None) -> str | None:
    if not name:
        return None
    key = _PROVINCE_PREFIX.sub("", name.strip().lower())
    return provinces().get(key)


def body_key(name: str) -> str:
    """A body's name compared without case, punctuation and tone placement ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "Tập đoàn
    Bưu chính, Viễn thông Việt Nam")."""
    return " ".join(name_key(re.sub(r"[,.;:\-–]", " ", name)).split())


@lru_cache(maxsize=1)
def public_bodies() -> dict[str, str]:
    """Key -> official name of each public body of data/public_bodies.csv that is complete as written (no
    place slot, not ending on a place designator such as "Ủy ban nhân dân tỉnh")."""
    out: dict[str, str] = {}
    ends = tuple(" " + d for d in place_designators())
    levels = tuple(header_words()["level_word"] + " " + lv for lv in (PROVINCE, DISTRICT, COMMUNE))
    for row in read_csv("public_bodies.csv"):
        for name in [row["name"]] + [a.strip() for a in (row.get("aliases") or "").split(";")]:
            if name and "{" not in name and not name.endswith(ends) and not name.endswith(levels):
                out.setdefault(body_key(name), row["name"] if name == row["name"] else name)
    return out
