"""Assignment tables (STT | Nội dung | Đơn vị chỉ đạo | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian): rows,
cells and the period of each row; tasks and units both read them.

Columns are found by their header words (``unit_heads.yaml: table_columns``), never by position; a section
row ("I  Quý I") gives the period of the rows below it; a time column gives it per row.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.view import DocumentView
from extractors.context import DocContext
from extractors.lexicon import read_yaml
from extractors.names import canonical_unit, find_unit_mentions, head_of, heads_data, name_key, repair_ocr_name
from extractors.text import ROMAN
from extractors.unit_words import alternation
from schemas.record import TimeValue

from extractors.dates import ocr_quarter, parse_period

ROLES = ("director", "lead", "support")


@dataclass
class Cell:
    start: int
    end: int
    text: str


@dataclass
class TableRow:
    start: int
    end: int
    cells: list[Cell]
    # rows of the same table row wrapped onto further lines (OCR tables: "\tdẫn thi hành.\t\tNội vụ\t...")
    more: list["TableRow"] = field(default_factory=list)

    @property
    def parts(self) -> list["TableRow"]:
        return [self, *self.more]

    @property
    def last_end(self) -> int:
        return self.more[-1].end if self.more else self.end


@dataclass
class TaskTable:
    columns: dict[str, int]                     # column kind -> index
    rows: list[tuple[TableRow, TimeValue | None, bool]] = field(default_factory=list)  # (row, section period, is_section)


def _split_row(text: str, start: int, end: int) -> list[Cell] | None:
    line = text[start:end]
    sep = "\t" if line.count("\t") >= 2 else (" | " if line.count(" | ") >= 2 else None)
    if sep is None:
        return None
    cells, pos = [], 0
    for part in line.split(sep):
        s = start + pos
        lead = len(part) - len(part.lstrip())
        cells.append(Cell(s + lead, s + len(part.rstrip()), part.strip()))
        pos += len(part) + len(sep)
    return cells


@lru_cache(maxsize=1)
def _column_words() -> dict[str, tuple[str, ...]]:
    return {k: tuple(name_key(w) for w in v) for k, v in heads_data()["table_columns"].items()}


@lru_cache(maxsize=4096)  # the same header words come back in every table row and document
def column_kind(header: str) -> str | None:
    key = name_key(header)
    if not key:
        return None
    words = _column_words()
    for kind in ("number", "note", "time"):
        if key in words[kind]:
            return kind
    for kind in ("director", "support", "lead"):  # "đơn vị chỉ đạo" before the generic "thực hiện"
        if key in words[kind] or any(key.startswith(w) for w in words[kind] if len(w) > 6):
            return kind
    prefixes = _cell_words()["column_prefixes"]
    for kind in ("time", "description"):
        if key in words[kind] or key.startswith(prefixes[kind]):
            return kind
    return _fuzzy_column_kind(key)


def _fuzzy_column_kind(key: str) -> str | None:
    """A header cell misread by OCR ("Đơn vị ch: đạo", "Đơn vi phối hơp"): the header word it is closest to,
    when that is close enough and clearly closer than any word of another kind."""
    if len(key) < 6:
        return None
    scores: list[tuple[float, str]] = []
    for kind, ws in _column_words().items():
        best = max((difflib.SequenceMatcher(None, key, w, autojunk=False).ratio() for w in ws if len(w) > 5),
                   default=0.0)
        scores.append((best, kind))
    scores.sort(reverse=True)
    (best, kind), (second, _) = scores[0], scores[1]
    return kind if best >= 0.85 and best - second >= 0.1 else None


def _columns(cells: list[Cell]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, c in enumerate(cells):
        kind = column_kind(c.text)
        if kind and kind not in cols:
            cols[kind] = i
    if "description" in cols and any(r in cols for r in ROLES):
        return cols
    return None


ROMANISH = re.compile(r"^[IVXHLlÌÍ1|!:;.,]{0,4}$")  # a Roman section number as OCR reads it: "H", "HÌ|", ""


def _section_period(rest: str, context: DocContext | None) -> TimeValue | None:
    """The period of a section row, tolerant of OCR noise in "Quý"."""
    return parse_period(rest, context) or ocr_quarter(rest, context.year if context else None)


def _section_row(cells: list[Cell], context: DocContext | None) -> tuple[bool, TimeValue | None]:
    """Whether a row is a section row ("I  Quý I", OCR: "\tQuý I", "H  Quý II") and the period it names."""
    filled = [c for c in cells if c.text]
    if not filled or len(filled) > 2:
        return False, None
    first = cells[0].text.strip(" .")
    rest = " ".join(c.text for c in cells[1:] if c.text)
    if first.upper() in ROMAN:
        return True, _section_period(rest, context)
    if ROMANISH.match(first) and len(rest) <= 40:
        got = _section_period(rest, context)
        if got is not None:  # a noisy number is a section only when the row names a period
            return True, got
    return False, None


def _next_quarter(prev: TimeValue | None, got: TimeValue | None) -> TimeValue | None:
    """Two section rows in a row never name the same quarter: OCR read "Quý III" as "Quý II"."""
    if prev is None or got is None or got.value != prev.value or not re.fullmatch(r"\d{4}-Q[1-3]", got.value):
        return got
    return TimeValue(text=got.text, value=got.value[:-1] + str(int(got.value[-1]) + 1), granularity="quarter")


def _continues(cells: list[Cell], cols: dict[str, int]) -> bool:
    """A row that carries on the row above it: no number and a description that is empty or starts in lower
    case ("\tdẫn thi hành.\t\tNội vụ\t...") while some other cell is filled."""
    ni = cols.get("number")
    if ni is not None and ni < len(cells) and cells[ni].text:
        return False
    di = cols["description"]
    desc = cells[di].text if di < len(cells) else ""
    others = any(c.text for i, c in enumerate(cells) if i not in (0, di))
    if not desc:
        return others
    return desc[0].islower() or desc[0] in ",;.)-"


def task_tables(view: DocumentView, context: DocContext | None = None) -> list[TaskTable]:
    """The document's assignment tables, for :meth:`DocumentView.shared` (tasks and units both read them)."""
    return find_task_tables(view.text, context)


