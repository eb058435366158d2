"""The dates' lexicon: cue words and patterns from data/time_words.yaml, compiled once."""
from __future__ import annotations

import re
from functools import lru_cache, partial
from dataclasses import dataclass

from extractors.lexicon import read_yaml
from extractors.text import ocr_tolerant, starting_with, word_alternation

DATA_FILE = "time_words.yaml"


MIN_YEAR, MAX_YEAR = 1800, 2100


@lru_cache(maxsize=1)
def date_words() -> dict:
    return read_yaml(DATA_FILE)


# date cues: longest first, a space matching any run of white space (a wrapped or doubled space)
spaced_words = partial(word_alternation, longest_first=True, grouped=False, space=r"\s+")


def _ends_with(words) -> re.Pattern:
    return re.compile(r"(?:^|[^\w])(?:" + spaced_words(words) + r")$", re.I)


# the words of the date grammar (data/time_words.yaml "grammar"), for the patterns of the other dates modules
GRAMMAR: dict = date_words()["grammar"]
DAY, MONTH, YEAR = GRAMMAR["day"], GRAMMAR["month"], GRAMMAR["year"]


@dataclass(frozen=True)
class _Lex:
    patterns: tuple  # (name, compiled regex), in priority order
    quarter: dict
    numbers: dict
    units: dict
    halves: dict
    positions: dict
    approx: re.Pattern
    dm_cue: re.Pattern
    dm_context: re.Pattern
    duration_blockers: re.Pattern
    clock_after: re.Pattern
    clock_before: re.Pattern
    next_year_after: re.Pattern
    previous_year_after: re.Pattern
    deadline_now: re.Pattern
    deadline_blocked: re.Pattern
    time_ago: re.Pattern
    span_start: re.Pattern
    deadline_verbs: re.Pattern
    deadline_prep: re.Pattern
    deadline_label: re.Pattern
    event_now: re.Pattern
    event_label: re.Pattern
    event_opening: re.Pattern
    event_opening_after: re.Pattern
    event_sentence: re.Pattern
    instant: re.Pattern
    law_types: re.Pattern
    anniversary: re.Pattern
    period: re.Pattern
    month_name_blockers: re.Pattern
    commemoration: re.Pattern


def _year_after(of: str, words) -> re.Pattern:
    """'(của) năm sau' right after a period: the year it falls in, relative to the plan's."""
    return re.compile(r"\s*(?:" + of + r"\s+)?(?:" + spaced_words(words) + r")(?!\w)", re.I)


_BLANK = r"[ .…_]*"  # what stands for a blank day or month in a header date ("ngày   tháng 5 năm 2024")


Y = r"\d{4}"


