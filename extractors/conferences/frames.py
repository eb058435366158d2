"""A meeting's frame (its kind, name, time, duration, place, host, participants, agenda, assignments), the
document's lines and headings, and how frames of one meeting merge. Times and durations are read by the one
date parser (extractors.dates)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from extractors.conferences.lexicon import conference_words, key
from extractors.context import DocContext
from extractors.dates import find_atoms, find_times, plan_year, role_of, time_value
from extractors.dates.atoms import LIST_LINK
from extractors.names import canonical_unit
from schemas.record import Assignment, TimeValue

# a meeting's time is a point: a day, a month or a quarter (a span gives its start)
_POINTS = (("day", re.compile(r"\d{4}-\d\d-\d\d")), ("month", re.compile(r"\d{4}-\d\d")),
           ("quarter", re.compile(r"\d{4}-Q\d")))


@dataclass
class Line:
    start: int
    end: int
    level: int | None
    parent: int | None = None  # index of the innermost enclosing heading


@dataclass
class Frame:
    kind: str
    pos: int
    line: int
    scope: int | None  # heading line whose section belongs to this meeting
    heading: bool
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    time: TimeValue | None = None
    time_rank: int = 9  # 0 = section label, 1 = same sentence, 2 = table period
    duration: str | None = None
    duration_rank: int = 9  # 0 = section label, 1 = the mention's sentence
    location: str | None = None
    place_rank: int = 9  # 0 = section label or minutes, 1 = the mention's sentence
    labelled: bool = False  # its own section gives its time, place, duration or parts
    congress: bool = False  # a congress ("Đại hội ..."): an event of its own, kept without a time
    back: str = ""  # the head of a mention that refers back ("Hội nghị sẽ được tổ chức vào ..."), else ""
    pointer: bool = False  # a bare head ("tổ chức Hội nghị vào ngày ..."): nothing of its own without its referent
    host: list[str] = field(default_factory=list)
    host_spans: list[tuple[int, int]] = field(default_factory=list)  # where the text names the host
    participants: list[str] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)


def document_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their heading level (I. = 1, 1. = 2, 1.1. = 3, a) = 6) and enclosing heading."""
    heading = conference_words()["heading"]
    out: list[Line] = []
    stack: list[tuple[int, int]] = []  # (level, line index)
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        level = None
        if "\t" not in raw:
            m = heading.match(raw)
            if m and len(raw) < 400:
                if m.group("roman"):
                    level = 1
                elif m.group("num"):
                    level = 2 + m.group("num").count(".")
                else:
                    level = 6
        while stack and level is not None and stack[-1][0] >= level:
            stack.pop()
        line = Line(start, end, level, stack[-1][1] if stack else None)
        out.append(line)
        if level is not None:
            stack.append((level, len(out) - 1))
    return out


def chain(lines: list[Line], i: int) -> list[int]:
    """Line ``i`` when it is a heading, then the headings that enclose it, innermost first."""
    out = [i] if lines[i].level is not None else []
    p = lines[i].parent
    while p is not None:
        out.append(p)
        p = lines[p].parent
    return out


def document_year(text: str, context: DocContext | None) -> int | None:
    """The year an unyeared day or quarter falls in: the context's, else the one the date parser gives the plan."""
    return context.year if context is not None and context.year else plan_year(text)


def meeting_time(phrase: str, folded: str, year: int | None, context: DocContext | None,
                 quarter_needs_preposition: bool = False, day_spans: bool = False, after: int = 0) -> TimeValue | None:
    """The first point in time in ``phrase`` (a day, a month or a quarter; a span gives its start). In a
    mention's sentence a quarter counts only after "vào / trong / dự kiến" (``quarter_needs_preposition``):
    "Hội nghị sơ kết quý I" names the review, not its date. A report of days that took place ("Từ ngày 08 đến
    ngày 09/11/2025, ...") keeps its span of days (``day_spans``). Only a time from offset ``after`` on counts (the
    words before it tell a cited document's date from the meeting's). ``folded`` is ``phrase`` as the patterns
    read it (folded, without tone marks, soft line breaks as spaces; same offsets)."""
    ctx = replace(context, year=year) if context is not None else DocContext(year=year)
    if "\n" not in phrase:
        found = _first_point(phrase, folded, ctx, quarter_needs_preposition, day_spans, after)
        return found[2] if found else None
    # the soft line breaks of prose read as spaces ("ngày 30 tháng 9 năm / 2011")...
    flowed = "".join(" " if c == "\n" and f == " " else c for c, f in zip(phrase, folded))
    found = _first_point(flowed, folded, ctx, quarter_needs_preposition, day_spans, after)
    if found is None:
        return None
    start, end, point = found
    # ...but the words as written are quoted when they read the same year at the same granularity
    as_written = _first_point(phrase, folded, ctx, quarter_needs_preposition, day_spans, after)
    if as_written is not None and as_written[2].value[:4] == point.value[:4] \
            and as_written[2].granularity == point.granularity:
        return as_written[2]
    return point.model_copy(update={"text": phrase[start:end]})


