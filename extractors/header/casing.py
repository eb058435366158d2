"""A trích yếu printed in capitals, in sentence case as the gold writes it, with names in their official case."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.header.layout import is_upper_line
from extractors.header.lexicon import WORDS, header_words, public_bodies, type_names
from extractors.lexicon import read_csv
from extractors.names import FIXED_CASE, province_names
from extractors.ocr_correction import bigram_count
from extractors.text import is_syllable, word_alternation

_W = header_words()


@lru_cache(maxsize=1)
def _cited_type_re() -> re.Pattern:
    alts = "|".join(re.escape(t.lower()) for t in sorted(type_names(), key=len, reverse=True))
    return re.compile(r"(?<![^\W\d_])(?:" + alts + r")(?=[ \t]+" + WORDS["number"] + r"\b)")


@lru_cache(maxsize=1)
def _official_case() -> tuple[re.Pattern, dict[str, str]]:
    """Names that keep their capitals inside a sentence-case title: listed public bodies, authorities, fixed forms
    ("Việt Nam", "Chính phủ") and provinces; matched in lower case, longest first."""
    forms = set(public_bodies().values()) | set(header_words()["sole_authorities"].values()) | set(FIXED_CASE)
    forms |= {p for p in province_names() if p[:1].isupper()} | set(header_words()["positions"])
    forms |= {r["name"] for r in read_csv("public_bodies.csv") if "{" not in r["name"]}
    # sorted, so that of two forms with one lower case ("Trưởng Ban", "Trưởng ban") the one with more
    # capitals wins in every process: a set's order follows the string hash, which changes from run to run
    table: dict[str, str] = {}
    for f in sorted(forms):
        if f and f != f.lower():
            table.setdefault(f.lower(), f)
    alts = "|".join(re.escape(k) for k in sorted(table, key=lambda k: (-len(k), k)))
    return re.compile(r"(?<![^\W\d_])(?:" + alts + r")(?![^\W\d_])"), table


class _PersonAfterPosition:
    """A person named after a position ("Phó Thủ tướng NGUYỄN HÒA BÌNH"): two to four words from a family name
    up to a connector word; built on first use from the positions and surnames of header_words.yaml."""

    @lru_cache(maxsize=1)
    def _re(self) -> re.Pattern:
        pos = "|".join(re.escape(p) for p in sorted(header_words()["positions"], key=len, reverse=True))
        sur = "|".join(re.escape(x.lower()) for x in sorted(header_words()["surnames"], key=len, reverse=True))
        standing, government = _W["standing_words"]
        return re.compile(r"(?P<pos>(?:" + pos + r")(?i:[ \t]+" + standing + r"(?:[ \t]+" + government + r")?)?)[ \t]+"
                          r"(?P<name>(?:" + sur + r")(?:[ \t]+(?!" + word_alternation(_W["name_stops"]) + r"\b)[^\W\d_]+){1,3})")

    def sub(self, repl, s: str) -> str:
        return self._re().sub(repl, s)


_PERSON_AFTER_POSITION = _PersonAfterPosition()


def sentence_case(title: str) -> str:
    """A trích yếu printed in capitals, as the gold writes it: sentence case with the names in their official
    case ("TRIỂN KHAI ... TRÊN ĐỊA BÀN TỈNH NGHỆ AN" -> "Triển khai ... trên địa bàn tỉnh Nghệ An"); codes,
    acronyms and Roman numerals ("06/QĐ-TTG", "VNPT", "COVID-19", "III") stay as printed. A title in mixed case
    is left alone."""
    lead = re.match(r"V/v[ \t]+", title)
    body = title[lead.end():] if lead else title
    if not is_upper_line(body):
        return title
    words: list[str] = []
    for tok in body.split(" "):
        runs = re.findall(r"[^\W\d_]+", tok)
        # a Roman numeral ("LẦN THỨ III") unless it makes a word with the word before ("PHẠM VI")
        roman = bool(runs) and re.fullmatch(r"[IVXLC]+", runs[0]) is not None and not (
            words and bigram_count(words[-1].strip(",;:"), runs[0]) >= 1)
        keep = re.search(r"\d", tok) or roman or any(not is_syllable(r) for r in runs)
        words.append(tok if keep else tok.lower())
    out = " ".join(words)
    rx, table = _official_case()
    out = rx.sub(lambda m: table[m.group(0)], out)
    out = _PERSON_AFTER_POSITION.sub(lambda m: m.group("pos") + " " + m.group("name").title(), out) if any(
        p in out for p in header_words()["positions"]) else out
    out = _cited_type_re().sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], out)
    return (lead.group() if lead else "") + out[:1].upper() + out[1:]
