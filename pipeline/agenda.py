"""The agenda: every deadline, event and conference across the archive's documents, in a date range.

One line per fact, read from the archive that ``vnplan index`` builds:

- ``deadline`` and ``event``: a date mention with that role;
- ``conference``: a conference with a time (a date mention inside a conference with the same value is the
  conference itself, so it is not listed twice).

A line's ``unit`` is the unit responsible for it: the host of a conference, the lead units of the task whose
text holds the date, else the document's issuer. A line is in the range when the days its value covers
(``TimeValue.start``/``end``) overlap the range, so "quý III/2024" is on the agenda of August 2024.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from extractors.lexicon import read_yaml
from pipeline.archive import require_choice, require_province
from pipeline.folding import search_key
from schemas.errors import ArchiveError, ArchiveNotFoundError, InvalidDateError

KINDS = ("deadline", "event", "conference")
FORMATS = ("text", "csv", "json", "ics")
# the labels of an event's description in the ICS calendar ("Đơn vị", "Văn bản", ...)
_LABELS = read_yaml("display_labels.yaml")["agenda_event"]
#: the longest "what" a line carries: the line of text around the date, cut at a word
_WHAT_CHARS = 200


@dataclass
class AgendaItem:
    start: str
    end: str
    kind: str
    value: str
    when: str  # the words as written, e.g. "quý III năm 2024"
    what: str  # the conference's kind and name, or the line of text around the date
    unit: str
    doc_id: str  # the content id of the rendition the item was read from
    document_key: str | None  # shared by the renditions of one document (DOCX, PDF, scan...)
    source_name: str | None  # that rendition's file name
    document: str  # type, number/code and title, e.g. "Kế hoạch 15/KH-UBND: Tổ chức ..."
    province: str | None
    evidence_start: int | None
    evidence_end: int | None
    evidence_page: int | None
    evidence_text: str


def parse_day(option: str, value: str | None) -> str | None:
    """An ISO day from a command-line option, or an InvalidDateError."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidDateError(option, value=value) from None


def _line_around(text: str, start: int, end: int) -> str:
    """The line of the document that holds a span: what the date is about."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = " ".join(text[a:b if b >= 0 else len(text)].replace("\t", " ").split())
    if len(line) > _WHAT_CHARS:
        line = line[:_WHAT_CHARS].rsplit(" ", 1)[0] + " …"
    return line


def _one_rendition_each(items: list[AgendaItem]) -> list[AgendaItem]:
    """The items of one rendition per document (the one with the most items; then by file name): the DOCX,
    PDF and scan of one plan hold the same dates, listed once, as a search shows one hit per document."""
    by_doc: dict[str, list[AgendaItem]] = {}
    for i in items:
        by_doc.setdefault(i.doc_id, []).append(i)
    best: dict[str, str] = {}
    for doc_id, its in sorted(by_doc.items(), key=lambda kv: (-len(kv[1]), kv[1][0].source_name or "", kv[0])):
        best.setdefault(its[0].document_key or doc_id, doc_id)
    keep = set(best.values())
    return [i for i in items if i.doc_id in keep]


def _document_label(doc: sqlite3.Row) -> str:
    ref = "/".join(x for x in (doc["number"], doc["code"]) if x)
    head = " ".join(x for x in (doc["type"], ref) if x)
    return f"{head}: {doc['title']}" if head and doc["title"] else (head or doc["title"] or doc["doc_id"])


def _spans(evidence_json: str | None) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in json.loads(evidence_json or "[]")]


def _inside(start: int | None, spans: list[tuple[int, int]]) -> bool:
    return start is not None and any(a <= start < b for a, b in spans)


def agenda(db_path: str | Path, *, date_from: str | None = None, date_to: str | None = None,
           unit: str | None = None, province: str | None = None, kind: str | None = None) -> list[AgendaItem]:
    """Deadlines, events and conferences whose days overlap [date_from, date_to] (either end open), in date
    order; ``unit`` matches part of the line's unit (diacritic-insensitive), ``province`` the document's
    province (a post-2025 province covers the old ones merged into it), ``kind`` one of :data:`KINDS`."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise ArchiveNotFoundError(db_path)
    date_from, date_to = parse_day("--from", date_from), parse_day("--to", date_to)
    kinds = (require_choice("--kind", kind, KINDS),) if kind else KINDS
    olds = set(require_province("--province", province)) if province else None
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        docs = {r["doc_id"]: r for r in con.execute(
            "SELECT doc_id, document_key, source_name, type, number, code, title, issuer, province, text "
            "FROM documents")}
        dates = con.execute("SELECT * FROM dates WHERE role IN ('deadline', 'event') AND date_start IS NOT NULL"
                            ).fetchall()
        conferences = con.execute("SELECT * FROM conferences WHERE time_start IS NOT NULL").fetchall()
        tasks = con.execute("SELECT doc_id, lead, evidence FROM tasks WHERE lead != ''").fetchall()
    except sqlite3.OperationalError as exc:  # an archive from an older version: `vnplan index` upgrades it
        raise ArchiveError(db_path, reason=" ".join(str(exc).split())) from None
    finally:
        con.close()

    task_spans: dict[str, list[tuple[list[tuple[int, int]], str]]] = {}
    for t in tasks:
        task_spans.setdefault(t["doc_id"], []).append((_spans(t["evidence"]), t["lead"]))
    conference_spans: dict[str, list[tuple[list[tuple[int, int]], str, str]]] = {}
    for c in conferences:
        conference_spans.setdefault(c["doc_id"], []).append((_spans(c["evidence"]), c["time"], c["host"] or ""))

    items: list[AgendaItem] = []

    def add(row: sqlite3.Row, kind_: str, value: str, when: str, start: str, end: str, what: str,
            unit_: str) -> None:
        doc = docs.get(row["doc_id"])
        if doc is None:
            return
        evidence = json.loads(row["evidence"] or "[]")
        items.append(AgendaItem(
            start=start, end=end, kind=kind_, value=value, when=when, what=what,
            unit=unit_ or doc["issuer"] or "", doc_id=row["doc_id"], document_key=doc["document_key"],
            source_name=doc["source_name"], document=_document_label(doc),
            province=doc["province"], evidence_start=row["start"], evidence_end=row["end"],
            evidence_page=row["page"], evidence_text=evidence[0]["text"] if evidence else ""))

    if "conference" in kinds:
        for c in conferences:
            what = " - ".join(x for x in (c["kind"].replace("_", " "), c["name"]) if x)
            add(c, "conference", c["time"], " ".join((c["time_text"] or "").split()), c["time_start"], c["time_end"], what,
                c["host"] or "")
    for d in dates:
        if d["role"] not in kinds:
            continue
        if any(value == d["value"] and _inside(d["start"], spans)
               for spans, value, _ in conference_spans.get(d["doc_id"], [])):
            continue  # the conference's own time, listed as the conference
        lead = next((lead for spans, lead in task_spans.get(d["doc_id"], []) if _inside(d["start"], spans)), "")
        doc = docs.get(d["doc_id"])
        what = _line_around(doc["text"], d["start"], d["end"]) if doc is not None and d["start"] is not None else ""
        add(d, d["role"], d["value"], " ".join(d["text"].split()), d["date_start"], d["date_end"], what, lead)

    items = _one_rendition_each(items)
    key = search_key(unit) if unit else None
    chosen = [i for i in items
              if (date_from is None or i.end >= date_from) and (date_to is None or i.start <= date_to)
              and (key is None or key in search_key(i.unit))
              and (olds is None or i.province in olds)]
    return sorted(chosen, key=lambda i: (i.start, i.end, i.doc_id, i.evidence_start or 0))


