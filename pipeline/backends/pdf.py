"""PDF (pdfplumber): words -> lines -> blocks in reading order, ruled tables -> table blocks.

Each page is parsed once: one ``extract_words`` and one ``find_tables``; everything else is plain
Python over those words, so the cost stays close to a bare pdfplumber text+tables pass.

Layout rules (Decree 30/2020 documents):
- the top of page 1 is a two-column borderless table (issuer + "Số" | motto + place-date): the lines
  down to the first line that crosses the page centre are split by side into header blocks;
- the closing "Nơi nhận" (recipients) | "TM. ..." (signature) table likewise, from its first line;
- a table continuing on the next page (same columns, nothing between) is merged into one table.
Digitally signed PDFs keep the number, the date and the signature stamp in widget appearance streams,
which pdfplumber does not read: such a file is flattened first (pypdfium2), and blank characters of
the page that lie under the flattened glyphs are dropped so "8 9 3 / Q Đ" reads "893/QĐ". The
e-signature stamp ("Ký bởi: …", "Thời gian ký: …"; words in ``extractors/data/signature_stamp.yaml``)
becomes a block of its own (kind ``signature_stamp``), out of the header and signature columns.

A page with no real text layer (or a stray stamp/watermark fragment over a full-page image) is a
scan page and goes to OCR, which is imported lazily from ``pipeline.backends.ocr``.

Before OCR, a blank page (judged on a thumbnail) is skipped, a page too large to render legibly
within ``options.max_page_pixels`` is not read, and at most ``options.max_ocr_pages`` pages are
OCR'd; every page not read is named in the record's warnings.
"""
from __future__ import annotations

import bisect
import functools
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from extractors.lexicon import read_yaml
from extractors.normalize import normalize_text
from pipeline.backends.base import (RECIPIENTS, SIGNATURE, Backend, IngestOptions, TextBuilder, add_layout_table,
                                    is_motto, report_progress, source_info)
from pipeline.backends.pdf_layout import (Box, continues_paragraph, drop_page_numbers, in_one_column, join_line_text,
                                          join_place_date, join_wrapped_items, paragraphs,
                                          wrapped_gap, wraps_onto)
from schemas.document import ParsedDocument, WordBox
from schemas.errors import (BlankDocumentError, CorruptFileError, EmptyFileError, EncryptedFileError,
                            FileTooLargeError, InternalError, OcrSwitchedOffError, OcrUnavailableError,
                            VnplanError)

_SEGMENT_GAP = 18.0      # pt: a wider gap between words on one line separates two columns
_LINE_TOL = 3.0          # pt: words whose tops differ less are on one line
_CROSS = 15.0            # pt: a line "crosses the centre" when it reaches this far to both sides
_HEADER_LINES = 16       # the national motto must appear within the first lines of the header table
_HEADER_SEARCH = 80      # ... and within the first lines of page 1 (a banner or a stamp may stand above it)
_JUNK_LIMIT = 1024 * 1024  # junk bytes tolerated before "%PDF"
_STAMP_PRINT = 0.8       # stamp print is smaller than this share of the page's usual word height
_WIDGET = 20             # FPDF_ANNOT_WIDGET


#: the addressee line that opens a letter's body ("Kính gửi: ..."): below the header table, not in its column
_SALUTATION = re.compile(r"^\s*" + re.escape(read_yaml("header_words.yaml")["salutation"]) + r"\b", re.I)


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
class StampPart:
    top: float
    lines: list[str]


@dataclass
class PageItems:
    number: int
    width: float
    height: float = 0.0
    items: list = field(default_factory=list)  # Line | TablePart, in reading order
    words: list[WordBox] = field(default_factory=list)  # the page's words with their boxes, in points
    ocr: bool = False
    ocr_blocks: list = field(default_factory=list)
    stamp: list[str] = field(default_factory=list)  # e-signature stamp lines, emitted after the page


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


