"""A head given to every item of a colon list: "các Bộ: Tài chính, Công an, Tư pháp" names three ministries,
"các Tập đoàn, Tổng công ty: Điện lực Việt Nam (EVN), Cảng Hàng không Việt Nam (ACV)" a state group and a
corporation. Each item is read where the text prints it; the reference list of public bodies only says which
of several heads an item takes and where an item with lower-case words ends."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names.grammar import place_after_re
from extractors.names.lexicon import (AND, COLLECTIVE, WORDS, heads_data, lexicon_words, positions_alternation,
                                      reference_rows)
from extractors.text import UPPER_CLASS, either_case_first, name_key, starting_with

# lower-case syllables an item may hold between two capitalised words ("Bưu chính viễn thông Việt Nam"); more
# end the list: they are the clause's verb ("... Viễn thông Quân đội tổ chức triển khai")
_LOWER_RUN = 2
# lower-case syllables an item may end with when the list's punctuation follows them ("Quản lý thị trường,")
_LOWER_TAIL = 4
# spaces with at most one line break: a list and its items run on over a wrapped line ("các Cục: Đường sắt Việt
# Nam, Hàng\nhải và Đường thủy Việt Nam"), never over a blank line
_GAP = r"[ ]*(?:\n[ ]*)?"
# after the list's colon, the items may stand in the next cell of a layout table: over a blank or a layout line
# ("- Bộ trưởng các Bộ:\n|\nQuốc phòng, Công an", "... các Bộ:\n\nQuốc phòng, Công an")
_AFTER_COLON = r"[ ]*(?:\n[ |*]*\n)?[ ]*(?:\n[ ]*)?"
_TOKEN = re.compile(rf"{_GAP}(?:(?P<dash>[-–])|(?P<word>[\w&]+))")
_ABBREVIATION = re.compile(rf"{_GAP}\([^()\n]{{1,20}}\)")  # "Điện lực Việt Nam (EVN)"
_NEXT_ITEM = re.compile(rf"[ ]*,{_GAP}{UPPER_CLASS}")  # a comma, then the next item
_JOINT = re.compile(rf"[ \n]{AND}[ \n]")  # "Nội vụ và\nTài chính": two items joined over a wrapped line
_SEPARATOR = re.compile(rf"[ ]*,{_GAP}|{_GAP}(?<=[ \n]){AND}{_GAP}(?<=[ \n])")


@lru_cache(maxsize=1)
def _list_open() -> re.Pattern:
    heads = "|".join(either_case_first(h.lower()) for h in sorted(WORDS["list_heads"], key=len, reverse=True))
    head = rf"(?:{heads})(?![\w&])"
    other = "|".join(re.escape(w) for w in sorted(WORDS["list_other_heads"], key=len, reverse=True))
    return re.compile(rf"{starting_with([COLLECTIVE], either_case=True)}(?<![\w&]){either_case_first(COLLECTIVE)}{_GAP}(?<=[ \n])(?P<heads>{head}(?:[ ]*,{_GAP}{head})*)"
                      rf"(?:[ ]*,{_GAP}(?:{other})(?![\w&]))*[ ]*:{_AFTER_COLON}")


@lru_cache(maxsize=1)
def _name_type() -> re.Pattern:
    """The kinds of schools and companies an item may open with, lower-case syllables and all ("Trung học phổ
    thông Lam Sơn", "Cổ phần Xây dựng 47"): more lower-case syllables than an item holds elsewhere."""
    types = sorted(heads_data()["name_types"], key=len, reverse=True)
    kinds = "|".join(_GAP.join(map(re.escape, t.split())) for t in types)
    return re.compile(rf"(?:{kinds})(?![\w&])")


@lru_cache(maxsize=1)
def _known_keys() -> frozenset[str]:
    """Name keys of the reference bodies and of the sectors: what "head + item" or an item may be."""
    d = heads_data()
    return frozenset(name_key(n) for n in [*(n for n, _ in reference_rows()), *d["sectors"]])


@lru_cache(maxsize=1)
def _reference_rests() -> dict[str, tuple[str, ...]]:
    """head key -> what the reference names with that head print after it, longest first."""
    out: dict[str, set[str]] = {}
    for h in WORDS["list_heads"]:
        for n, _ in reference_rows():
            if n.startswith(h + " "):
                out.setdefault(name_key(h), set()).add(n[len(h) + 1:])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _own_heads() -> tuple[str, ...]:
    """The heads an item may print itself, longest first: "các Bộ, cơ quan: Tài chính, Tập đoàn Điện lực Việt Nam"."""
    return tuple(sorted(heads_data()["heads"], key=len, reverse=True))


def _named(heads: list[str], head: str, item: str) -> str:
    """The item with its head: the list's, unless the item prints a head of its own before more words ("Cục
    C07", "Tập đoàn Điện lực Việt Nam", "Văn phòng Chính phủ") that the list's head does not make a known body of."""
    if any(item.startswith(h + " ") for h in heads):
        return item
    own = next((h for h in _own_heads() if item.startswith(h + " ")), None)
    if own and name_key(f"{head} {item}") not in _known_keys():
        return item
    return f"{head} {item}"


def _known(head: str, item: str) -> bool:
    return name_key(f"{head} {item}") in _known_keys() or name_key(item) in _known_keys()


def _item_end(text: str, p: int) -> int:
    """The end of the item that starts at ``p`` (a capitalised word), or ``p`` when none starts there.

    Lower-case syllables after the last capitalised word belong to the item where the item ends with them (a
    few, then the list's punctuation: "Quản lý thị trường,") or where they finish its word ("Nông| dân",
    "Tài| chính" before the clause's verb): an official name capitalises only the first syllable of a part."""
    first = _TOKEN.match(text, p)
    if not first or not first.group("word") or not first.group("word")[0].isupper() or first.start("word") != p:
        return p
    kind = _name_type().match(text, p)
    end = q = kind.end() if kind else first.end()
    last = text[p:end].split()[-1].lower()
    lower: list[tuple[str, int]] = []  # the lower-case syllables since the last capitalised word, with their ends
    while True:
        t = _TOKEN.match(text, q)
        word = t.group("word") if t else None
        if t and (t.group("dash") or word == AND):  # a dash or "và" inside a name: a capitalised word follows
            nxt = _TOKEN.match(text, t.end())
            if nxt and nxt.group("word") and nxt.group("word")[0].isupper() and len(lower) <= _LOWER_RUN:
                end = q = nxt.end()
                last, lower = nxt.group("word").lower(), []
                continue
        elif word and word[0].isupper() and len(lower) <= _LOWER_RUN:
            end = q = t.end()
            last, lower = word.lower(), []
            continue
        elif word and len(lower) < _LOWER_TAIL:
            lower.append((word.lower(), t.end()))
            q = t.end()
            continue
        if lower and not word and _NEXT_ITEM.match(text, q):
            return lower[-1][1]  # the item ends where the list goes on
        words = lexicon_words()
        for k in range(min(len(lower), _LOWER_RUN), 0, -1):
            if " ".join([last, *(w for w, _ in lower[:k])]) in words:
                return lower[k - 1][1]
        return end


def _from_reference(text: str, p: int, end: int, heads: list[str]) -> int:
    """``end`` moved on to the end of a reference name one of ``heads`` makes with the text at ``p``
    ("Đầu tư phát triển đường cao tốc Việt Nam": more lower-case words than an item may hold)."""
    for h in heads:
        for rest in _reference_rests().get(name_key(h), ()):
            stop = p + len(rest)
            if stop > end and name_key(text[p:stop]) == name_key(rest) and not text[stop:stop + 1].isalnum():
                return stop
    return end


def _split_and(text: str, p: int, end: int, head: str) -> list[tuple[int, int]]:
    """The spans of an item that is two items joined by "và" ("Y tế và Công an"), unless the whole is a known
    name part ("Giáo dục và Đào tạo")."""
    joints = list(_JOINT.finditer(text, p, end))
    if not joints or _known(head, text[p:end]) or not _known(head, text[p:joints[-1].start()]):
        return [(p, end)]
    return [(p, joints[-1].start()), (joints[-1].end(), end)]


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    return re.compile(rf"(?:{positions_alternation()})(?!\w)")


def distribute_heads(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``mentions`` with every colon list of a head replaced by one mention per item: its span is the item as
    printed (the first one from "các"), its surface the head and the item ("Bộ Tài chính")."""
    added: list[tuple[int, int, str]] = []
    lists: list[tuple[int, int]] = []
    for m in _list_open().finditer(text):
        heads = [h.strip() for h in m.group("heads").split(",")]
        heads = [h[0].upper() + h[1:] for h in heads]
        p, start, items = m.end(), m.start(), []
        while True:
            end = _item_end(text, p)
            if end == p or _title_re().match(text, p):
                break  # "các Bộ: Tài chính, Công Thương và Thủ trưởng các cơ quan ...": a person's title ends the list
            end = _from_reference(text, p, end, heads)
            place = place_after_re().match(text, end)  # "Cục Thuế| tỉnh", "Sở Y tế| tỉnh Lào Cai"
            end = place.end() if place else end
            head = next((h for h in heads if _known(h, text[p:end])), heads[-1])
            for a, b in _split_and(text, p, end, head):
                if _title_re().match(text, a):
                    break
                item = " ".join(text[a:b].split())
                # an item may print its head itself: "các Cục: C07, Cục Kiểm tra văn bản"
                items.append((start if not items else a, b, _named(heads, head, item)))
            ab = _ABBREVIATION.match(text, end)
            stop = ab.end() if ab else end
            sep = _SEPARATOR.match(text, stop)
            if not sep:
                break
            p = sep.end()
        if items:
            added.extend(items)
            lists.append((start, items[-1][1]))
    if not added:
        return mentions
    kept = [x for x in mentions if not any(a < x[1] and x[0] < b for a, b in lists)]
    return sorted(kept + added)
