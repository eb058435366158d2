"""Helpers for the seed-vs-gold tests of conferences, awards and movements."""
from __future__ import annotations

import difflib
import json
import re
import unicodedata

from extractors.text import fold
from tests.conftest import GOLD


def _norm(s: str) -> str:
    s = fold(unicodedata.normalize("NFC", s))
    s = re.sub(r"[\"“”'()\[\]*_\-–,.;:/]", " ", s)
    return " ".join(s.split())


def _same(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio() >= 0.9


def _gold(doc_id: str) -> dict:
    return json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))


def _year(doc_id: str) -> int | None:
    issued = (_gold(doc_id)["document"].get("issued") or "")[:4]
    return int(issued) if issued.isdigit() else None


