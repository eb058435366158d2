"""Match keys for the archive: the fold its FTS5 tokenizer leaves undone, and a plain search key."""
from __future__ import annotations

import re
import unicodedata

_D_FOLD = str.maketrans({"đ": "d", "Đ": "D"})


def fold_d(text: str) -> str:
    """đ->d, Đ->D: the one fold ``unicode61 remove_diacritics 2`` does not do; keeps every offset."""
    return text.translate(_D_FOLD)


def fold(text: str) -> str:
    """A match key: no diacritics, no đ, lower case, single spaces ("Hà Nam" -> "ha nam")."""
    decomposed = unicodedata.normalize("NFD", fold_d(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", bare.lower()).split())
