"""The lexicons of unit names, loaded once: heads and sectors (``unit_heads.yaml``), the grammar's words
(``name_words.yaml``), abbreviations, provinces, the reference list of public bodies and the word list."""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from extractors.lexicon import read_csv, read_yaml
from extractors.text import name_key, new_tones, starting_with
from extractors.text.fold import tone_fuzzy
from schemas.errors import LexiconMissingError


@lru_cache(maxsize=1)
def heads_data() -> dict:
    return read_yaml("unit_heads.yaml")


WORDS = read_yaml("name_words.yaml")
LEVELS = WORDS["levels"]
AND = WORDS["conjunction"]
COLLECTIVE = WORDS["collective"]
# "tỉnh|thành phố": the designators of a province (a centrally-run city is a province)
PROVINCE_LEVELS = "|".join((LEVELS["province"], LEVELS["city"]))
# the number of a region ("khu vực XI", "khu vực 8"), or a list of numbers of one kind that names one region each
# ("khu vực I, II", "khu vực 3 và 4"); never a date, a decimal or a document number
_ROMAN = r"[IVXLC]+(?![\w/])"
_DIGITS = rf"\d{{1,2}}(?![\w/.,]\d)(?![\w/])(?![ ]{{1,2}}(?:{'|'.join(WORDS['number_units'])})(?!\w))"  # not a count
_NUMBER_SEP = rf"(?:[ ]*,[ ]*|[ ]{{1,2}}{AND}[ ]{{1,2}})"
REGION_NUMBERS = rf"(?:{_ROMAN}(?:{_NUMBER_SEP}{_ROMAN})*|{_DIGITS}(?:{_NUMBER_SEP}{_DIGITS})*)"
NUMBER_SEP = re.compile(_NUMBER_SEP)


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, str], ...]:
    rows = [(r["abbr"], r["expansion"]) for r in read_csv("abbreviations.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def abbreviation_table() -> MappingProxyType:
    """Abbreviation -> expansion, read-only (built once: every unit mention looks its abbreviations up here)."""
    return MappingProxyType(dict(abbreviations()))


@lru_cache(maxsize=1)
def abbr_re() -> re.Pattern:
    alts = "|".join(re.escape(a) for a, _ in abbreviations())
    return re.compile(rf"{starting_with(a for a, _ in abbreviations())}(?<![\w&])(?:{alts})(?![\w&])")


@lru_cache(maxsize=1)
def province_names() -> dict[str, str]:
    """Every spelling of a province (pre-2025 name, alias) -> canonical pre-2025 name."""
    out: dict[str, str] = {}
    for r in read_csv("provinces.csv"):
        name = r["old_province"]
        out[name] = name
        for a in (r.get("aliases") or "").split(";"):
            a = a.strip()
            if a and not a.upper() == a:  # acronyms (BR-VT, HCM) are not place names in running text
                out[a] = name
        out[new_tones(name)] = name
    return out


@lru_cache(maxsize=1)
def province_re() -> re.Pattern:
    names = sorted(province_names(), key=len, reverse=True)
    alts = "|".join(tone_fuzzy(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


@lru_cache(maxsize=1)
def _province_keys() -> dict[str, str]:
    return {name_key(k): v for k, v in province_names().items()}


def canonical_province(s: str) -> str | None:
    """The canonical (pre-2025) province for a spelling ("Thừa Thiên Huế" -> "Huế"), else None."""
    return _province_keys().get(name_key(s))


@lru_cache(maxsize=1)
def city_provinces() -> frozenset[str]:
    """Provinces that are centrally-run cities ("thành phố Hà Nội"), from provinces.csv."""
    return frozenset(r["old_province"] for r in read_csv("provinces.csv") if r["old_type"].startswith(LEVELS["city"]))


@lru_cache(maxsize=1)
def positions_alternation() -> str:
    """A person's titles ("Giám đốc", "Trưởng ban"), longest first, either tone placement."""
    pos = sorted(heads_data()["positions"], key=len, reverse=True)
    return "|".join(tone_fuzzy(p) for p in pos)


@lru_cache(maxsize=1)
def standalone_heads() -> frozenset[str]:
    return frozenset(name_key(h) for h in heads_data()["standalone"])


@lru_cache(maxsize=1)
def container_heads() -> frozenset[str]:
    return frozenset(name_key(h) for h in heads_data()["container_heads"])


@lru_cache(maxsize=1)
def body_names() -> tuple[tuple[str, str], ...]:
    """(name, parent) of every public body and alias in ``public_bodies.csv``, placeholders ("{province}")
    kept."""
    return tuple((n, r["parent"]) for r in read_csv("public_bodies.csv")
                 for n in [r["name"], *(r.get("aliases") or "").split("|")] if n)


@lru_cache(maxsize=1)
def reference_rows() -> tuple[tuple[str, str], ...]:
    """(name, parent) of every public body and alias in ``public_bodies.csv``, placeholders left out."""
    return tuple((n, parent) for n, parent in body_names() if "{" not in n)


@lru_cache(maxsize=1)
def name_forms() -> tuple[tuple[str, bool], ...]:
    """Every name part the lexicons print (heads, sectors, kinds of body, the public bodies and their aliases),
    each with whether it starts with a head."""
    d = heads_data()
    return (*((h, True) for h in d["heads"]), *((s, False) for s in [*d["sectors"], *d["name_types"]]),
            *((n, True) for n, _ in body_names()))


# the separators between the parts of a name ("Văn hóa, Thể thao và Du lịch"), which a text may drop or change
# ("Văn hoá Thể thao du lịch", "Văn hóa - Thể thao - Du lịch")
NAME_PART_SEPARATOR = re.compile(rf", | - | {AND} ")


def loose_key(s: str) -> str:
    """``name_key`` without the conjunction between the parts of a name: "Sở Văn hóa, Thể thao và Du lịch" and
    "Sở Văn hoá Thể thao du lịch" have one key."""
    return " ".join(w for w in name_key(s).split() if w != AND)


@lru_cache(maxsize=2)
def reference_spelling(loose: bool = False) -> dict[str, str]:
    """name key (``loose_key`` if ``loose``) -> the official spelling of a body of the reference list (its
    name, not an alias)."""
    key = loose_key if loose else name_key
    return {key(r["name"]): r["name"] for r in read_csv("public_bodies.csv") if "{" not in r["name"]}


@lru_cache(maxsize=1)
def lexicon_words() -> frozenset[str]:
    """Vietnamese words of two or more syllables, lower case: underthesea's Viet74K word list (a dependency,
    GPL like this project), read from the installed package without importing it (the import is slow)."""
    spec = importlib.util.find_spec("underthesea")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    path = folder / "corpus" / "data" / "Viet74K.txt" if folder else Path("underthesea/corpus/data/Viet74K.txt")
    if not path.is_file():
        raise LexiconMissingError(path)
    words = (w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if " " in w)
