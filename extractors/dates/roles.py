"""The role of a date (deadline, period, event, ...) from the cue words before it, and anniversary years."""
from __future__ import annotations

import re

from extractors.dates.atoms import (
    Atom, DOC_NUMBER_END, LIST_MARK, N_YEARS, PLACE_COMMA, clause_before, clause_tail, ends_with_clock,
)
from extractors.dates.lexicon import date_lexicon

def role_of(text: str, a: Atom, atoms: list[Atom], idx: int) -> str:
    lx = date_lexicon()
    if a.gran == "duration":
        return "duration"
    if a.anniversary:
        return "anniversary"
    clause = whole = clause_before(text, a.start)
    # stop at the previous expression: cues belong to the nearest date
    prev_end = next((p.end for p in reversed(atoms[:idx]) if p.end <= a.start), -1)
    if prev_end > a.start - len(clause):
        clause = text[prev_end:a.start]
    tail = clause_tail(clause)
    if DOC_NUMBER_END.search(tail) or _spaced_code_before(clause):
        return "reference"
    if a.kind in ("dmy_num", "dmy_words", "dmy_blank") and a.start < 3000 and a.start > 0:
        line = text[text.rfind("\n", 0, a.start) + 1:a.start]
        if PLACE_COMMA.search(line) and "ngày" in text[a.start:a.end].lower():
            return "issued"
    short = a.gran in ("day", "month", "quarter", "half", "interval")
    label = LIST_MARK.sub("", " ".join(clause_before(text, a.start, 300, stops="\n\t;").lower().split()))
    # "Thời hạn thực hiện: Từ tháng 10/2025 đến khi ...": the start of a span is no deadline
    # (the whole clause: the count of "14 tháng trước" is an expression of its own)
    may_be_deadline = not lx.deadline_blocked.search(tail) and not lx.time_ago.search(whole) and not (a.gran != "interval" and lx.span_start.search(tail))
    if may_be_deadline and (lx.deadline_now.search(tail) or (short and lx.deadline_label.match(label))):
        return "deadline"
    if may_be_deadline and short and lx.deadline_prep.search(tail):
        sentence = clause_before(text, a.start, 400, stops="\n\t")
        if lx.deadline_verbs.search(sentence):
            return "deadline"
    # a span of whole years ("Khung kế hoạch thời gian năm học 2017 - 2018") is a period, not an event's time
    years_span = a.gran == "interval" and all(p.gran == "year" for p in a.parts)
    if short and not years_span and (lx.event_now.search(tail) or lx.event_label.match(label)):
        return "event"
    if a.gran in ("day", "interval") and not years_span and (
            (ends_with_clock(whole) and not lx.instant.search(tail)) or _opens_report(text, a, label)):
        return "event"  # "vào hồi 09h00 ngày 01/7/2024", "Ngày 14/11/2025, Phó Thủ tướng ... làm việc với ..."
    if _is_doc_date(text, a, clause):
        return "reference"
    if a.gran in ("year", "interval", "half", "quarter"):
        return "period"
    return "other"


def _opens_report(text: str, a: Atom, label: str) -> bool:
    """'Chiều ngày 09/11/2025, tại trụ sở ..., Bộ trưởng đã làm việc với ...': a day that opens a paragraph reporting
    a meeting or a visit."""
    lx = date_lexicon()
    if not lx.event_opening.match(label) or not lx.event_opening_after.match(text, a.end):
        return False
    sentence = text[a.end:a.end + 300]
    stop = re.search(r"[.;\n]", sentence)
    return lx.event_sentence.search(sentence[:stop.start()] if stop else sentence) is not None


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


def _is_doc_date(text: str, a: Atom, clause: str) -> bool:
    """'Luật Thi đua, khen thưởng năm 2022', 'Luật ... ngày 19/6/2015': an act cited by its name and date."""
    if a.gran not in ("day", "year") or len(clause) > 120:
        return False
    m = None
    for m in date_lexicon().law_types.finditer(clause):
        pass
    if m is None:
        return False
    word = clause[m.start():m.end()].strip(" ,;:()")
    return word[:1].isupper()  # a document's proper name is capitalised


def mark_anniversary_years(text: str, atoms: list[Atom]) -> list[Atom]:
    """'79 năm Cách mạng Tháng Tám ... (1945 - 2024)': a pair of years that is an anniversary, kept as two years."""
    lx = date_lexicon()
    out = []
    for a in atoms:
        if a.gran == "interval" and a.kind == "year_range" and text[a.start:a.start + 1] in "0123456789":
            y1, y2 = a.parts[0].y, a.parts[1].y
            clause = clause_before(text, a.start, 300)
            for m in N_YEARS.finditer(clause):
                if int(m.group(1)) == y2 - y1 and (lx.anniversary.search(clause[m.end():])
                                                    or "kỷ niệm" in clause.lower()):
                    p1 = Atom(a.start, a.end, "year", "anniversary", y=y1, anniversary=True)
                    p2 = Atom(a.start, a.end, "year", "anniversary", y=y2, anniversary=True)
                    out += [p1, p2]
                    break
            else:
                out.append(a)
            continue
        out.append(a)
    return out
