"""Finding meetings: a head ("Hội nghị", "Lễ", "cuộc họp") and the kind the words after it name, whether the
mention is anchored (a heading, the object of "tổ chức" / "tham dự", a table row) or only adds evidence, and
the quarter sections of appendix tables."""
from __future__ import annotations

import bisect
import re

from extractors.conferences.frames import Frame, Line, duration, location, meeting_time, named_year, place_cut
from extractors.conferences.lexicon import conference_words
from extractors.context import DocContext
from extractors.text import ROMAN
from schemas.record import TimeValue

SENT_END = re.compile(r"[.;!?\n\t]|:[ ]")
#: a whole sentence (not cut at "; "): the day that opens a report's sentence dates the meeting its last clause names
FULL_STOP = re.compile(r"[.!?](?=[ ]|$)|[\n\t]")
_STOP = re.compile(r"[.!?](?=\s|$)")
#: where a whole sentence ends going forward: a line break the flowing kept ("tại / Trụ sở ...") does not end it
FULL_END = re.compile(r"[.!?](?=\s|$)|\n[ ]*\n|\t")
#: how far a mention's sentence reaches either way when no punctuation ends it: text without stops (a whole
#: file on one line) would otherwise make every mention read the whole line
SENTENCE_REACH = 2000
_BULLET_LEAD = re.compile(r"[ +*-]*")
#: a short aside between a meeting's time and its place ("ngày 27/7/2023 (thứ Năm) tại ...", "ngày 20/12/2025, tại ...")
_ASIDE = re.compile(r"[ ]*(?:\([^()\n]{0,40}\)[ ]*)?,?[ ]*")
#: a list item's number, as OCR may misread it ("._2, ", "3) ")
_OCR_ITEM = re.compile(r"^[\W_]*\d{1,2}[.,)][ ]+")
#: the title of a document is within its first lines (before the first numbered heading)
TITLE_LINES = 30


def edit_distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance, giving up (cap + 1) once it exceeds ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


