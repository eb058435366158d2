"""Section headings that say whose duties the items below them are.

    1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo      (a unit, with its role in the plan after a dash)
    1.4. Ủy ban nhân dân các phường, xã, đặc khu            (a unit the name finder splits)
    1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:       (whose duties: the words after "Trách nhiệm của")
    1.3. Các cơ quan tham mưu ... (gồm các Sở: Xây dựng, Công Thương)   (a collective: its members lead)
    1. Giao người đứng đầu các cơ quan chuyên môn; Chủ tịch UBND các xã   (an assignment over the items below)
    b) Đối với Ủy ban nhân dân các huyện:                   (the body the items below are for)
    3. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Thủy sản thực hiện các nội dung sau:   (director, then lead)

The items under such a heading, up to the next heading of its rank, are done by the units it names
(``extractors/tasks.py: prose_tasks``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.context import DocContext
from extractors.lexicon import read_yaml
from extractors.names import canonical_unit, expand_abbreviations, head_of, heads_data
from extractors.task_blocks import role_items
from extractors.task_roles import unit_spans
from extractors.unit_words import alternation, unit_words

_PARENS = re.compile(r"\s*\(([^()]*)\)")


@dataclass
class Section:
    level: int
    lead: list[str] = field(default_factory=list)
    director: str | None = None


@lru_cache(maxsize=1)
def _words() -> dict:
    d = read_yaml("task_words.yaml")
    words = {k: alternation(v, longest_first=True) for k, v in d.items() if isinstance(v, list)}
    return {
        "heading": re.compile(rf"(?i)^[ \t]*(?:[*_]{{1,2}})?(?:(?P<r>[IVX]+\.|(?:{words['article_words']})[ ]+\d+\.)|"
                              rf"(?P<n>\d{{1,2}}(?:\.\d{{1,2}})*)\.|(?P<l>{unit_words()['list_letter']})\))"
                              rf"(?:[*_]{{1,2}})?[ ]*"),
        "heading_tail": re.compile(rf"(?i)[\s:*_.]*(?:(?:{words['unit_heading_tails']})[\s:]*)?$"),
        "lead": re.compile(rf"(?i)(?<!\w)(?:{words['lead_cues']})(?!\w)"),
        "assign": re.compile(rf"(?i)^(?:{words['heading_assign_verbs']})[ ]+"),
        # who an assigning heading's list opens with: a body, a collective, a person's office or a role noun
        "addressed": re.compile(rf"(?i)^(?:{words['collective_openers']}|{words['actor_heads']}|"
                                rf"{alternation(heads_data()['positions'], longest_first=True)})(?!\w)"),
        # between the body that directs and the one directed in a heading ("Sở X chỉ đạo Chi cục Y ...")
        "directs": re.compile(rf"(?i)[ ,]*(?:{words['direct_cues']})[ ]+(?:(?:{words['lead_mid_links']})[ ]+)?"),
        "owner": re.compile(rf"(?i)^(?:{words['owner_openers']})[ ]+"),
        "addressee": re.compile(rf"(?i)^(?:{words['addressee_openers']})[ ]+"),
        "members": re.compile(rf"(?i)^(?:{words['member_openers']})(?!\w)[ :]*"),
        "collective": re.compile(rf"(?i)^(?:{words['collective_openers']})[ ]+(?:{words['collective_heads']})(?!\w)"),
        # what a unit's name may be followed by in a heading: its role in the plan ("Sở Tài chính - Cơ quan
        # thường trực Ban Chỉ đạo", "Sở Nội vụ (Cơ quan thường trực Hội đồng)")
        "apposition": re.compile(r"[ ]*(?:[-–(]|$)"),
        "verb": re.compile(rf"(?i)(?<!\w)(?:{alternation(d['lead_cues'] + d['clause_verbs'] + d['directive_cues'], longest_first=True)})(?!\w)"),
        # a heading that opens with a person's office ("3. Bộ trưởng Bộ Tài chính ... thực hiện các nhiệm vụ sau:",
        # "1. Các đồng chí Giám đốc các sở, ngành theo chức năng ... thực hiện tốt các nội dung sau:")
        "office": re.compile(rf"(?i)^(?:(?:{words['collective_openers']})[ ]+)?(?:(?-i:{words['person_titles']})[ ]+)?"
                             rf"(?=(?:{alternation(heads_data()['positions'], longest_first=True)})(?!\w))"),
        # where the offices a heading names end: their remit, or what they do
        "speech": re.compile(rf"(?i)(?<!\w)(?:{words['speech_endings']})[ :*_.]*$"),
        # between the bodies of the offices a heading names ("Tỉnh ủy và Chủ tịch Ủy ban nhân dân tỉnh")
        "office_link": re.compile(rf"(?i)[ ]*(?:,|(?:{words['lead_list_links']})(?!\w))[ ]*(?:(?:{alternation(heads_data()['positions'], longest_first=True)})[ ]+)?"),
        "office_end": re.compile(rf"(?i)(?<!\w)(?:{words['remit_openers']}|{alternation(d['lead_cues'] + d['clause_verbs'] + d['directive_cues'], longest_first=True)})(?!\w)"),
    }


def heading_level(line: str) -> int | None:
    """1 for "II." and "Điều 2.", 2 for "3.", 3 for "3.1.", 6 for "a)", None for other lines."""
    m = _words()["heading"].match(line)
    if not m:
        return None
    return _level(m)


def article_mark_end(line: str) -> int:
    """Where an article's text starts after its mark ("Điều 2. Giao Sở Nội vụ ..."); 0 for other lines."""
    m = _words()["heading"].match(line)
    return m.end() if m and m.group("r") and not m.group("r").isupper() else 0


