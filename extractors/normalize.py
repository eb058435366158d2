"""The one text normaliser, applied the same way to every input format.

NFC, no zero-width characters or soft hyphens, one kind of space and dash, and legacy Vietnamese
encodings (TCVN3/ABC, VNI) converted to Unicode. It is idempotent: normalising twice changes nothing.
"""
from __future__ import annotations

import re
import unicodedata

from extractors.legacy import decode, detect

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
                                    "\u180e\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                 "\u202f\u205f\u3000\u000b\u000c\u0085\u2028\u2029"), " ")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_TABLE = {**_INVISIBLE, **_SPACES, **_DASHES}
_RUNS = re.compile(r"[ ]{2,}")
_LINE_END = re.compile(r" *\n *")  # spaces on both sides of a line break, in one match


def normalize_text(text: str, *, legacy: str | None = None) -> str:
    """Normalise one piece of text (a paragraph, a cell, or a whole plain-text file).

    ``legacy`` forces a legacy encoding ("tcvn3"/"vni") known for the whole document; by default
    each piece is checked on its own, so a TCVN3 paragraph inside a Unicode file is still fixed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # legacy first: TCVN3 writes "ư" as byte 0xAD, which would otherwise be dropped as a soft hyphen
    encoding = legacy or detect(text)
    if encoding:
        text = decode(text, encoding)
    text = text.translate(_TABLE)
    text = unicodedata.normalize("NFC", text)
    if not encoding:
        # a second look at the cleaned text, which is what a second pass would see (idempotence)
        encoding = detect(text)
        if encoding:
            text = decode(text, encoding).translate(_TABLE)
    text = _RUNS.sub(" ", text)
    text = _LINE_END.sub("\n", text)
    return text


def normalize_inline(text: str, *, legacy: str | None = None) -> str:
    """Normalise a piece that must stay on one line (a table cell, a heading): no tabs, no newlines."""
    return " ".join(normalize_text(text, legacy=legacy).split())
