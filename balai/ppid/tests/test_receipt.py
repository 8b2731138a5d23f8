"""The requester's tracking page guides (UU 14/2008 Pasal 22(4), (7), (8); Pasal 35–36): number,
the 10-working-day deadline and how it was counted, the date an extension would move it to, the
objection right with its dates, how the notice reaches them, times with the zone."""

from __future__ import annotations

import datetime as dt

import pytest
from freezegun import freeze_time

from balai.kalender.calendar import extend
from balai.ppid.tests.conftest import at

pytestmark = pytest.mark.django_db


@freeze_time("2026-12-19 03:00:00")
def test_friday_evening_request_page_says_what_happens_next(client, opd_a, make_request):
    item = make_request(received_at=at(2026, 12, 18, 18, 56))
    page = client.get(f"/ppid/lacak/{item.token}/", HTTP_HOST=opd_a.hostname).content.decode()
    assert item.nomor in page
    assert "18 Desember 2026 18.56 WIB" in page
    assert "Dianggap diterima Senin, 21 Desember 2026" in page
    assert "Hari Raya Natal" in page and "Tahun Baru Masehi" in page
    due = item.tenggat
    assert due > dt.date(2027, 1, 1)
    extended = extend(due, 7)
    objection = extend(due, 30)
    for day in (due, extended, objection, extend(extended, 30)):
        assert f"{day.day} {('Januari', 'Februari', 'Maret')[day.month - 1]} {day.year}" in page
    assert "7 hari kerja" in page and "keberatan" in page and "30 hari kerja" in page
    assert "e-mail ke s" in page and "SMS ke 0812" in page
    assert "Salinan informasi diberikan sesuai pilihan Anda: E-mail." in page


def test_answered_request_no_longer_promises_an_extension(client, opd_a, make_request, ppid_a):
    from balai.ppid.services import answer

    item = make_request()
    answer(item, keputusan=item.Keputusan.DIPENUHI, jawaban="Terlampir.", by=ppid_a)
    page = client.get(f"/ppid/lacak/{item.token}/", HTTP_HOST=opd_a.hostname).content.decode()
    assert item.nomor in page and "Bila diperpanjang" not in page
