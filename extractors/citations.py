"""Citations extractor: the documents a plan cites, under "Căn cứ" (its legal basis) and in its body.

A citation is a type word with a number ("Nghị định số 98/2023/NĐ-CP", "Chỉ thị 34-CT/TW", "Tờ trình số
120/TTr-SNV") or a law by its title ("Luật Thi đua, khen thưởng năm 2022"), with its date and issuer when written.
One document cited several times gives one citation per basis/body group, as the gold counts them.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.header.layout import body_start
from extractors.header.lexicon import type_by_abbr, type_names
from extractors.header.number_date import NUMBER as OWN_NUMBER, make_time, ocr_code
from extractors.lexicon import read_yaml
from extractors.text import (CAN_CU, LEGAL_BASIS_WORDS, PLACE_DESIGNATOR, UPPER_VN, alternation, either_case_first,
                             ocr_tolerant)
from extractors.evidence import replace_at
from extractors.citation_laws import known_law_end
from extractors.citation_groups import described_not_basis, longest_titles, merge, title_key
from extractors.text.lines import goes_on_lower, joined, soft_breaks
from schemas.record import Citation, TimeValue

_WORDS = read_yaml("citation_words.yaml")
# the grammar words around a cited number, from the data file
_DAY, _MONTH, _YEAR, _OF, _AND = (_WORDS[k] for k in ("day_word", "month_word", "year_word", "of_word", "and_word"))
_NUMBER_WORD = _WORDS["number_word"]  # "số"
_NUMBER_EITHER = "(?:" + _NUMBER_WORD + "|" + _NUMBER_WORD.upper() + ")"  # "số", "SỐ"


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", "[ \t]+") for w in sorted(words, key=len, reverse=True)) + ")"


# a document number: "98/2023/NĐ-CP", "66.4/2025/NQ-CP" (a numbered part of a resolution), "34-CT/TW", "02/HĐTĐKT-P.I", "7475/TBCĐ", "06/2022/QH15",
# "20/CT - VNPT - CĐ VNPT" (spaces around dashes as typed), "22/201/QĐ-UBND" (a year typed with a digit missing, kept
# as printed); the code starts upper-case
# OCR writes "Đ" as the look-alike "Ð" (U+00D0) and "/" as a fraction slash ("91⁄2017/NĐ-CP"); both are read as
# the real characters and normalised in the number
_D = "ĐÐ"
_SL = "/⁄∕"
# a code part may carry Vietnamese capitals after its first letter ("TƯH", Trung ương Hội)
_LOOKALIKES = "".join(_WORDS["code_lookalikes"])  # Cyrillic capitals typed for Latin ones, read as those
_CODE_LETTERS = r"A-Za-z" + _D + UPPER_VN[3:] + r"đ" + _LOOKALIKES
_CODE_PART = r"[A-Z" + _D + _LOOKALIKES + r"][" + _CODE_LETTERS + r"0-9&.]*"
# a Party, Youth Union or Front number puts its type before the slash, joined by a hyphen ("49-KH/TƯH", "49- KH/TƯH"),
# a space or nothing ("298 KH/TWĐTN", "148HD/TWH"); the type is a short capital abbreviation
_TYPE_BEFORE_SLASH = r"[A-Z" + _D + r"][" + _CODE_LETTERS + r"]*[ \t]*[" + _SL + r"][ \t]*[A-Z" + _D + r"]"
# an upper-case code part after a space ("CĐ VNPT") belongs to the code only where the number ends right after it
_SPACED_TAIL = r"[ \t]+[A-Z" + _D + r"]{2,}(?=[ \t]*(?:[,;)\n]|" + _DAY + r"\b|" + _OF + r"\b|$))"
# a numbered part glued to the code by a hyphen ("01/CV-01", "15/TB-BCĐ-02"), never a date or a range that follows
_NUMBERED_PART = r"-\d{1,4}(?![\d" + _SL + r"]|[.,]\d)(?![^\W_])"
# a number of up to 8 digits: some companies number by the date ("20251022/CV-HD")
_NUM = (r"(?P<num>\d{1,8}(?:\.\d{1,2}(?=[" + _SL + r"]))?[a-z]?(?:[ \t]*[" + _SL + r"][ \t]*(?:19|20)\d\d?)?[ \t]*(?:[" + _SL + r"]|-(?=[ \t]*"
        + _TYPE_BEFORE_SLASH + r")|(?=[A-Z" + _D + r"][A-Z" + _D + r"]{0,3}[ \t]*[" + _SL + r"][ \t]*[A-Z" + _D
        + r"]))[ \t]*"
        + _CODE_PART + r"(?:[ \t]*[-" + _SL + r"](?:[ \t]*-)?[ \t]*" + _CODE_PART + r"|" + _SPACED_TAIL + "|"
        + _NUMBERED_PART + r")*)")
_OCR_CHARS = str.maketrans({"Ð": "Đ", "⁄": "/", "∕": "/", **_WORDS["code_lookalikes"]})
# also upper case, in an upper-case title ("... QUYẾT ĐỊNH SỐ 13/2018/QĐ-UBND NGÀY 27 THÁNG 4 NĂM 2018")
_DATE_AFTER = re.compile(r"(?i)[ \t]*,?[ \t]*(?:" + alternation(_WORDS["date_lead_verbs"]) + r"[ \t]+)?(?:" + _DAY
                         + r"[ \t]*)?(?:"
                         r"(?P<d1>\d{1,2})[ \t]*[/.-][ \t]*(?P<m1>\d{1,2})[ \t]*[/.-][ \t]*(?P<y1>\d{4})(?!\d)"
                         r"|(?P<d2>\d{1,2})[ \t]*" + _MONTH + r"[ \t]*(?P<m2>\d{1,2})[ \t]*" + _YEAR
                         + r"[ \t]*(?P<y2>\d{4})(?!\d))")
_YEAR_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:" + _YEAR + "|" + _DAY + r"[^;\n]{0,12}" + _YEAR
                         + r")[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)")
_ISSUER_AFTER = re.compile(r"[ \t]*,?[ \t]*" + _OF + r"[ \t]+(?P<issuer>[^;,.\n“\"(]{3,120}?)"
                           r"(?=[ \t]+" + alternation(_WORDS["issuer_ends"]) + r"\b"
                           r"|[;,.\n“\"(]|[ \t]+[A-Z" + _D[0] + r"][a-z" + _D[0].lower() + r"]+[ \t]+(?:" + _NUMBER_WORD
                           + r"|\d)|$)")
_BASIS_LINE = re.compile(r"^[ \t*\-]*" + CAN_CU + r"\b")  # "Căn cử", "Can cu" on OCR scans
# lines that extend the legal basis when they follow "Căn cứ" lines ("Để triển khai thực hiện ...")
_BASIS_FOLLOW = re.compile(r"^[ \t*\-]*" + alternation(_WORDS["basis_follow"]) + r"\b")
_SELF_REF = re.compile(r"(?i)" + alternation(_WORDS["annexed_by"]) + r"\s*$")
_DOC_WORDS = alternation(_WORDS["basis_doc_types"])
# where a law's title ends: its date or number, a following clause, or the next cited document
_LAW_STOP = re.compile(
    r"[ \t]*(?:\b" + alternation(_WORDS["law_title_stops"] + _WORDS["law_prose_stops"]) + r"\b"
    # "của" ends the name, except in the names of laws on local bodies ("Luật Ban hành văn bản quy phạm pháp luật
    # của Hội đồng nhân dân, Ủy ban nhân dân"), where no place follows the bodies
    r"|\b" + _OF + r"\b(?![ \t]+" + alternation(_WORDS["local_bodies"]) + r"(?![^\W\d_])(?![ \t]+(?:" + PLACE_DESIGNATOR
    + "|" + "|".join(_WORDS["local_levels"]) + r")\b))"
    r"|" + _DAY + r"(?=[ \t]*\d)"
    r"|\b" + _NUMBER_WORD + r"[ \t]*:?[ \t]*\d|[;.\n\t(“\"”:]|,[ \t]*" + _DOC_WORDS + r"\b|[ \t]+" + _AND + r"[ \t]+(?:"
    + _DOC_WORDS + r"\b|\d))")
_AMEND_STOP = re.compile(r"[ \t]*(?:,[ \t]*)?(?:\b(?:" + _DAY + "|" + _YEAR + r")\b|" + _DAY + r"(?=[ \t]*\d)|\b"
                         + _NUMBER_WORD + r"[ \t]*:?[ \t]*\d|[;\n\t(]"
                         r"|\.(?:[ \t]|$))")
# an amending law, written "sửa đổi" or "Sửa đổi", OCR'd without diacritics or glued ("bổsung"); OCR reads "đổi" as "đối"
_AMENDING = re.compile(r"(?i)" + ocr_tolerant(_WORDS["amending"]["words"], _WORDS["amending"]["ocr_letters"], r"[ \t]*")
                       + r"\b")
_AMENDING_WORDS = " ".join(_WORDS["amending"]["words"])  # "sửa đổi"


@lru_cache(maxsize=1)
def _mention_re() -> re.Pattern:
    # the type words also in upper case, as in an upper-case title ("... KÈM THEO QUYẾT ĐỊNH SỐ 13/2018/QĐ-UBND")
    # and in lower case, as many texts type it before a number ("căn cứ kế hoạch 2249/KH-UBND")
    names = sorted(set(type_names()) | {t.upper() for t in type_names()} | {t[:1].lower() + t[1:] for t in type_names()},
                   key=len, reverse=True)
    # grouped under their first letter, longest first in each group: one group can match, so the engine tries it alone
    types = "|".join(re.escape(c) + "(?:" + "|".join(re.escape(t[1:]) for t in names if t[0] == c) + ")"
                     for c in dict.fromkeys(t[0] for t in names))
    # a first-letter lookahead lets the scan skip most positions before trying the long alternation
    first = "".join(sorted({re.escape(t[0]) for t in names} | {"S", "s"}))
    # "số" as OCR gives it after a type word: "SỐ,", "số." ("Nghị định SỐ, 91/2017/NĐ-CP")
    joint = _WORDS["joint_word"]
    return re.compile(r"(?=[" + first + r"])(?:(?<![^\W\d_])(?P<type>" + types + r")(?:[ \t]+(?:" + joint + "|(?:"
                      + joint.upper() + r"[ \t]+)?" + _NUMBER_WORD.upper() + "|"
                      + ocr_tolerant([_NUMBER_WORD], _WORDS["number_ocr_letters"]) + r"[ \t]*:?"
                      r"|" + _NUMBER_EITHER + r"[ \t]*[,.](?=[ \t]*\d))|[ \t]*:)?[ \t]*" + _NUM + r"|(?<![^\W\d_])"
                      + either_case_first(_NUMBER_WORD) + r"[ \t]*:?[ \t]*" + _NUM.replace("?P<num>", "?P<num2>") + ")")


_NOT_CITED_AFTER = re.compile(r"(?i)(?<![^\W\d_])" + _alternation(_WORDS["not_cited_after"]) + r"[ \t]*$")
_CONSTITUTION = _WORDS["constitution"].capitalize()  # "Hiến pháp"
_NOT_LAW_TITLE = {w.lower() for w in _WORDS["not_law_titles"]}
_CLAUSE_AFTER_COMMA = re.compile(r",[ \t]*" + _alternation(_WORDS["clause_after_comma"]) + r"(?![^\W\d_])")
# more numbers of the same type after the first: "các văn bản số: 10894/VPCP-CN ngày 8/11/2025, 8563/VPCP-CN ..."
_LIST_NEXT = re.compile(r"[ \t]*" + _alternation(_WORDS["list_joiners"]) + r"[ \t]*(?:" + re.escape(_WORDS["number_word"])
                        + r"[ \t]*:?[ \t]*)?" + _NUM.replace("?P<num>", "?P<next>"))


# a law's name starts upper-case ("Luật Thi đua"), or lower-case as many texts type it ("Luật thi đua, khen
# thưởng"): a lower-case name is taken only under "Căn cứ" or with its date or number after it
_CHARTERS = tuple(w.capitalize() for w in _WORDS["charter_types"])  # "Điều lệ": cited by name only under "Căn cứ"
_LAW_TYPES = tuple(w.capitalize() for w in _WORDS["law_types"])
_LAW_INITIALS = "".join(sorted({w[0] for w in _LAW_TYPES + _CHARTERS + (_CONSTITUTION,)}))
_LAW = re.compile(r"(?=[" + _LAW_INITIALS + r"])(?<![^\W\d_])(?P<type>"
                  + "|".join(_LAW_TYPES) + "|" + "|".join(_CHARTERS) + "|"
                  + _CONSTITUTION + r")[ \t]+(?P<title>" + _AMENDING_WORDS + "|[A-Z" + _D[0] + UPPER_VN[3:]
                  + r"]|(?P<low>[^\W\d_A-Z" + _D[0] + UPPER_VN[3:] + r"]))")
_LOW_LAW_NOT = re.compile(alternation(_WORDS["low_law_not"]) + r"\b")
_BASIS_BEFORE = re.compile(r"(?i)" + CAN_CU + r"(?:[ \t]+" + _WORDS["basis_joiner"] + r")?[ \t]*$")
_NOT_LAW_AFTER = tuple(_WORDS["not_law_after"])  # "Luật sư", "Luật lệ", "Luật pháp"
_DESCRIBED_BEFORE = re.compile(alternation(_WORDS["describing_before"]) + r"[ \t]*$")
_ABOUT = re.compile(r"[ \t]*(?:,[ \t]*)?(?:" + _OF + r"[^;\n]{0,120}?[ \t])?(" + _WORDS["about_word"] + "(?: "
                    + _WORDS["about_matter_word"] + r")?[ \t]+[^;\n]{3,200}?)(?=[;\n]|\.(?:\s|$)|$)")
_LAW_NUMBER_AFTER = re.compile(r"[ \t]*(?:" + _NUMBER_WORD + r"[ \t]*:?[ \t]*)?(?P<n>\d{1,3}/(?:19|20)\d\d/(?:UBTV)?QH\d{1,2})")
_ANNEX_OPENING = re.compile(r"\(" + alternation([either_case_first(w) for w in _WORDS["annexed_by"]]) + r"[^)]*$")
_OWN_NUMBER_LABEL = re.compile(ocr_tolerant([_NUMBER_WORD.capitalize()], _WORDS["own_number_ocr_letters"]) + r"[ \t]*:")
_PARTY_CODE = re.compile(r"\d+-?([A-Za-z" + _D[0] + _D[0].lower() + r"]+)/")


def _date_after(text: str, pos: int) -> tuple[TimeValue | None, int]:
    m = _DATE_AFTER.match(text, pos)
    if m:
        d, mo, y = (m.group("d1"), m.group("m1"), m.group("y1")) if m.group("y1") else (
            m.group("d2"), m.group("m2"), m.group("y2"))
        s = m.start() + len(m.group()) - len(m.group().lstrip(" \t,"))
        tv = make_time(" ".join(text[s:m.end()].split()), d, mo, y)
        return tv, m.end()
    m = _YEAR_AFTER.match(text, pos)
    if m:
        s = m.start() + len(m.group()) - len(m.group().lstrip(" \t,"))
        return make_time(" ".join(text[s:m.end()].split()), None, None, m.group("y")), m.end()
    return None, pos


@lru_cache(maxsize=1)
def _type_by_upper() -> dict[str, str]:
    return {t.upper(): t for t in type_names()}


def _proper_type(word: str | None) -> str | None:
    """"QUYẾT ĐỊNH" -> "Quyết định"; a type word already in its own casing stays."""
    if word and word.isupper():
        return _type_by_upper().get(word, word)
    return word[:1].upper() + word[1:] if word else word


def _type_from_code(number: str) -> str | None:
    code = re.split(r"/", number, maxsplit=1)[-1] if "/" in number else number
    party = _PARTY_CODE.match(number)
    if party:  # Party style 34-CT/TW: the type sits before the slash
        abbr = party.group(1)
        party_type = _WORDS["party_types"].get(abbr)
        return party_type.capitalize() if party_type else type_by_abbr().get(abbr)
    parts = [p for p in re.split(r"[/-]", number) if p and not p.isdigit()]
    if parts:
        return type_by_abbr().get(parts[0])
    return type_by_abbr().get(code.split("-")[0])


def _own_number(text: str) -> tuple[tuple[int, int], str | None]:
    """The document's own "Số: 04/KH-THPTTX" in its header (never a citation), as a span and a number."""
    nm = OWN_NUMBER.search(text, 0, min(body_start(text), 2500))
    if not nm:
        return (0, 0), None
    if not nm.group("num"):
        return (nm.start(), nm.end()), None
    return (nm.start(), nm.end()), nm.group("num") + "/" + nm.group("code")


