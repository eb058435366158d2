"""Tasks: rows of assignment tables (read in ``extractors/task_tables.py``) and clear prose assignments."""
from __future__ import annotations

import re

from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.names import canonical_unit
from extractors.task_blocks import TaskBlock, goes_on_item, list_item, task_blocks
from extractors.task_roles import (directed, item_roles, lead_in_end, opens_with_unit, prose_words, topic_label_end,
                                   unit_label_end)
from extractors.task_sections import Section, article_mark_end, directing, heading_level, section_heading
from extractors.task_tables import ROLES, cell_items, item_names, task_tables
from extractors.text.lines import joined
from schemas.record import DateMention, Task, TimeValue

from extractors.dates import clause_tail, extract_dates, find_times, parse_period, parse_time

# an interval from day to day: the plan's own period ("Từ ngày 01/10/2021 đến hết ngày 31/12/2021")
_DAY_SPAN = re.compile(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}")


def plan_period(text: str) -> TimeValue | None:
    """The plan's own period ("III. THỜI GIAN THI ĐUA: Từ ngày 01/10/2021 đến hết ngày 31/12/2021")."""
    m = prose_words()["plan_period"].search(text)
    if not m:
        return None
    for _, _, found in find_times(text[m.start():m.end()]):
        if found.granularity == "interval" and _DAY_SPAN.fullmatch(found.value):
            return TimeValue(text=found.text, value=found.value, granularity="interval")
    return None


def extract_tasks(doc: DocumentView | str, context: DocContext | None = None) -> list[Task]:
    """Every task in ``text``, with evidence offsets. Never None."""
    view = as_view(doc)
    text = view.text
    tasks: list[Task] = []
    fallback = None
    for table in view.shared(task_tables, context):
        cols = table.columns
        above: TimeValue | None = None  # the period of the row above
        for row, section, is_section in table.rows:
            if is_section:
                above = None
                continue
            cells = row.cells
            di = cols["description"]
            if di >= len(cells) or not cells[di].text:
                continue
            period = section
            said = "time" in cols and cols["time"] < len(cells) and cells[cols["time"]].text
            if said and prose_words()["dependent"].match(said):
                continue  # "Sau khi có Quy chế của Trung ương", "Theo kế hoạch riêng": no time of its own
            if said and prose_words()["no_deadline"].search(said):
                period = None  # "Thường xuyên", "Tháng 12 hằng năm": no deadline
            elif said:
                period = parse_period(said, context) or period
            ni = cols.get("number")
            if period is None and not said and ni is not None and ni < len(cells) and not cells[ni].text:
                period = above  # a row without its number shares the merged number and time cells above it
            if period is None and not said:  # "Thường xuyên" says there is no deadline: no plan period
                fallback = fallback or plan_period(text)
                period = fallback
            above = period
            roles: dict[str, list[str]] = {r: [] for r in ROLES}
            for part in row.parts:
                for role in ROLES:
                    if role in cols and cols[role] < len(part.cells):
                        for item in cell_items(part.cells[cols[role]], text):
                            for n in item_names(item, text, context):
                                if n not in roles[role]:
                                    roles[role].append(n)
            description = " ".join(p.cells[di].text for p in row.parts if di < len(p.cells) and p.cells[di].text)
            tasks.append(Task(description=description, period=period, source="table",
                              evidence=[evidence(text, p.start, p.end) for p in row.parts], **roles))
    blocks = [(b, t) for b in view.shared(task_blocks, context) if (t := block_task(text, b, context)) is not None]
    tasks.extend(t for _, t in blocks)
    tasks.extend(prose_tasks(text, context, [(b.start, b.end) for b, _ in blocks], view))
    return _distinct(tasks, context)


def _said(description: str) -> str:
    """What a description says, without its emphasis marks and punctuation ("**trước ngày 26/11/2025.**")."""
    return " ".join(re.sub(r"[\W_]+", " ", description).lower().split())


def _distinct(tasks: list[Task], context: DocContext | None) -> list[Task]:
    """The tasks, each once: an assignment printed twice (a portal's summary above the text) is one task, the
    last printed; a prose date years before the document's is a condition of law ("trước ngày 01/7/2004"), not a
    deadline."""
    year = context.year if context else None
    out: list[Task] = []
    for i, t in enumerate(tasks):
        if any(u.period == t.period and _said(u.description) == _said(t.description) for u in tasks[i + 1:]):
            continue
        if t.source == "prose" and year and t.period and t.period.value[:4].isdigit() \
                and int(t.period.value[:4]) < year - 1:
            continue
        out.append(t)
    return out


