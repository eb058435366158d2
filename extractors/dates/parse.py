"""The one date parser: parse one expression (``parse_time``), find every expression (``find_times``)."""
from __future__ import annotations

import re
import string
from functools import lru_cache

from extractors.context import DocContext
from extractors.dates.atoms import Atom, clause_before, clause_tail, join_atoms, lowered_text, scan_atoms, valid_day
from extractors.dates.lexicon import DAY, GRAMMAR, MONTH, YEAR, date_lexicon
from extractors.dates.stamp import fix_stamp_years
from extractors.dates.year import plan_year
from extractors.text.fold import skeleton_upper
from schemas.record import TimeValue

def _resolve(text: str, atoms: list[Atom], context: DocContext | None) -> None:
    """Fill in missing years: the plan's year, else the nearest explicit year before."""
    missing = [a for a in atoms if not a.explicit or (a.gran == "interval" and not all(p.y for p in a.parts))]
    if not missing:
        return
    year = (context.year if context else None) or plan_year(text, atoms)
    # in a school-year plan, an unyeared day or month falls in the school year: September to December in its
    # first year, January to August in its second ("14/9" and "15/1" in a plan for "năm học 2010 - 2011")
    school = _school_year(atoms, context)
    missing_ids = {id(a) for a in missing}  # identity, not dataclass equality (a quadratic scan on long plans)
    last = None
    for a in atoms:
        if a.explicit and a.y and a.gran != "duration":
            last = a.y
        if id(a) in missing_ids:
            fill = year or last
            if fill is None:
                continue
            sch = school if school and not date_lexicon().commemoration.search(clause_before(text, a.start, 80)) else None
            if a.gran == "interval":
                shifts = [_year_shift(text, p.end) for p in a.parts]
                if shifts == [-1, 1]:
                    shifts = [0, 1]  # "từ tháng 10 của năm trước đến hết tháng 4 của năm sau": a season across two years
                for p, shift in zip(a.parts, shifts):
                    p.y = p.y or (fill + shift if shift else _school_fill(p, sch, fill))
            elif shift := _year_shift(text, a.end):
                a.y = fill + shift  # "quý I của năm liền kề", "tháng 01 năm sau", "tháng 10 năm trước"
            else:
                a.y = _school_fill(a, sch, fill)


def _year_shift(text: str, end: int) -> int:
    """+1 after "(của) năm sau", -1 after "(của) năm trước", else 0."""
    lx = date_lexicon()
    return 1 if lx.next_year_after.match(text, end) else -1 if lx.previous_year_after.match(text, end) else 0


def _school_fill(a: Atom, school: tuple[int, int] | None, fill: int) -> int:
    """A commemorated day ("chào mừng ngày 19/8") keeps the plan's year, as an anniversary does elsewhere."""
    if school is None or a.gran not in ("day", "month") or not a.m:
        return fill
    return school[0] if a.m >= 9 else school[1]


def _modifier(text: str, a: Atom) -> str | None:
    if a.mod:
        return a.mod
    if a.gran != "duration" and date_lexicon().approx.search(clause_tail(clause_before(text, a.start, 40))):
        return "APPROX"
    return None


# a header-style date whose day or month slot OCR turned to noise ("ngày {tháng 12 năm 2021", "ngàyZ/tháng 10
# năm 2022"): the true day is unknown, so neither the month nor the year read out of it is a date of the text
_GARBLED_DMY = re.compile(DAY + r"(?P<dj>[^\n\t]{0,8}?)" + MONTH + r"(?P<mj>[^\n\t]{0,6}?)" + YEAR + r"\s*\d{4}(?!\d)")


_CLEAN_SLOT = re.compile(r"[\s.,…_/-]*\d{0,2}[\s.,…_/-]*")


_WORD2 = re.compile(r"[^\W\d_]{2,}")


def _drop_garbled(low: str, atoms: list[Atom]) -> list[Atom]:
    if DAY not in low:
        return atoms
    spans = []
    for m in _GARBLED_DMY.finditer(low):
        slots = (m.group("dj"), m.group("mj"))
        if any(_WORD2.search(x) for x in slots):
            continue  # words between "ngày" and "tháng": prose, not a garbled date
        if all(_CLEAN_SLOT.fullmatch(x) for x in slots):
            continue
        spans.append((m.start(), m.end()))
    if not spans:
        return atoms
    return [a for a in atoms if not any(s <= a.start < e for s, e in spans)]


def _quarter_headings(text: str, atoms: list[Atom]) -> None:
    """Table sections "Quý I / Quý II / Quý II / Quý IV": OCR lost a stroke of "III"; a repeated quarter heading
    between its predecessor and the quarter after the next is the missing one."""
    heads = []
    for a in atoms:
        if a.gran != "quarter" or a.kind != "quarter" or a.explicit:
            continue
        ls = text.rfind("\n", 0, a.start) + 1
        le = text.find("\n", a.end)
        cells = [c for c in text[ls:le if le >= 0 else len(text)].split("\t") if c.strip()]
        if len(cells) <= 2 and cells[-1].strip() == text[a.start:a.end].strip():
            heads.append(a)
    for prev, cur, nxt in zip(heads, heads[1:], heads[2:]):
        if cur.q == prev.q and nxt.q == cur.q + 2:
            cur.q += 1


