"""Evidence on the page: where each evidence span of a PDF or scan lies, as rectangles in PDF points.

The backends keep the page words as the page shows them (pdfplumber's words of the text layer, Tesseract's
word boxes of a scan) apart from the text they lay out, because layout reorders (header columns, tables)
and normalises (NFC, legacy fonts, OCR correction) the words. Here each page's words are aligned to the
tokens of that page's text: first in order (difflib's longest matching runs), then each word still free to
the nearest free token with the same key. A span's boxes are the boxes of the tokens it touches, merged
into one rectangle per line.
"""
from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass

from schemas.document import Box, PageInfo, WordBox

_TOKEN = re.compile(r"\S+")


def _key(word: str) -> str:
    """What a page word and a text token share whatever the normalisation: letters and digits, no marks."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isalnum())


@dataclass(frozen=True)
class PlacedToken:
    start: int
    end: int
    box: WordBox


class PageMap:
    """Text offsets -> page rectangles, for one document."""

    def __init__(self, text: str, pages: list[PageInfo], words: list[WordBox]) -> None:
        by_page: dict[int, list[WordBox]] = {}
        for w in words:
            by_page.setdefault(w.page, []).append(w)
        placed: list[PlacedToken] = []
        for page in pages:
            placed += _align(text, page, by_page.get(page.number, []))
        placed.sort(key=lambda t: t.start)
        self._tokens = placed
        self._starts = [t.start for t in placed]

    def boxes(self, start: int, end: int) -> list[Box]:
        """One rectangle per line for the placed tokens that overlap [start, end)."""
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        hit: list[WordBox] = []
        while i < len(self._tokens) and self._tokens[i].start < end:
            t = self._tokens[i]
            if t.end > start:
                hit.append(t.box)
            i += 1
        return _merge_lines(hit)


def _align(text: str, page: PageInfo, words: list[WordBox]) -> list[PlacedToken]:
    tokens = [(m.start(), m.end(), _key(m.group())) for m in _TOKEN.finditer(text, page.start, page.end)]
    tokens = [t for t in tokens if t[2]]
    words = [w for w in words if _key(w.text)]
    if not tokens or not words:
        return []
    word_keys = [_key(w.text) for w in words]
    token_keys = [t[2] for t in tokens]
    pairs: dict[int, int] = {}  # word index -> token index
    matcher = difflib.SequenceMatcher(None, word_keys, token_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    # words the layout moved (a header column, a table): the nearest free token with the same key
    free: dict[str, list[int]] = {}
    used = set(pairs.values())
    for j, key in enumerate(token_keys):
        if j not in used:
            free.setdefault(key, []).append(j)
    for i, key in enumerate(word_keys):
        if i in pairs or not free.get(key):
            continue
        prev = max((pairs[x] for x in range(i - 1, max(-1, i - 6), -1) if x in pairs), default=0)
        j = min(free[key], key=lambda c: abs(c - prev))
        free[key].remove(j)
        pairs[i] = j
    return [PlacedToken(tokens[j][0], tokens[j][1], words[i]) for i, j in pairs.items()]


def _merge_lines(words: list[WordBox]) -> list[Box]:
    """Neighbouring word boxes on one line of one page become one rectangle."""
    out: list[Box] = []
    for w in sorted(words, key=lambda w: (w.page, round(w.top), w.x0)):
        last = out[-1] if out else None
        height = w.bottom - w.top
        if (last is not None and last.page == w.page and abs(last.top - w.top) < 0.6 * height
                and -height <= w.x0 - last.x1 < 3 * height):
            out[-1] = Box(page=w.page, x0=min(last.x0, w.x0), top=min(last.top, w.top), x1=max(last.x1, w.x1),
                          bottom=max(last.bottom, w.bottom))
        else:
            out.append(Box(page=w.page, x0=w.x0, top=w.top, x1=w.x1, bottom=w.bottom))
    return out


__all__ = ["PageMap"]
