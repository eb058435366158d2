"""The document model: one normalised ``text`` and the blocks that give it structure.

Every block and cell carries its character span in ``text``; offsets never point anywhere else.
Tables are rendered into ``text`` one row per line, cells separated by a tab, so a table is
readable by extractors that see only text.
"""
from __future__ import annotations

import bisect
from typing import Literal

from pydantic import Field

from schemas.base import Strict

BlockKind = Literal["heading", "paragraph", "list_item", "table", "header", "signature", "recipients",
                    "signature_stamp"]  # the e-signature stamp of a signed PDF ("Ký bởi: …", "Thời gian ký: …")
InputFormat = Literal["pdf", "docx", "doc", "odt", "rtf", "txt", "md", "scan"]


class SourceInfo(Strict):
    path: str
    name: str
    format: InputFormat
    sha256: str
    size: int
    pages: int | None = None
    ocr_pages: list[int] = Field(default_factory=list, description="1-based pages read by OCR")


class PageInfo(Strict):
    number: int = Field(description="1-based page number")
    start: int
    end: int
    ocr: bool = False
    width: float | None = Field(None, description="page width in PDF points (1/72 inch), for PDFs and scans")
    height: float | None = Field(None, description="page height in PDF points")


class Box(Strict):
    """A rectangle on a page, in PDF points from the page's top-left corner (pdfplumber's convention)."""

    page: int = Field(description="1-based page number")
    x0: float
    top: float
    x1: float
    bottom: float


class WordBox(Box):
    """One word as the page shows it (a PDF's text layer or Tesseract's word boxes), before layout."""

    text: str


class Cell(Strict):
    start: int
    end: int
    col_span: int = 1
    tables: list["Block"] = Field(default_factory=list, description="nested tables inside this cell")


class Row(Strict):
    cells: list[Cell]


class Block(Strict):
    kind: BlockKind
    start: int
    end: int
    page: int | None = None
    role: str | None = Field(None, description="e.g. 'issuer' or 'motto' for the two header blocks")
    level: int | None = Field(None, description="heading level, 1 = top")
    rows: list[Row] = Field(default_factory=list, description="only for tables")


Cell.model_rebuild()


class ParsedDocument(Strict):
    """What a backend returns: the text, its blocks in reading order, and its pages."""

    source: SourceInfo
    text: str
    blocks: list[Block] = Field(default_factory=list)
    pages: list[PageInfo] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    words: list[WordBox] = Field(default_factory=list, description="the page words with their boxes (PDF, scan)")

    def block_text(self, block: Block | Cell) -> str:
        return self.text[block.start:block.end]

    def page_at(self, offset: int) -> int | None:
        """The page an offset falls on: the last page starting at or before it (the separator between
        two pages belongs to the earlier one), the first page before any start, None without pages."""
        if not self.pages:
            return None
        i = bisect.bisect_right([p.start for p in self.pages], offset) - 1
        return self.pages[max(i, 0)].number
