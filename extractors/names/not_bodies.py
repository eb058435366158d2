"""Mentions the head grammar reads that name no body: a law's title ("Luật Viễn thông", "Bộ luật Tố tụng hình sự"),
a head's word inside a proper name ("Hội An", "phường Trường Vinh"), a kind of tax ("Thuế GTGT"), a placeholder in a
template's example ("Ví dụ: Sở AH ..."), a head cut off a heading ("THÔNG BÁO" is no "Báo")."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import read_yaml
from extractors.names.casing import names_a_form
from extractors.names.lexicon import WORDS, abbreviation_table, canonical_province
from extractors.text import name_key, place_designators


@lru_cache(maxsize=1)
def _law_types() -> tuple[re.Pattern, frozenset[str]]:
    """The type words of a law's title (citation_words.yaml, the citations' own list), before a mention or as it."""
    types = sorted(read_yaml("citation_words.yaml")["law_types"], key=len, reverse=True)
    alts = "|".join("[ ]+".join(map(re.escape, t.split())) for t in types)
    return re.compile(rf"(?i)(?<!\w)(?:{alts})[ ]+$"), frozenset(name_key(t) for t in types)


@lru_cache(maxsize=1)
def _words() -> dict:
    d = WORDS["not_bodies"]
    openers = "|".join("[ ]+".join(map(re.escape, w.split())) for w in sorted(d["example_openers"], key=len, reverse=True))
    designators = "|".join(re.escape(w) for w in sorted(place_designators(), key=len, reverse=True))
    return {
        "function": frozenset(name_key(h) for h in d["function_heads"]),
        "place_named": frozenset(name_key(h) for h in d["place_named_heads"]),
        "example": re.compile(rf"(?<!\w)(?:{openers})(?!\w)"),
        "designator": re.compile(rf"(?<!\w)(?:{designators})[ ]+$"),
    }


def _proper_syllables(words: list[str]) -> bool:
    """Syllables of a proper name: each a word of letters whose first letter only is a capital ("An Tây")."""
    return bool(words) and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words)


def _unknown_abbreviation(word: str) -> bool:
    """An upper-case token neither the abbreviation list nor the provinces know ("GTGT", "AH", "BK")."""
    return len(word) >= 2 and word.isupper() and word not in abbreviation_table() and not canonical_province(word)


def names_no_body(text: str, start: int, end: int, head: str) -> bool:
    """Whether the mention ``text[start:end]``, read from its head ``head``, names no body."""
    w = _words()
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40):start]
    surface = text[start:end]
    tail = surface[len(head):].split()
    laws, law_keys = _law_types()
    if laws.search(before) or tail and name_key(f"{head} {tail[0]}") in law_keys:
        return True  # "Luật Viễn thông", "Bộ Luật tố tụng hình sự": a law's title
    key = name_key(head)
    if _proper_syllables(tail) and not names_a_form(" ".join(tail)) and (
            key in w["function"] or w["designator"].search(before) and before[-2:-1].islower()):
        # "Hội An", "Vụ Bản" (a function head before a proper name), "phường Trường Vinh" (after a place's level)
        return True
    if key in w["place_named"] and tail and _unknown_abbreviation(tail[0]):
        return True  # "Thuế GTGT", "Thuế TTĐB": a kind of tax
    if w["example"].search(text, line_start, start) and any(map(_unknown_abbreviation, tail)):
        return True  # "Ví dụ: Sở AH sẽ có ...", "Ví dụ: UBND xã BK ...": a placeholder
    return False
