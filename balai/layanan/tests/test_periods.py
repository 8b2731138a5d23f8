"""Survey periods: year, semester and quarter keys (PermenPAN-RB 14/2017: at least yearly)."""

import datetime as dt

from balai.layanan import periods


def test_parse_and_bounds():
    q3 = periods.parse("2026-T3")
    assert (q3.start, q3.end, q3.label) == (
        dt.date(2026, 7, 1),
        dt.date(2026, 10, 1),
        "Triwulan III 2026",
    )
    s2 = periods.parse("2026-S2")
    assert (s2.start, s2.end) == (dt.date(2026, 7, 1), dt.date(2027, 1, 1))
    year = periods.parse("2025")
    assert (year.start, year.end, year.key) == (dt.date(2025, 1, 1), dt.date(2026, 1, 1), "2025")
    assert periods.parse("2026-T5") is None and periods.parse("x") is None


def test_current_is_the_calendar_year_and_choices_cover_all_periods():
    assert periods.current(dt.date(2026, 11, 23)).key == "2026"
    keys = [p.key for p in periods.choices([2026])]
    assert keys == ["2026", "2026-S2", "2026-S1", "2026-T4", "2026-T3", "2026-T2", "2026-T1"]
