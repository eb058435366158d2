"""Tasks: rows of assignment tables (STT | Nội dung | Đơn vị chỉ đạo | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian)
and clear prose assignments.

Columns are found by their header words (``unit_heads.yaml: table_columns``), never by position; a section
row ("I  Quý I") gives the period of the rows below it; a time column gives it per row.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.lexicon import read_yaml
from extractors.names import (canonical_unit, expand_abbreviations, find_places, find_unit_mentions, head_of,
                              heads_data, name_key, repair_ocr_name)
from extractors.text import CAN_CU, PLACE_DESIGNATOR, ROMAN
from extractors.text.lines import goes_on_paragraph, joined
from schemas.record import DateMention, Task, TimeValue

from extractors.dates import extract_dates, parse_time

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
def _column_kind(header: str) -> str | None:
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
    if key in words["time"] or key.startswith("thời gian") or key.startswith("thời hạn"):
        return "time"
    if key in words["description"] or key.startswith("nội dung"):
        return "description"
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
        kind = _column_kind(c.text)
        if kind and kind not in cols:
            cols[kind] = i
    if "description" in cols and any(r in cols for r in ROLES):
        return cols
    return None


_QUARTER = re.compile(r"(?i)\bqu[ýí]\s+(IV|I{1,3}|[1-4])\b(?:\s*(?:năm\s*)?[/-]?\s*(\d{4}))?")
_MONTH = re.compile(r"(?i)\btháng\s+(\d{1,2})(?:\s*(?:năm|/)\s*(\d{4}))?")
_HALF = re.compile(r"(?i)\b6 tháng (đầu|cuối) năm(?:\s*(\d{4}))?")
_INTERVAL = re.compile(r"(?i)từ\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})\s+đến\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})")


def _period(phrase: str, context: DocContext | None) -> TimeValue | None:
    """A period from a section row or time cell ("Quý II", "Tháng 5/2024", "6 tháng đầu năm")."""
    phrase = phrase.strip()
    if not phrase:
        return None
    got = parse_time(phrase, context)
    if got is not None:
        return got
    year = context.year if context else None
    m = _QUARTER.search(phrase)
    if m:
        q = ROMAN.get(m.group(1).upper()) or int(m.group(1))
        y = m.group(2) or year
        if y:
            return TimeValue(text=m.group(0), value=f"{y}-Q{q}", granularity="quarter")
    m = _HALF.search(phrase)
    if m:
        y = m.group(2) or year
        if y:
            return TimeValue(text=m.group(0), value=f"{y}-H{1 if m.group(1).lower() == 'đầu' else 2}",
                             granularity="half")
    m = _MONTH.search(phrase)
    if m and 1 <= int(m.group(1)) <= 12:
        y = m.group(2) or year
        if y:
            return TimeValue(text=m.group(0), value=f"{y}-{int(m.group(1)):02d}", granularity="month")
    return None


# a quarter in a section row as OCR reads it: "Quý II", "Quy Il", "Quí 1I", "Quý |V"
_NOISY_QUARTER = re.compile(r"(?i)^qu[ýyíiỳ][ ]*([IVXl1|!]{1,4})[.:]?$")
ROMANISH = re.compile(r"^[IVXHLlÌÍ1|!:;.,]{0,4}$")  # a Roman section number as OCR reads it: "H", "HÌ|", ""


def _section_period(rest: str, context: DocContext | None) -> TimeValue | None:
    """The period of a section row, tolerant of OCR noise in "Quý"."""
    got = _period(rest, context)
    if got is not None:
        return got
    m = _NOISY_QUARTER.match(rest.strip())
    year = context.year if context else None
    if m and year:
        numeral = re.sub(r"[lL1|!]", "I", m.group(1)).upper()
        q = ROMAN.get(numeral)
        if q and q <= 4:
            return TimeValue(text=m.group(0), value=f"{year}-Q{q}", granularity="quarter")
    return None


def _section_row(cells: list[Cell], context: DocContext | None) -> tuple[bool, TimeValue | None]:
    """Whether a row is a section row ("I  Quý I", OCR: "\tQuý I", "H  Quý II") and the period it names."""
    filled = [c for c in cells if c.text]
    if not filled or len(filled) > 2:
        return False, None
    first = cells[0].text.strip(" .")
    rest = " ".join(c.text for c in cells[1:] if c.text)
    if first.upper() in ROMAN:
        return True, _period(rest, context) or _section_period(rest, context)
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


_PLAN_PERIOD = re.compile(r"(?im)^[IVX\d]+[.)]?\s*THỜI GIAN[^\n]*\n\s*([^\n]+)")


def plan_period(text: str) -> TimeValue | None:
    """The plan's own period ("III. THỜI GIAN THI ĐUA: Từ ngày 01/10/2021 đến hết ngày 31/12/2021")."""
    m = _PLAN_PERIOD.search(text)
    if not m:
        return None
    seg = text[m.start():m.end()]
    i = _INTERVAL.search(seg)
    if not i:
        return None
    d1, m1, y1, d2, m2, y2 = (int(x) for x in i.groups())
    return TimeValue(text=i.group(0), value=f"{y1}-{m1:02d}-{d1:02d}/{y2}-{m2:02d}-{d2:02d}", granularity="interval")


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
            if current is not None and not re.match(r"^\s*[-+•]", line):
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
_PERSON = re.compile(r"^(?:Đ/c|đ/c|Đồng chí|đồng chí|Ông|Bà)\s+")


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
    if names and not re.sub(r"\b(và|của|các)\b|[,;.\-]", " ", rest).strip():
        return names
    return [_PERSON.sub("", core)]


