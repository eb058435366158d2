"""Awards extractor: emulation titles and commendations, named by the Law on Emulation and Commendation 2022.

Every surface form in ``data/awards.csv`` (official name and aliases) is matched on a folded copy of the
text (same length, so offsets carry over): lower case, new tone placement (ủy/uỷ, hòa/hoà), "sĩ" for "sỹ",
"UBND" for "Ủy ban nhân dân". Graded orders take their class from what follows ("hạng Nhất", "hạng II";
"các hạng" gives no class). A bare "Bằng khen"/"Cờ thi đua" takes its authority from the clause before it
("đề nghị Chủ tịch UBND tỉnh ... tặng Bằng khen").
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from extractors.award_named import NamedAward, named_awards, same_award
from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.lexicon import read_csv, read_yaml
from extractors.text import fold, starting_with, toneless, toneless_rx, word_alternation
from schemas.record import Award

_RECIPIENT = {"individual", "collective", "household"}
_WORDS = read_yaml("award_words.yaml")
_CLASS = _WORDS["award_class"]
# a class as read on the toneless text ("nhât", "ii", "2") -> as written in the award's name ("Nhất", "Nhì")
_CLASS_WORDS = {toneless(k): v for k, v in _CLASS["readings"].items()}
_OF = _WORDS["of_word"]  # "của"


_rx = toneless_rx


def award_key(surface: str) -> str:
    """The lookup key of a surface form: folded, abbreviations expanded, 'của' and punctuation dropped."""
    s = fold(surface)
    for abbr, full in _WORDS["body_abbreviations"].items():
        s = re.sub(r"\b" + abbr + r"\b", full, s)
    s = re.sub(r"[,.;:()/-]", " ", s)
    return toneless("".join(w for w in s.split() if w != _OF))  # no spaces: glued words look the same


# the words of a body's full name (toneless) -> the pattern for it or its abbreviation ("ủy ban nhân dân", "ubnd")
_BODIES = [(toneless(full).split(), toneless("(?:" + "[ ]+".join(full.split()) + "|" + abbr + ")"))
           for abbr, full in _WORDS["body_abbreviations"].items()]
_CUA = toneless(_OF)
_CUA_OPT = "(?:" + _CUA + "[ ]+)?"


def _pattern(surface: str) -> str:
    """A regex for one surface form on folded text: flexible spaces, optional 'của', UBND/MTTQ abbreviations."""
    words = toneless(fold(surface)).replace(",", " , ").split()
    out: list[str] = []
    i = 0
    while i < len(words):
        body = next(((n, rx) for n, rx in _BODIES if words[i:i + len(n)] == n), None)
        if body:
            out.append(body[1])
            i += len(body[0])
            continue
        if words[i] == _CUA:
            out.append(_CUA_OPT)
            i += 1
            continue
        out.append(r"[ ]*,?" if words[i] == "," else re.escape(words[i]))
        i += 1
    pat = ""
    for piece in out:
        if not pat or pat.endswith(_CUA_OPT) or piece == r"[ ]*,?":
            pat += piece
        else:
            pat += r"[ \n]*" + piece  # words glued by PDF extraction ("Cờ Thiđua") still match
    return pat


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, dict[str, str]], dict[str, str], re.Pattern[str], re.Pattern[str] | None,
                        re.Pattern[str]]:
    rows = {r["id"]: r for r in read_csv("awards.csv")}
    by_key: dict[str, str] = {}
    folded_forms: list[str] = []
    exact_forms: list[str] = []  # all-capital abbreviations: case-sensitive
    for r in rows.values():
        for surface in [r["name"], *[a for a in r["aliases"].split(";") if a.strip()]]:
            surface = surface.strip()
            if len(surface) <= 6 and surface.upper() == surface:
                exact_forms.append(surface)
                by_key[surface] = r["id"]
                continue
            by_key.setdefault(award_key(surface), r["id"])
            folded_forms.append(surface)
    folded_forms.sort(key=len, reverse=True)
    # no look-behind at the start (it defeats the engine's first-character scan); checked in code
    rx = re.compile(r"(?:" + "|".join(_pattern(s) for s in folded_forms) + r")(?!\w)")
    rx_exact = (re.compile(starting_with(exact_forms) + r"(?<!\w)(?:"
                           + "|".join(re.escape(s) for s in sorted(exact_forms, key=len, reverse=True))
                           + r")(?!\w)") if exact_forms else None)
    # first words of every form: a cheap scan finds where the full alternation is worth trying
    # (two words: without tone marks "cờ" is "cơ", as in the frequent "cơ quan", "cơ sở")
    firsts = sorted({r"[ \n]*".join(re.escape(w) for w in toneless(fold(s)).replace(",", " ").split()[:2])
                     for s in folded_forms}, key=len, reverse=True)
    # grouped under their first letter, in the same order within a group: only one group can match at a position,
    # so the engine tries one group instead of every form
    by_letter: dict[str, list[str]] = {}
    for f in firsts:
        by_letter.setdefault(f[0] if f[0].isalnum() else "", []).append(f)
    first_rx = re.compile("|".join(k + "(?:" + "|".join(f[1:] for f in group) + ")" if k else "|".join(group)
                                   for k, group in by_letter.items()))
    return rows, by_key, rx, rx_exact, first_rx


_CLASS_RE = _rx(r"[ ]*\(?[ ]*(?:(" + _CLASS["all_classes"] + ")|" + _CLASS["word"] + "[ ]+("
                + "|".join(k for k in _CLASS["readings"] if not k.isdigit())
                + "|[" + "".join(k for k in _CLASS["readings"] if k.isdigit()) + r"]))(?!\w)[ ]*\)?")
_GENERIC = {"bang_khen", "co_thi_dua", "chien_si_thi_dua"}
# the conferring authority written before "tặng" (folded text)
_AUTHORITY = [(_rx(a["pattern"]), a["ids"]) for a in _WORDS["authority_before"]]
_GIVE_BEFORE = _rx(r"(?:" + "|".join(_WORDS["give_verbs"]) + r")[ ]*$")
_Q = _WORDS["quota"]
_QUOTA_WHO = "(?:" + "|".join(_Q["recipients"]) + ")"  # "(?:tập thể|cá nhân)"
_QUOTA = _rx(r"(?:" + _Q["from"] + r"[ ]+)?\d+[ ]*(?:" + _Q["to"] + r"|-)[ ]*\d+[ ]+" + _QUOTA_WHO + r"(?:[ ]*,[ ]*"
             + _QUOTA_WHO + r")?|\d+[ ]+" + _QUOTA_WHO + r"(?:[ ]+" + _Q["and"] + r"[ ]+\d+[ ]+" + _QUOTA_WHO + ")?")
_CLAUSE_END = re.compile(r"[.;\n\t]")


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding ``pos``; a line break before a lower-case word is a page break, not an end."""
    i = pos
    floor = max(0, pos - 400)
    while i > floor:
        c = text[i - 1]
        if c in ".;\t":
            return i
        if c == "\n":
            nxt = text[i:pos].lstrip()
            if not (nxt[:1].islower()):
                return i
        i -= 1
    return floor


