"""Handwritten header slots on a scanned first page: the number and the day and month of the date.

A document is printed with "Số:     /QĐ-UBND" and "Hà Nội, ngày    tháng    năm 2021" and the clerk
writes the number, day and month in by hand when it is registered. The page-wide OCR pass loses those
digits in three ways, all common on real scans: the colour filter whites out blue ink (the slot comes
out empty, and the wide gap it leaves splits the date line in three), a black scrawl is read as
letters glued to the label ("só./7ƒ", ",4Jƒtháng"), or a digit is dropped ("320" for "3820").

Each slot lies between printed labels (the date grammar's words in ``extractors/data/time_words.yaml``)
whose positions the page pass does find, so the slot is cropped from the deskewed page *before* the
colour filter; pen marks in colour, or for black ink the marks inside the slot, are kept, and the slot
is read again as digits at several sizes. The reading replaces what the page pass had there only when
most readings agree on a plausible value (a number, a day of the month, a month) whose ink is not too
wide for the digits read; otherwise the page pass's words stay as they were. The place-and-date row
is kept one line either way.
"""
from __future__ import annotations

import dataclasses
import re
import statistics
from functools import lru_cache

import numpy as np

from extractors.lexicon import read_yaml
from pipeline.folding import fold_marks

NUMBER_MAX = 999999    # a register number has at most six digits
HEADER_SHARE = 0.4     # the slots are in the header: the top share of the page
MIN_CONFIDENCE = 60.0  # a value most readings of a slot agree on counts as this confident; others do not
KEEP_CONFIDENCE = 80.0  # a clean number the page pass read this confidently is kept as it is
READ_HEIGHTS = (20, 25, 30, 40, 50)  # px: the printed line's height at the sizes a slot is read at
MAX_DIGIT_WIDTH = 1.2    # a handwritten digit is at most this many line heights wide
CONFIDENT = 80.0       # words read this confidently are printed text: they give the line band and letter size
PEN_SHARE = 0.05       # coloured pixels, as a share of a line height squared, that make a pen mark
CODE_START = re.compile(r"[/!|](?=[A-ZĐÐ]{2})")  # the printed code after the number: "/QĐ-UBND", OCR may read "/" as "!" or "|"


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d): OCR garbles the accents of a label glued to handwriting."""
    return fold_marks(text).lower()


@lru_cache(maxsize=1)
def _slots() -> dict:
    """The labels, from the date grammar's words (``extractors/data/time_words.yaml``): "số" before the
    number, "ngày", "tháng", "năm" around the day and month."""
    grammar = read_yaml("time_words.yaml")["grammar"]
    number, dates = grammar["number"], [grammar["day"], grammar["month"], grammar["year"]]
    return {"number": number.capitalize(), "dates": dates,
            "limits": {"number": NUMBER_MAX, "day": 31, "month": 12},
            "folded": {w: fold(w) for w in [number.capitalize(), *dates]}}


def _holds(word, label: str) -> bool:
    """Whether ``word`` is the printed ``label``, alone or with handwriting glued to one side."""
    folded, want = fold(word.text).strip(".,:;"), _slots()["folded"][label]
    if folded == want:
        return True
    garbled = any(not (c.isalnum() or c in ".,:;") for c in folded)
    if folded.startswith(want):
        rest = folded[len(want):]
        return not rest[0].isalpha() or garbled or (len(want) >= 3 and len(rest) <= 3)
    if len(want) >= 3 and folded.endswith(want):  # "Số" is too short to be found at a word's end
        rest = folded[:-len(want)]
        return not rest[-1].isalpha() or garbled or len(rest) <= 3
    return False


def _char_width(row: list, fallback: float) -> float:
    """The printed character width on a row: half the height of its confidently read words (the
    average letter of a Times-like face; measuring letters one by one is thrown off by capitals)."""
    heights = [w.y1 - w.y0 for w in row if w.conf >= CONFIDENT and w.text.rstrip(".,:;").isalpha()]
    return 0.5 * statistics.median(heights) if heights else fallback


def _label_edge(word, label: str, width: float, *, slot_after: bool) -> float:
    """The edge of the printed label in ``word`` that faces the slot: its end when the slot comes
    after it, its start when the slot comes before. The word's box may also hold handwriting on that
    side, so the edge is then measured from the other side in printed letters of ``width``."""
    folded, want = fold(word.text).strip(".,:;"), _slots()["folded"][label]
    glued_away = folded.endswith(want) and not folded.startswith(want) if slot_after \
        else folded.startswith(want) and not folded.endswith(want)
    if glued_away or (_is_label(word, label) and word.conf >= CONFIDENT):
        return float(word.x1 if slot_after else word.x0)  # the box's edge on the slot's side is the label's
    if slot_after:
        printed = len(label) + (1 if ":" in word.text[:len(label) + 2] else 0)
        return min(float(word.x1), word.x0 + printed * width)
    return max(float(word.x0), word.x1 - len(label) * width)


def _same_row(words: list, anchor) -> list:
    mid = (anchor.y0 + anchor.y1) / 2
    h = anchor.y1 - anchor.y0
    return sorted((w for w in words if abs((w.y0 + w.y1) / 2 - mid) <= 0.6 * h), key=lambda w: w.x0)


def slot_ink(page: np.ndarray, box: tuple[int, int, int, int], margin: int = 0) -> np.ndarray | None:
    """The slot's greyscale crop with only its own marks, or None when it has none.

    Pen ink in colour (blue, violet) is told from the black print by colour: then the crop reaches
    ``2 * margin`` past the slot on each side (a clerk writes over the label's end) and keeps only the
    coloured marks. Black handwriting can only be told by place: the crop reaches ``margin`` past the
    slot, and a mark whose middle lies outside the slot's inner part is the end of a printed label."""
    import cv2

    from pipeline.backends.ocr import suppress_colour_ink

    x0, y0, x1, y1 = box
    line_h = y1 - y0
    top, bottom = max(0, y0), max(0, y1)
    left = max(0, x0 - 2 * margin)
    rgb = page[top:bottom, left:max(0, x1 + 2 * margin)]
    if rgb.size == 0:
        return None
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY) if rgb.ndim == 3 else rgb
    pen = (suppress_colour_ink(rgb) != rgb).any(axis=2) if rgb.ndim == 3 else np.zeros(grey.shape, bool)
    if pen.sum() >= PEN_SHARE * line_h * line_h:
        ink = pen.astype(np.uint8) * 255
        inner = (x0 - 2 * margin, x1 + 2 * margin)
    else:
        if grey.min() > 110:  # faint marks only: Otsu would split paper noise in two
            return None
        _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
        inner = (x0 + margin / 2, x1 - margin / 2)
        outer = (x0 - margin - left, x1 + margin - left)
        ink[:, :max(0, int(outer[0]))] = 0
        ink[:, max(0, int(outer[1])):] = 0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = np.zeros_like(ink)
    for k in range(1, count):
        x, _, cw, ch, _ = stats[k]
        middle = left + x + cw / 2
        # a digit is a tall mark; dots, commas and specks are not
        if inner[0] <= middle <= inner[1] and ch >= 0.15 * line_h:
            keep[labels == k] = 255
    if not keep.any():
        return None
    out = np.full_like(grey, 255)
    out[keep > 0] = grey[keep > 0]
    return out


