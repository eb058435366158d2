"""Document identity on the seeds, which exist in five renditions each (TXT, DOCX, DOC, PDF, scanned PDF):
one content id per file, one document_key per document, and one archive hit per document."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from pipeline.archive import build_index, search
from pipeline.batch import BatchOptions, run_batch
from pipeline.extract import extract_file
from pipeline.identity import document_key
from schemas.record import Record

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
FORMATS = {"txt": ".txt", "docx": ".docx", "doc": ".doc", "pdf": ".pdf", "scan": ".pdf"}
PLANS = ("000_0a0c4b2e8b83855c", "003_be6c1cea0ccb87ad")  # LibreOffice and OCR take seconds: two are enough


@pytest.fixture(scope="module")
def renditions() -> dict[str, list[Record]]:
    return {plan: [extract_file(SEEDS / fmt / f"{plan}{suffix}") for fmt, suffix in FORMATS.items()]
            for plan in PLANS}


@pytest.mark.slow
def test_identity_five_renditions_share_one_document_key(renditions) -> None:
    keys = {plan: {r.document_key for r in records} for plan, records in renditions.items()}
    assert all(len(k) == 1 for k in keys.values()), keys
    assert len({next(iter(k)) for k in keys.values()}) == len(PLANS)  # two documents, two keys
    for plan, records in renditions.items():
        assert len({r.doc_id for r in records}) == len(FORMATS)  # five files, five content ids
        for (fmt, suffix), r in zip(FORMATS.items(), records):
            data = (SEEDS / fmt / f"{plan}{suffix}").read_bytes()
            assert r.doc_id == hashlib.sha256(data).hexdigest()[:16]
            assert r.source.name == f"{plan}{suffix}" and document_key(r) == r.document_key


@pytest.mark.slow
def test_identity_archive_shows_one_hit_per_document_with_its_renditions(renditions, tmp_path) -> None:
    db = tmp_path / "archive.sqlite"
    build_index([r for records in renditions.values() for r in records], db)
    hits = search(db, "hoi nghi so ket giao uoc thi dua 6 thang dau nam 2020")
    assert len(hits) == 1
    assert sorted(x["source_name"] for x in hits[0].renditions) == sorted(
        f"{PLANS[1]}{suffix}" for suffix in FORMATS.values())
    assert {x["doc_id"] for x in hits[0].renditions} == {r.doc_id for r in renditions[PLANS[1]]}
    everything = search(db, "")
    assert len(everything) == len(PLANS) and all(len(h.renditions) == len(FORMATS) for h in everything)


def test_identity_same_named_documents_in_two_folders_stay_two_records(tmp_path) -> None:
    for folder, plan in (("a", "001_0a1aa67df8461fe0"), ("b", "002_4be30ec671f9d110")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        shutil.copyfile(SEEDS / "txt" / f"{plan}.txt", tmp_path / "in" / folder / "kehoach.txt")
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, options=BatchOptions(jobs=1, progress=False))
    assert sorted(p.name for p in out.glob("[!.]*.json")) == ["kehoach.json", "kehoach.txt.json"]
    db = tmp_path / "archive.sqlite"
    build_index(out, db)  # the second one indexed after the first, as in the issue
    hits = search(db, "")
    assert len(hits) == 2 and len({h.doc_id for h in hits}) == 2
    assert {h.source_name for h in hits} == {"kehoach.txt"}
