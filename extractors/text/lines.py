"""Lines of a document and the one rule for joining hard-wrapped prose (OCR, PDF, web copies).

A line break is soft (reads as a space) when the line before it does not end a sentence and the line after
it goes on the same sentence. What "goes on" means differs between callers, and their results must not
change, so the rule takes it as a parameter: ``goes_on_lower`` (a lower-case continuation, or the year of a
date: conferences, movements) and ``goes_on_paragraph`` (also digits and long lines, never upper-case
headings or list items: units). Offsets are always kept: a soft break is replaced by one space."""
from __future__ import annotations

import re
from collections.abc import Callable

from extractors.evidence import replace_at
from extractors.lexicon import read_yaml
from extractors.text.fold import toneless

_WORDS = read_yaml("text_words.yaml")
SENTENCE_END = _WORDS["sentence_end"]

# (line before, line after) -> does the sentence go on; both lines raw, the caller checks the rest
GoesOn = Callable[[str, str], bool]


def soft_breaks(text: str, goes_on: GoesOn) -> tuple[int, ...]:
    """Offsets of the line breaks of ``text`` that read as spaces under ``goes_on``."""
    soft: list[int] = []
    pos = text.find("\n")
    prev_start = 0
    while pos != -1:
        nxt = text.find("\n", pos + 1)
        line_end = nxt if nxt != -1 else len(text)
        prev = text[prev_start:pos]
        follow = text[pos + 1:line_end]
        prev_s = prev.rstrip()
        if prev_s and prev_s[-1] not in SENTENCE_END and follow.strip() and goes_on(prev, follow):
            soft.append(pos)
        prev_start = pos + 1
        pos = nxt
    return tuple(soft)


def joined(text: str, goes_on: GoesOn) -> str:
    """``text`` with its soft line breaks (under ``goes_on``) as spaces; same length."""
    soft = soft_breaks(text, goes_on)
    return replace_at(text, soft, " ") if soft else text


_SOFT_BEFORE_DIGIT = re.compile(toneless(r"(?:" + "|".join(_WORDS["date_number_words"]) + r"|/|-)[ ]*$"))
_LOWER_LIST_START = re.compile(r"[ ]*(?:[a-zđ]\)|[-+•*])")


def goes_on_lower(prev: str, follow: str) -> bool:
    """The next line goes on in lower case ("... có thành\\ntích cao"), or with the year of a date ("vào ngày
    30 tháng 9 năm\\n2011"); never in or into a table row."""
    prev = prev.rstrip()
    follow = follow.lstrip()
    if "\t" in prev or "\t" in follow[:200]:
        return False
    c = follow[0]
    return (c.isalpha() and c.islower() and not _LOWER_LIST_START.match(follow)) or \
        (c.isdigit() and bool(_SOFT_BEFORE_DIGIT.search(toneless(prev[-12:].lower()))))


def is_upper_line(line: str) -> bool:
    """More than 80 % of the letters of ``line`` are upper case (a heading, an authority line)."""
    upper = sum(map(str.isupper, line))
    letters = upper + sum(map(str.islower, line))
    return letters > 3 and upper / letters > 0.8


_LIST_START = re.compile(r"(?:[-+•*]|\d{1,2}(?:\.\d+)*[.)]|[IVX]+[.)]|[a-zđ][.)]|" + _WORDS["article_word"] + r"[ ]\d|"
                         + "|".join(_WORDS["paragraph_openers"]) + ")")


def goes_on_paragraph(prev: str, follow: str) -> bool:
    """The next line goes on the paragraph: it starts in lower case or with a digit, or the line before is
    long; neither line is a table row, a heading or a list item."""
    a_s, b_s = prev.rstrip(), follow.lstrip()
    return ("\t" not in prev and "\t" not in follow and not _LIST_START.match(b_s)
            and (b_s[0].islower() or b_s[0].isdigit() or (len(a_s) >= 50 and b_s[0].isupper()))
            and not is_upper_line(prev) and not is_upper_line(follow))
