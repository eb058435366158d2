"""A date as a header or a citation writes it ("05/3/2024", "ngày 05 tháng 3 năm 2024", "ngày   tháng 5 năm
2024"), read to the precision written: the header's place line and the citations' dates use this."""
from __future__ import annotations

from functools import lru_cache

from extractors.dates.lexicon import date_lexicon
from schemas.record import TimeValue


def written_time(text: str, d: str | None, m: str | None, y: str | None) -> TimeValue | None:
    """A TimeValue with only the precision written: blanks in "ngày tháng 5 năm 2024" give 2024-05."""
    if not y:
        return None
    year = int(y)
    if not 1900 <= year <= 2100:
        return None
    if m and 1 <= int(m) <= 12:
        if d and 1 <= int(d) <= 31:
            return TimeValue(text=text, value=f"{year:04d}-{int(m):02d}-{int(d):02d}", granularity="day")
        return TimeValue(text=text, value=f"{year:04d}-{int(m):02d}", granularity="month")
    return TimeValue(text=text, value=f"{year:04d}", granularity="year")


@lru_cache(maxsize=1)
def _day_patterns() -> tuple:
    """The parser's numeric and worded day patterns, in that order, then a day left blank ("ngày /5/2021")."""
    cores = {name: core for name, core, _pre, _req in date_lexicon().patterns}
    return cores["dmy_num"], cores["dmy_words"], cores["dmy_blank"]


def read_written_date(phrase: str, text: str | None = None) -> TimeValue | None:
    """The first day written in ``phrase``, numeric ("05/3/2024") before worded ("ngày 05 tháng 3 năm 2024"),
    at the precision written; ``text`` is the TimeValue's text (``phrase`` by default)."""
    low = phrase.lower()
    for rx in _day_patterns():
        m = rx.search(low)
        if m:
            return written_time(phrase if text is None else text, m.group("d"), m.group("m"), m.group("y"))
    return None
