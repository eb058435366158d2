"""Legacy Vietnamese encodings (TCVN3/ABC and VNI) seen as mojibake, and their conversion to Unicode.

Text typed with the old .VnTime (TCVN3) or VNI-Times fonts reaches us as the code points of a
cp1252/latin-1 reading of its bytes ("Céng hßa", "Coäng hoøa"). The tables are the project's own
data files ``extractors/data/legacy_tcvn3.csv`` and ``legacy_vni.csv``.

Detection compares how many non-ASCII words are well-formed Vietnamese syllables before and after
decoding, so it does not fire on Unicode Vietnamese (already well-formed) nor on English (ASCII).
TCVN3 has no upper-case toned letters (the .VnTimeH fonts draw the lower-case codes as capitals),
so such letters decode to lower case; that case information is lost in the file itself.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.lexicon import read_csv, read_yaml

ENCODINGS = ("tcvn3", "vni")

_WORDS = read_yaml("legacy_words.yaml")
# Latin-1 letters that occur in Unicode Vietnamese; any other char from U+00A1..U+00FF is suspect.
_VIET_LATIN1 = set(_WORDS["latin1_letters"])
_SUSPECT = frozenset(chr(c) for c in range(0xA1, 0x100)) - _VIET_LATIN1 - {"×", "÷"}
_TOKEN = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u024f\u1ea0-\u1ef9]+")

_ONSET = "(?:" + "|".join(_WORDS["onsets"]) + ")?"
_NUCLEI = _WORDS["nuclei"]
_SYLLABLE = re.compile(_ONSET + "(" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")"
                       + "(?:" + "|".join(_WORDS["codas"]) + ")?")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable (onset, vowel nucleus, coda, at most one tone)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(t) for t in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


@lru_cache(maxsize=None)
def _tables() -> dict[str, tuple[dict[str, str], re.Pattern[str] | None, dict[str, str]]]:
    """For each encoding: legacy -> Unicode map, the pattern that finds legacy units, Unicode -> legacy."""
    out = {}
    for enc in ENCODINGS:
        rows = read_csv(f"legacy_{enc}.csv")
        decode = {r["legacy"]: r["unicode"] for r in rows}
        encode = {r["unicode"]: r["legacy"] for r in rows}
        units = sorted(decode, key=len, reverse=True)  # longest first: "ôù" before "ô"
        out[enc] = (decode, re.compile("|".join(map(re.escape, units))), encode)
    return out


def decode(text: str, encoding: str) -> str:
    """Legacy mojibake -> Unicode (NFC)."""
    table, pattern, _ = _tables()[encoding]
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group()], text))


def encode(text: str, encoding: str) -> str:
    """Unicode -> legacy mojibake, by the same tables. Raises ValueError on an unrepresentable letter."""
    _, _, table = _tables()[encoding]
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out.append(table[ch])
        elif ch.isascii():
            out.append(ch)
        else:
            raise ValueError(f"{ch!r} has no {encoding} form")
    return "".join(out)


def _well_formed(tokens: list[str]) -> float:
    return sum(is_syllable(t) for t in tokens) / len(tokens)


def detect(text: str) -> str | None:
    """The legacy encoding ``text`` is written in, or None for Unicode/ASCII text."""
    if text.isascii() or not _SUSPECT.intersection(text):
        return None  # fast path: the vast majority of pieces
    tokens = [t for t in _TOKEN.findall(text) if not t.isascii()][:2000]  # a sample decides
    if not tokens:
        return None
    before = _well_formed(tokens)
    best, best_score = None, 0.0
    for enc in ENCODINGS:
        score = _well_formed([decode(t, enc) for t in tokens])
        if score > best_score:
            best, best_score = enc, score
    # decoding must make most words well-formed and clearly more than before
    if best is not None and best_score >= 0.8 and best_score - before >= 0.3:
        return best
    return None


def fix_legacy(text: str) -> str:
    """Convert ``text`` to Unicode if it is TCVN3 or VNI mojibake; otherwise return it unchanged."""
    enc = detect(text)
    return decode(text, enc) if enc else text