def extract_tasks(doc: DocumentView | str, context: DocContext | None = None) -> list[Task]:
    """Every task in ``text``, with evidence offsets. Never None."""
    view = as_view(doc)
    text = view.text
    tasks: list[Task] = []
    fallback = None
    for table in view.shared(task_tables, context):
        cols = table.columns
        for row, section, is_section in table.rows:
            if is_section:
                continue
            cells = row.cells
            di = cols["description"]
            if di >= len(cells) or not cells[di].text:
                continue
            period = section
            said = "time" in cols and cols["time"] < len(cells) and cells[cols["time"]].text
            if said:
                period = _period(cells[cols["time"]].text, context) or period
            if period is None and not said:  # "Thường xuyên" says there is no deadline: no plan period
                fallback = fallback or plan_period(text)
                period = fallback
            roles: dict[str, list[str]] = {r: [] for r in ROLES}
            for part in row.parts:
                for role in ROLES:
                    if role in cols and cols[role] < len(part.cells):
                        for item in cell_items(part.cells[cols[role]], text):
                            for n in item_names(item, text, context):
                                if n not in roles[role]:
                                    roles[role].append(n)
            description = " ".join(p.cells[di].text for p in row.parts if di < len(p.cells) and p.cells[di].text)
            tasks.append(Task(description=description, period=period, source="table",
                              evidence=[evidence(text, p.start, p.end) for p in row.parts], **roles))
    tasks.extend(prose_tasks(text, context))
    return tasks


@lru_cache(maxsize=1)
def _words() -> dict:
    d = read_yaml("task_words.yaml")

    def alt(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(d[key], key=len, reverse=True))
    return {
        "assign": re.compile(rf"(?i)^(?:{alt('assign_verbs')})\s+"),
        "lead": re.compile(rf"(?i)(?<!\w)(?:{alt('lead_cues')})(?!\w)"),
        "support": re.compile(rf"(?i)(?<!\w)(?:{alt('support_cues')})\s+"),
        "timing": re.compile(rf"(?i)(?<!\w)(?:{alt('timing_words')})\s+(?:\w+\s+){{0,1}}$"),
        "label": re.compile(rf"(?i)^(?:{alt('label_starts')})(?!\w)[^:\n]{{0,40}}?:\s*"),
        "no_deadline": re.compile(rf"(?i)(?<!\w)(?:{alt('no_deadline')})(?!\w)"),
        "support_gap": re.compile(rf"(?i)[\s,;]*(?:(?:{alt('list_links')})(?!\w)[\s,;]*)?"),
        # "Các tỉnh Nghệ An, ...", "Thành phố Hà Nội và các tỉnh Bắc Ninh, ...": what may come before and
        # between the provinces that do a task
        "place_gap": re.compile(rf"(?i)[\s,;]*(?:(?:{alt('list_links')})(?!\w)[\s,;]*)*(?:{PLACE_DESIGNATOR}(?!\w))?\s*"),
        "heading": re.compile(rf"(?i)^[ \t]*(?:[*_]{{1,2}})?(?:(?P<r>[IVX]+\.|(?:{alt('article_words')})[ ]+\d+\.)|"
                              rf"(?P<n>\d{{1,2}}(?:\.\d{{1,2}})*)\.)(?:[*_]{{1,2}})?[ ]*"),
        "heading_tail": re.compile(rf"(?i)[\s:*_.]*(?:(?:{alt('unit_heading_tails')})[\s:]*)?$"),
        "no_task": re.compile(rf"(?i)^(?:{CAN_CU}|{alt('recipients_words')})"),
        "target": re.compile(rf"(?i)^(?:(?:{alt('quantity_openers')})\s+){{0,2}}[≥≤><~]?\s*\d"),
    }


