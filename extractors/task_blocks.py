"""Task blocks: a numbered title, then labelled lines that say what, who and when.

    1.1. Xây dựng cơ sở dữ liệu ...            (the title)
    a) Nhiệm vụ: ...                          (the description; when empty, the first item below it)
    b) Cơ quan thực hiện:                     (a label over the next two, or a clause: "X chủ trì ...; Y ...")
    - Đơn vị chủ trì: Sở A, Sở B.             (lead)
    - Đơn vị phối hợp: Các sở, ban, ngành.    (support)
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

Labels are the header words of assignment tables (``unit_heads.yaml: table_columns``); blank lines and wrapped
lines of a web copy do not break a block. Tasks and units both read the blocks (:meth:`DocumentView.shared`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.context import DocContext
from extractors.lexicon import read_yaml
from extractors.names import find_unit_mentions
from extractors.task_tables import column_kind
from extractors.text.lines import goes_on_paragraph, joined
from extractors.unit_words import alternation, unit_words
from extractors.view import DocumentView

ROLE_KINDS = ("lead", "support", "director")
_LABEL_VALUE = re.compile(r"^([^:\n]{3,45}):[ *_]*(.*)$")
_PARENS = re.compile(r"\([^()]*\)")


@dataclass
class RoleItem:
    role: str
    start: int
    end: int
    surface: str
    is_unit: bool  # a unit mention, else a collective in the block's own words ("Các sở, ban, ngành")


@dataclass
class TaskBlock:
    start: int
    end: int
    title: str | None = None
    description: str | None = None
    roles: list[RoleItem] = field(default_factory=list)
    role_lines: list[int] = field(default_factory=list)  # starts of the lines that name who (they say it all)
    time: str | None = None        # the value of the time label, as printed
    timed: bool = False
    pending: bool = False          # a description label with an empty value: the next item is the description

    @property
    def text(self) -> str:
        return self.description or self.title or ""

    def has(self, role: str) -> bool:
        return any(r.role == role for r in self.roles)

    @property
    def assigns(self) -> bool:
        """A block names who leads (or directs) and when or with whom: "Thời gian" alone is a meeting's or a
        step's, "Cơ quan thực hiện" alone a procedure's."""
        return bool(self.text) and (self.has("lead") or self.has("director")) and (self.timed or self.has("support"))


@lru_cache(maxsize=1)
def _words() -> dict:
    d = read_yaml("task_words.yaml")
    return {
        "support": re.compile(rf"(?i)(?<!\w)(?:{alternation(d['support_cues'], longest_first=True)})(?!\w)"),
        # a collective in a list of who does it: "các sở, ban, ngành Thành phố", up to a verb or a preposition
        # (a head that is also a verb, followed by a comma, is one more body of the list: "các cơ quan, tổ chức, đơn vị")
        "collective": re.compile(rf"(?<!\w)(?i:{alternation(d['collective_openers'], longest_first=True)})[ ]+\w[^;:.()]{{0,70}}?(?=[ ,]*(?:[;:.()]|$)|[ ]+"
                                 rf"(?!(?:{alternation(d['collective_heads'], longest_first=True)}),)(?:"
                                 rf"{alternation(d['collective_ends'] + d['clause_verbs'], longest_first=True)})(?!\w))"),
        "collective_close": re.compile(rf"(?<!\w)(?:{alternation(d['collective_closers'], longest_first=True)})(?!\w)"),
        "person": re.compile(rf"[ *_]*(?:{alternation(d['person_titles'])})[ ]"),
        # the list of who does it ends at its verb ("Sở A chủ trì tham mưu UBND tỉnh ...")
        "list_end": re.compile(rf"(?i)(?<!\w)(?:{alternation(d['lead_cues'] + d['clause_verbs'], longest_first=True)})"
                               rf"(?!\w)"),
    }


@lru_cache(maxsize=1)
def list_item() -> re.Pattern[str]:
    """An item of a list: "a) ", "1. ", "1.2. ", "- ", "+ ", "• ", "(ii) ", "(3) ", with the bold marks of a web
    copy ("**3.** ", "**- **Triển khai ...")."""
    letter = unit_words()['list_letter']
    return re.compile(rf"^[ \t]*(?:[*_]{{1,2}})?(?:{letter}\)|\((?:[ivx]{{1,5}}|\d{{1,2}}|{letter})\)|"
                      rf"\d{{1,2}}(?:\.\d{{1,2}})*\.|[-+•])"
                      rf"(?:[*_]{{1,2}})?[ ]*(?=\S)")


def goes_on_item(prev: str, follow: str) -> bool:
    """The paragraph rule of the text layer, reading past the quotes and emphasis marks a wrapped line of a
    web copy may open with ("... phát huy\n“3 ca, 4 kíp” ...", "... khẩn\n*trương ...*")."""
    core = follow.lstrip().lstrip("*_“\"'(")
    return bool(core) and goes_on_paragraph(prev, core)


def label_of(body: str) -> tuple[str, int] | None:
    """(column kind, offset of the value in ``body``) of a labelled line ("Đơn vị chủ trì: Sở Nội vụ")."""
    lv = _LABEL_VALUE.match(body.replace("*", " "))
    if not lv:
        return None
    kind = column_kind(lv.group(1).strip(" -+*_"))
    return (kind, lv.start(2)) if kind else None


def role_items(text: str, start: int, end: int, role: str) -> list[RoleItem]:
    """Who a label's value names, as spans into ``text``: unit mentions and collectives. A value may be a
    clause ("Sở A chủ trì tham mưu UBND tỉnh ...; Sở B và các sở, ngành chủ động ..."): who does it is the list
    that opens each clause, and in a lead's value the units after "phối hợp (với)" support. What a body is
    named after in parentheses ("Trung tâm X (Sở Nội vụ)") is no one of the list."""
    w = _words()
    out: list[RoleItem] = []
    if w["person"].match(text, start, end):
        return out  # "Chủ trì cuộc họp: Đ/c ...": the person who chairs a meeting
    pos = start
    for clause in re.split(r"(;)", text[start:end]):
        cs, ce = pos, pos + len(clause)
        pos = ce
        if clause == ";" or not clause.strip():
            continue
        masked = _PARENS.sub(lambda m: " " * len(m.group(0)), clause)
        found = [(cs + s, cs + e, surf, True) for s, e, surf in find_unit_mentions(masked)]
        gaps = zip([cs] + [e for _, e, _, _ in found], [s for s, _, _, _ in found] + [ce])
        for a, b in list(gaps):
            for m in w["collective"].finditer(masked[a - cs:b - cs]):
                close = w["collective_close"].search(m.group(0))  # "các cơ quan liên quan[ xem xét ...]"
                got = m.group(0)[:close.end()] if close else m.group(0)
                found.append((a + m.start(), a + m.start() + len(got.rstrip(" ,")), got.strip(" ,"), False))
        found.sort()
        if not found and 0 < len(masked.strip(" .,-+*")) <= 100:  # "Doanh nghiệp, nhà đầu tư": its own words
            core = masked.strip(" .,-+*")
            found = [(cs + masked.index(core), cs + masked.index(core) + len(core), core, False)]
        sm = w["support"].search(masked) if role == "lead" else None
        support_from = cs + sm.end() if sm else ce
        prev = cs
        listing = True
        for s, e, surf, is_unit in found:
            gap = masked[prev - cs:s - cs]
            listing = listing and not w["list_end"].search(gap)
            if s >= support_from:
                out.append(RoleItem("support", s, e, surf, is_unit))
            elif listing:
                out.append(RoleItem(role, s, e, surf, is_unit))
            prev = e
    return out


def task_blocks(view: DocumentView, context: DocContext | None = None) -> list[TaskBlock]:
    """The document's task blocks, for :meth:`DocumentView.shared` (tasks and units both read them)."""
    return find_task_blocks(view.text)