def find_task_tables(text: str, context: DocContext | None = None) -> list[TaskTable]:
    """Assignment tables in ``text``: header row mapped by words, rows with their section period."""
    tables: list[TaskTable] = []
    if "\t" not in text and " | " not in text:
        return tables  # no table rows at all
    current: TaskTable | None = None
    section: TimeValue | None = None
    ncols = 0
    pos = 0
    header: list[Cell] | None = None  # a header row that did not map: its cells may wrap onto the next line
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        cells = _split_row(text, start, end)
        if cells is None:
            # a line of dots between two parts of a table ("…......") or a bullet does not end it
            if current is not None and not re.match(r"^\s*[-+•]", line) and any(c.isalpha() for c in line):
                current = None
            continue
        cols = _columns(cells)
        if not cols and header is not None and len(header) == len(cells) and current is None:
            # a header whose cells wrap onto a second line ("Đơn vị" / "chỉ đạo")
            cols = _columns([Cell(a.start, b.end, f"{a.text} {b.text}".strip()) for a, b in zip(header, cells)])
        header = cells if current is None and not cols else None
        if cols:
            current = TaskTable(columns=cols)
            tables.append(current)
            section, ncols = None, len(cells)
            continue
        if current is None:
            continue
        row = TableRow(start, end, cells)
        is_section, period = _section_row(cells, context)
        if is_section:  # "I  Quý I": a section row
            section = _next_quarter(section, period)
            current.rows.append((row, section, True))
            continue
        if current.rows and not current.rows[-1][2] and _continues(cells, current.columns):
            current.rows[-1][0].more.append(row)
            continue
        current.rows.append((row, section, False))
    return tables


_ITEM_SPLIT = re.compile(r";|\n")


@lru_cache(maxsize=1)
def _cell_words() -> dict:
    d = read_yaml("task_words.yaml")
    return {
        "column_prefixes": {kind: tuple(ws) for kind, ws in d["column_prefixes"].items()},
        "person": re.compile(rf"^(?:{alternation(d['person_titles'])})\s+"),
        # what may be left of a cell item once its units are taken out, for the item to be only those units
        "links": re.compile(rf"\b(?:{alternation(d['name_links'])})\b|[,;.\-]"),
    }


def cell_items(cell: Cell, text: str) -> list[tuple[int, int, str]]:
    """The items of a unit cell ("- A; - B" -> A, B) as spans into ``text``."""
    out = []
    pos = 0
    for m in list(_ITEM_SPLIT.finditer(cell.text)) + [None]:
        stop = m.start() if m else len(cell.text)
        seg = cell.text[pos:stop]
        lead = len(seg) - len(seg.lstrip(" .,-+•“”\"'"))  # OCR leaves stray quotes and bullets at a cell edge
        core = seg.strip(" .,-+•“”\"'")
        if core:
            s = cell.start + pos + lead
            out.append((s, s + len(core), core))
        pos = m.end() if m else pos
    return out


def item_names(item: tuple[int, int, str], text: str, context: DocContext | None) -> list[str]:
    """Canonical unit names of one cell item; the item's own words when it names a collective or a person."""
    s, e, core = item
    core = repair_ocr_name(core)  # OCR glue and slips in a cell: "UBNDItinh", "Hội đồng TĐKTtinh"
    mentions = [m for m in find_unit_mentions(core)]
    rest = core
    names: list[str] = []
    for ms, me, surface in mentions:
        names.extend(canonical_unit(surface, context))
        rest = rest.replace(surface, " ")
    if names and not _cell_words()["links"].sub(" ", rest).strip():
        return names
    own = _cell_words()["person"].sub("", core)
    # a body the name finder does not read ("Sở KH&CN"): its canonical name when the item opens with a head
    return (canonical_unit(own, context) or [own]) if head_of(own) else [own]
