"""TXT and MD: paragraphs split on blank lines; tab-separated runs of lines become tables."""
from __future__ import annotations

from pathlib import Path

from pipeline.backends.base import Backend, TextBuilder, source_info
from schemas.document import ParsedDocument, SourceInfo
from schemas.errors import EmptyFileError


class TextBackend(Backend):
    suffixes = (".txt",)
    fmt = "txt"

    def convert(self, path: Path) -> ParsedDocument:
        data = path.read_bytes()
        if not data.strip():
            raise EmptyFileError(path)
        raw = data.decode("utf-8", errors="replace")
        return self.build(raw, source_info(path, self.fmt, data))

    @classmethod
    def from_string(cls, raw: str, *, name: str = "text.txt") -> ParsedDocument:
        import hashlib

        from schemas.document import SourceInfo

        data = raw.encode("utf-8")
        src = SourceInfo(path=name, name=name, format=cls.fmt, sha256=hashlib.sha256(data).hexdigest(),
                         size=len(data))
        return cls().build(raw, src)

    def build(self, raw: str, source: SourceInfo) -> ParsedDocument:
        b = TextBuilder()
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
            if "\t" in line:
                if para:
                    b.add_block("\n".join(para))
                    para.clear()
                table.append(line.split("\t"))
            elif not line.strip():
                if not table:
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
