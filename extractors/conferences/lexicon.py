"""The conferences' lexicon, compiled once: data/conference_kinds.yaml (the kinds and the words that name them)
and data/conference_words.yaml (the words of a meeting's frame and of a plan's own sections about it).

OCR of scans gets tone marks wrong ("Hôi nghi sơ kêt"): the patterns are matched on a folded copy of the text
without tone marks (text.toneless: same length, vowel shapes kept) unless a comment says otherwise."""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lexicon import read_yaml
from extractors.text import UPPER_CLASS, fold, toneless, toneless_rx

# a quarter's numeral in a table heading ("Quý IV", "Quý 4")
ROMAN_Q = r"(iv|iii|ii|i|[1-4])"


def key(s: str) -> str:
    """The matching key of a lexicon word: folded, without tone marks."""
    return toneless(fold(s))


def alt(words: list[str]) -> str:
    """An alternation of lexicon words as the folded text without tone marks reads them, longest first."""
    return "|".join(re.escape(key(w)).replace(r"\ ", "[ ]+") for w in sorted(words, key=len, reverse=True))


def _in_order(words: list[str]) -> str:
    """An alternation of words in the data's order (for patterns compiled by ``toneless_rx``)."""
    return "|".join(words)


def _by_length(pairs) -> list[tuple[str, str]]:
    return sorted(((key(w), k) for k, words in pairs for w in words), key=lambda x: -len(x[0]))


