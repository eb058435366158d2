"""Movements extractor: names of emulation campaigns (phong trào, cuộc vận động, đợt thi đua).

A name is usually quoted right after a trigger ("phong trào thi đua “...”"), and lists go on with more
quotes separated by ";", "," or a few words ("giai đoạn 2021-2025", "Cả nước chung tay"). A quote right
after a document or meeting word (Kế hoạch, Nghị quyết, Hội nghị, ...) is a title, not a campaign.
A small lexicon of national campaigns (data/movement_triggers.yaml) is matched with or without quotes.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.evidence import evidence, replace_at
from extractors.lexicon import read_yaml
from extractors.text import LEGAL_BASIS_WORDS, fold, toneless as _ts, word_alternation
from extractors.text.lines import goes_on_lower, is_upper_line, soft_breaks
from schemas.record import Movement

# a curly quote may run over a page break (PDF text); a straight one may not (its pairing is ambiguous)
# the quotes typed in Word documents too: a closing curly quote used to open (”Tên”), single curly quotes, guillemets,
# two apostrophes (''Tên''); these on one line, the opener right before a letter
_QUOTE = re.compile(r"“([^”“]{3,300})”|\"([^\"\n]{3,300})\"|(?<![^\s(*_])”(?=\w)[^”“\n]{3,300}”"
                    r"|‘(?=\w)[^’‘\n]{3,300}’|«[^»«\n]{3,300}»|''(?=\w)[^'\n]{3,300}''")
_WORD = re.compile(r"\w+(?:[-/]\w+)*")
_STOP = re.compile(r"[.\n\t)]")  # a sentence or cell boundary, or a closing bracket, ends a list
_TRIM = " *_“”‘’«»\"'.,;:…"


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], dict[str, str], int, re.Pattern[str], list[tuple[re.Pattern[str], str, str]]]:
    cfg = read_yaml("movement_triggers.yaml")
    triggers = {fold(k): v for k, v in cfg["triggers"].items()}
    # the bare "đợt" only counts right before a quote
    quote_only = set(cfg["quote_only_triggers"])
    alts = sorted((re.escape(k) + (r"(?=[ ]*[*]*[“\"])" if k in quote_only else "") for k in triggers), key=len, reverse=True)
    trig_rx = re.compile(r"(?:" + "|".join(alts) + r")(?!\w)")  # start boundary checked in code
    blockers = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in cfg["not_movement_before"]) + r")(?!\w)")
    national = []
    for entry in cfg["national"]:
        words = [re.escape(w) for w in re.findall(r"\w+", fold(entry["name"]))]
        # no look-behind at the start: a literal prefix lets the regex engine skip ahead (boundary checked in code)
        national.append((re.compile(r"[ ,;\n-]{1,4}".join(words) + r"(?!\w)"), entry["name"], entry["kind"],
                         bool(entry.get("after_trigger"))))
    return trig_rx, triggers, int(cfg["max_gap_words"]), blockers, national


@lru_cache(maxsize=1)
def _campaign_heads() -> tuple[re.Pattern[str], dict[str, str]]:
    """A quoted name that opens with a campaign word ("Tháng hành động ...") and that word's kind."""
    heads = {fold(k): v for k, v in read_yaml("movement_triggers.yaml")["campaign_heads"].items()}
    return re.compile(word_alternation(sorted(heads, key=len, reverse=True)) + r"(?!\w)"), heads


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


_LAUNCH = read_yaml("movement_triggers.yaml")["launch"]
_VERB, _CONTEST = _ts(_LAUNCH["verb"]), _ts(_LAUNCH["contest"])  # "phat đông", "thi đua" (no tone marks)
_KINDS = "|".join(_ts(w) for w in _LAUNCH["kinds"])  # "phong trao|đơt|cuôc"


