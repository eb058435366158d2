"""A plan's own sections about a meeting: "Thời gian / Địa điểm / Thành phần / Nội dung / Phân công" under its
heading or under the plan's title, the opening of minutes (biên bản), and the units of a meeting's table row."""
from __future__ import annotations

from extractors.conferences.frames import Frame, Line, chain, duration, location, meeting_time, place_cut, unit_name
from extractors.conferences.hosts import label_host
from extractors.conferences.lexicon import conference_words
from extractors.conferences.mentions import kind_at
from extractors.context import DocContext
from extractors.evidence import evidence
from schemas.record import Assignment


def _section_labels(base: str, lines: list[Line], i: int) -> bool:
    """Whether the section under heading ``i`` says when, where or who attends (its own labelled lines)."""
    cw = conference_words()
    level = lines[i].level or 0
    for ln in lines[i + 1:i + 40]:
        if ln.level is not None and ln.level <= level:
            return False
        raw = base[ln.start:ln.end]
        label = cw["numbering"].sub("", raw, count=1)
        if cw["time_label"].match(raw) or cw["place_label"].match(raw) or cw["subsections"][0][0].match(label):
            return True
    return False


def section_headings(text: str, base: str, lines: list[Line], anchors: list[Frame]) -> list[Frame]:
    """A numbered heading that names a meeting without the word "Hội nghị" ("1. Tổ chức phát động thi đua")
    opens a frame when its own section gives the meeting's time, place or participants."""
    cw = conference_words()
    out: list[Frame] = []
    taken = {a.line for a in anchors}
    for i, ln in enumerate(lines):
        if ln.level is None or i in taken:
            continue
        raw = base[ln.start:ln.end]
        label = cw["numbering"].sub("", raw, count=1)
        for words, kind in cw["heading_starts"]:
            if label.startswith(words + " ") and _section_labels(base, lines, i):
                s = ln.start + len(raw) - len(label)
                out.append(Frame(kind=kind, pos=s, line=i, scope=i, heading=True,
                                 name=text[s:ln.end].strip(" .*"), spans=[(s, ln.end)]))
                break
    return out


def minutes_frame(text: str, folded: str, base: str, lines: list[Line], year: int | None,
                  context: DocContext | None) -> Frame | None:
    """The meeting that minutes (biên bản) record: time and place from the opening ("Hôm nay, vào lúc 14 giờ
    ngày 26/9/2025, tại ..."; "Vào hồi 9 giờ ngày ... / Tại: ..."), kind from the title or opening."""
    cw = conference_words()
    title = next((i for i, ln in enumerate(lines[:40]) if cw["minutes_rx"].match(base, ln.start)
                  and ln.end - ln.start < 200), None)
    if title is None:
        return None
    zone_end = lines[min(title + 15, len(lines) - 1)].end
    m = cw["opening_rx"].search(base, lines[title].start, zone_end)
    if m is None:
        return None
    start = m.start() + len(base[m.start():m.end()]) - len(base[m.start():m.end()].lstrip(" *_-"))
    eol = base.find("\n", m.end())
    eol = len(base) if eol == -1 else eol
    tv = meeting_time(text[start:eol], base[start:eol], year, context)
    if tv is None:
        return None
    kind = "other"
    for h in cw["head_rx"].finditer(base, lines[title].start, eol):
        k, _ = kind_at(folded, base, h.start(), h.end())
        if k is not None and k != "other":
            kind = k
            break
    frame = Frame(kind=kind, pos=start, line=title, scope=None, heading=False,
                  name=" ".join(text[lines[title].start:m.start()].split()).strip(" *_"), spans=[(start, eol)],
                  time=tv, time_rank=0, duration=None)
    at = cw["at"].search(base, start, eol)
    if at is None:  # the place on the next line: "Tại: Hội trường ..." / "Địa điểm: ..."
        nxt = base.find("\n", eol + 1)
        nxt = len(base) if nxt == -1 else nxt
        at = cw["at"].match(base, eol + 1, nxt) or cw["place_label"].match(base, eol + 1, nxt)
        if at is not None:
            eol = nxt
            frame.spans.append((at.start(), nxt))
    if at is not None:
        frame.location, frame.place_rank = location(text[at.end():place_cut(text, base, at.end(), eol)]), 0
    return frame


