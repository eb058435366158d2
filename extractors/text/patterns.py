"""Patterns defined once for every extractor: place designators and the OCR-tolerant "Căn cứ"."""
from __future__ import annotations

import re

from extractors.lexicon import read_yaml

_WORDS = read_yaml("text_words.yaml")


def place_designators() -> tuple[str, ...]:
    """"tỉnh", "thành phố", ..., "thị trấn": the words before a place name, from data/text_words.yaml."""
    return tuple(_WORDS["place_designators"])


# the alternation, non-capturing: wrap it in a group where the designator itself is wanted
PLACE_DESIGNATOR = "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in place_designators()) + ")"


def ocr_tolerant(words: list[str], letters: dict[str, str], gap: str = r"[ \t]+") -> str:
    """A pattern for ``words`` in which each letter listed in ``letters`` may be any of its OCR misreadings."""
    def one(word: str) -> str:
        return "".join(f"[{letters[c]}]" if c in letters else re.escape(c) for c in word)
    return gap.join(one(w) for w in words)


def alternation(entries: list[str]) -> str:
    """A non-capturing alternation of ``entries`` in their data-file order (the first that matches wins): words
    as written, or regex fragments where the data file says so."""
    return "(?:" + "|".join(entries) + ")"


def either_case_first(word: str) -> str:
    """``word`` with its first letter in either case ("kèm theo" -> "[Kk]èm theo")."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


_BASIS = _WORDS["legal_basis"]
# "Căn", "cứ": the words of the phrase that opens a legal basis
LEGAL_BASIS_WORDS: tuple[str, ...] = tuple(_BASIS["words"])
# "Căn cứ" as OCR reads it ("Can cu", "Căn cử") or as an upper-case heading
CAN_CU = ("(?:" + ocr_tolerant(_BASIS["words"], _BASIS["ocr_letters"]) + "|"
          + ocr_tolerant([w.upper() for w in _BASIS["words"]], {}) + ")")
