"""Places in unit names: provinces and districts in a text, a list of provinces distributed over one head,
a bare "tỉnh"/"huyện" resolved to the issuer's place."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.context import DocContext
from extractors.names.lexicon import (AND, COLLECTIVE, LEVELS, NUMBER_SEP, PROVINCE_LEVELS, REGION_NUMBERS, WORDS,
                                      canonical_province, city_provinces, province_re)
from extractors.text import UPPER_CLASS, name_key, new_tones, place_designators


# --- places -------------------------------------------------------------------------

_DISTRICTS = WORDS["district_designators"]  # lower case in the data; a line may start with one capitalised
_DISTRICT_RE = re.compile(
    r"(?<!\w)(?:" + "|".join([*_DISTRICTS, *(w.capitalize() for w in _DISTRICTS)])
    + rf")\s+({UPPER_CLASS}\w*(?:\s+{UPPER_CLASS}\w*){{0,2}})")


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Province names (lexicon) and district/city names after "huyện/thị xã/thành phố/quận", canonical spelling."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in province_re().finditer(text):
        name = canonical_province(m.group(0))
        if name:
            out.append((m.start(), m.end(), name))
            taken.append((m.start(), m.end()))
    for m in _DISTRICT_RE.finditer(text):
        s, e = m.span(1)
        if any(a <= s < b for a, b in taken):
            continue
        out.append((s, e, new_tones(m.group(1))))
    return sorted(out)


_EVERY_PROVINCE = "|".join(f"{COLLECTIVE} {w}" for w in PROVINCE_LEVELS.split("|"))
_LIST_TAIL = re.compile(rf"^(?P<stem>.*?\b(?:{PROVINCE_LEVELS}|{_EVERY_PROVINCE}))\s*:?\s+(?P<rest>.+)$")
_EVERY_PROVINCE_END = re.compile(rf"\b{COLLECTIVE} ({PROVINCE_LEVELS})$")
_LIST_SEPARATOR = re.compile(rf",|;|\s+{AND}\s+")


_COLLECTIVE_LIST = re.compile(rf"^(?P<stem>.*?)\s+{COLLECTIVE}\s+(?:{PROVINCE_LEVELS})"
                              rf"(?:\s*[,/]\s*(?:{PROVINCE_LEVELS}))?\s*:\s*(?P<rest>.+)$")


_REGION_LIST = re.compile(rf"^(?P<stem>.*\b(?:{'|'.join([WORDS['numbered_region'], *WORDS['numbered_heads']])}))[ ]+"
                          rf"(?P<numbers>{REGION_NUMBERS})$")


def distribute(name: str) -> list[str]:
    """ "Ủy ban nhân dân tỉnh Hải Dương, Hưng Yên, Bắc Ninh" -> one name per province; "Ủy ban nhân dân các
    tỉnh, thành phố: Tuyên Quang, Hà Nội" -> "Ủy ban nhân dân tỉnh Tuyên Quang", "... thành phố Hà Nội"; "Cục Thuế
    khu vực I, II" -> one name per region."""
    m = _REGION_LIST.match(name)
    # not the communes of a development class ("các xã khu vực II, III"): a kind of place, not bodies
    before = m.group("stem").removesuffix(WORDS["numbered_region"]).split()[-1:] if m else []
    if m and not (before and before[0] in place_designators()):
        return [f"{m.group('stem')} {n}" for n in NUMBER_SEP.split(m.group("numbers"))]
    m = _COLLECTIVE_LIST.match(name)
    if m:
        provs = [canonical_province(p.strip()) for p in _LIST_SEPARATOR.split(m.group("rest")) if p.strip()]
        if provs and all(provs):
            return [f"{m.group('stem')} {LEVELS['city'] if p in city_provinces() else LEVELS['province']} {p}"
                    for p in provs]
    m = _LIST_TAIL.match(name)
    if not m:
        return [name]
    parts = [p.strip() for p in _LIST_SEPARATOR.split(m.group("rest")) if p.strip()]
    provs = [canonical_province(p) for p in parts]
    if len(parts) < 2 or not all(provs):
        return [name]
    stem = _EVERY_PROVINCE_END.sub(r"\1", m.group("stem"))
    return [f"{stem} {p}" for p in provs]


def collective_of_provinces(name: str) -> str | None:
    """ "Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai" -> "Ủy ban nhân dân các tỉnh Đắk Lắk, Gia Lai": a name that
    lists its provinces after "các tỉnh" (or "các tỉnh, thành phố") as one collective; None when it lists none."""
    m = _COLLECTIVE_LIST.match(name) or _LIST_TAIL.match(name)
    if not m or not _EVERY_PROVINCE_LIST.search(name[:m.start("rest")]):
        return None
    provs = [canonical_province(p.strip()) for p in _LIST_SEPARATOR.split(m.group("rest")) if p.strip()]
    if len(provs) < 2 or not all(provs):
        return None
    return new_tones(" ".join(name[:m.start("rest")].replace(":", " ").split() + [m.group("rest")]))


def province_collective_key(name: str) -> str | None:
    """The key of a collective of provinces (``collective_of_provinces``) as the bodies of the province level:
    "Ủy ban nhân dân các tỉnh Đắk Lắk, Gia Lai" is one with "Ủy ban nhân dân cấp tỉnh"; None for another name."""
    m = _EVERY_PROVINCE_LIST.search(name)
    if not m or not (collective_of_provinces(name) or name_key(name[m.end():]) in _every_province_tails()):
        return None
    return name_key(f"{name[:m.start()]} {WORDS['level_of']} {LEVELS['province']}")


