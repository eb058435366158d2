"""A body inside an organisation named with its organisation right after it: "Ban Tuyên giáo Liên đoàn Lao động
tỉnh", "Đoàn Thanh niên Bệnh viện", "Công đoàn Tổng công ty" are one body each, not two or a cut name."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names.lexicon import canonical_province, heads_data, lexicon_words
from extractors.text import LOWER_CLASS, name_key


@lru_cache(maxsize=1)
def _patterns() -> tuple[frozenset[str], re.Pattern, re.Pattern, frozenset[str]]:
    d = heads_data()
    inner = frozenset(name_key(h) for h in d["inner_heads"])
    owners = "|".join(re.escape(o) for o in sorted(d["bare_owners"], key=len, reverse=True))
    # the bare word ends the name: a lower-case word, a stop or the line's end follows, never a capitalised name
    ends = rf"(?=[ ]+{LOWER_CLASS}|[ ]*[,.;:)*]|[ ]*$)"
    after = re.compile(rf"[ ](?P<owner>{owners}){ends}", re.MULTILINE)
    inners = "|".join(re.escape(h) for h in sorted(d["inner_heads"], key=len, reverse=True))
    bare = re.compile(rf"(?<![\w&])(?P<inner>{inners})[ ](?P<owner>{owners}){ends}", re.MULTILINE)
    # a bare owner word the document's own owner heads complete (unit_owners): left to them after a named body
    completed = frozenset(d["owner_heads"])
    return inner, after, bare, completed


def _opens_with(surface: str, heads: frozenset[str]) -> bool:
    """The name opens with one of ``heads`` (keys): "Ban Tổ chức ..." with "Ban"."""
    key = name_key(surface)
    return any(key == h or key.startswith(h + " ") for h in heads)


def _ends_in_place(surface: str) -> bool:
    words = surface.split()
    return words[-1] in heads_data()["bare_place_words"] or any(
        canonical_province(" ".join(words[-k:])) for k in (1, 2, 3) if len(words) > k)


_NEXT_WORD = re.compile(r"[ ]+(\w+)")


def _starts_a_word(text: str, owner_end: int, owner: str) -> bool:
    """The owner's last syllable and the word after it are one word ("Hội| nghị", "Trường| hợp"): no owner."""
    m = _NEXT_WORD.match(text, owner_end)
    return bool(m) and f"{owner.split()[-1]} {m.group(1)}".lower() in lexicon_words()


def join_owned(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``mentions`` with an inner body and the organisation right after it (one space apart, on one line) read
    as one name, and an inner body's name run on over the bare word of its organisation; a bare inner head
    before that word ("Văn phòng Tổng công ty") is a mention of its own."""
    inner, after, bare, completed = _patterns()
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(mentions):
        s, e, surf = mentions[i]
        is_inner = _opens_with(surf, inner) and not _ends_in_place(surf)
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if is_inner and nxt and nxt[0] == e + 1 and text[e] == " " and not _opens_with(nxt[2], inner):
            out.append((s, nxt[1], f"{surf} {nxt[2]}"))  # "Ban Tuyên giáo| Liên đoàn Lao động tỉnh"
            i += 2
            continue
        m = after.match(text, e) if is_inner else None
        if m and m.group("owner") not in completed and not _starts_a_word(text, m.end("owner"), m.group("owner")):
            out.append((s, m.end("owner"), f"{surf} {m.group('owner')}"))  # "Đoàn Thanh niên| Bệnh viện"
        else:
            out.append((s, e, surf))
        i += 1
    starts = {s for s, _, _ in out}
    taken = [(s, e) for s, e, _ in out]
    for m in bare.finditer(text):
        if m.start() not in starts and not any(s <= m.start() < e for s, e in taken) and \
                not _starts_a_word(text, m.end("owner"), m.group("owner")):
            out.append((m.start(), m.end("owner"), m.group(0)))  # "Văn phòng Tổng công ty"
    return sorted(out)
