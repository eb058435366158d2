"""Bodies a document orders by naming them in a list rather than in a clause: the bodies a decision's closing
formula lists ("..., Giám đốc các Sở: Nội vụ, Tư pháp; ... chịu trách nhiệm thi hành Quyết định này") and the
addressees of a công điện ("THỦ TƯỚNG CHÍNH PHỦ điện: - Bộ trưởng các Bộ: ...; - Chủ tịch Ủy ban nhân dân các
tỉnh ..."), which the telegram's duties then address. Each lists mention starts; the units extractor gives them
the lead."""
from __future__ import annotations

import re

from extractors.unit_layout import MentionSpans
from extractors.unit_words import unit_words


def _listed(text: str, ls: int, end: int, by_start: MentionSpans, used: set[int]) -> list[int]:
    """The mentions of the items between ``ls`` and ``end``, whatever the punctuation between them; a body named
    after "thuộc", "của" belongs to another item."""
    w = unit_words()
    out = []
    for a in by_start.within(ls, end):
        item = max(text.rfind(",", ls, a), text.rfind(";", ls, a), text.rfind(":", ls, a), ls)
        if a not in used and not w["modifier_before"].search(text, item, a):
            out.append(a)
    return out


_LIST_LINES = 12  # the lines a closing formula's list may run back over


def executors(text: str, ls: int, le: int, by_start: MentionSpans, used: set[int]) -> list[int]:
    """The bodies the closing formula on the line ``ls``-``le`` lists ("... chịu trách nhiệm thi hành ..."), and
    those of the lines before it that end in ";": the list goes on over them ("Chánh Văn phòng ...; Giám đốc
    các Sở: ...;\nThủ trưởng các cơ quan ... chịu trách nhiệm thi hành")."""
    f = unit_words()["execution_formula"].search(text, ls, le)
    if not f:
        return []
    start = ls
    for _ in range(_LIST_LINES):
        prev = text.rfind("\n", 0, max(0, start - 1)) + 1
        if start and not text[prev:start - 1].strip() and prev:  # a blank line between the paragraphs
            prev = text.rfind("\n", 0, prev - 1) + 1
        if start == 0 or not text[prev:start].rstrip().endswith(";"):
            break
        start = prev
    return _listed(text, start, f.start(), by_start, used)


_LAYOUT = re.compile(r"[ \t|*]*$")  # a blank line or a table's layout line between the items
_ITEM = re.compile(r"[ \t*]*[-+•]")


def telegram_addressees(text: str, by_start: MentionSpans, used: set[int]) -> list[int]:
    """The bodies a công điện is addressed to: the dash items after its "<ISSUER> điện:" line and the lines they
    wrap onto, up to the first line of prose (a line that is no item, after an item that ended)."""
    out: list[int] = []
    for m in unit_words()["telegram_opening"].finditer(text):
        pos, ended = text.find("\n", m.end()), True
        while 0 <= pos < len(text):
            nxt = text.find("\n", pos + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[pos + 1:nxt]
            if not _LAYOUT.match(line):
                if not _ITEM.match(line) and ended:
                    break
                out += [a for a in _listed(text, pos + 1, nxt, by_start, used)
                        if not unit_words()["telegram_not_ordered"].match(by_start[a][2])]
                ended = line.rstrip(" *").endswith((";", "."))
            pos = nxt
    return out
