"""The record and document models: strict, versioned, and round-tripping through JSON."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas import SCHEMA_VERSION, DateMention, Evidence, ParsedDocument, Record, SourceInfo, TimeValue, Unit


def _source() -> SourceInfo:
    return SourceInfo(path="kh.txt", name="kh.txt", format="txt", sha256="0" * 64, size=10)


@pytest.mark.parametrize("model,data", [
    (Evidence, {"start": 0, "end": 3, "text": "Quý", "confidence": 1}),
    (TimeValue, {"text": "Quý I", "value": "2025-Q1", "granularity": "quarter", "year": 2025}),
    (Unit, {"name": "Sở Nội vụ", "roles": ["lead"], "evidence": [], "alias": "SNV"}),
])
def test_record_models_forbid_unknown_fields(model, data) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)


@pytest.mark.parametrize("granularity", ["week", "", "Day"])
def test_record_time_value_rejects_unknown_granularity(granularity: str) -> None:
    with pytest.raises(ValidationError):
        TimeValue(text="x", value="2024", granularity=granularity)


def test_record_unit_role_is_constrained() -> None:
    with pytest.raises(ValidationError):
        Unit(name="Sở Nội vụ", roles=["boss"], evidence=[])


def test_record_round_trips_through_json() -> None:
    text = "Hội nghị sơ kết dự kiến trong tháng 7/2024"
    ev = Evidence(start=text.index("tháng"), end=len(text), text="tháng 7/2024")
    rec = Record(doc_id="kh", source=_source(), text=text,
                 dates=[DateMention(text="tháng 7/2024", value="2024-07", granularity="month", role="event",
                                    evidence=[ev])])
    back = Record.model_validate_json(rec.model_dump_json())
    assert back == rec
    assert back.schema_version == SCHEMA_VERSION
    assert back.text[ev.start:ev.end] == ev.text


def test_document_page_at_maps_offsets_to_pages() -> None:
    doc = ParsedDocument.model_validate({
        "source": _source().model_dump(), "text": "a" * 20,
        "pages": [{"number": 1, "start": 0, "end": 10}, {"number": 2, "start": 10, "end": 20}],
    })
    assert [doc.page_at(i) for i in (0, 9, 10, 19, 20)] == [1, 1, 2, 2, 2]


def test_document_page_at_gives_the_separator_between_pages_to_the_earlier_page() -> None:
    doc = ParsedDocument.model_validate({
        "source": _source().model_dump(), "text": "a" * 22,
        "pages": [{"number": 1, "start": 0, "end": 10}, {"number": 2, "start": 12, "end": 22}],
    })
    assert [doc.page_at(i) for i in (10, 11, 12)] == [1, 1, 2]
    assert ParsedDocument.model_validate({"source": _source().model_dump(), "text": "a"}).page_at(0) is None


@pytest.mark.parametrize("value,granularity", [
    ("2024-05-30", "day"), ("2024-07", "month"), ("2025-Q1", "quarter"), ("2024-H1", "half"), ("2024", "year"),
    ("2021/2025", "interval"), ("2020-01-01/2020-06-15", "interval"), ("P2D", "duration"), ("PT4H", "duration"),
    ("P5Y", "duration"), ("P90D", "duration"), ("PT30M", "duration"),
])
def test_record_time_value_accepts_contract_grammar(value: str, granularity: str) -> None:
    assert TimeValue(text="x", value=value, granularity=granularity).value == value


@pytest.mark.parametrize("value,granularity", [
    ("2024-13", "month"), ("2024-Q5", "quarter"), ("2024-H3", "half"), ("24", "year"), ("P", "duration"),
    ("2024-07", "day"), ("2021-2025", "interval"), ("PT", "duration"), ("2024-02-32", "day"),
])
def test_record_time_value_rejects_values_off_grammar(value: str, granularity: str) -> None:
    with pytest.raises(ValidationError):
        TimeValue(text="x", value=value, granularity=granularity)
