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
    chars = list(text)
    for p in positions:
        chars[p] = char
    return "".join(chars)
