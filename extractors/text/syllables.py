"""Whether a word has the shape of one Vietnamese syllable (onset, vowels, coda from data/text_words.yaml)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.lexicon import read_yaml

# the vowel letters without tone marks; tone marks are removed before matching, vowel marks (ă, â, ê, ô, ơ, ư) kept
_VOWELS = "aăâeêioôơuưy"


@lru_cache(maxsize=1)
def _syllable_re() -> re.Pattern:
    syl = read_yaml("text_words.yaml")["syllable"]
    onsets = "|".join(syl["onsets"])
    codas = "|".join(syl["codas"])
    return re.compile(rf"(?:{onsets})?[{_VOWELS}]{{1,3}}(?:{codas})?")


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _toneless(word: str) -> str:
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))


def is_syllable(word: str) -> bool:
    """"TƯ", "nghiêng", "Quảng" are syllables; "UBND", "VNPT", "THCS", "GDĐT" are not (acronyms)."""
    return bool(word) and _syllable_re().fullmatch(_toneless(word)) is not None