def _first_point(phrase: str, folded: str, ctx: DocContext, quarter_needs_preposition: bool, day_spans: bool = False,
                 after: int = 0) -> tuple[int, int, TimeValue] | None:
    cw = conference_words()
    times = list(_times(phrase, ctx, quarter_needs_preposition, after))
    for i, (start, end, tv) in enumerate(times):
        value = tv.value.split("/")[0]
        granularity = next((g for g, rx in _POINTS if rx.fullmatch(value)), None)
        if day_spans and tv.granularity == "interval" and all(_POINTS[0][1].fullmatch(v) for v in tv.value.split("/")):
            return start, end, TimeValue(text=tv.text, value=tv.value, granularity="interval")
        if day_spans and tv.granularity == "day" and i + 1 < len(times):
            last = _next_day(phrase, tv.value, end, *times[i + 1])  # "Trong các ngày 08 và 09 tháng 11 năm 2025, ..."
            if last is not None:
                return start, last[0], TimeValue(text=phrase[start:last[0]], value=f"{tv.value}/{last[1]}",
                                                 granularity="interval")
        if granularity is None or (tv.granularity != "interval" and tv.granularity != granularity):
            continue
        if granularity == "quarter" and (cw["quarter_word"] not in key(tv.text) or (
                quarter_needs_preposition and not cw["quarter_preposition"].search(folded[:start]))):
            continue
        # a cue before the words ("dự kiến") hedges the plan, not the meeting's time: only the words' own
        # position ("cuối tháng 7") is its modifier
        modifier = None if tv.modifier == "APPROX" else tv.modifier
        return start, end, TimeValue(text=tv.text, value=value, granularity=granularity, modifier=modifier)
    return None


def _next_day(phrase: str, first: str, end: int, start2: int, end2: int, tv2: TimeValue) -> tuple[int, str] | None:
    """The day after a listed day ("08 và 09 tháng 11"): two days in a row, joined by a list word, are the span of
    one meeting held over both; (its end, its value)."""
    if tv2.granularity != "day" or not LIST_LINK.fullmatch(phrase[end:start2]):
        return None
    if date.fromisoformat(tv2.value) - date.fromisoformat(first) != timedelta(days=1):
        return None
    return end2, tv2.value


def named_year(phrase: str, year: int | None, context: DocContext | None) -> TimeValue | None:
    """The year a congress's own sentence gives ("Đại hội ... lần thứ V năm 2020"): its time. A term ("nhiệm kỳ
    2023 - 2028") is a span, not a time; a cited document's year or a deadline is no time of the congress."""
    ctx = replace(context, year=year) if context is not None else DocContext(year=year)
    for _, _, tv in _times(phrase, ctx, True, 0):
        if tv.granularity == "year":
            return TimeValue(text=tv.text, value=tv.value, granularity="year")
    return None


def _times(phrase: str, ctx: DocContext, prose: bool, after: int):
    """The times in ``phrase``; in a mention's sentence (``prose``) not those of a cited document ("Chỉ thị số
    34-CT/TW ngày 07/4/2014"), a deadline ("gửi báo cáo trước ngày 15/12") nor an anniversary's span ("Lễ kỷ niệm
    95 năm ... (28/7/1929 - 28/7/2024)") nor a day it is moved away from: none is when the meeting is."""
    atoms = find_atoms(phrase, ctx)
    cancelled = conference_words()["cancelled_rx"]
    for i, a in enumerate(atoms):
        if a.start < after or prose and role_of(phrase, a, atoms, i) in ("reference", "deadline", "anniversary"):
            continue
        if prose and cancelled.search(key(phrase[max(0, a.start - 40):a.start])):
            continue  # "không tổ chức vào ngày 06/01/2026": the day the meeting is moved away from
        yield a.start, a.end, time_value(phrase, a)


