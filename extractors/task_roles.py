"""Who does a task written in prose: the units that open an item (past a lead-in such as "Trên cơ sở đó, "),
the provinces or the collective that open it, a person's office, a role noun, the section's unit, and the units
after "phối hợp (với)"; the compiled words of ``task_words.yaml`` that the prose reader shares."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.context import DocContext
from extractors.lexicon import read_yaml
from extractors.names import (canonical_unit, expand_abbreviations, find_places, find_unit_mentions, head_of, heads_data,
                              name_key)
from extractors.names.lexicon import reference_rows
from extractors.task_blocks import label_of, role_items
from extractors.text import CAN_CU, LOWER_CLASS, PLACE_DESIGNATOR
from extractors.unit_words import alternation, unit_words
from extractors.view import per_document


@lru_cache(maxsize=1)
def prose_words() -> dict:
    d = read_yaml("task_words.yaml")

    def alt(key: str) -> str:
        return alternation(d[key], longest_first=True)
    timing = alternation(d["timing_words"] + [t + ":" for t in d["trailing_time_labels"]], longest_first=True)
    return {
        "sub_item_marks": d["sub_item_marks"],
        "assign": re.compile(rf"(?i)^(?:{alt('assign_verbs')})\s+"),
        "lead": re.compile(rf"(?i)(?<!\w)(?:{alt('lead_cues')})(?!\w)"),
        # what follows the units that do the task ("..., UBND các huyện chủ trì ...", "..., các xã chủ động ...")
        "cue": re.compile(rf"(?i)(?<!\w)(?:{alternation(d['lead_cues'] + d['directive_cues'], longest_first=True)})(?!\w)"),
        "support": re.compile(rf"(?i)(?<!\w)(?:{alt('support_cues')})\s+"),
        # ("..., thời hạn hoàn thành: tháng 12/2025", "thời gian trong tuần ngày 15 đến ngày 31 ...")
        "timing": re.compile(rf"(?i)(?<!\w)(?:{timing})\s+(?:\w+\s+){{0,1}}(?:(?:{alt('day_words')})\s+)?$"),
        # a role noun that opens an item and names who does it, up to the cue or comma after it
        "actor": re.compile(rf"(?i)^(?:{alt('actor_heads')})(?!\w)[^,;:.()]{{0,60}}?(?=[ ]*,|[ ]+(?:"
                            rf"{alternation(d['lead_cues'] + d['directive_cues'] + d['support_cues'], longest_first=True)})(?!\w))"),
        "label": re.compile(rf"(?i)^(?:{alt('label_starts')})(?!\w)[^:\n]{{0,40}}?:\s*"),
        "dependent": re.compile(rf"(?i)(?:{alt('dependent_times')})(?!\w)"),
        "recurring": re.compile(rf"(?i)(?<!\w)(?:{alt('recurring_before')})(?!\w)"),
        "no_deadline": re.compile(rf"(?i)(?<!\w)(?:{alt('no_deadline')})(?!\w)"),
        "support_gap": re.compile(rf"(?i)[\s,;]*(?:(?:{alt('list_links')})(?!\w)[\s,;]*)?"),
        # "Các tỉnh Nghệ An, ...", "Thành phố Hà Nội và các tỉnh Bắc Ninh, ...": what may come before and
        # between the provinces that do a task
        "place_gap": re.compile(rf"(?i)[\s,;]*(?:(?:{alt('list_links')})(?!\w)[\s,;]*)*(?:{PLACE_DESIGNATOR}(?!\w))?\s*"),
        "no_task": re.compile(rf"(?i)^(?:{CAN_CU}|{alt('recipients_words')})"),
        # a list of who does it that opens with a collective ("Các sở, ban, ngành ...", "Các đơn vị trực thuộc ...")
        "collective_start": re.compile(rf"(?i)^(?:{alt('collective_openers')})[ ]+(?:{alt('collective_heads')})(?!\w)"),
        # a paragraph that goes on the sentence above it: lower case, no list letter ("để hoàn thành ...")
        "goes_on": re.compile(rf"^(?!{unit_words()['list_letter']}[).])(?!(?:{alt('assign_verbs')})[ ]){LOWER_CLASS}"),
        # an item that opens with its topic ("2. Về dự án ...: Bộ Xây dựng khẩn trương ...")
        "topic": re.compile(rf"(?i)^(?:{alt('topic_openers')})[ ][^:\n]{{3,400}}?:[ *_]*(?=\S)"),
        "topic_break": re.compile(rf"(?m)(?<=:)\n\n?(?=(?:{alt('assign_verbs')})[ ]|(?!{unit_words()['list_letter']}[).])"
                                 rf"{LOWER_CLASS}[^\n]{{40}})"),
        # after the units that open a paragraph, past their remit, what makes it an assignment ("Bộ Nội vụ theo
        # chức năng, nhiệm vụ được giao khẩn trương ...")
        "directed": re.compile(rf"(?i)[ ,]*(?:(?:{alt('remit_openers')})[ ]+(?:(?:{alt('remit_words')})(?!\w)[ ,]*)+)?"
                               rf"(?:{alt('directive_cues')}|{alt('lead_cues')})(?!\w)"),
        # between the units that lead together ("Bộ Tài chính, Bộ Công Thương và Bộ Xây dựng chủ trì ...")
        "lead_list": re.compile(rf"(?i)[ ]*,?[ ]*(?:(?:{alt('lead_list_links')})[ ]+)?"),
        "target": re.compile(rf"(?i)^(?:(?:{alt('quantity_openers')})\s+){{0,2}}[≥≤><~]?\s*\d"),
        # "Thời gian hoàn thành: Trước ngày 31/5/2026", or with no colon before a time ("Thời hạn hoàn thành trước ngày
        # 31/12/2026.", "Thời gian thực hiện trong tháng 11/2026", "Hoàn thành trước ngày 31/12/2026.")
        "trailing_time": re.compile(rf"(?i)^(?:(?:{alt('trailing_time_labels')})(?:[ *_]*:[ *_]*|[ ]+(?=(?:{alt('label_starts')})"
                                    rf"(?!\w)))|(?:{alt('trailing_deadline_verbs')})[ ]+(?=(?:{alt('label_starts')})(?!\w)))"),
        # a clause before who does it: up to "thì", else to its comma, never into a parenthesis ("Trên cơ sở đó, Bộ
        # Tư pháp tổng hợp ...",
        # "Căn cứ chức năng ..., trường hợp cần thiết thì các cơ quan ... có trách nhiệm ...")
        "lead_in": re.compile(rf"(?i)^(?:{alt('lead_ins')})(?!\w)(?:[^.;:()\n]{{0,250}}?[ ,](?:{alt('lead_in_ends')})[ ]+|"
                              rf"[^,.;:()\n]{{0,160}},[ ]*)"),
        # a time that qualifies a noun before it, not the task ("các nhiệm vụ được giao trong năm 2025")
        "qualified": re.compile(rf"(?i)(?<!\w)(?:{alt('qualifier_markers')})[ ]+\w+(?:[ ]+\w+)?[ ]+(?:{alt('timing_words')})"
                                rf"[ ]+(?:\w+[ ]+)?$"),
        # "Giao Sở Y tế Khẩn trương ...": the units of an assignment, then a cue in capitals mid-line
        "capital_cue": re.compile(rf"^(?:{alternation(_capitalised(d['assign_verbs']) + d['assign_verbs'])})"
                                  rf"[ ][^.;:,\n]{{3,150}}?[ ](?=(?:{alternation(_capitalised(d['directive_cues'] + d['lead_cues'] + d['clause_verbs'] + d['assign_verbs']), longest_first=True)})(?!\w))"),
        # the rest of a list of bodies and a participle phrase after it, or the place it is named at, up to the cue
        # ("các cơ quan, tổ chức, đơn vị được phân cấp thẩm quyền tại Điều 3 có trách nhiệm ...")
        "participle": re.compile(rf"(?i)(?:[^.;:\n]{{0,40}}?[ ](?:{alt('qualifier_markers')})[ ][^,.;:\n]{{0,60}}?|"
                                 rf"[ ]+(?:{alt('list_tail_openers')})(?!\w)[^,.;:\n]{{0,40}}?)"
                                 rf"(?=[ ](?:{alt('directive_cues')}|{alt('lead_cues')})(?!\w))"),
        "refers_back": re.compile(rf"(?i)^(?:{alt('refer_back_openers')})[ ]"),
        "time_start": re.compile(rf"(?i)^(?:{alt('label_starts')})(?!\w)"),
        "verb_start": re.compile(rf"(?i)^(?:{alternation(d['directive_cues'] + d['lead_cues'] + d['clause_verbs'], longest_first=True)})(?!\w)"),
        # after a date without its year: it recurs ("Trước ngày 31 tháng 7 của năm xét tặng, Cục X thông báo ...")
        "recurring_after": re.compile(rf"(?i)^(?:{alt('recurring_after')})(?!\w)(?![ ]*\d)"),
        "addressee": re.compile(rf"(?i)^(?:{alt('addressee_openers')})[ ]+"),
        # a collective and the colon before its members ("Các Bộ, cơ quan: Tài chính, ...", "Các sở, ngành: ...")
        "member_list": re.compile(rf"(?i)^(?P<opener>{alt('collective_openers')})[ ]+(?P<head>{alt('collective_heads')})(?!\w)"
                                  rf"(?:[ ]*,[ ]*(?:{alt('collective_heads')})(?!\w)(?:[ ]+\w+)?)*[ ]*:[ ]*"),
        # where the members end: their remit, or what they do ("... Y tế theo chức năng ...", "... Y tế phối hợp ...")
        "member_end": re.compile(rf"(?i)[ ,]*(?:{alternation(d['remit_openers'] + d['directive_cues'] + d['lead_cues'] + d['clause_verbs'] + d['support_cues'], longest_first=True)})(?!\w)"),
        "plan_period": re.compile(rf"(?im)^[IVX\d]+[.)]?\s*(?:{alt('plan_period_headings')})[^\n]*\n\s*([^\n]+)"),
    }

@per_document  # the rules ask for the units of the same line three or four times
def unit_spans(segment: str, context: DocContext | None) -> tuple[tuple[int, int, str], ...]:
    """(start, end, canonical name) of the units named in ``segment`` (abbreviations already expanded)."""
    return tuple((s, e, n) for s, e, surface in find_unit_mentions(segment) for n in canonical_unit(surface, context))


def leading_units(body: str, named: tuple[tuple[int, int, str], ...]) -> tuple[list[str], int]:
    """The units of the list that opens ``body`` ("Bộ Tài chính, Bộ Công Thương và Bộ Xây dựng theo chức năng
    ..."), given the units ``named`` in it, and where the list ends; ([], 0) when it opens with none."""
    if not named or named[0][0] > 1:
        return [], 0
    units: list[str] = []
    end = named[0][0]
    for s, e, n in named:
        if s >= end and units and not prose_words()["lead_list"].fullmatch(body[end:s]):
            break
        if n not in units:
            units.append(n)
        end = max(end, e)
    return units, end


def _capitalised(words: list[str]) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words]


