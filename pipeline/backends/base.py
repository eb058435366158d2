"""The backend interface and the builder every backend uses to lay out ``text`` with offsets.

Layout of ``text`` (the same for every format, so extractors see one shape):
- blocks are separated by a blank line;
- a table is one line per row, its cells separated by a tab; cell text is on one line;
- lines inside a header or signature block are separated by a single newline.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractors.lexicon import read_yaml
from extractors.normalize import normalize_inline, normalize_text
from extractors.text import ocr_tolerant
from schemas.errors import printable
from schemas.document import Block, BlockKind, Cell, PageInfo, ParsedDocument, Row, SourceInfo


#: set by the engine that runs a document: told what a long document is doing now (e.g. "OCR page 3/12"),
#: so that the progress display can follow it. None outside a batch.
PROGRESS: Callable[[str], None] | None = None


def report_progress(event: str) -> None:
    if PROGRESS is not None:
        try:
            PROGRESS(event)
        except Exception:  # noqa: BLE001 - a progress display must never fail a document
            pass


@dataclass(frozen=True)
class IngestOptions:
    """Limits and switches shared by all backends (keyword-only in every public entry point)."""

    ocr: bool = True                   # OCR pages that have no real text layer
    ocr_lang: str = "vie"
    ocr_dpi: int = 300
    # 25 Mpx: an A3 page at 300 dpi; a larger page is rendered at a lower dpi (75 MB of RGB at most)
    max_page_pixels: int = 25_000_000
    min_ocr_dpi: int = 50              # a page that would need less (a poster of metres) is not read
    max_ocr_pages: int = 300           # pages OCR'd per document; the others are listed as not read
    #: seconds left for this document (set by the batch): LibreOffice gets no more than this
    deadline: float | None = None
    max_bytes: int = 200 * 1024 * 1024       # refuse inputs larger than this
    max_unzipped_bytes: int = 300 * 1024 * 1024  # DOCX zip-bomb guard, checked before inflating
    # the XML parts once inflated (counted while streaming): a parsed tree takes ~20x its XML, and a
    # long real plan has a document.xml of 1-5 MB
    max_xml_bytes: int = 40 * 1024 * 1024
    max_text_chars: int = 20_000_000
    convert_timeout: float = 120.0     # LibreOffice .doc -> .docx
    min_text_chars_per_page: int = 200  # fewer real characters than this on a page: treat as a scan


TEMP_PREFIX = "vnplan-"
_PR_SET_PDEATHSIG = 1


def set_parent_death_signal(sig: int) -> None:
    """Ask the kernel to send ``sig`` to this process when its parent dies, even by kill -9
    (Linux ``prctl``; nothing elsewhere). Safe in a ``preexec_fn``."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, sig, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def private_tempdir(kind: str) -> tempfile.TemporaryDirectory:
    """A private (0700) temporary folder named ``vnplan-<kind>-<pid>-*``: the pid lets the next run
    find and remove what a killed process could not (:func:`remove_stale_temp`)."""
    return tempfile.TemporaryDirectory(prefix=f"{TEMP_PREFIX}{kind}-{os.getpid()}-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temp(pids: set[int] | None = None) -> int:
    """Remove the temporary folders of ``pids`` (processes just killed) and of dead processes."""
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*-*-*"):
        parts = folder.name.split("-")
        if len(parts) < 4 or not parts[2].isdigit():
            continue
        pid = int(parts[2])
        if (pids and pid in pids) or not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


class TextBuilder:
    """Accumulates normalised blocks and keeps every offset pointing into the final text."""

    def __init__(self, *, legacy: str | None = None) -> None:
        #: a legacy encoding ("tcvn3"/"vni") detected for the whole document, forced on every piece
        self.legacy = legacy
        self._parts: list[str] = []
        self._len = 0
        self.blocks: list[Block] = []
        self.pages: list[PageInfo] = []
        self._page_start: int | None = None
        self._page_no: int | None = None
        self._page_ocr = False
        self._page_size: tuple[float | None, float | None] = (None, None)

    # -- low level -------------------------------------------------------------------------------
    def _append(self, s: str) -> tuple[int, int]:
        start = self._len
        self._parts.append(s)
        self._len += len(s)
        return start, self._len

    def _separate(self) -> None:
        if self._len:
            self._append("\n\n")

    @property
    def length(self) -> int:
        return self._len

    # -- pages -----------------------------------------------------------------------------------
    def start_page(self, number: int, *, ocr: bool = False, width: float | None = None,
                   height: float | None = None) -> None:
        self.end_page()
        self._page_no, self._page_start, self._page_ocr = number, self._len, ocr
        self._page_size = (width, height)

    def end_page(self) -> None:
        if self._page_no is not None:
            self.pages.append(PageInfo(number=self._page_no, start=self._page_start, end=self._len,
                                       ocr=self._page_ocr, width=self._page_size[0], height=self._page_size[1]))
            self._page_no = None

    # -- blocks ----------------------------------------------------------------------------------
    def add_block(self, text: str, kind: BlockKind = "paragraph", *, role: str | None = None,
                  level: int | None = None) -> Block | None:
        """A paragraph-like block; line breaks inside are kept as single newlines."""
        lines = [normalize_inline(x) for x in normalize_text(text, legacy=self.legacy).split("\n")]
        body = "\n".join(x for x in lines if x)
        if not body:
            return None
        self._separate()
        start, end = self._append(body)
        block = Block(kind=kind, start=start, end=end, page=self._page_no, role=role, level=level)
        self.blocks.append(block)
        return block

    def add_table(self, rows: list[list[str]], *, spans: list[list[int]] | None = None,
                  nested: dict[tuple[int, int], list[list[list[str]]]] | None = None) -> Block | None:
        """A table: one line per row, cells separated by tabs. ``spans`` gives col_span per cell.

        ``nested`` maps (row, col) to tables found inside that cell; they are rendered right after
        the table, as tables of their own, and referenced from the cell.
        """
        rows = [[normalize_inline(c, legacy=self.legacy) for c in r] for r in rows]
        keep = [i for i, r in enumerate(rows) if any(r)]
        if spans is not None:  # keep spans aligned with the rows that survive
            spans = [spans[i] for i in keep if i < len(spans)]
        rows = [rows[i] for i in keep]
        if not rows:
            return None
        self._separate()
        table_start = self._len
        out_rows: list[Row] = []
        for ri, r in enumerate(rows):
            if ri:
                self._append("\n")
            cells = []
            for ci, c in enumerate(r):
                if ci:
                    self._append("\t")
                s, e = self._append(c)
                span = spans[ri][ci] if spans and ri < len(spans) and ci < len(spans[ri]) else 1
                cells.append(Cell(start=s, end=e, col_span=span))
            out_rows.append(Row(cells=cells))
        block = Block(kind="table", start=table_start, end=self._len, page=self._page_no, rows=out_rows)
        self.blocks.append(block)
        row_of = {old: new for new, old in enumerate(keep)}  # nested keys use the caller's row numbers
        for (old_ri, ci), tables in (nested or {}).items():
            ri = row_of.get(old_ri, -1)
            for t in tables:
                inner = self.add_table(t)
                if inner is not None and 0 <= ri < len(out_rows) and ci < len(out_rows[ri].cells):
                    out_rows[ri].cells[ci].tables.append(inner)
        return block

    def build(self, source: SourceInfo, warnings: list[str] | None = None) -> ParsedDocument:
        self.end_page()
        return ParsedDocument(source=source, text="".join(self._parts), blocks=self.blocks,
                              pages=self.pages, warnings=list(warnings or []))


def source_info(path: Path, fmt: str, data: bytes | None = None, *, pages: int | None = None) -> SourceInfo:
    data = path.read_bytes() if data is None else data
    # names that are not UTF-8 (or hold control characters) are stored escaped: a record is JSON
    return SourceInfo(path=printable(path), name=printable(path.name), format=fmt, sha256=hashlib.sha256(data).hexdigest(),
                      size=len(data), pages=pages)


class Backend(ABC):
    """Reads one input format into a :class:`ParsedDocument`. Raises only ``schemas.errors`` types."""

    #: file suffixes this backend reads, lower case with the dot
    suffixes: tuple[str, ...] = ()

    def __init__(self, options: IngestOptions | None = None) -> None:
        self.options = options or IngestOptions()

    @abstractmethod
    def convert(self, path: Path) -> ParsedDocument:
        """Read ``path``; raise a ``schemas.errors.VnplanError`` subclass on bad input."""


# -- the two-column layout tables of a Vietnamese administrative document (Decree 30/2020) -------
# These are the fixed layout markers every plan carries (national motto, "Nơi nhận", signing
# authority prefixes), not data of any one document.
# The words are in extractors/data/layout_cues.yaml; each marked letter also matches its plain letter.
_CUES = read_yaml("layout_cues.yaml")


def _unmarked(phrase: str) -> str:
    """A pattern for ``phrase`` that also accepts its letters without marks; " - " is a dash, spaced or not."""
    return r"\s*-\s*".join(ocr_tolerant(part.split(), _CUES["unmarked_letters"], r"\s+") for part in phrase.split(" - "))


_DAY, _MONTH = _unmarked(_CUES["day_word"]), _unmarked(_CUES["month_word"])
MOTTO = re.compile("|".join(_unmarked(p) for p in _CUES["motto"]), re.I)
PLACE_DATE = re.compile(r"\b" + _DAY + r"\b.*\b" + _MONTH + r"\b|\b" + _DAY + r"\s*\.{2,}|,\s*" + _DAY + r"\b", re.I)
RECIPIENTS = re.compile(r"^\s*" + _unmarked(_CUES["recipients_label"]) + r"\s*:?", re.I)
# upper case only: "trưởng" opening a wrapped body line is not a signing title
SIGNATURE = re.compile(r"^\s*(?:TM|KT|TL|TUQ|Q|PP)\s*\.|^\s*(?:" + "|".join(_CUES["signing_titles"]) + r")\b")


def is_motto(lines: list[str]) -> bool:
    return any(MOTTO.search(normalize_text(x)) for x in lines)


def add_two_column_layout(b: TextBuilder, rows: list[list[list[str]]]) -> bool:
    """A small table (at most four rows) whose text stands in exactly two columns is the header or the
    closing layout when ``add_layout_table`` accepts it; each cell is given as its lines. DOCX tables and
    Markdown pipe tables both come here, so both read "issuer | motto" and "recipients | signature" alike."""
    if not rows or len(rows) > 4:
        return False
    width = max(len(r) for r in rows)
    filled = [i for i in range(width) if any(i < len(r) and any(x.strip() for x in r[i]) for r in rows)]
    if len(filled) != 2:
        return False
    left = [x for r in rows if filled[0] < len(r) for x in r[filled[0]]]
    right = [x for r in rows if filled[1] < len(r) for x in r[filled[1]]]
    return add_layout_table(b, left, right)


def add_layout_table(b: TextBuilder, left: list[str], right: list[str]) -> bool:
    """Add a header (issuer | motto + place-date) or closing (recipients | signature) two-column
    table as separate blocks. Returns False, adding nothing, if it is neither."""
    left = [x for x in left if x.strip()]
    right = [x for x in right if x.strip()]
    if is_motto(right):
        b.add_block("\n".join(left), "header", role="issuer")
        # the place line and what wraps from it ("Quy Nhơn, ngày 21 tháng 10 năm" / "2025"); the motto is the rest
        at = next((k for k, x in enumerate(right) if PLACE_DATE.search(normalize_text(x))), len(right))
        place = [x for k, x in enumerate(right) if k == at or (k > at and not is_motto([x]))]
        motto = [x for x in right if x not in place]
        b.add_block("\n".join(motto), "header", role="motto")
        b.add_block("\n".join(place), "header", role="place_date")
        return True
    if (left and RECIPIENTS.match(normalize_text(left[0]))) or (right and SIGNATURE.match(normalize_text(right[0]))):
        b.add_block("\n".join(left), "recipients")
        b.add_block("\n".join(right), "signature")
        return True
    return False
