"""Roman numerals, read once from data/text_words.yaml."""
from __future__ import annotations

from extractors.lexicon import read_yaml

# upper-case numeral -> value; look a numeral up by its upper case ("iii" -> "III")
ROMAN: dict[str, int] = {str(k): int(v) for k, v in read_yaml("text_words.yaml")["roman_numerals"].items()}
