"""Header (Decree 30/2020 components): type, number and code, issuer, place, date, title, signer, recipients.

Works on two layouts of the same page top: the header block as lines (PDF, DOCX paragraphs: "ỦY BAN NHÂN DÂN /
TỈNH BẮC NINH / Số: /KH-UBND"), or as one table row whose cells are each on one line, and also when the header
block is missing altogether (plain-text copies): then the issuer comes from the plan's self-description, an annex
self-reference or the signature block.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.lexicon import read_csv, read_yaml
from schemas.record import DocumentHeader, Evidence, Recipient, Signer, TimeValue

# --- lexicons (loaded once) -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _words() -> dict:
    return read_yaml("header_words.yaml")


@lru_cache(maxsize=1)
def doc_types() -> tuple[dict[str, str], ...]:
    return read_csv("doc_types.csv")


@lru_cache(maxsize=1)
def type_by_abbr() -> dict[str, str]:
    """Type abbreviation in a code ("KH" in "KH-UBND") -> full type name; current types win over older ones."""
    out: dict[str, str] = {}
    for regime in ("admin", "qppl", "party", "other", "historical"):
        for row in doc_types():
            if row["regime"] == regime and row["abbr"] and row["abbr"] not in out:
                out[row["abbr"]] = row["name"]
    return out


@lru_cache(maxsize=1)
def type_names() -> tuple[str, ...]:
    """Every type name, longest first (so "Thông tư liên tịch" wins over "Thông tư")."""
    return tuple(sorted({r["name"] for r in doc_types()}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _header_types() -> tuple[str, ...]:
    return tuple(sorted({r["name"] for r in doc_types() if r["header"] == "yes"}, key=len, reverse=True))


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Lower-cased province name or alias -> province name (the pre-2025 63 units and their aliases)."""
    out: dict[str, str] = {}
    try:
        rows = read_csv("provinces.csv")  # owned by the units extractor; read only
    except FileNotFoundError:
        rows = ()
    for row in rows:
        for name in [row.get("old_province", ""), row.get("new_province", "")] + (row.get("aliases") or "").split(";"):
            name = name.strip()
            if name:
                out.setdefault(name.lower(), row.get("old_province") or name)
    return out


def province_of(name: str | None) -> str | None:
    if not name:
        return None
    key = re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", name.strip().lower())
    return provinces().get(key)


# --- small text helpers ---------------------------------------------------------------------------

_UPPER_VN = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_MOTTO = re.compile(
    r"C[ỘO]NG\s+H[ÒO]À?A?\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A(?:\s+VI[ỆE]T\s+NAM)?"
    r"|Đ[ộo]c\s+l[ậa]p\s*-\s*T[ựu]\s+do\s*-\s*H[ạa]nh\s+[Pp]h[úu]c"
    r"|^[ \t]*VI[ỆE]T\s+NAM[ \t]*$|^[ \t]*-{3,}[ \t]*$",
    re.MULTILINE)
# "Số:", OCR'd as "Sô:", "S6:", "Sế:" ...; then an optional number and the code after "/"
_NUMBER = re.compile(
    r"\bS[ốôoóòơồổớờ6ế0][ \t]*[:.;]?[ \t]*(?P<num>\d{1,6}[a-zA-Z]?)?[ \t]*(?:-[ \t]*(?=[A-ZĐ][A-Za-zĐđ]*/))?"
    r"[ \t]*/[ \t]*(?P<code>[A-ZĐ0-9][^\s/,;()]*(?:[ \t]*[-/][ \t]*[A-ZĐ0-9][^\s/,;()-]*)*)")
_PLACE_DATE = re.compile(
    r",[ \t]*ngày[ \t]*(?P<d>\d{1,2})?[ \t._…]*tháng[ \t]*(?P<m>\d{1,2})?[ \t._…]*năm[ \t]*(?P<y>\d{4})\b")
_DMY = re.compile(r"(?P<d>\d{1,2})[ \t]*[/.-][ \t]*(?P<m>\d{1,2})[ \t]*[/.-][ \t]*(?P<y>\d{4})(?!\d)")
_LONG_DATE = re.compile(
    r"ngày[ \t]*(?P<d>\d{1,2})?[ \t._…]*tháng[ \t]*(?P<m>\d{1,2})?[ \t._…]*năm[ \t]*(?P<y>\d{4})(?!\d)")