@lru_cache(maxsize=1)
def _every_province_tails() -> frozenset[str]:
    """What may follow "các tỉnh" in a name of every province's body: nothing, ", thành phố", "trực thuộc Trung ương"."""
    central = f"{WORDS['under_central']} {WORDS['central']}"
    return frozenset(name_key(t) for t in ("", LEVELS["city"], central, f"{LEVELS['city']} {central}"))


_EVERY_PROVINCE_LIST = re.compile(rf"\b{COLLECTIVE}\s+(?:{PROVINCE_LEVELS})\b")


# "huyện/thành phố" is written "huyện, thành phố" in a name
PLACE_SLASH = re.compile(r"(?<=\w)[ ]*/[ ]*(?=(?:"
                          + "|".join(d for d in place_designators() if d != LEVELS["province"]) + r")\b)")
# a bare level word at the end of a name: the issuer's province or district
_BARE_PROVINCE = re.compile(rf"(?<!{WORDS['level_of']})(?<!{COLLECTIVE})\s{LEVELS['province']}$")
_BARE_DISTRICT = re.compile(rf"\s{LEVELS['district']}$")


def province_level_word(province: str | None) -> str:
    """The level word a province is named with: "thành phố" for a centrally-run city, else "tỉnh"."""
    return LEVELS["city"] if province in city_provinces() else LEVELS["province"]


def resolve_place(name: str, context: DocContext | None) -> str:
    if context is None:
        return name
    # "Ủy ban nhân dân các tỉnh" is every province, "cấp tỉnh" a level: neither is the issuer's province
    # (a centrally-run city is never a "tỉnh": a city's or a ministry in Hà Nội's "Thuế tỉnh" is every province's)
    if _BARE_PROVINCE.search(name) and context.province and context.level != LEVELS["commune"] \
            and context.province not in city_provinces():
        return f"{name} {context.province}"
    if _BARE_DISTRICT.search(name) and context.district and context.level == LEVELS["district"]:
        return f"{name} {context.district}"
    return name



@lru_cache(maxsize=1)
def _level_lists() -> tuple[tuple[re.Pattern, re.Pattern, str], ...]:
    """Per level: the pattern of a collective of its places in a name key, of one place, and "cấp <level>"."""
    out = []
    for level, places in WORDS["level_places"].items():
        word = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
        out.append((re.compile(rf"(?<![^ ])(?P<all>{COLLECTIVE} )?(?P<places>(?:{word})(?: (?:{word}))*)"
                               rf"(?P<rest> .+)?$"), re.compile(word), f"{WORDS['level_of']} {LEVELS[level]}"))
    return tuple(out)


def level_collective_key(key: str) -> str:
    """A name key (``name_key``) with a collective of the places of one level written as that level: "Ủy ban nhân
    dân các xã, phường, đặc khu", "UBND xã, phường" and "Ủy ban nhân dân cấp xã" are the bodies of every commune.
    Two or more kinds of place make a collective (a place name after them names the last one only: "..., đặc
    khu Cồn Cỏ"); one kind does after "các" and nothing else ("các xã"); "xã Phú Thịnh" is one commune."""
    for rx, place, level in _level_lists():
        m = rx.search(key)
        if m and (len(place.findall(m.group("places"))) >= 2 or (m.group("all") and not m.group("rest"))):
            return f"{key[:m.start()]}{level}"
    return key


def is_level_collective(key: str) -> bool:
    """``key`` (a ``level_collective_key``) names the bodies of every place of one level ("... cấp xã")."""
    return key.endswith(tuple(level for _, _, level in _level_lists()))


# --- provinces acting as the subject of a clause ------------------------------------------------------------

@lru_cache(maxsize=1)
def _province_item_re() -> re.Pattern:
    """One province of a subject list: "(các )tỉnh Nghệ An", "Thành phố Hà Nội", or a bare name after the first."""
    level = "|".join(f"{w}|{w.capitalize()}" for w in PROVINCE_LEVELS.split("|"))
    every = f"{COLLECTIVE}|{COLLECTIVE.capitalize()}"
    return re.compile(rf"(?:(?:{every})[ ]+)?(?P<level>{level})?[ ]*(?P<name>{province_re().pattern})")


_ITEM_SEPARATOR = re.compile(rf"[ ]*,[ ]*|[ ]+{AND}[ ]+")


def provinces_acting(text: str, p: int, end: int) -> tuple[list[tuple[int, int, str, str]], int]:
    """The provinces a clause opens with ("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương ...", "Thành phố
    Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh ..."): [(start, end, level word, canonical province)] and
    where the list ends; none unless the first names its level ("tỉnh", "thành phố")."""
    items: list[tuple[int, int, str, str]] = []
    q = p
    while q < end:
        m = _province_item_re().match(text, q, end)
        if not m or (not items and not m.group("level")):
            break
        prov = canonical_province(m.group("name"))
        if not prov:
            break
        level = (m.group("level") or "").lower() or (LEVELS["city"] if prov in city_provinces() else LEVELS["province"])
        items.append((m.start(), m.end(), level, prov))
        q = m.end()
        sep = _ITEM_SEPARATOR.match(text, q, end)
        if not sep or not _province_item_re().match(text, sep.end(), end):
            break
        q = sep.end()
    return items, (items[-1][1] if items else p)