_LINE_SELF_REF = re.compile(r"(?i)[ \t*(\-]*(?:" + _WORDS["issued_word"] + r"[ \t]+)?" + _WORDS["attached_word"] + r"[ \t]*")


def _self_ref(text: str, start: int, number: str, own_span: tuple[int, int], own: str | None = None) -> bool:
    """"(Kèm theo Kế hoạch số ...)" opening an annex names the document itself; "Quy chế ... ban hành kèm theo
    Quyết định số 13/2018/QĐ-UBND" inside a sentence names another document, unless its code is the own code."""
    if not _SELF_REF.search(text, max(0, start - 25), start):
        return False
    ls = text.rfind("\n", 0, start) + 1
    if _LINE_SELF_REF.fullmatch(text, ls, start):
        return True
    if own and re.match(r"\d+", own) and re.match(r"\d+", number) and \
            re.match(r"\d+", own).group().lstrip("0") != re.match(r"\d+", number).group().lstrip("0"):
        return False  # a Quy chế "ban hành kèm theo Quyết định số 12/QĐ-X" cited in decision 345/QĐ-X: another decision, same code
    own_code = OWN_NUMBER.search(text, *own_span) if own_span[1] else None
    return bool(own_code) and number.split("/")[-1] == re.sub(r"\s+", "", own_code.group("code")).split("/")[-1] \
        and not re.search(r"\d{4}/", number)


