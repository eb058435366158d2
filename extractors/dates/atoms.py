"""Atomic temporal expressions (a day, a month, a quarter, a half-year, a year, a span, a duration) and how
neighbours join (intervals, lists, anniversary pairs); clause helpers the roles read."""
from __future__ import annotations

import re
import calendar
from dataclasses import dataclass

from extractors.dates.lexicon import DAY, GRAMMAR, MAX_YEAR, MIN_YEAR, YEAR, Y, date_lexicon, date_words, spaced_words

@dataclass
class Atom:
    start: int
    end: int
    gran: str  # day | month | quarter | half | year | interval | duration | skip
    kind: str  # the pattern that found it
    y: int | None = None
    m: int | None = None
    d: int | None = None
    q: int | None = None
    h: int | None = None
    dur: str | None = None
    mod: str | None = None
    parts: tuple = ()  # an interval's two ends
    explicit: bool = True  # the year is written
    anniversary: bool = False

    def value(self) -> str | None:
        g = self.gran
        if g == "duration":
            return self.dur
        if g == "interval":
            a, b = (p.value() for p in self.parts)
            return f"{a}/{b}" if a and b else None
        if self.y is None:
            return None
        if g == "day":
            return f"{self.y:04d}-{self.m:02d}-{self.d:02d}"
        if g == "month":
            return f"{self.y:04d}-{self.m:02d}"
        if g == "quarter":
            return f"{self.y:04d}-Q{self.q}"
        if g == "half":
            return f"{self.y:04d}-H{self.h}"
        if g == "year":
            return f"{self.y:04d}"
        return None