def fill_from_table_rows(text: str, base: str, lines: list[Line], anchors: list[Frame],
                         context: DocContext | None) -> None:
    """A meeting in a table row (STT | Nội dung | Đơn vị chỉ đạo | Đơn vị thực hiện | Đơn vị phối hợp) takes
    its units from the row, by the roles the header row gives the columns."""
    cw = conference_words()
    rows = {a.line: a for a in anchors if "\t" in base[lines[a.line].start:lines[a.line].end]}
    if not rows:
        return
    columns: dict[int, str] = {}
    for i, ln in enumerate(lines):
        raw = base[ln.start:ln.end]
        if "\t" not in raw:
            if raw.strip():
                columns = {}  # the table has ended
            continue
        cells = raw.split("\t")
        if cw["meeting_word"].search(raw) is None and sum(1 for c in cells if cw["content_column"].search(c)) \
                and any(rx.search(c) for c in cells for rx, _ in cw["column_roles"]):
            columns = {}
            for j, c in enumerate(cells):
                role = None if cw["content_column"].search(c) else next(
                    (r for rx, r in cw["column_roles"] if rx.search(c) and len(c) < 40), None)
                if role:
                    columns[j] = role
            continue
        frame = rows.get(i)
        if frame is None or not columns:
            continue
        offset = ln.start
        for j, cell in enumerate(text[ln.start:ln.end].split("\t")):
            role = columns.get(j)
            for part in (cell.split(";") if role else []):  # not " - ": "Ban Thi đua - Khen thưởng" is one name
                part = part.strip(" -+.,")
                if len(part) < 3:
                    continue
                unit = unit_name(part, context)
                frame.assignments.append(Assignment(unit=unit, role=role, action=frame.name[:200] or None,
                                                    evidence=[evidence(text, offset, offset + len(cell))]))
                if role == "lead" and unit not in frame.host:
                    frame.host.append(unit)
            offset += len(cell) + 1


def fill_sections(text: str, folded: str, lines: list[Line], anchors: list[Frame], year: int | None,
                  context: DocContext | None) -> None:
    """Time, duration, place and the Thành phần / Nội dung / Phân công parts from each meeting's section."""
    cw = conference_words()
    by_scope: dict[int, Frame] = {}
    for a in anchors:
        if a.scope is not None and a.scope not in by_scope:
            by_scope[a.scope] = a
    kinds = {a.kind for a in anchors}
    doc_frame = anchors[0] if len(kinds) == 1 and anchors else None
    titled = title_frame(lines, anchors)
    bare_heads = {i for i, ln in enumerate(lines) if ln.level is not None
                  and cw["meeting_word"].search(folded[ln.start:ln.end])}
    slot_heads = {i for i, ln in enumerate(lines) if ln.level is not None
                  and cw["slot_head_rx"].match(cw["numbering"].sub("", folded[ln.start:ln.end], count=1))}
    part: dict[int, tuple[str, Frame]] = {}
    table: int | None = None  # the place column of the table being read
    for i, ln in enumerate(lines):
        raw = folded[ln.start:ln.end]
        heads = chain(lines, i)
        owner = next((by_scope[c] for c in heads if c in by_scope), None)
        if owner is None and doc_frame is not None and any(c in bare_heads for c in heads):
            owner = doc_frame  # a "Thời gian, địa điểm tổ chức Hội nghị" section of a one-meeting plan
        if owner is None and titled is not None and any(c in slot_heads for c in heads):
            owner = titled  # "II. THỜI GIAN, ĐỊA ĐIỂM" of a plan whose title is the meeting
        top = titled or doc_frame
        if owner is None and not heads and top is not None and i > top.line:
            owner = top  # "Thời gian: ... / Địa điểm: ..." of an invitation or notice with no numbered sections
        if owner is None:
            table = None
            continue
        if "\t" in raw:
            table = _table_place(text, raw, ln, owner, table)
            continue
        table = None
        # labels run together on one line ("1. Thời gian: ... (thứ Năm). 2. Địa điểm: ...", as a PDF's text layer
        # flows short lines): each is read up to the next
        cuts = [m.end() for m in cw["inline_label_rx"].finditer(raw)]
        read = [_read_label(text, folded, lines, i, (s, e), owner, year, context)
                for s, e in zip([ln.start] + [ln.start + c for c in cuts], [ln.start + c for c in cuts] + [ln.end])]
        if any(read):
            continue
        if label_host(text, folded, ln, owner, context):  # "Chủ trì: ...", "Đơn vị tổ chức: ..."
            owner.labelled = True
            continue
        if ln.level is not None and (ln.level >= 2 or owner is titled):
            label = cw["numbering"].sub("", raw, count=1)
            for rx, slot in cw["subsections"]:
                # a numbered section ("3. Thành phần:") only when it is that label; a sub-item may say more
                if (rx.match(label) if ln.level <= 2 else rx.search(raw[:60])):
                    part[i] = (slot, owner)
                    owner.labelled = True
                    colon = raw.find(":")
                    inline = text[ln.start + colon + 1:ln.end].strip(" *_.") if colon != -1 else ""
                    if inline and slot == "participants":  # "4. Thành phần tham dự: Lãnh đạo Bộ; ..."
                        owner.participants.append(inline)
                    break
        sub = next(((s, o) for c in heads if c in part for s, o in [part[c]] if o is owner), None)
        if sub is None or ln.level is not None:
            continue
        item = text[ln.start:ln.end].strip(" -+*\t")
        if not item:
            continue
        slot, frame = sub
        if slot == "participants":
            frame.participants.append(item)
        elif slot == "agenda":
            frame.agenda.append(item)
        else:
            _assign(text, raw, ln, item, frame)


