"""extractors/data/movement_triggers.yaml: kinds, unique national names, NFC."""
from __future__ import annotations

import unicodedata

from extractors.lexicon import read_yaml
from extractors.text import fold

KINDS = {"phong trào", "cuộc vận động", "đợt thi đua"}


def test_movement_triggers_yaml() -> None:
    cfg = read_yaml("movement_triggers.yaml")
    assert set(cfg["triggers"].values()) <= KINDS
    assert isinstance(cfg["max_gap_words"], int) and 2 <= cfg["max_gap_words"] <= 20
    names = [fold(e["name"]) for e in cfg["national"]]
    assert len(names) == len(set(names))
    for e in cfg["national"]:
        assert e["kind"] in KINDS
        assert e["name"] == unicodedata.normalize("NFC", e["name"]) and e["name"] == e["name"].strip()
        assert len(e["name"].split()) >= 3  # a short phrase would fire inside ordinary prose
    for w in [*cfg["triggers"], *cfg["not_movement_before"], *cfg["campaign_heads"]]:
        assert w == unicodedata.normalize("NFC", w) and w == w.lower()
    assert set(cfg["campaign_heads"].values()) <= KINDS
    assert all(isinstance(e.get("after_trigger", False), bool) for e in cfg["national"])


def test_movement_triggers_yaml_launch_words() -> None:
    """The launch words: kinds from the contract, plain lower-case words, quote-only triggers are triggers."""
    import re

    from extractors.text import toneless
    cfg = read_yaml("movement_triggers.yaml")
    launch = cfg["launch"]
    assert set(launch["kinds"].values()) <= KINDS and launch["default_kind"] in KINDS
    assert set(cfg["quote_only_triggers"]) <= set(cfg["triggers"])
    assert launch["wrapped_kind"] in launch["kinds"] and launch["cited_title"] in launch["title_openers"]
    # kind words stay apart once their tone marks are gone (they are matched on toneless text)
    assert len({toneless(k) for k in launch["kinds"]}) == len(launch["kinds"])
    words = [launch["verb"], launch["contest"], *launch["kinds"], *launch["title_openers"], *cfg["list_intro"],
             *launch["carry_out_verbs"], *cfg["unquoted_comma_clause"]]
    for w in words:
        assert w == w.strip().lower() == unicodedata.normalize("NFC", w) and re.escape(w).replace("\\ ", " ") == w, w
    assert len(cfg["list_intro"]) == len(set(cfg["list_intro"]))
