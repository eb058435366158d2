"""Mentions that refer back to a meeting already named ("Hội nghị sẽ được tổ chức vào lúc 14h00 ngày ... tại ...",
"Lễ kỷ niệm được tổ chức vào ...", "Hội nghị diễn ra trong 01 buổi chiều"): a bare head names no meeting of its
own, so the time, place and duration of its sentence belong to the meeting the document's title names (or to the
one meeting named before it with that head), not to a second meeting of kind `other`."""
from __future__ import annotations

from extractors.conferences.frames import Frame, Line
from extractors.conferences.lexicon import key
from extractors.conferences.sections import title_frame


def _referent(back: Frame, title: Frame | None, named: list[Frame]) -> Frame | None:
    if title is not None and key(title.name).startswith(back.back):
        return title
    before = [f for f in named if f.pos < back.pos and key(f.name).startswith(back.back)]
    return before[0] if len(before) == 1 else None


def _fill(into: Frame, back: Frame) -> None:
    into.spans.extend(back.spans)
    if back.time is not None and (into.time is None or back.time_rank < into.time_rank):
        into.time, into.time_rank = back.time, back.time_rank
    if back.location and (into.location is None or back.place_rank < into.place_rank):
        into.location, into.place_rank = back.location, back.place_rank
    if back.duration and (into.duration is None or back.duration_rank < into.duration_rank):
        into.duration, into.duration_rank = back.duration, back.duration_rank


def refer_back(lines: list[Line], anchors: list[Frame]) -> list[Frame]:
    """The anchors without the back references, each folded into the meeting it refers to; one whose meeting is
    not found stays a frame of its own, unless it is a bare head ("Hội nghị" and its time)."""
    named = [a for a in anchors if not a.back]
    title = title_frame(lines, named)
    out = []
    for a in anchors:
        referent = _referent(a, title, named) if a.back else None
        if referent is None:
            if not a.pointer:  # a bare head whose meeting is not found names none
                out.append(a)
        else:
            _fill(referent, a)
    return out
