"""The document's own reference where the header block is missing or incomplete: the citation line a web copy
opens with ("Kế hoạch số 66/TĐKT ngày 12/12/2002 của ... về việc ..."), and an annex's self-reference ("(kèm
theo Kế hoạch số 15/KH-UBND ngày 05/3/2021 của ...)"). Their dates are read by the date parser."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.dates import read_written_date
from extractors.header.issuer import canonical_issuer, has_place, official_name, resolve_bare
from extractors.header.layout import ev_list
from extractors.header.lexicon import WORDS, body_key, header_patterns, header_words, public_bodies, type_names
from extractors.text import either_case_first
from schemas.record import DocumentHeader

_CODE_UP = header_patterns()["code_letters"]


@lru_cache(maxsize=1)
def self_ref_re() -> re.Pattern:
    types = "|".join(re.escape(t) for t in type_names())
    return re.compile(either_case_first(WORDS["attached"]) + r"\s+(?P<type>(?i:" + types + r"))\s+(?:"
                      + WORDS["number"] + r"\s*:?\s*)?(?P<num>\d{1,6})?\s*/\s*(?P<code>[" + _CODE_UP
                      + r"][^\s,;()]*)[\s,]*(?P<date>" + WORDS["day"] + r"[^()\n]{0,30}?\d{4}|\d{1,2}/\d{1,2}/\d{4})?"
                      r"(?:\s*" + WORDS["of"] + r"\s+(?P<issuer>[^()\n]{3,120}?))?\s*\)")


def _type_of(written: str) -> str:
    """A type as written in running text ("quyết định") -> its name ("Quyết định")."""
    return next((t for t in type_names() if t.lower() == written.lower()), written)


@lru_cache(maxsize=1)
def _citation_line_re() -> re.Pattern:
    types = "|".join(re.escape(t) for t in sorted(type_names(), key=len, reverse=True))
    w = WORDS
    about = w["about"].split()
    return re.compile(r"\A[ \t*#]*(?P<type>" + types + r")[ \t]+" + w["number"] + r"[ \t]*:?[ \t]*(?P<num>\d{1,6})[ \t]*/"
                      r"[ \t]*(?P<code>[" + _CODE_UP + r"0-9][^\s,;()]*)[ \t]+" + w["day"] + r"[ \t]+(?P<date>\d{1,2}[/.-]"
                      r"\d{1,2}[/.-]\d{4}|\d{1,2}[ \t]+" + w["month"] + r"[ \t]+\d{1,2}[ \t]+" + w["year"] + r"[ \t]+\d{4})[ \t]+"
                      + w["of"] + r"[ \t]+(?P<issuer>[^\n]{3,150}?)[ \t]+(?P<title>(?:" + either_case_first(about[0])
                      + r"[ \t]+" + about[1] + r"|V/v|" + w["about_short"] + r")[ \t]+[^\n]{5,})$",
                      re.MULTILINE)


def read_citation_line(text: str, h: DocumentHeader) -> None:
    """A web copy that opens with the document's own citation instead of its header block ("Kế hoạch số
    66/TĐKT ngày 12/12/2002 của Hội đồng ... về việc ..."): every header field from that line, only when
    no header block gave another number or code."""
    m = _citation_line_re().match(text)
    if not m or (h.number and h.number != m.group("num")) or (h.code and h.code != m.group("code")):
        return
    h.type = _type_of(m.group("type"))
    h.number, h.code = m.group("num"), m.group("code")
    for key, group in (("type", "type"), ("number", "num"), ("code", "code"), ("title", "title"),
                       ("issuer", "issuer")):
        h.evidence[key] = ev_list(text, m.start(group), m.end(group))
    tv = read_written_date(WORDS["day"] + " " + m.group("date"), m.group("date"))
    if tv:
        h.issued = tv
        h.evidence["issued"] = ev_list(text, m.start("date"), m.end("date"))
    h.issuer = official_name(canonical_issuer(m.group("issuer")))
    title = m.group("title").strip(" .;")
    h.title = title[:1].upper() + title[1:]


def read_self_reference(text: str, h: DocumentHeader) -> None:
    """An annex self-reference ("(kèm theo Kế hoạch số 15/KH-UBND ngày 05/3/2021 của ...)") fills what the header
    block left empty, when it names this document."""
    for sm in self_ref_re().finditer(text):
        if not h.issuer and sm.group("issuer") and _right_under_title(h, sm.start()):
            _issuer_of_decision(text, sm, h)
        code = re.sub(r"\s+", "", sm.group("code")).rstrip(".")
        if h.code and code != h.code:
            continue
        if h.type and sm.group("type").lower() != h.type.lower():
            continue
        if not h.code:
            h.code = code
            h.evidence["code"] = ev_list(text, sm.start("code"), sm.end("code"))
        if not h.type:
            h.type = _type_of(sm.group("type"))
            h.evidence["type"] = ev_list(text, sm.start("type"), sm.end("type"))
        if not h.number and sm.group("num"):
            h.number = sm.group("num")
            h.evidence["number"] = ev_list(text, sm.start("num"), sm.end("num"))
        if not h.issued and sm.group("date"):
            ds = sm.group("date")
            tv = read_written_date(ds, " ".join(ds.split()))
            if tv:
                h.issued = tv
                h.evidence["issued"] = ev_list(text, sm.start("date"), sm.end("date"))
        if not h.issuer and sm.group("issuer"):
            name = resolve_bare(canonical_issuer(sm.group("issuer")), h.place, text)
            if has_place(name):
                h.issuer = name
                h.evidence["issuer"] = ev_list(text, sm.start("issuer"), sm.end("issuer"))
        break


def _right_under_title(h: DocumentHeader, at: int) -> bool:
    evs = h.evidence.get("title")
    return bool(evs) and 0 <= at - evs[-1].end <= 40


@lru_cache(maxsize=1)
def _leading_position_re() -> re.Pattern:
    pos = sorted(header_words()["positions"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(p) for p in pos) + r")\s+(?=\S)")


def _issuer_of_decision(text: str, sm: re.Match, h: DocumentHeader) -> None:
    """A plan with no header of its own, issued with a decision ("KẾ HOẠCH ... (Ban hành kèm theo Quyết định số
    ... của Bộ trưởng Bộ X)"): the decision's body is the plan's issuer; the signer's position before it is not
    part of the name."""
    raw = sm.group("issuer")
    pm = _leading_position_re().match(raw)
    start = sm.start("issuer") + (pm.end() if pm else 0)
    name = official_name(resolve_bare(canonical_issuer(raw[pm.end():] if pm else raw), h.place, text))
    if has_place(name) or body_key(name) in public_bodies():
        h.issuer = name
        h.evidence["issuer"] = ev_list(text, start, sm.end("issuer"))