def _column_mid(items: list, mid: float) -> float:
    """The centre of the text column the lines fill (margins differ left and right); the page centre without lines."""
    lines = [x for x in items if isinstance(x, Line)]
    return (min(x.x0 for x in lines) + max(x.x1 for x in lines)) / 2 if lines else mid


def _column_split(lines: list[Line], mid: float) -> float:
    """The x that parts the header's two columns: the page centre, or, when a column reaches past
    it, the middle of the gap the two-column lines leave between their columns."""
    if not any(_crosses(line, mid) for line in lines):
        return mid
    pairs = [line.segments for line in lines if len(line.segments) >= 2]
    left_edge = max(segs[0][1] for segs in pairs)
    right_edge = min(segs[-1][0] for segs in pairs)
    return (left_edge + right_edge) / 2 if left_edge < right_edge else mid


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
            texts.append(functools.reduce(join_line_text, (line.text for line in _lines(grid[ri][ci])), ""))
            row_spans.append(max(1, sum(1 for x in x_edges if cell[0] - 0.5 <= x < cell[2] - 0.5)))
        rows.append(texts)
        spans.append(row_spans)
    # words inside the table's frame but outside every cell still belong to the table
    x0, top, x1, bottom = table.bbox
    used |= {i for i, w in enumerate(words) if x0 <= w["x0"] and w["x1"] <= x1 and top <= w["top"] <= bottom}
    return TablePart(top=table.bbox[1], rows=rows, spans=spans), used


def _ranges(numbers: list[int]) -> str:
    """1, 2, 3, 7 -> "1-3, 7"."""
    out: list[str] = []
    for n in numbers:
        if out and int(out[-1].split("-")[-1]) == n - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def flatten_widgets(data: bytes) -> bytes | None:
    """A copy of the PDF with its widget appearances (signature stamps, filled fields) drawn into the
    page content, or None when there are none or pdfium cannot read the file (then the file is read as is)."""
    if b"/Widget" not in data:
        return None
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c

        pdf = pdfium.PdfDocument(data)
        try:
            pdf.init_forms()  # before the pages are loaded, so widgets get their appearance
            flattened = False
            for i in range(len(pdf)):
                page = pdf[i]
                try:
                    if _has_widget_appearance(page, pdfium_c):
                        page.flatten()
                        flattened = True
                finally:
                    page.close()
            if not flattened:
                return None
            out = io.BytesIO()
            pdf.save(out)
            return out.getvalue()
        finally:
            pdf.close()
    except Exception:  # pdfium failing is no reason to refuse a file pdfplumber may read
        return None


def _has_widget_appearance(page, pdfium_c) -> bool:
    for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
        try:
            if (pdfium_c.FPDFAnnot_GetSubtype(annot) == _WIDGET
                    and pdfium_c.FPDFAnnot_HasKey(annot, b"AP")):
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def blanks_under_glyphs(chars: list[dict]) -> set[int]:
    """ids of blank characters lying under a visible glyph: the placeholder spaces a form or stamp
    is drawn over. Left in, they split each stamped word into letters."""
    glyphs = sorted((c for c in chars if not c["text"].isspace()), key=lambda c: c["x0"])
    starts = [c["x0"] for c in glyphs]
    widest = max((c["x1"] - c["x0"] for c in glyphs), default=0.0)
    hidden: set[int] = set()
    for c in chars:
        if not c["text"].isspace():
            continue
        lo = bisect.bisect_left(starts, c["x0"] - widest)
        hi = bisect.bisect_right(starts, c["x1"])
        for g in glyphs[lo:hi]:
            overlap_x = min(c["x1"], g["x1"]) - max(c["x0"], g["x0"])
            overlap_y = min(c["bottom"], g["bottom"]) - max(c["top"], g["top"])
            if overlap_x > 0.3 * (c["x1"] - c["x0"]) and overlap_y > 0.5 * min(c["bottom"] - c["top"], g["bottom"] - g["top"]):
                hidden.add(id(c))
                break
    return hidden


