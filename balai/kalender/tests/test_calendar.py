"""The working-day calendar on hand-made cases (dates checked against a printed 2026 calendar)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from balai.kalender.calendar import (
    WorkingCalendar,
    due_date,
    extend,
    receipt_day,
    working_days_late,
    working_days_left,
)
from balai.kalender.models import HariLibur

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def at(y, m, d, hh=10, mm=0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=WIB)


def test_cuti_bersama_2026_is_seeded():
    assert HariLibur.objects.filter(date__year=2026, jenis="cuti_bersama").count() == 8
    assert HariLibur.objects.filter(date=dt.date(2026, 3, 23)).exists()


def test_ten_working_days_across_weekends_and_a_national_holiday():
    # Mon 8 June 2026; Tue 16 June is Tahun Baru Islam.
    assert due_date(at(2026, 6, 8), 10) == dt.date(2026, 6, 23)


def test_cuti_bersama_block_around_idul_fitri():
    # Received Tue 17 March 2026. 18 (cuti Nyepi), 19 (Nyepi), 20 (cuti), 21–22 (Idul Fitri),
    # 23–24 (cuti) are off, and Fri 3 April is Wafat Yesus Kristus.
    assert due_date(at(2026, 3, 17), 10) == dt.date(2026, 4, 8)


def test_cuti_bersama_entered_by_kominfo_moves_the_deadline():
    before = due_date(at(2026, 9, 1), 10)
    HariLibur.objects.create(
        date=dt.date(2026, 9, 4),
        name="Libur pemungutan suara",
        jenis=HariLibur.Jenis.LIBUR_TAMBAHAN,
    )
    assert due_date(at(2026, 9, 1), 10) == WorkingCalendar.around(before).next_working_day(before)


def test_year_boundary():
    # Received Wed 23 Dec 2026: 24 (cuti), 25 (Natal), 1 Jan and 5 Jan 2027 (Isra Mikraj) off.
    assert due_date(at(2026, 12, 23), 10) == dt.date(2027, 1, 12)


def test_after_office_hours_counts_from_the_next_working_day():
    assert receipt_day(at(2026, 6, 5, 15, 59)) == dt.date(2026, 6, 5)
    assert receipt_day(at(2026, 6, 5, 16, 0)) == dt.date(2026, 6, 8)  # Fri after closing → Mon
    assert due_date(at(2026, 6, 5, 17, 30), 10) == dt.date(2026, 6, 23)


def test_filed_on_a_weekend_or_holiday_counts_from_the_next_working_day():
    assert receipt_day(at(2026, 6, 7)) == dt.date(2026, 6, 8)  # Sunday
    assert receipt_day(at(2026, 6, 16)) == dt.date(2026, 6, 17)  # Tahun Baru Islam
    assert due_date(at(2026, 6, 7, 8), 10) == due_date(at(2026, 6, 8, 8), 10)


def test_received_time_is_read_in_local_time_not_utc():
    # 23:00 UTC on Sunday is 06:00 WIB on Monday: received Monday.
    utc = dt.datetime(2026, 6, 7, 23, 0, tzinfo=dt.UTC)
    assert receipt_day(utc) == dt.date(2026, 6, 8)


def test_one_extension_of_seven_working_days():
    # Due Tue 23 June 2026 → +7 working days = Thu 2 July.
    assert extend(dt.date(2026, 6, 23), 7) == dt.date(2026, 7, 2)


def test_days_late_and_left_count_working_days_only():
    due = dt.date(2026, 6, 12)  # Friday
    assert working_days_late(due, on=dt.date(2026, 6, 15)) == 1  # Monday after
    assert working_days_late(due, on=dt.date(2026, 6, 17)) == 2  # 16th is a holiday
    assert working_days_late(due, on=due) == 0
    assert working_days_left(due, on=dt.date(2026, 6, 8)) == 4
    assert working_days_left(due, on=dt.date(2026, 6, 13)) == 0


def test_calendar_refuses_days_it_did_not_load():
    calendar = WorkingCalendar(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    with pytest.raises(ValueError):
        calendar.is_working_day(dt.date(2026, 3, 1))
