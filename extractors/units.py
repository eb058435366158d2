"""Responsible units: who leads, supports or directs, from clause subjects, role verbs and table columns.

A unit's mention is found by the head grammar in ``names.find_unit_mentions``; its role comes from where it
stands: the subject of a clause followed by an action verb, a heading followed by duties, after
"Đề nghị / Giao" (lead), after "phối hợp với" (support), in a table column "Đơn vị chỉ đạo" (director).
Mentions anywhere else (Căn cứ, Nơi nhận, "báo cáo về ..." but for a body that compiles the reports) are kept
with the role "mentioned".

Beside this module: ``unit_words`` (every pattern, built from ``data/unit_words.yaml`` and ``unit_heads.yaml``),
``unit_collector`` (one unit per body however the text spells it),
``unit_layout`` (where mentions hold no role; run-on lines), ``unit_owners`` (owners a body's documents leave
bare), ``task_tables`` (the assignment tables whose columns give roles).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.evidence import replace_at
from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.text import without_emphasis, without_stray_stops
from extractors.text.lines import goes_on_paragraph, is_upper_line, joined
from extractors.names import (
    OCR_SAME_LENGTH, UPPER_CLASS, canonical_province, canonical_unit, find_unit_mentions, head_of, name_goes_on,
    province_list_collective, provinces_acting, repair_ocr_name, with_declared_short_names,
)
from extractors.task_blocks import find_task_blocks, task_blocks
from extractors.task_tables import cell_items, find_task_tables, task_tables
from extractors.unit_collector import UnitCollector
from extractors.unit_layout import (
    SENTENCE_END, MentionSpans, after_phrase, bold_breaks_joined, excluded_spans, list_entries, only_provinces,
    directs, duty_roles, guess_province, role_after_insertion, split_run_on, supports,
)
from extractors.unit_addressees import executors, telegram_addressees
from extractors.unit_owners import owned_by_the_body
from extractors.unit_words import unit_words
from schemas.record import Unit

_CLAUSE_BREAK = re.compile(rf"(?:[.;:][ ]+(?={UPPER_CLASS}|-)|;[ ]*)")
_PAREN = re.compile(r"[ ]*\(([^()\n]{1,160})\)")
_DATED = re.compile(r"\([ ]*\d{1,4}[/.-]\d")


def _goes_on(prev: str, follow: str) -> bool:
    return goes_on_paragraph(prev, follow) or name_goes_on(prev, follow)


def extract_units(doc: DocumentView | str, context: DocContext | None = None) -> list[Unit]:
    """Every unit in ``text``, with its roles and all its mention spans. Never None."""
    view = as_view(doc)
    text = view.text
    w = unit_words()
    context = context or DocContext()
    if not context.province:
        prov = guess_province(text)
        if prov:
            context = replace(context, province=prov, level=context.level or w["province_word"])
    col = UnitCollector(text, context)  # evidence points into the original text
    # same offsets: Markdown marks of web copies and OCR's stray stops as spaces, wrapped lines and names broken
    # over lines joined
    text = joined(without_stray_stops(without_emphasis(bold_breaks_joined(text))), _goes_on)
    # OCR reads "Đ" as "Ð" (eth); str.translate is slow, so only when one of those letters is there
    if any(chr(c) in text for c in OCR_SAME_LENGTH):
        text = text.translate(OCR_SAME_LENGTH)
    mentions = owned_by_the_body(text, with_declared_short_names(text, find_unit_mentions(text)), context)
    by_start = MentionSpans(mentions)
    # a name read over a line break the prose rule keeps ("Trách nhiệm của các Sở:| Xây dựng, Tài chính, Nội vụ."):
    # its clause goes on over the break too
    inside = [i for s, e, _ in mentions for i in range(s, e) if text[i] == "\n"]
    if inside:
        text = replace_at(text, inside, " ")
    text = split_run_on(text, by_start)
    excluded = excluded_spans(text)
    used: set[int] = set()
    entries = list_entries(text, by_start)

    def names(surface: str) -> list[str]:
        # the bodies of a list of provinces are one collective as the text names them, and each province's
        # (annotators give either)
        got = canonical_unit(surface, context)
        together = province_list_collective(surface) if len(got) > 1 else None
        return [together, *got] if together else got

    # 1. tables: the role of a unit is its column's
    table_rows: list[tuple[int, int]] = []
    # the tables are read on this extractor's own text (Markdown marks blanked, wrapped names joined, OCR eth as
    # Đ); where that changed nothing they are the tables the tasks extractor reads, computed once on the view
    tables = view.shared(task_tables, context) if text == view.text else find_task_tables(text, context)
    for table in tables:
        for row in (part for r, _, _ in table.rows for part in r.parts):
            table_rows.append((row.start, row.end))
            for role in ("director", "lead", "support"):
                ci = table.columns.get(role)
                if ci is None or ci >= len(row.cells):
                    continue
                for s, e, core in cell_items(row.cells[ci], text):
                    repaired = repair_ocr_name(core)
                    if repaired != core:  # an OCR-glued cell ("UBNDItinh"): read the repaired words
                        pm = w["position"].match(repaired)
                        first = [m for m in find_unit_mentions(repaired) if m[0] == (pm.end() if pm else 0)]
                        got = names(first[0][2]) if first else []
                        for m in by_start.within(s, e):
                            used.add(m)
                        if got:
                            col.add(got, role, s, e, core)
                        continue
                    # every body the item lists ("Sở Khoa học và Công nghệ, Sở Công Thương"), not one it names
                    # another after ("Phòng Y tế thuộc UBND huyện"); a title before the first is skipped
                    q, _ = _after_position(text, s, e, by_start)
                    starts = by_start.within(q, e)
                    for a in starts:
                        if a == starts[0] or not w["modifier_before"].search(text, starts[0], a):
                            col.add(names(by_start[a][2]), role, a, by_start[a][1], by_start[a][2])
                            used.add(a)
                    if not by_start.within(s, e) and head_of(core) and len(core) <= 90:
                        # a body the name finder does not read in the text ("Sở KH&CN", "Ban Quản lý các khu ...")
                        col.add(names(core) or [core], role, s, e, core)

    # 2. task blocks: "Đơn vị chủ trì: X", "Đơn vị phối hợp: Y", "Cơ quan thực hiện: X chủ trì, phối hợp với Y"
    # read like the tables: on this extractor's own text where normalising changed it
    block_lines: set[int] = set()
    for block in view.shared(task_blocks, context) if text == view.text else find_task_blocks(text):
        if not block.assigns:
            continue
        block_lines.update(block.role_lines)
        for item in block.roles:
            if item.is_unit:
                col.add(names(item.surface), item.role, item.start, item.end, item.surface)
                used.add(item.start)

    # 3. prose, clause by clause
    pos = 0
    holders: list[tuple] = []  # (names, start, end, surface) of the units heading the duties the sub-items below them list
    fresh = False  # the line before (blank lines aside) was that heading: its first paragraph is a duty too
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        sub = w["sub_item"].match(line)
        if holders and (sub or fresh and line.strip()):
            # "- Chỉ đạo ..." / "b) Phối hợp với Y ..." under "3. Cục X": X directs / supports
            duty_roles(line[sub.end():] if sub else line.lstrip(), holders, col)
        elif line.strip() and not sub:
            holders = []
        fresh = fresh and not line.strip()
        # every role needs a unit mention in the line (or a place in parentheses: "Cụm trưởng (tỉnh X)")
        # (or the closing formula whose list began on the lines before)
        if (not by_start.within(ls, le) and "(" not in line and not w["province_opening"].match(line)
                and not w["execution_formula"].search(line)) or "\t" in line or line.count(" | ") >= 2 \
                or any(a <= ls < b for a, b in excluded) or w["state_motto"].search(line) or is_upper_line(line):
            continue
        first = ls
        if w["no_role_line"].match(line):
            # a web copy flows the next sentence into the basis line ("- Căn cứ ... của Chính phủ. Đề nghị X ..."):
            # only the first sentence is the basis
            after = SENTENCE_END.search(line)
            main = _main_clause(text, ls, le, by_start) if w["basis_line"].match(line) else None
            if main is not None:  # "Căn cứ ..., X hướng dẫn và yêu cầu Y thực hiện ...": Y leads
                _mid_roles(text, main, ls, le, by_start, col, used, names)
            if main is not None or not after:
                continue
            first = ls + after.end()
        if ls in entries or ls in block_lines:
            continue
        starts = [first] + [m.end() + ls for m in _CLAUSE_BREAK.finditer(line) if m.end() + ls > first]
        for i, cs in enumerate(starts):
            if by_start.within(cs, starts[i + 1] if i + 1 < len(starts) else le) or "(" in text[cs:le] \
                    or w["province_opening"].match(text, cs):
                heads = _subject(text, cs, le, by_start, col, used, names)
                if heads and w["numbering"].match(text, ls, le).end() >= cs:  # the line's first clause
                    holders, fresh = heads, True
        _mid_roles(text, first, first, le, by_start, col, used, names)
        for a in executors(text, first, le, by_start, used):
            col.add(names(by_start[a][2]), "lead", a, by_start[a][1], by_start[a][2])
            used.add(a)

    # 4. the addressees of a công điện: the telegram's duties are theirs
    for a in telegram_addressees(text, by_start, used):
        col.add(names(by_start[a][2]), "lead", a, by_start[a][1], by_start[a][2])
        used.add(a)

    # 5. everything else is mentioned
    for s, e, surf in mentions:
        if s not in used:
            col.add(names(surf), "mentioned", s, e, surf)
    return col.result()


def _mid_roles(text, a, ls, le, by_start, col, used, names) -> None:
    """Roles given inside a clause, from ``a`` to the line end: "phối hợp với Y", "giao Y", "đề nghị Y [làm]"."""
    w = unit_words()
    for key, role in (("support_mid", "support"), ("lead_mid", "lead"), ("director_mid", "director")):
        for m in w[key].finditer(text, a, le):
            _listed(text, m.end(), le, by_start, col, used, names, role)
    for m in w["ask_mid"].finditer(text, a, le):
        _listed(text, m.end(), le, by_start, col, used, names, "lead", need_action=True)
    for m in w["report_mid"].finditer(text, a, le):  # "... phản ánh về X để tổng hợp"
        items, last, _ = _parse_list(text, m.end(), le, by_start)
        if items and w["report_compiled"].match(text, last, le):
            _listed(text, m.end(), le, by_start, col, used, names, "lead")
    for m in w["inform_mid"].finditer(text, a, le):  # "... để X biết và thực hiện"
        items, last, _ = _parse_list(text, m.end(), le, by_start)
        if items and w["inform_after"].match(text, last, le):
            _listed(text, m.end(), le, by_start, col, used, names, "lead")


def _main_clause(text: str, ls: int, le: int, by_start: "MentionSpans") -> int | None:
    """Where the main clause of a sentence opened by "Căn cứ ..." starts: the last unit after ", " that is
    followed by a verb ("Căn cứ Hướng dẫn số 04/HD-BCĐ ..., Tiểu ban X hướng dẫn và yêu cầu ..."). A "Căn cứ"
    line ending in ";" or "," is a basis only."""
    if text[ls:le].rstrip().endswith((";", ",")):
        return None
    for a in reversed(by_start.within(ls, le)):
        if text[max(ls, a - 2):a] == ", " and unit_words()["action_after"].match(text, by_start[a][1], le):
            return a
    return None


def _after_position(text: str, p: int, end: int, by_start: dict) -> tuple[int, tuple | None]:
    """Skip a person's title before a body: "Giám đốc Sở Y tế" -> "Sở Y tế". A title may end in the body's own
    head word ("Trưởng ban Tuyên giáo", "Trưởng phòng Nội vụ" name "Ban Tuyên giáo", "Phòng Nội vụ"), so the
    body may start at any word of the title; the latest start that begins a unit wins."""
    pm = unit_words()["position"].match(text, p, end)
    if not pm:
        fm = unit_words()["force_word"].match(text, p, end)
        if fm and p not in by_start and fm.end() in by_start:
            return fm.end(), by_start[fm.end()]
        return p, by_start.get(p)
    q = pm.end()
    if q in by_start:
        return q, by_start[q]
    fm = unit_words()["force_word"].match(text, q, end)  # "Thủ trưởng cơ quan Kho bạc Nhà nước"
    if fm and fm.end() in by_start:
        return fm.end(), by_start[fm.end()]
    for k in range(q - 1, p, -1):
        if text[k - 1] == " " and k in by_start:
            return k, by_start[k]
    return q, None


def _parse_list(text: str, p: int, end: int, by_start: dict) -> tuple[list, int, bool]:
    """A list of units (with positions, parentheses, collectives) starting at ``p``.

    Returns ([(start, end, surface, inherited)], end of the last item, last item was a collective)."""
    w = unit_words()
    items = []
    last_end = p
    collective_last = False
    while p < end:
        seg = text[p:end]
        q, hit = _after_position(text, p, end, by_start)
        pm = q > p
        several = w["plural"].match(text, q, end)
        if not hit and several and len(canonical_unit(by_start.get(several.end(), (0, 0, ""))[2])) > 1:
            hit = by_start[several.end()]  # "các Khu Quản lý đường bộ III và IV": the bodies it numbers
        ho = w["holder_of"].match(seg)
        if ho and by_start.get(p + ho.end()) and _PAREN.match(text, by_start[p + ho.end()][1], end):
            # "cơ quan thường trực Hội đồng X (Ban Y)": the one acting is in the parentheses
            p = by_start[p + ho.end()][1]
            collective_last = False
        elif hit:
            items.append((hit[0], hit[1], hit[2], False))
            p = hit[1]
            collective_last = False
        elif w["position_only"].match(text[p:end]) or (pm and text[q:q + 1] == "("):
            p = p + w["position_only"].match(text[p:end]).end() if w["position_only"].match(text[p:end]) else q
            collective_last = False
        else:
            cm = w["collective"].match(text, q, end) or (None if items else w["collective_bare"].match(text, q, end))
            # after a title: "Giám đốc các đơn vị có liên quan"
            if not cm or not items and not cm:
                break
            p = cm.end()
            # a list it opens: "Các sở, ban, ngành, cơ quan, đơn vị cấp tỉnh và X" (its own words run over commas)
            while not items and (more := w["collective_more"].match(text, p, end)) \
                    and not by_start.within(p, more.end()):
                p = more.end()
            collective_last = True
        pm2 = _PAREN.match(text, p, end)
        if pm2 and items and w["standing_role"].match(pm2.group(1)):
            p = pm2.end()  # "Vụ Tổ chức cán bộ (Thường trực Hội đồng Thi đua - Khen thưởng Bộ)": the body's own role
        elif pm2:
            inner_s = pm2.start(1)
            inner = pm2.group(1)
            got = False
            outer_head = head_of(hit[2]) if hit and items and items[-1][0] == hit[0] else None
            for a in by_start.within(inner_s, pm2.end(1)):
                if outer_head and a == inner_s and head_of(by_start[a][2]) == outer_head:
                    got = True  # "Ban Chỉ đạo Đại hội ... các tỉnh (Ban Chỉ đạo Đại hội cấp tỉnh)": a short name
                    continue
                if not w["modifier_before"].search(text[inner_s:a]):
                    items.append((*by_start[a], True))
                    got = True
            pl = w["place_paren"].match(inner.strip())
            if not got and pl and canonical_province(pl.group(2)):
                items.append((inner_s, pm2.end(1), w["province_committee"] + canonical_province(pl.group(2)), True))
            p = pm2.end()
        last_end = p
        sm = w["separator"].match(text, p, end)
        if not sm or sm.end() == p:
            break
        p = sm.end()
    return items, last_end, collective_last


def _subject(text, cs, le, by_start, col, used, names) -> list[tuple]:
    """Give the subject of the clause at ``cs`` its role; returns the units when the clause heads a list of their
    duties ("3. Cục X", "1. Bộ Y chủ trì, phối hợp với Z:"), for the sub-items below it."""
    w = unit_words()
    p = w["numbering"].match(text, cs, le).end()
    am = w["adverbial"].match(text, p, le)
    if am:
        p = am.end()
    elif w["phrase_opener"].match(text, p, le):
        p = after_phrase(text, p, le, by_start)
    trigger = w["lead_before"].match(text, p, le)
    if trigger:
        p = trigger.end()
    duties = None if trigger else w["duty_heading"].match(text, p, le)
    if duties:
        p = duties.end()
    members = w["members"].match(text, p, le)
    if members:
        p = members.end()
    items, last, collective_last = _parse_list(text, p, le, by_start)
    if not items:
        # provinces acting: "Các tỉnh Nghệ An, Quảng Ngãi khẩn trương ..." names their people's committees
        provinces, last = provinces_acting(text, p, le)
        if not provinces or not w["action_after"].match(text, last, le):
            return []
        committee = w["province_committee"].split()[:-1]
        items = [(s, e, " ".join([*committee, level, prov]), False) for s, e, level, prov in provinces]
    units = [i for i in items]
    if not any(True for i in units):
        return []
    last = _after_apposition(text, last, le, by_start)
    rest = text[last:le].strip()
    line_text = text[cs:le].rstrip()
    role = None
    label = w["agency_label"].fullmatch(text, text.rfind("\n", 0, cs) + 1, cs) if not rest.strip(" ;.,") else None
    if label and w["agency_label_not"].search(label.group("what") or ""):
        label = None
    if label:  # "b) Cơ quan thẩm định: Sở Xây dựng;": the body the label names does that
        role = "support" if w["agency_label_support"].search(label.group("what") or "") else "lead"
    elif line_text.endswith((";", ".")) and len(rest.split()) <= 4 and not trigger and not collective_last and not duties:
        return []  # an entry of a list of names ("5. Sở Tài nguyên và Môi trường;"), not an assignment
    inserted = role_after_insertion(text, last, le)
    if label:
        pass
    elif duties:  # "Trách nhiệm của Sở Nội vụ": a heading over the unit's duties; a sentence naming them is none
        role = "lead" if rest.strip(" :.") == "" else None
    elif trigger and (inserted == "director" or directs(text, last, le)):
        role = "director"  # "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo ..."
    elif trigger and w["confers_award"].match(text, last, le):
        return []  # "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen ...": the body confers an award, no duty
    elif trigger and supports(text, last, le):
        role = "support"  # "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phối hợp tuyên truyền ..."
    elif trigger or collective_last:
        role = "lead"
    elif inserted:
        role = inserted
    elif rest in ("", ":"):
        tail = text[cs:le].rstrip()
        # a heading over its duties; not a title naming the body with its dates ("Công đoàn Việt Nam (28/7/1929 -
        # 28/7/2026)": an anniversary)
        role = None if tail.endswith((";", ".", ",")) or _DATED.search(tail) else "lead"
    elif rest[0] in ";.,":
        role = None  # an entry of a list of names (award recipients, addressees)
    elif rest[0] == ":":
        # "- TPT Đội: Tham mưu lập kế hoạch ...": a unit heading its duties on the same line; not a quota
        # ("Sở Y tế: 02 tập thể") nor the people it sends ("Sở Nội vụ: Lãnh đạo Sở, ...")
        duty = rest[1:].strip()
        words = duty.split()
        role = "lead" if len(words) >= 2 and words[0][0].isalpha() and not w["not_duty"].match(duty) \
            and not only_provinces(duty) else None
    else:
        first = rest.split()[0].strip(",;:")
        low = rest.lower()
        if low.startswith(w["subject_support"]):
            # "X phối hợp, thường xuyên theo dõi ...": X does the work with others, so it leads
            role = "lead" if w["subject_support_lead"].match(low) else "support"
        elif low.startswith(w["subject_director"]):
            role = "director"
        elif first and first[0].islower() and (first not in w["not_verbs"] or w["link_verb"].match(low)) and \
                not w["not_subject"].match(rest):
            role = "lead"
        elif collective_last:
            role = "lead"
    if role is None:
        return []
    heads = []
    for s, e, surf, _ in units:
        if s not in by_start and surf.startswith(" ".join(w["province_committee"].split()[:-1])):
            col.add([surf], role, s, e, text[s:e])
            heads.append(([surf], s, e, text[s:e]))
            continue
        col.add(names(surf), role, s, e, surf)
        heads.append((names(surf), s, e, surf))
        if role == "director":
            col.add(names(surf), "lead", s, e, surf)
        used.add(s)
    if role == "lead" and rest[:1] == ":":  # "đ) Thanh tra tỉnh: Phối hợp cung cấp ...": a duty on the heading's line
        duty_roles(rest[1:].strip(), heads, col)
    heading = role in ("lead", "director") and not trigger and (rest in ("", ":") or line_text.endswith(":"))
    return heads if heading else []


_APPOSITION = re.compile(r"[ ]*[-–][ ]*")


def _after_apposition(text: str, p: int, le: int, by_start: "MentionSpans") -> int:
    """Past a title the subject's holder also bears, after a dash: "Bộ trưởng Bộ Tài chính - Phó Trưởng ban Thường
    trực Ban Chỉ đạo 389 quốc gia| tập trung chỉ đạo ...": the verb is the first body's."""
    dash = _APPOSITION.match(text, p, le)
    if not dash or dash.end() == p or "-" not in text[p:dash.end()] and "–" not in text[p:dash.end()]:
        return p
    q, hit = _after_position(text, dash.end(), le, by_start)
    return hit[1] if hit and q > dash.end() else p


