"""The grammar of a unit mention: a head, its tail of sectors, places and names, and a parent body; built
once from the lexicons."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names.casing import expand_abbreviations, first_words, scan
from extractors.names.lexicon import (AND, COLLECTIVE, LEVELS, PROVINCE_LEVELS, REGION_NUMBERS, WORDS, abbr_re, abbreviations,
                                      heads_data, positions_alternation, province_names)
from extractors.text import UPPER_CLASS, either_case_first, name_key
from extractors.text.fold import tone_fuzzy, tone_fuzzy_parts


# --- the grammar of a unit mention ------------------------------------------------------

@lru_cache(maxsize=1)
def _head_variants() -> list[str]:
    """Every head with its abbreviated spellings ("Hội đồng Thi đua - Khen thưởng" -> "Hội đồng TĐKT", "HĐTĐKT")."""
    abbrs = [(a, e) for a, e in abbreviations() if a.isupper() or "&" in a or "-" in a]
    out = set()
    for h in heads_data()["heads"]:
        forms = {h}
        for _ in range(2):
            for f in list(forms):
                for a, e in abbrs:
                    i = f.lower().find(e.lower())
                    if i >= 0 and len(e) > 2:
                        forms.add(" ".join((f[:i] + a + f[i + len(e):]).split()))
        out |= forms
    return sorted(out, key=len, reverse=True)


def _longer_sector_guard(h: str) -> str:
    """A lookahead that keeps a head made of a shorter head and a sector ("Ban Tổ chức") from taking the
    start of a longer sector: "Ban Tổ chức - Hành chính" is "Ban" + "Tổ chức - Hành chính"."""
    d = heads_data()
    rests = set()
    for base in d["heads"]:
        if not h.lower().startswith(base.lower() + " "):
            continue
        r = h[len(base) + 1:].lower()
        for sec in d["sectors"]:
            if sec.lower().startswith(r) and len(sec) > len(r):
                rests.add(sec[len(r):])
    if not rests:
        return ""
    return "(?!" + "|".join(tone_fuzzy(r) for r in sorted(rests, key=len, reverse=True)) + ")"


def _spaced(words: str) -> str:
    """Words one space apart, as a pattern."""
    return "[ ]".join(words.split())


@lru_cache(maxsize=1)
def _grammar() -> tuple["_MentionPattern", "_Run", re.Pattern]:
    """The mention pattern (head, tail, parent), the pattern of a tail's continuation, and of a place after
    a complete name."""
    d = heads_data()
    W = r"[ ]{1,2}"  # words of one name are one or two spaces apart (wider gaps are layout columns)
    head_any = f"(?i:{'|'.join(tone_fuzzy(h) + _longer_sector_guard(h) for h in _head_variants())})"
    # a sector keeps its first capital ("Phòng Văn hóa- thông tin"), the rest may be in any case
    sector = "|".join(re.escape(s[0]) + f"(?i:{tone_fuzzy(s[1:])})"
                      for s in sorted(d["sectors"] + d["name_types"], key=len, reverse=True))
    # a number after a kind of body ("Công ty Cổ phần 483"), never a date, a count or a document number
    units = "|".join(WORDS["number_units"])
    number = rf"(?:{W}\d{{1,4}}(?![\w/.:,-]?\d)(?![\w/])(?!{W}(?:{units}|%)))?"
    provinces = "|".join(tone_fuzzy(n) for n in sorted(province_names(), key=len, reverse=True))
    lower_mods = "|".join(re.escape(m) for m in sorted(d["lowercase_modifiers"], key=len, reverse=True))
    place_word = "|".join(re.escape(w) for w in sorted(d["place_words"], key=len, reverse=True))
    sub_place = "|".join(re.escape(w) for w in sorted(d["place_words"], key=len, reverse=True) if w != LEVELS["province"])
    # "trực thuộc Trung ương", which documents also print "trực thuộc trung ương"
    central = W.join(f"{WORDS['under_central']} {either_case_first(WORDS['central'].lower())}".split())
    bare_place = "|".join(re.escape(w) for w in sorted(d["bare_place_words"], key=len, reverse=True))
    # a capitalised word that does not start a new unit and is not a Roman numeral ("Phòng III")
    # (the words a name part may not be, as one trie: the guard is repeated in every part of the grammar, and a
    # flat alternation of them made the pattern slow to compile and to try)
    cap = rf"(?!(?:{_not_a_name_part()})(?!\w))(?![IVXLC]+\b){UPPER_CLASS}[\w&]*(?:\.[\w]+)?"
    rg = WORDS["regions"]
    region = (rf"(?:{'|'.join(rg['directions'])})[ ]{either_case_first(rg['part'])}"
              rf"|{either_case_first(rg['delta'])}[ ]\w+|{_spaced(WORDS['party_branch'])}")
    province_list = rf"(?:{provinces})(?:[ ]*,[ ]*(?:{provinces}))*(?:[ ]*(?:,|{AND})[ ]*(?:{provinces}))?"
    capitalised = "|".join(LEVELS[k].capitalize() for k in ("province", "district", "city"))
    province_level = "|".join(W.join(w.split()) for w in PROVINCE_LEVELS.split("|"))
    # "thành phố Hà Nội, thành phố Hải Phòng và tỉnh Quảng Ninh": provinces each with its level word, one collective
    level_first = rf"(?:{place_word}|{capitalised}){W}(?:{provinces})"
    place = (rf"(?:{level_first}(?:(?:[ ]*,[ ]*|{W}{AND}{W}){level_first})+"
             rf"|(?:{place_word}|{place_word.upper()}|{capitalised}){W}(?:{province_list}|{cap}(?:{W}{cap}){{0,3}})"
             # "các tỉnh, thành phố: Tuyên Quang, Đồng Nai": the head is given to each province of the list
             rf"|{COLLECTIVE}{W}(?:{province_level})(?:[ ]*[,/][ ]*(?:{province_level}))?[ ]*:[ ]*{province_list}"
             # "các tỉnh, thành phố", also printed without the comma ("các tỉnh thành phố trực thuộc Trung ương")
             # ("các xã, phường và đặc khu": the last of the list after the conjunction)
             # ("các xã, đặc khu và các phường": "các" again after the conjunction)
             rf"|{COLLECTIVE}{W}(?:{place_word})(?:(?:[ ]*[,/][ ]*|{W}{AND}{W}(?:{COLLECTIVE}{W})?|{W})(?:{place_word}))*"
             rf"(?:{W}{central})?"
             # "Sở Xây dựng các địa phương": the body of that kind in every locality
             rf"|{COLLECTIVE}{W}(?:{'|'.join(_spaced(w) for w in WORDS['local_places'])})(?!\w)"
             # every district (commune) of the province: "huyện, thành phố", "huyện/thành phố", "xã, phường, thị trấn"
             rf"|(?:{sub_place})(?:(?:[ ]*[,/][ ]*|{W}{AND}{W})(?:{sub_place}))*[ ]*[,/][ ]*(?:{sub_place})"
             rf"(?:{W}{AND}{W}(?:{sub_place}))?(?![ ]{{1,2}}{UPPER_CLASS})"
             # "Thuế tỉnh, thành phố": the body of every province (not "tỉnh, thành phố Hà Nội")
             rf"|{LEVELS['province']}[ ]*,[ ]*{W.join(LEVELS['city'].split())}(?:{W}{central}|(?![ ]{{1,2}}{UPPER_CLASS}))"
             # a city's documents write their own level capitalised ("Ban Quản lý ... Thành phố chủ trì")
             rf"|(?:{bare_place}|{bare_place.upper()}|{capitalised})(?![ ]{{1,2}}{UPPER_CLASS}))")
    pc = WORDS["party_committees"]
    party = rf"(?:{'|'.join(pc['places'])})[ ](?:{'|'.join(pc['committee'])})|{_spaced(WORDS['central'])}"
    quoted = r"“[^”\n]{3,150}”"
    named = rf"(?:(?:{sector})(?!\w){number}|{region}|{party}|{cap})"
    # "Thường trực thi đua 2 đơn vị": the joint body of two named units
    ju = WORDS["joint_units"]
    joint = rf"(?:\d|{'|'.join(ju['counts'])})[ ]{_spaced(ju['word'])}(?!\w)"
    # a numbered region of a body organised by region ("Kho bạc Nhà nước khu vực XI", "Chi cục Hải quan khu vực 8")
    # ("Cục Thuế khu vực I, II", "Chi cục Hải quan khu vực 3 và 4": one region each, distributed by places.distribute)
    numbered_region = rf"{W.join(WORDS['numbered_region'].split())}{W}{REGION_NUMBERS}"
    na = WORDS["national_about"]
    about = rf"(?:{'|'.join(f'(?<={_spaced(n)})' for n in na['national'])}){W}{na['about']}{W}{named}"
    # "Ban Chỉ đạo quốc gia về Chuyển đổi số": the national word itself may be lower case
    national = rf"(?:{'|'.join(_spaced(n) for n in na['national'])}){W}{na['about']}{W}{named}"
    school = rf"{WORDS['school_word']}{W}{named}"
    # a committee known by its number, then its level (right after its head): "Ban Chỉ đạo 389 quốc gia", "Ban Chỉ đạo 138 tỉnh"
    numbered = rf"\d{{2,4}}(?={W}(?:{lower_mods}|{place_word})(?!\w))"
    zp = WORDS["zone_with_parks"]
    zone_parks = rf"(?i:{_spaced(zp['zone'])})(?:{W}{cap}){{1,3}}{W}(?i:{_spaced(zp['parks'])})(?!\w)"
    piece = (rf"(?:{zone_parks}|{national}|{named}|{school}|{place}|{quoted}|{WORDS['number_word']}[ ]\d+|{joint}|{numbered_region}"
             rf"|(?:{lower_mods})(?!\w))")
    # a verb opening a duty ends the name after its first part ("Sở Xây dựng| Theo dõi, đôn đốc ...", "Công an
    # Thành phố| Chỉ đạo ..."); right after the head it may be the body's field ("Ban| Chỉ đạo")
    verb = "|".join("[ ]".join(map(re.escape, w.split())) for w in WORDS["clause_verbs"])
    no_verb = rf"(?!(?:{verb})(?!\w))"
    more = rf"(?:{W}|[ ]*[-–&][ ]*){no_verb}{piece}|{W}{AND}{W}{no_verb}{named}|{about}"
    # a tail is a first piece and then more pieces ("(numbered|piece) (more)*", the number right after the head
    # only): the first piece after a head, or after the comma of a parent body (", trực thuộc <tail>"), is one
    # pattern for both (told apart by their first character); the more pieces are read one by one with the
    # pattern of one (see Mention)
    # the number of a body known by its number, right after its head ("Khu Quản lý đường bộ| III và IV")
    head_number = "|".join(rf"(?<=(?i:{re.escape(h)}){w})" for h in WORDS["numbered_heads"] for w in (" ", "  "))
    # an enterprise's legal form and line of business in lower case before its name, right after its head
    # ("Công ty cổ phần xây dựng| Hà Phát", "Hợp tác xã dịch vụ điện| Quảng Phú"): only those words, then a capital
    el = WORDS["enterprise_lower"]
    enterprise_head = "|".join(rf"(?<=(?i:{re.escape(h)}){w})" for h in el["heads"] for w in (" ", "  "))
    kind_word = "|".join(_spaced(k) for k in sorted(el["words"], key=len, reverse=True))
    enterprise = rf"(?:{enterprise_head})(?:{kind_word})(?:{W}(?:{kind_word})){{0,4}}(?={W}{cap})"
    first = re.compile(rf"(?:{W}|,[ ](?:{'|'.join(WORDS['parent_heads'])})[ ])"
                       rf"(?:{numbered}|(?:{head_number}){REGION_NUMBERS}|{enterprise}|{piece})")
    mention = _MentionPattern(re.compile(rf"(?<![\w&])(?P<head>{head_any})(?!\w)"), first, re.compile(more))
    return mention, _Run(mention.more), re.compile(rf"(?:{W}(?:{place}|{numbered_region}))+")


def _run_end(more: re.Pattern, text: str, pos: int) -> int:
    """Where ``(?:more)*`` ends when it starts at ``pos``: ``more`` matched again and again while it matches."""
    while (m := more.match(text, pos)) and m.end() > pos:
        pos = m.end()
    return pos


class _Run:
    """``(?:more)+`` as a pattern whose ``match(text, pos)`` gives a match with ``end()``, or None."""

    def __init__(self, more: re.Pattern) -> None:
        self.more = more

    def match(self, text: str, pos: int = 0) -> "Mention | None":
        end = _run_end(self.more, text, pos)
        return Mention(text, {"head": (pos, end)}) if end > pos else None


class Mention:
    """A unit mention, read as the match of the one pattern ``head (tail)? (parent)?`` would read, with the groups
    "head", "tail" and "parent", where a tail is ``piece (more)*``. They are matched one after the other, each
    where the one before ended: the same match (an optional group or a repetition at the end of a pattern is
    tried where the rest ended, and never makes the rest backtrack), and a third of the pattern to compile (one
    pattern held the whole tail three times and took a second to compile)."""

    __slots__ = ("string", "_spans")

    def __init__(self, string: str, spans: dict[str, tuple[int, int]]) -> None:
        self.string, self._spans = string, spans

    def span(self, key: int | str = 0) -> tuple[int, int]:
        if key == 0:
            return self._spans["head"][0], max(e for _, e in self._spans.values())
        return self._spans.get(key, (-1, -1))

    def group(self, key: int | str = 0) -> str | None:
        start, end = self.span(key)
        return self.string[start:end] if start >= 0 else None

    def start(self, key: int | str = 0) -> int:
        return self.span(key)[0]

    def end(self, key: int | str = 0) -> int:
        return self.span(key)[1]


class _MentionPattern:
    """``match(text, pos)`` -> :class:`Mention` or None: the head's pattern, then the tail's and the parent's."""

    def __init__(self, head: re.Pattern, first: re.Pattern, more: re.Pattern) -> None:
        self.head, self.first, self.more = head, first, more

    def _tail(self, text: str, pos: int) -> tuple[int, int] | None:
        m = self.first.match(text, pos)
        return (pos, _run_end(self.more, text, m.end())) if m else None

    def match(self, text: str, pos: int = 0) -> Mention | None:
        h = self.head.match(text, pos)
        if not h:
            return None
        spans = {"head": h.span()}
        end = h.end()
        if text.startswith(" ", end):
            tail = self._tail(text, end)
            if tail:
                spans["tail"] = tail
                end = tail[1]
        if text.startswith(",", end):
            parent = self._tail(text, end)
            if parent:
                spans["parent"] = parent
        return Mention(text, spans)