def _level(m: re.Match[str]) -> int:
    return 1 if m.group("r") else 6 if m.group("l") else 2 + m.group("n").count(".")


def section_heading(line: str, context: DocContext | None) -> Section | None:
    """The section a heading line opens when it names whose duties follow, else None."""
    w = _words()
    m = w["heading"].match(line)
    if not m:
        return None
    level = _level(m)
    rest = w["heading_tail"].sub("", line[m.end():]).strip(" *_")
    if line.rstrip(" *_").endswith(".") and len(rest) > 80:
        return None  # a sentence that ends ("1. Đối với các trường hợp ..., lập hồ sơ theo quy định."): an item
    opens_list = line.rstrip(" *_").endswith(":")
    # offices open a heading over items however long its remit ("1. Các đồng chí Bộ trưởng, ... theo chức năng,
    # nhiệm vụ ...; trong đó chú trọng thực hiện tốt các nội dung sau:")
    # or, without the colon, a heading that names offices and nothing they do ("1. Bộ trưởng các Bộ, Thủ trưởng cơ
    # quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố" over "a) ...", "b) ...")
    bare = not opens_list and len(rest) <= 200 and not rest.endswith(".") and not w["assign"].match(rest) and \
        not any(c.isdigit() for c in rest) and not w["verb"].search(_unnamed(rest, context))
    office = _office_holders(rest, context, bare) if (opens_list or bare) and len(rest) <= 1000 else []
    if office:
        return Section(level, office)
    if not rest or len(rest) > 300:
        return None
    directed = directing(rest, context) if opens_list else None
    if directed is not None:
        return Section(level, [directed[1]], directed[0])
    lead = _owners(rest, context)
    return Section(level, lead) if lead else None


def _unnamed(rest: str, context: DocContext | None) -> str:
    """``rest`` without the units it names ("Giám đốc Sở Xây dựng": no verb "xây dựng" in it)."""
    rest = expand_abbreviations(rest)
    for s, e, _ in reversed(unit_spans(rest, context)):
        rest = rest[:s] + " " * (e - s) + rest[e:]
    return rest


def directing(rest: str, context: DocContext | None) -> tuple[str, str] | None:
    """(director, lead) of a heading or an item that opens with one body directing another ("Sở Nông nghiệp và
    Môi trường chỉ đạo Chi cục Thủy sản thực hiện các nội dung sau:", "Bộ Công Thương chỉ đạo Tập đoàn Điện lực
    Việt Nam đẩy nhanh ...")."""
    rest = expand_abbreviations(rest.strip(" *_")[:300])
    found = unit_spans(rest, context)
    if len(found) < 2 or found[0][0] != 0:
        return None
    (_, a_end, director), (b_start, _, lead) = found[0], found[1]
    return (director, lead) if _words()["directs"].fullmatch(rest[a_end:b_start]) else None


