"""DOCX (python-docx): paragraphs and tables in true body order, read straight from the body XML.

Tables: one cell per grid column. A horizontally merged cell (gridSpan=n) carries col_span=n and is
followed by n-1 empty cells with col_span=0, so splitting a row of ``text`` on tabs still gives the
grid columns; a vertically merged continuation cell is empty, so merged text is never repeated.
Tables inside a cell are read recursively and rendered right after their table.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from docx.oxml.ns import qn

from pipeline.backends.base import Backend, TextBuilder, add_two_column_layout, source_info
from schemas.document import ParsedDocument
from schemas.errors import CorruptFileError, EmptyFileError, FileTooLargeError

W_P, W_TBL, W_TR, W_TC, W_SDT, W_SDTCONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt",
                                                                 "w:sdtContent"))
W_T, W_TAB, W_BR, W_CR, W_DEL, W_PPR, W_RPR = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:del",
                                                                 "w:pPr", "w:rPr"))
W_TCPR, W_GRIDSPAN, W_VMERGE, W_VAL, W_TRPR, W_GRIDBEFORE = (
    qn(t) for t in ("w:tcPr", "w:gridSpan", "w:vMerge", "w:val", "w:trPr", "w:gridBefore"))
W_PSTYLE, W_NOBREAKHYPHEN = qn("w:pStyle"), qn("w:noBreakHyphen")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {MC_FALLBACK, W_DEL, W_PPR, W_RPR}  # duplicates, deleted text, formatting


def _text(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == W_T:
            out.append(child.text or "")
        elif tag == W_TAB:
            out.append(" ")
        elif tag in (W_BR, W_CR):
            out.append("\n")
        elif tag == W_NOBREAKHYPHEN:
            out.append("-")
        else:
            _text(child, out)


def paragraph_text(p) -> str:
    out: list[str] = []
    _text(p, out)
    return "".join(out)


def _children(el):
    """Block-level children, looking through content controls (w:sdt)."""
    for child in el:
        if child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _children(content)
        else:
            yield child


def _int_attr(parent, tag: str, default: int) -> int:
    el = parent.find(tag) if parent is not None else None
    try:
        return int(el.get(W_VAL)) if el is not None else default
    except (TypeError, ValueError):
        return default


def read_cell(tc) -> tuple[list[str], list]:
    """The cell's paragraph lines and the tables nested in it."""
    lines: list[str] = []
    tables = []
    for child in _children(tc):
        if child.tag == W_P:
            lines.append(paragraph_text(child))
        elif child.tag == W_TBL:
            tables.append(child)
    return lines, tables


class Table:
    """A w:tbl read into grid rows of cell lines."""

    def __init__(self, tbl) -> None:
        self.rows: list[list[list[str]]] = []   # row -> grid column -> lines
        self.spans: list[list[int]] = []
        self.nested: dict[tuple[int, int], list] = {}
        for tr in _children(tbl):
            if tr.tag != W_TR:
                continue
            before = _int_attr(tr.find(W_TRPR), W_GRIDBEFORE, 0)
            row: list[list[str]] = [[] for _ in range(before)]
            spans = [1] * before
            for tc in _children(tr):
                if tc.tag != W_TC:
                    continue
                pr = tc.find(W_TCPR)
                span = max(1, _int_attr(pr, W_GRIDSPAN, 1))
                vmerge = pr.find(W_VMERGE) if pr is not None else None
                continued = vmerge is not None and vmerge.get(W_VAL, "continue") != "restart"
                lines, tables = read_cell(tc)
                if tables:
                    self.nested[(len(self.rows), len(row))] = tables
                row.append([] if continued else lines)
                spans.append(span)
                for _ in range(span - 1):
                    row.append([])
                    spans.append(0)
            self.rows.append(row)
            self.spans.append(spans)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell_rows(self) -> list[list[str]]:
        return [[" ".join(x for x in lines if x.strip()) for lines in row] for row in self.rows]


