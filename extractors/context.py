"""What later extractors need to know about the document as a whole (its year, its province)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocContext:
    #: the plan's year: from the issue date, else the title, else the most frequent explicit year
    year: int | None = None
    #: month of issue, when written
    month: int | None = None
    #: province of the issuing body ("Nam Định"), used to resolve "UBND tỉnh"
    province: str | None = None
    #: district or commune of the issuing body, when it is one ("Kim Bảng")
    district: str | None = None
    #: administrative level of the issuer: "tỉnh" | "huyện" | "xã" | None
    level: str | None = None
    #: canonical issuer name
    issuer: str | None = None