def read_digits(page: np.ndarray, box: tuple[int, int, int, int], lang: str, line_height: float,
                margin: int = 0) -> tuple[str, float]:
    """One number in ``box`` (x0, y0, x1, y1) of an RGB page whose printed line is
    ``line_height`` pixels tall: (digits, confidence). See :func:`slot_ink` for ``margin``."""
    import cv2
    import pytesseract

    crop = slot_ink(page, box, margin)
    if crop is None:  # no mark in the slot: left blank
        return "", 0.0
    # Tesseract's confidence on a handwritten crop means little, and one reading changes with the
    # crop's size: the slot is read at several sizes and a value counts when most readings give it
    votes: dict[int, list[str]] = {}
    for target in READ_HEIGHTS:
        scale = target / max(1.0, line_height)
        img = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
        # Tesseract wants white paper around the text: a crop whose ink touches its edge loses the outer
        # digits ("06" for a written "206")
        pad = target // 2
        img = cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
        text = "".join(pytesseract.image_to_string(img, lang=_digit_model(lang),
                                                   config="--psm 6 -c tessedit_char_whitelist=0123456789").split())
        if text.isdigit():
            votes.setdefault(int(text), []).append(text)
    if not votes:
        return "", 0.0
    readings = max(votes.values(), key=len)
    digits = max(readings, key=len)  # "04" rather than "4": the leading zero was written
    if len(readings) * 2 <= len(READ_HEIGHTS):
        return digits, 0.0
    # a digit lost in the reading ("3" for a scrawled "23") leaves too much ink for the digits read
    columns = np.flatnonzero((crop < 255).any(axis=0))
    if (columns[-1] - columns[0] + 1) / len(digits) > MAX_DIGIT_WIDTH * line_height:
        return digits, 0.0
    return digits, 100.0