class Sentences:
    """Sentence ends and "- " bullets of one text, found once: looking back from every mention by scanning
    the text again made long lines quadratic."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        found = [(m.start(), m.end()) for m in SENT_END.finditer(folded)]
        self.end_starts = [s for s, _ in found]
        self.ends = [e for _, e in found]
        self.dashes = [m.start() for m in re.finditer("- ", folded)]
        self.stops = [m.end() for m in FULL_STOP.finditer(folded)]

    def start(self, pos: int, floor: int) -> int:
        """Where the sentence holding ``pos`` starts (not before ``floor``), after a leading "- " bullet."""
        best = floor
        i = bisect.bisect_right(self.ends, pos) - 1  # the last end before pos (matches do not overlap)
        if i >= 0 and self.end_starts[i] >= floor:
            best = self.ends[i]
        j = bisect.bisect_right(self.dashes, pos - 2) - 1  # the last "- " that ends before pos
        if j >= 0 and self.dashes[j] >= best and _BULLET_LEAD.match(self.folded, best).end() >= self.dashes[j]:
            best = self.dashes[j] + 2
        return best

    def next_sentence(self, pos: int) -> tuple[int, int]:
        """The whole sentence that starts at or after ``pos``, past blank lines and bullets: (start, end)."""
        start = _BULLET_LEAD.match(self.folded, pos).end()
        while start < len(self.folded) and self.folded[start] in ".!?\n\t ":
            start = _BULLET_LEAD.match(self.folded, start + 1).end()
        return start, self.full_end(start)

    def full_end(self, pos: int) -> int:
        """Where the whole sentence holding ``pos`` ends (its paragraph's end at the latest)."""
        m = FULL_END.search(self.folded, pos, pos + SENTENCE_REACH)
        return m.start() if m else min(len(self.folded), pos + SENTENCE_REACH)

    def full_start(self, pos: int, floor: int) -> int:
        """Where the whole sentence holding ``pos`` starts (not before ``floor``), past its leading blanks."""
        i = bisect.bisect_right(self.stops, pos) - 1
        start = max(self.stops[i] if i >= 0 else 0, floor)
        return _BULLET_LEAD.match(self.folded, start).end()


def kind_at(folded: str, base: str, start: int, end: int) -> tuple[str | None, int]:
    """The kind named by the words after a head, and where the mention's words end.

    ``folded`` is the folded text without soft line breaks, ``base`` the same without tone marks."""
    cw = conference_words()
    head = base[start:end]
    is_ceremony = head in cw["ceremony_heads"]
    if is_ceremony and not folded[start:end].endswith(cw["ceremony_surface"]):
        return None, end  # "tỷ lệ", "Lê": not a ceremony
    if head in cw["title_heads"] and re.sub(r"[ ]+", " ", folded[start:end]) not in cw["title_surface"]:
        return None, end  # "Hội thao" (a sports day) is no "Hội thảo"
    if head in cw["head_kinds"]:
        kind, kw_end = cw["head_kinds"][head], end
    else:
        stop = SENT_END.search(base, end, end + SENTENCE_REACH)
        limit = stop.start() if stop else min(len(base), end + SENTENCE_REACH)
        kind = None
        if is_ceremony:
            m = cw["ceremony_kw_rx"].match(base, end, limit)
            if m:
                kind, kw_end = cw["ceremony_kw_kind"][re.sub(r"[ ]+", " ", m.group(1))], m.end()
        if kind is None:
            window = base[end:limit]
            words = list(re.finditer(r"\S+", window))[: cw["window"]]
            scope = end + (words[-1].end() if words else 0)
            m = cw["kw_rx"].search(base, end, scope)
            if m:
                kind = cw["kw_kind"][re.sub(r"[ ]+", " ", m.group())]
                if is_ceremony and (kind not in cw["ceremony_kinds"] or base[end:m.start()].strip()):
                    return None, end
                kw_end = m.end()
            else:
                kind, kw_end = _fuzzy_kind(base, end, words)
                if kind is None and (head in cw["other_heads"] or head in cw["title_heads"]):
                    kind, kw_end = "other", end  # a meeting of no particular kind: kept only with a time
                elif kind is None or (is_ceremony and kind not in cw["ceremony_kinds"]):
                    return None, end
    return kind, mention_end(folded, base, kw_end)


def mention_end(folded: str, base: str, kw_end: int) -> int:
    """Where a mention's words end: before its purpose, place, host or time, or at the end of its clause."""
    stop = SENT_END.search(base, kw_end, kw_end + 160)
    limit = min(stop.start() if stop else len(base), kw_end + 160)
    tail = folded[kw_end:limit]
    cut = conference_words()["mention_cut"].search(tail)
    return kw_end + (cut.start() if cut else len(tail))


def _fuzzy_kind(base: str, end: int, words: list[re.Match[str]]) -> tuple[str | None, int]:
    """A long keyword misread by OCR, right after the head: at most two letters wrong, first letter right."""
    for kw, kind, n in conference_words()["fuzzy"]:
        if len(words) < n:
            continue
        got = " ".join(w.group().strip(",.;:") for w in words[:n])
        if got[:1] == kw[:1] and edit_distance(got, kw, 2) <= 2:
            return kind, end + words[n - 1].end()
    return None, end


def table_periods(text: str, base: str, lines: list[Line], year: int | None) -> dict[int, TimeValue]:
    """The quarter each table row falls under, from the quarter headings of the table ("Quý IV")."""
    row_rx = conference_words()["quarter_row"]
    out: dict[int, TimeValue] = {}
    current: TimeValue | None = None
    for i, ln in enumerate(lines):
        raw = base[ln.start:ln.end]
        if "\t" not in raw:
            continue
        m = row_rx.fullmatch(" ".join(c for c in raw.split("\t") if c.strip()).strip())
        q = (ROMAN.get(m.group(1).upper()) or int(m.group(1))) if m else None
        if q and current and current.value.endswith(f"Q{q}") and q < 4:
            q += 1  # a heading repeated by OCR ("Quý II" for "Quý III"): quarter sections follow each other
        if q and year:
            current = TimeValue(text=text[ln.start:ln.end].strip(), value=f"{year:04d}-Q{q}", granularity="quarter")
            continue
        if current:
            out[i] = current
    return out


def _mentions(folded: str, base: str) -> list[tuple[int, int, str, int, bool]]:
    """Every mention: (start, head end, kind, mention end, whether it is a review act that needs its verb)."""
    cw = conference_words()
    out: list[tuple[int, int, str, int, bool]] = []
    for m in cw["head_rx"].finditer(base):
        kind, end = kind_at(folded, base, m.start(), m.end())
        if kind is None:
            continue
        out.append((m.start(), m.end(), kind, end, False))
    for m in cw["review_act_rx"].finditer(base):
        end = mention_end(folded, base, m.end())
        kinds = [k for a in cw["review_act_one"].finditer(base, m.start(), m.end())
                 for k in cw["review_act_kinds"][re.sub(r"[ ]+", " ", a.group())]]
        out.extend((m.start(), m.end(), k, end, True) for k in dict.fromkeys(kinds))
    return sorted(out, key=lambda x: (x[0], x[4]))


def lead_place(text: str, base: str, start: int, end: int) -> str | None:
    """The place right after a sentence's opening day ("Ngày 12/3/2025 tại Hà Nội, ...", "Chiều ngày 09/11/2025,
    tại trụ sở ..., ..."): within the day's clause or at the start of the next one."""
    cw = conference_words()
    comma = base.find(",", start, end)
    at = cw["at"].search(base, start, end if comma == -1 else comma)
    if at is None and comma != -1:
        at = cw["at"].match(base, comma + 1 + len(base[comma + 1:end]) - len(base[comma + 1:end].lstrip()), end)
    return clause_place(text, base, at.end(), end) if at is not None else None


def clause_place(text: str, base: str, start: int, end: int) -> str | None:
    """The place that starts at ``start``, up to the words that close it ("đã", a comma); none where the words
    point into a text ("tại điểm a khoản 2", "tại Phụ lục")."""
    if conference_words()["place_reference"].match(base, start):
        return None
    return location(text[start:place_cut(text, base, start, end)])


def capital_lines(text: str, lines: list[Line], i: int, step: int, reach: int = 6) -> list[int]:
    """The starts of the lines from ``i`` on (``step`` -1: back, 1: forward) of one paragraph that open with a
    capital: a sentence the flowing may have joined to a title or a line above it ("... SỐ 66-NQ/TW / Ngày 28 ...")."""
    out: list[int] = []
    seen = False
    for j in range(i, i + step * reach, step):
        blank = 0 <= j < len(lines) and not text[lines[j].start:lines[j].end].strip()
        if not 0 <= j < len(lines) or (blank and (seen or step < 0)):
            break  # the paragraph ends (going forward, the blank lines after a title are skipped)
        seen = seen or not blank
        if text[lines[j].start:lines[j].start + 1].isupper():
            out.append(lines[j].start)
    return out


def _opening(text: str, base: str, lines: list[Line], sentences: Sentences, li: int, starts: list[int], start: int,
             titled: bool) -> tuple[int, int] | None:
    """The sentence that dates a reported meeting (start, end): one of ``starts`` (the clause, the sentence, a
    capitalised line above) opened by its day with no full stop before the mention; for a notice's title, the
    first such line after it."""
    cw = conference_words()
    for p in [*starts, *capital_lines(text, lines, li, -1)]:
        if cw["lead_date"].match(base, p) and not _STOP.search(base, p, start):
            return p, start
    if titled:
        p = next((p for p in capital_lines(text, lines, li + 1, 1) if cw["lead_date"].match(base, p)), None)
        if p is not None:
            return p, sentences.full_end(p)
    return None


def _opening_place(text: str, base: str, sentences: Sentences, opening: int, close: int, start: int) -> str | None:
    """The place of a reported meeting: right after its opening day, else the first bridge point of an online
    meeting in the next sentence ("Tại điểm cầu Trụ sở Chính phủ có ...")."""
    place = lead_place(text, base, opening, close)
    if place is None:
        nxt, nxt_end = sentences.next_sentence(sentences.full_end(start))
        online = conference_words()["online_at"].match(base, nxt, nxt_end)
        place = clause_place(text, base, online.end(), nxt_end) if online else None
    return place


def anchored_mentions(text: str, folded: str, base: str, lines: list[Line], year: int | None,
                      context: DocContext | None, table_period: dict[int, TimeValue]
                      ) -> tuple[list[Frame], list[tuple[str, int, int]]]:
    """The frames that anchored mentions open, with the time of their sentence or table period, and the
    (kind, start, end) of the mentions that only add evidence."""
    cw = conference_words()
    line_starts = [ln.start for ln in lines]
    sentences = Sentences(base)
    anchors: list[Frame] = []
    loose: list[tuple[str, int, int]] = []
    title_zone = next((i for i, ln in enumerate(lines) if ln.level is not None), len(lines))
    for start, head_end, kind, end, is_act in _mentions(folded, base):
        li = bisect.bisect_right(line_starts, start) - 1
        ln = lines[li]
        in_table = "\t" in base[ln.start:ln.end]
        floor = ln.start
        if in_table:
            floor = base.rfind("\t", ln.start, start) + 1 or ln.start
            floor = max(floor, ln.start)
        sent = sentences.start(start, max(floor, start - SENTENCE_REACH))
        before = base[sent:start]
        # an item number OCR misread so that the line is no heading ("._2, Hội nghị sẽ được tổ chức ...")
        before_clean = cw["numbering"].sub("", before, count=1) if ln.level else (
            _OCR_ITEM.sub("", base[ln.start:start], count=1) if not re.search(r"\w", base[ln.start:sent]) else before)
        sentence_end = SENT_END.search(base, head_end, head_end + SENTENCE_REACH)
        stop = sentence_end.start() if sentence_end else min(len(base), head_end + SENTENCE_REACH)
        basis_after = cw["basis_after_rx"].search(base, head_end, stop)
        stop = basis_after.start() if basis_after else stop
        sentence = base[sent:stop]
        cites = [m.end() for m in cw["citation_rx"].finditer(sentence)]
        verb = cw["verbs_rx"].search(before_clean)
        # "Thực hiện Kế hoạch số 12/KH-..., Tổng công ty tổ chức Hội nghị ...": the verb's clause, after the comma
        # that closes the cited document's, is the document's own
        own_clause = verb is not None and bool(cites) and "," in before[cites[-1]:] \
            and cites[-1] <= len(before) and cw["verbs_rx"].search(before[cites[-1]:]) is not None
        is_citation = (bool(cites) and not own_clause) \
            or base[ln.start:ln.end].lstrip(" -*").startswith(cw["citation_starts"])
        bare = not before_clean.strip(" -+*_“\"")
        # "Kết luận của ... tại buổi làm việc với ...": the title of a notice names the meeting it records
        titled = not is_act and li < title_zone and cw["notice_rx"].search(before) is not None
        # "Ngày 14/11/2025, tại Đại hội ..., Chủ tịch ... đã phát động ...": the sentence, opened by its day,
        # reports what was done at the meeting
        reported = not is_act and cw["at_end"].search(before_clean) is not None \
            and cw["lead_date"].match(base, sent) is not None
        if bare and ln.level is None and _congress(text, base, start, head_end, end) and _wrapped(text, ln.start):
            bare = False  # "... chào mừng / Đại hội đại biểu toàn quốc ...": the line goes on the sentence above
        anchored = not is_citation and (
            (bare and (not is_act or ln.level is not None))  # an act ("Tổng kết ...") opens a frame as a heading only
            or (verb is not None and not cw["blockers_rx"].search(before_clean[:verb.start(1)])) or titled
            or reported or (not is_act and cw["joined_object_rx"].search(before_clean) is not None))
        if not anchored and is_act and bare and not is_citation:
            # "- Sơ kết 6 tháng vào tháng 7/2025; tổng kết năm vào tháng 12/2025", "- Quý IV/2025: Tổng kết ...": an
            # act that opens its clause, with the time it takes place
            anchored = meeting_time(text[start:stop], base[start:stop], year, context, quarter_needs_preposition=True,
                                    after=end - start) is not None or (
                floor < sent and _item_label_time(text, base, floor, sent, year, context) is not None)
        # a bare "Hội nghị" / "cuộc họp" points back to a meeting already named; one with its place does not ("tại
        # các buổi làm việc tại các dự án ..."); nor do the words that only say it is held ("Hội nghị sẽ được tổ
        # chức vào lúc ...")
        pointer = kind == "other" and not is_act and not re.search(r"\w", base[head_end:end]) \
            and not cw["at"].match(base, end + len(base[end:end + 3]) - len(base[end:end + 3].lstrip(" ")))
        back = kind == "other" and not is_act and (
            pointer or cw["back_ref_rx"].fullmatch(base[head_end:end].strip(" *_:.,")) is not None)
        if pointer and not anchored:
            continue
        if base[start:head_end] in cw["title_heads"] and kind == "other" and not back \
                and li >= min(title_zone, TITLE_LINES):
            continue  # "tổ chức các hội thảo, tọa đàm", "tổ chức Lễ kỷ niệm ..." in a plan's body: no meeting of its own
        if not anchored:
            if not is_act:
                loose.append((kind, start, end))
            continue
        frame = Frame(kind=kind, pos=start, line=li, scope=li if ln.level else ln.parent,
                      heading=ln.level is not None and bare,
                      name=text[start:end].strip(" ,”\"*"), spans=[(start, end)],
                      congress=_congress(text, base, start, head_end, end), back=base[start:head_end] if back else "",
                      pointer=pointer)
        tv = meeting_time(text[start:stop], base[start:stop], year, context, quarter_needs_preposition=True,
                          after=end - start)
        if tv is not None or back:  # "... vào ngày 27/7/2023 ... trong 01 buổi chiều", "Hội nghị diễn ra trong 01 ngày"
            frame.duration = duration(text[start:stop], base[start:stop])
            frame.duration_rank = 1
        # the place follows the mention, or its time ("Hội nghị ... vào ngày 10/7/2025 (thứ Năm) tại Hội trường ...")
        said = text.find(tv.text, end, stop) if tv is not None else -1
        at = None
        for p in (end, said + len(tv.text)) if said >= 0 else (end,):
            aside = _ASIDE.match(base, p, stop)
            p = aside.end() if aside else p
            at = at or cw["at"].match(base, p, stop)
        if at is None:  # "Hội nghị ... trực tuyến vào ngày ..., điểm cầu chính tại Hội trường tầng 2, ..."
            at = cw["main_point_at"].search(base, end, stop)
        place = clause_place(text, base, at.end(), stop) if at is not None else None
        if place:  # "Hội nghị tổng kết ... tại Hội trường UBND tỉnh"
            frame.location, frame.place_rank = place, 1
        if not tv and frame.heading and stop < ln.end:  # "1. Hội nghị hiệp thương lần thứ nhất: vào ngày ..."
            tv = meeting_time(text[start:ln.end], base[start:ln.end], year, context, quarter_needs_preposition=True,
                              after=end - start)
            at = cw["at"].search(base, stop, ln.end)
            place = clause_place(text, base, at.end(), ln.end) if at is not None else None
            if place and frame.place_rank > 1:
                frame.location, frame.place_rank = place, 1
        opened = None if tv else _opening(  # "Ngày 03/10/2025, Bộ trưởng ... chủ trì buổi làm việc"
            text, base, lines, sentences, li, [sent, sentences.full_start(start, max(floor, start - SENTENCE_REACH))],
            start, titled)
        if opened is not None:
            tv = meeting_time(text[opened[0]:opened[1]], base[opened[0]:opened[1]], year, context, day_spans=True)
            place = _opening_place(text, base, sentences, *opened, start)
            if place and frame.place_rank > 1:
                frame.location, frame.place_rank = place, 1
        if tv is None and floor < sent:
            tv = _item_label_time(text, base, floor, sent, year, context)  # "- Tháng 7/2025: Tổ chức Hội nghị ..."
        if tv is None and frame.congress:
            tv = named_year(text[start:stop], year, context)  # "Đại hội ... lần thứ V năm 2020"
        if tv:
            frame.time, frame.time_rank = tv, 1
        elif li in table_period:
            frame.time, frame.time_rank = table_period[li], 2
        anchors.append(frame)
    return anchors, loose


def _congress(text: str, base: str, start: int, head_end: int, end: int) -> bool:
    """A congress: "Đại hội" and the body whose it is (a capitalised word) or its session ("lần thứ V", "nhiệm
    kỳ ..."), not a games ("Đại hội Thể dục thể thao")."""
    cw = conference_words()
    head = next((h for h in cw["congress_heads"] if base.startswith(h, start)), None)
    if head is None or cw["congress_not_rx"].match(base, start + len(head)):
        return False
    return any(w[:1].isupper() for w in text[start + len(head):end].split()) \
        or cw["congress_session_rx"].search(base, head_end, end) is not None


def _wrapped(text: str, line_start: int) -> bool:
    """The line at ``line_start`` goes on a sentence the line above leaves open (it ends in a lower-case word or
    a comma)."""
    if line_start == 0 or text[line_start - 1] != "\n":
        return False
    above = text[:line_start - 1].rstrip(" ")
    return bool(above) and (above[-1].islower() or above[-1] == ",")


def _item_label_time(text: str, base: str, start: int, end: int, year: int | None,
                     context: DocContext | None) -> TimeValue | None:
    """The time of a label that opens a list item and says nothing else ("- Tháng 7/2025: ", "2. Quý IV/2025: "):
    the time of the meeting the item names (``start``: the line's start, ``end``: where the item's words start)."""
    label = base[start:end].rstrip()
    if not label.endswith(":") or len(label) > 40:
        return None
    numbered = conference_words()["numbering"].match(label)
    lead = start + (numbered.end() if numbered else 0)
    tv = meeting_time(text[lead:end], base[lead:end], year, context)
    if tv is None or text[lead:end].replace(tv.text, "", 1).strip(" *_:.-+•") != "":
        return None
    return tv


def table_row_meetings(text: str, base: str, lines: list[Line], anchors: list[Frame],
                       table_period: dict[int, TimeValue]) -> list[Frame]:
    """Table rows that name a review without the word "Hội nghị" ("Tham dự sơ kết công tác ...")."""
    out: list[Frame] = []
    for i, ln in enumerate(lines):
        raw = base[ln.start:ln.end]
        if "\t" not in raw or i not in table_period:
            continue
        offset = ln.start
        for cell in raw.split("\t"):
            c = cell.strip()
            for start_words, kind in conference_words()["row_starts"]:
                if c.startswith(start_words + " ") and not any(a.line == i for a in anchors + out):
                    s = offset + cell.index(c)
                    e = s + len(c)
                    out.append(Frame(kind=kind, pos=s, line=i, scope=None, heading=False,
                                     name=text[s:e].strip(" ."), spans=[(s, e)],
                                     time=table_period[i], time_rank=2))
                    break
            offset += len(cell) + 1
    return out
