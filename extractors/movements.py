"""Movements extractor."""
from __future__ import annotations

from extractors.context import DocContext
from schemas.record import Movement


def extract_movements(text: str, context: DocContext | None = None) -> list[Movement]:
    """Every movement in ``text``, with evidence offsets. Never None."""
    return []
