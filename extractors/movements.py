"""Movements extractor: names of emulation campaigns (phong trào, cuộc vận động, đợt thi đua).

A name is usually quoted right after a trigger ("phong trào thi đua “...”"), and lists go on with more
quotes separated by ";", "," or a few words ("giai đoạn 2021-2025", "Cả nước chung tay"). A quote right
after a document or meeting word (Kế hoạch, Nghị quyết, Hội nghị, ...) is a title, not a campaign.
A small lexicon of national campaigns (data/movement_triggers.yaml) is matched with or without quotes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.awards import fold
from extractors.context import DocContext
from extractors.evidence import evidence
from extractors.lexicon import read_yaml
from schemas.record import Movement

# a curly quote may run over a page break (PDF text); a straight one may not (its pairing is ambiguous)
_QUOTE = re.compile(r"“([^”“]{3,300})”|\"([^\"\n]{3,300})\"")
_WORD = re.compile(r"\w+(?:[-/]\w+)*")
_STOP = re.compile(r"[.\n\t)]")  # a sentence or cell boundary, or a closing bracket, ends a list
_TRIM = " *_“”\"'.,;:…"


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], dict[str, str], int, re.Pattern[str], list[tuple[re.Pattern[str], str, str]]]:
    cfg = read_yaml("movement_triggers.yaml")
    triggers = {fold(k): v for k, v in cfg["triggers"].items()}
    # the bare "đợt" only counts right before a quote
    alts = sorted((re.escape(k) + (r"(?=[ ]*[*]*[“\"])" if k == "đợt" else "") for k in triggers), key=len, reverse=True)
    trig_rx = re.compile(r"(?:" + "|".join(alts) + r")(?!\w)")  # start boundary checked in code
    blockers = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in cfg["not_movement_before"]) + r")(?!\w)")
    national = []
    for entry in cfg["national"]:
        words = [re.escape(w) for w in re.findall(r"\w+", fold(entry["name"]))]
        # no look-behind at the start: a literal prefix lets the regex engine skip ahead (boundary checked in code)
        national.append((re.compile(r"[ ,;\n-]{1,4}".join(words) + r"(?!\w)"), entry["name"], entry["kind"]))
    return trig_rx, triggers, int(cfg["max_gap_words"]), blockers, national


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


_LIST_INTRO = re.compile(r"(?:phát động|như|gồm|là|mang tên|chủ đề|sau)[ ]*:?[ *_]*$|:[ *_]*$")


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


def extract_movements(text: str, context: DocContext | None = None) -> list[Movement]:
    """Every named campaign in ``text``, one item per name with all its mentions as evidence. Never None."""
    trig_rx, triggers, max_gap, blockers, national = _data()
    folded = fold(text)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    found: dict[str, Movement] = {}

    def add(start: int, end: int, kind: str, name: str | None = None) -> None:
        start, end = _clean_span(text, start, end)
        if end - start < 3:
            return
        label = " ".join((name or text[start:end]).split())
        label = label[0].upper() + label[1:]
        key = " ".join(_WORD.findall(fold(label)))
        if key in found:
            if all(e.start != start for e in found[key].evidence):
                found[key].evidence.append(evidence(text, start, end))
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
            add(qs + 1, qe - 1, kind)
            pos = qe
    quoted = [(e.start, e.end) for mv in found.values() for e in mv.evidence]
    for rx, name, kind in national:
        for m in rx.finditer(folded):
            if m.start() > 0 and folded[m.start() - 1].isalnum():
                continue
            if any(s <= m.start() and m.end() <= e for s, e in quoted):
                continue  # already named by its quote, perhaps with a longer name
            add(m.start(), m.end(), kind)
    return list(found.values())
