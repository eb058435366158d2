"""Awards the 2022 Law does not list, named in the text: a prize named after a person or a thing ("giải thưởng Hải
Thượng Lãn Ông", "Giải thưởng “Sao Khuê”") and a title named in quotes after "danh hiệu" ("danh hiệu “Công dân
Thủ đô ưu tú”"). The annotation guide counts every award or title named as conferred, proposed or planned; such
an award's level is that of the body that confers it, the issuer by default (a ministry or a province: provincial;
a district, a commune: grassroots).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.context import DocContext
from extractors.header.lexicon import COMMUNE, DISTRICT, PROVINCE
from extractors.lexicon import read_yaml
from extractors.text import LOWER_CLASS, UPPER_CLASS, either_case_first, fold, starting_with, word_alternation

_W = read_yaml("award_words.yaml")["outside_law"]
_GAP = r"[ *_]*\n?[ *_]*"  # one space or one line break (a wrapped line), emphasis marks around it
# a word of a proper name: a capital, then lower case ("Hải", "Lãn"); an all-capital abbreviation ("HTLÔ") is not one
_NAME_WORD = UPPER_CLASS + LOWER_CLASS + r"+"
# each pattern that opens with a look-behind is led by its first letters: the engine skips to them
_PRIZE = re.compile(starting_with(_W["prize_words"], either_case=True) + r"(?<!\w)("
                    + word_alternation([], *(either_case_first(w) for w in _W["prize_words"])) + r")"
                    + _GAP + r"(?:“([^”“\n]{3,100})”|(" + _NAME_WORD + r"(?:" + _GAP + _NAME_WORD + r")*))(?!\w)")
# a quoted name, in the quotes word processors type too (”Tên”, ‘Tên’)
_QUOTED = r"[ *_]*[“\"”‘]([^”“\"‘’\n]{3,100})[”\"’]"
_TITLE = re.compile(starting_with(_W["title_words"], either_case=True) + r"(?<!\w)" + word_alternation(_W["title_words"])
                    + _QUOTED, re.IGNORECASE)
_NEXT_QUOTED = re.compile(r"[ ]*(?:" + word_alternation(_W["title_list_joiners"]) + r")" + _QUOTED, re.IGNORECASE)
_LISTED = word_alternation(_W["titles_after_word"], longest_first=True)
_LEVEL_AFTER = {fold(k): v for k, v in _W["title_level_after"].items()}
# a listed title after "danh hiệu", its level after it; then the next one of a list (", Học sinh tiên tiến")
_LISTED_TITLE = re.compile(r"[ *_]*[“\"]?(" + _LISTED + r")[”\"]?(?:[ ]+(" + word_alternation(_W["title_level_after"],
                           longest_first=True) + r"))?(?!\w)", re.IGNORECASE)
_TITLE_WORD = re.compile(starting_with(_W["title_words"], either_case=True) + r"(?<!\w)" + word_alternation(_W["title_words"])
                         + r"(?!\w)", re.IGNORECASE)
_LIST_JOINER = re.compile(r"[ ]*(?:" + word_alternation(_W["title_list_joiners"]) + r")", re.IGNORECASE)
_CENTRAL_START = re.compile(r"(?:" + word_alternation(_W["central_issuer_start"]) + r")(?!\w)")
_GRASSROOTS_START = re.compile(r"(?:" + word_alternation(_W["grassroots_issuer_start"]) + r")(?!\w)")
_CENTRAL_ANY = re.compile(r"(?<!\w)(?:" + word_alternation(_W["central_issuer_words"]) + r")(?!\w)")


@dataclass(frozen=True)
class NamedAward:
    start: int
    end: int
    name: str
    kind: str
    level: str


def issuer_level(context: DocContext | None) -> str:
    """The level of an award the issuer confers: a ministry, a central body or a province gives provincial, a
    district, a commune or a school grassroots; else unknown."""
    if context is None:
        return "unknown"
    if context.level == PROVINCE:
        return "provincial"
    if context.level in (DISTRICT, COMMUNE):
        return "grassroots"
    issuer = fold(context.issuer or "")
    if issuer and (_CENTRAL_START.match(issuer) or _CENTRAL_ANY.search(issuer)):
        return "provincial"
    if issuer and _GRASSROOTS_START.match(issuer):
        return "grassroots"
    return "unknown"


def named_awards(text: str, taken: list[tuple[int, int]], context: DocContext | None) -> list[NamedAward]:
    """Each mention of a named prize or a quoted title that no award of the Law's list (``taken``) covers."""
    level = issuer_level(context)
    out: list[NamedAward] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in [*taken, *((a.start, a.end) for a in out)])

    for m in _PRIZE.finditer(text):
        quoted, plain = m.group(2), m.group(3)
        name_words = (quoted or plain).split()
        if plain and len(name_words) < int(_W["prize_min_name_words"]):
            continue  # "Giải thưởng Báo chí ...": one capital word is a sentence's, not a name's
        if not free(m.start(), m.end()) or not name_words[0][0].isupper():
            continue
        head = _W["prize_name"]
        name = f"{head} “{' '.join(name_words)}”" if quoted else f"{head} {' '.join(name_words)}"
        out.append(NamedAward(m.start(), m.end(), name, _W["prize_kind"], level))
    for t in _TITLE.finditer(text):
        m: re.Match[str] | None = t
        while m:  # danh hiệu “A”, “B” và “C”: each quoted name of the list is a title
            inner = " ".join(m.group(1).split()).strip(" ,;.")
            if inner and inner[0].isupper() and free(m.start(1), m.end(1)):
                out.append(NamedAward(m.start(1), m.start(1) + len(m.group(1).rstrip(" ,;.")), inner,
                                      _W["title_kind"], level))
            m = _NEXT_QUOTED.match(text, m.end())
    for t in _TITLE_WORD.finditer(text):
        pos, first = t.end(), True
        while True:
            joined = pos if first else (_LIST_JOINER.match(text, pos) or None)
            m = _LISTED_TITLE.match(text, joined if first else joined.end()) if (first or joined) else None
            if not m or not free(m.start(1), m.end(1)):
                break
            end = m.end(2) if m.group(2) else m.end(1)
            words = " ".join(text[m.start(1):end].split())
            name = words[0].upper() + words[1:]
            kind_level = _LEVEL_AFTER.get(fold(m.group(2) or ""), level)
            out.append(NamedAward(m.start(1), end, name, _W["title_kind"], kind_level))
            pos, first = m.end(), False
    out.sort(key=lambda a: a.start)
    return out


def same_award(a: str, b: str) -> bool:
    """Two names of one award: the same words, or one cut short by a line or a page ("Giải thưởng Hải Thượng")."""
    ka, kb = " ".join(re.findall(r"\w+", fold(a))), " ".join(re.findall(r"\w+", fold(b)))
    return ka == kb or (len(ka.split()) >= 3 and len(kb.split()) >= 3 and (ka.startswith(kb + " ")
                                                                         or kb.startswith(ka + " ")))
