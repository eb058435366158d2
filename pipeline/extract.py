"""From a file (or a parsed document, or plain text) to one :class:`schemas.record.Record`."""
from __future__ import annotations

import bisect
from pathlib import Path

from pipeline.backends.base import IngestOptions
from pipeline.ingest import parse
from pipeline.nlp import FIELDS, get_nlp, items_of
from schemas.document import ParsedDocument, SourceInfo
from schemas.record import Evidence, Record


def extract_document(parsed: ParsedDocument, *, doc_id: str | None = None) -> Record:
    """Run every extractor over a parsed document and assemble the record."""
    doc = get_nlp()(parsed.text)
    fields = {key: items_of(doc, key) for key in FIELDS}
    record = Record(
        doc_id=doc_id or Path(parsed.source.name).stem,
        source=parsed.source,
        text=parsed.text,
        document=doc._.header,
        blocks=parsed.blocks,
        pages=parsed.pages,
        warnings=list(parsed.warnings),
        **fields,
    )
    if parsed.pages:
        _set_pages(record, parsed)
    if not any(fields.values()) and len(parsed.text.strip()) > 0 and record.document.type is None:
        record.warnings.append("no plan facts found: is this a Vietnamese administrative document?")
    return record


def extract_file(path: str | Path, *, options: IngestOptions | None = None) -> Record:
    """Read ``path`` with the backend for its type and extract its record.

    Raises ``schemas.errors.VnplanError`` subclasses on bad input; nothing else is expected.
    """
    path = Path(path)
    return extract_document(parse(path, options=options), doc_id=path.stem)


def extract_text(text: str, *, doc_id: str = "text") -> Record:
    """Extract from a string, as if it were a .txt file (handy in notebooks and tests)."""
    from pipeline.backends.text import TextBackend

    parsed = TextBackend.from_string(text, name=f"{doc_id}.txt")
    return extract_document(parsed, doc_id=doc_id)


def _set_pages(record: Record, parsed: ParsedDocument) -> None:
    """Fill ``page`` on every evidence span from the page offsets of the source."""
    starts = [p.start for p in parsed.pages]
    numbers = [p.number for p in parsed.pages]

    def visit(obj: object) -> None:
        if isinstance(obj, Evidence):
            i = bisect.bisect_right(starts, obj.start) - 1
            obj.page = numbers[i] if i >= 0 else numbers[0]
        elif isinstance(obj, list):
            for x in obj:
                visit(x)
        elif isinstance(obj, dict):
            for x in obj.values():
                visit(x)
        elif hasattr(obj, "__pydantic_fields__"):
            for name in obj.__pydantic_fields__:
                visit(getattr(obj, name))

    for key in (*FIELDS, "document"):
        visit(getattr(record, key))


__all__ = ["extract_document", "extract_file", "extract_text", "SourceInfo"]
