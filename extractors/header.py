"""Header (Decree 30/2020 components): type, number and code, issuer, place, date, title, signer, recipients.

Works on two layouts of the same page top: the header block as lines (PDF, DOCX paragraphs: "ỦY BAN NHÂN DÂN /
TỈNH BẮC NINH / Số: /KH-UBND"), or as one table row whose cells are each on one line, and also when the header
block is missing altogether (plain-text copies): then the issuer comes from the plan's self-description, an annex
self-reference or the signature block.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.lexicon import DATA, read_csv, read_yaml
from extractors.names import canonical_unit, expand_abbreviations
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
    r"C[ỘO]NG\s+H[ÒO]À?A?\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A(?:\s+VI[ỆE]T(?:\s+NAM)?)?"
    r"|Đ[ộo]c\s+l[ậa]p\s*-\s*T[ựu]\s+do\s*-\s*H[ạa]nh\s+[Pp]h[úu]c"
    r"|^[ \t\-–]*VI[ỆE]T\s+NAM[ \t]*$|^[ \t]*-{3,}[ \t]*$",  # "- VIỆT NAM" as OCR splits the motto
    re.MULTILINE)
# "Số:", OCR'd as "Sô:", "S6:", "Sế:", "SỐ:", "số:" ...; then an optional number and the code after "/" (a fraction
# slash "⁄" on some scans)
_NUMBER = re.compile(
    r"\b(?:S[ốôoóòơồổớờ6ế0ỐÔÓÒ]|số(?=[ \t]*:))[ \t]*[:.;]?[ \t]*(?P<num>\d{1,6}[a-zA-Z]?)?[ \t]*\.?[ \t]*"
    r"(?:-[ \t]*(?=[A-ZĐ][A-Za-zĐđ]*/))?"
    r"[ \t]*[/⁄∕][ \t]*(?P<code>[A-ZĐ0-9][^\s/,;()-]*(?:[ \t]*[-/][ \t]*[A-ZĐ0-9][^\s/,;()-]*|-)*)")
# a number OCR could not read (handwritten or stamped): "Số: //đ# !QĐ-UBND", "số:Z7ƒ /QĐ-UBND" give the code only;
# used when _NUMBER finds nothing, and only for a code that starts with a document-type abbreviation
_NUMBER_OCR = re.compile(
    r"(?<![^\W\d_])[Ss][ốôoóòơồổớờ6ế0ỐÔ][ \t]*[:.;,]?(?P<junk>[^\n\t]{0,10}?)(?<![A-Za-zĐđ])"
    r"(?P<code>(?P<abbr>[A-ZĐ][A-Za-zĐ]{0,3})(?:[ \t]*-[ \t]*[A-ZĐ0-9][A-ZĐ0-9.&]*)+)")
# the date words as OCR gives them on scans ("ngảy", "thảng", "nãm"): only the tone mark varies
_NGAY, _THANG, _NAM = r"ng[àaáảạã]y", r"th[áaàảạã]ng", r"n[ăaâãắằẵ]m"
_PLACE_DATE = re.compile(
    r",[ \t]*" + _NGAY + r"[ \t]*(?P<d>\d{1,2})?[ \t._…]*" + _THANG + r"[ \t]*(?P<m>\d{1,2})?[ \t._…]*" + _NAM
    + r"[ \t]*(?P<y>\d{4})\b")
# the place line with OCR noise where a handwritten day or month was ("Quảng Bình, ngày {tháng 12 năm 2021",
# "ngày,4/Ƒtháng fnăm 2022"): a slot holding no word is read as its number when clean, else as unknown
_PLACE_DATE_OCR = re.compile(
    r"[,.][ \t]*" + _NGAY + r"(?P<dj>[^\n\t]{0,8}?)" + _THANG + r"(?P<mj>[^\n\t]{0,6}?)" + _NAM
    + r"[ \t]*(?P<y>\d{4})\b")
# "Quảng Bình, ngày 24/10/2022": the place line with a numeric date
_PLACE_DATE_NUM = re.compile(r"(?m)^[ \t]*[^\W\d_][^\n\t\d,;:()/]{0,40}(?P<c>,)[ \t]*" + _NGAY
                             + r"[ \t]*\d{1,2}[ \t]*(?P<s>[/.-])[ \t]*\d{1,2}[ \t]*(?P=s)[ \t]*\d{4}(?!\d)")
_PLACE_DATE_NUM_TAIL = re.compile(r",[ \t]*" + _NGAY + r"[ \t]*(?P<d>\d{1,2})[ \t]*[/.-][ \t]*(?P<m>\d{1,2})[ \t]*[/.-]"
                                  r"[ \t]*(?P<y>\d{4})")
_CLEAN_SLOT = re.compile(r"[ \t.,…_]*(?P<n>\d{1,2})?[ \t.,…_]*")
_WORD2 = re.compile(r"[^\W\d_]{2,}")
_DMY = re.compile(r"(?P<d>\d{1,2})[ \t]*[/.-][ \t]*(?P<m>\d{1,2})[ \t]*[/.-][ \t]*(?P<y>\d{4})(?!\d)")
_LONG_DATE = re.compile(
    r"ngày[ \t]*(?P<d>\d{1,2})?[ \t._…]*tháng[ \t]*(?P<m>\d{1,2})?[ \t._…]*năm[ \t]*(?P<y>\d{4})(?!\d)")
# a signing authority and its body: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"; OCR and web copies drop the dot
# ("KT THỦ TƯỚNG"), which is safe for the two- and three-letter prefixes but not for "Q."
_SIG_AUTH = re.compile(r"(?<![^\W_])(TM|KT|TL|TUQ|Q(?=\.))(?:\.[ \t]*|[ \t]+)([" + _UPPER_VN + r"][" + _UPPER_VN
                       + r" \-]*[" + _UPPER_VN + r"])")
_RULE_LINE = re.compile(r"^[-_=~*.·…\s]+$")
# "V/v", "V/ v", "V/V:" opening a Công văn's trích yếu (at a line or cell start)
_VV = re.compile(r"(?m)(?:^|(?<=\t))[ \t*]*(?P<vv>V[ \t]*/[ \t]*[vV])[ \t]*[:.]?[ \t]+(?=\S)")
# a body heading under the title: "I. Mục đích", "I/ Mục đích:", "1. Hình thức", "a) ...", or a bullet "- Giáo dục"
# "V/v" inside a line, in a copy that lost the header's line breaks ("... Hạnh phúc V/v hướng dẫn ... Kính gửi:")
_VV_INLINE = re.compile(r"(?<=\s)(?P<vv>V[ \t]*/[ \t]*v)[ \t]*[:.]?[ \t]+(?=\S)")
# where a title inside such a line ends: the addressee or the legal basis
_TITLE_INLINE_STOP = re.compile(r"[ \t]+(?:Kính gửi\b|C[ăâ]n c[ứửưu]\b)")


def _vv_inline(text: str, nm: re.Match | None, limit: int) -> re.Match | None:
    """Only after the document's own number, within the header zone."""
    if not nm:
        return None
    return _VV_INLINE.search(text, nm.end(), min(limit, nm.end() + 600))