# how far into a document its title block reaches: a plan with no "Số:" line of its own that opens "(Ban hành kèm
# theo Quyết định số ...)" there is the attachment of that decision, another document
_TITLE_BLOCK_CHARS = 1000
_ISSUED_WITH = re.compile(r"(?i)" + _WORDS["issued_word"] + r"[ \t]+" + _WORDS["attached_word"] + r"[ \t]+[^()\n]{0,40}$")


def _issued_with(text: str, own_span: tuple[int, int], pos: int) -> bool:
    return own_span == (0, 0) and pos < _TITLE_BLOCK_CHARS and bool(_ISSUED_WITH.search(text, max(0, pos - 60), pos))


def _same_number(a: str, b: str) -> bool:
    """"04/KH-THPTTX" and "04/ KH-THPTTX. PL" are one number (the body may drop a dotted tail of the code);
    "125/KH-UBND-VX" is another document than "125/KH-UBND"."""
    na, nb = (re.sub(r"\s+", "", x).upper().rstrip(".-/") for x in (a, b))
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    return long_.startswith(short) and "-" in short and long_[len(short)] == "."


# "Căn cứ" inside a line (text whose line breaks were lost, "...; Căn cứ Nghị định ..."), or "Căn" right before a
# cited document where a copy lost the word "cứ" ("Căn Quyết định số ..."): the basis runs to the clause end
_BASIS_INLINE = re.compile(r"(?<![^\W\d_])(?:" + CAN_CU + r"(?![^\W\d_])|" + LEGAL_BASIS_WORDS[0] + r"(?=[ \t]+" + _DOC_WORDS
                           + r"\b))")