@lru_cache(maxsize=1)
def _unquoted() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], int, frozenset[str], re.Pattern[str]]:
    """Patterns for a launch document's unquoted campaign name (matched without tone marks, for OCR text)."""
    cfg = read_yaml("movement_triggers.yaml")
    ends = sorted((_ts(fold(w)) for w in cfg["unquoted_name_end"]), key=len, reverse=True)
    # "phát động phong trào thi đua <name>", "phát động đợt thi đua <name>"; a quote after it is handled above
    body = re.compile(r"(?<!\w)" + _VERB + r"[ ]+(?:(" + _KINDS + r")[ ]+)?(" + _CONTEST + r")(?=[ ]+[^\W\d_])")
    end_words = r"[ ]+(?:" + "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w in ends) + r")(?!\w)"
    # a name runs on over its commas ("Đổi mới, sáng tạo, nâng cao chất lượng ...") to the end of the clause; a
    # comma before a clause of its own ("..., góp phần ...", "..., phấn đấu ...") ends it
    clause = sorted((_ts(fold(w)) for w in cfg["unquoted_comma_clause"]), key=len, reverse=True)
    end = re.compile(r"[.;:!?\n\t(“\"”]|,(?=[ ]+(?:" + "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w in clause)
                     + r")(?!\w))|" + end_words)
    # a title names its campaign in full, commas and all ("... đồng lòng chiến thắng đại dịch, 90 ngày đêm ...")
    title_end = re.compile(r"[.;:!?\n\t(“\"”]|" + end_words)
    # a title line: "KẾ HOẠCH PHÁT ĐỘNG THI ĐUA ...", or "PHÁT ĐỘNG" over "Đợt thi đua ..."
    openers = "|".join(_ts(w) for w in _LAUNCH["title_openers"])
    title = re.compile(r"[ *_]*(?:(?:" + openers + r")[ ]+)?" + _VERB + r"[ ]*(?:(" + _KINDS + r")[ ]+)?(" + _CONTEST
                       + r")(?!\w)|[ *_]*" + _VERB + r"[ *_]*\n[ *_]*(?:(" + _ts(_LAUNCH["wrapped_kind"]) + r")[ ]+)?("
                       + _CONTEST + r")(?!\w)"
                       # "Kế hoạch triển khai đợt thi đua ...": a plan that carries out a campaign names it too
                       + r"|[ *_]*(?:(?:" + openers + r")[ ]+)?(?:" + "|".join(_ts(w) for w in _LAUNCH["carry_out_verbs"])
                       + r")[ ]+(" + _KINDS + r")[ ]+(" + _CONTEST + r")(?!\w)")
    filler = frozenset(_ts(fold(w)) for w in cfg["unquoted_filler"])
    return body, end, title, int(cfg["unquoted_min_words"]), filler, title_end


_CAN_CU = _ts(" ".join(LEGAL_BASIS_WORDS).lower())
_CITED_TITLE = _ts(_LAUNCH["cited_title"])  # "vê viêc"
_TITLE_ZONE_LINES = 15  # a document's title stands within its first lines (after the national header)
_KIND_OF = {_ts(w): kind for w, kind in _LAUNCH["kinds"].items()}  # "đơt" -> "đợt thi đua"
_DEFAULT_KIND = _LAUNCH["default_kind"]
_NAMED_WITH_KIND = {_ts(w) for w in _LAUNCH["named_with_kind"]}  # "đợt thi đua ..." keeps its kind word


def _launch_title(text: str, base: str) -> re.Match[str] | None:
    """The title's "PHÁT ĐỘNG ... THI ĐUA" when the document launches a campaign, else None."""
    title = _unquoted()[2]
    pos, seen = 0, 0
    while seen < _TITLE_ZONE_LINES and pos < len(base):
        nl = base.find("\n", pos)
        nl = len(base) if nl == -1 else nl
        line = base[pos:nl].strip()
        if line:
            seen += 1
            if line.startswith(_CAN_CU):
                return None  # the body has begun
            m = title.match(base, pos)
            if m:
                return m
        pos = nl + 1
    return None


