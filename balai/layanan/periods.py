"""Survey periods (PermenPAN-RB 14/2017: SKM at least once a year; units may run it per quarter
or semester). A period is a key like "2026", "2026-S2" or "2026-T4"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone

_KEY = re.compile(r"^(\d{4})(?:-(T[1-4]|S[12]))?$")


@dataclass(frozen=True)
class Period:
    year: int
    kind: str  # "Y", "S" (semester) or "T" (triwulan/quarter)
    number: int = 1

    @property
    def key(self) -> str:
        return str(self.year) if self.kind == "Y" else f"{self.year}-{self.kind}{self.number}"

    @property
    def start(self) -> dt.date:
        months = {"Y": 12, "S": 6, "T": 3}[self.kind]
        return dt.date(self.year, (self.number - 1) * months + 1, 1)

    @property
    def end(self) -> dt.date:
        """Exclusive end date."""
        months = {"Y": 12, "S": 6, "T": 3}[self.kind]
        month = self.number * months + 1
        return dt.date(self.year + 1, 1, 1) if month > 12 else dt.date(self.year, month, 1)

    @property
    def label(self) -> str:
        if self.kind == "Y":
            return f"Tahun {self.year}"
        if self.kind == "S":
            return f"Semester {self.number} {self.year}"
        return f"Triwulan {['I', 'II', 'III', 'IV'][self.number - 1]} {self.year}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day < self.end


def parse(key: str | None) -> Period | None:
    match = _KEY.match((key or "").strip())
    if not match:
        return None
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return Period(year, "Y")
    return Period(year, part[0], int(part[1]))


def current(today: dt.date | None = None) -> Period:
    """The period shown publicly: the current year (the regulation's minimum frequency)."""
    today = today or timezone.localdate()
    return Period(today.year, "Y")


def choices(years: list[int]) -> list[Period]:
    """Every year, semester and quarter of the given years, newest first."""
    out = []
    for year in sorted(set(years), reverse=True):
        out.append(Period(year, "Y"))
        out += [Period(year, "S", n) for n in (2, 1)]
        out += [Period(year, "T", n) for n in (4, 3, 2, 1)]
    return out
