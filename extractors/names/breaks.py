"""A unit name broken over two lines: whether the line break (or a wrapped dash) falls inside a name."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names.lexicon import AND, canonical_province, heads_data, name_forms, standalone_heads
from extractors.text import PLACE_DESIGNATOR, name_key


@lru_cache(maxsize=1)
def _name_phrases() -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The word keys of every multi-word name part the lexicons know, each with whether it starts with a head."""
    out = {}
    for form, is_head in name_forms():
        words = tuple(name_key(form.replace("{province}", "").replace("{ministry}", "")).split())
        if len(words) >= 2:
            out[words] = out.get(words, False) or is_head
    return tuple(out.items())


@lru_cache(maxsize=1)
def _split_pairs() -> tuple[frozenset, frozenset]:
    """Every (end of a line, start of the next) in word keys that splits a known name part:
    ("giáo dục và", "đào tạo"), ("sở công", "thương"). The second set holds the splits whose left side
    starts at a head ("hội đồng thi đua", "khen thưởng"): only those may run into a line that starts with a
    dash, which otherwise opens a list item."""
    any_pair, head_pair = set(), set()
    for words, is_head in _name_phrases():
        n = len(words)
        for i in range(1, n):
            for a in range(max(0, i - 4), i):
                for b in range(i + 1, min(n, i + 4) + 1):
                    pair = (" ".join(words[a:i]), " ".join(words[i:b]))
                    any_pair.add(pair)
                    if is_head and a == 0:
                        head_pair.add(pair)
    return frozenset(any_pair), frozenset(head_pair)


@lru_cache(maxsize=1)
def _dash_joins() -> frozenset[tuple[str, str]]:
    """(left, right) word keys of every dash join inside a name the lexicons print ("Thi đua - Khen thưởng",
    "Lao động - Thương binh và Xã hội", "Kinh tế - Hạ tầng - Đô thị"): the left side runs back to its last
    capitalised word, the right side on to the next capitalised word or "và" ("thi đua", "khen thưởng")."""
    out = set()
    for form, _ in name_forms():
        parts = form.split(" - ")
        for left, right in zip(parts, parts[1:]):
            lw, rw = left.split(), right.split()
            start = max((i for i, w in enumerate(lw) if w[:1].isupper()), default=0)
            stop = next((i for i, w in enumerate(rw) if i and (w[:1].isupper() or w == AND)), len(rw))
            out.add((name_key(" ".join(lw[start:])), name_key(" ".join(rw[:stop]))))
    return frozenset(pair for pair in out if all(pair))


@lru_cache(maxsize=1)
def _modifier_heads() -> frozenset[str]:
    """Heads that name nothing without a modifier ("Sở", "Ban", "Văn phòng")."""
    return frozenset(name_key(h) for h in heads_data()["heads"]) - standalone_heads()


_ITEM_MARK = re.compile(r"[-–+][ ]")  # a list item's mark at a line start
_WRAPPED_DASH = re.compile(r"^\s*[-\u2013]\s+")
_PLACE_END = re.compile(rf"(?:^|[ ])(?:{PLACE_DESIGNATOR})$")


def name_goes_on(prev: str, follow: str, *, at_dash: bool = False) -> bool:
    """The line break between ``prev`` and ``follow`` falls inside a unit name, so it reads as a space: the
    end of ``prev`` and the start of ``follow`` are the two sides of a split the lexicons know.

    Without ``at_dash`` the break is a wrapped line: a head that needs a modifier before a capitalised word
    ("Sở\\nTài chính"), a known name part split by the break ("Sở Giáo dục và\\nĐào tạo", "Bộ Chỉ huy\\nQuân
    sự tỉnh", "Ủy ban Mặt trận Tổ quốc\\nViệt Nam"), or a place word before a province ("thành phố\\nHà Nội").
    A new sentence after a complete name ("Sở Nội vụ\\nChủ trì ...") is none of these; a ``follow`` that opens
    with a list mark continues only a name part that starts at a head.

    With ``at_dash`` the question is a Markdown reader's: ``follow`` opens with a dash, and the dash is the one
    inside a known name wrapped at it ("Hội đồng Thi đua\\n- Khen thưởng tỉnh", "Phòng Văn hóa\\n- Thông tin"):
    ``prev`` ends with the capitalised left side of a known dash join and ``follow`` opens with its capitalised
    right side. Whether ``prev`` ends a clause is the caller's layout question."""
    if at_dash:
        dash = _WRAPPED_DASH.match(follow)
        if not dash:
            return False
        left, right = prev.split(), follow[dash.end():].split()
        # the sides as printed: up to three words each, the left one from a capitalised word, the right one
        # opening with a capital
        lefts = [name_key(" ".join(left[-k:])) for k in (1, 2, 3) if len(left) >= k and left[-k][:1].isupper()]
        rights = [name_key(" ".join(right[:j])) for j in (1, 2, 3) if len(right) >= j and right[0][:1].isupper()]
        return _splits_known_name(lefts, rights, _dash_joins())
    p, f = prev.rstrip(), follow.lstrip()
    if not p or not f or "\t" in prev or "\t" in follow:
        return False
    item = bool(_ITEM_MARK.match(f))
    left = name_key(p).split()[-4:]
    right = name_key(f[:80]).split()[:4]
    if not left or not right:
        return False
    if not item and f[0].isupper():
        raw = p.split()
        if any(len(raw) >= k and raw[-k][:1].isupper() and name_key(" ".join(raw[-k:])) in _modifier_heads()
               for k in (1, 2)):
            return True
        if _PLACE_END.search(p) and any(canonical_province(" ".join(right[:k])) for k in (1, 2, 3)):
            return True
    # the sides as keys: up to four words each
    lefts = [" ".join(left[-k:]) for k in range(1, len(left) + 1)]
    rights = [" ".join(right[:j]) for j in range(1, len(right) + 1)]
    return _splits_known_name(lefts, rights, _split_pairs()[1 if item else 0])


def _splits_known_name(lefts: list[str], rights: list[str], pairs: frozenset[tuple[str, str]]) -> bool:
    """Some end of the line before (``lefts``) and some start of the line after (``rights``) are a known split."""
    return any((a, b) in pairs for a in lefts for b in rights)


def dash_continues_name(prev: str, follow: str) -> bool:
    """``name_goes_on(prev, follow, at_dash=True)``: the name the Markdown reader imports."""
    return name_goes_on(prev, follow, at_dash=True)