def _read_label(text: str, folded: str, lines: list[Line], i: int, seg: tuple[int, int], owner: Frame,
                year: int | None, context: DocContext | None) -> bool:
    """A time, duration or place label in ``seg`` of line ``i`` ("Thời gian: 01 buổi, ngày ...", "Thời lượng: 02
    giờ", "Địa điểm: ...") fills the meeting's slot (over what a sentence said). Whether it was one."""
    cw = conference_words()
    raw = folded[seg[0]:seg[1]]
    tm = cw["time_label"].match(raw)
    dm = None if tm else cw["duration_label"].match(raw)
    pm = None if tm or dm else cw["place_label"].match(raw)
    m = tm or dm or pm
    if m is None:
        return False
    vs, ve = _label_value(folded, lines, i, seg, m.end(), 2 if tm and tm.group("and_place") else 1)
    value = folded[vs:ve]
    if tm:
        tv = None if cw["recurring_rx"].search(value) else meeting_time(text[vs:ve], value, year, context,
                                                                         day_spans=True)
        if tv and owner.time_rank > 0:
            owner.time, owner.time_rank = tv, 0
        place = cw["at_place"].search(value)
        if place and tm.group("and_place") and owner.place_rank > 0:
            owner.location, owner.place_rank = location(text[vs + place.start():ve]), 0
    if tm or dm:
        said = duration(text[vs:ve], value)
        if said and owner.duration_rank > 0:  # the label says how long, over what a sentence said
            owner.duration, owner.duration_rank = said, 0
    elif owner.place_rank > 0:  # the label says where, over the place a sentence gave
        owner.location, owner.place_rank = location(text[vs:ve]), 0
    owner.spans.append((vs, ve))
    owner.labelled = True
    return True


def _assign(text: str, raw: str, ln: Line, item: str, frame: Frame) -> None:
    """A Phân công line ("Sở Nội vụ chủ trì, ..."): the unit before the first role word, in that role."""
    cw = conference_words()
    for rm in cw["role_rx"].finditer(raw):
        unit = text[ln.start:ln.start + rm.start()].strip(" -+*,")
        if not unit or len(unit) > 200:
            break
        role = cw["role_of"][rm.group(1)]
        frame.assignments.append(Assignment(unit=unit_name(unit), role=role, action=item[:200],
                                            evidence=[evidence(text, ln.start, ln.end)]))
        if role == "lead" and unit_name(unit) not in frame.host:
            frame.host.append(unit_name(unit))
        break


def _table_place(text: str, raw: str, ln: Line, owner: Frame, column: int | None) -> int | None:
    """A table in a meeting's section with a place column ("Buổi | Thời gian | Địa điểm", "Điểm cầu | Địa điểm |
    Thành phần"): the place of its first row, or of the main point of an online meeting ("Điểm cầu chính"), is
    the meeting's location. Returns the place column for the next row."""
    cw = conference_words()
    cells = raw.split("\t")
    if column is None:
        return next((j for j, c in enumerate(cells) if cw["place_column"].fullmatch(c.strip(" *_:"))), None)
    if column >= len(cells):
        return column
    main = cw["main_point"].search(cells[0]) is not None
    if main and owner.place_rank > 0 or owner.location is None:
        start = ln.start + sum(len(c) + 1 for c in cells[:column])
        place = location(text[start:start + len(cells[column])])
        if place:
            owner.location, owner.place_rank = place, 0 if main else owner.place_rank
            owner.spans.append((start, start + len(cells[column])))
    return column


def title_frame(lines: list[Line], anchors: list[Frame]) -> Frame | None:
    """The meeting a document's title names ("KẾ HOẠCH / Tổ chức Hội nghị tổng kết ..."): one kind of meeting
    anchored before the first numbered heading."""
    first = next((i for i, ln in enumerate(lines) if ln.level is not None), len(lines))
    title = [a for a in anchors if a.line < min(first, 30)]
    if len({a.kind for a in title}) > 1:  # "Lễ kỷ niệm ... và Hội nghị tuyên dương ...": the meeting of a kind
        title = [a for a in title if a.kind != "other"]
    return title[0] if title and len({a.kind for a in title}) == 1 else None


def _label_value(folded: str, lines: list[Line], i: int, seg: tuple[int, int], label_end: int,
                 items: int = 1) -> tuple[int, int]:
    """The span of a label's value: the rest of its segment ``seg`` of line ``i`` (the line, or its part up to the
    next label), or the next line when the label stands alone
    ("Thời gian:" / "Ngày 20 tháng 12 năm 2025"), past a blank line; a label of two slots ("Thời gian và địa
    điểm:") takes its ``items`` lines ("- Từ 8 giờ, ngày 19/11/2025." / "- Tại Hội trường ...")."""
    cw = conference_words()
    ln = lines[i]
    vs = seg[0] + label_end
    if folded[vs:seg[1]].strip(" *_") or seg[1] < ln.end:
        return vs, seg[1]
    span: tuple[int, int] | None = None
    for nxt in lines[i + 1:i + 1 + 2 * items]:
        raw = folded[nxt.start:nxt.end]
        if not raw.strip():
            continue
        if nxt.level is not None or cw["time_label"].match(raw) or cw["place_label"].match(raw):
            break
        span = (span[0] if span else nxt.start, nxt.end)
        items -= 1
        if not items:
            break
    return span or (vs, ln.end)
