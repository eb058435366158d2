"""Match keys for the archive: the fold its FTS5 tokenizer leaves undone, and a plain search key.

These folds drop the diacritics (``ộ`` -> ``o``, ``đ`` -> ``d``) so that a query typed without them finds the text; the
text layer's ``extractors.text.fold`` is another operation (lower case and one tone placement, marks kept) and is not
a step of these."""
from __future__ import annotations

import re
import unicodedata

_D_FOLD = str.maketrans({"đ": "d", "Đ": "D"})


def fold_d(text: str) -> str:
    """đ->d, Đ->D: the one fold ``unicode61 remove_diacritics 2`` does not do; keeps every offset."""
    return text.translate(_D_FOLD)


class _MarkFold(dict):
    """str.translate table: each character without its marks (ộ -> o, Đ -> D), one character for one, so
    offsets in the folded copy are offsets in the original."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        bare = decomposed[0] if len(decomposed) > 1 and all(map(unicodedata.combining, decomposed[1:])) else char
        self[code] = bare = fold_d(bare)
        return bare


_MARK_FOLD = _MarkFold()


def fold_marks(text: str) -> str:
    """The text without diacritics and with đ->d, of the same length (the archive's folded copy)."""
    return text.translate(_MARK_FOLD)


def search_key(text: str) -> str:
    """A search key: no diacritics, no đ, lower case, words of letters and digits joined by single spaces
    ("Hà Nam" -> "ha nam"). Not offset-preserving (unlike ``fold_marks``): a key to compare and look up names by.
    The marks are dropped after decomposing the whole text, so a mark typed as a separate combining character
    is dropped too (``fold_marks`` keeps such a lone mark)."""
    decomposed = unicodedata.normalize("NFD", fold_d(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", bare.lower()).split())
