"""Dates extractor: every temporal expression in a plan, normalised to TIMEX3/ISO 8601, with a role.

Public API (imported by other extractors; keep the signatures stable), the one date parser of the project:

- ``parse_time(phrase, context)``: one expression ("ngày 13/7/2023", "Quý I năm 2025", "02 ngày") -> TimeValue;
- ``find_times(text, context)``: every expression, ``(start, end, TimeValue)``, in order, non-overlapping;
- ``plan_year(text)``: the document's year;
- ``parse_period(phrase, context)``, ``ocr_quarter(phrase, year)``: a period as a table's time cell or section
  row writes it (spelling variants, OCR-misread quarter headings);
- ``read_written_date(phrase)``, ``written_time(text, d, m, y)``: a header's or citation's date at the precision
  written ("ngày   tháng 5 năm 2024" -> 2024-05);
- ``extract_dates(text, context)``: every expression as a DateMention with a role and evidence;
- ``clause_tail(clause)``: the words before a date, lower case, without the clock time that may stand between its
  cue and the day ("vào lúc 08 giờ 00 " -> "vào").

Modules: ``lexicon`` (cue words), ``atoms`` (expressions and how they join), ``year``, ``stamp`` (the
signing-stamp rule, shared with the header), ``parse`` (the parser), ``roles``.

How it works: one pass of regular expressions finds atomic expressions (a day, a month, a quarter, a
half-year, a year, a span of years, a duration); the longest wins where they overlap. A second pass
joins neighbours ("từ ngày A đến hết ngày B" -> an interval, "quý I và quý II năm 2025" -> both 2025,
"(03/02/1930 - 03/02/2024)" -> an anniversary pair). A missing year comes from the plan's year
(``context.year``, else the year of the header date, else the most frequent explicit year), and last
from the nearest explicit year before. Roles come from cue words just before the expression
(``extractors/data/time_words.yaml``). Pure regular expressions: underthesea adds nothing here.
"""
from __future__ import annotations

from extractors.view import DocumentView, as_view
from extractors.context import DocContext
from extractors.dates.atoms import LIST_LINK, clause_tail
from extractors.dates.parse import find_atoms, find_times, parse_time, time_value
from extractors.dates.period import ocr_quarter, parse_period
from extractors.dates.roles import mark_anniversary_years, role_of
from extractors.dates.written import read_written_date, written_time
from extractors.dates.year import plan_year
from extractors.evidence import evidence
from schemas.record import DateMention


def extract_dates(doc: DocumentView | str, context: DocContext | None = None) -> list[DateMention]:
    """Every date in ``text``, normalised, with its role and evidence offsets. Never None. Read once per document
    view: the tasks read the same dates where their joined lines are the text itself."""
    view = as_view(doc)
    return list(view.shared(_dates, context)) if view.text else []


def _dates(view: DocumentView, context: DocContext | None) -> list[DateMention]:
    text = view.text
    atoms = mark_anniversary_years(text, find_atoms(text, context))
    out: list[DateMention] = []
    for i, a in enumerate(atoms):
        tv = time_value(text, a)
        ev = evidence(text, a.start, a.end)
        if i and atoms[i - 1].kind == "day_list" and LIST_LINK.fullmatch(text[atoms[i - 1].end:a.start]):
            role = out[-1].role  # "nộp vào ngày 12, 13/9": the list shares its first day's role
        else:
            role = role_of(text, a, atoms, i)
        out.append(DateMention(text=ev.text, value=tv.value, granularity=tv.granularity, modifier=tv.modifier,
                               role=role, evidence=[ev]))
    return out


__all__ = ["clause_tail", "extract_dates", "find_times", "ocr_quarter", "parse_period", "parse_time", "plan_year", "read_written_date",
           "written_time"]
