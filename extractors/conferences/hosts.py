"""A meeting's host: the body that organises or chairs it, where the text says so. A label in the meeting's
section ("Chủ trì: ...", "Đơn vị tổ chức: ..."), the mention's own sentence ("Hội nghị ... do UBND tỉnh tổ chức",
"Sở Nội vụ tổ chức Hội nghị ..."), or the issuer, when the document's title is the plan to hold the meeting
("KẾ HOẠCH / Tổ chức Hội nghị tổng kết ...")."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.conferences.frames import Frame, Line, unit_name
from extractors.conferences.lexicon import conference_words, key
from extractors.conferences.mentions import SENT_END
from extractors.context import DocContext
from extractors.lexicon import read_yaml
from extractors.names import find_unit_mentions
from extractors.text import toneless_rx

_REACH = 200  # how far a mention's sentence is read for its host, either side
_SUBJECT_TAIL_WORDS = 3  # words between a subject and its verb ("sẽ chủ động", "đã")


@lru_cache(maxsize=1)
def _host_words() -> dict:
    w = read_yaml("conference_words.yaml")
    verbs = "|".join(re.escape(key(v)).replace(r"\ ", "[ ]+") for v in sorted(w["host_verbs"], key=len, reverse=True))
    by = re.escape(key(w["host_by_word"]))
    return {
        "label": toneless_rx(r"^[\W\d]*?(?:(?:\d+\.|[" + w["item_letters"] + r"]\))[ ]*)?[*_]*[ ]*(?:"
                             + "|".join(w["host_labels"]) + r")[ ]*[*_]*[ ]*:[*_ ]*"),
        # "... do <X> tổ chức": X right after the mention's words
        "by": re.compile(r"[ ,]*(?:[^.;:\n\t]{0,80}?[ ,])?" + by + r"[ ]+(?P<x>[^.;:\n\t]{3,120}?)[ ]+(?:" + verbs
                         + r")(?!\w)"),
        # "<X> tổ chức Hội nghị ...": X opens the clause, the verb stands right before the mention
        "subject": re.compile(r"(?:^|[.;:\n\t][ *_-]*)(?P<x>[^.;:\n\t]{3,120}?)[ ]+(?:" + verbs + r")[ \"“*]*$"),
        "and": w["host_and_word"],
        "title_verb": re.compile(r"[ *_]*(?:" + verbs + r")[ ]+"),  # a title that opens with the verb
    }


def _units_in(text: str, start: int, end: int, context: DocContext | None) -> list[str]:
    """The canonical names of the units named in ``text[start:end]``, in order."""
    out: list[str] = []
    for s, e, _ in find_unit_mentions(text[start:end]):
        name = unit_name(text[start + s:start + e], context)
        if name not in out:
            out.append(name)
    return out


def _subject_units(text: str, start: int, end: int, context: DocContext | None) -> list[str]:
    """The units that open the clause ``text[start:end]`` as its subject ("Sở Nội vụ", "Sở Nội vụ và Sở Tài chính"),
    with at most a few words ("sẽ", "chủ động") left before the verb; none where the clause opens otherwise ("Tham mưu
    UBND tỉnh ...", "Tại Trường ...", "Chiều ngày ..., tại trụ sở ...")."""
    clause = text[start:end]
    found = find_unit_mentions(clause)
    if not found or clause[:found[0][0]].strip(" -+*_\"“"):
        return []
    taken, last = [found[0]], found[0][1]
    for m in found[1:]:
        if clause[last:m[0]].strip(" ,") not in ("", _host_words()["and"]):
            break
        taken.append(m)
        last = m[1]
    if len(clause[last:].split()) > _SUBJECT_TAIL_WORDS:
        return []
    out: list[str] = []
    for s, e, _ in taken:
        name = unit_name(text[start + s:start + e], context)
        if name not in out:
            out.append(name)
    return out


def _add(frame: Frame, names: list[str], span: tuple[int, int]) -> None:
    for n in names:
        if n not in frame.host:
            frame.host.append(n)
    if names and span not in frame.host_spans:
        frame.host_spans.append(span)


def fill_hosts(text: str, base: str, lines: list[Line], frames: list[Frame], context: DocContext | None) -> None:
    """Each frame's host from its labelled section, its mentions' sentences, or the issuer of a plan whose title
    is holding the meeting."""
    hw, cw = _host_words(), conference_words()
    title_zone = next((i for i, ln in enumerate(lines) if ln.level is not None), len(lines))
    for f in frames:
        for s, e in sorted(f.spans):
            stop = SENT_END.search(base, e, e + _REACH)
            stop = stop.start() if stop else min(len(base), e + _REACH)
            by = hw["by"].match(base, e, stop)
            if by:
                _add(f, _units_in(text, by.start("x"), by.end("x"), context), (by.start("x"), by.end()))
            subject = hw["subject"].search(base, max(0, s - _REACH), s)
            if subject and cw["citation_rx"].search(subject.group("x")) is None \
                    and cw["blockers_rx"].search(subject.group("x") + " ") is None and not f.host:
                _add(f, _subject_units(text, subject.start("x"), subject.end("x"), context), (subject.start("x"), s))
        if f.host or context is None or not context.issuer:
            continue
        # the document's title is the plan to hold this meeting: its issuer hosts it
        ln = lines[f.line]
        if f.line < min(title_zone, 30) and hw["title_verb"].match(base, ln.start) \
                and any(ln.start <= s < ln.end for s, _ in f.spans):
            f.host.append(context.issuer)


def label_host(text: str, folded: str, ln: Line, frame: Frame, context: DocContext | None) -> bool:
    """A host label line in a meeting's section ("Chủ trì: Sở Nội vụ"): its units are the host. Whether it was one."""
    m = _host_words()["label"].match(folded[ln.start:ln.end])
    if m is None:
        return False
    vs = ln.start + m.end()
    names = _units_in(text, vs, ln.end, context) or ([unit_name(text[vs:ln.end], context)]
                                                     if text[vs:ln.end].strip(" .;*_") else [])
    _add(frame, names, (vs, ln.end))
    return True
