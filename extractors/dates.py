"""Dates extractor: every temporal expression in a plan, normalised to TIMEX3/ISO 8601, with a role.

Public API (imported by other extractors; keep the signatures stable):

- ``parse_time(phrase, context)``: one expression ("ngày 13/7/2023", "Quý I năm 2025", "02 ngày") -> TimeValue;
- ``find_times(text, context)``: every expression, ``(start, end, TimeValue)``, in order, non-overlapping;
- ``extract_dates(text, context)``: every expression as a DateMention with a role and evidence.

How it works: one pass of regular expressions finds atomic expressions (a day, a month, a quarter, a
half-year, a year, a span of years, a duration); the longest wins where they overlap. A second pass
joins neighbours ("từ ngày A đến hết ngày B" -> an interval, "quý I và quý II năm 2025" -> both 2025,
"(03/02/1930 - 03/02/2024)" -> an anniversary pair). A missing year comes from the plan's year
(``context.year``, else the year of the header date, else the most frequent explicit year), and last
from the nearest explicit year before. Roles come from cue words just before the expression
(``extractors/data/time_words.yaml``). Pure regular expressions: underthesea adds nothing here.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.lexicon import read_yaml
from schemas.record import DateMention, TimeValue

DATA_FILE = "time_words.yaml"
_MIN_YEAR, _MAX_YEAR = 1800, 2100

# --- language data ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _words() -> dict:
    return read_yaml(DATA_FILE)


def _alt(words) -> str:
    """A regex alternation of words, longest first, spaces matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _ends_with(words) -> re.Pattern:
    return re.compile(r"(?:^|[^\w])(?:" + _alt(words) + r")$", re.I)


@dataclass(frozen=True)
class _Lex:
    patterns: tuple  # (name, compiled regex), in priority order
    quarter: dict
    numbers: dict
    units: dict
    halves: dict
    positions: dict
    approx: re.Pattern
    dm_cue: re.Pattern
    dm_context: re.Pattern
    duration_blockers: re.Pattern
    deadline_now: re.Pattern
    deadline_verbs: re.Pattern
    deadline_prep: re.Pattern
    deadline_label: re.Pattern
    event_now: re.Pattern
    event_label: re.Pattern
    law_types: re.Pattern
    anniversary: re.Pattern
    period: re.Pattern
    month_name_blockers: re.Pattern
    commemoration: re.Pattern