def _not_a_name_part() -> str:
    """What a capitalised word of a name may not start with (before a word end): a head (it starts a new unit),
    a role holder, a person's title ("UBND các quận, huyện và Trưởng ..." ends at "huyện"), a portal's field
    label ("Nơi ban hành: Bộ Y tế Người ký: ..." ends at "Bộ Y tế"); one trie, used only in a lookahead, where
    the order of the alternatives does not matter."""
    d = heads_data()
    words = [tone_fuzzy_parts(w) for w in (*_head_variants(), *d["role_holders"], *d["positions"])]
    words += [[p for i, w in enumerate(label.split()) for p in ([r"[ ]"] if i else []) + [re.escape(c) for c in w]]
              for label in WORDS["field_labels"]]
    return _trie(words)


def _mention_re() -> "_MentionPattern":
    return _grammar()[0]


def continuation_re() -> "_Run":
    """The rest of a name's tail after a point inside it (" và Đối ngoại", " tỉnh Lào Cai")."""
    return _grammar()[1]


def place_after_re() -> re.Pattern:
    """Places after a complete name (" tỉnh Lào Cai", " khu vực XI")."""
    return _grammar()[2]


@lru_cache(maxsize=1)
def standalone_heads() -> frozenset[str]:
    return frozenset(name_key(h) for h in heads_data()["standalone"])