_ROMAN_HEAD = re.compile(r"^(?:(?:[IVX]{1,5}|[A-D])[.)/]|\d{1,2}[./)]|[a-zđ]\))\s|^[-+•][ \t]*[^\W\d_]")
# title verbs that also open a body sentence ("Thực hiện Kế hoạch số ..., UBND xã xây dựng kế hoạch như sau:"):
# right under the type line they start the title unless the line reads as that sentence
_TITLE_VERB_STOPS = ("Thực hiện", "Triển khai", "Hưởng ứng")
_BODY_SENTENCE = re.compile(r"(?i):\s*$|như sau|\bsố\s*:?\s*\d|\d+/[A-ZĐ]")
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


@lru_cache(maxsize=1)
def _syllables() -> dict[str, int]:
    """Lower-case Vietnamese syllable -> corpus count (shared with the OCR corrector; read only)."""
    out: dict[str, int] = {}
    try:
        with (DATA / "vi_syllables.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                syl, n = line.rstrip("\n").split("\t")
                if len(syl) >= 2 and int(n) >= 3:  # one-letter and rare entries are OCR debris
                    key = syl.lower().replace("oà", "òa").replace("uỷ", "ủy").replace("oá", "óa")
                    out[key] = out.get(key, 0) + int(n)
    except (FileNotFoundError, ValueError):
        pass
    return out


_SPACED = re.compile(r"(?<!\S)[^\W\d_](?:[ \t]+[^\W\d_](?!\S)){3,}")


def despace(line: str) -> str | None:
    """Letter-spaced header text from web copies ("T H Ủ  T Ư Ớ N G") -> "THỦ TƯỚNG", or None.

    Single letters are regrouped into known syllables (fewest syllables, breaking at the widest gaps);
    a run that does not segment into known syllables is left alone."""
    m = _SPACED.search(line)
    if not m:
        return None
    syl = _syllables()
    out: list[str] = []
    last = 0
    for m in _SPACED.finditer(line):
        letters = [(x.start(), x.group()) for x in re.finditer(r"\S", m.group())]
        n = len(letters)
        gaps = [letters[i + 1][0] - letters[i][0] - 1 for i in range(n - 1)]
        best: list[tuple[float, int] | None] = [None] * (n + 1)
        best[0] = (0.0, -1)
        for j in range(1, n + 1):
            for i in range(max(0, j - 7), j):
                if best[i] is None:
                    continue
                word = "".join(c for _, c in letters[i:j]).lower()
                if word not in syl:
                    continue
                cost = best[i][0] + 10.0 - (gaps[i - 1] if i else 0) - min(len(str(syl[word])), 5) * 0.1
                if best[j] is None or cost < best[j][0]:
                    best[j] = (cost, i)
        if best[n] is None:
            return None
        words: list[str] = []
        j = n
        while j > 0:
            i = best[j][1]
            words.insert(0, "".join(c for _, c in letters[i:j]))
            j = i
        out.append(line[last:m.start()] + " ".join(words))
        last = m.end()
    out.append(line[last:])
    return " ".join("".join(out).split())


def _ev(text: str, start: int, end: int) -> list[Evidence]:
    e = evidence(text, start, end)
    return [e] if e.end > e.start else []


# --- issuer names -----------------------------------------------------------------------------------

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
        exp = expand_abbreviations(w) if w.isupper() or "&" in w else w
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


@lru_cache(maxsize=1)
def _school_re() -> re.Pattern:
    levels = sorted(_words()["school_levels"], key=len, reverse=True)
    one = "(?:" + "|".join(re.escape(x) for x in levels) + r")(?![^\W_])"
    return re.compile(r"(?i)^trường[ \t]+(?P<levels>" + one + r"(?:[ \t]*(?:&|-|,|\bvà\b)?[ \t]*" + one + r")*)"
                      r"[ \t]+(?P<rest>\S.*)$")


def school_name(surface: str) -> str | None:
    """"TRƯỜNG MN HOA HỒNG" -> "Trường Mầm non Hoa Hồng": a school's level expanded, its proper name capitalised."""
    m = _school_re().match(surface)
    if not m:
        return None
    table = _words()["school_levels"]
    # "TH&THCS" -> "Tiểu học và Trung học cơ sở"; "PTDTNT THPT" (two levels, one school) -> joined by a space
    parts = re.split(r"([ \t]*(?:&|-|,|\bvà\b|\bVÀ\b)[ \t]*)", m.group("levels"))
    level = ""
    for i, p in enumerate(parts):
        if i % 2:
            level += " và "
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
    places = _words()["school_place_abbreviations"]
    rest = m.group("rest").replace(".", ". ").split()
    upper = is_upper_line(m.group("rest"))
    words = []
    for i, w in enumerate(rest):
        bare = w.rstrip(".")
        if bare.upper() in places and (w.endswith(".") or bare.isupper()):
            words.append(places[bare.upper()])
        elif bare.lower() == "số" and i + 1 < len(rest) and rest[i + 1][:1].isdigit():
            words.append("số")
        elif bare.lower() in ("tỉnh", "huyện", "quận", "xã", "phường"):
            words.append(w.lower())
        elif upper or w[:1].islower():
            words.append(w[:1].upper() + w[1:].lower())
        else:
            words.append(w)
    return " ".join(["Trường", level] + words).strip(" ,;:.")


def canonical_issuer(surface: str, context: DocContext | None = None) -> str:
    """Full name with abbreviations expanded, in proper case; uses the units extractor's canonicaliser if present."""
    surface = " ".join(surface.replace("*", " ").split()).strip(" ,;:.")
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


def _split_joined(piece: tuple[int, int, str], text: str) -> list[tuple[int, int, str]]:
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
        if not heads.match(rest) or re.search(r"(?:\bVÀ|-|,|\bCÁC|\bCỦA)$", prefix):
            continue
        pm = re.search(r"\b(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(\S+(?:\s+\S+)*)$", prefix)
        if (pm and len(pm.group(1).split()) >= 2) or (pm and province_of(pm.group(1))) or re.search(
                r"(?:VIỆT NAM|TRUNG ƯƠNG)$", prefix):
            first = (s0, s0 + words[i - 1].end(), prefix)
            return [first] + _split_joined((s0 + words[i].start(), e0, " ".join(rest.split())), text)
    return [piece]


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


def _fold(s: str) -> str:
    """Upper-case letters without tone and vowel marks ("QUYÉT ĐỊNH" and "QUYẾT ĐỊNH" -> "QUYET DINH")."""
    s = unicodedata.normalize("NFD", s.upper().replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


@lru_cache(maxsize=1)
def _letter_classes() -> dict[str, str]:
    """Base letter -> a regex class of every upper-case Vietnamese letter on it ("E" -> "[EÈÉẺẼẸÊỀẾỂỄỆ]")."""
    groups: dict[str, set[str]] = {}
    for c in _UPPER_VN[3:] + "AEIOUYD":
        groups.setdefault(_fold(c), set()).add(c)
    return {b: "[" + "".join(sorted(cs)) + "]" for b, cs in groups.items()}


@lru_cache(maxsize=1)
def _type_line_ocr_re() -> re.Pattern:
    """The upper-case type line with any tone or vowel mark misread by OCR ("KÉ HOẠCH", "QUYÊT ĐINH")."""
    cls = _letter_classes()
    alts = "|".join("".join(cls.get(_fold(c), re.escape(c)) if c.isalpha() else re.escape(c) for c in t.upper())
                    for t in _header_types())
    return re.compile(r"^[ \t*]*(?P<type>" + alts + r")(?![^\W\d_])[ \t*]*(?P<rest>[^\n]*)$", re.MULTILINE)


@lru_cache(maxsize=1)
def _type_after_date_re() -> re.Pattern:
    alts = "|".join(re.escape(t.upper()) for t in _header_types())
    return re.compile(_NAM + r"[ \t]*\d{4}[ \t.]+(?P<type>" + alts + r")(?![^\W\d_])[ \t*]*(?P<rest>[^\n]*)$",
                      re.MULTILINE)


@lru_cache(maxsize=1)
def _type_alone_re() -> re.Pattern:
    """A type word alone on its line in any case ("Quyết định" over its title, in web copies)."""
    alts = "|".join(re.escape(t) for t in _header_types())
    return re.compile(r"(?im)^[ \t*]*(?P<type>" + alts + r")[ \t*]*(?P<rest>)$")


class _TypeLine:
    """Where the type line is: the same interface as the type-line regex match, for a rebuilt line."""

    def __init__(self, type_: str, start: int, end: int, rest_start: int, rest: str) -> None:
        self._type, self._rest = type_, rest
        self._spans = {"type": (start, end), "rest": (rest_start, rest_start + len(rest)), None: (start, rest_start
                                                                                                 + len(rest))}

    def group(self, name: str) -> str:
        return self._type if name == "type" else self._rest

    def start(self, name: str | None = None) -> int:
        return self._spans[name][0]

    def end(self, name: str | None = None) -> int:
        return self._spans[name][1]


def _find_type_line(text: str, limit: int, body: int) -> re.Match | _TypeLine | None:
    """The type line: upper case ("KẾ HOẠCH ..."), a type word alone on its line in any case, or letter-spaced."""
    found = None
    for m in _type_line_re().finditer(text, 0, limit):
        rest = m.group("rest").strip(" *")
        if rest.startswith(":"):
            continue  # "QUYẾT ĐỊNH:" opens the articles, it is not the type line
        if rest and not (rest[0].isupper() or rest[0] in "(\"“"):
            continue  # "Kế hoạch này ..." in running text, or an upper-case word inside a sentence
        found = m
        break
    if found is None:  # OCR joins two lines: "Nam Định, ngày tháng 5 năm 2024 KẾ HOẠCH Hoạt động của ..."
        for m in _type_after_date_re().finditer(text, 0, body):
            rest = m.group("rest").strip(" *")
            if not rest.startswith(":") and (not rest or rest[0].isupper() or rest[0] in "(\"“"):
                found = m
                break
    if found is None:  # OCR: the type word with a wrong mark, only in the header zone and as its own upper line
        for m in _type_line_ocr_re().finditer(text, 0, body):
            rest = m.group("rest").strip(" *")
            if is_upper_line(m.group("type")) and (not rest or is_upper_line(rest)) and ":" not in rest:
                found = m
                break
    for m in _type_alone_re().finditer(text, 0, found.start() if found else body):
        nxt = text[m.end():m.end() + 200].lstrip()
        if nxt[:1].isupper() or nxt[:1] in "(\"“":  # a title follows
            return _TypeLine(m.group("type").upper(), m.start("type"), m.end("type"), m.end(), "")
    if found:
        return found
    upper_types = {t.upper(): t for t in _header_types()}
    for lm in _SPACED.finditer(text, 0, body):
        ls = text.rfind("\n", 0, lm.start()) + 1
        le = text.find("\n", lm.end())
        le = len(text) if le < 0 else le
        line = despace(text[ls:le])
        if not line:
            continue
        for t in sorted(upper_types, key=len, reverse=True):
            if line == t or line.startswith(t + " "):
                return _TypeLine(t, ls + len(text[ls:le]) - len(text[ls:le].lstrip(" \t*")), le, le, "")
    return None


def _type_name(upper: str) -> str:
    for t in type_names():
        if t.upper() == upper:
            return t
    for t in _header_types():  # an OCR'd type word ("KÉ HOẠCH")
        if _fold(t) == _fold(upper):
            return t
    return upper.capitalize()


_BODY_START = re.compile(r"(?m)^[ \t*]*(?:C[ăaâ]n c[ứửưu]\b|Thực hiện|I\.\s|Điều 1\b)")
# "Nơi nhận:" as OCR reads it ("Noi nhận", "Nơi nhân")
_NOI_NHAN = re.compile(r"(?i)n[ơo]i[ \t]+nh[ậâa]n\s*:")
# also "nhận:" alone at a line start, where OCR lost "Nơi"
_NOI_NHAN_ANY = re.compile(r"(?im)n[ơo]i[ \t]+nh[ậâa]n\s*:?|^[ \t]*nh[ậâa]n[ \t]*:")


def _body_start(text: str) -> int:
    m = _BODY_START.search(text)
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
        if parts and _RULE_LINE.match(stripped):
            break  # "____" / "-----" under the title
        if parts and (stripped.startswith(stops) or _ROMAN_HEAD.match(stripped) or stripped.startswith("Số")
                      or (is_upper_line(stripped) and not _upper_title_goes_on(text[parts[0][0]:parts[0][1]],
                                                                                 text[parts[-1][0]:parts[-1][1]],
                                                                                 stripped))):
            break
        if not parts and (stripped.startswith(stops) or _ROMAN_HEAD.match(stripped)) and not (
                stripped.startswith(_TITLE_VERB_STOPS) and len(stripped) <= 200 and not _BODY_SENTENCE.search(stripped)):
            break
        if "\t" in line:
            if not parts and line.split("\t")[0].strip(" *"):  # the title's own cell, then the next column
                cell = line.split("\t")[0]
                lead = len(cell) - len(cell.lstrip(" *"))
                parts.append((pos + lead, pos + len(cell.rstrip(" *"))))
            break
        lead = len(line) - len(line.lstrip(" \t*"))
        im = _TITLE_INLINE_STOP.search(stripped)
        if im:
            if im.start() > 0:
                parts.append((pos + lead, pos + lead + im.start()))
            break
        parts.append((pos + lead, pos + lead + len(stripped)))
        if sum(e - s for s, e in parts) > 400:
            break
        pos = eol + 1
    if parts:
        title = " ".join(" ".join(text[s:e].split()) for s, e in parts).strip(" *")
        title = re.sub(r"^(?i:(về))(?i:(việc))\b", r"\1 \2", title)  # glued "VỀVIỆC" in web copies
        if not title.endswith("./."):
            title = title.rstrip(" .;")
        if title:
            h.title = title
            h.evidence["title"] = [x for s, e in parts for x in _ev(text, s, e)]


_COLLECTIVE_AUTHORITY = re.compile(r"(?:ỦY|UỶ) BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|BAN CHẤP HÀNH|BAN THƯỜNG VỤ")


def _upper_title_goes_on(first: str, prev: str, line: str) -> bool:
    """An upper-case title goes on over upper-case lines ("PHÁT ĐỘNG THI ĐUA CHÀO MỪNG / NGÀY NHÀ GIÁO ..."),
    but not into the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", or a committee's own name unless the title
    line before asks for it: "... CỦA / ỦY BAN NHÂN DÂN TỈNH"), the motto or a type word."""
    if not is_upper_line(first) or ":" in line or _MOTTO.search(line):
        return False
    if _position_re().match(line) or _type_line_re().match(line) or despace(line):
        return False
    if _COLLECTIVE_AUTHORITY.match(line) and not re.search(r"(?:\bCỦA|\bVÀ|\bVỚI|-|,)\s*$", prev.rstrip(" *")):
        return False
    return line.upper() not in _words()["sole_authorities"]


@lru_cache(maxsize=8)
def _signature_region(text: str) -> tuple[int, int]:
    m = _NOI_NHAN_ANY.search(text)
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
def _position_line_re() -> re.Pattern:
    """A position alone on its line in any case ("KT. THỦ TƯỚNG / Phó Thủ tướng" in web copies)."""
    pos = sorted(set(_words()["positions"]), key=len, reverse=True)
    return re.compile(r"(?im)^[ \t*]*(?P<pos>" + "|".join(re.escape(p) for p in pos) + r")[ \t*]*$")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(_words()["surnames"])


def _person_names(line: str) -> list[tuple[int, int]]:
    """Spans of personal names at the end of a signature line ("... Nguyễn Văn An", or several names)."""
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
    # what precedes the run must be upper-case (a position) or nothing: else it is prose; or, on a scan that
    # merged the recipients' column with the signature's ("- TTHU, HĐND huyện, Trần Văn Bình"), a list
    # separator before a name that starts with a family name
    head = line[:run[0][0]].strip(" *\t")
    if head and not is_upper_line(head):
        if not (head.endswith((",", ";")) and run[0][2] in _surnames() and 2 <= len(run) <= 4):
            return []
        run = run[:4]
    words = [w for _, _, w in run]
    end_trim = len(run[-1][2]) - len(run[-1][2].rstrip("*.,;"))
    if len(words) <= 4:
        return [(run[0][0], run[-1][1] - end_trim)]
    names: list[list[tuple[int, int, str]]] = [[]]
    # names set in columns: the wide gaps between them split the line (unless a gap splits a name: OCR spacing)
    for k, tok in enumerate(run):
        if k and tok[0] - run[k - 1][1] >= 2:
            names.append([])
        names[-1].append(tok)
    if len(names) > 1 and all(2 <= len(n) <= 5 for n in names):
        return [(n[0][0], n[-1][1]) for n in names]
    names = [[]]
    if words[0] not in _surnames():
        return []
    # several names on one line: a new name starts at a family name once the current one has 2+ syllables
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
    # one scan each over the region (not per line); "first" is the start of the first line with a match
    firsts: list[int] = []
    for m in pos_re.finditer(region):
        positions.append((m.group("pos"), start + m.start("pos"), start + m.end("pos")))
        firsts.append(m.start())
    for m in _position_line_re().finditer(region):
        if not m.group("pos").isupper():  # upper-case ones were found above
            positions.append((m.group("pos").upper(), start + m.start("pos"), start + m.end("pos")))
    positions.sort(key=lambda p: p[1])
    for am in _SIG_AUTH.finditer(region):
        auths.append((am.group(1) + ".", start + am.start(), start + am.end(), am.group(2)))
        firsts.append(am.start())
    if firsts:
        first = region.rfind("\n", 0, min(firsts)) + 1
    if first is None:
        return None
    name_span = None
    names: list[tuple[int, int]] = []
    for lm in re.finditer(r"[^\n]+", region[first:]):
        names = _person_names(lm.group())
        if names:
            s0 = start + first + lm.start()
            names = [(s0 + a, s0 + b) for a, b in names]
            name_span = names[0]
            break
    if name_span is None:
        return None
    sig = Signer(name=" ".join(text[name_span[0]:name_span[1]].strip(" *").split()))
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
        if before and not after_auth:  # "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG" on one line: the second position
            after_auth = [p for p in pos_before if before[-1][1] <= p[1] < before[-1][2]][1:]
        chosen = (after_auth or pos_before)[0] if not before else (after_auth or pos_before)[0]
        sig.position = _position_case(chosen[0])
        evs += _ev(text, chosen[1], chosen[2])
    sig.evidence = evs
    h.signer = sig
    h.evidence["signer"] = _ev(text, *name_span)
    h.signers = [sig] + [_co_signer(text, span, i, len(names), positions, auths) for i, span in enumerate(names)
                         if i > 0]
    return name_span


def _column(text: str, pos: int) -> int:
    return pos - text.rfind("\n", 0, pos) - 1


def _co_signer(text: str, span: tuple[int, int], i: int, n: int, positions: list[tuple[str, int, int]],
               auths: list[tuple[str, int, int, str]]) -> Signer:
    """The i-th of n names on one signature line: its position and authority from the lines above it, matched in
    order when a line holds one per signer ("GIÁM ĐỐC  CHỦ TỊCH  GIÁM ĐỐC  CHỦ TỊCH"), else by column."""
    sig = Signer(name=" ".join(text[span[0]:span[1]].strip(" *").split()), evidence=_ev(text, *span))

    def pick(items: list, key_end: int) -> tuple | None:
        above = [x for x in items if x[key_end] <= span[0]]
        if not above:
            return None
        lines: dict[int, list] = {}
        for x in above:
            lines.setdefault(text.rfind("\n", 0, x[1]), []).append(x)
        for ls in sorted(lines, reverse=True):  # the nearest line with one item per signer
            if len(lines[ls]) == n:
                return lines[ls][i]
        nearest = lines[max(lines)]
        if len(nearest) < 2:
            return None
        col = _column(text, span[0])
        return min(nearest, key=lambda x: abs(_column(text, x[1]) - col))

    p = pick(positions, 2)
    if p:
        sig.position = _position_case(p[0])
        sig.evidence += _ev(text, p[1], p[2])
    a = pick(auths, 2)
    if a:
        sig.authority = a[0]
        if a[0] == "TM.":
            sig.on_behalf_of = canonical_issuer(a[3])
        sig.evidence += _ev(text, a[1], a[2])
    return sig


def _position_case(upper: str) -> str:
    for p in sorted(_words()["positions"], key=len, reverse=True):
        if p.upper() == upper:
            return p
    return upper.capitalize()


def _recipients(text: str, h: DocumentHeader, name_span: tuple[int, int] | None) -> None:
    m = _NOI_NHAN.search(text)
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


_PLACED = re.compile(r"\b(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s+[A-ZĐ" + _UPPER_VN[3:] + r"]")
_CLUSTER = re.compile(r"(?i)(?:cụm|khối) thi đua\s+\S+")
_TM_BODY = re.compile(r"(?<![^\W_])TM(?:\.[ \t]*|[ \t]+)([" + _UPPER_VN + r"][" + _UPPER_VN + r" \-]*[" + _UPPER_VN
                      + r"])")
_HEAD_BODY = re.compile(r"(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ)[ \t]+((?:UBND|ỦY BAN NHÂN DÂN|HĐND|SỞ|BAN)\b["
                        + _UPPER_VN + r" \-]*[" + _UPPER_VN + r"])")
_PLACE_NAME = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+([A-ZĐ" + _UPPER_VN[3:]
                         + r"][^\s,;()]*(?:\s+[A-ZĐ" + _UPPER_VN[3:] + r"0-9][^\s,;()]*)*)")
_SIG_PROVINCE = re.compile(r"\b(?:TỈNH|THÀNH PHỐ)\s+([" + _UPPER_VN + r" \-]+?)\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _position_split_re() -> re.Pattern:
    return re.compile(r"\s+(?:" + "|".join(re.escape(p.upper()) for p in _words()["positions"]) + r")\b")


def _has_place(name: str) -> bool:
    return bool(_PLACED.search(name)) or bool(_CLUSTER.search(name)) or province_of(
        " ".join(name.split()[-2:])) is not None


def extract_header(text: str) -> DocumentHeader:
    """The document's header components, each with evidence. Fields not found stay None."""
    h = DocumentHeader()
    if not text:
        return h
    limit = _body_start(text)
    tm = _find_type_line(text, min(len(text), max(limit, 200) + 400), limit)
    zone_end = tm.start() if tm else limit
    zone = text[:zone_end]
    masks: list[tuple[int, int]] = [(m.start(), m.end()) for m in _MOTTO.finditer(zone)]

    # number and code
    nm = _NUMBER.search(_mask(zone, masks)) or _NUMBER.search(text, 0, limit) or _number_ocr(_mask(zone, masks))
    if nm:
        code = ocr_code(re.sub(r"\s+", "", nm.group("code")).rstrip(".-"))
        h.code = code
        h.evidence["code"] = _ev(text, nm.start("code"), nm.end("code"))
        if "num" in nm.groupdict() and nm.group("num"):
            h.number = nm.group("num")
            h.evidence["number"] = _ev(text, nm.start("num"), nm.end("num"))
        if nm.end() <= zone_end:
            masks.append((nm.start(), nm.end()))

    # place and date of issue
    masked = _mask(zone, masks)
    pm = _PLACE_DATE.search(masked) or _PLACE_DATE.search(_mask(text[:limit], masks)) \
        or _place_date_ocr(_mask(text[:limit], masks)) or _place_date_num(_mask(text[:limit], masks))
    if pm:
        toks = list(re.finditer(r"[^\s,]+", masked[:pm.start()].split("\n")[-1].split("\t")[-1]))
        base = pm.start() - len(masked[:pm.start()].split("\n")[-1].split("\t")[-1])
        keep: list[re.Match] = []
        for i, t in enumerate(reversed(toks)):
            w = t.group()
            if keep and text[base + t.end():base + keep[0].start()].strip():
                break  # a masked motto or number lies between: "... ĐÀO TẠO [motto] [Số: ...] Sơn La, ngày"
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
        day, month = _slots(pm)
        tv = make_time(" ".join(text[pm.start() + 1:pm.end()].split()), day, month, pm.group("y"))
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
    if not h.type:
        # a Công văn has no type line, only its trích yếu "V/v ..." under the number
        vm = _VV.search(text, 0, limit) or _vv_inline(text, nm, limit)
        if vm:
            h.type = "Công văn"
            h.evidence["type"] = _ev(text, vm.start(), vm.end("vv"))
            _title(text, vm.end(), h)
            if h.title:
                h.title = "V/v " + h.title
                h.evidence["title"] = _ev(text, vm.start(), vm.end("vv")) + h.evidence["title"]

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
            flat = despace(body) or " ".join(body.split())  # "T H Ủ  T Ư Ớ N G" -> "THỦ TƯỚNG"
            if not _MOTTO.match(flat):
                pieces.append((s, e, flat))
    bodies = _group_bodies([p for piece in pieces for p in _split_joined(piece, masked)])
    sole = _words()["sole_authorities"]
    if len(bodies) > 1 and " ".join(p[2] for b in bodies[-2:] for p in b) in sole:
        bodies[-2:] = [bodies[-2] + bodies[-1]]  # "THỦ TƯỚNG / CHÍNH PHỦ" on two lines is one authority
    if bodies:
        issuer = bodies[-1]
        joined = " ".join(p[2] for p in issuer)
        h.issuer = sole.get(joined) or canonical_issuer(joined)
        h.evidence["issuer"] = [x for p in issuer for x in _ev(text, p[0], p[1])]
        if len(bodies) > 1:
            parent = bodies[-2]
            h.parent_issuer = canonical_issuer(" ".join(p[2] for p in parent))
            h.issuer = _with_parent_place(h.issuer, h.parent_issuer)

    name_span = _signer(text, h)
    _recipients(text, h, name_span)

    # annex self-reference: "(kèm theo Kế hoạch số 15/KH-UBND ngày 05/3/2021 của ...)"
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

    if h.issued is None or h.issued.granularity != "day":
        _issued_from_stamp(text, h)
    if not h.issuer:
        _issuer_fallback(text, h, limit)
    return h


_OCR_CODE_CHARS = str.maketrans({"Ð": "Đ", "⁄": "/", "∕": "/"})


def ocr_code(code: str) -> str:
    """A document code as OCR may print it: "Ð" (U+00D0) for "Đ", a fraction slash for "/", and "QD-UBND" for
    "QĐ-UBND" (the stroke of "Đ" lost) when only the stroked form is a document-type abbreviation."""
    code = code.translate(_OCR_CODE_CHARS)
    m = re.search(r"[A-Za-zĐ]+", code)  # the type part: first in "QĐ-UBND", after the digits in "91/2017/NĐ-CP"
    if m and "D" in m.group() and m.group() not in type_by_abbr():
        fixed = m.group().replace("D", "Đ")
        if fixed in type_by_abbr():
            code = code[:m.start()] + fixed + code[m.end():]
    return code


def _number_ocr(zone: str) -> re.Match | None:
    """"Số: //đ# !QĐ-UBND": the code of a number OCR garbled; the number stays null (never guessed)."""
    for m in _NUMBER_OCR.finditer(zone):
        if m.group("abbr") in type_by_abbr() and not _WORD2.search(m.group("junk")):
            return m
    return None


def _place_date_ocr(zone: str) -> re.Match | None:
    for m in _PLACE_DATE_OCR.finditer(zone):
        if not _WORD2.search(m.group("dj")) and not _WORD2.search(m.group("mj")):
            return m
    return None


def _place_date_num(zone: str) -> re.Match | None:
    m = _PLACE_DATE_NUM.search(zone)
    return _PLACE_DATE_NUM_TAIL.match(zone, m.start("c")) if m else None


def _slots(pm: re.Match) -> tuple[str | None, str | None]:
    """Day and month of a place line; a slot that OCR garbled ("{", ",4/Ƒ") is unknown, not its stray digit."""
    if "dj" not in pm.groupdict():
        return pm.group("d"), pm.group("m")
    out = []
    for slot in (pm.group("dj"), pm.group("mj")):
        cm = _CLEAN_SLOT.fullmatch(slot)
        out.append(cm.group("n") if cm else None)
    return out[0], out[1]


@lru_cache(maxsize=1)
def _stamp_re() -> re.Pattern:
    cues = "|".join(re.escape(c).replace(r"\ ", r"[ \t]*") for c in _words()["signing_stamp_cues"])
    return re.compile(r"(?i)(?<![^\W\d_])(?:" + cues + r")[ \t]*[:;.,]?[ \t]*(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-]"
                      r"(?P<y>\d{4})(?!\d)")


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def _issued_from_stamp(text: str, h: DocumentHeader) -> None:
    """The digital signature stamp ("Giờ ký: 24/10/2022 15:17:35") gives the day the place line left unreadable.

    Used only when what the place line shows (its year, and month when readable) agrees with the stamp; a
    stamp year later than the written year by one misread digit ("2032" for "2022") is the written year, since
    a document is not signed years after its date."""
    if h.issued is None:
        return
    v = h.issued.value
    year, month = v[:4], (v[5:7] if len(v) >= 7 else None)
    for m in _stamp_re().finditer(text):
        y = m.group("y")
        if y != year and not (_one_digit_apart(y, year) and y > year):
            continue
        if month is not None and int(m.group("m")) != int(month):
            continue
        tv = make_time(" ".join(m.group().split()), m.group("d"), m.group("m"), year)
        if tv and tv.granularity == "day":
            h.issued = tv
            h.evidence["issued"] = h.evidence.get("issued", []) + _ev(text, m.start(), m.end())
        return


def _authority_line(text: str, h: DocumentHeader, limit: int) -> bool:
    """A decision's authority line between its title and "Căn cứ" ("THỦ TƯỚNG CHÍNH PHỦ", "HIỆU TRƯỞNG TRƯỜNG
    MẦM NON HOA HỒNG", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X") names the issuer when the header block is missing."""
    start = h.evidence["title"][-1].end if h.evidence.get("title") else (
        h.evidence["type"][-1].end if h.evidence.get("type") else 0)
    sole = _words()["sole_authorities"]
    for lm in re.finditer(r"[^\n]+", text[start:limit]):
        line = lm.group().strip(" \t*_-")
        if not line or not is_upper_line(line) or len(line) > 150:
            continue
        flat = despace(line) or " ".join(line.split())
        s0 = start + lm.start() + len(lm.group()) - len(lm.group().lstrip(" \t*_-"))
        if flat in sole:
            h.issuer = sole[flat]
            h.evidence["issuer"] = _ev(text, s0, s0 + len(line))
            return True
        if _MOTTO.search(flat) or _type_line_re().match(flat):
            continue
        pm = _position_re().match(flat)
        if not pm or pm.group("auth"):
            continue
        body = flat[pm.end():].strip()
        if not body:
            continue
        name = _resolve_bare(canonical_issuer(body), h.place, text)
        if _issuer_head_re().match(body.upper()) and (_has_place(name) or school_name(body) or body.upper().startswith(
                ("BỘ ", "BAN ", "HỘI ", "TỔNG ", "CỤC ", "VỤ ", "VIỆN ", "HỌC VIỆN", "ĐẠI HỌC", "TRUNG TÂM", "CÔNG TY"))):
            h.issuer = name
            h.evidence["issuer"] = _ev(text, s0, s0 + len(line))
            return True
    return False


def _issuer_from_signature(text: str, h: DocumentHeader) -> bool:
    """A signature that names its body alone: "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG", "TM. CHÍNH PHỦ", "THỦ TƯỚNG"."""
    sole = _words()["sole_authorities"]
    s, e = _signature_region(text)
    for am in _SIG_AUTH.finditer(text, s, e):
        body = " ".join(am.group(2).split())
        for k in range(len(body.split()), 0, -1):  # "KT THỦ TƯỚNG PHÓ THỦ TƯỚNG" on one line
            key = " ".join(body.split()[:k])
            if key in sole:
                h.issuer = sole[key]
                h.evidence["issuer"] = _ev(text, am.start(2), am.start(2) + len(am.group(2).split(key.split()[-1])[0])
                                           + len(key.split()[-1]))
                return True
    if h.signer and h.signer.position and h.signer.position.upper() in sole and not h.signer.authority:
        ev = [x for x in h.signer.evidence if text[x.start:x.end].upper() == h.signer.position.upper()]
        if ev:
            h.issuer = sole[h.signer.position.upper()]
            h.evidence["issuer"] = ev[:1]
            return True
    return False


def _with_parent_place(issuer: str, parent: str | None) -> str:
    """"Hội Khuyến học" under "UBND HUYỆN ĐỒNG PHÚ" is "Hội Khuyến học huyện Đồng Phú": a local body that
    prints no place of its own takes its people's committee's place."""
    if not parent or _has_place(issuer):
        return issuer
    pm = re.match(r"(?:Ủy|Uỷ) ban nhân dân ((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) \S.*)$", parent)
    heads = _words()["place_inheriting_heads"]
    if pm and any(issuer.startswith(hd + " ") for hd in heads) and not re.match(r"(?i)hội đồng nhân dân", issuer):
        return f"{issuer} {pm.group(1)}"
    return issuer


def _issuer_fallback(text: str, h: DocumentHeader, limit: int) -> None:
    """No header block: the decision's authority line, the plan's self-description, else the signature block
    (TM. body + place, or a position that names its body alone)."""
    if _authority_line(text, h, limit):
        return
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
    for am in _TM_BODY.finditer(region):
        cands.append((am.start(1), am.end(1), am.group(1)))
    for pm in _HEAD_BODY.finditer(region):
        cands.append((pm.start(1), pm.end(1), pm.group(1)))
    for cs, ce, surface in cands:
        body = _position_split_re().split(surface)[0]
        name = _resolve_bare(canonical_issuer(body), h.place, text)
        if _has_place(name):
            h.issuer = name
            h.evidence["issuer"] = _ev(text, s + cs, s + cs + len(body))
            return
    _issuer_from_signature(text, h)


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
    for m in _PLACE_NAME.finditer(issuer):
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
        pm = _SIG_PROVINCE.search(text[s:e])
        if pm and province_of(pm.group(1).title()):
            province = province_of(pm.group(1).title())
    if level is None and province and re.search(r"(?i)\b(?:ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân) (?:tỉnh|thành phố)|^sở\b|tỉnh\b", issuer):
        level = "tỉnh"
    if level is None and district is None and header.place and not province_of(header.place) and re.search(
            r"(?i)^(?:ủy|uỷ) ban nhân dân (?:huyện|quận|thị xã|thành phố)", issuer):
        district, level = header.place, "huyện"
    return DocContext(year=year, month=month, province=province, district=district, level=level,
                      issuer=header.issuer)