def block_task(text: str, block: TaskBlock, context: DocContext | None) -> Task | None:
    """The task of a block that assigns it (:attr:`TaskBlock.assigns`) and says when: in its time label
    ("Thời gian thực hiện: Năm 2026", or "Thường xuyên": no deadline), else in its description ("Nội dung: Triển
    khai Tháng hành động (từ ngày 15/11 đến ngày 15/12) ..."); else None."""
    if not block.assigns:
        return None
    roles: dict[str, list[str]] = {r: [] for r in ROLES}
    for item in block.roles:
        for n in (canonical_unit(item.surface, context) or [item.surface]) if item.is_unit else [item.surface]:
            if n not in roles[item.role]:
                roles[item.role].append(n)
    period = None
    if not block.timed:
        period = parse_period(block.text, context)
        if period is None:
            return None
    elif not block.time.strip(" .:"):
        return None  # "Thời gian thực hiện:" over items that each say when: the items are the tasks
    elif not prose_words()["no_deadline"].search(block.time):
        period = parse_period(block.time, context)
        if period is None and prose_words()["dependent"].match(block.time):
            return None  # "Sau khi Nghị định ... được ban hành": the time hangs on another body's act
    return Task(description=_block_description(block), period=period, source="prose",
                evidence=[evidence(text, block.start, block.end)], **roles)


def _block_description(block: TaskBlock) -> str:
    """What a block's task is: its content label's value, or its title when that value only describes what the
    title makes ("6. Xây dựng Cổng thông tin quốc gia về X / - Nội dung: Cổng thông tin quốc gia về X cung cấp
    ...", "- Nghị định quy định chi tiết Luật Y / + Nội dung: quy định chi tiết ..."): the value opens with the
    title's words after its first one or two."""
    if not block.title or not block.description:
        return block.text
    title = block.title.lower().split()
    said = block.description.lower().split()[:3]
    return block.title if any(len(title) - k >= 3 and title[k:k + 3] == said for k in (1, 2)) else block.description


def _period_of(text: str, s: int, e: int, dates: list[DateMention], actor: bool, basis: int = 0) -> TimeValue | None:
    """The deadline of the item text[s:e]: a date the dates extractor calls a deadline, else (when the item
    names who does it) a date right after "vào" / "trong", not inside the clause before ``basis`` that the item
    opens with ("Căn cứ kết quả thực hiện trong năm 2026, UBND tỉnh ...")."""
    w = prose_words()
    # "trước ngày 20 tháng 6 hằng năm" recurs: it is no date of this task
    # a date without its year in a sentence that says it recurs ("Định kỳ hàng tháng (trước ngày 16 hàng tháng),
    # 6 tháng (trước ngày 16/6), ...") is no task's date either
    inside = [d for d in dates if s <= d.evidence[0].start < e
              and not w["no_deadline"].match(after := text[d.evidence[0].end:d.evidence[0].end + 16].lstrip(" ,"))
              and not w["recurring_after"].match(after)
              and not w["recurring"].search(re.split(r"[,;.]", text[max(s, d.evidence[0].start - 80):
                                                                   d.evidence[0].start])[-1])
              and not (not _YEAR.search(d.text) and w["recurring"].search(
                  re.split(r"[;.][ ]", text[max(s, d.evidence[0].start - 200):d.evidence[0].start])[-1]))]
    for d in inside:
        if d.role == "deadline":
            return TimeValue(text=d.text, value=d.value, granularity=d.granularity, modifier=d.modifier)
    if actor:
        for d in inside:
            before = text[max(s, d.evidence[0].start - 40):d.evidence[0].start]  # "được giao trong năm 2025"
            # "vào lúc 14 giờ 00 ngày 15/01/2026": the clock time stands between the timing word and the day
            before = before if w["timing"].search(before[-30:]) else clause_tail(before) + " "
            if d.role in ("event", "other", "period") and w["timing"].search(before[-30:]) \
                    and not w["qualified"].search(before) and d.evidence[0].start >= basis:
                return TimeValue(text=d.text, value=d.value, granularity=d.granularity, modifier=d.modifier)
    return None


def _applies(text: str, s: int, e: int, dates: list[DateMention]) -> TimeValue | None:
    """The deadline or the span of days that text[s:e] gives ("... áp dụng từ ngày 01/10/2025 đến hết ngày
    31/12/2025"), the first one; None when it gives neither."""
    for d in dates:
        if s <= d.evidence[0].start < e and (d.role == "deadline" or _DAY_SPAN.fullmatch(d.value)):
            return TimeValue(text=d.text, value=d.value, granularity=d.granularity, modifier=d.modifier)
    return None


