"""The visit or working session a notice of conclusions records when no word in it names a meeting: "KẾT LUẬN CỦA
PHÓ THỦ TƯỚNG ... TẠI CHUYẾN KIỂM TRA ... / Ngày 18 tháng 11 năm 2025, Phó Thủ tướng ... đã đi kiểm tra ... tại tỉnh
Ninh Bình. Tham gia Đoàn công tác ... có ...". The opening sentence (the first one after the title opened by its day)
gives the time and the place, the sentence after it who took part."""
from __future__ import annotations

from extractors.conferences.frames import Frame, Line, meeting_time
from extractors.conferences.lexicon import conference_words
from extractors.conferences.mentions import FULL_END, SENTENCE_REACH, clause_place, kind_at, lead_place
from extractors.context import DocContext

#: how many lines after the title's first line the opening sentence may start (a title wraps over a few lines)
_OPENING_REACH = 12


def recorded_visit(text: str, folded: str, base: str, lines: list[Line], year: int | None,
                   context: DocContext | None) -> Frame | None:
    """The meeting a notice's opening sentence reports ("Ngày ..., <leader> đã đi kiểm tra / đã đi khảo sát thực tế
    và làm việc tại / đã có buổi làm việc với / đã dự và chỉ đạo Hội nghị ..."), or None. Only a document whose
    title opens with the conclusion words ("Thông báo / Kết luận của ...", "Ý kiến chỉ đạo của ...") records one:
    a plan's preamble that recalls a past visit names no meeting of its own."""
    cw = conference_words()
    title_zone = next((i for i, ln in enumerate(lines) if ln.level is not None), len(lines))
    title = next((i for i in range(title_zone) if cw["notice_title_rx"].match(base, lines[i].start)
                  and not cw["citation_rx"].search(base, lines[i].start, lines[i].end)), None)
    if title is None:
        return None
    opening = next((lines[j].start for j in range(title + 1, min(title + _OPENING_REACH, title_zone))
                    if text[lines[j].start:lines[j].start + 1].isupper()
                    and cw["lead_date"].match(base, lines[j].start)), None)
    if opening is None:
        return None
    stop = FULL_END.search(base, opening, opening + SENTENCE_REACH)
    end = stop.start() if stop else min(len(base), opening + SENTENCE_REACH)
    visit = cw["visit_rx"].search(base, opening, end)
    if visit is None:
        return None
    tv = meeting_time(text[opening:end], base[opening:end], year, context, day_spans=True)
    if tv is None:
        return None
    kind = "other"  # "đã dự và chỉ đạo Hội nghị tổng kết ...": the kind its words name
    for h in cw["head_rx"].finditer(base, visit.end(), end):
        k, _ = kind_at(folded, base, h.start(), h.end())
        if k is not None and k != "other":
            kind = k
            break
    frame = Frame(kind=kind, pos=opening, line=title, scope=None, heading=False,
                  name=" ".join(text[visit.start():end].split())[:200], spans=[(opening, end)], time=tv, time_rank=1)
    place = lead_place(text, base, opening, end)  # "Ngày 18/11/2025, tại thành phố Đà Nẵng, ..."
    if place is None:  # "... đã đi kiểm tra ... tại tỉnh Ninh Bình.", in the verb's own clause (not "...; dâng hoa tại ...")
        clause = base.find(";", visit.end(), end)
        clause = end if clause == -1 else clause
        at = cw["at"].search(base, visit.end(), clause)
        place = clause_place(text, base, at.end(), clause) if at is not None else None
    if place:
        frame.location, frame.place_rank = place, 1
    _participants(text, base, end, frame)
    return frame


def _participants(text: str, base: str, after: int, frame: Frame) -> None:
    """Who took part, from the sentence right after the opening ("Tham gia Đoàn công tác ... có A; B; C.")."""
    start = after + 1
    while start < len(base) and base[start] in " \n":
        start += 1
    m = conference_words()["participants_rx"].match(base, start)
    if m is None:
        return
    stop = FULL_END.search(base, m.end(), m.end() + SENTENCE_REACH)
    end = stop.start() if stop else min(len(base), m.end() + SENTENCE_REACH)
    for item in text[m.end():end].split(";"):
        item = " ".join(item.split()).strip(" ,.")
        if item and item not in frame.participants:
            frame.participants.append(item)
    frame.spans.append((start, end))
