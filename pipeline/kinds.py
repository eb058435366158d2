"""The one registry of fact kinds: each kind a record holds as a list of items is declared here once.

The spaCy components (``nlp.py``), the export tables (``export.py``), the archive tables
(``archive.py``), the review page (``review.py``), the evaluation (``evaluate.py``) and the fuzz tests
are all generated from :data:`KINDS`; ``tests/pipeline/test_kinds_registry.py`` fails when one of
them misses a kind. Adding a kind: a model in ``schemas/record.py``, an extractor with its data file and
tests, and one :class:`FactKind` line below.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from extractors.awards import extract_awards
from extractors.citations import extract_citations
from extractors.conferences import extract_conferences
from extractors.dates import extract_dates
from extractors.lexicon import read_yaml
from extractors.movements import extract_movements
from extractors.tasks import extract_tasks
from extractors.text import LEGAL_BASIS_WORDS
from extractors.units import extract_units
from pipeline.folding import search_key
from schemas.record import LIST_SEPARATOR, Award, Citation, Conference, DateMention, Movement, Task, Unit


@dataclass(frozen=True)
class FactKind:
    """One fact kind. ``key`` is the record field, the span group, the export and the archive table."""

    key: str
    model: type[BaseModel]
    extract: Callable[..., list]          # (text, DocContext) -> list[model], never None
    label: str                            # legend of the review page
    colour: str                           # highlight on the review page
    describe: Callable[[Any], str]        # one line per item on the review page
    archive_columns: tuple[str, ...]      # "name TYPE" after doc_id and idx, before the evidence columns
    archive_row: Callable[[Any], dict[str, object]]  # one item -> the values of archive_columns
    report_label: str = ""                # the row of the evaluation report; defaults to key
    role: Callable[[Any], str] = lambda item: ""  # the item's role, named on hover in the review page
    main_field: str = "name"              # identifies an item in a corrections file; what "fix" changes

    @property
    def component(self) -> str:
        """The versioned name of its spaCy component."""
        return f"vnplan_{self.key}_v1"

    @property
    def report_name(self) -> str:
        return self.report_label or self.key


def value_of(tv) -> str | None:
    """The normalised value of an optional TimeValue."""
    return tv.value if tv is not None else None


def range_of(name: str, tv) -> dict[str, str | None]:
    """``<name>_start``, ``<name>_end``: the first and last day an optional TimeValue covers."""
    return {f"{name}_start": tv.start if tv is not None else None, f"{name}_end": tv.end if tv is not None else None}


def names(items) -> str:
    """A list of names in one table cell, with the separator CSV exports use too."""
    return LIST_SEPARATOR.join(items)


def time_label(tv) -> str:
    """A time value and the days it covers, e.g. "2024-Q3 (2024-07-01 … 2024-09-30)"."""
    if tv is None:
        return ""
    days = "" if tv.start is None else (f" ({tv.start})" if tv.start == tv.end else f" ({tv.start} … {tv.end})")
    return f"{tv.value}{days}"


_CITATION_WORDS = read_yaml("citation_words.yaml")
_BASIS_MARK = "(" + " ".join(LEGAL_BASIS_WORDS).lower() + ")"  # "(căn cứ)"


def citation_label(c) -> str:
    """A citation as a reader writes it: title (the type said once), number, date, issuer."""
    title = c.title or ""
    head = title if c.type and title.lower().startswith(c.type.lower()) else _joined(c.type, title, sep=" ")
    return _joined(head or "citation", f"{_CITATION_WORDS['number_word']} {c.number}" if c.number else "",
                   f"{_CITATION_WORDS['day_word']} {c.date.value}" if c.date else "", c.issuer,
                   _BASIS_MARK if c.basis else "")


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "…"


def _joined(*parts: object, sep: str = " · ") -> str:
    return sep.join(str(x) for x in parts if x)


KINDS: tuple[FactKind, ...] = (
    FactKind("citations", Citation, extract_citations, "Citations", "#ffd6a5",
             citation_label,
             ("type TEXT", "number TEXT", "title TEXT", "date TEXT", "date_start TEXT", "date_end TEXT",
              "issuer TEXT", "basis INTEGER"),
             lambda c: {"type": c.type, "number": c.number, "title": c.title, "date": value_of(c.date),
                        **range_of("date", c.date), "issuer": c.issuer, "basis": int(c.basis)},
             role=lambda c: "basis" if c.basis else "cited", main_field="number"),
    FactKind("dates", DateMention, extract_dates, "Dates", "#b9fbc0",
             lambda d: f"{time_label(d)} · {d.role}",
             ("text TEXT", "value TEXT", "granularity TEXT", "modifier TEXT", "role TEXT", "date_start TEXT",
              "date_end TEXT"),
             lambda d: {"text": d.text, "value": d.value, "granularity": d.granularity, "modifier": d.modifier,
                        "role": d.role, **range_of("date", d)},
             role=lambda d: d.role, main_field="value"),
    FactKind("units", Unit, extract_units, "Units", "#98f5e1",
             lambda u: u.name + (f" · {', '.join(u.roles)}" if u.roles else ""),
             ("name TEXT", "name_key TEXT", "roles TEXT", "lead INTEGER", "support INTEGER", "director INTEGER",
              "head TEXT", "place TEXT"),
             lambda u: {"name": u.name, "name_key": search_key(u.name), "roles": names(u.roles),
                        "lead": int("lead" in u.roles), "support": int("support" in u.roles),
                        "director": int("director" in u.roles), "head": u.head, "place": u.place},
             report_label="units (responsible)", role=lambda u: ", ".join(u.roles) or "mentioned"),
    FactKind("conferences", Conference, extract_conferences, "Conferences", "#cfbaf0",
             lambda c: _joined(c.kind.replace("_", " "), c.name, time_label(c.time), c.location,
                               ("host: " + names(c.host)) if c.host else None),
             ("kind TEXT", "name TEXT", "time TEXT", "time_text TEXT", "time_start TEXT", "time_end TEXT",
              "duration TEXT", "location TEXT", "host TEXT", "participants TEXT"),
             lambda c: {"kind": c.kind, "name": c.name, "time": value_of(c.time),
                        "time_text": c.time.text if c.time else None, **range_of("time", c.time),
                        "duration": c.duration, "location": c.location, "host": names(c.host),
                        "participants": names(c.participants)},
             role=lambda c: c.kind, main_field="kind"),
    FactKind("awards", Award, extract_awards, "Awards", "#ffc6ff",
             lambda a: f"{a.name} · {a.level}",
             ("name TEXT", "name_key TEXT", "level TEXT", "kind TEXT", "award_class TEXT", "mention TEXT"),
             lambda a: {"name": a.name, "name_key": search_key(a.name), "level": a.level, "kind": a.kind,
                        "award_class": a.award_class, "mention": a.mention},
             role=lambda a: a.level),
    FactKind("movements", Movement, extract_movements, "Movements", "#fdffb6",
             lambda m: m.name,
             ("name TEXT", "kind TEXT"),
             lambda m: {"name": m.name, "kind": m.kind}),
    FactKind("tasks", Task, extract_tasks, "Tasks", "#a3c4f3",
             lambda t: _shorten(t.description),
             ("description TEXT", "period TEXT", "period_start TEXT", "period_end TEXT", "deadline TEXT",
              "deadline_start TEXT", "deadline_end TEXT", "lead TEXT", "support TEXT", "director TEXT",
              "source TEXT"),
             lambda t: {"description": t.description, "period": value_of(t.period), **range_of("period", t.period),
                        "deadline": value_of(t.deadline), **range_of("deadline", t.deadline),
                        "lead": names(t.lead), "support": names(t.support), "director": names(t.director),
                        "source": t.source},
             main_field="description"),
)

#: the record fields that hold fact items, in record order
FIELDS: tuple[str, ...] = tuple(k.key for k in KINDS)
BY_KEY: dict[str, FactKind] = {k.key: k for k in KINDS}

__all__ = ["FactKind", "KINDS", "FIELDS", "BY_KEY", "value_of", "range_of", "names", "time_label", "citation_label"]
