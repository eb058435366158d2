"""TXT/MD: encodings, Markdown emphasis and headings, tables, size limit."""
from __future__ import annotations

import unicodedata

import pytest

from extractors.legacy import encode
from pipeline.backends.base import IngestOptions
from pipeline.backends.text import MarkdownBackend, TextBackend
from pipeline.ingest import parse
from schemas.errors import FileTooLargeError

PLAN = "Kế hoạch tổ chức phong trào thi đua yêu nước năm 2025 của Ủy ban nhân dân tỉnh Quảng Trị"


def _cp1258(text: str) -> bytes:
    """Windows-1258 keeps ê/ơ/ư... precomposed but writes tones as combining marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", d[:-1]).encode("cp1258") + d[-1].encode("cp1258")
    return out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_backends_text_encodings(tmp_path, encoding):
    f = tmp_path / "plan.txt"
    f.write_bytes(_cp1258(PLAN) if encoding == "cp1258" else PLAN.encode(encoding))
    assert parse(f).text == PLAN


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_backends_text_legacy_bytes(tmp_path, legacy):
    phrase = "căn cứ luật thi đua, khen thưởng; người được khen thưởng xuất sắc"
    f = tmp_path / "plan.txt"
    f.write_bytes(encode(phrase, legacy).encode("cp1252"))
    assert parse(f).text == phrase


@pytest.mark.parametrize("raw, want", [
    ("**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"),  # a soft wrap in a paragraph
    ("Phong trào *Dân vận khéo* năm 2024", "Phong trào Dân vận khéo năm 2024"),
    ("__Nơi nhận:__", "Nơi nhận:"),
    ("Điểm 3 * 4 = 12", "Điểm 3 * 4 = 12"),
])
def test_backends_markdown_emphasis_removed(raw, want):
    assert MarkdownBackend.from_string(raw, name="a.md").text == want


def test_backends_markdown_headings_and_tables():
    raw = "# KẾ HOẠCH\n\n## I. MỤC ĐÍCH\n\nNội dung.\n\nSTT\tNội dung\n1\tQuý I\n\n2\tQuý II\n"
    doc = MarkdownBackend.from_string(raw, name="a.md")
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds == [("heading", 1), ("heading", 2), ("paragraph", None), ("table", None)]
    assert len(doc.blocks[-1].rows) == 3


def test_backends_text_too_large(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(PLAN * 50, encoding="utf-8")
    with pytest.raises(FileTooLargeError):
        TextBackend(IngestOptions(max_text_chars=1000)).convert(f)