_CLAUSE_END = re.compile(r"[;\n]|\.(?:[ \t]|$)")


def _basis_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines that state the legal basis: "Căn cứ ..." and the "Thực hiện ..." lines right after them."""
    spans: list[tuple[int, int]] = []
    if LEGAL_BASIS_WORDS[0] in text:
        # clause ends found once: searching on from each "Căn cứ" read the rest of a long line every time
        ends = [e.start() for e in _CLAUSE_END.finditer(text)]
        for m in _BASIS_INLINE.finditer(text):
            i = bisect.bisect_left(ends, m.end())
            spans.append((m.start(), ends[i] if i < len(ends) else len(text)))
    in_basis = False
    for m in re.finditer(r"[^\n]*", text):
        line = m.group()
        if not line.strip():
            continue
        if _BASIS_LINE.match(line):
            spans.append((m.start(), m.end()))
            in_basis = True
        elif in_basis and _BASIS_FOLLOW.match(line):
            spans.append((m.start(), m.end()))
        else:
            in_basis = False
    return spans


# a cited number wrapped onto the next line: "Quyết định số\n7619/QĐ-BCA", "Chỉ thị\n17-CT/TU", a code cut after its
# hyphen ("QĐ-\nUBND") or its slash ("01/2017/QĐ-\nTTg" as OCR splits it)
_NUMBER_BEFORE_BREAK = re.compile(r"(?:(?<![^\W\d_])(?:" + either_case_first(_NUMBER_WORD) + "|" + _NUMBER_WORD.upper()
                                  + r")[ \t]*:?|(?<![^\W\d_])" + _DOC_WORDS + r"|[A-Z" + _D + r"][A-Za-z"
                                  + _D + _D[0].lower() + r"]*[ \t]*[-" + _SL + r"])[ *_]*$")
# "... một số điều của\nLuật Ban hành văn bản ...": a cited document named on the next line goes on the sentence
_LINKS_BEFORE_BREAK = re.compile(r"(?<![^\W\d_])" + _alternation(_WORDS["links_before_break"]) + r"[ *_]*$")
_DOC_AFTER_BREAK = re.compile(r"[ *_]*" + _DOC_WORDS + r"(?![^\W\d_])")
_NUMBER_AFTER_BREAK = re.compile(r"[ *_]*(?:\d{1,6}[a-z]?[ \t]*[-" + _SL + r"]|[A-Z" + _D + r"]{2,})")


# OCR and PDF text lose the hyphen of a code broken at the line end: "01/2017/QĐ" then "TTg ngày ..." on the next line
_CODE_HEAD_AT_END = re.compile(r"(?<![\w/])\d{1,6}[ \t]*[" + _SL + r"][ \t]*(?:(?:19|20)\d\d[ \t]*[" + _SL + r"][ \t]*)?[A-Z" + _D
                               + r"]{1,4}[ *_]*$")
_CODE_TAIL_AT_START = re.compile(r"[ *_]*[A-Z" + _D + r"]{2,}[a-z]?(?:-[A-Z" + _D + r"]+)*(?=[ \t]*(?:[,;.)]|" + _DAY + "|"
                                 + _OF + "|$))")


def _code_broken(prev: str, follow: str) -> bool:
    return bool(_CODE_HEAD_AT_END.search(prev)) and bool(_CODE_TAIL_AT_START.match(follow))


def _goes_on(prev: str, follow: str) -> bool:
    """A line break inside a sentence or inside a cited number reads as a space."""
    if goes_on_lower(prev, follow):
        return True
    if "\t" in prev or "\t" in follow[:200]:
        return False
    return (bool(_NUMBER_BEFORE_BREAK.search(prev)) and bool(_NUMBER_AFTER_BREAK.match(follow))) or (
        bool(_LINKS_BEFORE_BREAK.search(prev)) and bool(_DOC_AFTER_BREAK.match(follow)))


def _clean_number(raw: str) -> str:
    """A number as written, without spaces, OCR look-alikes or a doubled hyphen ("01/2017/QĐ- -TTg")."""
    return ocr_code(re.sub(r"-{2,}", "-", re.sub(r"\s+", "", raw)).translate(_OCR_CHARS).rstrip(".-/"))


# a charter's name runs to the clause end, a following "và" + capital (the next cited document), or a stop word;
# "của" stays in it ("Quy chế Thi đua Khen thưởng của Tập đoàn X")
_CHARTER_STOP = re.compile(r"[ \t]*(?:[;\t(“\"”:]|\n(?=[ \t*\-+]*(?:" + CAN_CU + r"|[^\w\s]|\d|[" + UPPER_VN
                           + r"]{2,}(?![^\W\d_])|" + _DOC_WORDS + r"))|(?<=[;.,:])\n|\.(?:[ \t]|$)|,?[ \t]*\b" + _AND + r"[ \t]+(?=[A-Z" + _D[0]
                           + UPPER_VN[3:] + r"])|,?[ \t]*\b" + alternation(_WORDS["law_title_stops"] + _WORDS["charter_ends"])
                           + r"\b|[ \t]" + _NUMBER_WORD + r"[ \t]*:?[ \t]*\d)")
# what, right after a charter's name, identifies it by a document number: "(QĐ số ...", "ban hành kèm theo ...", "số ..."
_CHARTER_BY_NUMBER = re.compile(r"[ \t]*,?[ \t]*(?:\(|" + alternation(_WORDS["charter_ends"] + [_NUMBER_WORD]) + r"\b)")
_ANNEXED_IN = re.compile(r"(?i)\b" + alternation(_WORDS["annexed_by"]) + r"\b")
_CHARTER_NUMBER = re.compile(r"\b" + _NUMBER_WORD + r"[ \t]*:?[ \t]*\d")
# "Căn cứ Điều lệ X và Quy chế Y": a charter after another in the same basis clause
_CHARTER_JOIN = re.compile(r"(?:,|\b" + _AND + r")[ \t\n]*$")


def _charter(text: str, m: re.Match, basis: "_Spans", prev_end: int) -> tuple[str, int] | None:
    """A charter or regulation cited by name under "Căn cứ" (or joined to the charter before it, which ends at
    ``prev_end``): its title and end, or None."""
    if not (_BASIS_BEFORE.search(text, max(0, m.start() - 16), m.start()) or (
            (m.start() in basis or 0 <= m.start() - prev_end <= 8)
            and _CHARTER_JOIN.search(text, max(0, m.start() - 6), m.start()))):
        return None
    t_start = m.start("title")
    clause_end = _CLAUSE_END.search(text, t_start)
    clause = text[t_start:clause_end.start() if clause_end else len(text)]
    num = _CHARTER_NUMBER.search(clause)
    if (num and not re.search(_DOC_WORDS, clause[:num.start()])) or _ANNEXED_IN.search(clause):
        return None  # "Quy chế phối hợp giữa A và B số 05/QC-X", "... ban hành kèm theo Quyết định số ...": by number
    rest = text[t_start:t_start + 200]
    stop = _CHARTER_STOP.search(rest)
    end = t_start + (stop.start() if stop else len(rest))
    if _CHARTER_BY_NUMBER.match(text, end):
        return None  # "Quy chế ... ban hành kèm theo Quyết định số 57/QĐ-X": cited by that number
    title = " ".join(text[m.start():end].split()).rstrip(" ,")
    if len(title.split()) < len(m.group("type").split()) + 2:
        return None
    return title, end


class _Spans:
    """Spans (start, end) sorted once, asked whether one holds a position: scanning every span for each
    mention was quadratic in the mentions of a long text."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end so far

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos


