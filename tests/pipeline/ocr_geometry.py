"""Word boxes of printed lines for the pure layout tests of the OCR backend (pixels of an A4 page at 300 dpi)."""
from __future__ import annotations

from pipeline.backends.ocr import Word


def printed_line(text: str, x0: int, y: int, key: int, width: int | None = None, *,
                 height: int = 40, letter: int = 22) -> list[Word]:
    """One printed line: its words side by side from ``x0`` (``letter`` px a letter, 14 px a space); a justified
    body line when ``width`` is given (its spaces stretched to reach it)."""
    words, x = [], x0
    for w in text.split():
        span = len(w) * letter
        words.append(Word(w, x, y, x + span, y + height, 95.0, (key, 1, 1)))
        x += span + 14
    if width is not None and len(words) > 1:
        stretch = (x0 + width - words[-1].x1) / (len(words) - 1)
        words = [Word(w.text, round(w.x0 + i * stretch), w.y0, round(w.x1 + i * stretch), w.y1, w.conf, w.key)
                 for i, w in enumerate(words)]
    return words
