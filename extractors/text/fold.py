"""Folding of Vietnamese text: lower case, one tone placement, tone marks removed, comparison keys.

Every fold here keeps the length of its input (except ``name_key``), so offsets found on a folded copy
are offsets into the original text."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.lexicon import read_yaml
from extractors.text.patterns import starting_with

_WORDS = read_yaml("text_words.yaml")
# old-style tone placement -> new style (uỷ -> ủy), so lexicon look-ups see one spelling
OLD_TONES: dict[str, str] = dict(_WORDS["old_tone_placement"])
# ``fold`` also reads "sỹ" as "sĩ" (chiến sỹ thi đua): a spelling variant, not a tone placement.
_FOLD_TONES = {**OLD_TONES, **_WORDS["fold_spellings"]}
_FOLD_TONE_RE = re.compile(starting_with(_FOLD_TONES) + "(?<!q)(?:" + "|".join(_FOLD_TONES) + ")")  # "quý": the u belongs to "qu"

_TONE_MAP = {o2: n2 for o, n in OLD_TONES.items()
             for o2, n2 in ((o, n), (o.capitalize(), n.capitalize()), (o.upper(), n.upper()))}
# Only an open final syllable moves its tone (hoà -> hòa, thuỷ -> thủy); "đoàn", "hoàng" and "quý" keep theirs.
_TONE_RE = re.compile("|".join(
    (r"(?<![qQ])" if k[0] in "uU" else "") + re.escape(k) + r"(?!\w)" for k in _TONE_MAP))
_TONE_HINT = re.compile("|".join(sorted({re.escape(k) for k in _TONE_MAP})))  # cheap pre-check, no look-arounds

# OCR of scans gets tone marks wrong ("Bằng khen của Thủ tướng Chính phũ"): names are matched on a copy of
# the text without tone marks (same length, so offsets carry over). The vowel shapes (ơ, ô, ê, ư, ă, â, đ)
# stay: without them too many different words would read alike ("sơ kết" / "số kết").
TONE_MARKS = frozenset({"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"})


def _toneless_char(c: str) -> str:
    d = unicodedata.normalize("NFC", "".join(x for x in unicodedata.normalize("NFD", c) if x not in TONE_MARKS))
    return d if len(d) == 1 else c


_TONE_TABLE = {ord(c): _toneless_char(c) for c in map(chr, range(0xC0, 0x1EFA)) if _toneless_char(c) != c}


def toneless(s: str) -> str:
    """``s`` without tone marks, same length."""
    return s.translate(_TONE_TABLE)


def toneless_rx(pattern: str) -> re.Pattern[str]:
    """A pattern on folded text, matched without tone marks."""
    return re.compile(toneless(pattern))


def fold(text: str) -> str:
    """Lower case, new tone placement, 'sĩ' for 'sỹ'; the result has the length of ``text``."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _FOLD_TONE_RE.sub(lambda m: _FOLD_TONES[m.group()], low)


def skeleton_upper(s: str) -> str:
    """Upper-case letters without tone and vowel marks ("QUYÉT ĐỊNH" and "QUYẾT ĐỊNH" -> "QUYET DINH")."""
    s = unicodedata.normalize("NFD", s.upper().replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def new_tones(s: str) -> str:
    """``s`` with old-style tone placement replaced (Uỷ ban -> Ủy ban), case kept."""
    if not _TONE_HINT.search(s):
        return s
    return _TONE_RE.sub(lambda m: _TONE_MAP[m.group(0)], s)


@lru_cache(maxsize=16384)
def name_key(s: str) -> str:
    """A comparison key for names: NFC, lower case, one tone style, no punctuation."""
    s = new_tones(unicodedata.normalize("NFC", s)).lower()
    s = re.sub(r"[\"“”‘’'()\[\]*_\-–—,.;:/&]", " ", s)
    return " ".join(s.split())


def tone_fuzzy(pattern_text: str) -> str:
    """A regex for ``pattern_text`` that accepts both tone placements and flexible spacing/dashes."""
    return "".join(tone_fuzzy_parts(pattern_text))


def tone_fuzzy_parts(pattern_text: str) -> list[str]:
    """:func:`tone_fuzzy` as its pieces, one per letter, vowel pair or gap (for a trie of many names)."""
    out = []
    i = 0
    low = pattern_text
    rev = {v: k for k, v in OLD_TONES.items()}
    while i < len(low):
        two = low[i:i + 2]
        if two.lower() in rev:
            alt = rev[two.lower()]
            if two[0].isupper():  # "Ủy" / "Uỷ": the other placement keeps the capital
                alt = alt[0].upper() + alt[1:]
            out.append(f"(?:{re.escape(two)}|{re.escape(alt)})")
            i += 2
            continue
        ch = low[i]
        if ch == " " and low[i:i + 3] == " - ":
            out.append(r"[ ]*[-–,]?[ ]*")
            i += 3
            continue
        if ch == ",":
            out.append(r"[ ]*[,-]?")
            i += 1
            continue
        if ch == " ":
            out.append(r"[ ]+")
        elif ch == "-":
            out.append(r"[ ]*[-–][ ]*")
        else:
            out.append(re.escape(ch))
        i += 1
    return out
