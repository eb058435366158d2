"""Building evidence spans that always reproduce the text they point at."""
from __future__ import annotations

from schemas.record import Evidence


def evidence(text: str, start: int, end: int) -> Evidence:
    """Evidence for text[start:end], trimmed of surrounding white space and clamped to the text."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start=start, end=end, text=text[start:end])


def replace_at(text: str, positions, char: str) -> str:
    """``text`` with the character at each position replaced by ``char``: same length, so every offset
    found in the result points at the same place in ``text``."""
    cuts = sorted(set(positions))
    if not cuts:
        return text
    if cuts[0] < 0 or cuts[-1] >= len(text):  # an offset from the end, or out of range: as list indexing reads it
        chars = list(text)
        for p in positions:
            chars[p] = char
        return "".join(chars)
    # the text between the positions, joined by ``char``: no list of every character (twenty times faster on a
    # document, where the positions are its few soft line breaks)
    pieces, last = [], 0
    for p in cuts:
        pieces.append(text[last:p])
        last = p + 1
    pieces.append(text[last:])
    return char.join(pieces)
