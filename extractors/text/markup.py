"""Markdown marks in text copied from web portals: "**2. Sở Tài chính**", "*Căn cứ ...*", "## II. NHIỆM VỤ".

``without_emphasis`` gives the same text with those marks as spaces (same length, so offsets found on it are
offsets into the original): a clause's numbering, its subject and a heading read as they do in a plain text.
A list bullet ("* item", a star followed by a space at the start of a line) is kept.

``without_stray_stops`` blanks the full stops OCR makes of specks inside a sentence ("Viễn thông Việt Nam. và
các tập thể", "Thương binh và. Xã hội"), same length: a sentence never goes on in lower case after a stop,
nor ends on "và"."""
from __future__ import annotations

import re

from extractors.lexicon import read_yaml
from extractors.text.letters import LOWER_CLASS

# two or more stars or underscores anywhere; one star touching a word ("*Căn", "kỳ họp;*"); heading hashes
_MARKS = re.compile(r"\*{2,}|_{2,}|(?<=\S)\*|\*(?=[^\s*])|(?m:^#{1,6}(?=[ ]))")


def without_emphasis(text: str) -> str:
    """``text`` with Markdown emphasis and heading marks replaced by spaces; same length."""
    if "*" not in text and "_" not in text and "#" not in text:
        return text
    return _MARKS.sub(lambda m: " " * len(m.group(0)), text)


# a stop after a word of two letters or more (not "v.v.", not "1."), then a lower-case word on the same line; or
# after a word no sentence ends on, then any word. The stop comes first and the words before it are looked behind
# from after it: the engine then skips to the stops instead of trying every position (a hundred times faster)
_NEVER_LAST = "|".join(rf"(?<=[ ]{re.escape(w)}\.)" for w in read_yaml("text_words.yaml")["never_last_words"])
_STRAY_STOP = re.compile(rf"\.(?:(?<=[^\W\d_]{{2}}\.)(?=[ ]+{LOWER_CLASS})|(?:{_NEVER_LAST})(?=[ ]+\w))")


def without_stray_stops(text: str) -> str:
    """``text`` with the full stops inside a sentence (see the module doc) replaced by spaces; same length."""
    return _STRAY_STOP.sub(" ", text) if ". " in text else text
