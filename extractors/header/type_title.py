"""The type line ("KẾ HOẠCH", OCR-damaged too) and the title (trích yếu) under it, or a Công văn's "V/v ..."."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.header.casing import sentence_case
from extractors.header.layout import MOTTO, RULE_LINE, SPACED, PageTop, despace, ev_list, is_upper_line, position_re
from extractors.header.lexicon import (
    WORDS, body_key, header_patterns, header_types, header_words, type_by_abbr, type_names,
)
from extractors.header.number_date import YEAR_WORD
from extractors.text import CAN_CU, LOWER_CLASS, UPPER_CLASS, UPPER_VN, word_alternation
from extractors.text.fold import skeleton_upper
from schemas.record import DocumentHeader

_W = header_words()
_LOWER_CODE = header_patterns()["code_letters"].lower()  # "a-z" and "đ"

# "V/v", "V/ v", "V/V:" opening a Công văn's trích yếu (at a line or cell start); OCR reads the italic slash
# as "X", "%" or a bar ("VXv", "VX%v", "V|v"), the slash and "v" as one "W" or "%" ("VW", "V%"), never at a line
# start of another word
VV = re.compile(r"(?m)(?:^|(?<=\t))[ \t*]*(?P<vv>V[ \t]*(?:/|[Xx%|\\]{1,2})[ \t]*[vV]|VW|V%)[ \t]*[:.]?[ \t]+(?=\S)")


# a body heading under the title: "I. Mục đích", "I/ Mục đích:", "1. Hình thức", "a) ...", or a bullet "- Giáo dục"
# "V/v" inside a line, in a copy that lost the header's line breaks ("... Hạnh phúc V/v hướng dẫn ... Kính gửi:")
# (also "v/v" in lower case, as some copies print it after the code: "Số: 5387/CT-CS v/v trả lời ...")
_VV_INLINE = re.compile(r"(?<=\s)(?P<vv>[Vv][ \t]*/[ \t]*v)[ \t]*[:.]?[ \t]+(?=\S)")


# where a title inside such a line ends: the addressee or the legal basis
_TITLE_INLINE_STOP = re.compile(r"[ \t]+(?:" + _W["salutation"] + r"\b|" + CAN_CU + r"\b)")


def vv_inline(text: str, nm: re.Match | None, limit: int) -> re.Match | None:
    """Only after the document's own number, within the header zone."""
    if not nm:
        return None
    return _VV_INLINE.search(text, nm.end(), min(limit, nm.end() + 600))


_FIRST_LOWER = re.compile(LOWER_CLASS)
# the place line's first part alone on its line ("Hậu Giang, ngày"), as a blank date leaves it
_PLACE_LINE_PIECE = re.compile(r"[^\W\d_][^\n,\d]{1,40},[ \t]*" + WORDS["day"] + r"[ \t]*$")
_PROSE_START = re.compile(UPPER_CLASS + LOWER_CLASS + r"+[ \t]+" + LOWER_CLASS + r"+")


def _glued_prose(line: str) -> int | None:
    """Where prose glued to an upper-case title starts ("... NĂM HỌC 2016 - 2017Hôm nay, vào hồi 14 giờ"): at the
    first word in lower case, after at least three upper-case words, when a sentence follows. Linear in the
    line (a line can be a whole paragraph)."""
    m = _FIRST_LOWER.search(line)
    if not m or m.start() == 0:
        return None
    start = m.start() - 1
    prefix, rest = line[:start], line[start:]
    if (len(prefix.split()) < 3 or not is_upper_line(prefix) or not (prefix[-1:].isdigit() or prefix[-1:] in " \t.")
            or not _PROSE_START.match(rest) or len(rest) < 20 or not re.search(r"[,.][ \t]", rest)):
        return None
    return start


_ROMAN_HEAD = re.compile(r"^(?:(?:[IVX]{1,5}|[A-D])[.)/]|\d{1,2}[./)]|[" + _LOWER_CODE + r"]\))\s|^[-+•][ \t]*[^\W\d_]")


# title verbs that also open a body sentence ("Thực hiện Kế hoạch số ..., UBND xã xây dựng kế hoạch như sau:"):
# right under the type line they start the title unless the line reads as that sentence
_TITLE_VERB_STOPS = tuple(_W["title_verb_stops"])


