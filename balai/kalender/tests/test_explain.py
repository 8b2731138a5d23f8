"""A deadline explained the way a citizen reads it: the day counting starts from and why, and the
days off skipped, by name (UU 14/2008 Pasal 22(7))."""

from __future__ import annotations

import datetime as dt

import pytest

from balai.kalender.calendar import due_date, explain_due
from balai.ppid.tests.conftest import at

pytestmark = pytest.mark.django_db


def test_friday_evening_request_counts_from_monday_and_names_the_holidays():
    received = at(2026, 12, 18, 18, 56)  # Friday, after the office closed
    explained = explain_due(received, 10)
    assert explained.counted_from == dt.date(2026, 12, 21)  # Monday
    assert "16.00 WIB" in explained.moved_because
    assert explained.due == due_date(received, 10)
    names = dict(explained.days_off)
    assert names[dt.date(2026, 12, 19)] == "Sabtu" and names[dt.date(2026, 12, 20)] == "Minggu"
    assert names[dt.date(2026, 12, 25)] == "Hari Raya Natal"
    assert names[dt.date(2027, 1, 1)] == "Tahun Baru Masehi"
    assert all(day <= explained.due for day in names)


def test_request_in_office_hours_on_a_working_day_is_not_moved():
    explained = explain_due(at(2026, 12, 2, 9, 0), 5)  # Wednesday morning
    assert explained.counted_from == dt.date(2026, 12, 2) and explained.moved_because == ""
    assert explained.due == dt.date(2026, 12, 9)
    assert [name for _day, name in explained.days_off] == ["Sabtu", "Minggu"]


def test_request_on_a_holiday_says_which(settings):
    explained = explain_due(at(2026, 12, 25, 9, 0), 1)
    assert "Hari Raya Natal" in explained.moved_because
    assert explained.counted_from == dt.date(2026, 12, 28)
