"""PDF (pdfplumber): words -> lines -> blocks in reading order, ruled tables -> table blocks.

Each page is parsed once: one ``extract_words`` and one ``find_tables``; everything else is plain
Python over those words, so the cost stays close to a bare pdfplumber text+tables pass.

Layout rules (Decree 30/2020 documents):
- the top of page 1 is a two-column borderless table (issuer + "Số" | motto + place-date): the lines
  down to the first line that crosses the page centre are split by side into header blocks;
- the closing "Nơi nhận" (recipients) | "TM. ..." (signature) table likewise, from its first line;
- a table continuing on the next page (same columns, nothing between) is merged into one table.
A page with no real text layer (or a stray stamp/watermark fragment over a full-page image) is a
scan page and goes to OCR, which is imported lazily from ``pipeline.backends.ocr``.
"""
from __future__ import annotations

import io
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from extractors.normalize import normalize_text
from pipeline.backends.base import (RECIPIENTS, SIGNATURE, Backend, IngestOptions, TextBuilder, add_layout_table,
                                    is_motto, report_progress, source_info)
from schemas.document import ParsedDocument, WordBox
from schemas.errors import (CorruptFileError, EmptyFileError, EncryptedFileError, FileTooLargeError,
                            OcrSwitchedOffError, OcrUnavailableError)

_SEGMENT_GAP = 18.0      # pt: a wider gap between words on one line separates two columns
_LINE_TOL = 3.0          # pt: words whose tops differ less are on one line
_CROSS = 15.0            # pt: a line "crosses the centre" when it reaches this far to both sides
_HEADER_LINES = 16       # the national motto must appear within the first lines of page 1
_JUNK_LIMIT = 1024 * 1024  # junk bytes tolerated before "%PDF"


@dataclass
class Line:
    top: float
    bottom: float
    x0: float
    x1: float
    segments: list[tuple[float, float, str]]  # (x0, x1, text) split at wide gaps

    @property
    def text(self) -> str:
        return " ".join(s[2] for s in self.segments)


@dataclass
class TablePart:
    top: float
    rows: list[list[str]]
    spans: list[list[int]]


@dataclass
class PageItems:
    number: int
    width: float
    height: float = 0.0
    items: list = field(default_factory=list)  # Line | TablePart, in reading order
    words: list[WordBox] = field(default_factory=list)  # the page's words with their boxes, in points
    ocr: bool = False
    ocr_blocks: list = field(default_factory=list)


def _lines(words: list[dict]) -> list[Line]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for w in words:
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= _LINE_TOL:
            rows[-1].append(w)
        else:
            rows.append([w])
    out = []
    for r in rows:
        r.sort(key=lambda w: w["x0"])
        segs: list[list[dict]] = [[r[0]]]
        for prev, w in zip(r, r[1:]):
            if w["x0"] - prev["x1"] > _SEGMENT_GAP:
                segs.append([w])
            else:
                segs[-1].append(w)
        out.append(Line(top=min(w["top"] for w in r), bottom=max(w["bottom"] for w in r), x0=r[0]["x0"],
                        x1=max(w["x1"] for w in r),
                        segments=[(s[0]["x0"], s[-1]["x1"], " ".join(w["text"] for w in s)) for s in segs]))
    return out


def _crosses(line: Line, mid: float) -> bool:
    return any(x0 < mid - _CROSS and x1 > mid + _CROSS for x0, x1, _ in line.segments)


def _split_columns(lines: list[Line], mid: float) -> tuple[list[str], list[str]]:
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        for x0, x1, text in line.segments:
            (left if (x0 + x1) / 2 < mid else right).append(text)
    return left, right


def _table_part(table, words: list[dict]) -> tuple[TablePart, set[int]]:
    """Cell texts of a pdfplumber table from the page's words (no second pass over the chars)."""
    x_edges = sorted({round(c[0], 1) for c in table.cells})
    rows, spans, used = [], [], set()
    row_boxes = [r.bbox for r in table.rows]
    grid: list[list[list[dict]]] = [[[] for _ in r.cells] for r in table.rows]
    for i, w in enumerate(words):
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        for ri, (x0, top, x1, bottom) in enumerate(row_boxes):
            if top <= cy <= bottom and x0 <= cx <= x1:
                for ci, cell in enumerate(table.rows[ri].cells):
                    if cell and cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]:
                        grid[ri][ci].append(w)
                        used.add(i)
                        break
                break
    for ri, r in enumerate(table.rows):
        texts, row_spans = [], []
        for ci, cell in enumerate(r.cells):
            if cell is None:  # covered by a merged cell
                texts.append("")
                row_spans.append(0)
                continue
            texts.append(" ".join(line.text for line in _lines(grid[ri][ci])))
            row_spans.append(max(1, sum(1 for x in x_edges if cell[0] - 0.5 <= x < cell[2] - 0.5)))
        rows.append(texts)
        spans.append(row_spans)
    # words inside the table's frame but outside every cell still belong to the table
    x0, top, x1, bottom = table.bbox
    used |= {i for i, w in enumerate(words) if x0 <= w["x0"] and w["x1"] <= x1 and top <= w["top"] <= bottom}
    return TablePart(top=table.bbox[1], rows=rows, spans=spans), used


