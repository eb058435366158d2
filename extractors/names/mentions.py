"""Unit mentions in a text: the grammar's matches, merged with a container head before them, run on to the
end of a word, and completed from the reference list of public bodies."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names.casing import expand_abbreviations
from extractors.names.grammar import (continuation_re, mention_at, mentions_iter, place_after_re, position_before_re,
                                      standalone_variant_keys, trim_surface)
from extractors.names.head_lists import distribute_heads
from extractors.names.not_bodies import names_no_body
from extractors.names.owned import join_owned
from extractors.names.persons import without_person_names
from extractors.names.lexicon import (AND, LEVELS, NAME_PART_SEPARATOR, WORDS, canonical_province, container_heads,
                                      heads_data, lexicon_words, positions_alternation, reference_rows,
                                      standalone_heads)
from extractors.text import LOWER_CLASS, PLACE_DESIGNATOR, name_key
from extractors.text.fold import tone_fuzzy


def _prose_lower(head: str) -> bool:
    """A head prose writes in lower case before its capitalised rest: "lực lượng Kiểm lâm"."""
    return head != head.lower() and head.lower().startswith(
        tuple(p.lower() + " " for p in heads_data()["prose_lower_heads"]))


def _force_word(head: str) -> int:
    """The length of "lực lượng " before a force that is a body of a level by itself ("Công an" + a place), else 0."""
    for p in heads_data()["prose_lower_heads"]:
        inner = head[len(p) + 1:]
        if head.lower().startswith(p.lower() + " ") and name_key(inner) in standalone_heads():
            return len(p) + 1
    return 0


def find_unit_mentions(text: str) -> list[tuple[int, int, str]]:
    """Spans of unit names in ``text`` (head + modifiers + place): (start, end, surface). Not cached on the
    text: a caller that needs a document's mentions twice keeps them (or its DocumentView does)."""
    out: list[tuple[int, int, str]] = []
    # a container head ("Văn phòng", "Thường trực", "Hội đồng Thi đua - Khen thưởng") awaiting its body:
    # (its start, whether it was emitted as a unit of its own)
    pending: tuple[int, bool] | None = None
    events = _event_words()
    covered = 0  # the end of a name completed from the reference list: mentions inside it are parts of it
    short: list[tuple[int, int]] = []  # a container and a bare head: "Văn phòng Ban Chỉ huy"
    for m in mentions_iter(text):
        head = m.group("head")
        start = m.start()
        if start < covered:
            continue
        reference_end = _complete_from_reference(text, start) if head[:1].isupper() else start
        merged_start = None
        if pending is not None:
            between = text[pending[0]:start]
            if 0 < len(between) < 60 and between[-1] == " " and "\n" not in between and \
                    name_key(expand_abbreviations(between)) in container_heads():
                merged_start = pending[0]
                drop_previous = pending[1]
        pending = None
        if not head[0].isupper() and merged_start is None and not _prose_lower(head) and \
                not _after_title(text, start):
            continue  # "các sở, ban, ngành" is a collective, not a named unit
        tail = m.group("tail")
        if start and text[start - 1] in "-/" and head.isupper():
            continue  # "TTr-UBND", "QĐ-BTĐKT": the issuer's code inside a document number
        if not tail and reference_end == start and name_key(head) not in standalone_variant_keys():
            if name_key(head) in container_heads():
                pending = (start, False)
            elif merged_start is not None:  # "Văn phòng Ban Chỉ huy": a short form, if the text names it in full
                short.append((merged_start, start + len(head)))
            continue  # a bare "Sở", "Ban", "Phòng" names nothing
        if tail and head in events and tail.split()[0] in events[head]:
            continue  # "Hội Nghị", "Hội Thi": an event, not an association
        surface = m.group(0)
        n_upper = sum(map(str.isupper, surface))
        upper = n_upper / max(1, n_upper + sum(map(str.islower, surface))) > 0.8
        if upper and name_key(expand_abbreviations(head)) not in standalone_heads() and not _in_prose(text, start):
            continue  # "BÁO CÁO", "CỤC TRƯỞNG": upper-case headings, not names
        if m.group("parent") and (not _DEPARTMENT_PART.match(head)
                                  or _sibling_of_departments(text[start:m.start("parent")])):
            end = m.start("parent")
        else:
            end = m.end()
        if merged_start is not None:
            start = merged_start
            if drop_previous and out and out[-1][0] == start:
                out.pop()
        if tail and merged_start is None:
            start += _force_word(head)  # "lực lượng Công an thành phố" is the "Công an thành phố"
        end = start + len(trim_surface(text[start:end]))
        end = _run_to_word_end(text, start, end)
        end = covered = max(end, reference_end)
        if name_key(expand_abbreviations(text[start:end])) in _cut_heads():
            continue  # "Hội Liên hiệp", "Bộ Chỉ huy": the start of a longer head, cut by a break
        if end == start + len(head) and name_key(head) not in standalone_variant_keys():
            continue  # a bare head once an upper-case heading's next line is cut off ("THÔNG BÁO| Kết luận ...")
        if start == m.start() and names_no_body(text, start, end, head):
            continue  # "Luật Viễn thông", "Hội An", "Thuế GTGT", "Ví dụ: Sở AH ..."
        out.append((start, end, text[start:end]))
        if m.group("parent") and end <= m.start("parent"):
            # "UBND tỉnh, Sở Nội vụ": a "Sở" after a body that has no sub-bodies is the next unit of a list
            # the next unit read whole: the parent's tail stops at a lower-case word its own head holds ("Công an
            # tỉnh, Bộ Chỉ| huy Quân sự tỉnh")
            ps = m.start("parent") + 2
            full = mention_at(text, ps)  # (up to a parent of its own: the unit after it is the list's next)
            full_end = (full.start("parent") if full.group("parent") else full.end()) if full else 0
            pe = ps + len(trim_surface(text[ps:max(m.end(), full_end)]))
            pe = covered = max(_run_to_word_end(text, ps, pe), _complete_from_reference(text, ps), covered)
            out.append((ps, pe, text[ps:pe]))
        if not tail and name_key(expand_abbreviations(head)) in container_heads():
            pending = (start, True)
    return join_owned(text, distribute_heads(text, _other_levels(text, _short_forms(text, short, without_person_names(text, out)))))


