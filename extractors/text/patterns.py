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
    """A non-capturing alternation of regex fragments in their data-file order (the first that matches wins).
    For words to match literally, use :func:`word_alternation`."""
    return "(?:" + "|".join(entries) + ")"


def literal(words: str, space: str = " ") -> str:
    """``words`` as a pattern that matches them literally; a space becomes ``space`` (a plain space, for
    readable patterns, or ``\\s+`` where the text may wrap or double it)."""
    return re.escape(words).replace(r"\ ", space)


def word_alternation(words, *patterns: str, longest_first: bool = False, grouped: bool = True,
                     space: str = " ") -> str:
    """An alternation of literal ``words``, then of any regex ``patterns``: in the given order (the order a
    pattern tries them: the first that matches wins), or longest first (where a prefix must not win over the
    longer word); non-capturing unless ``grouped`` is False (the caller groups it with more)."""
    ordered = sorted(words, key=len, reverse=True) if longest_first else list(words)
    body = "|".join([literal(w, space) for w in ordered] + list(patterns))
    return "(?:" + body + ")" if grouped else body


def starting_with(words, either_case: bool = False) -> str:
    """A lookahead for the first letters of literal ``words`` (both cases if ``either_case``), to put before a
    pattern that can only match at one of them but opens with a look-behind: the engine then skips to those
    letters instead of trying the pattern at every position (several times faster over a whole document).
    It admits every match the pattern admits."""
    firsts = {w[0] for w in words if w}
    if either_case:
        firsts |= {c for f in firsts for c in (f.lower(), f.upper()) if len(c) == 1}
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def either_case_first(word: str) -> str:
    """``word`` as a literal pattern with its first letter in either case ("kèm theo" -> "[Kk]èm theo")."""
    return f"[{word[0].upper()}{word[0]}]" + literal(word[1:])


_BASIS = _WORDS["legal_basis"]
# "Căn", "cứ": the words of the phrase that opens a legal basis
LEGAL_BASIS_WORDS: tuple[str, ...] = tuple(_BASIS["words"])
# "Căn cứ" as OCR reads it ("Can cu", "Căn cử") or as an upper-case heading
CAN_CU = ("(?:" + ocr_tolerant(_BASIS["words"], _BASIS["ocr_letters"]) + "|"
          + ocr_tolerant([w.upper() for w in _BASIS["words"]], {}) + ")")