# -- output formats ----------------------------------------------------------------------------

def to_text(items: list[AgendaItem]) -> str:
    lines = []
    for i in items:
        days = i.start if i.start == i.end else f"{i.start}..{i.end}"
        lines.append(f"{days}  {i.kind:<10}  {i.what}")
        lines.append(f"    unit: {i.unit}")
        lines.append(f"    document: {i.source_name} [{i.doc_id}] ({i.document})")
        lines.append(f"    evidence: \"{i.evidence_text}\" at {i.evidence_start}"
                     + (f", page {i.evidence_page}" if i.evidence_page else ""))
    lines.append(f"{len(items)} item{'s' if len(items) != 1 else ''}")
    return "\n".join(lines) + "\n"


def to_csv(items: list[AgendaItem]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(AgendaItem.__dataclass_fields__))
    writer.writeheader()
    for i in items:
        writer.writerow(asdict(i))
    return buf.getvalue()


def to_json(items: list[AgendaItem]) -> str:
    return json.dumps([asdict(i) for i in items], ensure_ascii=False, indent=2)


def to_ics(items: list[AgendaItem]) -> bytes:
    """An iCalendar file (RFC 5545, built by the icalendar library): one all-day event per line, spanning
    the days its value covers, with the document, unit and evidence in the description."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//vnplan//agenda//VI")
    cal.add("version", "2.0")
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for i in items:
        event = icalendar.Event()
        event.add("uid", f"{i.doc_id}-{i.kind}-{i.evidence_start}-{i.value}@vnplan")
        event.add("dtstamp", stamp)
        event.add("dtstart", dt.date.fromisoformat(i.start))
        event.add("dtend", dt.date.fromisoformat(i.end) + dt.timedelta(days=1))  # DTEND of a day is exclusive
        event.add("summary", f"[{i.kind}] {i.what}")
        event.add("categories", [i.kind])
        event.add("description", "\n".join((
            f"{i.when} ({i.value})", f"{_LABELS['unit']}: {i.unit}",
            f"{_LABELS['document']}: {i.document} ({i.source_name} [{i.doc_id}])",
            f"{_LABELS['quote']}: \"{i.evidence_text}\" ({_LABELS['character']} {i.evidence_start}"
            + (f", {_LABELS['page']} {i.evidence_page})" if i.evidence_page else ")"))))
        cal.add_component(event)
    return cal.to_ical()


def render(items: list[AgendaItem], fmt: str) -> bytes:
    require_choice("--format", fmt, FORMATS)
    if fmt == "ics":
        return to_ics(items)
    return {"text": to_text, "csv": to_csv, "json": to_json}[fmt](items).encode("utf-8")


__all__ = ["AgendaItem", "KINDS", "FORMATS", "agenda", "render", "parse_day"]