@lru_cache(maxsize=1)
def conference_words() -> dict:
    """Every pattern and table the conferences extractor reads, built from its two data files."""
    cfg = read_yaml("conference_kinds.yaml")
    w = read_yaml("conference_words.yaml")
    heads = sorted({key(h) for h in cfg["heads"]} | {key(h) for h in cfg["head_kinds"]}
                   | {key(h) for h in cfg["other_heads"]} | {key(h) for h in cfg["title_heads"]}, key=len, reverse=True)
    clock = r"\d{1,2}[ ]*(?:" + alt(w["clock_units"]) + r")"
    clock_span = (r"(?<!\w)(?:" + alt(w["clock_from_words"]) + r")[ ]+" + clock + r"[^,;.\n]{0,15}?[ ]*(?:"
                  + alt(w["clock_to_words"]) + r")[ ]+" + clock + r"|" + clock + r"[ ]*\d{0,2}[ ]*-[ ]*" + clock)
    kw = _by_length(cfg["kinds"].items())
    ceremony_kw = _by_length(cfg["ceremony_keywords"].items())
    verbs = sorted({key(v) for v in cfg["anchor_verbs"]}, key=len, reverse=True)
    fuzzy_min = int(cfg["fuzzy_min_chars"])
    item = "[" + w["item_letters"] + "]"
    # "1. Thời gian:", "a) Địa điểm:", also a section's own label ("II. THỜI GIAN: ngày 15/7/2025")
    label_start = r"^[\W\d]*?(?:(?:[ivxl]+\.|\d+\.|" + item + r"\))[ ]*)?[*_]*[ ]*"
    # the meeting a label may name before its colon ("Thời gian tổ chức Hội nghị:", "Địa điểm tổ chức Lễ kỷ niệm:")
    named = r"(?:[ ]+(?:" + "|".join(re.escape(h) for h in heads) + r"))?"
    place_label = w["place_label"] + r"(?:[ ]+(?:" + _in_order(w["place_label_qualifiers"]) + r"))?" + named
    day, month = w["day_word"], w["month_word"]
    acts = alt(list(cfg["review_acts"]))
    links = "|".join(re.escape(key(x)) for x in cfg["review_act_links"])
    return {
        # kinds and the words that name them
        "head_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(h) for h in heads) + r")(?!\w)"),
        "head_kinds": {key(k): v for k, v in cfg["head_kinds"].items()},
        "ceremony_heads": {key(h) for h in cfg["ceremony_heads"]},
        "other_heads": {key(h) for h in cfg["other_heads"]},
        "title_heads": {key(h) for h in cfg["title_heads"]},
        # read with tone marks: "hội thao" (a sports day) is "hội thảo" without them
        "title_surface": {fold(h) for h in cfg["title_heads"]},
        "back_ref_rx": re.compile(r"(?:" + alt(cfg["back_reference_words"]) + r")(?:[ ]+(?:"
                                  + alt(cfg["back_reference_words"]) + r"))*"),
        "congress_heads": tuple(key(h) for h in cfg["congress_heads"]),
        "congress_session_rx": re.compile(r"(?<!\w)(?:" + alt(cfg["congress_sessions"]) + r")(?!\w)"),
        "congress_not_rx": re.compile(r"[ ]*(?:" + alt(cfg["congress_not_meetings"]) + r")(?!\w)"),
        "heading_starts": _by_length(cfg["heading_starts"].items()),
        "minutes_rx": re.compile(r"[ *_#]*(?:" + "|".join(re.escape(key(w)) for w in cfg["minutes_titles"])
                                 + r")(?!\w)"),
        "opening_rx": re.compile(r"(?<![^\W\d_])[ *_-]*(?:" + "|".join(
            re.escape(key(w)) for w in sorted(cfg["minutes_openings"], key=len, reverse=True)) + r")(?!\w)"),
        "session_rx": re.compile(r"(?<!\w)(?:" + alt(cfg["session_words"]) + r")(?!\w)"),
        "recurring_rx": re.compile(r"(?<!\w)(?:" + alt(cfg["recurring_words"]) + r")(?!\w)"),
        "place_end_rx": re.compile(r",|;|\.(?:[ ]|$)|[ ]+(?:" + alt(cfg["place_end_words"]) + r")(?!\w)"),
        "slot_head_rx": re.compile(r"(?:" + alt(cfg["slot_headings"]) + r")(?!\w)"),
        "ceremony_surface": tuple(fold(h) for h in cfg["ceremony_heads"]),
        "kw_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w, _ in kw)
                            + r")(?!\w)"),
        "kw_kind": dict(kw),
        "ceremony_kw_rx": re.compile(r"[ ]*(" + "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w, _ in ceremony_kw)
                                     + r")(?!\w)"),
        "ceremony_kw_kind": dict(ceremony_kw),
        # keywords long enough to be recognised with two OCR errors ("tun dương" for "tuyên dương")
        "fuzzy": [(w, k, len(w.split())) for w, k in kw if len(w) >= fuzzy_min],
        "window": int(cfg.get("window", 6)),
        "ceremony_kinds": set(cfg["ceremony_kinds"]),
        "row_starts": _by_length(cfg["row_starts"].items()),
        "verbs_rx": re.compile(r"(?:(?<=\W)|^)(" + "|".join(re.escape(v) for v in verbs) + r")(?:[ ]+(?:\d{1,2}|"
                               + alt(cfg["anchor_quantities"]) + r"))?[ \"“*]*$"),
        # "tổ chức Lễ ... và <mention>": the mention is the verb's second object (no clause ends between them)
        "joined_object_rx": re.compile(r"(?:(?<=\W)|^)(?:" + "|".join(re.escape(v) for v in verbs) + r")[ ]+(?:"
                                       + "|".join(re.escape(h) for h in heads) + r")(?!\w)[^.;:!?\n\t]{0,160}?[ ]*(?:"
                                       + alt(cfg["object_joiners"]) + r")[ ]*$"),
        # "Căn cứ" after a mention opens a clause of its own (a title run into the basis that follows it)
        "basis_after_rx": re.compile(r"(?<!\w)(?:" + alt(cfg["citation_markers"]) + r")(?!\w)"),
        "blockers_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(key(b)) for b in cfg["anchor_blockers"])
                                  + r")[ ]+$"),
        "citation_rx": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(key(w)) for w in cfg["citation_markers"])
                                  + r")(?!\w)|(?<!\w)" + key(w["number_word"]) + r"[ ]*:?[ ]*\d+[ ]*/|\d+/\w*-["
                                  + w["number_symbol_letters"] + "]"),
        # "tổ chức sơ kết, tổng kết ...": the acts' list, and the kinds each act names
        "review_act_rx": re.compile(r"(?<!\w)(?:" + acts + r")(?:[ ]*(?:" + links + r")[ ]*(?:" + acts + r"))*(?!\w)"),
        "review_act_one": re.compile(r"(?<!\w)(?:" + acts + r")(?!\w)"),
        "review_act_kinds": {re.sub(r"[ ]+", " ", key(a)): kinds for a, kinds in cfg["review_acts"].items()},
        "notice_rx": re.compile(r"^[\W_]*(?:(?:" + alt(cfg["notice_titles"]) + r")[\W_]+)?(?:" + alt(cfg["notice_words"])
                               + r")(?!\w).*(?<!\w)" + key(cfg["notice_preposition"]) + r"(?:[ ]+(?:"
                               + alt(cfg["notice_plurals"]) + r"))?[ ]*$"),
        "citation_starts": tuple(key(m) for m in cfg["citation_markers"]),
        # a notice of conclusions, by its title's first words ("Thông báo / Kết luận của ..."), and the visit or
        # session its opening sentence reports ("... đã đi kiểm tra ...")
        "notice_title_rx": re.compile(r"[\W_]*(?:(?:" + alt(cfg["notice_titles"]) + r")[\W_]+)?(?:"
                                      + alt(cfg["notice_words"]) + r")(?!\w)"),
        "visit_rx": re.compile(r"(?<!\w)" + key(w["visit_marker"]) + r"[ ]+(?:" + alt(w["visit_verbs"]) + r")(?!\w)"),
        "participants_rx": re.compile(r"[ *_-]*(?:" + alt(w["participant_openers"]) + r")(?!\w)[^.;:]{0,160}?(?<!\w)"
                                      + key(w["participant_link"]) + r"(?!\w)[ ]*:?[ ]*"),
        # the frame and the plan's own sections
        # "I. MỤC ĐÍCH", "1. Thời gian"; also typed without the space ("II.TỔ CHỨC", "1.Thời gian")
        "heading": re.compile(r"[ ]*(?:[*_]{1,2})?(?:(?P<roman>[IVXL]+)\.(?:[ *]|(?=" + UPPER_CLASS + r"))|(?P<num>\d+(?:\.\d+)*)"
                              r"(?:\.?[ *]|\.(?=" + UPPER_CLASS + r"))|(?P<letter>" + item + r")\)[ *])"),
        "numbering": re.compile(r"^[\W\d]*?(?:(?:[ivxl]+|\d+(?:\.\d+)*)\.|" + item + r"\))?[ *_]*"),
        "time_label": toneless_rx(label_start + w["time_label"] + r"(?:[ ]+(?:" + _in_order(w["time_label_qualifiers"])
                                  + r"))?" + named + r"(?P<and_place>[ ]*(?:" + "|".join(w["time_place_joiners"]) + r")[ ]*" + place_label
                                  + r")?[ ]*[*_]*[ ]*:[*_ ]*"),
        "place_label": toneless_rx(label_start + place_label + r"[ ]*[*_]*[ ]*:[*_ ]*"),
        "duration_label": toneless_rx(label_start + w["duration_label"] + r"(?:[ ]+(?:" + _in_order(w["time_label_qualifiers"])
                                      + r"))?[ ]*[*_]*[ ]*:[*_ ]*"),
        "place_column": toneless_rx(place_label),
        # where a label starts inside a line, after the full stop of the one before ("... (thứ Năm). 2. Địa điểm:")
        "inline_label_rx": toneless_rx(r"(?<=[.;])[ ]+(?=(?:[-+*][ ]*)?(?:(?:\d{1,2}\.|" + item + r"\))[ ]*)?(?:"
                                       + "|".join((w["time_label"], w["place_label"], w["duration_label"]))
                                       + r")[^:.;\n]{0,60}:)"),
        # a place's value ends where the next numbered item starts ("... huyện Yên Thành. 4. Số lượng đại biểu: ...")
        "next_item_rx": re.compile(r"[.;][ ]+(?:\d{1,2}\.|" + item + r"\))[ ]"),
        "main_point": toneless_rx(r"(?<!\w)(?:" + _in_order(w["main_point_words"]) + r")(?!\w)"),
        # the main point's place in a meeting's sentence: "điểm cầu chính tại / là / đặt tại ..."
        "main_point_at": toneless_rx(r"(?<!\w)(?:" + _in_order(w["main_point_words"]) + r")(?:[ ]+(?:"
                                     + _in_order(w["main_point_links"]) + r"))?[ ]*:?[ ]+"),
        "subsections": [(toneless_rx(_in_order(words)), slot) for slot, words in w["subsections"].items()],
        "role_rx": toneless_rx("(" + _in_order(list(w["roles"])) + ")"),
        "role_of": {key(k): v for k, v in w["roles"].items()},
        "column_roles": [(toneless_rx(_in_order(words)), role) for role, words in w["column_roles"].items()],
        "content_column": toneless_rx(_in_order(w["content_columns"])),
        "meeting_word": toneless_rx(_in_order(w["meeting_words"])),
        # read with tone marks: without them "tại" would cut "khuyến tài"
        "mention_cut": re.compile(r"[(“\"]|,[ ]+(?:" + _in_order(w["mention_cut_after_comma"]) + r")|[ ]+(?:"
                                  + _in_order(w["mention_cut_words"]) + r")[ ]|[ ]+" + day + r"[ ]+\d"),
        "at": toneless_rx(r"(?<!\w)" + w["place_preposition"] + r"[ ]*:?[ ]*"),
        "place_reference": toneless_rx(r"(?:" + _in_order(w["place_reference_words"] + w["meeting_words"])
                                       + r")(?!\w)(?![ ]+(?:"
                                       + _in_order(w["online_point_words"]) + r"))"),
        "online_at": toneless_rx(r"(?<!\w)" + w["place_preposition"] + r"[ ]+(?:" + _in_order(w["online_point_words"])
                                 + r")[ ]*:?[ ]*"),
        # "Ngày 14/11/2025, tại Đại hội ...": the words before a meeting where something was done
        "at_end": toneless_rx(r"(?<!\w)" + w["place_preposition"] + r"[ ]*$"),
        "at_place": toneless_rx(r"(?<!\w)" + w["place_preposition"] + r"[ ]+(.+)$"),
        "place_lead": re.compile(r"^(?:" + _in_order(w["place_lead_words"]) + r")[ ]+", re.IGNORECASE),
        "place_designator": re.compile(r"^(?:" + "|".join(re.escape(d) for d in w["place_designators_dropped"])
                                       + r")[ ]+(?=[" + w["place_name_initials"] + "])"),
        "lead_date": toneless_rx(r"[ *_-]*(?:(?:" + _in_order(w["lead_date_openers"]) + r"),?[ ]*)?(?:(?:"
                                 + _in_order(w["lead_date_prepositions"]) + r")[ ]+)?(?:(?:"
                                 + _in_order(w["lead_date_sessions"]) + r")[ ]+(?:" + day + r"[ ]+)?|" + day
                                 + r"[ ]+)\d{1,2}[ ]*(?:/|-|" + month + "|" + _in_order(w["lead_date_links"]) + r"(?!\w))"),
        "quarter_word": key(w["quarter_word"]),
        "quarter_preposition": toneless_rx(r"(?:" + _in_order(w["quarter_prepositions"]) + r")[ ]+(?:\w+[ ]+){0,2}?$"),
        # the section number before "Quý" may be misread by OCR ("H" for "II"): any short token is accepted
        "quarter_row": toneless_rx(r"\S{0,5}[ .]*" + w["quarter_word"] + r"[ ]+" + ROMAN_Q + r"(?:[ ]*(?:/|"
                                   + w["year_word"] + r"[ ]+)\d{4})?[ .]*"),
        "half_day": re.compile(r"(?<!\w)(?:" + alt(w["half_day"]) + r")(?!\w)"),
        "cancelled_rx": re.compile(r"(?<!\w)(?:" + alt(w["cancelled_time_words"]) + r")(?!\w)[^.;:\n]{0,24}$"),
        "per_session_rx": re.compile(r"(?<!\w)(?:" + alt(w["per_session_words"]) + r")(?!\w)"),
        "clock_span_rx": re.compile(clock_span),
        "place_plural_rx": re.compile(r"(?:" + alt(w["place_plurals"]) + r")[ ]", re.IGNORECASE),
    }
