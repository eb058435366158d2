"""The layout of a page top shared by the header steps: the motto, upper-case and spaced-out lines, the
body start, the signature region, signing authorities and positions, and masking of spans already read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.evidence import evidence
from extractors.header.lexicon import header_patterns, header_words
from extractors.lexicon import DATA
from extractors.text import CAN_CU, UPPER_VN
from schemas.record import Evidence

_P = header_patterns()
MOTTO = re.compile("|".join(_P["motto"]), re.MULTILINE)


# a signing authority and its body: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"; OCR and web copies drop the dot
# ("KT THỦ TƯỚNG"), which is safe for the two- and three-letter prefixes but not for "Q."
SIG_AUTH = re.compile(r"(?<![^\W_])(TM|KT|TL|TUQ|Q(?=\.))(?:\.[ \t]*|[ \t]+)([" + UPPER_VN + r"][" + UPPER_VN
                       + r" \-]*[" + UPPER_VN + r"])")


RULE_LINE = re.compile(r"^[-_=~*.·…\s]+$")


def is_upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def _syllables() -> dict[str, int]:
    """Lower-case Vietnamese syllable -> corpus count (shared with the OCR corrector; read only)."""
    out: dict[str, int] = {}
    try:
        with (DATA / "vi_syllables.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or "\t" not in line:
                    continue
                syl, n = line.rstrip("\n").split("\t")
                if len(syl) >= 2 and int(n) >= 3:  # one-letter and rare entries are OCR debris
                    key = syl.lower()
                    for old, new in _P["syllable_tones"].items():
                        key = key.replace(old, new)
                    out[key] = out.get(key, 0) + int(n)
    except (FileNotFoundError, ValueError):
        pass
    return out


SPACED = re.compile(r"(?<!\S)[^\W\d_](?:[ \t]+[^\W\d_](?!\S)){3,}")


def despace(line: str) -> str | None:
    """Letter-spaced header text from web copies ("T H Ủ  T Ư Ớ N G") -> "THỦ TƯỚNG", or None.

    Single letters are regrouped into known syllables (fewest syllables, breaking at the widest gaps);
    a run that does not segment into known syllables is left alone."""
    m = SPACED.search(line)
    if not m:
        return None
    syl = _syllables()
    out: list[str] = []
    last = 0
    for m in SPACED.finditer(line):
        letters = [(x.start(), x.group()) for x in re.finditer(r"\S", m.group())]
        n = len(letters)
        gaps = [letters[i + 1][0] - letters[i][0] - 1 for i in range(n - 1)]
        best: list[tuple[float, int] | None] = [None] * (n + 1)
        best[0] = (0.0, -1)
        for j in range(1, n + 1):
            for i in range(max(0, j - 7), j):
                if best[i] is None:
                    continue
                word = "".join(c for _, c in letters[i:j]).lower()
                if word not in syl:
                    continue
                cost = best[i][0] + 10.0 - (gaps[i - 1] if i else 0) - min(len(str(syl[word])), 5) * 0.1
                if best[j] is None or cost < best[j][0]:
                    best[j] = (cost, i)
        if best[n] is None:
            return None
        words: list[str] = []
        j = n
        while j > 0:
            i = best[j][1]
            words.insert(0, "".join(c for _, c in letters[i:j]))
            j = i
        out.append(line[last:m.start()] + " ".join(words))
        last = m.end()
    out.append(line[last:])
    return " ".join("".join(out).split())


def ev_list(text: str, start: int, end: int) -> list[Evidence]:
    e = evidence(text, start, end)
    return [e] if e.end > e.start else []


def mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, min(e, len(chars))):
            if chars[i] not in "\n\t":
                chars[i] = " "
    return "".join(chars)


_BODY_START = re.compile(r"(?m)^[ \t*]*(?:" + "|".join([CAN_CU + r"\b"] + _P["body_openers"]) + ")")


# "Nơi nhận:" as OCR reads it ("Noi nhận", "Nơi nhân")
NOI_NHAN = re.compile(r"(?i)" + _P["recipients_label"] + r"\s*:")


# also "nhận:" alone at a line start, where OCR lost "Nơi"
_NOI_NHAN_ANY = re.compile(r"(?im)" + _P["recipients_label"] + r"\s*:?|^[ \t]*" + _P["recipients_label_ocr"] + r"[ \t]*:")


# where a Công văn's body starts, and where any document has ended (its end mark, its recipients): the header
# never reads past these (a web portal's notice after the document has a type line and a title of its own)
_LETTER_START = re.compile(r"(?m)^[ \t*]*" + header_words()["salutation"].replace(" ", r"[ \t]+") + r"\b|\./\.|"
                           + NOI_NHAN.pattern.replace("(?i)", ""), re.IGNORECASE)


def body_start(text: str) -> int:
    m = _BODY_START.search(text)
    end = m.start() if m else min(len(text), 3000)
    lm = _LETTER_START.search(text, 0, end)
    return lm.start() if lm else end


_END_MARK = re.compile(r"\./\.")


def signature_region(text: str) -> tuple[int, int]:
    """Where the signature block is: around the first "Nơi nhận", or after the first "./." that a signing
    position follows when that comes well before it (an annex's form has its own "Nơi nhận").

    Not cached: the header finds it once per document and keeps it on its ``PageTop``."""
    m = _NOI_NHAN_ANY.search(text)
    em = _END_MARK.search(text)
    if em and (not m or em.start() < m.start() - 800) and (
            position_re().search(text, em.end(), em.end() + 400) or SIG_AUTH.search(text, em.end(), em.end() + 400)):
        return em.start(), min(len(text), em.end() + 2500)
    if m:
        return max(0, m.start() - 800), min(len(text), m.end() + 2500)
    end = text.rfind("./.")
    start = end if end > 0 else max(0, len(text) - 2500)
    return start, min(len(text), start + 2500)


@lru_cache(maxsize=1)
def position_re() -> re.Pattern:
    pos = sorted({p.upper() for p in header_words()["positions"]}, key=len, reverse=True)
    auth = "|".join(re.escape(a) for a in header_words()["authorities"])
    return re.compile(r"(?<![^\W_])(?:(?P<auth>" + auth + r")[ \t]*)?(?P<pos>" + "|".join(re.escape(p) for p in pos)
                      + r")(?![^\W\d_])")


@dataclass
class PageTop:
    """The page top the header steps read: where the body starts (``limit``), the type line (``tm``), the zone
    above it, the spans already read (``masks``: the motto, then the number and the place line), and where the
    signature block is (``signature``, read by the signer and the issuer fallbacks)."""
    limit: int
    tm: object
    zone_end: int
    zone: str
    masks: list[tuple[int, int]]
    signature: tuple[int, int]


# a line of a table written as text: cells between "|" (antiword, python-docx dumps, Markdown grids), line breaks
# inside a cell written " / "; a line is one when it has two pipes or one between spaces (a single "|" glued to a
# code is OCR's reading of "/": "Số: |KH-UBND")
_CELL_BREAK = re.compile(r"(?:(?<=[ \t])|(?<=^))/(?=[ \t]|$)", re.MULTILINE)


def table_view(text: str) -> str:
    """``text`` with the cells of text-drawn tables as the backends lay them out: "|" a cell break (tab) and a
    lone "/" between spaces a line break; same length, so every offset points at the same place in ``text``."""
    if "|" not in text:
        return text
    chars = list(text)
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.count("|") >= 2 or " | " in line or "\t|\t" in line:
            for i in range(start, end):
                if chars[i] == "|":
                    chars[i] = "\t"
            for cm in _CELL_BREAK.finditer(text, start, end):
                chars[cm.start()] = "\n"
        start = end + 1
    return "".join(chars)


def regrounded(h, text: str) -> None:
    """Evidence read from a view of ``text`` (same offsets) made to quote ``text`` itself."""
    def fix(evs) -> None:
        for ev in evs:
            ev.text = text[ev.start:ev.end]
    for evs in h.evidence.values():
        fix(evs)
    for sig in ([h.signer] if h.signer else []) + list(h.signers):
        fix(sig.evidence)
    for r in h.recipients:
        fix(r.evidence)
