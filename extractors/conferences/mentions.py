"""Finding meetings: a head ("Hội nghị", "Lễ", "cuộc họp") and the kind the words after it name, whether the
mention is anchored (a heading, the object of "tổ chức" / "tham dự", a table row) or only adds evidence, and
the quarter sections of appendix tables."""
from __future__ import annotations

import bisect
import re

from extractors.conferences.frames import Frame, Line, meeting_time
from extractors.conferences.lexicon import conference_words
from extractors.context import DocContext
from extractors.text import ROMAN
from schemas.record import TimeValue

SENT_END = re.compile(r"[.;!?\n\t]|:[ ]")
#: how far a mention's sentence reaches either way when no punctuation ends it: text without stops (a whole
#: file on one line) would otherwise make every mention read the whole line
SENTENCE_REACH = 2000
_BULLET_LEAD = re.compile(r"[ +*-]*")


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


def kind_at(folded: str, base: str, start: int, end: int) -> tuple[str | None, int]:
    """The kind named by the words after a head, and where the mention's words end.

    ``folded`` is the folded text without soft line breaks, ``base`` the same without tone marks."""
    cw = conference_words()
    head = base[start:end]
    is_ceremony = head in cw["ceremony_heads"]
    if is_ceremony and not folded[start:end].endswith(cw["ceremony_surface"]):
        return None, end  # "tỷ lệ", "Lê": not a ceremony
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
                if kind is None and head in cw["other_heads"]:
                    kind, kw_end = "other", end  # a meeting of no particular kind: kept only with a time
                elif kind is None or (is_ceremony and kind not in cw["ceremony_kinds"]):
                    return None, end
    stop = SENT_END.search(base, kw_end, kw_end + 160)
    limit = min(stop.start() if stop else len(base), kw_end + 160)
    tail = folded[kw_end:limit]
    cut = cw["mention_cut"].search(tail)
    mention_end = kw_end + (cut.start() if cut else len(tail))
    return kind, mention_end


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
    for m in cw["head_rx"].finditer(base):
        kind, mention_end = kind_at(folded, base, m.start(), m.end())
        if kind is None:
            continue
        if kind == "other" and not re.search(r"\w", base[m.end():mention_end]):
            continue  # a bare "Hội nghị" / "cuộc họp" points back to a meeting already named
        li = bisect.bisect_right(line_starts, m.start()) - 1
        ln = lines[li]
        in_table = "\t" in base[ln.start:ln.end]
        floor = ln.start
        if in_table:
            floor = base.rfind("\t", ln.start, m.start()) + 1 or ln.start
            floor = max(floor, ln.start)
        sent = sentences.start(m.start(), max(floor, m.start() - SENTENCE_REACH))
        before = base[sent:m.start()]
        before_clean = cw["numbering"].sub("", before, count=1) if ln.level else before
        sentence_end = SENT_END.search(base, m.end(), m.end() + SENTENCE_REACH)
        stop = sentence_end.start() if sentence_end else min(len(base), m.end() + SENTENCE_REACH)
        sentence = base[sent:stop]
        is_citation = bool(cw["citation_rx"].search(sentence)) \
            or base[ln.start:ln.end].lstrip(" -*").startswith(cw["citation_starts"])
        verb = cw["verbs_rx"].search(before_clean)
        anchored = not is_citation and (
            not before_clean.strip(" -+*_“\"")
            or (verb is not None and not cw["blockers_rx"].search(before_clean[:verb.start(1)])))
        if not anchored:
            loose.append((kind, m.start(), mention_end))
            continue
        frame = Frame(kind=kind, pos=m.start(), line=li, scope=li if ln.level else ln.parent,
                      heading=ln.level is not None and not before_clean.strip(" -+*_“\""),
                      name=text[m.start():mention_end].strip(" ,”\"*"), spans=[(m.start(), mention_end)])
        tv = meeting_time(text[mention_end:stop], base[mention_end:stop], year, context,
                          quarter_needs_preposition=True)
        lead = cw["lead_date"].match(base, sent) if not tv else None
        if lead:  # "Ngày 03/10/2025, Bộ trưởng ... chủ trì buổi làm việc": the day opens the sentence
            tv = meeting_time(text[sent:m.start()], base[sent:m.start()], year, context)
        if tv:
            frame.time, frame.time_rank = tv, 1
        elif li in table_period:
            frame.time, frame.time_rank = table_period[li], 2
        anchors.append(frame)
    return anchors, loose


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