def _unquoted_names(view: DocumentView, folded: str, found_keys: list[str]) -> list[tuple[int, int, str, bool]]:
    """(start, end, kind, from_title) of a launch document's campaign named without quotes."""
    body_rx, end_rx, _, min_words, filler, title_end_rx = _unquoted()
    text, base = view.text, view.flowed[1]
    title = _launch_title(text, base)
    if title is None:
        return []

    def name_at(t_start: int, kind_word: str | None) -> tuple[int, int, str] | None:
        stop = end_rx.search(base, t_start + 7, t_start + 240)
        if stop is None:
            return None  # a run-on clause: not a name
        end = stop.start()
        words = [w for w in _WORD.findall(base[t_start + 7:end]) if not w.isdigit()]
        if sum(1 for w in words if w not in filler and not re.fullmatch(r"[\d/-]+", w)) < min_words:
            return None
        return t_start, end, _KIND_OF.get(kind_word or "", _DEFAULT_KIND)

    def title_name() -> tuple[int, int, str, bool] | None:
        # the title line, its name running on over the next upper-case lines (or wrapped lower-case ones)
        t_start = next(title.start(g) for g in (2, 4, 6) if title.group(g))
        kind_word = title.group(1) or title.group(3) or title.group(5)
        flat = base[:t_start] + _flow_title(text, base, t_start)
        stop = title_end_rx.search(flat, t_start + 7, t_start + 300)
        end = stop.start() if stop else min(len(flat), t_start + 300)
        words = [w for w in _WORD.findall(flat[t_start + 7:end])]
        if sum(1 for w in words if w not in filler and not re.fullmatch(r"[\d/-]+", w)) < min_words:
            return None
        if kind_word in _NAMED_WITH_KIND:
            t_start = next(title.start(g) for g in (1, 3, 5) if title.group(g))
        return t_start, end, _KIND_OF.get(kind_word or "", _DEFAULT_KIND), True

    out: list[tuple[int, int, str, bool]] = []
    title_line_end = base.find("\n", title.end())
    for m in body_rx.finditer(base):
        if title.start() <= m.start() and (m.start() < title_line_end or title_line_end == -1):
            got_title = title_name()  # the title's own words, read over its wrapped lines
            if got_title:
                return [got_title]
            continue
        if base[max(0, m.start() - 8):m.start()].rstrip().endswith(_CITED_TITLE):
            continue  # a cited document's title
        got = name_at(m.start(2), m.group(1))
        if got:
            out.append((*got, False) if m.group(1) not in _NAMED_WITH_KIND else (m.start(1), *got[1:], False))
            break  # a launch document launches one campaign; later mentions repeat it
    if not out:
        # campaigns the body quotes may be others (the national one this launch answers)
        got_title = title_name()
        if got_title:
            out.append(got_title)
    return out


def _flow_title(text: str, base: str, start: int) -> str:
    """``base`` from ``start`` with the breaks inside a title block turned into spaces: the title goes on over
    upper-case lines, and over lower-case ones past the blank line OCR puts between a title's lines."""
    chars = list(base[start:start + 300])
    i = 0
    while i < len(chars):
        if chars[i] != "\n":
            i += 1
            continue
        j = i + 1
        if j < len(chars) and chars[j] == "\n":
            j += 1  # one blank line
        nxt = text[start + j:start + j + 60].split("\n", 1)[0].strip()
        if nxt and not _HEADING_START.match(nxt) and (nxt.isupper() or (nxt[0].islower() and j > i + 1)):
            for k in range(i, j):
                chars[k] = " "
            i = j
        else:
            break
    return "".join(chars)


_LIST_INTRO = re.compile(r"(?:" + "|".join(read_yaml("movement_triggers.yaml")["list_intro"]) + r")[ ]*:?[ *_]*$|:[ *_]*$")


