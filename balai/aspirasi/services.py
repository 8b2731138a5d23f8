"""Ticket life cycle: intake from every channel, routing, disposition, answer, replies."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.aspirasi.models import FIRST_RESPONSE_DAYS, Category, RoutingRule, Ticket, TicketEvent
from balai.core.tasks import queue_email
from balai.kalender.calendar import due_date
from balai.opd import access
from balai.opd.models import OPD
from balai.opd.selectors import kominfo_emails, staff_emails

logger = logging.getLogger(__name__)
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_number(when) -> str:
    return f"ASP-{when:%y%m}-" + "".join(secrets.choice(ALPHABET) for _ in range(6))


def route(text: str, category: Category | None) -> tuple[OPD | None, str]:
    """Keyword rule (first word = a RoutingRule keyword or an OPD's slug), then the category's
    OPD; None means Kominfo's triage queue. Returns (opd, text without the keyword)."""
    first, _sep, rest = text.strip().partition(" ")
    word = first.upper().strip(".,:#")
    if word:
        rule = RoutingRule.objects.select_related("opd").filter(keyword=word).first()
        if rule:
            return rule.opd, rest.strip() or text
        opd = OPD.objects.filter(slug__iexact=word, is_active=True).first()
        if opd:
            return opd, rest.strip() or text
    if category and category.default_opd_id:
        return category.default_opd, text
    return None, text


def _deadlines(ticket: Ticket) -> None:
    first_days = ticket.category.first_response_days if ticket.category else FIRST_RESPONSE_DAYS
    days = ticket.category.days_to_complete if ticket.category else 5
    ticket.first_response_due = due_date(ticket.received_at, first_days)
    ticket.due_date = due_date(ticket.received_at, days)


def create_ticket(
    *,
    channel: str,
    text: str,
    phone: str = "",
    email: str = "",
    reporter_name: str = "",
    opd: OPD | None = None,
    category: Category | None = None,
    anonim: bool = False,
    rahasia: bool = False,
    kecamatan: str = "",
    kelurahan: str = "",
    location: str = "",
    attachment=None,
    received_at=None,
) -> Ticket:
    """Store a ticket, route it, and queue the acknowledgement with its number (after commit)."""
    received_at = received_at or timezone.now()
    routed_opd, text = (opd, text) if opd else route(text, category)
    ticket = Ticket(
        channel=channel,
        text=text,
        phone=phone,
        email=email,
        reporter_name=reporter_name,
        opd=routed_opd,
        category=category,
        anonim=anonim,
        rahasia=rahasia,
        kecamatan=kecamatan,
        kelurahan=kelurahan,
        location=location,
        received_at=received_at,
        status=Ticket.Status.DISPOSED if routed_opd else Ticket.Status.NEW,
    )
    if attachment:
        ticket.attachment = attachment
    _deadlines(ticket)
    for _attempt in range(5):
        ticket.number = new_number(received_at)
        try:
            with transaction.atomic():
                ticket.save()
            break
        except IntegrityError:
            continue
    TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.MESSAGE, text=text, public=True)
    if routed_opd:
        TicketEvent.objects.create(
            ticket=ticket,
            kind=TicketEvent.Kind.DISPOSITION,
            public=True,
            text=_("Diteruskan otomatis ke %(opd)s.") % {"opd": routed_opd.name},
        )
    acknowledge(ticket)
    return ticket


def acknowledge(ticket: Ticket) -> None:
    url = ticket.short_url() if ticket.phone else ticket.tracking_url()
    text = _("Aspirasi Anda diterima dengan nomor %(n)s. Pantau di %(url)s") % {
        "n": ticket.number,
        "url": url,
    }
    _reply(ticket, text, key=f"ack:{ticket.number}")


def _reply(ticket: Ticket, text: str, *, key: str, full_text: str = "") -> None:
    """Reply on the channel the ticket came from (SMS to the phone, else e-mail)."""
    from balai.sms.gsm import fit
    from balai.sms.outbound import queue_sms

    if ticket.phone:
        tail = _(" Selengkapnya: %(url)s") % {"url": ticket.short_url()} if full_text else ""
        body = fit(text, settings.BALAI_SMS_MAX_PARTS, tail=tail)
        queue_sms(ticket.phone, body, context=f"aspirasi {ticket.number}", dedupe_key=key)
    elif ticket.email:
        queue_email(
            ticket.email,
            _("Aspirasi %(n)s") % {"n": ticket.number},
            (full_text or text) + "\n\n" + ticket.tracking_url(),
        )


def ingest_sms(inbound) -> Ticket | None:
    """One stored SMS → a new ticket, a message in the open ticket's thread, or a status reply.

    Keywords (Indonesian SMS Centre convention): "LAPOR <pesan>" always opens a new ticket,
    "CEK <nomor>" answers with the ticket's status; any other text from a number with an open
    ticket joins that ticket's thread.
    """
    text = inbound.text.strip()
    first, _sep, rest = text.partition(" ")
    keyword = first.upper()
    if keyword == "CEK":
        ticket = Ticket.objects.filter(number__iexact=rest.strip(), phone=inbound.phone).first()
        from balai.sms.outbound import queue_sms

        reply = (
            _("Tiket %(n)s: %(s)s.") % {"n": ticket.number, "s": ticket.get_status_display()}
            if ticket
            else _("Tiket tidak ditemukan untuk nomor ini.")
        )
        queue_sms(inbound.phone, reply, context="cek", dedupe_key=f"cek:{inbound.pk}")
        return ticket
    if keyword != settings.BALAI_ASPIRASI_NEW_KEYWORD:
        open_ticket = (
            Ticket.objects.filter(phone=inbound.phone, status__in=Ticket.OPEN)
            .order_by("-received_at")
            .first()
        )
        if open_ticket:
            TicketEvent.objects.create(
                ticket=open_ticket, kind=TicketEvent.Kind.MESSAGE, text=text, public=True
            )
            return open_ticket
    else:
        text = rest.strip() or text
    return create_ticket(
        channel=Ticket.Channel.SMS,
        text=text,
        phone=inbound.phone,
        received_at=inbound.received_at,
    )


