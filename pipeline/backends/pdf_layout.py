"""Page-level layout rules of the PDF backend: page furniture, paragraphs over wrapped and centred lines,
paragraphs cut by a page break, wrapped "Nơi nhận" items and document codes broken at a line end.

Every rule works on the geometry of pdfplumber lines (``pdf.Line``: top, bottom, x0, x1, segments), so it
holds for any office's layout, not for one renderer: a Decree 30/2020 page has a text column between two
margins, body paragraphs justified with a first-line indent, centred upper-case titles, and a page number
in the top or bottom margin from page 2 on.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Protocol

from extractors.normalize import normalize_text
from extractors.text import LOWER_CLASS, UPPER_CLASS, UPPER_VN
from pipeline.backends.base import PLACE_DATE

#: a lone page number: "2", "- 2 -", "2/7"
PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$")
_MARGIN_BAND = 0.14      # share of the page height at the top and at the bottom where furniture stands
_NUMBER_WIDTH = 48.0     # pt: a page number is narrow
_CENTRED = 6.0           # pt: a line whose centre lies this close to the column's centre is centred
_STRADDLE = 24.0         # pt: a heading stands this close to the column's centre (a column's lines stand far off it)
_FULL_LINE = 40.0        # pt: a line ending this close to the right edge was wrapped (not a paragraph's end)
_AT_LEFT = 3.0           # pt: a line starting this close to the left edge has no first-line indent
#: a clause end: the paragraph may end here
_CLAUSE_END = re.compile(r"[.;:!?…]\W{0,2}$|\./\.$")
#: a list item's marker at a line start ("- ", "+ ", "• ", "a) ", "1. ", "II. ")
_ITEM_START = re.compile(r"^\s*(?:[-+•*–]\s|" + LOWER_CLASS + r"\)\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[IVXLC]+[.)]\s)")
#: a document code cut at a line end: "57-" | "NQ/TW", "280/2025/" | "NĐ-CP", "96/TTr-" | "SKHCN", or inside
#: its letters "23/2015/N" | "Đ-CP"; a range cut after its dash ("2021-" | "2025") keeps its space
_CODE_SLASH_END = re.compile(r"(?:^|\s)\S*[\d" + UPPER_VN + r"][\w.-]*/$")
_CODE_DASH_END = re.compile(r"(?:^|\s)\S*[\d" + UPPER_VN + r"][\w./]*-$")
_CODE_LETTERS_END = re.compile(r"(?:^|\s)\d+/(?:\d{2,4}/)?" + UPPER_CLASS + r"+$")
_CODE_REST_START = re.compile(r"^" + UPPER_CLASS + r"+[-/][\w/-]*")
_CODE_LETTERS_START = re.compile(r"^" + UPPER_CLASS + r"{2,}(?![^\W\d_])")
_WORD_START = re.compile(r"^\w")
#: what the wrapped end of a place-and-date line holds: the year, or the words after a lower-case break
_PLACE_DATE_REST = re.compile(r"^\d{1,4}\b")


class LineLike(Protocol):
    top: float
    bottom: float
    x0: float
    x1: float
    segments: list[tuple[float, float, str]]

    @property
    def text(self) -> str: ...


def is_page_number(line: LineLike, neighbours: list, height: float, width: float) -> bool:
    """A lone number in the top or bottom margin, centred on the page or its text column or flush with the
    right edge, standing above or below everything else on the page (``neighbours``: its lines and tables,
    anything with top, bottom, x0 and x1): the page number (page furniture, not text)."""
    if len(line.segments) != 1 or not PAGE_NUMBER.match(line.text) or line.x1 - line.x0 > _NUMBER_WIDTH:
        return False
    in_margin = line.bottom < _MARGIN_BAND * height or line.top > (1 - _MARGIN_BAND) * height
    if not in_margin:
        return False
    others = [n for n in neighbours if n is not line]
    if not others:
        return False
    left, right = min(n.x0 for n in others), max(n.x1 for n in others)
    centre = (line.x0 + line.x1) / 2
    placed = (abs(centre - width / 2) <= 0.12 * width or abs(centre - (left + right) / 2) <= 0.12 * width
              or line.x1 >= right - 6)
    if not placed:
        return False
    # it stands above (or below) every other line of the page
    return all(n.top >= line.bottom - 1 for n in others) or all(n.bottom <= line.top + 1 for n in others)


def drop_page_numbers(lines: list, height: float, width: float, tables: list | None = None) -> list:
    """The page's lines without its page number (the first or last line, see :func:`is_page_number`);
    ``tables``: the boxes of the page's tables (top, bottom, x0, x1)."""
    if not lines or len(lines) + len(tables or []) < 2:
        return lines
    ends = {id(lines[0]): lines[0], id(lines[-1]): lines[-1]}
    furniture = {k for k, ln in ends.items() if is_page_number(ln, lines + list(tables or []), height, width)}
    return [ln for ln in lines if id(ln) not in furniture] if furniture else lines


@dataclass
class Box:
    """A table's frame on the page, for the page-number rule."""
    x0: float
    top: float
    x1: float
    bottom: float


def join_line_text(prev: str, nxt: str) -> str:
    """Two wrapped lines as one text: with a space, but none where the break cut a document code
    ("57-" + "NQ/TW" -> "57-NQ/TW"; "23/2015/N" + "Đ-CP" -> "23/2015/NĐ-CP")."""
    if not prev:
        return nxt
    if ((_CODE_SLASH_END.search(prev) and _WORD_START.match(nxt))
            or (_CODE_DASH_END.search(prev) and (_CODE_LETTERS_START.match(nxt) or _CODE_REST_START.match(nxt)))
            or (_CODE_LETTERS_END.search(prev) and _CODE_REST_START.match(nxt))):
        return prev + nxt
    return prev + " " + nxt