class DocxBackend(Backend):
    suffixes = (".docx",)
    fmt = "docx"

    def convert(self, path: Path, *, fmt: str | None = None, source_path: Path | None = None) -> ParsedDocument:
        """``fmt``/``source_path`` let the DOC backend report the original file it converted."""
        import docx  # python-docx is only needed for this format

        self._check_zip(path)
        try:
            document = docx.Document(str(path))
        except Exception as exc:  # python-docx raises many kinds on damaged packages
            raise CorruptFileError(path, kind="DOCX", reason=type(exc).__name__) from None
        b = TextBuilder()
        self._body(b, document.element.body)
        if not b.blocks:
            raise EmptyFileError(source_path or path)
        src = source_path or path
        return b.build(source_info(src, fmt or self.fmt))

    def _check_zip(self, path: Path) -> None:
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
                names = {i.filename for i in infos}
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise CorruptFileError(path, kind="DOCX", reason=f"not a zip package: {exc}") from None
        total = sum(i.file_size for i in infos)  # declared sizes, read before anything is inflated
        if total > self.options.max_unzipped_bytes:
            raise FileTooLargeError(path, what="the unpacked DOCX", size=total,
                                    limit=self.options.max_unzipped_bytes)
        if "word/document.xml" not in names and "[Content_Types].xml" not in names:
            raise CorruptFileError(path, kind="DOCX", reason="no word/document.xml in the package")
        self._check_xml_size(path, infos)

    def _check_xml_size(self, path: Path, infos: list[zipfile.ZipInfo]) -> None:
        """The XML parts, counted while they are inflated (declared sizes can lie), must stay under
        ``max_xml_bytes``: a parsed tree takes ~20 times its XML, so this bounds the memory really
        used, where the package limit alone let 285 MB of tiny paragraphs take 5-10 GB."""
        limit = self.options.max_xml_bytes
        total = 0
        try:
            with zipfile.ZipFile(path) as zf:
                for info in infos:
                    if not info.filename.lower().endswith((".xml", ".rels")):
                        continue
                    with zf.open(info) as part:
                        while chunk := part.read(1 << 20):
                            total += len(chunk)
                            if total > limit:
                                raise FileTooLargeError(path, what="the XML of the DOCX (inflated)",
                                                        size=f"over {total}", limit=limit)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, ValueError, EOFError,
                NotImplementedError) as exc:
            raise CorruptFileError(path, kind="DOCX", reason=f"damaged zip package: {exc}"[:200]) from None

    def _body(self, b: TextBuilder, body) -> None:
        for el in _children(body):
            if el.tag == W_P:
                kind, level = self._paragraph_kind(el)
                b.add_block(paragraph_text(el), kind, level=level)
            elif el.tag == W_TBL:
                self._table(b, el)

    @staticmethod
    def _paragraph_kind(p) -> tuple[str, int | None]:
        ppr = p.find(W_PPR)
        style = ppr.find(W_PSTYLE) if ppr is not None else None
        name = (style.get(W_VAL) or "").lower() if style is not None else ""
        if name.startswith(("heading", "title")):
            digits = "".join(c for c in name if c.isdigit())
            return "heading", int(digits) if digits else 1
        return "paragraph", None

    def _table(self, b: TextBuilder, tbl) -> None:
        table = Table(tbl)
        if add_two_column_layout(b, table.rows):
            # e.g. an annex table sitting inside the signature cell: layout first, then the tables
            for tables in table.nested.values():
                for inner in tables:
                    self._table(b, inner)
            return
        if table.width <= 1:  # a one-column table is a framed paragraph
            for row in table.rows:
                for lines in row:
                    b.add_block("\n".join(lines))
            return
        nested = {pos: [Table(t).cell_rows() for t in tables] for pos, tables in table.nested.items()}
        b.add_table(table.cell_rows(), spans=table.spans, nested=nested)