def is_white(colour) -> bool:
    """A fill colour that is white in its colour space: grey (1), RGB (1, 1, 1) or CMYK (0, 0, 0, 0)."""
    if not isinstance(colour, (tuple, list)) or not colour or not all(isinstance(v, (int, float)) for v in colour):
        return False
    if len(colour) == 4:
        return all(v <= 0.02 for v in colour)
    return all(v >= 0.98 for v in colour)


def invisible_chars(chars: list[dict], rects: list[dict]) -> set[int]:
    """ids of characters painted white on the white page: text nobody sees (a stamp's or a
    template's leftover text layer) that would otherwise land in the body or take the signer's
    place. White text inside a filled dark box (a shaded heading cell) is visible and stays."""
    dark = [r for r in rects if r.get("fill") and not is_white(r.get("non_stroking_color"))]
    hidden: set[int] = set()
    for c in chars:
        if c["text"].isspace() or not is_white(c.get("non_stroking_color")):
            continue
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if not any(r["x0"] <= cx <= r["x1"] and r["top"] <= cy <= r["bottom"] for r in dark):
            hidden.add(id(c))
    return hidden


@functools.lru_cache(maxsize=1)
def _stamp_words() -> dict[str, re.Pattern]:
    d = read_yaml("signature_stamp.yaml")

    def alt(words: list[str]) -> re.Pattern:
        return re.compile(r"(?i)^\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s*:")
    return {"anchor": alt(d["anchors"]), "label": alt(d["anchors"] + d["labels"]), "system": alt(d["system_lines"])}