@lru_cache(maxsize=1)
def standalone_variant_keys() -> frozenset[str]:
    keys = set()
    for v in _head_variants():
        if name_key(expand_abbreviations(v)) in standalone_heads():
            keys.add(name_key(v))
    return frozenset(keys)


@lru_cache(maxsize=1)
def position_before_re() -> re.Pattern:
    return re.compile(rf"(?:{positions_alternation()})[ ]+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def container_heads() -> frozenset[str]:
    return frozenset(name_key(h) for h in heads_data()["container_heads"])


_MOTTO = re.compile(r"[ ]+(?:" + "|".join("[ ]+".join(m.split()) for m in WORDS["motto_starts"]) + ")")


def trim_surface(surface: str) -> str:
    """An upper-case name stops at the first word that is not upper case (a header line's next column);
    a name never ends in a connector."""
    motto = _MOTTO.search(surface)  # a two-column header line: the state motto is the next column
    if motto:
        surface = surface[:motto.start()]
    words = surface.split(" ")
    if len(words[0]) > 1 and words[0].isupper() and not abbr_re().fullmatch(words[0]):
        for i, w in enumerate(words):
            if any(c.isalpha() for c in w) and not w.isupper():
                words = words[:i]
                break
    while words and words[-1].lower() in (AND, "-", "–", ",", "&", ""):
        words = words[:-1]
    return " ".join(words) if words else surface


def _trie_regex(words: list[str]) -> str:
    """One regex for a set of literal words, as a character trie (much faster than a flat alternation)."""
    return _trie(words, re.escape)


def _trie(words, piece=lambda p: p) -> str:
    """One regex for a set of words given as sequences of pieces (characters, or patterns of one letter or gap
    each), as a trie; ``piece`` makes a piece's pattern."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [piece(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body
    return emit(root)


@lru_cache(maxsize=1)
def _head_start_words() -> re.Pattern:
    """Where a unit mention can start: the first word of a head, in lower, capitalised or upper case."""
    firsts = first_words(tuple(_head_variants()))
    cased = {a for w in firsts for a in (w, w[:1].upper() + w[1:], w.upper())}
    return re.compile(rf"(?<![\w&]){_trie_regex(sorted(cased))}(?![\w&])")


def mention_at(text: str, pos: int) -> "Mention | None":
    """The unit mention that starts at ``pos`` (a head there), or None."""
    return _mention_re().match(text, pos)


def mentions_iter(text: str):
    """Every :class:`Mention` in ``text``, left to right, not overlapping, tried only where a head's first word starts."""
    return scan(_mention_re(), None, text, _head_start_words())