def capital_cue_at(body: str) -> int:
    """Where the cue starts in an assignment whose units run into it in capitals, the colon or line break after
    them lost ("Giao Sở Y tế Khẩn trương rà soát ..."); 0 when there is none. A capitalised word after a unit's
    head is the unit's name ("Giao Sở Xây dựng kiểm tra ...", "Ban Chỉ đạo")."""
    m = prose_words()["capital_cue"].match(body)
    if not m:
        return 0
    before = body[:m.end()].split()
    return 0 if before and before[-1][:1].isupper() and head_of(f"{before[-1]} {body[m.end():]}") else m.end()


def unit_label_end(body: str, context: DocContext | None) -> int:
    """Where the task starts in an item labelled with who does it ("Sở Nông nghiệp và Môi trường: Khẩn trương
    ...", "Đối với Công an tỉnh: Tăng cường ..."), or whose units run into a capitalised cue; 0 otherwise."""
    w = prose_words()
    label = _LABEL.match(body)
    if label and body[label.end()].isupper():  # a label over a sentence ("Sở Y tế: Khẩn trương ..."), not "X: chủ trì"
        part = expand_abbreviations(label.group(1).strip(" *_"))
        part = part[m.end():] if (m := w["addressee"].match(part)) else part
        units, end = leading_units(part, unit_spans(part, context))
        if units and not part[end:].strip(" ,.*_") or collective_label(part):
            return label.end()
    return capital_cue_at(body)


