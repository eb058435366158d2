"""The issuer: the upper-case body above "Số:", its official casing, and the fallbacks when the header block
is missing (authority line, self-description, annex self-reference, signature block)."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.context import DocContext
from extractors.header.layout import (
    MOTTO, SIG_AUTH, PageTop, despace, ev_list, is_upper_line, mask_spans, position_re,
)
from extractors.header.lexicon import (
    PROVINCE, WORDS, body_key, header_patterns, header_words, province_of, public_bodies, type_names,
)
from extractors.header.offices import headed_people_body, is_office, office_of, position_below
from extractors.header.organs import organ_name, split_organisation
from extractors.header.type_title import type_line_re
from extractors.names import canonical_unit, expand_abbreviations, expand_word, official_forms
from extractors.text import PLACE_DESIGNATOR, UPPER_VN, place_designators, word_alternation
from schemas.record import DocumentHeader

_PLACE_WORDS = place_designators()
_W = header_words()
_AND = _W["and_word"]
_PLACE_UP = PLACE_DESIGNATOR.upper()  # "(?:TỈNH|THÀNH PHỐ|...)"
# a name left open to its next line: it ends on "VÀ", "CÁC", "CỦA", a hyphen or a comma
_OPEN_TAIL = "(?:" + "|".join([r"\b" + w for w in _W["open_tails"]] + ["-", ","]) + ")"
_NATIONAL = word_alternation(_W["national_tails"])  # "VIỆT NAM", "TRUNG ƯƠNG"
_COMMITTEE = word_alternation(_W["people_committee"])


_VOWELS = set(header_patterns()["vowels"])


def _proper_case(upper: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH BẮC NINH" -> "Ủy ban nhân dân tỉnh Bắc Ninh" (place names capitalised)."""
    out: list[str] = []
    cap_next = False  # True after a place word: "TỈNH BẮC NINH" -> "tỉnh Bắc Ninh"
    words = upper.split()
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower()
        exp = expand_word(words, i) if w.isupper() or "&" in w else w
        if exp != w:
            out.append(exp[0].upper() + exp[1:] if cap_next else exp)
            cap_next = exp.split()[-1] in _PLACE_WORDS
            i += 1
            continue
        if w.isupper() and len(w) >= 2 and not (set(low) & _VOWELS):
            out.append(w)  # an acronym such as VNPT keeps its capitals
            cap_next = False
            i += 1
            continue
        two = " ".join(words[i:i + 2]).lower()
        if two in _PLACE_WORDS:
            out.append(two)
            cap_next = True
            i += 2
            continue
        if low in _PLACE_WORDS:
            out.append(low)
            cap_next = True
            i += 1
            continue
        if low == "-" or low in _W["name_connectors"]:
            out.append(low)
            cap_next = low == "-" and bool(out[:-1]) and out[-2][:1].isupper()
            i += 1
            continue
        out.append(low[:1].upper() + low[1:] if (cap_next or not out or (out and out[-1] == _AND
                                                                           and _issuer_head_re().match(w))) else low)
        i += 1
    s = " ".join(out)
    return s[:1].upper() + s[1:]


@lru_cache(maxsize=1)
def _school_re() -> re.Pattern:
    levels = sorted(header_words()["school_levels"], key=len, reverse=True)
    one = "(?:" + "|".join(re.escape(x) for x in levels) + r")(?![^\W_])"
    return re.compile(r"(?i)^" + _W["school_word"].lower() + r"[ \t]+(?P<levels>" + one + r"(?:[ \t]*(?:&|-|,|\b" + _AND
                      + r"\b)?[ \t]*" + one + r")*)[ \t]+(?P<rest>\S.*)$")


