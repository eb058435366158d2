"""Conferences extractor: review meetings, exchanges, exemplar conferences, emulation congresses, launches.

A plan names its own meetings in three places: the content list ("2. Tổ chức Hội nghị sơ kết ..."), a
detailed section ("1. Tổ chức hội nghị sơ kết 6 tháng đầu năm 2024" with "Thời gian: 02 ngày, dự kiến
trong tháng 7/2024", "Địa điểm: Tại tỉnh Hải Dương", Thành phần, Nội dung, Phân công) and appendix table
rows under quarter headings ("Quý IV"). Only an *anchored* mention (a heading, the object of "tổ chức" /
"tham dự", a table row) opens a frame; other mentions ("phục vụ Hội nghị sơ kết", "dự Đại hội") only add
evidence to a frame of their kind. Frames of one kind merge when their times agree or one has none.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.lexicon import read_yaml
from extractors.text import ROMAN, fold, toneless as _ts, toneless_rx as _rx
from schemas.record import Assignment, Conference, TimeValue

from extractors.dates import parse_time
from extractors.names import canonical_unit

# OCR of scans gets tone marks wrong ("Hôi nghi sơ kêt"): every Vietnamese pattern here is matched on a
# folded copy of the text without tone marks (text.toneless: same length, vowel shapes kept).
def _k(s: str) -> str:
    """The matching key of a lexicon word: folded, without tone marks."""
    return _ts(fold(s))


_HEADING = re.compile(r"[ ]*(?:[*_]{1,2})?(?:(?P<roman>[IVXL]+)\.|(?P<num>\d+(?:\.\d+)*)\.?(?=[ ]|[*])|"
                      r"(?P<letter>[a-zđ])\))[ *]")
_TIME_LABEL = _rx(r"^[\W\d]*?(?:(?:\d+\.|[a-zđ]\))[ ]*)?[*_]*[ ]*thời gian(?:[ ]+(?:tổ chức|dự kiến|họp))?"
                         r"(?:[ ]*,[ ]*địa điểm(?:[ ]+tổ chức)?)?[ ]*[*_]*[ ]*:[*_ ]*")
_PLACE_LABEL = _rx(r"^[\W\d]*?(?:(?:\d+\.|[a-zđ]\))[ ]*)?[*_]*[ ]*địa điểm(?:[ ]+tổ chức)?[ ]*[*_]*[ ]*:[*_ ]*")
_SUBSECTION = [(_rx(r"thành phần"), "participants"), (_rx(r"nội dung|chương trình"), "agenda"),
               (_rx(r"phân công"), "assignments")]
_ROLE = _rx(r"(chủ trì|phối hợp|chịu trách nhiệm|đăng cai|chỉ đạo)")
_ROLE_OF = {_ts(k): v for k, v in {"chủ trì": "lead", "chịu trách nhiệm": "lead", "đăng cai": "lead",
                                   "phối hợp": "support", "chỉ đạo": "director"}.items()}
_ROMAN_Q = r"(iv|iii|ii|i|[1-4])"
_YEAR = r"((?:19|20)\d\d)"
_DAY = _rx(r"ngày[ ]+(\d{1,2})[ ]*(?:/|-|tháng[ ]+)(\d{1,2})[ ]*(?:/|-|năm[ ]+)" + _YEAR)
# a day without a year ("vào ngày 30/9", "ngày 20 tháng 11") takes the plan's year
_DAY_NO_YEAR = _rx(r"ngày[ ]+(\d{1,2})[ ]*(?:/|-|tháng[ ]+)(\d{1,2})(?![\d/]|[ ]*(?:-|năm)[ ]*\d)")
_YEAR_AFTER = _rx(r"[ ]*(?:/|-|năm[ ]+)[ ]*" + _YEAR)
_MONTH = _rx(r"(?:(đầu|giữa|cuối)[ ]+)?tháng[ ]+(\d{1,2})(?:[ ]*(?:/|-|năm[ ]+)[ ]*" + _YEAR + r")?(?!\d)")
_QUARTER = _rx(r"quý[ ]+" + _ROMAN_Q + r"(?![\w])(?:[ ]*(?:/|-|năm[ ]+)[ ]*" + _YEAR + r")?")
_QUARTER_IN_PROSE = _rx(r"(?:vào|trong|dự kiến)[ ]+(?:\w+[ ]+){0,2}?quý[ ]+" + _ROMAN_Q + r"(?!\w)")
_DURATION = _rx(r"(\d{1,2}|một|hai|ba|nửa)[ ]+(ngày|buổi|giờ)(?!\w)|(nửa ngày)")
_NUMBER_WORDS = {_ts("một"): 1, "hai": 2, "ba": 3}
_MODIFIER = {_ts("đầu"): "START", _ts("giữa"): "MID", _ts("cuối"): "END"}
_SENT_END = re.compile(r"[.;!?\n\t]|:[ ]")
#: how far a mention's sentence reaches either way when no punctuation ends it: text without stops (a whole
#: file on one line) would otherwise make every mention read the whole line
SENTENCE_REACH = 2000


def _alt(words: list[str]) -> str:
    """An alternation of lexicon words as the folded text without tone marks reads them, longest first."""
    return "|".join(re.escape(_k(w)).replace(r"\ ", "[ ]+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _config() -> dict:
    cfg = read_yaml("conference_kinds.yaml")
    heads = sorted({_k(h) for h in cfg["heads"]} | {_k(h) for h in cfg["head_kinds"]}
                   | {_k(h) for h in cfg["other_heads"]}, key=len, reverse=True)
    kw = sorted(((_k(w), k) for k, words in cfg["kinds"].items() for w in words), key=lambda x: -len(x[0]))
    le_kw = sorted(((_k(w), k) for k, words in cfg["lễ_keywords"].items() for w in words), key=lambda x: -len(x[0]))
    rows = sorted(((_k(w), k) for k, words in cfg["row_starts"].items() for w in words), key=lambda x: -len(x[0]))
    verbs = sorted({_k(v) for v in cfg["anchor_verbs"]}, key=len, reverse=True)
    fuzzy_min = int(cfg["fuzzy_min_chars"])
    return {
        "head_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(h) for h in heads) + r")(?!\w)"),
        "head_kinds": {_k(k): v for k, v in cfg["head_kinds"].items()},
        "le_heads": {_k(h) for h in cfg["lễ_heads"]},
        "other_heads": {_k(h) for h in cfg["other_heads"]},
        "heading_starts": sorted(((_k(w), k) for k, words in cfg["heading_starts"].items() for w in words),
                                 key=lambda x: -len(x[0])),
        "minutes_rx": re.compile(r"[ *_#]*(?:" + "|".join(re.escape(_k(w)) for w in cfg["minutes_titles"])
                                 + r")(?!\w)"),
        "opening_rx": re.compile(r"(?<![^\W\d_])[ *_-]*(?:" + "|".join(
            re.escape(_k(w)) for w in sorted(cfg["minutes_openings"], key=len, reverse=True)) + r")(?!\w)"),
        "session_rx": re.compile(r"(?<!\w)(?:" + _alt(cfg["session_words"]) + r")(?!\w)"),
        "recurring_rx": re.compile(r"(?<!\w)(?:" + _alt(cfg["recurring_words"]) + r")(?!\w)"),
        "place_end_rx": re.compile(r",|;|\.(?:[ ]|$)|[ ]+(?:" + _alt(cfg["place_end_words"]) + r")(?!\w)"),
        "slot_head_rx": re.compile(r"(?:" + _alt(cfg["slot_headings"]) + r")(?!\w)"),
        "le_surface": tuple(fold(h) for h in cfg["lễ_heads"]),
        "keywords": kw,
        "kw_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w, _ in kw) + r")(?!\w)"),
        "kw_kind": dict(kw),
        "le_kw_rx": re.compile(r"[ ]*(" + "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w, _ in le_kw) + r")(?!\w)"),
        "le_kw_kind": dict(le_kw),
        # keywords long enough to be recognised with two OCR errors ("tun dương" for "tuyên dương")
        "fuzzy": [(w, k, len(w.split())) for w, k in kw if len(w) >= fuzzy_min],
        "window": int(cfg.get("window", 6)),
        "le_kinds": set(cfg["lễ_kinds"]),
        "row_starts": rows,
        "verbs_rx": re.compile(r"(?:(?<=\W)|^)(" + "|".join(re.escape(v) for v in verbs) + r")[ \"“*]*$"),
        "blockers_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(_k(b)) for b in cfg["anchor_blockers"]) + r")[ ]+$"),
        "citation_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(_k(w)) for w in cfg["citation_markers"])
                                  + r")(?!\w)|(?<!\w)sô[ ]*:?[ ]*\d+[ ]*/|\d+/[\wđ]*-[A-Za-zĐđ]"),
    }


def _edit_distance(a: str, b: str, cap: int) -> int:
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


@dataclass
class _Line:
    start: int
    end: int
    level: int | None
    parent: int | None = None  # index of the innermost enclosing heading


@dataclass
class _Frame:
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
    location: str | None = None
    host: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    stack: list[tuple[int, int]] = []  # (level, line index)
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        level = None
        if "\t" not in raw:
            m = _HEADING.match(raw)
            if m and len(raw) < 400:
                if m.group("roman"):
                    level = 1
                elif m.group("num"):
                    level = 2 + m.group("num").count(".")
                else:
                    level = 6
        while stack and level is not None and stack[-1][0] >= level:
            stack.pop()
        line = _Line(start, end, level, stack[-1][1] if stack else None)
        out.append(line)
        if level is not None:
            stack.append((level, len(out) - 1))
    return out


def _doc_year(text: str, context: DocContext | None) -> int | None:
    if context is not None and context.year:
        return context.year
    head = re.search(r"năm[ ]+" + _YEAR, text[:800])
    if head:
        return int(head.group(1))
    years = Counter(re.findall(r"(?<!\d)(20\d\d)(?!\d)", text))
    return int(years.most_common(1)[0][0]) if years else None


def _tv(phrase: str, value: str, granularity: str, modifier: str | None = None) -> TimeValue:
    return TimeValue(text=phrase, value=value, granularity=granularity, modifier=modifier)


def _parse_time(phrase: str, folded: str, year: int | None, context: DocContext | None,
                quarter_needs_preposition: bool = False) -> TimeValue | None:
    """The first point in time in ``phrase`` (a day, a month or a quarter), else a bare year."""
    found: list[tuple[int, TimeValue]] = []
    m = _DAY.search(folded)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        found.append((m.start(), _tv(phrase[m.start():m.end()], f"{y:04d}-{mo:02d}-{d:02d}", "day")))
    elif year:
        m = _DAY_NO_YEAR.search(folded)
        if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            found.append((m.start(), _tv(phrase[m.start():m.end()],
                                         f"{year:04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}", "day")))
    for m in _MONTH.finditer(folded):
        if found and found[0][0] <= m.start() <= found[0][0] + 12:
            continue  # part of a full date
        y = int(m.group(3)) if m.group(3) else year
        mo = int(m.group(2))
        if y and 1 <= mo <= 12:
            found.append((m.start(), _tv(phrase[m.start():m.end()], f"{y:04d}-{mo:02d}", "month",
                                         _MODIFIER.get(m.group(1) or ""))))
            break
    qrx = _QUARTER_IN_PROSE if quarter_needs_preposition else _QUARTER
    m = qrx.search(folded)
    if m:
        q = m.group(1)
        q = ROMAN.get(q.upper(), None) or int(q)
        ym = _YEAR_AFTER.match(folded, m.end())
        y = int(m.group(2)) if not quarter_needs_preposition and m.group(2) else (int(ym.group(1)) if ym else year)
        end = ym.end() if ym and quarter_needs_preposition else m.end()
        if y:
            found.append((m.start(), _tv(phrase[m.start():end], f"{y:04d}-Q{q}", "quarter")))
    if not found:
        return None
    _, best = min(found, key=lambda x: x[0])
    shared = parse_time(best.text, context)  # prefer the shared parser's reading of the same words
    if shared is not None and shared.value[:4] == best.value[:4] and shared.granularity == best.granularity:
        return TimeValue(text=shared.text, value=shared.value, granularity=shared.granularity,
                         modifier=shared.modifier)
    return best


def _duration(folded: str) -> str | None:
    m = _DURATION.search(folded)
    if not m:
        return "PT4H" if _config()["session_rx"].search(folded) else None  # "buổi sáng ngày 12/9": one session
    if m.group(3):
        return "PT4H"
    raw, unit = m.group(1), m.group(2)
    n = 0.5 if raw == _ts("nửa") else _NUMBER_WORDS.get(raw) or int(raw)
    if unit == _ts("ngày"):
        return "PT4H" if n == 0.5 else f"P{int(n)}D"
    if unit == _ts("buổi"):
        return f"PT{int(4 * n)}H"
    return f"PT{int(n)}H"


def _location(value: str) -> str | None:
    v = value.strip(" .;*_")
    v = re.split(r"[;(]", v)[0].strip(" .,*")
    v = re.sub(r"^(?:tại|ở)[ ]+", "", v, flags=re.IGNORECASE)
    v = re.sub(r"^(?:tỉnh|thành phố|tp\.?)[ ]+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])", "", v)
    return v or None


# read with tone marks: without them "tại" would cut "khuyến tài"
_MENTION_CUT = re.compile(r"[(“\"]|,[ ]+(?:ký kết|bình xét|bầu)|[ ]+(?:để|nhằm|tại|do|theo|vào)[ ]|[ ]+ngày[ ]+\d")


def _kind_at(folded: str, base: str, start: int, end: int, cfg: dict) -> tuple[str | None, int]:
    """The kind named by the words after a head, and where the mention's words end.

    ``folded`` is the folded text without soft line breaks, ``base`` the same without tone marks."""
    head = base[start:end]
    is_le = head in cfg["le_heads"]
    if is_le and not folded[start:end].endswith(cfg["le_surface"]):
        return None, end  # "tỷ lệ", "Lê": not a ceremony
    if head in cfg["head_kinds"]:
        kind, kw_end = cfg["head_kinds"][head], end
    else:
        stop = _SENT_END.search(base, end, end + SENTENCE_REACH)
        limit = stop.start() if stop else min(len(base), end + SENTENCE_REACH)
        kind = None
        if is_le:
            m = cfg["le_kw_rx"].match(base, end, limit)
            if m:
                kind, kw_end = cfg["le_kw_kind"][re.sub(r"[ ]+", " ", m.group(1))], m.end()
        if kind is None:
            window = base[end:limit]
            words = list(re.finditer(r"\S+", window))[: cfg["window"]]
            scope = end + (words[-1].end() if words else 0)
            m = cfg["kw_rx"].search(base, end, scope)
            if m:
                kind = cfg["kw_kind"][re.sub(r"[ ]+", " ", m.group())]
                if is_le and (kind not in cfg["le_kinds"] or base[end:m.start()].strip()):
                    return None, end
                kw_end = m.end()
            else:
                kind, kw_end = _fuzzy_kind(base, end, words, cfg)
                if kind is None and head in cfg["other_heads"]:
                    kind, kw_end = "other", end  # a meeting of no particular kind: kept only with a time
                elif kind is None or (is_le and kind not in cfg["le_kinds"]):
                    return None, end
    stop = _SENT_END.search(base, kw_end, kw_end + 160)
    limit = min(stop.start() if stop else len(base), kw_end + 160)
    tail = folded[kw_end:limit]
    cut = _MENTION_CUT.search(tail)
    mention_end = kw_end + (cut.start() if cut else len(tail))
    return kind, mention_end


def _fuzzy_kind(base: str, end: int, words: list[re.Match[str]], cfg: dict) -> tuple[str | None, int]:
    """A long keyword misread by OCR, right after the head: at most two letters wrong, first letter right."""
    for kw, kind, n in cfg["fuzzy"]:
        if len(words) < n:
            continue
        got = " ".join(w.group().strip(",.;:") for w in words[:n])
        if got[:1] == kw[:1] and _edit_distance(got, kw, 2) <= 2:
            return kind, end + words[n - 1].end()
    return None, end


class _Sentences:
    """Sentence ends and "- " bullets of one text, found once: looking back from every mention by scanning
    the text again made long lines quadratic."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        found = [(m.start(), m.end()) for m in _SENT_END.finditer(folded)]
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