_BLANK = r"[ .…_]*"  # what stands for a blank day or month in a header date ("ngày   tháng 5 năm 2024")
_Y = r"\d{4}"


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    w = _words()
    roles = w["roles"]
    pos = _alt(w["position_modifiers"])
    qnum = _alt(w["quarter_numerals"])
    num_words = _alt(w["number_words"])
    units = _alt(w["duration_units"])
    halves = _alt(w["half_words"])
    # (name, core, prefix, prefix required?). The core starts with a literal or a digit so that the scan
    # is fast (a look-behind comes after the first digit, not before it); optional words before it
    # ("cuối", "ngày", "giai đoạn") are read backwards by the prefix.
    # Everything is matched on the lower-cased text.
    mod = rf"(?P<mod>{pos})\s+$"
    pats = [
        # 24/10/2022, 15.6.2020, 01-01-2020 (same separator twice), optionally after "ngày"; on scans also glued
        # to it ("ngày24/10/2022") and with a space at a slash ("31/ 7/2017"); not after a lone digit and a space
        # ("ngày 1 1/11/2019": OCR split the day, which is then unknown)
        ("dmy_num", r"(?P<d>\d(?:(?<=ngày\d)|(?<![\w/.,]\d))(?<!\d[ \t]\d)\d?)(?:(?P<s>[.-])|[ \t]?/[ \t]?)"
                    r"(?P<m>\d{1,2})(?(s)(?P=s)|[ \t]?/[ \t]?)(?P<y>\d{4})(?!\d|/\w|[.,]\d)",
         r"ngày\s*$", False),
        # ngày 07 tháng 4 năm 2014; header dates with blanks: "ngày   tháng 5 năm 2024", "ngày tháng năm 2024"
        ("dmy_words", rf"ngày{_BLANK}(?P<d>\d{{1,2}})?{_BLANK}tháng{_BLANK}(?P<m>\d{{1,2}})?"
                      rf"(?:{_BLANK}(?:năm|/){_BLANK}(?P<y>{_Y}))?(?!\d)", None, False),
        # 27/7, 02/9 (a day of the plan's year); accepted only after a cue (see _day_month_ok)
        # also with a space at the slash as typed or OCR'd ("14/ 9")
        ("dm", r"(?P<d>\d(?<![\w/.,-]\d)\d?)[ \t]?/[ \t]?(?P<m>\d{1,2})(?![\d/]|[.,]\d|\s*%)", r"ngày\s+$", False),
        # tháng 7/2024, tháng 02 năm 2023, cuối tháng 7 năm 2020, tháng 10
        ("month", rf"tháng\s+(?P<m>\d{{1,2}})(?:\s*(?:/|-|năm)\s*(?P<y>{_Y}))?(?![\d/])", mod, False),
        # tháng 7 - 8/2024, từ tháng 3 đến tháng 6 năm 2024
        ("month_range", rf"tháng\s+(?P<m>\d{{1,2}})\s*(?:-|đến|tới)\s*(?:tháng\s+)?(?P<m2>\d{{1,2}})"
                        rf"\s*(?:/|-|năm)\s*(?P<y>{_Y})(?![\d/])", r"từ\s+$", False),
        # Quý I năm 2025, quý II/2024, Quý II (bare, in a table of the plan's year)
        ("quarter", rf"quý\s+(?P<q>{qnum})(?!\w)(?:\s*(?:/|-|năm)\s*(?P<y>{_Y}))?(?!\d)", mod, False),
        # 6 tháng đầu năm 2024, 06 tháng cuối năm; also 3 and 9 months
        ("part_year", rf"tháng\s+(?P<h>{halves})\s+năm(?:\s*(?:/|-)?\s*(?P<y>{_Y}))?(?![\d/])",
         rf"(?<![\w/.,])(?P<n>\d{{1,2}}|{num_words})\s+$", True),
        # nửa đầu năm 2024
        ("part_year", rf"(?P<half>nửa)\s+(?P<h>{halves})\s+năm(?:\s*(?:/|-)?\s*(?P<y>{_Y}))?(?![\d/])", None, False),
        # năm học 2023 - 2024
        ("school_year", rf"(?:năm\s+học|niên\s+kh[oó][áa])\s+(?P<y>{_Y})\s*[-/]\s*(?P<y2>{_Y})(?![\d/])", None, False),
        # giai đoạn 2021-2025, (2016-2020), 2023- 2030, từ năm 2021 đến năm 2025
        ("year_range", rf"(?P<y>\d(?<![\w/.,]\d)\d{{3}})\s*(?:-|đến|tới)\s*(?:năm\s+)?(?P<y2>{_Y})(?![\d/]|-\w|[.,]\d)",
         rf"(?:(?:{_alt(roles['period_cues'])})\s*:?\s*)?(?:từ\s+)?(?:năm\s+)?$", False),
        # năm 2024, cuối năm 2024
        ("year", rf"năm\s+(?P<y>{_Y})(?![\d/]|[.,]\d)", mod, False),
        # 02 ngày, 01 buổi, 10 năm, 90 ngày đêm, 30 phút, 06 tháng
        ("duration", rf"(?P<n>\d(?<![\w/.,]\d)\d{{0,2}})\s+(?P<u>{units})(?!\w)", None, False),
        # hai ngày, một buổi
        ("duration", rf"(?<!\w)(?P<n>{num_words})\s+(?P<u>{units})(?!\w)", None, False),
        # clock times: read and dropped, so that "15:17:35" or "8 giờ 30" is not a duration
        ("clock", r"\d(?<![\w/.,:]\d)\d?(?::\d{2}(?::\d{2})?|\s*(?:giờ|h)\s*\d{2}(?:\s*phút)?|h(?!\w))(?![\d:])",
         None, False),
    ]
    return _Lex(
        patterns=tuple((name, re.compile(core), re.compile(pre) if pre else None, req)
                       for name, core, pre, req in pats),
        quarter={k.lower(): v for k, v in w["quarter_numerals"].items()},
        numbers=w["number_words"],
        units={k: tuple(v) for k, v in w["duration_units"].items()},
        halves=w["half_words"],
        positions=w["position_modifiers"],
        approx=_ends_with(w["approx_cues"]),
        dm_cue=_ends_with(w["day_month_cues"]),
        dm_context=re.compile(r"(?:^|[^\w])(?:" + _alt(w["day_month_context"]) + r")(?:[^\w]|$)", re.I),
        duration_blockers=_ends_with(w["duration_blockers"]),
        deadline_now=_ends_with(roles["deadline_immediate"]),
        deadline_verbs=re.compile(r"(?:^|[^\w])(?:" + _alt(roles["deadline_verbs"]) + r")(?:[^\w]|$)", re.I),
        deadline_prep=_ends_with(roles["deadline_prepositions"]),
        deadline_label=re.compile(r"^(?:" + _alt(roles["deadline_labels"]) + r")(?:\s[^:\n]{0,30})?:", re.I),
        event_now=_ends_with(roles["event_immediate"]),
        event_label=re.compile(r"^(?:" + _alt(roles["event_labels"]) + r")\s*:", re.I),
        law_types=re.compile(r"(?:^|[^\w])(?:" + _alt(roles["law_types"]) + r")(?:[^\w]|$)", re.I),
        anniversary=re.compile(r"(?:^|[^\w])(?:" + _alt(roles["anniversary_cues"]) + r")(?:[^\w]|$)", re.I),
        period=_ends_with(roles["period_cues"]),
        month_name_blockers=_ends_with(w["month_name_blockers"]),
        commemoration=re.compile(r"(?:^|[^\w])(?:" + _alt(w["commemoration_cues"]) + r")(?:[^\w]|$)", re.I),
    )


