"""The record: one per document, the contract read by ../shared/eval/score.py and by other systems.

Every extracted item carries ``evidence``: spans into the record's own ``text`` that reproduce the
mention, with the page where the source has pages.
"""
from __future__ import annotations

import calendar
import re
from typing import Literal

from pydantic import Field, model_validator

from schemas.base import Strict
from schemas.document import Block, Box, PageInfo, SourceInfo

SCHEMA_VERSION = "1.0"
#: how a list of names is written in a flat table cell (CSV exports and the SQLite archive alike)
LIST_SEPARATOR = "; "

Granularity = Literal["day", "month", "quarter", "half", "year", "interval", "duration"]
UnitRole = Literal["lead", "support", "director", "mentioned"]
ConferenceKind = Literal["interim_review", "final_review", "experience_exchange", "exemplars",
                         "emulation_congress", "launch", "other"]
AwardLevel = Literal["state", "provincial", "grassroots", "unknown"]


class Evidence(Strict):
    start: int
    end: int
    page: int | None = None
    text: str
    boxes: list[Box] = Field(default_factory=list, description="where the span is on the page (PDF and scan): "
                                                               "one rectangle per line, in PDF points")


_POINT = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4]|-H[12])?"
#: the contract's value grammar, per granularity (../shared/eval/README.md)
VALUE_GRAMMAR: dict[str, re.Pattern[str]] = {
    "day": re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"),
    "month": re.compile(r"\d{4}-(?:0[1-9]|1[0-2])"),
    "quarter": re.compile(r"\d{4}-Q[1-4]"),
    "half": re.compile(r"\d{4}-H[12]"),
    "year": re.compile(r"\d{4}"),
    "interval": re.compile(f"{_POINT}/{_POINT}"),
    "duration": re.compile(r"P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?"),
}


def _point_range(point: str) -> tuple[str, str]:
    """First and last ISO day of one point of the grammar: 2024, 2024-H2, 2024-Q3, 2024-07 or 2024-07-15."""
    year = int(point[:4])
    rest = point[5:]
    if not rest:
        first, last = 1, 12
    elif rest[0] in "QH":
        months = 3 if rest[0] == "Q" else 6
        last = int(rest[1]) * months
        first = last - months + 1
    elif len(rest) == 2:
        first = last = int(rest)
    else:
        return point, point
    return f"{year:04d}-{first:02d}-01", f"{year:04d}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"


def time_range(value: str, granularity: str) -> tuple[str | None, str | None]:
    """The days a value covers, as (start, end) ISO dates: a quarter, half-year, month or year becomes its
    first and last day, an interval runs from its first endpoint's start to its last endpoint's end, a day
    is itself; a duration has no place in the calendar, so (None, None). The one place this is computed."""
    if granularity == "duration":
        return None, None
    if granularity == "interval":
        left, right = value.split("/")
        return _point_range(left)[0], _point_range(right)[1]
    return _point_range(value)


class TimeValue(Strict):
    """A normalised temporal expression (TIMEX3 / ISO 8601 value)."""

    text: str = Field(description="the words as written")
    value: str = Field(description="2024-05-30 | 2024-07 | 2025-Q1 | 2024-H1 | 2024 | 2021/2025 | P2D | PT4H")
    granularity: Granularity
    modifier: str | None = Field(None, description="START | MID | END | APPROX, as in 'cuối tháng 7'")
    start: str | None = Field(None, description="first day the value covers (ISO date; 2024-Q3 -> 2024-07-01); "
                                                "none for a duration. Derived from value, never read from input")
    end: str | None = Field(None, description="last day the value covers (ISO date; 2024-Q3 -> 2024-09-30)")

    @model_validator(mode="after")
    def _value_follows_grammar(self) -> "TimeValue":
        if not VALUE_GRAMMAR[self.granularity].fullmatch(self.value):
            raise ValueError(f"value {self.value!r} does not follow the {self.granularity} grammar")
        # derived, so a record edited by hand (or by a corrections file) cannot carry a stale range
        self.start, self.end = time_range(self.value, self.granularity)
        return self


class DateMention(TimeValue):
    role: str = Field("other", description="deadline | event | reference | anniversary | issued | period | other")
    evidence: list[Evidence]


