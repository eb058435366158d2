"""The one routing table from file type to backend, and the entry point ``parse``."""
from __future__ import annotations

from pathlib import Path

from pipeline.backends.base import Backend, IngestOptions
from pipeline.backends.text import MarkdownBackend, TextBackend
from schemas.document import ParsedDocument
from schemas.errors import EmptyFileError, UnsupportedFormatError


def _routes() -> dict[str, type[Backend]]:
    routes: dict[str, type[Backend]] = {}
    backends: list[type[Backend]] = [TextBackend, MarkdownBackend]
    try:  # backends are added here as they land; each one lists its own suffixes
        from pipeline.backends.pdf import PdfBackend
        backends.append(PdfBackend)
    except ImportError:
        pass
    try:
        from pipeline.backends.docx import DocxBackend
        backends.append(DocxBackend)
    except ImportError:
        pass
    try:
        from pipeline.backends.doc import DocBackend
        backends.append(DocBackend)
    except ImportError:
        pass
    for backend in backends:
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
    if path.stat().st_size == 0:
        raise EmptyFileError(path)
    return backend.convert(path)
