"""Unit names: abbreviation expansion, official casing, places, and the grammar of a unit mention.

Shared by the units, tasks, header and conference extractors. Language data lives in
``data/abbreviations.csv``, ``data/provinces.csv``, ``data/public_bodies.csv``, ``data/unit_heads.yaml`` and
``data/name_words.yaml``.

- ``lexicon``: the data, loaded once (heads, the grammar's words, abbreviations, provinces, public bodies);
- ``casing``: abbreviation expansion and official casing;
- ``places``: provinces and districts, lists of provinces, a bare level word resolved to the issuer's place, the
  collectives of one level ("xã, phường, đặc khu" = "cấp xã");
- ``head_lists``: a head given to each item of a colon list ("các Bộ: Tài chính, Công an");
- ``canonical``: one surface mention -> its canonical full names;
- ``grammar``: the pattern of a mention (head, tail, parent);
- ``mentions``: the mentions of a text;
- ``ocr``: OCR repair of a name;
- ``breaks``: a name broken over two lines;
- ``short_names``: a short name the document declares ("(sau đây gọi tắt là Ban Chỉ đạo)").
"""
from extractors.names.breaks import dash_continues_name, name_goes_on
from extractors.names.canonical import canonical_unit, province_list_collective
from extractors.names.casing import (FIXED_CASE, expand_abbreviations, expand_word, head_of, official_forms,
                                     proper_case)
from extractors.names.lexicon import canonical_province, heads_data, province_names
from extractors.names.mentions import find_unit_mentions
from extractors.names.ocr import OCR_SAME_LENGTH, repair_ocr_name
from extractors.names.places import (collective_of_provinces, find_places, is_level_collective, level_collective_key,
                                    province_collective_key, province_level_word, provinces_acting)
from extractors.names.short_names import with_declared_short_names
from extractors.text import UPPER_CLASS, name_key, new_tones

__all__ = [
    "FIXED_CASE", "OCR_SAME_LENGTH", "UPPER_CLASS", "canonical_province", "canonical_unit", "collective_of_provinces",
    "dash_continues_name",
    "expand_abbreviations", "expand_word", "find_places", "find_unit_mentions", "head_of", "heads_data",
    "is_level_collective", "level_collective_key",
    "name_goes_on", "name_key", "new_tones", "official_forms", "proper_case", "province_collective_key", "province_level_word", "province_names",
    "province_list_collective", "provinces_acting",
    "repair_ocr_name",
    "with_declared_short_names",
]