def _digit_model(lang: str) -> str:
    """Tesseract's English model reads lone digits far better than the Vietnamese one, whose
    confidence on a digits-only line is always zero; the page's language when it is not installed."""
    from pipeline.backends.ocr import ocr_available

    return "eng" if ocr_available("eng")[0] else lang


def _plausible(digits: str, conf: float, limit: int) -> bool:
    return bool(re.fullmatch(r"\d{1,6}", digits)) and 0 < int(digits) <= limit and conf >= MIN_CONFIDENCE


def _rewrite_row(words: list, row: list, labels: dict[int, tuple[str, float, float]],
                 filled: list[tuple[float, float, str, float]], junk: set[int], key) -> list:
    """``words`` with the row's slots filled: the junk read in them dropped, each glued label cut back
    to its printed text and extent (``labels``: id -> (text, x0, x1)), one word per slot reading, and
    the whole row on one Tesseract line (``key``) so that the layout keeps it one line."""
    in_row = {id(w) for w in row}
    out = []
    for w in words:
        if id(w) in junk:
            continue
        if id(w) in labels:
            text, lo, hi = labels[id(w)]
            w = dataclasses.replace(w, text=text, x0=int(lo), x1=max(int(lo) + 1, int(hi)))
        out.append(dataclasses.replace(w, key=key) if id(w) in in_row else w)
    y0, y1 = min(w.y0 for w in row), max(w.y1 for w in row)
    for x0, x1, digits, conf in filled:
        out.append(dataclasses.replace(row[0], text=digits, x0=int(x0), x1=max(int(x0) + 1, int(x1)),
                                       y0=y0, y1=y1, conf=conf, key=key))
    return out


def _read_slot(row: list, line: list, left, right, x0: float, x1: float, labels_clean: bool, limit: int,
               page: np.ndarray, lang: str):
    """(digits, conf, junk ids) for the slot from ``x0`` to ``x1`` between the words ``left`` and
    ``right`` (``row`` holds the words from the one to the other, ``line`` the whole printed line),
    or None to leave it as the page pass read it."""
    if x1 - x0 < 4:
        return None
    between = [w for w in row if w is not left and w is not right and left.x0 < w.x0 < right.x0]
    current = "".join(w.text for w in between)
    if labels_clean and re.fullmatch(r"\d{1,6}", current) and min(w.conf for w in between) >= KEEP_CONFIDENCE:
        return None
    # the printed line's band, from its ordinary words (a glued scrawl makes a word box taller)
    y0, y1 = _band(line, left, right)
    h, w = y1 - y0, _char_width(line, 0.5 * (y1 - y0))
    if between:  # what the page pass read between the labels is in the slot, whatever the label boxes say
        x0, x1 = min(x0, min(b.x0 for b in between) - w / 2), max(x1, max(b.x1 for b in between) + w / 2)
    box = (int(x0), int(y0 - h * 0.5), int(x1), int(y1 + h * 0.5))
    digits, conf = read_digits(page, box, lang, h, margin=int(w))
    if not _plausible(digits, conf, limit):
        return None
    return digits, conf, {id(w) for w in between}


