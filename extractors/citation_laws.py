"""The titles of Vietnamese laws and codes (``data/law_titles.csv``): a cited law's title is read whole where its
words are one of them, commas included ("Luật Quản lý, sử dụng tài sản công")."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import read_csv


@lru_cache(maxsize=1)
def _known_titles() -> re.Pattern:
    titles = sorted({row["title"] for row in read_csv("law_titles.csv")}, key=len, reverse=True)
    # words may wrap onto the next line, as titles do in PDF and portal text ("Luật ngân sách nhà\nnước")
    words = "|".join(r"(?:[ \t]+|[ \t]*\n[ \t]*)".join(re.escape(w) for w in t.split()) for t in titles)
    # a comma may stand with or without a space after it; the name must end at a word's end
    return re.compile(r"(?i)(?:" + words.replace(",", r"[ \t]*,") + r")(?![^\W\d_])")


def known_law_end(text: str, start: int) -> int | None:
    """Where a known law's title that starts at ``start`` ("Luật ..." / "Bộ luật ...") ends, or None."""
    m = _known_titles().match(text, start)
    return m.end() if m else None
