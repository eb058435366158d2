"""Short names a document declares for a body: "Ban Chỉ đạo Nhà nước về Du lịch (sau đây gọi tắt là Ban Chỉ
đạo)", "Tổng công ty Cảng Hàng không Việt Nam (ACV)". Each later mention of the short name, and of an office or standing body of it ("Văn phòng Ban Chỉ
đạo"), names the declared body."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from extractors.names.lexicon import WORDS, abbreviations, heads_data
from extractors.names.places import is_level_collective, level_collective_key
from extractors.text import LOWER_CLASS, UPPER_CLASS, name_key

_MAX_SHORT = 60  # a short name is a few words, never a clause
_GAP = re.compile(rf"(?:[ ]+{LOWER_CLASS}+){{0,3}}")


@lru_cache(maxsize=1)
def _declaration_re() -> re.Pattern:
    words = sorted(WORDS["short_name_declarations"], key=len, reverse=True)
    decl = "|".join("[ ]+".join(map(re.escape, w.split())) for w in words)
    # or an acronym alone in the brackets: "Tổng công ty Cảng Hàng không Việt Nam (ACV)"
    # (a short name a web copy wraps over two lines: "(sau đây viết tắt là Công ty Tân Cảng - Petro Cam\nRanh)")
    return re.compile(rf"[ ]*\((?:(?i:{decl})[ ]+(?P<short>{UPPER_CLASS}(?:[^()\n,;]|\n(?=\S)){{1,{_MAX_SHORT}}}?)"
                      rf"|(?P<acronym>{UPPER_CLASS}{{2,8}}))[ ]*\)")


@lru_cache(maxsize=1)
def _container_re() -> str:
    return "|".join(re.escape(h) for h in sorted(heads_data()["container_heads"], key=len, reverse=True))


def with_declared_short_names(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``mentions`` (start, end, surface) with every mention of a declared short name added, its surface the
    full name ("Văn phòng Ban Chỉ đạo" -> "Văn phòng Ban Chỉ đạo Nhà nước về Du lịch"). A short name that is
    itself a full name the text already reads keeps that reading."""
    ends = sorted((e, s, surf) for s, e, surf in mentions)
    known = {a for a, _ in abbreviations()}
    declared = []
    for m in _declaration_re().finditer(text):
        # the name just before the brackets; lower-case words the name finder left ("... về Chuyển| đổi số")
        # belong to it
        i = bisect_right(ends, (m.start(), len(text), "")) - 1
        if i < 0 or not _GAP.fullmatch(text, ends[i][0], m.start()):
            continue
        gap = " ".join(text[ends[i][0]:m.start()].split())
        acronym = m.group("acronym")
        if acronym and (gap or acronym in known):
            continue  # an acronym the abbreviation list expands ("(UBND)"), or one of a longer name
        full = f"{ends[i][2]} {gap}" if gap else ends[i][2]
        short = " ".join((m.group("short") or acronym).split())
        if short != full and len(short) < len(full):
            declared.append((m.start(), short, full, ends[i][1], ends[i][0], m.start()))
    if not declared:
        return mentions
    grown = {(s, e): (s, end, full) for _, _, full, s, e, end in declared}
    out = {(s, e): grown.get((s, e), (s, e, surf)) for s, e, surf in mentions}
    taken = sorted(out)
    declared = [d[:3] for d in declared]
    for after, short, full in declared:
        # from the declaration on (the short name in its brackets is an alias too, not a second body)
        level = is_level_collective(level_collective_key(name_key(short)))
        words = r"\s+".join(map(re.escape, short.split()))
        pat = re.compile(rf"(?:(?P<container>{_container_re()})[ ]+)?(?<![\w&]){words}(?![\w&])")
        for m in pat.finditer(text, after):
            s, e = m.start(), m.end()
            surface = f"{m.group('container')} {full}" if m.group("container") else full
            # (not a level's bodies, which the text names either way: "Ủy ban nhân dân các xã, phường (sau đây gọi là
            # Ủy ban nhân dân cấp xã)" keeps its reading)
            own = [k for k in out if k[0] == s and k[1] <= e] if not m.group("container") and not level else []
            if own:
                # the short name (or its start, before a line break) the finder reads as a name of its own: the
                # declared body
                for k in own:
                    del out[k]
                out[(s, e)] = (s, e, surface)
                continue
            if any(a < e and s < b for a, b in taken):
                continue  # inside a name the text reads in full
            out[(s, e)] = (s, e, surface)
            taken.append((s, e))
    return sorted(out.values())