def set_status(ticket: Ticket, status: str, user=None, reason: str = "") -> None:
    if status == ticket.status:
        return
    ticket.status = status
    now = timezone.now()
    if status != Ticket.Status.NEW and ticket.first_response_at is None:
        ticket.first_response_at = now  # LAPOR!: first response = verified/forwarded/handled
    if status in (Ticket.Status.REJECTED, Ticket.Status.DELETED):
        ticket.reason = reason or ticket.reason
    ticket.save()
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.STATUS,
        user=user,
        public=True,
        text=ticket.get_status_display() + (f": {reason}" if reason else ""),
    )


def dispose(
    ticket: Ticket, opd: OPD, user=None, note: str = "", related: Iterable[OPD] = ()
) -> None:
    """Kominfo forwards a ticket to the OPD in charge (Perpres 76/2013 practice: the Pemda's
    SP4N-LAPOR! admin dispositions a report to the agencies that must follow it up).

    ``opd`` leads: it answers the citizen and owns the deadline. ``related`` OPDs also see the
    ticket and contribute internal notes. The disposition itself is public on the tracking page;
    Kominfo's ``note`` to the OPDs is internal. The operators of every OPD involved get an e-mail.
    """
    related = [o for o in related if o.pk != opd.pk]
    ticket.opd = opd
    ticket.save(update_fields=["opd"])
    ticket.related_opds.set(related)
    text = _("Didisposisikan ke %(opd)s.") % {"opd": opd.name}
    if related:
        text += " " + _("OPD terkait: %(opds)s.") % {"opds": ", ".join(o.name for o in related)}
    TicketEvent.objects.create(
        ticket=ticket, kind=TicketEvent.Kind.DISPOSITION, user=user, public=True, text=text
    )
    if note:
        TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.NOTE, text=note, user=user)
    ticket.status = ""  # force the status event
    set_status(ticket, Ticket.Status.DISPOSED, user)
    recipients = staff_emails([opd, *related])
    if recipients:
        queue_email(
            recipients,
            _("Disposisi aspirasi %(n)s") % {"n": ticket.number},
            _("Aspirasi %(n)s didisposisikan ke %(opd)s, batas penyelesaian %(d)s.")
            % {"n": ticket.number, "opd": opd.name, "d": ticket.due_date}
            + (f"\n\n{note}" if note else ""),
        )


def return_to_triage(ticket: Ticket, user, reason: str) -> None:
    """The lead OPD finds the report outside its authority: it goes back to Kominfo's triage queue
    for a new disposition (SP4N-LAPOR! practice: an agency returns a misrouted report to the
    admin instead of leaving it unanswered). The reason is an internal note; Kominfo is e-mailed."""
    previous = ticket.opd
    ticket.opd = None
    ticket.save(update_fields=["opd"])
    ticket.related_opds.clear()
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.DISPOSITION,
        user=user,
        public=True,
        text=_("Dikembalikan ke Kominfo untuk disposisi ulang."),
    )
    TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.NOTE, text=reason, user=user)
    ticket.status = ""  # force the status event
    set_status(ticket, Ticket.Status.VERIFIED, user)
    kominfo = kominfo_emails()
    if kominfo:
        queue_email(
            kominfo,
            _("Aspirasi %(n)s dikembalikan") % {"n": ticket.number},
            _("%(opd)s mengembalikan aspirasi %(n)s: %(reason)s")
            % {"opd": previous.name if previous else "-", "n": ticket.number, "reason": reason},
        )


def leads(ticket: Ticket, user) -> bool:
    """Whether ``user`` may answer and change the status: Kominfo, or the lead OPD's staff."""
    return access.works_in(user, ticket.opd_id)


def answer(ticket: Ticket, text: str, user=None) -> None:
    """The OPD's answer: stored, shown on the tracking page, sent back on the ticket's channel."""
    now = timezone.now()
    ticket.answer = text
    ticket.answered_at = ticket.answered_at or now
    ticket.first_response_at = ticket.first_response_at or now
    ticket.save()
    event = TicketEvent.objects.create(
        ticket=ticket, kind=TicketEvent.Kind.ANSWER, text=text, user=user, public=True
    )
    set_status(ticket, Ticket.Status.DONE, user)
    _reply(ticket, f"[{ticket.number}] {text}", key=f"answer:{event.pk}", full_text=text)


def note(ticket: Ticket, text: str, user=None) -> None:
    TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.NOTE, text=text, user=user)


def reopen(ticket: Ticket) -> bool:
    """The citizen reopens within BALAI_ASPIRASI_REOPEN_DAYS of the answer."""
    if ticket.status != Ticket.Status.DONE or not ticket.answered_at:
        return False
    if (timezone.now() - ticket.answered_at).days > settings.BALAI_ASPIRASI_REOPEN_DAYS:
        return False
    set_status(ticket, Ticket.Status.IN_PROGRESS, reason="")
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.MESSAGE,
        public=True,
        text=_("Pelapor membuka kembali aspirasi ini."),
    )
    return True
