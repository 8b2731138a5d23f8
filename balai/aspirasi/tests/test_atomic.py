"""Every aspirasi verb is one transaction: a failure mid-way leaves nothing half-written, and
ticket numbering ends in a longer number or a clear error, never an unsaved ticket."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from balai.aspirasi import services
from balai.aspirasi.models import Category, Ticket, TicketEvent
from balai.core.tests.photos import gps_jpeg
from balai.sms.models import OutboundSMS


def _snapshot(ticket: Ticket) -> tuple:
    ticket = Ticket.objects.get(pk=ticket.pk)
    return (
        ticket.opd_id,
        ticket.status,
        ticket.answer,
        ticket.tenggat,
        ticket.first_response_at,
        sorted(ticket.related_opds.values_list("pk", flat=True)),
        list(ticket.events.values_list("kind", "text")),
        OutboundSMS.objects.count(),
    )


@pytest.mark.django_db
def test_numbering_collisions_fall_back_then_fail_clearly(opd_a, client, monkeypatch):
    first = services.create_ticket(channel="web", opd=opd_a, text="pertama", phone="081234567890")
    real = services.new_number

    def short_numbers_collide(when, length=services.NUMBER_LENGTH):
        return first.number if length == services.NUMBER_LENGTH else real(when, length)

    monkeypatch.setattr(services, "new_number", short_numbers_collide)
    second = services.create_ticket(channel="web", opd=opd_a, text="kedua")
    assert second.pk and len(second.number.rsplit("-", 1)[1]) == services.NUMBER_FALLBACK_LENGTH
    assert Ticket.objects.get(pk=second.pk).events.count() == 2  # message + disposition

    monkeypatch.setattr(services, "new_number", lambda when, length=6: first.number)
    before = (Ticket.objects.count(), TicketEvent.objects.count(), OutboundSMS.objects.count())
    photo = SimpleUploadedFile("foto.jpg", gps_jpeg(), content_type="image/jpeg")
    with pytest.raises(services.TicketNumberError):
        services.create_ticket(channel="sms", text="ketiga", phone="081298765432", attachment=photo)
    after = (Ticket.objects.count(), TicketEvent.objects.count(), OutboundSMS.objects.count())
    assert after == before
    stored = Path(settings.MEDIA_ROOT) / "aspirasi"
    assert not stored.exists() or not any(p.is_file() for p in stored.rglob("*"))

    # Through the public form: a clear Indonesian message, no ticket, no reply.
    page = client.get("/aspirasi/kirim/", HTTP_HOST=opd_a.hostname)
    token = page.context["form"]["form_token"].value()
    r = client.post(
        "/aspirasi/kirim/",
        {"form_token": token, "text": "Lampu jalan mati", "phone": "081211112222"},
        HTTP_HOST=opd_a.hostname,
    )
    assert r.status_code == 200 and "Nomor tiket tidak dapat dibuat" in r.content.decode()
    assert (Ticket.objects.count(), OutboundSMS.objects.count()) == before[::2]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_failure_at_commit_leaves_nothing_half_written(opd_a, opd_b, kominfo):
    """Real commits (no test transaction around them). Each verb is handed a user that does not
    exist: the database's foreign-key check fails when the verb's transaction commits, after all
    its writes. Without one transaction per verb, the writes before the failing one would stay."""
    ghost = get_user_model()(pk=10**8, username="hantu")
    ticket = services.create_ticket(channel="sms", text="jalan rusak", phone="081234567890")
    assert ticket.opd is None

    before = _snapshot(ticket)
    with pytest.raises(IntegrityError):
        services.dispose(ticket, opd_a, ghost, "catatan", related=[opd_b])
    assert _snapshot(ticket) == before

    services.dispose(ticket, opd_a, kominfo, related=[opd_b])
    ticket.refresh_from_db()
    before = _snapshot(ticket)
    assert before[0] == opd_a.pk and before[5] == [opd_b.pk]
    with pytest.raises(IntegrityError):
        services.return_to_triage(ticket, ghost, "bukan wewenang")
    assert _snapshot(ticket) == before

    ticket.refresh_from_db()
    with pytest.raises(IntegrityError):
        services.answer(ticket, "Sudah ditambal.", ghost)
    assert _snapshot(ticket) == before

    ticket.refresh_from_db()
    with pytest.raises(IntegrityError):
        services.set_status(ticket, Ticket.Status.IN_PROGRESS, ghost)
    assert _snapshot(ticket) == before

    ticket.refresh_from_db()
    services.answer(ticket, "Sudah ditambal.", kominfo)
    ticket.refresh_from_db()
    before = _snapshot(ticket)
    # A category that does not exist: the ticket's save fails when reopen() commits.
    ticket.category = Category(pk=10**8, name="Hantu", slug="hantu")
    with pytest.raises(IntegrityError):
        services.reopen(ticket)
    assert _snapshot(ticket) == before

    count = (Ticket.objects.count(), TicketEvent.objects.count(), OutboundSMS.objects.count())
    with pytest.raises(IntegrityError):
        services.create_ticket(
            channel="sms", text="x", phone="081298765432", category=Category(pk=10**8)
        )
    after = (Ticket.objects.count(), TicketEvent.objects.count(), OutboundSMS.objects.count())
    assert after == count