_BODY_SENTENCE = re.compile(r"(?i):\s*$|" + "|".join(_W["body_sentence_cues"]) + r"|\b" + WORDS["number"]
                            + r"\s*:?\s*\d|\d+/[" + header_patterns()["code_letters"] + "]")


@lru_cache(maxsize=1)
def type_line_re() -> re.Pattern:
    alts = "|".join(re.escape(t.upper()) for t in header_types())
    return re.compile(r"^[ \t*]*(?P<type>" + alts + r")(?![^\W\d_])[ \t*]*(?P<rest>[^\n]*)$", re.MULTILINE)


@lru_cache(maxsize=1)
def _letter_classes() -> dict[str, str]:
    """Base letter -> a regex class of every upper-case Vietnamese letter on it ("E" -> "[EÈÉẺẼẸÊỀẾỂỄỆ]")."""
    groups: dict[str, set[str]] = {}
    for c in UPPER_VN[3:] + "AEIOUYD":
        groups.setdefault(skeleton_upper(c), set()).add(c)
    return {b: "[" + "".join(sorted(cs)) + "]" for b, cs in groups.items()}


@lru_cache(maxsize=1)
def _type_line_ocr_re() -> re.Pattern:
    """The upper-case type line with any tone or vowel mark misread by OCR ("KÉ HOẠCH", "QUYÊT ĐINH")."""
    cls = _letter_classes()
    alts = "|".join("".join(cls.get(skeleton_upper(c), re.escape(c)) if c.isalpha() else re.escape(c) for c in t.upper())
                    for t in header_types())
    return re.compile(r"^[ \t*]*(?P<type>" + alts + r")(?![^\W\d_])[ \t*]*(?P<rest>[^\n]*)$", re.MULTILINE)


@lru_cache(maxsize=1)
def _type_after_date_re() -> re.Pattern:
    alts = "|".join(re.escape(t.upper()) for t in header_types())
    return re.compile(YEAR_WORD + r"[ \t]*\d{4}[ \t.]+(?P<type>" + alts + r")(?![^\W\d_])[ \t*]*(?P<rest>[^\n]*)$",
                      re.MULTILINE)


@lru_cache(maxsize=1)
def _type_alone_re() -> re.Pattern:
    """A type word alone on its line in any case ("Quyết định" over its title, in web copies)."""
    alts = "|".join(re.escape(t) for t in header_types())
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


def find_type_line(text: str, limit: int, body: int) -> re.Match | _TypeLine | None:
    """The type line: upper case ("KẾ HOẠCH ..."), a type word alone on its line in any case, or letter-spaced."""
    found = None
    for m in type_line_re().finditer(text, 0, limit):
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
        if text[max(0, m.start() - 200):m.start()].rstrip(" \t*|\n").endswith(":"):
            continue  # the value under a label ("Loại văn bản:" / "Nghị quyết" in a portal's metadata), not a type line
        if nxt[:1].isupper() or nxt[:1] in "(\"“":  # a title follows
            return _TypeLine(m.group("type").upper(), m.start("type"), m.end("type"), m.end(), "")
    if found:
        return found
    upper_types = {t.upper(): t for t in header_types()}
    for lm in SPACED.finditer(text, 0, body):
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


def type_name(upper: str) -> str:
    for t in type_names():
        if t.upper() == upper:
            return t
    for t in header_types():  # an OCR'd type word ("KÉ HOẠCH")
        if skeleton_upper(t) == skeleton_upper(upper):
            return t
    return upper.capitalize()


def _place_line_start(h: DocumentHeader) -> int | None:
    """Where the place-and-date line read before starts: a title never runs into it (two columns of a header
    flattened onto one line: "V/v tuyên truyền ... Ngày thành lập Hà Nội, ngày 18 tháng 7 năm 2016")."""
    evs = h.evidence.get("place") or h.evidence.get("issued")
    return evs[0].start if evs else None