_LABEL = re.compile(r"([^:\n]{3,160}):[ *_]*(?=\S)")
_TOPIC = re.compile(r"([^:;,.()\n\d]{3,100}):[ *_]*(?=\S)")


def topic_label_end(body: str, context: DocContext | None) -> int:
    """Where who does it starts after a topic label that names no one ("Tổ chức Hội nghị điển hình tiên tiến cấp
    cơ sở: Ủy ban nhân dân các phường, các cơ quan ... tổ chức ..."): past the colon, when a unit or a collective
    opens what follows; 0 otherwise (a unit's label "Sở Y tế: Khẩn trương ..." is read by :func:`unit_label_end`)."""
    m = _TOPIC.match(body)
    if not m or opens_with_unit(m.group(1), context) or prose_words()["collective_start"].match(m.group(1)):
        return 0
    rest = body[m.end():]
    return m.end() if _unit_at_start(rest, context) or prose_words()["collective_start"].match(rest) else 0


def collective_label(part: str) -> bool:
    """``part``, the label before an item's colon, names a collective and nothing it does ("Các cơ quan, đơn vị,
    UBND các xã, thị trấn: Đăng ký thi đua ...")."""
    w = prose_words()
    return len(part) <= 120 and bool(w["collective_start"].match(part)) and not w["cue"].search(part) and \
        not w["member_list"].match(part + ":")


