"""Office-holders who issue in their office's name ("CHỦ TỊCH / ỦY BAN NHÂN DÂN TỈNH X", "GIÁM ĐỐC SỞ Y TẾ"): the
office read off the header's issuer lines, the body it issues for, and a people's body printed without its head."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.header.lexicon import header_words

_W = header_words()


@lru_cache(maxsize=1)
def _office_re() -> re.Pattern:
    offices = sorted(_W["office_issuers"], key=len, reverse=True)
    return re.compile(r"(?P<office>" + "|".join(re.escape(o.upper()) for o in offices) + r")[ \t]+(?P<body>\S.*)")


def office_of(joined: str) -> tuple[str, str] | None:
    """"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" -> ("Chủ tịch", "ỦY BAN NHÂN DÂN TỈNH X"): an office-holder issuing in the
    office's name, printed above its body; the office in its official casing."""
    m = _office_re().fullmatch(joined)
    if not m:
        return None
    office = next(o for o in _W["office_issuers"] if o.upper() == m.group("office"))
    return office, m.group("body")


def issuing_body(issuer: str | None) -> str | None:
    """"Chủ tịch Ủy ban nhân dân tỉnh X" -> "Ủy ban nhân dân tỉnh X": the body an office-holder issues for, which the
    other extractors read as the document's own body."""
    for office in _W["office_issuers"]:
        if issuer and issuer.startswith(office + " ") and issuer[len(office) + 1:][:1].isupper():
            return issuer[len(office) + 1:]
    return issuer


def is_office(line: str) -> bool:
    return line in {o.upper() for o in _W["office_issuers"]}


def headed_people_body(body: str, code: str | None) -> str:
    """"NHÂN DÂN THÀNH PHỐ X" (the head left out under an office) -> "ỦY BAN NHÂN DÂN THÀNH PHỐ X"; the head is the
    one the document's code names ("QĐ-CTUBND", "NQ-HĐND"), else the first listed."""
    people = _W["headless_people_body"]
    if not body.startswith(people["words"] + " "):
        return body
    heads = people["heads"]
    abbr = next((a for a in heads if code and a in code.upper()), next(iter(heads)))
    return f"{heads[abbr]} {body}"


@lru_cache(maxsize=1)
def _bare_positions() -> frozenset[str]:
    """Positions in capitals, without the organs that are bodies of their own ("THƯỜNG TRỰC")."""
    return frozenset(p.upper() for p in _W["positions"]) - set(_W["bare_organs"])


def position_below(pieces: list[tuple[int, int, str]]) -> str | None:
    """"CỤM THI ĐUA CÁC TỈNH TÂY NGUYÊN / CỤM TRƯỞNG": the title of the body's head printed under the body, not a
    body of its own. Returns the office's official name when the head issues in its office's name ("ỦY BAN NHÂN
    DÂN TỈNH X / CHỦ TỊCH" is "Chủ tịch Ủy ban nhân dân tỉnh X", as "CHỦ TỊCH / ỦY BAN ..." is), else ""; None
    when the last line is no such position."""
    if len(pieces) < 2 or pieces[-1][2] not in _bare_positions():
        return None
    return next((o for o in _W["office_issuers"] if o.upper() == pieces[-1][2]), "")