# an item of a list: "a) ", "1. ", "1.2. ", "- ", "+ ", "• ", with the bold marks of a web copy ("**3.** ")
_ITEM = re.compile(r"^[ \t]*(?:[*_]{1,2})?(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.|[-+•])(?:[*_]{1,2})?[ ]+(?=\S)")
_LABEL_VALUE = re.compile(r"^([^:\n]{3,45}):[ *_]*(.*)$")


def _names(segment: str, context: DocContext | None) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of the units named in ``segment`` (abbreviations already expanded)."""
    return [(s, e, n) for s, e, surface in find_unit_mentions(segment) for n in canonical_unit(surface, context)]


def _heading_level(line: str) -> int | None:
    """1 for "II." and "Điều 2.", 2 for "3.", 3 for "3.1.", None for other lines."""
    m = _words()["heading"].match(line)
    if not m:
        return None
    return 1 if m.group("r") else 2 + m.group("n").count(".")


def _unit_heading(line: str, context: DocContext | None) -> str | None:
    """The unit a heading line names as a whole ("10. Ủy ban nhân dân xã, phường"), else None."""
    m = _words()["heading"].match(line)
    if not m or (m.group("n") and "." in m.group("n")):
        return None
    rest = _words()["heading_tail"].sub("", line[m.end():]).strip(" *_")
    if not rest or len(rest) > 120:
        return None
    expanded = expand_abbreviations(rest)
    found = _names(expanded, context)
    if found and found[0][0] == 0 and len(expanded) - found[0][1] <= 1:
        return found[0][2]
    if head_of(expanded) and len(expanded) <= 80 and not _words()["lead"].search(expanded):
        names = canonical_unit(expanded, context)  # "Ủy ban nhân dân xã, phường": a name the finder splits
        return ", ".join(names) if names else None
    return None


def _roles(desc: str, context: DocContext | None, section_unit: str | None) -> tuple[list[str], list[str], bool]:
    """(lead, support, whether the item names who does it) of one prose item."""
    w = _words()
    body = expand_abbreviations(w["assign"].sub("", desc, count=1))[:400]
    named = _names(body, context)
    lead: list[str] = []
    actor = False
    cue = w["lead"].search(body)
    places = find_places(body[:200])
    if named and named[0][0] <= 1:  # the item opens with a unit: it is the one who does it
        lead, actor = [named[0][2]], True
    elif places and places[0][0] <= 10 and w["place_gap"].fullmatch(body[:places[0][0]]):
        actor = True  # "Các tỉnh Nghệ An, Quảng Ngãi khẩn trương ...": the provinces do it
        prev = places[0][0]
        for s, e, name in places:
            if not w["place_gap"].fullmatch(body[prev:s]):
                break
            lead.append(name)
            prev = e
    elif _position_start().match(body):
        actor = True  # "Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ ...", "Giao Phó Thủ tướng ... ": a person
        lead = [n for s, e, n in named if s < (cue.start() if cue else 120)][:3]
    elif section_unit:
        lead, actor = [section_unit], True
    elif cue:
        before = [n for s, e, n in named if e <= cue.start()]
        if before:
            lead, actor = [before[-1]], True  # "..., UBND các huyện chủ trì ..."
        elif head_of(body) and cue.start() <= 100:
            lead, actor = [body[:cue.start()].strip(" ,")], True  # "Đài Truyền hình X chủ trì": a body not in the lists
    support: list[str] = []
    sm = w["support"].search(body)
    if sm:
        prev = sm.end()
        for s, e, n in (x for x in named if x[0] >= sm.end()):
            if not w["support_gap"].fullmatch(body[prev:s]):
                break  # the list of supporting units has ended
            if n not in lead and n not in support:
                support.append(n)
            prev = e
    return lead, support, actor




@lru_cache(maxsize=1)
def _position_start() -> re.Pattern[str]:
    """An item that opens with a person's office ("Bộ trưởng", "Chủ tịch Ủy ban nhân dân tỉnh")."""
    words = sorted(heads_data()["positions"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(p) for p in words) + r")(?!\w)")


def _opens_with_unit(body: str, context: DocContext | None) -> bool:
    named = _names(expand_abbreviations(body[:150]), context)
    return bool(named) and named[0][0] == 0


def _period_of(text: str, s: int, e: int, dates: list[DateMention], actor: bool) -> TimeValue | None:
    """The deadline of the item text[s:e]: a date the dates extractor calls a deadline, else (when the item
    names who does it) a date right after "vào" / "trong"."""
    w = _words()
    # "trước ngày 20 tháng 6 hằng năm" recurs: it is no date of this task
    inside = [d for d in dates if s <= d.evidence[0].start < e
              and not w["no_deadline"].match(text[d.evidence[0].end:d.evidence[0].end + 16].lstrip(" ,"))]
    for d in inside:
        if d.role == "deadline":
            return TimeValue(text=d.text, value=d.value, granularity=d.granularity, modifier=d.modifier)
    if actor:
        for d in inside:
            if d.role in ("event", "other") and w["timing"].search(text[max(s, d.evidence[0].start - 30):
                                                                         d.evidence[0].start]):
                return TimeValue(text=d.text, value=d.value, granularity=d.granularity, modifier=d.modifier)
    return None