def _band(row: list, left, right) -> tuple[float, float]:
    """The printed line's top and bottom: from its confidently read words of usual height (a scrawl
    glued to a word makes its box taller), else from the two labels."""
    heights = sorted(w.y1 - w.y0 for w in row)
    usual = heights[len(heights) // 2]
    band = [w for w in row if w.conf >= CONFIDENT and w.y1 - w.y0 <= 1.3 * usual] or [left, right]
    return statistics.median(w.y0 for w in band), statistics.median(w.y1 for w in band)


def _is_label(word, label: str) -> bool:
    return fold(word.text).strip(".,:;") == _slots()["folded"][label]


def _number_slot(words: list, page: np.ndarray, top: int, lang: str) -> list:
    label_text = _slots()["number"]
    # the header's label, printed "Số:" in the left column; "số" in running text is not it
    label = next((w for w in sorted(words, key=lambda w: w.y0)
                  if w.y1 <= top and w.x0 < page.shape[1] / 2 and _holds(w, label_text)
                  and fold(w.text).startswith(_slots()["folded"][label_text])
                  and (w.text[:1].isupper() or ":" in w.text or not _is_label(w, label_text))), None)
    if label is None:
        return words
    line = _same_row(words, label)
    width = _char_width(line, 0.5 * (label.y1 - label.y0))
    row = [w for w in line if w.x0 >= label.x0]
    # the printed code: its "/" (OCR may read "!" or "|") and capitals ("/QĐ-UBND"); a "/" in the
    # scrawl itself is not it
    found = ((w, CODE_START.search(w.text)) for w in row if w is not label)
    code, start = next(((w, m) for w, m in found if m), (None, None))
    if code is None:
        return words
    slash = start.start()
    x0 = _label_edge(label, label_text, width, slot_after=True)
    x1 = code.x0 + (code.x1 - code.x0) * slash / len(code.text)
    got = _read_slot(row, line, label, code, x0, x1, _is_label(label, label_text) and slash == 0,
                     _slots()["limits"]["number"], page, lang)
    if got is None:
        return words
    digits, conf, junk = got
    labels = {id(label): (label_text + ":", label.x0, x0), id(code): ("/" + code.text[slash + 1:], x1, code.x1)}
    return _rewrite_row(words, row[:row.index(code) + 1], labels, [(x0, x1, digits, conf)], junk, label.key)


def _date_slots(words: list, page: np.ndarray, top: int, lang: str) -> list:
    slots = _slots()
    day_l, month_l, year_l = slots["dates"]
    for anchor in sorted((w for w in words if w.y1 <= top and _holds(w, day_l)), key=lambda w: w.y0):
        line = _same_row(words, anchor)
        width = _char_width(line, 0.5 * (anchor.y1 - anchor.y0))
        row = [w for w in line if w.x0 >= anchor.x0]
        month = next((w for w in row if w is not anchor and _holds(w, month_l)), None)
        year = next((w for w in row if month is not None and w.x0 > month.x0 and _holds(w, year_l)), None)
        if month is None or year is None:
            continue
        row = row[:row.index(year) + 1]
        labels: dict[int, tuple[str, float, float]] = {}
        filled, junk = [], set()
        for left, left_label, right, right_label, limit in ((anchor, day_l, month, month_l, slots["limits"]["day"]),
                                                           (month, month_l, year, year_l, slots["limits"]["month"])):
            x0 = _label_edge(left, left_label, width, slot_after=True)
            x1 = _label_edge(right, right_label, width, slot_after=False)
            clean = _is_label(left, left_label) and _is_label(right, right_label)
            got = _read_slot(row, line, left, right, x0, x1, clean, limit, page, lang)
            if got is None:
                between = [w for w in row if left.x0 < w.x0 < right.x0 and w is not right]
                if len(between) == 1 and between[0].text.isdigit():
                    # read by the page pass: its box spans the slot, so the blank around it splits no line
                    labels[id(between[0])] = (between[0].text, x0, x1)
                continue
            digits, conf, between = got
            filled.append((x0, x1, digits, conf))
            junk |= between
            lo = labels.get(id(left), (None, left.x0, left.x1))[1]
            labels[id(left)] = (left_label, lo, x0)
            labels[id(right)] = (right_label, x1, right.x1)
        if not filled:  # still one line: a wide blank or a scrawl must not split the date in three
            return _rewrite_row(words, row, labels, [], set(), anchor.key)
        if not _is_label(year, year_l) and fold(year.text).startswith(slots["folded"][year_l]):
            labels.pop(id(year), None)  # "năm2021": the year is glued to its label, keep both
        return _rewrite_row(words, row, labels, filled, junk, anchor.key)
    return words


def read_handwritten_slots(words: list, page: np.ndarray, *, lang: str) -> list:
    """The first page's OCR words with the handwritten number, day and month read again from ``page``
    (the deskewed RGB page before the colour filter, in the words' pixel space)."""
    top = int(page.shape[0] * HEADER_SHARE)
    words = _number_slot(list(words), page, top, lang)
    return _date_slots(words, page, top, lang)


__all__ = ["read_handwritten_slots", "read_digits", "fold"]