_BULLET_LEAD = re.compile(r"[ +*-]*")


def _unit_name(surface: str, context: DocContext | None = None) -> str:
    surface = surface.strip(" -+.,;:")
    names = canonical_unit(surface, context)
    return names[0] if names else surface


# the section number before "Quý" may be misread by OCR ("H" for "II"): any short token is accepted
_QUARTER_ROW = _rx(r"\S{0,5}[ .]*quý[ ]+" + _ROMAN_Q + r"(?:[ ]*(?:/|năm[ ]+)\d{4})?[ .]*")
_CAN_CU = _ts("căn cứ")


def _quarter_of_row(cells: list[str]) -> int | None:
    joined = " ".join(c for c in cells if c.strip())
    m = _QUARTER_ROW.fullmatch(joined.strip())
    if m:
        return ROMAN.get(m.group(1).upper()) or int(m.group(1))
    return None


def extract_conferences(doc: DocumentView | str, context: DocContext | None = None) -> list[Conference]:
    """Every meeting the plan organises or attends, one frame per meeting, with evidence. Never None."""
    view = as_view(doc)
    text = view.text
    cfg = _config()
    folded, base = view.flowed  # hard-wrapped lines joined; base, without tone marks, is what patterns read
    lines = _lines(text)
    year = _doc_year(text, context)
    line_starts = [ln.start for ln in lines]
    sentences = _Sentences(base)

    def line_of(pos: int) -> int:
        lo, hi = 0, len(line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    anchors: list[_Frame] = []
    loose: list[tuple[str, int, int]] = []  # (kind, start, end) of mentions that only add evidence
    table_period: dict[int, TimeValue] = {}
    current_q: TimeValue | None = None
    for i, ln in enumerate(lines):  # quarter sections of tables
        raw = base[ln.start:ln.end]
        if "\t" not in raw:
            continue
        cells = raw.split("\t")
        q = _quarter_of_row(cells)
        if q and current_q and current_q.value.endswith(f"Q{q}") and q < 4:
            q += 1  # a heading repeated by OCR ("Quý II" for "Quý III"): quarter sections follow each other
        if q and year:
            current_q = _tv(text[ln.start:ln.end].strip(), f"{year:04d}-Q{q}", "quarter")
            continue
        if current_q:
            table_period[i] = current_q

    for m in cfg["head_rx"].finditer(base):
        kind, mention_end = _kind_at(folded, base, m.start(), m.end(), cfg)
        if kind is None:
            continue
        if kind == "other" and not re.search(r"\w", base[m.end():mention_end]):
            continue  # a bare "Hội nghị" / "cuộc họp" points back to a meeting already named
        li = line_of(m.start())
        ln = lines[li]
        in_table = "\t" in base[ln.start:ln.end]
        floor = ln.start
        if in_table:
            floor = base.rfind("\t", ln.start, m.start()) + 1 or ln.start
            floor = max(floor, ln.start)
        sent = sentences.start(m.start(), max(floor, m.start() - SENTENCE_REACH))
        before = base[sent:m.start()]
        before_clean = re.sub(r"^[\W\d]*?(?:(?:[ivxl]+|\d+(?:\.\d+)*)\.|[a-zđ]\))?[ *_]*", "", before) if ln.level else before
        sentence_end = _SENT_END.search(base, m.end(), m.end() + SENTENCE_REACH)
        stop = sentence_end.start() if sentence_end else min(len(base), m.end() + SENTENCE_REACH)
        sentence = base[sent:stop]
        is_citation = bool(cfg["citation_rx"].search(sentence)) or base[ln.start:ln.end].lstrip(" -*").startswith(_CAN_CU)
        verb = cfg["verbs_rx"].search(before_clean)
        anchored = not is_citation and (
            not before_clean.strip(" -+*_“\"")
            or (verb is not None and not cfg["blockers_rx"].search(before_clean[:verb.start(1)])))
        if not anchored:
            loose.append((kind, m.start(), mention_end))
            continue
        frame = _Frame(kind=kind, pos=m.start(), line=li, scope=li if ln.level else ln.parent,
                       heading=ln.level is not None and not before_clean.strip(" -+*_“\""),
                       name=text[m.start():mention_end].strip(" ,”\"*"), spans=[(m.start(), mention_end)])
        tv = _parse_time(text[mention_end:stop], base[mention_end:stop], year, context,
                         quarter_needs_preposition=True)
        lead = _LEAD_DATE.match(base, sent) if not tv else None
        if lead:  # "Ngày 03/10/2025, Bộ trưởng ... chủ trì buổi làm việc": the day opens the sentence
            tv = _parse_time(text[sent:m.start()], base[sent:m.start()], year, context)
        if tv:
            frame.time, frame.time_rank = tv, 1
        elif li in table_period:
            frame.time, frame.time_rank = table_period[li], 2
        anchors.append(frame)

    anchors.extend(_section_headings(text, base, lines, anchors, cfg))
    minutes = _minutes_frame(text, folded, base, lines, year, context, cfg)
    if minutes is not None:
        anchors.append(minutes)

    # table rows that name a review without the word "Hội nghị" ("Tham dự sơ kết công tác ...")
    for i, ln in enumerate(lines):
        raw = base[ln.start:ln.end]
        if "\t" not in raw or i not in table_period:
            continue
        offset = ln.start
        for cell in raw.split("\t"):
            c = cell.strip()
            for start_words, kind in cfg["row_starts"]:
                if c.startswith(start_words + " ") and not any(a.line == i for a in anchors):
                    s = offset + cell.index(c)
                    e = s + len(c)
                    anchors.append(_Frame(kind=kind, pos=s, line=i, scope=None, heading=False,
                                          name=text[s:e].strip(" ."), spans=[(s, e)],
                                          time=table_period[i], time_rank=2))
                    break
            offset += len(cell) + 1

    _fill_sections(text, base, lines, anchors, year, context, cfg)
    _fill_from_table_rows(text, base, lines, anchors, context)
    frames = _merge(anchors)
    for kind, s, e in loose:
        for f in frames:
            if f.kind == kind:
                f.spans.append((s, e))
                break
    out = []
    for f in frames:
        if f.kind == "other" and f.time is None:
            continue
        spans = sorted(set(f.spans))
        out.append(Conference(
            kind=f.kind, name=f.name or None, time=f.time, duration=f.duration, location=f.location,
            host=f.host, participants=f.participants, agenda=f.agenda, assignments=f.assignments,
            evidence=[ev for ev in (evidence(text, s, e) for s, e in spans) if ev.text]))
    return [c for c in out if c.evidence]


_LEAD_DATE = _rx(r"[ *_-]*(?:hôm nay,?[ ]*)?(?:vào[ ]+)?ngày[ ]+\d{1,2}[ ]*(?:/|-|tháng)")


def _section_labels(base: str, lines: list[_Line], i: int) -> bool:
    """Whether the section under heading ``i`` says when, where or who attends (its own labelled lines)."""
    level = lines[i].level or 0
    for ln in lines[i + 1:i + 40]:
        if ln.level is not None and ln.level <= level:
            return False
        raw = base[ln.start:ln.end]
        label = _NUMBERING.sub("", raw, count=1)
        if _TIME_LABEL.match(raw) or _PLACE_LABEL.match(raw) or _SUBSECTION[0][0].match(label):
            return True
    return False


def _section_headings(text: str, base: str, lines: list[_Line], anchors: list[_Frame], cfg: dict) -> list[_Frame]:
    """A numbered heading that names a meeting without the word "Hội nghị" ("1. Tổ chức phát động thi đua")
    opens a frame when its own section gives the meeting's time, place or participants."""
    out: list[_Frame] = []
    taken = {a.line for a in anchors}
    for i, ln in enumerate(lines):
        if ln.level is None or i in taken:
            continue
        raw = base[ln.start:ln.end]
        label = _NUMBERING.sub("", raw, count=1)
        for words, kind in cfg["heading_starts"]:
            if label.startswith(words + " ") and _section_labels(base, lines, i):
                s = ln.start + len(raw) - len(label)
                out.append(_Frame(kind=kind, pos=s, line=i, scope=i, heading=True,
                                  name=text[s:ln.end].strip(" .*"), spans=[(s, ln.end)]))
                break
    return out


_AT = _rx(r"(?<!\w)tại[ ]*:?[ ]*")


def _minutes_frame(text: str, folded: str, base: str, lines: list[_Line], year: int | None,
                   context: DocContext | None, cfg: dict) -> _Frame | None:
    """The meeting that minutes (biên bản) record: time and place from the opening ("Hôm nay, vào lúc 14 giờ
    ngày 26/9/2025, tại ..."; "Vào hồi 9 giờ ngày ... / Tại: ..."), kind from the title or opening."""
    title = next((i for i, ln in enumerate(lines[:40]) if cfg["minutes_rx"].match(base, ln.start)
                  and ln.end - ln.start < 200), None)
    if title is None:
        return None
    zone_end = lines[min(title + 15, len(lines) - 1)].end
    m = cfg["opening_rx"].search(base, lines[title].start, zone_end)
    if m is None:
        return None
    start = m.start() + len(base[m.start():m.end()]) - len(base[m.start():m.end()].lstrip(" *_-"))
    eol = base.find("\n", m.end())
    eol = len(base) if eol == -1 else eol
    tv = _parse_time(text[start:eol], base[start:eol], year, context)
    if tv is None:
        return None
    kind = "other"
    for h in cfg["head_rx"].finditer(base, lines[title].start, eol):
        k, _ = _kind_at(folded, base, h.start(), h.end(), cfg)
        if k is not None and k != "other":
            kind = k
            break
    frame = _Frame(kind=kind, pos=start, line=title, scope=None, heading=False,
                   name=" ".join(text[lines[title].start:m.start()].split()).strip(" *_"), spans=[(start, eol)],
                   time=tv, time_rank=0, duration=None)
    at = _AT.search(base, start, eol)
    if at is None:  # the place on the next line: "Tại: Hội trường ..." / "Địa điểm: ..."
        nxt = base.find("\n", eol + 1)
        nxt = len(base) if nxt == -1 else nxt
        at = _AT.match(base, eol + 1, nxt) or _PLACE_LABEL.match(base, eol + 1, nxt)
        if at is not None:
            eol = nxt
            frame.spans.append((at.start(), nxt))
    if at is not None:
        cut = cfg["place_end_rx"].search(base, at.end(), eol)
        frame.location = _location(text[at.end():cut.start() if cut else eol])
    return frame


_COLUMN_ROLE = [(_rx(r"chỉ đạo"), "director"), (_rx(r"phối hợp"), "support"),
                (_rx(r"chủ trì|thực hiện|chịu trách nhiệm"), "lead")]
_CELL_SPLIT = re.compile(r";")  # not " - ": "Ban Thi đua - Khen thưởng" is one name


def _fill_from_table_rows(text: str, base: str, lines: list[_Line], anchors: list[_Frame],
                          context: DocContext | None) -> None:
    """A meeting in a table row (STT | Nội dung | Đơn vị chỉ đạo | Đơn vị thực hiện | Đơn vị phối hợp) takes
    its units from the row, by the roles the header row gives the columns."""
    rows = {a.line: a for a in anchors if "\t" in base[lines[a.line].start:lines[a.line].end]}
    if not rows:
        return
    columns: dict[int, str] = {}
    for i, ln in enumerate(lines):
        raw = base[ln.start:ln.end]
        if "\t" not in raw:
            if raw.strip():
                columns = {}  # the table has ended
            continue
        cells = raw.split("\t")
        if _MEETING_WORD.search(raw) is None and sum(1 for c in cells if _CONTENT_COL.search(c)) \
                and any(rx.search(c) for c in cells for rx, _ in _COLUMN_ROLE):
            columns = {}
            for j, c in enumerate(cells):
                role = None if _CONTENT_COL.search(c) else next(
                    (r for rx, r in _COLUMN_ROLE if rx.search(c) and len(c) < 40), None)
                if role:
                    columns[j] = role
            continue
        frame = rows.get(i)
        if frame is None or not columns:
            continue
        offset = ln.start
        for j, cell in enumerate(text[ln.start:ln.end].split("\t")):
            role = columns.get(j)
            for part in (_CELL_SPLIT.split(cell) if role else []):
                part = part.strip(" -+.,")
                if len(part) < 3:
                    continue
                unit = _unit_name(part, context)
                frame.assignments.append(Assignment(unit=unit, role=role, action=frame.name[:200] or None,
                                                    evidence=[evidence(text, offset, offset + len(cell))]))
                if role == "lead" and unit not in frame.host:
                    frame.host.append(unit)
            offset += len(cell) + 1


_CONTENT_COL = _rx(r"nội dung|stt|công việc")


def _chain(lines: list[_Line], i: int) -> list[int]:
    out = [i] if lines[i].level is not None else []
    p = lines[i].parent
    while p is not None:
        out.append(p)
        p = lines[p].parent
    return out


_NUMBERING = re.compile(r"^[\W\d]*?(?:(?:[ivxl]+|\d+(?:\.\d+)*)\.|[a-zđ]\))?[ *_]*")
_MEETING_WORD = _rx(r"hội nghị|đại hội|cuộc họp")
_AT_PLACE = _rx(r"(?<!\w)tại[ ]+(.+)$")


def _fill_sections(text: str, folded: str, lines: list[_Line], anchors: list[_Frame], year: int | None,
                   context: DocContext | None, cfg: dict) -> None:
    """Time, duration, place and the Thành phần / Nội dung / Phân công parts from each meeting's section."""
    by_scope: dict[int, _Frame] = {}
    for a in anchors:
        if a.scope is not None and a.scope not in by_scope:
            by_scope[a.scope] = a
    kinds = {a.kind for a in anchors}
    doc_frame = anchors[0] if len(kinds) == 1 and anchors else None
    title_frame = _title_frame(lines, anchors)
    bare_heads = {i for i, ln in enumerate(lines) if ln.level is not None
                  and _MEETING_WORD.search(folded[ln.start:ln.end])}
    slot_heads = {i for i, ln in enumerate(lines) if ln.level is not None
                  and cfg["slot_head_rx"].match(_NUMBERING.sub("", folded[ln.start:ln.end], count=1))}
    part: dict[int, tuple[str, _Frame]] = {}
    for i, ln in enumerate(lines):
        raw = folded[ln.start:ln.end]
        chain = _chain(lines, i)
        owner = next((by_scope[c] for c in chain if c in by_scope), None)
        if owner is None and doc_frame is not None and any(c in bare_heads for c in chain):
            owner = doc_frame  # a "Thời gian, địa điểm tổ chức Hội nghị" section of a one-meeting plan
        if owner is None and title_frame is not None and any(c in slot_heads for c in chain):
            owner = title_frame  # "II. THỜI GIAN, ĐỊA ĐIỂM" of a plan whose title is the meeting
        if owner is None:
            continue
        tm = _TIME_LABEL.match(raw)
        if tm:
            vs, ve = _label_value(folded, lines, i, tm.end())
            value = folded[vs:ve]
            tv = None if cfg["recurring_rx"].search(value) else _parse_time(text[vs:ve], value, year, context)
            if tv and owner.time_rank > 0:
                owner.time, owner.time_rank = tv, 0
            owner.duration = owner.duration or _duration(value)
            place = _AT_PLACE.search(value)
            if place and "," in raw[:tm.end()] and not owner.location:
                owner.location = _location(text[vs + place.start():ve])
            owner.spans.append((vs, ve))
            continue
        pm = _PLACE_LABEL.match(raw)
        if pm:
            vs, ve = _label_value(folded, lines, i, pm.end())
            owner.location = owner.location or _location(text[vs:ve])
            owner.spans.append((vs, ve))
            continue
        if ln.level is not None and (ln.level >= 2 or owner is title_frame):
            label = _NUMBERING.sub("", raw, count=1)
            for rx, slot in _SUBSECTION:
                # a numbered section ("3. Thành phần:") only when it is that label; a sub-item may say more
                if (rx.match(label) if ln.level <= 2 else rx.search(raw[:60])):
                    part[i] = (slot, owner)
                    colon = raw.find(":")
                    inline = text[ln.start + colon + 1:ln.end].strip(" *_.") if colon != -1 else ""
                    if inline and slot == "participants":  # "4. Thành phần tham dự: Lãnh đạo Bộ; ..."
                        owner.participants.append(inline)
                    break
        sub = next(((s, o) for c in chain if c in part for s, o in [part[c]] if o is owner), None)
        if sub is None or ln.level is not None:
            continue
        item = text[ln.start:ln.end].strip(" -+*\t")
        if not item:
            continue
        slot, frame = sub
        if slot == "participants":
            frame.participants.append(item)
        elif slot == "agenda":
            frame.agenda.append(item)
        else:
            for rm in _ROLE.finditer(raw):
                unit = text[ln.start:ln.start + rm.start()].strip(" -+*,")
                if not unit or len(unit) > 200:
                    break
                role = _ROLE_OF[rm.group(1)]
                frame.assignments.append(Assignment(unit=_unit_name(unit), role=role, action=item[:200],
                                                    evidence=[evidence(text, ln.start, ln.end)]))
                if role == "lead" and _unit_name(unit) not in frame.host:
                    frame.host.append(_unit_name(unit))
                break




def _title_frame(lines: list[_Line], anchors: list[_Frame]) -> _Frame | None:
    """The meeting a document's title names ("KẾ HOẠCH / Tổ chức Hội nghị tổng kết ..."): one kind of meeting
    anchored before the first numbered heading."""
    first = next((i for i, ln in enumerate(lines) if ln.level is not None), len(lines))
    title = [a for a in anchors if a.line < min(first, 30)]
    return title[0] if title and len({a.kind for a in title}) == 1 else None


def _label_value(folded: str, lines: list[_Line], i: int, label_end: int) -> tuple[int, int]:
    """The span of a label's value: the rest of its line, or the next line when the label stands alone
    ("Thời gian:" / "Ngày 20 tháng 12 năm 2025")."""
    ln = lines[i]
    vs = ln.start + label_end
    if folded[vs:ln.end].strip(" *_") or i + 1 >= len(lines):
        return vs, ln.end
    nxt = lines[i + 1]
    raw = folded[nxt.start:nxt.end]
    if nxt.level is not None or _TIME_LABEL.match(raw) or _PLACE_LABEL.match(raw) or not raw.strip():
        return vs, ln.end
    return nxt.start, nxt.end


def _merge(anchors: list[_Frame]) -> list[_Frame]:
    """One frame per meeting: same kind and same time, or same kind and one without a time."""
    timed: list[_Frame] = []
    untimed: list[_Frame] = []
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


def _absorb(into: _Frame, other: _Frame) -> None:
    into.spans.extend(other.spans)
    if other.pos < into.pos and other.time is not None and into.time is None:
        into.time = other.time
    into.duration = into.duration or other.duration
    into.location = into.location or other.location
    for attr in ("host", "participants", "agenda"):
        for x in getattr(other, attr):
            if x not in getattr(into, attr):
                getattr(into, attr).append(x)
    into.assignments.extend(other.assignments)
    if len(other.name) > len(into.name) and other.heading:
        into.name = other.name