def school_name(surface: str) -> str | None:
    """"TRƯỜNG MN HOA HỒNG" -> "Trường Mầm non Hoa Hồng": a school's level expanded, its proper name capitalised."""
    m = _school_re().match(surface)
    if not m:
        return None
    table = header_words()["school_levels"]
    # "TH&THCS" -> "Tiểu học và Trung học cơ sở"; "PTDTNT THPT" (two levels, one school) -> joined by a space
    parts = re.split(r"([ \t]*(?:&|-|,|\b" + _AND + r"\b|\b" + _AND.upper() + r"\b)[ \t]*)", m.group("levels"))
    level = ""
    for i, p in enumerate(parts):
        if i % 2:
            level += f" {_AND} "
            continue
        words = p.split()
        while words:  # several levels joined by spaces: longest known prefix first
            for k in range(len(words), 0, -1):
                full = table.get(" ".join(words[:k]).upper())
                if full:
                    level += (" " if level and not level.endswith(" ") else "") + full
                    words = words[k:]
                    break
            else:
                return None
    places = header_words()["school_place_abbreviations"]
    rest = m.group("rest").replace(".", ". ").split()
    upper = is_upper_line(m.group("rest"))
    words = []
    for i, w in enumerate(rest):
        bare = w.rstrip(".")
        if bare.upper() in places and (w.endswith(".") or bare.isupper()):
            words.append(places[bare.upper()])
        elif bare.lower() == WORDS["number"] and i + 1 < len(rest) and rest[i + 1][:1].isdigit():
            words.append(WORDS["number"])
        elif bare.lower() in _PLACE_WORDS:
            words.append(w.lower())
        elif upper or w[:1].islower():
            words.append(w[:1].upper() + w[1:].lower())
        else:
            words.append(w)
    # each word of the school's own name capitalised, but a field in its official casing ("Sư phạm", "Kỹ thuật")
    return official_forms(" ".join([_W["school_word"], level] + words), case_only=True).strip(" ,;:.")


def canonical_issuer(surface: str, context: DocContext | None = None) -> str:
    """Full name with abbreviations expanded, in proper case; uses the units extractor's canonicaliser if present."""
    # "*" is bold and "|" a table cell's edge in web copies (Markdown): layout, never part of a name
    surface = " ".join(surface.replace("*", " ").split()).strip(" ,;:.|")
    school = school_name(surface)
    if school:
        return school
    if is_upper_line(surface):
        surface = _proper_case(surface)  # our casing keeps acronyms (VNPT) and expands UBND before names sees it
    names = canonical_unit(surface, context)
    if len(names) == 1 and names[0]:
        return names[0]
    return " ".join(expand_abbreviations(surface).split())


@lru_cache(maxsize=1)
def _issuer_head_re() -> re.Pattern:
    heads = sorted(header_words()["issuer_heads"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(h) for h in heads) + r")\b")


def _place_complete(body: str) -> bool:
    """A body names its place ("... TỈNH BẮC NINH", "... VIỆT NAM", "... TRUNG ƯƠNG")."""
    up = body.upper()
    if re.search(word_alternation(_W["national_tails"] + _W["national_tail_abbreviations"]) + r"\s*$", up):
        return True
    m = re.search(r"\b" + _PLACE_UP + r"\s+(\S+(?:\s+\S+)*)$", up)
    if m and m.group(1) not in {d.upper() for d in _W["bare_designators"]}:
        return True
    return province_of(" ".join(up.split()[-2:])) is not None or province_of(" ".join(up.split()[-3:])) is not None


def split_joined(piece: tuple[int, int, str], text: str) -> list[tuple[int, int, str]]:
    """"UBND TỈNH SƠN LA SỞ GIÁO DỤC VÀ ĐÀO TẠO" (a copy that lost the header's line breaks) -> the parent body
    and the issuing body: split where a head word follows a body that names its place (two-word place or a
    province), keeping each part's offsets."""
    s0, e0, flat = piece
    if flat != " ".join(text[s0:e0].split()):
        return [piece]  # rebuilt (letter-spaced) text: offsets of its words are not those of the source
    words = list(re.finditer(r"\S+", text[s0:e0]))
    heads = _issuer_head_re()
    for i in range(2, len(words) - 1):
        rest = text[s0 + words[i].start():e0]
        prefix = " ".join(w.group() for w in words[:i])
        if not heads.match(rest) or re.search(_OPEN_TAIL + "$", prefix):
            continue
        pm = re.search(r"\b" + _PLACE_UP + r"\s+(\S+(?:\s+\S+)*)$", prefix)
        # ... or a listed public body ("BỘ CÔNG AN CÔNG AN TỈNH X"), or a province without its designator ("SỞ Y TẾ
        # HÀ NỘI BỆNH VIỆN ..."), unless the whole line is itself one listed body
        listed = body_key(prefix) in public_bodies() and body_key(flat) not in public_bodies()
        if (pm and len(pm.group(1).split()) >= 2) or (pm and province_of(pm.group(1))) or re.search(
                _NATIONAL + "$", prefix) or listed or (not pm and _ends_on_province(prefix)):
            first = (s0, s0 + words[i - 1].end(), prefix)
            return [first] + split_joined((s0 + words[i].start(), e0, " ".join(rest.split())), text)
    return [piece]