# --- atoms ------------------------------------------------------------------------------------


@dataclass
class _Atom:
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


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y if _MIN_YEAR <= y <= _MAX_YEAR else -1


def _valid_day(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    return d <= calendar.monthrange(y if y and y > 0 else 2024, m)[1]  # leap year when unknown


def _number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return _words()["number_words"].get(" ".join(s.lower().split()))


def _left_word(text: str, start: int, n: int = 24) -> str:
    return " ".join(text[max(0, start - n):start].lower().split())


def _atom(name: str, m: re.Match, text: str) -> _Atom | None:
    """One regex match -> an atom, or None when the match is not a valid expression."""
    lx = _lex()
    g = m.groupdict()
    s, e = m.start(), m.end()
    mod = lx.positions.get((g.get("mod") or "").lower())
    if name in ("dmy_num", "dmy_words", "dm"):
        d = int(g["d"]) if g.get("d") else None
        mo = int(g["m"]) if g.get("m") else None
        y = _year(g.get("y"))
        if y == -1:
            return None
        if name == "dm" and not _day_month_ok(text, m):
            return None
        if d is not None and mo is not None:
            if not _valid_day(y, mo, d):
                return None
            return _Atom(s, e, "day", name, y=y, m=mo, d=d, explicit=y is not None)
        if y is None:
            return None
        if mo is not None and 1 <= mo <= 12:
            return _Atom(s, e, "month", name, y=y, m=mo)
        return _Atom(s, e, "year", name, y=y)  # "ngày tháng năm 2024": only the year is written
    if name == "month":
        mo, y = int(g["m"]), _year(g.get("y"))
        if not 1 <= mo <= 12 or y == -1 or _DIGIT_BEFORE.search(text, 0, s):
            return None
        if y is None and lx.month_name_blockers.search(_left_word(text, s)):
            return None  # "Cách mạng tháng 8": the name of a historical event, not a month of the plan
        return _Atom(s, e, "month", name, y=y, m=mo, mod=mod, explicit=y is not None)
    if name == "month_range":
        m1, m2, y = int(g["m"]), int(g["m2"]), _year(g.get("y"))
        if not (1 <= m1 < m2 <= 12) or y == -1:
            return None
        a, b = _Atom(s, e, "month", name, y=y, m=m1), _Atom(s, e, "month", name, y=y, m=m2)
        return _Atom(s, e, "interval", name, y=y, parts=(a, b))
    if name == "quarter":
        y = _year(g.get("y"))
        if y == -1:
            return None
        return _Atom(s, e, "quarter", name, y=y, q=lx.quarter[g["q"].lower()], mod=mod, explicit=y is not None)
    if name == "part_year":
        y = _year(g.get("y"))
        if y == -1:
            return None
        n = 6 if g.get("half") else _number(g["n"])
        first = lx.halves[g["h"].lower()] == 1
        if n == 6:
            return _Atom(s, e, "half", name, y=y, h=1 if first else 2, explicit=y is not None)
        if n == 3:
            return _Atom(s, e, "quarter", name, y=y, q=1 if first else 4, explicit=y is not None)
        if n in (2, 4, 5, 7, 8, 9, 10, 11):  # "9 tháng đầu năm" -> January to September
            lo, hi = (1, n) if first else (13 - n, 12)
            a, b = _Atom(s, e, "month", name, y=y, m=lo), _Atom(s, e, "month", name, y=y, m=hi)
            return _Atom(s, e, "interval", name, y=y, parts=(a, b), explicit=y is not None)
        return None
    if name in ("school_year", "year_range"):
        y, y2 = _year(g["y"]), _year(g["y2"])
        if y in (None, -1) or y2 in (None, -1) or not (y < y2 <= y + 200):
            return None
        a, b = _Atom(s, e, "year", name, y=y), _Atom(s, e, "year", name, y=y2)
        return _Atom(s, e, "interval", name, y=y, parts=(a, b))
    if name == "year":
        y = _year(g["y"])
        if y in (None, -1):
            return None
        return _Atom(s, e, "year", name, y=y, mod=mod)
    if name == "duration":
        n = _number(g["n"])
        unit = " ".join(g["u"].lower().split())
        if not n or lx.duration_blockers.search(_left_word(text, s)):
            return None
        des, mult, is_time = lx.units[unit]
        after = text[e:e + 12]
        if unit == "năm" and re.match(r"\s*\d{4}", after):  # "10 năm 2022" is part of a date
            return None
        if unit in ("giờ", "tiếng") and re.match(r"\s*\d", after):  # "8 giờ 30": a clock time
            return None
        dur = f"PT{n * mult}{des}" if is_time else f"P{n * mult}{des}"
        return _Atom(s, e, "duration", name, dur=dur)
    if name == "clock":
        return _Atom(s, e, "skip", name)
    return None


_DIGIT_BEFORE = re.compile(r"\d\s*\Z")


def _day_month_ok(text: str, m: re.Match) -> bool:
    """'27/7' is a date after a temporal cue or in a sentence about a commemorated day; not '2/3 số'."""
    lx = _lex()
    if m.group(0).lower().startswith("ngày"):
        return True
    left = _left_word(text, m.start(), 30)
    if lx.dm_cue.search(left):
        return True
    sentence = _clause(text, m.start(), 60, stops="\n\t;")
    return bool(lx.dm_context.search(sentence)) and not re.match(r"\s+(?:số|tổng)\b", text[m.end():], re.I)


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


def _lower(text: str) -> str:
    """Lower case with the same length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _scan(text: str) -> list[_Atom]:
    """Every atomic expression, longest first where they overlap."""
    low = _lower(text)
    cands: list[tuple[int, int, int, _Atom]] = []
    for prio, (name, core, prefix, required) in enumerate(_lex().patterns):
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
    taken: list[_Atom] = []
    occupied = bytearray(len(text) + 1)
    for _, _, _, a in cands:
        if any(occupied[a.start:a.end]):
            continue
        occupied[a.start:a.end] = b"\x01" * (a.end - a.start)
        taken.append(a)
    taken.sort(key=lambda a: a.start)
    return taken


# --- joining neighbours -----------------------------------------------------------------------

_RANGE_LINK = re.compile(r"\s*(?:-|đến(?:\s+hết)?|tới)\s*", re.I)
_LIST_LINK = re.compile(r"\s*(?:,|và|hoặc|-|đến|tới)\s*", re.I)
_FROM = re.compile(r"(?:^|[^\w])từ\s*$", re.I)
_YEAR_LIST = re.compile(rf"\s*(?:,|và|hoặc)\s*(?P<y>{_Y})(?![\d/]|[.,]\d|\s*-\s*\d)", re.I)


def _join(text: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.gran == b.gran and a.gran in ("day", "month", "quarter") \
                and _RANGE_LINK.fullmatch(text[a.end:b.start]):
            if a.gran == "day" and a.explicit and b.explicit and (a.d, a.m) == (b.d, b.m) and a.y != b.y:
                # (03/02/1930 - 03/02/2024): the founding day and its anniversary
                a.anniversary = b.anniversary = True
                out += [a, b]
                i += 2
                continue
            if not a.explicit and b.y is not None:
                a.y, a.explicit = b.y, True
            left = text[max(0, a.start - 6):a.start]
            start = a.start - len(left) + left.lower().rfind("từ") if _FROM.search(left) else a.start
            out.append(_Atom(start, b.end, "interval", "range", y=b.y, parts=(a, b), explicit=b.explicit))
            i += 2
            continue
        out.append(a)
        if a.kind == "year":  # "năm 2024 và 2025": each year of the list
            pos = a.end
            while (m := _YEAR_LIST.match(text, pos)) and _year(m.group("y")) not in (None, -1):
                out.append(_Atom(m.start("y"), m.end("y"), "year", "year_list", y=int(m.group("y"))))
                pos = m.end()
        i += 1
    out.sort(key=lambda x: x.start)
    # "quý I và quý II năm 2025", "6 tháng đầu năm và 6 tháng cuối năm 2020": the year written last
    for j in range(len(out) - 2, -1, -1):
        a, b = out[j], out[j + 1]
        if not a.explicit and b.explicit and b.y and a.gran == b.gran \
                and _LIST_LINK.fullmatch(text[a.end:b.start]):
            a.y, a.explicit = b.y, True
    return out


# --- the plan's year --------------------------------------------------------------------------

_HEADER_DATE = re.compile(rf"(?:^|\s{{2,}}|\t)[^\W\d_][^\n\t\d,;:()/]{{0,40}},\s*ngày\b[^\n]{{0,30}}?(?:năm|/)\s*"
                          rf"(?P<y>{_Y})", re.I | re.M)


def plan_year(text: str, atoms: list[_Atom] | None = None) -> int | None:
    """The plan's year when the context has none: the header date's year, else the most frequent year."""
    m = _HEADER_DATE.search(text, 0, 3000)
    if m and _year(m.group("y")) not in (None, -1):
        return int(m.group("y"))
    atoms = _join(text, _scan(text)) if atoms is None else atoms
    years = Counter(a.y for a in atoms if a.explicit and a.y and a.gran in ("day", "month", "quarter", "half", "year"))
    return years.most_common(1)[0][0] if years else None


def _resolve(text: str, atoms: list[_Atom], context: DocContext | None) -> None:
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
            sch = school if school and not _lex().commemoration.search(_clause(text, a.start, 80)) else None
            if a.gran == "interval":
                for p in a.parts:
                    p.y = p.y or _school_fill(p, sch, fill)
            else:
                a.y = _school_fill(a, sch, fill)


def _school_fill(a: _Atom, school: tuple[int, int] | None, fill: int) -> int:
    """A commemorated day ("chào mừng ngày 19/8") keeps the plan's year, as an anniversary does elsewhere."""
    if school is None or a.gran not in ("day", "month") or not a.m:
        return fill
    return school[0] if a.m >= 9 else school[1]


# --- roles ------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[^\W\d_])|[.!?](?=\s*$)")
# a document number just before the date: "98/2023/NĐ-CP ngày", "34-CT/TW ngày", "Số: /KH-UBND, ngày"
_DOC_NUMBER_END = re.compile(r"(?:\d[\w.]*\s*[/-]\s*[\w.&/-]*[^\W\d_][\w.&/-]*|số\s*:?\s*[\w.]*\s*/\s*[\w.&-]+)"
                             r"\s*,?\s*$", re.I)
_N_YEARS = re.compile(r"(?<![\w/.,])(\d{1,3})\s+năm\b", re.I)
_LIST_MARK = re.compile(r"^[\s\-+*•]*(?:[\divxlc]+[.)]\s*|[a-zđ][.)]\s*)*[\s*]*", re.I)
# "Nam Định, ngày ..." at the start of a line or after a wide gap (a header column); a place has no digits
_PLACE_COMMA = re.compile(r"(?:^|\s{2,}|\t)(?:[^\W\d_][^\n\t\d,;:()/]{0,40}|\.{2,}\s*),\s*$")


def _clause(text: str, start: int, n: int = 220, stops: str = "\n\t;") -> str:
    """The text before ``start`` back to the start of its clause (a line, a cell, a ';' or a sentence)."""
    left = text[max(0, start - n):start]
    cut = max(left.rfind(c) for c in stops)
    left = left[cut + 1:]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end():]
    return left