def extract_citations(doc: DocumentView | str, context: DocContext | None = None) -> list[Citation]:
    """Every citation in ``text``, with evidence offsets. Never None."""
    view = as_view(doc)
    text = view.text
    if not text:
        return []
    source = text
    broken = soft_breaks(text, _code_broken)
    text = joined(replace_at(text, broken, "-") if broken else text, _goes_on)  # same offsets: wrapped lines read as one
    basis = _Spans(_basis_lines(text))
    found: list[tuple[int, Citation, str]] = []  # (start, citation, identity key)
    taken: list[tuple[int, int]] = []
    own_span, own = _own_number(source)  # the header as laid out, before any joining

    for m in _mention_re().finditer(text):
        num_group = "num" if m.group("num") else "num2"
        raw = m.group(num_group)
        number = _clean_number(raw)
        if not re.search(r"[A-Za-zĐđ]", number):
            continue
        before = text[max(0, m.start() - 25):m.start()]
        if (_self_ref(text, m.start(), number, own_span, own) or _ANNEX_OPENING.search(
                text[max(0, m.start() - 60):m.start()])) and not _issued_with(text, own_span, m.start()):
            continue  # the plan's own number in an annex heading
        if m.start() < 400 and _OWN_NUMBER_LABEL.search(text[max(0, m.start() - 6):m.start() + 6]):
            continue  # the plan's own "Số:" line in the header
        if own_span[0] <= m.start() < own_span[1] or (own and _same_number(number, own)):
            continue  # the document's own number, in its header or repeated in its body
        if own_span == (0, 0) and not text[:m.start()].strip(" \t\n*#_"):
            continue  # a copy whose header is one line opening the text ("Kế hoạch số 66/X ngày ... của ... về ...")
        typ = _proper_type(m.group("type")) if num_group == "num" else None
        if num_group == "num2":
            # a bare "số X" counts only after a type word a few words back ("Tờ trình của ... số X" is rare)
            if _NOT_CITED_AFTER.search(before.rstrip(" \t:").removesuffix(_NUMBER_WORD)
                                       .removesuffix(_NUMBER_WORD.capitalize())):
                continue
        typ = typ or _type_from_code(number)
        tv, end = _date_after(text, m.end(num_group))
        cit = Citation(type=typ, number=number, date=tv, basis=m.start() in basis,
                       evidence=[evidence(source, m.start(), end)])
        im = _ISSUER_AFTER.match(text, end)
        if im:
            cit.issuer = " ".join(im.group("issuer").split())
        about = _ABOUT.match(text[end:end + 400])
        if about:
            cit.title = about.group(1).strip()
        found.append((m.start(), cit, "n:" + number.upper()))
        taken.append((m.start(), end))
        nxt = _LIST_NEXT.match(text, end)
        while nxt:
            n_start = nxt.start("next")
            number = _clean_number(nxt.group("next"))
            if not re.search(r"[A-Za-zĐđ]", number) or (own and _same_number(number, own)):
                break
            tv, end = _date_after(text, nxt.end("next"))
            found.append((n_start, Citation(type=_type_from_code(number) or typ, number=number, date=tv,
                                            basis=n_start in basis, evidence=[evidence(source, n_start, end)]),
                          "n:" + number.upper()))
            taken.append((n_start, end))
            nxt = _LIST_NEXT.match(text, end)

    # spans taken so far: the number mentions, then laws (found in text order, so a furthest end suffices)
    taken_numbers, law_reach = _Spans(taken), -1
    taken_starts = sorted(s for s, _ in taken)
    charter_end = -100  # where the last charter cited by name ends
    for m in _LAW.finditer(text):
        if m.start() in taken_numbers or law_reach > m.start():
            continue
        if m.group("type") in _CHARTERS:
            charter = _charter(text, m, basis, charter_end)
            if charter:
                title, charter_end = charter
                found.append((m.start(), Citation(type=m.group("type"), title=title, basis=True,
                                                  evidence=[evidence(source, m.start(), charter_end)]), title_key(title)))
                law_reach = max(law_reach, charter_end)
            continue
        before = text[max(0, m.start() - 12):m.start()]
        # "... một số điều của Luật X" describes another cited document in a basis clause or where one was cited
        # earlier in the clause; "theo quy định của Luật Ngân sách nhà nước" in the body's prose cites the law itself
        described = bool(_DESCRIBED_BEFORE.search(before)) and (
            m.start() in basis or _cited_in_clause(text, taken_starts, m.start()))
        t_start = m.start("title")
        rest = text[t_start:t_start + 220]
        clause = _CLAUSE_AFTER_COMMA.search(rest)
        if clause:
            rest = rest[:clause.start()]
        amending = bool(_AMENDING.match(rest))
        stop = _LAW_STOP.search(rest)
        if amending:
            stop = _AMEND_STOP.search(rest)
        cut = stop.start() if stop else len(rest)
        # a name that runs to its own number or date keeps its commas ("Luật Khoa học, công nghệ và đổi mới sáng
        # tạo số 93/2025/QH15"); otherwise commas belong to it only when the parts after them are short
        own_end = bool(stop) and bool(_TITLE_OWN_END.match(rest, stop.start()))
        if not amending and not own_end:
            segs = rest[:cut].split(",")
            keep = segs[0]
            for seg in segs[1:]:
                if 1 <= len(seg.split()) <= 4:
                    keep += "," + seg
                else:
                    break
            cut = len(keep.rstrip(" ,"))
        known = known_law_end(text, m.start())  # a title of the law list is read whole, commas included
        if known is not None and known - t_start > cut:
            cut = known - t_start
        title_end = t_start + cut
        title = " ".join(text[m.start():title_end].split()).rstrip(" ,")
        words = title[len(m.group("type")):].split()
        if not words or (m.group("type") != _CONSTITUTION and words[0] in _NOT_LAW_AFTER) \
                or " ".join(" ".join(words).split(",")[0].split()).lower() in _NOT_LAW_TITLE:
            continue  # "Luật sư", "Luật lệ", a bare "Luật ..." word, "Dân Luật Việt Nam"
        nm = _LAW_NUMBER_AFTER.match(text[title_end:title_end + 30])
        pos = title_end + (nm.end() if nm else 0)
        tv, end = _date_after(text, pos)
        if len(words) < 2 and not (nm or tv):
            continue  # a one-word law ("Luật Giá") only with its date or number
        if described and not (nm or tv):
            continue  # "... thi hành một số điều của Luật X": part of another citation's description
        # a lower-case name is a citation under "Căn cứ", with its number or date, or where it is a known law's
        # whole title ("theo quy định của Luật ngân sách nhà nước")
        if m.group("low") and not amending and m.group("type") != _CONSTITUTION and (_LOW_LAW_NOT.match(text, t_start) or not (
                nm or tv or known == title_end or _BASIS_BEFORE.search(text, max(0, m.start() - 16), m.start()))):
            continue
        cit = Citation(type=m.group("type"), number=nm.group("n") if nm else None, title=title, date=tv,
                       basis=m.start() in basis, evidence=[evidence(source, m.start(), end)])
        key = "n:" + cit.number.upper() if cit.number else title_key(title)
        found.append((m.start(), cit, key))
        law_reach = max(law_reach, end)

    found.sort(key=lambda x: x[0])
    described_not_basis(text, found)
    return merge(longest_titles(found))


_TITLE_OWN_END = re.compile(r"[ \t]*(?:" + re.escape(_WORDS["number_word"]) + r"[ \t]*:?[ \t]*\d|"
                            + _alternation(_WORDS["title_end_words"]) + r"[ \t]+(?:\d|(?:19|20)\d\d))")

# a clause or block end; a line break alone is not one (prose wraps anywhere in PDF and OCR text)
_SENTENCE_END = re.compile(r";|\.(?:[ \t]|$)|\n[ \t]*\n")


def _cited_in_clause(text: str, starts: list[int], pos: int) -> bool:
    """A cited number starts in the clause that ``pos`` is in (since the last ";", "." or blank line)."""
    i = bisect.bisect_left(starts, pos) - 1
    if i < 0:
        return False
    return _SENTENCE_END.search(text, starts[i], pos) is None