def lead_in_end(body: str, context: DocContext | None) -> int:
    """Where who does it starts after the clause that opens ``body`` ("Trên cơ sở đó, ", "Với vai trò là chủ đầu
    tư, ", "Căn cứ ..., trường hợp cần thiết thì "); 0 when no clause opens it or no body, collective or office
    follows the clause."""
    w = prose_words()
    m = w["lead_in"].match(body)
    if not m:
        return 0
    rest = body[m.end():]
    return m.end() if _unit_at_start(rest, context) or w["collective_start"].match(rest) or \
        position_start().match(rest) else 0


def directed(body: str, context: DocContext | None) -> bool:
    """A paragraph that opens with its units (past a lead-in clause) and, past their remit, a cue that gives them
    the task ("Bộ Nội vụ theo chức năng, nhiệm vụ được giao khẩn trương ...", "Sở Y tế chủ trì ...")."""
    body = expand_abbreviations(body[:400])
    body = body[lead_in_end(body, context):]
    units, end = leading_units(body, unit_spans(body, context))
    return bool(units) and prose_words()["directed"].match(body, end) is not None


def item_roles(desc: str, context: DocContext | None, section_lead: list[str],
               paragraph: bool = False, timed: bool = False, due: bool = False) -> tuple[list[str], list[str], bool]:
    """(lead, support, whether the item names who does it) of one prose item (or paragraph: one that opens
    with a collective names who does it; a list item that does is an exhortation unless it has a deadline,
    ``due``). In an item its time label makes a task (``timed``), the units before "chủ động" do it too ("Năm
    2026: ..., UBND các huyện chủ động ...")."""
    w = prose_words()
    if cap := capital_cue_at(desc):  # "Giao Sở Y tế Khẩn trương ...": the units end before the cue
        desc = desc[:cap - 1] + "," + desc[cap:]
    # "**Trung tâm X** bảo đảm ...": a web copy's emphasis marks before who does it
    body = expand_abbreviations(w["assign"].sub("", desc.lstrip("*_"), count=1))[:400]
    body = body[lead_in_end(body, context):]  # "Trên cơ sở đó, Bộ Tư pháp tổng hợp ...": who follows the clause
    if (to := w["addressee"].match(body)) and _unit_at_start(body[to.end():], context):
        body = body[to.end():]  # "Đối với Sở Giáo dục và Đào tạo: Hướng dẫn ..."
    named = unit_spans(body, context)
    lead: list[str] = []
    actor = False
    labelled = 0  # where the label that names a collective ends
    cue = w["cue" if timed else "lead"].search(body)
    places = find_places(body[:200])
    if named and named[0][0] <= 1:  # the item opens with its units: they are the ones who do it
        lead, actor = leading_units(body, named)[0], True
    elif known := leading_body(body):  # "Giao Chính phủ, căn cứ ...": a body of the reference list, no head
        lead, actor = canonical_unit(known, context) or [known], True
    elif places and places[0][0] <= 10 and w["place_gap"].fullmatch(body[:places[0][0]]):
        actor = True  # "Các tỉnh Nghệ An, Quảng Ngãi khẩn trương ...": the provinces do it
        prev = places[0][0]
        for s, e, name in places:
            if not w["place_gap"].fullmatch(body[prev:s]):
                break
            lead.append(name)
            prev = e
    elif w["collective_start"].match(body) and (paragraph or due or cue_after_list(body, context) or
                                                 (labelled := unit_label_end(body, context))):
        actor = True  # "Các sở, ban, ngành, UBND các xã gửi báo cáo ...": the list that opens it does it; in an
        # item, only with a cue after the list ("2. Các bộ, cơ quan ngang bộ chủ trì, ...", not an exhortation)
        members = listed_members(body, context)
        lead.extend(members[0] if members else [])
        # "Các cơ quan, đơn vị, UBND các xã: Đăng ký thi đua ...": who the label names
        # only the list of its first clause ("Các Khối thi đua gửi ... trước ngày 20/3; các đơn vị thuộc Bộ đăng
        # ký ...": the second clause is a task of its own)
        for item in [] if members else role_items(body, 0, labelled or _clause_end(body), "lead"):
            if item.role == "lead":
                lead.extend(n for n in (canonical_unit(item.surface, context) if item.is_unit else [item.surface])
                            if n not in lead)
    elif position_start().match(body):
        actor = True  # "Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ ...", "Giao Phó Thủ tướng ... ": a person
        lead = [n for s, e, n in named if s < (cue.start() if cue else 120)][:3]
    elif not paragraph and (noun := w["actor"].match(body)) and label_of(body) is None:
        lead, actor = [noun.group(0).strip()], True  # "Chủ đầu tư phối hợp với ...": a role noun does it
    elif section_lead:
        lead, actor = list(section_lead), True
    elif cue:
        before = [n for s, e, n in named if e <= cue.start()]
        if before:
            lead, actor = [before[-1]], True  # "..., UBND các huyện chủ trì ..."
        elif head_of(body) and cue.start() <= 100:
            lead, actor = [body[:cue.start()].strip(" ,")], True  # "Đài Truyền hình X chủ trì": a body not in the lists
    support: list[str] = []
    # every "phối hợp (với)" of the item: "... phối hợp với Sở A, các sở, ngành liên quan rà soát ...; phối hợp
    # với Đài B, Tập đoàn C xây dựng ..."; a list ends where anything but a link stands between two names
    for sm in w["support"].finditer(body):
        stop = body.find(";", sm.end())
        prev = sm.end()
        for item in role_items(body, sm.end(), len(body) if stop < 0 else stop, "support"):
            if not w["support_gap"].fullmatch(body[prev:item.start]):
                break
            for n in canonical_unit(item.surface, context) if item.is_unit else [item.surface]:
                if n not in lead and n not in support:
                    support.append(n)
            prev = item.end
    return lead, support, actor