def _title_goes_on(text: str, nxt: int, prev: str, until: int | None) -> bool:
    """After a blank line, the title goes on: a phrase the line left open ("các cấp," / a lower-case start), a
    number going on an open phrase ("thành tích xuất sắc trong" / "10 năm thực hiện"), a quoted name or a
    parenthesised date range wrapped onto its own line ("... Kỷ niệm chương" / "“Vì sự nghiệp ...”"), and a
    Công văn's subject wrapped over several lines before its "Kính gửi" (``until``)."""
    if nxt >= len(text):
        return False
    c = text[nxt]
    if prev.endswith((",", _W["and_word"], "-")) or c.islower() or c in _OPEN_QUOTES:
        return True
    if c == "(" and text[nxt + 1:nxt + 2].isdigit():
        return True
    if c.isdigit() and prev[-1:].islower() and not _ROMAN_HEAD.match(text[nxt:nxt + 6]):
        return True
    if until is not None and nxt < until:
        line = text[nxt:text.find("\n", nxt) if "\n" in text[nxt:until] else until].strip(" \t*")
        return bool(line) and len(line) <= 200 and not (line.startswith(tuple(_W["title_stops"])) or _ROMAN_HEAD.match(
            line) or is_upper_line(line) or MOTTO.search(line))
    return False


_OPEN_QUOTES = "“\"«"


