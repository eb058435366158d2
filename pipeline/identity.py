"""Document identity: which file a record came from (``doc_id``) and which document it is (``document_key``).

- ``doc_id``: the first 16 hex digits of the SHA-256 of the input's bytes. Two different files never share
  it, whatever their names; the same bytes always get it, wherever they come from.
- ``document_key``: the same for every rendition of one document (the DOCX, the PDF made from it, the scan
  of the signed copy). It comes from the header: the document's number and code, its issue date, its
  place and its title (folded: no diacritics, no case, no punctuation), when the header gives a number or
  code, a date and a title; otherwise from the text itself. The issuer is left out: when a rendition has
  no issuer block, the issuer is inferred from the text and differs between renditions; the title tells
  apart plans that share a code and year ("KH-UBND", 2024), which is most plans.
"""
from __future__ import annotations

import hashlib

from pipeline.folding import search_key
from schemas.record import Record

#: hex digits kept from a SHA-256: 64 bits, no collision in any archive of realistic size
ID_DIGITS = 16
#: folded title characters in the key: enough to tell plans apart, short of the tails renditions cut
TITLE_CHARS = 80


def content_id(sha256_hex: str) -> str:
    """The record id of a file from the SHA-256 of its bytes (hex)."""
    return sha256_hex[:ID_DIGITS]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_DIGITS]


def document_key(record: Record) -> str:
    """``h-…`` from the header's identity fields, ``t-…`` from the folded text when the header lacks them."""
    doc = record.document
    issued = doc.issued.value if doc.issued else None
    title = search_key(doc.title or "")[:TITLE_CHARS]
    if (doc.number or doc.code) and issued and title:
        fields = (search_key(doc.type or ""), search_key(doc.number or ""), search_key(doc.code or ""), issued,
                  search_key(doc.place or ""), title)
        return "h-" + _digest("|".join(fields))
    return "t-" + _digest(search_key(record.text))


__all__ = ["content_id", "document_key", "ID_DIGITS"]
