"""Where in a document unit mentions hold no role, and the line layout the units extractor reads: recipient
lists (Nơi nhận), appended lists of names, numbered entries of such lists, run-on lines of web copies, bold
headings broken over lines; what after a subject gives it a role or none (an insertion, a list of provinces)."""
from __future__ import annotations

import re
from bisect import bisect_left

from extractors.evidence import replace_at
from extractors.names import canonical_province
from extractors.text import LOWER_CLASS, PLACE_DESIGNATOR, UPPER_CLASS
from extractors.unit_words import unit_words


# a numbered entry of a list of names, numbers as OCR reads them too: "5.", "4ó.", "A4.", "§ó.", "520."
_ENTRY_NUMBER = re.compile(r"[ \t]*[\w§]{1,4}[.)]+[ \t]+")


class MentionSpans(dict):
    """Unit mentions by start offset, with a sorted index for "which mentions start in [a, b)"."""

    def __init__(self, mentions) -> None:
        super().__init__((s, (s, e, surf)) for s, e, surf in mentions)
        self.starts = sorted(self)

    def within(self, a: int, b: int) -> list[int]:
        return self.starts[bisect_left(self.starts, a):bisect_left(self.starts, b)]


def list_entries(text: str, by_start: "MentionSpans") -> set[int]:
    """Starts of the lines that are entries of a list of names: three or more numbered lines in a row (blank
    lines between them allowed), each a unit name with at most a few words after it and no ": duty". Such a
    list names recipients (of an award, of a recognition), never who acts, even when its heading is lost."""
    out: set[int] = set()
    run: list[int] = []
    pos = 0
    for line in text.split("\n") + ["."]:  # the final "." closes the last run
        ls, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        m = _ENTRY_NUMBER.match(line)
        hit = by_start.get(ls + m.end()) if m else None
        le = ls + len(line)
        if hit:  # a parent body closing the entry ("1. Phòng Kế hoạch, Sở Y tế tỉnh X") is not words after it
            le = _parent_tail(text, hit[1], le, by_start)
        rest = text[hit[1]:le].strip(" ;,.:") if hit else ""
        if hit and "\t" not in line and ":" not in rest and len(rest.split()) <= 6:
            run.append(ls)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _parent_tail(text: str, a: int, le: int, by_start: "MentionSpans") -> int:
    """Where the words after an entry's first name end: before a last mention that follows ", " and runs to
    the line's end (the body the entry belongs to), else at the line's end."""
    later = by_start.within(a + 1, le)
    if later:
        s, e, _ = by_start[later[-1]]
        if text[s - 2:s] == ", " and not text[e:le].strip(" ;,.:"):
            return s
    return le


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Recipient lists (Nơi nhận) and an appended list of names (recipients, without roles): units there hold
    no role."""
    spans = []
    for m in unit_words()["recipients"].finditer(text):
        pos = text.find("\n", m.start())
        pos = len(text) if pos < 0 else pos
        while pos < len(text):
            nxt = text.find("\n", pos + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[pos + 1:nxt].strip()
            if line and not line.startswith(("-", "+", "•")):
                break
            pos = nxt
        spans.append((m.start(), pos))
    lists = unit_words()["name_list"].search(text)
    if lists:
        spans.append((lists.start(), len(text)))
    return spans


_RUN_ON = 600  # a line this long with list dashes inside is a page whose line breaks were lost
_INLINE_ITEM = re.compile(rf" (?=[-+] {UPPER_CLASS})")


def split_run_on(text: str, by_start: "MentionSpans") -> str:
    """``text`` with a run-on line (a web copy that lost its line breaks) broken before each inline list item
    ("...huyện, thành phố - Phòng Giáo dục ...") so that each item reads as a line. A dash inside a unit name
    ("Thi đua - Khen thưởng") is kept. Offsets are kept: a space becomes a line break."""
    if len(text) < _RUN_ON or not any(len(line) >= _RUN_ON for line in text.split("\n")):
        return text
    cuts = []
    for m in _INLINE_ITEM.finditer(text):
        p = m.start()
        before = by_start.within(max(0, p - 300), p + 1)
        if any(by_start[b][1] > p for b in before):
            continue
        ls = text.rfind("\n", 0, p) + 1
        le = text.find("\n", p)
        if (le if le >= 0 else len(text)) - ls >= _RUN_ON:
            cuts.append(p)
    return replace_at(text, cuts, "\n") if cuts else text


_BOLD = re.compile(r"\*\*(?=[^*\s])([^*]{1,160}?)\*\*")
_LIST_MARK_AT_LINE = re.compile(r"\n[ \t]*[-+•]")


def bold_breaks_joined(text: str) -> str:
    """``text`` with the line breaks inside a bold span read as spaces: a web copy breaks a heading anywhere,
    even over a blank line ("**3. Sở Văn hóa,\\n\\nThể thao và Du lịch**", "**2. Ban Quản lý Khu kinh tế\\nVân
    Phong**"). A span of more than one blank line, or with a list item inside, is no heading. Offsets are kept."""
    if "**" not in text:
        return text
    cuts = []
    for m in _BOLD.finditer(text):
        inner = m.group(1)
        if "\n" in inner and inner.count("\n") <= 2 and "\n\n\n" not in inner and not _LIST_MARK_AT_LINE.search(inner):
            cuts.extend(m.start(1) + i for i, c in enumerate(inner) if c == "\n")
    return replace_at(text, cuts, " ") if cuts else text


# --- what follows a subject -------------------------------------------------------------------------

def only_provinces(rest: str) -> bool:
    """ "...: Hà Tĩnh, Quảng Trị, Huế." after an addressee ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: ..."): the
    provinces it stands for, not its duties."""
    parts = [x.strip(" .") for x in unit_words()["separator"].split(rest.strip())]
    return all(x and canonical_province(x) for x in parts)


def role_after_insertion(text: str, last: int, le: int) -> str | None:
    """The role a subject takes from a verb after an insertion: "Sở Tài chính, trên cơ sở đề xuất của các đơn
    vị, chủ trì ..." leads; so does "Các Tập đoàn ... theo chức năng, nhiệm vụ, trao đổi, phối hợp chặt chẽ với
    Tỉnh ...": a subject with its own mandate does the work (the annotated sets read it so)."""
    w = unit_words()
    m = w["insertion"].match(text, last, le)
    v = w["insertion_verb"].search(text, m.end(), le) if m else None
    if not v:
        return None
    return "director" if v.group("verb").lower().startswith(w["subject_director"]) else "lead"


def place_of(name: str) -> str | None:
    m = re.search(r"\b" + PLACE_DESIGNATOR + r"[ ]+(.+)$", name)
    if m:
        return canonical_province(m.group(1)) or m.group(1)
    return None


def guess_province(text: str) -> str | None:
    """The issuing province from the place-and-date line ("Bắc Ninh, ngày ...") when the header gave none."""
    m = unit_words()["place_date"].search(text[:3000])
    if m:
        return canonical_province(m.group(1).strip())
    return None


def directs(text: str, p: int, le: int) -> bool:
    """Whether the verb at ``p`` directs: "chỉ đạo ...", "tập trung lãnh đạo, chỉ đạo ..." """
    return text[p:le].lstrip().lower().startswith(unit_words()["subject_director"])


def supports(text: str, p: int, le: int) -> bool:
    """Whether the verb at ``p`` helps another's work: "phối hợp thực hiện ...", not "phối hợp với Y ...", "phối hợp
    Hạt Kiểm lâm ..." (the subject does the work with Y)."""
    rest = text[p:le].lstrip()
    low = rest.lower()
    w = unit_words()
    verb = next((v for v in w["subject_support"] if low.startswith(v)), None)
    return verb is not None and not w["subject_support_lead"].match(low) and not rest[len(verb):].lstrip()[:1].isupper()


def duty_roles(duty: str, holders: list[tuple], col) -> None:
    """The roles a duty under a heading gives the units heading it: a duty (or a sentence of it) that opens with
    "Chỉ đạo" makes them directors, one that opens with "Phối hợp (với Y)" supporters."""
    w = unit_words()
    for key, role in (("duty_director", "director"), ("duty_support", "support")):
        if role == "director":
            m = w[key].search(duty)
        else:  # at the duty's start, or a later sentence's with a named partner ("...; phối hợp với Sở Y tế ...");
            # "Phối hợp với các cơ quan liên quan ...": working with whoever is concerned is no one's support
            m = w[key].match(duty) or w["named_partner"].search(duty)
            m = m if m and not w["generic_partner"].match(duty, m.end()) else None
        if m:
            for got, s, e, surf in holders:
                col.add(got, role, s, e, surf)


# the end of a sentence inside a line: a stop after a word or a number, then a capital ("TP. Hồ Chí Minh" is none)
SENTENCE_END = re.compile(rf"(?<={LOWER_CLASS}|[\d)])\.[ ]+(?={UPPER_CLASS})")

_PHRASE_SPAN = 200  # how far a subordinate phrase before the subject may run to its comma


def after_phrase(text: str, p: int, le: int, by_start: "MentionSpans") -> int:
    """Where the subject starts after a subordinate phrase ("Để triển khai có hiệu quả, Sở Tư pháp ...", "Đối với
    ... thì Tổ công tác cấp xã ..."): after the first comma (or "thì") of the phrase that a unit follows; ``p``
    when none does."""
    stop = SENTENCE_END.search(text, p, le)  # the phrase and its subject are in one sentence
    w = unit_words()
    for m in w["phrase_close"].finditer(text, p, min(stop.start() if stop else le, p + _PHRASE_SPAN)):
        # not a comma inside a list of bodies that act in the phrase ("Đối với đề án do Tỉnh ủy, Hội đồng nhân dân
        # tỉnh yêu cầu, Liên hiệp ... lập dự toán"); a body the phrase names after "của" ends it
        before = [a for a in by_start.within(p, m.start()) if by_start[a][1] == m.start()]
        if before and not w["modifier_before"].search(text, p, before[-1]):
            continue
        if m.end() in by_start:
            return m.end()
    # "3. Đối với Ủy ban nhân dân cấp xã:": a heading over the unit's duties
    q = unit_words()["phrase_opener"].match(text, p, le).end()
    if q in by_start and not text[by_start[q][1]:le].strip(" :"):
        return q
    return p