def _ends_on_province(name: str) -> bool:
    words = name.split()
    return any(province_of(" ".join(words[-k:])) for k in (2, 3) if len(words) > k)


def group_bodies(pieces: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Header lines -> bodies: a line starting with a head word, after a complete body, starts a new one."""
    bodies: list[list[tuple[int, int, str]]] = []
    for piece in pieces:
        s = piece[2]
        if bodies:
            prev = " ".join(p[2] for p in bodies[-1])
            # a designator goes on the body above ("... / TỈNH BẮC NINH"), not a head that opens with one ("TỈNH ỦY")
            joined = re.search(_OPEN_TAIL + r"\s*$", prev) or (re.match(
                "(?:" + _PLACE_UP + "|" + _AND.upper() + r"|-)\b", s) and not _issuer_head_re().match(s)) or (
                _wrapped_province(prev, s))
            # a parent that is a complete public body ("CỤC THUẾ" over "THUẾ TỈNH TÂY NINH") ends at its line
            new = not joined and (_issuer_head_re().match(s.upper()) or _place_complete(prev) or (
                body_key(prev) in public_bodies() and body_key(prev + " " + s) not in public_bodies()))
            if not new:
                bodies[-1].append(piece)
                continue
        bodies.append([piece])
    return bodies


def _wrapped_province(prev: str, line: str) -> bool:
    """"UBND THÀNH PHỐ HÀ" / "NỘI": a province's name wrapped over two header lines (the first part is no province
    of its own), so the line goes on the body above."""
    if _issuer_head_re().match(line.upper()):
        return False
    tail, head = prev.upper().split(), line.upper().split()
    return any(province_of(" ".join(tail[-k:] + head[:j])) and not province_of(" ".join(tail[-k:]))
               for k in (1, 2) for j in (1, 2) if len(tail) > k and len(head) >= j)


@lru_cache(maxsize=1)
def _self_desc_re() -> re.Pattern:
    heads = "|".join(re.escape(x) for x in sorted(header_words()["body_heads"], key=len, reverse=True))
    verbs = "|".join(re.escape(x) for x in sorted(header_words()["self_verbs"], key=len, reverse=True))
    types = "|".join(re.escape(t) for t in type_names())
    return re.compile(r"(?:^|(?<=[,;:.])\s+|(?<=\n))(?P<body>(?:" + heads + r")\b[^,;.\n()“”\"]{0,100}?)\s*"
                      r"(?:\([^)]{0,40}\)\s*)?(?:" + verbs + r")\s+(?:" + "|".join([types] + _W["campaign_words"] + _W["self_objects"]) + r")\b",
                      re.MULTILINE)


def resolve_bare(name: str, place: str | None, text: str) -> str:
    """"Ủy ban nhân dân tỉnh" + place line "Bắc Ninh" -> "Ủy ban nhân dân tỉnh Bắc Ninh"."""
    m = re.search(r"\b(" + PLACE_DESIGNATOR + r")\s*$", name)
    if m and place:
        des = m.group(1)
        if des == PROVINCE and province_of(place):
            return f"{name} {province_of(place)}"
        if des != PROVINCE and not province_of(place):
            return f"{name} {place}"
    if not m and place and re.fullmatch(r"(?i)" + word_alternation(_W["people_committee"] + _W["people_council"]),
                                        name.strip()):
        if province_of(place):
            return f"{name} {PROVINCE} {province_of(place)}"
        below = [d for d in _PLACE_WORDS if d != PROVINCE]
        dm = re.search(word_alternation(_W["people_committee"] + [_W["people_committee_abbreviation"]]) + r"\s+("
                       + "|".join(below) + r")\s+" + re.escape(place) + r"\b", text)
        if dm:
            return f"{name} {dm.group(1)} {place}"
    return name


_PLACED = re.compile(r"\b" + PLACE_DESIGNATOR + r"\s+[" + UPPER_VN + r"]")


_CLUSTER = re.compile(r"(?i)" + word_alternation(_W["emulation_clusters"]) + r"\s+\S+")


_TM_BODY = re.compile(r"(?<![^\W_])TM(?:\.[ \t]*|[ \t]+)([" + UPPER_VN + r"][" + UPPER_VN + r" \-]*[" + UPPER_VN
                      + r"])")


_HEAD_BODY = re.compile(word_alternation(_W["signature_heads"]["positions"]) + r"[ \t]+("
                        + word_alternation(_W["signature_heads"]["bodies"]) + r"\b[" + UPPER_VN + r" \-]*[" + UPPER_VN + r"])")


@lru_cache(maxsize=1)
def _position_split_re() -> re.Pattern:
    return re.compile(r"\s+(?:" + "|".join(re.escape(p.upper()) for p in header_words()["positions"]) + r")\b")


def has_place(name: str) -> bool:
    return bool(_PLACED.search(name)) or bool(_CLUSTER.search(name)) or province_of(
        " ".join(name.split()[-2:])) is not None


_AUTHORITY_LINE_BODIES = tuple([w + " " for w in _W["authority_line_bodies"]["words"]]
                               + _W["authority_line_bodies"]["prefixes"])


def _authority_line(text: str, h: DocumentHeader, limit: int) -> bool:
    """A decision's authority line between its title and "Căn cứ" ("THỦ TƯỚNG CHÍNH PHỦ", "HIỆU TRƯỞNG TRƯỜNG
    MẦM NON HOA HỒNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X") names the issuer when the header block is missing."""
    start = h.evidence["title"][-1].end if h.evidence.get("title") else (
        h.evidence["type"][-1].end if h.evidence.get("type") else 0)
    sole = header_words()["sole_authorities"]
    for lm in re.finditer(r"[^\n]+", text[start:limit]):
        line = lm.group().strip(" \t*_-")
        if not line or not is_upper_line(line) or len(line) > 150:
            continue
        flat = despace(line) or " ".join(line.split())
        s0 = start + lm.start() + len(lm.group()) - len(lm.group().lstrip(" \t*_-"))
        if flat in sole:
            h.issuer = sole[flat]
            h.evidence["issuer"] = ev_list(text, s0, s0 + len(line))
            return True
        if MOTTO.search(flat) or type_line_re().match(flat):
            continue
        pm = position_re().match(flat)
        if not pm or pm.group("auth"):
            continue
        body = flat[pm.end():].strip()
        if not body:
            continue
        name = resolve_bare(canonical_issuer(body), h.place, text)
        if _issuer_head_re().match(body.upper()) and (has_place(name) or school_name(body) or body.upper().startswith(
                _AUTHORITY_LINE_BODIES)):
            h.issuer = name
            h.evidence["issuer"] = ev_list(text, s0, s0 + len(line))
            return True
    return False