def year_value(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y if MIN_YEAR <= y <= MAX_YEAR else -1


def valid_day(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    return d <= calendar.monthrange(y if y and y > 0 else 2024, m)[1]  # leap year when unknown


def _number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return date_words()["number_words"].get(" ".join(s.lower().split()))


def _left_word(text: str, start: int, n: int = 24) -> str:
    return " ".join(text[max(0, start - n):start].lower().split())


# the units of one hour ("giờ", "tiếng"): "8 giờ 30" after them is a clock time, not a duration
_HOUR_UNITS = frozenset(u for u, (des, mult, _) in date_words()["duration_units"].items() if des == "H" and mult == 1)


# an hour count that opens or closes a range of hours is a time of day ("từ 9 giờ đến 21 giờ", "trực từ 7h - 17 giờ")
_HOURS = "(?:" + "|".join(sorted(_HOUR_UNITS, key=len, reverse=True)) + "|h)"
_HOUR_LINK = r"\s*(?:-|" + "|".join(GRAMMAR["range_to"]) + r")\s*"
_HOUR_RANGE_NEXT = re.compile(_HOUR_LINK + r"\d{1,2}\s*" + _HOURS + r"(?!\w)", re.I)
_HOUR_RANGE_PREV = re.compile(r"(?:(?:^|[^\w])" + GRAMMAR["from"] + r"\s*|\d\s*" + _HOURS + r"(?:\s*\d{2})?(?:\s*" + GRAMMAR["minute"] + ")?"
                              + _HOUR_LINK + r")\(?\s*\Z", re.I)


def _atom(name: str, m: re.Match, text: str) -> Atom | None:
    """One regex match -> an atom, or None when the match is not a valid expression."""
    lx = date_lexicon()
    g = m.groupdict()
    s, e = m.start(), m.end()
    mod = lx.positions.get((g.get("mod") or "").lower())
    if name in ("dmy_num", "dmy_words", "dmy_blank", "dmy_bare", "dm"):
        d = int(g["d"]) if g.get("d") else None
        mo = int(g["m"]) if g.get("m") else None
        y = year_value(g.get("y"))
        if y == -1:
            return None
        if name == "dm" and not day_month_ok(text, m):
            return None
        if d is not None and mo is not None:
            if not valid_day(y, mo, d):
                return None
            return Atom(s, e, "day", name, y=y, m=mo, d=d, explicit=y is not None)
        if y is None:
            return None
        if mo is not None and 1 <= mo <= 12:
            return Atom(s, e, "month", name, y=y, m=mo)
        return Atom(s, e, "year", name, y=y)  # "ngày tháng năm 2024": only the year is written
    if name == "month":
        mo, y = int(g["m"]), year_value(g.get("y"))
        if not 1 <= mo <= 12 or y == -1 or _digit_before(text, s):
            return None
        if y is None and lx.month_name_blockers.search(_left_word(text, s)):
            return None  # "Cách mạng tháng 8": the name of a historical event, not a month of the plan
        return Atom(s, e, "month", name, y=y, m=mo, mod=mod, explicit=y is not None)
    if name == "month_range":
        m1, m2, y = int(g["m"]), int(g["m2"]), year_value(g.get("y"))
        if not (1 <= m1 < m2 <= 12) or y == -1:
            return None
        a, b = Atom(s, e, "month", name, y=y, m=m1), Atom(s, e, "month", name, y=y, m=m2)
        return Atom(s, e, "interval", name, y=y, parts=(a, b))
    if name == "quarter":
        y = year_value(g.get("y"))
        if y == -1:
            return None
        return Atom(s, e, "quarter", name, y=y, q=lx.quarter[g["q"].lower()], mod=mod, explicit=y is not None)
    if name == "part_year":
        y = year_value(g.get("y"))
        if y == -1:
            return None
        n = 6 if g.get("half") else _number(g["n"])
        first = lx.halves[g["h"].lower()] == 1
        if n == 6:
            return Atom(s, e, "half", name, y=y, h=1 if first else 2, explicit=y is not None)
        if n == 3:
            return Atom(s, e, "quarter", name, y=y, q=1 if first else 4, explicit=y is not None)
        if n in (2, 4, 5, 7, 8, 9, 10, 11):  # "9 tháng đầu năm" -> January to September
            lo, hi = (1, n) if first else (13 - n, 12)
            a, b = Atom(s, e, "month", name, y=y, m=lo), Atom(s, e, "month", name, y=y, m=hi)
            return Atom(s, e, "interval", name, y=y, parts=(a, b), explicit=y is not None)
        return None
    if name in ("school_year", "year_range"):
        y, y2 = year_value(g["y"]), year_value(g["y2"])
        if y in (None, -1) or y2 in (None, -1) or not (y < y2 <= y + 200):
            return None
        a, b = Atom(s, e, "year", name, y=y), Atom(s, e, "year", name, y=y2)
        return Atom(s, e, "interval", name, y=y, parts=(a, b))
    if name == "year":
        y = year_value(g["y"])
        if y in (None, -1):
            return None
        return Atom(s, e, "year", name, y=y, mod=mod)
    if name == "duration":
        n = _number(g["n"])
        unit = " ".join(g["u"].lower().split())
        left = _left_word(text, s)
        if not n or lx.duration_blockers.search(left):
            return None
        if not g["n"].isdigit() and left.rsplit(" ", 1)[-1] in lx.numbers:
            return None  # one word of a spoken compound number ("bốn chín ngày", forty-nine days): not this count
        des, mult, is_time = lx.units[unit]
        after = text[e:e + 12]
        if unit == YEAR and re.match(r"\s*\d{4}", after):  # "10 năm 2022" is part of a date
            return None
        if unit in _HOUR_UNITS and (re.match(r"\s*\d", after) or lx.clock_after.match(text, e)
                                    or _HOUR_RANGE_NEXT.match(text, e) or _HOUR_RANGE_PREV.search(text, max(0, s - 24), s)
                                    or (n < 24 and lx.clock_before.search(left))):
            # "8 giờ 30", "15 giờ ngày 27/3", "06 giờ sáng", "từ 9 giờ đến 21 giờ", "(10 giờ - 20 giờ)": a clock time
            return None
        dur = f"PT{n * mult}{des}" if is_time else f"P{n * mult}{des}"
        return Atom(s, e, "duration", name, dur=dur)
    if name == "clock":
        return Atom(s, e, "skip", name)
    return None


_DIGIT_BEFORE = re.compile(r"\d\s*\Z")
# "2/3 số ...": a fraction, not a day and month
_DAY_COUNT = re.compile(r"\d\s+" + DAY + r"(?!\w)", re.I)
_FRACTION_AFTER = re.compile(r"\s+(?:" + spaced_words(GRAMMAR["fraction_after"]) + r")(?!\w)", re.I)


def _digit_before(text: str, pos: int) -> bool:
    """A digit, then only white space, right before ``pos``. Searched from the last non-space character:
    searching from the start of the text made every month mention cost the length of the text before it."""
    start = pos
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return _DIGIT_BEFORE.search(text, max(0, start - 1), pos) is not None


def day_month_ok(text: str, m: re.Match) -> bool:
    """'27/7' is a date after a temporal cue or in a sentence about a commemorated day; not '2/3 số'."""
    lx = date_lexicon()
    if m.group(0).lower().startswith(DAY):
        return True
    g = m.groupdict()
    if int(g["d"]) < int(g["m"]) and _FRACTION_AFTER.match(text[m.end():]):
        return False  # a bare proper fraction before what it divides: "là 1/2 hình tròn", "từ 2/3 phiếu"
    left = _left_word(text, m.start(), 30)
    if lx.dm_cue.search(left):
        return True
    # "ngày" as the unit of a count ("nhỏ hơn 15 ngày, ... bằng 1/2 mức chi") names no commemorated day
    sentence = _DAY_COUNT.sub(" ", clause_before(text, m.start(), 60, stops="\n\t;"))
    return bool(lx.dm_context.search(sentence)) and not _FRACTION_AFTER.match(text[m.end():])


class _Match:
    """A core match extended backwards by its prefix; quacks like ``re.Match`` for ``_atom``."""

    __slots__ = ("_groups", "_start", "_end", "_text")

    def __init__(self, groups: dict, start: int, end: int, text: str) -> None:
        self._groups, self._start, self._end, self._text = groups, start, end, text

    def groupdict(self) -> dict:
        return self._groups

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start:self._end]


def lowered_text(text: str) -> str:
    """Lower case with the same length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def scan_atoms(text: str) -> list[Atom]:
    """Every atomic expression, longest first where they overlap."""
    low = lowered_text(text)
    cands: list[tuple[int, int, int, Atom]] = []
    for prio, (name, core, prefix, required) in enumerate(date_lexicon().patterns):
        for m in core.finditer(low):
            groups, start = m.groupdict(), m.start()
            if prefix is not None:
                p = prefix.search(low, max(0, start - 40), start)
                if p is not None and p.end() == start and p.start() < start:
                    groups = {**groups, **{k: v for k, v in p.groupdict().items() if v is not None}}
                    start = p.start()
                elif required:
                    continue
            a = _atom(name, _Match(groups, start, m.end(), text), text)
            if a is not None:
                cands.append((-(a.end - a.start), prio, a.start, a))
    cands.sort(key=lambda c: c[:3])
    taken: list[Atom] = []
    occupied = bytearray(len(text) + 1)
    for _, _, _, a in cands:
        if any(occupied[a.start:a.end]):
            continue
        occupied[a.start:a.end] = b"\x01" * (a.end - a.start)
        taken.append(a)
    taken.sort(key=lambda a: a.start)
    return taken


_TO, _OTHER_TO = GRAMMAR["range_to"]  # "đến", "tới"
_AND_OR = GRAMMAR["and"] + "|" + GRAMMAR["or"]
# the first end may name its year relative to the plan's ("tháng 10 của năm trước đến hết tháng 4 của năm sau")
_RANGE_LINK = re.compile(r"(?:" + date_lexicon().previous_year_after.pattern + "|" + date_lexicon().next_year_after.pattern
                         + r")?\s*(?:-|" + _TO + r"(?:\s+" + GRAMMAR["until_end"] + r")?|" + _OTHER_TO + r")\s*", re.I)


LIST_LINK = re.compile(r"\s*(?:,|" + _AND_OR + "|-|" + "|".join(GRAMMAR["range_to"]) + r")\s*", re.I)


_FROM = re.compile(r"(?:^|[^\w])" + GRAMMAR["from"] + r"\s*$", re.I)


_YEAR_LIST = re.compile(rf"\s*(?:,|{_AND_OR})\s*(?P<y>{Y})(?![\d/]|[.,]\d|\s*-\s*\d)", re.I)


def join_atoms(text: str, atoms: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.gran == b.gran and (a.gran in ("day", "month", "quarter") or (
                a.gran == "year" and a.kind == b.kind == "year" and _FROM.search(text, max(0, a.start - 6), a.start))) \
                and _RANGE_LINK.fullmatch(text[a.end:b.start]):  # years only after "từ": "từ năm 2025 đến hết năm 2030"
            if a.gran == "day" and a.explicit and b.explicit and (a.d, a.m) == (b.d, b.m) and a.y != b.y:
                # (03/02/1930 - 03/02/2024): the founding day and its anniversary
                a.anniversary = b.anniversary = True
                out += [a, b]
                i += 2
                continue
            if not a.explicit and b.y is not None:
                a.y, a.explicit = b.y, True
            left = text[max(0, a.start - 6):a.start]
            start = a.start - len(left) + left.lower().rfind(GRAMMAR["from"]) if _FROM.search(left) else a.start
            out.append(Atom(start, b.end, "interval", "range", y=b.y, parts=(a, b), explicit=b.explicit))
            i += 2
            continue
        out.append(a)
        if a.kind == "year":  # "năm 2024 và 2025": each year of the list
            pos = a.end
            while (m := _YEAR_LIST.match(text, pos)) and year_value(m.group("y")) not in (None, -1):
                out.append(Atom(m.start("y"), m.end("y"), "year", "year_list", y=int(m.group("y"))))
                pos = m.end()
        i += 1
    out.sort(key=lambda x: x.start)
    # "quý I và quý II năm 2025", "6 tháng đầu năm và 6 tháng cuối năm 2020": the year written last
    for j in range(len(out) - 2, -1, -1):
        a, b = out[j], out[j + 1]
        if not a.explicit and b.explicit and b.y and a.gran == b.gran \
                and LIST_LINK.fullmatch(text[a.end:b.start]):
            a.y, a.explicit = b.y, True
    return out


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[^\W\d_])|[.!?](?=\s*$)")


# a document number just before the date: "98/2023/NĐ-CP ngày", "34-CT/TW ngày", "Số: /KH-UBND, ngày"
DOC_NUMBER_END = re.compile(r"(?:\d[\w.]*\s*[/-]\s*[\w.&/-]*[^\W\d_][\w.&/-]*|" + GRAMMAR["number"] + r"\s*:?\s*[\w.]*\s*/\s*[\w.&-]+)"
                             r"\s*,?\s*$", re.I)


N_YEARS = re.compile(r"(?<![\w/.,])(\d{1,3})\s+" + YEAR + r"\b", re.I)


LIST_MARK = re.compile(r"^[\s\-+*•]*(?:[\divxlc]+[.)]\s*|[a-zđ][.)]\s*)*[\s*]*", re.I)


# "Nam Định, ngày ..." at the start of a line or after a wide gap (a header column); a place has no digits
PLACE_COMMA = re.compile(r"(?:^|\s{2,}|\t)(?:[^\W\d_][^\n\t\d,;:()/]{0,40}|\.{2,}\s*),\s*$")


def clause_before(text: str, start: int, n: int = 220, stops: str = "\n\t;") -> str:
    """The text before ``start`` back to the start of its clause (a line, a cell, a ';' or a sentence)."""
    left = text[max(0, start - n):start]
    cut = max(left.rfind(c) for c in stops)
    left = left[cut + 1:]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    return left


# "trước 17h00 ngày 25/5", "vào lúc 7 giờ 30 phút, ngày 26/3": the clock time sits between the cue and the day
_CLOCK_TAIL = re.compile(r"\s*(?:" + GRAMMAR["clock_at"] + r"\s*)?\d{1,2}\s*(?:h|" + GRAMMAR["hour"] + r"|:)\s*\d{0,2}(?:\s*"
                         + GRAMMAR["minute"] + r")?\s*(?:" + "|".join(GRAMMAR["day_parts"]) + r")?\s*,?\s*$")


def _squeezed(clause: str) -> str:
    return " ".join(clause.lower().split()).rstrip(" *(:,-_\"“")


def clause_tail(clause: str) -> str:
    """The clause, lower case, single spaces, without trailing punctuation, markup or clock time."""
    tail = _squeezed(clause)
    return _CLOCK_TAIL.sub("", tail) if tail[-1:].isalnum() else tail


def ends_with_clock(clause: str) -> bool:
    """'... vào hồi 09h00', 'Sân chơi tổ chức 15 giờ': the clause ends with a clock time."""
    tail = _squeezed(clause)
    return tail[-1:].isalnum() and _CLOCK_TAIL.search(tail) is not None
