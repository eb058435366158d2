"""Unit names: abbreviation expansion, official casing, places, and the grammar of a unit mention.

Shared by the units, tasks, header and conference extractors. Language data lives in
``data/abbreviations.csv``, ``data/provinces.csv`` and ``data/unit_heads.yaml``.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from extractors.context import DocContext
from extractors.lexicon import read_csv, read_yaml
from extractors.ocr_correction import bigram_count
from extractors.text import (LOWER_CLASS, PLACE_DESIGNATOR, UPPER_CLASS, is_syllable, name_key, new_tones,
                             place_designators)
from schemas.errors import LexiconMissingError
from extractors.text.fold import OLD_TONES, tone_fuzzy

_GLUED = re.compile(f"(?<={LOWER_CLASS}{LOWER_CLASS})(?={UPPER_CLASS}{LOWER_CLASS})")


# --- data ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def heads_data() -> dict:
    return read_yaml("unit_heads.yaml")


WORDS = read_yaml("name_words.yaml")
LEVELS = WORDS["levels"]
AND = WORDS["conjunction"]
COLLECTIVE = WORDS["collective"]
# "tỉnh|thành phố": the designators of a province (a centrally-run city is a province)
_PROVINCE_LEVELS = "|".join((LEVELS["province"], LEVELS["city"]))


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[tuple[str, str], ...]:
    rows = [(r["abbr"], r["expansion"]) for r in read_csv("abbreviations.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _abbr_re() -> re.Pattern:
    alts = "|".join(re.escape(a) for a, _ in _abbreviations())
    return re.compile(rf"(?<![\w&])(?:{alts})(?![\w&])")


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
def _province_re() -> re.Pattern:
    names = sorted(province_names(), key=len, reverse=True)
    alts = "|".join(tone_fuzzy(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)")


@lru_cache(maxsize=1)
def _province_keys() -> dict[str, str]:
    return {name_key(k): v for k, v in province_names().items()}


def canonical_province(s: str) -> str | None:
    """The canonical (pre-2025) province for a spelling ("Thừa Thiên Huế" -> "Huế"), else None."""
    return _province_keys().get(name_key(s))


# --- abbreviations and casing ---------------------------------------------------

def expand_abbreviations(s: str) -> str:
    """Expand unit abbreviations: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh", "Sở GD&ĐT" -> "Sở Giáo dục và Đào tạo".

    Only whole tokens in the abbreviation's own case are expanded, and an abbreviation that is also a
    Vietnamese word ("TƯ") only where it does not form a known word pair with its neighbour: "BAN TĐKT TƯ" is
    Trung ương, "BỘ TƯ PHÁP" and "KẾ HOẠCH VÀ ĐẦU TƯ" are not."""
    table = dict(_abbreviations())

    def expand(m: re.Match) -> str:
        word = m.group(0)
        if is_syllable(word) and _forms_word(s, m.start(), m.end()):
            return word
        return table[word]

    out = _abbr_re().sub(expand, s)
    return " ".join(out.split())


def expand_word(words: list[str], i: int) -> str:
    """``words[i]`` expanded as in ``expand_abbreviations`` with its neighbours as context (a name read word by
    word: "BỘ" "TƯ" "PHÁP")."""
    before = " ".join(words[max(0, i - 1):i])
    s = (before + " " if before else "") + words[i] + (" " + words[i + 1] if i + 1 < len(words) else "")
    start = len(before) + 1 if before else 0
    m = _abbr_re().fullmatch(s, start, start + len(words[i]))
    if not m or (is_syllable(words[i]) and _forms_word(s, start, start + len(words[i]))):
        return words[i]
    return dict(_abbreviations())[words[i]]


_PREV_WORD = re.compile(r"([^\W\d_]+)[ \t]*$")
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")


def _forms_word(s: str, start: int, end: int) -> bool:
    """The token at ``s[start:end]`` makes a known two-syllable word with the word before or after it."""
    pm = _PREV_WORD.search(s, 0, start)
    nm = _NEXT_WORD.match(s, end)
    return any(bigram_count(a, b) >= 2 for a, b in ((pm.group(1) if pm else "", s[start:end]),
                                                    (s[start:end], nm.group(1) if nm else "")) if a and b)


FIXED_CASE = tuple(WORDS["fixed_case"])


@lru_cache(maxsize=1)
def _casing_forms() -> tuple[str, ...]:
    d = heads_data()
    return tuple(list(d["heads"]) + list(d["sectors"]) + list(d["name_types"]) + list(FIXED_CASE)
                 + list(province_names()))


_CASING_WORD = re.compile(r"(?<!\w)\w+")


@lru_cache(maxsize=8)
def _first_words(forms: tuple[str, ...]) -> frozenset[str]:
    """The first word of every form, lower case, in both tone placements (where a match can start)."""
    out = set()
    for f in forms:
        m = re.match(r"[\w&]+", f)
        if not m:
            continue
        w = m.group(0).lower()
        out.add(w)
        for old, new in OLD_TONES.items():
            if new in w:
                out.add(w.replace(new, old))
    return frozenset(out)


def _scan(rx: re.Pattern, firsts: frozenset[str] | None, text: str, words: re.Pattern):
    """``rx.finditer(text)`` for a pattern that can only start at a word in ``firsts`` (None: every word
    ``words`` finds is one): the big pattern is tried only there (trying it at every position was slow)."""
    last = 0
    for w in words.finditer(text):
        p = w.start()
        if p < last or (firsts is not None and w.group(0).lower() not in firsts):
            continue
        m = rx.match(text, p)
        if m:
            last = m.end()
            yield m


@lru_cache(maxsize=1)
def _casing_re() -> tuple[re.Pattern, dict[str, str]]:
    forms = _casing_forms()
    canon = {name_key(f): f for f in sorted(forms, key=len)}
    alts = "|".join(tone_fuzzy(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE), canon


_PLACE_AFTER = re.compile(r"(?<!\w)(" + PLACE_DESIGNATOR + r")\s+([^\s,;()]+(?:\s+[^\s,;()]+){0,3})$")


_PLACE_WORDS = frozenset(w for d in place_designators() for w in d.split())


def proper_case(s: str) -> str:
    """Official casing of an upper-case name: "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH" -> "Ủy ban nhân dân tỉnh Nam Định"."""
    s = " ".join(s.split())
    if not s:
        return s
    n_upper = sum(map(str.isupper, s))
    if n_upper and n_upper / (n_upper + sum(map(str.islower, s))) > 0.8:
        s = s.lower()
    rx, canon = _casing_re()
    parts, last = [], 0
    for m in _scan(rx, _first_words(_casing_forms()), s, _CASING_WORD):
        parts += [s[last:m.start()], canon.get(name_key(m.group(0)), m.group(0))]
        last = m.end()
    s = "".join(parts) + s[last:]
    # a place nobody listed (a district, a commune): every syllable capitalised
    m = _PLACE_AFTER.search(s)
    # "Ngân hàng Chính sách xã hội tỉnh": "xã" there starts no place, since a place word follows it
    if m and m.group(2).islower() and not set(m.group(2).split()) & _PLACE_WORDS:
        s = s[:m.start(2)] + " ".join(w.capitalize() for w in m.group(2).split()) + s[m.end(2):]
    return s[0].upper() + s[1:]


# --- places -------------------------------------------------------------------------

_DISTRICT_RE = re.compile(
    r"(?<!\w)(?:" + "|".join([*WORDS["district_designators"], *(w.capitalize() for w in WORDS["district_designators"])])
    + rf")\s+({UPPER_CLASS}\w*(?:\s+{UPPER_CLASS}\w*){{0,2}})")


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Province names (lexicon) and district/city names after "huyện/thị xã/thành phố/quận", canonical spelling."""
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _province_re().finditer(text):
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