def _trailing_task(text: str, flat: str, item: tuple, value: str, label: tuple[int, int],
                   context: DocContext | None) -> Task | None:
    """The task of an item held without a time, given the time label on a line after it ("Thời hạn hoàn thành:
    Từ ngày 01/01/2026 đến ngày 31/3/2026"); None when the label says there is no deadline ("Thường xuyên") or
    the time hangs on another body's act ("Sau khi ... ban hành")."""
    w = prose_words()
    value = value.strip(" *_")
    if w["no_deadline"].search(value) or w["dependent"].match(value):
        return None
    period = parse_period(value, context)
    if period is None or period.granularity == "duration":
        return None
    start, end, lead, support, director, _ = item
    return Task(description=flat[start:end].strip(" *_"), period=period, lead=lead, support=support,
                director=director, source="prose", evidence=[evidence(text, start, end), evidence(text, *label)])


def prose_tasks(text: str, context: DocContext | None = None,
                skip: list[tuple[int, int]] = (), view: DocumentView | None = None) -> list[Task]:
    """Tasks written as prose: list items that say who does what by when ("Sở Nội vụ chủ trì, phối hợp với
    ..., hoàn thành trước ngày 10/7/2025"; "Trước ngày 30/6/2025: ..."); lines inside ``skip`` (the task
    blocks) are read by :func:`block_task`. ``view``: the document's view of ``text``, whose dates the dates
    extractor has read already."""
    if not text:
        return []
    w = prose_words()
    flat = joined(text, goes_on_item)  # hard-wrapped lines as one; same offsets
    flat = w["topic_break"].sub(lambda m: " " * len(m.group(0)), flat)  # "1. Về <topic>:\ngiao Bộ X ...": the item goes on after its topic
    dates: list[DateMention] | None = None
    out: list[Task] = []
    section: Section | None = None  # the heading over the items that says whose duties they are
    # (start, end, lead, support, director, list mark) of an item that names who but not by when
    pending: tuple | None = None
    heading_above = False  # the line above opened a section
    done: Task | None = None  # the task of the item on the line above
    blank_above = False
    subs = tuple(w["sub_item_marks"])
    pos = 0
    skip = sorted(skip)
    for line in flat.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if "\t" in line or " | " in line:
            continue
        bullet = list_item().match(line)
        # "Điều 2. Giao Sở Nội vụ ...": the article's text is the item
        body_start = start + (bullet.end() if bullet else article_mark_end(line) or len(line) - len(line.lstrip()))
        body = flat[body_start:end].strip()
        if not stripped:
            blank_above = True
            continue
        broken, blank_above = blank_above, False
        level = heading_level(line)
        opened = section_heading(line, context)
        first_under, heading_above = heading_above, opened is not None
        if opened is not None:
            section = opened
            continue
        if level is not None and section is not None and level <= section.level:
            section = None  # the next section of the same rank is about someone else
        if any(a <= start < b for a, b in skip):
            continue
        # a paragraph under a unit's heading, right below it or opening with what it does ("2. Bộ Công an\nKhẩn
        # trương điều tra ..."), is an item of that unit
        paragraph = not bullet and level is None and not (
            section is not None and (first_under and body[:1].isupper() or w["verb_start"].match(body)))
        mark = bullet.group(0).strip(" *_\t") if bullet else None
        under = pending is not None and mark in subs and pending[5] not in subs  # a sub-item of the item held
        trailing = w["trailing_time"].match(body)
        if trailing and pending is not None:
            # "- Tổng hợp kết quả ...\nThời gian hoàn thành: Trước ngày 31/5/2026": the label says when the item
            # above (with its sub-items) is done
            task = _trailing_task(text, flat, pending, body[trailing.end():], (body_start, end), context)
            out.extend([task] if task else [])
            pending = None
            continue
        goes_on = not bullet and level is None and w["goes_on"].match(body)
        if goes_on and pending is not None:
            # the item above goes on after a blank line (a web copy breaks a paragraph at its emphasis marks)
            p_start, _, p_lead, p_support, p_director, _ = pending
            period = _period_of(flat, p_start, end, dates or [], True)
            if period is not None:
                out.append(Task(description=flat[p_start:end].strip(" *_"), period=period, lead=p_lead,
                                support=p_support, director=p_director, source="prose",
                                evidence=[evidence(text, p_start, end)]))
                pending = None
            continue
        if pending is not None and not bullet and level is None and w["refers_back"].match(body):
            # "- Trình Thủ tướng Chính phủ quyết định giảm lãi suất ...\n\nViệc giảm lãi suất áp dụng ... từ ngày
            # 01/10/2025 đến hết ngày 31/12/2025": the paragraph that names the item's act says when it runs
            period = _applies(flat, body_start, end, dates or [])
            if period is not None:
                p_start, p_end, p_lead, p_support, p_director, _ = pending
                out.append(Task(description=flat[p_start:p_end].strip(" *_"), period=period, lead=p_lead,
                                support=p_support, director=p_director, source="prose",
                                evidence=[evidence(text, p_start, p_end), evidence(text, body_start, end)]))
            pending = None
            continue
        if goes_on and broken and done is not None and done.period and done.period.text in _CLAUSE_END.split(
                done.description.rstrip(" ;.*_"))[-1]:
            # the item above, its last clause with its own deadline, goes on after a blank line with another clause
            # and its own deadline ("... sửa chữa nhà cửa, hoàn thành trước ngày 30/11/2025;\n\nxây mới ..., hoàn thành trước
            # ngày 31/01/2026."): a task of its own, done by the same units
            period = _period_of(flat, body_start, end, dates or [], False)
            if period is not None:
                out.append(done.model_copy(update={"description": flat[body_start:end].strip(" *_"), "period": period,
                                                   "evidence": [evidence(text, body_start, end)]}))
            done = None
            continue
        done = None
        if not under:
            pending = None
        # a paragraph is a task only as "Sở Nội vụ chủ trì, ..., hoàn thành trước ngày ...", as an assignment
        # ("Giao Bộ Xây dựng khẩn trương ..., trong tháng 12/2025") or opened by a collective
        assigned = paragraph and (directed(body, context) or bool(w["assign"].match(body)) and opens_with_unit(
            w["assign"].sub("", body, count=1), context))
        if paragraph and not assigned and not opens_with_unit(body, context) and \
                not w["collective_start"].match(body):
            continue
        if w["no_task"].match(body) and (paragraph or not lead_in_end(body, context)):
            continue  # a basis, the recipients; not an item "3. Căn cứ ..., thì các cơ quan ... có trách nhiệm ..."
        if body.rstrip(" *_").endswith(":") and (paragraph or len(body) < 160):
            # a line that opens a list ("... theo tiến độ sau:"); an item that opens its sub-items ("- Kiểm tra
            # ..., trong đó:") is held for the time label after them
            lead, support, actor = item_roles(body, context, section.lead if section else []) if bullet else ([], [], 0)
            if actor and not under:
                pending = (flat.index(body, body_start), end, lead, support, [], mark)
            continue
        label = w["label"].match(body)
        period = parse_time(body[:label.end()].rstrip(" :"), context) if label else None
        desc_start = body_start + (label.end() if label else 0)
        desc = flat[desc_start:end].strip(" *_")
        if period is not None and period.granularity != "duration" and desc and not w["target"].match(desc):
            lead, support, _ = item_roles(desc, context, section.lead if section else [], timed=True)
            out.append(Task(description=desc, period=period, lead=lead, support=support, source="prose",
                            evidence=[evidence(text, desc_start, end)]))
            continue
        if dates is None:
            # on the joined lines: "trước\nngày 15/11" is a deadline
            dates = extract_dates(view if view is not None and flat == view.text else flat, context)
        # "3. Về <topic>: giao Bộ X chủ trì ...", "1. Tổ chức hội nghị ở cơ sở: UBND các xã ... tổ chức ...": who
        # does it and by when follow the topic
        topic = w["topic"].match(body)
        said = topic.end() if topic else topic_label_end(body, context)
        # "- Thời gian thực hiện:\n+ Các bộ, cơ quan ngang bộ gửi kết quả rà soát về Bộ Công an trước ngày
        # 15/12/2025", "5. Các đơn vị gửi báo cáo thành tích về Sở Nội vụ trước ngày 15/5/2026": a collective
        # with a deadline of its own (not a recurring one) in its first sentence does the item; without one it is
        # an exhortation ("Yêu cầu các bộ, ngành ... phải tiếp tục nâng cao hơn nữa ... . Yêu cầu từng ... để tổ
        # chức ... vào ngày 19/12/2025")
        first_stop = _SENTENCE_BREAK.search(flat, body_start, end)
        due = _period_of(flat, body_start, first_stop.start() if first_stop else end, dates, False) is not None
        lead, support, actor = item_roles(body[said:], context, section.lead if section else [], paragraph, due=due)
        if not actor:
            continue
        first = flat.index(body, body_start) + said
        opening = lead_in_end(body[said:], context)  # a basis or purpose clause's time is not the task's
        basis = first + opening if opening and not w["time_start"].match(body[said:]) else 0
        period = _period_of(flat, first, end, dates, actor and (assigned or not paragraph), basis)
        director = [section.director] if section and section.director and lead == section.lead else []
        directs = directing(body[said:], context) if lead and not paragraph else None
        if directs and directs[0] == lead[0]:  # "Bộ Công Thương chỉ đạo Tập đoàn Điện lực Việt Nam ..."
            director, lead = [directs[0]], [directs[1]]
        if period is None:
            if not under:
                pending = (flat.index(body, body_start), end, lead, support, director, mark) if not paragraph else None
            continue
        parts = _assignment_sentences(flat, first, end, context, dates)
        for i, (ps, pe, another) in enumerate(parts):
            if another:  # "... . UBND thành phố Đà Nẵng khẩn trương ...": another body's assignment in the same item
                lead, support, _ = item_roles(flat[ps:pe], context, [], due=True)  # the part has its own deadline
                director = []
            own = _period_of(flat, ps, pe, dates, True) if len(parts) > 1 else None
            ds = body_start + unit_label_end(body, context) if i == 0 and ps == first else ps
            out.append(Task(description=flat[ds:pe].strip(" *_"), period=own or period, lead=lead, support=support,
                            director=director, source="prose", evidence=[evidence(text, ds, pe)]))
        done = out[-1]
    return out


