"""From a file (or a parsed document, or plain text) to one :class:`schemas.record.Record`."""
from __future__ import annotations

from pathlib import Path

from pipeline.backends.base import IngestOptions
from pipeline.identity import content_id, document_key
from pipeline.ingest import parse
from pipeline.nlp import FIELDS, get_nlp, items_of
from schemas.document import ParsedDocument, SourceInfo
from schemas.record import Evidence, Record


def extract_document(parsed: ParsedDocument, *, source: SourceInfo | None = None) -> Record:
    """Run every extractor over a parsed document and assemble the record.

    Its ``doc_id`` comes from the content (:mod:`pipeline.identity`), never from a name; ``source`` (default:
    what the backend read) is what the record says, so a caller that read a copy under another name need
    not patch the record."""
    doc = get_nlp()(parsed.text)
    fields = {key: items_of(doc, key) for key in FIELDS}
    record = Record(
        doc_id=content_id(parsed.source.sha256),
        source=source or parsed.source,
        text=parsed.text,
        document=doc._.header,
        blocks=parsed.blocks,
        pages=parsed.pages,
        warnings=list(parsed.warnings),
        **fields,
    )
    if parsed.pages:
        _set_pages(record, parsed)
    if parsed.words:
        _set_boxes(record, parsed)
    record.document_key = document_key(record)
    if not any(fields.values()) and len(parsed.text.strip()) > 0 and record.document.type is None:
        record.warnings.append("no plan facts found: is this a Vietnamese administrative document?")
    return record


def extract_file(path: str | Path, *, options: IngestOptions | None = None,
                 source_path: str | None = None, source_name: str | None = None) -> Record:
    """Read ``path`` with the backend for its type and extract its record.

    ``source_path`` and ``source_name`` (default: what the backend reports) are written into the record
    as they are, for callers that read a copy of the file under
    another name (a batch worker, an upload). Raises ``schemas.errors.VnplanError`` subclasses on bad
    input; nothing else is expected.
    """
    path = Path(path)
    parsed = parse(path, options=options)
    changes = {k: v for k, v in (("path", source_path), ("name", source_name)) if v is not None}
    return extract_document(parsed, source=parsed.source.model_copy(update=changes) if changes else None)


def extract_text(text: str, *, name: str = "text") -> Record:
    """Extract from a string, as if it were the file ``<name>.txt`` (handy in notebooks and tests)."""
    from pipeline.backends.text import TextBackend

    return extract_document(TextBackend.from_string(text, name=f"{name}.txt"))


def _set_pages(record: Record, parsed: ParsedDocument) -> None:
    """Fill ``page`` on every evidence span from the page offsets of the source."""
    def visit(obj: object) -> None:
        if isinstance(obj, Evidence):
            obj.page = parsed.page_at(obj.start)
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


def _evidence_of(record: Record):
    """Every Evidence of the record's facts and header."""
    def visit(obj: object):
        if isinstance(obj, Evidence):
            yield obj
        elif isinstance(obj, list):
            for x in obj:
                yield from visit(x)
        elif isinstance(obj, dict):
            for x in obj.values():
                yield from visit(x)
        elif hasattr(obj, "__pydantic_fields__"):
            for name in obj.__pydantic_fields__:
                yield from visit(getattr(obj, name))

    for key in (*FIELDS, "document"):
        yield from visit(getattr(record, key))


def _set_boxes(record: Record, parsed: ParsedDocument) -> None:
    """Fill ``boxes`` on every evidence span from the page words of a PDF or scan (pipeline/boxes.py)."""
    from pipeline.boxes import PageMap

    pages = PageMap(parsed.text, parsed.pages, parsed.words)
    for ev in _evidence_of(record):
        ev.boxes = pages.boxes(ev.start, ev.end)


__all__ = ["extract_document", "extract_file", "extract_text", "SourceInfo"]
