"""Markdown as copied from web portals: paragraphs, emphasis, pipe tables and the header grid.

Markdown semantics, laid out as every other backend lays out its text (``base.TextBuilder``):
- a paragraph runs up to a blank line; a soft wrap inside it is joined with a space. Many portal
  copies have no blank lines at all, so a line break also ends a paragraph where the line ends a
  clause (``. : ; ! ?``), the next line opens a numbered/bulleted item (not a dash wrapped inside a known
  name: "Hội đồng Thi đua" / "- Khen thưởng tỉnh", ``names.dash_continues_name``), one of the two lines is a
  whole emphasis span ("**QUYẾT ĐỊNH**"), or an upper-case line (a title) meets a mixed-case one;
- emphasis markers (``**``, ``__``, ``*``, ``_``) and heading marks are removed; a ``#`` line is a
  heading block;
- a real pipe table (a row of ``|`` cells with a ``---`` delimiter row) becomes a table block; ``<br>`` in a
  cell is a line break, and a small two-column pipe table holding the motto or the recipients is the header or
  the closing layout, read as the DOCX backend reads such a table (``base.add_two_column_layout``);
- the portal grid (cells separated by lines holding only ``|``, rules of dashes) becomes the layout
  blocks of the PDF/DOCX backends: the issuer | motto table becomes the issuer block (with the
  number line), the motto block and the place-and-date block; the recipients | signature table
  becomes the recipients and signature blocks. Inside a grid cell a line break is kept, except a
  wrap inside one emphasis span, after a line ending in ":" ("Số:") or before a lower-case line;
- a body grid (a task or annex table) becomes a table block when it forms a consistent table: rows end
  at two bars running ("|" then "|"), the first row is the header and gives the width, and most rows
  have that width (a one-cell row is a section heading spanning the table) and either open with a
  row number (the STT column) or sit under a header of bold labels. A cell's wrapped lines are
  joined with a space and a narrower row is padded to the header's width; a grid ends at a blank line
  after a bar. Any other grid stays as it was (its cells are paragraphs).
"""
from __future__ import annotations

import re

from extractors.lexicon import read_yaml
from extractors.names import dash_continues_name
from extractors.normalize import normalize_text
from pipeline.backends.base import (MOTTO, PLACE_DATE, RECIPIENTS, TextBuilder, add_layout_table,
                                    add_two_column_layout, is_motto)

_GRID_BAR = re.compile(r"^\s*\|\s*$")
_RULE = re.compile(r"^\s*[-=_*]{3,}\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_EMPHASIS_TOKEN = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
# a line that opens an item: "1.", "1.2.", "a)", "II.", "-", "+", "•", or a part head and its number
_ITEM_START = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]\s|[a-z\u0111][.)]\s|[IVXLC]+[.)]\s|[-+\u2022\u2013]\s|\*\s"
                         r"|(?:" + "|".join(map(re.escape, read_yaml("layout_words.yaml")["item_heads"]))
                         + r")\s+[\dIVXLC]+\b)", re.I)
_WHOLE_SPAN = re.compile(r"^\s*(\*\*|__|\*)\S.*\S?\1\s*$")
_CLAUSE_END = re.compile(r"[.:;!?]\s*$")
_FOOTNOTE_STAR = re.compile(r"\(\*+\)")
_DANGLING_STAR = re.compile(r"(?:^|\s)\*{1,2}\s*$")  # a span closed after a space ("2025 *")
_MAX_CELL_LINES = 40      # a "cell" longer than this is body text after a stray bar, not a grid cell
_MAX_CELLS = 40
_ROW_NUMBER = re.compile(r"^\d{1,3}[.)]?$")  # an STT cell: "1", "2.", "10)"
_SECTION_NUMBER = re.compile(r"^[IVXLC]{1,6}[.)]?$")  # a section row's Roman number: "II", "IV."
_CELL_BREAK = re.compile(r"<br\s*/?>", re.I)  # a line break inside a pipe-table cell, as HTML converters write it
_NO_LETTERS = re.compile(r"^[\W\d_]*$")  # a line of dots or an ellipsis between two parts of a table
_FIGURE = re.compile(r"^[\d.,/()\s-]+$")    # a number or an amount: never a column's label
_TABLE_SHARE = 0.8        # how much of a body grid must fit the table's shape for it to be read as one


def looks_like_markdown(raw: str) -> bool:
    """A plain-text file is read as Markdown only when it carries a portal grid or a pipe table."""
    head = raw[:200_000].splitlines()
    bars = sum(1 for line in head if _GRID_BAR.match(line))
    return bars >= 2 or any(_DELIMITER_ROW.match(line) for line in head)


