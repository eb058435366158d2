"""Texts past spaCy's default max_length (1,000,000 characters) but under the backends' own text limit."""
from __future__ import annotations

from pipeline.backends.base import IngestOptions
from pipeline.extract import extract_text
from pipeline.nlp import get_nlp


def test_nlp_accepts_every_text_the_backends_accept() -> None:
    assert get_nlp().max_length > IngestOptions().max_text_chars


def test_nlp_extracts_a_text_over_one_million_characters() -> None:
    meeting = "Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2024 vào tháng 7/2024.\n\n"
    filler = "Các đơn vị tiếp tục đẩy mạnh phong trào thi đua.\n\n"
    text = meeting + filler * (1_000_100 // len(filler))
    assert len(text) > 1_000_000
    record = extract_text(text, name="long")
    assert len(record.text) > 1_000_000
    assert [c.kind for c in record.conferences] == ["interim_review"]


def test_nlp_tokens_keep_one_trailing_space_and_white_space_runs() -> None:
    """A token owns the one space after it; a longer run, a line break or leading white space is a token."""
    doc = get_nlp().make_doc("  Sở Y tế,  tỉnh\nLào Cai: 15/7/2025 \t.")
    assert [(t.text, t.whitespace_) for t in doc] == [
        ("  ", ""), ("Sở", " "), ("Y", " "), ("tế", ""), (",", " "), (" ", ""), ("tỉnh", ""), ("\n", ""),
        ("Lào", " "), ("Cai", ""), (":", " "), ("15/7/2025", " "), ("\t", ""), (".", "")]
    assert doc.text == "  Sở Y tế,  tỉnh\nLào Cai: 15/7/2025 \t."