def find_task_blocks(text: str) -> list[TaskBlock]:
    """Every run of labelled lines (description, roles, time) with the title above it."""
    flat = joined(text, goes_on_item)  # hard-wrapped lines as one; same offsets
    blocks: list[TaskBlock] = []
    cur: TaskBlock | None = None
    title: tuple[int, int, str] | None = None
    pos = 0
    for line in flat.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if "\t" in line or " | " in line:
            cur = title = None
            continue
        item = list_item().match(line)
        body_start = start + (item.end() if item else len(line) - len(line.lstrip()))
        body = flat[body_start:end]
        label = label_of(body)
        labelled = _LABEL_VALUE.match(body.replace("*", " "))
        if label and label[0] in ("description", "time", *ROLE_KINDS):
            kind, vs = label
            vs += body_start
            value = flat[vs:end].strip(" *_.")
            if cur is not None and kind == "description" and (cur.roles or cur.timed):
                blocks.append(cur)  # the next task's description: no title between them
                cur = None
            if cur is None:
                cur = TaskBlock(start=title[0] if title else body_start, end=end, title=title[2] if title else None)
                title = None
            cur.end = end
            if kind == "description":
                cur.description, cur.pending = (value or None), not value
            elif kind == "time":
                cur.time, cur.timed = value, True
            else:
                cur.roles.extend(role_items(flat, vs, end, kind))
                cur.role_lines.append(start)
            continue
        if cur is not None and not cur.roles and not cur.timed and (cur.pending or cur.description or item):
            if cur.pending:  # "a) Nhiệm vụ:" and the task below it
                cur.description, cur.pending = body.strip(" *_-+•"), False
            cur.end = end
            continue  # more items of the description
        if cur is not None and labelled and len(labelled.group(1).split()) <= 4 and \
                (not item or item.group(0).strip(" *_") in "-+•"):
            cur.end = end  # another label of the block ("- Sản phẩm: ..."), not a new numbered item
            continue
        if cur is not None:
            blocks.append(cur)
            cur = None
        # a title is a numbered or bold line, not another label's line ("- Số lượng hồ sơ: 01 bộ")
        heading = (item or line.lstrip().startswith(("**", "__"))) and not (labelled and len(labelled.group(1)) <= 30)
        title = (body_start, end, body.strip(" *_:")) if heading and body.strip(" *_:") else None
    if cur is not None:
        blocks.append(cur)
    return blocks
