"""Markdown marks in text copied from web portals: "**2. Sở Tài chính**", "*Căn cứ ...*", "## II. NHIỆM VỤ".

``without_emphasis`` gives the same text with those marks as spaces (same length, so offsets found on it are
offsets into the original): a clause's numbering, its subject and a heading read as they do in a plain text.
A list bullet ("* item", a star followed by a space at the start of a line) is kept."""
from __future__ import annotations

import re

# two or more stars or underscores anywhere; one star touching a word ("*Căn", "kỳ họp;*"); heading hashes
_MARKS = re.compile(r"\*{2,}|_{2,}|(?<=\S)\*|\*(?=[^\s*])|(?m:^#{1,6}(?=[ ]))")


def without_emphasis(text: str) -> str:
    """``text`` with Markdown emphasis and heading marks replaced by spaces; same length."""
    if "*" not in text and "_" not in text and "#" not in text:
        return text
    return _MARKS.sub(lambda m: " " * len(m.group(0)), text)