def _assignment_sentences(flat: str, start: int, end: int, context: DocContext | None,
                          dates: list[DateMention]) -> list[tuple[int, int, bool]]:
    """The item flat[start:end] cut before each sentence that gives another body its own task ("2. Các Bộ ...
    chủ trì ... . UBND thành phố Đà Nẵng khẩn trương hoàn thành ... Thời hạn hoàn thành: ..."), or its own
    deadline ("... gửi Bộ Tư pháp trước ngày 05/12/2026. Trên cơ sở đó, Bộ Tư pháp tổng hợp, báo cáo Thủ tướng
    Chính phủ trước ngày 10/12/2026."), and after each clause or sentence that holds a deadline when another
    deadline follows ("Sửa chữa trường học ..., hoàn thành trước ngày 15/10/2025; dựng lại nhà ..., hoàn thành
    trước ngày 31/12/2025"); (start, end, whether another body does it) of each part, [(start, end, False)] when
    it gives one."""
    def deadline(a: int, b: int) -> bool:
        return any(d.role == "deadline" and a <= d.evidence[0].start < b for d in dates)

    clauses = {m.end() for m in _CLAUSE_BREAK.finditer(flat, start, end)}
    breaks = sorted({m.end() for m in _SENTENCE_BREAK.finditer(flat, start, end) if flat[m.end()].isupper()} |
                    clauses)
    cuts: list[tuple[int, bool]] = []
    for k, s in enumerate(breaks):
        stop = breaks[k + 1] if k + 1 < len(breaks) else end
        before = deadline(cuts[-1][0] if cuts else start, s)
        # a sentence with its own deadline is a task of its own only when the text before it has one too: else
        # the item's one deadline is the item's
        if s not in clauses and (directed(flat[s:end], context) or opens_with_unit(flat[s:stop], context)
                                 and deadline(s, stop) and before):
            cuts.append((s, True))
        elif deadline(breaks[k - 1] if k else start, s) and deadline(s, end):
            # the clause or sentence before holds its own deadline and more follow: the next task starts here,
            # done by the same units unless the clause opens with its own ("...; Các bộ, ngành ... gửi kết quả
            # về Bộ Công an trước ngày ...")
            own = s in clauses and (opens_with_unit(flat[s:stop], context) or
                                    bool(prose_words()["collective_start"].match(flat[s:stop])))  # "^" holds only at a string's start
            cuts.append((s, own))
    if cuts and not cuts[0][1]:
        # the item's several deadlines each end a task: the sentences before the one that holds the first
        # deadline lead up to the tasks ("Phát huy tinh thần ... . Báo cáo ... trước ngày 03/12/2025. Đồng thời
        # thống kê ... trước ngày 03/12/2025.")
        start = max((b for b in breaks if b < cuts[0][0] and b not in clauses and not deadline(start, b)),
                    default=start)
    bounds = [(start, False), *cuts, (end, False)]
    return [(a, b, new) for (a, new), (b, _) in zip(bounds, bounds[1:])]


_SENTENCE_BREAK = re.compile(r"(?<=[\w)])\.[ ]+(?=\S)")
_YEAR = re.compile(r"\d{4}")
_CLAUSE_END = re.compile(r"[;.][ ]+")
_CLAUSE_BREAK = re.compile(r"(?<=[\w)*_]);[ ]+(?=[*_(]*\w)")