def split_stamp(words: list[dict]) -> tuple[list[dict], list[str]]:
    """Words -> (words without the e-signature stamp, the stamp's lines).

    The stamp is small print beside the signature: from a line in print smaller than the page's
    usual that opens with an anchor label ("Ký bởi:"), the small print in that column down to the
    first wide gap."""
    pats = _stamp_words()
    heights = sorted(w["bottom"] - w["top"] for w in words)
    if not heights:
        return words, []
    limit = _STAMP_PRINT * heights[len(heights) // 2]
    small = [w for w in words if w["bottom"] - w["top"] < limit]
    if not small:
        return words, []
    taken: list[tuple[Line, list[tuple[float, float, str]]]] = []
    column: float | None = None
    last_bottom = 0.0
    for ln in _lines(small):
        anchor = next((seg for seg in ln.segments if pats["anchor"].match(normalize_text(seg[2]))), None)
        if anchor is None and column is not None and ln.top - last_bottom > 2 * (ln.bottom - ln.top):
            column = None  # the stamp ended
        if anchor is not None and column is None:
            column = anchor[0]
        if column is None:
            continue
        segs = [seg for seg in ln.segments if seg[0] >= column - 2]
        if segs:
            taken.append((ln, segs))
            last_bottom = ln.bottom
    if not taken:
        return words, []
    in_stamp = {id(w) for w in small for ln, segs in taken
                if ln.top - 0.5 <= w["top"] <= ln.bottom + 0.5 and any(x0 - 0.5 <= w["x0"] <= x1 + 0.5
                                                                       for x0, x1, _ in segs)}
    return [w for w in words if id(w) not in in_stamp], [" ".join(seg[2] for seg in segs) for _, segs in taken]


def is_system_line(line: Line) -> bool:
    """A document-system footer ("Số EOF: 649054 /VBĐT"): stamp text, not body or closing text."""
    return bool(_stamp_words()["system"].match(normalize_text(line.text)))


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
    _flattened = False  # set per file: the pages come from a copy with widget appearances drawn in

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
        self._data, self._pdfium, self._ocr_count = data[start:], None, 0
        self._unread: dict[str, list[int]] = {}
        flat = flatten_widgets(data[start:])
        self._flattened = flat is not None and len(flat) <= self.options.max_bytes
        try:
            pdf = pdfplumber.open(io.BytesIO(flat if self._flattened else data[start:]))  # pdfminer tries the empty password itself
            pages = [self._read_page(path, pdf, i, warnings) for i in range(len(pdf.pages))]
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise EncryptedFileError(path) from None
        except (VnplanError, MemoryError):  # already typed, or the memory ceiling: not a damaged file
            raise
        except Exception as exc:  # pdfminer raises a zoo of types on damaged files
            # pdfplumber wraps pdfminer's errors: look at the wrapped one too
            inner = [exc, exc.__cause__, exc.__context__, *(a for a in exc.args if isinstance(a, BaseException))]
            if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in inner):
                raise EncryptedFileError(path) from None
            raise CorruptFileError(path, kind="PDF", reason=f"{type(exc).__name__}: {exc}"[:200]) from None
        finally:
            if self._pdfium is not None:
                self._pdfium.close()
        if not pages:
            raise CorruptFileError(path, kind="PDF", reason="no pages")
        not_read = [f"page{'s' if len(numbers) > 1 else ''} {_ranges(numbers)} {why}"
                    for why, numbers in self._unread.items()]
        warnings += not_read
        b = TextBuilder()
        self._emit(b, pages)
        ocr_pages = [p.number for p in pages if p.ocr]
        read = len(pages) - sum(map(len, self._unread.values()))
        fmt = "scan" if ocr_pages and len(ocr_pages) == read else self.fmt
        src = source_info(path, fmt, data, pages=len(pages))
        src.ocr_pages = ocr_pages
        if not b.blocks:
            if not_read or ocr_pages:
                raise BlankDocumentError(path, reason="; ".join(
                    not_read + ([f"OCR read nothing on page{'s' if len(ocr_pages) > 1 else ''} "
                                 f"{_ranges(ocr_pages)}"] if ocr_pages else [])))
            raise EmptyFileError(path)
        parsed = b.build(src, warnings)
        parsed.words = [w for p in pages for w in p.words]
        return parsed

    # -- one page --------------------------------------------------------------------------------
    def _read_page(self, path: Path, pdf, index: int, warnings: list[str]) -> PageItems:
        page = pdf.pages[index]
        items = PageItems(number=index + 1, width=float(page.width), height=float(page.height))
        hidden = invisible_chars(page.chars, page.rects)
        if self._flattened:
            hidden |= blanks_under_glyphs(page.chars)
        if hidden:
            page = page.filter(lambda obj: id(obj) not in hidden)
        # one word list for the text and the evidence boxes: from the flattened copy when there is one
        words = page.extract_words(keep_blank_chars=False, x_tolerance=1.5, y_tolerance=3)
        chars = sum(sum(c.isalnum() for c in w["text"]) for w in words)
        if _is_scan_page(page, chars, self.options):
            ocr_words: list[WordBox] = []
            blocks = self._ocr(path, pdf, index, has_text=chars > 0, warnings=warnings, words_out=ocr_words)
            if any(index + 1 in pages for pages in self._unread.values()):
                page.close()
                return items  # skipped: no text, not counted as read by OCR
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
        free, items.stamp = split_stamp([w for i, w in enumerate(words) if i not in used])
        lines = []
        frames = [Box(*t.bbox) for t in tables]
        for line in drop_page_numbers(_lines(free), items.height, items.width, frames):
            (items.stamp.append(line.text) if is_system_line(line) else lines.append(line))
        items.items.extend(lines)
        items.items.sort(key=lambda x: x.top)
        page.close()  # frees the page's cached objects: memory stays flat on long documents
        return items

    def _not_read(self, index: int, why: str) -> list:
        self._unread.setdefault(why, []).append(index + 1)
        return []

    def _ocr(self, path: Path, pdf, index: int, *, has_text: bool, warnings: list[str],
             words_out: list[WordBox] | None = None):
        """The OCR blocks of a scan page; ``[]`` for a page skipped (blank, too large, over the cap),
        None to read the page's own text layer instead. ``words_out`` receives the OCR words' boxes."""
        reason = "OCR is switched off (--no-ocr)"
        if self.options.ocr:
            try:
                from pipeline.backends import ocr
            except ImportError as exc:
                reason = f"the OCR backend is not installed ({exc.name})"
            else:
                return self._ocr_page(ocr, path, index, has_text=has_text, words_out=words_out)
        if has_text:  # keep the fragment rather than fail the whole document
            warnings.append(f"page {index + 1}: little text and no OCR ({reason})")
            return None
        if not self.options.ocr:
            raise OcrSwitchedOffError(path, page=index + 1)
        raise OcrUnavailableError(path, page=index + 1, reason=reason)

    def _ocr_page(self, ocr, path: Path, index: int, *, has_text: bool = False,
                  words_out: list[WordBox] | None = None):
        import pypdfium2 as pdfium

        opts = self.options
        try:
            if self._pdfium is None:  # one pdfium document for every page, not one per page
                self._pdfium = pdfium.PdfDocument(self._data)
            if ocr.is_blank_page(path, index, self._pdfium):
                # a few characters over a blank image: read them, there is nothing else to OCR
                return None if has_text else self._not_read(index, "blank, skipped")
            if ocr.fit_dpi(*ocr.page_size(path, index, self._pdfium), opts.ocr_dpi, opts.max_page_pixels) \
                    < opts.min_ocr_dpi:
                return self._not_read(index, f"not read: too large to render within {opts.max_page_pixels:,} "
                                             f"pixels at {opts.min_ocr_dpi} dpi or more")
            if self._ocr_count >= opts.max_ocr_pages:
                return self._not_read(index, f"not read: over the OCR cap of {opts.max_ocr_pages} pages "
                                             "(--max-ocr-pages)")
            self._ocr_count += 1
            # only pages really read count in the progress: blank and skipped pages go by in milliseconds
            report_progress(f"OCR page {index + 1}/{len(self._pdfium)}")
            return ocr.ocr_page(path, index, options=opts, pdf=self._pdfium, words_out=words_out)
        except (VnplanError, MemoryError):
            raise
        except pdfium.PdfiumError as exc:  # pdfium cannot draw this page: the file is damaged
            raise CorruptFileError(path, kind="PDF", reason=f"page {index + 1}: {exc}"[:200]) from None
        except Exception as exc:  # anything else is our bug (or a broken install), not the user's file
            raise InternalError(path, kind=type(exc).__name__, reason=" ".join(str(exc).split())[:200]) from exc

    # -- the whole document ----------------------------------------------------------------------
    def _emit(self, b: TextBuilder, pages: list[PageItems]) -> None:
        self._merge_tables(pages)
        self._carry_closing(pages)
        self._carry_paragraphs(pages)
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
            if p.stamp:
                b.add_block("\n".join(p.stamp), "signature_stamp")

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

    def _closing_opened(self, p: PageItems) -> bool:
        """The page ends inside the recipients | signature table (no line crosses the centre after its start)."""
        mid = p.width / 2
        column_mid = _column_mid(p.items, mid)
        opened = False
        for item in p.items:
            if not isinstance(item, Line) or not in_one_column(item, mid, column_mid, _CROSS):
                opened = False
            elif not opened and self._starts_closing(item, mid):
                opened = True
        return opened

    def _carry_closing(self, pages: list[PageItems]) -> None:
        """The recipients | signature table broken by a page: its rest joins it on the first page. The rest ends
        at the first line that crosses the centre or stands centred on the text column (the next part's heading)."""
        for p, nxt in zip(pages, pages[1:]):
            if p.ocr or nxt.ocr or not self._closing_opened(p):
                continue
            mid = p.width / 2
            column_mid = _column_mid(p.items + nxt.items, mid)
            n = 0
            while n < len(nxt.items) and isinstance(nxt.items[n], Line) and in_one_column(nxt.items[n], mid, column_mid,
                                                                                          _CROSS):
                n += 1
            p.items.extend(nxt.items[:n])
            nxt.items = nxt.items[n:]

    def _carry_paragraphs(self, pages: list[PageItems]) -> None:
        """A paragraph cut by a page break: the next page's lines that go on with it join it on its page, placed
        under its last line as the paragraph's own lines are, so the paragraph rule reads them as one."""
        for p, nxt in zip(pages, pages[1:]):
            if p.ocr or nxt.ocr or not p.items or not nxt.items or self._closing_opened(p):
                continue
            last, first = p.items[-1], nxt.items[0]
            if not isinstance(last, Line) or not isinstance(first, Line):
                continue
            here = [x for x in p.items if isinstance(x, Line)]
            there = [x for x in nxt.items if isinstance(x, Line)]
            right, left = max(x.x1 for x in here), min(x.x0 for x in there)
            if not continues_paragraph(last, first, right, left):
                continue
            n = 1  # then its wrapped lines on the new page: each after a full line, at the left edge, close below
            while (n < len(nxt.items) and isinstance(nxt.items[n], Line) and wraps_onto(nxt.items[n - 1], nxt.items[n],
                                                                                       right, left)):
                n += 1
            # the gap of the paragraph's own wrapped lines (the last two lines may stand a paragraph apart)
            gap = wrapped_gap(here, min(x.x0 for x in here), right)
            shift = last.bottom + (0.3 * (last.bottom - last.top) if gap is None else max(0.0, gap)) - first.top
            p.items.extend(replace(x, top=x.top + shift, bottom=x.bottom + shift) for x in nxt.items[:n])
            nxt.items = nxt.items[n:]

    def _header(self, b: TextBuilder, items: list, mid: float) -> list:
        """Emit the issuer | motto table of page 1; return the items left. The table is found at its motto line
        wherever it stands on the page (a banner, a "KHẨN" stamp or a note may stand above it): from there up
        while its lines follow closely, and down to the first line crossing the centre. What stands above it is
        body text, emitted first."""
        column_mid = _column_mid(items, mid)

        def in_header(item) -> bool:
            # a line of two columns belongs to the header even when its right column reaches past the
            # centre (a wide motto column: "TẬP ĐOÀN   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"); a line of one
            # that crosses the centre or stands centred on the text column (the type: "BÁO CÁO") does not
            return isinstance(item, Line) and (len(item.segments) >= 2 or in_one_column(item, mid, column_mid, _CROSS))

        motto_at = next((k for k, item in enumerate(items[:_HEADER_SEARCH])
                         if in_header(item) and is_motto([item.text])), None)
        if motto_at is None:
            return items
        start = motto_at
        while start and in_header(items[start - 1]) and items[start].top - items[start - 1].bottom <= max(
                _LINE_TOL, 0.6 * (items[start - 1].bottom - items[start - 1].top)):
            start -= 1
        if motto_at - start >= _HEADER_LINES:
            return items
        end = motto_at
        while end < len(items) and in_header(items[end]) and not _SALUTATION.match(normalize_text(items[end].text)):
            end += 1
        region = items[start:end]
        self._body(b, items[:start], mid)
        left, right = _split_columns(region, _column_split(region, mid))
        add_layout_table(b, left, join_place_date(right))
        return items[end:]

    def _body(self, b: TextBuilder, items: list, mid: float) -> None:
        column_mid = _column_mid(items, mid)
        i = 0
        while i < len(items):
            item = items[i]
            if isinstance(item, TablePart):
                b.add_table(item.rows, spans=item.spans)
                i += 1
                continue
            if self._starts_closing(item, mid):
                region = []
                while i < len(items) and isinstance(items[i], Line) and in_one_column(items[i], mid, column_mid, _CROSS):
                    region.append(items[i])
                    i += 1
                if not region:  # the marker line itself spans the page: plain text
                    region.append(item)
                    i += 1
                left, right = _split_columns(region, mid)
                if left and RECIPIENTS.match(normalize_text(left[0])):
                    left = join_wrapped_items(left)
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
        for text in paragraphs(lines):
            b.add_block(text)
