"""A unit name broken over two lines: whether the line break (or a wrapped dash) falls inside a name."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import read_csv
from extractors.names.lexicon import AND, canonical_province, heads_data, standalone_heads
from extractors.text import PLACE_DESIGNATOR, name_key


# --- a name broken over two lines ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _name_phrases() -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The word keys of every multi-word name part the lexicons know (heads, sectors, kinds of body, the
    public bodies of ``public_bodies.csv`` and their aliases), each with whether it starts with a head."""
    d = heads_data()
    heads = [(h, True) for h in d["heads"]]
    parts = [(s, False) for s in list(d["sectors"]) + list(d["name_types"])]
    bodies = []
    for r in read_csv("public_bodies.csv"):
        bodies += [(n, True) for n in [r["name"], *(r.get("aliases") or "").split("|")] if n]
    out = {}
    for form, is_head in heads + parts + bodies:
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
def _modifier_heads() -> frozenset[str]:
    """Heads that name nothing without a modifier ("Sở", "Ban", "Văn phòng")."""
    return frozenset(name_key(h) for h in heads_data()["heads"]) - standalone_heads()


_DASH_START = re.compile(r"[-–+][ ]")
_PLACE_END = re.compile(rf"(?:^|[ ])(?:{PLACE_DESIGNATOR})$")


def name_goes_on(prev: str, follow: str) -> bool:
    """The line break between ``prev`` and ``follow`` falls inside a unit name, so it reads as a space:
    a head that needs a modifier before a capitalised word ("Sở\\nTài chính"), a known name part split by the
    break ("Sở Giáo dục và\\nĐào tạo", "Bộ Chỉ huy\\nQuân sự tỉnh", "Ủy ban Mặt trận Tổ quốc\\nViệt Nam"), or a
    place word before a province ("thành phố\\nHà Nội"). A new sentence after a complete name ("Sở Nội
    vụ\\nChủ trì ...") is none of these."""
    p, f = prev.rstrip(), follow.lstrip()
    if not p or not f or "\t" in prev or "\t" in follow:
        return False
    dash = bool(_DASH_START.match(f))
    left = name_key(p).split()[-4:]
    right = name_key(f[:80]).split()[:4]
    if not left or not right:
        return False
    if not dash and f[0].isupper():
        raw = p.split()
        if any(len(raw) >= k and raw[-k][:1].isupper() and name_key(" ".join(raw[-k:])) in _modifier_heads()
               for k in (1, 2)):
            return True
        if _PLACE_END.search(p) and any(canonical_province(" ".join(right[:k])) for k in (1, 2, 3)):
            return True
    pairs = _split_pairs()[1 if dash else 0]
    return any((" ".join(left[-k:]), " ".join(right[:j])) in pairs
               for k in range(1, len(left) + 1) for j in range(1, len(right) + 1))


@lru_cache(maxsize=1)
def _dash_compounds() -> frozenset[tuple[str, str]]:
    """(left, right) word keys of every dash join inside a name the lexicons print ("Thi đua - Khen thưởng",
    "Lao động - Thương binh và Xã hội", "Kinh tế - Hạ tầng - Đô thị"): the left side runs back to its last
    capitalised word, the right side on to the next capitalised word or "và" ("thi đua", "khen thưởng")."""
    d = heads_data()
    forms = [*d["heads"], *d["sectors"], *d["name_types"]]
    for r in read_csv("public_bodies.csv"):
        forms += [n for n in [r["name"], *(r.get("aliases") or "").split("|")] if n]
    out = set()
    for form in forms:
        parts = form.split(" - ")
        for left, right in zip(parts, parts[1:]):
            lw, rw = left.split(), right.split()
            start = max((i for i, w in enumerate(lw) if w[:1].isupper()), default=0)
            stop = next((i for i, w in enumerate(rw) if i and (w[:1].isupper() or w == AND)), len(rw))
            out.add((name_key(" ".join(lw[start:])), name_key(" ".join(rw[:stop]))))
    return frozenset(pair for pair in out if all(pair))


_DASH_ITEM = re.compile(r"^\s*[-\u2013]\s+")


def dash_continues_name(prev: str, follow: str) -> bool:
    """A line that opens with a dash continues ``prev`` instead of opening a list item when the dash is the
    one inside a known name wrapped at it ("Hội đồng Thi đua\\n- Khen thưởng tỉnh", "Phòng Văn hóa\\n- Thông
    tin"): ``prev`` ends with the capitalised left side of a known dash join and ``follow`` opens with its
    capitalised right side. Whether ``prev`` ends a clause is the caller's layout question."""
    dash = _DASH_ITEM.match(follow)
    if not dash:
        return False
    left, right = prev.split(), follow[dash.end():].split()
    for k in (1, 2, 3):
        if len(left) < k or not left[-k][:1].isupper():
            continue
        for j in (1, 2, 3):
            if len(right) < j or not right[0][:1].isupper():
                break
            if (name_key(" ".join(left[-k:])), name_key(" ".join(right[:j]))) in _dash_compounds():
                return True
    return False
