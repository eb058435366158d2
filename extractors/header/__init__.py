"""Header (Decree 30/2020 components): type, number and code, issuer, place, date, title, signer, recipients.

Works on two layouts of the same page top: the header block as lines (PDF, DOCX paragraphs: "ỦY BAN NHÂN DÂN /
TỈNH BẮC NINH / Số: /KH-UBND"), or as one table row whose cells are each on one line, and also when the header
block is missing altogether (plain-text copies): then the issuer comes from the plan's self-description, an annex
self-reference or the signature block.

One module per component: ``number_date``, ``type_title``, ``issuer``, ``signature``, ``reference`` (the
document's own citation line or annex self-reference), ``offices`` (an office-holder issuing in its office's
name), ``casing`` (a title printed in capitals, in sentence case); ``layout`` and ``lexicon`` are what they
share, ``context`` builds the DocContext the other extractors read.
"""
from __future__ import annotations

from extractors.header.context import build_context, document_year
from extractors.header.issuer import (
    canonical_issuer, issuer_fallback, issuer_from_authority_line, read_issuer_block, school_name,
)
from extractors.header.layout import MOTTO, PageTop, body_start, despace, regrounded, signature_region, table_view
from extractors.header.lexicon import type_by_abbr, type_names
from extractors.header.number_date import issued_from_adoption, issued_from_stamp, make_time, ocr_code, read_number, read_place_date
from extractors.header.reference import read_citation_line, read_self_reference
from extractors.header.signature import read_recipients, read_signer
from extractors.header.type_title import find_type_line, read_type_and_title
from schemas.record import DocumentHeader

__all__ = ["build_context", "canonical_issuer", "despace", "document_year", "extract_header", "make_time", "ocr_code", "school_name",
           "type_by_abbr", "type_names"]


def _page_top(text: str) -> PageTop:
    limit = body_start(text)
    tm = find_type_line(text, min(len(text), max(limit, 200) + 400), limit)
    zone_end = tm.start() if tm else limit
    zone = text[:zone_end]
    return PageTop(limit, tm, zone_end, zone, [(m.start(), m.end()) for m in MOTTO.finditer(zone)],
                   signature_region(text))


def extract_header(text: str) -> DocumentHeader:
    """The document's header components, each with evidence. Fields not found stay None.

    The steps run in this order because each masks what it read for the next (the motto, the number, the
    place line) and the later ones fall back on what the earlier ones found (the place, the title)."""
    h = DocumentHeader()
    if not text:
        return h
    original, text = text, table_view(text)
    _read_steps(text, h)
    if text is not original:
        regrounded(h, original)
    return h


def _read_steps(text: str, h: DocumentHeader) -> None:
    page = _page_top(text)
    nm = read_number(text, page, h)
    read_place_date(text, page, h)
    read_type_and_title(text, page, nm, h)
    read_issuer_block(text, page, nm, h)
    issuer_from_authority_line(text, h, page.limit)
    read_recipients(text, h, read_signer(text, h, page.signature))
    read_self_reference(text, h)
    read_citation_line(text, h)
    if h.issued is None or h.issued.granularity != "day":
        issued_from_stamp(text, h)
    if h.issued is None:
        issued_from_adoption(text, h)
    if not h.issuer:
        issuer_fallback(text, h, page)