def _is_scan_page(page, chars: int, options: IngestOptions) -> bool:
    if chars == 0:
        return True
    if chars >= options.min_text_chars_per_page:
        return False
    area = page.width * page.height
    covered = sum(max(0.0, (im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
    return covered >= 0.5 * area  # a stamp or watermark layer over a full-page image


class PdfBackend(Backend):
    suffixes = (".pdf",)
    fmt = "pdf"

    def convert(self, path: Path) -> ParsedDocument:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        data = path.read_bytes()
        if not data.strip():
            raise EmptyFileError(path)
        if len(data) > self.options.max_bytes:
            raise FileTooLargeError(path, what="the PDF", size=len(data), limit=self.options.max_bytes)
        start = data.find(b"%PDF", 0, _JUNK_LIMIT)
        if start < 0:
            raise CorruptFileError(path, kind="PDF", reason="no %PDF signature")
        warnings: list[str] = []
        if start:
            warnings.append(f"skipped {start} junk bytes before %PDF")
        try:
            pdf = pdfplumber.open(io.BytesIO(data[start:]))  # pdfminer tries the empty password itself
            pages = [self._read_page(path, pdf, i, warnings) for i in range(len(pdf.pages))]
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise EncryptedFileError(path) from None
        except (OcrUnavailableError, FileTooLargeError):
            raise
        except Exception as exc:  # pdfminer raises a zoo of types on damaged files
            # pdfplumber wraps pdfminer's errors: look at the wrapped one too
            inner = [exc, exc.__cause__, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))]
            if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in inner):
                raise EncryptedFileError(path) from None
            raise CorruptFileError(path, kind="PDF", reason=f"{type(exc).__name__}: {exc}"[:200]) from None
        if not pages:
            raise CorruptFileError(path, kind="PDF", reason="no pages")
        b = TextBuilder()
        self._emit(b, pages)
        ocr_pages = [p.number for p in pages if p.ocr]
        fmt = "scan" if len(ocr_pages) == len(pages) else self.fmt
        src = source_info(path, fmt, data, pages=len(pages))
        src.ocr_pages = ocr_pages
        if not b.blocks:
            raise EmptyFileError(path)
        parsed = b.build(src, warnings)
        parsed.words = [w for p in pages for w in p.words]
        return parsed

    # -- one page --------------------------------------------------------------------------------
    def _read_page(self, path: Path, pdf, index: int, warnings: list[str]) -> PageItems:
        page = pdf.pages[index]
        items = PageItems(number=index + 1, width=float(page.width), height=float(page.height))
        words = page.extract_words(keep_blank_chars=False, x_tolerance=1.5, y_tolerance=3)
        chars = sum(sum(c.isalnum() for c in w["text"]) for w in words)
        if _is_scan_page(page, chars, self.options):
            ocr_words: list[WordBox] = []
            blocks = self._ocr(path, pdf, index, has_text=chars > 0, warnings=warnings, words_out=ocr_words)
            if blocks is not None:
                items.ocr, items.ocr_blocks, items.words = True, blocks, ocr_words
                page.close()
                return items
        items.words = [WordBox(page=index + 1, text=w["text"], x0=round(w["x0"], 2), top=round(w["top"], 2),
                               x1=round(w["x1"], 2), bottom=round(w["bottom"], 2)) for w in words]
        tables = page.find_tables() if (page.lines or page.rects) else []
        used: set[int] = set()
        for t in tables:
            part, in_table = _table_part(t, words)
            used |= in_table
            items.items.append(part)
        lines = _lines([w for i, w in enumerate(words) if i not in used])
        items.items.extend(lines)
        items.items.sort(key=lambda x: x.top)
        page.close()  # frees the page's cached objects: memory stays flat on long documents
        return items

    def _ocr(self, path: Path, pdf, index: int, *, has_text: bool, warnings: list[str],
             words_out: list[WordBox] | None = None):
        reason = "OCR is switched off (--no-ocr)"
        if self.options.ocr:
            try:
                from pipeline.backends.ocr import ocr_page
            except ImportError as exc:
                reason = f"the OCR backend is not installed ({exc.name})"
            else:
                report_progress(f"OCR page {index + 1}/{len(pdf.pages)}")
                return ocr_page(path, index, options=self.options, pdf=pdf, words_out=words_out)
        if has_text:  # keep the fragment rather than fail the whole document
            warnings.append(f"page {index + 1}: little text and no OCR ({reason})")
            return None
        if not self.options.ocr:
            raise OcrSwitchedOffError(path, page=index + 1)
        raise OcrUnavailableError(path, page=index + 1, reason=reason)

    # -- the whole document ----------------------------------------------------------------------
    def _emit(self, b: TextBuilder, pages: list[PageItems]) -> None:
        self._merge_tables(pages)
        self._carry_closing(pages)
        header_done = False
        for p in pages:
            b.start_page(p.number, ocr=p.ocr, width=p.width, height=p.height)
            if p.ocr:
                for blk in p.ocr_blocks:
                    if blk.kind == "table" and blk.rows:
                        b.add_table(blk.rows)
                    else:
                        b.add_block(blk.text, blk.kind, role=blk.role)
                continue
            items = p.items
            mid = p.width / 2
            if not header_done:
                items = self._header(b, items, mid)
                header_done = True
            self._body(b, items, mid)

    @staticmethod
    def _merge_tables(pages: list[PageItems]) -> None:
        """A table that ends a page and one that starts the next, with as many columns, are one."""
        prev_table: TablePart | None = None
        for p in pages:
            if p.ocr or not p.items:
                prev_table = None
                continue
            first = p.items[0]
            if (prev_table is not None and isinstance(first, TablePart) and first.rows
                    and len(first.rows[0]) == len(prev_table.rows[-1])):
                rows, spans = first.rows, first.spans
                if rows[0] == prev_table.rows[0]:  # a repeated header row
                    rows, spans = rows[1:], spans[1:]
                if rows and not rows[0][0] and prev_table.rows and prev_table.rows[-1][0]:
                    # a row broken by the page: its first column stayed on the previous page
                    last = prev_table.rows[-1]
                    prev_table.rows[-1] = [" ".join(x for x in (a, c) if x) for a, c in zip(last, rows[0])]
                    rows, spans = rows[1:], spans[1:]
                prev_table.rows.extend(rows)
                prev_table.spans.extend(spans)
                p.items = p.items[1:]
                if p.items:
                    prev_table = None
                continue
            prev_table = p.items[-1] if isinstance(p.items[-1], TablePart) else None

    def _carry_closing(self, pages: list[PageItems]) -> None:
        """The recipients | signature table broken by a page: its rest joins it on the first page."""
        for p, nxt in zip(pages, pages[1:]):
            if p.ocr or nxt.ocr:
                continue
            mid = p.width / 2
            opened = None
            for k, item in enumerate(p.items):
                if not isinstance(item, Line) or _crosses(item, mid):
                    opened = None
                elif opened is None and self._starts_closing(item, mid):
                    opened = k
            if opened is None:
                continue
            n = 0
            while n < len(nxt.items) and isinstance(nxt.items[n], Line) and not _crosses(nxt.items[n], mid):
                n += 1
            p.items.extend(nxt.items[:n])
            nxt.items = nxt.items[n:]

    @staticmethod
    def _header(b: TextBuilder, items: list, mid: float) -> list:
        """Emit the issuer | motto table at the top of page 1; return the items left."""
        region: list[Line] = []
        for item in items:
            if not isinstance(item, Line) or _crosses(item, mid):
                break
            region.append(item)
        motto_at = next((i for i, line in enumerate(region[:_HEADER_LINES]) if is_motto([line.text])), None)
        if motto_at is None:
            return items
        left, right = _split_columns(region, mid)
        add_layout_table(b, left, right)
        return items[len(region):]

    def _body(self, b: TextBuilder, items: list, mid: float) -> None:
        i = 0
        while i < len(items):
            item = items[i]
            if isinstance(item, TablePart):
                b.add_table(item.rows, spans=item.spans)
                i += 1
                continue
            if self._starts_closing(item, mid):
                region = []
                while i < len(items) and isinstance(items[i], Line) and not _crosses(items[i], mid):
                    region.append(items[i])
                    i += 1
                if not region:  # the marker line itself spans the page: plain text
                    region.append(item)
                    i += 1
                left, right = _split_columns(region, mid)
                if not add_layout_table(b, left, right):
                    self._paragraphs(b, region)
                continue
            run = []
            while (i < len(items) and isinstance(items[i], Line)
                   and not (run and self._starts_closing(items[i], mid))):
                run.append(items[i])
                i += 1
            self._paragraphs(b, run)

    @staticmethod
    def _starts_closing(line: Line, mid: float) -> bool:
        first = line.segments[0]
        if RECIPIENTS.match(normalize_text(first[2])) and (first[0] + first[1]) / 2 < mid:
            return True
        return all(x0 > mid - _CROSS for x0, _, _ in line.segments) and bool(
            SIGNATURE.match(normalize_text(first[2])))

    @staticmethod
    def _paragraphs(b: TextBuilder, lines: list[Line]) -> None:
        """Wrapped lines -> paragraphs: a break at a wider gap, a first-line indent or a short line."""
        if not lines:
            return
        gaps = [n.top - p.bottom for p, n in zip(lines, lines[1:])]
        usual_gap = statistics.median(gaps) if gaps else 0.0
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        para: list[str] = []
        for k, line in enumerate(lines):
            if para:
                prev = lines[k - 1]
                gap = line.top - prev.bottom
                if (gap > usual_gap + 4 or line.x0 > left + 12 or prev.x1 < right - 40
                        or len(line.segments) > 1 or len(prev.segments) > 1):
                    b.add_block(" ".join(para))
                    para = []
            para.append(line.text)
        b.add_block(" ".join(para))
