"""Hostile input: every file of the generated bad corpus gives a record or one clean error, never a crash."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.backends.base import IngestOptions
from pipeline.extract import extract_file
from schemas import errors

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"


@pytest.fixture(scope="module")
def bad() -> Path:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_bad_corpus.py"), str(BAD)], check=True,
                   capture_output=True)
    return BAD


@pytest.mark.parametrize("name,error", [
    ("empty.txt", errors.EmptyFileError),
    ("empty.pdf", errors.EmptyFileError),
    ("truncated.pdf", errors.CorruptFileError),
    ("random.pdf", errors.CorruptFileError),
    ("encrypted_password.pdf", errors.EncryptedFileError),
    ("renamed_text.docx", errors.CorruptFileError),
    ("zip_bomb.docx", errors.FileTooLargeError),
    ("junk.txt", errors.NotTextError),
])
def test_hostile_bad_file_raises_typed_one_line_error(bad: Path, name: str, error: type) -> None:
    with pytest.raises(error) as info:
        extract_file(bad / name)
    message = str(info.value)
    assert "\n" not in message and name in message


def test_hostile_image_only_pdf_without_ocr_says_ocr_was_switched_off(bad: Path) -> None:
    with pytest.raises(errors.OcrSwitchedOffError) as info:
        extract_file(bad / "image_only.pdf", options=IngestOptions(ocr=False))
    assert "OCR was switched off (--no-ocr)" in str(info.value) and "install" not in str(info.value)
    assert info.value.code == "ocr_off"


@pytest.mark.parametrize("name", ["encrypted_empty_password.pdf", "junk_prefix.pdf"])
def test_hostile_readable_pdf_variants_give_records(bad: Path, name: str) -> None:
    rec = extract_file(bad / name)
    assert "Hội nghị sơ kết" in rec.text
    assert rec.dates and rec.citations


def _facts(path: Path) -> dict:
    rec = extract_file(path)
    return {
        "dates": sorted({d.value for d in rec.dates}),
        "citations": sorted({c.number or c.title or "" for c in rec.citations}),
        "units": sorted({u.name for u in rec.units}),
        "awards": sorted({a.name for a in rec.awards}),
        "conferences": sorted({(c.kind, c.time.value if c.time else "") for c in rec.conferences}),
        "movements": sorted({m.name for m in rec.movements}),
    }


@pytest.mark.parametrize("variant,reference", [
    ("plan_nfd.txt", "plan_unicode.txt"),
    ("plan_tcvn3.txt", "plan_tcvn3_as_unicode.txt"),
    ("plan_vni.txt", "plan_vni_as_unicode.txt"),
])
def test_hostile_legacy_and_nfd_text_give_the_same_facts(bad: Path, variant: str, reference: str) -> None:
    ours, ref = _facts(bad / variant), _facts(bad / reference)
    assert ref["dates"] and ref["citations"], "the reference plan must have facts to compare"
    assert ours == ref


def test_hostile_english_document_warns_and_invents_nothing(bad: Path) -> None:
    rec = extract_file(bad / "english.txt")
    assert rec.warnings
    assert not (rec.citations or rec.units or rec.awards or rec.conferences or rec.movements or rec.tasks)
    assert rec.document.type is None and rec.document.number is None


def test_hostile_same_content_under_two_names_gives_two_equal_records(bad: Path) -> None:
    a, b = extract_file(bad / "same_content_a.txt"), extract_file(bad / "same_content_b.txt")
    assert a.source.name != b.source.name
    assert a.doc_id == b.doc_id and a.document_key == b.document_key  # ids come from the content, not the name
    assert a.model_dump(exclude={"doc_id", "source"}) == b.model_dump(exclude={"doc_id", "source"})


def test_hostile_large_text_file_is_bounded(bad: Path) -> None:
    """50 MB of text: refused by the size limit or read with a warning, never an unbounded run."""
    try:
        rec = extract_file(bad / "big.txt")
    except errors.FileTooLargeError as exc:
        assert "limit" in str(exc)
    else:
        assert rec.warnings


@pytest.mark.slow  # every hostile file, .doc ones through LibreOffice
@pytest.mark.timeout(600)
def test_hostile_batch_goes_on_and_reports_each_failure(bad: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    small = tmp_path / "in"
    small.mkdir()
    for p in bad.iterdir():
        if p.name != "big.txt":
            (small / p.name).write_bytes(p.read_bytes())
    res = subprocess.run([str(Path(sys.executable).parent / "vnplan"), "extract", str(small), "--out", str(out),
                          "--jobs", "2", "--quiet"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stdout + res.stderr
    lines = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    failed = {Path(x["file"]).name for x in lines}
    records = {p.name for p in out.glob("*.json")}
    for p in small.iterdir():
        has_record = f"{p.stem}.json" in records or any(r.startswith(f"{p.stem}.") for r in records)
        assert (p.name in failed) != has_record, p.name
    assert {"empty.txt", "truncated.pdf", "zip_bomb.docx", "junk.txt"} <= failed
    assert all(x["message"] and "\n" not in x["message"] for x in lines)
