"""Every seed record validates against the JSON Schema generated from the pydantic model, and the
schema is as strict as the model (unknown fields are refused)."""
from __future__ import annotations

import copy

import jsonschema
import pytest

from pipeline.extract import extract_file
from schemas.record import Record
from tests.conftest import SEED_IDS, seed_path

VALIDATOR = jsonschema.Draft202012Validator(Record.model_json_schema())


@pytest.fixture(scope="module")
def seed_records() -> dict[str, dict]:
    return {doc_id: extract_file(seed_path("txt", doc_id)).model_dump(mode="json") for doc_id in SEED_IDS}


def test_record_jsonschema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(Record.model_json_schema())


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_record_jsonschema_validates_every_seed_record(seed_records, doc_id):
    record = seed_records[doc_id]
    assert record["text"].strip()
    errors = sorted(VALIDATOR.iter_errors(record), key=str)
    assert not errors, errors[:3]


def test_record_jsonschema_forbids_unknown_fields(seed_records):
    record = copy.deepcopy(seed_records[SEED_IDS[0]])
    record["surprise"] = 1
    assert not VALIDATOR.is_valid(record)
    record = copy.deepcopy(seed_records[SEED_IDS[0]])
    record["source"]["surprise"] = 1
    assert not VALIDATOR.is_valid(record)
    record = copy.deepcopy(seed_records[SEED_IDS[0]])
    record["dates"] = [{"text": "tháng 7/2024", "value": "2024-07", "granularity": "month",
                        "evidence": [{"start": 0, "end": 5, "text": "x", "offset": 3}]}]
    assert not VALIDATOR.is_valid(record)
    record["dates"][0]["evidence"][0].pop("offset")
    assert VALIDATOR.is_valid(record)  # the same item without the unknown key is fine


def test_record_jsonschema_refuses_a_wrong_granularity(seed_records):
    record = copy.deepcopy(seed_records[SEED_IDS[0]])
    record["dates"] = [{"text": "tuần sau", "value": "2024-W10", "granularity": "week", "evidence": []}]
    assert not VALIDATOR.is_valid(record)