def _short_forms(text: str, short: list[tuple[int, int]], out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``out`` with each short form ("Văn phòng Ban Chỉ huy") read as the one name the text gives in full that
    starts with it ("Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh"); a short form two names start with names neither."""
    if not short:
        return out
    added = []
    for s, e in short:
        key = name_key(expand_abbreviations(text[s:e])) + " "
        full = {surf for _, _, surf in out if name_key(expand_abbreviations(surf)).startswith(key)}
        base = min(full, key=len, default="")
        if full and all(f.startswith(base) for f in full):
            added.append((s, e, base))
    return sorted(out + added)


@lru_cache(maxsize=1)
def _level_tail() -> tuple[re.Pattern, re.Pattern]:
    """A name ending in a level ("... cấp tỉnh"), and the other levels listed after it (", cấp xã", " và cấp xã")."""
    levels = "|".join(LEVELS[k] for k in ("province", "district", "commune"))
    level = rf"{WORDS['level_of']}[ ]+(?:{levels})(?!\w)"
    return (re.compile(rf"[ ]{level}$"),
            re.compile(rf"(?:[ ]*,[ ]*|[ ]+{AND}[ ]+)(?P<level>{level})"))


def _other_levels(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A body named at one level and then at others ("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã", "Ủy ban nhân
    dân cấp huyện và cấp xã") is one body at each level: the later levels are mentions of their own."""
    ends, more = _level_tail()
    out = []
    for s, e, surf in mentions:
        out.append((s, e, surf))
        end = ends.search(surf)
        while end:
            m = more.match(text, e)
            if not m:
                break
            out.append((m.start("level"), m.end(), surf[:end.start()] + " " + m.group("level")))
            e = m.end()
    return out


_WORD_BEFORE = re.compile(r"(\S+)[ ]+$")


def _in_prose(text: str, start: int) -> bool:
    """An upper-case name inside a sentence, after a lower-case word ("... của CÔNG TY CỔ PHẦN X vướng mắc"), as
    a reply prints its addressee; a heading has none before it on its line."""
    before = _WORD_BEFORE.search(text, max(text.rfind("\n", 0, start) + 1, start - 40), start)
    word = before.group(1) if before else ""
    return any(c.isalpha() for c in word) and word == word.lower()


def _after_title(text: str, start: int) -> bool:
    """A lower-case head stands after a person's title that ends before it or in its first word ("Trưởng ban
    Tuyên giáo" names "Ban Tuyên giáo"), not inside a longer title ("Phó Trưởng ban Thường trực Ban Chỉ đạo ...")."""
    lo = max(0, start - 30)
    before = position_before_re().search(text[lo:start])
    if not before:
        return False
    title = _title_re().match(text, lo + before.start())
    first_word = re.match(r"\S+", text[start:])
    # the title may end in the head's first word ("Trưởng ban| Tuyên giáo"), not beyond it
    return not title or title.end() <= start + (first_word.end() if first_word else 0)


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    return re.compile(rf"(?:{positions_alternation()})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cut_heads() -> frozenset[str]:
    """Keys of the first two or more words of a head that name nothing by themselves ("Hội Liên hiệp" of "Hội
    Liên hiệp Phụ nữ", "Ủy ban Mặt trận" of "Ủy ban Mặt trận Tổ quốc"): neither a head nor a reference body."""
    cut, kept = set(), set()
    for h in heads_data()["heads"]:
        words = h.split()
        for k in range(2, len(words)):
            # cut between two capitalised parts; a part before a dash ("Hội đồng Thi đua| - Khen thưởng") is
            # a short name of its own
            (kept if words[k] in "-–" or not words[k][0].isupper() else cut).add(name_key(" ".join(words[:k])))
    known = {name_key(h) for h in heads_data()["heads"]} | {name_key(n) for n, _ in reference_rows()}
    return frozenset(cut - kept - known)


_DEPARTMENT_PART = re.compile(rf"(?i)({'|'.join(WORDS['department_parts'])})\b")


@lru_cache(maxsize=1)
def _event_words() -> dict[str, frozenset[str]]:
    return {WORDS["event_head"]: frozenset(heads_data()["event_words"])}


# --- a name that stops inside a word -------------------------------------------------------------------


_LAST_WORD = re.compile(r"(?<![\w&])[\w&]+$")
_NEXT_SYLLABLE = re.compile(rf"[ ]({LOWER_CLASS}+)(?![\w&])")


def _run_to_word_end(text: str, start: int, end: int) -> int:
    """A name's end moved past the lower-case syllables that finish the word its last capitalised syllable
    starts ("Cục Việc| làm", "Phòng Quản lý Khoa| học và Đối ngoại", "Ban Đại| diện"), and then on through
    the rest of the name. Official names capitalise only the first syllable of each part (Decree 30/2020),
    so a part of two or more syllables ends in lower case; the word list says where that word ends."""
    for _ in range(8):  # each round finishes one word; a name has few parts
        last = _LAST_WORD.search(text, start, end)
        if not last or not last.group(0)[0].isupper() or last.group(0).isupper() and len(last.group(0)) > 1:
            return end
        words = text[start:end].split()
        if any(canonical_province(" ".join(words[-k:])) for k in (1, 2, 3) if len(words) > k):
            return end  # a place ends the name ("tỉnh Ninh Bình| chuẩn bị"): no word to finish
        syllables, pos, word_end = [last.group(0).lower()], end, None
        for _ in range(3):
            m = _NEXT_SYLLABLE.match(text, pos)
            if not m:
                break
            syllables.append(m.group(1))
            pos = m.end()
            if " ".join(syllables) in lexicon_words():
                word_end = pos
        if word_end is None:
            # no word ends there, but one syllable and a part after "và" do: the first part of a name ends in a
            # word the list lacks ("Chi cục Biển| đảo và Thủy sản")
            one = _NEXT_SYLLABLE.match(text, end)
            if not one or not text.startswith(f" {AND} ", one.end()) or not continuation_re().match(text, one.end()):
                return end
            word_end = one.end()
        end = word_end
        more = continuation_re().match(text, end)
        if more:
            end = start + len(trim_surface(text[start:more.end()]))
    return end


# --- names completed and checked against the reference list of public bodies ------------------------------


@lru_cache(maxsize=1)
def _reference_re() -> re.Pattern:
    """Every reference name of three or more words, its first letter as written and the rest in any case
    ("Đài truyền hình Việt Nam"), either tone placement, longest first."""
    names = sorted({n for n, _ in reference_rows() if len(n.split()) >= 3}, key=len, reverse=True)
    # the parts of a name one space, a comma, a dash or "và" apart, whichever the official name prints
    sep = rf"(?:[ ]*[,\-–][ ]*|[ ]+)(?:{AND}[ ]+)?"
    alts = "|".join(re.escape(n[0]) + "(?i:" + sep.join(tone_fuzzy(part) for part in NAME_PART_SEPARATOR.split(n[1:]))
                    + ")" for n in names)
    return re.compile(rf"(?:{alts})(?![\w&])")


def _complete_from_reference(text: str, start: int) -> int:
    """The end of the reference name that starts at ``start`` and runs on through the rest of a name (a place
    after it), or ``start`` when none does: "Tập đoàn Công nghiệp - Viễn thông Quân đội" is one body although
    "Viễn thông" starts a name of its own, "Đài truyền hình Việt Nam" one although "truyền hình" is lower case."""
    m = _reference_re().match(text, start)
    if not m:
        return start  # a complete name takes only a place after it ("Đài Truyền hình Việt Nam| Ngày ...")
    base = m.end()
    level = _LEVEL_AT_END.search(text, start, base)  # "Văn phòng Ủy ban nhân dân thành phố| Hà Nội": the place
    if level:                                        # word starts the place, whose name follows
        base = level.start()
    place = place_after_re().match(text, base)
    return start + len(trim_surface(text[start:max(m.end(), place.end() if place else 0)]))


_LEVEL_AT_END = re.compile(rf"[ ](?:{PLACE_DESIGNATOR})$")


# a level word ending a name ("tỉnh", "cấp huyện"): the reference list names a body without it
_LEVELS_OF = ("province", "district", "commune")
_LEVEL_WORD = re.compile(" (?:" + "|".join([*(LEVELS[k] for k in (*_LEVELS_OF, "city")),
                                             *(f"{WORDS['level_of']} {LEVELS[k]}" for k in _LEVELS_OF)]) + ")$")


@lru_cache(maxsize=1)
def _reference_parents() -> dict[str, str]:
    """name key without its level word ("ban quản lý khu kinh tế") -> its parent body."""
    return {name_key(_LEVEL_WORD.sub("", n)): parent for n, parent in reference_rows()}


def _sibling_of_departments(name: str) -> bool:
    """``name`` is a body that does not belong to a Sở or a Bộ (the reference list says it belongs to the
    provincial people's committee, a group, ...), so "Ban Quản lý Khu kinh tế, Sở Công Thương" lists two
    bodies, while "Ban Thi đua - Khen thưởng, Sở Nội vụ" names a board and its department."""
    parent = _reference_parents().get(name_key(name))
    if not parent:
        # a reference body with its own proper name after it ("Ban Quản lý Khu kinh tế| Vân Phong")
        words = name.split()
        parent = next((_reference_parents().get(name_key(" ".join(words[:k])))
                       for k in range(len(words) - 1, 1, -1) if words[k][:1].isupper()
                       and name_key(" ".join(words[:k])) in _reference_parents()), None)
    return bool(parent) and not parent.startswith((*WORDS["parent_heads"], "{ministry}"))
