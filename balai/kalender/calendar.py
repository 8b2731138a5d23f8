"""Working days (hari kerja): Monday–Friday, minus national holidays (the ``holidays`` package's
Indonesian public holidays) and the cuti bersama / extra days off kept in ``HariLibur``.

Counting rule (UU 14/2008 Pasal 22(7)–(8) and PP 61/2010 for PPID; Perpres 76/2013 practice for
complaints): a deadline of N working days counts from the day after receipt. Decided here, for a
request that arrives outside office hours: a request received on a working day before the office
closes (``BALAI_OFFICE_CLOSES``, default 16:00 local time) is received that day; one received
after closing, or on a weekend, holiday or cuti bersama, is received on the next working day. Day 1
is the first working day after the day of receipt; the deadline is the end of day N.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_SPAN_DAYS = 3 * 366  # a guard against runaway loops on absurd input


@lru_cache(maxsize=32)
def national_holidays(year: int) -> dict[dt.date, str]:
    return dict(holidays.Indonesia(years=year, categories=("public",), language="id"))


def extra_days_off(start: dt.date, end: dt.date) -> dict[dt.date, str]:
    from balai.kalender.models import HariLibur

    return dict(HariLibur.objects.filter(date__range=(start, end)).values_list("date", "name"))


class WorkingCalendar:
    """Days off for a span of years, loaded once (one query) and then answered from memory."""

    def __init__(self, start: dt.date, end: dt.date):
        self.start, self.end = start, end
        self.days_off: dict[dt.date, str] = {}
        for year in range(start.year, end.year + 1):
            self.days_off.update(national_holidays(year))
        self.days_off.update(extra_days_off(start, end))

    @classmethod
    def around(cls, day: dt.date, span_days: int = 200) -> WorkingCalendar:
        return cls(day - dt.timedelta(days=span_days), day + dt.timedelta(days=span_days))

    def _check(self, day: dt.date) -> None:
        if not (self.start <= day <= self.end):
            raise ValueError(f"{day} is outside the loaded calendar {self.start}–{self.end}")

    def is_working_day(self, day: dt.date) -> bool:
        self._check(day)
        return day.weekday() < 5 and day not in self.days_off

    def next_working_day(self, day: dt.date) -> dt.date:
        day += dt.timedelta(days=1)
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after ``day`` (day itself is not counted)."""
        for _step in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        if end <= start:
            return 0
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def office_closes() -> dt.time:
    hours, minutes = settings.BALAI_OFFICE_CLOSES.split(":")
    return dt.time(int(hours), int(minutes))


def receipt_day(received_at: dt.datetime, calendar: WorkingCalendar | None = None) -> dt.date:
    """The working day a request counts as received on (see the module docstring)."""
    local = timezone.localtime(received_at)
    day = local.date()
    calendar = calendar or WorkingCalendar.around(day)
    if calendar.is_working_day(day) and local.time() < office_closes():
        return day
    return calendar.next_working_day(day)


def due_date(received_at: dt.datetime, working_days: int) -> dt.date:
    """Last day to answer: ``working_days`` working days after the day of receipt."""
    calendar = WorkingCalendar.around(timezone.localtime(received_at).date(), 60 + working_days * 3)
    return calendar.add_working_days(receipt_day(received_at, calendar), working_days)


def extend(due: dt.date, working_days: int) -> dt.date:
    """A deadline moved by ``working_days`` more working days (e.g. the one PPID extension)."""
    return WorkingCalendar.around(due, 60 + working_days * 3).add_working_days(due, working_days)


def working_days_late(due: dt.date, on: dt.date | None = None) -> int:
    """How many working days ``on`` (default today) is past ``due``; 0 when not late."""
    on = on or timezone.localdate()
    if on <= due:
        return 0
    return WorkingCalendar(due, on).working_days_between(due, on)


def working_days_left(due: dt.date, on: dt.date | None = None) -> int:
    """Working days from ``on`` (default today) until ``due``; 0 when due today or past."""
    on = on or timezone.localdate()
    if due <= on:
        return 0
    return WorkingCalendar(on, due).working_days_between(on, due)


WEEKDAY_NAMES = (
    _("Senin"), _("Selasa"), _("Rabu"), _("Kamis"), _("Jumat"), _("Sabtu"), _("Minggu"),
)  # fmt: skip


@dataclass(frozen=True)
class DueExplanation:
    """How a deadline was counted, in the words a citizen reads on a receipt."""

    received_at: dt.datetime  # local time
    counted_from: dt.date  # the day the request counts as received on
    moved_because: str  # why counted_from is not the day it arrived ("" when it is)
    working_days: int
    due: dt.date
    days_off: list[tuple[dt.date, str]]  # days skipped between arrival and the deadline, named


def day_off_name(day: dt.date, calendar: WorkingCalendar) -> str:
    """A holiday's or cuti bersama's own name, else the weekday (Sabtu, Minggu)."""
    return calendar.days_off.get(day) or str(WEEKDAY_NAMES[day.weekday()])


def explain_due(received_at: dt.datetime, working_days: int) -> DueExplanation:
    """The same count as :func:`due_date`, with its steps: the day counting starts from and why,
    and every day off skipped on the way, by name (UU 14/2008 Pasal 22(7); Perki 1/2021 counts
    in working days)."""
    local = timezone.localtime(received_at)
    calendar = WorkingCalendar.around(local.date(), 60 + working_days * 3)
    start = receipt_day(received_at, calendar)
    due = calendar.add_working_days(start, working_days)
    moved = ""
    if start != local.date():
        if calendar.is_working_day(local.date()):
            moved = _("diterima setelah layanan tutup pukul %(jam)s %(zona)s") % {
                "jam": office_closes().strftime("%H.%M"),
                "zona": settings.BALAI_ZONA_WAKTU,
            }
        else:
            moved = _("diterima pada hari libur: %(nama)s") % {
                "nama": day_off_name(local.date(), calendar)
            }
    skipped = []
    day = local.date()
    while day < due:
        day += dt.timedelta(days=1)
        if not calendar.is_working_day(day):
            skipped.append((day, day_off_name(day, calendar)))
    return DueExplanation(local, start, moved, working_days, due, skipped)