# --- canonical unit names --------------------------------------------------------------

@lru_cache(maxsize=1)
def _positions_alternation() -> str:
    """A person's titles ("Giám đốc", "Trưởng ban"), longest first, either tone placement."""
    pos = sorted(heads_data()["positions"], key=len, reverse=True)
    return "|".join(tone_fuzzy(p) for p in pos)


@lru_cache(maxsize=1)
def _position_re() -> re.Pattern:
    return re.compile(rf"^(?:(?:{_positions_alternation()})\s+)+(?=\S)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _head_start_re() -> re.Pattern:
    heads = sorted(heads_data()["heads"], key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(tone_fuzzy(h) for h in heads)})(?!\w)", re.IGNORECASE)


def head_of(name: str) -> str | None:
    """The organisational head word a canonical name starts with ("Sở", "Ủy ban nhân dân")."""
    m = _head_start_re().match(name)
    if not m:
        return None
    _, canon = _casing_re()
    return canon.get(name_key(m.group(0)), m.group(0))


def _spaced_dashes(s: str) -> str:
    # "Văn hóa- thông tin" / "Thi đua-Khen thưởng" -> "Văn hóa - thông tin"; keeps "VNPT-QB" codes
    return re.sub(r"(?<=[^\W\d_])\s*[-–]\s*(?=[^\W\d_])", lambda m: " - " if " " in m.group(0) or
                  m.group(0).strip() in "-–" else m.group(0), s)


_EVERY_PROVINCE = "|".join(f"{COLLECTIVE} {w}" for w in _PROVINCE_LEVELS.split("|"))
_LIST_TAIL = re.compile(rf"^(?P<stem>.*?\b(?:{_PROVINCE_LEVELS}|{_EVERY_PROVINCE}))\s*:?\s+(?P<rest>.+)$")
_EVERY_PROVINCE_END = re.compile(rf"\b{COLLECTIVE} ({_PROVINCE_LEVELS})$")
_LIST_SEPARATOR = re.compile(rf",|;|\s+{AND}\s+")


_COLLECTIVE_LIST = re.compile(rf"^(?P<stem>.*?)\s+{COLLECTIVE}\s+(?:{_PROVINCE_LEVELS})"
                              rf"(?:\s*[,/]\s*(?:{_PROVINCE_LEVELS}))?\s*:\s*(?P<rest>.+)$")


@lru_cache(maxsize=1)
def _city_provinces() -> frozenset[str]:
    """Provinces that are centrally-run cities ("thành phố Hà Nội"), from provinces.csv."""
    return frozenset(r["old_province"] for r in read_csv("provinces.csv") if r["old_type"].startswith(LEVELS["city"]))