def duration(phrase: str, folded: str) -> str | None:
    """How long the meeting lasts: the first duration in days or hours ("02 ngày", "01 buổi" = PT4H), half a
    day, else a named session ("buổi sáng ngày 12/9") = PT4H. A duration said per session ("02 buổi ..., mỗi buổi
    khoảng 03 giờ") wins over the count of sessions; a named session beside a span of clock times ("buổi sáng,
    từ 07 giờ 30 đến 11 giờ 00") gives none: the text says when it starts and ends, not how long it is.
    ``folded`` is ``phrase`` as patterns read it."""
    cw = conference_words()
    found = [(s, tv.value) for s, _, tv in find_times(phrase) if tv.granularity == "duration"
             and tv.value[-1:] in ("D", "H")]
    half = cw["half_day"].search(folded)
    if half is not None:
        found.append((half.start(), "PT4H"))
    if found:
        each = cw["per_session_rx"].search(folded)
        after = [f for f in found if each is not None and f[0] >= each.end()]
        return min(after or found)[1]
    if cw["clock_span_rx"].search(folded):
        return None
    return "PT4H" if cw["session_rx"].search(folded) else None


def location(value: str) -> str | None:
    cw = conference_words()
    nxt = cw["next_item_rx"].search(value)
    v = (value[:nxt.start()] if nxt else value).strip(" .;*_")
    v = re.split(r"[;(]", v)[0].strip(" .,*")
    v = cw["place_lead"].sub("", v, count=1)
    v = cw["place_designator"].sub("", " ".join(v.split()), count=1)
    plural = cw["place_plural_rx"].match(key(v))
    if plural and not any(w[:1].isupper() for w in v[plural.end():].split()):
        return None  # "tại các ấp, khu phố ...": many places and no name, no one location ("các dự án tại tỉnh X": X)
    return v or None


def place_cut(text: str, base: str, start: int, end: int) -> int:
    """Where a place that starts at ``start`` ends: a comma, a full stop or a closing word ("đã", "với") in lower
    case; a capitalised word is part of the name even where it reads like one without tone marks ("Đà Nẵng")."""
    for m in conference_words()["place_end_rx"].finditer(base, start, end):
        word = text[m.start():m.end()].lstrip()
        if not word[:1].isupper():
            return m.start()
    return end


def unit_name(surface: str, context: DocContext | None = None) -> str:
    surface = surface.strip(" -+.,;:")
    names = canonical_unit(surface, context)
    return names[0] if names else surface


def merge(anchors: list[Frame]) -> list[Frame]:
    """One frame per meeting: same kind and same time, or same kind and one without a time."""
    timed: list[Frame] = []
    untimed: list[Frame] = []
    for a in sorted(anchors, key=lambda f: f.pos):
        if a.time is None:
            untimed.append(a)
            continue
        twin = next((f for f in timed if f.kind == a.kind and f.time and f.time.value == a.time.value), None)
        if twin:
            _absorb(twin, a)
        else:
            timed.append(a)
    frames = list(timed)
    for a in untimed:
        twin = next((f for f in frames if f.kind == a.kind), None)
        if twin:
            _absorb(twin, a)
        else:
            frames.append(a)
    return sorted(frames, key=lambda f: f.pos)


def _absorb(into: Frame, other: Frame) -> None:
    into.spans.extend(other.spans)
    if other.pos < into.pos and other.time is not None and into.time is None:
        into.time = other.time
    if other.duration and (into.duration is None or other.duration_rank < into.duration_rank):
        into.duration, into.duration_rank = other.duration, other.duration_rank
    if other.location and (into.location is None or other.place_rank < into.place_rank):
        into.location, into.place_rank = other.location, other.place_rank
    into.labelled = into.labelled or other.labelled
    into.congress = into.congress or other.congress
    for attr in ("host", "host_spans", "participants", "agenda"):
        for x in getattr(other, attr):
            if x not in getattr(into, attr):
                getattr(into, attr).append(x)
    into.assignments.extend(other.assignments)
    if len(other.name) > len(into.name) and other.heading:
        into.name = other.name