def issuer_from_authority_line(text: str, h: DocumentHeader, limit: int) -> None:
    """A header line cut short ("TRƯỜNG CAO ĐẲNG SƯ PHẠM", its place on a line the layout lost) completed by the
    decision's authority line that names the same body in full ("HIỆU TRƯỞNG TRƯỜNG CAO ĐẲNG SƯ PHẠM LẠNG SƠN")."""
    if not h.issuer:
        return
    before, evidence = h.issuer, h.evidence.get("issuer")
    if _authority_line(text, h, limit) and body_key(h.issuer).startswith(body_key(before) + " "):
        return
    h.issuer, h.evidence["issuer"] = before, evidence


def _issuer_from_signature(text: str, h: DocumentHeader, region: tuple[int, int]) -> bool:
    """A signature that names its body alone: "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG", "TM. CHÍNH PHỦ", "THỦ TƯỚNG"."""
    sole = header_words()["sole_authorities"]
    s, e = region
    for am in SIG_AUTH.finditer(text, s, e):
        body = " ".join(am.group(2).split())
        for k in range(len(body.split()), 0, -1):  # "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG" on one line
            key = " ".join(body.split()[:k])
            if key in sole:
                h.issuer = sole[key]
                h.evidence["issuer"] = ev_list(text, am.start(2), am.start(2) + len(am.group(2).split(key.split()[-1])[0])
                                           + len(key.split()[-1]))
                return True
    if h.signer and h.signer.position and h.signer.position.upper() in sole and not h.signer.authority:
        ev = [x for x in h.signer.evidence if text[x.start:x.end].upper() == h.signer.position.upper()]
        if ev:
            h.issuer = sole[h.signer.position.upper()]
            h.evidence["issuer"] = ev[:1]
            return True
    return False