def _clause_end(body: str) -> int:
    return body.find(";") if ";" in body else len(body)


def listed_members(body: str, context: DocContext | None) -> tuple[list[str], int] | None:
    """The members that a collective opening ``body`` lists after its colon, up to their remit or what they do
    ("Các Bộ, cơ quan: Tài chính, Xây dựng, Tập đoàn Điện lực Việt Nam theo chức năng, nhiệm vụ được giao khẩn
    trương ...", "Các sở, ngành: Y tế, Công an tỉnh chủ động ..."), and where that starts; None when no such
    list follows. Each member takes the collective's first head ("Bộ Tài chính") unless it is a body of the
    reference list under a head of its own ("Tập đoàn Điện lực Việt Nam")."""
    w = prose_words()
    m = w["member_list"].match(body)
    if not m:
        return None
    pos, cue = m.end(), None
    while cue is None and pos < len(body) and body[pos].isupper():
        stop = body.find(",", pos)
        stop = len(body) if stop < 0 else stop
        cue = next((i for i in range(pos, stop) if body[i] == " " and w["member_end"].match(body, i)), None)
        pos = stop + 1
        while pos < len(body) and body[pos] == " ":
            pos += 1
    if cue is None:
        return None
    head = m.group("head")
    head = head[:1].upper() + head[1:]
    # the names layer's own colon-list rule, on the list with its one kind of body as the head
    names: list[str] = []
    for _, _, surface in find_unit_mentions(f"{m.group('opener')} {head}: {body[m.end():cue]}"):
        own = surface[len(head) + 1:] if surface.startswith(head + " ") else ""
        surface = own if own and _known_body(own) and not _known_body(surface) else surface
        names.extend(n for n in canonical_unit(surface, context) if n not in names)
    return (names, cue) if names else None