def strip_markers(line: str) -> str:
    """Emphasis markers out; literal stars ("(*)", "3 * 4") stay."""
    keep: list[tuple[int, int]] = [m.span() for m in _FOOTNOTE_STAR.finditer(line)]
    out, last = [], 0
    for m in _EMPHASIS_TOKEN.finditer(line):
        if any(a <= m.start() < b for a, b in keep):
            continue
        out.append(line[last:m.start()])
        last = m.end()
    out.append(line[last:])
    text = _DANGLING_STAR.sub("", "".join(out))
    return re.sub(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])", r"\1", text)


def _open_after(line: str, open_spans: int) -> int:
    """How many emphasis spans are open after ``line`` (toggling on each marker)."""
    state = open_spans
    for m in _EMPHASIS_TOKEN.finditer(_FOOTNOTE_STAR.sub("", line)):
        state = state - 1 if state and _closes(m, line) else state + 1
    return max(state, 0)


def _closes(m: re.Match, line: str) -> bool:
    # a marker closes a span when text is right before it or it ends the line ("DÂN **")
    before = line[m.start() - 1] if m.start() else " "
    return not before.isspace() or not line[m.end():].strip()


def _joined_lines(lines: list[str], *, keep_breaks: bool) -> list[str]:
    """Lines -> logical lines. ``keep_breaks``: grid cell rules; else paragraph rules (join by default)."""
    out: list[str] = []
    open_spans = 0
    alone = False  # the previous line was a whole emphasis span ("**QUYẾT ĐỊNH**"): a line of its own
    for raw in lines:
        text = strip_markers(raw).strip()
        was_open = open_spans
        open_spans = _open_after(raw, open_spans)
        if not text:
            continue
        whole_span = not was_open and not open_spans and bool(_WHOLE_SPAN.match(raw))
        if out:
            prev = out[-1]
            # a dash wrapped inside a name ("Hội đồng Thi đua\n- Khen thưởng") opens no item, unless a clause ended
            wrapped = bool(_ITEM_START.match(text)) and not alone and not _CLAUSE_END.search(prev) \
                and dash_continues_name(prev, text)
            item = bool(_ITEM_START.match(text)) and not wrapped
            if keep_breaks:
                join = bool(was_open) or text[:1].islower() or (prev.endswith(":") and not item) or wrapped
            elif was_open:
                join = not item
            else:
                join = not (alone or whole_span or _CLAUSE_END.search(prev) or item
                            or (is_upper(prev) and not is_upper(text)))
            if join:
                out[-1] = f"{prev} {text}"
                alone = False
                continue
        out.append(text)
        alone = whole_span
    return out