def _clause(folded: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_END.finditer(folded, max(0, start - 300), start)), default=max(0, start - 300))
    right_m = _CLAUSE_END.search(folded, end, end + 300)
    return left, right_m.start() if right_m else min(len(folded), end + 300)


_MINISTRY_AFTER = _rx(r"[ ]+(?:" + _OF + r"[ ]+)?(?:" + "|".join(_WORDS["ministry_after"]) + r")(?!\w)")
_MINISTRY_ID = {"bang_khen": "bang_khen_bo_nganh_tinh", "co_thi_dua": "co_thi_dua_bo_nganh_tinh"}
# "Chiến sĩ thi đua Bộ Ngoại giao", "Chiến sĩ thi đua ngành Tòa án", "Chiến sĩ thi đua cấp Bộ": the title the 2022 Law
# names "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", written with the conferring body's name


def _words_rx(words: list[str]) -> str:
    """An alternation of ``words`` for folded text without tone marks, any run of spaces between words."""
    return "(?:" + "|".join(toneless(fold(w)).replace(" ", "[ ]+") for w in sorted(words, key=len, reverse=True)) + ")"


_EMULATION_BODY_AFTER = re.compile(r"[ ]+(?:" + _words_rx([_WORDS["level_word"]]) + r"[ ]+)?"
                                   + _words_rx(_WORDS["conferring_body_after"]) + r"(?!\w)")