class Signer(Strict):
    name: str | None = None
    position: str | None = Field(None, description="e.g. 'Phó Chủ tịch'")
    authority: str | None = Field(None, description="TM. | KT. | TL. | TUQ. | Q.")
    on_behalf_of: str | None = Field(None, description="the body after TM., e.g. 'Ủy ban nhân dân'")
    evidence: list[Evidence] = Field(default_factory=list)


class Recipient(Strict):
    name: str
    purpose: str | None = Field(None, description="e.g. 'để báo cáo'")
    evidence: list[Evidence] = Field(default_factory=list)


class DocumentHeader(Strict):
    """The components of Decree 30/2020/NĐ-CP, Article 8."""

    type: str | None = None
    number: str | None = None
    code: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    issued: TimeValue | None = None
    title: str | None = None
    signer: Signer | None = Field(None, description="the first (main) signer")
    signers: list[Signer] = Field(default_factory=list, description="every signer, when several sign jointly")
    recipients: list[Recipient] = Field(default_factory=list)
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict, description="per header field")


class Citation(Strict):
    type: str | None = Field(None, description="Luật | Nghị định | Nghị quyết | Chỉ thị | Kết luận | ...")
    number: str | None = Field(None, description="number and code as written, e.g. '98/2023/NĐ-CP'")
    title: str | None = None
    date: TimeValue | None = None
    issuer: str | None = None
    basis: bool = Field(False, description="cited under 'Căn cứ'")
    evidence: list[Evidence]


class Unit(Strict):
    name: str = Field(description="canonical full name, abbreviations expanded")
    roles: list[UnitRole] = Field(default_factory=list)
    head: str | None = Field(None, description="organisational head word, e.g. 'Ủy ban nhân dân', 'Sở'")
    place: str | None = None
    mentions: list[str] = Field(default_factory=list, description="surface forms as written")
    evidence: list[Evidence]


class Assignment(Strict):
    unit: str
    role: UnitRole
    action: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Conference(Strict):
    kind: ConferenceKind
    name: str | None = None
    time: TimeValue | None = None
    duration: str | None = Field(None, description="ISO 8601 duration, e.g. P2D, PT4H")
    location: str | None = None
    host: list[str] = Field(default_factory=list)
    participants: list[str] = Field(default_factory=list)
    agenda: list[str] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    evidence: list[Evidence]


class Award(Strict):
    name: str = Field(description="official name, Law on Emulation and Commendation 2022")
    award_id: str | None = None
    kind: str | None = Field(None, description="emulation_title | commendation | historical")
    level: AwardLevel = "unknown"
    recipient: list[str] = Field(default_factory=list, description="individual | collective | household")
    award_class: str | None = Field(None, description="'hạng Nhất' ...; none where the text says 'các hạng'")
    quota: str | None = None
    authority: str | None = None
    mention: str = Field(description="the words as written")
    evidence: list[Evidence]


class Movement(Strict):
    name: str
    kind: str = Field("phong trào", description="phong trào | cuộc vận động | đợt thi đua")
    evidence: list[Evidence]


class Task(Strict):
    description: str
    period: TimeValue | None = None
    deadline: TimeValue | None = None
    lead: list[str] = Field(default_factory=list)
    support: list[str] = Field(default_factory=list)
    director: list[str] = Field(default_factory=list)
    source: Literal["table", "prose"] = "prose"
    evidence: list[Evidence]


class ErrorInfo(Strict):
    error: str
    code: str
    message: str


class Record(Strict):
    schema_version: str = SCHEMA_VERSION
    doc_id: str = Field(description="content id: the first 16 hex digits of the SHA-256 of the input file's "
                                    "bytes (the original name is in source.name)")
    document_key: str | None = Field(default=None, description=(
        "the same for every rendition of one document (DOCX, PDF, scan): 'h-' + a digest of the header's "
        "type, number, code, issue date, place and title, or 't-' + a digest of the folded text"))
    source: SourceInfo
    text: str
    document: DocumentHeader = Field(default_factory=DocumentHeader)
    citations: list[Citation] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    conferences: list[Conference] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    movements: list[Movement] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)
    pages: list[PageInfo] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    corrections: list[str] = Field(default_factory=list, description="a reviewer's corrections applied over the "
                                   "machine's output (from <doc_id>.corrections.json next to the record)")