def _goes_on(prev: str, follow: str) -> bool:
    """The paragraph rule of the text layer, reading past the quotes and emphasis marks a wrapped line of a
    web copy may open with ("... phát huy\n“3 ca, 4 kíp” ...", "... khẩn\n*trương ...*")."""
    core = follow.lstrip().lstrip("*_“\"'(")
    return bool(core) and goes_on_paragraph(prev, core)


def prose_tasks(text: str, context: DocContext | None = None) -> list[Task]:
    """Tasks written as prose: list items that say who does what by when ("Sở Nội vụ chủ trì, phối hợp với
    ..., hoàn thành trước ngày 10/7/2025"; "Trước ngày 30/6/2025: ..."), and task blocks (a title, then
    "Đơn vị chủ trì: ...", "Đơn vị phối hợp: ...", "Thời gian hoàn thành: ...")."""
    if not text:
        return []
    flat = joined(text, _goes_on)  # hard-wrapped lines as one; same offsets
    dates: list[DateMention] | None = None
    w = _words()
    out: list[Task] = []
    section_unit: str | None = None
    section_level = 0
    block: dict | None = None
    pos = 0
    lines = flat.split("\n")
    for line in lines + [""]:
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if "\t" in line or " | " in line:
            continue
        bullet = _ITEM.match(line)
        body_start = start + (bullet.end() if bullet else len(line) - len(line.lstrip()))
        body = flat[body_start:end].strip()
        lv = _LABEL_VALUE.match(body.replace("*", " ").strip()) if body else None
        kind = _column_kind(lv.group(1).strip(" -+*_")) if lv else None
        if block is not None and kind in ("lead", "support", "director", "time"):
            vs = body_start + flat[body_start:end].find(":") + 1
            value = " ".join(flat[vs:end].split()).strip(" *_.")
            if kind == "time":
                block["period"] = None if w["no_deadline"].search(value) else _period(value, context)
                block["timed"] = True
            else:
                block[kind] = [n for item in re.split(r"[;]", value) if item.strip()
                               for n in item_names((vs, vs + len(item), item.strip(" .-+")), text, context)]
            block["end"] = end
            continue
        if block is not None:
            # a block names who leads and when or with whom ("Thời gian" alone is a meeting's or a step's;
            # "Cơ quan thực hiện" alone is a procedure's)
            if (block.get("lead") or block.get("director")) and (block.get("timed") or block.get("support")):
                out.append(Task(description=block["description"], period=block.get("period"),
                                lead=block.get("lead", []), support=block.get("support", []),
                                director=block.get("director", []), source="prose",
                                evidence=[evidence(text, block["start"], block["end"])]))
            block = None
        if not stripped:
            continue
        level = _heading_level(line)
        heading_unit = _unit_heading(line, context)
        if heading_unit is not None:
            section_unit, section_level = heading_unit, level
            continue
        if level is not None and section_unit is not None and level <= section_level:
            section_unit = None  # the next section of the same rank is about someone else
        paragraph = not bullet and level is None
        if paragraph and not _opens_with_unit(body, context):
            continue  # a paragraph is a task only as "Sở Nội vụ chủ trì, ..., hoàn thành trước ngày ..."
        if w["no_task"].match(body) or (body.rstrip(" *_").endswith(":") and len(body) < 160):
            continue  # a basis, the recipients, or a short line that opens a list ("... theo tiến độ sau:")
        # a numbered line followed by labelled lines is the title of a task block
        block = {"description": body.strip(" *_"), "start": body_start, "end": end}
        label = w["label"].match(body)
        period = parse_time(body[:label.end()].rstrip(" :"), context) if label else None
        desc_start = body_start + (label.end() if label else 0)
        desc = flat[desc_start:end].strip(" *_")
        if period is not None and period.granularity != "duration" and desc and not w["target"].match(desc):
            lead, support, _ = _roles(desc, context, section_unit)
            out.append(Task(description=desc, period=period, lead=lead, support=support, source="prose",
                            evidence=[evidence(text, desc_start, end)]))
            block = None
            continue
        if dates is None:
            dates = extract_dates(flat, context)  # on the joined lines: "trước\nngày 15/11" is a deadline
        lead, support, actor = _roles(body, context, section_unit)
        if not actor:
            continue
        period = _period_of(flat, body_start, end, dates, actor and not paragraph)
        if period is None:
            continue
        out.append(Task(description=body.strip(" *_"), period=period, lead=lead, support=support, source="prose",
                        evidence=[evidence(text, body_start, end)]))
        block = None
    return out
