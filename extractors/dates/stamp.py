"""The signing-stamp rule: a stamp date ('Giờ ký: 24/10/2032') one misread digit later than the document's
year is the document's year. Shared by the dates and the header."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.context import DocContext
from extractors.dates.atoms import Atom
from extractors.dates.lexicon import date_words, spaced_words
from extractors.dates.year import plan_year


def stamp_cues() -> tuple[str, ...]:
    """The words that introduce a signing stamp's date ("Giờ ký", "Thời gian ký"), from data/time_words.yaml."""
    return tuple(date_words()["signing_stamp_cues"])


def misread_stamp_year(stamp: int, year: int) -> bool:
    """A stamp year later than the document's year by one digit is that year misread: a document is not signed
    years after its date."""
    return stamp > year and _one_digit_apart(str(stamp), str(year))


@lru_cache(maxsize=1)
def _stamp_re() -> re.Pattern:
    return re.compile(r"(?:^|[^\w])(?:" + spaced_words(stamp_cues()) + r")\s*[:;.,]?\s*$")


def fix_stamp_years(text: str, low: str, atoms: list[Atom], context: DocContext | None) -> None:
    """'Giờ ký: 24/10/2032' in a 2022 document: a signing stamp a few years after the document's year by one
    misread digit is the document's year (a document is not signed years after its date)."""
    if "ký" not in low:
        return
    year = None
    for a in atoms:
        if a.kind != "dmy_num" or a.y is None or not _stamp_re().search(low, max(0, a.start - 20), a.start):
            continue
        year = year or (context.year if context else None) or plan_year(text, atoms)
        if year and misread_stamp_year(a.y, year):
            a.y = year


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1