def _distribute(name: str) -> list[str]:
    """ "Ủy ban nhân dân tỉnh Hải Dương, Hưng Yên, Bắc Ninh" -> one name per province; "Ủy ban nhân dân các
    tỉnh, thành phố: Tuyên Quang, Hà Nội" -> "Ủy ban nhân dân tỉnh Tuyên Quang", "... thành phố Hà Nội"."""
    m = _COLLECTIVE_LIST.match(name)
    if m:
        provs = [canonical_province(p.strip()) for p in _LIST_SEPARATOR.split(m.group("rest")) if p.strip()]
        if provs and all(provs):
            return [f"{m.group('stem')} {LEVELS['city'] if p in _city_provinces() else LEVELS['province']} {p}"
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


# "huyện/thành phố" is written "huyện, thành phố" in a name
_PLACE_SLASH = re.compile(r"(?<=\w)[ ]*/[ ]*(?=(?:"
                          + "|".join(d for d in place_designators() if d != LEVELS["province"]) + r")\b)")
# a bare level word at the end of a name: the issuer's province or district
_BARE_PROVINCE = re.compile(rf"(?<!{WORDS['level_of']})(?<!{COLLECTIVE})\s{LEVELS['province']}$")
_BARE_DISTRICT = re.compile(rf"\s{LEVELS['district']}$")


def _resolve_place(name: str, context: DocContext | None) -> str:
    if context is None:
        return name
    # "Ủy ban nhân dân các tỉnh" is every province, "cấp tỉnh" a level: neither is the issuer's province
    if _BARE_PROVINCE.search(name) and context.province and context.level != LEVELS["commune"]:
        return f"{name} {context.province}"
    if _BARE_DISTRICT.search(name) and context.district and context.level == LEVELS["district"]:
        return f"{name} {context.district}"
    return name


def canonical_unit(surface: str, context: DocContext | None = None) -> list[str]:
    """One surface mention -> one or more canonical full names (abbreviations expanded, lists
    distributed, a bare "tỉnh"/"huyện" resolved to the issuing province/district)."""
    place = DocContext(province=context.province, district=context.district, level=context.level) if context else None
    return list(_canonical_unit(surface, place))


@lru_cache(maxsize=4096)
def _canonical_unit(surface: str, context: DocContext | None) -> tuple[str, ...]:
    s = unicodedata.normalize("NFC", surface)
    s = re.sub(r"[“”\"*]", "", s)
    s = " ".join(s.split()).strip(" ,;:.-–")
    if not s:
        return ()
    s = new_tones(s)
    s = _GLUED.sub(" ", s)  # OCR glues words: "Bộ CôngThương" -> "Bộ Công Thương"
    n_upper = sum(map(str.isupper, s))
    if n_upper / max(1, n_upper + sum(map(str.islower, s))) > 0.8:  # "UBND HUYỆN ĐỒNG PHÚ": keep only acronyms
        s = " ".join(w if _abbr_re().fullmatch(w) else w.lower() for w in s.split())
    s = expand_abbreviations(s)
    s = _PLACE_SLASH.sub(", ", s)
    s = _spaced_dashes(s)
    s = _position_re().sub("", s)  # "Giám đốc Sở Nội vụ" names the body "Sở Nội vụ"
    s = proper_case(s)
    # the Front's official name carries "Việt Nam": "Ủy ban MTTQ tỉnh" -> "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    for name, rest in WORDS["official_completions"].items():
        if s.startswith(name) and not s[len(name):].startswith(f" {rest}"):
            s = f"{name} {rest}{s[len(name):]}"
    s = _reference_spelling().get(name_key(s), s)  # "Đài truyền hình Việt Nam" -> "Đài Truyền hình Việt Nam"
    out = []
    for name in _distribute(s):
        name = _resolve_place(name, context)
        if name not in out:
            out.append(name)
    return tuple(out)


# --- the grammar of a unit mention ------------------------------------------------------

@lru_cache(maxsize=1)
def _head_variants() -> list[str]:
    """Every head with its abbreviated spellings ("Hội đồng Thi đua - Khen thưởng" -> "Hội đồng TĐKT", "HĐTĐKT")."""
    abbrs = [(a, e) for a, e in _abbreviations() if a.isupper() or "&" in a or "-" in a]
    out = set()
    for h in heads_data()["heads"]:
        forms = {h}
        for _ in range(2):
            for f in list(forms):
                for a, e in abbrs:
                    i = f.lower().find(e.lower())
                    if i >= 0 and len(e) > 2:
                        forms.add(" ".join((f[:i] + a + f[i + len(e):]).split()))
        out |= forms
    return sorted(out, key=len, reverse=True)


def _longer_sector_guard(h: str) -> str:
    """A lookahead that keeps a head made of a shorter head and a sector ("Ban Tổ chức") from taking the
    start of a longer sector: "Ban Tổ chức - Hành chính" is "Ban" + "Tổ chức - Hành chính"."""
    d = heads_data()
    rests = set()
    for base in d["heads"]:
        if not h.lower().startswith(base.lower() + " "):
            continue
        r = h[len(base) + 1:].lower()
        for sec in d["sectors"]:
            if sec.lower().startswith(r) and len(sec) > len(r):
                rests.add(sec[len(r):])
    if not rests:
        return ""
    return "(?!" + "|".join(tone_fuzzy(r) for r in sorted(rests, key=len, reverse=True)) + ")"


def _spaced(words: str) -> str:
    """Words one space apart, as a pattern."""
    return "[ ]".join(words.split())


def _either_case_first(words: str) -> str:
    """Words one space apart, the first letter in either case ("[Bb]ộ")."""
    return f"[{words[0].upper()}{words[0]}]{_spaced(words[1:])}"


@lru_cache(maxsize=1)
def _grammar() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The mention pattern (head, tail, parent), the pattern of a tail's continuation, and of a place after
    a complete name."""
    d = heads_data()
    W = r"[ ]{1,2}"  # words of one name are one or two spaces apart (wider gaps are layout columns)
    head = "|".join(tone_fuzzy(h) for h in _head_variants())
    head_any = f"(?i:{'|'.join(tone_fuzzy(h) + _longer_sector_guard(h) for h in _head_variants())})"
    # a sector keeps its first capital ("Phòng Văn hóa- thông tin"), the rest may be in any case
    sector = "|".join(re.escape(s[0]) + f"(?i:{tone_fuzzy(s[1:])})"
                      for s in sorted(d["sectors"] + d["name_types"], key=len, reverse=True))
    # a number after a kind of body ("Công ty Cổ phần 483"), never a date, a count or a document number
    units = "|".join(WORDS["number_units"])
    number = rf"(?:{W}\d{{1,4}}(?![\w/.:,-]?\d)(?![\w/])(?!{W}(?:{units}|%)))?"
    provinces = "|".join(tone_fuzzy(n) for n in sorted(province_names(), key=len, reverse=True))
    lower_mods = "|".join(re.escape(m) for m in sorted(d["lowercase_modifiers"], key=len, reverse=True))
    place_word = "|".join(re.escape(w) for w in sorted(d["place_words"], key=len, reverse=True))
    sub_place = "|".join(re.escape(w) for w in sorted(d["place_words"], key=len, reverse=True) if w != LEVELS["province"])
    central = W.join(f"{WORDS['under_central']} {WORDS['central']}".split())
    bare_place = "|".join(re.escape(w) for w in sorted(d["bare_place_words"], key=len, reverse=True))
    # a capitalised word that does not start a new unit and is not a Roman numeral ("Phòng III")
    holders = "|".join(tone_fuzzy(h) for h in d["role_holders"])
    cap = rf"(?!(?:{head})(?!\w))(?!(?:{holders})(?!\w))(?![IVXLC]+\b){UPPER_CLASS}[\w&]*(?:\.[\w]+)?"
    rg = WORDS["regions"]
    region = (rf"(?:{'|'.join(rg['directions'])})[ ]{_either_case_first(rg['part'])}"
              rf"|{_either_case_first(rg['delta'])}[ ]\w+|{_spaced(WORDS['party_branch'])}")
    province_list = rf"(?:{provinces})(?:[ ]*,[ ]*(?:{provinces}))*(?:[ ]*(?:,|{AND})[ ]*(?:{provinces}))?"
    capitalised = "|".join(LEVELS[k].capitalize() for k in ("province", "district", "city"))
    province_level = "|".join(W.join(w.split()) for w in _PROVINCE_LEVELS.split("|"))
    place = (rf"(?:(?:{place_word}|{place_word.upper()}|{capitalised}){W}(?:{province_list}|{cap}(?:{W}{cap}){{0,3}})"
             # "các tỉnh, thành phố: Tuyên Quang, Đồng Nai": the head is given to each province of the list
             rf"|{COLLECTIVE}{W}(?:{province_level})(?:[ ]*[,/][ ]*(?:{province_level}))?[ ]*:[ ]*{province_list}"
             rf"|{COLLECTIVE}{W}(?:{place_word})(?:[ ]*[,/][ ]*(?:{place_word}))*(?:{W}{central})?"
             # every district (commune) of the province: "huyện, thành phố", "huyện/thành phố", "xã, phường, thị trấn"
             rf"|(?:{sub_place})(?:[ ]*[,/][ ]*(?:{sub_place}))+(?![ ]{{1,2}}{UPPER_CLASS})"
             rf"|{LEVELS['province']}[ ]*,[ ]*{W.join(LEVELS['city'].split())}{W}{central}"
             rf"|(?:{bare_place}|{bare_place.upper()})(?![ ]{{1,2}}{UPPER_CLASS}))")
    pc = WORDS["party_committees"]
    party = rf"(?:{'|'.join(pc['places'])})[ ](?:{'|'.join(pc['committee'])})|{_spaced(WORDS['central'])}"
    quoted = r"“[^”\n]{3,150}”"
    named = rf"(?:(?:{sector})(?!\w){number}|{region}|{party}|{cap})"
    # "Thường trực thi đua 2 đơn vị": the joint body of two named units
    ju = WORDS["joint_units"]
    joint = rf"(?:\d|{'|'.join(ju['counts'])})[ ]{_spaced(ju['word'])}(?!\w)"
    # a numbered region of a body organised by region ("Kho bạc Nhà nước khu vực XI", "Chi cục Hải quan khu vực 8")
    numbered_region = rf"{W.join(WORDS['numbered_region'].split())}{W}(?:[IVXLC]+|\d{{1,2}})(?![\w/.,]\d)(?![\w/])"
    piece = (rf"(?:{named}|{place}|{quoted}|{WORDS['number_word']}[ ]\d+|{joint}|{numbered_region}"
             rf"|(?:{lower_mods})(?!\w))")
    more = rf"(?:{W}|[ ]*[-–&][ ]*){piece}|{W}{AND}{W}{named}"
    tail = rf"{piece}(?:{more})*"
    parent = rf"(?:,[ ](?:{'|'.join(WORDS['parent_heads'])})[ ](?:{tail}))"
    mention = re.compile(rf"(?<![\w&])(?P<head>{head_any})(?!\w)(?P<tail>{W}{tail})?(?P<parent>{parent})?")
    return mention, re.compile(rf"(?:{more})+"), re.compile(rf"(?:{W}(?:{place}|{numbered_region}))+")


def _mention_re() -> re.Pattern:
    return _grammar()[0]


def _continuation_re() -> re.Pattern:
    """The rest of a name's tail after a point inside it (" và Đối ngoại", " tỉnh Lào Cai")."""
    return _grammar()[1]


@lru_cache(maxsize=1)
def _standalone() -> frozenset[str]:
    return frozenset(name_key(h) for h in heads_data()["standalone"])


@lru_cache(maxsize=1)
def _standalone_variant_keys() -> frozenset[str]:
    keys = set()
    for v in _head_variants():
        if name_key(expand_abbreviations(v)) in _standalone():
            keys.add(name_key(v))
    return frozenset(keys)


@lru_cache(maxsize=1)
def _position_before_re() -> re.Pattern:
    return re.compile(rf"(?:{_positions_alternation()})[ ]+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _containers() -> frozenset[str]:
    return frozenset(name_key(h) for h in heads_data()["container_heads"])


_MOTTO = re.compile(r"[ ]+(?:" + "|".join("[ ]+".join(m.split()) for m in WORDS["motto_starts"]) + ")")


def _trim_surface(surface: str) -> str:
    """An upper-case name stops at the first word that is not upper case (a header line's next column);
    a name never ends in a connector."""
    motto = _MOTTO.search(surface)  # a two-column header line: the state motto is the next column
    if motto:
        surface = surface[:motto.start()]
    words = surface.split(" ")
    if len(words[0]) > 1 and words[0].isupper() and not _abbr_re().fullmatch(words[0]):
        for i, w in enumerate(words):
            if any(c.isalpha() for c in w) and not w.isupper():
                words = words[:i]
                break
    while words and words[-1].lower() in (AND, "-", "–", ",", "&", ""):
        words = words[:-1]
    return " ".join(words) if words else surface


def find_unit_mentions(text: str) -> list[tuple[int, int, str]]:
    """Spans of unit names in ``text`` (head + modifiers + place): (start, end, surface)."""
    return list(_find_unit_mentions(text))


_WORD = re.compile(r"(?<![\w&])[\w&]+")


def _trie_regex(words: list[str]) -> str:
    """One regex for a set of literal words, as a character trie (much faster than a flat alternation)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(root)


@lru_cache(maxsize=1)
def _head_start_words() -> re.Pattern:
    """Where a unit mention can start: the first word of a head, in lower, capitalised or upper case."""
    firsts = _first_words(tuple(_head_variants()))
    cased = {a for w in firsts for a in (w, w[:1].upper() + w[1:], w.upper())}
    return re.compile(rf"(?<![\w&]){_trie_regex(sorted(cased))}(?![\w&])")


def _mentions_iter(text: str):
    """``_mention_re().finditer(text)``, tried only where a head's first word starts."""
    return _scan(_mention_re(), None, text, _head_start_words())


@lru_cache(maxsize=256)  # several extractors read the mentions of the same text
def _find_unit_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    # a container head ("Văn phòng", "Thường trực", "Hội đồng Thi đua - Khen thưởng") awaiting its body:
    # (its start, whether it was emitted as a unit of its own)
    pending: tuple[int, bool] | None = None
    events = _event_words()
    covered = 0  # the end of a name completed from the reference list: mentions inside it are parts of it
    for m in _mentions_iter(text):
        head = m.group("head")
        start = m.start()
        if start < covered:
            continue
        reference_end = _complete_from_reference(text, start) if head[:1].isupper() else start
        merged_start = None
        if pending is not None:
            between = text[pending[0]:start]
            if 0 < len(between) < 60 and between[-1] == " " and "\n" not in between and \
                    name_key(expand_abbreviations(between)) in _containers():
                merged_start = pending[0]
                drop_previous = pending[1]
        pending = None
        if not head[0].isupper() and merged_start is None and \
                not _position_before_re().search(text[max(0, start - 30):start]):
            continue  # "các sở, ban, ngành" is a collective, not a named unit
        tail = m.group("tail")
        if start and text[start - 1] in "-/" and head.isupper():
            continue  # "TTr-UBND", "QĐ-BTĐKT": the issuer's code inside a document number
        if not tail and reference_end == start and name_key(head) not in _standalone_variant_keys():
            if name_key(head) in _containers():
                pending = (start, False)
            continue  # a bare "Sở", "Ban", "Phòng" names nothing
        if tail and head in events and tail.split()[0] in events[head]:
            continue  # "Hội Nghị", "Hội Thi": an event, not an association
        surface = m.group(0)
        n_upper = sum(map(str.isupper, surface))
        upper = n_upper / max(1, n_upper + sum(map(str.islower, surface))) > 0.8
        if upper and name_key(expand_abbreviations(head)) not in _standalone():
            continue  # "BÁO CÁO", "CỤC TRƯỞNG": upper-case headings, not names
        if m.group("parent") and (not _DEPARTMENT_PART.match(head)
                                  or _sibling_of_departments(text[start:m.start("parent")])):
            end = m.start("parent")
        else:
            end = m.end()
        if merged_start is not None:
            start = merged_start
            if drop_previous and out and out[-1][0] == start:
                out.pop()
        end = start + len(_trim_surface(text[start:end]))
        end = _run_to_word_end(text, start, end)
        end = covered = max(end, reference_end)
        out.append((start, end, text[start:end]))
        if m.group("parent") and end <= m.start("parent"):
            # "UBND tỉnh, Sở Nội vụ": a "Sở" after a body that has no sub-bodies is the next unit of a list
            ps = m.start("parent") + 2
            pe = ps + len(_trim_surface(text[ps:m.end()]))
            out.append((ps, pe, text[ps:pe]))
        if not tail and name_key(expand_abbreviations(head)) in _containers():
            pending = (start, True)
    return tuple(out)


_DEPARTMENT_PART = re.compile(rf"(?i)({'|'.join(WORDS['department_parts'])})\b")


@lru_cache(maxsize=1)
def _event_words() -> dict[str, frozenset[str]]:
    return {WORDS["event_head"]: frozenset(heads_data()["event_words"])}


# --- OCR repair of a name ------------------------------------------------------------------

# Icelandic eth (U+00D0/U+00F0) looks like Đ/đ and OCR returns it; same length, so offsets survive
_OCR = WORDS["ocr"]
OCR_SAME_LENGTH = str.maketrans(_OCR["same_length"])
_LOWER_RUN = rf"{LOWER_CLASS}+"
_ABBR_LETTERS = "A-ZĐ"  # the letters of a unit abbreviation
# an abbreviation glued to the next word: "UBNDtinh", "TĐKTtỉnh", "TĐcác" (a capital run, then lower case)
_GLUED_ABBR = re.compile(rf"(?<![\w&])([{_ABBR_LETTERS}&]{{2,}})({_LOWER_RUN})(?!\w)")
# Vietnamese writes đ only at the start of a syllable: "Thiđua" is two syllables glued by OCR
_GLUED_D = re.compile(rf"(?<={LOWER_CLASS})(?={_OCR['syllable_initial']}{LOWER_CLASS})")
# "và" glued to the word before it ("Thương binhvà Xã hội"); no syllable ends in "và"
_GLUED_AND = re.compile(rf"(?<={LOWER_CLASS}{{2}})(?={AND}(?![\w]))")
# a level word after an abbreviation ("tỉnh"), as OCR reads it without its tone or with a doubled letter
_MISREAD = tuple((re.compile(rf"(?<=[{_ABBR_LETTERS}] )(?:{'|'.join(misread)})(?=$|[ ,;.)])"), word)
                 for word, misread in _OCR["misread"].items())
_ABBR_AFTER_WORD = re.compile(rf"(?<={LOWER_CLASS}{{2}})([{_ABBR_LETTERS}&]{{2,}})(?![\w&])")  # "tỉnhĐBSH"
_ABBR_JUNK = re.compile(r"[Il|!1]$")  # a stray stroke after an abbreviation: "UBNDItinh"


def _edit1(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


@lru_cache(maxsize=1)
def _unit_abbrs() -> tuple[str, ...]:
    return tuple(a for a, _ in _abbreviations() if a.isupper() and len(a) >= 2)


def _known_abbr(run: str) -> str | None:
    """``run`` as a known unit abbreviation: itself, without a stray stroke, or (4+ letters) one OCR slip away."""
    abbrs = _unit_abbrs()
    if run in abbrs:
        return run
    bare = _ABBR_JUNK.sub("", run)
    if bare != run and bare in abbrs:
        return bare
    for cand in (run, bare):
        if len(cand) >= 4:
            close = [a for a in abbrs if len(a) >= 4 and _edit1(cand, a)]
            if len(close) == 1:
                return close[0]
    return None


def repair_ocr_name(s: str) -> str:
    """A unit name as OCR glued or misread it, repaired where the repair is unambiguous:
    "UBNDItinh" -> "UBND tỉnh", "Hội đồng TĐKTtinh" -> "Hội đồng TĐKT tỉnh", "Ban Thiđua" -> "Ban Thi đua",
    "Thương binhvà Xã hội" -> "Thương binh và Xã hội", "TÐ" (eth) -> "TĐ". Anything else is left as it is."""
    if any(c in s for c in _OCR["same_length"]):
        s = s.translate(OCR_SAME_LENGTH)

    def glued(m: re.Match) -> str:
        abbr = _known_abbr(m.group(1))
        if abbr is None:
            return m.group(0)
        return f"{abbr} {m.group(2)}"

    def glued_before(m: re.Match) -> str:
        abbr = _known_abbr(m.group(1))
        return m.group(0) if abbr is None else f" {abbr}"

    s = _GLUED_ABBR.sub(glued, s)
    s = _ABBR_AFTER_WORD.sub(glued_before, s)
    s = _GLUED_D.sub(" ", s)
    s = _GLUED_AND.sub(" ", s)
    for rx, word in _MISREAD:
        s = rx.sub(word, s)
    return s


# --- a name broken over two lines ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _name_phrases() -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The word keys of every multi-word name part the lexicons know (heads, sectors, kinds of body, the
    public bodies of ``public_bodies.csv`` and their aliases), each with whether it starts with a head."""
    d = heads_data()
    heads = [(h, True) for h in d["heads"]]
    parts = [(s, False) for s in list(d["sectors"]) + list(d["name_types"])]
    bodies = []
    for r in read_csv("public_bodies.csv"):
        bodies += [(n, True) for n in [r["name"], *(r.get("aliases") or "").split("|")] if n]
    out = {}
    for form, is_head in heads + parts + bodies:
        words = tuple(name_key(form.replace("{province}", "").replace("{ministry}", "")).split())
        if len(words) >= 2:
            out[words] = out.get(words, False) or is_head
    return tuple(out.items())


@lru_cache(maxsize=1)
def _split_pairs() -> tuple[frozenset, frozenset]:
    """Every (end of a line, start of the next) in word keys that splits a known name part:
    ("giáo dục và", "đào tạo"), ("sở công", "thương"). The second set holds the splits whose left side
    starts at a head ("hội đồng thi đua", "khen thưởng"): only those may run into a line that starts with a
    dash, which otherwise opens a list item."""
    any_pair, head_pair = set(), set()
    for words, is_head in _name_phrases():
        n = len(words)
        for i in range(1, n):
            for a in range(max(0, i - 4), i):
                for b in range(i + 1, min(n, i + 4) + 1):
                    pair = (" ".join(words[a:i]), " ".join(words[i:b]))
                    any_pair.add(pair)
                    if is_head and a == 0:
                        head_pair.add(pair)
    return frozenset(any_pair), frozenset(head_pair)


@lru_cache(maxsize=1)
def _modifier_heads() -> frozenset[str]:
    """Heads that name nothing without a modifier ("Sở", "Ban", "Văn phòng")."""
    return frozenset(name_key(h) for h in heads_data()["heads"]) - _standalone()


_DASH_START = re.compile(r"[-–+][ ]")
_PLACE_END = re.compile(rf"(?:^|[ ])(?:{PLACE_DESIGNATOR})$")


def name_goes_on(prev: str, follow: str) -> bool:
    """The line break between ``prev`` and ``follow`` falls inside a unit name, so it reads as a space:
    a head that needs a modifier before a capitalised word ("Sở\\nTài chính"), a known name part split by the
    break ("Sở Giáo dục và\\nĐào tạo", "Bộ Chỉ huy\\nQuân sự tỉnh", "Ủy ban Mặt trận Tổ quốc\\nViệt Nam"), or a
    place word before a province ("thành phố\\nHà Nội"). A new sentence after a complete name ("Sở Nội
    vụ\\nChủ trì ...") is none of these."""
    p, f = prev.rstrip(), follow.lstrip()
    if not p or not f or "\t" in prev or "\t" in follow:
        return False
    dash = bool(_DASH_START.match(f))
    left = name_key(p).split()[-4:]
    right = name_key(f[:80]).split()[:4]
    if not left or not right:
        return False
    if not dash and f[0].isupper():
        raw = p.split()
        if any(len(raw) >= k and raw[-k][:1].isupper() and name_key(" ".join(raw[-k:])) in _modifier_heads()
               for k in (1, 2)):
            return True
        if _PLACE_END.search(p) and any(canonical_province(" ".join(right[:k])) for k in (1, 2, 3)):
            return True
    pairs = _split_pairs()[1 if dash else 0]
    return any((" ".join(left[-k:]), " ".join(right[:j])) in pairs
               for k in range(1, len(left) + 1) for j in range(1, len(right) + 1))


@lru_cache(maxsize=1)
def _dash_compounds() -> frozenset[tuple[str, str]]:
    """(left, right) word keys of every dash join inside a name the lexicons print ("Thi đua - Khen thưởng",
    "Lao động - Thương binh và Xã hội", "Kinh tế - Hạ tầng - Đô thị"): the left side runs back to its last
    capitalised word, the right side on to the next capitalised word or "và" ("thi đua", "khen thưởng")."""
    d = heads_data()
    forms = [*d["heads"], *d["sectors"], *d["name_types"]]
    for r in read_csv("public_bodies.csv"):
        forms += [n for n in [r["name"], *(r.get("aliases") or "").split("|")] if n]
    out = set()
    for form in forms:
        parts = form.split(" - ")
        for left, right in zip(parts, parts[1:]):
            lw, rw = left.split(), right.split()
            start = max((i for i, w in enumerate(lw) if w[:1].isupper()), default=0)
            stop = next((i for i, w in enumerate(rw) if i and (w[:1].isupper() or w == AND)), len(rw))
            out.add((name_key(" ".join(lw[start:])), name_key(" ".join(rw[:stop]))))
    return frozenset(pair for pair in out if all(pair))


_DASH_ITEM = re.compile(r"^\s*[-\u2013]\s+")


def dash_continues_name(prev: str, follow: str) -> bool:
    """A line that opens with a dash continues ``prev`` instead of opening a list item when the dash is the
    one inside a known name wrapped at it ("Hội đồng Thi đua\\n- Khen thưởng tỉnh", "Phòng Văn hóa\\n- Thông
    tin"): ``prev`` ends with the capitalised left side of a known dash join and ``follow`` opens with its
    capitalised right side. Whether ``prev`` ends a clause is the caller's layout question."""
    dash = _DASH_ITEM.match(follow)
    if not dash:
        return False
    left, right = prev.split(), follow[dash.end():].split()
    for k in (1, 2, 3):
        if len(left) < k or not left[-k][:1].isupper():
            continue
        for j in (1, 2, 3):
            if len(right) < j or not right[0][:1].isupper():
                break
            if (name_key(" ".join(left[-k:])), name_key(" ".join(right[:j]))) in _dash_compounds():
                return True
    return False


# --- a name that stops inside a word -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Vietnamese words of two or more syllables, lower case: underthesea's Viet74K word list (a dependency,
    GPL like this project), read from the installed package without importing it (the import is slow)."""
    spec = importlib.util.find_spec("underthesea")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    path = folder / "corpus" / "data" / "Viet74K.txt" if folder else Path("underthesea/corpus/data/Viet74K.txt")
    if not path.is_file():
        raise LexiconMissingError(path)
    words = (w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if " " in w)


_LAST_WORD = re.compile(r"(?<![\w&])[\w&]+$")
_NEXT_SYLLABLE = re.compile(rf"[ ]({LOWER_CLASS}+)(?![\w&])")


def _run_to_word_end(text: str, start: int, end: int) -> int:
    """A name's end moved past the lower-case syllables that finish the word its last capitalised syllable
    starts ("Cục Việc| làm", "Phòng Quản lý Khoa| học và Đối ngoại", "Ban Đại| diện"), and then on through
    the rest of the name. Official names capitalise only the first syllable of each part (Decree 30/2020),
    so a part of two or more syllables ends in lower case; the word list says where that word ends."""
    for _ in range(8):  # each round finishes one word; a name has few parts
        last = _LAST_WORD.search(text, start, end)
        if not last or not last.group(0)[0].isupper() or last.group(0).isupper() and len(last.group(0)) > 1:
            return end
        words = text[start:end].split()
        if any(canonical_province(" ".join(words[-k:])) for k in (1, 2, 3) if len(words) > k):
            return end  # a place ends the name ("tỉnh Ninh Bình| chuẩn bị"): no word to finish
        syllables, pos, word_end = [last.group(0).lower()], end, None
        for _ in range(3):
            m = _NEXT_SYLLABLE.match(text, pos)
            if not m:
                break
            syllables.append(m.group(1))
            pos = m.end()
            if " ".join(syllables) in _lexicon_words():
                word_end = pos
        if word_end is None:
            return end
        end = word_end
        more = _continuation_re().match(text, end)
        if more:
            end = start + len(_trim_surface(text[start:more.end()]))
    return end


# --- names completed and checked against the reference list of public bodies ------------------------------

@lru_cache(maxsize=1)
def _reference_rows() -> tuple[tuple[str, str], ...]:
    """(name, parent) of every public body and alias in ``public_bodies.csv``, placeholders left out."""
    out = []
    for r in read_csv("public_bodies.csv"):
        for n in [r["name"], *(r.get("aliases") or "").split("|")]:
            if n and "{" not in n:
                out.append((n, r["parent"]))
    return tuple(out)


@lru_cache(maxsize=1)
def _reference_re() -> re.Pattern:
    """Every reference name of three or more words, its first letter as written and the rest in any case
    ("Đài truyền hình Việt Nam"), either tone placement, longest first."""
    names = sorted({n for n, _ in _reference_rows() if len(n.split()) >= 3}, key=len, reverse=True)
    alts = "|".join(re.escape(n[0]) + f"(?i:{tone_fuzzy(n[1:])})" for n in names)
    return re.compile(rf"(?:{alts})(?![\w&])")


def _complete_from_reference(text: str, start: int) -> int:
    """The end of the reference name that starts at ``start`` and runs on through the rest of a name (a place
    after it), or ``start`` when none does: "Tập đoàn Công nghiệp - Viễn thông Quân đội" is one body although
    "Viễn thông" starts a name of its own, "Đài truyền hình Việt Nam" one although "truyền hình" is lower case."""
    m = _reference_re().match(text, start)
    if not m:
        return start  # a complete name takes only a place after it ("Đài Truyền hình Việt Nam| Ngày ...")
    base = m.end()
    level = _LEVEL_AT_END.search(text, start, base)  # "Văn phòng Ủy ban nhân dân thành phố| Hà Nội": the place
    if level:                                        # word starts the place, whose name follows
        base = level.start()
    place = _grammar()[2].match(text, base)
    return start + len(_trim_surface(text[start:max(m.end(), place.end() if place else 0)]))


_LEVEL_AT_END = re.compile(rf"[ ](?:{PLACE_DESIGNATOR})$")


_LEVEL_WORD = re.compile(" (?:" + "|".join([*(LEVELS[k] for k in ("province", "district", "commune", "city")),
                                             *(f"{WORDS['level_of']} {LEVELS[k]}" for k in ("province", "district", "commune"))]) + ")$")


@lru_cache(maxsize=1)
def _reference_parents() -> dict[str, str]:
    """name key without its level word ("ban quản lý khu kinh tế") -> its parent body."""
    return {name_key(_LEVEL_WORD.sub("", n)): parent for n, parent in _reference_rows()}


def _sibling_of_departments(name: str) -> bool:
    """``name`` is a body that does not belong to a Sở or a Bộ (the reference list says it belongs to the
    provincial people's committee, a group, ...), so "Ban Quản lý Khu kinh tế, Sở Công Thương" lists two
    bodies, while "Ban Thi đua - Khen thưởng, Sở Nội vụ" names a board and its department."""
    parent = _reference_parents().get(name_key(name))
    return bool(parent) and not parent.startswith((*WORDS["parent_heads"], "{ministry}"))


@lru_cache(maxsize=1)
def _reference_spelling() -> dict[str, str]:
    """name key -> the official spelling of a body of the reference list (its name, not an alias)."""
    return {name_key(r["name"]): r["name"] for r in read_csv("public_bodies.csv") if "{" not in r["name"]}
