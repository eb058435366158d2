"""The document's year: the header date's year, else the most frequent explicit year."""
from __future__ import annotations

import re
from collections import Counter

from extractors.dates.atoms import Atom, join_atoms, scan_atoms, year_value
from extractors.dates.lexicon import DAY, YEAR, Y

_HEADER_DATE = re.compile(rf"(?:^|\s{{2,}}|\t)[^\W\d_][^\n\t\d,;:()/]{{0,40}},\s*{DAY}\b[^\n]{{0,30}}?(?:{YEAR}|/)\s*"
                          rf"(?P<y>{Y})", re.I | re.M)


def plan_year(text: str, atoms: list[Atom] | None = None) -> int | None:
    """The plan's year when the context has none: the header date's year, else the most frequent year."""
    m = _HEADER_DATE.search(text, 0, 3000)
    if m and year_value(m.group("y")) not in (None, -1):
        return int(m.group("y"))
    atoms = join_atoms(text, scan_atoms(text)) if atoms is None else atoms
    years = Counter(a.y for a in atoms if a.explicit and a.y and a.gran in ("day", "month", "quarter", "half", "year"))
    return years.most_common(1)[0][0] if years else None
