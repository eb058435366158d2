"""OCR repair of a unit name: glued abbreviations, glued syllables, misread level words, look-alike letters."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names.lexicon import AND, WORDS, abbreviations
from extractors.text import LOWER_CLASS


# --- OCR repair of a name ------------------------------------------------------------------

# Icelandic eth (U+00D0/U+00F0) looks like Đ/đ and OCR returns it; same length, so offsets survive
_OCR = WORDS["ocr"]
OCR_SAME_LENGTH = str.maketrans(_OCR["same_length"])
_LOWER_RUN = rf"{LOWER_CLASS}+"
_ABBR_LETTERS = "A-ZĐ"  # the letters of a unit abbreviation
# an abbreviation glued to the next word: "UBNDtinh", "TĐKTtỉnh", "TĐcác" (a capital run, then lower case)
_GLUED_ABBR = re.compile(rf"(?<![\w&])([{_ABBR_LETTERS}&]{{2,}})({_LOWER_RUN})(?!\w)")
# Vietnamese writes đ only at the start of a syllable: "Thiđua" is two syllables glued by OCR
_GLUED_D = re.compile(rf"(?<={LOWER_CLASS})(?={_OCR['syllable_initial']}{LOWER_CLASS})")
# "và" glued to the word before it ("Thương binhvà Xã hội"); no syllable ends in "và"
_GLUED_AND = re.compile(rf"(?<={LOWER_CLASS}{{2}})(?={AND}(?![\w]))")
# a level word after an abbreviation ("tỉnh"), as OCR reads it without its tone or with a doubled letter
_MISREAD = tuple((re.compile(rf"(?<=[{_ABBR_LETTERS}] )(?:{'|'.join(misread)})(?=$|[ ,;.)])"), word)
                 for word, misread in _OCR["misread"].items())
_ABBR_AFTER_WORD = re.compile(rf"(?<={LOWER_CLASS}{{2}})([{_ABBR_LETTERS}&]{{2,}})(?![\w&])")  # "tỉnhĐBSH"
_ABBR_JUNK = re.compile(r"[Il|!1]$")  # a stray stroke after an abbreviation: "UBNDItinh"


def _edit1(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


@lru_cache(maxsize=1)
def _unit_abbrs() -> tuple[str, ...]:
    return tuple(a for a, _ in abbreviations() if a.isupper() and len(a) >= 2)


def _known_abbr(run: str) -> str | None:
    """``run`` as a known unit abbreviation: itself, without a stray stroke, or (4+ letters) one OCR slip away."""
    abbrs = _unit_abbrs()
    if run in abbrs:
        return run
    bare = _ABBR_JUNK.sub("", run)
    if bare != run and bare in abbrs:
        return bare
    for cand in (run, bare):
        if len(cand) >= 4:
            close = [a for a in abbrs if len(a) >= 4 and _edit1(cand, a)]
            if len(close) == 1:
                return close[0]
    return None


def repair_ocr_name(s: str) -> str:
    """A unit name as OCR glued or misread it, repaired where the repair is unambiguous:
    "UBNDItinh" -> "UBND tỉnh", "Hội đồng TĐKTtinh" -> "Hội đồng TĐKT tỉnh", "Ban Thiđua" -> "Ban Thi đua",
    "Thương binhvà Xã hội" -> "Thương binh và Xã hội", "TÐ" (eth) -> "TĐ". Anything else is left as it is."""
    if any(c in s for c in _OCR["same_length"]):
        s = s.translate(OCR_SAME_LENGTH)

    def glued(m: re.Match) -> str:
        abbr = _known_abbr(m.group(1))
        if abbr is None:
            return m.group(0)
        return f"{abbr} {m.group(2)}"

    def glued_before(m: re.Match) -> str:
        abbr = _known_abbr(m.group(1))
        return m.group(0) if abbr is None else f" {abbr}"

    s = _GLUED_ABBR.sub(glued, s)
    s = _ABBR_AFTER_WORD.sub(glued_before, s)
    s = _GLUED_D.sub(" ", s)
    s = _GLUED_AND.sub(" ", s)
    for rx, word in _MISREAD:
        s = rx.sub(word, s)
    return s
