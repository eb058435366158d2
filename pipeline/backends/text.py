"""TXT and MD: paragraphs split on blank lines; tab-separated runs of lines become tables.

A ``.md`` file, or a ``.txt`` file that is clearly Markdown (a portal grid or a pipe table), is laid
out with Markdown semantics by ``pipeline.backends.markdown``.

Encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else a single-byte reading: TCVN3/VNI
mojibake is recognised on the cp1252 reading; otherwise cp1258 (Windows Vietnamese) if it yields
Vietnamese letters, else cp1252. Markdown emphasis is removed and ``#`` headings become heading
blocks in both formats, because plain-text exports of plans carry them too.

Size: a text longer than ``options.max_text_chars`` raises FileTooLargeError instead of being
truncated, so a record never silently describes half a document; the check on the byte size comes
first, so a huge file is refused before it is read.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from extractors import legacy
from pipeline.backends.base import Backend, TextBuilder, source_info
from pipeline.backends.markdown import MarkdownLayout, looks_like_markdown
from schemas.document import ParsedDocument, SourceInfo
from schemas.errors import EmptyFileError, FileTooLargeError, NotTextError, TextTooLongError

_SAMPLE = 65_536          # bytes/chars looked at to decide encoding and binary-ness
_MIN_PRINTABLE = 0.95
_BOLD = re.compile(r"(\*\*|__)(?=\S)((?:(?!\n[ \t]*\n).)+?)(?<=\S)\1", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")


def strip_emphasis(text: str) -> str:
    """``**x**``, ``__x__`` and ``*x*`` -> ``x`` (bold may span lines inside one paragraph)."""
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\2", text))


def _printable_ratio(sample: str) -> float:
    if not sample:
        return 1.0
    # U+00AD counts: it is the letter "ư" in a cp1252 reading of TCVN3 text
    ok = sum(1 for c in sample if c.isprintable() or c in "\n\r\t\f\v\u00ad")
    return ok / len(sample)


def decode_bytes(data: bytes, path: Path) -> str:
    """Bytes -> str with the encoding rules in the module docstring; NotTextError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        raw = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw = data.decode("utf-16", errors="replace")
    else:
        if b"\x00" in data[:_SAMPLE]:
            raise NotTextError(path, reason="it contains NUL bytes")
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError:
            raw = _decode_single_byte(data)
    if _printable_ratio(raw[:_SAMPLE]) < _MIN_PRINTABLE:
        raise NotTextError(path, reason="too few printable characters")
    return raw


def _decode_single_byte(data: bytes) -> str:
    western = data.decode("cp1252", errors="replace")
    if legacy.detect(western[:_SAMPLE]):
        return western  # mojibake of TCVN3/VNI: the normaliser converts it
    viet = data.decode("cp1258", errors="replace")
    if any(c in viet[:_SAMPLE] for c in "ăơưđĂƠƯĐ\u0300\u0301\u0303\u0309\u0323"):
        return viet
    return western


class TextBackend(Backend):
    suffixes = (".txt",)
    fmt = "txt"

    def convert(self, path: Path) -> ParsedDocument:
        size = path.stat().st_size
        limit = self.options.max_text_chars
        if size > limit * 4:  # even 4-byte UTF-8 cannot fit: refuse before reading
            raise FileTooLargeError(path, what="the text file", size=size, limit=limit * 4)
        data = path.read_bytes()
        if not data.strip():
            raise EmptyFileError(path)
        raw = decode_bytes(data, path)
        if len(raw) > limit:
            raise TextTooLongError(path, what="the text", size=len(raw), limit=limit)
        if not raw.strip():
            raise EmptyFileError(path)
        return self.build(raw, source_info(path, self.fmt, data))

    @classmethod
    def from_string(cls, raw: str, *, name: str = "text.txt") -> ParsedDocument:
        data = raw.encode("utf-8")
        src = SourceInfo(path=name, name=name, format=cls.fmt, sha256=hashlib.sha256(data).hexdigest(),
                         size=len(data))
        return cls().build(raw, src)

    def build(self, raw: str, source: SourceInfo) -> ParsedDocument:
        # one decision for the whole file, so short lines of a legacy file are converted too
        b = TextBuilder(legacy=legacy.detect(raw[:_SAMPLE * 4]))
        if self.fmt == "md" or looks_like_markdown(raw):
            MarkdownLayout(b, raw).build()
            return b.build(source)
        raw = strip_emphasis(raw)
        table: list[list[str]] = []
        para: list[str] = []

        def flush() -> None:
            if para:
                b.add_block("\n".join(para))
                para.clear()
            if table:
                b.add_table([r[:] for r in table])
                table.clear()

        for line in raw.splitlines():
            heading = _HEADING.match(line)
            if heading:
                flush()
                b.add_block(heading.group(2), "heading", level=len(heading.group(1)))
            elif "\t" in line.strip(" ") or (table and "\t" in line):
                if para:
                    b.add_block("\n".join(para))
                    para.clear()
                table.append(line.split("\t"))
            elif not line.strip():
                if not table:  # a blank line inside a tab-separated run does not end the table
                    flush()
            else:
                if table:
                    flush()
                para.append(line)
        flush()
        return b.build(source)


class MarkdownBackend(TextBackend):
    suffixes = (".md", ".markdown")
    fmt = "md"