_ROMAN_HEAD = re.compile(r"^(?:[IVX]{1,5}|[A-D])[.)]\s")
_NAME_TOKEN = re.compile(r"^[^\W\d_][^\W\d_]*$")


def is_upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def make_time(text: str, d: str | None, m: str | None, y: str | None) -> TimeValue | None:
    """A TimeValue with only the precision written: blanks in "ngày tháng 5 năm 2024" give 2024-05."""
    if not y:
        return None
    year = int(y)
    if not 1900 <= year <= 2100:
        return None
    if m and 1 <= int(m) <= 12:
        if d and 1 <= int(d) <= 31:
            return TimeValue(text=text, value=f"{year:04d}-{int(m):02d}-{int(d):02d}", granularity="day")
        return TimeValue(text=text, value=f"{year:04d}-{int(m):02d}", granularity="month")
    return TimeValue(text=text, value=f"{year:04d}", granularity="year")


def _ev(text: str, start: int, end: int) -> list[Evidence]:
    e = evidence(text, start, end)
    return [e] if e.end > e.start else []


# --- issuer names -----------------------------------------------------------------------------------

_ABBR_FALLBACK = {  # used only when extractors.names.canonical_unit is not available
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "TĐKT": "Thi đua - Khen thưởng",
    "HĐTĐKT": "Hội đồng Thi đua - Khen thưởng", "MTTQ": "Mặt trận Tổ quốc", "TW": "Trung ương",
    "TƯ": "Trung ương", "TP.": "thành phố", "TP": "thành phố", "TX": "thị xã", "ĐBSH": "Đồng bằng sông Hồng",
    "GD&ĐT": "Giáo dục và Đào tạo", "LĐTB&XH": "Lao động - Thương binh và Xã hội", "BCĐ": "Ban Chỉ đạo",
}
_PLACE_WORDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
_VOWELS = set("aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def _proper_case(upper: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH BẮC NINH" -> "Ủy ban nhân dân tỉnh Bắc Ninh" (place names capitalised)."""
    out: list[str] = []
    cap_next = False  # True after a place word: "TỈNH BẮC NINH" -> "tỉnh Bắc Ninh"
    words = upper.split()
    i = 0
    while i < len(words):
        w = words[i]
        low = w.lower()
        if w in _ABBR_FALLBACK:
            exp = _ABBR_FALLBACK[w]
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
        if low in ("và", "-", "các", "của", "thuộc", "trực"):
            out.append(low)
            cap_next = low == "-" and bool(out[:-1]) and out[-2][:1].isupper()
            i += 1
            continue
        out.append(low[:1].upper() + low[1:] if (cap_next or not out or (out and out[-1] == "và"
                                                                           and _issuer_head_re().match(w))) else low)
        i += 1
    s = " ".join(out)
    return s[:1].upper() + s[1:]


def canonical_issuer(surface: str, context: DocContext | None = None) -> str:
    """Full name with abbreviations expanded, in proper case; uses the units extractor's canonicaliser if present."""
    surface = " ".join(surface.replace("*", " ").split()).strip(" ,;:.")
    if is_upper_line(surface):
        surface = _proper_case(surface)  # our casing keeps acronyms (VNPT) and expands UBND before names sees it
    try:
        from extractors.names import canonical_unit  # written by the units developer
        names = canonical_unit(surface, context)
        if len(names) == 1 and names[0]:
            return names[0]
    except Exception:  # not there yet, or failing on an odd surface: fall back
        pass
    words = [(_ABBR_FALLBACK.get(w, w)) for w in surface.split()]
    return " ".join(words)


@lru_cache(maxsize=1)
def _issuer_head_re() -> re.Pattern:
    heads = sorted(_words()["issuer_heads"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(h) for h in heads) + r")\b")


def _place_complete(body: str) -> bool:
    """A body names its place ("... TỈNH BẮC NINH", "... VIỆT NAM", "... TRUNG ƯƠNG")."""
    up = body.upper()
    if re.search(r"(?:VIỆT NAM|TRUNG ƯƠNG|TW)\s*$", up):
        return True
    m = re.search(r"\b(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(\S+(?:\s+\S+)*)$", up)
    if m and not re.fullmatch(r"(?:TỈNH|THÀNH PHỐ|HUYỆN)", m.group(1)):
        return True
    return province_of(" ".join(up.split()[-2:])) is not None or province_of(" ".join(up.split()[-3:])) is not None


def _group_bodies(pieces: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Header lines -> bodies: a line starting with a head word, after a complete body, starts a new one."""
    bodies: list[list[tuple[int, int, str]]] = []
    for piece in pieces:
        s = piece[2]
        if bodies:
            prev = " ".join(p[2] for p in bodies[-1])
            joined = re.search(r"(?:\bVÀ|-|,|\bCÁC|\bCỦA)\s*$", prev) or re.match(
                r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|VÀ|-)\b", s)
            new = not joined and (_issuer_head_re().match(s) or _place_complete(prev))
            if not new:
                bodies[-1].append(piece)
                continue
        bodies.append([piece])
    return bodies


# --- the header block ------------------------------------------------------------------------------


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, min(e, len(chars))):
            if chars[i] not in "\n\t":
                chars[i] = " "
    return "".join(chars)


@lru_cache(maxsize=1)
def _type_line_re() -> re.Pattern:
    alts = "|".join(re.escape(t.upper()) for t in _header_types())
    return re.compile(r"^[ \t*]*(?P<type>" + alts + r")(?![^\W\d_])[ \t*]*(?P<rest>[^\n]*)$", re.MULTILINE)


def _find_type_line(text: str, limit: int) -> re.Match | None:
    for m in _type_line_re().finditer(text, 0, limit):
        rest = m.group("rest").strip(" *")
        if rest.startswith(":"):
            continue  # "QUYẾT ĐỊNH:" opens the articles, it is not the type line
        if rest and not (rest[0].isupper() or rest[0] in "(\"“"):
            continue  # "Kế hoạch này ..." in running text, or an upper-case word inside a sentence
        return m
    return None


def _type_name(upper: str) -> str:
    for t in type_names():
        if t.upper() == upper:
            return t
    return upper.capitalize()


def _body_start(text: str) -> int:
    m = re.search(r"(?m)^[ \t*]*(?:Căn cứ|Thực hiện|I\.\s|Điều 1\b)", text)
    return m.start() if m else min(len(text), 3000)


def _title(text: str, start: int, h: DocumentHeader) -> None:
    stops = tuple(_words()["title_stops"])
    pos = start
    parts: list[tuple[int, int]] = []
    n = len(text)
    while pos < n:
        eol = text.find("\n", pos)
        eol = n if eol < 0 else eol
        line = text[pos:eol]
        stripped = line.strip(" \t*")
        if not stripped:
            if not parts:
                pos = eol + 1
                continue
            # a blank line ends the title unless the title clearly goes on ("các cấp," / a lower-case start)
            nxt = pos
            while nxt < n and text[nxt] in "\n \t":
                nxt += 1
            prev = text[parts[-1][0]:parts[-1][1]].rstrip(" *")
            if nxt < n and (prev.endswith((",", "và", "-")) or text[nxt].islower()):
                pos = nxt
                continue
            break
        if parts and (stripped.startswith(stops) or _ROMAN_HEAD.match(stripped) or is_upper_line(stripped)
                      or stripped.startswith("Số")):
            break
        if not parts and (stripped.startswith(stops) or _ROMAN_HEAD.match(stripped)):
            break
        if "\t" in line:
            break
        lead = len(line) - len(line.lstrip(" \t*"))
        parts.append((pos + lead, pos + lead + len(stripped)))
        if sum(e - s for s, e in parts) > 400:
            break
        pos = eol + 1
    if parts:
        title = " ".join(" ".join(text[s:e].split()) for s, e in parts).strip(" *")
        if title:
            h.title = title
            h.evidence["title"] = [x for s, e in parts for x in _ev(text, s, e)]


def _signature_region(text: str) -> tuple[int, int]:
    m = None
    for m in re.finditer(r"(?i)nơi nhận\s*:?", text):
        break
    if m:
        return max(0, m.start() - 800), min(len(text), m.end() + 2500)
    end = text.rfind("./.")
    start = end if end > 0 else max(0, len(text) - 2500)
    return start, min(len(text), start + 2500)


@lru_cache(maxsize=1)
def _position_re() -> re.Pattern:
    pos = sorted({p.upper() for p in _words()["positions"]}, key=len, reverse=True)
    auth = "|".join(re.escape(a) for a in _words()["authorities"])
    return re.compile(r"(?<![^\W_])(?:(?P<auth>" + auth + r")[ \t]*)?(?P<pos>" + "|".join(re.escape(p) for p in pos)
                      + r")(?![^\W\d_])")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(_words()["surnames"])


def _person_names(line: str) -> list[tuple[int, int]]:
    """Spans of personal names at the end of a signature line ("... Phạm Đình Nghị", or several names)."""
    toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", line)]
    run: list[tuple[int, int, str]] = []
    for s, e, t in reversed(toks):
        w = t.strip("*.,;")
        if w and _NAME_TOKEN.match(w) and w[0].isupper() and (len(w) == 1 or w[1:].islower()):
            run.insert(0, (s, e, w))
            continue
        if run:
            break
        if w:
            return []
    if not run or len(run) < 2:
        return []
    # what precedes the run must be upper-case (a position) or nothing: else it is prose
    head = line[:run[0][0]].strip(" *\t")
    if head and not is_upper_line(head):
        return []
    words = [w for _, _, w in run]
    end_trim = len(run[-1][2]) - len(run[-1][2].rstrip("*.,;"))
    if len(words) <= 4:
        return [(run[0][0], run[-1][1] - end_trim)]
    if words[0] not in _surnames():
        return []
    # several names on one line: a new name starts at a family name once the current one has 2+ syllables
    names: list[list[tuple[int, int, str]]] = [[]]
    for tok in run:
        if names[-1] and len(names[-1]) >= 2 and tok[2] in _surnames():
            names.append([])
        names[-1].append(tok)
    return [(n[0][0], n[-1][1]) for n in names if 2 <= len(n) <= 5]


def _signer(text: str, h: DocumentHeader) -> tuple[int, int] | None:
    """The signature block: authority (TM./KT./...), position, on_behalf_of and the first signer's name."""
    start, end = _signature_region(text)
    region = text[start:end]
    pos_re = _position_re()
    first = None
    auths: list[tuple[str, int, int, str]] = []
    positions: list[tuple[str, int, int]] = []
    for lm in re.finditer(r"[^\n]+", region):
        line = lm.group()
        for m in pos_re.finditer(line):
            if first is None:
                first = lm.start()
            positions.append((m.group("pos"), start + lm.start() + m.start("pos"), start + lm.start() + m.end("pos")))
        for am in re.finditer(r"(?<![^\W_])(TM|KT|TL|TUQ|Q)\.[ \t]*([" + _UPPER_VN + r"][" + _UPPER_VN
                              + r" \-]*[" + _UPPER_VN + r"])", line):
            if first is None:
                first = lm.start()
            auths.append((am.group(1) + ".", start + lm.start() + am.start(), start + lm.start() + am.end(),
                          am.group(2)))
    if first is None:
        return None
    name_span = None
    for lm in re.finditer(r"[^\n]+", region[first:]):
        names = _person_names(lm.group())
        if names:
            s0 = start + first + lm.start()
            name_span = (s0 + names[0][0], s0 + names[0][1])
            break
    if name_span is None:
        return None
    sig = Signer(name=text[name_span[0]:name_span[1]].strip(" *"))
    evs = _ev(text, *name_span)
    before = [a for a in auths if a[1] < name_span[0]]
    if before:
        sig.authority = before[-1][0]
        tm = [a for a in before if a[0] == "TM."]
        if tm:
            sig.on_behalf_of = canonical_issuer(tm[-1][3])
        for a in before:
            evs += _ev(text, a[1], a[2])
    pos_before = [p for p in positions if p[2] <= name_span[0]]
    if pos_before:
        # the position right under the authority line (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH -> Phó Chủ tịch)
        after_auth = [p for p in pos_before if not before or p[1] >= before[-1][2]]
        chosen = (after_auth or pos_before)[0] if not before else (after_auth or pos_before)[0]
        sig.position = _position_case(chosen[0])
        evs += _ev(text, chosen[1], chosen[2])
    sig.evidence = evs
    h.signer = sig
    h.evidence["signer"] = _ev(text, *name_span)
    return name_span


def _position_case(upper: str) -> str:
    for p in sorted(_words()["positions"], key=len, reverse=True):
        if p.upper() == upper:
            return p
    return upper.capitalize()


def _recipients(text: str, h: DocumentHeader, name_span: tuple[int, int] | None) -> None:
    m = re.search(r"(?i)nơi nhận\s*:", text)
    if not m:
        return
    pos = m.end()
    n = len(text)
    # the list runs until the end of its cell (tab), or a line that is neither an item nor part of the signature
    items: list[tuple[int, int]] = []
    stop = n
    line_start = pos
    while line_start < n:
        eol = text.find("\n", line_start)
        eol = n if eol < 0 else eol
        tab = text.find("\t", line_start, eol)
        seg_end = tab if tab >= 0 else eol
        line = text[line_start:seg_end].strip(" *")
        if line_start > pos and not line:
            nxt = eol + 1
            while nxt < n and text[nxt] in "\n \t":
                nxt += 1
            if nxt < n and text[nxt] == "-":
                line_start = nxt
                continue
            stop = line_start
            break
        if line_start > pos and not line.startswith(("-", "+", "•")):
            if name_span and line_start <= name_span[0] < seg_end or is_upper_line(line):
                line_start = eol + 1
                continue
            stop = line_start
            break
        for im in re.finditer(r"(?:^|(?<=[;,.:]))[ \t]*[-+•][ \t]+(?P<item>.+?)(?=[;,.][ \t]*[-+•][ \t]|$)",
                              text[line_start:seg_end]):
            items.append((line_start + im.start("item"), line_start + im.end("item")))
        if tab >= 0:
            stop = tab
            break
        line_start = eol + 1
    purposes = _words()["recipient_purposes"]
    pos_re = _position_re()
    for s, e in items:
        if e > stop:
            e = stop
        raw = text[s:e]
        # cut a signature fragment that shares the line ("- Sở Nội vụ; CHỦ TỊCH")
        for pm in pos_re.finditer(raw):
            if is_upper_line(raw[pm.start():]):
                raw = raw[:pm.start()]
                break
        am = re.search(r"\b(?:TM|KT|TL|TUQ|Q)\.\s", raw)
        if am:
            raw = raw[:am.start()]
        if name_span and s <= name_span[0] < s + len(raw):
            raw = raw[:name_span[0] - s]
        purpose = None
        pm = re.search(r"[,(\s]*\(?\s*để\s+([^)]+?)\)?[\s;,.]*$|\((b/c|t/h|p/h)\)[\s;,.]*$", raw)
        if pm:
            word = (pm.group(1) or pm.group(2)).strip()
            purpose = "để " + purposes.get(word, word)
            raw = raw[:pm.start()]
        name = raw.strip(" ;,.:*\t")
        if not name or re.match(r"(?i)lưu\b", name):
            continue  # "Lưu: VT" is the file copy, not a recipient
        lead = raw.find(name)
        h.recipients.append(Recipient(name=name, purpose=purpose, evidence=_ev(text, s + lead, s + lead + len(name))))
    if h.recipients:
        h.evidence["recipients"] = [e for r in h.recipients for e in r.evidence]




@lru_cache(maxsize=1)
def _self_ref_re() -> re.Pattern:
    types = "|".join(re.escape(t) for t in type_names())
    return re.compile(r"[Kk]èm theo\s+(?P<type>" + types + r")\s+(?:số\s*:?\s*)?(?P<num>\d{1,6})?\s*/\s*"
                      r"(?P<code>[A-ZĐ][^\s,;()]*)[\s,]*(?P<date>ngày[^()\n]{0,30}?\d{4}|\d{1,2}/\d{1,2}/\d{4})?"
                      r"(?:\s*của\s+(?P<issuer>[^()\n]{3,120}?))?\s*\)")


@lru_cache(maxsize=1)
def _self_desc_re() -> re.Pattern:
    heads = "|".join(re.escape(x) for x in sorted(_words()["body_heads"], key=len, reverse=True))
    verbs = "|".join(re.escape(x) for x in sorted(_words()["self_verbs"], key=len, reverse=True))
    types = "|".join(re.escape(t) for t in type_names())
    return re.compile(r"(?:^|(?<=[,;:.])\s+|(?<=\n))(?P<body>(?:" + heads + r")\b[^,;.\n()“”\"]{0,100}?)\s*"
                      r"(?:\([^)]{0,40}\)\s*)?(?:" + verbs + r")\s+(?:" + types + r"|Đợt|đợt)\b", re.MULTILINE)


def _resolve_bare(name: str, place: str | None, text: str) -> str:
    """"Ủy ban nhân dân tỉnh" + place line "Bắc Ninh" -> "Ủy ban nhân dân tỉnh Bắc Ninh"."""
    m = re.search(r"\b(tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s*$", name)
    if m and place:
        des = m.group(1)
        if des == "tỉnh" and province_of(place):
            return f"{name} {province_of(place)}"
        if des != "tỉnh" and not province_of(place):
            return f"{name} {place}"
    if not m and place and re.fullmatch(r"(?i)(?:ủy|uỷ) ban nhân dân|hội đồng nhân dân", name.strip()):
        if province_of(place):
            return f"{name} tỉnh {province_of(place)}"
        dm = re.search(r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(huyện|thị xã|thành phố|quận|xã|phường|thị trấn)\s+"
                       + re.escape(place) + r"\b", text)
        if dm:
            return f"{name} {dm.group(1)} {place}"
    return name


def _has_place(name: str) -> bool:
    return bool(re.search(r"\b(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s+[A-ZĐ" + _UPPER_VN[3:] + r"]",
                          name)) or bool(re.search(r"(?i)(?:cụm|khối) thi đua\s+\S+", name)) or province_of(
        " ".join(name.split()[-2:])) is not None


def extract_header(text: str) -> DocumentHeader:
    """The document's header components, each with evidence. Fields not found stay None."""
    h = DocumentHeader()
    if not text:
        return h
    limit = _body_start(text)
    tm = _find_type_line(text, min(len(text), max(limit, 200) + 400))
    zone_end = tm.start() if tm else limit
    zone = text[:zone_end]
    masks: list[tuple[int, int]] = [(m.start(), m.end()) for m in _MOTTO.finditer(zone)]

    # number and code
    nm = _NUMBER.search(_mask(zone, masks)) or _NUMBER.search(text, 0, limit)
    if nm:
        code = re.sub(r"\s+", "", nm.group("code")).rstrip(".-")
        h.code = code
        h.evidence["code"] = _ev(text, nm.start("code"), nm.end("code"))
        if nm.group("num"):
            h.number = nm.group("num")
            h.evidence["number"] = _ev(text, nm.start("num"), nm.end("num"))
        if nm.end() <= zone_end:
            masks.append((nm.start(), nm.end()))

    # place and date of issue
    masked = _mask(zone, masks)
    pm = _PLACE_DATE.search(masked) or _PLACE_DATE.search(_mask(text[:limit], masks))
    if pm:
        toks = list(re.finditer(r"[^\s,]+", masked[:pm.start()].split("\n")[-1].split("\t")[-1]))
        base = pm.start() - len(masked[:pm.start()].split("\n")[-1].split("\t")[-1])
        keep: list[re.Match] = []
        for i, t in enumerate(reversed(toks)):
            w = t.group()
            left = toks[len(toks) - i - 2].group() if len(toks) - i - 2 >= 0 else ""
            if w in ("phố", "xã", "trấn") and left in ("Thành", "Thị"):
                keep.insert(0, t)  # "Thành phố Hồ Chí Minh", "Thị xã Sơn Tây"
                continue
            if w == "-" or (w[0].isupper() and not (w.isupper() and len(w) > 1 and keep == [] and not province_of(w))):
                keep.insert(0, t)
                continue
            break
        while keep and keep[0].group() == "-":
            keep.pop(0)
        if keep and len(keep) <= 6:
            ps, pe = base + keep[0].start(), base + keep[-1].end()
            h.place = " ".join(text[ps:pe].split())
            h.evidence["place"] = _ev(text, ps, pe)
        tv = make_time(" ".join(text[pm.start() + 1:pm.end()].split()), pm.group("d"), pm.group("m"), pm.group("y"))
        if tv:
            h.issued = tv
            h.evidence["issued"] = _ev(text, pm.start() + 1, pm.end())
        if pm.end() <= zone_end:
            masks.append((pm.start() - (pe - ps if h.place else 0) - 2 if h.place else pm.start(), pm.end()))

    # type and title
    if tm:
        h.type = _type_name(tm.group("type"))
        h.evidence["type"] = _ev(text, tm.start("type"), tm.end("type"))
        rest = tm.group("rest").strip(" *")
        _title(text, tm.start("rest") if rest else tm.end(), h)
    elif h.code:
        abbr = re.split(r"[-/]", h.code)[0]
        if abbr in type_by_abbr():
            h.type = type_by_abbr()[abbr]
            h.evidence["type"] = h.evidence.get("code", [])

    # issuer: the upper-case lines of the header block above "Số:"
    masked = _mask(zone, masks)
    pieces: list[tuple[int, int, str]] = []
    cut = nm.start() if nm and nm.start() < zone_end else zone_end
    for lm in re.finditer(r"[^\n\t]+", masked[:max(cut, 0)] if cut else ""):
        seg = lm.group()
        s = lm.start() + len(seg) - len(seg.lstrip(" *"))
        e = lm.start() + len(seg.rstrip(" *"))
        body = masked[s:e]
        if body and is_upper_line(body) and ":" not in body and not re.search(r"\d{2}", body):
            pieces.append((s, e, " ".join(body.split())))
    bodies = _group_bodies(pieces)
    if bodies:
        issuer = bodies[-1]
        h.issuer = canonical_issuer(" ".join(p[2] for p in issuer))
        h.evidence["issuer"] = [x for p in issuer for x in _ev(text, p[0], p[1])]
        if len(bodies) > 1:
            parent = bodies[-2]
            h.parent_issuer = canonical_issuer(" ".join(p[2] for p in parent))

    name_span = _signer(text, h)
    _recipients(text, h, name_span)

    # annex self-reference: "(kèm theo Kế hoạch số 2352/KH-CDNB ngày 02/7/2020 của ...)"
    for sm in _self_ref_re().finditer(text):
        code = re.sub(r"\s+", "", sm.group("code")).rstrip(".")
        if h.code and code != h.code:
            continue
        if h.type and sm.group("type") != h.type:
            continue
        if not h.code:
            h.code = code
            h.evidence["code"] = _ev(text, sm.start("code"), sm.end("code"))
        if not h.type:
            h.type = sm.group("type")
            h.evidence["type"] = _ev(text, sm.start("type"), sm.end("type"))
        if not h.number and sm.group("num"):
            h.number = sm.group("num")
            h.evidence["number"] = _ev(text, sm.start("num"), sm.end("num"))
        if not h.issued and sm.group("date"):
            ds = sm.group("date")
            dm = _DMY.search(ds) or _LONG_DATE.search(ds)
            if dm:
                tv = make_time(" ".join(ds.split()), dm.group("d"), dm.group("m"), dm.group("y"))
                if tv:
                    h.issued = tv
                    h.evidence["issued"] = _ev(text, sm.start("date"), sm.end("date"))
        if not h.issuer and sm.group("issuer"):
            name = _resolve_bare(canonical_issuer(sm.group("issuer")), h.place, text)
            if _has_place(name):
                h.issuer = name
                h.evidence["issuer"] = _ev(text, sm.start("issuer"), sm.end("issuer"))
        break

    if not h.issuer:
        _issuer_fallback(text, h, limit)
    return h


def _issuer_fallback(text: str, h: DocumentHeader, limit: int) -> None:
    """No header block: the plan's self-description, else the signature block (TM. body + place)."""
    start = h.evidence["title"][-1].end if h.evidence.get("title") else 0
    window = text[start:start + 4000]
    for m in _self_desc_re().finditer(window):
        body = m.group("body").strip()
        if re.search(r"\b(?:các|những|đơn vị)\b", body.split(" tỉnh")[0] if "Cụm" not in body else ""):
            continue
        name = _resolve_bare(canonical_issuer(body), h.place, text)
        if _has_place(name):
            h.issuer = name
            h.evidence["issuer"] = _ev(text, start + m.start("body"), start + m.end("body"))
            return
    s, e = _signature_region(text)
    region = text[s:e]
    # "TM. ỦY BAN NHÂN DÂN" (+ the place line), or a position with its body ("CHỦ TỊCH UBND TỈNH NAM ĐỊNH")
    cands = []
    for am in re.finditer(r"(?<![^\W_])TM\.[ \t]*([" + _UPPER_VN + r"][" + _UPPER_VN + r" \-]*[" + _UPPER_VN + r"])",
                          region):
        cands.append((am.start(1), am.end(1), am.group(1)))
    for pm in re.finditer(r"(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ)[ \t]+((?:UBND|ỦY BAN NHÂN DÂN|HĐND|SỞ|BAN)\b[" + _UPPER_VN
                          + r" \-]*[" + _UPPER_VN + r"])", region):
        cands.append((pm.start(1), pm.end(1), pm.group(1)))
    for cs, ce, surface in cands:
        body = re.split(r"\s+(?:" + "|".join(re.escape(p.upper()) for p in _words()["positions"]) + r")\b",
                        surface)[0]
        name = _resolve_bare(canonical_issuer(body), h.place, text)
        if _has_place(name):
            h.issuer = name
            h.evidence["issuer"] = _ev(text, s + cs, s + cs + len(body))
            return


# --- document context --------------------------------------------------------------------------------


def build_context(text: str, header: DocumentHeader) -> DocContext:
    """The plan's year, province and level, from the header and the text."""
    year = month = None
    if header.issued:
        v = header.issued.value
        year = int(v[:4])
        if len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
            month = int(v[5:7])
    if year is None and header.title:
        ys = re.findall(r"\b(19[9]\d|20\d\d)\b", header.title)
        if ys:
            year = int(ys[-1])
    if year is None:
        ys = Counter(int(y) for y in re.findall(r"(?<![\d/])((?:199\d|20\d\d))(?![\d/])", text))
        if ys:
            year = ys.most_common(1)[0][0]
    province = district = level = None
    issuer = header.issuer or ""
    for m in re.finditer(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+([A-ZĐ" + _UPPER_VN[3:]
                         + r"][^\s,;()]*(?:\s+[A-ZĐ" + _UPPER_VN[3:] + r"0-9][^\s,;()]*)*)", issuer):
        des, place = m.group(1), m.group(2)
        if des in ("tỉnh", "thành phố") and province_of(place):
            province = province_of(place)
            level = level or "tỉnh"
        elif des in ("huyện", "quận", "thị xã", "thành phố"):
            district, level = place, "huyện"
        elif des in ("xã", "phường", "thị trấn"):
            district, level = place, "xã"
    if province is None and header.place and province_of(header.place):
        province = province_of(header.place)
    if province is None and header.parent_issuer:
        pm = re.search(r"\b(?:tỉnh|thành phố)\s+(.+)$", header.parent_issuer)
        if pm and province_of(pm.group(1)):
            province = province_of(pm.group(1))
    if province is None:
        s, e = _signature_region(text)
        pm = re.search(r"\b(?:TỈNH|THÀNH PHỐ)\s+([" + _UPPER_VN + r" \-]+?)\s*$", text[s:e], re.MULTILINE)
        if pm and province_of(pm.group(1).title()):
            province = province_of(pm.group(1).title())
    if level is None and province and re.search(r"(?i)\b(?:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân) (?:tỉnh|thành phố)|^sở\b|tỉnh\b", issuer):
        level = "tỉnh"
    if level is None and district is None and header.place and not province_of(header.place) and re.search(
            r"(?i)^(?:ủy|uỷ) ban nhân dân (?:huyện|quận|thị xã|thành phố)", issuer):
        district, level = header.place, "huyện"
    return DocContext(year=year, month=month, province=province, district=district, level=level,
                      issuer=header.issuer)
