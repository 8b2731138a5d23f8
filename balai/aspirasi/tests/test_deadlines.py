"""Deadlines follow the ticket: re-categorising, dispositioning and reopening move the clock,
the move is recorded in the thread, and reminders/escalation start afresh (issue 12, point 9)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from balai.aspirasi import services
from balai.aspirasi.models import Category, Ticket
from balai.aspirasi.tasks import remind_and_escalate
from balai.kalender.calendar import due_date, working_days_late

pytestmark = pytest.mark.django_db

MONTH_AGO = dt.timedelta(days=30)


def _admin_edit(client, ticket, **data):
    base = {
        "opd": ticket.opd_id or "",
        "category": ticket.category_id or "",
        "status": ticket.status,
        "reason": "",
        "answer": ticket.answer,
        "public_text": "",
        "internal_note": "",
    }
    base.update(data)
    return client.post(f"/admin/aspirasi/edit/{ticket.pk}/", base)


def _deadline_events(ticket: Ticket) -> list[str]:
    return list(ticket.events.filter(kind="tenggat", public=True).values_list("text", flat=True))


def test_recategorising_recomputes_from_receipt_and_clears_escalation(
    opd_a, operator_a, client, client_as
):
    quick = Category.objects.create(name="Informasi", slug="info", tier="normatif")
    field = Category.objects.create(name="Cek lapangan", slug="lapangan", tier="pengawasan")
    received = timezone.now() - MONTH_AGO
    ticket = services.create_ticket(
        channel="web", opd=opd_a, category=quick, text="Jembatan retak", received_at=received
    )
    assert remind_and_escalate.call()["escalated"] == 1  # 5 working days: late

    r = _admin_edit(client_as(operator_a), ticket, category=field.pk)
    assert r.status_code == 302, r.content[:2000]
    ticket.refresh_from_db()
    assert ticket.category == field
    assert ticket.tenggat == due_date(received, 60) and ticket.tenggat > timezone.localdate()
    assert ticket.escalated_at is None
    assert remind_and_escalate.call()["escalated"] == 0  # no longer late
    [event] = _deadline_events(ticket)
    assert "Cek lapangan" in event
    tracking = client.get(ticket.tracking_path(), HTTP_HOST="localhost").content.decode()
    assert "Kategori diubah menjadi Cek lapangan" in tracking


def test_disposition_gives_the_opd_its_full_period(opd_a, kominfo, client_as):
    received = timezone.now() - MONTH_AGO
    ticket = services.create_ticket(channel="sms", text="Sampah menumpuk", received_at=received)
    assert ticket.opd is None and ticket.tenggat < timezone.localdate()
    before = timezone.now()
    r = _admin_edit(client_as(kominfo), ticket, opd=opd_a.pk)
    assert r.status_code == 302, r.content[:2000]
    ticket.refresh_from_db()
    assert ticket.opd == opd_a and ticket.clock_started_at >= before
    assert ticket.tenggat == due_date(ticket.clock_started_at, 5) >= timezone.localdate()
    assert remind_and_escalate.call()["escalated"] == 0
    assert "Dinas Alfa" in _deadline_events(ticket)[0]

    # Changing only the related OPDs does not restart the lead OPD's clock.
    due = ticket.tenggat
    services.dispose(ticket, opd_a, kominfo, related=[])
    ticket.refresh_from_db()
    assert ticket.tenggat == due and len(_deadline_events(ticket)) == 1


def test_returned_ticket_gets_a_new_triage_deadline(opd_a, kominfo, operator_a):
    ticket = services.create_ticket(
        channel="web", opd=opd_a, text="Bukan wewenang", received_at=timezone.now() - MONTH_AGO
    )
    services.return_to_triage(ticket, operator_a, "Wewenang provinsi")
    ticket.refresh_from_db()
    assert ticket.first_response_due == due_date(ticket.events.last().created_at, 3)
    assert remind_and_escalate.call()["escalated"] == 0
    assert _deadline_events(ticket)


def test_reopen_restarts_clock_and_escalation(opd_a, client):
    received = timezone.now() - MONTH_AGO
    ticket = services.create_ticket(channel="web", opd=opd_a, text="x", received_at=received)
    assert remind_and_escalate.call()["escalated"] == 1
    ticket.refresh_from_db()
    services.answer(ticket, "Sudah.")
    ticket.refresh_from_db()
    assert ticket.escalated_at is not None and ticket.tenggat < timezone.localdate()

    r = client.post(ticket.tracking_path() + "nilai/", {"aksi": "buka"}, HTTP_HOST="localhost")
    assert r.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == "ditindaklanjuti"
    assert ticket.escalated_at is None and ticket.reminded_at is None
    assert ticket.tenggat == due_date(ticket.clock_started_at, 5) >= timezone.localdate()
    assert remind_and_escalate.call()["escalated"] == 0
    assert any("Dibuka kembali" in e for e in _deadline_events(ticket))


def test_reopen_window_counts_working_days(opd_a, client, settings):
    today = timezone.localdate()
    answered = today
    while working_days_late(answered, today) < settings.BALAI_ASPIRASI_REOPEN_DAYS:
        answered -= dt.timedelta(days=1)
    assert (today - answered).days > settings.BALAI_ASPIRASI_REOPEN_DAYS  # weekends in between
    late = answered
    while working_days_late(late, today) <= settings.BALAI_ASPIRASI_REOPEN_DAYS:
        late -= dt.timedelta(days=1)

    def at_noon(day):
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))

    def answered_ticket(when):
        t = services.create_ticket(channel="web", opd=opd_a, text="x")
        services.answer(t, "Sudah.")
        Ticket.objects.filter(pk=t.pk).update(answered_at=when)
        return t

    in_time, too_late = answered_ticket(at_noon(answered)), answered_ticket(at_noon(late))
    for ticket, reopened in ((in_time, True), (too_late, False)):
        client.post(ticket.tracking_path() + "nilai/", {"aksi": "buka"}, HTTP_HOST="localhost")
        ticket.refresh_from_db()
        assert (ticket.status == "ditindaklanjuti") is reopened
