"""Party, Youth Union and association headers: the organisation line printed where a state header prints the
motto, and organs named only with their body ("BAN CHẤP HÀNH TRUNG ƯƠNG" beside "ĐOÀN TNCS HỒ CHÍ MINH";
"BAN THƯ KÝ" under "ỦY BAN HỘI LHTN VIỆT NAM TỈNH X"; "TỈNH ỦY" under "ĐẢNG BỘ TỈNH X")."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.header.lexicon import body_key, header_words

Piece = tuple[int, int, str]


@lru_cache(maxsize=1)
def _org_lines() -> dict[str, str]:
    return {body_key(o): o for o in header_words()["organisation_lines"]}


@lru_cache(maxsize=1)
def _bare() -> frozenset[str]:
    return frozenset(body_key(o) for o in header_words()["bare_organs"])


@lru_cache(maxsize=1)
def _party() -> dict[str, str]:
    return {body_key(k): v for k, v in header_words()["party_committees"].items()}


def split_organisation(pieces: list[Piece], text: str) -> tuple[list[Piece], Piece | None]:
    """The header's pieces without the organisation line, and that line (alone, or at the end of a piece that a
    flattened copy joined to it: "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH")."""
    out: list[Piece] = []
    org: Piece | None = None
    for s, e, flat in pieces:
        key = body_key(flat)
        if org is None and key in _org_lines():
            org = (s, e, flat)
            continue
        tail = next((k for k in _org_lines() if key.endswith(" " + k)), None) if org is None else None
        words = list(re.finditer(r"\S+", text[s:e]))
        if tail and len(words) == len(flat.split()) > len(tail.split()):
            n = len(words) - len(tail.split())
            org = (s + words[n].start(), e, " ".join(flat.split()[n:]))
            out.append((s, s + words[n - 1].end(), " ".join(flat.split()[:n])))
            continue
        out.append((s, e, flat))
    return out, org


def organ_name(issuer: str, parent: str | None, org: str | None) -> str | None:
    """The full upper-case name of an organ printed alone: with its parent body, else its organisation line;
    None when ``issuer`` is not such an organ."""
    key = body_key(issuer)
    if key in _party() and parent and body_key(parent).startswith(body_key(header_words()["party_organisation"]) + " "):
        rest = parent.split()[len(header_words()["party_organisation"].split()):]
        des = _party()[key].split()
        if des and [w.upper() for w in rest[:len(des)]] == des:
            rest = rest[len(des):]
        return " ".join([issuer] + rest) if rest else None
    if parent and _party_department(key, body_key(parent)):
        return f"{issuer} {parent}"
    if key not in _bare():
        return None
    if parent:
        return f"{issuer} {parent}"
    return f"{issuer} {org}" if org else None


def _party_department(key: str, parent_key: str) -> bool:
    """A department ("BAN TUYÊN GIÁO", "VĂN PHÒNG") under a Party committee ("HUYỆN ỦY KIM BẢNG")."""
    committee = any(parent_key == c or parent_key.startswith(c + " ") for c in _party())
    return committee and any(key == d or key.startswith(d + " ") for d in _departments())


@lru_cache(maxsize=1)
def _departments() -> tuple[str, ...]:
    return tuple(body_key(d) for d in header_words()["party_departments"])
