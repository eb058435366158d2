"""The registry of fact kinds reaches every place that lists kinds: a kind missing anywhere fails here."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipeline import archive, evaluate, export, nlp, review
from pipeline.extract import extract_file
from pipeline.kinds import FIELDS, KINDS
from schemas.record import Record

SEEDS = sorted(Path("tests/data/seeds/txt").glob("*.txt"))


@pytest.fixture(scope="module")
def records() -> list[Record]:
    # two seed plans that between them hold items of every kind
    return [extract_file(SEEDS[1]), extract_file(SEEDS[3])]


def _with(records: list[Record], key: str) -> Record:
    return next(r for r in records if getattr(r, key))


def test_kinds_registry_names_every_list_field_of_the_record() -> None:
    item_fields = [name for name, info in Record.model_fields.items()
                   if getattr(info.annotation, "__origin__", None) is list
                   and name not in ("blocks", "pages", "warnings", "corrections")]
    assert list(FIELDS) == item_fields
    for kind in KINDS:
        assert Record.model_fields[kind.key].annotation == list[kind.model]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_kinds_every_kind_has_a_spacy_component_writing_its_span_group(kind, records) -> None:
    record = _with(records, kind.key)
    nlp_ = nlp.get_nlp()
    assert kind.component in nlp_.pipe_names
    assert "doc.spans" in nlp_.get_pipe_meta(kind.component).assigns
    doc = nlp_(record.text)
    assert kind.key in doc.spans
    assert nlp.items_of(doc, kind.key) == getattr(record, kind.key)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_kinds_every_kind_has_an_export_table_archive_table_review_label_and_scorer(kind, records, tmp_path) -> None:
    record = _with(records, kind.key)
    assert export.ITEM_TABLES[kind.key] is kind.model
    assert kind.key in export.fact_tables([record])
    assert kind.key in archive.FACT_KINDS
    con = sqlite3.connect(tmp_path / "a.sqlite")
    con.executescript(archive.SCHEMA)
    columns = [row[1] for row in con.execute(f"PRAGMA table_info({kind.key})")]
    rows = archive.fact_rows(record)[kind.key]
    assert len(rows) == len(getattr(record, kind.key)) > 0
    for row in rows:  # a row builder and its declared columns agree
        assert list(row) == columns[1:]
    assert kind.key in review.KINDS
    assert kind.key in {f.kind for f in review.collect_facts(record)[0]}
    assert kind.key in dict(evaluate.SCORERS)
    assert kind.key in evaluate.FACT_FIELDS
    assert kind.report_name in evaluate.format_report(evaluate.Report())


def test_kinds_review_describes_items_as_before(records) -> None:
    facts: dict[str, str] = {}
    for fact in review.collect_facts(records[0])[0]:
        facts.setdefault(fact.kind, fact.label)  # the first item of each kind
    task = records[0].tasks[0].description
    assert facts["tasks"] == (task if len(task) <= 120 else task[:117] + "…")
    unit = records[0].units[0]
    assert facts["units"].startswith(unit.name)
