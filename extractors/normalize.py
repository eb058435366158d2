"""The one text normaliser, applied the same way to every input format.

NFC, no zero-width characters or soft hyphens, one kind of space and dash, and legacy Vietnamese
encodings (TCVN3/ABC, VNI) converted to Unicode. It is idempotent: normalising twice changes nothing.
"""
from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                 "\u202f\u205f\u3000\u000b\u000c"), " ")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_TABLE = {**_INVISIBLE, **_SPACES, **_DASHES}
_RUNS = re.compile(r"[ ]{2,}")
_LINE_END = re.compile(r"[ ]+\n|\n[ ]+")


def normalize_text(text: str) -> str:
    """Normalise one piece of text (a paragraph, a cell, or a whole plain-text file)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TABLE)
    text = unicodedata.normalize("NFC", text)
    text = _RUNS.sub(" ", text)
    text = _LINE_END.sub("\n", text)
    return text


def normalize_inline(text: str) -> str:
    """Normalise a piece that must stay on one line (a table cell, a heading): no tabs, no newlines."""
    return " ".join(normalize_text(text).split())
