"""A person's name printed after the body of their title: "Phó Thủ tướng Chính phủ Trần Hồng Hà", "Bộ trưởng Bộ Xây
dựng Trần Hồng Minh". The grammar reads capitalised words on as the body's name; after a title, a run that opens
with a family name and follows a complete body (its last part a sector: "Chính phủ", "Xây dựng") is the person's."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import read_yaml
from extractors.names.grammar import position_before_re
from extractors.names.lexicon import heads_data
from extractors.text import UPPER_CLASS, name_key


@lru_cache(maxsize=1)
def _person_tail() -> tuple[re.Pattern, tuple[str, ...]]:
    # the family names the signature reader knows (header_words.yaml), then one to three capitalised syllables
    surnames = "|".join(re.escape(s) for s in sorted(read_yaml("header_words.yaml")["surnames"], key=len, reverse=True))
    tail = re.compile(rf"[ ](?:{surnames})(?:[ ]{UPPER_CLASS}\w*){{1,3}}$")
    sectors = tuple(" " + name_key(s) for s in heads_data()["sectors"])
    return tail, sectors


def without_person_names(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``mentions`` with a person's name cut off the end of a body named after the person's title."""
    tail, sectors = _person_tail()
    out = []
    for s, e, surf in mentions:
        m = tail.search(surf)
        if m and (" " + name_key(surf[:m.start()])).endswith(sectors) and \
                position_before_re().search(text, max(text.rfind("\n", 0, s) + 1, s - 40), s):
            surf = surf[:m.start()]
            e = s + len(surf)
        out.append((s, e, surf))
    return out