def _near(a: str, b: str, ratio: float = 0.95) -> bool:
    """Two keys of one name, one with a slip or two (OCR, a typo)."""
    if abs(len(a) - len(b)) > max(3, int(len(b) * (1 - ratio))) or len(a) < 15:
        return False
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sm.quick_ratio() >= ratio and sm.ratio() >= ratio


def _gap_ok(gap_folded: str, max_words: int, blockers: re.Pattern[str], first: bool) -> bool:
    """Words between a trigger (or the previous name) and a quote that keep the quote in the list."""
    if _STOP.search(gap_folded) or "“" in gap_folded or "”" in gap_folded:
        return False
    words = _WORD.findall(gap_folded)
    if first and len(words) > 4:  # "phong trào ... nhằm thực hiện “mục tiêu kép”" is not a name
        if len(words) > 2 * max_words or not _LIST_INTRO.search(gap_folded):
            return False
    elif len(words) > max_words:
        return False
    return not blockers.search(gap_folded)


_HEADING_START = re.compile(r"[ *_#]*(?:[IVXLC]+|\d{1,2}(?:\.\d+)*|[a-zđ])[.)][ \t]")


def _runs_into_heading(flat: str, start: int, end: int) -> bool:
    """A quote left open runs on into the next section: a line inside it is a heading or a list item."""
    line_start = flat.rfind("\n", 0, start) + 1
    first_line_end = flat.find("\n", start)
    title_case = is_upper_line(flat[line_start:first_line_end])  # an upper-case title goes on in capitals
    for line in flat[start:end].split("\n")[1:]:
        # a blank line is a page break of PDF text ("... bỏ lại\n\nphía sau”"): the lines after it decide
        if line.strip() and (_HEADING_START.match(line) or (is_upper_line(line) and not title_case)):
            return True
    return False


_OPENS_QUOTE = re.compile(r"[ *_]*[“\"‘«]")


def _goes_on(prev: str, follow: str) -> bool:
    """A wrapped line goes on the sentence: in lower case, or with the quoted name its trigger announces
    ("phong trào thi đua\n“Dân vận khéo”")."""
    return goes_on_lower(prev, follow) or ("\t" not in prev and bool(_OPENS_QUOTE.match(follow)))


def _trigger_before(trig_rx: re.Pattern[str], folded: str, start: int, max_gap: int) -> bool:
    """A trigger ("phong trào", "cuộc vận động", ...) ends at most ``max_gap`` words before ``start``."""
    window = folded[max(0, start - 12 * max_gap):start]
    return any(len(window[t.end():].split()) <= max_gap for t in trig_rx.finditer(window))


def _starts_trigger(trig_rx: re.Pattern[str], folded: str, start: int, end: int) -> bool:
    """A trigger of its own (at a word start) stands between ``start`` and ``end``."""
    return any(t.start() == 0 or not folded[t.start() - 1].isalnum() for t in trig_rx.finditer(folded, start, end))


_BLOCKED_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in
                                                     read_yaml("movement_triggers.yaml")["not_movement_before"])
                             + r")[ *_]*[“\"]?[ *_]*$")


