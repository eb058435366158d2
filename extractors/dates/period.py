"""Periods as a table writes them in a time cell or a section row: the one parser, reading also the spelling
variants and the OCR misreadings of the quarter word that such cells carry (``data/period_words.yaml``)."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.context import DocContext
from extractors.dates.parse import find_times, parse_time
from extractors.lexicon import read_yaml
from extractors.text.numbers import ROMAN
from schemas.record import TimeValue

# glyphs OCR gives for the Roman "I" in a quarter heading ("Quy Il", "Quý 1I", "Quý |V")
_OCR_ONE = re.compile(r"[lL1|!]")
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")


@lru_cache(maxsize=1)
def _words() -> dict:
    d = read_yaml("period_words.yaml")
    variants = d["spelling_variants"]
    return {
        "variants": variants,
        "variant": re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(v) for v in variants) + r")(?!\w)"),
        "ocr_quarter": re.compile(rf"(?i)^{d['ocr_quarter_word']}[ ]*([IVXl1|!]{{1,4}})[.:]?$"),
    }


def respelled(phrase: str) -> str:
    """``phrase`` with each spelling variant of a date word in its standard spelling, case and length kept."""
    w = _words()

    def standard(m: re.Match) -> str:
        std = w["variants"][m.group(0).lower()]
        return "".join(s.upper() if o.isupper() else s for o, s in zip(m.group(0), std))
    return w["variant"].sub(standard, phrase)


def parse_period(phrase: str, context: DocContext | None = None) -> TimeValue | None:
    """A period in a time cell or a section row ("Quý II", "Tháng 5/2024", "Quí IV-2025"): the parser's reading
    of the phrase with its spelling variants respelled (the value's text as the phrase writes it)."""
    phrase = phrase.strip()
    if not phrase:
        return None
    if _BARE_YEAR.fullmatch(phrase):  # a time cell holding only the year ("2026"): that year
        return TimeValue(text=phrase, value=phrase, granularity="year")
    fixed = respelled(phrase)
    if fixed == phrase:
        return parse_time(phrase, context)
    # a respelled phrase holds a word, so parse_time's reading of a bare "27/7" never applies to it
    found = find_times(fixed, context)
    if not found:
        return None
    s, e, value = max(found, key=lambda f: f[1] - f[0])
    return value.model_copy(update={"text": phrase[s:e]})


def ocr_quarter(phrase: str, year: int | None) -> TimeValue | None:
    """A quarter heading as OCR reads it ("Quy Il", "Quí 1I", "Quý |V"), in ``year``; None without a year."""
    m = _words()["ocr_quarter"].match(phrase.strip())
    if not m or not year:
        return None
    q = ROMAN.get(_OCR_ONE.sub("I", m.group(1)).upper())
    if q and q <= 4:
        return TimeValue(text=m.group(0), value=f"{year}-Q{q}", granularity="quarter")
    return None