def with_parent_place(issuer: str, parent: str | None) -> str:
    """"Hội Khuyến học" under "UBND HUYỆN ĐỒNG PHÚ" is "Hội Khuyến học huyện Đồng Phú": a local body that
    prints no place of its own takes its people's committee's place."""
    if not parent or has_place(issuer):
        return issuer
    # the designator as the committee's name prints it: "Thành phố Hồ Chí Minh" keeps its capital
    pm = re.match(_COMMITTEE + " ((?i:" + PLACE_DESIGNATOR + r") \S.*)$", parent)
    heads = header_words()["place_inheriting_heads"]
    if pm and any(issuer.startswith(hd + " ") for hd in heads) and not re.match(
            r"(?i)" + word_alternation(_W["people_council"]), issuer):
        return f"{issuer} {pm.group(1)}"
    return issuer


def issuer_fallback(text: str, h: DocumentHeader, page: PageTop) -> None:
    """No header block: the decision's authority line, the plan's self-description, else the signature block
    (TM. body + place, or a position that names its body alone)."""
    if _authority_line(text, h, page.limit):
        return
    start = h.evidence["title"][-1].end if h.evidence.get("title") else 0
    window = text[start:start + 4000]
    for m in _self_desc_re().finditer(window):
        body = m.group("body").strip()
        if re.search(r"\b" + word_alternation(_W["collective_words"]) + r"\b",
                     body.split(" " + PROVINCE)[0] if _W["cluster_head"] not in body else ""):
            continue
        name = resolve_bare(canonical_issuer(body), h.place, text)
        if has_place(name):
            h.issuer = name
            h.evidence["issuer"] = ev_list(text, start + m.start("body"), start + m.end("body"))
            return
    s, e = page.signature
    region = text[s:e]
    # "TM. ỦY BAN NHÂN DÂN" (+ the place line), or a position with its body ("CHỦ TỊCH UBND TỈNH NAM ĐỊNH")
    cands = []
    for am in _TM_BODY.finditer(region):
        cands.append((am.start(1), am.end(1), am.group(1)))
    for pm in _HEAD_BODY.finditer(region):
        cands.append((pm.start(1), pm.end(1), pm.group(1)))
    for cs, ce, surface in cands:
        body = _position_split_re().split(surface)[0]
        name = resolve_bare(canonical_issuer(body), h.place, text)
        if has_place(name):
            h.issuer = name
            h.evidence["issuer"] = ev_list(text, s + cs, s + cs + len(body))
            return
    _issuer_from_signature(text, h, page.signature)


def _lower_body_line(line: str) -> bool:
    """A unit under an upper-case parent printed in title case ("UBND XÃ X / Liên đội trường THCS X"): a body
    head, a short name, no date or number."""
    flat = " ".join(line.split())
    return (len(flat.split()) <= 10 and ":" not in flat and not re.search(r"\d", flat)
            and _issuer_head_re().match(flat.upper()) is not None and not MOTTO.search(flat)
            and re.match(word_alternation(header_words()["body_heads"]) + r"\b", flat) is not None)


def _mixed_case_pieces(masked: str, cut: int) -> list[tuple[int, int, str]]:
    """A header block a copy printed in mixed case ("Ủy ban nhân dân / tỉnh Quảng Nam / Số: 12/KH-UBND"): the body
    lines of the few lines right above "Số:", a body head followed by a name (never "Ban hành ..."), and the place
    lines that go on them."""
    lines = [lm for lm in re.finditer(r"[^\n\t]+", masked[:cut]) if lm.group().strip(" *")][-5:]
    pieces: list[tuple[int, int, str]] = []
    for lm in lines:
        seg = lm.group()
        s = lm.start() + len(seg) - len(seg.lstrip(" *"))
        flat = " ".join(seg.split()).strip(" *")
        head = re.match(word_alternation(header_words()["body_heads"]) + r"(?:\s+(?P<next>\S+))?\s*", flat)
        if head and _lower_body_line(flat) and (not head.group("next") or head.group("next")[0].isupper()
                                                or head.group("next").lower() in _PLACE_WORDS):
            pieces.append((s, s + len(seg.strip(" *")), flat))
        elif pieces and re.match(r"(?i)" + PLACE_DESIGNATOR + r"\s+\S", flat) and len(flat.split()) <= 6 and not re.search(
                r"\d", flat):
            pieces.append((s, s + len(seg.strip(" *")), flat))
        elif pieces:
            break
    return pieces