# "ngày 12, 13/9", "các ngày 10 và 11/5/2024", "ngày 12 - 13/9", "các ngày 08 và 09 tháng 11 năm 2025", "từ ngày 08 đến ngày 09 tháng 11 năm 2025": bare days
# listed before the day that carries the month; each takes that day's month and year (a "-" or "đến" pair then
# becomes an interval in join_atoms)
_DAY_LIST_ITEM = re.compile(r"(?<![\w/.,])(?P<d>\d{1,2})\s*(?:,|" + GRAMMAR["and"] + "|-|" + "|".join(GRAMMAR["range_to"])
                            + r")\s*$")


_DAY_LIST_HEAD = re.compile(DAY + r"\s*$")


def _day_lists(low: str, atoms: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    for a in atoms:
        if a.gran == "day" and ((a.kind in ("dm", "dmy_num") and low[a.start:a.start + 1].isdigit())
                                or (a.kind in ("dmy_words", "dmy_bare") and a.d is not None)):
            items: list[Atom] = []
            pos = a.start
            while (m := _DAY_LIST_ITEM.search(low, max(0, pos - 12), pos)) is not None:
                if not valid_day(a.y, a.m, int(m.group("d"))):
                    break
                items.insert(0, Atom(m.start("d"), m.end("d"), "day", "day_list", y=a.y, m=a.m, d=int(m.group("d")),
                                      explicit=a.explicit))
                pos = m.start()
            if items and _DAY_LIST_HEAD.search(low, max(0, pos - 8), pos) and (
                    not out or out[-1].end <= items[0].start):
                out += items
        out.append(a)
    return out


def _school_year(atoms: list[Atom], context: DocContext | None) -> tuple[int, int] | None:
    """The school year a plan is for ("Năm học 2010 - 2011"): one that its date falls in (from July of the first
    year, when plans for it are written, to August of the second), not a past one it reviews."""
    year = context.year if context else None
    if year is None:
        return None
    month = context.month if context else None
    for a in atoms:
        if a.kind == "school_year":
            y1, y2 = a.parts[0].y, a.parts[1].y
            if y2 != y1 + 1:
                continue
            if (year == y1 and (month is None or month >= 7)) or (year == y2 and (month is None or month <= 8)):
                return y1, y2
    return None


@lru_cache(maxsize=1)
def _bare_grammar() -> tuple[re.Pattern, dict]:
    """The date grammar's words as typed without any diacritic ("ngay", "thang", "nam", "den") -> the words."""
    words = [w for w in GRAMMAR.values() if isinstance(w, str)]
    words += [w for k in ("range_to", "day_parts") for w in GRAMMAR[k]]
    words += [w for sy in GRAMMAR["school_year"] for w in sy["words"]]
    bare: dict = {}
    for w in words:  # the first reading wins ("toi": the range's "tới", not the evening's "tối")
        b = skeleton_upper(w).lower()
        if b != w and len(b) == len(w):
            bare.setdefault(b, w)
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(bare, key=len, reverse=True)) + r")(?!\w)", re.I), bare


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_ASCII_LETTERS = string.ascii_letters.encode()


def _with_marks(text: str) -> str:
    """A document typed or OCR'd without any diacritic ("Long Bien, ngay 13/01/2020", "nam 2021") reads its date
    words with them; each has the length of its bare form, so offsets stay."""
    sample = text[:20000]
    # letters, and letters outside ASCII, counted without a Python step per character (ASCII letters are
    # [A-Za-z]; the rest is counted on the non-ASCII characters alone)
    ascii_part = sample.encode("ascii", "ignore")
    marked = sum(map(str.isalpha, _ASCII_RUN.sub("", sample)))
    letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS)) + marked
    if letters < 200 or marked > letters // 100:
        return text
    rx, bare = _bare_grammar()
    return rx.sub(lambda m: bare[m.group().lower()], text)


def find_atoms(text: str, context: DocContext | None) -> list[Atom]:
    text = _with_marks(text)
    low = lowered_text(text)
    atoms = [a for a in join_atoms(text, _day_lists(low, scan_atoms(text))) if a.gran != "skip"]
    atoms = _drop_garbled(low, atoms)
    if "\t" in text:
        _quarter_headings(text, atoms)
    fix_stamp_years(text, low, atoms, context)
    _resolve(text, atoms, context)
    return [a for a in atoms if a.value()]


def time_value(text: str, a: Atom) -> TimeValue:
    return TimeValue(text=text[a.start:a.end], value=a.value(), granularity=a.gran, modifier=_modifier(text, a))


def find_times(text: str, context: DocContext | None = None) -> list[tuple[int, int, TimeValue]]:
    """Every temporal expression in ``text``: (start, end, value), in order, non-overlapping."""
    return [(a.start, a.end, time_value(text, a)) for a in find_atoms(text, context)]


def parse_time(phrase: str, context: DocContext | None = None) -> TimeValue | None:
    """One temporal expression ("ngày 13/7/2023", "Quý I năm 2025", "02 ngày") -> its value, or None."""
    found = find_times(phrase, context)
    if not found:
        # a bare "27/7" has no cue word when it stands alone; read it as a day
        m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})\s*", phrase)
        if m and valid_day(None, int(m.group(2)), int(m.group(1))):
            year = context.year if context else None
            if year is None:
                return None
            a = Atom(0, len(phrase), "day", "dm", y=year, m=int(m.group(2)), d=int(m.group(1)))
            return TimeValue(text=phrase.strip(), value=a.value(), granularity="day")
        return None
    return max(found, key=lambda f: f[1] - f[0])[2]