def _centre(line: LineLike) -> float:
    return (line.x0 + line.x1) / 2


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def wrapped_gap(lines: list[LineLike], left: float, right: float) -> float | None:
    """The usual gap between two wrapped lines of one paragraph (a full line, then a line at the left edge)."""
    gaps = [n.top - p.bottom for p, n in zip(lines, lines[1:])
            if p.x1 >= right - _FULL_LINE and n.x0 <= left + _AT_LEFT and len(p.segments) == len(n.segments) == 1]
    return statistics.median(gaps) if gaps else None


def centred_goes_on(prev: LineLike, line: LineLike, left: float, right: float, line_gap: float | None) -> bool:
    """A centred line wrapped onto the next (a title over two or more lines): both lines centred on the
    text column, in print of one height and one case, no wider apart than a paragraph's wrapped lines."""
    mid = (left + right) / 2
    if len(prev.segments) > 1 or len(line.segments) > 1:
        return False
    if abs(_centre(prev) - mid) > _CENTRED or abs(_centre(line) - mid) > _CENTRED:
        return False
    if line.x0 <= left + _AT_LEFT or line.x1 >= right - _AT_LEFT / 2 and prev.x1 >= right - _AT_LEFT / 2:
        return False  # a full-width line is body text, not a centred one
    if abs((prev.bottom - prev.top) - (line.bottom - line.top)) > 1.0:
        return False
    if _is_upper(prev.text) != _is_upper(line.text):
        return False  # "KẾ HOẠCH" over its title in lower case: two blocks
    if line_gap is None:
        line_gap = 0.35 * (line.bottom - line.top)
    return line.top - prev.bottom <= line_gap + 2


def paragraphs(lines: list[LineLike]) -> list[str]:
    """Wrapped lines -> paragraph texts: a break at a wider gap, a first-line indent or a short line, except
    between the lines of one centred title."""
    if not lines:
        return []
    gaps = [n.top - p.bottom for p, n in zip(lines, lines[1:])]
    usual_gap = statistics.median(gaps) if gaps else 0.0
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    line_gap = wrapped_gap(lines, left, right)
    out: list[str] = []
    para = ""
    for k, line in enumerate(lines):
        if para:
            prev = lines[k - 1]
            gap = line.top - prev.bottom
            if not centred_goes_on(prev, line, left, right, line_gap) and (
                    gap > usual_gap + 4 or line.x0 > left + 12 or prev.x1 < right - _FULL_LINE
                    or len(line.segments) > 1 or len(prev.segments) > 1):
                out.append(para)
                para = ""
        para = join_line_text(para, line.text)
    out.append(para)
    return out


def continues_paragraph(last: LineLike, first: LineLike, last_right: float, first_left: float) -> bool:
    """The first body line of a page goes on with the last line of the page before: that line was wrapped (it
    reaches the right edge and ends without a clause end) and this one starts at the left edge, without a
    first-line indent or a list marker."""
    if len(last.segments) > 1 or len(first.segments) > 1:
        return False
    if last.x1 < last_right - _FULL_LINE or _CLAUSE_END.search(last.text.rstrip()):
        return False
    if first.x0 > first_left + _AT_LEFT or _ITEM_START.match(first.text) or _is_upper(first.text):
        return False
    return True


def join_place_date(lines: list[str]) -> list[str]:
    """The header's right column with its place-and-date line whole: the end of that line wrapped in its narrow
    cell ("Thành phố Hồ Chí Minh, ngày 21 tháng 11 năm" | "2025") goes back onto it."""
    out: list[str] = []
    for x in lines:
        rest = x.strip()
        if out and PLACE_DATE.search(normalize_text(out[-1])) and (_PLACE_DATE_REST.match(rest) or rest[:1].islower()):
            out[-1] = out[-1].rstrip() + " " + rest
        else:
            out.append(x)
    return out


def wraps_onto(prev: LineLike, line: LineLike, right: float, left: float) -> bool:
    """``line`` is the next wrapped line of ``prev``'s paragraph: after a full line, at the left edge, close below."""
    return (len(prev.segments) == len(line.segments) == 1 and prev.x1 >= right - _FULL_LINE
            and line.x0 <= left + _AT_LEFT and line.top - prev.bottom <= prev.bottom - prev.top)


def join_wrapped_items(lines: list[str]) -> list[str]:
    """A "Nơi nhận" list whose items wrapped inside their narrow column: a line without an item marker after an
    item left open (no ";", "." or ":" at its end) goes on with that item. Lists without markers stay as they are."""
    marked = sum(1 for x in lines[1:] if _ITEM_START.match(x))
    if marked < 2:
        return lines
    out: list[str] = []
    for x in lines:
        if (len(out) > 1 and not _ITEM_START.match(x) and _ITEM_START.match(out[-1] if out else "")
                and not _CLAUSE_END.search(out[-1].rstrip())):
            out[-1] = join_line_text(out[-1], x.strip())
        else:
            out.append(x)
    return out


def in_one_column(line: LineLike, mid: float, column_mid: float, cross: float) -> bool:
    """A line of the closing table's left or right column: it neither crosses the page centre nor stands
    centred on the text column (a heading of the next part: "QUY ĐỊNH", "PHỤ LỤC I")."""
    if any(x0 < mid - cross and x1 > mid + cross for x0, x1, _ in line.segments):
        return False
    return not (len(line.segments) == 1 and line.x0 < column_mid < line.x1
                and abs(_centre(line) - column_mid) <= _STRADDLE)
