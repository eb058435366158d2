"""Abbreviation expansion and official casing of a unit name ("UBND TỈNH NAM ĐỊNH" -> "Ủy ban nhân dân tỉnh
Nam Định"), and the head word a name starts with."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names.lexicon import WORDS, abbr_re, abbreviation_table, heads_data, lexicon_words, province_names
from extractors.ocr_correction import bigram_count
from extractors.text import PLACE_DESIGNATOR, is_syllable, name_key, place_designators
from extractors.text.fold import OLD_TONES, tone_fuzzy


# --- abbreviations and casing ---------------------------------------------------

def expand_abbreviations(s: str) -> str:
    """Expand unit abbreviations: "UBND tỉnh" -> "Ủy ban nhân dân tỉnh", "Sở GD&ĐT" -> "Sở Giáo dục và Đào tạo".

    Only whole tokens in the abbreviation's own case are expanded, and an abbreviation that is also a
    Vietnamese word ("TƯ") only where it does not form a known word pair with its neighbour: "BAN TĐKT TƯ" is
    Trung ương, "BỘ TƯ PHÁP" and "KẾ HOẠCH VÀ ĐẦU TƯ" are not."""
    table = abbreviation_table()

    def expand(m: re.Match) -> str:
        word = m.group(0)
        if is_syllable(word) and _forms_word(s, m.start(), m.end()):
            return word
        return table[word]

    out = abbr_re().sub(expand, s)
    return " ".join(out.split())


def expand_word(words: list[str], i: int) -> str:
    """``words[i]`` expanded as in ``expand_abbreviations`` with its neighbours as context (a name read word by
    word: "BỘ" "TƯ" "PHÁP")."""
    before = " ".join(words[max(0, i - 1):i])
    s = (before + " " if before else "") + words[i] + (" " + words[i + 1] if i + 1 < len(words) else "")
    start = len(before) + 1 if before else 0
    m = abbr_re().fullmatch(s, start, start + len(words[i]))
    if not m or (is_syllable(words[i]) and _forms_word(s, start, start + len(words[i]))):
        return words[i]
    return abbreviation_table()[words[i]]


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
    # a head that is also a lower-case modifier keeps the case it is printed in ("Chi nhánh Ngân hàng ...",
    # "Ngân hàng Nhà nước chi nhánh tỉnh")
    lower = {m.lower() for m in d["lowercase_modifiers"]}
    # and the function words of an official name ("Ban Thư ký"), the activities in lower case ("phòng cháy")
    return tuple([h for h in d["heads"] if h.lower() not in lower] + list(d["sectors"]) + list(d["name_types"])
                 + list(FIXED_CASE) + list(WORDS["function_case"]) + list(WORDS["activity_case"])
                 + list(province_names()))


_CASING_WORD = re.compile(r"(?<!\w)\w+")


@lru_cache(maxsize=8)
def first_words(forms: tuple[str, ...]) -> frozenset[str]:
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


def scan(rx: re.Pattern, firsts: frozenset[str] | None, text: str, words: re.Pattern):
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


def official_forms(s: str, case_only: bool = False) -> str:
    """The heads, sectors, function words and provinces of a name in their official form, other words as they
    are: "Trường Cao đẳng Sư Phạm Lạng Sơn" -> "Trường Cao đẳng Sư phạm Lạng Sơn". ``case_only``: only the case
    changes, the letters stay as printed ("Hòa Bình" keeps its tone placement)."""
    rx, canon = _casing_re()
    parts, last, form_end = [], 0, -1
    for m in scan(rx, first_words(_casing_forms()), s, _CASING_WORD):
        form = canon.get(name_key(m.group(0)), m.group(0))
        if case_only and form.lower() != m.group(0).lower() or _ends_a_word(s, m.start(), form_end, form):
            form = m.group(0)
        parts += [s[last:m.start()], form]
        last = form_end = m.end()
    return "".join(parts) + s[last:]


_SYLLABLE_BEFORE = re.compile(r"(?<![\w&])(\w+)[ ]$")


def _ends_a_word(s: str, start: int, form_end: int, form: str) -> bool:
    """A one-word head inside a name that ends the word the syllable before it starts ("Cục Cán bộ", "Ngân hàng
    Chính sách xã hội", "cấp cơ sở", "Trung tâm Công báo"): a syllable of that word, not a body's head, so it keeps
    its case. Not after another form ("Công đoàn Bộ Y tế": a head after a head is a body of its own)."""
    if " " in form or form not in _one_word_heads():
        return False
    before = _SYLLABLE_BEFORE.search(s, max(0, start - 12), start)
    return bool(before) and before.end(1) != form_end and before.start(1) > 0 and \
        f"{before.group(1)} {form}".lower() in lexicon_words()


@lru_cache(maxsize=1)
def _one_word_heads() -> frozenset[str]:
    return frozenset(h for h in heads_data()["heads"] if " " not in h)


def names_a_form(s: str) -> bool:
    """Whether ``s`` holds a head, a sector, a kind of name, a fixed-case word or a province (a proper name does not)."""
    rx, _ = _casing_re()
    return any(True for _ in scan(rx, first_words(_casing_forms()), s, _CASING_WORD))


def proper_case(s: str) -> str:
    """Official casing of an upper-case name: "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH" -> "Ủy ban nhân dân tỉnh Nam Định"."""
    s = " ".join(s.split())
    if not s:
        return s
    n_upper = sum(map(str.isupper, s))
    if n_upper and n_upper / (n_upper + sum(map(str.islower, s))) > 0.8:
        s = s.lower()
    s = official_forms(s)
    # a place nobody listed (a district, a commune): every syllable capitalised
    m = _PLACE_AFTER.search(s)
    # "Ngân hàng Chính sách xã hội tỉnh": "xã" there starts no place, since a place word follows it
    # nor does a list of levels ("phường, xã và đặc khu")
    # nor a word the place word starts ("Phòng Công tác xã hội", "Phòng Bảo trợ xã hội")
    if m and m.group(2).islower() and not set(m.group(2).split()) & _PLACE_WORDS \
            and m.group(2).split()[0] != WORDS["conjunction"] \
            and f"{m.group(1).split()[-1]} {m.group(2).split()[0]}".lower() not in lexicon_words():
        s = s[:m.start(2)] + " ".join(w.capitalize() for w in m.group(2).split()) + s[m.end(2):]
    return s[0].upper() + s[1:]


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
