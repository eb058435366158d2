"""Number and code ("Số: 15/KH-UBND"), place and date of issue, and the day a signing stamp gives."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.dates import find_times, written_time
from extractors.dates.stamp import misread_stamp_year, stamp_cues
from extractors.header.layout import PageTop, ev_list, mask_spans
from extractors.header.lexicon import header_patterns, header_words, province_of, type_by_abbr, type_names
from extractors.text import UPPER_VN, is_syllable, literal, place_designators, word_alternation
from schemas.record import DocumentHeader

_P = header_patterns()
_UP = _P["code_letters"]  # "A-Z" and "Đ": the letters a code is written in

# "Số:", OCR'd as "Sô:", "S6:", "Sế:", "SỐ:", "số:" ...; then an optional number and the code after "/" (a fraction
# slash "⁄" on some scans)
# The value may stand on the line after "Số:" (a wrapped header cell) or be a blank to fill in ("Số: …/ĐA",
# "Số: ..../KH-UBND"), and a code may wrap after its hyphen or
# slash ("3783/QĐ-" / "UBND"): one line break is allowed there, nowhere else.
NUMBER = re.compile(
    r"\b(?:" + _P["number_label"] + "|" + _P["number_label_lower"] + r"(?=[ \t]*:))[ \t]*[:.;]?[ \t]*(?:\n[ \t*]*)?"
    r"(?P<num>\d{1,8}[a-zA-Z]?)?[ \t.…_-]*"
    r"[ \t]*(?:-[ \t]*(?P<type>[" + _UP + "][" + _UP + _UP.lower() + r"]*)(?=[ \t]*/))?"
    r"[ \t]*[/⁄∕][ \t]*(?P<code>[" + _UP + r"0-9][^\s/,;()*-]*(?:[ \t]*[-/][ \t]*(?:\n[ \t*]*)?[" + _UP
    + r"0-9][^\s/,;()*-]*|-)*)")


# a number OCR could not read (handwritten or stamped): "Số: //đ# !QĐ-UBND", "số:Z7ƒ /QĐ-UBND" give the code only;
# used when NUMBER finds nothing, and only for a code that starts with a document-type abbreviation
_NUMBER_OCR = re.compile(
    r"(?<![^\W\d_])" + _P["number_label_ocr"] + r"[ \t]*[:.;,]?(?P<junk>[^\n\t]{0,10}?)(?<![" + _UP + _UP.lower()
    + r"])(?P<code>(?P<abbr>[" + _UP + "][" + _UP + r"a-z]{0,3})(?:[ \t]*-[ \t]*[" + _UP + "0-9][" + _UP
    + r"0-9.&]*)+)")


# the date words as OCR gives them on scans ("ngảy", "thảng", "nãm"): only the tone mark varies
_NGAY, _THANG, YEAR_WORD = (_P["date_words_ocr"][k] for k in ("day", "month", "year"))


# the place line may wrap anywhere between its words ("Cần Thơ, ngày" / "17 tháng 11 năm 2025", web copies and
# narrow header cells): one line break, with emphasis markers around it, is a space here
_SP = r"[ \t*_]*(?:\n[ \t*_]*)?"
_DATE_WORDS = (_NGAY + _SP + r"(?P<d>\d{1,2})?[ \t._…]*(?:\n[ \t*_]*)?" + _THANG + _SP
               + r"(?P<m>\d{1,2})?[ \t._…]*(?:\n[ \t*_]*)?" + YEAR_WORD + _SP + r"(?P<y>\d{4})\b")
_PLACE_DATE_AT = re.compile(r"[ \t]" + _DATE_WORDS)
PLACE_DATE = re.compile(
    r",[ \t*_]*(?:\n[ \t*_]*)?" + _NGAY + _SP + r"(?P<d>\d{1,2})?[ \t._…]*(?:\n[ \t*_]*)?" + _THANG + _SP
    + r"(?P<m>\d{1,2})?[ \t._…]*(?:\n[ \t*_]*)?" + YEAR_WORD + _SP + r"(?P<y>\d{4})\b")


# the place line with OCR noise where a handwritten day or month was ("Quảng Bình, ngày {tháng 12 năm 2021",
# "ngày,4/Ƒtháng fnăm 2022"): a slot holding no word is read as its number when clean, else as unknown
_PLACE_DATE_OCR = re.compile(
    r"[,.][ \t]*" + _NGAY + r"(?P<dj>[^\n\t]{0,8}?)" + _THANG + r"(?P<mj>[^\n\t]{0,6}?)" + YEAR_WORD
    + r"[ \t]*(?P<y>\d{4})\b")


# "Quảng Bình, ngày 24/10/2022": the place line with a numeric date
_PLACE_DATE_NUM = re.compile(r"(?m)^[ \t]*[^\W\d_][^\n\t\d,;:()/]{0,40}(?P<c>,)[ \t]*" + _NGAY
                             + r"[ \t]*\d{1,2}[ \t]*(?P<s>[/.-])[ \t]*\d{1,2}[ \t]*(?P=s)[ \t]*\d{4}(?!\d)")


_PLACE_DATE_NUM_TAIL = re.compile(r",[ \t]*" + _NGAY + r"[ \t]*(?P<d>\d{1,2})[ \t]*[/.-][ \t]*(?P<m>\d{1,2})[ \t]*[/.-]"
                                  r"[ \t]*(?P<y>\d{4})")


_CLEAN_SLOT = re.compile(r"[ \t.,…_]*(?P<n>\d{1,2})?[ \t.,…_]*")


_WORD2 = re.compile(r"[^\W\d_]{2,}")


make_time = written_time  # the date parser's rule, under the name the citations import


_OCR_CODE_CHARS = str.maketrans(_P["code_ocr_chars"])
_LOST_STROKE = _P["code_lost_stroke"]
_DOUBLED = re.compile(r"(.)\1+")


def ocr_code(code: str) -> str:
    """A document code as OCR may print it: "Ð" (U+00D0) for "Đ", a fraction slash for "/", and "QD-UBND" for
    "QĐ-UBND" (the stroke of "Đ" lost) or "QĐĐ-UBND" (a letter read twice) when only the mended form is a
    document-type abbreviation."""
    code = code.translate(_OCR_CODE_CHARS)
    m = re.search("[" + _UP + "a-z]+", code)  # the type part: first in "QĐ-UBND", after the digits in "91/2017/NĐ-CP"
    lost, stroked = next(iter(_LOST_STROKE.items()))
    if m and m.group() not in type_by_abbr():
        # two misreadings, each kept only when it yields a known abbreviation: the stroke lost, and a letter
        # printed twice ("QĐĐ-UBND", a scan's bold glyph read as two)
        for fixed in (m.group().replace(lost, stroked), _DOUBLED.sub(r"\1", m.group())):
            if fixed != m.group() and fixed in type_by_abbr():
                code = code[:m.start()] + fixed + code[m.end():]
                break
    return code


def number_ocr(zone: str) -> re.Match | None:
    """"Số: //đ# !QĐ-UBND": the code of a number OCR garbled; the number stays null (never guessed)."""
    for m in _NUMBER_OCR.finditer(zone):
        if m.group("abbr") in type_by_abbr() and not any(
                len(w) > 3 or is_syllable(w) for w in _WORD2.findall(m.group("junk"))):
            return m
    return None


def _ocr_slot(slot: str) -> bool:
    """A day or month slot as OCR leaves a handwritten number: no word, or one short blot ("Úf", "Ệ")."""
    blot = slot.strip(" \t.,…_")
    return not _WORD2.search(slot) or (len(blot) <= 3 and not re.search(r"\s", blot))


def place_date_ocr(zone: str) -> re.Match | None:
    for m in _PLACE_DATE_OCR.finditer(zone):
        if _ocr_slot(m.group("dj")) and _ocr_slot(m.group("mj")):
            return m
    return None


def place_date_num(zone: str) -> re.Match | None:
    m = _PLACE_DATE_NUM.search(zone)
    return _PLACE_DATE_NUM_TAIL.match(zone, m.start("c")) if m else None


def slots(pm: re.Match) -> tuple[str | None, str | None]:
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
    cues = "|".join(re.escape(c).replace(r"\ ", r"[ \t]*") for c in stamp_cues())
    return re.compile(r"(?i)(?<![^\W\d_])(?:" + cues + r")[ \t]*[:;.,]?[ \t]*(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-]"
                      r"(?P<y>\d{4})(?!\d)")


def issued_from_stamp(text: str, h: DocumentHeader) -> None:
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
        if y != year and not misread_stamp_year(int(y), int(year)):
            continue
        if month is not None and int(m.group("m")) != int(month):
            continue
        tv = make_time(" ".join(m.group().split()), m.group("d"), m.group("m"), year)
        if tv and tv.granularity == "day":
            h.issued = tv
            h.evidence["issued"] = h.evidence.get("issued", []) + ev_list(text, m.start(), m.end())
        return


@lru_cache(maxsize=1)
def _adoption_re() -> re.Pattern:
    a = header_words()["adoption"]
    sp = r"(?:[ \t*_]|\n(?![ \t]*\n))+"  # a wrapped line (PDF, DOCX) is a space; a blank line ends the sentence
    return re.compile(r"(?<![^\W\d_])(?P<type>" + word_alternation(type_names(), grouped=False, space=sp) + ")" + sp
                      + literal(a["self"]) + sp + word_alternation(a["passive"], space=sp) + sp
                      + r"(?P<body>(?:[^.;:\n]|\n(?![ \t]*\n)){3,%d}?)" % a["body_max"] + "(?:" + sp
                      + r"|(?<=[^\W\d_]))" + word_alternation(a["verbs"], space=sp) + sp)  # "khóa XVthông qua": glued


def issued_from_adoption(text: str, h: DocumentHeader) -> None:
    """A law or resolution with no place-and-date line ("Nghị quyết này được Ủy ban Thường vụ Quốc hội ... thông
    qua ngày 16 tháng 6 năm 2025"): the day of adoption is its date of issue. The sentence must name the
    document by its own type and "này" (never a cited law's adoption), and the date must follow the verb."""
    for m in _adoption_re().finditer(text):
        if h.type and m.group("type").casefold() != h.type.casefold():
            continue
        found = find_times(text[m.end():m.end() + 60])
        if found and not text[m.end():m.end() + found[0][0]].strip(" \t*_\n") and found[0][2].granularity == "day":
            start, end, tv = found[0]
            h.issued = tv
            h.evidence["issued"] = ev_list(text, m.end() + start, m.end() + end)
            return


def _number_line(text: str, limit: int) -> re.Match | None:
    """"Số: ..." below the header zone: only as a line of its own or with its colon, never a number cited in an
    upper-case title ("BÃI BỎ QUYẾT ĐỊNH SỐ 10/2016/QĐ-UBND")."""
    for m in NUMBER.finditer(text, 0, limit):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if ":" in text[m.start():m.start("num") if m.group("num") else m.start("code")] or not text[
                line_start:m.start()].strip(" \t*|#"):
            return m
    return None


def read_number(text: str, page: PageTop, h: DocumentHeader) -> re.Match | None:
    """Number and code ("Số: 15/KH-UBND"); the match, masked in ``page`` so later steps skip it."""
    zone = mask_spans(page.zone, page.masks)
    nm = NUMBER.search(zone) or _number_line(text, page.limit) or number_ocr(zone)
    if nm:
        code = ocr_code(re.sub(r"\s+", "", nm.group("code")).rstrip(".-"))
        # Party, Youth Union and union style: "Số: 225-KH/TWĐTN-CTTN" puts the type before the slash
        cs = nm.start("type") if nm.groupdict().get("type") else nm.start("code")
        h.code = ocr_code(nm.group("type")) + "/" + code if cs != nm.start("code") else code
        h.evidence["code"] = ev_list(text, cs, nm.end("code"))
        if "num" in nm.groupdict() and nm.group("num"):
            h.number = nm.group("num")
            h.evidence["number"] = ev_list(text, nm.start("num"), nm.end("num"))
        if nm.end() <= page.zone_end:
            page.masks.append((nm.start(), nm.end()))
    return nm


def read_place_date(text: str, page: PageTop, h: DocumentHeader) -> None:
    """Place and date of issue ("Hưng Yên, ngày 05 tháng 3 năm 2021"), masked in ``page``."""
    masked = mask_spans(page.zone, page.masks)
    head = mask_spans(text[:page.limit], page.masks)
    pm = PLACE_DATE.search(masked) or PLACE_DATE.search(head) or place_date_ocr(head) or place_date_num(head) \
        or _place_date_no_comma(head)
    if not pm:
        _place_date_apart(text, head, h)
    if pm:
        keep = _place_words(text, masked if len(masked) >= len(head) else head, pm.start())
        if keep:
            ps, pe = keep[0][0], keep[-1][1]
            h.place = " ".join(" ".join(text[ps:pe].replace("*", " ").split()).split())
            h.evidence["place"] = ev_list(text, ps, pe)
        day, month = slots(pm)
        tv = make_time(" ".join(text[pm.start() + 1:pm.end()].replace("*", " ").split()), day, month, pm.group("y"))
        if tv:
            h.issued = tv
            h.evidence["issued"] = ev_list(text, pm.start() + 1, pm.end())
        if pm.end() <= page.zone_end:
            page.masks.append((ps if h.place else pm.start(), pm.end()))


# a place line whose date slots are blank or were laid out apart from it ("tháng" / "năm 2024" / ... /
# "Hậu Giang, ngày"; "02 tháng 12 năm 2025" / "Hà Nội, ngày" in some portal copies): the place from its line,
# the date from the nearest "[dd] tháng .. năm ...." around it
_PLACE_ALONE = re.compile(r"(?m)^[ \t*_]*(?P<place>[" + UPPER_VN + r"][^\W\d_]*(?:[ \t]+[" + UPPER_VN
                          + r"][^\W\d_]*){0,3}),[ \t]*" + _NGAY + r"[ \t*_]*$")
_MONTH_YEAR = re.compile(r"(?:(?<![\d/])(?P<d>\d{1,2})[ \t]+)?" + _THANG + r"[ \t]*(?P<m>\d{1,2})?[ \t._…]*\n?[ \t*_]*" + YEAR_WORD + r"[ \t]*(?P<y>\d{4})\b")


# "Hà Nội ngày 01 tháng 12 năm 2025": the comma lost in a web copy; only as a line of its own that opens with
# one to four capitalised words
_PLACE_DATE_LINE = re.compile(r"(?m)^[ \t*_]*(?:[" + UPPER_VN + r"][^\W\d_]*[ \t]+){1,4}(?=" + _NGAY + r"[ \t]+\d)")


def _place_date_no_comma(head: str) -> re.Match | None:
    for lm in _PLACE_DATE_LINE.finditer(head):
        m = _PLACE_DATE_AT.match(head, lm.end() - 1)  # from the space where the comma would be
        if m:
            return m
    return None


def _place_date_apart(text: str, head: str, h: DocumentHeader) -> None:
    pm = _PLACE_ALONE.search(head)
    if not pm:
        return
    h.place = pm.group("place")
    h.evidence["place"] = ev_list(text, pm.start("place"), pm.end("place"))
    near = [m for m in _MONTH_YEAR.finditer(head, max(0, pm.start() - 120), min(len(head), pm.end() + 120))]
    if near:
        ym = min(near, key=lambda m: abs(m.start() - pm.start()))
        tv = make_time(" ".join(text[ym.start():ym.end()].split()), ym.group("d"), ym.group("m"), ym.group("y"))
        if tv:
            h.issued = tv
            h.evidence["issued"] = ev_list(text, ym.start(), ym.end())


_PLACE_TOKEN = re.compile(r"[^\s,*_]+")
# the first part of a wrapped place: "Thành phố Hồ", "Bình", "Thị xã Sơn" (title case, not an upper-case line)
_WRAPPED = [d.split() for d in place_designators() if " " in d]  # "thành phố": a designator that can wrap
_TITLE_PLACE = re.compile(r"(?:(?:" + "|".join(d.capitalize() for d in (" ".join(w) for w in _WRAPPED))
                          + r")(?: |$))?(?:[" + UPPER_VN + r"][^\W\d_]*[" + _P["title_case_lower"] + r"][^\W\d_]*"
                          r"(?: |$)|[" + UPPER_VN + r"](?: |$))*")


_PLACE_WORD = re.compile(r"[" + UPPER_VN + r"](?:[^\W\d_" + UPPER_VN + r"]*|[" + UPPER_VN + r"]*)\.?")


def _line_tokens(masked: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words of ``masked[start:end]`` after its last cell break, with their offsets."""
    cell = masked.rfind("\t", start, end) + 1 or start
    return [(m.start(), m.end(), m.group()) for m in _PLACE_TOKEN.finditer(masked, max(cell, start), end)]


def _place_words(text: str, masked: str, comma: int) -> list[tuple[int, int, str]]:
    """The place before ", ngày ...": the capitalised words right before the comma, also across one wrap
    ("Thành phố Hồ" / "Chí Minh, ngày ..."), never into a masked span (motto, number) or an upper-case line."""
    ls = masked.rfind("\n", 0, comma) + 1
    toks = _line_tokens(masked, ls, comma)
    if ls > 0 and masked[ls:comma].strip(" \t*_") == " ".join(t[2] for t in toks) and len(toks) <= 3:
        ps = masked.rfind("\n", 0, ls - 1) + 1
        above = _line_tokens(masked, ps, ls - 1)
        if not masked[ps:ls - 1].strip(" \t*_|") and ps > 0 and len(toks) == 1:
            # a block break between the two parts ("Thái" / "" / "Nguyên, ngày"): only a one-word part each side
            ps = masked.rfind("\n", 0, ps - 1) + 1
            above = _line_tokens(masked, ps, masked.find("\n", ps))
            above = above if len(above) == 1 else []
        words = [t[2] for t in above]
        # the line above is the place's first part only when it is short, in title case, and not the masked motto
        if (above and len(above) + len(toks) <= 6 and masked[ps:above[-1][1]].strip(" \t*_") == " ".join(words)
                and _TITLE_PLACE.fullmatch(" ".join(words))):
            toks = above + toks
    keep: list[tuple[int, int, str]] = []
    for i in range(len(toks) - 1, -1, -1):
        s0, e0, w = toks[i]
        if keep and text[e0:keep[0][0]].strip(" \t\n*_"):
            break  # a masked motto or number lies between: "... ĐÀO TẠO [motto] [Số: ...] Sơn La, ngày"
        if keep and masked[e0:keep[0][0]].strip(" \t\n*_"):
            break
        left = toks[i - 1][2] if i > 0 else ""
        if w in {x[1] for x in _WRAPPED} and left in {x[0].capitalize() for x in _WRAPPED}:
            keep.insert(0, toks[i])  # "Thành phố Hồ Chí Minh", "Thị xã Sơn Tây"
            continue
        if w != "-" and not _PLACE_WORD.fullmatch(w):
            break  # OCR debris before the place ("THl/ONG Long Bien"): a word in neither title case nor capitals
        upper = w.isupper() and len(w) > 1
        if keep and upper and not keep[0][2].isupper():
            break  # "VNPT - QUẢNG BÌNH Quảng Bình, ngày": an upper-case column runs into the place line
        if w == "-" or (w[0].isupper() and not (upper and keep == [] and not province_of(w))):
            keep.insert(0, toks[i])
            continue
        break
    while keep and keep[0][2] == "-":
        keep.pop(0)
    return keep if len(keep) <= 6 else []
