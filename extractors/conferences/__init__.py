"""Conferences extractor: review meetings, exchanges, exemplar conferences, emulation congresses, launches.

A plan names its own meetings in three places: the content list ("2. Tổ chức Hội nghị sơ kết ..."), a
detailed section ("1. Tổ chức hội nghị sơ kết 6 tháng đầu năm 2024" with "Thời gian: 02 ngày, dự kiến
trong tháng 7/2024", "Địa điểm: Tại tỉnh Hải Dương", Thành phần, Nội dung, Phân công) and appendix table
rows under quarter headings ("Quý IV"). Only an *anchored* mention (a heading, the object of "tổ chức" /
"tham dự", a table row) opens a frame; other mentions ("phục vụ Hội nghị sơ kết", "dự Đại hội") only add
evidence to a frame of their kind. Frames of one kind merge when their times agree or one has none.

Modules: ``lexicon`` (the data files, compiled once), ``frames`` (lines, the frame, time, duration, place,
merging), ``mentions`` (heads, kinds, anchoring, table quarters), ``sections`` (a meeting's own labelled
sections, minutes, table rows' units).
"""
from __future__ import annotations

from extractors.conferences.frames import document_lines, document_year, merge
from extractors.conferences.hosts import fill_hosts
from extractors.conferences.mentions import (SENT_END, SENTENCE_REACH, Sentences, anchored_mentions,
                                             table_periods, table_row_meetings)
from extractors.conferences.references import refer_back
from extractors.conferences.sections import fill_from_table_rows, fill_sections, minutes_frame, section_headings
from extractors.conferences.visits import recorded_visit
from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.view import DocumentView, as_view
from schemas.record import Conference


def extract_conferences(doc: DocumentView | str, context: DocContext | None = None) -> list[Conference]:
    """Every meeting the plan organises or attends, one frame per meeting, with evidence. Never None."""
    view = as_view(doc)
    text = view.text
    folded, base = view.flowed  # hard-wrapped lines joined; base, without tone marks, is what patterns read
    lines = document_lines(text)
    year = document_year(text, context)
    table_period = table_periods(text, base, lines, year)
    anchors, loose = anchored_mentions(text, folded, base, lines, year, context, table_period)
    anchors.extend(section_headings(text, base, lines, anchors))
    minutes = minutes_frame(text, folded, base, lines, year, context)
    if minutes is not None:
        anchors.append(minutes)
    visit = recorded_visit(text, folded, base, lines, year, context)  # "Ngày ..., <leader> đã đi kiểm tra ..."
    if visit is not None:
        anchors.append(visit)
    anchors.extend(table_row_meetings(text, base, lines, anchors, table_period))
    anchors = refer_back(lines, anchors)
    fill_sections(text, base, lines, anchors, year, context)
    fill_from_table_rows(text, base, lines, anchors, context)
    frames = merge(anchors)
    fill_hosts(text, base, lines, frames, context)
    for kind, s, e in loose:
        for f in frames:
            if f.kind == kind:
                f.spans.append((s, e))
                break
    out = []
    for f in frames:
        if f.kind == "other" and f.time is None and not f.congress and not (
                f.labelled and (f.duration or f.participants or (f.location and f.place_rank == 0))):
            continue  # a meeting of no kind is kept with a time, with its own section ("Thời gian: 01 ngày"), or
            # as a congress ("Tổ chức Đại hội Đoàn các cấp")
        spans = sorted(set(f.spans))
        spans += sorted(set(f.host_spans) - set(spans))  # the mention first, then where its host is named
        out.append(Conference(
            kind=f.kind, name=f.name or None, time=f.time, duration=f.duration, location=f.location,
            host=f.host, participants=f.participants, agenda=f.agenda, assignments=f.assignments,
            evidence=[ev for ev in (evidence(text, s, e) for s, e in spans) if ev.text]))
    return [c for c in out if c.evidence]


__all__ = ["SENTENCE_REACH", "SENT_END", "Sentences", "extract_conferences"]
