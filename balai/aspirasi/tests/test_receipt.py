"""After filing, the citizen reads what happens next: number and secret, the deadline and how it
was counted, how the answer comes, times with their zone; codes typed back in any case work, and
secrets issued before Crockford codes still do."""

from __future__ import annotations

import pytest
from freezegun import freeze_time

from balai.aspirasi.models import Ticket
from balai.aspirasi.tests.test_flow import _form
from balai.core.codes import CROCKFORD

pytestmark = pytest.mark.django_db


@freeze_time("2026-12-18 11:56:00")  # Friday 18.56 WIB, after the office closed
def test_receipt_tells_number_deadline_count_and_channel(client, opd_a):
    r = _form(client, opd_a.hostname)
    ticket = Ticket.objects.get()
    assert r["Location"].endswith("?baru=1")
    assert set(ticket.number.rsplit("-", 1)[1]) <= set(CROCKFORD)
    assert len(ticket.secret) == 12 and set(ticket.secret) <= set(CROCKFORD)
    page = client.get(r["Location"], HTTP_HOST=opd_a.hostname).content.decode()
    assert ticket.number in page and ticket.secret in page
    assert "18 Desember 2026 18.56 WIB" in page
    assert "Dianggap diterima Senin, 21 Desember 2026" in page
    assert "layanan tutup pukul 16.00 WIB" in page
    assert "<li>Sabtu, 19 Desember 2026</li>" in page
    assert "Hari Raya Natal" in page
    assert f"{ticket.tenggat:%d}" in page and "SMS ke 0812" in page
    assert "halaman lacak ini" in page


def test_receipt_by_email_when_no_phone_and_zone_from_setting(client, opd_a, settings):
    settings.BALAI_ZONA_WAKTU = "WITA"
    r = _form(client, opd_a.hostname, phone="", email="warga@example.com")
    page = client.get(r["Location"], HTTP_HOST=opd_a.hostname).content.decode()
    assert "surel ke w" in page and "SMS ke" not in page
    assert " WITA" in page and " WIB" not in page.split("<footer")[0]


def test_codes_typed_in_any_case_with_look_alikes_find_the_ticket(client, opd_a):
    _form(client, opd_a.hostname)
    ticket = Ticket.objects.get()
    ticket.number, ticket.secret = "ASP-2612-7KQ31X", "AB10CD0EF1GH"
    ticket.save()
    r = client.get(
        "/aspirasi/lacak/",
        {"nomor": "asp-2612-7kq3lx", "kode": "ab1ocdOefIgh"},
        HTTP_HOST="localhost",
    )
    assert r.status_code == 302 and r["Location"] == ticket.tracking_path()
    # The link from an SMS, typed by hand in lower case, still opens the page.
    assert (
        client.get(
            "/aspirasi/lacak/asp-2612-7kq31x/ab10cd0ef1gh/", HTTP_HOST="localhost"
        ).status_code
        == 200
    )
    wrong = client.get(
        "/aspirasi/lacak/", {"nomor": ticket.number, "kode": "AB10CD0EF1GX"}, HTTP_HOST="localhost"
    )
    assert wrong.status_code == 200 and "tidak cocok" in wrong.content.decode()


def test_secrets_issued_before_keep_working(client, opd_a):
    _form(client, opd_a.hostname)
    ticket = Ticket.objects.get()
    ticket.secret = "DcZ3l-Ab_x9Q"  # URL-safe base64, as issued until December 2026
    ticket.save()
    r = client.get(
        "/aspirasi/lacak/",
        {"nomor": ticket.number.lower(), "kode": "DcZ3l-Ab_x9Q"},
        HTTP_HOST="localhost",
    )
    assert r.status_code == 302
    assert client.get(ticket.tracking_path(), HTTP_HOST="localhost").status_code == 200
    short = f"/a/{ticket.number.rsplit('-', 1)[1]}.{ticket.secret}"
    assert client.get(short, HTTP_HOST="localhost")["Location"] == ticket.tracking_path()