def _office_holders(rest: str, context: DocContext | None, bare: bool = False) -> list[str]:
    """Who a heading over items names by their office: the body of the office ("Bộ trưởng Bộ Tài chính - Phó
    Trưởng ban ... thực hiện các nhiệm vụ sau" -> Bộ Tài chính), else the offices as written, up to their remit
    or what they do ("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ theo chức năng ..." -> "Bộ trưởng,
    Thủ trưởng cơ quan ngang bộ"); a ``bare`` heading, that names nothing they do, names offices up to its end."""
    w = _words()
    expanded = expand_abbreviations(rest.strip(" *_:")[:300])
    # "2. Đề nghị Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh X chỉ đạo ..., tập trung các nhiệm vụ sau:"
    expanded = expanded[a.end():] if (a := w["assign"].match(expanded)) else expanded
    m = w["office"].match(expanded)
    if not m or w["speech"].search(expanded):
        return []
    found = unit_spans(expanded, context)
    position = _position_at(expanded, m.end())
    at = m.end() + position
    if found and found[0][0] >= at and not expanded[at:found[0][0]].strip():
        # "Bộ trưởng Bộ Tài chính", "Giám đốc Sở Y tế"; every office's body and every body of a list ("Bí thư Tỉnh
        # ủy, Chủ tịch Ủy ban nhân dân tỉnh X", "Chủ tịch Ủy ban nhân dân các tỉnh: A, B và C")
        names, end = [found[0][2]], found[0][1]
        for s, e, name in found[1:]:
            if s >= end and not w["office_link"].fullmatch(expanded, end, s):
                break  # one mention may name several bodies ("Ủy ban nhân dân các tỉnh: A, B"): same span
            names, end = names + [name] * (name not in names), max(end, e)
        return names
    stop = w["office_end"].search(expanded, m.end())
    offices = expanded[m.end():stop.start() if stop else len(expanded) if bare else 0].strip(" ,;-")
    return [offices] if offices and len(offices) <= 120 else []


def _position_at(text: str, start: int) -> int:
    """The length of the person's office that opens text[start:]."""
    return next((len(p) for p in sorted(heads_data()["positions"], key=len, reverse=True)
                 if text.startswith(p, start) or text[start:start + len(p)].lower() == p.lower()), 0)


def _owners(rest: str, context: DocContext | None) -> list[str]:
    """Who a heading names as a whole: a unit (with its role in the plan after a dash or in parentheses), the
    words after "Trách nhiệm của", a collective or its members, the units after "Giao"."""
    w = _words()
    rest = rest.rstrip(" :*_")
    expanded = expand_abbreviations(rest)
    if w["lead"].search(expanded) or expanded.endswith("."):
        return []  # "2. Sở Tư pháp chủ trì ..., báo cáo trước ngày ...": an item, not a heading
    owner = w["owner"].match(expanded)
    assigned = w["assign"].match(expanded) or w["addressee"].match(expanded)
    if owner or assigned:
        expanded = expanded[(owner or assigned).end():]
    if not owner and any(c.isdigit() for c in expanded):
        return []  # "c) Giao Phó Thủ tướng ... trước ngày 15/11/2025 kiểm tra ...": an item with its date
    found = unit_spans(expanded, context)
    if found and found[0][0] == 0 and w["apposition"].match(expanded, found[0][1]):
        return [found[0][2]]  # "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo", "Sở Y tế"
    members = _members(expanded, context)
    if members:
        return members
    core = _PARENS.sub("", expanded).strip(" ,;:")
    if assigned:  # "Giao người đứng đầu các cơ quan chuyên môn, ...; Chủ tịch UBND các xã": who the list names
        if w["verb"].search(core) or not (w["addressed"].match(core) or (found and found[0][0] == 0)):
            return []  # "Giao Sở X tổ chức ...": an item that says what, not a heading over items
        items = [it for it in role_items(core, 0, len(core), "lead") if it.is_unit or w["collective"].match(it.surface)]
        return list(dict.fromkeys(n for it in items for n in (canonical_unit(it.surface, context)
                                                              if it.is_unit else [it.surface])))
    if owner:  # "Trách nhiệm của đối tượng thực hiện kiểm kê": whose duties, as the heading says
        return [core] if len(core) <= 120 else []
    if w["collective"].match(core):
        return [core] if len(core) <= 120 and not w["verb"].search(core) else []
    # "Ủy ban nhân dân xã, phường": a name the finder splits (not a bare head: "2.1. Sở" cut by a line break)
    if head_of(expanded) and len(expanded) <= 80 and len(expanded.split()) > 1:
        return canonical_unit(expanded, context)
    return []


def _members(phrase: str, context: DocContext | None) -> list[str]:
    """The units a collective lists in parentheses ("Các cơ quan tham mưu quản lý ngành (gồm các Sở: Xây dựng,
    Công Thương)")."""
    for m in _PARENS.finditer(phrase):
        inner = m.group(1)
        opened = _words()["members"].match(inner)
        if opened:
            names = [n for _, _, n in unit_spans(inner[opened.end():], context)]
            if names:
                return list(dict.fromkeys(names))
    return []