def read_title(text: str, start: int, h: DocumentHeader, until: int | None = None) -> None:
    head_keys = [k for k in (body_key(c) for ln in text[:start].splitlines() for c in ln.split("\t")
                             if is_upper_line(c)) if len(k.split()) >= 2]
    stops = tuple(header_words()["title_stops"])
    notes = tuple(header_words()["title_notes"])
    place_at = _place_line_start(h)
    pos = start
    parts: list[tuple[int, int]] = []
    n = len(text)
    while pos < n:
        eol = text.find("\n", pos)
        eol = n if eol < 0 else eol
        if place_at is not None and pos <= place_at < eol:
            if not text[pos:place_at].strip(" \t*"):  # the place line alone between a subject's lines
                if parts and until is None:
                    break
                pos = eol + 1
                continue
            eol = place_at
        line = text[pos:eol]
        stripped = line.strip(" \t*")
        if not stripped:
            if not parts:
                pos = eol + 1
                continue
            nxt = pos
            while nxt < n and text[nxt] in "\n \t":
                nxt += 1
            if _title_goes_on(text, nxt, text[parts[-1][0]:parts[-1][1]].rstrip(" *"), until) or _upper_block_goes_on(
                    text, nxt, text[parts[0][0]:parts[0][1]], text[parts[-1][0]:parts[-1][1]]):
                pos = nxt
                continue
            break
        if stripped.startswith(notes):
            break  # "(Ban hành kèm theo Quyết định số ...)" under the title
        if parts and is_upper_line(text[parts[0][0]:parts[0][1]]) and _reads_as_prose(stripped) and _glued_prose(
                stripped) is None:
            break  # an upper-case title ends where the body's first sentence starts
        if _PLACE_LINE_PIECE.match(stripped):
            pos = eol + 1  # "Hậu Giang, ngày" left alone by a blank date under the type line: not the title
            continue
        if parts and RULE_LINE.match(stripped):
            break  # "____" / "-----" under the title
        if parts and (stripped.startswith(stops) or _ROMAN_HEAD.match(stripped) or stripped.startswith(WORDS["number"].capitalize())
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
        glued = _glued_prose(stripped)
        if glued is not None and (not parts or is_upper_line(text[parts[0][0]:parts[0][1]])):
            parts.append((pos + lead, pos + lead + glued))  # prose glued to an upper-case title ends it
            break
        im = _TITLE_INLINE_STOP.search(stripped)
        if im:
            cut = _authority_before(stripped, im.start())
            if cut > 0:
                parts.append((pos + lead, pos + lead + cut))
            break
        cut = _authority_at_end(stripped, head_keys)
        parts.append((pos + lead, pos + lead + (cut or len(stripped))))
        if cut or sum(e - s for s, e in parts) > 400:
            break
        if eol == place_at:  # the place line shares the title's line: the title may go on below it
            eol = text.find("\n", eol)
            eol = n if eol < 0 else eol
        pos = eol + 1
    if parts:
        title = " ".join(" ".join(text[s:e].split()) for s, e in parts).strip(" *")
        title = _GLUED_ABOUT.sub(r"\1 \2", title)  # glued "VỀVIỆC" in web copies
        if not title.endswith("./."):
            title = title.rstrip(" .;")
        if title:
            h.title = title
            h.evidence["title"] = [x for s, e in parts for x in ev_list(text, s, e)]


def _authority_before(line: str, end: int) -> int:
    """Where a decision's authority line starts when a copy ran it into the title's line before the legal basis
    ("VỀ VIỆC BAN HÀNH QUY CHẾ ... CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X Căn cứ ..."): the last position in the upper-case
    run before ``end``, unless a connector asks for it ("... CỦA CHỦ TỊCH ...")."""
    for pm in reversed(list(position_re().finditer(line, 0, end))):
        before = line[:pm.start()].split()
        if (pm.group("auth") is None and pm.end() < end and len(before) >= 3 and is_upper_line(line[pm.start():end])
                and not _TITLE_OPEN_TAIL.search(" ".join(before))):
            return len(line[:pm.start()].rstrip())
        break
    return end


def _authority_at_end(line: str, head_keys: list[str]) -> int | None:
    """Where an authority line a web copy ran onto the end of an upper-case title line starts ("... TRÊN ĐỊA BÀN
    TỈNH X CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "... MÃ SỐ CỤC TRƯỞNG CỤC HẢI QUAN"): a position whose rest of the line
    is the body a header line above names, unless a connector asks for it ("... CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN")."""
    if not is_upper_line(line):
        return None
    for pm in position_re().finditer(line):
        rest, before = body_key(line[pm.end():]), line[:pm.start()].split()
        if pm.group("auth") or len(before) < 3 or len(rest.split()) < 2 or _TITLE_OPEN_TAIL.search(" ".join(before)):
            continue
        if any(rest.startswith(k) or k.startswith(rest) for k in head_keys):
            return len(line[:pm.start()].rstrip())
    return None


def _reads_as_prose(line: str) -> bool:
    """A line in mixed case with five words or more in lower case, not a quoted name ("“Chung sức ...” giai
    đoạn 2021 - 2025" goes on an upper-case title)."""
    return not line.startswith(tuple(_OPEN_QUOTES)) and sum(w[:1].islower() for w in line.split()) >= 5


_COLLECTIVE_AUTHORITY = re.compile(word_alternation(_W["collective_authorities"]))
_TITLE_OPEN_TAIL = re.compile("(?:" + "|".join([r"\b" + w for w in _W["title_open_tails"]] + ["-", ","]) + r")\s*$")


def _upper_block_goes_on(text: str, nxt: int, first: str, prev: str) -> bool:
    """An upper-case title goes on over a blank line into an upper-case line (OCR and PDF make one block of each
    printed line: "... BỊ ẢNH HƯỞNG BỞI MƯA LŨ" / "ĐẶC BIỆT LỚN TẠI KHU VỰC TRUNG BỘ"), unless that line opens
    with a body's head (an authority line: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH X"), a heading or the lines the
    next check stops at."""
    line = text[nxt:text.find("\n", nxt) if "\n" in text[nxt:] else len(text)].strip(" \t*")
    heading = _ROMAN_HEAD.match(line) or _ISSUER_HEAD.match(line) or _NUMBERED_HEAD.match(line)
    return is_upper_line(first) and is_upper_line(line) and len(line) <= 200 and not heading and _upper_title_goes_on(
        first, prev, line)


# a numbered part's heading: "PHẦN I. ...", "CHƯƠNG II:", "MỤC 1."
_NUMBERED_HEAD = re.compile(r"[^\W\d_]+[ \t]+(?:[IVXLC]+|\d{1,2})[.:)]")
_ISSUER_HEAD = re.compile(word_alternation(_W["issuer_heads"], longest_first=True) + r"(?![^\W\d_])")


def _upper_title_goes_on(first: str, prev: str, line: str) -> bool:
    """An upper-case title goes on over upper-case lines ("PHÁT ĐỘNG THI ĐUA CHÀO MỪNG / NGÀY NHÀ GIÁO ..."),
    but not into the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", or a committee's own name unless the title
    line before asks for it: "... CỦA / ỦY BAN NHÂN DÂN TỈNH"), the motto or a type word."""
    if not is_upper_line(first) or ":" in line or MOTTO.search(line):
        return False
    if position_re().match(line) or type_line_re().match(line) or despace(line):
        return False
    if _COLLECTIVE_AUTHORITY.match(line) and not _TITLE_OPEN_TAIL.search(prev.rstrip(" *")):
        return False
    return line.upper() not in header_words()["sole_authorities"]


def read_type_and_title(text: str, page: PageTop, nm: re.Match | None, h: DocumentHeader) -> None:
    """The type from the type line, else "Công văn" from its "V/v", else from the code; then the title."""
    if page.tm:
        h.type = type_name(page.tm.group("type"))
        h.evidence["type"] = ev_list(text, page.tm.start("type"), page.tm.end("type"))
        rest = page.tm.group("rest").strip(" *")
        rest = rest if re.search(r"\w", rest) else ""  # a speck after the type word ("QUYẾT ĐỊNH “") is no title
        read_title(text, page.tm.start("rest") if rest else page.tm.end(), h)
    if not h.type:
        # a Công văn has no type line, only its trích yếu "V/v ..." under the number; its code names the issuer,
        # so "5348/CT-CS" is a Công văn of a "CS" department, not a Chỉ thị
        vm = VV.search(text, 0, page.limit) or vv_inline(text, nm, page.limit)
        if vm:
            h.type = _W["letter_type"]
            h.evidence["type"] = ev_list(text, vm.start(), vm.end("vv"))
            read_title(text, vm.end(), h, page.limit)
            if h.title:
                h.title = "V/v " + h.title
                h.evidence["title"] = ev_list(text, vm.start(), vm.end("vv")) + h.evidence["title"]
    if not h.type and h.code:
        abbr = next((p for p in re.split(r"[-/]", h.code) if not p.isdigit()), "")  # "2025/TT-BGDĐT": after the year
        if abbr in type_by_abbr():
            h.type = type_by_abbr()[abbr]
            h.evidence["type"] = h.evidence.get("code", [])
            # a copy that lost its type line keeps the trích yếu: "VỀ VIỆC BAN HÀNH QUY CHẾ ..." under the number
            vm = _ABOUT_LINE.search(text, nm.end() if nm else 0, page.limit)
            if vm and not h.title:
                read_title(text, vm.start("about"), h)
            if not h.title:
                _upper_title_above_body(text, page, h)
    if not h.title and nm:
        # a Công văn's trích yếu in a "Về ..." line right under its number, without "V/v" ("Số: 12/SYT-NV" / "Về
        # việc triển khai ..." / "Về hướng dẫn ..."): the type comes later, from the code or a self-reference
        am = _SUBJECT_UNDER_NUMBER.match(text, nm.end())
        if am and am.start("about") < page.limit:
            read_title(text, am.start("about"), h)
            if h.title and not h.type and h.code:  # a code naming no type (only its issuer) is a Công văn's
                h.type = _W["letter_type"]
                h.evidence["type"] = h.evidence["code"]
    if h.title:
        h.title = sentence_case(h.title)


def _upper_title_above_body(text: str, page: PageTop, h: DocumentHeader) -> None:
    """A copy that lost its type line but kept its trích yếu in capitals between the place line and the body
    ("Số: 1/KH-HĐTĐKT / Hà Nội, ngày ... / TỔ CHỨC ĐẠI HỘI THI ĐUA ... / Thực hiện ...")."""
    read = [e.end for key in ("code", "place", "issued") for e in h.evidence.get(key, [])]
    if not read:
        return
    for lm in re.finditer(r"[^\n]+", text[:page.limit]):
        if lm.start() < max(read):
            continue
        line = lm.group().strip(" \t*|")
        if not line:
            continue
        if len(line.split()) >= 3 and is_upper_line(line) and not (
                MOTTO.search(line) or position_re().match(line) or ":" in line):
            read_title(text, lm.start() + len(lm.group()) - len(lm.group().lstrip(" \t*|")), h)
        return


_ABOUT = WORDS["about"].split()  # "về việc"
_ABOUT_LINE = re.compile(r"(?m)(?:^|(?<=\t))[ \t*]*(?P<about>(?i:" + r"[ \t]*".join(_ABOUT) + r")[ \t]+\S)")
_SUBJECT_UNDER_NUMBER = re.compile(r"[ \t*]*\n[ \t*|]*(?P<about>" + _ABOUT[0].capitalize() + r"[ \t]+[^\W\d_])")
_GLUED_ABOUT = re.compile("^" + "".join(f"(?i:({w}))" for w in _ABOUT) + r"\b")
