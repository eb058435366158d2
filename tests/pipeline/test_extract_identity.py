"""extract_file writes the source it is given, takes the id from the content, and pages evidence through
ParsedDocument.page_at."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from pipeline.extract import extract_file
from pipeline.ingest import parse

SEEDS = Path("tests/data/seeds")


def test_extract_file_writes_the_given_source_of_a_copy_and_the_content_id(tmp_path) -> None:
    seed = sorted((SEEDS / "txt").glob("*.txt"))[1]
    copy = tmp_path / "vnplan-upload-x1y2.txt"
    shutil.copyfile(seed, copy)
    plain = extract_file(seed)
    named = extract_file(copy, source_path="in/Kế_hoạch_1.txt", source_name="Kế_hoạch_1.txt")
    assert named.doc_id == plain.doc_id == hashlib.sha256(seed.read_bytes()).hexdigest()[:16]
    assert (named.source.path, named.source.name) == ("in/Kế_hoạch_1.txt", "Kế_hoạch_1.txt")
    assert named.source.sha256 == plain.source.sha256 and named.source.format == "txt"
    assert named.model_dump(exclude={"doc_id", "source"}) == plain.model_dump(exclude={"doc_id", "source"})


def test_extract_file_defaults_to_the_file_it_read() -> None:
    seed = sorted((SEEDS / "txt").glob("*.txt"))[0]
    record = extract_file(seed)
    assert record.doc_id == record.source.sha256[:16] and record.source.name == seed.name


def test_extract_pdf_evidence_pages_come_from_page_at() -> None:
    pdf = sorted((SEEDS / "pdf").glob("*.pdf"))[1]
    parsed = parse(pdf)
    record = extract_file(pdf)
    assert len(parsed.pages) > 1
    spans = [ev for task in record.tasks for ev in task.evidence] + [ev for d in record.dates for ev in d.evidence]
    assert {ev.page for ev in spans} - {None} == {parsed.page_at(ev.start) for ev in spans}
    assert len({ev.page for ev in spans}) > 1  # spans on several pages, so the lookup is exercised