# "trước 17h00 ngày 25/5", "vào lúc 7 giờ 30 phút, ngày 26/3": the clock time sits between the cue and the day
_CLOCK_TAIL = re.compile(r"\s*(?:lúc\s*)?\d{1,2}\s*(?:h|giờ|:)\s*\d{0,2}(?:\s*phút)?\s*(?:sáng|chiều|tối)?\s*,?\s*$")


def _tail(clause: str) -> str:
    """The clause, lower case, single spaces, without trailing punctuation, markup or clock time."""
    tail = " ".join(clause.lower().split()).rstrip(" *(:,-_\"“")
    return _CLOCK_TAIL.sub("", tail) if tail[-1:].isalnum() else tail


def _role(text: str, a: _Atom, atoms: list[_Atom], idx: int) -> str:
    lx = _lex()
    if a.gran == "duration":
        return "duration"
    if a.anniversary:
        return "anniversary"
    clause = _clause(text, a.start)
    # stop at the previous expression: cues belong to the nearest date
    prev_end = next((p.end for p in reversed(atoms[:idx]) if p.end <= a.start), -1)
    if prev_end > a.start - len(clause):
        clause = text[prev_end:a.start]
    tail = _tail(clause)
    if _DOC_NUMBER_END.search(tail) or _spaced_code_before(clause):
        return "reference"
    if a.kind in ("dmy_num", "dmy_words") and a.start < 3000 and a.start > 0:
        line = text[text.rfind("\n", 0, a.start) + 1:a.start]
        if _PLACE_COMMA.search(line) and "ngày" in text[a.start:a.end].lower():
            return "issued"
    short = a.gran in ("day", "month", "quarter", "half", "interval")
    label = _LIST_MARK.sub("", " ".join(_clause(text, a.start, 300, stops="\n\t;").lower().split()))
    if lx.deadline_now.search(tail) or (short and lx.deadline_label.match(label)):
        return "deadline"
    if short and lx.deadline_prep.search(tail):
        sentence = _clause(text, a.start, 400, stops="\n\t")
        if lx.deadline_verbs.search(sentence):
            return "deadline"
    # a span of whole years ("Khung kế hoạch thời gian năm học 2017 - 2018") is a period, not an event's time
    years_span = a.gran == "interval" and all(p.gran == "year" for p in a.parts)
    if short and not years_span and (lx.event_now.search(tail) or lx.event_label.match(label)):
        return "event"
    if _is_doc_date(text, a, clause):
        return "reference"
    if a.gran in ("year", "interval", "half", "quarter"):
        return "period"
    return "other"