def _listed(text, p, le, by_start, col, used, names, role, need_action=False) -> None:
    items, last, collective_last = _parse_list(text, p, le, by_start)
    if need_action and unit_words()["confers_award"].match(text, last, le):
        return  # "đề nghị Chủ tịch UBND tỉnh tặng Bằng khen ...": the body that confers an award does no duty
    acts = unit_words()["action_after"].match(text, last, le)
    # "chỉ đạo X và các chủ rừng phối hợp ...": a collective closing the list runs on to the verb it takes
    inserted = role_after_insertion(text, last, le) if need_action else None
    # "Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam:" over the duties listed below: the body asked does them
    heads_duties = text[last:le].strip() == ":"
    if need_action and not acts and not inserted and not (collective_last and items) and not heads_duties:
        return
    # "đề nghị Y tập trung lãnh đạo, chỉ đạo ...", "yêu cầu Y theo chức năng, nhiệm vụ chỉ đạo ...": the body asked to
    # direct directs (and leads, as a subject that directs does)
    directing = need_action and (inserted == "director" or acts and directs(text, last, le))
    if need_action and acts and supports(text, last, le):
        role = "support"  # "đề nghị Y phối hợp tuyên truyền ...": Y is asked to help
    for i, (s, e, surf, _) in enumerate(items):
        if s not in by_start:
            continue
        # "Thực hiện sự chỉ đạo của Bộ Y tế, Sở Y tế xây dựng ...": the unit after the comma that acts is the
        # subject of the main clause, not a second director
        own = "lead" if role == "director" and i and i == len(items) - 1 and acts and text[s - 2:s] == ", " else role
        col.add(names(surf), own, s, e, surf)
        if directing:
            col.add(names(surf), "director", s, e, surf)
        used.add(s)