def is_upper(line: str) -> bool:
    """An upper-case line (a title or a body's name): the mixed-case line after it starts anew."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _cells(lines: list[str], start: int) -> list[tuple[int, int]]:
    """(first, end) line ranges of the grid cells from ``start`` while bars keep delimiting them."""
    cells: list[tuple[int, int]] = []
    i = start
    while i < len(lines):
        if not _GRID_BAR.match(lines[i]):
            break
        j = i + 1
        while j < len(lines) and not _GRID_BAR.match(lines[j]) and j - i <= _MAX_CELL_LINES:
            j += 1
        if j >= len(lines) or not _GRID_BAR.match(lines[j]):
            break
        cells.append((i + 1, j))
        # "|" on two lines running is a row break (an empty cell): skip it
        i = j if j + 1 >= len(lines) or not _GRID_BAR.match(lines[j + 1]) else j + 1
        if len(cells) >= _MAX_CELLS:
            break
    return cells


def _cell_text(lines: list[str], cell: tuple[int, int]) -> list[str]:
    return _joined_lines([x for x in lines[cell[0]:cell[1]] if not _RULE.match(x)], keep_breaks=True)


def _grid_rows(lines: list[str], start: int) -> tuple[list[list[tuple[int, int]]], int]:
    """The rows of the grid opened by bar ``start`` (a row ends where two bars run) and the line after it.

    The first row sets the width; a row that reaches it and is closed by a single bar is the last
    one, and a blank line after a bar ends the grid, so body text after the table is never read as
    a cell of it."""
    rows: list[list[tuple[int, int]]] = []
    row: list[tuple[int, int]] = []
    width = 0
    i = start
    while True:
        if i + 1 < len(lines) and not lines[i + 1].strip():
            break  # a blank line after a bar: the grid has ended, what follows is body text
        j = i + 1
        while j < len(lines) and not _GRID_BAR.match(lines[j]) and j - i <= _MAX_CELL_LINES:
            j += 1
        if j >= len(lines) or not _GRID_BAR.match(lines[j]):
            break
        if j == i + 1:  # two bars running: the row ends
            if row:
                rows.append(row)
                width = width or len(row)
                row = []
            i = j
            continue
        row.append((i + 1, j))
        i = j
        if width and len(row) == width and not (i + 1 < len(lines) and _GRID_BAR.match(lines[i + 1])):
            break
    if row:
        rows.append(row)
    return rows, i + 1


def _is_bold_label(lines: list[str], cell: tuple[int, int]) -> bool:
    raw = " ".join(x.strip() for x in lines[cell[0]:cell[1]] if x.strip())
    return bool(_WHOLE_SPAN.match(raw))


def grid_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    """The body grid at bar ``start`` as table rows (cells' lines joined), and the line after it;
    None when the grid does not form a consistent table."""
    rows, end = _grid_rows(lines, start)
    if len(rows) < 3:
        return None
    header, data = rows[0], rows[1:]
    width = len(header)
    texts = [[" ".join(_cell_text(lines, c)) for c in r] for r in rows]
    # a header of labels: a row of figures is the middle of a table whose start was read otherwise
    if width < 2 or not all(texts[0]) or any(_FIGURE.match(c) for c in texts[0]):
        return None
    full = [k for k, r in enumerate(data, 1) if len(r) == width and any(texts[k])]
    # a narrower row is shaped when it opens with a row or section number: a section heading spanning the
    # table ("II | TRIỂN KHAI ...") or a row whose trailing empty cells the portal left out
    shaped = sum(1 for k, r in enumerate(data, 1)
                 if len(r) in (1, width) or (len(r) < width and _opens_row(texts[k][0])))
    if len(full) < 2 or shaped < _TABLE_SHARE * len(data):
        return None
    numbered = sum(1 for k in full if _ROW_NUMBER.match(texts[k][0]))
    if numbered < _TABLE_SHARE * len(full) and not all(_is_bold_label(lines, c) for c in header):
        return None
    # a row narrower than the header (a section heading spanning the table, trailing empty cells the
    # portal left out) is padded, so every line of the table has its columns, as in a DOCX table; in a
    # numbered table, a row of several cells without its number lacks the number cell merged from the row
    # above (a numbered row's second task on a row of its own)
    lacks_number = numbered >= _TABLE_SHARE * len(full)
    return [_padded(r, width, lacks_number) for r in texts], end


def _padded(row: list[str], width: int, lacks_number: bool) -> list[str]:
    if lacks_number and 1 < len(row) < width and not _opens_row(row[0]):
        row = ["", *row]
    return row + [""] * (width - len(row))


def _opens_row(cell: str) -> bool:
    return bool(_ROW_NUMBER.match(cell) or _SECTION_NUMBER.match(cell))


def continued_table(lines: list[str], start: int, width: int) -> tuple[list[list[str]], int] | None:
    """The grid at bar ``start`` as more rows of a table of ``width`` columns read just above it (the
    table goes on after a line of dots or a page break, without its header): rows no wider than the
    table, most of them numbered; None otherwise."""
    rows, end = _grid_rows(lines, start)
    texts = [[" ".join(_cell_text(lines, c)) for c in r] for r in rows]
    if not texts or any(len(r) > width for r in texts):
        return None
    if not _opens_row(texts[0][0]) or sum(1 for r in texts if _opens_row(r[0])) < _TABLE_SHARE * len(texts):
        return None
    return [_padded(r, width, True) for r in texts], end


class MarkdownLayout:
    """Builds the blocks of one Markdown text into a TextBuilder."""

    def __init__(self, b: TextBuilder, raw: str) -> None:
        self.b = b
        self.lines = raw.splitlines()
        self.header_done = False
        self.table: tuple[int, int] | None = None  # (width, line after it) of the last body grid read as a table

    def build(self) -> None:
        para: list[str] = []
        i = 0
        lines = self.lines
        while i < len(lines):
            line = lines[i]
            if _GRID_BAR.match(line):
                self._paragraph(para)
                i = max(self._grid(i), i + 1)
                continue
            if not line.strip() or _RULE.match(line):
                self._paragraph(para)
                i += 1
                continue
            heading = _HEADING.match(line)
            if heading:
                self._paragraph(para)
                text = strip_markers(heading.group(2) or "").strip()
                if text:
                    self.b.add_block(text, "heading", level=len(heading.group(1)))
                i += 1
                continue
            if _PIPE_ROW.match(line) and i + 1 < len(lines) and _DELIMITER_ROW.match(lines[i + 1]):
                self._paragraph(para)
                i = self._pipe_table(i)
                continue
            if "\t" in line.strip(" "):  # tab-separated runs, as in plain text
                self._paragraph(para)
                rows = []
                while i < len(lines):
                    if "\t" in lines[i].strip(" "):
                        rows.append([strip_markers(c) for c in lines[i].split("\t")])
                    elif lines[i].strip():
                        break
                    else:  # a blank line inside a tab-separated run does not end the table
                        nxt = next((x for x in lines[i:] if x.strip()), "")
                        if "\t" not in nxt.strip(" "):
                            break
                    i += 1
                self.b.add_table(rows)
                continue
            para.append(line)
            i += 1
        self._paragraph(para)

    def _paragraph(self, para: list[str]) -> None:
        for text in _joined_lines(para, keep_breaks=False):
            self.b.add_block(text)
        para.clear()

    def _pipe_table(self, i: int) -> int:
        rows: list[list[list[str]]] = []  # each cell as its lines: "<br>" breaks a line inside a cell
        lines = self.lines
        while i < len(lines) and _PIPE_ROW.match(lines[i]):
            if not _DELIMITER_ROW.match(lines[i]):
                cells = re.split(r"(?<!\\)\|", lines[i].strip().strip("|"))
                rows.append([[x for x in (strip_markers(part).strip() for part in _CELL_BREAK.split(c.replace("\\|", "|")))
                              if x and not _RULE.match(x)] for c in cells])
            i += 1
        # a pipe table can be the header (issuer | motto) or the closing (recipients | signature), as
        # converters write a portal's or a DOCX's layout tables
        if add_two_column_layout(self.b, rows):
            if any(is_motto(c) for r in rows for c in r):
                self.header_done = True
            return i
        self.b.add_table([[" ".join(c) for c in r] for r in rows])
        return i

    def _grid(self, i: int) -> int:
        """Lay out a portal grid starting at bar ``i`` (header or closing table); return the line
        after it, or ``i`` when the grid is neither (its cells are then read as paragraphs)."""
        cells = _cells(self.lines, i)
        texts = [_cell_text(self.lines, c) for c in cells]
        if not self.header_done:
            for k, cell in enumerate(texts):
                if any(MOTTO.search(normalize_text(x)) for x in cell):
                    return self._header(cells, texts, k)
        for k in range(len(texts) - 1):
            left, right = texts[k], texts[k + 1]
            # the recipients cell must open the pair: a signing title alone could follow any text
            if left and right and RECIPIENTS.match(normalize_text(left[0])):
                self._cells_as_paragraphs(cells[:k])
                add_layout_table(self.b, left, right)
                return cells[k + 1][1] + 1
        if not cells:
            return i
        table = grid_table(self.lines, i) or self._continued(i)
        if table is not None:
            self.b.add_table(table[0])
            self.table = (max(len(r) for r in table[0]), table[1])
            return table[1]
        # neither: its cells are paragraphs, and the bars inside it are not looked at again
        self._cells_as_paragraphs(cells)
        return cells[-1][1] + 1

    def _continued(self, i: int) -> tuple[list[list[str]], int] | None:
        """The rows of the table read just above, when only lines without letters stand between."""
        if self.table is None or any(not _NO_LETTERS.match(x) for x in self.lines[self.table[1]:i]):
            return None
        return continued_table(self.lines, i, self.table[0])

    def _header(self, cells, texts, motto: int) -> int:
        issuer_at = motto - 1 if motto and texts[motto - 1] else None
        # cells before the header in its grid are a portal's record card ("Số hiệu: | 451/QĐ-UBND |
        # Loại văn bản: | Quyết định"), not the document: one line, so no card value reads as a header line
        card = [x for c in texts[:issuer_at if issuer_at is not None else motto] for x in c]
        if card:
            self.b.add_block(" ".join(card))
        left = list(texts[issuer_at]) if issuer_at is not None else []
        right = list(texts[motto])
        end = cells[motto][1] + 1
        taken = 0
        for k in range(motto + 1, len(cells)):
            if taken == 2 or not texts[k]:
                if taken:
                    break
                continue
            (right if any(PLACE_DATE.search(normalize_text(x)) for x in texts[k]) else left).extend(texts[k])
            taken += 1
            end = cells[k][1] + 1
            if any(PLACE_DATE.search(normalize_text(x)) for x in texts[k]):
                break
        add_layout_table(self.b, left, right)
        self.header_done = True
        return end

    def _cells_as_paragraphs(self, cells) -> None:
        for c in cells:
            lines = []
            for x in self.lines[c[0]:c[1]]:
                heading = _HEADING.match(x)
                if heading:
                    x = heading.group(2) or ""
                if x.strip() and not _RULE.match(x):
                    lines.append(x)
            self._paragraph(lines)