_NUMBER_SIGN = re.compile(r"(?:^|[^\w])số\s*:?\s*[\w.]*\s*/", re.I)


def _spaced_code_before(clause: str) -> bool:
    """'Chỉ thị số 20/CT – VNPT - CĐ VNPT, ngày ...': a document code written with spaces, all upper case."""
    m = None
    for m in _NUMBER_SIGN.finditer(clause):
        pass
    if m is None:
        return False
    code = clause[m.end():]
    return len(code) <= 40 and not any(c.islower() for c in code) and "\n" not in code


def _is_doc_date(text: str, a: _Atom, clause: str) -> bool:
    """'Luật Thi đua, khen thưởng năm 2022', 'Luật ... ngày 19/6/2015': an act cited by its name and date."""
    if a.gran not in ("day", "year") or len(clause) > 120:
        return False
    m = None
    for m in _lex().law_types.finditer(clause):
        pass
    if m is None:
        return False
    word = clause[m.start():m.end()].strip(" ,;:()")
    return word[:1].isupper()  # a document's proper name is capitalised


def _mark_anniversary_years(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """'79 năm Cách mạng Tháng Tám ... (1945 - 2024)': a pair of years that is an anniversary, kept as two years."""
    lx = _lex()
    out = []
    for a in atoms:
        if a.gran == "interval" and a.kind == "year_range" and text[a.start:a.start + 1] in "0123456789":
            y1, y2 = a.parts[0].y, a.parts[1].y
            clause = _clause(text, a.start, 300)
            for m in _N_YEARS.finditer(clause):
                if int(m.group(1)) == y2 - y1 and (lx.anniversary.search(clause[m.end():])
                                                    or "kỷ niệm" in clause.lower()):
                    p1 = _Atom(a.start, a.end, "year", "anniversary", y=y1, anniversary=True)
                    p2 = _Atom(a.start, a.end, "year", "anniversary", y=y2, anniversary=True)
                    out += [p1, p2]
                    break
            else:
                out.append(a)
            continue
        out.append(a)
    return out


# --- public API -------------------------------------------------------------------------------


def _modifier(text: str, a: _Atom) -> str | None:
    if a.mod:
        return a.mod
    if a.gran != "duration" and _lex().approx.search(_tail(_clause(text, a.start, 40))):
        return "APPROX"
    return None


# a header-style date whose day or month slot OCR turned to noise ("ngày {tháng 12 năm 2021", "ngàyZ/tháng 10
# năm 2022"): the true day is unknown, so neither the month nor the year read out of it is a date of the text
_GARBLED_DMY = re.compile(r"ngày(?P<dj>[^\n\t]{0,8}?)tháng(?P<mj>[^\n\t]{0,6}?)năm\s*\d{4}(?!\d)")
_CLEAN_SLOT = re.compile(r"[\s.,…_/-]*\d{0,2}[\s.,…_/-]*")
_WORD2 = re.compile(r"[^\W\d_]{2,}")


def _drop_garbled(low: str, atoms: list[_Atom]) -> list[_Atom]:
    if "ngày" not in low:
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


@lru_cache(maxsize=1)
def _stamp_re() -> re.Pattern:
    return re.compile(r"(?:^|[^\w])(?:" + _alt(_words()["signing_stamp_cues"]) + r")\s*[:;.,]?\s*$")


def _fix_stamp_years(text: str, low: str, atoms: list[_Atom], context: DocContext | None) -> None:
    """'Giờ ký: 24/10/2032' in a 2022 document: a signing stamp a few years after the document's year by one
    misread digit is the document's year (a document is not signed years after its date)."""
    if "ký" not in low:
        return
    year = None
    for a in atoms:
        if a.kind != "dmy_num" or a.y is None or not _stamp_re().search(low, max(0, a.start - 20), a.start):
            continue
        year = year or (context.year if context else None) or plan_year(text, atoms)
        if year and a.y > year and _one_digit_apart(str(a.y), str(year)):
            a.y = year


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _quarter_headings(text: str, atoms: list[_Atom]) -> None:
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


# "ngày 12, 13/9", "các ngày 10 và 11/5/2024", "ngày 12 - 13/9": bare days listed before the day that carries the
# month; each takes that day's month and year (a "-" pair then becomes an interval in _join)
_DAY_LIST_ITEM = re.compile(r"(?<![\w/.,])(?P<d>\d{1,2})\s*(?:,|và|-|đến|tới)\s*$")
_DAY_LIST_HEAD = re.compile(r"ngày\s*$")


def _day_lists(low: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    for a in atoms:
        if a.gran == "day" and a.kind in ("dm", "dmy_num") and low[a.start:a.start + 1].isdigit():
            items: list[_Atom] = []
            pos = a.start
            while (m := _DAY_LIST_ITEM.search(low, max(0, pos - 12), pos)) is not None:
                if not _valid_day(a.y, a.m, int(m.group("d"))):
                    break
                items.insert(0, _Atom(m.start("d"), m.end("d"), "day", "day_list", y=a.y, m=a.m, d=int(m.group("d")),
                                      explicit=a.explicit))
                pos = m.start()
            if items and _DAY_LIST_HEAD.search(low, max(0, pos - 8), pos) and (
                    not out or out[-1].end <= items[0].start):
                out += items
        out.append(a)
    return out


def _school_year(atoms: list[_Atom], context: DocContext | None) -> tuple[int, int] | None:
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


def _atoms(text: str, context: DocContext | None) -> list[_Atom]:
    low = _lower(text)
    atoms = [a for a in _join(text, _day_lists(low, _scan(text))) if a.gran != "skip"]
    atoms = _drop_garbled(low, atoms)
    if "\t" in text:
        _quarter_headings(text, atoms)
    _fix_stamp_years(text, low, atoms, context)
    _resolve(text, atoms, context)
    return [a for a in atoms if a.value()]


def _time_value(text: str, a: _Atom) -> TimeValue:
    return TimeValue(text=text[a.start:a.end], value=a.value(), granularity=a.gran, modifier=_modifier(text, a))


def find_times(text: str, context: DocContext | None = None) -> list[tuple[int, int, TimeValue]]:
    """Every temporal expression in ``text``: (start, end, value), in order, non-overlapping."""
    return [(a.start, a.end, _time_value(text, a)) for a in _atoms(text, context)]


def parse_time(phrase: str, context: DocContext | None = None) -> TimeValue | None:
    """One temporal expression ("ngày 13/7/2023", "Quý I năm 2025", "02 ngày") -> its value, or None."""
    found = find_times(phrase, context)
    if not found:
        # a bare "27/7" has no cue word when it stands alone; read it as a day
        m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})\s*", phrase)
        if m and _valid_day(None, int(m.group(2)), int(m.group(1))):
            year = context.year if context else None
            if year is None:
                return None
            a = _Atom(0, len(phrase), "day", "dm", y=year, m=int(m.group(2)), d=int(m.group(1)))
            return TimeValue(text=phrase.strip(), value=a.value(), granularity="day")
        return None
    return max(found, key=lambda f: f[1] - f[0])[2]


def extract_dates(text: str, context: DocContext | None = None) -> list[DateMention]:
    """Every date in ``text``, normalised, with its role and evidence offsets. Never None."""
    if not text:
        return []
    atoms = _mark_anniversary_years(text, _atoms(text, context))
    out: list[DateMention] = []
    for i, a in enumerate(atoms):
        tv = _time_value(text, a)
        ev = evidence(text, a.start, a.end)
        if i and atoms[i - 1].kind == "day_list" and _LIST_LINK.fullmatch(text[atoms[i - 1].end:a.start]):
            role = out[-1].role  # "nộp vào ngày 12, 13/9": the list shares its first day's role
        else:
            role = _role(text, a, atoms, i)
        out.append(DateMention(text=ev.text, value=tv.value, granularity=tv.granularity, modifier=tv.modifier,
                               role=role, evidence=[ev]))
    return out


__all__ = ["extract_dates", "find_times", "parse_time", "plan_year"]
