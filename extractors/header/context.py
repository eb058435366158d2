"""The document context (year, province, level) the other extractors read, from the header and the text."""
from __future__ import annotations

import re

from extractors.context import DocContext
from extractors.dates import plan_year
from extractors.header.offices import issuing_body
from extractors.header.layout import signature_region
from extractors.header.lexicon import (
    COMMUNE, DISTRICT, PROVINCE, designators_of, header_words, province_of,
)
from extractors.text import PLACE_DESIGNATOR, UPPER_VN, word_alternation
from schemas.record import DocumentHeader

_PLACE_NAME = re.compile(r"\b(" + PLACE_DESIGNATOR + r")\s+([" + UPPER_VN
                         + r"][^\s,;()]*(?:\s+[" + UPPER_VN + r"0-9][^\s,;()]*)*)")

_W = header_words()
_PROVINCIAL = designators_of(PROVINCE)  # "tỉnh", "thành phố"
_CITY = tuple(_W["two_level_designators"])
_SIG_PROVINCE = re.compile(r"\b" + word_alternation(d.upper() for d in _PROVINCIAL) + r"\s+([" + UPPER_VN + r" \-]+?)\s*$",
                           re.MULTILINE)
_COUNCILS = _W["people_committee"] + _W["people_council"]
# a provincial issuer: a committee or council of a province or city, a department ("Sở ..."), or "tỉnh" in its name
_PROVINCIAL_ISSUER = re.compile(r"(?i)\b" + word_alternation(c.lower() for c in _COUNCILS) + " " + word_alternation(_PROVINCIAL)
                                + r"|^" + _W["department"] + r"\b|" + PROVINCE + r"\b")
# a district's people's committee ("Ủy ban nhân dân huyện ...", also of a city below the province)
_DISTRICT_COMMITTEE = re.compile(r"(?i)^" + word_alternation(_W["people_committee"]) + " " + word_alternation(
    d for d in header_words()["place_designators"] if d in designators_of(DISTRICT) or d in _CITY))


def document_year(header: DocumentHeader, text: str) -> int | None:
    """The document's year: its date of issue's, else the last year in its title, else the date parser's
    plan year of the text (the header date's year, else the most frequent year). The archive uses it too."""
    if header.issued:
        return int(header.issued.value[:4])
    if header.title:
        ys = re.findall(r"\b(19[9]\d|20\d\d)\b", header.title)
        if ys:
            return int(ys[-1])
    return plan_year(text)


def _year_planned_ahead(header: DocumentHeader) -> int | None:
    """The year a document issued late in one year plans for, when its title names only the next one
    ("Kế hoạch ... năm 2026" signed in November 2025): its unyeared dates fall in that year (the guide: a
    missing year comes from the nearest explicit year). A title with a range or a school year names no
    single year and keeps the year of issue."""
    if not (header.issued and header.title):
        return None
    years = set(re.findall(r"\b(20\d\d)\b", header.title))
    if len(years) != 1 or re.search(r"\d{4}\s*[-–/]\s*\d{2,4}", header.title):
        return None
    year = int(years.pop())
    return year if year == int(header.issued.value[:4]) + 1 else None


def build_context(text: str, header: DocumentHeader) -> DocContext:
    """The plan's year, province and level, from the header and the text."""
    year, month = document_year(header, text), None
    if header.issued:
        v = header.issued.value
        if len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
            month = int(v[5:7])
    ahead = _year_planned_ahead(header)
    if ahead:
        year, month = ahead, None  # the month of issue belongs to the year before
    province = district = level = None
    issuer = issuing_body(header.issuer) or ""
    for m in _PLACE_NAME.finditer(issuer):
        des, place = m.group(1), m.group(2)
        if des in _PROVINCIAL and province_of(place):
            province = province_of(place)
            level = level or PROVINCE
        elif des in designators_of(DISTRICT) or des in _CITY:  # a city below the province
            district, level = place, DISTRICT
        elif des in designators_of(COMMUNE):
            district, level = place, COMMUNE
    if province is None and header.place and province_of(header.place):
        province = province_of(header.place)
    if province is None and header.parent_issuer:
        pm = re.search(r"\b" + word_alternation(_PROVINCIAL) + r"\s+(.+)$", header.parent_issuer)
        if pm and province_of(pm.group(1)):
            province = province_of(pm.group(1))
    if province is None:
        s, e = signature_region(text)
        pm = _SIG_PROVINCE.search(text[s:e])
        if pm and province_of(pm.group(1).title()):
            province = province_of(pm.group(1).title())
    if level is None and province and _PROVINCIAL_ISSUER.search(issuer):
        level = PROVINCE
    if level is None and district is None and header.place and not province_of(header.place) and \
            _DISTRICT_COMMITTEE.search(issuer):
        district, level = header.place, DISTRICT
    return DocContext(year=year, month=month, province=province, district=district, level=level,
                      issuer=issuing_body(header.issuer))
