"""One surface mention of a unit -> its canonical full names."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.context import DocContext
from extractors.names.casing import expand_abbreviations, proper_case
from extractors.names.lexicon import (NAME_PART_SEPARATOR, WORDS, abbr_re, heads_data, loose_key, positions_alternation,
                                      reference_spelling)
from extractors.names.places import PLACE_SLASH, collective_of_provinces, distribute, resolve_place
from extractors.text import LOWER_CLASS, PLACE_DESIGNATOR, UPPER_CLASS, name_key, new_tones


_GLUED = re.compile(f"(?<={LOWER_CLASS}{LOWER_CLASS})(?={UPPER_CLASS}{LOWER_CLASS})")


@lru_cache(maxsize=1)
def _container_colon_re() -> re.Pattern:
    heads = sorted(heads_data()["container_heads"], key=len, reverse=True)
    return re.compile(rf"^((?i:{'|'.join(map(re.escape, heads))}))[ ]*:[ ]*")


@lru_cache(maxsize=1)
def _position_re() -> re.Pattern:
    return re.compile(rf"^(?:(?:{positions_alternation()})\s+)+(?=\S)", re.IGNORECASE)


def _spaced_dashes(s: str) -> str:
    # "Văn hóa- thông tin" / "Thi đua-Khen thưởng" -> "Văn hóa - thông tin"; keeps "VNPT-QB" codes
    return re.sub(r"(?<=[^\W\d_])\s*[-–]\s*(?=[^\W\d_])", lambda m: " - " if " " in m.group(0) or
                  m.group(0).strip() in "-–" else m.group(0), s)


def canonical_unit(surface: str, context: DocContext | None = None) -> list[str]:
    """One surface mention -> one or more canonical full names (abbreviations expanded, lists
    distributed, a bare "tỉnh"/"huyện" resolved to the issuing province/district)."""
    place = DocContext(province=context.province, district=context.district, level=context.level) if context else None
    return list(_canonical_unit(surface, place))


def province_list_collective(surface: str) -> str | None:
    """The bodies of a list of provinces named together ("Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Gia Lai và
    Lâm Đồng") as the one collective the text writes ("Ủy ban nhân dân các tỉnh Đắk Lắk, Gia Lai và Lâm Đồng"),
    beside the body of each province ``canonical_unit`` gives; None for any other mention."""
    s = _normalised(surface)
    return collective_of_provinces(s) if s else None


@lru_cache(maxsize=4096)
def _canonical_unit(surface: str, context: DocContext | None) -> tuple[str, ...]:
    s = _normalised(surface)
    if not s:
        return ()
    out = []
    for name in distribute(s):
        name = resolve_place(name, context)
        if name not in out:
            out.append(name)
    return tuple(out)


@lru_cache(maxsize=4096)
def _normalised(surface: str) -> str:
    """``surface`` spelled as a canonical name, before a list in it is distributed."""
    s = unicodedata.normalize("NFC", surface)
    s = re.sub(r"[“”\"*]", "", s)
    s = " ".join(s.split()).strip(" ,;:.-–")
    if not s:
        return ""
    s = new_tones(s)
    s = _GLUED.sub(" ", s)  # OCR glues words: "Bộ CôngThương" -> "Bộ Công Thương"
    n_upper = sum(map(str.isupper, s))
    if n_upper / max(1, n_upper + sum(map(str.islower, s))) > 0.8:  # "UBND HUYỆN ĐỒNG PHÚ": keep only acronyms
        s = " ".join(w if abbr_re().fullmatch(w) else w.lower() for w in s.split())
    s = expand_abbreviations(s)
    s = PLACE_SLASH.sub(", ", s)
    s = _spaced_dashes(s)
    s = _position_re().sub("", s)  # "Giám đốc Sở Nội vụ" names the body "Sở Nội vụ"
    s = _container_colon_re().sub(r"\1 ", s)  # "Thường trực: HĐND" (a recipient line) is "Thường trực HĐND"
    s = proper_case(s)
    # the Front's official name carries "Việt Nam": "Ủy ban MTTQ tỉnh" -> "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    for name, rest in WORDS["official_completions"].items():
        if s.startswith(name) and not s[len(name):].startswith(f" {rest}"):
            s = f"{name} {rest}{s[len(name):]}"
    return _reference_spelled(s)


_PLACE_TAIL = re.compile(rf" (?:{PLACE_DESIGNATOR}) \S.*$")


def _reference_spelled(s: str) -> str:
    """``s`` in the official spelling of the reference body it names, a place after it kept: "Đài truyền hình
    Việt Nam" -> "Đài Truyền hình Việt Nam", "Sở Văn hoá Thể thao du lịch tỉnh Hà Tĩnh" -> "Sở Văn hóa, Thể
    thao và Du lịch tỉnh Hà Tĩnh"."""
    spelling, loose_spelling = reference_spelling(), reference_spelling(loose=True)
    place = _PLACE_TAIL.search(s)
    if place and s[:place.start()].endswith(","):
        place = None  # "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương": a list of levels, not a place after it
    for body, rest in ((s, ""), *(((s[:place.start()], s[place.start():]),) if place else ())):
        hit = spelling.get(name_key(body))
        loose = loose_spelling.get(loose_key(body))
        # a spelling that drops the separators of the official name takes it; one that prints its own keeps
        # them ("Phòng Văn hóa - Thông tin" stays, "Sở Giáo dục Đào tạo" is "Sở Giáo dục và Đào tạo")
        if not hit and loose and len(NAME_PART_SEPARATOR.findall(body)) < len(NAME_PART_SEPARATOR.findall(loose)):
            hit = loose
        if hit:
            return hit + rest
    return s
