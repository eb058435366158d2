"""The document context (year, province, level) the other extractors read, from the header and the text."""
from __future__ import annotations

import re
from collections import Counter

from extractors.context import DocContext
from extractors.header.layout import signature_region
from extractors.header.lexicon import province_of
from extractors.text import PLACE_DESIGNATOR, UPPER_VN
from schemas.record import DocumentHeader

_PLACE_NAME = re.compile(r"\b(" + PLACE_DESIGNATOR + r")\s+([A-ZĐ" + UPPER_VN[3:]
                         + r"][^\s,;()]*(?:\s+[A-ZĐ" + UPPER_VN[3:] + r"0-9][^\s,;()]*)*)")


_SIG_PROVINCE = re.compile(r"\b(?:TỈNH|THÀNH PHỐ)\s+([" + UPPER_VN + r" \-]+?)\s*$", re.MULTILINE)


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
        s, e = signature_region(text)
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
