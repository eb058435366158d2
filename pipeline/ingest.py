"""The one routing table from file type to backend, and the entry point ``parse``."""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.backends.base import Backend, IngestOptions
from pipeline.backends.doc import DocBackend
from pipeline.backends.docx import DocxBackend
from pipeline.backends.image import ImageBackend  # OCR (an optional extra) is imported only when used
from pipeline.backends.pdf import PdfBackend
from pipeline.backends.text import MarkdownBackend, TextBackend
from schemas.document import ParsedDocument
from schemas.errors import (CorruptFileError, EmptyFileError, FileTooLargeError, InputUnreadableError,
                            UnsupportedFormatError)


def _routes() -> dict[str, type[Backend]]:
    # every backend's libraries are core dependencies: a failing import is a broken install and must
    # fail loudly, not drop a format (OCR, the one optional extra, raises OcrUnavailableError when used)
    routes: dict[str, type[Backend]] = {}
    for backend in (TextBackend, MarkdownBackend, PdfBackend, DocxBackend, DocBackend, ImageBackend):
        for suffix in backend.suffixes:
            routes[suffix] = backend
    return routes


ROUTES: dict[str, type[Backend]] = _routes()
SUPPORTED_SUFFIXES = tuple(sorted(ROUTES))


def backend_for(path: Path, options: IngestOptions | None = None) -> Backend:
    suffix = path.suffix.lower()
    if suffix not in ROUTES:
        raise UnsupportedFormatError(path, suffix=suffix or "(none)", known=", ".join(SUPPORTED_SUFFIXES))
    return ROUTES[suffix](options)


def parse(path: str | Path, *, options: IngestOptions | None = None) -> ParsedDocument:
    """Read any supported file into the document model. Raises ``schemas.errors`` types only."""
    path = Path(path)
    backend = backend_for(path, options)
    try:
        size = path.stat().st_size
    except OSError as exc:  # vanished or not ours to read: nothing is known about its content yet
        raise InputUnreadableError(path, reason=exc.strerror or type(exc).__name__) from None
    if not path.is_file():
        raise CorruptFileError(path, kind=path.suffix.lstrip(".").upper(), reason="not a regular file")
    if size == 0:
        raise EmptyFileError(path)
    if size > backend.options.max_bytes:  # refused before any backend reads it
        raise FileTooLargeError(path, what="the file", size=size, limit=backend.options.max_bytes)
    try:
        return backend.convert(path)
    except OSError as exc:
        # the input itself could not be opened or read (deleted mid-batch, permissions changed):
        # transient, unlike a file whose bytes are bad; any other OSError is not about the input
        if exc.filename is not None and os.fsdecode(exc.filename) == os.fsdecode(path):
            raise InputUnreadableError(path, reason=exc.strerror or type(exc).__name__) from None
        raise