def extract_movements(doc: DocumentView | str, context: DocContext | None = None) -> list[Movement]:
    """Every named campaign in ``text``, one item per name with all its mentions as evidence. Never None."""
    view = as_view(doc)
    text = view.text
    trig_rx, triggers, max_gap, blockers, national = _data()
    # same offsets: a trigger, its quote and a straight-quoted name may be wrapped; folding keeps a break's place
    # and reads a space as it reads a line break, so the view's folded text serves with the same breaks as spaces
    soft = soft_breaks(text, _goes_on)
    flat, folded = replace_at(text, soft, " "), replace_at(view.folded, soft, " ")
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(flat)]
    found: dict[str, Movement] = {}

    def add(start: int, end: int, kind: str, name: str | None = None) -> None:
        start, end = _clean_span(text, start, end)
        if end - start < 3:
            return
        label = " ".join((name or text[start:end]).split())
        label = label[0].upper() + label[1:]
        key = " ".join(_WORD.findall(fold(label)))
        if key not in found:  # the same name with an OCR slip ("Không để đi bị bỏ lại") is one campaign
            key = next((k for k in found if _near(k, key)), key)
        if key in found:
            if all(e.start != start for e in found[key].evidence):
                found[key].evidence.append(evidence(text, start, end))
            if found[key].name.isupper() and not label.isupper():
                found[key].name = label  # the name as the body writes it, not as an upper-case title does
            return
        found[key] = Movement(name=label, kind=kind, evidence=[evidence(text, start, end)])

    for t in trig_rx.finditer(folded):
        if t.start() > 0 and folded[t.start() - 1].isalnum():
            continue
        kind = triggers[t.group()]
        pos = t.end()
        for qs, qe in quotes:
            if qs < pos:
                continue
            if not _gap_ok(folded[pos:qs], max_gap, blockers, first=pos == t.end()):
                break
            if pos != t.end() and _starts_trigger(trig_rx, folded, pos, qs):
                break  # "“A”; thực hiện Cuộc vận động “B”": B is the later trigger's, of its kind
            if _runs_into_heading(flat, qs, qe):
                break
            add(qs + 1, qe - 1, kind)
            pos = qe
    for start, end, kind, from_title in _unquoted_names(view, folded, list(found)):
        label = " ".join(text[start:end].split())
        if from_title and label.isupper():
            label = label.lower()
        key = " ".join(_WORD.findall(fold(label)))
        # "thi đua xây dựng nông thôn mới giai đoạn 2026 - 2030" -> "xây dựng nông thôn mới": the campaign's own words
        core_words = key.removeprefix(fold(_LAUNCH["contest"]) + " ").split()
        while core_words and (core_words[-1].isdigit() or _ts(core_words[-1]) in _unquoted()[4]):
            core_words.pop()
        core = " ".join(core_words)
        if any(difflib.SequenceMatcher(None, key, k, autojunk=False).ratio() >= 0.8 or f" {k} " in f" {key} "
               or (len(core.split()) >= 3 and f" {core} " in f" {k} ") for k in found):
            continue  # the quoted name of the same campaign
        add(start, end, kind, label)
        if from_title:
            # the title's campaign printed again in quotes on its own (a slogan line): one campaign, more evidence
            for qs, qe in quotes:
                q_key = " ".join(_WORD.findall(fold(text[qs + 1:qe - 1])))
                if qs > end and _near(q_key, key, 0.9):
                    add(qs + 1, qe - 1, kind, label)
    quoted = [(e.start, e.end) for mv in found.values() for e in mv.evidence]
    head_rx, heads = _campaign_heads()
    for qs, qe in quotes:  # a quoted campaign that names itself ("Tháng hành động vì trẻ em")
        h = head_rx.match(folded, qs + 1)
        if h:
            add(qs + 1, qe - 1, heads[h.group()])
    for rx, name, kind, after_trigger in sorted(national, key=lambda n: len(n[1]), reverse=True):
        for m in rx.finditer(folded):
            if m.start() > 0 and folded[m.start() - 1].isalnum():
                continue
            if after_trigger and not _trigger_before(trig_rx, folded, m.start(), max_gap):
                continue
            if _BLOCKED_BEFORE.search(folded, max(0, m.start() - 40), m.start()):
                continue  # the name of a contest, prize or badge ("Hội thi Tuổi trẻ sáng tạo", "Huy hiệu “...”")
            if any(s <= m.start() and m.end() <= e for s, e in quoted):
                continue  # already named by its quote or by a longer national name
            add(m.start(), m.end(), kind)
            quoted.append((m.start(), m.end()))
    return list(found.values())