def _resolve_generic(award_id: str, text: str, folded: str, start: int, end: int,
                     context: DocContext | None) -> tuple[str, str | None]:
    """A bare 'Bằng khen'/'Cờ thi đua': 'của Bộ ...' after it, or the authority before 'tặng', decides which one;
    a bare 'Chiến sĩ thi đua' followed by the body that confers it is the ministry/province-level title."""
    if award_id == "chien_si_thi_dua":
        after = _EMULATION_BODY_AFTER.match(folded, end)
        return ("cstd_bo_nganh_tinh", after.group().strip()) if after else (award_id, None)
    after = _MINISTRY_AFTER.match(folded, end)
    if after:
        return _MINISTRY_ID[award_id], after.group().strip()
    before = " ".join(folded[_sentence_start(text, start):start].split()) + " "
    if _GIVE_BEFORE.search(before):
        best: tuple[int, str, str] | None = None
        for rx, target in _AUTHORITY:
            for m in rx.finditer(before):
                if best is None or m.start() > best[0]:
                    best = (m.start(), target[award_id], m.group())
        if best:
            return best[1], best[2]
    return award_id, None


# a Kỷ niệm chương is conferred under its own name: Kỷ niệm chương “Vì sự nghiệp ...”; "các Kỷ niệm chương: “A”, “B”
# và “C”" names three
_NAMED_AFTER = re.compile(r"[ \t]*:?[ \t]*“([^”“\n]{3,150})”")
# the forms that take a name in quotes: Kỷ niệm chương “...”, and a union's Huy hiệu/Huy chương “Tuổi trẻ sáng tạo”
_NAMED_MEDAL = {"ky_niem_chuong", "huy_hieu", "huy_chuong"}


def _next_named(form: str) -> re.Pattern[str]:
    """The next quoted name of a list after the form word: ', “B”', ' và Kỷ niệm chương “C”'."""
    joiners = "|".join(re.escape(w) for w in _WORDS["list_joiners"])
    return re.compile(r"[ \t]*(?:" + joiners + r")[ \t]*(?:" + re.escape(form) + r"[ \t]*)?“([^”“\n]{3,150})”")


_SECTOR_WORDS = re.compile(r"(?i)(?<!\w)" + "(?:" + "|".join(re.escape(w) for w in _WORDS["sector_name_words"]) + r")(?!\w)")


def _own_sector(name: str, context: DocContext | None) -> bool:
    """"Vì sự nghiệp Ngoại giao Việt Nam" in a rule of the Bộ Ngoại giao: the issuing ministry's own Kỷ niệm chương,
    which its rules call simply "Kỷ niệm chương"."""
    if not context or not context.issuer:
        return False
    def core(s: str) -> str:
        return " ".join(_SECTOR_WORDS.sub(" ", fold(s)).split())
    own, named = core(context.issuer), core(name)
    # the sector with or without the country after it, which may carry a slip ("Vệt Nam")
    return bool(own) and any(_alike(difflib.SequenceMatcher(None, named, o), 0.9)
                             for o in (own, own + " " + _WORDS["country"]))


def _alike(sm: difflib.SequenceMatcher, at_least: float) -> bool:
    """``sm.ratio() >= at_least``, its two cheap upper bounds tried first (most pairs of names differ in length or
    letters at once)."""
    return sm.real_quick_ratio() >= at_least and sm.quick_ratio() >= at_least and sm.ratio() >= at_least