def read_issuer_block(text: str, page: PageTop, nm: re.Match | None, h: DocumentHeader) -> None:
    """The issuer: the upper-case lines of the header block above "Số:", the last body under its parent."""
    masked = mask_spans(page.zone, page.masks)
    pieces: list[tuple[int, int, str]] = []
    cut = nm.start() if nm and nm.start() < page.zone_end else page.zone_end
    for lm in re.finditer(r"[^\n\t]+", masked[:max(cut, 0)] if cut else ""):
        seg = lm.group()
        s = lm.start() + len(seg) - len(seg.lstrip(" *"))
        e = lm.start() + len(seg.rstrip(" *"))
        body = masked[s:e]
        if body and is_upper_line(body) and ":" not in body and not re.search(r"\d{2}", body):
            flat = despace(body) or " ".join(body.split())  # "T H Ủ  T Ư Ớ N G" -> "THỦ TƯỚNG"
            if not MOTTO.match(flat):
                pieces.append((s, e, flat))
        elif pieces and body and _lower_body_line(body):
            pieces.append((s, e, " ".join(body.split())))
        elif sum(w[:1].islower() for w in body.split()) >= 5:
            pieces = []  # prose between: the capitals above it (a portal's banner) are not the header block
    if not pieces and nm and nm.start() < page.zone_end:
        pieces = _mixed_case_pieces(masked, nm.start())
    pieces, org = split_organisation([p for piece in pieces for p in split_joined(piece, masked)], masked)
    below = position_below(pieces)
    head = pieces.pop() if below is not None else None
    bodies = group_bodies(pieces)
    sole = header_words()["sole_authorities"]
    if len(bodies) > 1 and (" ".join(p[2] for b in bodies[-2:] for p in b) in sole
                            or is_office(" ".join(p[2] for p in bodies[-2]))):
        # "THỦ TƯỚNG / CHÍNH PHỦ" on two lines is one authority, and so is "CHỦ TỊCH / ỦY BAN NHÂN DÂN TỈNH X"
        bodies[-2:] = [bodies[-2] + bodies[-1]]
    if bodies and _read_organ(text, bodies, org, h):
        return
    if bodies:
        issuer = bodies[-1]
        joined = " ".join(p[2] for p in issuer)
        office, joined = (office_of(joined) if joined not in sole else None) or (below or "", joined)
        h.issuer = sole.get(joined) or official_name(resolve_bare(canonical_issuer(
            headed_people_body(joined, h.code)), h.place, text))
        if office:
            h.issuer = f"{office} {h.issuer}"
        lines = issuer + ([head] if head and office else [])  # the office printed under its body is evidence too
        h.evidence["issuer"] = [x for p in lines for x in ev_list(text, p[0], p[1])]
        if len(bodies) > 1:
            parent = bodies[-2]
            h.parent_issuer = canonical_issuer(" ".join(p[2] for p in parent))
            h.issuer = with_parent_place(h.issuer, h.parent_issuer)


def _read_organ(text: str, bodies: list[list[tuple[int, int, str]]], org: tuple[int, int, str] | None,
                h: DocumentHeader) -> bool:
    """An organ printed alone ("BAN THƯ KÝ", "TỈNH ỦY", "BAN CHẤP HÀNH TRUNG ƯƠNG") named with its body above
    it or the organisation line beside it (organs.py)."""
    parent = bodies[-2] if len(bodies) > 1 else None
    name = organ_name(" ".join(p[2] for p in bodies[-1]), " ".join(p[2] for p in parent) if parent else None,
                      org[2] if org else None)
    if not name:
        return False
    h.issuer = official_name(canonical_issuer(name))
    with_body = parent if parent else [org]
    h.evidence["issuer"] = [x for p in bodies[-1] + with_body for x in ev_list(text, p[0], p[1])]
    if len(bodies) > 2:
        h.parent_issuer = canonical_issuer(" ".join(p[2] for p in bodies[-3]))
    return True


def official_name(name: str) -> str:
    """A name read from the page in its official form when it is a listed public body ("Tập đoàn Bưu chính,
    Viễn thông Việt Nam" -> "Tập đoàn Bưu chính Viễn thông Việt Nam")."""
    return public_bodies().get(body_key(name), name)
