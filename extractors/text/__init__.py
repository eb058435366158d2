"""The shared Vietnamese text layer: folding and tone keys, letter classes, line joining, place designators,
OCR-tolerant patterns and Markdown marks. Every fact module takes these from here instead of from another fact module."""
from extractors.text.fold import fold, name_key, new_tones, toneless, toneless_rx
from extractors.text.letters import LOWER_CLASS, UPPER_CLASS, UPPER_VN
from extractors.text.lines import SENTENCE_END, soft_breaks
from extractors.text.markup import without_emphasis, without_stray_stops
from extractors.text.numbers import ROMAN
from extractors.text.patterns import (
    CAN_CU, LEGAL_BASIS_WORDS, PLACE_DESIGNATOR, alternation, either_case_first, literal, ocr_tolerant, place_designators,
    starting_with, word_alternation,
)
from extractors.text.syllables import is_syllable

__all__ = [
    "CAN_CU", "LEGAL_BASIS_WORDS", "LOWER_CLASS", "PLACE_DESIGNATOR", "ROMAN", "SENTENCE_END", "UPPER_CLASS",
    "UPPER_VN", "alternation", "either_case_first", "fold", "is_syllable", "literal", "name_key", "new_tones",
    "ocr_tolerant", "place_designators", "soft_breaks", "starting_with", "toneless", "toneless_rx", "without_emphasis",
    "without_stray_stops", "word_alternation",
]
