"""extractors/data/citation_words.yaml: the lists the citations extractor reads, lower case, NFC, no duplicates."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml


def test_citation_words_yaml() -> None:
    cfg = read_yaml("citation_words.yaml")
    lists = {"not_cited_after", "not_law_titles", "clause_after_comma", "links_before_break", "describes",
             "list_joiners", "title_end_words"}
    words_ = {"number_word", "constitution"}
    assert set(cfg) == lists | words_
    for key in lists:
        words = cfg[key]
        assert words and len(words) == len(set(words)), key
        for w in words:
            assert isinstance(w, str) and w == w.strip() and w == w.lower(), (key, w)
            assert w == unicodedata.normalize("NFC", w), (key, w)
    for key in words_:
        assert cfg[key] == cfg[key].strip().lower() == unicodedata.normalize("NFC", cfg[key]), key
    # a type word in these lists would drop real citations
    assert not {"luật", "nghị định", "quyết định", "thông tư"} & set(cfg["not_cited_after"])