@lru_cache(maxsize=1)
def _reference_keys() -> frozenset[str]:
    return frozenset(name_key(n) for n, _ in reference_rows())


def _known_body(name: str) -> bool:
    """``name`` is a body of the reference list ("Tập đoàn Điện lực Việt Nam", not "Bộ Tập đoàn ...")."""
    return name_key(name) in _reference_keys()


def cue_after_list(body: str, context: DocContext | None = None) -> bool:
    """The list of bodies that opens ``body`` is followed by a cue that gives them the task ("Các bộ, cơ quan
    ngang bộ chủ trì ...", "Các sở, ngành khẩn trương ...", "Các Bộ, cơ quan: Tài chính, Xây dựng khẩn
    trương ...")."""
    w = prose_words()
    if listed_members(body, context):
        return True
    items = [it for it in role_items(body, 0, min(len(body), 200), "lead") if it.role == "lead"]
    if not items:
        return False
    end = items[-1].end  # past what qualifies the list ("các cơ quan, đơn vị được phân cấp tại Điều 3 có trách nhiệm")
    end = m.end() if (m := w["participle"].match(body, end)) else end
    return w["directed"].match(body, end) is not None


@lru_cache(maxsize=1)
def position_start() -> re.Pattern[str]:
    """An item that opens with a person's office ("Bộ trưởng", "Chủ tịch Ủy ban nhân dân tỉnh")."""
    words = sorted(heads_data()["positions"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(p) for p in words) + r")(?!\w)")


def opens_with_unit(body: str, context: DocContext | None) -> bool:
    """``body`` opens with a unit, or with a lead-in clause and then who does it."""
    return _unit_at_start(body, context) or bool(lead_in_end(body[:400], context))


def _unit_at_start(body: str, context: DocContext | None) -> bool:
    named = unit_spans(expand_abbreviations(body[:150]), context)
    return bool(named) and named[0][0] == 0 or leading_body(body) is not None


_PHRASE = re.compile(r"[^,;:.()\n]{2,80}")


def leading_body(body: str) -> str | None:
    """The body of the reference list that opens ``body`` before its first comma, when the mention grammar finds
    none there because it has no head ("Chính phủ, căn cứ ...", "Quốc hội giao ...", "Kiểm toán nhà nước chủ
    trì ..."): its longest leading run of words that is a known body; None otherwise."""
    m = _PHRASE.match(body)
    words = m.group(0).split() if m else []
    return next((" ".join(words[:k]) for k in range(min(len(words), 8), 1, -1)
                 if words[0][:1].isupper() and _known_body(" ".join(words[:k]))), None)
