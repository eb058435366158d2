"""Bad input never crashes: each case is a typed error from schemas.errors with a one-line message."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from pipeline.backends.base import IngestOptions
from pipeline.ingest import parse
from schemas import errors
from tests.conftest import DATA, seed_path

INGEST = DATA / "ingest"


@pytest.mark.parametrize("name, error", [
    ("empty.txt", errors.EmptyFileError),
    ("binary.txt", errors.NotTextError),
    ("truncated.pdf", errors.CorruptFileError),
    ("encrypted_password.pdf", errors.EncryptedFileError),
    ("notzip.docx", errors.CorruptFileError),
    ("sample.xyz", errors.UnsupportedFormatError),
])
def test_ingest_bad_input_typed_error(name, error):
    with pytest.raises(error) as info:
        parse(INGEST / name)
    assert "\n" not in info.value.message and name in info.value.message


def test_ingest_empty_password_pdf_opens():
    doc = parse(INGEST / "encrypted_empty_password.pdf")
    assert "KẾ HOẠCH" in doc.text


def test_ingest_junk_before_pdf_signature_opens():
    doc = parse(INGEST / "junk_prefix.pdf")
    assert doc.source.pages == 8 and "Nơi nhận" in doc.text and doc.warnings


def test_ingest_docx_zip_bomb_guard():
    small = IngestOptions(max_unzipped_bytes=10_000)
    with pytest.raises(errors.FileTooLargeError):
        parse(seed_path("docx", "002_4be30ec671f9d110"), options=small)


def test_ingest_scan_without_ocr_is_typed_error():
    with pytest.raises(errors.OcrUnavailableError) as info:
        parse(seed_path("scan", "002_4be30ec671f9d110"), options=IngestOptions(ocr=False))
    assert "page 1" in info.value.message


def test_ingest_empty_docx_renamed_pdf(tmp_path):
    fake = tmp_path / "plan.pdf"
    shutil.copyfile(seed_path("docx", "002_4be30ec671f9d110"), fake)
    with pytest.raises(errors.CorruptFileError):
        parse(fake)


def test_ingest_options_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        IngestOptions().ocr = False  # type: ignore[misc]
