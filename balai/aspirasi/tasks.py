"""Deadline reminders and escalations (Perpres 76/2013 practice: the Pemda's admin follows up
reports an agency leaves unanswered). Runs daily at 07:00 local time."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from balai.core.scheduler import periodic
from balai.core.tasks import queue_email


@periodic(at=dt.time(7, 0))
@task()
def remind_and_escalate() -> dict:
    """Remind the OPD of tickets due within BALAI_ASPIRASI_REMIND_DAYS working days; escalate
    overdue tickets (and the triage queue past its first-response limit) to Kominfo, once each."""
    from balai.aspirasi.lapor import lapor_clock
    from balai.aspirasi.models import Ticket, TicketEvent
    from balai.kalender import reminders
    from balai.opd.selectors import kominfo_emails, staff_emails

    today = timezone.localdate()
    now = timezone.now()
    open_tickets = Ticket.objects.filter(status__in=Ticket.OPEN).select_related("opd")
    kominfo = kominfo_emails()

    def remind(t: Ticket) -> None:
        queue_email(
            staff_emails([t.opd]),
            _("Pengingat aspirasi %(n)s") % {"n": t.number},
            _("Aspirasi %(n)s jatuh tempo %(d)s.") % {"n": t.number, "d": t.tenggat},
        )
        t.reminded_at = now
        t.save(update_fields=["reminded_at"])
        TicketEvent.objects.create(ticket=t, kind=TicketEvent.Kind.REMINDER, text="pengingat")

    def escalate(t: Ticket) -> None:
        queue_email(
            kominfo,
            _("Eskalasi aspirasi %(n)s") % {"n": t.number},
            _("Aspirasi %(n)s melewati batas waktu.") % {"n": t.number},
        )
        t.escalated_at = now
        t.save(update_fields=["escalated_at"])
        TicketEvent.objects.create(ticket=t, kind=TicketEvent.Kind.REMINDER, text="eskalasi")

    # A ticket in Kominfo's queue runs on its triage (first-response) clock: a ticket returned
    # for a new disposition is not late on the completion deadline of the OPD that returned it.
    late = open_tickets.filter(escalated_at=None, tenggat__lt=today).exclude(opd=None)
    late_triage = open_tickets.filter(escalated_at=None, opd=None, first_response_due__lt=today)
    overdue = late | late_triage
    if lapor_clock():  # the lead OPD has not responded within LAPOR!'s 5 days of the disposition
        overdue |= open_tickets.filter(
            escalated_at=None, status=Ticket.Status.DISPOSED, first_response_due__lt=today
        ).exclude(opd=None)
    result = reminders.sweep(
        to_remind=open_tickets.filter(reminded_at=None, tenggat__gte=today).exclude(opd=None),
        to_escalate=overdue.distinct(),
        deadline=lambda t: t.tenggat or today,  # never None: filtered on tenggat
        remind_within=settings.BALAI_ASPIRASI_REMIND_DAYS,
        remind=remind,
        escalate=escalate,
        today=today,
    )
    return {"reminded": result.reminded, "escalated": result.escalated}


@task()
def submit_to_lapor(ticket_pk: int) -> str:
    """Submit a ticket forwarded to SP4N-LAPOR! through the configured adapter and record the
    tracking number it returns (after the forwarding committed; retried by running it again)."""
    from balai.aspirasi import export, lapor, services
    from balai.aspirasi.models import Ticket

    ticket = Ticket.objects.filter(pk=ticket_pk).first()
    client = lapor.adapter()
    if ticket is None or client is None or ticket.lapor_number:
        return ticket.lapor_number if ticket else ""
    number = client.submit(export.record(ticket))
    services.set_lapor_number(ticket, number)
    return number
