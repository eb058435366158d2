"""`vnplan agenda`: deadlines, events and conferences of every archived document in a date range."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from pipeline.agenda import agenda, render
from pipeline.archive import build_index
from pipeline.cli import app
from schemas.errors import InvalidDateError, UnknownValueError

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds" / "txt"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("agenda") / "archive.sqlite"
    build_index(SEEDS, path)
    return path


def test_agenda_lists_what_overlaps_the_range_across_documents(db):
    items = agenda(db, date_from="2024-07-01", date_to="2024-09-30")
    assert {i.source_name[:3] for i in items} == {"000", "001"}  # two plans, two provinces
    assert all(i.end >= "2024-07-01" and i.start <= "2024-09-30" for i in items)
    # a quarter is on the agenda of the days it covers, a day only of its own
    q3 = next(i for i in items if i.value == "2024-Q3")
    assert (q3.kind, q3.start, q3.end) == ("conference", "2024-07-01", "2024-09-30")
    deadline = next(i for i in items if i.kind == "deadline")
    assert (deadline.start, deadline.evidence_text) == ("2024-07-05", "ngày 05/7/2024")
    assert [i.start for i in items] == sorted(i.start for i in items)
    for i in items:  # every line is grounded in its document's text
        assert i.unit and i.document and i.evidence_text and i.evidence_start is not None


def test_agenda_does_not_list_a_conference_twice_as_an_event(db):
    items = agenda(db, date_from="2024-07-01", date_to="2024-07-31")
    assert [i.kind for i in items if i.source_name.startswith("000") and i.value == "2024-07"] == ["conference"]


@pytest.mark.parametrize("kind", ["deadline", "conference"])
def test_agenda_filters_by_kind(db, kind):
    items = agenda(db, kind=kind)
    assert items and {i.kind for i in items} == {kind}
    # in the seeds every event is the time of a conference, so it is listed once, as the conference
    assert agenda(db, kind="event") == []


def test_agenda_filters_by_unit_and_province(db):
    hosted = agenda(db, unit="so giao duc")
    assert hosted and all("Giáo dục" in i.unit for i in hosted)
    # Nam Định, Hà Nam and Ninh Bình became Ninh Bình in 2025
    merged = agenda(db, province="Ninh Bình")
    assert merged and {i.province for i in merged} <= {"Nam Định", "Hà Nam", "Ninh Bình"}


def test_agenda_refuses_unknown_values(db):
    with pytest.raises(UnknownValueError, match="unknown value 'meeting'; allowed: deadline, event, conference"):
        agenda(db, kind="meeting")
    with pytest.raises(UnknownValueError, match="unknown value 'Atlantis'; allowed: .*Ninh Bình"):
        agenda(db, province="Atlantis")
    with pytest.raises(InvalidDateError):
        agenda(db, date_from="2024-13-01")


def test_agenda_ics_parses_back_with_the_days_of_each_item(db):
    items = agenda(db, date_from="2024-01-01", date_to="2024-12-31")
    cal = icalendar.Calendar.from_ical(render(items, "ics"))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(items) > 3
    for event, item in zip(events, items):
        assert event.decoded("dtstart") == date.fromisoformat(item.start)
        assert (event.decoded("dtend") - date.fromisoformat(item.end)).days == 1  # exclusive end
        assert item.doc_id in str(event["description"]) and item.kind in str(event["summary"])
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_cli_agenda_writes_csv_json_and_ics(db, tmp_path):
    runner = CliRunner()
    args = ["agenda", "--db", str(db), "--from", "2024-07-01", "--to", "2024-09-30"]
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    assert "2024-07-05  deadline" in text.output and text.output.rstrip().endswith("3 items")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "--format", "csv"]).output)))
    assert [r["start"] for r in rows] == [i.start for i in agenda(db, date_from="2024-07-01", date_to="2024-09-30")]
    as_json = json.loads(runner.invoke(app, [*args, "--format", "json", "--kind", "conference"]).output)
    assert {x["kind"] for x in as_json} == {"conference"}
    ics = tmp_path / "agenda.ics"
    assert runner.invoke(app, [*args, "--format", "ics", "--out", str(ics)]).exit_code == 0
    assert len(list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))) == len(rows)
    bad = runner.invoke(app, [*args, "--kind", "meeting"])
    assert bad.exit_code == 2 and "unknown value" in bad.output
