"""Pydantic models shared by every layer: the document model, the record and the errors.

Dependencies run one way: ``schemas`` <- ``extractors`` <- ``pipeline``.
"""
from schemas.document import Block, Box, Cell, PageInfo, ParsedDocument, Row, SourceInfo, WordBox
from schemas.record import (
    Assignment,
    SCHEMA_VERSION,
    Award,
    Citation,
    Conference,
    DateMention,
    DocumentHeader,
    ErrorInfo,
    Evidence,
    Movement,
    Recipient,
    Record,
    Signer,
    Task,
    TimeValue,
    Unit,
)

__all__ = [
    "SCHEMA_VERSION", "Assignment", "Award", "Block", "Box", "WordBox", "Cell", "Citation", "Conference", "DateMention", "DocumentHeader",
    "ErrorInfo", "Evidence", "Movement", "PageInfo", "ParsedDocument", "Recipient", "Record", "Row",
    "Signer", "SourceInfo", "Task", "TimeValue", "Unit",
]
