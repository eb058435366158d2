"""Header (Decree 30/2020 components): type, number and code, issuer, place, date, title, signer, recipients."""
from __future__ import annotations

from extractors.context import DocContext
from schemas.record import DocumentHeader


def extract_header(text: str) -> DocumentHeader:
    """The document's header components, each with evidence. Fields not found stay None."""
    return DocumentHeader()


def build_context(text: str, header: DocumentHeader) -> DocContext:
    """The plan's year, province and level, from the header and the text."""
    return DocContext()