@lru_cache(maxsize=1)
def date_lexicon() -> _Lex:
    w = date_words()
    roles = w["roles"]
    pos = spaced_words(w["position_modifiers"])
    qnum = spaced_words(w["quarter_numerals"])
    num_words = spaced_words(w["number_words"])
    units = spaced_words(w["duration_units"])
    halves = spaced_words(w["half_words"])
    g = w["grammar"]
    day, month, year, quarter, half, from_ = (g[k] for k in ("day", "month", "year", "quarter", "half", "from"))
    # the quarter word also in its older spelling ("Quí IV-2025"), from the one list of spelling variants
    variants = [k for k, v in read_yaml("period_words.yaml")["spelling_variants"].items() if v == quarter]
    quarter = "(?:" + spaced_words([quarter, *variants]) + ")"
    to = "|".join(g["range_to"])  # "đến|tới"
    school = "|".join(ocr_tolerant(s["words"], s["ocr_letters"], r"\s+") for s in g["school_year"])
    # (name, core, prefix, prefix required?). The core starts with a literal or a digit so that the scan
    # is fast (a look-behind comes after the first digit, not before it); optional words before it
    # ("cuối", "ngày", "giai đoạn") are read backwards by the prefix.
    # Everything is matched on the lower-cased text.
    mod = rf"(?P<mod>{pos})\s+$"
    lunar = "(?:" + spaced_words(w["lunar_year"]["stems"]) + r")\s+(?:" + spaced_words(w["lunar_year"]["branches"]) + ")"
    pats = [
        # 24/10/2022, 15.6.2020, 01-01-2020 (same separator twice), optionally after "ngày"; on scans also glued
        # to it ("ngày24/10/2022") and with a space at a slash ("31/ 7/2017"); not after a lone digit and a space
        # ("ngày 1 1/11/2019": OCR split the day, which is then unknown)
        ("dmy_num", rf"(?P<d>\d(?:(?<={day}\d)|(?<![\w/.,]\d))(?<!\d[ \t]\d)\d?)(?:(?P<s>[.-])|[ \t]?/[ \t]?)"
                    r"(?P<m>\d{1,2})(?(s)(?P=s)|[ \t]?/[ \t]?)(?P<y>\d{4})(?!\d|/\w|[.,]\d)",
         rf"{day}\s*$", False),
        # ngày 07 tháng 4 năm 2014; header dates with blanks: "ngày   tháng 5 năm 2024", "ngày tháng năm 2024"
        ("dmy_words", rf"{day}{_BLANK}(?P<d>\d{{1,2}})?{_BLANK}{month}{_BLANK}(?P<m>\d{{1,2}})?"
                      rf"(?:{_BLANK}(?:{year}|/){_BLANK}(?P<y>{Y}))?(?!\d)", None, False),
        # a day left blank before its month: "ngày /5/2021", "ngày ..../10/2024" (the month is written)
        ("dmy_blank", rf"{day}[ \t]*(?:[._…]+[ \t]*)?/[ \t]?(?P<m>\d{{1,2}})[ \t]?/[ \t]?(?P<y>{Y})(?!\d)", None, False),
        # 30 tháng 4 năm 2025, (dịp) 19 tháng 12/2025: a full day without "ngày" (never a count of months: the
        # month number and the year follow)
        ("dmy_bare", rf"(?P<d>\d(?<![\w/.,]\d)\d?)\s+{month}\s+(?P<m>\d{{1,2}})\s*(?:{year}|/)\s*(?P<y>{Y})(?!\d)",
         rf"{day}\s*$", False),
        # 27/7, 02/9 (a day of the plan's year); accepted only after a cue (see day_month_ok)
        # also with a space at the slash as typed or OCR'd ("14/ 9")
        ("dm", r"(?P<d>\d(?<![\w/.,-]\d)\d?)[ \t]?/[ \t]?(?P<m>\d{1,2})(?![\d/]|[.,]\d|\s*%)", rf"{day}\s+$", False),
        # tháng 7/2024, tháng 02 năm 2023, cuối tháng 7 năm 2020, tháng 10
        # the number in the same block as "tháng", never the head of an amount ("đồng/người/ tháng\n\n2.400.000")
        ("month", rf"{month}(?=\s)(?:[ \t]*\n)?[ \t]*(?P<m>\d{{1,2}})(?:\s*(?:/|-|\.|{year})\s*(?P<y>{Y}))?"
                  r"(?![\d/]|[.,]\d)", mod, False),
        # tháng 7 - 8/2024, từ tháng 3 đến tháng 6 năm 2024
        ("month_range", rf"{month}\s+(?P<m>\d{{1,2}})\s*(?:-|{to})\s*(?:{month}\s+)?(?P<m2>\d{{1,2}})"
                        rf"\s*(?:/|-|{year})\s*(?P<y>{Y})(?![\d/])", rf"{from_}\s+$", False),
        # Quý I năm 2025, quý II/2024, Quý II (bare, in a table of the plan's year)
        ("quarter", rf"{quarter}\s+(?P<q>{qnum})(?!\w)(?:\s*(?:/|-|{year})\s*(?P<y>{Y}))?(?!\d)", mod, False),
        # 6 tháng đầu năm 2024, 06 tháng cuối năm; also 3 and 9 months
        ("part_year", rf"{month}\s+(?P<h>{halves})\s+{year}(?:\s*(?:/|-)?\s*(?P<y>{Y}))?(?![\d/])",
         rf"(?<![\w/.,])(?P<n>\d{{1,2}}|{num_words})\s+$", True),
        # nửa đầu năm 2024
        ("part_year", rf"(?P<half>{half})\s+(?P<h>{halves})\s+{year}(?:\s*(?:/|-)?\s*(?P<y>{Y}))?(?![\d/])", None, False),
        # năm học 2023 - 2024
        ("school_year", rf"(?:{school})\s+(?P<y>{Y})\s*[-/]\s*(?P<y2>{Y})(?![\d/])", None, False),
        # giai đoạn 2021-2025, (2016-2020), 2023- 2030, từ năm 2021 đến năm 2025
        ("year_range", rf"(?P<y>\d(?<![\w/.,]\d)\d{{3}})\s*(?:-|{to})\s*(?:{year}\s+)?(?P<y2>{Y})(?![\d/]|-\w|[.,]\d)",
         rf"(?:(?:{spaced_words(roles['period_cues'])})\s*:?\s*)?(?:{from_}\s+)?(?:{year}\s+)?$", False),
        # năm 2024, cuối năm 2024; a year named by its lunar name before the number ("Xuân Bính Ngọ 2026")
        ("year", rf"(?:{year}|{lunar})\s+(?P<y>{Y})(?![\d/]|[.,]\d)", mod, False),
        # a table's last cell that holds only a year (a time column: "Sở Tài chính | ... | 2026"); a count in a
        # middle column ("2000") is no date
        ("year", r"(?P<y>\d(?<=\t\d)\d{3})(?=[ \t]*(?:\n|$))", None, False),
        # 02 ngày, 01 buổi, 10 năm, 90 ngày đêm, 30 phút, 06 tháng; the number also in words in brackets, as
        # procedures write it ("20 (hai mươi) ngày làm việc")
        ("duration", rf"(?P<n>\d(?<![\w/.,]\d)\d{{0,2}})\s+(?:\(\s*[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}}\s*\)\s*)?(?P<u>{units})(?!\w)",
         None, False),
        # hai ngày, một buổi
        ("duration", rf"{starting_with(w['number_words'])}(?<!\w)(?P<n>{num_words})\s+(?P<u>{units})(?!\w)", None, False),
        # clock times: read and dropped, so that "15:17:35" or "8 giờ 30" is not a duration
        ("clock", rf"\d(?<![\w/.,:]\d)\d?(?::\d{{2}}(?::\d{{2}})?|\s*(?:{g['hour']}|h)\s*\d{{2}}(?:\s*{g['minute']})?|h(?!\w))"
                  r"(?![\d:])",
         None, False),
    ]
    return _Lex(
        patterns=tuple((name, re.compile(core), re.compile(pre) if pre else None, req)
                       for name, core, pre, req in pats),
        quarter={k.lower(): v for k, v in w["quarter_numerals"].items()},
        numbers=w["number_words"],
        units={k: tuple(v) for k, v in w["duration_units"].items()},
        halves=w["half_words"],
        positions=w["position_modifiers"],
        approx=_ends_with(w["approx_cues"]),
        dm_cue=_ends_with(w["day_month_cues"]),
        dm_context=re.compile(r"(?:^|[^\w])(?:" + spaced_words(w["day_month_context"]) + r")(?:[^\w]|$)", re.I),
        duration_blockers=_ends_with(w["duration_blockers"]),
        next_year_after=_year_after(g["of"], w["next_year_after"]),
        previous_year_after=_year_after(g["of"], w["previous_year_after"]),
        clock_before=_ends_with(w["clock_before"]),
        clock_after=re.compile(r"\s*,?\s*(?:" + spaced_words(w["clock_after"]) + r")(?!\w)", re.I),
        deadline_now=_ends_with(roles["deadline_immediate"]),
        deadline_blocked=_ends_with(roles["deadline_blockers"]),  # "kế hoạch vốn trung hạn giai đoạn 2026 - 2030"
        # time ago: a count of time units, "trước" and a comma ("Đúng 14 tháng trước, ngày 31/3/2020"), where
        # "02 ngày trước ngày 20/11" counts back from a deadline
        time_ago=re.compile(r"(?:^|[^\w])(?:\d{1,3}|" + num_words + r")\s+(?:" + units + r")\s+(?:"
                            + spaced_words(roles["ago_words"]) + r")\s*[,;)]\s*$", re.I),
        span_start=_ends_with([from_]),
        deadline_verbs=re.compile(r"(?:^|[^\w])(?:" + spaced_words(roles["deadline_verbs"]) + r")(?:[^\w]|$)", re.I),
        deadline_prep=_ends_with(roles["deadline_prepositions"]),
        deadline_label=re.compile(r"^(?:" + spaced_words(roles["deadline_labels"]) + r")(?:\s[^:\n]{0,30})?:", re.I),
        event_now=_ends_with(roles["event_immediate"]),
        # a paragraph opened by a day: nothing before it but a part of the day ("Chiều ngày ...", "Từ ngày 08 đến ...")
        event_opening=re.compile(r"^(?:" + spaced_words(g["day_parts"]) + r")?\s*(?:" + from_ + r")?\s*(?:" + day
                                 + r")?$", re.I),
        event_opening_after=re.compile(r"\s*(?:,|(?:" + spaced_words(roles["event_place_after"]) + r")(?!\w))", re.I),
        event_sentence=re.compile(r"(?:^|[^\w])(?:" + spaced_words(roles["event_sentence_words"]) + r")(?!\w)", re.I),
        instant=_ends_with(roles["instant_cues"]),
        event_label=re.compile(r"^(?:" + spaced_words(roles["event_labels"]) + r")\s*:", re.I),
        law_types=re.compile(r"(?:^|[^\w])(?:" + spaced_words(roles["law_types"]) + r")(?:[^\w]|$)", re.I),
        anniversary=re.compile(r"(?:^|[^\w])(?:" + spaced_words(roles["anniversary_cues"]) + r")(?:[^\w]|$)", re.I),
        period=_ends_with(roles["period_cues"]),
        month_name_blockers=_ends_with(w["month_name_blockers"]),
        commemoration=re.compile(r"(?:^|[^\w])(?:" + spaced_words(w["commemoration_cues"]) + r")(?:[^\w]|$)", re.I),
    )