def _named_medals(text: str, start: int, end: int, context: DocContext | None, known: list[str],
                  form: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each Kỷ niệm chương named in quotes right after the form word; a name written again
    in other case or with a slip ("người việt Nam", "VỆT NAM") takes the name already found."""
    out: list[tuple[int, int, str]] = []
    m = _NAMED_AFTER.match(text, end)
    while m:
        inner = " ".join(m.group(1).split())
        name = form if _own_sector(inner, context) else f"{form} “{inner}”"
        sm = difflib.SequenceMatcher(None, "", fold(name))  # the name is the second sequence: indexed once
        name = next((k for k in known if sm.set_seq1(fold(k)) or _alike(sm, 0.9)), name)
        out.append((start if not out else m.start(1) - 1, m.end(), name))
        m = _next_named(form).match(text, m.end())
    return out


# The bare forms (Huân chương, Huy chương, Huy hiệu) are the state's forms when written as names, capitalised;
# "phát huy hiệu quả/lực" holds the words of "Huy hiệu", a sports "huy chương Vàng" and the Party's "Huy hiệu 40 năm
# tuổi Đảng" are other things
_BARE_FORMS = {"huan_chuong", "huy_chuong", "huy_hieu"}
# the titles of a village or a family written in lower case are the title only after a word that confers or
# counts it in the same sentence ("công nhận danh hiệu", "đạt", "xét tặng"); else they name the village itself
_NEEDS_CUE = set(_WORDS["lower_case_title_needs_cue"]["ids"])
def _toned_key(surface: str) -> str:
    """A surface form's words with their tone marks ("bản văn hóa" and "ban văn hóa" differ)."""
    return " ".join(re.sub(r"[,.;:()/-]", " ", fold(surface)).split())


@lru_cache(maxsize=1)
def _toned_forms() -> frozenset[str]:
    """The forms of the titles matched with tone marks: read without them, a board ("Ban Văn hóa - Xã hội") is a
    hamlet's title ("Bản văn hóa")."""
    return frozenset(_toned_key(f) for r in read_csv("awards.csv") if r["id"] in _NEEDS_CUE
                     for f in [r["name"], *r["aliases"].split(";")] if f.strip())


_TITLE_CUE = re.compile(r"(?<!\w)" + _words_rx(_WORDS["lower_case_title_needs_cue"]["cues"]) + r"(?!\w)")
_NOT_FORM_BEFORE = re.compile(r"(?<!\w)" + _words_rx(_WORDS["bare_form_not_before"]) + r"[ ]*$")
_NOT_FORM_AFTER = re.compile(r"[ ]+(?:" + _words_rx(_WORDS["bare_form_not_after"]) + r"|\d+[ ]+"
                             + _words_rx([_WORDS["party_badge_after"]]) + r")(?!\w)")


# "Ban TTND": a body's abbreviation, not an award's (the words before it, on the toneless folded text)
_ABBREVIATION_OF_BODY = re.compile(
    r"(?<!\w)" + word_alternation([toneless(fold(w)) for w in _WORDS["abbreviation_not_after"]], longest_first=True)
    + r"[ ]+$")


def extract_awards(doc: DocumentView | str, context: DocContext | None = None) -> list[Award]:
    """Every award in ``text``, one item per official name with all its mentions as evidence. Never None."""
    view = as_view(doc)
    text = view.text
    rows, by_key, rx, rx_exact, first_rx = _lexicon()
    folded = view.toneless
    hits: list[tuple[int, int]] = []
    for f in first_rx.finditer(folded):
        if (hits and f.start() < hits[-1][1]) or (f.start() > 0 and folded[f.start() - 1].isalnum()):
            continue
        m = rx.match(folded, f.start())
        if m:
            hits.append((m.start(), m.end()))
    if rx_exact:
        taken = [(s, e) for s, e in hits]
        for m in rx_exact.finditer(text):
            if _ABBREVIATION_OF_BODY.search(folded, max(0, m.start() - 20), m.start()):
                continue
            if not any(s < m.end() and m.start() < e for s, e in taken):
                hits.append((m.start(), m.end()))
    hits.sort()
    found: dict[str, Award] = {}
    order: list[str] = []
    for start, end in hits:
        surface = text[start:end]
        award_id = by_key.get(award_key(surface)) or by_key.get(surface)
        if award_id is None:
            continue
        if award_id in _BARE_FORMS and (not text[start].isupper() or _NOT_FORM_AFTER.match(folded, end)
                                        or _NOT_FORM_BEFORE.search(folded, max(0, start - 6), start)):
            continue
        if award_id in _NEEDS_CUE and (_toned_key(surface) not in _toned_forms() or (
                not text[start].isupper() and not _TITLE_CUE.search(folded, _sentence_start(text, start), start))):
            continue  # "thiết chế văn hóa cấp thôn, làng văn hóa": a village; "Ban Văn hóa - Xã hội": a board
        if award_id in _GENERIC:
            award_id, _ = _resolve_generic(award_id, text, folded, start, end, context)
        row = rows[award_id]
        name, award_class = row["name"], None
        if award_id in _NAMED_MEDAL:
            named = _named_medals(text, start, end, context, order, row["name"])
            named_row = {**row, "level": _WORDS["named_form_level"]}
            for n_start, n_end, n_name in named:  # the issuer's own medal keeps the form's row (and level)
                _add(found, order, row if n_name == row["name"] else named_row, n_name, None, text, n_start, n_end,
                     None)
            if named:
                continue
        if row["classes"]:
            m = _CLASS_RE.match(folded, end)
            if m:
                end = m.end()
                if m.group(2):
                    award_class = _CLASS["word"] + " " + _CLASS_WORDS[m.group(2)]
                    name = f"{name} {award_class}"
        left, right = _clause(folded, start, end)
        quota_m = next(_QUOTA.finditer(folded, left, right), None)  # the quota is stated once per clause, first
        _add(found, order, row, name, award_class, text, start, end, quota_m)
    for named in named_awards(text, hits, context):
        _add_named(found, order, named, text)
    _fold_lower_generics(found, order)
    return [found[n] for n in order]


def _fold_lower_generics(found: dict[str, Award], order: list[str]) -> None:
    """A bare "bằng khen" / "cờ thi đua" written only in lower case, in a document that names that form with its
    authority ("Cờ thi đua của Chính phủ", "Bằng khen của Bộ trưởng"), is the form named again in a list of things
    ("in ấn hiện vật khen thưởng (giấy khen, bằng khen, cờ thi đua, ...)"), not one more award: its mentions join the
    first award of that form."""
    for generic in _MINISTRY_ID:
        item = next((found[n] for n in order if found[n].award_id == generic), None)
        if item is None or any(ev.text[:1].isupper() for ev in item.evidence):
            continue
        named = next((found[n] for n in order if (found[n].award_id or "").startswith(generic + "_")), None)
        if named is not None:
            named.evidence.extend(item.evidence)
            order.remove(item.name)
            del found[item.name]


def _add_named(found: dict[str, Award], order: list[str], named: NamedAward, text: str) -> None:
    """A prize or title outside the Law's list: one item per award, named as the body writes it in full (not as an
    upper-case title does, nor cut short by a line break)."""
    name = named.name
    known = next((n for n in order if found[n].award_id is None and same_award(n, name)), None)
    if known is not None:
        better = (len(name) > len(known)) or (known.isupper() and not name.isupper() and len(name) == len(known))
        if better and name not in found:
            found[name] = found.pop(known)
            found[name].name = name
            order[order.index(known)] = name
        name = name if better else known
    row = {"id": None, "kind": named.kind, "level": named.level, "recipient": "", "authority": ""}
    _add(found, order, row, name, None, text, named.start, named.end, None)


def _add(found: dict[str, Award], order: list[str], row: dict[str, str | None], name: str, award_class: str | None,
         text: str, start: int, end: int, quota_m: re.Match[str] | None) -> None:
    """One more mention of ``name``: a new item, or more evidence (and the first quota) for a known one."""
    ev = evidence(text, start, end)
    if name in found:
        item = found[name]
        item.evidence.append(ev)
        if item.quota is None and quota_m:
            item.quota = text[quota_m.start():quota_m.end()]
        return
    found[name] = Award(
        name=name, award_id=row["id"], kind=row["kind"] or None, level=row["level"] or "unknown",
        recipient=[r for r in row["recipient"].split(";") if r in _RECIPIENT],
        award_class=award_class, quota=text[quota_m.start():quota_m.end()] if quota_m else None,
        authority=row["authority"] or None,
        mention=ev.text, evidence=[ev])
    order.append(name)
